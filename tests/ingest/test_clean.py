"""Cleaning: furniture, link markup and repeated byline blocks dropped; offsets map exactly."""

from __future__ import annotations

import pytest

from palmyra.errors import ProfileError
from palmyra.ingest import RawRecord, build_document
from palmyra.ingest.clean import (
    clean_text,
    merge,
    parse_patterns,
    repeated_block,
    rules_for,
    subtract,
)
from palmyra.model import Document, Outlet, SourceRef

BODY_1 = "Troops entered the desert town of Sukhna on Tuesday, a military source said."
BODY_2 = "Residents said the market had been shelled for three days before the advance."


def _doc(text: str, outlets: tuple[Outlet, ...] = ()) -> Document:
    return build_document(RawRecord(SourceRef("t.txt"), text, "text"), outlets)


def _removed(doc: Document) -> list[str]:
    return [doc.text[s.start : s.end] for s in doc.removed]


def _assert_clean_maps_back(doc: Document) -> None:
    """Every kept segment is original text, in order, inside the body."""
    assert doc.clean is not None and doc.body is not None
    assert "".join(doc.text[s:e] for s, e in doc.clean.segments) == doc.clean.text
    for s, e in doc.clean.segments:
        assert doc.body.start <= s < e <= doc.body.end
    for i in range(len(doc.clean.text)):
        assert doc.text[doc.clean.to_original(i)] == doc.clean.text[i]


@pytest.mark.parametrize(
    "furniture",
    [
        "Subscribe to our channel",
        "Share this:",
        "Click to share on Twitter (Opens in new window)",
        "Related posts",
        "Leave a reply",
        "PHOTO: Smoke rises over the old quarter",
        "Photo: Reuters",
        "Comments are closed, but trackbacks and pingbacks are open.",
        "Reply",
        "Advertisement",
        "To contact the WSWS and the\nSocialist Equality Party visit:\n\nwsws.org/contact",
    ],
)
def test_clean_drops_furniture(furniture: str) -> None:
    text = f"Army enters Sukhna\n\n{BODY_1}\n\n{furniture}\n\n{BODY_2}\n"
    doc = _doc(text)
    assert furniture in _removed(doc)
    assert furniture.split()[0] not in doc.clean.text.replace("Sukhna", "")
    assert BODY_1 in doc.clean.text
    _assert_clean_maps_back(doc)


def test_clean_outlet_furniture_comes_from_the_profile() -> None:
    text = f"Army enters Sukhna\n\nCourier staff\n\n{BODY_1}\n\n{BODY_2}\n"
    assert "Courier staff" in _doc(text).clean.text
    doc = _doc(text, (Outlet("The Courier", furniture=("Courier staff",)),))
    assert "Courier staff" not in doc.clean.text
    assert "Courier staff" in _removed(doc)


@pytest.mark.parametrize(
    ("markup", "inner"),
    [
        (
            "[link href=””]Army breaks siege of eastern city[/link]",
            "Army breaks siege of eastern city",
        ),
        ('[link href="https://x.example/a"]Talks resume[/link]', "Talks resume"),
        ("[url=https://x.example]Wire report[/url]", "Wire report"),
    ],
)
def test_clean_link_markup_keeps_inner_title(markup: str, inner: str) -> None:
    text = f"Siege broken\n\n{BODY_1} ({markup}, Example Wire, 6 September 2017)\n"
    doc = _doc(text)
    assert f"({inner}, Example Wire" in doc.clean.text
    assert "[link" not in doc.clean.text and "[/" not in doc.clean.text
    assert all(t.startswith("[") and t.endswith("]") for t in _removed(doc))
    _assert_clean_maps_back(doc)


def test_clean_repeated_byline_block_with_caption() -> None:
    text = (
        "Syria: the road east\n\nA new offensive opens the east of the country.\n\n"
        "Union writers\n\nSubscribe to our channel\n\n"
        "Soldiers raise the flag over the old citadel.\n\n"
        "Union writers\n\nSubscribe to our channel\n\n"
        f"{BODY_1}\n\n{BODY_2}\n"
    )
    doc = _doc(text)
    assert (
        doc.clean.text == f"A new offensive opens the east of the country.\n\n{BODY_1}\n\n{BODY_2}"
    )
    block = next(t for t in _removed(doc) if t.startswith("Union writers"))
    assert block.endswith("Subscribe to our channel") and "citadel" in block
    _assert_clean_maps_back(doc)


def test_clean_repeated_block_needs_a_repeat() -> None:
    text = f"Title here\n\nUnion writers\n\n{BODY_1}\n"
    assert repeated_block(text, 10) is None


def test_clean_inline_furniture_in_one_line_texts() -> None:
    text = f"21.08.2013Get short URL 0 0 0 {BODY_1} {BODY_2}"
    doc = build_document(RawRecord(SourceRef("f.csv", "7"), text, "csv"))
    assert doc.clean.text == f"{BODY_1} {BODY_2}"
    assert doc.published.value == "2013-08-21"


def test_clean_folds_blank_runs_left_by_removed_lines() -> None:
    text = f"Title\n\n{BODY_1}\n\n\n\nShare on Facebook\n\nTweet\n\n\n{BODY_2}\n\n\n"
    doc = _doc(text)
    assert doc.clean.text == f"{BODY_1}\n\n{BODY_2}"
    _assert_clean_maps_back(doc)


def test_clean_text_is_pure_concatenation() -> None:
    text = "aa  bb\n\n\n\ncc [x] dd"
    clean = clean_text(text, (0, len(text)), [(12, 16)])
    assert clean.text == "aa  bb\n\ncc dd"
    assert "".join(text[s:e] for s, e in clean.segments) == clean.text


@pytest.mark.parametrize(
    ("ranges", "expected"),
    [([(5, 7), (0, 2), (1, 3)], [(0, 3), (5, 7)]), ([(0, 2), (2, 4)], [(0, 4)]), ([], [])],
)
def test_clean_merge(ranges: list[tuple[int, int]], expected: list[tuple[int, int]]) -> None:
    assert merge(ranges) == expected


def test_clean_subtract() -> None:
    assert subtract((0, 10), [(2, 3), (8, 12), (-5, 1)]) == [(1, 2), (3, 8)]


def test_clean_rules_are_cached_per_outlet_set() -> None:
    outlets = (Outlet("A", furniture=("A staff",)),)
    assert rules_for(outlets) is rules_for(list(outlets))


def test_clean_resource_entries_are_validated() -> None:
    assert parse_patterns("f.txt", "# header\nShare this:\n~ Get short URL\n") == (
        ("Share this:",),
        ("Get short URL",),
    )
    with pytest.raises(ProfileError, match=r"^f\.txt:3: invalid pattern"):
        parse_patterns("f.txt", "# header\nfine\nbroken (\n")
    with pytest.raises(ProfileError, match=r"^f\.txt:1: a space takes no quantifier"):
        parse_patterns("f.txt", "Copyright ?2016\n")


def test_clean_trt_related_news_ends_a_one_line_body() -> None:
    """TRT World's FA-KES texts run its related headlines on after the article (fakes-1924058105:
    "Source AFP Related News Suicide car bomb kills eight regime and rebel fighters in Daraa
    ... At least one Palestinian killed during Gaza protests"): none is the article's."""
    tail = ("Source AFP Related News Suicide car bomb kills eight regime and rebel fighters in"
            " Daraa - SOHR Category News At least one Palestinian killed during Gaza protests")
    doc = build_document(RawRecord(SourceRef("f.csv", "7"), f"{BODY_1} {tail}", "csv"))
    assert doc.clean.text.startswith(f"{BODY_1} Source AFP")
    assert "Gaza" not in doc.text[: doc.body_end]
    lower = f"{BODY_1} The ministry posted related news on its site. {BODY_2}"
    assert _doc(lower).clean.text.strip() == lower
