"""Rebuild demo/fakes-demo.csv, the bundled demo corpus, from FA-KES in ../shared.

Picks every article that mentions Palmyra (the seeds' main story), then fills up
to 48 rows by taking, outlet by outlet, the earliest 2016-2017 Aleppo articles,
so the demo has many outlets telling overlapping stories. Deterministic: the
same input gives the same file. Usage: python scripts/make_demo.py [SHARED_DIR]
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

TARGET = 48
PER_OUTLET = 2


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared"
    src = shared / "data" / "fakes" / "FA-KES-Dataset.csv"
    with open(src, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = reader.fieldnames
        rows = list(reader)
    chosen, seen_ids, seen_texts = [], set(), set()

    def take(row: dict[str, str]) -> None:
        if row["unit_id"] in seen_ids or row["article_content"] in seen_texts:
            return
        seen_ids.add(row["unit_id"])
        seen_texts.add(row["article_content"])
        chosen.append(row)

    for row in rows:
        if "Palmyra" in row["article_content"] or "Tadmur" in row["article_content"]:
            take(row)
    by_outlet: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if row["location"] == "aleppo" and row["date"][-4:] in ("2016", "2017"):
            by_outlet[row["source"]].append(row)
    for outlet in sorted(by_outlet):
        for row in by_outlet[outlet][:PER_OUTLET]:
            if len(chosen) < TARGET:
                take(row)
    out = root / "demo" / "fakes-demo.csv"
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(chosen)
    print(f"wrote {len(chosen)} rows to {out}")


if __name__ == "__main__":
    main()
