"""A wire credit before a row's dateline: the text's date wins over the file's date column."""

from __future__ import annotations

import pytest

from palmyra.ingest import build_document
from palmyra.ingest.records import RawRecord
from palmyra.model import SourceRef

TITLE = "Strikes kill 12 in Idlib Monitor"


@pytest.mark.parametrize(
    ("after_title", "published", "removed"),
    [
        ("AFP Saturday 24 Sep 2016 At least", "2016-09-24", "AFP Saturday 24 Sep 2016"),
        ("Saturday 24 Sep 2016 At least", "2016-09-24", "Saturday 24 Sep 2016"),
        ("UN officials said at least", "2016-09-06", None),  # capitals, but no date: column
    ],
)
def test_dateline_after_title_with_wire_credit(after_title, published, removed):
    text = f"{TITLE} {after_title} 12 people were killed on Saturday."
    record = RawRecord(SourceRef("/f.csv", "1"), text, "csv", title=TITLE, published_hint="9/6/16")
    doc = build_document(record)
    assert doc.published is not None and doc.published.value == published
    cut = [text[s.start : s.end] for s in doc.removed]
    assert (removed in cut) if removed else cut == []
