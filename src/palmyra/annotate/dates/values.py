"""Date values and calendar arithmetic: days, weeks, months, seasons, and moving between them."""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, timedelta

from palmyra.annotate.dates.words import _words
from palmyra.annotate.numbers import parse_count
from palmyra.model import DateValue

_VAGUE_COUNTS = (2, 7)  # "a few days later": between 2 and 7 units


def _valid(y: int, mo: int, d: int) -> bool:
    return 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]


def _range(value: str) -> tuple[int, int]:
    first, last = value.split("-")
    return int(first), int(last)


def _add_months(y: int, mo: int, n: int) -> tuple[int, int]:
    y, mo0 = divmod(y * 12 + mo - 1 + n, 12)
    return y, mo0 + 1


def _day_value(d: date, rule: str) -> DateValue:
    return DateValue(d.isoformat(), "day", d.isoformat(), d.isoformat(), rule)


def _day_span(y: int, mo: int, d: int, d2: str | None, rule: str) -> DateValue | None:
    """A day, or a range of days in one month ("20-23 February": week or month precision)."""
    if not _valid(y, mo, d):
        return None
    if d2 is None:
        return _day_value(date(y, mo, d), rule)
    if not _valid(y, mo, int(d2)) or int(d2) <= d:
        return None
    start, end = date(y, mo, d), date(y, mo, int(d2))
    if (end - start).days < 7:
        return replace(_week_value(start, end, rule), value=start.isoformat())
    return _month_value(y, mo, rule, d, int(d2))


def _week_value(start: date, end: date, rule: str) -> DateValue:
    mid = min(start + timedelta(days=3), end)
    return DateValue(mid.isoformat(), "week", start.isoformat(), end.isoformat(), rule)


def _month_value(y: int, mo: int, rule: str, first: int = 1, last: int | None = None) -> DateValue:
    last = last or calendar.monthrange(y, mo)[1]
    return DateValue(
        f"{y:04d}-{mo:02d}",
        "month",
        date(y, mo, first).isoformat(),
        date(y, mo, last).isoformat(),
        rule,
    )


def _season_value(y: int, season: str, part: str | None, rule: str) -> DateValue:
    """A season as its middle month (as ``palmyra.evaluate.dates`` reads it) with exact bounds."""
    first_month, _ = _range(_words()["season"][season.lower()])
    months = [_add_months(y, first_month, i) for i in range(3)]
    if part:
        months = [months[{"early": 0, "mid": 1, "late": 2}[part.lower()]]]
    (y0, m0), (ym, mm), (y1, m1) = months[0], months[len(months) // 2], months[-1]
    end = date(y1, m1, calendar.monthrange(y1, m1)[1])
    return DateValue(
        f"{ym:04d}-{mm:02d}", "season", date(y0, m0, 1).isoformat(), end.isoformat(), rule
    )


def _coarser(dv: DateValue) -> DateValue:
    """One precision step wider: a day becomes its week, a week its month."""
    d = date.fromisoformat(dv.value)
    if dv.precision == "day":
        monday = d - timedelta(days=d.weekday())
        return DateValue(
            dv.value, "week", monday.isoformat(), (monday + timedelta(days=6)).isoformat(), dv.rule
        )
    if dv.precision == "week":
        return _month_value(d.year, d.month, dv.rule)
    return dv


def _count(n: str | None) -> float | None:
    if n is None:
        return None
    word = " ".join(n.lower().split())
    if word in ("a", "an"):
        return 1
    if word in ("a few", "few", "several"):
        return None
    return parse_count(word)


def _unit_start(d: date, unit: str) -> date:
    """The first day of the day, week (Monday), month or year holding ``d``."""
    if unit == "week":
        return d - timedelta(days=d.weekday())
    if unit == "month":
        return d.replace(day=1)
    if unit == "year":
        return d.replace(month=1, day=1)
    return d


def _move(d: date, n: int, unit: str) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    y, mo = _add_months(d.year, d.month, months)
    return date(y, mo, min(d.day, calendar.monthrange(y, mo)[1]))
