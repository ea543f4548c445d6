"""Two kinds of actor the extractor missed (issue 12 item 3), on sentences written for
the test in the wire style of the gold articles.

- "forces loyal to X" are X's forces: a person as the side the profile affiliates them
  with, a government as its military. Before, the bare "forces" named no side, and a
  speech verb's subject ("Britain said it would raise a chemical attack by forces loyal
  to Assad") became the attacker.
- "raise a chemical attack by X": where the parser hangs "by X" on the active verb whose
  object is the trigger noun, X is still the noun's agent, not the verb's subject.
- "killed in fighting with the Daesh group", "clashes with IS militants": the side after
  "with" is the clash's other party (actor2); the fallen side, named first, actor1
  (gold/GUIDE.md: the first named). Civilians killed in a clash stay its victims.
"""

from __future__ import annotations

import pytest
from events_fixtures import (  # noqa: F401  (fixtures are found by name in this module)
    Extract,
    extract_fixture,
    syria_with_gazetteer_fixture,
)

# (body, sub_event_type, actor1, actor2); None: the slot must stay empty
CASES = [
    ("Units loyal to President Bashar al-Assad pounded the village of Kafr Nabl with"
     " artillery on Wednesday, killing three civilians.",
     "Shelling/artillery/missile attack", "Military Forces of Syria", "Civilians (Syria)"),
    ("Germany said on Friday it would raise at the UN an alleged chemical attack by troops"
     " loyal to Assad in the town of Saraqeb.",
     "Chemical weapon", "Military Forces of Syria", None),
    # the parser hangs "by ..." on the speech's verb: the noun's agent all the same
    ("Italy said on Tuesday it would take up a reported chlorine gas attack by forces loyal"
     " to Syrian President Bashar al-Assad at the Security Council.",
     "Chemical weapon", "Military Forces of Syria", None),
    ("Fighters loyal to the Syrian government recaptured the village of Khan Tuman from"
     " rebels on Saturday.",
     "Government regains territory", "Military Forces of Syria", "Opposition Rebels (Syria)"),
    ("The monitor said 9 rebels died on Friday in fighting with the Daesh group near the"
     " town of Azaz.",
     "Armed clash", "Opposition Rebels (Syria)", "Islamic State"),
    ("At least 14 Syrian soldiers were killed on Monday in clashes against Islamic State"
     " jihadists near the airport of Deir Ezzor.",
     "Armed clash", "Military Forces of Syria", "Islamic State"),
    ("Seven civilians were killed on Monday in clashes with Islamic State jihadists in the"
     " town of Mayadin.",
     "Armed clash", None, "Civilians (Syria)"),
]


@pytest.mark.parametrize(("body", "subtype", "actor1", "actor2"), CASES)
def test_event_actor_allegiance_and_foe(
    extract: Extract, body: str, subtype: str, actor1: str | None, actor2: str | None
) -> None:
    _, events = extract(body)
    found = [(e.sub_event_type, e.actor1, e.actor2) for e in events]
    assert (subtype, actor1, actor2) in found, found


def test_loyal_to_no_known_side_names_no_side(extract: Extract) -> None:
    """"Loyal to" a name the profile does not know gives no side: no guess."""
    _, events = extract("Gunmen loyal to a local tribal elder shelled the village of Kafr"
                        " Nabl on Wednesday, killing three civilians.")
    assert all(e.actor1 != "Military Forces of Syria" for e in events), [
        (e.sub_event_type, e.actor1, e.actor2) for e in events]
