"""An "In <place>" opens a new item of a dispatch, whose "terrorists" are not the group the
item before named, only where the place is new and the sentence does not go on with the
item ("also") (reviewer's findings on int13; sentences written for this test)."""

from __future__ import annotations

import pytest

from palmyra.api import analyze_text

_LEAD = ("DEIR EZZOR, Syria (SANA) - ISIS militants attacked army posts near Deir Ezzor on"
         " Monday, killing three soldiers, SANA said. ")


def _actors(body: str) -> list[str | None]:
    events = analyze_text(body, profile="syria", published="2017-05-02", title="Report").events
    return [e.actor1 for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]


@pytest.mark.parametrize("follow", [
    "In Deir Ezzor city, the terrorists also shelled al-Joura neighbourhood, wounding two"
    " civilians.",
    "In Deir Ezzor city, the terrorists shelled al-Joura neighbourhood, wounding two"
    " civilians.",
])
def test_an_item_on_the_same_place_keeps_the_group(follow: str) -> None:
    assert _actors(_LEAD + follow) == ["Islamic State"]


def test_an_item_on_a_new_place_opens_a_new_item() -> None:
    follow = ("In Damascus, terrorists fired mortar shells on Bab Touma, wounding two"
              " civilians.")
    assert _actors(_LEAD + follow) != ["Islamic State"]
