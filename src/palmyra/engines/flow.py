"""The two ends every engine shares: the feed that turns inputs into jobs, and the writer.

The feed reads records lazily (files, then article URLs and the pages that feeds
list), gives each its id and skips what the store already holds (a resumed run
re-reads, but never re-analyses, what it stored; a stored URL is not fetched).
The writer is the only code that writes, through ``store.remote.open_writer``:
the store itself, or the ``palmyra serve`` that holds it. It commits a transaction every
``batch_size`` documents, exactly as a single-process run does, so a run killed
at any point loses at most the uncommitted batch and the next run redoes it.
Results may arrive in any order; each document's rows depend only on its text,
so the order of input changes no stored fact.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from palmyra.engines.jobs import Failed, Job, OutletHints, Result
from palmyra.errors import InputError
from palmyra.ingest import ColumnMapping, RawRecord, iter_records
from palmyra.ingest.web import AlreadyStored, Fetcher, is_url, iter_web_records
from palmyra.model import Outlet, SourceRef
from palmyra.store.db import Store
from palmyra.store.remote import ServerStore
from palmyra.store.rows import (
    DOCUMENT_COLUMNS,
    FACT_COLUMNS,
    MENTION_COLUMNS,
    SOURCE_COLUMNS,
    DocRows,
)

Commit = Callable[[int], None]
# Extra sources and failures held before a commit of their own: a resumed run over a large
# stored corpus otherwise holds one per record (and a server takes at most 100k a request).
MAX_PENDING = 10_000
_INT_COLUMNS = frozenset({"title_start", "title_end", "body_start", "body_end", "start_pos",
                          "end_pos", "seq"})


@dataclass
class Counts:
    """What the writer did so far (the summary reads it)."""

    stored: int = 0
    already: int = 0
    done: int = 0  # records finished: stored, already present or failed
    failures: list[Failed] = field(default_factory=list)


class ParquetParts:
    """The store's tables as Parquet files instead of a DuckDB file (``--parquet-out DIR``).

    Each commit adds one part per table: ``DIR/documents/part-00000.parquet``, and so on
    for ``document_sources``, ``mentions``, ``facts`` and ``failures``, with the store's
    columns, so ``SELECT * FROM 'DIR/facts/*.parquet'`` reads them in DuckDB or elsewhere.
    Nothing is skipped as already stored: a second run writes new parts.
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.part = len(list(self.folder.glob("documents/part-*.parquet")))

    def known_documents(self, ids: Iterable[str]) -> set[str]:
        return set()

    def stored_paths(self, paths: Iterable[str]) -> set[str]:
        return set()

    def write_batch(
        self,
        rows: Sequence[DocRows],
        sources: Iterable[tuple[str, SourceRef]],
        failures: Iterable[tuple[SourceRef, str, str]],
        pipeline: str = "",
    ) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        tables = {
            "documents": (DOCUMENT_COLUMNS, [r.document for r in rows]),
            "document_sources": (SOURCE_COLUMNS, [
                [r.doc_id, s.path, s.row or "", s.name] for r in rows for s in r.sources
            ] + [[d, s.path, s.row or "", s.name] for d, s in sources]),
            "mentions": (MENTION_COLUMNS, [m for r in rows for m in r.mentions]),
            "facts": (FACT_COLUMNS, [f for r in rows for f in r.facts]),
            "failures": (("path", "row_id", "stage", "reason"),
                         [[s.path, s.row or "", st, why] for s, st, why in failures]),
        }
        for name, (columns, data) in tables.items():
            if not data:
                continue
            (self.folder / name).mkdir(parents=True, exist_ok=True)
            # Fixed types, so parts whose column happens to be all null still read as one.
            schema = pa.schema([(c, pa.int64() if c in _INT_COLUMNS else pa.string())
                                for c in columns])
            table = pa.table({c: [row[i] for row in data] for i, c in enumerate(columns)},
                             schema=schema)
            pq.write_table(table, self.folder / name / f"part-{self.part:05d}.parquet")
        self.part += 1


class Writer:
    """Commits results to the store in batches; holds back duplicates of in-flight texts.

    A text met twice in one run is analysed once: the second record's source waits
    in ``waiting`` until the first one's rows arrive, then both sources are written.
    """

    def __init__(
        self,
        store: Store | ServerStore | ParquetParts,
        pipeline_version: str,
        batch_size: int,
        *,
        on_failure: Callable[[Failed], None] | None = None,
        on_commit: Commit | None = None,
        on_done: Callable[[str, int], None] | None = None,
    ) -> None:
        self.store, self.version, self.batch_size = store, pipeline_version, batch_size
        self.on_failure, self.on_commit, self.on_done = on_failure, on_commit, on_done
        self.counts = Counts()
        self.waiting: dict[str, list[SourceRef]] = {}
        self.written: set[str] = set()  # ids stored by this run (16 hex chars each)
        self.failed: dict[str, tuple[str, str]] = {}  # id -> (stage, reason)
        self._rows: list[DocRows] = []
        self._extra: list[tuple[str, SourceRef]] = []
        self._failed: list[tuple[SourceRef, str, str]] = []

    # -- what the feed reports before any analysis -----------------------------------

    def already_stored(self, doc_id: str, source: SourceRef) -> None:
        self._extra.append((doc_id, source))
        self._finish(source, already=1)

    def skipped(self, source: SourceRef) -> None:
        """A URL not fetched because the store holds a document read from it."""
        self._finish(source, already=1)

    def duplicate(self, doc_id: str, source: SourceRef) -> None:
        """A record whose text was handed out before: it shares that copy's outcome."""
        if doc_id in self.written:
            self.already_stored(doc_id, source)
        elif doc_id in self.failed:
            stage, reason = self.failed[doc_id]
            self._fail(Failed(source, stage, reason, doc_id))
        else:
            self.waiting.setdefault(doc_id, []).append(source)

    # -- results from the engine -----------------------------------------------------

    def add(self, results: Iterable[Result]) -> None:
        results = list(results)
        # One question per batch (a round trip when a server holds the store): Ray analyses
        # what it could not check, and another writer may have stored a text meanwhile.
        known = self.store.known_documents(
            r.doc_id for r in results if isinstance(r, DocRows) and r.doc_id not in self.written
        )
        for r in results:
            if isinstance(r, Failed):
                self._fail(r)
                if r.doc_id:
                    self.failed[r.doc_id] = (r.stage, r.reason)
                for src in self.waiting.pop(r.doc_id or "", []):
                    self._fail(Failed(src, r.stage, r.reason, r.doc_id))
                continue
            extra = self.waiting.pop(r.doc_id, [])
            if r.doc_id in self.written or r.doc_id in known:
                # Ray analyses duplicates it cannot see in flight: keep only the source.
                self._extra.extend((r.doc_id, s) for s in [*r.sources, *extra])
                self._finish(r.sources[0], already=1 + len(extra))
                continue
            r.sources.extend(extra)
            self._rows.append(r)
            self.written.add(r.doc_id)
            self.counts.stored += 1
            self._finish(r.sources[0], already=len(extra), stored=1)
        if len(self._rows) >= self.batch_size:
            self.flush()

    def _fail(self, f: Failed) -> None:
        self._failed.append((f.source, f.stage, f.reason))
        self.counts.failures.append(f)
        if self.on_failure:
            self.on_failure(f)
        self._finish(f.source)

    def _finish(self, source: SourceRef, already: int = 0, stored: int = 0) -> None:
        if len(self._extra) + len(self._failed) >= MAX_PENDING:
            self.flush()
        self.counts.already += already
        self.counts.done += already + stored + (0 if already or stored else 1)
        if self.on_done:
            self.on_done(source.name, self.counts.done)

    def flush(self) -> None:
        """Commit what is pending in one transaction."""
        if not (self._rows or self._extra or self._failed):
            return
        self.store.write_batch(self._rows, self._extra, self._failed, self.version)
        if self.on_commit and self._rows:
            self.on_commit(self.counts.stored)
        self._rows, self._extra, self._failed = [], [], []


def feed(
    paths: Sequence[str | Path],
    writer: Writer,
    outlets: Sequence[Outlet],
    hints: OutletHints,
    *,
    columns: ColumnMapping | None,
    max_bytes: int,
    batch_size: int,
    feeds: Sequence[str] = (),
    fetcher: Fetcher | None = None,
) -> Iterator[list[Job]]:
    """Batches of jobs to analyse, read lazily; everything else goes straight to the writer.

    ``paths`` are files, folders and article URLs; ``feeds`` RSS/Atom feeds or sitemaps
    whose pages are read too (after the files). Unreadable inputs become failures, texts
    already in the store extra sources, URLs already stored are not fetched, and a text
    already handed out in this run waits for its first copy's result.
    """
    handed: set[str] = set()
    batch: list[Job] = []
    for chunk in _chunks(records(paths, writer, columns=columns, max_bytes=max_bytes,
                                 feeds=feeds, fetcher=fetcher), batch_size):
        jobs = [hints.job(item, outlets) for item in chunk]
        known = writer.store.known_documents(
            j.doc_id for j in jobs if j.doc_id not in handed and j.doc_id not in writer.written
        )
        for job in jobs:
            source = job.record.source
            if job.doc_id in handed or job.doc_id in writer.written:
                writer.duplicate(job.doc_id, source)
            elif job.doc_id in known:
                writer.already_stored(job.doc_id, source)
            else:
                handed.add(job.doc_id)
                batch.append(job)
                if len(batch) >= batch_size:
                    yield batch
                    batch = []
    if batch:
        yield batch


def records(
    paths: Sequence[str | Path],
    writer: Writer,
    *,
    columns: ColumnMapping | None,
    max_bytes: int,
    feeds: Sequence[str] = (),
    fetcher: Fetcher | None = None,
) -> Iterator[RawRecord]:
    """The records of files, then of URLs and feeds; read errors and stored URLs go to the
    writer (a URL the store holds is not fetched again)."""
    files = [str(Path(p).expanduser().absolute()) for p in paths if not is_url(str(p))]
    urls = [str(p) for p in paths if is_url(str(p))]
    items: Iterable[RawRecord | InputError | AlreadyStored] = iter_records(
        files, columns=columns, max_bytes=max_bytes)
    if urls or feeds:
        web = iter_web_records(urls, feeds, fetcher or Fetcher(),
                               lambda u: writer.store.stored_paths(u))
        items = itertools.chain(items, web)
    for item in items:
        if isinstance(item, AlreadyStored):
            writer.skipped(SourceRef(item.url))
        elif isinstance(item, InputError):
            writer.add([Failed(SourceRef(item.path), "read", item.reason)])
        else:
            yield item


def _chunks(items: Iterable[RawRecord], size: int) -> Iterator[list[RawRecord]]:
    chunk: list[RawRecord] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
