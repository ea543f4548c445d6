"""Places of the other wars' reports (issue 13), on sentences written for this test: a part
of a town the gazetteer lacks ("the Al-Mualla district", "the Al-Hawban neighbourhood") keeps
its own name; a near spelling in the gazetteer is another town (Mukalla, Habban), often hundreds of
kilometres away. "the X area" is left to the gazetteer: it is far more often a
misspelt town and its surroundings ("the Saraqueeb area").
"""

from __future__ import annotations

import pytest
from events_fixtures import wars_events as _events


@pytest.mark.parametrize(("war", "body", "place", "lookalike"), [
    ("yemen", "ADEN, Yemen - A soldier was wounded when a man threw a hand grenade at a"
     " checkpoint in the Al-Mualla district on Monday night, police said.",
     "Al-Mualla", "Mukalla"),
    ("yemen", "TAIZ, Yemen - Government artillery shelled houses in the Al-Hawban neighbourhood"
     " east of the city on Sunday, wounding four people, residents said.",
     "Al-Hawban", "Habban"),
])
def test_a_part_of_a_town_keeps_its_own_name(war: str, body: str, place: str,
                                             lookalike: str) -> None:
    places = [p for _, p in _events(war, body)]
    assert place in places
    assert lookalike not in places


def test_a_misspelt_town_and_its_area_is_still_the_town() -> None:
    body = ("Warplanes struck targets in the Saraqueeb area on Tuesday, killing four"
            " civilians, the monitor said.")
    assert "Saraqib" in [p for _, p in _events("syria", body)]
