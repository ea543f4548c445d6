"""FA-KES rows of one split, scored: the crowd's fields against the main event.

``fakes_heldout.py`` runs it for the test rows. ``splits.csv`` marks each FA-KES unit id
``train`` (594 ids: tune on these) or ``test`` (198: kept for the release report).
This script writes the split's rows of ``fakes.csv`` to a CSV (same columns, same
encoding), analyses them into a store with the crowd's ``date`` column emptied (a label,
which ``palmyra analyze`` would otherwise read as the publication date of a text without a
date line) and prints ``palmyra eval --fakes`` for them: governorate, date within a day,
actor side, cause of death and toll.

The ``test`` split is refused unless ``--report`` is given: scoring it is for the
release report, once, never for tuning.

With ``--store PATH`` the store (and the split's CSV beside it, ``PATH.csv``) are kept,
so the same analysis can be scored again after a change to the scorer alone:
``palmyra eval --store PATH --fakes PATH.csv``. An existing store is reused as is
unless ``--fresh`` is given.

Usage: python benchmarks/fakes_dev.py [SHARED_DIR] [--split train|test] [--report]
       [--store PATH] [--fresh] [--workers N] [--json]
"""

from __future__ import annotations

import argparse
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
# the crowd's event date (SOURCE.md: "the event date as extracted, not always the
# publication date"): a label to score against, never an input
CROWD_DATE = "date"


def split_rows(fakes: Path, split: str) -> tuple[list[str], list[dict[str, str]], int]:
    """The columns of ``fakes.csv``, its rows whose unit id is in ``split``, and the id count."""
    with open(fakes / "splits.csv", encoding="utf-8", newline="") as fh:
        ids = {r["unit_id"] for r in csv.DictReader(fh) if r["split"] == split}
    with open(fakes / "fakes.csv", encoding="latin-1", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = [r for r in reader if r["unit_id"] in ids]
    return fields, rows, len(ids)


def write_rows(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="latin-1", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", nargs="?", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding data/fakes (default: ../shared)")
    parser.add_argument("--split", choices=("train", "test"), default="train")
    parser.add_argument("--report", action="store_true",
                        help="allow --split test: the release report, run once")
    parser.add_argument("--store", type=Path, help="keep the store here (and PATH.csv)")
    parser.add_argument("--fresh", action="store_true", help="re-analyse into an existing store")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.split == "test" and not args.report:
        parser.error("the test split is held out: score it only for the release report "
                     "(--report), never to tune")
    fields, rows, n_ids = split_rows(args.shared / "data" / "fakes", args.split)
    with tempfile.TemporaryDirectory(prefix="palmyra-fakes-") as tmp:
        store = args.store or Path(tmp) / f"{args.split}.duckdb"
        subset = Path(f"{store}.csv") if args.store else Path(tmp) / "fakes.csv"
        if args.fresh and store.exists():
            store.unlink()
        if not store.exists():
            store.parent.mkdir(parents=True, exist_ok=True)
            write_rows(subset, fields, rows)
            # what is analysed lacks the crowd's date: read as the publication date where a
            # text has no date line (47 of the 605 train rows), it would hand the extractor
            # the very date it is scored against
            unlabelled = Path(tmp) / "fakes-without-crowd-date.csv"
            write_rows(unlabelled, fields, [{**r, CROWD_DATE: ""} for r in rows])
            api.analyze([unlabelled], store, workers=args.workers)
        with Store(store, read_only=True) as st:
            result = evaluate_fakes(st, subset)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print_results(Console(), None, result)
        print(f"{len(rows)} rows of the {args.split} split ({n_ids} unit ids)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
