"""Why each missed gold event was missed: a table of causes, for recall work.

Analyses a gold split into a store (or reads one given with --store), scores it as
``palmyra eval`` does, then reads every article with a missed event again with its
event candidates (``palmyra show --candidates``) and gives each miss one cause:

- ``place/date``: a prediction of the gold's sub-type tells it (its evidence overlaps
  the gold evidence) but at another place or disjoint dates;
- ``claimed``: the prediction that tells it, same sub-type and place, was paired with
  another gold event (one event where the gold has two: days, places);
- ``over-merge``: a telling of the gold's sub-type was merged into an event at
  another place or of another sentence;
- ``typed``: the gold sentence gave a candidate, of another sub-type only;
- ``irrealis``: the telling was read as planned, hypothetical or denied;
- ``dropped``: only turned-down triggers or dropped candidates (the reason is shown);
- ``no candidate``: nothing fired in the gold evidence.

Usage: PYTHONPATH=src python benchmarks/miss_causes.py [--split dev] [--store FILE]
       [--json OUT] [--list CAUSE]
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path
from typing import Any

from palmyra.api import trace_events
from palmyra.evaluate.gold import load_gold
from palmyra.evaluate.match import match, scored_predictions
from palmyra.evaluate.places import place_similarity

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold_causes import analysed, arguments, report_rows, store_path  # noqa: E402
from gold_causes import overlaps as _overlaps  # noqa: E402

IRREALIS = {"planned", "hypothetical", "denied"}


def _span(text: str, evidence: str | None) -> tuple[int, int] | None:
    if not evidence:
        return None
    at = text.find(evidence)
    if at < 0:
        at = " ".join(text.split()).find(" ".join(evidence.split()))
        if at < 0:
            return None
    return at, at + len(evidence)


def classify(gold: dict[str, Any], rec: dict[str, Any], rows: list[dict[str, Any]],
             text: str, claimed: set[int], preds: list[dict[str, Any]]) -> tuple[str, str]:
    g_span = _span(text, gold.get("evidence"))
    sub = gold["sub_event_type"]
    if g_span is None:
        return "evidence not found", ""
    for i, p in enumerate(preds):
        if p["sub_event_type"] != sub:
            continue
        if not any(_overlaps(tuple(s), g_span) for s in p.get("spans", [])):
            continue
        if place_similarity(p.get("location"), gold.get("location")):
            if i in claimed:
                return "claimed", f"pred at {p.get('location')} paired with another gold event"
            return "date", f"pred date {p.get('date')} {p.get('date_precision')}"
        if i not in claimed:
            return "place", f"pred place {p.get('location')!r}"
    near = [r for r in rows if _overlaps((r["start"], r["start"] + len(r["evidence"])), g_span)]
    same = [r for r in near if r["sub_event_type"] == sub]
    if any(r["decision"] == "merged" and r["region"] == "body" for r in same):
        r = next(r for r in same if r["decision"] == "merged")
        return "over-merge", f"{r['place']}: {r['reason']}"
    if any(r["decision"] == "kept" and r["modality"] in IRREALIS for r in same):
        return "irrealis", next(r["modality"] for r in same if r["modality"] in IRREALIS)
    if any(r["decision"] == "kept" for r in same):
        r = next(r for r in same if r["decision"] == "kept")
        return "other-kept", f"kept at {r['place']} ({r['modality']})"
    typed = [r for r in near if r["sub_event_type"] and r["decision"] != "dropped"]
    if typed:
        return "typed", ",".join(sorted({r["sub_event_type"] for r in typed}))
    if near:
        return "dropped", "; ".join(sorted({r["reason"][:60] for r in near}))
    return "no candidate", ""


def main() -> int:
    args = arguments(__doc__)
    folder = Path(args.gold) / args.split
    golds = {g["doc"]: g for g in load_gold(folder)}
    with store_path(args.store) as store:
        docs, records = analysed(folder, store)
        out = []
        for name, gold in golds.items():
            rec = records.get(name)
            if rec is None:
                continue
            preds = scored_predictions("events", rec["events"])
            pairs = match(preds, gold["events"], "events")
            matched = {j for _, j in pairs}
            claimed = {i for i, _ in pairs}
            missed = [g for j, g in enumerate(gold["events"]) if j not in matched]
            if not missed:
                continue
            doc = docs[name]
            rows = trace_events(doc)
            for g in missed:
                cause, why = classify(g, rec, rows, doc.text, claimed, preds)
                out.append({"doc": name, "cause": cause, "why": why,
                            "sub_event_type": g["sub_event_type"],
                            "location": g.get("location"), "evidence": g.get("evidence")})
    counts = collections.Counter(m["cause"] for m in out)
    for cause, n in counts.most_common():
        print(f"{cause:16} {n}")
    print(f"{'total':16} {len(out)}")
    report_rows(out, args.list, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
