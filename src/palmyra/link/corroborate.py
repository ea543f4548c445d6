"""Corroboration: which outlets report a cluster, and how many of them are independent.

A report is not independent of a source S when

1. its event is attributed to S (``event.asserted_by``), or
2. its document cites S (a Citation with outlet S) in the paragraph of the
   event's evidence (up to ``citation_paragraph_chars`` away) or within
   ``citation_window_chars`` of it, or
3. its document is a near-duplicate (``palmyra.link.duplicates``) of a document
   from outlet S: a wire copy counts once.

Outlets and sources are joined with union-find; ``independent_count`` is the
number of groups that hold at least one reporting outlet. Rules 1 and 2 hold for
this cluster only: citing Reuters for one event says nothing about the others.
A document with no known outlet is a source of its own, named after its file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from palmyra.link.records import UNKNOWN_OUTLET, LinkEvent


@dataclass(frozen=True, slots=True)
class CitationRef:
    """A citation in a member document: the cited outlet and where it sits."""

    outlet: str
    start: int
    end: int


@dataclass
class Corroboration:
    outlets: list[str]  # reporting outlets, sorted
    groups: list[list[str]]  # independence groups: reporting outlets first, then sources
    independent_count: int
    depends_on: dict[tuple[str, int], list[str]]  # report -> the sources it leans on


class UnionFind:
    """Disjoint sets over case-folded names, remembering one spelling of each."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.label: dict[str, str] = {}

    def find(self, name: str) -> str:
        key = name.casefold()
        if key not in self.parent:
            self.parent[key] = key
            self.label[key] = name
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:  # path compression
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def outlet_label(outlet: str | None, source_name: str) -> str:
    """The name a report's outlet goes by; unknown outlets are told apart by file."""
    return outlet or f"{UNKNOWN_OUTLET} ({source_name})"


def cited_near(
    event: LinkEvent, citations: Iterable[CitationRef], text: str, window: int, paragraph: int
) -> set[str]:
    """Outlets cited within ``window`` characters of the evidence, or in its paragraph.

    The paragraph rule reaches at most ``paragraph`` characters: a text without
    line breaks (a CSV cell) is one "paragraph", and one citation in it must not
    cover every event it tells.
    """
    if not event.evidence:
        return set()
    ev_start = min(s for s, _ in event.evidence)
    ev_end = max(e for _, e in event.evidence)
    out = set()
    for c in citations:
        lo, hi = (c.end, ev_start) if c.end <= ev_start else (ev_end, c.start)
        gap = hi - lo
        if gap <= window or (gap <= paragraph and "\n" not in text[lo:hi]):
            out.add(c.outlet)
    return out


def corroborate(
    reports: list[tuple[LinkEvent, str]],
    citations: dict[str, list[CitationRef]],
    texts: dict[str, str],
    duplicates: dict[str, set[str]],
    settings: dict[str, Any],
) -> Corroboration:
    """Independence groups of one cluster's reports.

    Args:
        reports: each member report with its outlet label (``outlet_label``).
        citations: citations of the member documents, by document id.
        texts: text of the member documents that have citations, by id.
        duplicates: for each member document, the outlet labels of its near-duplicates.
        settings: resolved link settings (the citation window and paragraph reach).
    """
    window = settings["citation_window_chars"]
    paragraph = settings["citation_paragraph_chars"]
    uf = UnionFind()
    depends: dict[tuple[str, int], list[str]] = {}
    for ev, outlet in reports:
        uf.find(outlet)
        sources = set(duplicates.get(ev.doc_id, ()))
        if ev.asserted_by:
            sources.add(ev.asserted_by)
        doc_citations = citations.get(ev.doc_id, ())
        text = texts.get(ev.doc_id, "")
        sources |= cited_near(ev, doc_citations, text, window, paragraph)
        sources = {s for s in sources if s.casefold() != outlet.casefold()}
        for s in sources:
            uf.union(outlet, s)
        depends[ev.key] = sorted(sources)
    outlets = sorted({o for _, o in reports})
    reporting = {uf.find(o) for o in outlets}
    members: dict[str, set[str]] = {}
    for key in uf.parent:
        root = uf.find(key)
        if root in reporting:
            members.setdefault(root, set()).add(uf.label[key])
    outlet_set = set(outlets)
    groups = sorted(
        (sorted(m, key=lambda n: (n not in outlet_set, n)) for m in members.values()),
        key=lambda g: g[0],
    )
    return Corroboration(outlets, groups, len(reporting), depends)
