"""Word tables for the date and number annotators, read once from ``palmyra/resources``.

The tables are data, not code (STYLE.md rule 5): a user can widen them without
touching the finders. Each is parsed and validated on first use and cached for
the life of the process, so the per-document cost is nil.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from palmyra.errors import ProfileError
from palmyra.resource_files import tab_rows

Bounds = tuple[float | None, float | None]


@cache
def by_kind(name: str) -> dict[str, dict[str, str]]:
    """A ``word<TAB>kind<TAB>value`` table as ``{kind: {word: value}}``."""
    table: dict[str, dict[str, str]] = {}
    for _, (word, kind, value) in tab_rows(name, 3):
        table.setdefault(kind, {})[word] = value
    return table


@cache
def bounds(name: str) -> dict[str, Bounds]:
    """A ``phrase<TAB>low<TAB>high`` table (``-`` = unbounded) as ``{phrase: (low, high)}``."""
    table: dict[str, Bounds] = {}
    for lineno, (phrase, low, high) in tab_rows(name, 3):
        try:
            table[phrase] = (_bound(low), _bound(high))
        except ValueError as err:
            raise ProfileError(f"{name}:{lineno}: bounds must be numbers or '-'") from err
    return table


def _bound(field: str) -> float | None:
    return None if field == "-" else float(field)


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of literal words, longest first so that a prefix never wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
