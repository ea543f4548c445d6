"""How each matched event's date was derived, against the gold's precision: the table behind
the date rules (which derivation is right how often, on which annotators' batches).

Analyses a gold split into a store (kept with ``--store`` for the next run), pairs the
predictions with the gold exactly as ``palmyra eval`` does, and counts each matched pair by
derivation (the rule recorded in ``DateValue.rule``: own clause or sentence, a weekday or
relative word there, the report's day, carried from an earlier sentence, the publication
date, none), by gold precision, and whether the date field is right. ``--batches`` splits
the train articles into their annotators' batches by their order in ``gold/SPLIT.csv``
(``extend_gold_dev.py`` appends them in the order they were drawn and annotated).

Usage: python benchmarks/date_derivations.py --split train --store /tmp/t.duckdb [--batches]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from palmyra.api import analyze
from palmyra.evaluate.api import gold_articles
from palmyra.evaluate.gold import load_gold
from palmyra.evaluate.match import match, same_date, scored_predictions
from palmyra.model import REPORTED_MODALITIES
from palmyra.present.export import event_record
from palmyra.store import queries
from palmyra.store.db import Store

# train batches in SPLIT.csv order (README, gold corpus): annotators and their article counts
TRAIN_BATCHES = (("J", 40), ("K", 40), ("L", 50), ("M", 40), ("NOPQ", 80), ("RST", 60),
                 ("UVW", 60), ("XYZ", 38))

_RELATIVE = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
                       r"today|tonight|overnight|ago|last|this|earlier|past|recent)\b", re.I)


def batches(gold: Path) -> dict[str, str]:
    """Each train article's batch (its annotators), from its place in ``SPLIT.csv``."""
    with open(gold / "SPLIT.csv", encoding="utf-8", newline="") as fh:
        train = [r["file"] for r in csv.DictReader(fh) if r["split"].strip() == "train"]
    out: dict[str, str] = {}
    at = 0
    for name, n in TRAIN_BATCHES:
        for f in train[at:at + n]:
            out[f] = name
        at += n
    return out


def derivation(event: dict[str, Any], record: dict[str, Any], title_end: int) -> str:
    """The derivation class of an exported event's date."""
    date = event.get("date") or {}
    rule = date.get("rule") if date else None
    spans = record.get("spans") or [[0, 0]]
    if spans[0][0] < title_end and rule in ("event:clause", "event:sentence"):
        return "headline"
    if rule is None:
        return "none"
    if rule in ("event:clause", "event:sentence"):
        rel = _RELATIVE.search(record.get("evidence") or "")
        return "own-relative" if rel else "own-explicit"
    if rule == "event:narrative":
        return f"carried-{date.get('precision')}"
    return {"event:report-day": "report-day", "event:publication": "publication",
            "event:before": "counted-back"}.get(rule, rule.replace("event:", ""))


def analysed(folder: Path, store: Path) -> dict[str, tuple[list[dict[str, Any]], str]]:
    """Each article's reported events (export records with ``_derivation``) by file name."""
    if not store.exists():
        articles, outlets = gold_articles(folder)
        analyze(articles, store, outlet_by_source=outlets)
    out: dict[str, tuple[list[dict[str, Any]], str]] = {}
    with Store(store, read_only=True) as st:
        for doc_id in queries.document_ids(st):
            doc = queries.load_document(st, doc_id)
            text = doc.text
            title_end = text.find("\n") if "\n" in text else 0
            rows = []
            for e in queries.facts_of(st, doc_id, "events"):
                if e.get("modality", "asserted") not in REPORTED_MODALITIES:
                    continue
                rec = event_record(e, text)
                rec["_derivation"] = derivation(e, rec, title_end)
                rec["_rule"] = (e.get("date") or {}).get("rule")
                rows.append(rec)
            out[doc.sources[0].name if doc.sources else doc_id] = (rows, text)
    return out


def pairs_table(folder: Path, store: Path, batch_of: dict[str, str]) -> list[dict[str, Any]]:
    """One row per matched pair: article, batch, derivation, precisions, right or not."""
    preds = analysed(folder, store)
    rows = []
    for gold in load_gold(folder):
        events, _ = preds.get(gold["doc"], ([], ""))
        pred = scored_predictions("events", events)
        for i, j in match(pred, gold["events"], "events"):
            p, g = pred[i], gold["events"][j]
            rows.append({"doc": gold["doc"], "batch": batch_of.get(gold["doc"], "dev"),
                         "derivation": p["_derivation"], "rule": p["_rule"],
                         "pred": f"{p['date']}/{p['date_precision']}",
                         "gold": f"{g['date']}/{g['date_precision']}",
                         "gold_precision": g["date_precision"] or "null",
                         "right": same_date(p, g), "evidence": p["evidence"]})
    return rows


def show(rows: list[dict[str, Any]], by: str = "derivation") -> None:
    """Derivation x gold precision: right/total per cell, and each row's accuracy."""
    precs = ["day", "week", "month", "year", "null"]
    cells: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for r in rows:
        c = cells[r[by]][r["gold_precision"]]
        c[0] += r["right"]
        c[1] += 1
    print(f"{by:16s} " + " ".join(f"{p:>9s}" for p in precs) + "    right/all   acc")
    tot = [0, 0]
    for d in sorted(cells, key=lambda d: -sum(c[1] for c in cells[d].values())):
        right = sum(c[0] for c in cells[d].values())
        n = sum(c[1] for c in cells[d].values())
        tot[0] += right
        tot[1] += n
        print(f"{d:16s} " + " ".join(f"{cells[d][p][0]:>4d}/{cells[d][p][1]:<4d}" for p in precs)
              + f"   {right:>4d}/{n:<4d}  {right / n:.3f}")
    print(f"{'all':16s} {'':59s}   {tot[0]:>4d}/{tot[1]:<4d}  {tot[0] / max(tot[1], 1):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default="gold")
    ap.add_argument("--split", default="train")
    ap.add_argument("--store", required=True)
    ap.add_argument("--batches", action="store_true", help="a table per train batch too")
    ap.add_argument("--json", help="write every matched pair here")
    args = ap.parse_args()
    gold = Path(args.gold)
    rows = pairs_table(gold / args.split, Path(args.store), batches(gold))
    show(rows)
    if args.batches:
        per: dict[str, Counter[str]] = defaultdict(Counter)
        for r in rows:
            per[r["batch"]]["n"] += 1
            per[r["batch"]]["right"] += r["right"]
        print()
        for b, c in per.items():
            print(f"batch {b:5s} {c['right']:>4d}/{c['n']:<4d} {c['right'] / c['n']:.3f}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
