"""The anchor an expression is resolved against, and the state carried along the text.

The anchor cascade is told in ``palmyra.annotate.dates``; here a year-less date
takes its year from the anchor (``_year_near``, ``_year_of_month``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from palmyra.annotate.dates.values import _coarser, _valid
from palmyra.annotate.dates.words import _points_forward
from palmyra.model import DateValue

AnchorLike = DateValue | date | None


@dataclass(frozen=True)
class _Anchor:
    """The day expressions are resolved against, and how far it can be trusted."""

    day: date
    exact: bool
    suffix: str  # "", "@text" or "@doc"

    def stamp(self, dv: DateValue, day_sensitive: bool = False) -> DateValue:
        """Tag ``dv`` with the anchor's source; widen it when it leans on an inexact day."""
        if day_sensitive and not self.exact:
            dv = _coarser(dv)
        return replace(dv, rule=dv.rule + self.suffix)


@dataclass
class _State:
    """What resolution carries from one expression to the next, in text order."""

    given: _Anchor | None
    doc_latest: date | None
    tolerance: timedelta
    text_latest: date | None = None
    reference: DateValue | None = None  # last day/week: "a week later" counts from it
    context: DateValue | None = None  # last day/month: "the 23rd" takes its month

    def anchor(self) -> _Anchor | None:
        if self.given is not None:
            return self.given
        if self.text_latest is not None:
            return _Anchor(self.text_latest, False, "@text")
        if self.doc_latest is not None:
            return _Anchor(self.doc_latest, False, "@doc")
        return None


Resolver = Callable[[re.Match[str], str, _State], "DateValue | None"]


_EMPTY = _State(given=None, doc_latest=None, tolerance=timedelta(0))


def _given_anchor(anchor: AnchorLike) -> _Anchor | None:
    if anchor is None:
        return None
    if isinstance(anchor, date):
        return _Anchor(anchor, True, "")
    exact = anchor.precision == "day"
    return _Anchor(date.fromisoformat(anchor.value if exact else anchor.end), exact, "")


def _year_near(a: _Anchor, mo: int, d: int, forward: bool, tolerance: timedelta) -> int:
    """The year that puts month ``mo`` day ``d`` nearest the anchor, in the reporting direction."""
    y = a.day.year
    if not _valid(y, mo, d):  # 29 February: the nearest leap year in the right direction
        step = 1 if forward else -1
        while not _valid(y, mo, d):
            y += step
        return y
    if forward:
        return y + (date(y, mo, d) < a.day - tolerance)
    return y - (date(y, mo, d) > a.day + tolerance)


def _year_of_month(
    m: re.Match[str], text: str, st: _State, mo: int
) -> tuple[int, _Anchor | None] | None:
    """The written year, else the anchor's (and the anchor, to stamp the result); None: neither."""
    if m["year"]:
        return int(m["year"]), None
    a = st.anchor()
    if a is None:
        return None
    slack = timedelta(0) if a.exact else st.tolerance
    return _year_near(a, mo, 1, _points_forward(text, m.start()), slack), a
