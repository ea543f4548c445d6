"""Resolvers of absolute expressions: a full date, a day and month, a month, season, year or
decade; the anchor supplies at most a missing year.

``full_date`` and ``month_date`` are Palmyra's one absolute-date parser: wherever a date
written out in full is found (a sentence here, a byline or a metadata field in
``palmyra.ingest.dates``), its year, month (number, name or abbreviation) and day become
a ``DateValue`` there, so both read the same days the same way.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from palmyra.annotate.dates.anchor import _State, _year_near, _year_of_month
from palmyra.annotate.dates.values import (
    _day_span,
    _month_value,
    _range,
    _season_value,
    _valid,
    _week_value,
)
from palmyra.annotate.dates.words import _month_number, _points_forward, _words
from palmyra.annotate.lexicon import by_kind
from palmyra.annotate.numbers import quantity_follows_to
from palmyra.model import DateValue

_ORDINAL_SUFFIX = re.compile(r"(?<=\d)(?:st|nd|rd|th)$", re.IGNORECASE)


def full_date(
    year: int | str, month: int | str, day: int | str, rule: str, day2: str | None = None
) -> DateValue | None:
    """A day (or a range of days ``day``-``day2`` in one month) as written; None if the
    calendar lacks it (31 April, 29 February 2015).

    ``month`` is a number or an English month name or abbreviation in any case, with or
    without a full stop ("Sept.", "MARCH"); ``day`` may carry an ordinal suffix ("28th").
    """
    if isinstance(day, str):
        day = int(_ORDINAL_SUFFIX.sub("", day))
    return _day_span(int(year), _month_number(str(month)), day, day2, rule)


def month_date(year: int | str, month: int | str, rule: str) -> DateValue:
    """A month of a year as written ("March 2016", "Sept. 2015")."""
    return _month_value(int(year), _month_number(str(month)), rule)


def _no_date(m: re.Match[str], text: str, st: _State) -> None:
    return None


def _full(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    day2 = m["day2"] if "day2" in m.re.groupindex else None
    return full_date(m["year"], m["mon"], int(m["day"]), "date.full", day2)


def _day_month(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    a = st.anchor()
    mo, d = _month_number(m["mon"]), int(m["day"])
    if a is None or not _valid(2000, mo, d):  # 2000 is a leap year: 29 February passes
        return None
    y = _year_near(a, mo, d, _points_forward(text, m.start()), st.tolerance)
    span = _day_span(y, mo, d, m["day2"], "date.day_month")  # None: "May 12-3", "30 Feb"
    return a.stamp(span) if span is not None else None


def _month_year(m: re.Match[str], text: str, st: _State) -> DateValue:
    return month_date(m["year"], m["mon"], "month.year")


def _month_part(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    mo = _month_number(m["mon"])
    found = _year_of_month(m, text, st, mo)
    if found is None:
        return None
    y, a = found
    first, last = _range(_words()["month_part"][(m["part"] or m["part2"]).lower()])
    dv = _month_value(y, mo, "month.part", first, min(last, calendar.monthrange(y, mo)[1]))
    return a.stamp(dv) if a else dv


def _week_of_month(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    mo = _month_number(m["mon"])
    found = _year_of_month(m, text, st, mo)
    if found is None:
        return None
    y, a = found
    month_end = calendar.monthrange(y, mo)[1]
    ordinal = m["ord"].lower()
    if ordinal in ("last", "final"):
        first = month_end - 6
    else:
        first = 1 + 7 * (int(by_kind("number_words.tsv")["ordinal"][ordinal]) - 1)
    start = date(y, mo, first)
    end = min(start + timedelta(days=6), date(y, mo, month_end))
    dv = _week_value(start, end, "week.of_month")
    return a.stamp(dv) if a else dv


def _month(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    mo, rel = _month_number(m["mon"]), (m["rel"] or "").lower()
    # "May" and "March" are also a verb and a noun: only a cue word makes them months.
    if m["mon"] in ("May", "March") and not (m["cue"] or rel):
        return None
    a = st.anchor()
    if a is None:
        return None
    if rel == "last":
        y = a.day.year - (mo >= a.day.month)
    elif rel == "next":
        y = a.day.year + (mo <= a.day.month)
    elif rel == "this":
        y = a.day.year
    else:
        slack = timedelta(0) if a.exact else st.tolerance
        y = a.day.year
        if _points_forward(text, m.start("core")):
            y += date(y, mo, calendar.monthrange(y, mo)[1]) < a.day - slack
        else:
            y -= date(y, mo, 1) > a.day + slack
    return a.stamp(_month_value(y, mo, f"month.{rel or 'bare'}"))


def _season_year(m: re.Match[str], text: str, st: _State) -> DateValue:
    return _season_value(int(m["year"]), m["season"], m["part"], "season.year")


def _decade(m: re.Match[str], text: str, st: _State) -> DateValue:
    first = int(m["decade"])
    lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get((m["part"] or "").lower(), (0, 9))
    return DateValue(
        str(first + lo), "year", f"{first + lo}-01-01", f"{first + hi}-12-31", "decade"
    )


def _year_part(m: re.Match[str], text: str, st: _State) -> DateValue:
    y = int(m["year"])
    first, last = _range(_words()["year_part"][(m["part"] or m["part2"]).lower()])
    end = date(y, last, calendar.monthrange(y, last)[1])
    return DateValue(str(y), "year", date(y, first, 1).isoformat(), end.isoformat(), "year.part")


def _year_range(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    y1, y2 = int(m["year"]), int(m["year2"])
    if y2 <= y1:
        return None
    return DateValue(str(y1), "year", f"{y1}-01-01", f"{y2}-12-31", "year.range")


def _year(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    if m["cue"].lower() == "from" and quantity_follows_to(text, m.end()):
        return None  # "from 2000 to a few hundred": a count falling, not a year (FA-KES demo)
    y = int(m["year"])
    return DateValue(str(y), "year", f"{y}-01-01", f"{y}-12-31", "year")
