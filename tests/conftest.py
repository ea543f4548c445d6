"""Shared fixtures: the real spaCy model (loaded once), ../shared when present, stores in tmp."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Rich sizes its consoles when palmyra.cli is imported: give CLI tests room for whole titles.
os.environ.setdefault("COLUMNS", "200")
# A technique model the developer trained into their cache folder must not change what the
# tests see: tests that want one point this at the model they trained.
os.environ["PALMYRA_TECHNIQUES_MODEL"] = str(Path(__file__).parent / "no-technique-model")
# Gazetteers come from the files, as before the disk cache: a developer's cache folder must
# not decide what the tests see (tests/engines/test_disk_cache.py turns it on).
os.environ["PALMYRA_CACHE_DIR"] = "off"

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout; tests that need it skip cleanly on a user's fresh clone."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"{SHARED} is absent (it sits beside the checkout in CI only)")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    import spacy

    from palmyra.pipeline import SPACY_MODEL

    return spacy.load(SPACY_MODEL)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


# Four real FA-KES articles of the demo corpus (demo/SOURCE.md): the Rashidin convoy bombing
# (Al-Ahram, 126 killed), the Salaheddin bomb four days later (Al-Manar, six killed), a report
# of "more than 120" killed (Asharq Al-Awsat), and Sputnik on al-Qaryatayn ("Daesh", the
# "US-Led Coalition", "from 2000 to a few hundred").
DEMO_ROWS = ("1923848126", "1926478982", "1918150028", "1965495348")
DEMO_CSV = Path(__file__).resolve().parents[1] / "demo" / "fakes-demo.csv"


@pytest.fixture(scope="session")
def demo_rows_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four demo articles above, as a FA-KES CSV of their own."""
    import csv

    with DEMO_CSV.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = [r for r in reader if r["unit_id"] in DEMO_ROWS]
        fields = reader.fieldnames or []
    path = tmp_path_factory.mktemp("demo-rows") / "fakes-demo.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="session")
def demo_store(demo_rows_csv: Path) -> Path:
    """A store of the four demo articles, analysed and linked by ``palmyra.api.analyze``."""
    from palmyra import api

    path = demo_rows_csv.parent / "demo.duckdb"
    summary = api.analyze([demo_rows_csv], path)
    assert summary.stored == len(DEMO_ROWS), summary.failures
    return path
