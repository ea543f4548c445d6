"""Walking paths and dispatching files: every bad input is an InputError in the stream."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from palmyra.errors import InputError
from palmyra.ingest import RawRecord, iter_records

ARTICLE = "Army enters desert town\n\nTroops entered the town on Tuesday, a military source said.\n"


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _errors(items: list) -> list[str]:
    return [str(i) for i in items if isinstance(i, InputError)]


def test_sources_walks_folders_sorted_and_skips_hidden_and_unknown(tmp_path: Path) -> None:
    _write(tmp_path / "b" / "002.txt", ARTICLE)
    _write(tmp_path / "a.md", ARTICLE)
    _write(tmp_path / "c.html", "<html><body><p>" + "Shelling hit the old market on Friday. " * 5)
    _write(tmp_path / "README", ARTICLE)
    _write(tmp_path / ".hidden.txt", ARTICLE)
    _write(tmp_path / ".git" / "x.txt", ARTICLE)
    _write(tmp_path / "002.txt.gold.json", "{}")
    _write(tmp_path / "table.xlsx", b"PK\x03\x04")
    items = list(iter_records([tmp_path]))
    assert _errors(items) == []
    names = [Path(i.source.path).relative_to(tmp_path).as_posix() for i in items]
    assert names == ["README", "a.md", "b/002.txt", "c.html"]
    assert [i.format for i in items] == ["text", "text", "text", "html"]


def test_sources_text_record_keeps_decoded_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", ARTICLE.replace("\n", "\r\n").encode("cp1252"))
    (record,) = list(iter_records([path]))
    assert isinstance(record, RawRecord)
    assert record.text == ARTICLE
    assert record.source.path == str(path) and record.source.row is None


def test_sources_sniffs_html_without_suffix(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><body><p>" + "Air strikes hit a bakery in the north. " * 4
    (record,) = list(iter_records([_write(tmp_path / "page", page)]))
    assert record.format == "html"
    assert "bakery" in record.text


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"\n \n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "binary file, not text"),
        ("noext", b"\x00\x01\x02\x03" * 100, "binary file, not text"),
        ("empty.jsonl", b"", "empty file"),
        ("binary.jsonl", b"\x00\x01{}" * 50, "binary file, not text"),
        ("empty.csv", b"", "empty file"),
        ("table.xlsx", b"PK\x03\x04", "unsupported file type '.xlsx'"),
    ],
)
def test_sources_bad_file_gives_one_error(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = _write(tmp_path / name, data)
    items = list(iter_records([path]))
    assert len(items) == 1
    assert isinstance(items[0], InputError)
    assert items[0].path == str(path)
    assert items[0].reason.startswith(reason)


def test_sources_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "a.txt"
    (err,) = list(iter_records([missing]))
    assert str(err) == f"{missing}: no such file or directory"


def test_sources_large_file_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as stream:
        stream.truncate(int(52.4 * 1024 * 1024))  # sparse: instant and takes no disk
    (err,) = list(iter_records([big]))
    assert err.reason == "file is 52.4 MB, over the 50 MB limit; raise it with --max-mb"


def test_sources_small_limit(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", ARTICLE)
    (err,) = list(iter_records([path], max_bytes=10))
    assert (
        err.reason
        == f"file is {len(ARTICLE)} bytes, over the 10 bytes limit; raise it with --max-mb"
    )
    (ok,) = list(iter_records([path], max_bytes=len(ARTICLE)))
    assert isinstance(ok, RawRecord)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads directories whatever their mode")
def test_sources_unreadable_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    _write(locked / "a.txt", ARTICLE)
    good = _write(tmp_path / "z.txt", ARTICLE)
    locked.chmod(0)
    try:
        items = list(iter_records([locked, good]))
    finally:
        locked.chmod(0o755)
    assert str(items[0]) == f"{locked}: permission denied: cannot read directory"
    assert isinstance(items[1], RawRecord)


def test_sources_directory_listing_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same path as the chmod test, reachable when the tests run as root."""
    locked = tmp_path / "locked"
    _write(locked / "a.txt", ARTICLE)
    real_listdir = os.listdir

    def listdir(path: str | Path) -> list[str]:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_listdir(path)

    monkeypatch.setattr(os, "listdir", listdir)
    (err,) = list(iter_records([tmp_path]))
    assert str(err) == f"{locked}: permission denied: cannot read directory"


def test_sources_bad_files_do_not_stop_the_batch(tmp_path: Path) -> None:
    _write(tmp_path / "1.txt", ARTICLE)
    _write(tmp_path / "2.txt", b"")
    _write(tmp_path / "3.jsonl", '{"text": "Fighting resumed near the airport."}\n{"text": \n')
    _write(tmp_path / "4.txt", b"\x00\x00")
    _write(tmp_path / "5.txt", ARTICLE)
    items = list(iter_records([tmp_path, tmp_path / "missing.txt"]))
    kinds = [type(i).__name__ for i in items]
    assert kinds == [
        "RawRecord",
        "InputError",
        "RawRecord",
        "InputError",
        "InputError",
        "RawRecord",
        "InputError",
    ]
