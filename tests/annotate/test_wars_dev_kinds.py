"""Kinds of failure the wars' dev reports showed, on their own sentences (gold/wars/*/dev,
reports written for Palmyra's tests): a city's named districts and the villages around it
(not the city), forces named by the government they are loyal to, descriptors of a war's
forces, unnamed rival groups, and names of buildings and weapons that the NER model takes
for actors."""

from __future__ import annotations

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
