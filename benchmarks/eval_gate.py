"""Gold-score gate: exit 1 when a per-kind F1 or a field accuracy falls below its floor.

The floors are pinned in benchmarks/eval_baseline.json, beside the gold folder
they were measured on. They start at 0.0; raising one is a deliberate commit
made when an extractor gets better, so later changes cannot quietly undo it.
A score with nothing to score (no matched pairs, say) counts as 0.0 here.

By default the gold articles (the gold corpus's dev split, whose articles lie
beside their gold files) are analysed into a temporary store first, each with its
outlet from SPLIT.csv as ``palmyra eval`` does; ``--articles`` reads them from
another folder (the seeds in ../shared), ``--store`` scores an existing store.

Usage: python benchmarks/eval_gate.py [--store FILE | --articles DIR] [--gold DIR]
                                      [--baseline FILE]
Exit codes: 0 every score at or above its floor, 1 a regression, 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

from palmyra.errors import PalmyraError
from palmyra.evaluate import evaluate_gold
from palmyra.evaluate.gold import load_gold
from palmyra.evaluate.report import fmt, headline_scores, print_results
from palmyra.store.db import Store

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "benchmarks" / "eval_baseline.json"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, help="score this store (default: analyse --articles)")
    ap.add_argument("--articles", type=Path,
                    help="folder holding the gold articles (default: beside the gold files)")
    ap.add_argument("--gold", type=Path, help="gold folder (default: the baseline's 'gold')")
    ap.add_argument("--baseline", type=Path, default=BASELINE, help="floors file")
    args = ap.parse_args(argv)
    out = Console()
    try:
        baseline = json.loads(args.baseline.read_text(encoding="utf-8"))
        floors: dict[str, float] = baseline["floors"]
        gold_dir = args.gold or (args.baseline.parent.parent / baseline["gold"])
        if args.store:
            with Store(args.store, read_only=True) as store:
                result = evaluate_gold(store, gold_dir)
        else:
            result = _analyse_and_score(args.articles, gold_dir)
    except (OSError, KeyError, json.JSONDecodeError, PalmyraError) as err:
        print(f"eval_gate: {err}", file=sys.stderr)
        return 2
    scores = headline_scores(result)
    unknown = sorted(set(floors) - set(scores))
    if unknown:
        print(f"eval_gate: {args.baseline}: unknown score(s) {', '.join(unknown)}",
              file=sys.stderr)
        return 2
    print_results(out, result, None)
    failed = regressions(scores, floors)
    out.print(gate_table(scores, floors, failed))
    if failed:
        out.print(f"[bold red]{len(failed)} score(s) below their floor:[/] {', '.join(failed)}")
        return 1
    return 0


def regressions(scores: dict[str, float | None], floors: dict[str, float]) -> list[str]:
    """Names of the scores below their floor (a missing score counts as 0.0)."""
    return [name for name, floor in floors.items() if (scores[name] or 0.0) < floor]


def gate_table(scores: dict[str, float | None], floors: dict[str, float],
               failed: list[str]) -> Table:
    table = Table(title="Gold gate")
    for col in ("score", "value", "floor", "status"):
        table.add_column(col, justify="left" if col in ("score", "status") else "right")
    for name, value in scores.items():
        floor = floors.get(name)
        status = "not gated" if floor is None else ("BELOW" if name in failed else "ok")
        table.add_row(name, fmt(value), fmt(floor), status)
    return table


def _analyse_and_score(articles: Path | None, gold_dir: Path) -> dict:
    """Analyse just the articles the gold describes, into a store that is thrown away."""
    from palmyra import api
    from palmyra.evaluate.api import gold_articles

    _, outlets = gold_articles(gold_dir)
    paths = [(articles or gold_dir) / g["doc"] for g in load_gold(gold_dir)]
    absent = [str(p) for p in paths if not p.is_file()]
    if absent:
        raise PalmyraError(f"gold article(s) not found: {', '.join(absent)}")
    with tempfile.TemporaryDirectory() as tmp:
        store_path = Path(tmp) / "gate.duckdb"
        api.analyze(paths, store_path, outlet_by_source=outlets)
        with Store(store_path, read_only=True) as store:
            return evaluate_gold(store, gold_dir)


if __name__ == "__main__":
    sys.exit(main())
