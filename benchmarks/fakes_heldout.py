"""FA-KES's held-out rows, scored once to report: the crowd's fields against the main event.

``splits.csv`` marks 198 FA-KES unit ids ``test``: never annotated, trained or tuned on.
This script writes just those rows of ``fakes.csv`` to a temporary CSV (same columns,
same encoding), analyses it into a temporary store and prints ``palmyra eval --fakes``
for them: governorate, date within a day, actor side, cause of death and civilian toll.
Run it to report, not to tune.

Usage: python benchmarks/fakes_heldout.py [SHARED_DIR] [--json]
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from pathlib import Path

from rich.console import Console

from palmyra import api
from palmyra.evaluate.api import evaluate_fakes
from palmyra.evaluate.report import print_results
from palmyra.store.db import Store

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    as_json = "--json" in argv
    args = [a for a in argv if a != "--json"]
    fakes = (Path(args[0]) if args else ROOT.parent / "shared") / "data" / "fakes"
    with open(fakes / "splits.csv", encoding="utf-8", newline="") as fh:
        held_out = {r["unit_id"] for r in csv.DictReader(fh) if r["split"] == "test"}
    with open(fakes / "fakes.csv", encoding="latin-1", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = reader.fieldnames or []
        rows = [r for r in reader if r["unit_id"] in held_out]
    with tempfile.TemporaryDirectory(prefix="palmyra-fakes-") as tmp:
        subset = Path(tmp) / "fakes.csv"
        with open(subset, "w", encoding="latin-1", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)
        store = Path(tmp) / "heldout.duckdb"
        api.analyze([subset], store)
        with Store(store, read_only=True) as st:
            result = evaluate_fakes(st, subset)
    if as_json:
        print(json.dumps(result, indent=1))
    else:
        print_results(Console(), None, result)
        print(f"{len(rows)} held-out rows ({len(held_out)} unit ids)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
