"""An attack a side answered with is an occurrence, not a kind of weapon (issue 18).

"The army responded with airstrikes on rebel positions" tells air strikes that happened:
the noun hangs off "with", not off the verb as its object, so without its answering verb
it had no past verb of its own and the "not specific" gate dropped it. The sentences are
written for these tests in the wire style of the gold articles (FA-KES, commas lost).
"""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts
from palmyra.model import REPORTED_MODALITIES

AIR = "Air/drone strike"


def _events(text: str, published: str = "2016-05-31"):
    facts = analyze_texts([TextRecord(f"Report\n\n{text}\n", published=published)])[0]
    return [e for e in facts.events if e.modality in REPORTED_MODALITIES]


def _subtypes(text: str) -> list[str]:
    return [e.sub_event_type for e in _events(text)]


def test_responded_with_airstrikes_on_positions_is_an_air_strike():
    text = ("Rebels stormed the east of the city on Monday while the regime has responded"
            " with airstrikes on opposition positions in Jobar.")
    assert AIR in _subtypes(text)


def test_a_bombardment_inside_the_with_phrase_is_told_by_the_answering_verb():
    text = ("A monitor said the Syrian army had responded with heavy firepower including"
            " aerial bombardment of Kafr Nubl on Sunday.")
    assert AIR in _subtypes(text)


def test_retaliated_with_shelling_is_a_shelling():
    text = ("Kurdish fighters retaliated with artillery shelling on the town of Azaz on"
            " Tuesday the Observatory said.")
    assert "Shelling/artillery/missile attack" in _subtypes(text)


def test_a_threat_to_answer_with_airstrikes_is_no_event():
    # the answering verb's own modality still rules: a threat is planned, not reported
    text = "The army will respond with airstrikes if rebels enter the town of Jobar."
    assert AIR not in _subtypes(text)


def test_airstrikes_as_a_kind_of_weapon_stay_unspecific():
    # "with" on a verb that answers nothing: a kind of weapon, still no occurrence
    text = "The opposition says it cannot defend itself against airstrikes with light weapons."
    assert AIR not in _subtypes(text)
