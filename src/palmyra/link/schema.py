"""The link stage's own tables, created by ``link()`` beside the store's.

They hold derived data only: ``link(store, full=True)`` rebuilds all of them
from ``documents``, ``mentions`` and ``facts``. Rows are replaced by delete and
insert within one transaction, so the tables carry no key constraints
(DuckDB's unique indexes refuse a key deleted and re-inserted in one
transaction) and no indexes: every lookup is a join against a batch of ids,
which DuckDB answers by hash join over a column scan. Dates are DATE, lists JSON.
"""

from __future__ import annotations

LINK_TABLES: tuple[str, ...] = (
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

# Emptied by a full rebuild (naming and citation_edges are rebuilt on every run anyway).
REBUILT_TABLES: tuple[str, ...] = (
    "link_state",
    "clusters",
    "cluster_members",
    "disagreements",
    "doc_bands",
    "near_duplicates",
)
