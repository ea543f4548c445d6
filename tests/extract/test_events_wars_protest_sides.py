"""A protest the police break up is the crowd's event: the protesters are actor1 and the
force that intervened actor2, even where the force is the sentence's subject (issue 13;
sentences written for this test in the style of the wars' wire copy)."""

from __future__ import annotations

import pytest
from events_fixtures import TOLD, WARS_PUBLISHED

from palmyra.api import analyze_text


def _sides(war: str, body: str) -> list[tuple[str | None, str | None]]:
    events = analyze_text(body, profile=war, published=WARS_PUBLISHED, title="Report").events
    return [(e.actor1, e.actor2) for e in events
            if e.modality in TOLD and e.sub_event_type == "Protest with intervention"]


@pytest.mark.parametrize(("war", "body", "sides"), [
    ("sudan", "KASSALA, Sudan - Police fired tear gas on Monday to disperse hundreds of"
     " people who were protesting against bread prices in Kassala, witnesses said.",
     ("Protesters (Sudan)", "Police Forces of Sudan")),
    ("libya", "SEBHA, Libya - Hundreds of people marched on the municipal offices in Sebha"
     " on Friday. Police fired tear gas to disperse them.",
     ("Protesters (Libya)", "Police Forces of Libya")),
])
def test_the_crowd_protests_and_the_force_intervenes(
        war: str, body: str, sides: tuple[str, str]) -> None:
    assert _sides(war, body) == [sides]
