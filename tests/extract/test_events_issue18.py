"""Trigger coverage and typing across the ACLED sub-types (issue 18), by the rules alone.

Each case is a short report written for these tests (not taken from the recall sets), run
through the whole pipeline with the event model off (``events.mode = rules``), so that what
is asserted is what the trigger lexicon, its flags and the re-typing rules give.
"""

from __future__ import annotations

import pytest
from events_fixtures import reported_sub_types, rules_pipeline_fixture  # noqa: F401

from palmyra.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # ground handed over, left or taken without a fight
        ("Government troops handed the airbase at Tabqa over to Kurdish forces on Monday.",
         "Non-violent transfer of territory"),
        ("The rebels handed it back to the army under a local deal in Rastan on Sunday.",
         "Non-violent transfer of territory"),
        ("Rebel fighters pulled out of the town of Saraqib on Sunday.",
         "Non-violent transfer of territory"),
        ("The Kurdish militia took over the village of Tal Tamr without a fight on Friday.",
         "Non-violent transfer of territory"),
        # ground won back by driving the enemy out
        ("Army units drove the jihadists out of the village of Tal Hamis on Thursday.",
         "Government regains territory"),
        # people seized are abducted, not ground taken
        ("Gunmen seized three teachers on the road outside Azaz on Monday.",
         "Abduction/forced disappearance"),
        ("Masked men took away two engineers from their office in Manbij on Monday.",
         "Abduction/forced disappearance"),
        # groups joining, splitting, giving up
        ("Two rebel brigades in Daraa joined the Southern Front coalition on Tuesday.",
         "Change to group/activity"),
        ("About 200 fighters surrendered to the army in Rastan on Wednesday.",
         "Change to group/activity"),
        # protests told by their crowd and demand, and how they were met
        ("Hundreds of teachers gathered outside the governorate building in Hasakah on Sunday"
         " to demand unpaid salaries.", "Peaceful protest"),
        ("Riot police broke the rally up with water cannon in Suwayda on Friday.",
         "Protest with intervention"),
        ("Angry protesters set fire to the town hall in Suwayda on Sunday.",
         "Violent demonstration"),
        ("Police detained dozens of students who tried to march on the governorate building in"
         " Hasakah on Monday.", "Protest with intervention"),
        ("Soldiers beat three protesters to death in Daraa on Friday.",
         "Excessive force against protesters"),
        ("A crowd beat a man to death in a market in Azaz on Monday after accusing him of"
         " theft.", "Mob violence"),
        # chemical munitions, explosive devices, bases, pacts, orders, civilians shot
        ("Rebels fired rockets carrying a mustard agent at the town of Marea on Tuesday.",
         "Chemical weapon"),
        ("Rebels fired mortar rounds containing chlorine at the town of Marea on Tuesday.",
         "Chemical weapon"),
        ("Regime drones dropped canisters of an unknown gas on rebel trenches near Hama on"
         " Sunday.", "Chemical weapon"),
        ("Angry residents stormed the town hall in Suwayda and set parts of it on fire on"
         " Sunday.", "Violent demonstration"),
        ("An explosive device went off under a bus in Azaz on Sunday, killing two passengers.",
         "Remote explosive/landmine/IED"),
        ("The rebels turned a school in Tal Rifaat into their headquarters on Monday.",
         "Headquarters or base established"),
        ("The army and local elders signed a pact in Daraa on Monday.", "Agreement"),
        ("The militants imposed a curfew on the town of Jarablus on Saturday.", "Other"),
        ("Gunmen shot dead four shepherds near Palmyra on Sunday.", "Attack"),
    ],
)
def test_issue18_kinds_of_report_get_their_sub_type(rules: Pipeline, text: str,
                                                    sub_type: str) -> None:
    assert sub_type in reported_sub_types(rules, text)


@pytest.mark.parametrize(
    ("text", "not_sub_type"),
    [
        # a chemical named outside the strike's own phrase does not make it a chemical attack
        ("Jets bombed a depot where the rebels stored chemical weapons in Khan Shaykhun on"
         " Monday.", "Chemical weapon"),
        # the ground is taken by force: no fight denied
        ("The Kurdish militia took over the village of Tal Tamr after a fierce fight on"
         " Friday.", "Non-violent transfer of territory"),
        # tear gas used on a crowd is riot control, not a chemical attack
        ("Police used tear gas to disperse students blocking a road in Suwayda on Monday.",
         "Chemical weapon"),
        # a seizure of a town is no abduction
        ("Rebels seized the town of Kafr Nabl on Monday.", "Abduction/forced disappearance"),
    ],
)
def test_issue18_cues_outside_their_scope_do_not_retype(rules: Pipeline, text: str,
                                                        not_sub_type: str) -> None:
    found = reported_sub_types(rules, text)
    assert found and not_sub_type not in found


@pytest.mark.parametrize(
    "text",
    [
        # gathering without a demand, joining what is no armed group, a vigil of mourning
        "Hundreds of mourners gathered in Hama on Sunday for the funeral of a poet.",
        "The striker joined the club from a rival side in Aleppo on Monday.",
        "Tear gas canisters were on sale in a shop in Homs.",
    ],
)
def test_issue18_gated_triggers_stay_silent_without_their_cue(rules: Pipeline,
                                                              text: str) -> None:
    assert reported_sub_types(rules, text) == []


def test_issue18_a_weapon_disrupted_is_not_used(rules: Pipeline) -> None:
    # the device is the object of the disrupting verb: one event, no bombing
    assert reported_sub_types(rules, "Sappers dismantled a car bomb in Azaz on Monday.") == [
        "Disrupted weapons use"]


def test_issue18_a_mere_mention_does_not_stop_the_models_proposal() -> None:
    # "a landmine" alone is no occurrence (not specific), but the sentence tells one:
    # with the shipped model on, its proposal comes out where the noun was dropped.
    shipped = Pipeline.create("syria")
    rules = Pipeline.create("syria", settings={"events": {"mode": "rules"}})
    text = "A shepherd lost a leg to a landmine near Palmyra, his family said."
    assert reported_sub_types(shipped, text) == ["Remote explosive/landmine/IED"]
    assert reported_sub_types(rules, text) == []
    # one who "stepped on" the mine tells what befell him, as "came under shelling" does:
    # the rules read that verb's noun as the event
    text = "A shepherd lost a leg when he stepped on a landmine near Palmyra, his family said."
    assert reported_sub_types(rules, text) == ["Remote explosive/landmine/IED"]
