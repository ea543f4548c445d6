"""Triggers the gold articles' missed events showed missing (issue 18, recall), by the rules.

Each case is a sentence of the kind the gold dev and train articles tell (SANA's "established
full control of", AFP's "launched the Wrath of Euphrates operation", "evacuated under a deal
reached between ..."), run through the whole pipeline with the event model off, so that what
is asserted is what the trigger lexicon and its flags give.
"""

from __future__ import annotations

import pytest
from events_fixtures import reported_sub_types, rules_pipeline_fixture  # noqa: F401

from palmyra.pipeline import Pipeline

REGAINS = "Government regains territory"
OVERTAKES = "Non-state actor overtakes territory"
CAMPAIGN = "Change to group/activity"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # control gained over ground, with words between verb and noun, or in the passive
        ("The Syrian army on Wednesday established full control of al-Masasneh village"
         " southwest of Mourek in the countryside of Hama.", REGAINS),
        ("A military source announced that control was established over the hills of Hilal"
         " al-Dusham in the western direction of Deir Ezzor on Monday.", REGAINS),
        ("Regime forces and their allies gained control of positions and heights near the main"
         " road linking Deir Ezzor and Al Mayadeen on Monday.", REGAINS),
        # an operation or campaign told starting
        ("The Kurdish-led SDF launched the Wrath of Euphrates operation in November 2016 aimed"
         " at the liberation of Raqqa city from terrorists.", CAMPAIGN),
        ("More than 250000 people live under government siege in the eastern half of Aleppo"
         " which the army began an operation to retake several weeks ago.", CAMPAIGN),
        ("The U.S.-led coalition which launched an air war against IS in Syria last September"
         " said it had carried out air strikes against Raqqa.", CAMPAIGN),
        ("The Syrian Armed Forces began a large-scale military operation in Aleppo after the"
         " truce brokered by Russia and the United States collapsed.", CAMPAIGN),
        # an evacuation under a deal tells the deal too (the evacuation no longer outranks it)
        ("They were evacuated earlier this month under an unprecedented deal involving a major"
         " rebel coalition and Iran.", "Agreement"),
        ("The blast targeted buses carrying residents evacuated from the northern towns of Fuaa"
         " and Kafraya under a deal reached between the regime and rebels.", "Agreement"),
        # a bomber who blows himself up dies with the bomb: a suicide bombing with no
        # "suicide" in the sentence (the rules gave none, or the clash of "killing soldiers")
        ("A man wearing an explosive vest blew himself up outside a mosque in Quetta on"
         " Friday, killing 11 people.", "Suicide bomb"),
        ("A bomber wearing an explosives belt blew himself up at a checkpoint in Mogadishu,"
         " killing five soldiers.", "Suicide bomb"),
        ("Two women blew themselves up at a market in Maiduguri on Sunday.", "Suicide bomb"),
    ],
)
def test_recall_triggers_give_their_sub_type(rules: Pipeline, text: str, sub_type: str) -> None:
    assert sub_type in reported_sub_types(rules, text)


def test_an_evacuation_under_a_deal_keeps_the_evacuation(rules: Pipeline) -> None:
    found = reported_sub_types(rules, "They were evacuated earlier this month under an"
                               " unprecedented deal involving a major rebel coalition and Iran.")
    assert sorted(found) == ["Agreement", "Other"]


def test_control_seized_is_one_event_not_two(rules: Pipeline) -> None:
    # "seized" is a trigger and the verb of "control" too: one hit, one event
    found = reported_sub_types(rules, "Rebels seized control of the village of Kafr Nabl on"
                               " Monday.")
    assert len(found) == 1 and found[0] in (REGAINS, OVERTAKES)


@pytest.mark.parametrize(
    ("text", "not_sub_type"),
    [
        # control over no ground, or not gained
        ("The fire was brought under control by firefighters in Homs on Monday.", REGAINS),
        ("The police kept control of the crowd outside the stadium in Homs on Monday.",
         REGAINS),
        # operations fought, a campaign only named: no campaign's start
        ("Three soldiers were killed during the operation in Hama on Monday.", CAMPAIGN),
        ("Rebel units started operations in the countryside of Hama last year.", CAMPAIGN),
        ("The Russian campaign has killed thousands of civilians.", CAMPAIGN),
        # a campaign or operation of no armed force
        ("The health ministry launched a campaign to vaccinate 1.5 million children against"
         " polio in Mogadishu on Monday.", CAMPAIGN),
        ("The ministry launched a new operation to rescue flood victims in Khartoum on"
         " Monday.", CAMPAIGN),
        # the goal of an offensive the parse hangs on "began" is not yet reached
        ("Syrian insurgents led by Islamist groups began a major offensive on Sunday to gain full"
         " control of the divided northern city of Aleppo.", OVERTAKES),
    ],
)
def test_recall_triggers_stay_silent_where_nothing_is_gained_or_started(
        rules: Pipeline, text: str, not_sub_type: str) -> None:
    assert not_sub_type not in reported_sub_types(rules, text)
