"""Event dates by kind of failure (issues 12/18): what dates an event and what does not."""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts


def _events(text: str, published: str = "2014-07-13"):
    return analyze_texts([TextRecord(f"Report\n\n{text}\n", published=published)])[0].events


def test_a_date_in_a_relative_clause_dates_that_clause_not_the_event():
    # ukraine dev: "a week ago" is when the army entered the town, not when the SBU detained
    events = _events("In Slavyansk, which the Ukrainian army entered a week ago after the militia"
                     " withdrew, the SBU security service has detained dozens of residents"
                     " suspected of supporting the militia.")
    # the detention's sub-type is the rules' or the sentence model's (which may re-type it);
    # its date is what this tests
    assert events and all(e.date is None or e.date.end >= "2014-07-13" for e in events)


def test_overnight_is_the_day_before_the_report():
    events = _events("Ukrainian army artillery shelled the Petrovsky district of Donetsk overnight,"
                     " killing at least five civilians, local authorities said.")
    shelling = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert [(e.date.value, e.date.precision) for e in shelling] == [("2014-07-12", "day")]
