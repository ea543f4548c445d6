"""Fields, never gates: an event the text reports comes out whatever the text leaves unsaid.

Each case is a short report written for these tests (not taken from the recall sets or
the issue's examples), run through the whole pipeline (``palmyra.api.analyze_texts``).
"""

from __future__ import annotations

import pytest

from palmyra.api import TextRecord, analyze_texts
from palmyra.model import REPORTED_MODALITIES


def _events(text: str, published: str | None = None):
    facts = analyze_texts([TextRecord(f"Report\n\n{text}\n", published=published)])[0]
    return [e for e in facts.events if e.modality in REPORTED_MODALITIES]


def test_events_no_date_line_keeps_relatively_dated_events():
    events = _events("Rebels shelled the town of Jisr al-Shughur on Sunday, killing four people,"
                     " a monitor said.")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]
    assert events[0].date is None  # no publication date: "Sunday" cannot be resolved
    assert events[0].place is not None and events[0].place.name == "Jisr al-Shughur"


def test_events_unknown_village_is_kept_as_written():
    events = _events("Gunmen stormed the village of Qarat Dhibyan overnight and executed six"
                     " farmers, residents said.", published="2019-05-04")
    assert events, "an event at a village no gazetteer lists must still come out"
    place = events[0].place
    assert place is not None and place.name == "Qarat Dhibyan" and place.geonameid is None
    assert place.precision == "unlisted" and events[0].geo_precision == 1


def test_events_no_place_at_all_keeps_the_event():
    events = _events("Militants ambushed an army convoy, killing nine soldiers, the defence"
                     " ministry said.", published="2021-02-10")
    assert len(events) == 1
    assert events[0].place is None and events[0].geo_precision is None
    assert events[0].counts["killed"].low == 9


def test_events_country_only_place_has_geo_precision_3():
    events = _events("A drone strike killed three fighters in Yemen on Monday.",
                     published="2020-03-04")
    assert len(events) == 1
    assert events[0].place is not None and events[0].place.name == "Yemen"
    assert events[0].geo_precision == 3


def test_events_near_a_place_has_geo_precision_2():
    events = _events("Troops clashed with insurgents near Palmyra on Tuesday.",
                     published="2016-03-28")
    assert events and events[0].geo_precision == 2


def test_events_undated_news_takes_the_report_week():
    events = _events("A car bomb exploded at a checkpoint in Azaz, killing five people.",
                     published="2017-01-07")
    assert events[0].date is not None and events[0].date.precision == "week"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Soldiers raped two women in the village of Kafr Aya, rights workers said.",
         "Sexual violence"),
        ("Police fired tear gas to disperse protesters in the centre of Homs on Friday.",
         "Protest with intervention"),
        ("Security forces opened fire on demonstrators in Daraa, killing three of them.",
         "Excessive force against protesters"),
        ("Air defences intercepted two drones over Latakia on Sunday.",
         "Disrupted weapons use"),
        ("The militia set up a new base in the town of Tal Abyad last week.",
         "Headquarters or base established"),
        ("A senior rebel commander defected to the government in Hama.",
         "Change to group/activity"),
        ("A mob lynched a man accused of theft in the market of Manbij.", "Mob violence"),
        ("Rioters torched cars and threw stones at police in Qamishli.",
         "Violent demonstration"),
    ],
)
def test_events_sub_types_that_had_no_way_in(text: str, sub_type: str):
    assert sub_type in [e.sub_event_type for e in _events(text, published="2018-06-04")]


@pytest.mark.parametrize(
    "text",
    [
        "An earthquake struck the region on Monday, killing 30 people in Hatay.",
        "A gas tanker exploded after a collision on the highway near Homs, killing six.",
        "The team's bowling attack tore through the visitors' batting in Lahore.",
        "A fire blamed on an electrical fault destroyed dozens of shops in Aleppo's market.",
    ],
)
def test_events_non_conflict_reports_give_no_event(text: str):
    assert _events(text, published="2018-06-04") == []


def test_events_a_reference_back_joins_the_event_told_before():
    events = _events("Regime aircraft bombed the town of Ariha on Monday, killing 11 civilians."
                     " The opposition condemned the massacre.", published="2016-07-13")
    assert len(events) == 1


def test_events_a_force_named_by_its_strikes_acts_and_the_killed_are_hit():
    events = _events("Two civilians were killed in regime airstrikes on the town of Ariha on"
                     " Monday.", published="2016-07-13")
    assert [(e.actor1, e.actor2) for e in events] == [
        ("Military Forces of Syria", "Civilians (Syria)")]


def test_events_the_day_a_source_spoke_dates_the_event_to_its_week():
    events = _events("The monitor said on Friday that the jihadists had seized the village of"
                     " Tal Hamis.", published="2014-09-20")
    assert events and events[0].date is not None
    assert (events[0].date.value, events[0].date.precision) == ("2014-09-19", "week")


def test_events_lead_sentence_as_first_paragraph_is_news_not_a_headline():
    # A text file without a headline: its first paragraph is a lead sentence, whose
    # event must come out (a headline only supports the body's events).
    facts = analyze_texts([TextRecord(
        "Gunmen on motorbikes opened fire on a police checkpoint in the town of Saraqib on"
        " Tuesday, killing three policemen.\n\nThe interior ministry said it had opened an"
        " inquiry.\n", published="2018-03-07")])[0]
    assert facts.document.title is None
    events = [e for e in facts.events if e.modality in REPORTED_MODALITIES]
    assert [e.place.name for e in events if e.place] == ["Saraqib"]
