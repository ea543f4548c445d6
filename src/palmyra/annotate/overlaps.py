"""One reading per stretch of text: overlapping mentions from different annotators are settled.

Annotators run independently, so "Islamic State in Iraq and Syria" can come
back as an actor and as two places, and "28 March 2016" as a date and two
numbers. The longer mention wins (it is the more specific reading); on equal
length the kind order below decides. The one overlap kept on purpose is an
actor and a place on exactly the same words ("Damascus announced…"), where
the capital stands for the government and is a place at once.
"""

from __future__ import annotations

from palmyra.model import Mention

KIND_ORDER = {"date": 0, "actor": 1, "person": 2, "place": 3, "number": 4}
METONYMS = frozenset({"actor", "place"})


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """The mentions that survive, in text order."""
    ranked = sorted(
        mentions,
        key=lambda m: (-(m.span.end - m.span.start), KIND_ORDER.get(m.kind, 9), m.span.start),
    )
    kept: list[Mention] = []
    for m in ranked:
        if all(_compatible(m, k) for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: (m.span.start, m.span.end, KIND_ORDER.get(m.kind, 9)))


def _compatible(a: Mention, b: Mention) -> bool:
    if a.span.end <= b.span.start or b.span.end <= a.span.start:
        return True
    same_words = (a.span.start, a.span.end) == (b.span.start, b.span.end)
    return same_words and {a.kind, b.kind} == METONYMS
