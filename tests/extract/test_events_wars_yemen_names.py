"""Names the Yemen profile reads as ACLED's actors: Houthi media's "Israeli enemy" is the
Israeli forces, and the Abu al-Abbas Brigades are a Taiz militia of their own (issue 13;
sentences written for this test in the style of the wars' wire copy)."""

from __future__ import annotations

from events_fixtures import TOLD, WARS_PUBLISHED

from palmyra.api import analyze_text
from palmyra.profiles import load_profile


def test_the_israeli_enemy_strikes_as_the_israeli_forces() -> None:
    body = ("HODEIDAH, July 21, 2024 (Saba) - Six citizens were martyred on Saturday when the"
            " warplanes of the Israeli enemy launched raids on the oil tanks of Hodeidah port.")
    events = analyze_text(body, profile="yemen", published=WARS_PUBLISHED,
                          title="Report").events
    assert [(e.sub_event_type, e.actor1) for e in events if e.modality in TOLD] == [
        ("Air/drone strike", "Military Forces of Israel")]


def test_the_abu_al_abbas_brigades_are_a_government_side_militia() -> None:
    entry = load_profile("yemen").actor("Abu al-Abbas Brigades")
    assert entry is not None and entry.kind == "militia" and entry.side == "yemeni_government"
