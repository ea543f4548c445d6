"""Walk the paths a user gives and read every article in them.

``iter_records`` never raises for bad input: each unreadable file, row or
line comes out as an ``InputError`` in the stream, between the good records,
so a batch can log it and carry on.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from palmyra.errors import InputError
from palmyra.ingest.encoding import decode_bytes, file_codec, human_size
from palmyra.ingest.html import declared_charset, html_record, looks_like_html
from palmyra.ingest.records import RawRecord
from palmyra.ingest.tabular import ColumnMapping, read_csv, read_jsonl
from palmyra.ingest.warc import read_warc
from palmyra.model import SourceRef

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

# File suffix -> reader kind. Files without a suffix are sniffed (text, HTML or WARC).
KINDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".warc": "warc",
    ".warc.gz": "warc",
}
# Readers that stream their file and apply the size limit per record instead.
STREAMED = {"jsonl", "warc", "csv", "tsv"}

Item = RawRecord | InputError


def iter_records(
    paths: Sequence[str | Path],
    columns: ColumnMapping | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Item]:
    """Every article record in ``paths``, with an ``InputError`` for each bad file, row or line.

    Args:
        paths: files and folders; folders are walked recursively in name
            order, skipping hidden entries and files of unknown type.
        columns: column/key mapping for CSV and JSONL (``None`` = detect,
            FA-KES included).
        max_bytes: files read whole (text, HTML, CSV) larger than this are
            refused unread; JSONL and WARC are streamed and the limit applies
            to each line or page.
    """
    for item in iter_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from _read(item[0], item[1], columns, max_bytes)


def iter_files(paths: Sequence[str | Path]) -> Iterator[tuple[Path, str] | InputError]:
    """Every readable file in ``paths`` with its reader kind, in the order ``iter_records``
    reads them, and an ``InputError`` for each missing path or file of unknown type given
    by name (inside folders those are skipped). Lets a reader be run per file (Ray)."""
    seen: set[str] = set()
    for path in paths:
        for item in _walk(Path(path), seen):
            if isinstance(item, InputError):
                yield item
                continue
            file, explicit = item
            kind = kind_of(file)
            if kind is None:
                if explicit:
                    yield InputError(
                        str(file), f"unsupported file type '{_suffix(file)}' ({_supported()})"
                    )
                continue
            yield file, kind


def count_hint(paths: Sequence[str | Path], limit: int = 1_000_000) -> int | None:
    """How many records ``paths`` hold, when that is cheap to know: the number of files
    when every one is a single article; ``None`` when a CSV, JSONL or WARC file (many
    records each) is among them or there are more than ``limit`` files. For progress."""
    n = 0
    for item in iter_files(paths):
        if isinstance(item, InputError):
            n += 1
        elif item[1] in ("csv", "tsv", "jsonl", "warc") or n >= limit:
            return None
        else:
            n += 1
    return n


def read_file(
    path: Path, kind: str, columns: ColumnMapping | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Item]:
    """The records of one file found by ``iter_files`` (its errors in the stream)."""
    return _read(path, kind, columns, max_bytes)


def kind_of(path: Path) -> str | None:
    """Reader kind from the file name; ``"sniff"`` for names without a suffix."""
    suffix = _suffix(path)
    if not suffix:
        return "sniff"
    return KINDS.get(suffix)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def _supported() -> str:
    return "expected " + ", ".join(KINDS) + " or no suffix"


def _walk(
    path: Path, seen: set[str], explicit: bool = True
) -> Iterator[tuple[Path, bool] | InputError]:
    """Files under ``path`` in sorted order; directories are entered once (symlink loops)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        yield InputError(str(path), "no such file or directory")
        return
    except PermissionError:
        yield InputError(str(path), "permission denied")
        return
    except OSError as err:
        yield InputError(str(path), err.strerror or str(err))
        return
    if not stat.S_ISDIR(info.st_mode):
        yield path, explicit
        return
    real = os.path.realpath(path)
    if real in seen:
        return
    seen.add(real)
    try:
        names = sorted(os.listdir(path))
    except PermissionError:
        yield InputError(str(path), "permission denied: cannot read directory")
        return
    except OSError as err:
        yield InputError(str(path), f"cannot read directory ({err.strerror or err})")
        return
    for name in names:
        if not name.startswith("."):
            yield from _walk(path / name, seen, explicit=False)


def _read(path: Path, kind: str, columns: ColumnMapping | None, max_bytes: int) -> Iterator[Item]:
    where = str(path)
    if kind in STREAMED:
        yield from _streamed(where, kind, columns, max_bytes)
        return
    data = _read_whole(where, max_bytes)
    if isinstance(data, InputError):
        yield data
        return
    if kind == "sniff" and data.startswith(b"WARC/"):
        yield from read_warc(where, max_bytes)
        return
    try:
        text = decode_bytes(data, where, declared_charset(data) if kind == "html" else None)
        if kind == "html" or looks_like_html(text):
            yield html_record(text, SourceRef(where))
        else:
            yield RawRecord(source=SourceRef(where), text=text, format="text")
    except InputError as err:
        yield err


def _streamed(
    where: str, kind: str, columns: ColumnMapping | None, max_bytes: int
) -> Iterator[Item]:
    if kind == "warc":
        yield from read_warc(where, max_bytes)
        return
    try:
        if kind in ("csv", "tsv"):
            codec = file_codec(where)
            # Universal newlines: \r\n and \r read as \n, as decode_bytes gives them.
            with open(where, encoding=codec, newline=None) as lines:
                yield from read_csv(where, lines, columns, max_bytes, tsv=kind == "tsv")
            return
        with open(where, "rb") as stream:
            yield from read_jsonl(where, stream, columns, max_bytes)
    except InputError as err:
        yield err
    except PermissionError:
        yield InputError(where, "permission denied: cannot read file")
    except OSError as err:
        yield InputError(where, f"cannot read file ({err.strerror or err})")


def _read_whole(where: str, max_bytes: int) -> bytes | InputError:
    """The file's bytes, or an error; a file over the limit is refused without reading it."""
    try:
        size = os.stat(where).st_size
        if size > max_bytes:
            over = f"file is {human_size(size)}, over the {human_size(max_bytes)} limit"
            return InputError(where, f"{over}; raise it with --max-mb")
        with open(where, "rb") as stream:
            return stream.read(max_bytes + 1)
    except PermissionError:
        return InputError(where, "permission denied: cannot read file")
    except IsADirectoryError:
        return InputError(where, "is a directory")
    except OSError as err:
        return InputError(where, f"cannot read file ({err.strerror or err})")
