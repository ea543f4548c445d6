"""Actors the ACLED conventions code where the text leaves a slot bare (gold/GUIDE.md).

Sentences from the gold dev and train articles (FA-KES train rows), trimmed, or written
like them: territory the state regains is its forces' ("troops entered the town"); a
chemical attack's dead are civilians; a clash told by one side was fought with the other,
the enemy the article names most for it (the profile's ``opponents`` where it names none);
a chemical attack no telling names a perpetrator for is the side the article blames; a
bomb no one is named for is the group the headline names before it.
"""

from __future__ import annotations

import pytest
from events_fixtures import (  # noqa: F401  (fixtures are found by name in this module)
    Extract,
    extract_fixture,
    first_event,
    syria_with_gazetteer_fixture,
)

# (body, sub_event_type, actor1, actor2); None: the slot must stay empty
CASES = [
    # only the state regains territory: bare "troops" and a passive with no agent are its own
    ("The killings took place after troops entered the town of Rastan on Tuesday during an"
     " offensive aimed at cutting rebel supply lines to the Turkish border.",
     "Government regains territory", "Military Forces of Syria", "Opposition Rebels (Syria)"),
    ("The villages of Masqan and Ehras in the northern countryside of Aleppo were liberated"
     " from the control of the Takfiri militants on Monday.",
     "Government regains territory", "Military Forces of Syria", "Opposition Rebels (Syria)"),
    # a chemical attack's dead are civilians where the text names no fighters hit; no side
    # blamed, no perpetrator
    ("Obama is seeking backing for the strikes in response to an alleged chemical weapons"
     " attack near Damascus on August 21.",
     "Chemical weapon", None, "Civilians (Syria)"),
    # shells on neighbourhoods hit the people who live there
    ("A source at Aleppo Police Command told SANA reporter that Jabhat an-Nusra terrorists"
     " and other terrorist groups affiliated to it targeted on Saturday with a number of"
     " rocket shells al-Neel Street and al-Hamadaniyeh neighborhoods in Aleppo city.",
     "Shelling/artillery/missile attack", "Jabhat al-Nusra", "Civilians (Syria)"),
    # a chemical attack no telling names a perpetrator for: the side the article blames
    ("US President Donald Trump said the attack was a response to the alleged chemical"
     " weapon use in Idlib on Tuesday which Washington blames on the Syrian government.",
     "Chemical weapon", "Military Forces of Syria", "Civilians (Syria)"),
    ("French Foreign Minister Laurent Fabius said on Saturday that all indications show that"
     " Syria's government was behind a chemical massacre near Damascus on Wednesday.",
     "Chemical weapon", "Military Forces of Syria", "Civilians (Syria)"),
    # a clash told by its fallen side alone: the army fought the rebels
    ("The Observatory said 28 rebels had been killed in fighting in the Qalamun area on"
     " Wednesday.",
     "Armed clash", "Military Forces of Syria", "Opposition Rebels (Syria)"),
]


@pytest.mark.parametrize(("body", "subtype", "actor1", "actor2"), CASES)
def test_conventional_actors(
    extract: Extract, body: str, subtype: str, actor1: str | None, actor2: str | None
) -> None:
    _, events = extract(body)
    event = first_event(events, subtype)
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_opponent_is_the_enemy_the_article_names_most(extract: Extract) -> None:
    """The army's offensive against IS: the heights it regained were IS's, not the rebels'
    (the profile's default opponent of the state)."""
    _, events = extract(
        "Syrian forces have been fighting Islamic State militants near Palmyra for weeks."
        " Daesh had seized the area in May. Syrian troops regained control of the strategic"
        " heights of Abu Qasayeb in Homs province on Sunday after two days of fighting, the"
        " TV channel reported.")
    event = first_event(events, "Government regains territory")
    assert (event.actor1, event.actor2) == ("Military Forces of Syria", "Islamic State")


def test_bombing_typed_an_air_strike_takes_the_article_striking_side(
        extract: Extract) -> None:
    """A bombing no one is named for, typed an air strike by the article's frame, is no
    unidentified group's (none flies; gold/GUIDE.md): the article's one striking side
    fills it, as for any air strike told without its side (issue 12)."""
    _, events = extract(
        "Russian warplanes struck the town of Douma on Monday killing 10 civilians. Five"
        " people were injured in bombing in Harasta on Monday.")
    harasta = [e for e in events if e.place is not None and e.place.name == "Harasta"]
    assert [(e.sub_event_type, e.actor1) for e in harasta] == [
        ("Air/drone strike", "Military Forces of Russia")]


def test_kurdish_clash_told_by_one_side_was_with_islamic_state(extract: Extract) -> None:
    """The SDF's side named alone in an article on its war with IS: IS fought it."""
    _, events = extract(
        "The Syrian Democratic Forces (SDF) launched an offensive against Islamic State in"
        " Manbij. The SDF clashed in the western neighbourhoods of Manbij on Saturday.")
    event = first_event(events, "Armed clash")
    assert (event.actor1, event.actor2) == ("Syrian Democratic Forces", "Islamic State")


@pytest.mark.parametrize(("title", "actor1"), [
    ("Syrian rebel fighters killed in IS suicide bomb attack", "Islamic State"),
    # a headline naming no group leaves the bomber unidentified
    ("Suicide bomb kills 14 rebel fighters near Damascus", "Unidentified Armed Group (Syria)"),
])
def test_unclaimed_bomb_takes_the_group_the_headline_names(
        extract: Extract, title: str, actor1: str) -> None:
    _, events = extract("A suicide bomb blast struck al-Dumayr in the Damascus countryside on"
                        " Sunday killing 14 fighters from Jaish al-Islam.", title=title)
    event = first_event(events, "Suicide bomb")
    assert (event.actor1, event.actor2) == (actor1, "Jaysh al-Islam")
