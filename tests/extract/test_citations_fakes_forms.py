"""Citations in the forms FA-KES copy takes, and outlet names as the article's own profile
spells them (gold/GUIDE.md, "Citations"): sentences written after the gold dev articles."""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts


def _citations(text: str, outlet: str | None = None):
    facts = analyze_texts([TextRecord(text, outlet=outlet)])[0]
    return [(c.outlet, c.date.value if c.date else None) for c in facts.citations]


def test_citations_credit_line_after_a_subtitle_is_dated_by_its_line():
    text = ("17 dead as Al-Qaeda attacks Syria Kurd town\n\n17 dead as Al-Qaeda attacks Syria"
            " Kurd town After Kurdish militia expelled jihadists last month Al-Qaeda counters"
            " by killing 17 AFP Saturday 17 Aug 2013 Al-Qaeda loyalists attacked a mainly"
            " Kurdish town in northeastern Syria an activist told AFP.\n")
    assert _citations(text, outlet="Al-Ahram") == [("AFP", "2013-08-17")]


def test_citations_a_sign_off_credit_is_the_agency_dated_by_the_article():
    text = ("Suicide bomber kills 4 in Qardaha\n\nSun 22 Feb 2015 Suicide bomber kills 4 in"
            " Qardaha. A suicide bomber killed four people on Sunday in an attack on a hospital"
            " a monitoring group said.-AFP\n")
    assert _citations(text, outlet="Al-Ahram") == [("AFP", "2015-02-22")]


def test_citations_the_articles_profile_spells_the_outlet():
    text = ("Strikes on Zamalka\n\nRegime forces shelled Zamalka on Wednesday, a doctor told"
            " The Associated Press.\n")
    assert [o for o, _ in _citations(text)] == ["AP"]


def test_citations_outlet_nouns_between_the_name_and_the_verb():
    text = ("Raids on Raqqa\n\nApril 30 2017 Coalition jets struck the outskirts of Raqqa in"
            " northern Syria Al Mayadeen TV channel reported on Sunday. SANA news agency"
            " reported earlier that ten people were killed.\n")
    assert _citations(text) == [("Al Mayadeen", "2017-04-30"), ("SANA", "2017-04-30")]


def test_citations_an_agency_that_writes_its_name_in_lower_case():
    text = ("Aleppo burns\n\nThe city was shelled on Monday. \"Aleppo is burning\" activist"
            " Bahaa al Halabi told dpa from the besieged districts.\n")
    assert [o for o, _ in _citations(text)] == ["dpa"]
