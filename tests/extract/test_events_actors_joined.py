"""Actors of two sides joined before the trigger (issue 12).

Sentences from the gold dev and train articles (FA-KES train rows), trimmed: two sides
joined as the subject of a violent verb ("Regime and Russian forces have intensified aerial
bombardment") give the first named, as two joined before a trigger noun do ("regime and
Russian bombings"; gold/GUIDE.md: one actor per slot, the first); a battle's subject pair
("the army and Hezbollah clashed with rebels") is left to the clash's own rules.
"""

from __future__ import annotations

import pytest
from events_fixtures import (  # noqa: F401  (fixtures are found by name in this module)
    Extract,
    extract_fixture,
    first_event,
    syria_with_gazetteer_fixture,
)

# (body, sub_event_type, actor1)
CASES = [
    ("Regime and Russian forces have lately intensified aerial bombardment on Idlib"
     " province.",
     "Air/drone strike", "Military Forces of Syria"),
    ("Russian and regime warplanes bombed the town of Douma on Monday.",
     "Air/drone strike", "Military Forces of Russia"),
]


@pytest.mark.parametrize(("body", "subtype", "actor1"), CASES)
def test_first_of_the_sides_joined_before_the_verb(extract: Extract, body: str, subtype: str,
                                                   actor1: str | None) -> None:
    _, events = extract(body)
    assert first_event(events, subtype).actor1 == actor1
