"""The ``make_store`` fixture: a store in tmp_path holding hand-built articles."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from palmyra.store.db import Store

from .builders import Article


@pytest.fixture
def make_store(tmp_path: Path) -> Iterator[Callable[..., Store]]:
    """Open a store in tmp_path holding the given articles; closed after the test."""
    opened: list[Store] = []

    def make(*articles: Article, name: str = "link.duckdb") -> Store:
        store = Store(tmp_path / name)
        store.write_batch([a.facts for a in articles])
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()
