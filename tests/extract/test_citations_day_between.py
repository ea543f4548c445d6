"""The day written between an outlet and its verb dates the citation (issue 12): "State
news agency SANA on Saturday reported" is SANA's report of that Saturday."""

from __future__ import annotations

from palmyra.extract.citations import citations


def dated(read, syria, text: str) -> list[tuple[str | None, str | None]]:
    doc, ctx = read(text, syria, published="2016-09-12")
    return [(c.outlet, c.date.value if c.date else None) for c in citations(doc, ctx)]


def test_day_between_outlet_and_verb(read, syria):
    text = "State news agency SANA on Saturday reported that ten people were killed in Idlib."
    assert dated(read, syria, text) == [("SANA", "2016-09-10")]


def test_words_between_that_are_no_day_leave_it_undated(read, syria):
    text = "SANA later reported that ten people were killed in Idlib."
    assert dated(read, syria, text) == [("SANA", None)]


def test_day_of_the_statement_the_outlet_said_it_in(read, syria):
    text = "In a Friday statement about the crash, Syrian state media said the pilot died."
    assert dated(read, syria, text) == [("Syrian state media", "2016-09-09")]


def test_a_year_report_dates_no_day(read, syria):
    text = "In a 2015 report, Reuters said the pilot died."
    assert dated(read, syria, text) == [("Reuters", None)]
