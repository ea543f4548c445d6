"""The library behind the ``palmyra`` command: every command is one call here.

The CLI, the web app, the tests and a Ray job call these functions; none of
them prints. ``analyze`` streams records from the inputs, skips what the store
already holds, runs the per-document pipeline in batches and commits each
batch in one transaction, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from palmyra.errors import InputError, PalmyraError
from palmyra.ingest import ColumnMapping, RawRecord, build_document, iter_records
from palmyra.ingest.metadata import canonical_outlet
from palmyra.link.api import LinkSummary, link
from palmyra.model import Document, DocumentFacts, SourceRef
from palmyra.pipeline import AUTO, Pipeline
from palmyra.store.db import Store

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
    profile: str | Path | None = AUTO,
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

    Args:
        paths: files or folders (read recursively).
        store_path: the DuckDB file; created when missing.
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
        progress: called after each record with its source name and the running count.
        on_failure: called with each failure as it happens (the summary lists them too).
        on_commit: called after each committed batch with the documents stored so far.

    Returns:
        AnalyzeSummary: how many documents were stored, already present, or failed.
    """
    summary = AnalyzeSummary(store=Path(store_path), on_failure=on_failure)
    pipeline = Pipeline.create(profile)
    outlets = pipeline.outlets
    default_outlet = canonical_outlet(outlet, outlets)
    with Store(store_path) as store:
        batch: list[Document] = []
        extra_sources: list[tuple[str, SourceRef]] = []
        batch_failures: list[tuple[SourceRef, str, str]] = []
        pending: dict[str, Document] = {}
        seen = 0

        def flush() -> None:
            facts, errors = pipeline.process(batch)
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
            pending.clear()

        for item in iter_records(
            [_absolute(p) for p in paths], columns=columns, max_bytes=max_bytes
        ):
            seen += 1
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
            if doc.id in pending:  # same text twice within one batch
                pending[doc.id].sources.extend(doc.sources)
                summary.already += 1
            elif store.has_document(doc.id):
                extra_sources.extend((doc.id, s) for s in doc.sources)
                summary.already += 1
            else:
                pending[doc.id] = doc
                batch.append(doc)
            if len(batch) >= batch_size:
                flush()
        flush()
        summary.link = link(store)  # incremental: only documents not linked before
    return summary


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
