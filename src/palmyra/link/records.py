"""The event as the link stage sees it: a stored event fact flattened for comparison.

Linking reads many events and compares few fields, so each stored fact is
turned once into a ``LinkEvent`` whose date is a pair of day ordinals and whose
place is a key; the benchmark builds these directly to time clustering alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

EventKey = tuple[str, int]  # (doc_id, seq in the document's events)

# Precisions fine enough to anchor a cluster; coarser ones join an anchored cluster
# only when exactly one fits (see palmyra.link.cluster).
FINE_PRECISIONS = frozenset({"day", "week"})
# Reports that say an event did not (yet) happen are no report of it.
UNREAL_MODALITIES = frozenset({"planned", "hypothetical"})
UNKNOWN_OUTLET = "unknown outlet"


@dataclass(slots=True)
class LinkEvent:
    """One document's report of one event, reduced to what linking compares."""

    doc_id: str
    seq: int
    outlet: str | None
    event_type: str
    sub_event_type: str
    start: int | None  # first day, as date.toordinal(); None when undated
    end: int | None  # last day (inclusive)
    precision: str | None
    date_value: str | None
    place_key: str | None
    place: dict[str, Any] | None
    actor1: str | None = None
    actor2: str | None = None
    counts: dict[str, tuple[float | None, float | None, bool]] | None = None
    modality: str = "asserted"
    asserted_by: str | None = None
    evidence: tuple[tuple[int, int], ...] = ()
    text: str = ""

    @property
    def key(self) -> EventKey:
        return (self.doc_id, self.seq)

    @property
    def block(self) -> str | None:
        """Place and ACLED event type: only events sharing both are ever compared."""
        if self.place_key is None or self.start is None:
            return None
        return f"{self.place_key}|{self.event_type}"

    @property
    def fine(self) -> bool:
        return self.precision in FINE_PRECISIONS

    @property
    def actors(self) -> frozenset[str]:
        return frozenset(a for a in (self.actor1, self.actor2) if a)


def place_key(place: dict[str, Any] | None) -> str | None:
    """Gazetteer id when the place resolved to one, else its name folded."""
    if not place:
        return None
    if place.get("geonameid") is not None:
        return f"g{place['geonameid']}"
    name = (place.get("name") or "").strip().casefold()
    return f"n:{name}" if name else None


def day(iso: str | None) -> int | None:
    """Ordinal of an ISO day; ``None`` for a missing or partial date (no interval, no block)."""
    if not iso:
        return None
    try:
        return date.fromisoformat(iso).toordinal()
    except ValueError:
        return None


def event_from_fact(
    doc_id: str, seq: int, outlet: str | None, data: dict[str, Any], text: str
) -> LinkEvent | None:
    """A ``LinkEvent`` from a stored event fact (``to_dict(Event)``); None for unreal ones."""
    if data.get("modality") in UNREAL_MODALITIES:
        return None
    when = data.get("date") or {}
    start, end = day(when.get("start")), day(when.get("end"))
    if start is None or end is None:
        start = end = None
    counts = {
        k: (v.get("low"), v.get("high"), bool(v.get("approximate")))
        for k, v in (data.get("counts") or {}).items()
        if v
    }
    return LinkEvent(
        doc_id=doc_id,
        seq=seq,
        outlet=outlet,
        event_type=data.get("event_type") or "",
        sub_event_type=data.get("sub_event_type") or "",
        start=start,
        end=end,
        precision=when.get("precision"),
        date_value=when.get("value"),
        place_key=place_key(data.get("place")),
        place=data.get("place"),
        actor1=data.get("actor1"),
        actor2=data.get("actor2"),
        counts=counts,
        modality=data.get("modality") or "asserted",
        asserted_by=data.get("asserted_by"),
        evidence=tuple((s["start"], s["end"]) for s in data.get("evidence") or ()),
        text=text or "",
    )


def events_from_rows(rows: list[tuple[str, int, str | None, str, str | None]]) -> list[LinkEvent]:
    """Rows of ``(doc_id, seq, outlet, data JSON, evidence text)`` as LinkEvents."""
    out = []
    for doc_id, seq, outlet, data, text in rows:
        ev = event_from_fact(doc_id, seq, outlet, json.loads(data), text or "")
        if ev is not None:
            out.append(ev)
    return out
