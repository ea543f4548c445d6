"""build_document: ids, spans that slice back, errors for records without article text."""

from __future__ import annotations

import pickle

import pytest

from palmyra.errors import InputError
from palmyra.ingest import RawRecord, build_document, document_id
from palmyra.model import SourceRef, to_dict

ARTICLE = (
    "Army enters Sukhna\n\nBy John Smith\n14 June 2017\n\n"
    "Troops entered the desert town of Sukhna on Tuesday, a military source said.\n\n"
    "PHOTO: Smoke over the town\n\n"
    "Residents said the market had been shelled ([link href=””]Market shelled again[/link]).\n\n"
    "Share this:\n\nClick to share on Twitter (Opens in new window)\n"
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Troops entered Sukhna.\n\nThey met no resistance.",
            "Troops entered Sukhna.\r\n\r\nThey met no resistance.",
        ),
        ("Troops  entered\tSukhna.", "  Troops entered Sukhna.\n"),
        ("Ｔroops entered Sukhna.", "Troops entered Sukhna."),
    ],
)
def test_build_id_ignores_spacing_and_width(a: str, b: str) -> None:
    assert document_id(a) == document_id(b)
    assert len(document_id(a)) == 16 and int(document_id(a), 16) >= 0


def test_build_id_differs_for_different_text() -> None:
    assert document_id("Troops entered Sukhna.") != document_id("Troops left Sukhna.")


def test_build_document_spans_slice_back() -> None:
    record = RawRecord(SourceRef("a.txt"), ARTICLE, "text")
    doc = build_document(record)
    assert doc.id == document_id(ARTICLE)
    assert doc.sources == [record.source] and doc.format == "text"
    assert doc.text[doc.title_span.start : doc.title_span.end] == "Army enters Sukhna"
    assert doc.text[doc.body.start : doc.body.start + 6] == "Troops"
    assert doc.body.end == ARTICLE.index("Share this:")
    assert {doc.text[s.start : s.end] for s in doc.removed} >= {
        "By John Smith",
        "14 June 2017",
        "PHOTO: Smoke over the town",
        "[link href=””]",
        "[/link]",
        "Share this:",
    }
    assert doc.clean.text == (
        "Troops entered the desert town of Sukhna on Tuesday, a military source said.\n\n"
        "Residents said the market had been shelled (Market shelled again)."
    )
    assert all(s.doc_id == doc.id for s in [doc.body, doc.title_span, *doc.removed])
    span = doc.clean.span(doc.id, doc.clean.text.index("Market"), doc.clean.text.index(" again"))
    assert doc.text[span.start : span.end] == "Market shelled"


def test_build_is_pure_and_picklable() -> None:
    record = RawRecord(SourceRef("a.txt"), ARTICLE, "text")
    first, second = build_document(record), build_document(record)
    assert to_dict(first) == to_dict(second)
    assert to_dict(pickle.loads(pickle.dumps(first))) == to_dict(first)


@pytest.mark.parametrize(
    ("text", "row", "reason"),
    [
        ("   \n\t ", None, "no text"),
        (
            "Subscribe to our channel\n\nShare this:\n",
            None,
            "no article text (only furniture or whitespace)",
        ),
        ("  \n", "17", "row 17: no text"),
    ],
)
def test_build_rejects_records_without_text(text: str, row: str | None, reason: str) -> None:
    with pytest.raises(InputError) as err:
        build_document(RawRecord(SourceRef("x.csv", row), text, "csv"))
    assert err.value.path == "x.csv"
    assert err.value.reason == reason


def test_build_headline_only_record_keeps_the_headline() -> None:
    text = "30 October 2016 Twelve hurt in rocket attack on city market"
    record = RawRecord(
        SourceRef("f.csv", "9"), text, "csv", title="Twelve hurt in rocket attack on city market"
    )
    doc = build_document(record)
    assert doc.text[doc.body.start : doc.body.end] == "Twelve hurt in rocket attack on city market"
    assert doc.clean.text == "Twelve hurt in rocket attack on city market"
    assert doc.published.value == "2016-10-30"


def test_build_record_author_wins_over_byline() -> None:
    record = RawRecord(SourceRef("p.html"), ARTICLE, "html", author="Jane Roe")
    assert build_document(record).author == "Jane Roe"
