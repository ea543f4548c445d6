"""The store's tables, versioned: every table of the store is created here.

``SCHEMA_VERSION`` goes up whenever a table changes shape; ``MIGRATIONS`` maps
each older version to the statements that bring it one step forward, so an old
store file is upgraded in place instead of being rebuilt. Facts keep their
queryable fields as columns and everything else as JSON in ``data``, so a new
fact field does not need a migration.

Three groups of tables:

- the analysis (``STORE_TABLES``): documents, their sources, mentions, facts, failures;
- the link stage's (``LINK_TABLES``): derived data only, which ``link(store, full=True)``
  rebuilds from the analysis. Rows are replaced by delete and insert within one
  transaction, so these tables carry no key constraints (DuckDB's unique indexes
  refuse a key deleted and re-inserted in one transaction) and no indexes: every
  lookup is a join against a batch of ids, which DuckDB answers by hash join over a
  column scan. Dates are DATE, lists JSON. Linking has run when ``link_state`` has rows;
- the search index (``SEARCH_TABLES``), rebuilt by delete and insert when the
  documents change (``present.queries.ensure_search_index``).

Every table exists in a store of the current version, empty until its stage runs, so
readers never ask whether a table exists. A store of an older version opened read-only
cannot be migrated; ``Store`` shows it the tables it lacks as empty temporary tables
(``TABLES`` by name), and the next writable open migrates the file.
"""

from __future__ import annotations

SCHEMA_VERSION = 3

_CORE: tuple[str, ...] = (
    """
    CREATE TABLE IF NOT EXISTS schema_info (
        version INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS documents (
        id VARCHAR PRIMARY KEY,
        title VARCHAR,
        author VARCHAR,
        outlet VARCHAR,
        url VARCHAR,
        published VARCHAR,
        published_precision VARCHAR,
        language VARCHAR,
        format VARCHAR,
        text VARCHAR NOT NULL,
        title_start INTEGER,
        title_end INTEGER,
        body_start INTEGER,
        body_end INTEGER,
        comments JSON,
        removed JSON,
        clean_segments JSON,
        pipeline VARCHAR,
        ingested_at TIMESTAMP DEFAULT current_timestamp,
        profile VARCHAR              -- the conflict profile that coded its facts; NULL: none
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS document_sources (
        doc_id VARCHAR NOT NULL,
        path VARCHAR NOT NULL,
        row_id VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        -- keyed with the document too: FA-KES repeats a unit_id for different texts
        PRIMARY KEY (doc_id, path, row_id)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS mentions (
        doc_id VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        start_pos INTEGER NOT NULL,
        end_pos INTEGER NOT NULL,
        text VARCHAR,
        rule VARCHAR,
        data JSON
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS facts (
        doc_id VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        start_pos INTEGER,
        end_pos INTEGER,
        extractor VARCHAR,
        data JSON,
        PRIMARY KEY (doc_id, kind, seq)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS failures (
        path VARCHAR NOT NULL,
        row_id VARCHAR NOT NULL,
        stage VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        failed_at TIMESTAMP DEFAULT current_timestamp,
        PRIMARY KEY (path, row_id)
    )
    """,
)

_LINK: tuple[str, ...] = (
    # which documents the link stage has seen: the rest are new on the next run
    """
    CREATE TABLE IF NOT EXISTS link_state (
        doc_id VARCHAR NOT NULL,
        events INTEGER NOT NULL,
        linked_at TIMESTAMP DEFAULT current_timestamp
    )
    """,
    # one row per cluster: the seed report's fields stand for the cluster
    """
    CREATE TABLE IF NOT EXISTS clusters (
        id VARCHAR NOT NULL,
        block VARCHAR,               -- place key | ACLED event type; NULL for kind 'alone'
        kind VARCHAR NOT NULL,       -- fine | coarse | ambiguous | alone
        anchor_start DATE,           -- the seed's date interval (what reports are compared to)
        anchor_end DATE,
        event_type VARCHAR,
        sub_event_type VARCHAR,
        date VARCHAR,                -- ISO at its precision, as the seed gives it
        date_precision VARCHAR,
        place VARCHAR,
        geonameid BIGINT,
        admin1 VARCHAR,
        country VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        actor1 VARCHAR,
        actor2 VARCHAR,
        evidence VARCHAR,            -- the seed's evidence text
        seed_doc VARCHAR NOT NULL,
        seed_seq INTEGER NOT NULL,
        reports INTEGER NOT NULL,
        outlets JSON NOT NULL,       -- sorted outlet names
        outlet_count INTEGER NOT NULL,
        independent_count INTEGER NOT NULL,
        groups JSON NOT NULL,        -- independence groups: lists of outlet/source names
        disagreement_fields JSON NOT NULL,
        has_disagreement BOOLEAN NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS cluster_members (
        cluster_id VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,        -- the event's seq in facts (kind 'events')
        outlet VARCHAR NOT NULL,     -- outlet label (unknown outlets named by file)
        source VARCHAR NOT NULL,     -- the document's source file name
        rule VARCHAR NOT NULL,       -- why it is here: seed | match | unique | coarse-seed | ...
        score DOUBLE,
        fine BOOLEAN NOT NULL,       -- day/week precision (anchors) or coarser
        date_start DATE,
        date_end DATE,
        depends_on JSON NOT NULL     -- sources this report is not independent of
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS disagreements (
        cluster_id VARCHAR NOT NULL,
        field VARCHAR NOT NULL,      -- date | perpetrator | target | outcome | counts.K | modality
        sides JSON NOT NULL          -- [{value, evidence: [{doc, doc_id, outlet, span, text}]}]
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS doc_bands (
        doc_id VARCHAR NOT NULL,
        band SMALLINT NOT NULL,
        key BIGINT NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS near_duplicates (
        doc_a VARCHAR NOT NULL,      -- doc_a < doc_b
        doc_b VARCHAR NOT NULL,
        jaccard DOUBLE NOT NULL
    )
    """,
    # derived wholesale from mentions and frames on every run (one GROUP BY)
    """
    CREATE TABLE IF NOT EXISTS naming (
        actor VARCHAR NOT NULL,      -- canonical
        side VARCHAR,
        outlet VARCHAR NOT NULL,
        surface VARCHAR NOT NULL,    -- the form as written (most frequent casing)
        register VARCHAR NOT NULL,   -- neutral | favourable | hostile
        mentions INTEGER NOT NULL,
        scare_quotes INTEGER NOT NULL,
        documents INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS citation_edges (
        citing VARCHAR NOT NULL,     -- documents.outlet, or 'unknown outlet'
        cited VARCHAR NOT NULL,      -- the citation's outlet
        citations INTEGER NOT NULL,
        documents INTEGER NOT NULL
    )
    """,
)

_SEARCH: tuple[str, ...] = (
    # one row per searchable unit: a document (title and body) or an event, quote or citation
    """
    CREATE TABLE IF NOT EXISTS search_units (
        unit BIGINT NOT NULL,
        doc_id VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,       -- document | event | quote | citation
        seq INTEGER NOT NULL,        -- the fact's seq; -1 for a document
        length BIGINT NOT NULL       -- words in the unit
    )
    """,
    # stored sorted by term, so DuckDB's zone maps skip the row groups a query cannot hit
    """
    CREATE TABLE IF NOT EXISTS search_postings (
        term VARCHAR NOT NULL,
        unit BIGINT NOT NULL,
        tf BIGINT NOT NULL
    )
    """,
    # the documents the index was built from: one row once built
    """
    CREATE TABLE IF NOT EXISTS search_meta (
        fingerprint VARCHAR
    )
    """,
)

INDEXES: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc_id)",
    "CREATE INDEX IF NOT EXISTS sources_doc ON document_sources (doc_id)",
)


def _name(ddl: str) -> str:
    return ddl.split("EXISTS", 1)[1].split("(", 1)[0].strip()


# table name -> its CREATE TABLE statement, in creation order
TABLES: dict[str, str] = {_name(ddl): ddl for ddl in (*_CORE, *_LINK, *_SEARCH)}
STORE_TABLES: tuple[str, ...] = tuple(_name(d) for d in _CORE if _name(d) != "schema_info")
LINK_TABLES: tuple[str, ...] = tuple(_name(d) for d in _LINK)
SEARCH_TABLES: tuple[str, ...] = tuple(_name(d) for d in _SEARCH)

# version -> statements that upgrade a store of that version to version + 1
MIGRATIONS: dict[int, tuple[str, ...]] = {
    # v2: the link and search tables join the schema. A v1 store may hold link tables
    # made by an older ``link()`` (same shape: kept) and search tables made by
    # CREATE TABLE AS (derived and re-buildable: dropped and made again).
    1: (
        *(f"DROP TABLE IF EXISTS {t}" for t in SEARCH_TABLES),
        *_LINK,
        *_SEARCH,
    ),
    # v3: which conflict profile coded each document (``--profile auto`` chooses one per
    # document). Documents analysed before were coded with the run's profile, unrecorded.
    2: ("ALTER TABLE documents ADD COLUMN IF NOT EXISTS profile VARCHAR",),
}
