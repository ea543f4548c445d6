"""The SemEval-2020 Task 11 metrics: SI F1 by character overlap, TC micro-F1 on gold spans.

SI (span identification), as the task's scorer defines it: per article the
overlapping spans of the prediction, and of the gold, are merged first; then for
predicted spans S and gold spans T

    P = (1/|S|) * sum over s in S, t in T of |s ∩ t| / |s|
    R = (1/|T|) * sum over s in S, t in T of |s ∩ t| / |t|

summed over all articles before dividing, and F1 their harmonic mean. A span that
covers half of a gold span earns half a hit, so long guesses cost precision.

TC (technique classification): each gold span is given and gets one technique per
time it occurs in the gold; micro-F1 over all of them (with one prediction per gold
span it equals accuracy).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

Interval = tuple[int, int]


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float


def merge(spans: Iterable[Interval]) -> list[Interval]:
    """Overlapping or touching intervals merged, sorted."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def si_scores(predicted: Mapping[str, Iterable[Interval]],
              gold: Mapping[str, Iterable[Interval]]) -> Scores:
    """SI precision, recall and F1 over all articles of ``gold`` (see the module docstring)."""
    p_num = r_num = 0.0
    n_pred = n_gold = 0
    for article in gold:
        pred = merge(predicted.get(article, ()))
        true = merge(gold[article])
        n_pred, n_gold = n_pred + len(pred), n_gold + len(true)
        for s in pred:
            for t in true:
                overlap = min(s[1], t[1]) - max(s[0], t[0])
                if overlap > 0:
                    p_num += overlap / (s[1] - s[0])
                    r_num += overlap / (t[1] - t[0])
    p = p_num / n_pred if n_pred else 0.0
    r = r_num / n_gold if n_gold else 0.0
    return Scores(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def tc_scores(predicted: Iterable[tuple[str, int, int, str]],
              gold: Iterable[tuple[str, int, int, str]]) -> Scores:
    """TC micro precision, recall and F1 of ``(article, start, end, technique)`` tuples
    (a multiset: a span labelled twice in the gold counts twice)."""
    pred, true = Counter(predicted), Counter(gold)
    hits = sum((pred & true).values())
    p = hits / sum(pred.values()) if pred else 0.0
    r = hits / sum(true.values()) if true else 0.0
    return Scores(p, r, 2 * p * r / (p + r) if p + r else 0.0)
