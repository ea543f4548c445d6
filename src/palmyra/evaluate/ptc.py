"""``palmyra eval --ptc``: score a technique model on PTC's dev split with the task's metrics.

SI F1 (span identification, character overlap) runs the model's span proposer on
each dev article, exactly as ``analyze`` does; TC micro-F1 (technique
classification) gives the classifier the gold spans. Both follow the SemEval-2020
Task 11 scorer (``palmyra.techniques.score``). The dev split is never trained or
tuned on (``palmyra train techniques`` holds out part of train for its threshold).
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

from palmyra.errors import PalmyraError
from palmyra.techniques.corpus import TECHNIQUES, read_split
from palmyra.techniques.model import TRAIN_HINT, default_model_dir, find_model
from palmyra.techniques.score import si_scores, tc_scores


def evaluate_ptc(ptc: Path, model_dir: Path | None = None, *, split: str = "dev",
                 limit: int | None = None) -> dict[str, Any]:
    """SI and TC scores of the model in ``model_dir`` (default: the cache folder) on a split.

    Returns:
        dict: ``si_precision``, ``si_recall``, ``si_f1``, ``tc_micro_f1``, per-technique TC
        F1, the majority-class TC baseline, counts and the model folder.

    Raises:
        PalmyraError: no model there, or the PTC split cannot be read.
    """
    folder = model_dir or default_model_dir()
    model = find_model(folder)
    if model is None:
        raise PalmyraError(f"{folder}: no technique model. {TRAIN_HINT.split(': ', 1)[1]}")
    articles = read_split(ptc, split, limit=limit)
    began = time.monotonic()
    predicted, gold = {}, {}
    tc_pred, tc_gold = [], []
    for art in articles:
        predicted[art.id] = [(s, e) for s, e, _ in model.propose(art.text)]
        gold[art.id] = [(x.start, x.end) for x in art.labels]
        spans = [(x.start, x.end) for x in art.labels]
        labels = model.classify(art.text, spans) if spans else []
        tc_pred += [(art.id, s, e, t) for (s, e), t in zip(spans, labels, strict=True)]
        tc_gold += [(art.id, x.start, x.end, x.technique) for x in art.labels]
    si = si_scores(predicted, gold)
    majority = Counter(t for *_, t in tc_gold).most_common(1)
    baseline = [(a, s, e, majority[0][0]) for a, s, e, _ in tc_gold] if majority else []
    return {
        "split": split,
        "articles": len(articles),
        "si_precision": round(si.precision, 4),
        "si_recall": round(si.recall, 4),
        "si_f1": round(si.f1, 4),
        "tc_micro_f1": round(tc_scores(tc_pred, tc_gold).f1, 4),
        "tc_majority_f1": round(tc_scores(baseline, tc_gold).f1, 4),
        "tc_per_technique": _per_technique(tc_pred, tc_gold),
        "gold_spans": len(tc_gold),
        "predicted_spans": sum(len(v) for v in predicted.values()),
        "seconds": round(time.monotonic() - began, 1),
        "model": str(folder),
    }


def _per_technique(pred: list[tuple[str, int, int, str]],
                   gold: list[tuple[str, int, int, str]]) -> dict[str, dict[str, float]]:
    out = {}
    for technique in TECHNIQUES:
        p = [x for x in pred if x[3] == technique]
        g = [x for x in gold if x[3] == technique]
        if p or g:
            s = tc_scores(p, g)
            out[technique] = {"precision": round(s.precision, 3), "recall": round(s.recall, 3),
                              "f1": round(s.f1, 3), "gold": len(g)}
    return out
