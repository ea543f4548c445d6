"""A storming is a place taken only where a verb told with it takes ground, and a
withdrawal after it only where others than the stormers withdrew (reviewer's findings on
int13; sentences written for this test)."""

from __future__ import annotations

import pytest
from events_fixtures import TOLD, WARS_PUBLISHED

from palmyra.api import analyze_text


def _subtypes(body: str) -> list[str]:
    events = analyze_text(body, profile="sudan", published=WARS_PUBLISHED, title="Report").events
    return [e.sub_event_type for e in events if e.modality in TOLD]


@pytest.mark.parametrize("body", [
    "EL FASHER, Sudan - Gunmen stormed a government-controlled checkpoint near El Fasher on"
    " Tuesday, killing two soldiers.",
    "EL FASHER, Sudan - Gunmen stormed a checkpoint near El Fasher on Tuesday, killing two"
    " soldiers who had taken cover behind a wall.",
    "EL FASHER, Sudan - The gunmen withdrew after they stormed a checkpoint near El Fasher on"
    " Tuesday.",
])
def test_a_storming_that_takes_nothing_is_no_place_taken(body: str) -> None:
    assert "Non-state actor overtakes territory" not in _subtypes(body)


def test_a_storming_that_captures_the_place_takes_it() -> None:
    body = ("EL FASHER, Sudan - The Rapid Support Forces stormed an army base near El Fasher on"
            " Tuesday, capturing it after hours of fighting.")
    assert "Non-state actor overtakes territory" in _subtypes(body)


# A storming whose participles shoot or kill civilians is an attack on them (GUIDE: direct,
# one-sided violence against civilians is Violence against civilians / Attack; wars dev:
# "stormed the village of Kazgil ..., shooting residents and burning the market"); one
# whose participles shoot soldiers stays a fight.
@pytest.mark.parametrize("body", [
    "EL OBEID, Sudan - RSF paramilitaries on pickups stormed the village of Um Sayala on"
    " Saturday, shooting residents and burning the market.",
    "EL OBEID, Sudan - RSF fighters stormed the village of Um Sayala on Saturday, looting"
    " shops and shooting villagers.",
])
def test_a_storming_that_shoots_civilians_is_an_attack(body: str) -> None:
    got = _subtypes(body)
    assert "Attack" in got and "Armed clash" not in got, got


def test_a_storming_that_shoots_soldiers_is_a_fight() -> None:
    body = ("EL OBEID, Sudan - RSF fighters stormed an army checkpoint near Um Sayala on"
            " Saturday, shooting two soldiers.")
    got = _subtypes(body)
    assert "Armed clash" in got and "Attack" not in got, got
