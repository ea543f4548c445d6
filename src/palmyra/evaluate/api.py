"""The two evaluations ``palmyra eval`` runs, as library calls over a store.

Both read the store only through ``present.export.document_records``, the same
records ``palmyra export --format jsonl`` writes, so an outside scorer and this
one see the same predictions.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from palmyra.evaluate.fakes import load_fakes, score_fakes
from palmyra.evaluate.gold import GoldError, load_gold
from palmyra.evaluate.score import score_gold
from palmyra.present.export import document_records
from palmyra.store.db import Store

SPLIT_FILE = "SPLIT.csv"  # file, unit_id, outlet, date, split (scripts/make_gold_corpus.py)


def evaluate_gold(store: Store, gold_dir: Path) -> dict[str, Any]:
    """Precision, recall and F1 per kind, field and metadata accuracy against gold files.

    The gold files are read and checked before the store is, so a bad gold file
    fails fast. See ``evaluate.score.score_gold`` for the result's shape.

    Raises:
        GoldError: the folder is missing or empty, or a gold file is malformed.
    """
    golds = load_gold(Path(gold_dir))
    result = score_gold(golds, document_records(store))
    result["gold_dir"] = str(gold_dir)
    return result


def evaluate_agreement(gold_dir: Path, second_dir: Path) -> dict[str, Any]:
    """How far a second, independent annotation of the same articles agrees with the gold.

    The second annotation is scored as if it were Palmyra's output, on the articles
    both folders annotate, so the figures read like the system's: events F1 between
    the two annotators, field agreement over matched pairs. This is the human ceiling.
    """
    second = load_gold(Path(second_dir))
    docs = {g["doc"] for g in second}
    golds = [g for g in load_gold(Path(gold_dir)) if g["doc"] in docs]
    result = score_gold(golds, [{**g, "sources": [g["doc"]]} for g in second])
    result.update(gold_dir=str(gold_dir), second_dir=str(second_dir))
    return result


def gold_folder(gold_dir: Path, split: str | None) -> Path:
    """The folder of gold files to score: ``gold_dir/split`` when a split is named.

    Raises:
        GoldError: the split has no folder.
    """
    if split is None:
        return gold_dir
    folder = gold_dir / split
    if not folder.is_dir():
        raise GoldError(str(folder), f"no {split!r} split here (expected {gold_dir}/{split}/)")
    return folder


def gold_articles(folder: Path) -> tuple[list[Path], dict[str, str]]:
    """The article files beside the gold files, and each one's outlet from ``SPLIT.csv``.

    The corpus's articles do not name their outlet in the text; the data set does,
    as a CSV column would, so the outlet is given the way ``analyze`` takes it.
    """
    articles = [folder / g["doc"] for g in load_gold(folder)]
    articles = [a for a in articles if a.is_file()]
    outlets: dict[str, str] = {}
    for split_file in (folder / SPLIT_FILE, folder.parent / SPLIT_FILE):
        if split_file.is_file():
            with open(split_file, encoding="utf-8", newline="") as fh:
                outlets = {row["file"]: row["outlet"] for row in csv.DictReader(fh)}
            break
    return articles, outlets


def evaluate_fakes(store: Store, fakes_csv: Path) -> dict[str, Any]:
    """Coverage and agreement of the stored FA-KES articles' main events with the crowd fields.

    See ``evaluate.fakes`` for the conventions and ``score_fakes`` for the result.

    Raises:
        InputError: the file is missing, is not FA-KES, or has an unreadable row.
    """
    rows = load_fakes(Path(fakes_csv))
    result = score_fakes(rows, document_records(store))
    result["fakes_file"] = str(fakes_csv)
    return result
