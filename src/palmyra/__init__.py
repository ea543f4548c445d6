"""Palmyra: a provenance-linked record of what news articles claim about an armed conflict.

The Python API, for notebooks and scripts:

- ``palmyra.analyze_text(text, title=..., published=..., outlet=..., url=...)``: one
  article's facts (``DocumentFacts``: events, quotes, citations, framing), no store needed;
  ``palmyra.analyze_texts([...])`` for several (strings or ``palmyra.TextRecord``).
- ``palmyra.analyze(paths, store_path)``: what ``palmyra analyze`` does, into a store.
- ``palmyra.open_store(path)``: a store's ``events()``, ``quotes()``, ``citations()``,
  ``clusters()`` and ``documents()`` as pandas DataFrames.

They load on first use: the pipeline and pandas take seconds to import, and every
``palmyra`` command imports this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from palmyra.version import __version__

if TYPE_CHECKING:
    from palmyra.api import TextRecord, analyze, analyze_text, analyze_texts
    from palmyra.frames import StoreFrames, open_store

__all__ = ["StoreFrames", "TextRecord", "__version__", "analyze", "analyze_text",
           "analyze_texts", "open_store"]


def __getattr__(name: str) -> Any:
    """Load an API name on first use (PEP 562)."""
    if name in ("analyze", "analyze_text", "analyze_texts", "TextRecord"):
        from palmyra import api

        return getattr(api, name)
    if name in ("open_store", "StoreFrames"):
        from palmyra import frames

        return getattr(frames, name)
    raise AttributeError(f"module 'palmyra' has no attribute {name!r}")
