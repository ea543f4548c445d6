"""One event per occurrence: merging the candidates a document's sentences give.

Sentences that tell the same occurrence (same sub-type, same place, dates that
overlap, actors that do not contradict, same modality class) become one Event
whose first evidence span is the most informative telling. The title only
supports: a title candidate adds its span to a matching body event and is
otherwise dropped. A candidate without a place lends its counts to the event
told just before it ("Over 50 people were killed in total" after the attack)
and is otherwise dropped, as is any event that ends with no place or no date.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from palmyra.extract.events.dates import is_explicit
from palmyra.extract.events.index import TokenRelative
from palmyra.model import (
    DateValue,
    Event,
    Modality,
    NumberValue,
    PlaceRef,
    Span,
)

EXPORTED = frozenset({"asserted", "attributed"})


@dataclass
class Candidate:
    """One trigger's reading, before merging."""

    event_type: str
    sub_event_type: str
    region: str  # "body" or "title"
    position: int  # trigger token index
    sentence: int
    evidence: Span
    paragraph: int = -1
    weak: bool = False  # a generic trigger ("targeted", "attack") that names no weapon or kind
    place: PlaceRef | None = None
    place_text: str | None = None
    place_rule: str | None = None
    date: DateValue | None = None
    actor1: str | None = None
    actor2: str | None = None
    counts: dict[str, NumberValue] = field(default_factory=dict)
    modality: Modality = "asserted"
    asserted_by: str | None = None
    # the unresolved relative expression ("last year") that leaves ``date`` empty, if any
    relative: TokenRelative | None = None

    @property
    def weight(self) -> int:
        """How much this telling says: its first evidence span should say the most."""
        return (
            (2 if self.place_rule == "clause" else 1 if self.place else 0)
            + (2 if is_explicit(self.date) else 0)
            + (self.actor1 is not None) + (self.actor2 is not None)
            + bool(self.counts) + (self.region == "body")
        )

    @property
    def place_key(self) -> str | None:
        if self.place is None:
            return None
        if self.place.geonameid is not None:
            return str(self.place.geonameid)
        return self.place.name.lower()


def merge(candidates: list[Candidate], doc_id: str, extractor: str,
          fragment_window: int) -> list[Event]:
    """Events of one document, in order of their first telling."""
    groups: list[list[Candidate]] = []
    body = [c for c in candidates if c.region == "body"]
    for cand in body:
        if cand.place is None:
            _lend_counts(cand, groups, fragment_window)
            continue
        group = next((g for g in groups if all(same_occurrence(m, cand) for m in g)), None)
        if group is None and cand.weak:
            group = next((g for g in groups if _restates(cand, g)), None)
        if group is None:
            groups.append([cand])
        else:
            group.append(cand)
    for cand in candidates:
        if cand.region == "title" and cand.place is not None:
            group = next((g for g in groups if all(same_occurrence(m, cand) for m in g)), None)
            if group is not None:
                group.append(cand)
    events = [_event(g, doc_id, extractor) for g in groups]
    events = [e for e in events if e.date is not None]
    return sorted(events, key=lambda e: e.evidence[0].start)


def _restates(weak: Candidate, group: list[Candidate]) -> bool:
    """A generic telling ("the bus station was also targeted") of an event the same
    paragraph already typed: same place, overlapping date, no conflicting actor."""
    first = group[0]
    return (
        first.paragraph == weak.paragraph
        and first.place_key == weak.place_key
        and first.modality == weak.modality
        and _overlap(first.date, weak.date)
        and all(x is None or y is None or x == y
                for x, y in ((first.actor1, weak.actor1), (first.actor2, weak.actor2)))
    )


def _lend_counts(cand: Candidate, groups: list[list[Candidate]], window: int) -> None:
    if not cand.counts or not groups:
        return
    last = groups[-1]
    if cand.sentence - max(m.sentence for m in last) > window:
        return
    # A total told in another paragraph sums up something else (often the whole war).
    if cand.paragraph != last[-1].paragraph:
        return
    if cand.modality in EXPORTED and last[0].modality in EXPORTED:
        owner = last[0]
        for key, value in cand.counts.items():
            owner.counts.setdefault(key, value)


def same_occurrence(a: Candidate, b: Candidate) -> bool:
    """Whether two tellings may be one occurrence (the test merging applies, pair by pair)."""
    if a.sub_event_type != b.sub_event_type or a.place_key != b.place_key:
        return False
    if (a.modality in EXPORTED) != (b.modality in EXPORTED):
        return False
    if a.modality not in EXPORTED and a.modality != b.modality:
        return False
    if is_explicit(a.date) and is_explicit(b.date) and not _overlap(a.date, b.date):
        return False
    return all(x is None or y is None or x == y
               for x, y in ((a.actor1, b.actor1), (a.actor2, b.actor2)))


def _overlap(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None:
        return True
    return a.start <= b.end and b.start <= a.end


def _event(group: list[Candidate], doc_id: str, extractor: str) -> Event:
    ranked = sorted(group, key=lambda c: (c.weak, -c.weight, c.region != "body", c.position))
    best = ranked[0]
    rest = sorted((c for c in group if c is not best),
                  key=lambda c: (c.region != "body", c.position))
    evidence: list[Span] = []
    for c in [best, *rest]:
        if c.evidence not in evidence:
            evidence.append(c.evidence)
    dated = next((c.date for c in ranked if is_explicit(c.date)), None)
    counts: dict[str, NumberValue] = {}
    for c in ranked:
        for key, value in c.counts.items():
            counts.setdefault(key, value)
    voice = next((c for c in ranked if c.modality == "asserted"), best)
    return Event(
        doc_id=doc_id,
        event_type=best.event_type,
        sub_event_type=best.sub_event_type,
        evidence=tuple(evidence),
        date=dated or next((c.date for c in ranked if c.date is not None), None),
        place=best.place,
        place_text=best.place_text,
        actor1=next((c.actor1 for c in ranked if c.actor1), None),
        actor2=next((c.actor2 for c in ranked if c.actor2), None),
        counts=counts,
        modality=voice.modality,
        asserted_by=voice.asserted_by,
        extractor=extractor,
    )
