"""The Ray engine: the per-document stage as a Ray Data pipeline, local or on a cluster.

    files ─> read (map_batches: records, ids, skip what the store holds)
          ─> analyze (map_batches over an actor pool; each actor loads the pipeline once)
          ─> rows as Arrow batches ─> the one writer (the store, or Parquet parts)

The actors run the same ``run_jobs`` as the local engine and emit each document's
store rows (``DocRows``) as a JSON column, so both engines store identical facts.
Ray is an optional extra (``pip install 'palmyra[ray]'``); without it this module
still imports and ``--engine ray`` says how to install it.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from palmyra.engines.flow import Writer
from palmyra.engines.jobs import Failed, Job, OutletHints, Result, load_pipeline, run_jobs
from palmyra.errors import InputError, PalmyraError
from palmyra.ingest import ColumnMapping
from palmyra.ingest.sources import iter_files, read_file
from palmyra.model import SourceRef
from palmyra.pipeline import Pipeline
from palmyra.store.db import Store
from palmyra.store.rows import DocRows

INSTALL_HINT = (
    "--engine ray needs Ray: pip install 'palmyra[ray]' (or pip install 'ray[data]')"
)
BLOCK_BYTES = 512 * 1024
# Row kinds between the stages.
JOB, ROWS, FAILED, ALREADY = "job", "rows", "failed", "already"


def import_ray() -> Any:
    """The ``ray`` module, or a PalmyraError saying how to install it."""
    try:
        import ray
        import ray.data  # noqa: F401 - the Data library is a separate extra of Ray
    except ImportError as err:
        raise PalmyraError(INSTALL_HINT) from err
    return ray


class RayEngine:
    """Runs the per-document stage on Ray Data; results stream back to the writer."""

    def __init__(
        self,
        pipeline: Pipeline,
        profile: str | Path | None,  # "auto" chooses per document, as the pipeline does
        workers: int,
        address: str | None = None,
    ) -> None:
        self.pipeline, self.profile = pipeline, profile
        self.workers, self.address = max(1, workers), address

    def results(
        self,
        paths: Sequence[str | Path],
        writer: Writer,
        hints: OutletHints,
        *,
        columns: ColumnMapping | None,
        max_bytes: int,
        batch_size: int,
    ) -> Iterator[list[Result]]:
        """Each Arrow batch's results, as they arrive (in no particular order)."""
        ray = import_ray()
        self._start(ray)
        files: list[dict[str, str]] = []
        for item in iter_files([str(Path(p).expanduser().absolute()) for p in paths]):
            if isinstance(item, InputError):
                yield [Failed(SourceRef(item.path), "read", item.reason)]
            else:
                files.append({"path": str(item[0]), "kind": item[1]})
        if not files:
            return
        store = writer.store
        known = _stored_ids(store) if isinstance(store, Store) else set()
        reader = _Reader(known, hints, self.pipeline.outlets, columns, max_bytes, batch_size)
        ds = ray.data.from_items(files, override_num_blocks=min(len(files), 64 * self.workers))
        ds = ds.map_batches(reader, batch_size=1, num_cpus=1,
                            compute=ray.data.TaskPoolStrategy(size=1))
        # A block goes to one actor whole: Ray packs the reader's batches into blocks of up
        # to BLOCK_BYTES, and one CSV of 100 short articles made one block, all of it
        # analysed by one actor while the others waited. One batch per block at most.
        ds = ds.repartition(target_num_rows_per_block=batch_size)
        ds = ds.map_batches(
            _Analyzer,
            fn_constructor_kwargs={"profile": self.profile},
            batch_size=batch_size,
            num_cpus=1,
            compute=ray.data.ActorPoolStrategy(size=self.workers),
        )
        for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow"):
            yield from _decode(batch.to_pydict(), writer)

    def _start(self, ray: Any) -> None:
        if ray.is_initialized():
            return
        # Workers import Palmyra from where this process does (a checkout on PYTHONPATH), and
        # see its settings (PALMYRA_TECHNIQUES_MODEL: which technique model, if any).
        env = {k: v for k, v in os.environ.items()
               if k == "PYTHONPATH" and v or k.startswith("PALMYRA_")}
        kwargs: dict[str, Any] = {}
        if self.address is None:
            # The reader takes one CPU of its own beside the actors.
            kwargs = {"num_cpus": self.workers + 1, "include_dashboard": False}
        ray.init(address=self.address, runtime_env={"env_vars": env}, log_to_driver=False,
                 logging_level="ERROR", configure_logging=False, **kwargs)
        logging.getLogger("ray.data").setLevel(logging.WARNING)  # a line per dataset otherwise
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        ctx.print_on_execution_start = False
        # Small blocks: an actor takes a whole block, and one CSV read into one 128 MB block
        # would keep every actor but one idle. A batch of jobs is a few hundred KB.
        ctx.target_max_block_size = BLOCK_BYTES


def _stored_ids(store: Store) -> set[str]:
    return {r[0] for r in store.con.execute("SELECT id FROM documents").fetchall()}


class _Reader:
    """The read stage: one file's records as jobs (rows of kind, id, pickled payload)."""

    def __init__(self, known: set[str], hints: OutletHints, outlets: Sequence[Any],
                 columns: ColumnMapping | None, max_bytes: int, batch_size: int) -> None:
        self.known, self.hints, self.outlets = known, hints, list(outlets)
        self.columns, self.max_bytes, self.batch_size = columns, max_bytes, batch_size

    def __call__(self, batch: dict[str, Any]) -> Iterator[dict[str, list[Any]]]:
        out = _Columns()
        for path, kind in zip(batch["path"], batch["kind"], strict=True):
            for item in read_file(Path(path), kind, self.columns, self.max_bytes):
                if isinstance(item, InputError):
                    out.add(FAILED, None, Failed(SourceRef(item.path), "read", item.reason))
                    continue
                job = self.hints.job(item, self.outlets)
                if job.doc_id in self.known:
                    out.add(ALREADY, job.doc_id, item.source)
                else:
                    out.add(JOB, job.doc_id, job)
                if len(out) >= self.batch_size:
                    yield out.take()
        if len(out):
            yield out.take()


class _Analyzer:
    """The analyze stage: an actor holding one loaded pipeline for its lifetime."""

    def __init__(self, profile: str | Path | None) -> None:
        self.pipeline = load_pipeline(profile)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        out = _Columns()
        jobs: list[Job] = []
        for kind, doc_id, payload in zip(batch["kind"], batch["doc_id"], batch["payload"],
                                         strict=True):
            if kind == JOB:
                jobs.append(pickle.loads(payload))
            else:
                out.rows(kind, doc_id, payload)
        for r in run_jobs(self.pipeline, jobs):
            if isinstance(r, DocRows):
                out.rows(ROWS, r.doc_id, r.to_json().encode("utf-8"))
            else:
                out.add(FAILED, r.doc_id, r)
        return out.take()


class _Columns:
    """A batch being built, column by column (Arrow-friendly: strings and bytes)."""

    def __init__(self) -> None:
        self.kind: list[str] = []
        self.doc_id: list[str | None] = []
        self.payload: list[bytes] = []

    def __len__(self) -> int:
        return len(self.kind)

    def add(self, kind: str, doc_id: str | None, obj: Any) -> None:
        self.rows(kind, doc_id, pickle.dumps(obj))

    def rows(self, kind: str, doc_id: str | None, payload: bytes) -> None:
        self.kind.append(kind)
        self.doc_id.append(doc_id)
        self.payload.append(payload)

    def take(self) -> dict[str, list[Any]]:
        out = {"kind": self.kind, "doc_id": self.doc_id, "payload": self.payload}
        self.__init__()  # type: ignore[misc]
        return out


def _decode(batch: dict[str, list[Any]], writer: Writer) -> Iterator[list[Result]]:
    results: list[Result] = []
    for kind, doc_id, payload in zip(batch["kind"], batch["doc_id"], batch["payload"],
                                     strict=True):
        if kind == ROWS:
            results.append(DocRows.from_json(payload.decode("utf-8")))
        elif kind == FAILED:
            results.append(pickle.loads(payload))
        elif kind == ALREADY:
            writer.already_stored(doc_id, pickle.loads(payload))
        else:
            raise PalmyraError(f"Ray engine: unexpected row kind {json.dumps(kind)}")
    yield results
