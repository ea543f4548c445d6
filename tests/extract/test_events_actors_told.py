"""Who acted in a sentence the event model proposed, where its main verb tells no act.

The model's candidate hangs on the sentence's main verb; often that is a speech verb
("..., the monitor says") or a verb that tells no act ("the killings took place after
..."). The roles are read from the verb below it whose subject names a fighting side;
below a speech verb with none, from the verb it reports, never from its speaker.
Sentences written for these tests in the manner of wire and state-agency reports.
"""

from __future__ import annotations

import pytest
from events_fixtures import (  # noqa: F401  (fixtures are found by name in this module)
    Extract,
    extract_fixture,
    syria_with_gazetteer_fixture,
)

# (body, actor1, actor2): the first told event's actors. The model must propose these
# sentences' events (no rule trigger does): each is written so that it is sure of one
# (p >= 0.9 under this release's model and the one before)
CASES = [
    # a speech verb above the act: the reported clause's subject acted
    ("The official added that government forces were on a broad offensive on the rebel-held"
     " eastern suburbs of Damascus on Sunday.",
     "Military Forces of Syria", "Opposition Rebels (Syria)"),
    ("The Britain-based monitor says Islamic State fighters slit the throats of six young men"
     " near the town of Mayadeen on Thursday.", "Islamic State", None),
    # the act told in a clause of time under a verb that tells none
    ("The deaths took place after troops of the Syrian army entered the rebel-held town of"
     " Tal Rifaat on Tuesday.", "Military Forces of Syria", None),
]


@pytest.mark.parametrize(("body", "actor1", "actor2"), CASES)
def test_event_actors_of_the_told_act(extract: Extract, body: str, actor1: str | None,
                                      actor2: str | None) -> None:
    _, events = extract(body)
    told = [e for e in events if e.modality in ("asserted", "attributed")]
    assert told, events
    assert (told[0].actor1, told[0].actor2 if actor2 else None) == (actor1, actor2), [
        (e.sub_event_type, e.actor1, e.actor2) for e in events]


# A political body named only as a place's holder is no victim of the strike
HOLDER_CASES = [
    "Russian jets targeted the opposition-controlled neighborhood of al-Sakhour in Aleppo on"
    " Monday.",
    "Government helicopters dropped a barrel bomb on an opposition area of Aleppo city on"
    " Monday.",
]


@pytest.mark.parametrize("body", HOLDER_CASES)
def test_event_holder_of_the_place_struck_is_no_actor(extract: Extract, body: str) -> None:
    _, events = extract(body)
    told = [e for e in events if e.modality in ("asserted", "attributed")]
    assert told, events
    assert all(e.actor2 != "Syrian Opposition" for e in told), [
        (e.sub_event_type, e.actor1, e.actor2) for e in told]


# "terrorist" before rocket or mortar fire, with no group in the context: the armed
# opposition (the "terrorists" default, gold/GUIDE.md); before a bomb, an unnamed group
TERRORIST_CASES = [
    ("Two women were injured in a terrorist rocket attack on the al-Qusour neighbourhood of"
     " Homs city on Sunday.", "Shelling/artillery/missile attack", "Opposition Rebels (Syria)"),
    ("Four children were injured as a result of a terrorist mortar attack which hit a school"
     " in Jaramana on Sunday.", "Shelling/artillery/missile attack",
     "Opposition Rebels (Syria)"),
    ("Two civilians were killed in a terrorist bomb attack on a market in Jaramana on Sunday.",
     "Remote explosive/landmine/IED", "Unidentified Armed Group (Syria)"),
]


@pytest.mark.parametrize(("body", "subtype", "actor1"), TERRORIST_CASES)
def test_event_terrorist_fire_is_the_opposition(extract: Extract, body: str, subtype: str,
                                                actor1: str) -> None:
    _, events = extract(body)
    found = [e for e in events if e.sub_event_type == subtype
             and e.modality in ("asserted", "attributed")]
    assert found, [(e.sub_event_type, e.actor1, e.actor2) for e in events]
    assert found[0].actor1 == actor1
