"""The store as the web server reads (and, serving alone, writes) it; results memoised.

DuckDB connections are not safe to share between threads, and FastAPI runs the
page functions in a thread pool, so each worker thread reads through its own
connection. A one-process server (``writable``) opens the file for writing and is
the store's one writer: its threads read through cursors of that connection, and
``write`` runs the batches other commands hand it (``web.submit``), one at a
time. Whole-corpus results (overview, events, naming, citations) are computed
once per ``generation``, which every write moves on. A multi-worker server opens
the file read-only in each worker, so there the store cannot change at all.
"""

from __future__ import annotations

import gzip
import json
import logging
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from palmyra.errors import StoreError
from palmyra.present import content
from palmyra.present import queries as wq
from palmyra.store.db import Store

T = TypeVar("T")
log = logging.getLogger(__name__)


class Corpus:
    """Thread-local stores over one file, plus whole-corpus views memoised per generation."""

    def __init__(self, path: str | Path, *, writable: bool = False) -> None:
        self.path = Path(path)
        self.generation = 0  # moves on with every write: memoised views and pages expire
        self._local = threading.local()
        self._stores: list[Store] = []
        self._lock = threading.RLock()  # memo builds may memo, and open a store
        self._write_lock = threading.Lock()
        self._memo: dict[str, tuple[int, Any]] = {}
        self._writer = Store(self.path) if writable else None
        self._snapshots: list[Path] = []
        self.store  # noqa: B018 -- open one now, so a bad path fails at start, not per request

    @property
    def writable(self) -> bool:
        return self._writer is not None

    @property
    def store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            if self._writer is not None:
                store = Store.over(self._writer.con.cursor(), self.path)
            else:
                store = Store(self.path, read_only=True)
            store.con.execute("SET enable_progress_bar = false")  # a server has no terminal
            self._local.store = store
            with self._lock:
                self._stores.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._stores:
                store.close()
            self._stores.clear()
            if self._writer is not None:
                self._writer.close()
            for snapshot in self._snapshots:
                shutil.rmtree(snapshot.parent, ignore_errors=True)

    def memo(self, key: str, build: Callable[[Store], T]) -> T:
        """``build(store)`` once per generation; concurrent first callers wait for one build."""
        hit = self._memo.get(key)
        if hit is not None and hit[0] == self.generation:
            return hit[1]
        with self._lock:
            generation = self.generation
            hit = self._memo.get(key)
            if hit is not None and hit[0] == generation:
                return hit[1]
            value = build(self.store)
            self._memo[key] = (generation, value)  # a write meanwhile leaves it stale: rebuilt
            return value

    def write(self, change: Callable[[Store], T]) -> T:
        """Run ``change`` on the writing connection, one at a time; then views expire.

        Raises:
            StoreError: the server was started read-only (several workers).
        """
        if self._writer is None:
            raise StoreError(f"{self.path}: this server only reads the store (several workers)")
        with self._write_lock:
            try:
                return change(self._writer)
            finally:
                self.generation += 1

    def snapshot(self) -> Path:
        """Copy the store, as committed now, to a new file in a private folder; its path.

        A process that needs to read while the server holds the file reads the copy;
        it deletes it, or the server does when it stops.
        """
        folder = Path(tempfile.mkdtemp(prefix="palmyra-snapshot-"))
        target = folder / self.path.name

        def copy(store: Store) -> None:
            source = store.con.execute("SELECT current_database()").fetchone()[0]
            quoted = str(target).replace("'", "''")
            store.con.execute(f"ATTACH '{quoted}' AS palmyra_snapshot")
            try:
                store.con.execute(f'COPY FROM DATABASE "{source}" TO palmyra_snapshot')
            finally:
                store.con.execute("DETACH palmyra_snapshot")

        if self._writer is None:
            raise StoreError(f"{self.path}: this server only reads the store (several workers)")
        with self._write_lock:  # not counted as a write: nothing the pages show changes
            copy(self._writer)
        self._snapshots = [p for p in self._snapshots if p.parent.exists()] + [target]
        return target

    def cluster_of(self) -> content.ClusterOf:
        return self.memo("cluster_of", content.cluster_lookup)

    def events(self) -> list[dict[str, Any]]:
        return self.memo("events", lambda st: content.events(st, self.cluster_of()))

    def events_payload(self) -> tuple[bytes, bytes]:
        """The events API body, plain and gzipped: built once, it is the largest response."""

        def build(_: Store) -> tuple[bytes, bytes]:
            body = json.dumps({"ok": True, "data": self.events()}, ensure_ascii=False,
                              separators=(",", ":")).encode("utf-8")
            return body, gzip.compress(body, compresslevel=6)

        return self.memo("events_payload", build)

    def search_ready(self) -> bool:
        return self.memo("search_ready", wq.search_index_ready)


def prepare_search_index(path: Path) -> None:
    """Build the search index before serving, when the store can be opened for writing.

    A store that another process holds open (or a read-only file) is served
    without search rather than not at all; the search page says why.
    """
    if not path.exists():
        return
    try:
        with Store(path) as store:
            if wq.ensure_search_index(store):
                log.info("built the search index of %s", path)
    except StoreError as err:
        log.warning("search index not built: %s", err)
