"""Scores of exported records against gold files, micro-averaged over articles.

Counts (true positives, false positives, false negatives; right and scored
fields) are summed over all articles before any ratio is taken, so an article
with forty events weighs forty times one with a single event. A ratio whose
denominator is zero is ``None`` (shown as a dash), never a made-up 0 or 1.

A gold article that the store does not hold counts in full: its facts are all
missed and its metadata all wrong, and it is listed under ``missing``. Stored
documents that no gold file describes are not scored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from palmyra.evaluate.match import (
    FIELD_RULES,
    METADATA_RULES,
    Record,
    match,
    scored_predictions,
)
from palmyra.evaluate.places import place_similarity

KINDS = ("events", "quotes", "citations")


@dataclass
class Tally:
    """Detection counts for one kind of fact."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": ratio(self.tp, self.tp + self.fp),
            "recall": ratio(self.tp, self.tp + self.fn),
            "f1": ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn),
        }


@dataclass
class Accuracy:
    """How often one field was right, over the cases where it was scored."""

    correct: int = 0
    total: int = 0

    def add(self, right: bool) -> None:
        self.correct += right
        self.total += 1

    def as_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total,
                "accuracy": ratio(self.correct, self.total)}


def ratio(part: int, whole: int) -> float | None:
    """``part / whole``, or ``None`` when there is nothing to divide by."""
    return part / whole if whole else None


def score_gold(golds: list[Record], records: Iterable[Record]) -> dict[str, Any]:
    """Score exported document records against gold articles.

    Args:
        golds: checked gold articles (``gold.load_gold``).
        records: ``present.export.document_records`` output; a record is joined to a
            gold file when any of its source names equals the gold ``doc``.

    Returns:
        dict: ``kinds`` (P/R/F1 and counts per kind), ``fields`` (accuracy per field
        over matched pairs), ``metadata`` (accuracy per field over gold articles),
        ``sub_event_types`` (P/R/F1 per ACLED sub-type), ``articles`` (counts per
        article), ``missing`` (gold docs not in the store), ``misses`` and
        ``false_alarms`` (every unmatched gold and predicted fact, with its evidence).
    """
    wanted = {g["doc"] for g in golds}
    found: dict[str, Record] = {}
    for record in records:
        for name in record.get("sources") or [record["doc"]]:
            if name in wanted:
                found.setdefault(name, record)
    tallies = {kind: Tally() for kind in KINDS}
    fields = {kind: {name: Accuracy() for name in FIELD_RULES[kind]} for kind in KINDS}
    metadata = {name: Accuracy() for name in METADATA_RULES}
    sub_types: dict[str, Tally] = defaultdict(Tally)
    errors: dict[str, list[dict[str, Any]]] = {"misses": [], "false_alarms": []}
    articles = []
    for gold in golds:
        record = found.get(gold["doc"])
        article: dict[str, Any] = {"doc": gold["doc"], "found": record is not None}
        for kind in KINDS:
            pred = scored_predictions(kind, record[kind]) if record else []
            pairs = match(pred, gold[kind], kind)
            tally = Tally(len(pairs), len(pred) - len(pairs), len(gold[kind]) - len(pairs))
            tallies[kind].add(tally)
            article[kind] = {"tp": tally.tp, "fp": tally.fp, "fn": tally.fn}
            for name, rule in FIELD_RULES[kind].items():
                for i, j in pairs:
                    fields[kind][name].add(rule(pred[i], gold[kind][j]))
            matched_pred = {i for i, _ in pairs}
            matched_gold = {j for _, j in pairs}
            missed = [g for j, g in enumerate(gold[kind]) if j not in matched_gold]
            alarms = [p for i, p in enumerate(pred) if i not in matched_pred]
            errors["misses"] += [error_entry(gold["doc"], kind, g, alarms) for g in missed]
            errors["false_alarms"] += [error_entry(gold["doc"], kind, p, []) for p in alarms]
            if kind == "events":
                _tally_sub_types(sub_types, pred, gold[kind], pairs)
        for name, rule in METADATA_RULES.items():
            metadata[name].add(record is not None and rule(record, gold))
        articles.append(article)
    return {
        "gold_files": len(golds),
        "missing": [a["doc"] for a in articles if not a["found"]],
        "kinds": {kind: tally.as_dict() for kind, tally in tallies.items()},
        "fields": {kind: {n: a.as_dict() for n, a in fs.items()} for kind, fs in fields.items()},
        "metadata": {name: a.as_dict() for name, a in metadata.items()},
        "sub_event_types": {name: t.as_dict() for name, t in sorted(sub_types.items())},
        "articles": articles,
        **errors,
    }


# What an analyst needs to see of a fact to judge a miss or a false alarm.
_SHOWN = {
    "events": ("sub_event_type", "location", "date", "date_precision", "actor1", "actor2",
               "fatalities", "evidence"),
    "quotes": ("speaker", "text"),
    "citations": ("outlet", "title", "date", "evidence"),
}


def error_entry(doc: str, kind: str, fact: Record, others: list[Record]) -> dict[str, Any]:
    """A missed or false fact, with ``near``: for a missed event, why the closest
    unmatched prediction of the article is not it."""
    entry: dict[str, Any] = {"doc": doc, "kind": kind}
    entry.update({key: fact.get(key) for key in _SHOWN[kind]})
    if kind == "events" and others:
        entry["near"] = near_miss(fact, others)
    return entry


def near_miss(gold: Record, preds: list[Record]) -> str | None:
    """The unmatched prediction most like a missed gold event, and what kept them apart."""
    best, reason = 0, None
    for pred in preds:
        same_type = pred.get("sub_event_type") == gold.get("sub_event_type")
        same_place = bool(place_similarity(pred.get("location"), gold.get("location")))
        likeness = 2 * same_place + same_type
        if likeness > best:
            best = likeness
            if same_type and same_place:
                why = f"date {pred.get('date')} ({pred.get('date_precision')}) does not overlap"
            elif same_place:
                why = f"sub-type {pred.get('sub_event_type')!r}"
            else:
                why = f"place {pred.get('location')!r}"
            reason = f"predicted at the same {'place' if same_place else 'sub-type'}: {why}"
    return reason


def _tally_sub_types(tallies: dict[str, Tally], pred: list[Record], gold: list[Record],
                     pairs: list[tuple[int, int]]) -> None:
    """Recall per gold sub-type, precision per predicted sub-type (pairs share the sub-type)."""
    for i, _ in pairs:
        tallies[pred[i]["sub_event_type"]].tp += 1
    matched_pred = {i for i, _ in pairs}
    matched_gold = {j for _, j in pairs}
    for i, p in enumerate(pred):
        if i not in matched_pred:
            tallies[p.get("sub_event_type") or "?"].fp += 1
    for j, g in enumerate(gold):
        if j not in matched_gold:
            tallies[g.get("sub_event_type") or "?"].fn += 1
