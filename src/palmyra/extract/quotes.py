"""Quotations with their speakers, reported speech, and scare quotes as a framing signal.

Every pair of quotation marks (``quotemarks.scan``) is read once, in text order:

1. marks that enclose a title are skipped: inside a parenthetical reference, after
   a title word ("under the headline ‘…’"), or right after an outlet's name
   ("CBS “Face the Nation”");
2. a quotation attributed by ``speakers.Attributor`` is a ``Quote`` whose speaker
   is named by ``naming.Namer``;
3. an unattributed quotation that opens a sentence right after an attributed one
   ("“A,” he said. “B.”") continues it, with the same speaker;
4. any other top-level quotation of a few words ("the ‘opposition’", "“CIA-armed
   units”") is a scare quote: a ``FrameSignal``, since the writer, not a speaker,
   uses it. Longer unattributed quotations are left out: the gold counts only
   quotations that the article attributes.

Reported speech ("Kerry announced that …") is a ``Quote`` with ``direct=False``
whose span is the reported clause; clauses that hold a quotation are left to the
direct quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from palmyra import registry
from palmyra.extract.lexicon import citation_cues
from palmyra.extract.naming import Namer, Speaker
from palmyra.extract.outlets import Outlets
from palmyra.extract.quotemarks import Quoted, scan
from palmyra.extract.references import references
from palmyra.extract.speakers import Attributor, is_cue, speaker_of
from palmyra.model import FrameSignal, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from palmyra.context import DocContext

QUOTES = "palmyra.quotes.v1"
SCARE_QUOTES = "palmyra.scare_quotes.v1"
SCARE_MAX_WORDS = 4  # default of the setting "quotes.scare_max_words"
_SENTENCE_OPENERS = re.compile(r"(?:\A|[.!?:…]\s*|\n\s*)\Z")
_CONTINUE_GAP = 120  # at most this many characters between a quotation and its continuation


@dataclass
class _Reading:
    """What one pass over a document's quotation marks found."""

    quotes: list[Quote] = field(default_factory=list)
    scare: list[FrameSignal] = field(default_factory=list)


@registry.extractors.register(QUOTES)
def quotes(doc: Doc, ctx: DocContext) -> list[Quote]:
    """Direct quotations with their speakers, then reported speech, in text order."""
    return _read(doc, ctx).quotes


@registry.extractors.register(SCARE_QUOTES)
def scare_quotes(doc: Doc, ctx: DocContext) -> list[FrameSignal]:
    """Short quoted phrases that no one is said to have said: the writer's distancing."""
    return _read(doc, ctx).scare


def _read(doc: Doc, ctx: DocContext) -> _Reading:
    outlets = Outlets(doc, ctx.profile.outlets if ctx.profile else ())
    found = scan(doc.text)
    region = _innermost(doc, found)
    context = [q.parent if q.parent is not None else -1 for q in found]
    titles = _titles(doc, found, outlets)
    quoted = {i for i, r in enumerate(region) if r >= 0}
    attributor = Attributor(lambda t, k: region[t.i] == context[k])
    namer = Namer(doc, ctx, outlets, quoted)
    max_words = ctx.settings.get("quotes.scare_max_words", SCARE_MAX_WORDS)
    reading = _Reading()
    previous: dict[int | None, tuple[Quoted, Speaker | None]] = {}  # last quotation per parent
    for item in _in_text_order(doc, found, region):
        if not isinstance(item, int):
            reported = _reported(item, quoted, namer)
            if reported is not None:
                start, end, speaker = reported
                reading.quotes.append(_quote(doc, ctx, (start, end), speaker, item, False))
            continue
        q = found[item]
        if item in titles:
            continue
        inner = doc.char_span(q.start, q.end, alignment_mode="expand")
        if inner is None:
            continue
        att = attributor.attribute(inner, item)
        speaker = namer.name(att.speaker) if att else None
        before = previous.get(q.parent)
        if speaker is None and before and before[1] and _continues(doc.text, before[0], q):
            speaker = before[1]
        previous[q.parent] = (q, speaker)
        if speaker is not None:
            cue = att.cue if att else None
            reading.quotes.append(_quote(doc, ctx, (q.start, q.end), speaker, cue, True))
        elif q.depth == 0 and _short(doc.text[q.start : q.end], max_words):
            span = ctx.span(q.start, q.end)
            reading.scare.append(
                FrameSignal(ctx.document.id, span, "scare_quote", extractor=SCARE_QUOTES)
            )
    return reading


def _innermost(doc: Doc, found: list[Quoted]) -> list[int]:
    """For each token, the index of the innermost quotation holding it (-1 for none)."""
    region = [-1] * len(doc)
    for k, q in enumerate(found):  # outer quotations come first, so inner ones overwrite
        span = doc.char_span(q.start, q.end, alignment_mode="contract")
        if span is not None:
            region[span.start : span.end] = [k] * len(span)
    return region


def _titles(doc: Doc, found: list[Quoted], outlets: Outlets) -> set[int]:
    """Quotations that enclose a title, not anyone's words (step 1 of the module docstring)."""
    text = doc.text
    refs = [(r.start, r.end) for r in references(text, outlets.canonical)]
    title_words = citation_cues()["title"]
    ends = {m.end for m in outlets.mentions}
    out = set()
    for k, q in enumerate(found):
        head = text[max(0, q.open - 20) : q.open]
        word = head.split()[-1].lower() if head.split() else ""
        if (
            any(s <= q.open < e for s, e in refs)
            or word.strip(",:") in title_words
            or any(0 <= q.open - e <= 1 for e in ends)
        ):
            out.add(k)
    return out


def _in_text_order(doc: Doc, found: list[Quoted], region: list[int]):
    """Quotation indexes and reported-speech cue tokens, merged in text order."""
    cues = [
        t
        for t in doc
        if region[t.i] < 0
        and is_cue(t)
        and (t.lower_ == "according" or any(c.dep_ == "ccomp" for c in t.children))
    ]
    items: list[tuple[int, int | Token]] = [(q.open, k) for k, q in enumerate(found)]
    items += [(t.idx, t) for t in cues]
    return [item for _, item in sorted(items, key=lambda p: p[0])]


def _continues(text: str, before: Quoted, q: Quoted) -> bool:
    """Rule 3: ``q`` opens a sentence shortly after ``before`` ended."""
    gap = text[before.close + 1 : q.open]
    return len(gap) <= _CONTINUE_GAP and bool(_SENTENCE_OPENERS.search(text[: q.open][-3:]))


def _short(text: str, max_words: int) -> bool:
    stripped = text.strip()
    return len(stripped.split()) <= max_words and not stripped.endswith((".", "?", "!"))


def _reported(cue: Token, quoted: set[int], namer: Namer) -> tuple[int, int, Speaker] | None:
    """The reported clause of a cue and its speaker: "Kerry announced that …"."""
    if any(c.dep_ == "neg" for c in cue.children):
        return None
    if cue.lower_ == "according":
        clause = cue.head
        drop = {t.i for t in cue.subtree}
        content = [t for t in clause.subtree if t.i not in drop]
    else:
        ccomp = next(c for c in cue.children if c.dep_ == "ccomp")
        content = list(ccomp.subtree)
    inside = {t.i for t in content}
    if not content or inside & quoted:
        return None
    head = speaker_of(cue, lambda t: t.i in inside or t.i in quoted)
    speaker = namer.name(head) if head is not None else None
    if speaker is None:
        return None
    run = _longest_run(content)
    while run and (run[0].is_punct or run[0].dep_ in ("mark", "cc")):
        run = run[1:]
    while run and run[-1].is_punct:
        run = run[:-1]
    if not run:
        return None
    return run[0].idx, run[-1].idx + len(run[-1]), speaker


def _longest_run(tokens: list[Token]) -> list[Token]:
    """The longest stretch of consecutive tokens (a clause may be split by its cue)."""
    ordered = sorted(tokens, key=lambda t: t.i)
    runs: list[list[Token]] = [[ordered[0]]]
    for t in ordered[1:]:
        if t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return max(runs, key=len)


def _quote(
    doc: Doc,
    ctx: DocContext,
    chars: tuple[int, int],
    speaker: Speaker,
    cue: Token | None,
    direct: bool,
) -> Quote:
    span = ctx.span(*chars)
    first, last = doc[speaker.start], doc[speaker.end - 1]
    return Quote(
        ctx.document.id,
        span,
        ctx.document.text[span.start : span.end],
        speaker.name,
        ctx.span(first.idx, last.idx + len(last)),
        ctx.span(cue.idx, cue.idx + len(cue)) if cue is not None else None,
        direct,
        QUOTES,
    )
