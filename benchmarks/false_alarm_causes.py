"""Why each false-alarm event was predicted: a table of causes, for precision work.

The mirror of ``benchmarks/miss_causes.py``. Analyses a gold split into a store (or reads
one given with --store), scores it as ``palmyra eval`` does, and gives each predicted
event that no gold event took one cause, first that applies:

- ``twin-place``: it tells a missed gold event of its sub-type (its evidence overlaps the
  gold evidence) at another place: the same error counted as a miss too (place work);
- ``twin-date``: the same, at the gold's place, on disjoint dates (date work);
- ``extra-place``: it tells a gold event of its sub-type that another prediction matched,
  at a place the gold does not code (a place read twice, a second town of the sentence);
- ``duplicate``: a second event of a matched gold occurrence, same sub-type and place,
  told in the same or another sentence: a retelling not merged (merge work);
- ``twin-elsewhere``: the gold codes its sub-type at its place (or on its dates), missed,
  from another sentence: a retelling whose date or place went wrong;
- ``retold-elsewhere``: the gold codes its sub-type on overlapping dates from another
  sentence, at another place, and a prediction matched it: a retelling of a found event
  that the place kept apart (merge or place work);
- ``typed``: its sentence holds a gold event of another sub-type only, one that was
  missed: the wrong sub-type for it (typing work);
- ``extra-type``: its sentence holds gold events of other sub-types, all matched: a second
  reading of a sentence whose event is found (a battle's means, a toll read as its own
  attack);
- ``background``: no gold event in its sentence, and it is dated more than 31 days before
  the article (a war's back-story the gold leaves uncoded or codes elsewhere);
- ``no-gold``: no gold event in its sentence at all: generic, habitual or cumulative
  statements, plans, denials, statements, visits, a headline retelling (read them with
  --list no-gold).

Usage: PYTHONPATH=src python benchmarks/false_alarm_causes.py [--gold gold] [--split dev]
       [--store FILE] [--json OUT] [--list [CAUSE ...]]
"""

from __future__ import annotations

import collections
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from palmyra.evaluate.dates import interval, overlaps
from palmyra.evaluate.gold import load_gold
from palmyra.evaluate.match import match, scored_predictions
from palmyra.evaluate.places import place_similarity

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold_causes import analysed, arguments, report_rows, store_path  # noqa: E402
from gold_causes import overlaps as _overlaps  # noqa: E402

BACKGROUND_DAYS = 31


def _span(text: str, evidence: str | None) -> tuple[int, int] | None:
    if not evidence:
        return None
    at = text.find(evidence)
    if at < 0:
        return None
    return at, at + len(evidence)


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")[:3]]
    while len(parts) < 3:
        parts.append(1)
    try:
        return dt.date(*parts)
    except ValueError:
        return None


def _dates_meet(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    p = interval(pred.get("date"), pred.get("date_precision"))
    g = interval(gold.get("date"), gold.get("date_precision"))
    return p is None or g is None or overlaps(p, g)


def classify(pred: dict[str, Any], golds: list[dict[str, Any]], matched: dict[int, int],
             text: str, published: str | None) -> tuple[str, str]:
    """One cause for an unmatched prediction; ``matched`` maps gold index -> pred index."""
    spans = [tuple(s) for s in pred.get("spans", [])]
    sub = pred["sub_event_type"]
    near = []
    for j, g in enumerate(golds):
        g_span = _span(text, g.get("evidence"))
        if g_span is not None and any(_overlaps(s, g_span) for s in spans):
            near.append(j)
    same = [j for j in near if golds[j]["sub_event_type"] == sub]
    for j in same:
        if j not in matched:
            g = golds[j]
            if place_similarity(pred.get("location"), g.get("location")):
                return "twin-date", f"gold date {g.get('date')} {g.get('date_precision')}"
            return "twin-place", f"gold place {g.get('location')!r}"
    for j in same:
        g = golds[j]
        if place_similarity(pred.get("location"), g.get("location")):
            return "duplicate", f"same sentence as the matched gold at {g.get('location')!r}"
    if same:
        return "extra-place", f"gold (matched) at {golds[same[0]].get('location')!r}"
    for j, g in enumerate(golds):
        if g["sub_event_type"] == sub and place_similarity(pred.get("location"),
                                                           g.get("location")):
            if j in matched:
                return "duplicate", f"retells the matched gold: {g.get('evidence', '')[:60]!r}"
            return "twin-elsewhere", f"gold {g.get('date')}: {g.get('evidence', '')[:60]!r}"
    if near:
        missed = [j for j in near if j not in matched]
        kinds = ",".join(sorted({golds[j]["sub_event_type"] for j in (missed or near)}))
        return ("typed" if missed else "extra-type"), kinds
    for j, g in enumerate(golds):
        if g["sub_event_type"] == sub and _dates_meet(pred, g):
            cause = "retold-elsewhere" if j in matched else "twin-elsewhere"
            return cause, f"gold at {g.get('location')!r}: {g.get('evidence', '')[:60]!r}"
    day, pub = _day(pred.get("date")), _day(published)
    if day is not None and pub is not None and (pub - day).days > BACKGROUND_DAYS:
        return "background", f"dated {pred.get('date')}, published {published}"
    return "no-gold", ""


def causes(folder: Path, store: Path, tally: dict[str, int] | None = None
           ) -> list[dict[str, Any]]:
    """One row per false alarm; ``tally`` gets the events' tp, fp and fn."""
    golds = {g["doc"]: g for g in load_gold(folder)}
    docs, records = analysed(folder, store)
    out = []
    for name, gold in golds.items():
        rec = records.get(name)
        if rec is None:
            continue
        preds = scored_predictions("events", rec["events"])
        pairs = match(preds, gold["events"], "events")
        matched = {j: i for i, j in pairs}
        if tally is not None:
            tally["tp"] = tally.get("tp", 0) + len(pairs)
            tally["fp"] = tally.get("fp", 0) + len(preds) - len(pairs)
            tally["fn"] = tally.get("fn", 0) + len(gold["events"]) - len(pairs)
        taken = set(matched.values())
        text = docs[name].text
        for i, p in enumerate(preds):
            if i in taken:
                continue
            cause, why = classify(p, gold["events"], matched, text, rec.get("published"))
            first = p.get("spans", [[0, 0]])[0]
            out.append({"doc": name, "cause": cause, "why": why,
                        "sub_event_type": p["sub_event_type"], "location": p.get("location"),
                        "date": p.get("date"), "modality": p.get("modality"),
                        "evidence": text[first[0]:first[1]]})
    return out


def main() -> int:
    args = arguments(__doc__)
    folder = Path(args.gold) / args.split
    with store_path(args.store) as store:
        tally: dict[str, int] = {}
        out = causes(folder, store, tally)
    counts = collections.Counter(m["cause"] for m in out)
    by_type = collections.Counter((m["cause"], m["sub_event_type"]) for m in out)
    for cause, n in counts.most_common():
        top = ", ".join(f"{s} {k}" for (c, s), k in by_type.most_common() if c == cause)
        print(f"{cause:16} {n:4}  {top[:110]}")
    print(f"{'total':16} {len(out):4}")
    tp, fp, fn = tally.get("tp", 0), tally.get("fp", 0), tally.get("fn", 0)
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * p * r / max(p + r, 1e-9)
    print(f"events tp {tp} fp {fp} fn {fn}  P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    report_rows(out, args.list, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
