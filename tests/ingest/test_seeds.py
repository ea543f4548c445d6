"""The real dev seeds beside the checkout (../shared): titles, bylines, body ends, comments.

Skipped where ``../shared`` is absent; the seed texts are never copied into the repo.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from palmyra.errors import InputError
from palmyra.ingest import build_document, iter_records
from palmyra.model import Document, Outlet

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SEEDS.is_dir(), reason=f"no seeds at {SEEDS}"),
]
OUTLETS = (
    Outlet("Proletarian", furniture=("Proletarian writers",), domains=("proletarian.org.uk",)),
    Outlet("World Socialist Web Site", aliases=("WSWS",), domains=("wsws.org",)),
)
TITLES = {
    "000": "Syria: Palmyra liberated",
    "001": "Patriotic forces consolidate their gains",
    "002": "Historic city of Palmyra falls to Syrian government forces",
    "003": "Syria: The liberation of Aleppo",
    "004": "Syria Audio Analysis: Why Palmyra is Not Quite “Assad’s Victory”",
}
BODY_END_TOLERANCE = 200


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    out = {}
    for record in iter_records([SEEDS]):
        assert not isinstance(record, InputError), str(record)
        out[Path(record.source.path).name[:3]] = build_document(record, OUTLETS)
    return out


def _gold(prefix: str) -> dict:
    (path,) = (SHARED / "gold" / "dev").glob(f"{prefix}_*.gold.json")
    return json.loads(path.read_text(encoding="utf-8"))


def test_seeds_titles(docs: dict[str, Document]) -> None:
    assert {k: d.title for k, d in docs.items()} == TITLES
    for d in docs.values():
        assert d.text[d.title_span.start : d.title_span.end] == d.title


def test_seeds_002_byline(docs: dict[str, Document]) -> None:
    doc = docs["002"]
    assert doc.author == "Thomas Gaist"
    assert doc.published is not None and doc.published.value == "2016-03-28"
    assert doc.outlet == "World Socialist Web Site"


@pytest.mark.parametrize("prefix", ["002", "004"])
def test_seeds_body_end_matches_gold(docs: dict[str, Document], prefix: str) -> None:
    gold = _gold(prefix)
    assert docs[prefix].body_end is not None
    assert abs(docs[prefix].body_end - gold["body_end"]) <= BODY_END_TOLERANCE


def test_seeds_004_comments_are_the_thread_only(docs: dict[str, Document]) -> None:
    doc = docs["004"]
    assert doc.comments
    assert all(c.start >= doc.body.end for c in doc.comments)
    for point in ("1. The defeat is", "2. This is not quite", "3. Commentary in much"):
        offset = doc.text.index(point)
        assert doc.body.start <= offset < doc.body.end
        assert not any(c.start <= offset < c.end for c in doc.comments)
        assert point in doc.clean.text


def test_seeds_no_furniture_in_clean_text(docs: dict[str, Document]) -> None:
    for doc in docs.values():
        assert "Subscribe to our channel" not in doc.clean.text
        assert "Proletarian writers" not in doc.clean.text
        assert "[link" not in doc.clean.text and "[/link]" not in doc.clean.text
        assert "PHOTO:" not in doc.clean.text
        assert "Comments are closed" not in doc.clean.text
        assert "wsws.org/contact" not in doc.clean.text


def test_seeds_spans_slice_back(docs: dict[str, Document]) -> None:
    for doc in docs.values():
        assert "".join(doc.text[s:e] for s, e in doc.clean.segments) == doc.clean.text
        for span in [doc.body, *doc.comments, *doc.removed]:
            assert 0 <= span.start <= span.end <= len(doc.text)
