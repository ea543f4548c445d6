"""False alarms and wrong sub-types that recur in gold dev and gold train alike, by kind
(benchmarks/false_alarm_causes.py on both splits), each on invented sentences of that kind
run through the whole pipeline, with what an analyst codes (gold/GUIDE.md)."""

from __future__ import annotations

import pytest
from events_fixtures import (
    reported_events,
    syria_pipeline_fixture,  # noqa: F401  (found by name: syria)
)

from palmyra.pipeline import Pipeline

PUBLISHED = "2016-03-05"


def _events(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    return reported_events(pipeline, text, PUBLISHED)


def _types(pipeline: Pipeline, text: str) -> set[str]:
    return {sub for sub, _ in _events(pipeline, text)}


# Kind: people killed with no weapon and no doer, right after air strikes or shelling are
# told, are that bombardment at one more place (GUIDE: typed by the article's frame), not a
# clash or an attack on civilians of its own (train: Arbin, Harasta, Douma, Mayssar; dev:
# Shadadi, Kobane).
@pytest.mark.parametrize(("text", "frame", "place"), [
    ("Russian warplanes pounded rebel-held districts of Aleppo on Thursday. Nine civilians"
     " were killed in the Bustan al-Qasr neighbourhood.", "Air/drone strike", "Bustan al-Qasr"),
    ("Government warplanes struck the outskirts of Idlib on Tuesday. Two others were killed in"
     " the town of Saraqeb.", "Air/drone strike", "Saraqib"),
    ("Rebel artillery shelled government-held districts of Aleppo on Friday. Four people"
     " were killed in the Midan neighbourhood.", "Shelling/artillery/missile attack", "Midan"),
])
def test_a_weaponless_killing_takes_the_paragraphs_means(syria, text, frame, place):
    events = _events(syria, text)
    assert (frame, place) in events
    assert not {"Armed clash", "Attack"} & {sub for sub, _ in events}


# ... but a killing whose doer is named, or that names how ("shot dead"), keeps its own kind.
@pytest.mark.parametrize("text", [
    "Russian warplanes pounded rebel-held districts of Aleppo on Thursday. Gunmen killed"
    " nine farmers in the village of Aqrab on Friday.",
    "Russian warplanes pounded rebel-held districts of Aleppo on Thursday. A sniper shot dead"
    " two civilians in the Bustan al-Qasr neighbourhood.",
])
def test_a_killing_with_a_doer_keeps_its_kind(syria, text):
    assert "Attack" in _types(syria, text)


# Kind: an object the parse hangs on the second of two coordinated verbs is the first one's
# too: civilians "killed and crucified" are an attack on civilians, not a clash (train).
@pytest.mark.parametrize("text", [
    "Militants of the Islamic State killed and crucified five civilians in the town of"
    " Mouhessen on Wednesday.",
    "Islamic State militants abducted and executed two shepherds near Palmyra on Sunday.",
])
def test_a_shared_object_makes_the_victims(syria, text):
    types = _types(syria, text)
    assert "Attack" in types and "Armed clash" not in types


def test_gunmen_killing_farmers_is_an_attack_on_civilians(syria):
    text = "Gunmen stormed the village of Aqrab on Saturday, killing nine farmers."
    assert _types(syria, text) == {"Attack"}


# Kind: a word of targeting whose doer is an air strike or a shelling named outside its
# clause ("air strikes that targeted two villages") is that strike, not a clash (train).
def test_targeted_by_air_strikes_is_an_air_strike(syria):
    text = ("Coalition air strikes that targeted two villages near Manbij on Tuesday killed at"
            " least 20 civilians.")
    types = _types(syria, text)
    assert "Air/drone strike" in types and "Armed clash" not in types


# Kind: one speaker's protest is a diplomatic remark, not a demonstration; a crowd's is one.
@pytest.mark.parametrize("text", [
    "Russia's ambassador to the UN protested on Wednesday against the new sanctions.",
    "The Turkish foreign ministry lodged a protest with the Russian envoy on Monday.",
    "Russia protested on Tuesday against the arrest of its citizens in Idlib.",
])
def test_a_diplomats_protest_is_no_protest(syria, text):
    assert not {"Peaceful protest", "Protest with intervention"} & _types(syria, text)


def test_a_crowd_protest_stays(syria):
    text = "Hundreds of residents protested in the town of Saraqeb on Friday against the siege."
    assert "Peaceful protest" in _types(syria, text)


# Kind: a noun the text negates ("no agreement was reached", "ended without a deal")
# tells no event.
@pytest.mark.parametrize("text", [
    "The two sides met in Aleppo on Monday but no agreement was reached.",
    "No clashes were reported in the town of Saraqeb on Sunday.",
])
def test_a_negated_noun_tells_no_event(syria, text):
    assert not {"Agreement", "Armed clash"} & _types(syria, text)


# Kind: a gerund that says what a group is about ("focused on fighting", "committed to
# fighting") tells no fight; a fight told after a verb ("killed after fighting") is one.
@pytest.mark.parametrize("text", [
    "The rebel groups that are most focused on fighting Mr Assad hold only the northern"
    " province of Idlib and a few pockets in the provinces of Aleppo and Homs.",
    "The Kurdish militia is committed to fighting the Islamic State in Raqqa and Hasakah.",
])
def test_what_a_group_is_about_is_no_fight(syria, text):
    assert "Armed clash" not in _types(syria, text)


# Kind: an aircraft with a crew downed, told in a relative clause ("a helicopter which was
# downed east of Palmyra") is a clash with its crew's force, as when told in a main clause;
# a drone stays disrupted weapons use.
def test_a_crewed_aircraft_downed_in_a_relative_clause_is_a_clash(syria):
    text = ("Two Russian pilots were flying a Syrian Mi-25 helicopter which was downed east of"
            " Palmyra on Tuesday, the ministry said. A Russian drone was shot down near Latakia"
            " on Wednesday.")
    events = _events(syria, text)
    assert ("Armed clash", "Palmyra") in events
    # the drone's downing is no clash (the rules read a disrupted weapon; the event-sentence
    # model, retrained on 250 train articles, retypes it an air strike at >= 0.97, and
    # barring its retypes of disrupted weapons cost two events on gold dev)
    latakia = {sub for sub, place in events if place == "Latakia"}
    assert latakia and "Armed clash" not in latakia


# Kind: a bombardment whose start is told at no town and on no day is the start of a
# campaign (GUIDE: Russia's air campaign starting is a Change to group/activity, with no
# place); one launched at a town on a day is an air strike (train, twice).
def test_a_campaigns_start_is_a_change_of_activity(syria):
    text = ("Syrian troops advanced near Aleppo on Wednesday.\n\nRussia began air strikes last"
            " September in support of Assad, helping the regime to regain some territory.\n\n"
            "The US-led coalition launched air strikes on Raqqa on Monday, killing 12 people.")
    events = _events(syria, text)
    assert ("Change to group/activity", None) in events
    assert ("Air/drone strike", "Raqqa") in events


# Kind: a total counted up to now, whose "since" the parse hangs on one conjunct, or whose
# "as" clause tells how it came about, is no occurrence for any of its verbs (GUIDE: generic,
# habitual or cumulative statements are not coded; train: aircraft downed since the war
# erupted, a city's dead since April as both sides pounded it; dev: a suburb's dead since
# an offensive began).
@pytest.mark.parametrize("text", [
    "Several army helicopters have been shot down by rebels or crashed because of bad weather"
    " since the uprising began six years ago.",
    "More than 200 civilians have been killed in Homs since June as rebels have shelled"
    " government districts with mortars and the army has hit rebel areas with air strikes.",
])
def test_a_total_up_to_now_gives_no_event(syria, text):
    assert _events(syria, text) == []


def test_a_told_strike_beside_a_total_still_comes_out(syria):
    # Recall (issue 18): a dated occurrence told before the total is an event.
    events = _events(syria, "Government jets struck the town of Saraqeb on Tuesday, killing"
                            " six people. More than 200 civilians have been killed in Idlib"
                            " since June.")
    assert ("Air/drone strike", "Saraqib") in events
