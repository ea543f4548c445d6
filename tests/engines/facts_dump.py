"""Every stored fact of a store as sorted tuples: what two runs must agree on."""

from __future__ import annotations

from pathlib import Path

import duckdb

# The rows that are facts: the pipeline version and the time of writing are left out.
QUERIES = {
    "documents": "SELECT id, title, author, outlet, url, published, published_precision,"
    " language, format, text, title_start, title_end, body_start, body_end,"
    " comments::VARCHAR, removed::VARCHAR, clean_segments::VARCHAR FROM {documents} ORDER BY id",
    "sources": "SELECT doc_id, row_id, name FROM {document_sources} ORDER BY ALL",  # not the folder
    "mentions": "SELECT doc_id, kind, start_pos, end_pos, text, rule, data::VARCHAR"
    " FROM {mentions} ORDER BY ALL",
    "facts": "SELECT doc_id, kind, seq, start_pos, end_pos, extractor, data::VARCHAR"
    " FROM {facts} ORDER BY ALL",
}
TABLES = ("documents", "document_sources", "mentions", "facts")


def stored_facts(store: Path) -> dict[str, list[tuple]]:
    """The facts of a DuckDB store."""
    con = duckdb.connect(str(store), read_only=True)
    try:
        return {k: con.execute(q.format(**{t: t for t in TABLES})).fetchall()
                for k, q in QUERIES.items()}
    finally:
        con.close()


def parquet_facts(folder: Path) -> dict[str, list[tuple]]:
    """The same facts read from ``--parquet-out`` parts."""
    con = duckdb.connect()
    names = {t: f"read_parquet('{folder / t}/*.parquet')" for t in TABLES}
    return {k: con.execute(q.format(**names)).fetchall() for k, q in QUERIES.items()}
