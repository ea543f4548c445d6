"""Kinds of failure the wars' dev reports showed, on their own sentences (gold/wars/*/dev,
reports written for Palmyra's tests): a city's named districts and the villages around it
(not the city), forces named by the government they are loyal to, descriptors of a war's
forces, unnamed rival groups, and names of buildings and weapons that the NER model takes
for actors."""

from __future__ import annotations

from pathlib import Path

import pytest

from palmyra import api
from palmyra.annotate.generic_actors import not_actor_reason


def _events(text: str, published: str):
    return api.analyze_text(text, published=published).events


@pytest.mark.parametrize(
    ("text", "published", "place", "admin1"),
    [
        (
            "BAGHDAD, May 18, 2015 (INA) - In Baghdad, a car bomb exploded near a restaurant in"
            " the Karrada district on Sunday evening, killing five civilians and wounding 14, a"
            " police source said.",
            "2015-05-18",
            "Karrada",
            "Baghdad",
        ),
        (
            "MOSUL, Iraq, April 12, 2017 (AP) - In Baghdad, a roadside bomb exploded near a"
            " market in the southern Dora district, killing two people, police said.",
            "2017-04-12",
            "Dora",
            "Baghdad",
        ),
        (
            "BARTELLA, Iraq, Oct 31, 2016 (Reuters) - A US-led coalition air strike killed 12"
            " civilians in the village of Fadiliya, northeast of Mosul, on Saturday, local"
            " officials said.",
            "2016-10-31",
            "Fadiliya",
            "Nineveh",
        ),
    ],
)
def test_a_named_district_or_village_is_the_place_not_the_city(text, published, place, admin1):
    places = [(e.place.name, e.place.admin1) for e in _events(text, published) if e.place]
    assert (place, admin1) in places


def test_forces_loyal_to_the_unity_government_are_its_forces_not_the_government():
    text = (
        "SIRTE, Libya, Oct 31, 2016 (AFP) - Forces loyal to Libya's unity government battled"
        " Islamic State group jihadists in the Giza Bahriya neighbourhood of Sirte on Monday,"
        " losing seven fighters, a spokesman said."
    )
    (event,) = [e for e in _events(text, "2016-10-31") if e.sub_event_type == "Armed clash"]
    assert event.place is not None and event.place.name == "Giza Bahriya"
    assert event.actor1 == "Military Forces of Libya"
    assert event.actor2 == "Islamic State"


def test_separatist_artillery_is_the_separatists_not_an_organisation():
    text = (
        "KIEV, Feb 18, 2015 (AFP) - Separatist artillery also shelled the port city of Mariupol"
        " overnight, wounding three civilians, city authorities said."
    )
    (event,) = _events(text, "2015-02-18")
    assert event.actor1 == "Donetsk People's Republic"
    assert event.actor2 == "Civilians (Ukraine)"


def test_rival_armed_groups_are_unidentified_armed_groups_of_the_country():
    text = (
        "TRIPOLI, July 26, 2023 (Libya Herald) - Five people, including a 14-year-old boy, were"
        " killed in clashes between two rival armed groups in the western city of Zawiya on"
        " Tuesday, the Zawiya Medical Centre said."
    )
    (event,) = _events(text, "2023-07-26")
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 == "Unidentified Armed Group (Libya)"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("Saudi Hospital", "facility"),
        ("Antonov aircraft", "weapon"),
        ("Separatist artillery", "weapon"),
        ("Rapid Support Forces", None),
        ("Criminal Investigation Department", None),  # the police, by the generic nouns
    ],
)
def test_buildings_and_weapons_are_no_actors(name, reason):
    assert not_actor_reason(name) == reason


def test_a_city_abroad_the_text_calls_a_city_is_that_city():
    # a Yemen report: Saudi Arabia's Jizan, not a same-named hamlet of the report's province
    text = (
        "DUBAI, Oct 11, 2021 (Al Arabiya) - The Arab Coalition said on Monday that it had"
        " carried out 35 air strikes on Houthi militia targets in the Abdiyah district south of"
        " Marib. Saudi air defenses intercepted and destroyed an explosive-laden drone launched"
        " by the Houthis towards the southern city of Jazan on Monday, the coalition said."
    )
    facts = api.analyze_text(text, published="2021-10-11")
    jazan = [m.value for m in facts.mentions if m.kind == "place" and m.text == "Jazan"]
    assert jazan and all(p.country == "Saudi Arabia" for p in jazan)


@pytest.mark.parametrize(
    ("text", "published", "place"),
    [
        (
            "PORT SUDAN, May 4, 2025 (Reuters) - On Sunday, a drone hit a warehouse at Port"
            " Sudan's airport and the adjacent Othman Digna Air Base, the military said.",
            "2025-05-04",
            "Port Sudan airport",
        ),
        (
            "TRIPOLI, Libya, June 5, 2020 (Reuters) - The capture came two days after GNA troops"
            " retook Tripoli's old international airport in the southern outskirts of the"
            " capital.",
            "2020-06-05",
            "Tripoli International Airport",
        ),
    ],
)
def test_a_citys_possessive_site_is_the_site(text, published, place):
    assert place in [e.place.name for e in _events(text, published) if e.place]


def test_a_capital_owning_a_square_is_a_place_not_its_government():
    text = (
        "SANAA, Feb 17, 2024 (Saba) - Tens of thousands of people rallied in Sanaa's"
        " Al-Sabeen Square after Friday prayers in solidarity with Gaza."
    )
    facts = api.analyze_text(text, published="2024-02-17")
    assert not [m for m in facts.mentions if m.kind == "actor" and m.text == "Sanaa"]
    (rally,) = [e for e in facts.events if e.sub_event_type == "Peaceful protest"]
    assert rally.place is not None and rally.place.name == "Sanaa"


@pytest.mark.parametrize(
    "text",
    [
        "Islamist militants seize Iraq's Mosul as army melts away\n\nMOSUL, Iraq, June 10, 2014"
        " (Reuters) - Fighters of the Islamic State of Iraq and the Levant (ISIL) seized control"
        " of Mosul, Iraq's second-largest city, on Tuesday after army and police units abandoned"
        " their positions and fled, residents and security officials said.",
        "PORT SUDAN, Sudan, May 4, 2025 (AP) - A drone hit a fuel depot on Sunday, the army said.",
    ],
)
def test_the_country_after_a_datelines_city_is_no_actor(text):
    facts = api.analyze_text(text)
    line = text.index("\n\n") + 2 if "\n\n" in text else 0
    country = text.index(",", line) + 2
    assert not [m for m in facts.mentions
                if m.kind == "actor" and m.span.start == country], facts.mentions


def test_two_verbs_of_one_interception_are_one_event_at_the_clauses_place():
    # "Saudi air defenses intercepted and destroyed an explosive-laden drone launched by the
    # Houthis towards the southern city of Jazan": the first verb has no place of its own and
    # took the narrative's (Marib); the second names where the drone was sent
    path = Path(__file__).parents[2] / "gold" / "wars" / "yemen" / "dev" / "yemen-dev-14.txt"
    disrupted = [e for e in _events(path.read_text(encoding="utf-8"), "2021-10-11")
                 if e.sub_event_type == "Disrupted weapons use"]
    assert [e.place.name if e.place else None for e in disrupted] == ["Jizan"]
