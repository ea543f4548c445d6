"""Read queries shared by the CLI, the exports, the web app and the report.

Presentation code reads the store only through these functions, so a change of
table shape is mended in one place.
"""

from __future__ import annotations

import json
from typing import Any

from palmyra.errors import StoreError
from palmyra.model import Document, SourceRef
from palmyra.store.db import Store, document_from_row


def list_documents(store: Store) -> list[dict[str, Any]]:
    """One row per document: id, title, outlet, published, length, comment count, source names."""
    return store.query(
        """
        SELECT d.id, d.title, d.outlet, d.author, d.published, d.published_precision,
               length(d.text) AS length, json_array_length(d.comments) AS comments,
               (SELECT string_agg(s.name, ', ' ORDER BY s.name) FROM document_sources s
                 WHERE s.doc_id = d.id) AS sources
        FROM documents d
        ORDER BY d.published NULLS LAST, d.title
        """
    )


def document_profiles(store: Store) -> dict[str, str | None]:
    """The conflict profile that coded each document, by id (``None``: none did).

    Empty for a store older than schema v3 opened read-only, which has no such column.
    """
    columns = store.query(
        "SELECT column_name FROM duckdb_columns()"
        " WHERE database_name = current_database() AND table_name = 'documents'"
    )
    if not any(c["column_name"] == "profile" for c in columns):
        return {}
    return {r["id"]: r["profile"] for r in store.query("SELECT id, profile FROM documents")}


def sources_of(store: Store, doc_id: str) -> list[SourceRef]:
    rows = store.query(
        "SELECT path, row_id FROM document_sources WHERE doc_id = ? ORDER BY path, row_id",
        [doc_id],
    )
    return [SourceRef(r["path"], r["row_id"] or None) for r in rows]


def resolve_document_id(store: Store, ref: str) -> str:
    """The id of the document ``ref`` names: a full id, an unambiguous prefix, or a source name.

    Raises:
        StoreError: when nothing matches, or a prefix/name matches several documents.
    """
    ref = ref.strip()
    exact = store.query("SELECT id FROM documents WHERE id = ?", [ref])
    if exact:
        return exact[0]["id"]
    by_source = store.query(
        "SELECT DISTINCT doc_id AS id FROM document_sources WHERE name = ? OR path = ?"
        " OR path LIKE ?",
        [ref, ref, "%/" + ref],
    )
    if len(by_source) == 1:
        return by_source[0]["id"]
    by_prefix = store.query(
        "SELECT id FROM documents WHERE id LIKE ?"
        " UNION SELECT doc_id FROM document_sources WHERE name LIKE ?",
        [ref + "%", ref + "%"],
    )
    matches = {r["id"] for r in by_source} | {r["id"] for r in by_prefix}
    if len(matches) == 1:
        return matches.pop()
    if not matches:
        raise StoreError(
            f"no document matches {ref!r}: give an id, an id prefix or a source file name"
            " (`palmyra docs` lists them)"
        )
    shown = ", ".join(sorted(matches)[:5])
    raise StoreError(f"{ref!r} matches {len(matches)} documents ({shown}…): be more specific")


def load_document(store: Store, doc_id: str) -> Document:
    rows = store.query("SELECT * FROM documents WHERE id = ?", [doc_id])
    if not rows:
        raise StoreError(f"no document with id {doc_id}")
    return document_from_row(rows[0], sources_of(store, doc_id))


def mentions_of(store: Store, doc_id: str) -> list[dict[str, Any]]:
    rows = store.query(
        'SELECT kind, start_pos AS start, end_pos AS "end", text, rule, data FROM mentions'
        " WHERE doc_id = ? ORDER BY start_pos, end_pos",
        [doc_id],
    )
    for r in rows:
        r["value"] = json.loads(r.pop("data") or "null")
    return rows


def facts_of(store: Store, doc_id: str, kind: str) -> list[dict[str, Any]]:
    rows = store.query(
        "SELECT data FROM facts WHERE doc_id = ? AND kind = ? ORDER BY seq", [doc_id, kind]
    )
    return [json.loads(r["data"]) for r in rows]


def failures(store: Store) -> list[dict[str, Any]]:
    return store.query("SELECT path, row_id, stage, reason FROM failures ORDER BY path, row_id")


def document_ids(store: Store) -> list[str]:
    return [r["id"] for r in store.query("SELECT id FROM documents ORDER BY id")]


def technique_counts(store: Store) -> list[dict[str, Any]]:
    """Propaganda techniques per outlet: one row per (outlet, technique) with the spans
    found (``n``), the documents they are in, and the outlet's documents analysed."""
    return store.query(
        """
        WITH per_outlet AS (
            SELECT coalesce(outlet, '(unknown outlet)') AS outlet, count(*) AS outlet_documents
            FROM documents GROUP BY 1)
        SELECT coalesce(d.outlet, '(unknown outlet)') AS outlet, f.data->>'$.label' AS technique,
               count(*)::INTEGER AS n, count(DISTINCT f.doc_id)::INTEGER AS documents,
               any_value(p.outlet_documents)::INTEGER AS outlet_documents
        FROM facts f JOIN documents d ON d.id = f.doc_id
        JOIN per_outlet p ON p.outlet = coalesce(d.outlet, '(unknown outlet)')
        WHERE f.kind = 'techniques'
        GROUP BY ALL ORDER BY outlet, technique
        """
    )
