"""Event actors: violence against civilians told with no one doing it takes the article's
one side doing such violence (issue 12).

On gold train, dispatches list an armed group's killings and abductions one by one ("Islamic
State militants executed ...", then "two women were stoned to death in Raqqa", "a ninth
man was executed and crucified in al-Bab"); every violence-against-civilians event of gold
dev and train names its actor1, the side the article tells doing it. Two sides doing such
violence leave a bare killing's side unnamed. Sentences written for these tests.
"""

from __future__ import annotations

from events_fixtures import (  # noqa: F401  (fixtures are found by name in this module)
    Extract,
    extract_fixture,
    syria_with_gazetteer_fixture,
)

_LEAD = ("Islamic State militants executed three men in Deir Ezzor on Monday for smoking,"
         " the Observatory said. ")
_BARE = "In Raqqa, two women were stoned to death for adultery on Tuesday, the Observatory said."


def _raqqa_attack_side(extract: Extract, body: str) -> str | None:
    _, events = extract(body)
    attack = next(e for e in events if e.sub_event_type == "Attack"
                  and e.place is not None and e.place.name == "Raqqa")
    return attack.actor1


def test_a_bare_killing_is_the_side_the_article_tells_killing(extract: Extract) -> None:
    assert _raqqa_attack_side(extract, _LEAD + _BARE) == "Islamic State"


def test_two_sides_killing_leave_a_bare_killing_unnamed(extract: Extract) -> None:
    body = (_LEAD + "Regime forces executed five detainees in Hama on Sunday, activists said. "
            + _BARE)
    assert _raqqa_attack_side(extract, body) is None
