"""A group's change told aside in a background clause is one event, placed only by its own
words (issue 18).

The gold codes "since Moscow intervened in September 2015" and "Fateh al-Sham Front, which
changed its name from al-Nusra Front" as Change to group/activity: Russia's intervention
and the renaming are occurrences, with no place unless their own clause names one (GUIDE:
a force deployed into a new theatre; no place named -> no location). The battleground the
rest of the sentence names is its other events'. "Routing" troops takes the ground they
held. Short reports in FA-KES wire style (commas lost), written in the manner of gold train
rows.
"""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts
from palmyra.model import REPORTED_MODALITIES

CHANGE = "Change to group/activity"


def _events(text: str):
    facts = analyze_texts([TextRecord(f"Report\n\n{text}\n", published="2016-10-18")])[0]
    return [e for e in facts.events if e.modality in REPORTED_MODALITIES]


def _changes(text: str):
    return [e for e in _events(text) if e.sub_event_type == CHANGE]


def test_an_intervention_in_a_since_clause_is_an_event():
    changes = _changes("Russian airstrikes have killed thousands of civilians since Moscow"
                       " intervened in September 2015.")
    assert len(changes) == 1
    assert changes[0].date is not None and changes[0].date.value == "2015-09"
    assert changes[0].place is None


def test_a_renaming_in_a_relative_clause_takes_no_place_of_the_sentence():
    changes = _changes("Rebels led by the Fateh al-Sham Front which changed its name from"
                       " al-Nusra Front after breaking off ties with al-Qaeda seized the town"
                       " of Khan Tuman near Aleppo on Sunday.")
    assert len(changes) == 1
    assert changes[0].place is None


def test_a_denied_intervention_is_no_event():
    assert _changes("Police did not intervene when protesters gathered in the square.") == []


def test_routing_troops_takes_their_ground():
    events = _events("IS jihadists control most of the oil-rich province of Deir Ezzor since"
                     " routing government troops in July.")
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]


def test_an_intervention_by_no_warring_side_is_no_event():
    # "intervene" is a group change only where a state or an armed group intervenes:
    # police breaking up a brawl or a president settling a strike change no war
    assert _changes("Police intervened to break up a brawl between rival fans outside the"
                    " stadium in Manchester on Saturday, officers said.") == []
    assert _changes("The president intervened to end the strike by dock workers in Lagos"
                    " on Monday.") == []


def test_a_state_that_intervened_in_a_relative_clause_is_still_an_event():
    changes = _changes("Russia, which intervened militarily in September 2015, has carried out"
                       " thousands of strikes, the Observatory said.")
    assert [e.actor1 for e in changes] == ["Government of Russia"]


def test_an_intervention_told_by_a_pronoun_is_its_subjects():
    # "since it intervened": "it" is the state the clause above is about
    changes = _changes("Russia has not acknowledged any civilian deaths from its strikes since it"
                       " intervened in Syria in 2015.")
    assert [e.date.value if e.date else None for e in changes] == ["2015"]
    changes = _changes("Russian war planes have killed 4000 civilians since it first intervened"
                       " in Syria in 2015.")
    assert [e.date.value if e.date else None for e in changes] == ["2015"]
    # "it" standing for the police or a president changes no war
    assert _changes("The police said it intervened to break up a brawl between rival fans in"
                    " Manchester on Saturday.") == []
