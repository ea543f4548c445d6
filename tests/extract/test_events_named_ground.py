"""An event noun that only names a stretch of ground after it ("the Golan Heights ceasefire
line", "a truce zone", "an evacuation point") tells no occurrence, and the event its
sentence does tell stays (issue 12; sentences written for this test in the style of the wire
copy).
"""

from __future__ import annotations

import pytest
from events_fixtures import wars_events as _events


def test_a_ceasefire_line_is_no_agreement() -> None:
    body = ("BEIRUT - An Israeli air strike on a village on the Syrian side of the Golan"
            " Heights ceasefire line killed four fighters on Tuesday, a monitor said.")
    kinds = [k for k, _ in _events("syria", body)]
    assert "Agreement" not in kinds
    assert "Air/drone strike" in kinds


@pytest.mark.parametrize(("war", "body", "told", "named"), [
    ("syria", "BEIRUT - Rebel shells hit the evacuation point outside Aleppo on Monday, killing"
     " two civilians, the Observatory said.", "Shelling/artillery/missile attack", "Other"),
    ("libya", "TRIPOLI, Libya - Two fighters were killed in clashes inside the truce zone south"
     " of the capital on Sunday, residents said.", "Armed clash", "Agreement"),
])
def test_ground_named_after_an_event_tells_none(war: str, body: str, told: str,
                                                named: str) -> None:
    kinds = [k for k, _ in _events(war, body)]
    assert told in kinds
    assert named not in kinds
