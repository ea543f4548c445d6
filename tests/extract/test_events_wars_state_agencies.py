"""The state agencies that act in the wars' reports are coded as the state's forces ACLED
names: a security service that arrests is the police, an army division that intercepts
drones is the army, a government's drones are its military (issue 13; sentences written
for this test in the style of the wars' wire copy)."""

from __future__ import annotations

import pytest
from events_fixtures import TOLD, WARS_PUBLISHED

from palmyra.api import analyze_text


def _actors(war: str, body: str) -> list[tuple[str, str | None]]:
    events = analyze_text(body, profile=war, published=WARS_PUBLISHED, title="Report").events
    return [(e.sub_event_type, e.actor1) for e in events if e.modality in TOLD]


@pytest.mark.parametrize(("war", "body", "told"), [
    ("yemen", "MARIB, Yemen - The security services in Marib arrested three men on Sunday"
     " accused of spying for the militia, a security official said.",
     ("Arrests", "Police Forces of Yemen")),
    ("sudan", "PORT SUDAN - Drones hit the city again on Friday. Security services in Atbara"
     " arrested two men on Friday accused of passing coordinates to the militia.",
     ("Arrests", "Police Forces of Sudan")),
    ("libya", "TRIPOLI, Libya - The Internal Security Agency said on Thursday it had"
     " arrested four men in Janzour accused of smuggling fuel.",
     ("Arrests", "Police Forces of Libya")),
    # a government whose name does not give its forces fights as the ones the profile names
    ("libya", "TRIPOLI, Libya - Drones of the Government of National Unity struck smugglers'"
     " boats in Abu Surra, west of Tripoli, on Wednesday, the defence ministry said.",
     ("Air/drone strike", "Military Forces of Libya")),
    ("sudan", "KOSTI, Sudan - The air defences of the 18th Infantry Division intercepted"
     " five drones launched by the militia over the city of Kosti on Tuesday.",
     ("Disrupted weapons use", "Military Forces of Sudan")),
])
def test_a_state_agency_acts_as_the_state_forces(war: str, body: str,
                                                 told: tuple[str, str]) -> None:
    assert told in _actors(war, body)
