"""The DuckDB store: one file, written one transaction per batch.

A batch either lands whole or not at all, so a run killed at any point (Ctrl-C,
``kill -9``) leaves only complete documents behind; the next run skips them by
id and carries on. Documents are keyed by the hash of their normalised text,
so storing the same article twice only records the extra source path.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from palmyra.errors import StoreError
from palmyra.model import Document, DocumentFacts, SourceRef
from palmyra.store import lease
from palmyra.store.rows import (
    DOCUMENT_COLUMNS,
    FACT_COLUMNS,
    FACT_KINDS,
    MENTION_COLUMNS,
    SOURCE_COLUMNS,
    DocRows,
    DocumentRows,
    FailureRow,
    SourceRow,
    batch_rows,
    document_rows,
    failure_rows,
    source_rows,
)
from palmyra.store.schema import INDEXES, MIGRATIONS, SCHEMA_VERSION, TABLES

DEFAULT_STORE = "palmyra.duckdb"

# The rows (and their JSON form for a server) are made in store/rows.py; these names
# stay importable from here.
__all__ = [
    "DEFAULT_STORE", "DOCUMENT_COLUMNS", "FACT_KINDS", "DocRows", "DocumentRows", "Store",
    "batch_rows", "document_from_row",
]

_INSERT_DOCUMENT = (
    f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(DOCUMENT_COLUMNS))})"
)


class Store:
    """A Palmyra store file; use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path = DEFAULT_STORE, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(
                f"{self.path}: no store here; run `palmyra analyze PATH` first "
                "or point to one with --store"
            )
        self._snapshot: Path | None = None
        self.con = self._connect(read_only)
        if not read_only:
            self._ensure_schema()
        self._check_version()
        if read_only and self.schema_version() < SCHEMA_VERSION:
            self._show_missing_tables()

    @classmethod
    def over(cls, con: duckdb.DuckDBPyConnection, path: str | Path) -> Store:
        """A Store over a connection already open (a cursor of the server's one writer)."""
        store = cls.__new__(cls)
        store.path, store.con, store._snapshot = Path(path), con, None
        return store

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        """Open the file; when a running ``palmyra serve`` holds it, read its snapshot.

        Any other holder gets one line naming it (``store.lease``), not DuckDB's text.
        """
        try:
            return duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as err:
            if not lease.is_lock_conflict(err):
                raise StoreError(f"{self.path}: cannot open the store ({err})") from err
            held = lease.read_lease(self.path)
            if not (read_only and held is not None and held.writable):
                raise lease.StoreBusyError(
                    lease.holder_message(self.path, err, read_only=read_only)
                ) from None
        self._snapshot = lease.fetch_snapshot(self.path, held)
        try:
            return duckdb.connect(str(self._snapshot), read_only=True)
        except duckdb.Error as err:
            lease.drop_snapshot(self._snapshot)
            raise StoreError(f"{self.path}: cannot read the server's snapshot ({err})") from err

    def close(self) -> None:
        self.con.close()
        if self._snapshot is not None:
            lease.drop_snapshot(self._snapshot)
            self._snapshot = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema --------------------------------------------------------------

    def _ensure_schema(self) -> None:
        with self.transaction():
            for ddl in TABLES.values():
                self.con.execute(ddl)
            if self.con.execute("SELECT count(*) FROM schema_info").fetchone()[0] == 0:
                self.con.execute("INSERT INTO schema_info VALUES (?)", [SCHEMA_VERSION])
            version = self.schema_version()
            while version < SCHEMA_VERSION:
                for stmt in MIGRATIONS[version]:
                    self.con.execute(stmt)
                version += 1
                self.con.execute("UPDATE schema_info SET version = ?", [version])
            for ddl in INDEXES:
                self.con.execute(ddl)

    def _show_missing_tables(self) -> None:
        """Give a read-only open of an older store the tables it lacks, empty and temporary.

        Readers then see the current schema whatever the file's version; nothing is
        written to the file, and the next writable open migrates it for good.
        """
        present = {
            r[0]
            for r in self.con.execute(
                "SELECT table_name FROM duckdb_tables()"
                " WHERE database_name = current_database() AND NOT temporary"
            ).fetchall()
        }
        for name, ddl in TABLES.items():
            if name not in present:
                self.con.execute(ddl.replace("CREATE TABLE", "CREATE TEMP TABLE", 1))

    def schema_version(self) -> int:
        try:
            row = self.con.execute("SELECT max(version) FROM schema_info").fetchone()
        except duckdb.CatalogException as err:
            raise StoreError(f"{self.path}: not a Palmyra store (no schema_info table)") from err
        return int(row[0]) if row and row[0] is not None else 0

    def _check_version(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema v{version} is newer than this Palmyra"
                f" (v{SCHEMA_VERSION});"
                " upgrade Palmyra"
            )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # -- writes --------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return (
            self.con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone()
            is not None
        )

    def known_sources(self) -> set[tuple[str, str]]:
        """(path, row_id) pairs already stored: lets a resumed run skip them cheaply."""
        return {tuple(r) for r in self.con.execute("SELECT path, row_id FROM document_sources")}

    def write_batch(
        self,
        facts: Sequence[DocumentFacts | DocRows],
        sources: Iterable[tuple[str, SourceRef]] = (),
        failures: Iterable[tuple[SourceRef, str, str]] = (),
        pipeline: str = "",
    ) -> None:
        """Store a batch atomically.

        Args:
            facts: newly analysed documents with their facts (replacing any older facts),
                or their rows already made by a worker (``palmyra.store.rows``).
            sources: extra ``(doc_id, source)`` paths for documents already stored.
            failures: ``(source, stage, reason)`` for inputs that could not be processed.
            pipeline: the pipeline version string recorded with each document.
        """
        self.write_rows(
            [f if isinstance(f, DocRows) else document_rows(f, pipeline) for f in facts],
            source_rows(sources),
            failure_rows(failures),
        )

    def write_rows(
        self,
        documents: Sequence[DocRows],
        sources: Iterable[SourceRow] = (),
        failures: Iterable[FailureRow] = (),
    ) -> None:
        """Store rows in one transaction.

        The rows are plain values, so a process that cannot open the store (a running
        ``palmyra serve`` holds it) sends them as JSON (``DocRows.wire``, ``batch_rows``)
        to the server, which checks them and calls this.
        """
        with self.transaction():
            self._write_documents(documents)
            for source in sources:
                self._add_source(*source)
            for failure in failures:
                self.con.execute(
                    "INSERT OR REPLACE INTO failures (path, row_id, stage, reason)"
                    " VALUES (?,?,?,?)",
                    list(failure),
                )

    def known_documents(self, ids: Iterable[str]) -> set[str]:
        """The ids among ``ids`` that the store already holds."""
        wanted = list(set(ids))
        if not wanted:
            return set()
        rows = self.con.execute("SELECT id FROM documents WHERE list_contains(?, id)", [wanted])
        return {r[0] for r in rows.fetchall()}

    def stored_paths(self, paths: Iterable[str]) -> set[str]:
        """The source paths (files or URLs) among ``paths`` that some document was read from."""
        wanted = list(set(paths))
        if not wanted:
            return set()
        rows = self.con.execute(
            "SELECT DISTINCT path FROM document_sources WHERE list_contains(?, path)", [wanted]
        )
        return {r[0] for r in rows.fetchall()}

    def _add_source(self, doc_id: str, path: str, row_id: str, name: str) -> None:
        self.con.execute(
            "INSERT INTO document_sources VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
            [doc_id, path, row_id, name],
        )
        self.con.execute("DELETE FROM failures WHERE path = ? AND row_id = ?", [path, row_id])

    def _write_documents(self, documents: Sequence[DocRows]) -> None:
        """The documents' rows as a few statements over Arrow tables, not one ``execute``
        per row: ``executemany`` costs DuckDB a statement per mention, which took more
        CPU than the analysis outside spaCy. The same rows land in the same order; a batch
        holding one document twice, or a cell Arrow cannot type, goes row by row instead."""
        import pyarrow as pa

        if not documents:
            return
        ids = [r.doc_id for r in documents]
        try:
            if len(set(ids)) < len(ids):
                raise ValueError("a document twice in one batch")
            tables = {
                "ids": _arrow(("id",), [[i] for i in ids]),
                "documents": _arrow(DOCUMENT_COLUMNS, [r.document for r in documents]),
                "document_sources": _arrow(SOURCE_COLUMNS, list(dict.fromkeys(
                    (r.doc_id, s.path, s.row or "", s.name) for r in documents
                    for s in r.sources))),
                "mentions": _arrow(MENTION_COLUMNS, [m for r in documents for m in r.mentions]),
                "facts": _arrow(FACT_COLUMNS, [f for r in documents for f in r.facts]),
            }
        except (ValueError, TypeError, pa.ArrowException):
            for rows in documents:
                self._write_document(rows)
            return
        name = f"_batch_{id(tables)}"
        for table, arrow in tables.items():
            self.con.register(f"{name}_{table}", arrow)
        try:
            for table in ("mentions", "facts"):
                self.con.execute(f"DELETE FROM {table} WHERE doc_id IN"
                                 f" (SELECT id FROM {name}_ids)")
            self.con.execute(f"DELETE FROM documents WHERE id IN (SELECT id FROM {name}_ids)")
            for table in ("documents", "mentions", "facts"):
                columns = ", ".join(tables[table].column_names)
                self.con.execute(f"INSERT INTO {table} ({columns}) SELECT * FROM {name}_{table}")
            # the sources not stored yet, in order (ON CONFLICT DO NOTHING would reorder them)
            self.con.execute(
                f"INSERT INTO document_sources SELECT doc_id, path, row_id, name FROM"
                f" (SELECT *, row_number() OVER () AS i FROM {name}_document_sources) AS s"
                f" WHERE NOT EXISTS (SELECT 1 FROM document_sources AS d WHERE"
                f" d.doc_id = s.doc_id AND d.path = s.path AND d.row_id = s.row_id) ORDER BY i")
            self.con.execute(f"DELETE FROM failures WHERE (path, row_id) IN"
                             f" (SELECT (path, row_id) FROM {name}_document_sources)")
        finally:
            for table in tables:
                self.con.unregister(f"{name}_{table}")

    def _write_document(self, r: DocRows) -> None:
        for table in ("mentions", "facts"):
            self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [r.doc_id])
        self.con.execute("DELETE FROM documents WHERE id = ?", [r.doc_id])
        self.con.execute(_INSERT_DOCUMENT, r.document)
        for src in r.sources:
            self._add_source(r.doc_id, src.path, src.row or "", src.name)
        if r.mentions:
            self.con.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?)", r.mentions)
        if r.facts:
            self.con.executemany("INSERT INTO facts VALUES (?,?,?,?,?,?,?)", r.facts)

    # -- reads ---------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


# Integer columns of the rows written through Arrow (every other column is text or JSON).
_INT_COLUMNS = frozenset({"title_start", "title_end", "body_start", "body_end", "start_pos",
                          "end_pos", "seq"})


def _arrow(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> Any:
    """Rows as an Arrow table of fixed column types (a text or integer column of nulls
    only stays typed); raises when a cell is not of its column's type."""
    import pyarrow as pa

    if any(len(row) != len(columns) for row in rows):
        raise ValueError("a row of the wrong length")
    return pa.table({c: pa.array([row[i] for row in rows],
                                 pa.int64() if c in _INT_COLUMNS else pa.string())
                     for i, c in enumerate(columns)})


def document_from_row(row: dict[str, Any], sources: list[SourceRef]) -> Document:
    """Rebuild a Document from its stored row (for show, export and linking)."""
    from palmyra.model import CleanText, DateValue, Span

    doc_id = row["id"]
    text = row["text"]
    published = None
    if row.get("published"):
        value = row["published"]
        published = DateValue(value, row["published_precision"] or "day", value, value, "stored")
    segments = [tuple(s) for s in json.loads(row["clean_segments"] or "[]")]
    return Document(
        id=doc_id,
        text=text,
        sources=sources,
        format=row["format"],
        title=row["title"],
        title_span=(
            Span(doc_id, row["title_start"], row["title_end"])
            if row["title_start"] is not None
            else None
        ),
        author=row["author"],
        outlet=row["outlet"],
        url=row["url"],
        published=published,
        language=row["language"] or "en",
        body=Span(doc_id, row["body_start"], row["body_end"])
        if row["body_start"] is not None
        else None,
        comments=[Span(doc_id, s, e) for s, e in json.loads(row["comments"] or "[]")],
        removed=[Span(doc_id, s, e) for s, e in json.loads(row["removed"] or "[]")],
        clean=CleanText.from_segments(text, segments) if segments else None,
    )
