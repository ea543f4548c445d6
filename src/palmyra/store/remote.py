"""Writing to a store that a running ``palmyra serve`` holds: through the server.

``open_writer(path)`` is what ``analyze`` and ``link`` open: the store itself when
they can, else, when a live server holds it (its lease says so), a
``ServerStore`` that sends the rows ``Store.write_rows`` inserts (``DocRows``
from ``store.rows``, as JSON) to the server over loopback. The pipeline still
runs in the calling process (or its engine's workers), so the server only
writes: a batch is one transaction there as here, and the UI shows it as soon
as it is committed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from palmyra.model import DocumentFacts, SourceRef
from palmyra.store import lease
from palmyra.store.db import Store
from palmyra.store.rows import DocRows, batch_rows


class ServerStore:
    """The writes ``analyze`` and ``link`` make, sent to the server that holds the store."""

    def __init__(self, path: str | Path, held: lease.Lease) -> None:
        self.path = Path(path)
        self.lease = held
        self.linked_documents = 0  # documents the server linked after our batches

    def __enter__(self) -> ServerStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Nothing to release: the server keeps the store."""

    def known_documents(self, ids: Iterable[str]) -> set[str]:
        return set(self._post("known", {"ids": sorted(set(ids))})["ids"])

    def stored_paths(self, paths: Iterable[str]) -> set[str]:
        return set(self._post("sources", {"paths": sorted(set(paths))})["paths"])

    def write_batch(
        self,
        facts: Sequence[DocumentFacts | DocRows],
        sources: Iterable[tuple[str, SourceRef]] = (),
        failures: Iterable[tuple[SourceRef, str, str]] = (),
        pipeline: str = "",
    ) -> None:
        """Hand a batch to the server, which stores it in one transaction and links it.

        ``facts`` may be rows an engine's worker made already (``DocRows``)."""
        documents, source_rows, failure_rows = batch_rows(facts, sources, failures, pipeline)
        if not (documents or source_rows or failure_rows):
            return
        answer = self._post("batch", {
            "documents": documents, "sources": source_rows, "failures": failure_rows,
        })
        self.linked_documents += int(answer.get("linked", 0))

    def link(self, full: bool = False) -> dict[str, Any]:
        """Run the link stage in the server; returns ``LinkSummary`` fields."""
        return self._post("link", {"full": full})

    def _post(self, route: str, payload: dict[str, Any]) -> dict[str, Any]:
        return lease.request_json(self.lease, route, payload)


def open_writer(path: str | Path) -> Store | ServerStore:
    """The store at ``path`` for writing: the file itself, or the server that holds it.

    Raises:
        StoreBusyError: another process (not a serving ``palmyra serve``) holds the file:
            one line naming it and what to do.
    """
    try:
        return Store(path)
    except lease.StoreBusyError:
        held = lease.read_lease(path)
        if held is None or not held.writable:
            raise
        return ServerStore(path, held)
