"""The link stage's library: ``link()`` and the queries the commands print.

``link(store)`` lines up the documents not linked before against everything
linked already, in one transaction:

1. index the new documents' bodies for near-duplicates (``duplicates``);
2. place their events into clusters, comparing each only with the clusters of
   its block (``cluster``), and re-place the coarse-dated reports the new ones
   affect;
3. rewrite the touched clusters' summaries: outlets, independence groups,
   disagreements (``summarise``);
4. rebuild the naming matrix and the citation graph (one GROUP BY each);
5. record the documents in ``link_state``.

``full=True`` empties the link tables first, so every document is new again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from palmyra.link import queries, state
from palmyra.link.citations import refresh_citation_edges
from palmyra.link.cluster import Linker, LinkResult
from palmyra.link.duplicates import find_duplicates
from palmyra.link.naming import Lean, lean_distance, outlet_lean, refresh_naming
from palmyra.link.records import EventKey, LinkEvent
from palmyra.link.settings import resolve
from palmyra.link.summarise import Context, summarise
from palmyra.store.db import Store
from palmyra.store.queries import technique_counts


@dataclass
class LinkSummary:
    """What one ``link()`` run did."""

    full: bool
    documents: int = 0  # documents linked by this run
    reports: int = 0  # their events placed
    replaced: int = 0  # coarse-dated reports linked before and placed again
    clusters_written: int = 0
    clusters_removed: int = 0
    ambiguous: int = 0  # coarse reports left alone because several clusters fit
    near_duplicates: int = 0  # new near-duplicate pairs
    clusters: int = 0  # clusters in the store after the run
    naming_rows: int = 0
    citation_edges: int = 0


def link(
    store: Store, *, full: bool = False, settings: dict[str, Any] | None = None
) -> LinkSummary:
    """Link the documents not linked before (all of them with ``full``) across the corpus.

    Args:
        store: an open, writable store.
        full: rebuild every link table from scratch instead of adding to them.
        settings: overrides of ``palmyra.link.settings.DEFAULTS``.

    Returns:
        LinkSummary: counts of what was linked and written.
    """
    cfg = resolve(settings)
    summary = LinkSummary(full=full)
    with store.transaction():
        if full:
            state.reset(store)
        docs = state.unlinked_documents(store)
        if docs:
            summary.documents = len(docs)
            summary.near_duplicates = find_duplicates(store, docs, cfg)
            events = state.events_of_documents(store, docs)
            _place(store, events, cfg, summary)
            state.mark_linked(store, docs)
        summary.naming_rows = refresh_naming(store)
        summary.citation_edges = refresh_citation_edges(store)
        summary.clusters = store.con.execute("SELECT count(*) FROM clusters").fetchall()[0][0]
    return summary


def _place(
    store: Store, events: list[LinkEvent], cfg: dict[str, Any], summary: LinkSummary
) -> None:
    blocks = {e.block for e in events if e.block is not None}
    existing = state.clusters_of_blocks(store, blocks)
    coarse = dict(state.coarse_members_of_blocks(store, blocks))
    coarse_events = state.events_by_key(store, list(coarse))
    linker = Linker(cfg, existing, [(e, coarse[e.key]) for e in coarse_events])
    result = linker.link(events)
    summary.reports = len(events)
    summary.replaced = sum(1 for e in coarse_events if e.key in result.placements)
    summary.ambiguous = sum(1 for p in result.placements.values() if p.rule == "ambiguous")
    known = {e.key: e for e in events} | {e.key: e for e in coarse_events}
    _rewrite(store, linker, result, known, cfg, summary)


def _rewrite(
    store: Store,
    linker: Linker,
    result: LinkResult,
    known: dict[EventKey, LinkEvent],
    cfg: dict[str, Any],
    summary: LinkSummary,
) -> None:
    """Replace the rows of every cluster the run touched (and drop the dissolved ones)."""
    touched = result.touched
    membership: dict[str, dict[EventKey, tuple[str, float | None]]] = {c: {} for c in touched}
    for key, m in state.members_of(store, touched).items():
        if key not in result.placements and key not in result.detached:
            membership[m["cluster_id"]][key] = (m["rule"], m["score"])
    for key, p in result.placements.items():
        membership[p.cluster_id][key] = (p.rule, p.score)
    state.delete_clusters(store, touched | result.dissolved)
    missing = [k for ms in membership.values() for k in ms if k not in known]
    known.update({e.key: e for e in state.events_by_key(store, missing)})
    doc_ids = {k[0] for ms in membership.values() for k in ms}
    duplicates = state.duplicates_of(store, doc_ids)
    meta_ids = doc_ids | {d for ds in duplicates.values() for d in ds}
    citations, texts = state.citations_of(store, doc_ids)
    ctx = Context(state.document_meta(store, meta_ids), citations, texts, duplicates, cfg)
    rows: dict[str, list[dict[str, Any]]] = {"clusters": [], "members": [], "disagreements": []}
    for cid in sorted(membership):
        if not membership[cid]:
            summary.clusters_removed += 1
            continue
        row, members, flagged = summarise(linker.clusters[cid], membership[cid], known, ctx)
        rows["clusters"].append(row)
        rows["members"].extend(members)
        rows["disagreements"].extend(flagged)
    state.insert(store, "clusters", rows["clusters"])
    state.insert(store, "cluster_members", rows["members"])
    state.insert(store, "disagreements", rows["disagreements"])
    summary.clusters_written = len(rows["clusters"])
    summary.clusters_removed += len(result.dissolved)


# -- queries the commands and the web UI share ------------------------------------------


def events(
    store: Store, *, place: str | None = None, event_type: str | None = None, min_outlets: int = 1
) -> list[dict[str, Any]]:
    """Clusters, newest first, filtered by place name, (sub-)type and outlet count."""
    return queries.clusters(store, place=place, event_type=event_type, min_outlets=min_outlets)


def compare(store: Store, ref: str) -> dict[str, Any]:
    """One cluster (by id or unambiguous prefix) with its reports and disagreements."""
    return queries.cluster_detail(store, queries.resolve_cluster_id(store, ref))


def naming(store: Store, actor: str | None = None) -> dict[str, Any]:
    """The naming matrix of ``actor``; without one, a summary per actor, the outlets' lean
    and the propaganda techniques found per outlet."""
    if actor is not None:
        return queries.naming_matrix(store, queries.resolve_actor(store, actor))
    leans = lean(store)
    return {
        "actors": queries.naming_summary(store),
        "lean": leans,
        "distances": lean_distance(leans),
        "techniques": technique_counts(store),
    }


def lean(store: Store) -> list[Lean]:
    """Each outlet's register-weighted lean towards each side (method: ``link.naming``)."""
    return outlet_lean(queries.naming_rows(store))


def sources(store: Store) -> list[dict[str, Any]]:
    """Citation graph edges: citing outlet, cited outlet, citations, citing documents."""
    return queries.citation_edges(store)
