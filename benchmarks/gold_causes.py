"""What the miss and false-alarm cause tables share (``miss_causes.py``,
``false_alarm_causes.py``): their command line, a gold split analysed into a store (kept or
temporary) and read back, the overlap test of two character ranges, and the listing and
JSON file of the rows they classify."""

from __future__ import annotations

import argparse
import contextlib
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from palmyra.api import analyze
from palmyra.evaluate.api import gold_articles
from palmyra.model import Document
from palmyra.present.export import document_records
from palmyra.store import queries
from palmyra.store.db import Store


def arguments(doc: str) -> argparse.Namespace:
    """The options both tables take: the gold corpus and split, a store to keep or reuse,
    a JSON file for every row, and the causes to list (``--list`` alone: all)."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--gold", default="gold")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--store")
    ap.add_argument("--json")
    ap.add_argument("--list", nargs="*")
    return ap.parse_args()


@contextlib.contextmanager
def store_path(kept: str | None) -> Iterator[Path]:
    """The store to analyse into or read: the one given (kept for the next run), else a
    temporary one removed afterwards."""
    if kept:
        yield Path(kept)
        return
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp) / "s.duckdb"


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
