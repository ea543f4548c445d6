"""The store as the web server reads it: a read-only connection per thread, results memoised.

DuckDB connections are not safe to share between threads, and FastAPI runs the
page functions in a thread pool, so each worker thread opens its own read-only
connection. While any read-only connection is open DuckDB's file lock keeps
writers out, so the store cannot change under the server: whole-corpus results
(overview, events, naming, citations) are computed once and kept.
"""

from __future__ import annotations

import gzip
import json
import logging
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
    """Thread-local read-only stores over one file, plus memoised whole-corpus views."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._stores: list[Store] = []
        self._lock = threading.RLock()  # memo builds may memo, and open a store
        self._memo: dict[str, Any] = {}
        self.store  # noqa: B018 -- open one now, so a bad path fails at start, not per request

    @property
    def store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
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

    def memo(self, key: str, build: Callable[[Store], T]) -> T:
        """``build(store)`` once per server; concurrent first callers wait for one build."""
        if key in self._memo:
            return self._memo[key]
        with self._lock:
            if key not in self._memo:
                self._memo[key] = build(self.store)
            return self._memo[key]

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
