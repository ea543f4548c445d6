"""The disk cache of the gazetteers: the same facts from a built, a written and a read
gazetteer, and a corrupt or stale entry rebuilt, never read."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from palmyra import api, disk_cache
from palmyra.annotate import gazetteer

from .corpus import write_corpus
from .facts_dump import stored_facts

DOCS = 16  # the first articles of the engine tests' corpus (the FA-KES demo)


def _corpus(tmp: Path) -> Path:
    full = write_corpus(tmp / "full.csv")
    with open(full, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))[:DOCS]
    path = tmp / "corpus.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _facts(corpus: Path, store: Path) -> dict[str, list[tuple]]:
    """The corpus analysed in this process, with the gazetteers loaded anew (from the cache
    folder the environment names, or built)."""
    gazetteer._load.cache_clear()
    gazetteer._load_union.cache_clear()
    gazetteer._fuzzy.cache_clear()
    summary = api.analyze([corpus], store, batch_size=8, workers=1)
    assert summary.stored == DOCS and not summary.failures
    return stored_facts(store)


def test_cached_gazetteers_give_identical_facts_and_survive_corrupt_entries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, cache = _corpus(tmp_path), tmp_path / "cache"
    monkeypatch.setenv(disk_cache.ENV, "off")
    built = _facts(corpus, tmp_path / "off.duckdb")
    assert not cache.exists()

    monkeypatch.setenv(disk_cache.ENV, str(cache))
    assert _facts(corpus, tmp_path / "written.duckdb") == built  # built, then written
    entries = sorted(cache.glob("*.pickle"))
    # --profile auto: the union of every profile's places, and the chosen Syria profile's
    assert [e.name.split("-")[1] for e in entries].count("union") == 1 and len(entries) >= 2
    sizes = {e: e.stat().st_size for e in entries}
    assert _facts(corpus, tmp_path / "read.duckdb") == built  # read back from the entries
    assert sorted(cache.glob("*.pickle")) == entries

    # a truncated entry, a header with garbage after it, bytes that are no entry at all
    for n, entry in enumerate(entries):
        data = entry.read_bytes()
        entry.write_bytes([data[: len(data) // 2], data[: data.index(b"\n", 20) + 1] + b"\x80junk",
                           b"not a cache entry"][n % 3])
    assert _facts(corpus, tmp_path / "corrupt.duckdb") == built
    # each was rebuilt and written again whole
    assert {e: e.stat().st_size for e in sorted(cache.glob("*.pickle"))} == sizes


def test_entry_is_rebuilt_for_another_key_and_the_old_one_removed(tmp_path: Path,
                                                                 monkeypatch) -> None:
    monkeypatch.setenv(disk_cache.ENV, str(tmp_path))
    calls: list[int] = []

    def build(n: int):
        return lambda: calls.append(n) or {"value": n}

    assert disk_cache.cached("thing", "a" * 64, build(1)) == {"value": 1}
    assert disk_cache.cached("thing", "a" * 64, build(2)) == {"value": 1}  # read, not built
    assert disk_cache.cached("thing", "b" * 64, build(3)) == {"value": 3}  # files changed
    assert calls == [1, 3]
    assert [p.name for p in tmp_path.glob("thing-*")] == [f"thing-{'b' * 32}.pickle"]
    # an entry renamed under another key is not trusted: its own key is inside it
    (tmp_path / f"thing-{'b' * 32}.pickle").rename(tmp_path / f"thing-{'c' * 32}.pickle")
    assert disk_cache.cached("thing", "c" * 64, build(4)) == {"value": 4}


def test_cache_off_or_unwritable_changes_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(disk_cache.ENV, "off")
    assert disk_cache.cache_dir() is None
    assert disk_cache.cached("thing", "a" * 64, lambda: 5) == 5
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv(disk_cache.ENV, str(blocker / "cache"))
    assert disk_cache.cached("thing", "a" * 64, lambda: 6) == 6
    assert disk_cache.cached("thing", "a" * 64, lambda: 7) == 7  # nothing could be written


def test_key_covers_the_bytes_of_every_file(tmp_path: Path) -> None:
    f = tmp_path / "places.yaml"
    f.write_text("places: []\n")
    before = disk_cache.key_of([f], ["palmyra.disk_cache"])
    assert disk_cache.key_of([f], ["palmyra.disk_cache"]) == before
    f.write_text("places: [] \n")
    assert disk_cache.key_of([f], ["palmyra.disk_cache"]) != before
    assert disk_cache.key_of([f], ["palmyra.disk_cache"], extra="x") != disk_cache.key_of(
        [f], ["palmyra.disk_cache"])
