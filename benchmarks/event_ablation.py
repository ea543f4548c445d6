"""Ablation of the event extractor: rules only, the trained model only, and both.

Runs the whole per-document pipeline three times over one split of the gold corpus and
one recall file, changing only the ``events.mode`` setting, and prints events P/R/F1 on
the articles and any-event recall, sub-type accuracy and false alarms on the short
reports. Report the test split only to report; tune on dev.

Usage: python benchmarks/event_ablation.py [--split test] [--recall gold/recall/test.jsonl]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from palmyra.evaluate.api import gold_articles
from palmyra.evaluate.gold import load_gold
from palmyra.evaluate.recall import load_recall, score_recall
from palmyra.evaluate.report import fmt
from palmyra.evaluate.score import score_gold
from palmyra.ingest import RawRecord, build_document
from palmyra.model import REPORTED_MODALITIES, SourceRef
from palmyra.pipeline import Pipeline
from palmyra.present.export import facts_record

ROOT = Path(__file__).resolve().parents[1]
MODES = ("rules", "model", "both")


def run(mode: str, gold_dir: Path, recall_file: Path) -> dict[str, float | None]:
    pipeline = Pipeline.create("syria", settings={"events": {"mode": mode}})
    golds = load_gold(gold_dir)
    _, outlets = gold_articles(gold_dir)
    items = load_recall(recall_file)
    docs = [build_document(RawRecord(SourceRef(g["doc"]), (gold_dir / g["doc"]).read_text(
        encoding="utf-8"), "text", outlet_hint=outlets.get(g["doc"])), pipeline.outlets)
        for g in golds]
    docs += [build_document(RawRecord(SourceRef(str(i["id"])), i["text"], "text",
                                      published_hint=i.get("published")), pipeline.outlets)
             for i in items]
    facts, errors = pipeline.process(docs)
    if errors:
        raise SystemExit(f"event_ablation: {errors[0][0].sources[0].name}: {errors[0][2]}")
    by_name = {f.document.sources[0].name: f for f in facts}
    gold = score_gold(golds, [facts_record(by_name[g["doc"]]) for g in golds])
    recall = score_recall(items, [[e.sub_event_type for e in by_name[str(i["id"])].events
                                   if e.modality in REPORTED_MODALITIES] for i in items])
    events = gold["kinds"]["events"]
    return {"P": events["precision"], "R": events["recall"], "F1": events["f1"],
            "actor1": gold["fields"]["events"]["actor1"]["accuracy"],
            "any event": recall["any_event"], "sub-type": recall["sub_type"],
            "weighted F1": recall["weighted_f1"], "false alarms": recall["false_alarms"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=("dev", "test"))
    ap.add_argument("--recall", type=Path, default=None)
    args = ap.parse_args()
    gold_dir = ROOT / "gold" / args.split
    recall_file = args.recall or ROOT / "gold" / "recall" / f"{args.split}.jsonl"
    rows = {mode: run(mode, gold_dir, recall_file) for mode in MODES}
    table = Table(title=f"Event extractor ablation: gold/{args.split} and {recall_file.name}")
    table.add_column("mode")
    for col in next(iter(rows.values())):
        table.add_column(col, justify="right")
    for mode, scores in rows.items():
        table.add_row(mode, *(fmt(v) for v in scores.values()))
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
