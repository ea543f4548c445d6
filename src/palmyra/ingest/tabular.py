"""Read CSV/TSV and JSONL corpora: one record per row or line, through a column mapping.

A bad row or line becomes an ``InputError`` naming it, and the rest of the
file still comes out: one malformed line in a dump of a million articles must
not cost the other 999,999.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from itertools import chain
from typing import IO, Any

from palmyra.errors import InputError, ProfileError
from palmyra.ingest.encoding import SNIFF_BYTES, decode_bytes, human_size, looks_binary
from palmyra.ingest.records import RawRecord
from palmyra.model import SourceRef
from palmyra.resource_files import entries

# Delimiters a .csv file may use; the one most frequent in its header line wins.
_DELIMITERS = ",;\t|"


@dataclass(frozen=True)
class ColumnMapping:
    """Which column (or JSON key) holds each field; ``None`` = detect from the header."""

    id: str | None = None
    title: str | None = None
    text: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None


# FA-KES (Abu Salem et al. 2019): fakes.csv and FA-KES-Dataset.csv share this header.
FAKES_COLUMNS = ColumnMapping(
    id="unit_id", title="article_title", text="article_content", date="date", outlet="source"
)
# Header columns that identify FA-KES when at least two are present.
_FAKES_SIGNATURE = ("unit_id", "article_title", "article_content")


@lru_cache(maxsize=1)
def column_aliases() -> dict[str, tuple[str, ...]]:
    """Field -> names tried in order, from ``resources/column_aliases.txt``."""
    known = {f.name for f in fields(ColumnMapping)}
    out: dict[str, tuple[str, ...]] = {}
    for number, raw in entries("column_aliases.txt"):
        name, _, names = raw.partition(":")
        if name.strip() not in known:
            raise ProfileError(f"column_aliases.txt:{number}: unknown field '{name.strip()}'")
        out[name.strip()] = tuple(n.strip().casefold() for n in names.split(",") if n.strip())
    return out


def resolve_columns(
    header: Sequence[str], columns: ColumnMapping | None, noun: str = "column"
) -> dict[str, str] | str:
    """Map each field to a header name, or return the reason the text column is missing.

    An explicit mapping entry must exist; fields left ``None`` are detected:
    the FA-KES preset when the header looks like FA-KES, else the first
    known alias present (case-insensitive).
    """
    by_key = {h.strip().casefold(): h for h in header}
    wanted = columns or ColumnMapping()
    if _is_fakes(by_key):
        wanted = replace(FAKES_COLUMNS, **_given(wanted))
    resolved: dict[str, str] = {}
    for f in fields(ColumnMapping):
        name = getattr(wanted, f.name)
        if name is not None:
            if name.casefold() not in by_key:
                return _missing(noun, name, header, f.name)
            resolved[f.name] = by_key[name.casefold()]
            continue
        alias = next((a for a in column_aliases().get(f.name, ()) if a in by_key), None)
        if alias is not None:
            resolved[f.name] = by_key[alias]
    if "text" not in resolved:
        return _missing(noun, "text", header, "text")
    return resolved


def _missing(noun: str, name: str, header: Sequence[str], field_name: str) -> str:
    has = ", ".join(header)
    return f"missing {noun} '{name}' (has: {has}); pass a column mapping with --{field_name}-column"


def _given(columns: ColumnMapping) -> dict[str, str]:
    return {f.name: getattr(columns, f.name) for f in fields(columns) if getattr(columns, f.name)}


def _is_fakes(by_key: Mapping[str, str]) -> bool:
    return sum(c in by_key for c in _FAKES_SIGNATURE) >= 2


def _record(
    cells: Mapping[str, Any], names: Mapping[str, str], source: SourceRef, fmt: str, number: int
) -> RawRecord:
    def get(name: str) -> str | None:
        value = cells.get(names[name]) if name in names else None
        if value is None:
            return None
        value = str(value).strip()
        return value or None

    used = set(names.values())
    return RawRecord(
        source=source,
        # Same line ends as decoded files (JSON strings may carry \r\n).
        text=cells[names["text"]].replace("\r\n", "\n").replace("\r", "\n"),
        format=fmt,
        title=get("title"),
        url=get("url"),
        author=get("author"),
        published_hint=get("date"),
        outlet_hint=get("outlet"),
        extra={"row_number": number, "fields": {k: v for k, v in cells.items() if k not in used}},
    )


def read_csv(
    path: str, lines: Iterable[str], columns: ColumnMapping | None, max_bytes: int,
    tsv: bool = False,
) -> Iterator[RawRecord | InputError]:
    """Rows of a decoded CSV/TSV file, streamed; the row reference is the id column or the
    row number. The size limit applies to each field, not the file, as for JSONL lines."""
    lines = iter(lines)
    first_line = next(lines, "")
    delimiter = "\t" if tsv else max(_DELIMITERS, key=first_line.count)
    # Articles are long: csv's 128 KB field cap becomes the per-record limit (a process-wide
    # setting, so it is set for each file as its reading starts).
    csv.field_size_limit(max_bytes)
    reader = csv.reader(chain([first_line], lines), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except csv.Error as err:
        yield InputError(path, f"malformed CSV header ({err})")
        return
    names = resolve_columns(header, columns)
    if isinstance(names, str):
        yield InputError(path, names)
        return
    count = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            # The reader cannot resynchronise after a broken quote: stop the file here.
            if "field larger than field limit" in str(err):
                limit = human_size(max_bytes)
                reason = f"a field is over the {limit} limit; raise it with --max-mb"
            else:
                reason = f"malformed CSV ({err})"
            yield InputError(path, f"line {reader.line_num}: {reason}")
            return
        count += 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield InputError(
                path, f"row {count}: has {len(row)} fields, the header has {len(header)}"
            )
            continue
        cells = dict(zip(header, row, strict=True))
        yield _checked(path, cells, names, "csv", count, f"row {count}")
    if count == 0:
        yield InputError(path, "no data rows under the header")


def read_jsonl(
    path: str, stream: IO[bytes], columns: ColumnMapping | None, max_bytes: int
) -> Iterator[RawRecord | InputError]:
    """Lines of a JSONL file, streamed: the size limit applies to each line, not the file."""
    number = 0
    seen_any = False
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            break
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            stream.readline()  # skip the rest of the oversized line
            limit = human_size(max_bytes)
            yield InputError(
                path, f"line {number}: record is over the {limit} limit; raise it with --max-mb"
            )
            continue
        if number == 1 and looks_binary(raw[:SNIFF_BYTES]):
            yield InputError(path, "binary file, not text")
            return
        if not raw.strip():
            continue
        seen_any = True
        yield _json_line(path, raw, number, columns)
    if not seen_any:
        yield InputError(path, "empty file")


def _json_line(
    path: str, raw: bytes, number: int, columns: ColumnMapping | None
) -> RawRecord | InputError:
    where = f"line {number}"
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            line = decode_bytes(raw, path)
        except InputError as err:
            return InputError(path, f"{where}: {err.reason}")
    try:
        obj = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as err:
        return InputError(path, f"{where}: truncated or invalid JSON ({err.msg})")
    if not isinstance(obj, dict):
        return InputError(path, f"{where}: expected a JSON object, got {type(obj).__name__}")
    names = resolve_columns(list(obj), columns, noun="field")
    if isinstance(names, str):
        return InputError(path, f"{where}: {names}")
    if not isinstance(obj[names["text"]], str):
        return InputError(path, f"{where}: field '{names['text']}' is not a string")
    return _checked(path, obj, names, "jsonl", number, where)


def _checked(
    path: str, cells: Mapping[str, Any], names: Mapping[str, str], fmt: str, number: int, where: str
) -> RawRecord | InputError:
    """The row's record, or an error when its text cell is empty."""
    if not str(cells[names["text"]] or "").strip():
        return InputError(path, f"{where}: empty '{names['text']}'")
    ident = cells.get(names["id"]) if "id" in names else None
    row = str(ident).strip() if ident not in (None, "") else str(number)
    return _record(cells, names, SourceRef(path, row=row), fmt, number)
