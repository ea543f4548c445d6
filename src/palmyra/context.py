"""What a per-document stage may read: the document, the profile and shared resources.

Annotators and extractors are pure functions of ``(spacy Doc, DocContext)``;
they get no store, no network and no global state. The spaCy ``Doc`` is built
on ``document.clean.text``; ``DocContext.span`` is the one place where cleaned
offsets become spans into the original text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from palmyra.model import Document, DocumentFacts, Mention, Outlet, Span

if TYPE_CHECKING:  # imported for types only: keeps this module free of heavy imports
    from palmyra.annotate.gazetteer import Gazetteer
    from palmyra.profiles import Profile


@dataclass
class DocContext:
    document: Document
    profile: Profile | None = None
    gazetteer: Gazetteer | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    # every outlet the run knows (under --profile auto, all the shipped profiles'); empty:
    # the profile's
    outlets: Sequence[Outlet] = ()
    mentions: list[Mention] = field(default_factory=list)  # filled by the annotate stage
    facts: DocumentFacts | None = None  # filled by the extractors, in pipeline order
    # Work one extractor does that another of the same document reuses (one reading of
    # the quotation marks serves both quotes and scare quotes); dropped with the context.
    memo: dict[str, Any] = field(default_factory=dict)
    # ``span``'s answers by cleaned offsets: several stages map every token of the document
    # (spans are immutable, so one object serves them all)
    _spans: dict[tuple[int, int], Span] = field(default_factory=dict, init=False, repr=False,
                                                compare=False)
    _bounds: tuple[Any, list[int], list[int]] | None = field(default=None, init=False,
                                                            repr=False, compare=False)

    @property
    def known_outlets(self) -> Sequence[Outlet]:
        """The outlets citations and quotes recognise: the run's, else the profile's."""
        return self.outlets or (self.profile.outlets if self.profile else ())

    def mentions_of(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]

    def span(self, start: int, end: int) -> Span:
        """Original-text span for cleaned-text offsets ``[start, end)``."""
        key = (start, end)
        found = self._spans.get(key)
        if found is None:
            clean = self.document.clean
            found = (Span(self.document.id, start, end) if clean is None
                     else clean.span(self.document.id, start, end))
            self._spans[key] = found
        return found

    def token_bounds(self, doc: Any) -> tuple[list[int], list[int]]:
        """Original-text start and end offsets of every token of ``doc`` (the parsed clean
        text), computed once per document: the annotate and extract stages each mapped
        every token. The lists are shared: read them, do not change them."""
        last = self._bounds
        if last is None or last[0] is not doc:
            spans = [self.span(t.idx, t.idx + len(t)) for t in doc]
            last = self._bounds = (doc, [s.start for s in spans], [s.end for s in spans])
        return last[1], last[2]
