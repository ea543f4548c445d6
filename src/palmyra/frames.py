"""A stored corpus as pandas DataFrames: ``palmyra.open_store(path).events()`` in a notebook.

Researchers who code event data work in notebooks; this gives them the store's tables in
the shapes the exports already have, so a DataFrame and a CSV export of one store hold the
same rows under the same column names:

- ``events()``: the ACLED-style table of ``palmyra export --format csv`` (events claimed to
  have happened; planned, hypothetical and denied ones stay out), column for column.
- ``quotes()`` and ``citations()``: the ``quotes`` and ``citations`` of the JSONL export, one
  row each, with the document they come from (``doc``, ``doc_id``, ``doc_outlet``).
- ``clusters()``: the event fields of ``palmyra export --format clusters`` per cluster,
  with its report and outlet counts (single-report clusters included, as in
  ``palmyra events``).
- ``documents()``: the table of ``palmyra docs``.

Each call opens the store read-only and closes it before returning, so a notebook left
open never holds the lock that ``palmyra analyze`` needs to add documents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from palmyra.link import queries as link_queries
from palmyra.present.export import citation_record, quote_record
from palmyra.present.exports import ACLED_COLUMNS, acled_rows
from palmyra.store import queries
from palmyra.store.db import Store

if TYPE_CHECKING:
    import pandas as pd

T = TypeVar("T")

QUOTE_COLUMNS = ("doc", "doc_id", "doc_outlet", "speaker", "direct", "text", "start", "end")
CITATION_COLUMNS = ("doc", "doc_id", "doc_outlet", "outlet", "title", "author", "date", "kind",
                    "evidence", "start", "end")
# The event fields of the clusters export (link/export.py), then the counts `palmyra events`
# shows; lists (outlets, disagreement fields) stay Python lists in their cells.
CLUSTER_COLUMNS = ("id", "event_type", "sub_event_type", "date", "date_precision", "location",
                   "admin1", "country", "latitude", "longitude", "geonameid", "actor1",
                   "actor2", "reports", "outlets", "outlet_count", "independent_count",
                   "disagreement_fields", "evidence")
_CLUSTER_RENAMES = {"place": "location", "lat": "latitude", "lon": "longitude"}
DOCUMENT_COLUMNS = ("id", "title", "outlet", "author", "published", "published_precision",
                    "length", "comments", "sources")


class StoreFrames:
    """Read-only DataFrame views of one Palmyra store (see the module docstring)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._read(lambda st: None)  # a missing or unreadable store fails here, not later

    def __repr__(self) -> str:
        return f"StoreFrames({str(self.path)!r})"

    def _read(self, fn: Callable[[Store], T]) -> T:
        with Store(self.path, read_only=True) as st:
            return fn(st)

    def events(self) -> pd.DataFrame:
        """Events claimed to have happened, with the CSV export's ACLED-style columns."""
        return _frame(self._read(lambda st: list(acled_rows(st))), ACLED_COLUMNS)

    def quotes(self) -> pd.DataFrame:
        """Every quotation: speaker, direct or indirect, its words and their offsets."""
        return _frame(self._read(lambda st: _span_rows(st, "quotes", quote_record)),
                      QUOTE_COLUMNS)

    def citations(self) -> pd.DataFrame:
        """Every publication an article cites: cited outlet, title, author, date, evidence."""
        return _frame(self._read(lambda st: _span_rows(st, "citations", citation_record)),
                      CITATION_COLUMNS)

    def clusters(self) -> pd.DataFrame:
        """Event clusters: the same occurrence across reports, with outlet and source counts.

        Raises:
            StoreError: the store was never linked (``palmyra analyze`` links it).
        """
        def rows(st: Store) -> list[dict[str, Any]]:
            return [{_CLUSTER_RENAMES.get(k, k): v for k, v in r.items()}
                    for r in link_queries.clusters(st)]
        return _frame(self._read(rows), CLUSTER_COLUMNS)

    def documents(self) -> pd.DataFrame:
        """The stored documents, as ``palmyra docs`` lists them."""
        return _frame(self._read(queries.list_documents), DOCUMENT_COLUMNS)


def open_store(path: str | Path) -> StoreFrames:
    """The store at ``path`` as DataFrames: ``open_store("demo.duckdb").events()``.

    Raises:
        StoreError: no store at ``path``, or a file that is not one.
    """
    return StoreFrames(path)


def _span_rows(st: Store, kind: str,
               record: Callable[[Any, str], dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per fact of ``kind`` (quotes, citations): its document's columns, the
    export's record of the fact, and the fact's span as start and end offsets."""
    out = []
    for doc_id, doc, text in _documents(st):
        for fact in queries.facts_of(st, doc_id, kind):
            rec = record(fact, text)
            start, end = rec.pop("span")
            out.append({**doc, **rec, "start": start, "end": end})
    return out


def _documents(st: Store) -> Iterator[tuple[str, dict[str, Any], str]]:
    for doc_id in queries.document_ids(st):
        doc = queries.load_document(st, doc_id)
        name = doc.sources[0].name if doc.sources else doc.id
        yield doc_id, {"doc": name, "doc_id": doc_id, "doc_outlet": doc.outlet}, doc.text


def _frame(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> pd.DataFrame:
    import pandas as pd  # only the notebook API needs pandas: the commands never load it

    return pd.DataFrame.from_records(rows, columns=list(columns))
