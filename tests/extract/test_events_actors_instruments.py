"""Actors of a weapon named as an instrument, and of fighters named by no group as a target.

Sentences from the gold train and dev articles (FA-KES train rows), trimmed: "terrorists
targeted X with rocket shells" — the weapon serves the verb, whose subject fired it (the
weapon's own frame, "shells hit X", would make the place its subject); "terrorist attacks
with shells" — the descriptor before the attack names the side that fired; "warplanes hit
militants positions" — fighters the text names by no group are the enemy the striking side
fights (gold/GUIDE.md: "terrorists" in a state outlet, the armed opposition by default).
"""

from __future__ import annotations

import pytest
from events_fixtures import (  # noqa: F401  (fixtures are found by name in this module)
    Extract,
    extract_fixture,
    first_event,
    syria_with_gazetteer_fixture,
)

# (body, sub_event_type, actor1, actor2); "any": the slot is not what the case checks
CASES = [
    ("A source at Aleppo Police Command told SANA reporter that terrorists targeted"
     " al-Sulaymaniyah neighborhood with rocket shells killing three persons and injuring 9"
     " others some critically.",
     "Shelling/artillery/missile attack", "Opposition Rebels (Syria)", "any"),
    ("Three civilians were killed and 12 others were injured on Saturday in terrorist attacks"
     " with shells and explosive bullets on Aleppo residential neighborhoods.",
     "Shelling/artillery/missile attack", "Opposition Rebels (Syria)", "Civilians (Syria)"),
    ("Syrian army warplanes hit militants positions in the northwestern province of Idlib on"
     " Monday.",
     "Air/drone strike", "Military Forces of Syria", "Opposition Rebels (Syria)"),
    ("Syria army had responded with air strikes on terrorists position in the Eastern Ghouta"
     " district on Monday.",
     "Air/drone strike", "Military Forces of Syria", "Opposition Rebels (Syria)"),
    # positions no fighters are named for: no owner guessed
    ("Syrian army warplanes hit positions in the northwestern province of Idlib on Monday.",
     "Air/drone strike", "Military Forces of Syria", None),
    # "clashed with": the battle's other side, not a weapon
    ("Government forces clashed with rebels in Daraa on Monday.",
     "Armed clash", "Military Forces of Syria", "Opposition Rebels (Syria)"),
]


@pytest.mark.parametrize(("body", "subtype", "actor1", "actor2"), CASES)
def test_instrument_and_target_actors(
    extract: Extract, body: str, subtype: str, actor1: str | None, actor2: str | None
) -> None:
    _, events = extract(body)
    event = first_event(events, subtype)
    assert event.actor1 == actor1
    if actor2 != "any":
        assert event.actor2 == actor2
