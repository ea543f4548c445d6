"""A strike's side from a blame (``_blamed_strikes``) comes only from a blame about an
attack told around the strike, by an unnegated verb, of a side named rather than a
descriptor's guess, and for an air strike of a side that flies (reviewer's findings on
int13; sentences written for this test)."""

from __future__ import annotations

import pytest
from events_fixtures import TOLD, WARS_PUBLISHED

from palmyra.api import analyze_text

_DRONES = ("PORT SUDAN, Sudan - Drones struck fuel depots in Port Sudan on Tuesday, sending"
           " black smoke over the city, officials said.")


def _strikers(body: str, profile: str, subtype: str = "Air/drone strike") -> list[str | None]:
    events = analyze_text(body, profile=profile, published=WARS_PUBLISHED,
                          title="Report").events
    return [e.actor1 for e in events if e.modality in TOLD and e.sub_event_type == subtype]


@pytest.mark.parametrize(("blame", "side"), [
    # an "on" of time hides no object
    ("Army spokesman Nabil Abdallah on Sunday blamed the Rapid Support Forces.",
     "Rapid Support Forces"),
    # a negated blame names no one
    ("Residents did not blame the army.", None),
    # a blame about something else is no strike's
    ("Separately, the army accused the RSF of looting aid convoys near El Fasher.", None),
])
def test_a_sudan_strike_takes_only_a_blame_for_it(blame: str, side: str | None) -> None:
    assert _strikers(f"{_DRONES}\n\n{blame}", "sudan") == [side]


def test_a_blame_for_another_attack_far_off_names_no_air_side() -> None:
    body = ("IDLIB, Syria - Air strikes killed 10 people in Idlib on Monday, a monitor said.\n\n"
            "The monitor said rescue teams were still searching the rubble.\n\n"
            "In the north, a car bomb exploded in Azaz on Monday, killing four people. "
            "Turkish officials blamed the YPG.")
    assert _strikers(body, "syria") == [None]


def test_a_descriptor_blamed_names_no_shelling_side() -> None:
    body = ("DAMASCUS, Syria - Mortar shells killed two civilians in the Old City of Damascus"
            " on Monday. State media blamed terrorists.")
    assert _strikers(body, "syria", "Shelling/artillery/missile attack") == [None]
