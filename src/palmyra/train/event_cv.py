"""K-fold cross-validation of the event-sentence model over the recall training pool.

The short reports the model may be trained on (``gold/recall/dev.jsonl``,
``train.jsonl``, ``train2.jsonl`` and ``train3.jsonl``) are split into ``k`` folds, stratified by
sub-type (non-conflict reports are a stratum of their own) in a seeded order. For
each fold a model is trained on the gold dev articles' sentences and the reports of
the other folds, and judged on the fold's reports, which it never saw:

- the classifier alone: the share of held-out reports whose likeliest class is their
  sub-type (NONE for a non-conflict report);
- the whole extractor with that model (``palmyra.evaluate.recall`` scores): any event,
  sub-type, false alarms on non-conflict reports, for each ``events`` setting given.

A report is one example and lives in exactly one fold, so no report is trained on
and scored in the same fold. The test splits are never read.
"""

from __future__ import annotations

import random
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from palmyra.extract.events.model import classifier_text
from palmyra.train.event_examples import (
    RECALL_TRAINING,
    Example,
    gold_examples,
    recall_examples,
    recall_items,
)

NONE_STRATUM = ""


def report_folds(items: Sequence[dict[str, Any]], k: int, seed: int) -> list[list[str]]:
    """``k`` disjoint folds of report ids, each sub-type spread evenly over them.

    Each stratum (a sub-type, or no event) is shuffled with ``seed`` and dealt out in
    turn, continuing from the fold where the previous stratum stopped, so fold sizes
    differ by one at most.
    """
    strata: dict[str, list[str]] = defaultdict(list)
    for item in items:
        strata[item.get("sub_event_type") or NONE_STRATUM].append(str(item["id"]))
    rng = random.Random(seed)
    folds: list[list[str]] = [[] for _ in range(k)]
    turn = 0
    for name in sorted(strata):
        ids = sorted(strata[name])
        rng.shuffle(ids)
        for rid in ids:
            folds[turn % k].append(rid)
            turn += 1
    return folds


def classifier_accuracy(predict: Callable[[list[str]], list[dict[str, float]]],
                        held_out: Sequence[Example]) -> dict[str, float]:
    """How often the classifier's likeliest class is the report's own, overall, on
    conflict reports and on non-conflict ones (its NONE)."""
    from palmyra.train.event_model import NONE, target

    cats = predict([e.text for e in held_out])
    hits = {"all": [0, 0], "conflict": [0, 0], "none": [0, 0]}
    for example, scores in zip(held_out, cats, strict=True):
        gold = max(target(example).items(), key=lambda kv: kv[1])[0]
        good = max(scores, key=scores.__getitem__) == gold
        for key in ("all", "none" if gold == NONE else "conflict"):
            hits[key][0] += good
            hits[key][1] += 1
    return {k: (v[0] / v[1] if v[1] else 0.0) for k, v in hits.items()}


def cross_validate(gold_root: Path, parser, *, k: int = 5, seed: int = 13,
                   articles: list[Example] | None = None,
                   settings: dict[str, dict[str, Any]] | None = None,
                   fit: Callable[[list[Example], int], Any] | None = None,
                   names: Iterable[Path] = RECALL_TRAINING, log: Callable[[str], None] = print,
                   ) -> dict[str, Any]:
    """Per-fold and pooled scores (see the module notes).

    ``articles`` are the gold articles' examples when already read (else ``parser``
    reads them); ``settings`` names the ``events`` settings to run the extractor with (none: the
    classifier alone is scored); ``fit`` trains a spaCy pipeline from examples and a
    seed (default: ``event_model.train``); ``names`` are the recall files to pool.
    """
    from palmyra.evaluate.recall import score_recall
    from palmyra.train.event_model import train

    fit = fit or (lambda examples, s: train(examples, seed=s))
    names = list(names)
    items = recall_items(gold_root, names)
    articles = list(gold_examples(gold_root, parser)) if articles is None else articles
    folds = report_folds(items, k, seed)
    by_id = {str(i["id"]): i for i in items}
    pooled_cls: list[tuple[Example, dict[str, float]]] = []
    predicted: dict[str, dict[str, list[str]]] = {name: {} for name in settings or {}}
    for n, fold in enumerate(folds):
        held = set(fold)
        train_reports = [e for e in recall_examples(gold_root, names=names) if e.source not in held]
        test_reports = [e for e in recall_examples(gold_root, names=names) if e.source in held]
        nlp = fit([*articles, *train_reports], seed)
        pooled_cls += list(zip(test_reports, [dict(d.cats) for d in nlp.pipe(
            [classifier_text(e.text) for e in test_reports])], strict=True))
        if settings:
            with tempfile.TemporaryDirectory() as tmp:
                nlp.to_disk(tmp)
                for name, events in settings.items():
                    got = _extract([by_id[r] for r in fold], {**events, "model_dir": tmp})
                    predicted[name].update(got)
        log(f"fold {n + 1}/{k}: {len(train_reports)} reports trained on, {len(fold)} held out")
    result: dict[str, Any] = {"k": k, "seed": seed, "reports": len(items),
                              "classifier": classifier_accuracy(
                                  lambda _texts: [c for _, c in pooled_cls],
                                  [e for e, _ in pooled_cls])}
    files = {str(name): {str(i["id"]) for i in recall_items(gold_root, [name])} for name in names}
    for name, got in predicted.items():
        scores = score_recall(items, [got[str(i["id"])] for i in items])
        result[name] = {key: scores[key] for key in
                        ("any_event", "sub_type", "weighted_f1", "false_alarms")}
        # the same scores over each file's reports alone (old pool against a new file)
        result[name]["by_file"] = {}
        for file, ids in files.items():
            part = [i for i in items if str(i["id"]) in ids]
            if part:
                s = score_recall(part, [got[str(i["id"])] for i in part])
                result[name]["by_file"][file] = {key: s[key] for key in
                                                 ("any_event", "sub_type", "weighted_f1",
                                                  "false_alarms")}
        result[name]["predicted"] = {str(i["id"]): got[str(i["id"])] for i in items}
    return result


def _extract(items: list[dict[str, Any]], events: dict[str, Any]) -> dict[str, list[str]]:
    """Reported sub-types of each report, by id, from the whole pipeline (as the recall
    evaluation runs it: the Syria profile)."""
    from palmyra.ingest import RawRecord, build_document
    from palmyra.model import REPORTED_MODALITIES, SourceRef
    from palmyra.pipeline import Pipeline

    pipeline = Pipeline.create("syria", settings={"events": events})
    docs = [build_document(RawRecord(SourceRef(str(i["id"])), i["text"], "text",
                                     published_hint=i.get("published")), pipeline.outlets)
            for i in items]
    facts, errors = pipeline.process(docs)
    if errors:
        raise RuntimeError(f"{errors[0][0].sources[0].name}: {errors[0][2]}")
    return {f.document.sources[0].name: [e.sub_event_type for e in f.events
                                         if e.modality in REPORTED_MODALITIES] for f in facts}
