"""Kinds of failure found on the gold dev split, each pinned on a short report.

The sentences follow FA-KES wire style (commas and apostrophes lost: "Aleppos"), written
for these tests in the manner of the gold dev articles the kinds came from.
"""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts
from palmyra.model import REPORTED_MODALITIES


def _events(text: str, published: str = "2016-05-31"):
    facts = analyze_texts([TextRecord(f"Report\n\n{text}\n", published=published)])[0]
    return [e for e in facts.events if e.modality in REPORTED_MODALITIES]


def _places(events, sub_type):
    return sorted(e.place.name for e in events if e.sub_event_type == sub_type and e.place)


def test_comma_less_town_list_gives_one_event_per_town():
    events = _events("Russian jets bombed the towns of Anadan Khan Touman Alzorba Qibtan Aljabal"
                     " Kafarnaha and Babees in rural Aleppo.")
    places = _places(events, "Air/drone strike")
    assert {"Anadan", "Khan Tuman"} <= set(places), places


def test_shells_that_fell_on_a_town_are_no_territory_taken():
    events = _events("Barrel bombs fell on Saraqeb late on Monday wounding a large number of"
                     " citizens.")
    assert not [e for e in events if "territory" in e.sub_event_type]
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_a_town_that_fell_is_still_territory():
    events = _events("The town of Saraqeb fell to rebels on Monday after days of fighting.")
    assert "Non-state actor overtakes territory" in {e.sub_event_type for e in events}


def test_killing_by_the_air_force_is_an_air_strike():
    events = _events("The air force also killed at least 10 people in rebel areas east of"
                     " Damascus on Monday a monitor said.")
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_positions_destroyed_by_the_army_are_fighting_not_property_destruction():
    # The rules read a clash; the event-sentence model, retrained on 250 train articles, is
    # sure (>= 0.97) such SANA sentences tell strikes and retypes it. Requiring a weapon word
    # before any weapon retype cost 0.02 events F1 on gold dev and on gold train, so the
    # model's reading stands: what is pinned here is that it is violence at the village.
    events = _events("The Syrian army destroyed several vehicles and positions of terrorists"
                     " in the village of Jbab Hamad on Monday.")
    types = {e.sub_event_type for e in events}
    assert "Looting/property destruction" not in types
    assert types & {"Armed clash", "Air/drone strike", "Shelling/artillery/missile attack"}
    assert {e.place.name for e in events if e.place} == {"Jbab Hamad"}


def test_possessive_city_gives_way_to_its_named_district():
    events = _events("Air raids on Aleppos Marjeh district killed at least 10 people on"
                     " Friday the Observatory said.", published="2016-08-06")
    assert _places(events, "Air/drone strike") == ["Marjeh"]


def test_village_after_stronghold_of_is_the_place():
    events = _events("An airstrike on Saturday killed 18 people in the rebel stronghold of"
                     " Urom al-Joz in Syrias Idlib province.", published="2017-04-09")
    assert _places(events, "Air/drone strike") == ["Urom al-Joz"]


def test_group_change_takes_no_place_from_the_battle_before_it():
    events = _events("Government forces shelled the town of Rastan on Sunday. Nusra Front severed"
                     " ties with al Qaeda last year and rebranded to head the Hayat Tahrir"
                     " al-Sham alliance.")
    changes = [e for e in events if e.sub_event_type == "Change to group/activity"]
    assert changes and all(e.place is None for e in changes)


def test_background_year_does_not_date_the_next_news_sentence():
    events = _events("The rebels first took the district in 2012. Another five rebel fighters"
                     " were killed in the clashes that erupted with government forces in"
                     " western Aleppo.", published="2015-07-03")
    clashes = [e for e in events if e.sub_event_type == "Armed clash" and e.date]
    assert clashes and all(e.date.value.startswith("2015") for e in clashes)


def test_each_town_of_a_comma_less_list_is_an_event():
    # FA-KES train rows (gold dev fakes-1926479005, fakes-1965495325)
    events = _events("Two children were killed and dozens more were injured in airstrikes on"
                     " Tuesday morning in the towns of Kafar Takharim Kafranbil Khan Alsibil and"
                     " Saraqeb in rural Idlib.")
    assert len(_places(events, "Air/drone strike")) == 4, _places(events, "Air/drone strike")
    events = _events("Activists said the shelling hit the capitals eastern suburbs of Zamalka"
                     " Arbeen and Ein Tarma on Wednesday.")
    places = [p for s in {e.sub_event_type for e in events} for p in _places(events, s)]
    assert {"Zamalka", "Arbeen", "Ain Tarma"} <= set(places), places


def test_injured_due_to_attacks_is_a_cause_not_a_plan():
    # FA-KES train row (gold dev fakes-1926479070), SANA style
    events = _events("In the same context three civilians were injured due to attacks carried out"
                     " by Jaish al-Islam terrorists on the neighborhoods of al-Sabaa Bahrat and"
                     " al-Sinaa in Damascus city.")
    assert events and {e.modality for e in events} <= {"asserted", "attributed"}


def test_a_plan_that_is_due_stays_a_plan():
    facts = analyze_texts([TextRecord("Report\n\nGovernment forces are due to launch an offensive"
                                      " on Raqqa next week.\n", published="2016-05-31")])[0]
    assert [e.modality for e in facts.events] == ["planned"]


def test_fighting_that_went_on_that_day_is_an_event_and_a_habit_is_not():
    # FA-KES train rows (gold dev fakes-1965511107, fakes-1923848232)
    assert [e.place.name for e in _events("In the east of Damascus the Syrian military continued"
                                          " to battle the insurgents in Jubar.")] == ["Jobar"]
    assert _events("The Observatory said the fighting was continuing on Saturday in Kobane.")
    assert not _events("Regime aircraft have continued to bomb Douma.")
    assert not _events("The regime continues to bomb hospitals in Idlib.")


def test_fighting_the_sentence_dates_goes_on_that_day():
    # a present "continue" with a day of its own is that day's fighting; undated, a habit
    events = _events("Mop-up operations still continue in the Jobar district on Monday and the"
                     " army is reinforcing its positions.")
    assert [(e.sub_event_type, e.place.name) for e in events] == [("Armed clash", "Jobar")]
    events = _events("They continue to battle for the town of Tabqa with clashes ongoing on"
                     " Saturday the observatory said.")
    assert [(e.sub_event_type, e.place.name) for e in events] == [("Armed clash", "Tabqa")]
    assert not _events("Mop-up operations still continue in the Jobar district.")
    assert not _events("Regime aircraft continue to pound the Jobar district.")


def test_years_after_another_moment_are_no_span():
    # "over two years after X" says when, not how long: the taking is told
    events = _events("Kurdish-led forces retook Manbij in August over two years after the"
                     " militants moved in.")
    assert [(e.sub_event_type, e.place.name) for e in events] == [
        ("Non-state actor overtakes territory", "Manbij")]
    assert not _events("Government warplanes have bombed hospitals in Manbij for two years.")


def test_a_denial_of_one_clause_leaves_the_next_clause_told():
    # "was not an isolated case and that warplanes targeted X": the "not" is the first
    # clause's; a clause with a subject of its own keeps its own voice
    events = _events("The website said that the gas attack on the Zubdiya neighbourhood was not"
                     " an isolated case and that Russian warplanes targeted the neighbourhood of"
                     " al-Rashideen.")
    assert "Air/drone strike" in [e.sub_event_type for e in events], events
    facts = analyze_texts([TextRecord("Report\n\nThe army did not shell Daraya and the rebels"
                                      " did not attack the checkpoint.\n",
                                      published="2016-05-31")])[0]
    assert facts.events and {e.modality for e in facts.events} == {"denied"}


def test_fighting_going_on_as_the_report_is_written_is_an_event():
    # FA-KES train rows (gold dev fakes-1919191766, fakes-1923848204)
    events = _events("In Syria the SDF is now fighting to recapture the town of Tabqa from the"
                     " group.")
    assert [(e.sub_event_type, e.place.name) for e in events] == [("Armed clash", "Tabqa")]
    assert _events("Intermittent clashes are continuing to take place till now in the Asfar"
                   " Najjar area.")


def test_six_more_killed_near_the_town_is_another_strike():
    # FA-KES train rows (gold dev fakes-1962495661, fakes-1965511172): the brief's over-merge
    events = _events("US-led coalition air strikes killed 15 civilians in Manbij on Monday the"
                     " Syrian Observatory said. The group said six more people lost their lives in"
                     " a village near Manbij after similar attacks by coalition fighter jets.")
    assert _places(events, "Air/drone strike") == ["Manbij", "Manbij"]
    # "more than" adds nothing: one strike, its toll told twice
    events = _events("Coalition air strikes killed 15 civilians in Manbij on Monday. More than 15"
                     " people were killed in the strikes the monitor said.")
    assert _places(events, "Air/drone strike") == ["Manbij"]


def test_places_a_described_noun_includes_are_where_the_event_was():
    # FA-KES train row (gold dev fakes-1915433669)
    events = _events("Other locations targeted by Assads troops this week in Eastern Ghouta include"
                     " the towns of Misraba Ayn Tarma Arbin and Kafr Batna.")
    places = {e.place.name for e in events if e.place}  # its sub-type is another matter
    assert {"Misraba", "Kafr Batna"} <= places and "Eastern Ghouta" not in places, places


def test_where_the_victims_came_from_is_not_where_they_were_killed():
    # FA-KES train row (gold dev fakes-1914947533)
    events = _events("A bomb blast hit a bus convoy outside Aleppo on Saturday. Those killed were"
                     " mostly residents of the villages of al-Foua and Kefraya in Idlib province.")
    assert not [e for e in events if e.place and e.place.name in ("Foua", "Kefraya", "al-Foua")]
