"""What each view shows, read from a store: the glue the web app and the report share.

Every function takes an open ``Store``, reads it only through ``store.queries``
and ``present.queries``, and returns the view model of ``present.views`` that
the templates draw. A missing document or cluster raises ``StoreError``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from palmyra.errors import StoreError
from palmyra.present import charts, views
from palmyra.present import queries as wq
from palmyra.present.marks import excerpt
from palmyra.present.technique_table import technique_table
from palmyra.store import queries
from palmyra.store.db import Store

ClusterOf = Callable[[str], str]
_WORD = re.compile(r"[^\W_]+")  # the index's [\pL\pN]+ in Python's terms


def cluster_lookup(store: Store) -> ClusterOf:
    """Event key -> cluster id; an event outside every cluster is its own cluster."""
    table = wq.cluster_of_events(store)
    return lambda key: table.get(key, key)


def overview(store: Store) -> dict[str, Any]:
    counts = wq.corpus_counts(store)
    types: dict[str, int] = {}
    subtypes: dict[str, list[str]] = {}
    for r in wq.events_per_type(store):
        name = r["event_type"] or "(untyped)"
        types[name] = types.get(name, 0) + r["n"]
        subtypes.setdefault(name, []).append(f"{r['sub_event_type']}: {r['n']}")
    ordered = sorted(types, key=lambda t: (-types[t], t))
    places = wq.top_places(store)
    return {
        "counts": counts,
        "chart": charts.documents_per_month(wq.documents_per_outlet_month(store)),
        "outlets": wq.outlets(store)[:20],
        "types": charts.horizontal_bars(
            [(t, "; ".join(subtypes[t]), types[t], views.type_class(t)) for t in ordered]
        ),
        "places": charts.horizontal_bars([
            (p["place"], ", ".join(x for x in (p["admin1"], p["country"]) if x),
             p["events"], "c0") for p in places
        ]),
        "place_rows": places,
        "clusters": wq.cluster_summaries(store, limit=8),
        "linked": wq.clusters_available(store),
    }


def events(store: Store, cluster_of: ClusterOf) -> list[dict[str, Any]]:
    return [views.compact_event(r, cluster_of(r["key"])) for r in wq.events(store)]


def document(store: Store, doc_id: str, cluster_of: ClusterOf) -> views.DocumentView:
    doc = queries.load_document(store, doc_id)
    facts = {kind: queries.facts_of(store, doc_id, kind)
             for kind in ("events", "quotes", "citations", "frames", "techniques")}
    return views.document_view(doc, facts, queries.mentions_of(store, doc_id), cluster_of)


def cluster(store: Store, cluster_id: str) -> views.ClusterView:
    keys = wq.cluster_member_keys(store, cluster_id)
    rows = wq.events_by_keys(store, keys)
    if not rows:
        raise StoreError(f"no event cluster with id {cluster_id}")
    doc_ids = [r["doc_id"] for r in rows]
    linked = len(keys) > 1 or cluster_id != rows[0]["key"]
    return views.cluster_view(cluster_id, rows, wq.document_texts(store, doc_ids),
                              wq.citations_by_document(store, doc_ids), linked)


def clusters(store: Store) -> dict[str, Any]:
    return {"linked": wq.clusters_available(store), "rows": wq.cluster_summaries(store)}


def naming(store: Store) -> views.NamingView:
    """The naming matrix, with the table of propaganda techniques per outlet."""
    view = views.naming_view(wq.naming_rows(store))
    view.techniques = technique_table(queries.technique_counts(store))
    return view


def citations(store: Store) -> views.CitationView:
    return views.citation_view(wq.citation_edges(store))


def event_types(rows: list[Mapping[str, Any]]) -> list[dict[str, str]]:
    """The event types present, in ACLED order, with their CSS classes (the scripts' legend)."""
    present = {r.get("type") for r in rows}
    names = [t for t in views.EVENT_TYPES if t in present]
    names += sorted(t for t in present - set(views.EVENT_TYPES) if t)
    return [{"name": t, "css": views.type_class(t)} for t in names]


def search(store: Store, query: str, *, offset: int = 0, limit: int = 20) -> dict[str, Any]:
    """Ranked hits for ``query`` with a snippet each, hits' words marked; needs the index."""
    total, rows = wq.search(store, query, limit=limit, offset=offset)
    terms = set(wq.query_terms(store, query))
    texts = wq.document_texts(store, [r["doc_id"] for r in rows])
    hits = []
    for r in rows:
        text = texts.get(r["doc_id"], "")
        fact = None
        if r["kind"] == "document":
            start = _first_term(text, terms)
            before, mark, after = excerpt(text, start, start, width=160)
            snippet = before + mark + after
        else:
            fact = f"{r['kind']}-{r['seq']}"
            snippet = text[r["start"]:r["end"]] if r["start"] is not None else ""
        hits.append({**r, "fact": fact, "snippet": highlight(" ".join(snippet.split()), terms)})
    return {"query": query, "total": total, "hits": hits, "offset": offset, "limit": limit}


def _fold(word: str) -> str:
    """A word as the index stores it: lower case, accents stripped."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _first_term(text: str, terms: set[str]) -> int:
    for m in _WORD.finditer(text):
        if _fold(m.group()) in terms:
            return m.start()
    return 0


def highlight(text: str, terms: set[str]) -> list[tuple[str, bool]]:
    """``text`` as ``(piece, is_hit)`` pairs, hits being words of the query."""
    out: list[tuple[str, bool]] = []
    cursor = 0
    for m in _WORD.finditer(text):
        if _fold(m.group()) in terms:
            if m.start() > cursor:
                out.append((text[cursor:m.start()], False))
            out.append((m.group(), True))
            cursor = m.end()
    if cursor < len(text):
        out.append((text[cursor:], False))
    return out
