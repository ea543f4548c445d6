"""One analysed document as the store's rows: the unit every engine hands to a writer.

Turning ``DocumentFacts`` into rows is a pure function, so it runs where the
document was analysed (a worker process, a Ray actor) and only plain lists of
strings and numbers travel back to the single writer. The same rows become a
DuckDB transaction (``Store.write_batch``) or Parquet files (``--parquet-out``),
which is what makes both engines and both outputs store identical facts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypedDict

from palmyra.model import DocumentFacts, SourceRef, to_dict

FACT_KINDS = ("events", "quotes", "citations", "frames", "techniques")

# Column order of each table's rows (the tables themselves are in store/schema.py).
DOCUMENT_COLUMNS = (
    "id", "title", "author", "outlet", "url", "published", "published_precision",
    "language", "format", "text", "title_start", "title_end", "body_start", "body_end",
    "comments", "removed", "clean_segments", "pipeline", "profile",
)
MENTION_COLUMNS = ("doc_id", "kind", "start_pos", "end_pos", "text", "rule", "data")
FACT_COLUMNS = ("doc_id", "kind", "seq", "start_pos", "end_pos", "extractor", "data")
SOURCE_COLUMNS = ("doc_id", "path", "row_id", "name")
SourceRow = tuple[str, str, str, str]  # doc_id, path, row_id, name
FailureRow = tuple[str, str, str, str]  # path, row_id, stage, reason


class DocumentRows(TypedDict):
    """``DocRows`` as plain JSON values: how rows travel to a server (``store.remote``)
    or through Arrow (Ray). ``document`` in ``DOCUMENT_COLUMNS`` order, then the
    ``(path, row_id, name)`` sources and the ``mentions`` and ``facts`` rows."""

    document: list[Any]
    sources: list[list[str]]
    mentions: list[list[Any]]
    facts: list[list[Any]]


@dataclass
class DocRows:
    """A document's ``documents`` row, its sources and its mention and fact rows."""

    doc_id: str
    document: list[Any]
    sources: list[SourceRef]
    mentions: list[list[Any]] = field(default_factory=list)
    facts: list[list[Any]] = field(default_factory=list)

    def wire(self) -> DocumentRows:
        """The rows as plain JSON values (the server's ``/api/store/batch`` takes these)."""
        return {
            "document": self.document,
            "sources": [[s.path, s.row or "", s.name] for s in self.sources],
            "mentions": self.mentions,
            "facts": self.facts,
        }

    @classmethod
    def from_wire(cls, rows: DocumentRows) -> DocRows:
        """The rows back from their JSON values (the caller checks them, as the server does)."""
        return cls(
            rows["document"][0], list(rows["document"]),
            [SourceRef(path, row_id or None) for path, row_id, *_ in rows["sources"]],
            [list(m) for m in rows["mentions"]], [list(f) for f in rows["facts"]],
        )

    def to_json(self) -> str:
        """The rows as one JSON string: how a Ray batch carries them through Arrow."""
        return json.dumps(self.wire(), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> DocRows:
        return cls.from_wire(json.loads(text))


def document_rows(f: DocumentFacts, pipeline: str) -> DocRows:
    """The rows that store one analysed document (replacing any older rows of its id)."""
    d = f.document
    pub = d.published
    document = [
        d.id, d.title, d.author, d.outlet, d.url,
        pub.value if pub else None, pub.precision if pub else None,
        d.language, d.format, d.text,
        d.title_span.start if d.title_span else None,
        d.title_span.end if d.title_span else None,
        d.body.start if d.body else None,
        d.body.end if d.body else None,
        json.dumps([[s.start, s.end] for s in d.comments]),
        json.dumps([[s.start, s.end] for s in d.removed]),
        json.dumps(d.clean.segments if d.clean else []),
        pipeline,
        f.profile,  # the conflict profile that coded the facts (None: none did)
    ]
    mentions = [
        [d.id, m.kind, m.span.start, m.span.end, m.text, m.rule, json.dumps(to_dict(m.value))]
        for m in f.mentions
    ]
    facts = []
    for kind in FACT_KINDS:
        for seq, fact in enumerate(getattr(f, kind)):
            span = _first_span(fact)
            facts.append([
                d.id, kind, seq,
                span.start if span else None, span.end if span else None,
                getattr(fact, "extractor", ""), json.dumps(to_dict(fact)),
            ])
    return DocRows(d.id, document, list(d.sources), mentions, facts)


def batch_rows(
    facts: Sequence[DocumentFacts | DocRows],
    sources: Iterable[tuple[str, SourceRef]] = (),
    failures: Iterable[tuple[SourceRef, str, str]] = (),
    pipeline: str = "",
) -> tuple[list[DocumentRows], list[SourceRow], list[FailureRow]]:
    """A batch as plain JSON rows: what ``store.remote`` hands a server to store."""
    return (
        [(f if isinstance(f, DocRows) else document_rows(f, pipeline)).wire() for f in facts],
        source_rows(sources),
        failure_rows(failures),
    )


def source_rows(sources: Iterable[tuple[str, SourceRef]]) -> list[SourceRow]:
    """Extra ``(doc_id, source)`` pairs as ``document_sources`` rows."""
    return [(doc_id, s.path, s.row or "", s.name) for doc_id, s in sources]


def failure_rows(failures: Iterable[tuple[SourceRef, str, str]]) -> list[FailureRow]:
    """``(source, stage, reason)`` failures as ``failures`` rows."""
    return [(s.path, s.row or "", stage, reason) for s, stage, reason in failures]


def _first_span(fact: Any) -> Any:
    span = getattr(fact, "span", None)
    if span is None:
        evidence = getattr(fact, "evidence", ())
        span = evidence[0] if evidence else None
    return span
