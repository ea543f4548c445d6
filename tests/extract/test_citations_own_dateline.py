"""The article's own outlet read from its opening dateline (issue 12): "witnesses told Radio
Dabanga" in a story datelined "(Radio Dabanga) -" is the outlet naming itself, no citation
(gold/GUIDE.md), even where no header or source column says who published the story. The
texts are the openings of Palmyra's own wars dev reports (gold/wars/*/dev), written for it."""

from __future__ import annotations

import pytest

from palmyra.api import TextRecord, analyze_texts


def _outlets(text: str, outlet: str | None = None) -> list[str]:
    facts = analyze_texts([TextRecord(text, outlet=outlet)], profile="sudan")[0]
    return [c.outlet for c in facts.citations]


_SINGA = ("RSF seize Singa, capital of Sennar state; thousands flee\n\n"
          "SINGA / SENNAR - June 30, 2024 ({credit}) - The Rapid Support Forces (RSF) took"
          " control of Singa, the capital of Sennar state, on Saturday after army troops"
          " withdrew from the headquarters of the 17th Infantry Division, witnesses told"
          " Radio Dabanga.\n")


def test_told_the_outlet_of_the_dateline_is_no_citation():
    assert "Radio Dabanga" not in _outlets(_SINGA.format(credit="Radio Dabanga"))


@pytest.mark.parametrize(
    ("credit", "outlet"),
    [
        ("Reuters", None),  # another agency's dateline: Radio Dabanga is cited
        ("Radio Dabanga", "Sudan Tribune"),  # the metadata's outlet wins over the dateline
    ],
)
def test_told_another_outlet_is_a_citation(credit, outlet):
    assert "Radio Dabanga" in _outlets(_SINGA.format(credit=credit), outlet)


def test_a_place_in_the_brackets_is_the_reporters_own_dateline():
    """"(KHARTOUM) -" credits no agency: the story is the outlet's own reporting, and the
    outlet its witnesses told is that outlet (gold wars dev: "told Sudan Tribune" under
    such a dateline is no citation; test_citations_credit_forms)."""
    assert "Radio Dabanga" not in _outlets(_SINGA.format(credit="KHARTOUM"))


def test_huthi_run_saba_is_the_sanaa_agency():
    """AFP's spelling "Huthi" names the Houthi-run Saba in Sanaa, not the government's one
    (yemen-dev-19, a wars dev report)."""
    text = ("Raids on Saada\n\nThe Huthi-run Saba news agency reported that coalition air raids"
            " had hit a farm in the Kitaf district of Saada overnight, killing three"
            " civilians.\n")
    facts = analyze_texts([TextRecord(text, outlet="AFP")], profile="yemen")[0]
    assert [c.outlet for c in facts.citations] == ["Saba (Sanaa)"]


def test_a_wire_told_under_a_reporters_dateline_is_cited():
    """Reuters, AFP and AP credit their own stories ("(Reuters) -"), so a reporter's dateline
    without a credit is no wire's, and "told Reuters" there cites Reuters."""
    text = _SINGA.replace("witnesses told Radio Dabanga", "witnesses told Reuters")
    assert "Reuters" in _outlets(text.format(credit="KHARTOUM"))


def test_a_story_label_before_a_dash_is_no_dateline():
    """"UPDATE - " labels the story; it names no place, so it makes no reporter's dateline
    and the outlet a source told is still cited."""
    text = ("RSF seize Singa\n\nUPDATE - The Rapid Support Forces took control of Singa on"
            " Saturday, witnesses told Radio Dabanga.\n")
    assert "Radio Dabanga" in _outlets(text)


def test_a_bracketed_acronym_in_the_lead_is_no_dateline():
    """Only the body's start (or its date) may hold a reporter's dateline: "(SDF) - backed by"
    in the lead sentence is none, and the outlet a commander told is cited."""
    text = ("Raqqa offensive\n\nThe Syrian Democratic Forces (SDF) - backed by US air power -"
            " advanced on Raqqa on Sunday, a commander told Al Jazeera.\n")
    facts = analyze_texts([TextRecord(text)], profile="syria")[0]
    assert "Al Jazeera" in [c.outlet for c in facts.citations]
