"""Read queries for the presentation layer: the web UI, the HTML report and the exports.

Like ``palmyra.store.queries``, these are the only place the presentation code meets SQL, so a
change of table shape is mended here. Events are flattened from the JSON of
``facts`` in SQL (one row per event, typed columns), which every view and export
shares.

Every table these queries read is created by ``store/schema.py``. Contract with the
linking stage: an event cluster is read from ``cluster_members (cluster_id, doc_id,
seq)`` where ``seq`` is the event's ``facts.seq``; only those three columns are read.
Linking has run when ``link_state`` has rows. Until then every event is a cluster of
one, whose id is ``"<doc_id>.<seq>"``, and the pages say linking has not run.
Agreement, disagreement and independence are computed here from the members'
own facts, so they need nothing more from the linking stage.

Search uses a small inverted index kept in the store (``search_units``,
``search_postings``, ``search_meta``), filled by ``ensure_search_index`` in SQL
(DuckDB's own regex tokenizer, Unicode letters and digits, accents folded) and
ranked with BM25 in SQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from palmyra.errors import StoreError
from palmyra.store.db import Store
from palmyra.store.schema import LINK_TABLES, SEARCH_TABLES, STORE_TABLES

CLUSTER_TABLE = "cluster_members"
BM25_K1 = 1.2
BM25_B = 0.75
TITLE_WEIGHT = 2  # a title word counts as often as this many body words
TOKEN_RE = r"[\pL\pN]+"
COMMON_SHARE = 0.5  # a query word in more units than this share is left out of scoring

_EVENT_SELECT = """
    SELECT f.doc_id, f.seq,
           d.outlet, d.title, d.published, src.source,
           f.data->>'$.event_type' AS event_type,
           f.data->>'$.sub_event_type' AS sub_event_type,
           f.data->>'$.date.value' AS date,
           f.data->>'$.date.precision' AS date_precision,
           f.data->>'$.date.start' AS date_start,
           f.data->>'$.date.end' AS date_end,
           coalesce(f.data->>'$.place.name', f.data->>'$.place_text') AS place,
           f.data->>'$.place.admin1' AS admin1,
           f.data->>'$.place.country' AS country,
           TRY_CAST(f.data->>'$.place.lat' AS DOUBLE) AS lat,
           TRY_CAST(f.data->>'$.place.lon' AS DOUBLE) AS lon,
           f.data->>'$.place.precision' AS geo_precision,
           f.data->>'$.actor1' AS actor1,
           f.data->>'$.actor2' AS actor2,
           coalesce(f.data->>'$.modality', 'asserted') AS modality,
           f.data->>'$.asserted_by' AS asserted_by,
           f.data->'$.counts' AS counts,
           CAST(floor(TRY_CAST(coalesce(f.data->>'$.counts.killed.low',
                                        f.data->>'$.counts.killed.high') AS DOUBLE)) AS BIGINT)
               AS fatalities,
           f.extractor,
           f.start_pos AS "start", f.end_pos AS "end",
           substring(d.text, f.start_pos + 1, f.end_pos - f.start_pos) AS evidence
    FROM facts f JOIN documents d ON d.id = f.doc_id
    LEFT JOIN (SELECT doc_id, min(name) AS source FROM document_sources GROUP BY doc_id) src
           ON src.doc_id = f.doc_id
    WHERE f.kind = 'events'
"""
_EVENT_ORDER = " ORDER BY date_start NULLS LAST, f.doc_id, f.seq"

# Names inside reader comments or direct quotations are not the outlet's own voice.
_OWN_VOICE = """
    NOT EXISTS (
        SELECT 1 FROM (SELECT unnest(from_json(d.comments, '["INTEGER[]"]')) AS c)
        WHERE {alias}.start_pos >= c[1] AND {alias}.end_pos <= c[2])
"""


def _event_rows(store: Store, where: str = "", params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    rows = store.query(_EVENT_SELECT + where + _EVENT_ORDER, params)
    for r in rows:
        counts = json.loads(r.pop("counts") or "{}") or {}
        r["counts"] = {k: _low(v) for k, v in counts.items()}
        r["key"] = f"{r['doc_id']}.{r['seq']}"
    return rows


def _low(number: dict[str, Any] | None) -> int | None:
    """The lower bound of a count ("at least 78" is 78), the gold schema's reading."""
    if not number:
        return None
    value = number.get("low") if number.get("low") is not None else number.get("high")
    return int(value) if value is not None else None


def events(store: Store) -> list[dict[str, Any]]:
    """Every stored event, flattened, in date order (undated last), with its evidence text.

    Each row carries ``key`` (``"<doc_id>.<seq>"``), the document's outlet, title and
    source name, date value/precision/interval, place fields with lat/lon, actors,
    modality, ``counts`` (lower bounds) and ``fatalities``.
    """
    return _event_rows(store)


def events_by_keys(store: Store, keys: Iterable[tuple[str, int]]) -> list[dict[str, Any]]:
    """The events named by ``(doc_id, seq)`` pairs (unknown pairs are skipped)."""
    pairs = list(keys)
    if not pairs:
        return []
    where = " AND (" + " OR ".join("(f.doc_id = ? AND f.seq = ?)" for _ in pairs) + ")"
    return _event_rows(store, where, [x for p in pairs for x in p])


# -- overview ------------------------------------------------------------------


def corpus_counts(store: Store) -> dict[str, Any]:
    """Headline numbers: documents, outlets, facts by kind, comments, failures, date range."""
    row = store.query(
        """
        SELECT count(*) AS documents, count(DISTINCT outlet) AS outlets,
               min(published) AS first_published, max(published) AS last_published,
               sum(json_array_length(comments)) AS comments
        FROM documents
        """
    )[0]
    facts = {
        r["kind"]: r["n"]
        for r in store.query("SELECT kind, count(*) AS n FROM facts GROUP BY kind")
    }
    row["comments"] = int(row["comments"] or 0)
    row["events"] = facts.get("events", 0)
    row["quotes"] = facts.get("quotes", 0)
    row["citations"] = facts.get("citations", 0)
    row["frames"] = facts.get("frames", 0)
    row["mentions"] = store.query("SELECT count(*) AS n FROM mentions")[0]["n"]
    row["failures"] = store.query("SELECT count(*) AS n FROM failures")[0]["n"]
    return row


def documents_per_outlet_month(store: Store) -> list[dict[str, Any]]:
    """(outlet, month, documents) for dated documents; month is ``YYYY-MM``."""
    return store.query(
        """
        SELECT coalesce(outlet, '(unknown outlet)') AS outlet, substr(published, 1, 7) AS month,
               count(*) AS n
        FROM documents WHERE published IS NOT NULL AND length(published) >= 7
        GROUP BY ALL ORDER BY month, outlet
        """
    )


def outlets(store: Store) -> list[dict[str, Any]]:
    return store.query(
        "SELECT coalesce(outlet, '(unknown outlet)') AS outlet, count(*) AS n FROM documents"
        " GROUP BY ALL ORDER BY n DESC, outlet"
    )


def events_per_type(store: Store) -> list[dict[str, Any]]:
    return store.query(
        """
        SELECT f.data->>'$.event_type' AS event_type, f.data->>'$.sub_event_type' AS sub_event_type,
               count(*) AS n
        FROM facts f WHERE f.kind = 'events' GROUP BY ALL ORDER BY event_type, n DESC
        """
    )


def top_places(store: Store, limit: int = 15) -> list[dict[str, Any]]:
    """Places named by the most events, with how many documents and outlets report them."""
    return store.query(
        """
        SELECT coalesce(f.data->>'$.place.name', f.data->>'$.place_text') AS place,
               any_value(f.data->>'$.place.admin1') AS admin1,
               any_value(f.data->>'$.place.country') AS country,
               count(*) AS events, count(DISTINCT f.doc_id) AS documents,
               count(DISTINCT d.outlet) AS outlets
        FROM facts f JOIN documents d ON d.id = f.doc_id
        WHERE f.kind = 'events' AND place IS NOT NULL
        GROUP BY 1 ORDER BY events DESC, place LIMIT ?
        """,
        [limit],
    )


# -- documents -----------------------------------------------------------------


def documents_page(
    store: Store, offset: int = 0, limit: int = 50, outlet: str | None = None
) -> tuple[int, list[dict[str, Any]]]:
    """One page of the document list (newest first) and the total count."""
    where, params = "", []
    if outlet:
        where, params = " WHERE coalesce(d.outlet, '(unknown outlet)') = ?", [outlet]
    total = store.query(f"SELECT count(*) AS n FROM documents d{where}", params)[0]["n"]
    # The page is cut first, so the per-document counts touch only its rows.
    rows = store.query(
        f"""
        WITH page AS (
            SELECT d.id, d.title, d.outlet, d.author, d.published, length(d.text) AS length,
                   json_array_length(d.comments) AS comments
            FROM documents d{where}
            ORDER BY d.published DESC NULLS LAST, d.title, d.id LIMIT ? OFFSET ?)
        SELECT page.*,
               count(f.seq) FILTER (WHERE f.kind = 'events') AS events,
               count(f.seq) FILTER (WHERE f.kind = 'quotes') AS quotes,
               (SELECT min(s.name) FROM document_sources s WHERE s.doc_id = page.id) AS source
        FROM page LEFT JOIN facts f ON f.doc_id = page.id
        GROUP BY ALL
        ORDER BY page.published DESC NULLS LAST, page.title, page.id
        """,
        [*params, limit, offset],
    )
    return total, rows


def document_exists(store: Store, doc_id: str) -> bool:
    return bool(store.query("SELECT 1 FROM documents WHERE id = ?", [doc_id]))


def document_texts(store: Store, doc_ids: Iterable[str]) -> dict[str, str]:
    ids = sorted(set(doc_ids))
    if not ids:
        return {}
    rows = store.query("SELECT id, text FROM documents WHERE list_contains(?, id)", [ids])
    return {r["id"]: r["text"] for r in rows}


def citations_by_document(store: Store, doc_ids: Iterable[str]) -> dict[str, set[str]]:
    """The outlets each document cites (from its citation facts)."""
    ids = sorted(set(doc_ids))
    out: dict[str, set[str]] = {i: set() for i in ids}
    if not ids:
        return out
    for r in store.query(
        "SELECT doc_id, data->>'$.outlet' AS outlet FROM facts"
        " WHERE kind = 'citations' AND list_contains(?, doc_id) AND outlet IS NOT NULL",
        [ids],
    ):
        out[r["doc_id"]].add(r["outlet"])
    return out


# -- clusters --------------------------------------------------------------------


def clusters_available(store: Store) -> bool:
    """Whether linking has run: ``link()`` records every document it links in ``link_state``."""
    return bool(store.query("SELECT 1 FROM link_state LIMIT 1"))


def cluster_count(store: Store) -> int:
    """Every event cluster, single reports included: the count `palmyra events` lists."""
    if not clusters_available(store):
        return 0
    return int(store.query(f"SELECT count(DISTINCT cluster_id) AS n FROM {CLUSTER_TABLE}")[0]["n"])


def cluster_summaries(store: Store, limit: int = 500) -> list[dict[str, Any]]:
    """Clusters with more than one report, most reported first (empty before linking)."""
    if not clusters_available(store):
        return []
    return store.query(
        f"""
        SELECT m.cluster_id, count(*) AS reports, count(DISTINCT d.outlet) AS outlets,
               string_agg(DISTINCT coalesce(d.outlet, '?'), ', ') AS outlet_names,
               min(f.data->>'$.event_type') AS event_type,
               min(f.data->>'$.sub_event_type') AS sub_event_type,
               min(f.data->>'$.date.start') AS date,
               mode(coalesce(f.data->>'$.place.name', f.data->>'$.place_text')) AS place
        FROM {CLUSTER_TABLE} m
        JOIN facts f ON f.doc_id = m.doc_id AND f.seq = m.seq AND f.kind = 'events'
        JOIN documents d ON d.id = m.doc_id
        GROUP BY m.cluster_id HAVING count(*) > 1
        ORDER BY outlets DESC, reports DESC, date, m.cluster_id LIMIT ?
        """,
        [limit],
    )


def cluster_member_keys(store: Store, cluster_id: str) -> list[tuple[str, int]]:
    """The ``(doc_id, seq)`` events of a cluster; a ``doc.seq`` id outside any cluster is itself."""
    if clusters_available(store):
        rows = store.query(
            f"SELECT doc_id, seq FROM {CLUSTER_TABLE} WHERE cluster_id = ? ORDER BY doc_id, seq",
            [cluster_id],
        )
        if rows:
            return [(r["doc_id"], r["seq"]) for r in rows]
    doc_id, _, seq = cluster_id.rpartition(".")
    if doc_id and seq.isdigit():
        return [(doc_id, int(seq))]
    return []


def cluster_of_events(store: Store) -> dict[str, str]:
    """Map event key ``doc.seq`` -> cluster id, for clustered events only."""
    if not clusters_available(store):
        return {}
    rows = store.query(f"SELECT cluster_id, doc_id, seq FROM {CLUSTER_TABLE}")
    return {f"{r['doc_id']}.{r['seq']}": r["cluster_id"] for r in rows}


# -- naming and citations ---------------------------------------------------------


def naming_rows(store: Store) -> list[dict[str, Any]]:
    """How each outlet names each actor, in its own voice (not in comments or quotations).

    One row per (outlet, actor, surface form): register, mentions, documents.
    """
    own_voice = _OWN_VOICE.format(alias="m")
    return store.query(
        f"""
        SELECT coalesce(d.outlet, '(unknown outlet)') AS outlet,
               m.data->>'$.canonical' AS actor,
               any_value(m.data->>'$.side') AS side,
               min(m.text) AS surface,
               coalesce(any_value(m.data->>'$.register'), 'neutral') AS register,
               count(*) AS n, count(DISTINCT m.doc_id) AS documents
        FROM mentions m JOIN documents d ON d.id = m.doc_id
        WHERE m.kind IN ('actor', 'person') AND actor IS NOT NULL AND {own_voice}
          AND NOT EXISTS (SELECT 1 FROM facts q WHERE q.doc_id = m.doc_id AND q.kind = 'quotes'
                          AND m.start_pos >= q.start_pos AND m.end_pos <= q.end_pos)
        GROUP BY outlet, actor, lower(m.text)
        ORDER BY actor, outlet, n DESC
        """
    )


def citation_edges(store: Store) -> list[dict[str, Any]]:
    """Who cites whom: (citing outlet, cited source, citations, documents), outside comments."""
    own_voice = _OWN_VOICE.format(alias="c")
    return store.query(
        f"""
        SELECT coalesce(d.outlet, '(unknown outlet)') AS citing,
               coalesce(c.data->>'$.outlet', '(unnamed source)') AS cited,
               count(*) AS n, count(DISTINCT c.doc_id) AS documents
        FROM facts c JOIN documents d ON d.id = c.doc_id
        WHERE c.kind = 'citations' AND {own_voice}
        GROUP BY ALL ORDER BY n DESC, citing, cited
        """
    )


# -- search ---------------------------------------------------------------------


def _fingerprint(store: Store) -> str:
    row = store.query(
        "SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM facts) AS f,"
        " (SELECT max(ingested_at) FROM documents)::VARCHAR AS t"
    )[0]
    return f"{row['d']}:{row['f']}:{row['t']}"


def search_index_ready(store: Store) -> bool:
    meta = store.query("SELECT fingerprint FROM search_meta")
    return bool(meta) and meta[0]["fingerprint"] == _fingerprint(store)


def ensure_search_index(store: Store) -> bool:
    """Build the search index when it is missing or older than the documents; True if built.

    Units are documents (title and body), events (evidence, type, place, actors), quotes
    (text, speaker) and citations (evidence, source). Needs a writable store.
    """
    if search_index_ready(store):
        return False
    title_twice = " || ' ' || ".join(["coalesce(d.title, '')"] * TITLE_WEIGHT)
    fact_text = "substring(d.text, f.start_pos + 1, f.end_pos - f.start_pos)"
    with store.transaction():
        for table in SEARCH_TABLES:
            store.con.execute(f"DELETE FROM {table}")
        store.con.execute(
            f"""
            CREATE TEMP TABLE search_text AS
            SELECT d.id AS doc_id, 'document' AS kind, -1 AS seq,
                   {title_twice} || ' ' || CASE WHEN d.body_start IS NULL THEN d.text
                   ELSE substring(d.text, d.body_start + 1, d.body_end - d.body_start) END AS body
            FROM documents d
            UNION ALL
            SELECT f.doc_id, rtrim(f.kind, 's'), f.seq,
                   concat_ws(' ', {fact_text}, f.data->>'$.event_type',
                             f.data->>'$.sub_event_type', f.data->>'$.place.name',
                             f.data->>'$.actor1', f.data->>'$.actor2', f.data->>'$.speaker',
                             f.data->>'$.outlet')
            FROM facts f JOIN documents d ON d.id = f.doc_id
            WHERE f.kind IN ('events', 'quotes', 'citations')
            """
        )
        store.con.execute(
            f"""
            CREATE TEMP TABLE search_tokens AS
            SELECT row_number() OVER (ORDER BY doc_id, kind, seq) AS unit, doc_id, kind, seq,
                   regexp_extract_all(strip_accents(lower(body)), '{TOKEN_RE}') AS tokens
            FROM search_text
            """
        )
        store.con.execute(
            "INSERT INTO search_units BY NAME SELECT unit, doc_id, kind, seq,"
            " len(tokens) AS length FROM search_tokens"
        )
        store.con.execute(
            """
            INSERT INTO search_postings BY NAME
            SELECT term, unit, count(*) AS tf
            FROM (SELECT unit, unnest(tokens) AS term FROM search_tokens)
            GROUP BY term, unit ORDER BY term
            """
        )
        store.con.execute("INSERT INTO search_meta VALUES (?)", [_fingerprint(store)])
        store.con.execute("DROP TABLE search_text")
        store.con.execute("DROP TABLE search_tokens")
    return True


def search(
    store: Store, query: str, *, limit: int = 20, offset: int = 0, kinds: Sequence[str] = ()
) -> tuple[int, list[dict[str, Any]]]:
    """BM25-ranked units matching ``query``; units matching more query words rank first.

    Returns the number of matching units and one page of rows: ``doc_id``, ``kind``
    (document/event/quote/citation), ``seq``, ``score``, ``matched`` (query words
    found), the document's title, outlet and published date, and for facts their
    ``start``/``end`` offsets.
    """
    terms = _scoring_terms(store, query_terms(store, query))
    if not terms:
        return 0, []
    # Terms go in as constants: postings are stored sorted by term, so DuckDB's zone
    # maps skip every row group that cannot hold one of them.
    in_terms = "(" + ", ".join("?" for _ in terms) + ")"
    kind_filter = " AND list_contains(?, u.kind)" if kinds else ""
    kind_params = [list(kinds)] if kinds else []
    sql = f"""
        WITH stats AS (SELECT count(*) AS n, avg(length) AS avgdl FROM search_units),
        df AS (SELECT p.term, count(*) AS df FROM search_postings p
               WHERE p.term IN {in_terms} GROUP BY p.term),
        scored AS (
            SELECT p.unit, count(*) AS matched,
                   sum(ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5))
                       * p.tf * ({BM25_K1} + 1)
                       / (p.tf + {BM25_K1} * (1 - {BM25_B} + {BM25_B} * u.length / stats.avgdl)))
                   AS score
            FROM search_postings p JOIN df ON df.term = p.term
            JOIN search_units u ON u.unit = p.unit, stats
            WHERE p.term IN {in_terms}{kind_filter}
            GROUP BY p.unit)
        SELECT u.doc_id, u.kind, u.seq, s.score, s.matched, count(*) OVER () AS total,
               d.title, d.outlet, d.published
        FROM scored s JOIN search_units u ON u.unit = s.unit JOIN documents d ON d.id = u.doc_id
        ORDER BY s.matched DESC, s.score DESC, u.doc_id, u.kind, u.seq
        LIMIT ? OFFSET ?
    """
    # the facts' spans are read for the page only, after ranking
    sql = f"""
        SELECT h.*, f.start_pos AS "start", f.end_pos AS "end" FROM ({sql}) h
        LEFT JOIN facts f ON f.doc_id = h.doc_id AND f.kind = h.kind || 's' AND f.seq = h.seq
        ORDER BY h.matched DESC, h.score DESC, h.doc_id, h.kind, h.seq
    """
    rows = store.query(sql, [*terms, *terms, *kind_params, limit, offset])
    total = rows[0]["total"] if rows else 0
    for r in rows:
        r.pop("total")
    return total, rows


def _scoring_terms(store: Store, terms: list[str]) -> list[str]:
    """Drop words found in over half the units when the query has rarer ones.

    Their BM25 weight is close to nothing, yet scoring them means reading most of
    the postings: "killed Homs" ranks as "Homs" would, in a fraction of the time.
    """
    if len(terms) < 2:
        return terms
    marks = ", ".join("?" for _ in terms)
    rows = store.query(
        f"SELECT term, count(*) AS df FROM search_postings WHERE term IN ({marks}) GROUP BY term",
        terms,
    )
    units = store.query("SELECT count(*) AS n FROM search_units")[0]["n"]
    df = {r["term"]: r["df"] for r in rows}
    rare = [t for t in terms if df.get(t, 0) <= units * COMMON_SHARE]
    return rare or terms


def query_terms(store: Store, query: str) -> list[str]:
    """The words of ``query`` as the index sees them (for highlighting hits)."""
    row = store.query(
        f"SELECT regexp_extract_all(strip_accents(lower(?)), '{TOKEN_RE}') AS t", [query]
    )[0]
    return list(dict.fromkeys(row["t"]))


# -- parquet ------------------------------------------------------------------------


def table_names(store: Store) -> list[str]:
    """The tables worth exporting: the analysis, and the link tables once linking has run.

    Not the schema marker or the search index; the link tables are left out of a store
    never linked, as they were when ``link()`` created them.
    """
    linked = LINK_TABLES if clusters_available(store) else ()
    return sorted((*STORE_TABLES, *linked))


def copy_to_parquet(store: Store, table: str | None, path: Path) -> int:
    """Write a table (or, with ``table=None``, the flattened events) to a Parquet file.

    Returns the number of rows written.
    """
    if table is None:
        source = f"({_EVENT_SELECT}{_EVENT_ORDER})"
    else:
        if table not in table_names(store):
            raise StoreError(f"{store.path}: no table {table!r} to export")
        source = '"' + table.replace('"', '""') + '"'
    target = str(path).replace("'", "''")
    store.con.execute(f"COPY {source} TO '{target}' (FORMAT parquet)")
    count_source = source if table is None else f"SELECT * FROM {source}"
    return store.query(f"SELECT count(*) AS n FROM ({count_source})")[0]["n"]
