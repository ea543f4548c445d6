"""Actors of a violent noun's agent told elsewhere in the sentence (issue 12).

Sentences from the gold dev articles (FA-KES train rows), trimmed: a toll whose own frame
names no side takes the ``by`` agent of the violent noun the sentence tells it happened in
("in the second heavy bombardment by Jaysh al-Islam"); a noun feared or planned ("feared
revenge attacks by pro-government forces") names no one who acted.
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
    ("Rocket attacks killed 5 people in Damascus on Thursday and wounded at least 50 a"
     " monitoring group said in the second heavy bombardment by terrorist group Jaysh"
     " al-Islam terrorists in less than two weeks.",
     "Shelling/artillery/missile attack", "Jaysh al-Islam"),
    ("A bomb blast hit a bus convoy in Rashidin on Saturday. People waiting in the Ramousah"
     " garage heard the blast and said they feared revenge attacks by pro-government"
     " forces.",
     "Remote explosive/landmine/IED", "Unidentified Armed Group (Syria)"),
]


@pytest.mark.parametrize(("body", "subtype", "actor1"), CASES)
def test_violence_agent_in_the_sentence(extract: Extract, body: str, subtype: str,
                                        actor1: str | None) -> None:
    _, events = extract(body)
    assert first_event(events, subtype).actor1 == actor1
