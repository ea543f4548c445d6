"""Citation forms named in issue 12 that Palmyra missed, each in a sentence written for
these tests: a paper whose name ends in "News", a paper the tagger reads as a place
("Turkish daily X"), the Syrian state broadcaster, and a wire dateline with the agency
in brackets ("BEIRUT, Aug. 21 (Reuters) -") in a story another outlet republished."""

from __future__ import annotations

import pytest

from palmyra.api import TextRecord, analyze_texts


def _citations(text: str, outlet: str | None = None, published: str | None = None):
    facts = analyze_texts([TextRecord(text, outlet=outlet, published=published)])[0]
    return [(c.outlet, c.date.value if c.date else None) for c in facts.citations]


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("The convoy was hit twice near Homs, the Valley Gate News reported.", "Valley Gate News"),
        ("Turkish daily Karabulut reported that the crossing was closed.", "Karabulut"),
        ("At least five people were killed, the Syrian state broadcaster reported.",
         "Syrian state television"),
    ],
)
def test_citations_outlet_forms_of_issue_12(sentence, outlet):
    text = f"Clashes near Homs\n\nFighting went on near Homs on Monday. {sentence}\n"
    assert outlet in [o for o, _ in _citations(text)]


def test_citations_a_place_after_an_outlet_word_is_no_outlet():
    text = ("Clashes near Homs\n\nFighting went on near Homs on Monday. The television "
            "station Syria aired the speech, a resident said.\n")
    assert "Syria" not in [o for o, _ in _citations(text)]


def test_citations_a_bracketed_wire_dateline_dates_the_agency():
    """In a story another outlet republished; in a story of unknown outlet the dateline
    may be the article's own (test_citations.py: "BEIRUT (Reuters) -")."""
    text = ("Shelling near Damascus\n\nBEIRUT, Aug. 21 (Reuters) - Government forces shelled "
            "the eastern suburbs of Damascus on Wednesday, residents said.\n")
    assert ("Reuters", "2013-08-21") in _citations(text, outlet="Sputnik",
                                                    published="2013-08-22")
    assert _citations(text, published="2013-08-22") == []


def test_citations_the_articles_own_dateline_is_no_citation():
    text = ("Shelling near Damascus\n\nMOSCOW (Sputnik) - Government forces shelled the "
            "eastern suburbs of Damascus on Wednesday, residents said.\n")
    assert _citations(text, outlet="Sputnik", published="2013-08-22") == []
