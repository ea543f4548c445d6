"""What the miss and false-alarm cause tables share (``miss_causes.py``,
``false_alarm_causes.py``): a gold split analysed into a store and read back, the overlap
test of two character ranges, and the listing and JSON file of the rows they classify."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from palmyra.api import analyze
from palmyra.evaluate.api import gold_articles
from palmyra.model import Document
from palmyra.present.export import document_records
from palmyra.store import queries
from palmyra.store.db import Store


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def analysed(folder: Path, store: Path) -> tuple[dict[str, Document], dict[str, dict[str, Any]]]:
    """Each gold article's stored document and exported record, keyed by its file name;
    the split is analysed into ``store`` first where the store does not exist yet."""
    if not store.exists():
        articles, outlets = gold_articles(folder)
        analyze(articles, store, outlet_by_source=outlets)
    with Store(store, read_only=True) as st:
        docs = {}
        for doc_id in queries.document_ids(st):
            d = queries.load_document(st, doc_id)
            docs[d.sources[0].name if d.sources else doc_id] = d
        records = {r["doc"]: r for r in document_records(st)}
    return docs, records


def report_rows(rows: list[dict[str, Any]], wanted: list[str] | None, json_out: str | None,
                ) -> None:
    """``--list``: each row of the wanted causes (all, where none is named) with its
    evidence; ``--json``: every row to the file."""
    if wanted is not None:
        for m in rows:
            if not wanted or m["cause"] in wanted:
                when = f" {m['date']}" if "date" in m else ""
                print(f"\n[{m['cause']}] {m['doc']} {m['sub_event_type']} @ {m['location']}"
                      f"{when} | {m['why']}\n   {m['evidence']}")
    if json_out:
        Path(json_out).write_text(json.dumps(rows, indent=1, ensure_ascii=False))
