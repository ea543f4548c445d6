"""Event actors where the words leave a party unnamed or name it indirectly.

The ACLED conventions of gold/GUIDE.md: victims who are no fighters are the civilians of
the event's country; an unclaimed bomb is an Unidentified Armed Group; a pronoun subject
is the speaker it stands for; "the alliance" is the armed group named before it; the side
that attacked is actor1 even where the sentence's subject is the side that repelled it.
Sentences from the gold dev articles (FA-KES train
rows) or written like them.
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
    # victims hurt in a strike, named as civilians or people, are Civilians (country)
    ("Three civilians were injured in terrorist organizations rocket attacks on Izraa town in"
     " the northeastern countryside of Daraa Province on Friday.",
     "Shelling/artillery/missile attack", "Opposition Rebels (Syria)", "Civilians (Syria)"),
    ("Nine people were injured by six explosive shells fired by ISIS terrorists on al-Qusour"
     " neighborhood in Deir Ezzor city on Monday.",
     "Shelling/artillery/missile attack", "Islamic State", "Civilians (Syria)"),
    # an unclaimed suicide bomber is an Unidentified Armed Group of the event's country
    ("A suicide bomber blew himself up at the entrance of al-Tayba village in the eastern"
     " countryside of Salamiyah on Tuesday, killing 4 civilians.",
     "Suicide bomb", "Unidentified Armed Group (Syria)", "Civilians (Syria)"),
    # fighters' positions hit: no civilians; militants named by no group are the enemy the
    # army fights (the gold dev codes this sentence's actor2 Opposition Rebels (Syria))
    ("Syrian army warplanes hit militants' positions in Idlib province on Tuesday.",
     "Air/drone strike", "Military Forces of Syria", "Opposition Rebels (Syria)"),
    # "X said it had ...": the speaker acted; the place was taken from the side the
    # profile names as the opposition's opponent (the text names no loser)
    ("The Free Syrian Army said it had seized the village of Rityan on Sunday.",
     "Non-state actor overtakes territory", "Free Syrian Army", "Military Forces of Syria"),
    # the side whose attack was repelled acted; the subject held
    ("Syrian troops repelled an Islamic State attack on the town of Palmyra on Sunday.",
     "Armed clash", "Islamic State", "Military Forces of Syria"),
    # the side named in a noun phrase before the trigger, whatever the parse made of it
    ("Two children were killed by regime bombs in a rebel-held district of Aleppo on"
     " Saturday.", "Air/drone strike", "Military Forces of Syria", "Civilians (Syria)"),
    ("Six people were reported killed in rebel shelling of government-held areas of Aleppo"
     " on Saturday.", "Shelling/artillery/missile attack", "Opposition Rebels (Syria)",
     "Civilians (Syria)"),
    # the state named fighting is its military, not its government
    ("On Tuesday the regime carried out air strikes against the town of Irbin.",
     "Air/drone strike", "Military Forces of Syria", None),
    # clashes between X and Y: the first named acts
    ("Clashes erupted on Sunday between regime forces and rebel fighters near Rastan.",
     "Armed clash", "Military Forces of Syria", "Opposition Rebels (Syria)"),
    # "the alliance" points back to the coalition of armed groups named just before
    ("The Syrian Democratic Forces launched an offensive north of Raqqa on Monday, a monitor"
     " said. The alliance captured the village of Hazima on Tuesday.",
     "Non-state actor overtakes territory", "Syrian Democratic Forces", "Islamic State"),
    # an aircraft shot down by no one named: the unnamed shooters
    ("A Russian military helicopter was shot down over Idlib province on Monday.",
     "Armed clash", "Unidentified Armed Group (Syria)", "Military Forces of Russia"),
]


@pytest.mark.parametrize(("body", "subtype", "actor1", "actor2"), CASES)
def test_event_actors_unnamed_and_indirect(
    extract: Extract, body: str, subtype: str, actor1: str | None, actor2: str | None
) -> None:
    _, events = extract(body)
    event = first_event(events, subtype)
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_event_actors_repelled_by_an_unnamed_attacker_keeps_the_named_side_first(
    extract: Extract,
) -> None:
    _, events = extract("Syrian troops repelled several attacks in the countryside of Hama on"
                        " Saturday, killing dozens of them.")
    event = first_event(events, "Armed clash")
    assert event.actor1 == "Military Forces of Syria"


def test_event_actors_strike_side_from_the_other_strikes(extract: Extract) -> None:
    """An air strike told without its side takes the side the article's other strikes
    name, when they name one side only; two sides leave it unnamed."""
    one = ("Russian warplanes bombed the town of Maarat al-Numan on Sunday, killing 12"
           " civilians. Air raids also killed five civilians in the town of Saraqeb on Sunday.")
    _, events = extract(one)
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert [e.actor1 for e in strikes] == ["Military Forces of Russia"] * 2, strikes
    two = ("Russian warplanes bombed the town of Maarat al-Numan on Sunday, killing 12"
           " civilians. Syrian army helicopters bombed the town of Kafr Nabl on Sunday, killing"
           " three civilians. Air raids also killed five civilians in the town of Saraqeb on"
           " Sunday.")
    _, events = extract(two)
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert [e.actor1 for e in strikes] == [
        "Military Forces of Russia", "Military Forces of Syria", None], strikes


def test_event_actors_target_owner_is_not_the_attacker(extract: Extract) -> None:
    """The group named on the target ("Islamic State artillery positions") was hit."""
    _, events = extract("US warplanes struck Islamic State artillery positions near Makhmour"
                        " on Friday.")
    assert events
    assert all(e.actor1 != "Islamic State" for e in events), events
