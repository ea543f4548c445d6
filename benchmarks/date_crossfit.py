"""Cross-fitted checks of date-precision choices on the matched pairs ``date_derivations.py``
wrote (``--json``), so that a choice tuned on one split is judged on the other.

Two kinds of candidate, each scored by the change in right date fields per split, per dev
part (dev-AF: the 89 articles annotators A-F coded, adjudicated as the test was; dev-HI: the
44 of the dev extension) and per train batch:

- simple re-precisions of one derivation ("a report's day at day precision", "a carried day
  at week where the sentence opens 'Also'/'Meanwhile'" ...);
- a logistic regression choosing day or week from the derivation, the predicted precision,
  cue words of the sentence and the days between the date and the publication, fitted on one
  split (numpy, L2) and applied to the other, both ways.

A candidate is worth adopting only where it helps the split it was not chosen on.

Usage: python benchmarks/date_crossfit.py --dev /tmp/dev.json --train /tmp/train.json
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from palmyra.evaluate.match import same_date

Pair = dict[str, Any]
PARTS = ("dev", "train", "dev-AF", "dev-HI", "J", "K", "L", "M", "NOPQ", "RST", "UVW", "XYZ")
CUES = (r"\balso\b", r"\bmeanwhile\b|\belsewhere\b", r"\bsaid\b|\breported\b|\badded\b",
        r"\banother\b|\bother\b", r"^\s*(the|this|that)\b", r"^\s*in\b",
        r"continu|since|\bdays?\b|\bweeks?\b")
DERIVATIONS = ("carried-day", "carried-week", "report-day", "own-relative", "own-explicit",
               "publication")


class Corpus:
    """Article texts, publication dates and dev parts of the gold corpus."""

    def __init__(self, gold: Path) -> None:
        self.gold = gold
        with open(gold / "SPLIT.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        # make_gold_corpus.py wrote the first 132 rows; extend_gold_dev.py appended the rest
        self.original = {r["file"] for r in rows[:132]}
        self._pub: dict[str, str | None] = {}

    def part(self, split: str, pair: Pair) -> str:
        if split == "train":
            return str(pair["batch"])
        return "dev-AF" if pair["doc"] in self.original else "dev-HI"

    def sentence(self, split: str, pair: Pair) -> str:
        """The sentence around the pair's evidence (FA-KES articles are one paragraph)."""
        text = (self.gold / split / pair["doc"]).read_text(encoding="utf-8")
        ev = pair["evidence"] or ""
        at = text.find(ev[:60])
        if at < 0:
            return ev
        start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
        end = text.find(". ", at + max(len(ev) - 1, 0))
        return text[start:end if end > 0 else len(text)]

    def gap(self, split: str, pair: Pair) -> int | None:
        """Days from the predicted day to the publication date."""
        key = f"{split}/{pair['doc']}"
        if key not in self._pub:
            gold = json.loads((self.gold / split / f"{pair['doc']}.gold.json").read_text())
            self._pub[key] = gold["published"]
        pub, value = self._pub[key], pair["pred"].split("/")[0]
        if pub is None or len(value) != 10:
            return None
        return (date.fromisoformat(pub) - date.fromisoformat(value)).days


def right_with(pair: Pair, precision: str) -> bool:
    """Whether the pair's date would be right at another precision (same value)."""
    value = pair["pred"].split("/")[0]
    gv, gp = pair["gold"].split("/")
    return same_date({"date": value, "date_precision": precision},
                     {"date": None if gv == "None" else gv,
                      "date_precision": None if gp == "None" else gp})


def rules(corpus: Corpus) -> dict[str, Callable[[str, Pair], str | None]]:
    """Candidate re-precisions: the new precision for a pair, or ``None`` to leave it."""
    def opens_aside(split: str, p: Pair) -> bool:
        return bool(re.search(r"\b(also|meanwhile|elsewhere)\b", corpus.sentence(split, p), re.I))
    carried = "carried-day"
    return {
        "report-day at day": lambda s, p: "day" if p["derivation"] == "report-day" else None,
        "carried day >=2 days back at week": lambda s, p: "week" if (
            p["derivation"] == carried and (corpus.gap(s, p) or 0) >= 2) else None,
        "carried day >=1 day back at week": lambda s, p: "week" if (
            p["derivation"] == carried and (corpus.gap(s, p) or 0) >= 1) else None,
        "carried day after also/meanwhile at week": lambda s, p: "week" if (
            p["derivation"] == carried and opens_aside(s, p)) else None,
        "every carried day at week": lambda s, p: "week" if p["derivation"] == carried else None,
        "every carried week at day": lambda s, p: "day" if p["derivation"] == "carried-week"
        else None,
    }


def features(corpus: Corpus, split: str, pair: Pair) -> list[float]:
    sent, gap = corpus.sentence(split, pair), corpus.gap(split, pair)
    x = [1.0] + [float(pair["derivation"] == d) for d in DERIVATIONS]
    x += [float(pair["pred"].endswith("/" + p)) for p in ("day", "week")]
    x += [float(bool(re.search(c, sent, re.I))) for c in CUES]
    return x + [min(gap, 7) / 7 if gap is not None and gap >= 0 else 0.0]


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000) -> np.ndarray:
    """L2 logistic regression by gradient descent (the data are a few hundred rows)."""
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        w -= 0.5 * (x.T @ (p - y) + l2 * w) / len(y)
    return w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default="gold", type=Path)
    ap.add_argument("--dev", required=True)
    ap.add_argument("--train", required=True)
    args = ap.parse_args()
    corpus = Corpus(args.gold)
    pairs = {"dev": json.loads(Path(args.dev).read_text()),
             "train": json.loads(Path(args.train).read_text())}
    print("change in right date fields, per split / dev part / train batch")
    for name, rule in rules(corpus).items():
        delta: Counter[str] = Counter()
        for split, rows in pairs.items():
            for p in rows:
                new = rule(split, p)
                if new is not None and len(p["pred"].split("/")[0]) == 10:  # a day's value
                    d = int(right_with(p, new)) - int(p["right"])
                    delta[split] += d
                    delta[corpus.part(split, p)] += d
        print(f"{name:42s} " + " ".join(f"{k}:{delta[k]:+d}" for k in PARTS))
    choosable = {s: [p for p in rows if p["gold_precision"] in ("day", "week")
                     and p["pred"].split("/")[1] in ("day", "week")] for s, rows in pairs.items()}
    xs = {s: np.array([features(corpus, s, p) for p in rows]) for s, rows in choosable.items()}
    for fitted, other in (("train", "dev"), ("dev", "train")):
        y = np.array([p["gold_precision"] == "week" for p in choosable[fitted]], float)
        w = fit(xs[fitted], y)
        for split in (fitted, other):
            delta = Counter()
            for p, x in zip(choosable[split], xs[split], strict=True):
                new = "week" if x @ w > 0 else "day"
                d = int(right_with(p, new)) - int(p["right"])
                delta[split] += d
                delta[corpus.part(split, p)] += d
            print(f"logistic day/week fitted on {fitted:5s} scored on {split:5s} "
                  + " ".join(f"{k}:{delta[k]:+d}" for k in PARTS if k in delta))


if __name__ == "__main__":
    main()
