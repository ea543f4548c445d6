"""One analysed document as the store's rows: the unit every engine hands to a writer.

Turning ``DocumentFacts`` into rows is a pure function, so it runs where the
document was analysed (a worker process, a Ray actor) and only plain lists of
strings and numbers travel back to the single writer. The same rows become a
DuckDB transaction (``Store.write_batch``) or Parquet files (``--parquet-out``),
which is what makes both engines and both outputs store identical facts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from palmyra.model import DocumentFacts, SourceRef, to_dict

FACT_KINDS = ("events", "quotes", "citations", "frames")

# Column order of each table's rows (the tables themselves are in store/schema.py).
DOCUMENT_COLUMNS = (
    "id", "title", "author", "outlet", "url", "published", "published_precision",
    "language", "format", "text", "title_start", "title_end", "body_start", "body_end",
    "comments", "removed", "clean_segments", "pipeline",
)
MENTION_COLUMNS = ("doc_id", "kind", "start_pos", "end_pos", "text", "rule", "data")
FACT_COLUMNS = ("doc_id", "kind", "seq", "start_pos", "end_pos", "extractor", "data")
SOURCE_COLUMNS = ("doc_id", "path", "row_id", "name")


@dataclass
class DocRows:
    """A document's ``documents`` row, its sources and its mention and fact rows."""

    doc_id: str
    document: list[Any]
    sources: list[SourceRef]
    mentions: list[list[Any]] = field(default_factory=list)
    facts: list[list[Any]] = field(default_factory=list)

    def to_json(self) -> str:
        """The rows as one JSON string: how a Ray batch carries them through Arrow."""
        return json.dumps(
            [self.doc_id, self.document, [[s.path, s.row] for s in self.sources],
             self.mentions, self.facts],
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> DocRows:
        doc_id, document, sources, mentions, facts = json.loads(text)
        return cls(doc_id, document, [SourceRef(p, r) for p, r in sources], mentions, facts)


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


def _first_span(fact: Any) -> Any:
    span = getattr(fact, "span", None)
    if span is None:
        evidence = getattr(fact, "evidence", ())
        span = evidence[0] if evidence else None
    return span
