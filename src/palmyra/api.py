"""The library behind the ``palmyra`` command: every command is one call here.

The CLI, the web app, the tests and a Ray job call these functions; none of
them prints. ``analyze`` streams records from the inputs, skips what the store
already holds, runs the per-document pipeline in batches and commits each
batch in one transaction, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from palmyra.errors import InputError, PalmyraError
from palmyra.ingest import ColumnMapping, RawRecord, build_document, iter_records
from palmyra.ingest.metadata import canonical_outlet
from palmyra.ingest.web import AlreadyStored, Fetcher, is_url, iter_web_records
from palmyra.link.api import LinkSummary, link
from palmyra.model import Document, DocumentFacts, SourceRef
from palmyra.pipeline import Pipeline
from palmyra.store.db import Store
from palmyra.store.remote import ServerStore, open_writer

ProgressFn = Callable[[str, int], None]  # (current source name, records seen so far)


@dataclass
class Failure:
    source: str
    stage: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class AnalyzeSummary:
    store: Path
    stored: int = 0
    already: int = 0
    failures: list[Failure] = field(default_factory=list)
    link: LinkSummary | None = None
    notes: list[str] = field(default_factory=list)  # said once per run (a model missing)
    on_failure: Callable[[Failure], None] | None = field(default=None, repr=False)

    def fail(self, source: str, stage: str, reason: str) -> None:
        failure = Failure(source, stage, reason)
        self.failures.append(failure)
        if self.on_failure:
            self.on_failure(failure)

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0


def analyze(
    paths: Sequence[str | Path],
    store_path: str | Path,
    *,
    feeds: Sequence[str] = (),
    fetcher: Fetcher | None = None,
    profile: str | None = "syria",
    columns: ColumnMapping | None = None,
    outlet: str | None = None,
    outlet_by_source: Mapping[str, str] | None = None,
    batch_size: int = 32,
    max_bytes: int = 50 * 1024 * 1024,
    progress: ProgressFn | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    on_commit: Callable[[int], None] | None = None,
) -> AnalyzeSummary:
    """Ingest, clean, annotate and extract every article under ``paths`` into the store.

    When a running ``palmyra serve`` holds the store, the documents are analysed here
    and handed to the server, which stores and links each batch (``store.remote``).

    Args:
        paths: files or folders (read recursively), and article URLs (``http(s)://``).
        store_path: the DuckDB file; created when missing.
        feeds: URLs of RSS/Atom feeds or sitemaps: every article they list is read.
        fetcher: how pages are fetched (delay, retries, ...); a polite default.
        profile: a packaged profile name, a profile folder, or None for none.
        columns: how to read CSV/JSONL columns (FA-KES is recognised without one).
        outlet: the outlet of documents whose text, URL or metadata names none (a user
            who collected a site's pages knows what the text does not say).
        outlet_by_source: the same, per source file name (``fakes-1914947532.txt``),
            for a folder whose files come from several outlets; wins over ``outlet``.
        batch_size: documents per spaCy batch and per store transaction.
        max_bytes: larger inputs are refused with an error rather than read.
        progress: called after each record with its source name and the running count.
        on_failure: called with each failure as it happens (the summary lists them too).
        on_commit: called after each committed batch with the documents stored so far.

    Returns:
        AnalyzeSummary: how many documents were stored, already present, or failed.

    Raises:
        StoreError: the store cannot be opened, or another process (not a server)
            holds it: one line naming that process.
    """
    summary = AnalyzeSummary(store=Path(store_path), on_failure=on_failure)
    urls = [str(p) for p in paths if is_url(str(p))]
    files = [_absolute(p) for p in paths if not is_url(str(p))]
    with open_writer(store_path) as store:
        pipeline = Pipeline.create(profile)
        summary.notes += pipeline.missing_models()
        outlets = pipeline.outlets
        default_outlet = canonical_outlet(outlet, outlets)
        batch: list[Document] = []
        extra_sources: list[tuple[str, SourceRef]] = []
        batch_failures: list[tuple[SourceRef, str, str]] = []
        seen = 0

        def flush() -> None:
            known = store.known_documents(d.id for d in batch)
            for doc in (d for d in batch if d.id in known):
                extra_sources.extend((doc.id, s) for s in doc.sources)
            fresh = [d for d in batch if d.id not in known]
            summary.already += len(batch) - len(fresh)
            facts, errors = pipeline.process(fresh)
            for doc, stage, reason in errors:
                for src in doc.sources:
                    batch_failures.append((src, stage, reason))
                    summary.fail(src.name, stage, reason)
            store.write_batch(facts, extra_sources, batch_failures, pipeline.version)
            summary.stored += len(facts)
            if on_commit and facts:
                on_commit(summary.stored)
            batch.clear()
            extra_sources.clear()
            batch_failures.clear()

        records = iter_records(files, columns=columns, max_bytes=max_bytes)
        if urls or feeds:
            web = iter_web_records(urls, feeds, fetcher or Fetcher(),
                                   lambda u: store.stored_paths(u))
            records = itertools.chain(records, web)
        pending: dict[str, Document] = {}
        for item in records:
            seen += 1
            if isinstance(item, AlreadyStored):
                summary.already += 1
                continue
            if isinstance(item, InputError):
                src = SourceRef(item.path)
                batch_failures.append((src, "read", item.reason))
                summary.fail(item.path, "read", item.reason)
                if progress:
                    progress(item.path, seen)
                continue
            doc = _build(item, outlets, summary, batch_failures)
            if doc is not None and doc.outlet is None:
                known = (outlet_by_source or {}).get(item.source.name)
                doc.outlet = canonical_outlet(known, outlets) if known else default_outlet
            if progress:
                progress(item.source.name, seen)
            if doc is None:
                continue
            if not batch:
                pending.clear()
            if doc.id in pending:  # same text twice within one batch
                pending[doc.id].sources.extend(doc.sources)
                summary.already += 1
            else:
                pending[doc.id] = doc
                batch.append(doc)
            if len(batch) >= batch_size:
                flush()
        flush()
        summary.link = _link(store)  # incremental: only documents not linked before
    return summary


def link_store(store_path: str | Path, *, full: bool = False) -> LinkSummary:
    """``palmyra link``: link the store, or have the server that holds it do it."""
    with open_writer(store_path) as store:
        return _link(store, full=full)


def _link(store: Store | ServerStore, *, full: bool = False) -> LinkSummary:
    if isinstance(store, ServerStore):
        summary = LinkSummary(**store.link(full=full))
        # the server linked our batches as they came: count them as this run's
        summary.documents += store.linked_documents
        return summary
    return link(store, full=full)


@dataclass(frozen=True)
class TextRecord:
    """An article given as a string, with what is known about it (all optional)."""

    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    name: str = "text"


_PIPELINES: dict[str | None, Pipeline] = {}


def analyze_texts(
    records: Sequence[TextRecord | str], *, profile: str | None = "syria",
) -> list[DocumentFacts]:
    """The facts of each article, without a store: the notebook's way in.

    Each record is read as a text file would be (title on the first line when no title
    is given, a dateline at the head of the first paragraph, ...), then runs through the
    same pipeline as ``analyze``. The loaded pipeline is kept for the next call.

    Raises:
        InputError: a record has no text; PalmyraError: a stage failed on a record.
    """
    pipeline = _PIPELINES.get(profile) or _PIPELINES.setdefault(profile,
                                                                Pipeline.create(profile))
    docs = []
    for i, item in enumerate(records):
        rec = TextRecord(item) if isinstance(item, str) else item
        raw = RawRecord(SourceRef(rec.name, str(i) if len(records) > 1 else None), rec.text,
                        "text", title=rec.title, url=rec.url, published_hint=rec.published,
                        outlet_hint=rec.outlet)
        docs.append(build_document(raw, pipeline.outlets))
    facts, errors = pipeline.process(docs)
    if errors:
        doc, stage, reason = errors[0]
        raise PalmyraError(f"{doc.sources[0].name}: {stage}: {reason}")
    return facts


def analyze_text(text: str, **meta: str | None) -> DocumentFacts:
    """The facts of one article given as a string; ``meta``: title, published, outlet, url,
    and ``profile``. ``palmyra.analyze_text("Jets struck Marea on Sunday ...").events``."""
    profile = meta.pop("profile", "syria")
    return analyze_texts([TextRecord(text, **meta)], profile=profile)[0]


def trace_events(document: Document, profile: str | None = "syria") -> list[dict[str, Any]]:
    """Every event candidate of a document with its decision and reason, in text order
    (``palmyra show DOC --candidates``): the document is read again by the pipeline."""
    from palmyra.extract.events.trace import candidate_rows

    pipeline = _PIPELINES.get(profile) or _PIPELINES.setdefault(profile,
                                                                Pipeline.create(profile))
    return candidate_rows(pipeline.contexts([document])[0])


def _build(
    record: RawRecord,
    outlets: Sequence,
    summary: AnalyzeSummary,
    failures: list[tuple[SourceRef, str, str]],
) -> Document | None:
    try:
        return build_document(record, outlets)
    except PalmyraError as err:
        reason = err.reason if isinstance(err, InputError) else str(err)
        failures.append((record.source, "clean", reason))
        summary.fail(record.source.name, "clean", reason)
        return None


def _absolute(path: str | Path) -> str:
    return str(Path(path).expanduser().absolute())
