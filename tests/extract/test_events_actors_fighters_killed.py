"""Event actors: the fighters a strike killed are actor2 (issue 12).

On gold train, strikes whose actor1 is a side and whose toll counts fighters the text names
by no group ("killing at least 31 jihadists", "killed about a hundred militants") are
coded with actor2 the side those fighters belong to: the group their word names in the
article's context, else the side actor1 fights (gold/GUIDE.md: "terrorists" name the group
the context shows). Civilians killed stay Civilians; a strike that kills no one counted
keeps actor2 empty. Sentences written for these tests, like the FA-KES ones.
"""

from __future__ import annotations

import pytest
from events_fixtures import (  # noqa: F401  (fixtures are found by name in this module)
    Extract,
    extract_fixture,
    first_event,
    syria_with_gazetteer_fixture,
)

_IS_CONTEXT = ("Islamic State fighters attacked army positions near Tabqa on Sunday, the"
               " Observatory said. ")

# (body, sub_event_type, actor1, actor2)
CASES = [
    # "jihadists" in an article on IS: the group's fighters
    (_IS_CONTEXT + "The regime carried out 12 raids on the town of Tabqa on Monday, killing"
     " at least 20 jihadists and wounding dozens of them.",
     "Air/drone strike", "Military Forces of Syria", "Islamic State"),
    # "a hundred of militants": the enemy the article names
    (_IS_CONTEXT + "The Syrian Arab Air Force destroyed a convoy near the city of Salamiyah on"
     " Monday and killed about a hundred militants.",
     "Air/drone strike", "Military Forces of Syria", "Islamic State"),
    # civilians killed are no fighters
    (_IS_CONTEXT + "The regime carried out 12 raids on the town of Tabqa on Monday, killing"
     " at least 20 civilians.",
     "Air/drone strike", "Military Forces of Syria", "Civilians (Syria)"),
]


@pytest.mark.parametrize(("body", "subtype", "actor1", "actor2"), CASES)
def test_fighters_killed_by_a_strike_are_the_side_struck(
    extract: Extract, body: str, subtype: str, actor1: str | None, actor2: str | None
) -> None:
    _, events = extract(body)
    event = first_event(events, subtype)
    assert (event.actor1, event.actor2) == (actor1, actor2)
