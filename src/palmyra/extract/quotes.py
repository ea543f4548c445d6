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
from palmyra.extract.quotemarks import Quoted, scan, within
from palmyra.extract.references import references
from palmyra.extract.sentences import Bounds, sentence_bounds
from palmyra.extract.speakers import Attributor, is_cue, speaker_of
from palmyra.model import FrameSignal, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from palmyra.context import DocContext

QUOTES = "palmyra.quotes.v1"
SCARE_QUOTES = "palmyra.scare_quotes.v1"
SCARE_MAX_WORDS = 4  # default of the setting "quotes.scare_max_words"
_SENTENCE_OPENERS = re.compile(r"(?:\A|[.!?…]\s*|\n\s*)\Z")
_TITLE_WORDS = 3
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
    refs = [(r.start, r.end) for r in references(doc.text, outlets.canonical)]
    region = _innermost(doc, found, refs)
    context = [q.parent if q.parent is not None else -1 for q in found]
    titles = _titles(doc, found, outlets, refs)
    quoted = {i for i, r in enumerate(region) if r != -1}
    bounds = sentence_bounds(doc)
    attributor = Attributor(lambda t, k: region[t.i] == context[k], bounds)
    namer = Namer(doc, ctx, outlets, region, bounds)
    max_words = ctx.settings.get("quotes.scare_max_words", SCARE_MAX_WORDS)
    reading = _Reading()
    previous: dict[int | None, tuple[Quoted, Speaker | None]] = {}  # last quotation per parent
    said: set[tuple[int, int]] = set()  # reported clauses already taken, by offsets
    for item in _in_text_order(doc, found, region):
        if not isinstance(item, int):
            reported = _reported(item, quoted, namer, bounds)
            if reported is not None and reported[:2] not in said:
                said.add(reported[:2])
                start, end, speaker = reported
                reading.quotes.append(_quote(doc, ctx, ctx.span(start, end), speaker, item, False))
            continue
        q = found[item]
        if item in titles:
            continue
        inner = doc.char_span(q.start, q.end, alignment_mode="expand")
        if inner is None:
            continue
        att = attributor.attribute(inner, item)
        short = _short(doc.text[q.start : q.end], max_words)
        # A few quoted words count as a quotation only with a speaker named or described
        # as a person: "its failure has confirmed … no such thing as a ‘moderate’ armed
        # gang" names no one.
        any_noun = not short and not _according(att.cue) if att else False
        speaker = namer.name(att.speaker, any_noun) if att else None
        before = previous.get(q.parent)
        if speaker is None and before and before[1] and _continues(doc.text, before[0], q):
            speaker = before[1]
        previous[q.parent] = (q, speaker)
        if speaker is not None:
            cue = att.cue if att else None
            reading.quotes.append(_quote(doc, ctx, _between_marks(ctx, q), speaker, cue, True))
        elif q.depth == 0 and short:
            span = _between_marks(ctx, q)
            reading.scare.append(
                FrameSignal(ctx.document.id, span, "scare_quote", extractor=SCARE_QUOTES)
            )
    return reading


def _between_marks(ctx: DocContext, q: Quoted) -> Span:
    """The original text between the two marks, with any markup that cleaning dropped there."""
    after_open = ctx.span(q.open, q.start).end
    return Span(ctx.document.id, after_open, ctx.span(q.end, q.end + 1).start)


def _innermost(doc: Doc, found: list[Quoted], refs: list[tuple[int, int]]) -> list[int]:
    """For each token, the innermost quotation holding it: its index, -1 for none.

    Tokens of parenthetical references are -2, so that neither their cues ("Putin
    says …" in a title) nor their names (an author) are ever read as a speaker's.
    """
    region = [-1] * len(doc)
    for k, q in enumerate(found):  # outer quotations come first, so inner ones overwrite
        span = doc.char_span(q.start, q.end, alignment_mode="contract")
        if span is not None:
            region[span.start : span.end] = [k] * len(span)
    for start, end in refs:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            region[span.start : span.end] = [-2] * len(span)
    return region


def _titles(
    doc: Doc, found: list[Quoted], outlets: Outlets, refs: list[tuple[int, int]]
) -> set[int]:
    """Quotations that enclose a title, not anyone's words (step 1 of the module docstring)."""
    text = doc.text
    title_words = citation_cues()["title"]
    ends = {m.end for m in outlets.mentions}
    out = set()
    for k, q in enumerate(found):
        before = text[max(0, q.open - 20) : q.open].split()
        if (
            within(refs, q.open)
            or (before and before[-1].lower().strip(",:") in title_words)
            or q.open in ends
            or q.open - 1 in ends
            or outlets.canonical(text[q.start : q.end]) is not None  # “Face the Nation”
            or _title_case(text[q.start : q.end])
        ):
            out.add(k)
    return out


def _title_case(text: str) -> bool:
    """A name of a work: every long word capitalised ("Make Your Kid a Millionaire").

    Three capitalised words at least, so that a short slogan ("Bravo for Assad",
    gold 004) stays a quotation.
    """
    words = re.findall(r"[\w’']+", text)
    capitalised = [w for w in words if w[0].isupper()]
    long_ones = [w for w in words if len(w) > 3]
    return len(capitalised) >= _TITLE_WORDS and all(w[0].isupper() for w in long_ones)


def _according(cue: Token | None) -> bool:
    return cue is not None and cue.lower_ == "according"


def _in_text_order(doc: Doc, found: list[Quoted], region: list[int]):
    """Quotation indexes and reported-speech cue tokens, merged in text order."""
    cues = [
        t
        for t in doc
        if region[t.i] == -1
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
    """A few words, not a sentence, held tight by the marks.

    Text that starts or ends with a space lies between two marks that were paired
    the wrong way round (a closing straight mark read as an opening one).
    """
    stripped = text.strip()
    return (
        stripped == text
        and len(stripped.split()) <= max_words
        and not stripped.endswith((".", "?", "!"))
    )


def _reported(
    cue: Token, quoted: set[int], namer: Namer, bounds: Bounds
) -> tuple[int, int, Speaker] | None:
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
    # Only a named speaker: "these attacks suggest that …" reports no one's words.
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
    doc: Doc, ctx: DocContext, span: Span, speaker: Speaker, cue: Token | None, direct: bool
) -> Quote:
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
