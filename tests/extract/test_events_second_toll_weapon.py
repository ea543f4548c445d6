"""A second toll told after a killing its weapon typed ("Regime shelling killed four") is
that weapon's strike at one more place, as after a strike's own trigger (reviewer's
findings on int13; sentence written for this test)."""

from __future__ import annotations

from palmyra.api import analyze_text


def test_a_second_toll_after_a_shelling_killing_is_the_shelling() -> None:
    body = ("Regime shelling killed four civilians in Douma on Monday, while two other"
            " civilians were killed in Harasta.")
    events = analyze_text(body, profile="syria", published="2017-05-02", title="Report").events
    harasta = [(e.sub_event_type, e.actor1) for e in events if e.place_text == "Harasta"]
    assert harasta == [("Shelling/artillery/missile attack", "Military Forces of Syria")]
