"""Read queries over the link tables, shared by the commands, the exporter and the web UI.

Everything returns plain dicts and lists (JSON columns decoded), so a page or
a terminal table can render them as they are. A store that was never linked
(``link_state`` empty) raises ``StoreError`` with the command that fixes it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from palmyra.errors import StoreError
from palmyra.store.db import Store

_JSON_COLUMNS = ("outlets", "groups", "disagreement_fields", "depends_on", "sides")


def linked(store: Store) -> bool:
    """Whether linking has run: ``link()`` records every document it links in ``link_state``."""
    return bool(store.query("SELECT 1 FROM link_state LIMIT 1"))


def _rows(store: Store, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    if not linked(store):
        raise StoreError(
            f"{store.path}: no link tables; run `palmyra analyze` (it links as its last"
            " stage) on this store first"
        )
    rows = store.query(sql, params)
    for r in rows:
        for col in _JSON_COLUMNS:
            if isinstance(r.get(col), str):
                r[col] = json.loads(r[col])
        for col in ("anchor_start", "anchor_end", "date_start", "date_end"):
            if r.get(col) is not None:
                r[col] = r[col].isoformat()
    return rows


_CLUSTER_COLUMNS = """
    id, kind, date, date_precision, anchor_start, anchor_end, event_type, sub_event_type,
    place, admin1, country, geonameid, lat, lon, actor1, actor2, evidence, reports,
    outlets, outlet_count, independent_count, groups, disagreement_fields, has_disagreement
"""


def clusters(
    store: Store,
    *,
    place: str | None = None,
    event_type: str | None = None,
    min_outlets: int = 1,
) -> list[dict[str, Any]]:
    """Clusters in date order; ``place`` and ``event_type`` match case-insensitively.

    ``event_type`` matches the ACLED type or sub-type, or a part of either
    ("regains" finds "Government regains territory").
    """
    where, params = ["outlet_count >= ?"], [min_outlets]
    if place:
        where.append("(lower(place) = lower(?) OR lower(admin1) = lower(?))")
        params += [place, place]
    if event_type:
        where.append("(event_type ILIKE ? OR sub_event_type ILIKE ?)")
        params += [f"%{event_type}%", f"%{event_type}%"]
    return _rows(
        store,
        f"SELECT {_CLUSTER_COLUMNS} FROM clusters WHERE {' AND '.join(where)}"
        " ORDER BY anchor_start NULLS LAST, place, sub_event_type, id",
        params,
    )


def resolve_cluster_id(store: Store, ref: str) -> str:
    """The id of the cluster ``ref`` names: a full id or an unambiguous prefix."""
    ref = ref.strip()
    found = [
        r["id"]
        for r in _rows(store, "SELECT id FROM clusters WHERE id LIKE ? ORDER BY id", [ref + "%"])
    ]
    if ref in found:
        return ref
    if len(found) == 1:
        return found[0]
    if not found:
        raise StoreError(f"no cluster matches {ref!r}: `palmyra events` lists them")
    raise StoreError(
        f"{ref!r} matches {len(found)} clusters ({', '.join(found[:5])}…): be more specific"
    )


def cluster(store: Store, cluster_id: str) -> dict[str, Any]:
    rows = _rows(store, f"SELECT {_CLUSTER_COLUMNS} FROM clusters WHERE id = ?", [cluster_id])
    if not rows:
        raise StoreError(f"no cluster with id {cluster_id}")
    return rows[0]


_REPORTS_SQL = """
    SELECT m.cluster_id, m.doc_id, m.seq, m.outlet, m.source, m.rule, m.score, m.depends_on,
           f.data, substr(d.text, f.start_pos + 1, f.end_pos - f.start_pos) AS evidence
    FROM cluster_members m
    JOIN facts f ON f.doc_id = m.doc_id AND f.kind = 'events' AND f.seq = m.seq
    JOIN documents d ON d.id = m.doc_id
    {where}
    ORDER BY m.cluster_id, m.outlet, m.source, m.seq
"""


def _report(r: dict[str, Any]) -> dict[str, Any]:
    data = json.loads(r.pop("data"))
    date = data.get("date") or {}
    evidence = data.get("evidence") or []
    return {
        "doc": r["source"],
        "doc_id": r["doc_id"],
        "seq": r["seq"],
        "outlet": r["outlet"],
        "rule": r["rule"],
        "score": r["score"],
        "depends_on": r["depends_on"],
        "event_type": data.get("event_type"),
        "sub_event_type": data.get("sub_event_type"),
        "date": date.get("value"),
        "date_precision": date.get("precision"),
        "place": (data.get("place") or {}).get("name"),
        "actor1": data.get("actor1"),
        "actor2": data.get("actor2"),
        "counts": data.get("counts") or {},
        "modality": data.get("modality"),
        "asserted_by": data.get("asserted_by"),
        "evidence": r["evidence"],
        "span": [evidence[0]["start"], evidence[0]["end"]] if evidence else None,
    }


def reports(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    """The cluster's reports: document, outlet, the event as it tells it, evidence and span."""
    rows = _rows(store, _REPORTS_SQL.format(where="WHERE m.cluster_id = ?"), [cluster_id])
    return [_report(r) for r in rows]


def disagreements(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    """Flagged fields: ``{field, sides: [{value, evidence: [{doc, outlet, span, text}]}]}``."""
    return _rows(
        store,
        "SELECT field, sides FROM disagreements WHERE cluster_id = ? ORDER BY field",
        [cluster_id],
    )


def cluster_detail(store: Store, cluster_id: str) -> dict[str, Any]:
    """The cluster row with its ``reports`` and ``disagreements``."""
    return {
        **cluster(store, cluster_id),
        "reports": reports(store, cluster_id),
        "disagreements": disagreements(store, cluster_id),
    }


def iter_cluster_details(store: Store) -> Iterator[dict[str, Any]]:
    """Every cluster with its reports and disagreements, in date order, three queries in all."""
    all_reports: dict[str, list[dict[str, Any]]] = {}
    for r in _rows(store, _REPORTS_SQL.format(where="")):
        all_reports.setdefault(r["cluster_id"], []).append(_report(r))
    all_flags: dict[str, list[dict[str, Any]]] = {}
    for r in _rows(store, "SELECT cluster_id, field, sides FROM disagreements ORDER BY field"):
        all_flags.setdefault(r.pop("cluster_id"), []).append(r)
    for c in clusters(store):
        yield {
            **c,
            "reports": all_reports.get(c["id"], []),
            "disagreements": all_flags.get(c["id"], []),
        }


def naming_rows(store: Store) -> list[dict[str, Any]]:
    """Rows of the ``naming`` table (one per actor, outlet, surface form and register)."""
    return _rows(store, "SELECT * FROM naming ORDER BY actor, outlet, surface")


def resolve_actor(store: Store, ref: str) -> str:
    """The canonical actor ``ref`` names, tried in order (any case):

    1. a canonical name ("Islamic State");
    2. a name outlets use for it ("Daesh", "ISIS": a surface form in the naming table;
       where several actors share a form, the one it names most often);
    3. the one actor whose canonical name contains ``ref``.

    "Daesh" is the Islamic State, not the "Global Coalition Against Daesh" that contains it.
    """
    actors = [r["actor"] for r in _rows(store, "SELECT DISTINCT actor FROM naming ORDER BY actor")]
    exact = [a for a in actors if a.casefold() == ref.strip().casefold()]
    if exact:
        return exact[0]
    named = _rows(
        store,
        "SELECT actor, sum(mentions) AS n FROM naming WHERE lower(surface) = lower(?)"
        " GROUP BY actor ORDER BY n DESC, actor LIMIT 1",
        [ref.strip()],
    )
    if named:
        return named[0]["actor"]
    part = [a for a in actors if ref.strip().casefold() in a.casefold()]
    if len(part) == 1:
        return part[0]
    if not part:
        raise StoreError(
            f"no actor named {ref!r} in the naming matrix: `palmyra naming` lists them"
        )
    raise StoreError(
        f"{ref!r} matches {len(part)} actors ({', '.join(part[:5])}): be more specific"
    )


def naming_matrix(store: Store, actor: str) -> dict[str, Any]:
    """Surface forms of ``actor`` (rows) by outlet (columns): counts, scare quotes, register."""
    rows = _rows(
        store,
        "SELECT surface, register, outlet, mentions, scare_quotes FROM naming WHERE actor = ?"
        " ORDER BY surface, register, outlet",
        [actor],
    )
    forms: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        form = forms.setdefault(
            (r["surface"].casefold(), r["register"]),
            {
                "surface": r["surface"],
                "register": r["register"],
                "counts": {},
                "scare_quotes": {},
                "total": 0,
            },
        )
        form["counts"][r["outlet"]] = form["counts"].get(r["outlet"], 0) + r["mentions"]
        if r["scare_quotes"]:
            form["scare_quotes"][r["outlet"]] = r["scare_quotes"]
        form["total"] += r["mentions"]
    return {
        "actor": actor,
        "outlets": sorted({r["outlet"] for r in rows}),
        "forms": sorted(forms.values(), key=lambda f: (-f["total"], f["surface"].casefold())),
    }


def naming_summary(store: Store) -> list[dict[str, Any]]:
    """Per actor: side, mentions, surface forms, outlets, and mentions per register."""
    return _rows(
        store,
        """
        SELECT actor, any_value(side) AS side, sum(mentions)::INTEGER AS mentions,
               count(DISTINCT lower(surface)) AS forms, count(DISTINCT outlet) AS outlets,
               sum(mentions) FILTER (WHERE register = 'favourable')::INTEGER AS favourable,
               sum(mentions) FILTER (WHERE register = 'hostile')::INTEGER AS hostile,
               sum(scare_quotes)::INTEGER AS scare_quotes
        FROM naming GROUP BY actor ORDER BY mentions DESC, actor
        """,
    )


def citation_edges(store: Store) -> list[dict[str, Any]]:
    """Edges of the citation graph, heaviest first."""
    return _rows(
        store,
        "SELECT citing, cited, citations, documents FROM citation_edges"
        " ORDER BY citations DESC, citing, cited",
    )


def near_duplicates(store: Store) -> list[dict[str, Any]]:
    """Near-duplicate document pairs with their outlets and shingle Jaccard."""
    return _rows(
        store,
        "SELECT n.doc_a, a.outlet AS outlet_a, n.doc_b, b.outlet AS outlet_b, n.jaccard"
        " FROM near_duplicates n JOIN documents a ON a.id = n.doc_a"
        " JOIN documents b ON b.id = n.doc_b ORDER BY n.jaccard DESC, n.doc_a, n.doc_b",
    )
