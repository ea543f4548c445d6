"""Wire credits and own outlets that issue 12 found missed or mistaken on gold train and the
wars' dev splits: an agency written right after the headline that a republished story
repeats under its date line, an agency in brackets opening the story after a lead, the
reporter's own paper under a dateline that credits no agency, and a body named like an
outlet (gold/GUIDE.md, "Citations")."""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_text, analyze_texts


def _citations(text: str, outlet: str | None = None, published: str | None = None):
    facts = analyze_texts([TextRecord(text, outlet=outlet, published=published)])[0]
    return [(c.outlet, c.date.value if c.date else None) for c in facts.citations]


def test_the_agency_after_the_repeated_headline_is_a_credit_dated_by_the_line():
    text = ("Barrel bombs kill 15 in Aleppo Monitor\n\nSaturday 27 Aug 2016 Barrel bombs kill 15"
            " in Aleppo Monitor AFP At least 15 civilians were killed in a barrel bomb attack on"
            " the Maadi district of Aleppo on Saturday.\n")
    assert _citations(text, outlet="Al-Ahram") == [("AFP", "2016-08-27")]


def test_an_agency_whose_name_starts_the_body_after_the_headline_is_a_credit():
    text = ("Car bomb kills 22 in northern Syria\n\nWednesday 27 Jul 2016 Car bomb kills 22 in"
            " northern Syria AP Syria's state TV says a car bomb killed 22 people in Qamishli.\n")
    assert ("AP", "2016-07-27") in _citations(text, outlet="Al-Ahram")


def test_a_headline_repeated_without_a_date_line_credits_no_agency():
    text = ("Car bomb kills 22 in northern Syria\n\nCar bomb kills 22 in northern Syria AFP"
            " reporters saw the wreckage of the car in Qamishli.\n")
    facts = analyze_texts([TextRecord(text, outlet="Al-Ahram")])[0]
    # "AFP reporters saw" names AFP in the text; no credit line does
    assert [c.kind for c in facts.citations if c.outlet == "AFP"] == ["in_text"]


def test_an_agency_in_brackets_after_the_lead_is_a_credit():
    text = ("Car bomb kills 20 in Deir Ezzor\n\nSat Nov 18 2017 Twenty civilians were killed by"
            " a car bomb in Deir Ezzor province. (MNA) - SANA's correspondent in Deir Ezzor said"
            " the bomb went off where displaced families had gathered.\n")
    cited = _citations(text, outlet="Al-Alam", published="2017-11-18")
    assert ("Mehr News Agency", "2017-11-18") in cited
    text = ("Air strike kills 45 in Raqqa\n\nTue Oct 3 2017 At least 45 people were killed in an"
            " air strike on Raqqa. (presstv) - At least 45 people were killed in the strike.\n")
    assert [o for o, _ in _citations(text, outlet="Al-Alam")] == ["Press TV"]


def test_told_the_reporters_own_paper_under_a_dateline_without_agency_cites_no_one():
    text = ("Shelling in Omdurman\n\nMay 12, 2023 (KHARTOUM) - Shelling killed five people in"
            " Omdurman market on Wednesday, witnesses told Sudan Tribune.\n")
    assert analyze_text(text, profile="sudan").citations == []
    text = ("Raid on Tawila\n\nTAWILA (23 September 2024) - Gunmen looted the market of Tawila on"
            " Sunday, residents told Radio Dabanga.\n")
    assert analyze_text(text, profile="sudan").citations == []


def test_told_an_outlet_under_an_agency_dateline_is_still_a_citation():
    text = ("Shelling in Omdurman\n\nKHARTOUM, April 16, 2023 (Reuters) - Shelling killed five"
            " people in Omdurman market, witnesses told Sudan Tribune.\n")
    assert [c.outlet for c in analyze_text(text, profile="sudan").citations] == ["Sudan Tribune"]


def test_a_body_named_like_an_outlet_is_no_publication():
    text = ("Shelling in El Fasher\n\nKHARTOUM, April 16, 2023 (Reuters) - Shelling killed 11"
            " people in El Fasher on Tuesday, according to the Sudan Doctors Network.\n")
    assert analyze_text(text, profile="sudan").citations == []
