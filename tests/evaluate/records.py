"""Hand-made gold facts and exported records for the evaluate tests.

Builders take the fields a test cares about and fill the rest with one
invented event (an air strike on Marea on 27 March 2016), so each table row
shows only what it varies.
"""

from __future__ import annotations

from typing import Any

EVENT: dict[str, Any] = {
    "evidence": "Jets struck Marea on Sunday",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike",
    "date": "2016-03-27",
    "date_precision": "day",
    "location": "Marea",
    "admin1": "Aleppo",
    "country": "Syria",
    "actor1": "Military Forces of Russia",
    "actor2": None,
    "fatalities": None,
    "injured": None,
}


def gold_event(**fields: Any) -> dict[str, Any]:
    return {**EVENT, **fields}


def pred_event(**fields: Any) -> dict[str, Any]:
    """An event as ``present.export.event_record`` writes it."""
    return {**EVENT, "geonameid": None, "modality": "asserted", "spans": [], **fields}


def gold_article(doc: str, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "doc": doc, "title": "Jets strike Marea", "outlet": "Example News", "author": None,
        "published": "2016-03-28", "body_end": None, "events": [], "quotes": [], "citations": [],
    }
    return {**base, **fields}


def record(doc: str, **fields: Any) -> dict[str, Any]:
    """A document as ``present.export.document_records`` yields it."""
    base = gold_article(doc)
    base.update({"id": "id-" + doc, "sources": [doc]})
    return {**base, **fields}
