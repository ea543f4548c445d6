"""Dates as inclusive day intervals, so that dates of different precision can be compared.

"Dates overlap at the coarser of the two precisions" (gold/SCHEMA.md) is read as:
the intervals the two dates cover share at least one day. For day, month and year
that is the same as truncating both to the coarser precision and comparing.

A ``week`` date is a day somewhere inside a week (``DateValue`` says no more), and
where a week starts differs across the region (Saturday, Sunday or Monday), so a
week is taken as the 7-day window centred on its day, not as a calendar week.
A ``season`` (which the model allows and the gold does not) is taken as the
three months centred on its month, for the same reason.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

Interval = tuple[date, date]

WEEK_HALF_WIDTH = timedelta(days=3)

_SHAPES = {4: "year", 7: "month", 10: "day"}


def interval(value: str | None, precision: str | None) -> Interval | None:
    """The days a date covers; ``None`` for no date.

    Args:
        value: ISO at its precision: ``YYYY-MM-DD`` (day, week), ``YYYY-MM`` (month,
            season), ``YYYY`` (year).
        precision: ``day``, ``week``, ``month``, ``season`` or ``year``; when missing
            (citation dates carry none) it is read from the shape of ``value``.

    Raises:
        ValueError: ``value`` is not an ISO date of a known shape.
    """
    if not value:
        return None
    precision = precision or precision_of(value)
    year = int(value[:4])
    if precision == "year":
        return date(year, 1, 1), date(year, 12, 31)
    first = date(year, int(value[5:7]), 1)
    if precision == "month":
        return first, _month_end(first)
    if precision == "season":
        return _add_months(first, -1), _month_end(_add_months(first, 1))
    day = date.fromisoformat(value[:10])
    if precision == "week":
        return day - WEEK_HALF_WIDTH, day + WEEK_HALF_WIDTH
    return day, day


def precision_of(value: str) -> str:
    """The precision an ISO value's shape implies: ``YYYY`` year, ``YYYY-MM`` month, else day."""
    return _SHAPES.get(len(value), "day")


def overlaps(a: Interval, b: Interval) -> bool:
    """True when the two intervals share at least one day."""
    return a[0] <= b[1] and b[0] <= a[1]


def _month_end(first: date) -> date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
