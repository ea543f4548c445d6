"""Exporters: the store written out in the shapes other tools read.

``jsonl`` writes one line per document in the shape of the gold annotation
schema (shared/gold/SCHEMA.md), plus ids, spans and the extra fields Palmyra
keeps, so ``palmyra eval`` and outside scorers read the same file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from palmyra import registry
from palmyra.model import REPORTED_MODALITIES, Document, DocumentFacts, to_dict
from palmyra.store import queries
from palmyra.store.db import Store


def document_records(store: Store) -> Iterator[dict[str, Any]]:
    """Each stored document in the gold-schema shape, with evidence text and spans."""
    profiles = queries.document_profiles(store)
    for doc_id in queries.document_ids(store):
        doc = queries.load_document(store, doc_id)
        facts = {kind: queries.facts_of(store, doc_id, kind)
                 for kind in ("events", "quotes", "citations")}
        yield _record(doc, profiles.get(doc_id), facts)


def facts_record(facts: DocumentFacts) -> dict[str, Any]:
    """One analysed document (no store needed) in the same shape as ``document_records``."""
    as_dicts = {kind: [to_dict(f) for f in getattr(facts, kind)]
                for kind in ("events", "quotes", "citations")}
    return _record(facts.document, facts.profile, as_dicts)


def _record(doc: Document, profile: str | None, facts: dict[str, list[dict[str, Any]]]
            ) -> dict[str, Any]:
    text = doc.text
    return {
        "doc": doc.sources[0].name if doc.sources else doc.id,
        "id": doc.id,
        "sources": [s.name for s in doc.sources],
        "profile": profile,
        "title": doc.title,
        "outlet": doc.outlet,
        "author": doc.author,
        "published": doc.published.value if doc.published else None,
        "published_precision": doc.published.precision if doc.published else None,
        "body_end": doc.body_end,
        "comments": [[s.start, s.end] for s in doc.comments],
        # Planned, hypothetical and denied events stay in the store, out of the export.
        "events": [event_record(e, text) for e in facts["events"]
                   if e.get("modality", "asserted") in REPORTED_MODALITIES],
        "quotes": [quote_record(q, text) for q in facts["quotes"]],
        "citations": [citation_record(c, text) for c in facts["citations"]],
    }


def _span_text(span: dict[str, Any] | None, text: str) -> str | None:
    return text[span["start"] : span["end"]] if span else None


def event_record(e: dict[str, Any], text: str) -> dict[str, Any]:
    place = e.get("place") or {}
    date = e.get("date") or {}
    counts = e.get("counts") or {}
    evidence = e.get("evidence") or []
    return {
        "evidence": _span_text(evidence[0], text) if evidence else None,
        "event_type": e["event_type"],
        "sub_event_type": e["sub_event_type"],
        "date": date.get("value"),
        "date_precision": date.get("precision"),
        "location": place.get("name"),
        "admin1": place.get("admin1"),
        "country": place.get("country"),
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "geonameid": place.get("geonameid"),
        "geo_precision": e.get("geo_precision"),
        "actor1": e.get("actor1"),
        "actor2": e.get("actor2"),
        "fatalities": _low(counts.get("killed")),
        "injured": _low(counts.get("injured")),
        "counts": {k: _low(v) for k, v in counts.items()},
        "modality": e.get("modality"),
        "asserted_by": e.get("asserted_by"),
        "spans": [[s["start"], s["end"]] for s in evidence],
    }


def _low(n: dict[str, Any] | None) -> int | None:
    if not n:
        return None
    v = n.get("low") if n.get("low") is not None else n.get("high")
    return int(v) if v is not None else None


def quote_record(q: dict[str, Any], text: str) -> dict[str, Any]:
    return {
        "text": _span_text(q["span"], text),
        "speaker": q.get("speaker"),
        "direct": q.get("direct", True),
        "span": [q["span"]["start"], q["span"]["end"]],
    }


def citation_record(c: dict[str, Any], text: str) -> dict[str, Any]:
    date = c.get("date") or {}
    return {
        "outlet": c.get("outlet"),
        "title": c.get("title"),
        "author": c.get("author"),
        "date": date.get("value"),
        "evidence": _span_text(c["span"], text),
        "kind": c.get("kind"),
        "span": [c["span"]["start"], c["span"]["end"]],
    }


@registry.exporters.register("jsonl")
def export_jsonl(store: Store, out: TextIO) -> int:
    """One JSON line per document; returns the number of lines written."""
    n = 0
    for record in document_records(store):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n
