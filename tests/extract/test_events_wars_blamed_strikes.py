"""A strike told with no side takes the side the article blames outright in a sentence of
its own, the first attribution given (gold/GUIDE.md); no one blamed leaves it unnamed
(issue 13; sentences written for this test in the style of the wars' wire copy)."""

from __future__ import annotations

import pytest
from events_fixtures import TOLD, WARS_PUBLISHED

from palmyra.api import analyze_text


def _strikers(body: str) -> list[str | None]:
    events = analyze_text(body, profile="sudan", published=WARS_PUBLISHED,
                          title="Report").events
    return [e.actor1 for e in events
            if e.modality in TOLD and e.sub_event_type == "Air/drone strike"]


@pytest.mark.parametrize(("blame", "side"), [
    ("Army spokesman Nabil Abdallah blamed the Rapid Support Forces.",
     "Rapid Support Forces"),
    ("Residents blamed the army, the only side in the war with warplanes.",
     "Military Forces of Sudan"),
])
def test_a_strike_takes_the_side_blamed(blame: str, side: str) -> None:
    body = ("PORT SUDAN, Sudan - Drones struck fuel depots in Port Sudan on Tuesday, sending"
            f" black smoke over the city, officials said.\n\n{blame}")
    assert _strikers(body) == [side]


def test_a_strike_no_one_is_blamed_for_stays_unnamed() -> None:
    body = ("PORT SUDAN, Sudan - Drones struck fuel depots in Port Sudan on Tuesday, sending"
            " black smoke over the city, officials said.")
    assert _strikers(body) == [None]
