"""Contradictions: the fields on which the reports of one cluster disagree.

Reports are grouped by the value they give (a *side*), and a field is flagged
only when two sides cannot both be true:

- counts: each figure is an interval ("at least 50" is [50, ∞), "about 50" is
  50 ± ``approximate_margin``); two sides conflict when their intervals do not
  meet, so "at least 50" against 78 is no contradiction, 50 against 78 is;
- date: two dates conflict when their intervals do not overlap, i.e. they
  differ at the coarser of the two precisions (2016-03-27 and "March 2016" agree);
- perpetrator (actor1), target (actor2), outcome (sub-event type): two
  different canonical values; a report that names none takes no side;
- modality: one report asserts the event and another reports a denial.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from palmyra.link.records import LinkEvent

INF = float("inf")


@dataclass(frozen=True, slots=True)
class Report:
    """A member report with what an analyst needs to check it."""

    event: LinkEvent
    outlet: str
    source: str  # the document's source file name

    def evidence(self) -> dict[str, Any]:
        span = self.event.evidence[0] if self.event.evidence else (None, None)
        return {
            "doc": self.source,
            "doc_id": self.event.doc_id,
            "outlet": self.outlet,
            "span": list(span),
            "text": self.event.text,
        }


@dataclass
class Side:
    value: str
    reports: list[Report] = field(default_factory=list)


@dataclass
class Disagreement:
    field: str
    sides: list[Side]

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "sides": [
                {"value": s.value, "evidence": [r.evidence() for r in s.reports]}
                for s in self.sides
            ],
        }


def count_interval(
    low: float | None, high: float | None, approx: bool, margin: float
) -> tuple[float, float]:
    """The interval a figure allows: None bounds are open, approximate ones widened."""
    lo = 0.0 if low is None else float(low)
    hi = INF if high is None else float(high)
    if approx:
        lo, hi = lo * (1 - margin), hi * (1 + margin)
    return lo, hi


def count_label(low: float | None, high: float | None, approx: bool) -> str:
    """How a figure reads: ``50``, ``at least 50``, ``up to 78``, ``50–78``, ``about 50``.

    An open bound already says the figure is vague: "more than 120" reads "at least 120",
    never "about at least 120". An approximate figure read as a band around a value
    ("about 50": 45–55) reads as that value, "about 50".
    """
    if low is None and high is None:
        return "some"
    if high is None:
        return f"at least {low:g}"
    if low is None:
        return f"up to {high:g}"
    if low == high:
        return f"about {low:g}" if approx else f"{low:g}"
    middle = (low + high) / 2
    if approx and abs((high - low) - 0.2 * middle) < 1e-9 * max(1.0, middle):
        return f"about {middle:g}"
    return f"{low:g}–{high:g}"


def _sides(reports: list[Report], value_of: Callable[[LinkEvent], Any]) -> dict[Any, Side]:
    """Reports grouped by the value they give; reports giving none take no side."""
    sides: dict[Any, Side] = {}
    for r in reports:
        key, label = value_of(r.event)
        if key is not None:
            sides.setdefault(key, Side(label)).reports.append(r)
    return sides


def _disjoint(intervals: Iterable[tuple[float, float]]) -> bool:
    return any(a[1] < b[0] or b[1] < a[0] for a, b in combinations(intervals, 2))


def _date(ev: LinkEvent) -> tuple[Any, str]:
    interval = (ev.start, ev.end) if ev.start is not None else None
    return interval, f"{ev.date_value} ({ev.precision})"


def _attr(name: str) -> Callable[[LinkEvent], tuple[Any, str]]:
    def value(ev: LinkEvent) -> tuple[Any, str]:
        v = getattr(ev, name)
        return (v or None), v

    return value


def _count(kind: str) -> Callable[[LinkEvent], tuple[Any, str]]:
    def value(ev: LinkEvent) -> tuple[Any, str]:
        c = (ev.counts or {}).get(kind)
        return (c, count_label(*c)) if c else (None, "")

    return value


def _modality(ev: LinkEvent) -> tuple[str, str]:
    said = "denied" if ev.modality == "denied" else "reported"
    return said, said


def disagreements(reports: list[Report], settings: dict[str, Any]) -> list[Disagreement]:
    """Flagged fields of one cluster, each with its sides and their evidence, in a fixed order."""
    reports = sorted(reports, key=lambda r: (r.outlet, r.source, r.event.seq))
    margin = settings["approximate_margin"]
    out: list[Disagreement] = []
    dates = _sides(reports, _date)
    if _disjoint(dates):
        out.append(Disagreement("date", list(dates.values())))
    for name, attr in (
        ("perpetrator", "actor1"),
        ("target", "actor2"),
        ("outcome", "sub_event_type"),
    ):
        sides = _sides(reports, _attr(attr))
        if len(sides) > 1:
            out.append(Disagreement(name, list(sides.values())))
    for kind in sorted({k for r in reports for k in (r.event.counts or {})}):
        sides = _sides(reports, _count(kind))
        if _disjoint(count_interval(*c, margin) for c in sides):
            out.append(Disagreement(f"counts.{kind}", list(sides.values())))
    said = _sides(reports, _modality)
    if len(said) > 1:
        out.append(Disagreement("modality", list(said.values())))
    return out
