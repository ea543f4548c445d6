"""Citation forms that name an outlet without the profile's help, or that look like a
citation and are not one (gold/GUIDE.md, "Citations"; issue 12): sentences written for
these tests, one per kind of failure found on gold dev."""

from __future__ import annotations

import pytest

from palmyra.api import TextRecord, analyze_texts


def _citations(text: str, outlet: str | None = None):
    facts = analyze_texts([TextRecord(text, outlet=outlet)])[0]
    return [(c.outlet, c.date.value if c.date else None) for c in facts.citations]


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        # the outlet word before the name, the name unknown to every profile
        ("The minister made the remarks in an interview with Norwegian broadcaster NRK3.",
         "NRK3"),
        ("According to the Kurdish television station Ronahi TV the convoy was hit twice.",
         "Ronahi TV"),
        # capitalised outlet words belong to the name
        ("The Chaldean Catholic News Agency reported that the talks had stalled.",
         "Chaldean Catholic News Agency"),
        # a numbered channel
        ("Lebanese Channel 5 television quoted a commander as saying the road was cut.",
         "Channel 5"),
    ],
)
def test_citations_outlets_named_by_an_outlet_word(sentence, outlet):
    text = f"Clashes near Homs\n\nFighting went on near Homs on Monday. {sentence}\n"
    assert outlet in [o for o, _ in _citations(text)]


def test_citations_a_citing_verb_joined_to_another_verb():
    text = ("Ambush near Adra\n\nRebels were killed near Adra. The state news agency SANA did"
            " not give a death toll but said the fighters were foreign.\n")
    assert [o for o, _ in _citations(text, outlet="Reuters")] == ["SANA"]


def test_citations_descriptive_nouns_between_the_outlet_and_its_verb():
    text = ("Car bomb in Deir ez-Zor\n\nNovember 17 2017 A car bomb killed 12 people in"
            " eastern Syria Syria's SANA official news agency reported on Friday.\n")
    assert _citations(text, outlet="Daily Sabah") == [("SANA", "2017-11-17")]


def test_citations_a_confirming_agency_is_cited():
    text = ("Attack on Salamiyeh\n\nThe ISIS-linked Amaq news agency confirmed an attack was"
            " under way near Salamiyeh.\n")
    assert [o for o, _ in _citations(text, outlet="Al Arabiya")] == ["Amaq News Agency"]


def test_citations_the_day_a_cited_piece_quoted_someone():
    text = ("Strike in Idlib\n\nOct 5 2017 Russian jets struck Idlib, Russia's Rossiya 24"
            " channel cited the defence ministry as saying on Thursday.\n")
    assert ("Rossiya 24", "2017-10-05") in _citations(text, outlet="Reuters")


@pytest.mark.parametrize(
    "sentence",
    [
        # a photographer's name is no verb
        "Shelling hit the old town. REUTERS Omar Said The convoy reached the town later.",
        # photo credits are not citations
        "Shelling hit the old town (Photo AFP) Syrian state media says three were killed.",
        # social networks are not publications
        "The governor wrote on his Telegram channel that three were killed.",
        # an organisation whose name holds an outlet word
        "According to the Syrian Network for Human Rights three were killed.",
    ],
)
def test_citations_that_are_not_citations(sentence):
    text = f"Shelling in Homs\n\nShelling hit Homs on Monday. {sentence}\n"
    found = [o for o, _ in _citations(text, outlet="Al-Ahram")]
    assert set(found) <= {"Syrian state media"}


def test_citations_the_media_outlet_is_not_a_photo_credit():
    text = ("Aid to Hama\n\nJuly 20 2016 Jets destroyed a convoy near Salamiyah SANA news agency"
            " reported. AP Photo Pavel Golovkin Aid Reaches Hama The air force shelled"
            " positions in Raqqah the media outlet added.\n")
    assert [o for o, _ in _citations(text, outlet="Sputnik")] == ["SANA"]


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("Orient News television showed burning vehicles on the road.", "Orient News"),
        ("Kurdistan24 television broadcast footage of soldiers in the square.", "Kurdistan24"),
    ],
)
def test_citations_a_channel_that_shows_or_broadcasts(sentence, outlet):
    text = f"Fighting in Qamishli\n\nFighting went on near Qamishli on Monday. {sentence}\n"
    assert outlet in [o for o, _ in _citations(text, outlet="Reuters")]


def test_citations_the_agency_named_after_its_noun_is_that_agency():
    text = ("Drones over Homs\n\nThe AP photographer was at the scene. Air defences shot down"
            " drones over Homs on Monday, according to the state news agency SANA.\n")
    assert [o for o, _ in _citations(text, outlet="Reuters")] == ["SANA"]


def test_citations_a_bodys_agency_is_no_news_agency():
    text = ("Aid suspended\n\nThree aid workers were killed in Darfur, the U.N. agency said.\n")
    assert _citations(text, outlet="Reuters") == []


def test_citations_a_publications_name_in_lower_case_is_no_publication():
    text = ("Talks in Geneva\n\nThe EU foreign policy chief wrote on Monday that the talks had"
            " failed, and state television reported new strikes.\n")
    assert [o for o, _ in _citations(text, outlet="Reuters")] == ["Syrian state television"]


def test_citations_other_nouns_after_an_outlet_need_an_outlet_word():
    text = ("Shelling in Homs\n\nShelling hit Homs on Monday and Reuters witnesses said three"
            " houses burned.\n")
    assert _citations(text, outlet="Al-Ahram") == []
