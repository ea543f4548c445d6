"""Event actors where the parse puts the victims, a weapon or a building in an actor's slot.

Issue 12 (actor1 on gold train): civilians named as the subject of "were killed in X
shelling" are who suffered it, never the side that shelled; a gerund the parser reads for
the trigger noun ("killed in mortar shelling by ISIS") borrows the passive verb's subject,
the victims; barrel bombs are the state's whatever words tell them ("explosive barrels",
"a barrel bomb attack"); a university building the NER model names as an organisation is
the place hit, not a party; the side evacuated is an evacuation's actor1, people the text
gives no side its civilians. Sentences written for these tests, like the FA-KES ones.
"""

from __future__ import annotations

import pytest
from events_fixtures import (  # noqa: F401  (fixtures are found by name in this module)
    Extract,
    extract_fixture,
    first_event,
    syria_with_gazetteer_fixture,
)

# (body, sub_event_type, actor1, actor2); None: the slot must stay empty
CASES = [
    # the civilians killed are actor2; the side's word before the trigger is actor1
    ("Seven civilians were killed in rebel shelling of government-held neighbourhoods of"
     " Aleppo on Sunday, the monitor said.",
     "Shelling/artillery/missile attack", "Opposition Rebels (Syria)", "Civilians (Syria)"),
    # "shelling" parsed as a gerund under "injured": its "by" agent shelled
    ("Two civilians were killed and several more injured in mortar shelling by ISIS"
     " militants on the government-held part of Deir Ezzor on Monday.",
     "Shelling/artillery/missile attack", "Islamic State", "Civilians (Syria)"),
    # barrel bombs with no one named: the state's forces (gold/GUIDE.md)
    ("Helicopters dropped explosive barrels on the Bustan al-Qasr district of Aleppo on"
     " Sunday, killing three people.",
     "Air/drone strike", "Military Forces of Syria", "Civilians (Syria)"),
    ("At least nine people were killed in a barrel bomb attack on the town of Daraya on"
     " Friday.", "Air/drone strike", "Military Forces of Syria", "Civilians (Syria)"),
    # a faculty hit is where the students were hurt, not an actor
    ("Mortar shells hit the Faculty of Medicine in Aleppo on Tuesday, injuring five"
     " students.", "Shelling/artillery/missile attack", None, "Civilians (Syria)"),
    # people evacuated with no side named are civilians; named fighters keep their side
    ("Buses evacuating some 1500 residents of the besieged town of Madaya reached Idlib on"
     " Thursday.", "Other", "Civilians (Syria)", None),
    ("About 2000 people left the besieged towns of Foua and Kefraya on Wednesday, the first"
     " of the evacuations agreed last month.", "Other", "Civilians (Syria)", None),
    ("Several hundred rebel fighters were evacuated from the town of Moadamiyeh on Saturday"
     " under the deal.", "Other", "Opposition Rebels (Syria)", None),
]


@pytest.mark.parametrize(("body", "subtype", "actor1", "actor2"), CASES)
def test_event_actors_victims_and_places_are_not_the_attacker(
    extract: Extract, body: str, subtype: str, actor1: str | None, actor2: str | None
) -> None:
    _, events = extract(body)
    event = first_event(events, subtype)
    assert (event.actor1, event.actor2) == (actor1, actor2)

