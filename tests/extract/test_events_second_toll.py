"""A second toll told in its own clause of a strike's sentence is one more event (issue 18).

"15 civilians were killed in raids in Manbij while six others were killed in a village near
the city": the gold codes two strikes, one per place hit, each with its own toll. The
sentences follow FA-KES wire style (commas lost), written in the manner of gold train rows.
"""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts
from palmyra.model import REPORTED_MODALITIES


def _events(text: str):
    facts = analyze_texts([TextRecord(f"Report\n\n{text}\n", published="2016-07-18")])[0]
    return [e for e in facts.events if e.modality in REPORTED_MODALITIES]


def _tolls(events):
    return sorted((e.place.name if e.place else None, e.counts["killed"].low)
                  for e in events if "killed" in e.counts)


def test_others_killed_at_a_second_place_are_a_second_strike():
    events = _events("The Syrian Observatory for Human Rights said nine civilians were killed in"
                     " air strikes in Qaterji and two others including a child were killed in the"
                     " Mayssar neighbourhood of the northern city.")
    assert {e.sub_event_type for e in events} == {"Air/drone strike"}
    assert _tolls(events) == [("Mayssar", 2.0), ("Qaterji", 9.0)]


def test_others_killed_near_the_same_city_are_not_merged_into_its_toll():
    events = _events("At least 15 civilians were killed in raids in a northern district of Manbij"
                     " while six others were killed in a village near the city according to the"
                     " Syrian Observatory for Human Rights.")
    assert [e.sub_event_type for e in events] == ["Air/drone strike"] * 2
    assert _tolls(events) == [("Manbij", 6.0), ("Manbij", 15.0)]
    # the second toll's dead are the first's kind: civilians, as the conventions fill them
    assert {e.actor2 for e in events} == {"Civilians (Syria)"}


def test_a_toll_of_the_strike_itself_is_no_second_event():
    # the killing shares the strike's clause: the strike's toll, told once
    events = _events("Air strikes killed at least 12 civilians in the town of Saraqeb on Monday"
                     " a monitor said.")
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_a_toll_a_source_adds_at_a_place_of_its_own_is_a_second_strike():
    # "adding" opens a further statement: its dead at Albu Kamal are no toll of the
    # destruction told at Mayadeen, and the model still types the lead as it would alone
    events = _events("Russian air strikes killed 120 Islamic State fighters in Deir Ezzor"
                     " province on Friday the defence ministry said.\n\n"
                     "\"A command post of the terrorists and up to 80 (IS group) fighters"
                     " including nine natives of the Northern Caucasus were destroyed in the"
                     " area of Mayadeen\" the ministry said adding some 40 IS fighters were"
                     " killed around the town of Albu Kamal.")
    places = {e.place.name for e in events if e.place and e.sub_event_type == "Air/drone strike"}
    assert {"Mayadin", "Abu Kamal"} <= places


def test_a_toll_a_source_adds_with_no_place_of_its_own_stays_the_attacks():
    events = _events("Local sources said on Monday that US airstrikes had destroyed bridges in"
                     " Deir Ezzor province adding that 50 civilians were killed in the attacks.")
    assert len(events) == 1


def test_a_toll_a_source_adds_at_the_strikes_own_place_is_no_second_strike():
    # "adding ... were killed in Idlib" after strikes told in Idlib is their toll told
    # again: the place is not one of its own, so there is one strike, not two
    events = _events("Russian warplanes struck rebel positions in Idlib on Monday the"
                     " Observatory said, adding 12 civilians were killed in Idlib.")
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 1, strikes
