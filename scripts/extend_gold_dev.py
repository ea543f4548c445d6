"""Add FA-KES train articles to the gold corpus's dev split, never to its test split.

The corpus's split was drawn once (``make_gold_corpus.py``); more annotated data for
tuning and training is added here, to dev only, so the test split stays what it was.
Takes train rows not already in the corpus, at most ``MAX_CHARS`` characters, shuffled
with its own seed and spread over the outlets in proportion; appends them to
``gold/SPLIT.csv`` as ``dev`` and writes their text files.

Usage: python scripts/extend_gold_dev.py N [SHARED_DIR]
"""

from __future__ import annotations

import csv
import random
import sys
from collections import defaultdict
from pathlib import Path

SEED = 20261207
MAX_CHARS = 4500


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    wanted = int(sys.argv[1])
    shared = Path(sys.argv[2]) if len(sys.argv) > 2 else root.parent / "shared"
    fakes = shared / "data" / "fakes"
    with open(fakes / "splits.csv", encoding="utf-8", newline="") as fh:
        split_of = {r["unit_id"]: r["split"] for r in csv.DictReader(fh)}
    with open(root / "gold" / "SPLIT.csv", encoding="utf-8", newline="") as fh:
        taken = {r["unit_id"] for r in csv.DictReader(fh)}
    with open(fakes / "FA-KES-Dataset.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    held_out = {r["article_content"] for r in rows if split_of[r["unit_id"]] == "test"}
    taken_texts = {r["article_content"] for r in rows if r["unit_id"] in taken}
    by_outlet: dict[str, list[dict[str, str]]] = defaultdict(list)
    seen: set[str] = set()
    for r in rows:
        text = r["article_content"]
        if (split_of[r["unit_id"]] != "train" or r["unit_id"] in taken | seen
                or text in held_out | taken_texts or len(text) > MAX_CHARS):
            continue
        seen.add(r["unit_id"])
        by_outlet[r["source"]].append(r)
    rng = random.Random(SEED)
    pool = []
    for outlet in sorted(by_outlet):
        rng.shuffle(by_outlet[outlet])
    total = sum(len(v) for v in by_outlet.values())
    for outlet in sorted(by_outlet):
        pool += by_outlet[outlet][: max(1, round(wanted * len(by_outlet[outlet]) / total))]
    rng.shuffle(pool)
    chosen = pool[:wanted]
    with open(root / "gold" / "SPLIT.csv", "a", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        for r in sorted(chosen, key=lambda r: r["unit_id"]):
            name = f"fakes-{r['unit_id']}.txt"
            body = f"{r['article_title'].strip()}\n\n{r['article_content'].strip()}\n"
            (root / "gold" / "dev" / name).write_text(body, encoding="utf-8")
            out.writerow([name, r["unit_id"], r["source"], r["date"], "dev"])
            print(root / "gold" / "dev" / name, r["source"])


if __name__ == "__main__":
    main()
