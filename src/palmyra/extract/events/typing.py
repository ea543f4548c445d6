"""The ACLED type of a trigger once its clause and actors are known.

A trigger's own type is a default; ``event_retype.tsv`` refines a trigger
family from weapon cues in the clause ("suicide", "warplanes", "sarin") and
from who acts: the same "captured" is "Government regains territory" for a
state force and "Non-state actor overtakes territory" for a rebel group, a
"bombing" by a state force is an air strike, and a killing of civilians is
violence against civilians.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from palmyra.extract.events.lexicon import Lexicon
from palmyra.extract.events.triggers import Hit
from palmyra.model import ActorRef

# Cue classes of the clause that re-type a trigger (event_retype.tsv): weapons, how a protest
# was met, what was seized or shot down, a peaceful handover.
TYPING_CUES = ("air", "suicide", "chemical", "artillery", "intervention", "lethal", "violent",
               "arms", "crewed", "peaceful", "military_target")
DEFAULT_STATE_KINDS = frozenset({"state_forces", "government", "militia", "police"})
CIVILIAN_KINDS = frozenset({"civilians"})


def event_type(
    hit: Hit,
    clause: list[Token],
    actor1: ActorRef | None,
    actor2: ActorRef | None,
    victims: Iterable[Token],
    lex: Lexicon,
    state_kinds: frozenset[str] = DEFAULT_STATE_KINDS,
) -> tuple[str, str]:
    """``(event_type, sub_event_type)`` for the trigger, after the first matching re-typing rule."""
    cues = {c for c in TYPING_CUES if any(lex.cue(t, c) for t in clause if t.i != hit.token.i)}
    for name, ref in (("actor1", actor1), ("actor2", actor2)):
        if ref is not None:
            cues.add(f"{name}:{'state' if ref.kind in state_kinds else 'nonstate'}")
    if (actor2 is not None and actor2.kind in CIVILIAN_KINDS) or any(
        lex.cue(t, "civilian") for t in victims
    ):
        cues.add("actor2:civilian")
    for rule in lex.retypes.get(hit.entry.family, ()):
        if rule.cue in cues:
            return rule.event_type, rule.sub_event_type
    return hit.entry.event_type, hit.entry.sub_event_type
