"""Citations over invented sentences: parenthetical references, in-text attributions, merging.

Spans are checked by slicing the original text; outlets are named as the packaged
Syria profile names them, or as written when the form alone shows a publication.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from palmyra import parts
from palmyra.extract.citations import citations
from palmyra.model import Outlet


def cited(doc, ctx) -> list[tuple]:
    """(outlet, title, author, date) of each citation; evidence spans checked."""
    out = []
    for c in citations(doc, ctx):
        assert c.span.end > c.span.start
        out.append((c.outlet, c.title, c.author, c.date.value if c.date else None))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks resumed. (Geneva talks resume after a pause, Reuters, 27 February 2017)",
         [("Reuters", "Geneva talks resume after a pause", None, "2017-02-27")]),
        ("He agreed. (See Aid reaches the old town by Jane Roe, RT, 30 April 2016)",
         [("RT", "Aid reaches the old town", "Jane Roe", "2016-04-30")]),
        ("It held. (Cited in The town that held by John Doe, Foreign Policy, 6 May 2016)",
         [("Foreign Policy", "The town that held", "John Doe", "2016-05-06")]),
        ("It fell. (Jane Roe, ‘All eyes on the bridge’, The Independent, 28 November 2016)",
         [("The Independent", "All eyes on the bridge", "Jane Roe", "2016-11-28")]),
        ("They left. (Convoy leaves at dawn, Sputnik, 16 May 2016).",
         [("Sputnik", "Convoy leaves at dawn", None, "2016-05-16")]),
        # an outlet the profile does not know is kept when a date closes the reference
        ("It rained. (Floods hit the coast, Levant Morning Star, 2 June 2016)",
         [("Levant Morning Star", "Floods hit the coast", None, "2016-06-02")]),
        # a title with commas inside its quotation marks
        ("(‘Go, and see for yourself’, RT, 1 March 2017)",
         [("RT", "Go, and see for yourself", None, "2017-03-01")]),
    ],
)
def test_citations_parenthetical_forms(read, syria, text, expected):
    doc, ctx = read(text, syria)
    assert cited(doc, ctx) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected", "evidence"),
    [
        ("“The militias fight each other,” the *Los Angeles Times* wrote on Sunday.",
         "2016-03-28", [("Los Angeles Times", None, None, "2016-03-27")],
         "the *Los Angeles Times* wrote on Sunday"),
        ("Foreign Policy magazine reported that the base was expanded.", None,
         [("Foreign Policy", None, None, None)], "Foreign Policy magazine reported"),
        ("The town was retaken, according to Reuters.", None,
         [("Reuters", None, None, None)], "according to Reuters"),
        ("I spoke with Monocle 24’s The Globalist on Tuesday morning about the siege.", None,
         [("Monocle 24", "The Globalist", None, None)],
         "spoke with Monocle 24’s The Globalist"),
        ("Appearing on CBS “Face the Nation” Sunday, the minister smiled.", "2016-03-28",
         [("CBS", "Face the Nation", None, "2016-03-27")],
         "Appearing on CBS “Face the Nation” Sunday"),
        ("The People’s Daily quoted him as follows: “We oppose the use of such weapons.”", None,
         [("People's Daily", None, None, None)], "The People’s Daily quoted"),
        ("The colonel was reported by the New York Times as saying the city had fallen.", None,
         [("The New York Times", None, None, None)], "reported by the New York Times"),
        # outlets the profile does not know, read from the words around them
        ("Interfax news agency quoted a diplomat as saying the talks would resume.", None,
         [("Interfax", None, None, None)], "Interfax news agency quoted"),
        ("Al-Watan newspaper reported that the offensive would begin soon.", None,
         [("Al-Watan", None, None, None)], "Al-Watan newspaper reported"),
    ],
)
def test_citations_in_text_forms(read, syria, text, published, expected, evidence):
    doc, ctx = read(text, syria, published=published)
    assert cited(doc, ctx) == expected
    (c,) = citations(doc, ctx)
    assert text[c.span.start : c.span.end] == evidence
    assert c.kind == "in_text"


@pytest.mark.parametrize(
    "text",
    [
        "The Islamic State (ISIS) lost the town.",
        "The group (that is, al-Qaeda in Syria) withdrew.",
        "The envoy (born 3 May 1960) resigned.",
        # a newspaper named without a citing word is no citation (seed 000 context)
        "Or, as Al Jazeera prefers to see it, the rebels simply withdrew.",
        "After Foreign Policy challenged the colonel, he changed his reply.",
        "Independent monitors said the strike hit a school.",  # an adjective, not the paper
        "In the days after the writing of this article the city fell.",
        "BEIRUT (Reuters) - Rebels shelled the city on Monday.",  # a dateline's credit
    ],
)
def test_citations_not_citations(read, syria, text):
    doc, ctx = read(text, syria)
    assert cited(doc, ctx) == []


def test_citations_one_per_publication(read, syria):
    text = (
        "An angry Al Jazeera reported: “The factions are encircled.”\n\n"
        "Or, as the channel prefers to see it, the rebels withdrew. (Factions vow to attack "
        "by Jane Roe, Al Jazeera, 28 February 2017)\n\n"
        "“The militias have begun to fight,” the *Los Angeles Times* wrote on Sunday. The "
        "clashes “show how little control the planners have,” the *Times* noted.\n\n"
        "Both sides agreed. (Talks resume, RT, 4 March 2017) The envoy left. (Talks "
        "‘resume’, RT, 4 March 2017) Nothing changed. (‘Talks resume’, op. cit.)"
    )
    doc, ctx = read(text, syria, published="2017-03-06")
    assert [(o, d) for o, _, _, d in cited(doc, ctx)] == [
        ("Al Jazeera", "2017-02-28"),
        ("Los Angeles Times", "2017-03-05"),
        ("RT", "2017-03-04"),
    ]


def test_citations_reference_without_outlet_takes_the_one_named_before(read, syria):
    text = (
        "The group is breaking up, if a report from the Foreign Affairs magazine is to be "
        "believed. (See Quitting the group by Ann Lee and Sami Dar, 1 May 2016)"
    )
    doc, ctx = read(text, syria)
    assert cited(doc, ctx) == [
        ("Foreign Affairs", "Quitting the group", "Ann Lee and Sami Dar", "2016-05-01")
    ]


def test_citations_without_profile_still_read_publications(read):
    text = "“The roads are cut,” the Levant Times wrote. The Levant Times noted the rain."
    doc, ctx = read(text)
    assert cited(doc, ctx) == [("Levant Times", None, None, None)]


def test_citations_the_articles_own_outlet_is_not_cited(read, syria):
    doc, ctx = read("“The road is cut,” a resident told Reuters.", syria)
    ctx.document.outlet = "Reuters"
    assert cited(doc, ctx) == []


def test_citations_tiny_profile(read):
    profile = SimpleNamespace(outlets=[Outlet("Levant Post", aliases=("LP",))], actors=[])
    doc, ctx = read("The bridge was closed, LP reported on Friday.", profile)
    assert cited(doc, ctx) == [("Levant Post", None, None, None)]


def test_citations_spans_map_through_removed_link_markup(read, syria):
    text = "He left. ([link href=””]Convoy leaves the town[/link], RT, 4 March 2017)"
    start, end = text.index("[link"), text.index("Convoy")
    close = text.index("[/link]")
    keep = [(0, start), (end, close), (close + len("[/link]"), len(text))]
    doc, ctx = read(text, syria, keep=keep)
    assert "[link" not in doc.text
    (c,) = citations(doc, ctx)
    assert (c.outlet, c.title) == ("RT", "Convoy leaves the town")
    assert text[c.span.start : c.span.end] == text[text.index("(") :]


def test_citations_are_registered():
    assert parts.extractors.get("palmyra.citations.v1") is citations
