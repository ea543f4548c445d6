"""Resolvers of relative expressions ("Sunday", "last week", "two days later", "the 23rd"),
and the offsets from the day of writing from which an anchor can be inferred."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import NamedTuple

from palmyra.annotate.dates.anchor import _State
from palmyra.annotate.dates.values import (
    _VAGUE_COUNTS,
    _add_months,
    _count,
    _day_value,
    _month_value,
    _move,
    _season_value,
    _unit_start,
    _valid,
    _week_value,
)
from palmyra.annotate.dates.words import (
    _is_name,
    _month_number,
    _points_forward,
    _sentence_start,
    _words,
)
from palmyra.model import DateValue


class RelativeOffset(NamedTuple):
    """A relative expression read as an offset from the day of writing: "last year" = year, -1."""

    start: int
    end: int
    unit: str  # "day", "week", "month" or "year"
    offset: int


def shift_period(value: DateValue, unit: str, offset: int, rule: str) -> DateValue | None:
    """The ``unit`` (day, week, month, year) holding ``value``, moved ``offset`` units.

    ``None`` when ``value`` spans more than one such unit ("2015" holds no one
    month). The result has the unit's precision: "last year" from an anchor
    of 2016-03-28 (day) or 2016-03 (month) is 2015.
    """
    first = _unit_start(date.fromisoformat(value.start), unit)
    if first != _unit_start(date.fromisoformat(value.end), unit):
        return None
    try:
        moved = _move(first, offset, unit)
    except (OverflowError, ValueError):  # "1,000,000 years ago": beyond the calendar
        return None
    if unit == "day":
        return _day_value(moved, rule)
    if unit == "week":
        return _week_value(moved, moved + timedelta(days=6), rule)
    if unit == "month":
        return _month_value(moved.year, moved.month, rule)
    return DateValue(str(moved.year), "year", f"{moved.year}-01-01", f"{moved.year}-12-31", rule)


def _month_rel_year(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    a = st.anchor()
    if a is None:
        return None
    y = a.day.year + _step(m["rel"])
    return a.stamp(_month_value(y, _month_number(m["mon"]), "month.relative_year"))


def _season_rel(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    a = st.anchor()
    if a is None:
        return None
    this = _season_value(a.day.year, m["season"], None, "")
    rel = m["rel"].lower()
    if rel == "last":
        y = a.day.year - (date.fromisoformat(this.end) >= a.day)
    elif rel == "next":
        y = a.day.year + (date.fromisoformat(this.start) <= a.day)
    else:
        y = a.day.year
    return a.stamp(_season_value(y, m["season"], None, f"season.{rel}"))


def _weekday(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    a = st.anchor()
    if (
        a is None
        or (m["cue"] or "").lower() == "every"
        or _is_name(text, m.start("wd"), m.end("wd"))
    ):
        return None
    target = _words()["weekday"][m["wd"].capitalize()]
    rel = (m["rel"] or "").lower()
    monday = a.day - timedelta(days=a.day.weekday())
    if rel in ("last", "next", "this"):
        week = {"last": -7, "this": 0, "next": 7}[rel]
        day = monday + timedelta(days=week + int(target))
        rule = f"weekday.{rel}"
    elif _points_forward(text, m.start("core")):
        day = a.day + timedelta(days=(int(target) - a.day.weekday()) % 7)
        rule = "weekday.future"
    else:
        day = a.day - timedelta(days=(a.day.weekday() - int(target)) % 7)
        rule = "weekday.past"
    return a.stamp(_day_value(day, rule), day_sensitive=True)


def _relative_day(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    a = st.anchor()
    offset = _day_offset(m, text)
    if a is None or offset is None:
        return None
    return a.stamp(_day_value(a.day + timedelta(days=offset), "relative.day"), day_sensitive=True)


def _day_offset(m: re.Match[str], text: str) -> int | None:
    """Days from the day of writing for a ``relative_day`` match; None for a name."""
    # "Russia Today", "USA Today": a capitalised "Today" mid-sentence is a name.
    if m["word"] == "Today" and not _sentence_start(text, m.start()):
        return None
    if m["word"]:
        return int(_words()["day_offset"][m["word"].lower()])
    if m["rel"]:  # "last night", "this morning"
        return _step(m["rel"])
    if m["hours"]:  # "in the past 24 hours": GUIDE dates it the day before the report
        return -1
    return -2  # "the day before yesterday"


def _step(rel: str) -> int:
    """Units from the day of writing that "last", "this" or "next" points."""
    return int(_words()["relative_step"][rel.lower()])


def _offset(name: str, m: re.Match[str], text: str) -> tuple[str, int] | None:
    """``(unit, offset)`` of a match that is a fixed offset from the day of writing, else None."""
    if name == "period":
        unit = m["unit"].lower()
        return ("week" if unit == "weekend" else unit), _step(m["rel"])
    if name == "month_rel_year":
        return "year", _step(m["rel"])
    if name == "ago":
        count = _count(m["n"])
        if count is None or count != int(count):
            return None
        return m["unit"].lower(), -int(count)
    if name == "relative_day":
        offset = _day_offset(m, text)
        return None if offset is None else ("day", offset)
    return None


def _period(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    a = st.anchor()
    if a is None:
        return None
    step = _step(m["rel"])
    unit = m["unit"].lower()
    rule = f"period.{m['rel'].lower()}_{unit}"
    if unit in ("week", "weekend"):
        monday = a.day - timedelta(days=a.day.weekday()) + timedelta(weeks=step)
        if unit == "weekend":
            dv = _week_value(monday + timedelta(days=5), monday + timedelta(days=6), rule)
        else:
            dv = _week_value(monday, monday + timedelta(days=6), rule)
        if step == 0 and dv.value > a.day.isoformat():  # "this week" reported on a Monday
            dv = replace(dv, value=a.day.isoformat())
    elif unit == "month":
        y, mo = _add_months(a.day.year, a.day.month, step)
        dv = _month_value(y, mo, rule)
    else:
        y = a.day.year + step
        dv = DateValue(str(y), "year", f"{y}-01-01", f"{y}-12-31", rule)
    if m["edge"] and dv.start <= a.day.isoformat() <= dv.end:
        # "earlier this year" runs up to the anchor, "later this year" from it
        edge = m["edge"].lower()
        dv = replace(
            dv,
            rule=f"{rule}.{edge}",
            **({"end": a.day.isoformat()} if edge == "earlier" else {"start": a.day.isoformat()}),
        )
    return a.stamp(dv, day_sensitive=unit in ("week", "weekend"))


# Longest span back from the day of writing ("over the past ten days") dated at week precision
# on its first day; a longer one is the month it starts in (GUIDE: "in recent weeks" is month).
RECENT_WEEK_DAYS = 14
_HOURS_A_DAY = 24


def _recent(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    """A span running up to the day of writing: "over the past two days", "in the last 10
    days", "during the past 48 hours", "in recent days", "over the weekend". The gold dates an
    occurrence over several days on its first day at week precision (GUIDE, Dates): the span's
    first day, or the day of writing where the count is vague ("the past few days"); a span of
    weeks ("in recent weeks", "the past five weeks") is the month it starts in."""
    a = st.anchor()
    if a is None:
        return None
    if m["weekend"]:
        saturday = a.day - timedelta(days=(a.day.weekday() - 5) % 7)
        dv = _week_value(saturday, saturday + timedelta(days=1), "recent.weekend")
        return a.stamp(replace(dv, value=saturday.isoformat()), day_sensitive=True)
    written = m["unit"].lower()
    unit = written.rstrip("s")
    # "the past week" is one; "the past few days", "recent days" are vague
    count = _count(m["n"]) if m["n"] else (1 if written == unit else None)
    if count is None:  # "the past few days", "in recent weeks"
        days = 0 if unit in ("hour", "day") else 7 * _VAGUE_COUNTS[1]
    elif unit == "hour":
        days = int(count) // _HOURS_A_DAY
    else:
        days = int(count) * (7 if unit == "week" else 1)
    first = a.day - timedelta(days=days)
    rule = f"recent.{unit}"
    if written == "day":  # "over the past day": as "in the past 24 hours", the day before
        return a.stamp(_day_value(first, rule), day_sensitive=True)
    if count is None and unit == "week" or days > RECENT_WEEK_DAYS:
        day = a.day if count is None else first
        return a.stamp(_month_value(day.year, day.month, rule))
    start = first if count is not None else a.day - timedelta(days=6)
    dv = DateValue(first.isoformat(), "week", start.isoformat(), a.day.isoformat(), rule)
    return a.stamp(dv, day_sensitive=True)


def _ago(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    a = st.anchor()
    if a is None:
        return None
    dv = _shift(a.day, m["n"], m["unit"].lower(), -1, "relative.ago")
    return None if dv is None else a.stamp(dv, day_sensitive=m["unit"].lower() in ("day", "week"))


def _later(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    ref = st.reference
    if ref is None:
        return None
    sign = -1 if m["dir"].lower() == "earlier" else 1
    return _shift(
        date.fromisoformat(ref.start if sign > 0 else ref.end),
        m["n"],
        m["unit"].lower(),
        sign,
        f"relative.{m['dir'].lower()}",
    )


def _same(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    ref = st.reference
    if ref is None:
        return None
    which, unit = m["which"].lower(), m["unit"].lower()
    if which == "same":
        return replace(ref, rule="relative.same")
    if unit not in ("day", "week", "month", "year"):  # "the next morning"
        unit = "day"
    sign = 1 if which in ("next", "following") else -1
    return _shift(
        date.fromisoformat(ref.value if ref.precision == "day" else ref.start),
        "1",
        unit,
        sign,
        f"relative.{which}",
    )


def _ordinal_day(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    """ "the 23rd": a day of the month last mentioned, else of the anchor's month, not after it."""
    d = int(m["day"])
    if st.context is not None:
        base = date.fromisoformat(st.context.start)
        y, mo = base.year, base.month
        return _day_value(date(y, mo, d), "ordinal_day.context") if _valid(y, mo, d) else None
    a = st.anchor()
    if a is None:
        return None
    y, mo = a.day.year, a.day.month
    if not _valid(y, mo, d) or date(y, mo, d) > a.day:
        y, mo = _add_months(y, mo, -1)
    if not _valid(y, mo, d):
        return None
    return a.stamp(_day_value(date(y, mo, d), "ordinal_day.anchor"))


def _shift(base: date, n: str | None, unit: str, sign: int, rule: str) -> DateValue | None:
    """``base`` moved ``n`` units; a vague or missing count gives a range one precision coarser."""
    count = _count(n)
    if count is None:
        lo, hi = _VAGUE_COUNTS
        ends = sorted(_move(base, k * sign, unit) for k in (lo, hi))
        start, end = ends[0], ends[1]
        mid = start + (end - start) / 2
        if unit == "day":
            return DateValue(mid.isoformat(), "week", start.isoformat(), end.isoformat(), rule)
        if unit == "week":
            return DateValue(
                f"{mid.year:04d}-{mid.month:02d}", "month", start.isoformat(), end.isoformat(), rule
            )
        return None  # "months later", "years earlier": too vague to place
    d = _move(base, int(count) * sign, unit)
    if unit == "day":
        return _day_value(d, rule)
    if unit == "week":
        return _week_value(d - timedelta(days=3), d + timedelta(days=3), rule)
    if unit == "month":
        return _month_value(d.year, d.month, rule)
    return DateValue(str(d.year), "year", f"{d.year}-01-01", f"{d.year}-12-31", rule)
