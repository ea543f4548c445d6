"""Reading and writing the cluster tables: the SQL behind one ``link()`` run.

Every lookup takes a batch of ids, registered as an Arrow table and joined, so
a run costs one statement per kind of lookup however many clusters it touches;
rows are written the same way (``INSERT ... BY NAME`` from Arrow), which keeps
100,000 rows a matter of a second rather than of ``executemany`` minutes.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pyarrow as pa

from palmyra.link.cluster import Cluster
from palmyra.link.corroborate import CitationRef
from palmyra.link.records import EventKey, LinkEvent, events_from_rows
from palmyra.link.score import Seed
from palmyra.store.db import Store

_names = itertools.count()

# The link tables (created by ``store/schema.py``) that a full rebuild empties;
# naming and citation_edges are rebuilt on every run anyway.
REBUILT_TABLES: tuple[str, ...] = (
    "link_state",
    "clusters",
    "cluster_members",
    "disagreements",
    "doc_bands",
    "near_duplicates",
)


@contextmanager
def registered(store: Store, columns: dict[str, list[Any]]) -> Iterator[str]:
    """An Arrow table of ``columns`` visible to SQL under the returned name."""
    name = f"_link_{next(_names)}"
    store.con.register(name, pa.table(columns))
    try:
        yield name
    finally:
        store.con.unregister(name)


def insert(store: Store, table: str, rows: list[dict[str, Any]]) -> None:
    if rows:
        with registered(store, {k: [r[k] for r in rows] for k in rows[0]}) as name:
            store.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {name}")


def reset(store: Store) -> None:
    for table in REBUILT_TABLES:
        store.con.execute(f"DELETE FROM {table}")


def unlinked_documents(store: Store) -> list[str]:
    rows = store.con.execute(
        "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM link_state) ORDER BY id"
    ).fetchall()
    return [r[0] for r in rows]


def mark_linked(store: Store, doc_ids: list[str]) -> None:
    with registered(store, {"id": doc_ids}) as ids:
        store.con.execute(
            f"INSERT INTO link_state (doc_id, events) SELECT i.id, count(f.doc_id) FROM {ids} i"
            " LEFT JOIN facts f ON f.doc_id = i.id AND f.kind = 'events' GROUP BY i.id"
        )


_EVENT_SQL = """
    SELECT f.doc_id, f.seq, d.outlet, f.data,
           substr(d.text, f.start_pos + 1, f.end_pos - f.start_pos)
    FROM facts f JOIN documents d ON d.id = f.doc_id {join}
    WHERE f.kind = 'events'
    ORDER BY f.doc_id, f.seq
"""


def events_of_documents(store: Store, doc_ids: list[str]) -> list[LinkEvent]:
    with registered(store, {"id": doc_ids}) as ids:
        join = f"JOIN {ids} i ON i.id = f.doc_id"
        return events_from_rows(store.con.execute(_EVENT_SQL.format(join=join)).fetchall())


def events_by_key(store: Store, keys: Collection[EventKey]) -> list[LinkEvent]:
    if not keys:
        return []
    docs, seqs = zip(*keys, strict=True)
    with registered(store, {"doc_id": list(docs), "seq": list(seqs)}) as k:
        join = f"JOIN {k} k ON k.doc_id = f.doc_id AND k.seq = f.seq"
        return events_from_rows(store.con.execute(_EVENT_SQL.format(join=join)).fetchall())


def clusters_of_blocks(store: Store, blocks: Collection[str]) -> list[Cluster]:
    """The stored clusters of ``blocks``, as placement compares with them."""
    with registered(store, {"block": list(blocks)}) as b:
        rows = store.con.execute(
            "SELECT c.id, c.block, c.kind, c.sub_event_type, c.actor1, c.actor2, c.evidence,"
            " c.anchor_start, c.anchor_end, c.seed_doc, c.seed_seq,"
            " f.data->'$.counts.killed' AS killed"
            f" FROM clusters c JOIN {b} b ON b.block = c.block"
            " LEFT JOIN facts f ON f.doc_id = c.seed_doc AND f.seq = c.seed_seq"
            " AND f.kind = 'events'"
        ).fetchall()
    return [
        Cluster(
            cid,
            block,
            kind,
            Seed(
                sub or "",
                frozenset(a for a in (a1, a2) if a),
                text or "",
                start.toordinal(),
                end.toordinal(),
                _count(killed),
            ),
            (seed_doc, seed_seq),
        )
        for cid, block, kind, sub, a1, a2, text, start, end, seed_doc, seed_seq, killed in rows
    ]


def _count(data: str | None) -> tuple[float | None, float | None, bool] | None:
    """A stored count (JSON ``{low, high, approximate}``) as the link stage compares it."""
    if not data:
        return None
    v = json.loads(data)
    if not isinstance(v, dict):
        return None
    return (v.get("low"), v.get("high"), bool(v.get("approximate")))


def coarse_members_of_blocks(store: Store, blocks: Collection[str]) -> list[tuple[EventKey, str]]:
    with registered(store, {"block": list(blocks)}) as b:
        rows = store.con.execute(
            "SELECT m.doc_id, m.seq, m.cluster_id FROM cluster_members m"
            f" JOIN clusters c ON c.id = m.cluster_id JOIN {b} b ON b.block = c.block"
            " WHERE NOT m.fine"
        ).fetchall()
    return [((d, s), cid) for d, s, cid in rows]


def members_of(store: Store, cluster_ids: Collection[str]) -> dict[EventKey, dict[str, Any]]:
    """Stored members of the clusters: report key -> its cluster, rule and score."""
    with registered(store, {"id": list(cluster_ids)}) as ids:
        rows = store.con.execute(
            "SELECT m.doc_id, m.seq, m.cluster_id, m.rule, m.score FROM cluster_members m"
            f" JOIN {ids} i ON i.id = m.cluster_id"
        ).fetchall()
    return {(d, s): {"cluster_id": c, "rule": r, "score": sc} for d, s, c, r, sc in rows}


def document_meta(store: Store, doc_ids: Collection[str]) -> dict[str, tuple[str | None, str]]:
    """doc id -> (outlet, first source file name)."""
    with registered(store, {"id": list(doc_ids)}) as ids:
        rows = store.con.execute(
            "SELECT d.id, d.outlet, coalesce((SELECT min(s.name) FROM document_sources s"
            f" WHERE s.doc_id = d.id), d.id) FROM documents d JOIN {ids} i ON i.id = d.id"
        ).fetchall()
    return {d: (o, n) for d, o, n in rows}


def citations_of(
    store: Store, doc_ids: Collection[str]
) -> tuple[dict[str, list[CitationRef]], dict[str, str]]:
    """Citations with an outlet in the documents, and the texts of the documents that have any."""
    with registered(store, {"id": list(doc_ids)}) as ids:
        rows = store.con.execute(
            "SELECT f.doc_id, f.data->>'$.outlet', f.start_pos, f.end_pos FROM facts f"
            f" JOIN {ids} i ON i.id = f.doc_id WHERE f.kind = 'citations'"
            " AND f.data->>'$.outlet' IS NOT NULL ORDER BY f.doc_id, f.seq"
        ).fetchall()
        cited: dict[str, list[CitationRef]] = {}
        for doc_id, outlet, start, end in rows:
            cited.setdefault(doc_id, []).append(CitationRef(outlet, start, end))
        if not cited:
            return {}, {}
    with registered(store, {"id": list(cited)}) as ids:
        texts = dict(
            store.con.execute(
                f"SELECT d.id, d.text FROM documents d JOIN {ids} i ON i.id = d.id"
            ).fetchall()
        )
    return cited, texts


def duplicates_of(store: Store, doc_ids: Collection[str]) -> dict[str, set[str]]:
    """doc id -> ids of its stored near-duplicates."""
    with registered(store, {"id": list(doc_ids)}) as ids:
        rows = store.con.execute(
            f"SELECT doc_a, doc_b FROM near_duplicates WHERE doc_a IN (SELECT id FROM {ids})"
            f" OR doc_b IN (SELECT id FROM {ids})"
        ).fetchall()
    out: dict[str, set[str]] = {}
    for a, b in rows:
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return out


def delete_clusters(store: Store, cluster_ids: Collection[str]) -> None:
    with registered(store, {"id": list(cluster_ids)}) as ids:
        for table, col in (
            ("clusters", "id"),
            ("cluster_members", "cluster_id"),
            ("disagreements", "cluster_id"),
        ):
            store.con.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT id FROM {ids})")


def to_date(ordinal: int | None) -> date | None:
    return date.fromordinal(ordinal) if ordinal is not None else None


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
