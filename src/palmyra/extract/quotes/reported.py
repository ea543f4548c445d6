"""Reported speech: the clause a speech verb reports, "Kerry announced that …".

The gold counts direct quotations only; reported speech is kept as ``Quote`` with
``direct=False`` because an analyst reads the two together: who claimed what, in the
speaker's words or the writer's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from palmyra.extract.positions import Bounds
from palmyra.extract.quotes.naming import Namer, Speaker
from palmyra.extract.quotes.speakers import speaker_of

if TYPE_CHECKING:
    from spacy.tokens import Token


def reports(cue: Token) -> bool:
    """Whether a cue word governs a reported clause: "said that …", "according to X, …"."""
    return cue.lower_ == "according" or any(c.dep_ == "ccomp" for c in cue.children)


def reported_clause(
    cue: Token, quoted: set[int], namer: Namer, bounds: Bounds
) -> tuple[int, int, Speaker] | None:
    """The character range of the clause ``cue`` reports, and its speaker.

    ``None`` when the cue is negated, when the clause holds a quotation (the direct
    quote stands for it), when no one is named ("these attacks suggest that …"
    reports no one's words), or when the clause lies in another sentence.

    Args:
        quoted: token indexes inside quotations and references.
        bounds: the document's sentence bounds.
    """
    if any(c.dep_ == "neg" for c in cue.children) or _passive_participle(cue):
        return None
    if cue.lower_ == "according":
        drop = {t.i for t in cue.subtree}
        content = [t for t in cue.head.subtree if t.i not in drop]
    else:
        ccomp = next(c for c in cue.children if c.dep_ == "ccomp")
        content = list(ccomp.subtree)
    inside = {t.i for t in content}
    if not content or inside & quoted:
        return None
    head = speaker_of(cue, lambda t: t.i in inside or t.i in quoted)
    speaker = namer.name(head, any_noun=False) if head is not None else None
    if speaker is None:
        return None
    run = _longest_run([t for t in content if bounds[t.i] == bounds[cue.i]])
    while run and (run[0].is_punct or run[0].dep_ in ("mark", "cc")):
        run = run[1:]
    while run and run[-1].is_punct:
        run = run[:-1]
    if not run:
        return None
    return run[0].idx, run[-1].idx + len(run[-1]), speaker


def _passive_participle(cue: Token) -> bool:
    """"Asked whether Russia would veto, Nebenzia replied": the question is not his words.

    A cue hanging on another clause without a subject of its own borrows that
    clause's subject; only an "-ing" form ("adding that", "noting that") is said by it.
    """
    own = ("nsubj", "nsubjpass", "agent")
    borrowed = cue.dep_ == "advcl" and not any(c.dep_ in own for c in cue.children)
    return borrowed and cue.tag_ != "VBG"


def _longest_run(tokens: list[Token]) -> list[Token]:
    """The longest stretch of consecutive tokens (a clause may be split by its cue)."""
    runs: list[list[Token]] = []
    for t in sorted(tokens, key=lambda t: t.i):
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return max(runs, key=len, default=[])
