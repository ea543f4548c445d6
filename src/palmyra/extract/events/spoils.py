"""Weapons seized, destroyed or cleared in the fighting a sentence tells are that fight's.

GUIDE: "Weapons seized or fighters captured during a battle are part of the battle", and
mines cleared in ground just taken are part of the territory change. A SANA dispatch tells
the spoils in the clause beside the fight ("killing around 80 militants and destroying
their armored vehicles", "took control of al-Mazare ... after tens of explosive devices and
mines were removed", "were destroyed during the confrontation with the army units seizing
the terrorists weapons"): the re-typing rules make each a Disrupted weapons use, a second
event the gold does not code. A missile or drone shot down, intercepted or defused is a
weapon stopped in use and stays an event of its own beside the strike it was part of.
"""

from __future__ import annotations

from palmyra.extract.events.merge import EXPORTED, REMOTE, Candidate
from palmyra.extract.events.triggers import DISRUPTED as STOPPED_FAMILY

DISRUPTED_USE = "Disrupted weapons use"
_BATTLES = "Battles"
REASON = "weapons taken or destroyed in the fighting its sentence tells: part of that fight"


def spoils_of_battle(candidates: list[Candidate]) -> None:
    """Drop each Disrupted weapons use read from a seizure, a destruction or a clearing
    (not a weapon stopped in use) whose sentence tells a battle or a strike, in the
    article's voice or on someone's word, in words of its own: the spoils' own nouns
    ("seized a cache of rockets, mortars and explosive belts", "three suicide vests") read
    as a strike or a bombing and vouch for no fight."""
    fights = [c for c in candidates
              if c.event_type in (_BATTLES, REMOTE) and c.modality in EXPORTED]
    for cand in candidates:
        if (cand.sub_event_type == DISRUPTED_USE and cand.family != STOPPED_FAMILY
                and any(_apart(cand, f) for f in fights)):
            cand.decision, cand.reason = "dropped", REASON


def _apart(spoils: Candidate, fight: Candidate) -> bool:
    """Whether the fight is told in the spoils' sentence, in more than the spoils' own
    words (a telling inside them reads the seized weapons' nouns)."""
    a, b = spoils.evidence, fight.evidence
    return ((spoils.region, spoils.sentence) == (fight.region, fight.sentence)
            and not (a.start <= b.start and b.end <= a.end))
