"""The local engine: the pipeline in this process, or in N worker processes.

``--workers 1`` runs each batch here, between reading and writing. With more,
a pool of spawned processes each loads the pipeline (spaCy included) once, in
its initializer, and analyses whole batches; this process only reads, hashes,
skips what is stored and writes. At most ``2 × workers`` batches are in flight,
so memory does not grow with the corpus however fast the reader is.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from palmyra.engines.jobs import Job, Result, load_pipeline, run_jobs
from palmyra.pipeline import Pipeline

# Batches queued per worker beyond the one it runs: enough to keep it busy while the
# writer commits, few enough that memory stays flat.
AHEAD_PER_WORKER = 2


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class LocalEngine:
    """Runs ``run_jobs`` over batches of jobs, in-process or in a process pool."""

    def __init__(self, pipeline: Pipeline, profile: str | Path | None, workers: int) -> None:
        self.pipeline, self.profile, self.workers = pipeline, profile, max(1, workers)

    def results(self, batches: Iterable[list[Job]]) -> Iterator[list[Result]]:
        """Each batch's results, in the order the batches came."""
        batches = iter(batches)
        first = next(batches, None)
        second = next(batches, None) if first is not None else None
        if self.workers == 1 or second is None:
            # One batch goes to one worker anyway: spare the pool's start-up.
            for batch in itertools.chain([first, second], batches):
                if batch is not None:
                    yield run_jobs(self.pipeline, batch)
            return
        batches = itertools.chain([first, second], batches)
        # spawn, not fork: the parent holds a DuckDB connection and threads.
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            self.workers, mp_context=ctx, initializer=_load, initargs=(self.profile,)
        ) as pool:
            inflight: deque[Future[list[Result]]] = deque()
            for batch in batches:
                inflight.append(pool.submit(_work, batch))
                while len(inflight) >= self.workers * AHEAD_PER_WORKER:
                    yield inflight.popleft().result()
            while inflight:
                yield inflight.popleft().result()


_PIPELINE: Pipeline | None = None  # the worker process's own, loaded once


def _load(profile: str | Path | None) -> None:
    global _PIPELINE
    _exit_with_parent(os.getppid())
    _PIPELINE = load_pipeline(profile)  # spaCy and the gazetteer now, not in the first batch


def _exit_with_parent(parent: int) -> None:
    """End this worker when the writer dies: after a ``kill -9`` the pool cannot tell its
    workers to stop, and an idle worker would otherwise wait on its queue for ever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="palmyra-parent-watch", daemon=True).start()


def _work(batch: list[Job]) -> list[Result]:
    if _PIPELINE is None:
        raise RuntimeError("the worker's initializer did not load the pipeline")
    return run_jobs(_PIPELINE, batch)
