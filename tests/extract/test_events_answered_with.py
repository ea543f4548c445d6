"""An attack a side answered with is an occurrence, not a kind of weapon (issue 18).

"The army responded with airstrikes on rebel positions" tells air strikes that happened:
the noun hangs off "with", not off the verb as its object, so without its answering verb
it had no past verb of its own and the "not specific" gate dropped it. The first two
sentences are gold train sentences the gold codes as air strikes; the others are written
for these tests in the same wire style (FA-KES, commas lost).
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
    # gold train fakes-1924058139 (the gold codes an air strike at Damascus)
    text = ("Damascus has been the scene of heavy fighting in recent days with the moderate"
            " Syrian opposition making large incursions into the east of the Syrian capital"
            " while the Assad regime has responded with airstrikes on opposition positions.")
    assert AIR in _subtypes(text)


def test_a_bombardment_inside_the_with_phrase_is_told_by_the_answering_verb():
    # gold train fakes-1915433683 (an air strike at Jamiyat al-Zahra)
    text = ("Rami Abdul Rahman head of the monitor group said the Syrian army had responded"
            " with heavy firepower including aerial bombardment in an attempt to stem the"
            " offensive in Jamiyat al-Zahra.")
    assert AIR in _subtypes(text)


def test_a_threat_to_answer_with_airstrikes_is_no_event():
    # the answering verb's own modality still rules: a threat is planned, not reported
    text = "The army will respond with airstrikes if rebels enter the town of Jobar."
    assert AIR not in _subtypes(text)


def test_airstrikes_as_a_kind_of_weapon_stay_unspecific():
    # "with" on a verb that answers nothing: a kind of weapon, still no occurrence
    text = "The opposition says it cannot defend itself against airstrikes with light weapons."
    assert AIR not in _subtypes(text)
