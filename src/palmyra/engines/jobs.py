"""The per-document work every engine runs: a batch of records in, store rows out.

A job is one record with its precomputed id and the outlet to fall back on;
``run_jobs`` cleans, annotates and extracts a batch of them with one loaded
``Pipeline`` and returns plain rows (``DocRows``) or a ``Failed`` per record.
Nothing here touches the store, so it runs in a worker process or a Ray actor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from palmyra.errors import InputError, PalmyraError
from palmyra.ingest import RawRecord, build_document, document_id
from palmyra.ingest.metadata import canonical_outlet
from palmyra.model import Outlet, SourceRef
from palmyra.pipeline import Pipeline
from palmyra.store.rows import DocRows, document_rows


@dataclass
class Job:
    """One record to analyse; ``outlet`` is used when the document names none."""

    record: RawRecord
    doc_id: str
    outlet: str | None = None


@dataclass
class Failed:
    """A record that could not be read, cleaned or analysed: where, which stage, why."""

    source: SourceRef
    stage: str
    reason: str
    doc_id: str | None = None  # None when the record was never read


Result = DocRows | Failed


@dataclass(frozen=True)
class OutletHints:
    """What the user said about outlets: a default, and one per source file name."""

    default: str | None = None
    by_source: Mapping[str, str] | None = None

    def job(self, record: RawRecord, outlets: Sequence[Outlet]) -> Job:
        """The job for a record: its id and the canonical outlet to fall back on."""
        known = (self.by_source or {}).get(record.source.name) or self.default
        return Job(record, document_id(record.text),
                   canonical_outlet(known, outlets) if known else None)


def load_pipeline(profile: str | Path | None) -> Pipeline:
    """A worker's pipeline with spaCy and the gazetteer loaded now, before its first batch
    (a Ray actor is then ready when it takes one)."""
    pipeline = Pipeline.create(profile)
    pipeline.nlp  # noqa: B018
    pipeline.gazetteer  # noqa: B018
    return pipeline


def run_jobs(pipeline: Pipeline, jobs: Sequence[Job]) -> list[Result]:
    """Clean, annotate and extract a batch: one result per job, failures never raised."""
    out: list[Result] = []
    docs = []
    for job in jobs:
        try:
            doc = build_document(job.record, pipeline.outlets)
        except PalmyraError as err:
            reason = err.reason if isinstance(err, InputError) else str(err)
            out.append(Failed(job.record.source, "clean", reason, job.doc_id))
            continue
        if doc.outlet is None:
            doc.outlet = job.outlet
        docs.append(doc)
    facts, errors = pipeline.process(docs)
    out.extend(document_rows(f, pipeline.version) for f in facts)
    out.extend(Failed(doc.sources[0], stage, reason, doc.id) for doc, stage, reason in errors)
    return out
