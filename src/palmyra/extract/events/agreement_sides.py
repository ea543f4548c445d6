"""The parties of an agreement the text names only as "the warring parties", "the two sides".

Wire copy tells talks and truces between a war's two sides without naming them again
("The warring parties resumed talks in Jeddah", "a ceasefire had been agreed between the two
sides"): the parse finds no actor, or only the mediators. ACLED codes the parties, and the
article's own battles name them: where those battles, told as having happened, name one
pair of armed sides only, the agreement is theirs, the state's side first (gold/GUIDE.md:
"an agreement between the state and a non-state party: the state's side is actor1").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from palmyra.extract.events.index import DocIndex
from palmyra.extract.events.merge import EXPORTED, Candidate
from palmyra.extract.events.syntax import sentences
from palmyra.model import Event
from palmyra.profiles import Profile

_AGREEMENT = "Agreement"
_BATTLES = "Battles"
# "the warring parties", "Libya's two main warring sides", "both sides", "the rival factions"
_SIDES = re.compile(r"\b(?:warring|two|both|rival)(?:\s+(?:main|warring|rival))*\s+"
                    r"(?:sides|parties|factions)\b", re.IGNORECASE)
_ARMED_KINDS = frozenset({"state_forces", "armed_group", "militia"})


def fill_agreement_sides(events: list[Event], candidates: list[Candidate], index: DocIndex
                         ) -> list[Event]:
    """Agreements told in a sentence that names their parties as "the two sides" (or
    "warring parties", "both sides") take the article's one pair of fighting sides; the
    mediators or one side the parse found there give way to the pair. Two pairs, or none,
    leave the agreement as it is."""
    told = [e for e in events if e.sub_event_type == _AGREEMENT and _sides_named(e, candidates,
                                                                              index)]
    if not told:
        return events
    pair = _battle_pair(candidates, index.ctx.profile)
    if pair is None:
        return events
    return [replace(e, actor1=pair[0], actor2=pair[1]) if e in told else e for e in events]


def _sides_named(event: Event, candidates: list[Candidate], index: DocIndex) -> bool:
    """Whether a sentence the agreement is told in names its parties as sides."""
    spans = set(event.evidence)
    told = {c.sentence for c in candidates if c.evidence in spans}
    sents = list(sentences(index.doc))
    return any(_SIDES.search(sents[n].text) for n in told if 0 <= n < len(sents))


def _battle_pair(candidates: list[Candidate], profile: Profile | None
                 ) -> tuple[str, str] | None:
    """The one pair of armed sides the article's battles name, the state's side first (else
    in the order most often told)."""
    told: Counter[tuple[str, str]] = Counter()
    for c in candidates:
        if (c.event_type == _BATTLES and c.modality in EXPORTED and c.actor1 and c.actor2
                and c.actor1 != c.actor2 and _armed(c.actor1, profile)
                and _armed(c.actor2, profile)):
            told[(c.actor1, c.actor2)] += 1
    if len({frozenset(p) for p in told}) != 1:
        return None
    first, second = told.most_common(1)[0][0]
    if _kind(second, profile) == "state_forces" and _kind(first, profile) != "state_forces":
        first, second = second, first
    return first, second


def _kind(canonical: str, profile: Profile | None) -> str | None:
    entry = profile.actor(canonical) if profile is not None else None
    return entry.kind if entry is not None else None


def _armed(canonical: str, profile: Profile | None) -> bool:
    """A side that fights (state forces, an armed group, a militia), not a body or civilians."""
    return _kind(canonical, profile) in _ARMED_KINDS
