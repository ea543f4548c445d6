"""The gold corpus in the repo is sound: every file validates, the split is as documented,
and no article is one of FA-KES's held-out test rows."""

from __future__ import annotations

import csv
from pathlib import Path

from palmyra.evaluate.validate import validate

GOLD = Path(__file__).resolve().parents[2] / "gold"


def test_gold_corpus_every_file_validates():
    count, problems = validate([GOLD])
    assert problems == []
    assert count >= 280  # 133 dev + 43 test articles, 20 second annotations, the war sets, train


def test_gold_corpus_split_is_as_documented():
    with open(GOLD / "SPLIT.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["split"] for r in rows} <= {"dev", "test", "train"}
    by_split = {s: [r for r in rows if r["split"] == s] for s in ("dev", "test", "train")}
    assert len(by_split["dev"]) >= 80 and len(by_split["test"]) >= 40
    assert len(by_split["train"]) >= 20
    assert len({r["unit_id"] for r in rows}) == len(rows)
    assert len({r["outlet"] for r in rows}) >= 10
    for split, split_rows in by_split.items():
        for r in split_rows:
            assert (GOLD / split / r["file"]).is_file()
            assert (GOLD / split / (r["file"] + ".gold.json")).is_file()


def test_gold_corpus_holds_no_fakes_test_row(shared_dir):
    with open(shared_dir / "data" / "fakes" / "splits.csv", encoding="utf-8") as fh:
        held_out = {r["unit_id"] for r in csv.DictReader(fh) if r["split"] == "test"}
    with open(GOLD / "SPLIT.csv", encoding="utf-8", newline="") as fh:
        assert not {r["unit_id"] for r in csv.DictReader(fh)} & held_out


def test_gold_train_split_is_only_what_split_csv_lists():
    """gold/train holds the annotated FA-KES train articles of SPLIT.csv and nothing else,
    so that no article is both tuned on in train and scored in test."""
    with open(GOLD / "SPLIT.csv", encoding="utf-8", newline="") as fh:
        listed = {r["file"] for r in csv.DictReader(fh) if r["split"] == "train"}
    present = {p.name for p in (GOLD / "train").glob("*.txt")}
    assert present == listed
    count, problems = validate([GOLD / "train"])
    assert problems == [] and count == len(listed)
