"""Citations a careful analyst codes that need the header or the profile's outlet kinds:
an agency's credit in a republished wire story's date line, state media named by what they
are, and a monitoring group that is a source but not a publication (gold/GUIDE.md)."""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts


def _citations(text: str, outlet: str | None = None):
    facts = analyze_texts([TextRecord(text, outlet=outlet)])[0]
    return [(c.outlet, c.date.value if c.date else None) for c in facts.citations]


def test_citations_wire_credit_in_the_dateline_is_dated_by_it():
    text = ("Car bomb kills nine in Azaz: monitor\n\nCar bomb kills nine in Azaz Monitor AFP"
            " Saturday 7 Jan 2017 A car bomb exploded near a courthouse in Azaz, killing nine.\n")
    assert _citations(text, outlet="Al-Ahram") == [("AFP", "2017-01-07")]


def test_citations_a_body_mention_of_the_credited_agency_is_the_same_citation():
    text = ("Car bomb kills nine in Azaz: monitor\n\nCar bomb kills nine in Azaz Monitor AFP"
            " Saturday 7 Jan 2017 A car bomb exploded in Azaz, a doctor told AFP.\n")
    assert _citations(text, outlet="Al-Ahram") == [("AFP", "2017-01-07")]


def test_citations_state_television_named_by_what_it_is():
    text = "Strikes on Douma\n\nSyrian state TV reported that rebels fired mortars on Damascus.\n"
    assert [o for o, _ in _citations(text)] == ["Syrian state television"]


def test_citations_a_monitoring_group_is_not_a_publication():
    text = ("Strikes on Douma\n\nAir strikes killed 12 people in Douma, the Syrian Observatory for"
            " Human Rights said.\n")
    assert _citations(text) == []
