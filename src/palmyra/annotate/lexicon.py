"""Word tables for the date and number annotators, read once from ``palmyra/resources``.

The tables are data, not code (STYLE.md rule 5): a user can widen them without
touching the finders. Each is parsed and validated on first use and cached for
the life of the process, so the per-document cost is nil.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files

from palmyra.errors import ProfileError

Bounds = tuple[float | None, float | None]


def read_rows(name: str, columns: int) -> list[tuple[int, tuple[str, ...]]]:
    """Rows of a tab-separated resource file as ``(line number, fields)``.

    Raises:
        ProfileError: ``file:line: reason`` for a row with the wrong number of fields.
    """
    path = files("palmyra").joinpath("resources", name)
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = tuple(f.strip() for f in line.split("\t"))
        if len(fields) != columns or not all(fields):
            raise ProfileError(f"{name}:{lineno}: expected {columns} tab-separated fields")
        rows.append((lineno, fields))
    return rows


@cache
def by_kind(name: str) -> dict[str, dict[str, str]]:
    """A ``word<TAB>kind<TAB>value`` table as ``{kind: {word: value}}``."""
    table: dict[str, dict[str, str]] = {}
    for _, (word, kind, value) in read_rows(name, 3):
        table.setdefault(kind, {})[word] = value
    return table


@cache
def bounds(name: str) -> dict[str, Bounds]:
    """A ``phrase<TAB>low<TAB>high`` table (``-`` = unbounded) as ``{phrase: (low, high)}``."""
    table: dict[str, Bounds] = {}
    for lineno, (phrase, low, high) in read_rows(name, 3):
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
