"""Kinds of missed and false citations in FA-KES train (issue 12): a profile outlet misspelt
("Ananolu Agency"), an outlet named with its outlet word before "broadcast" read as a
noun, "released" as an outlet's own verb, two outlets sharing one verb, a tweet's credit.
Sentences from FA-KES train articles (CC BY), shortened."""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts
from palmyra.extract.outlet_spelling import respelt


def _facts(text: str):
    return analyze_texts([TextRecord(text, outlet="Al Jazeera")], profile="syria")[0]


def _outlets(text: str) -> list[str]:
    return [c.outlet for c in _facts(text).citations]


def test_a_misspelt_profile_outlet_is_cited_by_its_profile_name():
    text = ("Car bomb in Azaz\n\nOpposition websites had conflicting casualty figures."
            " Turkeys state-run Ananolu Agency reported 15 deaths citing a statement.\n")
    assert _outlets(text) == ["Anadolu Agency"]


def test_respelt_takes_one_letter_not_another_outlet():
    known = ["anadolu agency", "al-arabiya", "idlib news network", "fars news agency"]
    assert respelt("ananolu agency", known) == "anadolu agency"
    assert respelt("fars news agancy", known) == "fars news agency"
    assert respelt("al-araby", known) is None  # two letters: another paper
    assert respelt("idlib news", known) is None  # a word short: another name
    assert respelt("anadolu agency", known) is None  # already the profile's


def test_television_broadcast_footage_cites_the_television():
    text = ("Fighting in Hasakeh\n\nSyrian regime forces control the towns airport. Syrian"
            " television broadcast footage showing people running away from the fighting.\n")
    assert _outlets(text) == ["Syrian state television"]


def test_an_outlet_that_released_footage_is_cited():
    text = ("Blast near the shrine\n\nThe bus was reportedly carrying pilgrims. Syrias"
            " Ikhbariya television released the footage of men and a woman near the bus.\n")
    assert _outlets(text) == ["Al-Ikhbariya"]


def test_footage_released_by_an_outlet_leaves_the_day_to_the_event():
    text = ("Fighting in Deir ez-Zor\n\nA video released on Friday by the Syrian military media"
            " center shows heavy fighting in the city.\n")
    friday = text.index("Friday")
    assert all(not c.span.start <= friday < c.span.end for c in _facts(text).citations)


def test_two_outlets_joined_by_and_share_the_verb():
    text = ("Bombings in Hama\n\nThe bombers hit the towns of Jibrin and Al-Humeiri state"
            " television and official news agency SANA said blaming terrorists.\n")
    assert sorted(_outlets(text)) == ["SANA", "Syrian state television"]


def test_an_outlet_signing_an_embedded_tweet_is_no_citation():
    text = ("Bombings across Syria\n\nA car bomb struck the city. Bab Tadmor Homs - SANA"
            " pic.twitter.comwAOZTxImcu Hassan Ridha (sayedridha) September 5 2016 Regime"
            " media also reported that eight people were killed in a bombing in Hasakeh.\n")
    assert "SANA" not in _outlets(text)
