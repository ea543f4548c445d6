"""Add FA-KES train articles to the gold corpus's dev or train split, never to its test split.

The corpus's split was drawn once (``make_gold_corpus.py``); more annotated data for
tuning and training is added here, to dev or to train, so the test split stays what it
was. Takes train rows not already in the corpus, at most ``--max-chars`` characters
(``MAX_CHARS`` unless raised).

- ``dev`` (the 44-article extension, seed 20261207): shuffled with its seed and spread
  over the outlets in proportion.
- ``train`` (seed 20261208): favours what ``gold/dev`` has least of. Outlets are taken in
  turn, fewest dev articles first, one article per outlet per round, so that every outlet
  gives about the same number whatever its size; within an outlet the shuffled articles
  whose text names a kind of event rare in dev (protest, arrest, abduction, handover,
  base, looting, interception, recapture) come first, one kind after another. The ranking
  is fixed by the seed and ``--max-chars``, so ``N`` articles are the first ``N`` of the
  same list (a smaller run is a prefix of a larger one; rerun with a larger ``N``, it
  appends only the new ones); another ``--max-chars`` ranks another pool.

Appends the rows to ``gold/SPLIT.csv`` with their split and writes the text files (title
line, blank line, the article text exactly as FA-KES has it).

Usage: python scripts/extend_gold_dev.py N [SHARED_DIR] [--split dev|train] [--max-chars N]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

SEEDS = {"dev": 20261207, "train": 20261208}
MAX_CHARS = 4500
RARE_IN_DEV = {
    "protest": r"protest|demonstrat",
    "arrest": r"arrest|detain",
    "abduction": r"kidnap|abduct",
    "handover": r"handed over|hand over|withdr",
    "base": r"\bbase\b|headquarter",
    "looting": r"loot|torch|demolish",
    "disrupted": r"shot down|intercept|defus|dismantl",
    "recapture": r"recaptur|regain|restor",
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, metavar="N",
                        help="dev: how many articles to add; train: how many the draw holds in"
                             " all, those added before included (with 80 train articles"
                             " listed, 130 adds 50 and 50 adds none)")
    parser.add_argument("shared", nargs="?", type=Path,
                        help="the shared folder holding data/fakes (default: ../shared)")
    parser.add_argument("--split", choices=sorted(SEEDS), default="dev")
    parser.add_argument("--max-chars", type=int, default=MAX_CHARS,
                        help="longest article taken, in characters (default %(default)s); raise"
                             " it once the shorter articles are all in the corpus. It changes"
                             " the pool and so the ranking: N is then no longer how many the"
                             " draw holds in all, and a rerun may add articles")
    args = parser.parse_args(argv)
    split, wanted = args.split, args.n
    root = Path(__file__).resolve().parents[1]
    shared = args.shared or root.parent / "shared"
    fakes = shared / "data" / "fakes"
    with open(fakes / "splits.csv", encoding="utf-8", newline="") as fh:
        split_of = {r["unit_id"]: r["split"] for r in csv.DictReader(fh)}
    with open(root / "gold" / "SPLIT.csv", encoding="utf-8", newline="") as fh:
        corpus = list(csv.DictReader(fh))
    # A train draw ranks against the corpus without its train rows, so that it is the same
    # list however many train articles were added before; rows already listed are kept.
    taken = {r["unit_id"] for r in corpus if split == "dev" or r["split"] != "train"}
    listed = {r["unit_id"] for r in corpus if r["split"] == split}
    with open(fakes / "FA-KES-Dataset.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    held_out = {r["article_content"] for r in rows if split_of[r["unit_id"]] == "test"}
    taken_texts = {r["article_content"] for r in rows if r["unit_id"] in taken}
    by_outlet: dict[str, list[dict[str, str]]] = defaultdict(list)
    seen: set[str] = set()
    seen_texts: set[str] = set()
    for r in rows:
        text = r["article_content"]
        if (split_of[r["unit_id"]] != "train" or r["unit_id"] in taken | seen
                or text in held_out | taken_texts or len(text) > args.max_chars
                or (split == "train" and text in seen_texts)):
            continue
        seen.add(r["unit_id"])
        seen_texts.add(text)
        by_outlet[r["source"]].append(r)
    rng = random.Random(SEEDS[split])
    for outlet in sorted(by_outlet):
        rng.shuffle(by_outlet[outlet])
    if split == "dev":
        pool = []
        total = sum(len(v) for v in by_outlet.values())
        for outlet in sorted(by_outlet):
            share = max(1, round(wanted * len(by_outlet[outlet]) / total))
            pool += by_outlet[outlet][:share]
        rng.shuffle(pool)
        chosen = pool[:wanted]
    else:
        chosen = [r for r in ranked_for_train(by_outlet, corpus)[:wanted]
                  if r["unit_id"] not in listed]
    write(root / "gold", chosen, split)


def ranked_for_train(by_outlet: dict[str, list[dict[str, str]]],
                     corpus: list[dict[str, str]]) -> list[dict[str, str]]:
    """Every candidate, ranked: outlets in turn (fewest in dev first), rare kinds first."""
    in_dev = Counter(r["outlet"] for r in corpus if r["split"] == "dev")
    queues = {}
    for outlet, pool in by_outlet.items():
        ordered: list[dict[str, str]] = []
        patterns = list(RARE_IN_DEV.values())
        while True:
            added = False
            for pattern in patterns:
                hit = next((r for r in pool if r not in ordered
                            and re.search(pattern, r["article_content"], re.I)), None)
                if hit is not None:
                    ordered.append(hit)
                    added = True
            if not added:
                break
        queues[outlet] = ordered + [r for r in pool if r not in ordered]
    turn = sorted(queues, key=lambda o: (in_dev[o], o))
    ranked: list[dict[str, str]] = []
    while any(queues.values()):
        for outlet in turn:
            if queues[outlet]:
                ranked.append(queues[outlet].pop(0))
    return ranked


def write(gold: Path, chosen: list[dict[str, str]], split: str) -> None:
    (gold / split).mkdir(parents=True, exist_ok=True)
    with open(gold / "SPLIT.csv", "a", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        for r in sorted(chosen, key=lambda r: r["unit_id"]):
            name = f"fakes-{r['unit_id']}.txt"
            body = f"{r['article_title'].strip()}\n\n{r['article_content'].strip()}\n"
            (gold / split / name).write_text(body, encoding="utf-8")
            out.writerow([name, r["unit_id"], r["source"], r["date"], split])
            print(gold / split / name, r["source"], len(body))


if __name__ == "__main__":
    main()
