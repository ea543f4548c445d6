"""K-fold cross-validation of the event-sentence model on the recall training pool.

Trains one model per fold (the gold dev articles and the other folds' short reports) and
scores the reports of the fold it never saw, by the classifier alone and through the whole
extractor for each ``events`` setting below. This is how the shipped settings were chosen;
figures of a model on the reports it was trained on (``palmyra eval --recall
gold/recall/dev.jsonl``) are inflated. Never reads a test split.

Usage: python benchmarks/event_model_cv.py [--k 5] [--seed 13] [--without train2.jsonl]
(about 2 minutes of CPU per fold and setting pass on 2 cores)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from palmyra.evaluate.report import fmt
from palmyra.train.event_cv import cross_validate
from palmyra.train.event_examples import RECALL_TRAINING

ROOT = Path(__file__).resolve().parents[1]
OFF = 1.01
SETTINGS = {
    "rules": {"mode": "rules"},
    "veto + propose (before)": {"model_retype": OFF, "model_reject": OFF},
    "+ retype 0.9": {"model_retype": 0.9},
    "+ retype 0.97 (shipped)": {},
    "+ retype 0.97 + reject 0.95": {"model_reject": 0.95},
    "shipped, propose 0.7": {"model_propose": 0.7},
    "shipped, veto 0.98": {"model_veto": 0.98},
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--without", action="append", default=[],
                    help="a recall training file to leave out of the pool (e.g. train2.jsonl)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--setting", action="append", default=[], choices=list(SETTINGS),
                    help="run only these settings (default: all)")
    args = ap.parse_args()
    import spacy

    from palmyra.pipeline import SPACY_MODEL

    names = [n for n in RECALL_TRAINING if n.name not in args.without]
    settings = {k: v for k, v in SETTINGS.items() if not args.setting or k in args.setting}
    result = cross_validate(ROOT / "gold", spacy.load(SPACY_MODEL), k=args.k, seed=args.seed,
                            settings=settings, names=names,
                            log=lambda m: print(m, file=sys.stderr))
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    cls = result["classifier"]
    Console().print(f"{result['reports']} reports, {args.k} folds; classifier alone: "
                    f"{fmt(cls['conflict'])} of conflict reports get their sub-type, "
                    f"{fmt(cls['none'])} of non-conflict reports NONE")
    table = Table(title="Held-out recall-pool reports")
    for col in ("setting", "any event", "sub-type", "weighted F1", "false alarms"):
        table.add_column(col, justify="left" if col == "setting" else "right")
    for name in settings:
        s = result[name]
        table.add_row(name, *(fmt(s[k]) for k in ("any_event", "sub_type", "weighted_f1",
                                                  "false_alarms")))
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
