"""The store's tables, versioned.

``SCHEMA_VERSION`` goes up whenever a table changes shape; ``MIGRATIONS`` maps
each older version to the statements that bring it one step forward, so an old
store file is upgraded in place instead of being rebuilt. Facts keep their
queryable fields as columns and everything else as JSON in ``data``, so a new
fact field does not need a migration.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

TABLES: tuple[str, ...] = (
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
        ingested_at TIMESTAMP DEFAULT current_timestamp
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

INDEXES: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc_id)",
    "CREATE INDEX IF NOT EXISTS sources_doc ON document_sources (doc_id)",
)

# version -> statements that upgrade a store of that version to version + 1
MIGRATIONS: dict[int, tuple[str, ...]] = {}
