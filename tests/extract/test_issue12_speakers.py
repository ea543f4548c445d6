"""Kinds of wrong quote speakers in FA-KES train (issue 12): "the ministry" going on with
the defence ministry named before it, a country's defence ministry with the apostrophe
lost, a profile person spelt as the article spells them, and "the statement" of the body
that spoke rather than of its spokesman. Sentences from FA-KES train articles (CC BY),
shortened."""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts


def _facts(text: str):
    return analyze_texts([TextRecord(text, outlet="Al Jazeera")], profile="syria")[0]


def test_the_ministry_goes_on_with_the_defence_ministry_named_before():
    text = ("Raids near Deir Ezzor\n\nSome 60 foreign mercenaries were killed in a series of"
            " Russian air strikes in Syria over the past 24 hours the defence ministry in"
            " Moscow said on Saturday. The ministry said the \"large numbers of foreign"
            " mercenaries\" were coming into the border town of Albu Kamal from Iraq.\n")
    speakers = [q.speaker for q in _facts(text).quotes if q.direct]
    assert speakers == ["Military Forces of Russia"]


def test_a_statement_by_a_countrys_defence_ministry_is_its_forces():
    text = ("Chemical attack in Idlib\n\nRussia has categorically denied any involvement."
            " \"Planes of the Russian air force have not carried out any strikes near Khan"
            " Shaykhun\" said a statement by the Russias defence ministry.\n")
    speakers = [q.speaker for q in _facts(text).quotes if q.direct]
    assert speakers == ["Military Forces of Russia"]


def test_a_speaker_keeps_the_articles_spelling_of_a_profile_name():
    text = ("Aleppo talks\n\nRussian Foreign Minister Sergei Lavrov accused UN agencies Friday"
            " of \"not being professional enough\" over Aleppo.\n")
    assert [q.speaker for q in _facts(text).quotes] == ["Sergei Lavrov"]


def test_a_shorter_form_keeps_the_profiles_name():
    text = ("Aleppo talks\n\nPresident Bashar Assad said the city would be \"liberated\" soon.\n")
    assert [q.speaker for q in _facts(text).quotes] == ["Bashar al-Assad"]


def test_the_statement_is_the_body_that_spoke_not_its_spokesman():
    text = ("Raids on Raqa\n\nThe U.S.-led coalition said it had carried out \"significant\" air"
            " strikes against Raqa. \"The strikes were executed to deny Daesh the ability to"
            " move\" spokesman Lieutenant Colonel Thomas Gilleran said. Coalition forces"
            " \"successfully engaged multiple targets\" throughout Raqa the statement said.\n")
    speakers = [(q.text, q.speaker) for q in _facts(text).quotes if q.direct]
    assert speakers[-1] == ("successfully engaged multiple targets",
                            "Global Coalition Against Daesh")
