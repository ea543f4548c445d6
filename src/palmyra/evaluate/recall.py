"""The recall set: short reports, one main event each, and non-conflict reports that have none.

``gold/recall/{dev,test}.jsonl`` hold reports written for the purpose (realistic,
invented, from many wars), each with the ACLED sub-type an analyst gives its main
event, or none. The questions they answer are the ones a user asks first: does an
event the text reports come out at all, with the right sub-type, whatever the text
leaves unsaid (no date line, an unknown village, a group no profile names)? And
does a plane crash stay out?

Scores:
- ``any_event``: share of conflict reports with at least one reported event;
- ``sub_type``: share of conflict reports where some event has the gold sub-type;
- ``weighted_f1``: the report's label taken as its first event's sub-type (or none),
  F1 per sub-type weighted by the gold's support (the non-conflict class included);
- ``false_alarms``: share of non-conflict reports that get an event.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from palmyra.errors import InputError
from palmyra.model import REPORTED_MODALITIES

NONE = "(no event)"


def load_recall(path: Path) -> list[dict[str, Any]]:
    """The reports of one recall file, checked for the fields scoring needs.

    Raises:
        InputError: the file is missing, or a line is not a report.
    """
    if not path.is_file():
        raise InputError(str(path), "no such recall file")
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(str(path), f"line {n}: not JSON ({err.msg})") from err
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(str(path), f"line {n}: expected an object with a text")
        items.append(item)
    return items


def evaluate_recall(path: Path, profile: str | None = "syria") -> dict[str, Any]:
    """Analyse every report of a recall file and score it (see the module notes)."""
    from palmyra.api import TextRecord, analyze_texts

    items = load_recall(path)
    facts = analyze_texts([TextRecord(i["text"], published=i.get("published"),
                                      name=str(i.get("id", n))) for n, i in enumerate(items)],
                          profile=profile)
    predicted = [[e.sub_event_type for e in f.events if e.modality in REPORTED_MODALITIES]
                 for f in facts]
    result = score_recall(items, predicted)
    result["file"] = str(path)
    return result


def score_recall(items: list[dict[str, Any]], predicted: list[list[str]]) -> dict[str, Any]:
    """Scores of predicted sub-types (in text order, per report) against the recall set."""
    conflict = [(i, p) for i, p in zip(items, predicted, strict=True) if i.get("sub_event_type")]
    calm = [(i, p) for i, p in zip(items, predicted, strict=True) if not i.get("sub_event_type")]
    per_type: dict[str, Counter] = {}
    for item, pred in conflict:
        tally = per_type.setdefault(item["sub_event_type"], Counter())
        tally["reports"] += 1
        tally["any_event"] += bool(pred)
        tally["sub_type"] += item["sub_event_type"] in pred
    gold_labels = [i.get("sub_event_type") or NONE for i in items]
    first_labels = [p[0] if p else NONE for p in predicted]
    misses = [{"id": i.get("id"), "gold": i["sub_event_type"], "predicted": p, "text": i["text"]}
              for i, p in conflict if i["sub_event_type"] not in p]
    alarms = [{"id": i.get("id"), "predicted": p, "text": i["text"]} for i, p in calm if p]
    return {
        "reports": len(items),
        "conflict_reports": len(conflict),
        "any_event": _share(sum(bool(p) for _, p in conflict), len(conflict)),
        "sub_type": _share(sum(i["sub_event_type"] in p for i, p in conflict), len(conflict)),
        "weighted_f1": weighted_f1(gold_labels, first_labels),
        "non_conflict_reports": len(calm),
        "false_alarms": _share(len(alarms), len(calm)),
        "per_sub_type": {k: {"reports": v["reports"],
                             "any_event": _share(v["any_event"], v["reports"]),
                             "sub_type": _share(v["sub_type"], v["reports"])}
                         for k, v in sorted(per_type.items())},
        "misses": misses,
        "false_alarm_reports": alarms,
    }


def weighted_f1(gold: list[str], pred: list[str]) -> float | None:
    """F1 per gold label, averaged with the gold's label counts as weights."""
    support = Counter(gold)
    if not support:
        return None
    total = 0.0
    for label, n in support.items():
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, pred, strict=True))
        fn = n - tp
        total += n * (2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return total / len(gold)


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None
