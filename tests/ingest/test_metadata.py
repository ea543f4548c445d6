"""Metadata: titles, bylines, publication dates with precision, and the outlet chain."""

from __future__ import annotations

import pytest

from palmyra.ingest import RawRecord, build_document
from palmyra.ingest.dates import date_line, parse_hint
from palmyra.model import DateValue, Document, Outlet, SourceRef

OUTLETS = (
    Outlet("Proletarian", furniture=("Proletarian writers",), domains=("proletarian.org.uk",)),
    Outlet("World Socialist Web Site", aliases=("WSWS",), domains=("wsws.org",)),
    Outlet("SANA", aliases=("sana",), domains=("sana.sy",)),
)
BODY = "Troops entered the desert town of Sukhna on Tuesday, a military source said in a statement."


def _doc(text: str, fmt: str = "text", **hints: str) -> Document:
    return build_document(RawRecord(SourceRef("m.txt"), text, fmt, **hints), OUTLETS)


@pytest.mark.parametrize(
    ("written", "value", "precision"),
    [
        ("28 March 2016", "2016-03-28", "day"),
        ("March 28, 2016", "2016-03-28", "day"),
        ("Wed 05 Apr 2017", "2017-04-05", "day"),
        ("Wednesday 07 December 2016", "2016-12-07", "day"),
        ("Fri Sep 27 2013", "2013-09-27", "day"),
        ("Published: 3rd June 2015", "2015-06-03", "day"),
        ("Date of publication 26 November 2017", "2017-11-26", "day"),
        ("Last updated at Apr 232017", "2017-04-23", "day"),
        ("Thursday 31 July 2014 10:59", "2014-07-31", "day"),
        ("August 13 2016 2037 UTC+3", "2016-08-13", "day"),
        ("24.08.2013", "2013-08-24", "day"),
        ("01-08-2016", "2016-08-01", "day"),
        ("2016-03-28", "2016-03-28", "day"),
        ("March 2016", "2016-03", "month"),
    ],
)
def test_metadata_byline_dates(written: str, value: str, precision: str) -> None:
    parsed = date_line(written, "byline")
    assert parsed is not None
    assert (parsed.value, parsed.precision, parsed.rule) == (value, precision, "byline")


def test_metadata_month_precision_bounds() -> None:
    assert date_line("February 2016", "byline") == DateValue(
        "2016-02", "month", "2016-02-01", "2016-02-29", "byline"
    )


@pytest.mark.parametrize(
    "written", ["Sunday", "last week", "31 February 2016", "March 28", "2016", "on Tuesday morning"]
)
def test_metadata_no_date_is_never_guessed(written: str) -> None:
    assert date_line(written, "byline") is None
    assert parse_hint(written, "metadata") is None


@pytest.mark.parametrize(
    ("hint", "value"),
    [
        ("2016-03-28T10:00:00+00:00", "2016-03-28"),
        ("Mon, 28 Mar 2016 10:00:00 GMT", "2016-03-28"),
        ("4/5/17", "2017-04-05"),
        ("12/31/99", "1999-12-31"),
        ("4/5/2017", "2017-04-05"),
    ],
)
def test_metadata_date_hints(hint: str, value: str) -> None:
    parsed = parse_hint(hint, "column")
    assert parsed is not None and parsed.value == value and parsed.rule == "column"


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Maria Okafor", "Maria Okafor"),
        ("By John Smith", "John Smith"),
        ("BY Lina Haddad, Damascus", "Lina Haddad"),
        ("Omar al-Khatib | WSWS", "Omar al-Khatib"),
        ("By Anne-Marie O'Neill and Sami Jaber", "Anne-Marie O'Neill and Sami Jaber"),
        ("Rami Abdel Rahman", "Rami Abdel Rahman"),
    ],
)
def test_metadata_author_lines(byline: str, author: str) -> None:
    text = f"Army enters Sukhna\n\n{byline}\n14 June 2017\n\n{BODY}\n"
    doc = _doc(text)
    assert doc.author == author
    assert doc.published.value == "2017-06-14"
    assert byline in [doc.text[s.start : s.end] for s in doc.removed]
    assert doc.clean.text == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Astana and Geneva",
        "Proletarian writers",
        "The road to Raqqa",
        "WSWS",
        "Islamic State advances.",
    ],
)
def test_metadata_not_author_lines(line: str) -> None:
    doc = _doc(f"Army enters Sukhna\n\n{line}\n\n{BODY}\n")
    assert doc.author is None


def test_metadata_wsws_shape() -> None:
    text = (
        "\n\nArmy pushes into desert town after week of fighting\n\nMaria Okafor\n14 June 2017\n\n"
        f"{BODY}\n\nThe advance follows air strikes on the hills.\n\n\n\n"
        "To contact the WSWS and the\nSocialist Equality Party visit:\n\nwsws.org/contact"
    )
    doc = _doc(text)
    assert doc.title == "Army pushes into desert town after week of fighting"
    assert doc.text[doc.title_span.start : doc.title_span.end] == doc.title
    assert doc.author == "Maria Okafor"
    assert doc.published == DateValue("2017-06-14", "day", "2017-06-14", "2017-06-14", "byline")
    assert doc.outlet == "World Socialist Web Site"
    assert doc.body.start == text.index(BODY)
    assert doc.body.end == text.index("To contact")
    assert doc.clean.text.endswith("air strikes on the hills.")


def test_metadata_outlet_from_outlet_furniture() -> None:
    text = f"Syria: the road east\n\nProletarian writers\n\n{BODY}\n"
    doc = _doc(text)
    assert doc.outlet == "Proletarian"
    assert "Proletarian" not in doc.clean.text


@pytest.mark.parametrize(
    ("hints", "outlet"),
    [
        ({"url": "https://www.sana.sy/en/?p=1"}, "SANA"),
        ({"outlet_hint": "sana"}, "SANA"),
        ({"outlet_hint": "wsws.org"}, "World Socialist Web Site"),
        ({"outlet_hint": "reuters"}, "reuters"),
        ({}, None),
    ],
)
def test_metadata_outlet_chain(hints: dict[str, str], outlet: str | None) -> None:
    assert _doc(f"Army enters Sukhna\n\n{BODY}\n", **hints).outlet == outlet


def test_metadata_fakes_row_dateline_title_body() -> None:
    text = f"Wed 05 Apr 2017 Army enters Sukhna. {BODY} More fighting was reported."
    doc = _doc(text, "csv", title="Army enters Sukhna", outlet_hint="sana", published_hint="4/4/17")
    assert doc.published.value == "2017-04-05" and doc.published.rule == "dateline"
    assert doc.text[doc.title_span.start : doc.title_span.end] == "Army enters Sukhna"
    assert doc.text[doc.body.start : doc.body.end] == f"{BODY} More fighting was reported."
    assert doc.clean.text == f"{BODY} More fighting was reported."
    assert "Wed 05 Apr 2017" in [doc.text[s.start : s.end] for s in doc.removed]
    assert doc.outlet == "SANA"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (f"12 February 2015 {BODY}", "2015-02-12"),
        (f"Posted on April 19 2017 by Staff Army enters Sukhna {BODY}", "2017-04-19"),
        (f"Army enters Sukhna 6 October 2016 Aleppo SANA {BODY}", "2016-10-06"),
    ],
)
def test_metadata_fakes_datelines(text: str, value: str) -> None:
    doc = _doc(text, "csv", title="Army enters Sukhna", published_hint="1/1/11")
    assert doc.published.value == value


def test_metadata_column_date_is_the_fallback() -> None:
    doc = _doc(
        f"Army enters Sukhna {BODY}", "csv", title="Army enters Sukhna", published_hint="4/4/17"
    )
    assert doc.published.value == "2017-04-04" and doc.published.rule == "column"


def test_metadata_body_dates_are_not_publication_dates() -> None:
    doc = _doc(f"Army enters Sukhna\n\n{BODY} The town fell on 28 March 2016.\n")
    assert doc.published is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("# Army enters Sukhna\n\nBody text here.\n", "Army enters Sukhna"),
        ("14 June 2017\nArmy enters Sukhna\n\nBody text here.\n", "Army enters Sukhna"),
        ("Subscribe to our channel\nArmy enters Sukhna\n\nBody text here.\n", "Army enters Sukhna"),
        (BODY * 4 + "\n", None),
        # A lead sentence as the first paragraph is body, not a headline.
        (
            "Two suicide bombers blew themselves up in a crowded market in the southern"
            " suburbs on Thursday, killing at least 40 people.\n\nMore text here.\n",
            None,
        ),
        (
            "ISIS kills more than 50 in central Syria attack.\n\nBody text here.\n",
            "ISIS kills more than 50 in central Syria attack.",
        ),
    ],
)
def test_metadata_titles(text: str, title: str | None) -> None:
    doc = _doc(text)
    assert doc.title == title
    if title:
        assert doc.text[doc.title_span.start : doc.title_span.end] == title


def test_metadata_date_before_title_is_read() -> None:
    doc = _doc("14 June 2017\nArmy enters Sukhna\n\nBody text here.\n")
    assert doc.published.value == "2017-06-14"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (f"Army enters Sukhna\n\nFri 07 Apr 2017 at 0914 {BODY}\n", "2017-04-07"),
        # the paragraph repeats the title, without its punctuation and site suffix
        (f"Army's push: Sukhna - World - Ahram Online\n\nArmys push Sukhna AFP Sunday 25 May"
         f" 2014 {BODY}\n", "2014-05-25"),
    ],
)
def test_metadata_text_file_paragraph_dateline(text: str, value: str) -> None:
    doc = _doc(text)
    assert doc.published.value == value and doc.published.rule == "dateline"
    assert doc.clean.text.strip().endswith(BODY)


def test_metadata_text_file_date_later_in_first_paragraph_is_not_a_dateline() -> None:
    doc = _doc(f"Army enters Sukhna\n\n{BODY} It was 07 Apr 2017.\n")
    assert doc.published is None


@pytest.mark.parametrize(
    "written",
    ["28 March 2016", "March 28, 2016", "5 Sept. 2015", "1st June 2014", "29 February 2016"],
)
def test_metadata_byline_and_text_read_a_full_date_alike(written: str) -> None:
    """One absolute-date parser: the byline reader and the dates annotator give one day."""
    from palmyra.annotate.dates import find_dates

    in_text = [v.value for _, _, v in find_dates(f"The strike came on {written}.")]
    assert in_text == [parse_hint(written, "t").value]


@pytest.mark.parametrize("written", ["31 April 2016", "29 February 2015", "0 March 2016"])
def test_metadata_impossible_days_are_no_date(written: str) -> None:
    assert parse_hint(written, "t") is None
