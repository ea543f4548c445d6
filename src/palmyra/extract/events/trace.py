"""Why each event candidate of a document was kept, merged or dropped (``show --candidates``).

The extractor leaves its candidates and the triggers its decide stage turned down
in the context's memo (``TRACE_KEY``); this module turns them into rows a person
reads, in text order. A missing event is then a line to read, not a mystery.
"""

from __future__ import annotations

from typing import Any

from palmyra.context import DocContext
from palmyra.extract.events.extractor import TRACE_KEY
from palmyra.model import REPORTED_MODALITIES


def candidate_rows(ctx: DocContext) -> list[dict[str, Any]]:
    """One row per candidate and per turned-down trigger, in text order."""
    candidates, dropped = ctx.memo.get(TRACE_KEY, ([], []))
    text = ctx.document.text
    rows = []
    for c in candidates:
        decision, reason = c.decision, c.reason
        if decision == "kept" and c.modality not in REPORTED_MODALITIES:
            reason = f"{c.modality}: stored, not exported as an event"
        rows.append({
            "sentence": c.sentence, "start": c.evidence.start, "region": c.region,
            "trigger": c.family, "sub_event_type": c.sub_event_type,
            "place": c.place.name if c.place else None, "place_rule": c.place_rule,
            "date": c.date.value if c.date else None,
            "date_precision": c.date.precision if c.date else None,
            "actor1": c.actor1, "actor2": c.actor2, "modality": c.modality,
            "decision": decision, "reason": reason,
            "evidence": text[c.evidence.start : c.evidence.end],
        })
    for d in dropped:
        rows.append({
            "sentence": d.sentence, "start": d.evidence.start, "region": "body",
            "trigger": f"{d.family} ({d.trigger})", "sub_event_type": None, "place": None,
            "place_rule": None, "date": None, "date_precision": None, "actor1": None,
            "actor2": None, "modality": None, "decision": "dropped", "reason": d.reason,
            "evidence": text[d.evidence.start : d.evidence.end],
        })
    return sorted(rows, key=lambda r: (r["start"], r["decision"] != "kept"))
