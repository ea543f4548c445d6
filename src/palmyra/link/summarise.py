"""One cluster's stored rows: its summary, its members and its disagreements.

The seed report (the first, finest-dated one) stands for the cluster's event
fields; the other reports' differences are what ``disagreements`` records, so
nothing is averaged away.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from palmyra.link.cluster import Cluster
from palmyra.link.contradict import Report, disagreements
from palmyra.link.corroborate import CitationRef, corroborate, outlet_label
from palmyra.link.records import EventKey, LinkEvent
from palmyra.link.state import as_json, to_date


@dataclass
class Context:
    """What summarising needs beyond the reports, loaded once for all touched clusters."""

    meta: dict[str, tuple[str | None, str]]  # doc id -> (outlet, source name)
    citations: dict[str, list[CitationRef]]
    texts: dict[str, str]
    duplicates: dict[str, set[str]]  # doc id -> near-duplicate doc ids
    settings: dict[str, Any]

    def label(self, doc_id: str) -> str:
        outlet, source = self.meta.get(doc_id, (None, doc_id))
        return outlet_label(outlet, source)


def summarise(
    cluster: Cluster,
    members: dict[EventKey, tuple[str, float | None]],
    events: dict[EventKey, LinkEvent],
    ctx: Context,
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows for ``clusters``, ``cluster_members`` and ``disagreements``.

    Args:
        cluster: the cluster as placement left it.
        members: its reports, each with the rule and score that placed it.
        events: the reports' LinkEvents by key (all of ``members`` must be there).
        ctx: document metadata, citations and near-duplicates of the member documents.
    """
    keys = sorted(members)
    reports = [
        Report(events[k], ctx.label(k[0]), ctx.meta.get(k[0], (None, k[0]))[1]) for k in keys
    ]
    dup_outlets = {k[0]: {ctx.label(d) for d in ctx.duplicates.get(k[0], ())} for k in keys}
    corr = corroborate(
        [(r.event, r.outlet) for r in reports],
        ctx.citations,
        ctx.texts,
        dup_outlets,
        ctx.settings,
    )
    flagged = disagreements(reports, ctx.settings)
    seed = events.get(cluster.seed_key) or reports[0].event
    place = seed.place or {}
    row = {
        "id": cluster.id,
        "block": cluster.block,
        "kind": cluster.kind,
        "anchor_start": to_date(seed.start),
        "anchor_end": to_date(seed.end),
        "event_type": seed.event_type,
        "sub_event_type": seed.sub_event_type,
        "date": seed.date_value,
        "date_precision": seed.precision,
        "place": place.get("name"),
        "geonameid": place.get("geonameid"),
        "admin1": place.get("admin1"),
        "country": place.get("country"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "actor1": seed.actor1,
        "actor2": seed.actor2,
        "evidence": seed.text,
        "seed_doc": seed.doc_id,
        "seed_seq": seed.seq,
        "reports": len(reports),
        "outlets": as_json(corr.outlets),
        "outlet_count": len(corr.outlets),
        "independent_count": corr.independent_count,
        "groups": as_json(corr.groups),
        "disagreement_fields": as_json([d.field for d in flagged]),
        "has_disagreement": bool(flagged),
    }
    member_rows = [
        {
            "cluster_id": cluster.id,
            "doc_id": r.event.doc_id,
            "seq": r.event.seq,
            "outlet": r.outlet,
            "source": r.source,
            "rule": members[r.event.key][0],
            "score": members[r.event.key][1],
            "fine": r.event.fine,
            "date_start": to_date(r.event.start),
            "date_end": to_date(r.event.end),
            "depends_on": as_json(corr.depends_on.get(r.event.key, [])),
        }
        for r in reports
    ]
    disagreement_rows = [
        {"cluster_id": cluster.id, "field": d.field, "sides": as_json(d.to_dict()["sides"])}
        for d in flagged
    ]
    return row, member_rows, disagreement_rows
