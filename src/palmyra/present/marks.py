"""Cut a stretch of original text into runs that each carry the marks covering them.

Facts overlap (a quote inside an event's evidence, a place inside both), so the
page cannot nest one element per fact. Instead the text is cut at every mark
boundary and each run lists every mark over it, innermost first; the page draws
one element per run and the script finds all runs of a fact by its id. Offsets
are Python string offsets, so slicing happens here and never in JavaScript,
whose strings count UTF-16 units.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Mark:
    """One highlighted span: ``kind`` styles it, ``fact`` names what a click selects."""

    start: int
    end: int
    kind: str
    fact: str


@dataclass(frozen=True)
class Run:
    """A piece of text and the marks over it (innermost first)."""

    text: str
    start: int
    kinds: tuple[str, ...]
    facts: tuple[str, ...]
    removed: bool

    @property
    def marked(self) -> bool:
        return bool(self.facts) or self.removed


def runs(
    text: str,
    start: int,
    end: int,
    marks: Iterable[Mark],
    removed: Sequence[tuple[int, int]] = (),
) -> list[Run]:
    """Runs covering ``text[start:end]``; ``removed`` ranges are flagged (drawn greyed)."""
    inside = [m for m in marks if m.start < end and m.end > start and m.end > m.start]
    cut = [(max(s, start), min(e, end)) for s, e in removed if s < end and e > start]
    bounds = {start, end}
    for m in inside:
        bounds.update((max(m.start, start), min(m.end, end)))
    for s, e in cut:
        bounds.update((s, e))
    ordered = sorted(bounds)
    opening: dict[int, list[Mark]] = {}
    for m in inside:
        opening.setdefault(max(m.start, start), []).append(m)
    active: list[Mark] = []
    out: list[Run] = []
    for a, b in zip(ordered, ordered[1:], strict=False):
        active = [m for m in active if m.end > a] + opening.get(a, [])
        over = sorted(active, key=lambda m: (m.end - m.start, m.start))
        out.append(Run(
            text=text[a:b],
            start=a,
            kinds=tuple(dict.fromkeys(m.kind for m in over)),
            facts=tuple(dict.fromkeys(m.fact for m in over)),
            removed=any(s <= a and b <= e for s, e in cut),
        ))
    return out


def excerpt(text: str, start: int, end: int, width: int = 240) -> tuple[str, str, str]:
    """``(before, marked, after)`` around ``text[start:end]`` within its paragraph.

    The context stops at line breaks so that furniture and reader comments on
    their own lines never pass for the evidence's surroundings; long paragraphs
    are cut at spaces, with ellipses.
    """
    lo = max(text.rfind("\n", max(0, start - width), start) + 1, start - width, 0)
    newline = text.find("\n", end, end + width)
    hi = newline if newline >= 0 else min(len(text), end + width)
    if lo > 0 and text[lo - 1] != "\n":
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text) and text[hi] != "\n":
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    before = ("…" if lo > 0 and text[lo - 1] != "\n" else "") + text[lo:start]
    after = text[end:hi] + ("…" if hi < len(text) and text[hi] != "\n" else "")
    return before, text[start:end], after
