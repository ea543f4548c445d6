"""One reader for the lists in ``palmyra/resources``: the format every list shares.

A list is UTF-8 text, one entry per line; blank lines and lines starting with
``#`` (the header naming the source) are skipped. Each module still checks its
own entries, and reports ``file:line: reason`` with the numbers given here.
"""

from __future__ import annotations

from importlib.resources import files

from palmyra.errors import ProfileError


def entries(name: str) -> list[tuple[int, str]]:
    """Stripped entries of ``resources/NAME`` with their 1-based line numbers.

    Raises:
        ProfileError: when the list is not in the package.
    """
    path = files("palmyra").joinpath("resources", name)
    if not path.is_file():
        raise ProfileError(f"resources/{name}: missing word list")
    numbered = ((n, line.strip()) for n, line in enumerate(path.read_text("utf-8").splitlines(), 1))
    return [(n, line) for n, line in numbered if line and not line.startswith("#")]


def words(name: str) -> tuple[str, ...]:
    """The entries of a one-entry-per-line list, in file order."""
    return tuple(line for _, line in entries(name))


def tab_rows(name: str, columns: int) -> list[tuple[int, tuple[str, ...]]]:
    """Rows of a tab-separated list as ``(line number, fields)``, every field non-empty.

    Raises:
        ProfileError: ``file:line: reason`` for a row with the wrong number of fields.
    """
    rows = []
    for n, line in entries(name):
        fields = tuple(f.strip() for f in line.split("\t"))
        if len(fields) != columns or not all(fields):
            raise ProfileError(
                f"{name}:{n}: expected {columns} tab-separated fields, got {len(fields)}"
            )
        rows.append((n, fields))
    return rows
