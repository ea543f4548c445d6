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
