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
from palmyra.model import Document, DocumentFacts, SourceRef, to_dict
from palmyra.store.schema import INDEXES, MIGRATIONS, SCHEMA_VERSION, TABLES

DEFAULT_STORE = "palmyra.duckdb"

FACT_KINDS = ("events", "quotes", "citations", "frames")


class Store:
    """A Palmyra store file; use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path = DEFAULT_STORE, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(
                f"{self.path}: no store here; run `palmyra analyze PATH` first "
                "or point to one with --store"
            )
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as err:
            raise StoreError(f"{self.path}: cannot open the store ({err})") from err
        if not read_only:
            self._ensure_schema()
        self._check_version()
        if read_only and self.schema_version() < SCHEMA_VERSION:
            self._show_missing_tables()

    def close(self) -> None:
        self.con.close()

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
        facts: Sequence[DocumentFacts],
        sources: Iterable[tuple[str, SourceRef]] = (),
        failures: Iterable[tuple[SourceRef, str, str]] = (),
        pipeline: str = "",
    ) -> None:
        """Store a batch atomically.

        Args:
            facts: newly analysed documents with their facts (replacing any older facts).
            sources: extra ``(doc_id, source)`` paths for documents already stored.
            failures: ``(source, stage, reason)`` for inputs that could not be processed.
            pipeline: the pipeline version string recorded with each document.
        """
        with self.transaction():
            for f in facts:
                self._write_document(f, pipeline)
            for doc_id, src in sources:
                self._add_source(doc_id, src)
            for src, stage, reason in failures:
                self.con.execute(
                    "INSERT OR REPLACE INTO failures (path, row_id, stage, reason)"
                    " VALUES (?,?,?,?)",
                    [src.path, src.row or "", stage, reason],
                )

    def _add_source(self, doc_id: str, src: SourceRef) -> None:
        self.con.execute(
            "INSERT INTO document_sources VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
            [doc_id, src.path, src.row or "", src.name],
        )
        self.con.execute(
            "DELETE FROM failures WHERE path = ? AND row_id = ?", [src.path, src.row or ""]
        )

    def _write_document(self, f: DocumentFacts, pipeline: str) -> None:
        d = f.document
        for table in ("mentions", "facts"):
            self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [d.id])
        self.con.execute("DELETE FROM documents WHERE id = ?", [d.id])
        pub = d.published
        self.con.execute(
            "INSERT INTO documents (id, title, author, outlet, url, published, published_precision,"
            " language, format, text, title_start, title_end, body_start, body_end, comments,"
            " removed, clean_segments, pipeline, profile)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                d.id,
                d.title,
                d.author,
                d.outlet,
                d.url,
                pub.value if pub else None,
                pub.precision if pub else None,
                d.language,
                d.format,
                d.text,
                d.title_span.start if d.title_span else None,
                d.title_span.end if d.title_span else None,
                d.body.start if d.body else None,
                d.body.end if d.body else None,
                json.dumps([[s.start, s.end] for s in d.comments]),
                json.dumps([[s.start, s.end] for s in d.removed]),
                json.dumps(d.clean.segments if d.clean else []),
                pipeline,
                f.profile,
            ],
        )
        for src in d.sources:
            self._add_source(d.id, src)
        if f.mentions:
            self.con.executemany(
                "INSERT INTO mentions VALUES (?,?,?,?,?,?,?)",
                [
                    [
                        d.id,
                        m.kind,
                        m.span.start,
                        m.span.end,
                        m.text,
                        m.rule,
                        json.dumps(to_dict(m.value)),
                    ]
                    for m in f.mentions
                ],
            )
        rows = []
        for kind in FACT_KINDS:
            for seq, fact in enumerate(getattr(f, kind)):
                span = _first_span(fact)
                rows.append(
                    [
                        d.id,
                        kind,
                        seq,
                        span.start if span else None,
                        span.end if span else None,
                        getattr(fact, "extractor", ""),
                        json.dumps(to_dict(fact)),
                    ]
                )
        if rows:
            self.con.executemany("INSERT INTO facts VALUES (?,?,?,?,?,?,?)", rows)

    # -- reads ---------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def _first_span(fact: Any) -> Any:
    span = getattr(fact, "span", None)
    if span is None:
        evidence = getattr(fact, "evidence", ())
        span = evidence[0] if evidence else None
    return span


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
