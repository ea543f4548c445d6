"""Choose the FA-KES articles of the gold corpus and split them into dev and test, once.

Run once, before any annotation; the result is committed and never redrawn (a new
draw would leak test articles into what was tuned on). Deterministic for a seed.

What it does, in order:
1. Reads FA-KES (UTF-8 Zenodo form) and ``splits.csv``; keeps ``train`` rows only
   (the ``test`` rows are kept for outside evaluation), one row per unit_id and per
   text, articles of at most ``MAX_CHARS`` characters (annotating an 8,000-character
   piece in full costs as much as five wire reports; the guide says so).
2. Gives each of the 15 outlets ``max(MIN_PER_OUTLET, share of TARGET)`` articles.
3. Within an outlet, shuffles with the seed, then takes first the articles whose text
   names a rare kind of event (protest, agreement, arrest, abduction, base, defection,
   handover, chemical, suicide bomb, IED, capture), one kind after another, so that the
   corpus covers ACLED's sub-types and not only shelling; fills up at random. Every
   2012 and 2018 train article is taken (there are four) so that every year is in.
4. Splits each outlet's articles at random: a third to ``test``, the rest to ``dev``.
5. Writes ``gold/{dev,test}/fakes-<unit_id>.txt`` (title line, blank line, the
   article text exactly as FA-KES has it) and ``gold/SPLIT.csv``.

Usage: python scripts/make_gold_corpus.py [SHARED_DIR]
"""

from __future__ import annotations

import csv
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

SEED = 20261206
TARGET = 126
MIN_PER_OUTLET = 3
MAX_CHARS = 4500
TEST_SHARE = 1 / 3
RARE_KINDS = {
    "protest": r"protest|demonstrat",
    "agreement": r"agreement|ceasefire|truce|\bdeal\b",
    "arrest": r"arrest|detain",
    "abduction": r"kidnap|abduct",
    "base": r"\bbase\b|headquarter",
    "defection": r"defect|merge",
    "handover": r"handed over|hand over|withdr",
    "chemical": r"chemical|chlorine|sarin",
    "suicide": r"suicide",
    "explosive": r"\bIED|landmine|roadside bomb|car bomb|explosive device",
    "capture": r"captur|seiz|recaptur|took control|regain",
}
ALWAYS_YEARS = ("2012", "2018")


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared"
    fakes = shared / "data" / "fakes"
    with open(fakes / "splits.csv", encoding="utf-8", newline="") as fh:
        split_of = {r["unit_id"]: r["split"] for r in csv.DictReader(fh)}
    with open(fakes / "FA-KES-Dataset.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    held_out_texts = {r["article_content"] for r in rows if split_of[r["unit_id"]] == "test"}
    by_outlet: dict[str, list[dict[str, str]]] = defaultdict(list)
    seen_ids: set[str] = set()
    seen_texts: set[str] = set()
    for row in rows:
        text = row["article_content"]
        if (split_of[row["unit_id"]] != "train" or row["unit_id"] in seen_ids
                or text in seen_texts or text in held_out_texts or len(text) > MAX_CHARS):
            continue
        seen_ids.add(row["unit_id"])
        seen_texts.add(text)
        by_outlet[row["source"]].append(row)
    total = sum(len(v) for v in by_outlet.values())
    rng = random.Random(SEED)
    chosen: list[tuple[dict[str, str], str]] = []
    for outlet in sorted(by_outlet):
        pool = by_outlet[outlet]
        rng.shuffle(pool)
        quota = min(len(pool), max(MIN_PER_OUTLET, round(TARGET * len(pool) / total)))
        picked = [r for r in pool if r["date"][-4:] in ALWAYS_YEARS]
        for _ in range(quota):
            for pattern in RARE_KINDS.values():
                if len(picked) >= (quota + 1) // 2:
                    break
                hit = next((r for r in pool if r not in picked
                            and re.search(pattern, r["article_content"], re.I)), None)
                if hit is not None:
                    picked.append(hit)
        picked += [r for r in pool if r not in picked][: max(0, quota - len(picked))]
        order = list(range(len(picked)))
        rng.shuffle(order)
        n_test = round(len(picked) * TEST_SHARE)
        for rank, i in enumerate(order):
            chosen.append((picked[i], "test" if rank < n_test else "dev"))
    write(root / "gold", chosen)


def write(gold: Path, chosen: list[tuple[dict[str, str], str]]) -> None:
    for split in ("dev", "test"):
        (gold / split).mkdir(parents=True, exist_ok=True)
    with open(gold / "SPLIT.csv", "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["file", "unit_id", "outlet", "date", "split"])
        for row, split in sorted(chosen, key=lambda c: (c[1], c[0]["unit_id"])):
            name = f"fakes-{row['unit_id']}.txt"
            body = f"{row['article_title'].strip()}\n\n{row['article_content'].strip()}\n"
            (gold / split / name).write_text(body, encoding="utf-8")
            out.writerow([name, row["unit_id"], row["source"], row["date"], split])
    counts = {s: sum(1 for _, x in chosen if x == s) for s in ("dev", "test")}
    print(f"wrote {len(chosen)} articles to {gold}: {counts}")


if __name__ == "__main__":
    main()
