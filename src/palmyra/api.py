"""The library behind the ``palmyra`` command: every command is one call here.

The CLI, the web app, the tests and a Ray job call these functions; none of
them prints. ``analyze`` streams records from the inputs, skips what the store
already holds, runs the per-document pipeline in batches through an engine
(``palmyra.engines``: this process, worker processes or Ray) and commits each
batch in one transaction (or hands it to the ``palmyra serve`` that holds the
store), so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from palmyra.engines import ENGINES
from palmyra.engines.flow import ParquetParts, Writer, feed
from palmyra.engines.jobs import OutletHints, Result
from palmyra.engines.local import LocalEngine, default_workers
from palmyra.errors import PalmyraError
from palmyra.ingest import ColumnMapping, RawRecord, build_document
from palmyra.ingest.web import Fetcher, is_url
from palmyra.link.api import LinkSummary, link
from palmyra.model import Document, DocumentFacts, SourceRef
from palmyra.pipeline import AUTO, Pipeline
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
    profile: str | Path | None = AUTO,
    columns: ColumnMapping | None = None,
    outlet: str | None = None,
    outlet_by_source: Mapping[str, str] | None = None,
    batch_size: int = 32,
    max_bytes: int = 50 * 1024 * 1024,
    progress: ProgressFn | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    on_commit: Callable[[int], None] | None = None,
    workers: int | None = 1,
    engine: str = "local",
    ray_address: str | None = None,
    parquet_out: str | Path | None = None,
) -> AnalyzeSummary:
    """Ingest, clean, annotate and extract every article under ``paths`` into the store.

    When a running ``palmyra serve`` holds the store, the documents are analysed here
    and handed to the server, which stores and links each batch (``store.remote``).

    Args:
        paths: files or folders (read recursively), and article URLs (``http(s)://``).
        store_path: the DuckDB file; created when missing.
        feeds: URLs of RSS/Atom feeds or sitemaps: every article they list is read.
        fetcher: how pages are fetched (delay, retries, ...); a polite default.
        profile: ``"auto"`` (each article gets the shipped profile of the war its places
            lie in, or none), a packaged profile name or a profile folder (forced on every
            article), or None for none.
        columns: how to read CSV/JSONL columns (FA-KES is recognised without one).
        outlet: the outlet of documents whose text, URL or metadata names none (a user
            who collected a site's pages knows what the text does not say).
        outlet_by_source: the same, per source file name (``fakes-1914947532.txt``),
            for a folder whose files come from several outlets; wins over ``outlet``.
        batch_size: documents per spaCy batch and per store transaction.
        max_bytes: larger inputs are refused with an error rather than read.
        progress: called as each record is finished (stored, already present or failed)
            with its source name and the running count.
        on_failure: called with each failure as it happens (the summary lists them too).
        on_commit: called after each committed batch with the documents stored so far.
        workers: worker processes (1: in this process; ``None``: one per core). With
            ``engine="ray"``, the size of the actor pool.
        engine: ``"local"`` or ``"ray"`` (see ``palmyra.engines``); the stored facts are
            the same either way.
        ray_address: an existing Ray cluster to run on (``engine="ray"``); None starts
            a local Ray.
        parquet_out: write the facts as Parquet files, one folder per store table, into
            this folder instead of the store (which is then neither read nor linked).

    Returns:
        AnalyzeSummary: how many documents were stored, already present, or failed.

    Raises:
        StoreError: the store cannot be opened, or another process (not a server)
            holds it: one line naming that process.
    """
    summary = AnalyzeSummary(store=Path(store_path), on_failure=on_failure)
    hints = OutletHints(outlet, outlet_by_source)
    opened = nullcontext(ParquetParts(parquet_out)) if parquet_out else open_writer(store_path)
    with opened as store:  # the store, or the server that holds it, or Parquet files
        pipeline = Pipeline.create(profile)
        summary.notes += pipeline.missing_models()
        writer = Writer(
            store, pipeline.version, batch_size,
            on_failure=lambda f: summary.fail(f.source.name, f.stage, f.reason),
            on_commit=on_commit, on_done=progress,
        )
        reading = {"columns": columns, "max_bytes": max_bytes, "batch_size": batch_size}
        if engine == "ray":
            from palmyra.engines.ray import RayEngine

            ray_engine = RayEngine(pipeline, profile, workers or default_workers(), ray_address)
            files = [p for p in paths if not is_url(str(p))]
            urls = [str(p) for p in paths if is_url(str(p))]
            results: Iterable[list[Result]] = ray_engine.results(files, writer, hints, **reading)
            if urls or feeds:
                # Pages come one polite fetch at a time: this process analyses them.
                web = feed(urls, writer, pipeline.outlets, hints, feeds=feeds, fetcher=fetcher,
                           **reading)
                results = itertools.chain(results, LocalEngine(pipeline, profile, 1).results(web))
        elif engine == "local":
            jobs = feed(paths, writer, pipeline.outlets, hints, feeds=feeds, fetcher=fetcher,
                        **reading)
            results = LocalEngine(pipeline, profile, workers or default_workers()).results(jobs)
        else:
            raise PalmyraError(f"unknown engine '{engine}' (expected one of {', '.join(ENGINES)})")
        for batch in results:
            writer.add(batch)
        writer.flush()
        summary.stored, summary.already = writer.counts.stored, writer.counts.already
        if not isinstance(store, ParquetParts):
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
    records: Sequence[TextRecord | str], *, profile: str | Path | None = AUTO,
) -> list[DocumentFacts]:
    """The facts of each article, without a store: the notebook's way in.

    Each record is read as a text file would be (title on the first line when no title
    is given, a dateline at the head of the first paragraph, ...), then runs through the
    same pipeline as ``analyze``, with the same ``profile`` choices (``"auto"``: per
    article). The loaded pipeline is kept for the next call.

    Raises:
        InputError: a record has no text; PalmyraError: a stage failed on a record.
    """
    pipeline = _pipeline(profile)
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
    profile = meta.pop("profile", AUTO)
    return analyze_texts([TextRecord(text, **meta)], profile=profile)[0]


def trace_events(document: Document, profile: str | Path | None = AUTO) -> list[dict[str, Any]]:
    """Every event candidate of a document with its decision and reason, in text order
    (``palmyra show DOC --candidates``): the document is read again by the pipeline."""
    from palmyra.extract.events.trace import candidate_rows

    return candidate_rows(_pipeline(profile).contexts([document])[0])


def _pipeline(profile: str | Path | None) -> Pipeline:
    key = str(profile) if profile is not None else None
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline.create(profile)
    return _PIPELINES[key]


@dataclass(frozen=True)
class ProfileSummary:
    """A profile as ``palmyra profiles`` lists it: who wrote what, and how much of it."""

    name: str
    title: str | None
    countries: tuple[str, ...]
    path: Path | None
    actors: int
    aliases: int
    persons: int
    outlets: int
    places: int
    loaded_terms: int


def list_profiles() -> list[ProfileSummary]:
    """The profiles shipped with Palmyra, with their sizes (``palmyra profiles``).

    Raises:
        ProfileError: a shipped profile is invalid (``FILE:LINE: reason`` per problem).
    """
    from palmyra.profiles.load import load_shipped_profiles

    return [_summary(p) for p in load_shipped_profiles()]


def check_profile(path: str | Path) -> tuple[ProfileSummary | None, list[str]]:
    """Validate a profile folder (or a shipped profile's name): its summary when it is
    valid, and every problem as ``FILE:LINE: reason`` (``palmyra profiles check``)."""
    from palmyra.profiles import load_profile
    from palmyra.profiles.load import check_profile as problems_of

    problems = problems_of(path)
    return (None if problems else _summary(load_profile(path))), problems


def _summary(profile: Any) -> ProfileSummary:
    from palmyra.annotate.places_yaml import count_places

    aliases = sum(len(a.aliases) + len(a.modifiers) for a in profile.actors)
    return ProfileSummary(
        profile.name, profile.title, profile.countries, profile.path,
        actors=len(profile.actors), aliases=aliases, persons=len(profile.persons),
        outlets=len(profile.outlets), places=count_places(profile.path),
        loaded_terms=len(profile.loaded_terms),
    )

