"""Dates: recognition, resolution against the anchor, false positives, no-anchor behaviour."""

from __future__ import annotations

import json
from datetime import date

import pytest

from palmyra.annotate.dates import date_mentions, find_dates, relative_offsets, shift_period
from palmyra.context import DocContext
from palmyra.model import CleanText, DateValue, Document

MONDAY = date(2016, 3, 28)  # the anchor of most cases: a Monday


def found(
    text: str, anchor: date | DateValue | None, fallback_anchor: bool = True
) -> dict[str, DateValue]:
    """The dates found, keyed by the words each span slices back to."""
    return {text[s:e]: dv for s, e, dv in find_dates(text, anchor, fallback_anchor=fallback_anchor)}


@pytest.mark.parametrize(
    "text, anchor, words, value, precision",
    [
        # weekdays: the latest such day on or before the anchor, unless the text points forward
        ("Rebels withdrew from the town on Sunday.", MONDAY, "Sunday", "2016-03-27", "day"),
        ("Troops entered the town Sunday, officials said.", MONDAY, "Sunday", "2016-03-27", "day"),
        ("The envoy spoke on Friday.", MONDAY, "Friday", "2016-03-25", "day"),
        ("Talks broke down Tuesday morning.", MONDAY, "Tuesday morning", "2016-03-22", "day"),
        ("The army said on Monday it had advanced.", MONDAY, "Monday", "2016-03-28", "day"),
        ("The minister resigned last Sunday.", MONDAY, "last Sunday", "2016-03-27", "day"),
        ("The minister resigned last Friday.", MONDAY, "last Friday", "2016-03-25", "day"),
        ("Delegates meet next Monday.", MONDAY, "next Monday", "2016-04-04", "day"),
        ("Negotiators will meet on Thursday.", MONDAY, "Thursday", "2016-03-31", "day"),
        (
            "The offensive will resume, a general said Sunday.",
            MONDAY,
            "Sunday",
            "2016-03-27",
            "day",
        ),
        # days and periods around the anchor
        ("The convoy arrived yesterday.", MONDAY, "yesterday", "2016-03-27", "day"),
        ("Aid workers arrived today.", MONDAY, "today", "2016-03-28", "day"),
        ("A curfew begins tonight.", MONDAY, "tonight", "2016-03-28", "day"),
        ("Clashes were reported this morning.", MONDAY, "this morning", "2016-03-28", "day"),
        ("Clashes were reported last night.", MONDAY, "last night", "2016-03-27", "day"),
        ("The bridge was bombed three days ago.", MONDAY, "three days ago", "2016-03-25", "day"),
        ("The offensive began last week.", MONDAY, "last week", "2016-03-24", "week"),
        ("Shelling intensified this week.", MONDAY, "this week", "2016-03-28", "week"),
        ("Prices rose sharply last month.", MONDAY, "last month", "2016-02", "month"),
        ("The town fell last year.", MONDAY, "last year", "2015", "year"),
        ("Elections are planned next year.", MONDAY, "next year", "2017", "year"),
        (
            "The body was formed in September this year.",
            MONDAY,
            "September this year",
            "2016-09",
            "month",
        ),
        # day and month: the anchor's year, unless that is over a month after the anchor
        ("On 2 March the siege was lifted.", MONDAY, "2 March", "2016-03-02", "day"),
        ("The siege was lifted March 2nd.", MONDAY, "March 2nd", "2016-03-02", "day"),
        (
            "The siege was lifted on March 2, officials said.",
            MONDAY,
            "March 2",
            "2016-03-02",
            "day",
        ),
        ("The ceasefire of 27 February held.", MONDAY, "27 February", "2016-02-27", "day"),
        ("Fighting resumed on 20 May.", MONDAY, "20 May", "2015-05-20", "day"),
        ("Fighting resumed on 15 April.", MONDAY, "15 April", "2016-04-15", "day"),
        ("Talks are due to resume on 20 May.", MONDAY, "20 May", "2016-05-20", "day"),
        ("An Oct. 16 meeting set the terms.", MONDAY, "Oct. 16", "2015-10-16", "day"),
        # "the 23rd": the month of the last date mentioned, else the anchor's; never after it
        ("Monitors counted the dead on the 23rd.", MONDAY, "the 23rd", "2016-03-23", "day"),
        ("Monitors counted the dead on the 29th.", MONDAY, "the 29th", "2016-02-29", "day"),
        ("Set for 20 February, talks opened on the 23rd.", MONDAY, "the 23rd", "2016-02-23", "day"),
        ("Talks had been due to open on 20 February.", MONDAY, "20 February", "2016-02-20", "day"),
        # months: the anchor's year unless the month starts after the anchor
        ("Shelling resumed in February.", MONDAY, "February", "2016-02", "month"),
        ("The delegation walked out in April.", MONDAY, "April", "2015-04", "month"),
        (
            "Envoys gathered in the Kazakh capital Astana in January.",
            MONDAY,
            "January",
            "2016-01",
            "month",
        ),
        ("A transition could begin as early as August.", MONDAY, "August", "2016-08", "month"),
        ("The rally was held in May.", MONDAY, "May", "2015-05", "month"),
        ("The offensive began in mid-November.", MONDAY, "mid-November", "2015-11", "month"),
        ("Supplies ran out by late December.", MONDAY, "late December", "2015-12", "month"),
        (
            "By the second week in December the east had fallen.",
            MONDAY,
            "the second week in December",
            "2015-12-11",
            "week",
        ),
        (
            "In the last week of November villages changed hands.",
            MONDAY,
            "the last week of November",
            "2015-11-27",
            "week",
        ),
        # written in full: no anchor needed
        (
            "The report of 27 February 2017 was leaked.",
            None,
            "27 February 2017",
            "2017-02-27",
            "day",
        ),
        (
            "The report of February 27, 2017 was leaked.",
            None,
            "February 27, 2017",
            "2017-02-27",
            "day",
        ),
        ("The report (2017-02-27) was leaked.", None, "2017-02-27", "2017-02-27", "day"),
        ("The city was lost in May 2015.", None, "May 2015", "2015-05", "month"),
        ("The war began in 2011.", None, "2011", "2011", "year"),
        ("A truce has held since early 2014.", None, "early 2014", "2014", "year"),
        (
            "The museum was looted in the summer of 2015.",
            None,
            "the summer of 2015",
            "2015-07",
            "season",
        ),
        ("The dam was built in the 1990s.", None, "the 1990s", "1990", "year"),
    ],
)
def test_dates_resolves(
    text: str, anchor: date | None, words: str, value: str, precision: str
) -> None:
    dates = found(text, anchor)
    assert words in dates, f"{words!r} not among {list(dates)}"
    assert (dates[words].value, dates[words].precision) == (value, precision)


@pytest.mark.parametrize(
    "text, anchor, words, start, end",
    [
        ("The offensive began last week.", MONDAY, "last week", "2016-03-21", "2016-03-27"),
        ("It began earlier this year.", MONDAY, "earlier this year", "2016-01-01", "2016-03-28"),
        ("It began in mid-November.", MONDAY, "mid-November", "2015-11-11", "2015-11-20"),
        ("It began in early December.", MONDAY, "early December", "2015-12-01", "2015-12-10"),
        (
            "It ended by the second week in December.",
            MONDAY,
            "the second week in December",
            "2015-12-08",
            "2015-12-14",
        ),
        ("A truce has held since early 2014.", None, "early 2014", "2014-01-01", "2014-04-30"),
        (
            "It was looted in the summer of 2015.",
            None,
            "the summer of 2015",
            "2015-06-01",
            "2015-08-31",
        ),
        ("The dam was built in the 1990s.", None, "the 1990s", "1990-01-01", "1999-12-31"),
        ("Talks ran 20-23 February 2017.", None, "20-23 February 2017", "2017-02-20", "2017-02-23"),
    ],
)
def test_dates_bounds(text: str, anchor: date | None, words: str, start: str, end: str) -> None:
    dv = found(text, anchor)[words]
    assert (dv.start, dv.end) == (start, end)


@pytest.mark.parametrize(
    "text, words, value, precision, start, end",
    [
        (
            "By 7 December the army held the east; a week later it took the citadel.",
            "a week later",
            "2016-12-14",
            "week",
            "2016-12-11",
            "2016-12-17",
        ),
        (
            "On 2 December a plan was tabled, and withdrawn days later.",
            "days later",
            "2016-12-06",
            "week",
            "2016-12-04",
            "2016-12-09",
        ),
        (
            "On 2 December a plan was tabled. Two days later it was withdrawn.",
            "Two days later",
            "2016-12-04",
            "day",
            "2016-12-04",
            "2016-12-04",
        ),
        (
            "On 2 December a plan was tabled; the next day it was withdrawn.",
            "the next day",
            "2016-12-03",
            "day",
            "2016-12-03",
            "2016-12-03",
        ),
    ],
)
def test_dates_relative_to_last_date(
    text: str, words: str, value: str, precision: str, start: str, end: str
) -> None:
    dv = found(text, date(2016, 12, 20))[words]
    assert (dv.value, dv.precision, dv.start, dv.end) == (value, precision, start, end)


@pytest.mark.parametrize(
    "text",
    [
        "They may march on Damascus.",
        "A march on the capital was planned.",
        "The March on Washington drew crowds.",
        "He writes for the Sunday Times.",
        "She reads the Mail on Sunday.",
        "Bloody Sunday is still remembered.",
        "Why Sunday Matters For Syria",
        "Russia Today reported the strike.",
        "Prayers are held every Friday.",
        'Kerry appeared on "Face the Nation" with the host.',
        "The Geneva IV talks opened.",
        "The council passed resolution 2254 unanimously.",
        "The raid killed 2254 people.",
        "Rebels held the town for 60 days.",
        "The five-year-old civil war goes on.",
        "Over the month-long offensive, thousands fled.",
        "Over the past year the front barely moved.",
        "In the last six years the city was besieged twice.",
        "Technology of the 21st century arrived.",
        "The 5th Corps advanced on the town.",
        # A day range that runs backwards (a typo, or a copy with a number redrawn) is no
        # date, and must not break the document.
        "The next meetings are to be held on May 12-3.",
        "The council meets on 30 February.",
    ],
)
def test_dates_false_positives(text: str) -> None:
    assert found(text, MONDAY) == {}


@pytest.mark.parametrize(
    "text",
    [
        "The town fell on Sunday.",
        "The town fell last year.",
        "The town fell on the 23rd.",
        "On 2 March the town fell.",
        "The town fell in April.",
        "Two days later the town fell.",
    ],
)
def test_dates_no_anchor_gives_nothing_relative(text: str) -> None:
    assert found(text, None) == {}


def test_dates_text_anchor_widens_day_dependent_values() -> None:
    # the latest full date earlier in the text stands in for the missing publication date
    text = "(Reuters, 27 February 2017) On Sunday the town fell. It had been lost in April."
    dates = found(text, None)
    sunday = dates["Sunday"]
    assert (sunday.value, sunday.precision, sunday.rule) == (
        "2017-02-26",
        "week",
        "weekday.past@text",
    )
    assert (sunday.start, sunday.end) == ("2017-02-20", "2017-02-26")
    april = dates["April"]  # only the year comes from the anchor: precision kept
    assert (april.value, april.precision, april.rule) == ("2016-04", "month", "month.bare@text")


def test_dates_fallback_anchor_from_later_in_the_text() -> None:
    text = "On 2 March the town fell. (Reuters, 5 March 2017)"
    dv = found(text, None)["2 March"]
    assert (dv.value, dv.precision, dv.rule) == ("2017-03-02", "day", "date.day_month@doc")
    assert "2 March" not in found(text, None, fallback_anchor=False)


def test_dates_coarse_publication_date_widens_day_dependent_values() -> None:
    published = DateValue("2016-03", "month", "2016-03-01", "2016-03-31")
    dv = found("The town fell on Sunday.", published)["Sunday"]
    assert (dv.value, dv.precision, dv.rule) == ("2016-03-27", "week", "weekday.past")


def test_dates_offsets_slice_back() -> None:
    text = "On Sunday, 20 days after the 2 March assault, officials said last week's count held."
    for s, e, dv in find_dates(text, MONDAY):
        assert text[s:e].strip() == text[s:e] and dv.rule


def test_dates_mentions_map_through_cleaning(nlp) -> None:
    original = "Share this article\nOn Sunday, rebels shelled the town in mid-November style.\n"
    kept = [(len("Share this article\n"), len(original))]
    clean = CleanText.from_segments(original, kept)
    published = DateValue("2016-03-28", "day", "2016-03-28", "2016-03-28")
    document = Document(
        id="d1", text=original, sources=[], format="text", published=published, clean=clean
    )
    mentions = date_mentions(nlp(clean.text), DocContext(document=document))
    assert [original[m.span.start : m.span.end] for m in mentions] == ["Sunday", "mid-November"]
    assert [m.value.value for m in mentions] == ["2016-03-27", "2015-11"]
    assert all(m.kind == "date" and m.rule == "dates.v1" for m in mentions)


@pytest.mark.shared
def test_dates_seed_002_matches_gold(shared_dir) -> None:
    """Every gold event date of the dev article is among the dates resolved in its text."""
    gold = json.loads((shared_dir / "gold/dev/002_6f6567e77327a969.txt.gold.json").read_text())
    text = (shared_dir / "seeds" / gold["doc"]).read_text(encoding="utf-8")
    values = {dv.value for _, _, dv in find_dates(text, date.fromisoformat(gold["published"]))}
    assert {e["date"] for e in gold["events"] if e["date"]} <= values


def test_relative_offsets_without_anchor() -> None:
    text = ("The town fell last year. Two years ago it was calm. Aid came yesterday, and in May"
            " last year. Over the past year prices rose. Russia Today said so. Shops shut last"
            " Tuesday, a few weeks ago.")
    got = {text[r.start : r.end]: (r.unit, r.offset) for r in relative_offsets(text)}
    assert got == {
        "last year": ("year", -1),
        "Two years ago": ("year", -2),
        "yesterday": ("day", -1),
        "May last year": ("year", -1),
    }


def test_shift_period_moves_the_unit_holding_a_value() -> None:
    may = DateValue("2015-05", "month", "2015-05-01", "2015-05-31")
    assert shift_period(may, "year", 1, "r") == DateValue(
        "2016", "year", "2016-01-01", "2016-12-31", "r")
    assert shift_period(may, "month", -1, "r") == DateValue(
        "2015-04", "month", "2015-04-01", "2015-04-30", "r")
    assert shift_period(may, "week", 1, "r") is None  # May spans several weeks


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Air strikes killed at least 20 people in Latakia overnight, the Observatory said.",
         "overnight"),
        ("Clashes killed at least 16 combatants in the past 24 hours, sources said.",
         "in the past 24 hours"),
    ],
)
def test_dates_the_night_and_day_before_the_report(text: str, words: str) -> None:
    # GUIDE (judgement calls, dates): "overnight", "in the past 24 hours" in a report of day D
    dates = found(text, MONDAY)
    assert (dates[words].value, dates[words].precision) == ("2016-03-27", "day")


def test_twenty_four_hours_of_fighting_is_no_date() -> None:
    assert found("It was 24 hours of fighting.", MONDAY) == {}
