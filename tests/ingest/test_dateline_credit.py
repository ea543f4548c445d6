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


@pytest.mark.parametrize(
    ("opening", "published"),
    [
        ("ADEN, March 14, 2021 (Reuters) - A drone struck a petrol station.", "2021-03-14"),
        ("SANAA, Yemen, Jan. 12, 2024 (AP) — Warplanes struck Sanaa.", "2024-01-12"),
        ("MOSCOW, February 17, 2024 /TASS/ - Troops took the town.", "2024-02-17"),
        ("KURSK, 9 Aug 2024 - RIA Novosti. Units repelled an incursion.", "2024-08-09"),
        ("KHARKIV, Ukraine, May 14 (Reuters) - Troops entered the town.", None),  # no year
        ("Aleppo, March 14, 2021 was a day of strikes.", None),  # no agency and dash: prose
    ],
)
def test_a_wire_dateline_after_its_place_is_the_publication_date(opening, published):
    text = f"Strikes hit the city\n\n{opening} Nine were killed.\n"
    doc = build_document(RawRecord(SourceRef("/w.txt", None), text, "text"))
    assert (doc.published.value if doc.published else None) == published
    assert opening.split(",")[0] in doc.clean.text  # the wire's place stays in the prose
