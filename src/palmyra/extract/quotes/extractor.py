"""Quotations with their speakers and reported speech; scare quotes fall out of the same reading.

Every pair of quotation marks (``quotemarks.scan``) is read once, in text order:

1. marks that enclose a title are skipped: inside a parenthetical reference, after
   a title word ("under the headline ‘…’"), or right after an outlet's name
   ("CBS “Face the Nation”");
   a name brought in by "so-called" or "known as" is no one's words either;
2. a quotation attributed by ``speakers.Attributor`` is a ``Quote`` whose speaker
   is named by ``naming.Namer``: the first of its attributions (nearest cue first)
   whose speaker phrase names a speaker; an unnamed person ("a source", "activists")
   is a speaker without a name (``None``), as the gold codes them;
3. an unattributed quotation that opens a sentence right after an attributed one
   ("“A,” he said. “B.”"), or that goes on in the same clause ("agreed on “A” and
   strengthening the “B”"), continues it, with the same speaker; one that opens the
   sentence right after a reported clause ("X said all the dead were from six
   families. “…”") is X's;
4. any other top-level quotation of a few words ("the ‘opposition’", "“CIA-armed
   units”") is a scare quote: a ``FrameSignal``, since the writer, not a speaker,
   uses it (registered by ``palmyra.extract.framing.scare_quotes``). Longer
   unattributed quotations are left out: the gold counts only quotations that the
   article attributes.

Reported speech ("Kerry announced that …", ``palmyra.extract.quotes.reported``) is a
``Quote`` with ``direct=False`` whose span is the reported clause; a clause that opens
with a quotation mark never closed and runs up to its speaker ("“At least 25 … were
killed the army added") is a direct quotation whose closing mark was lost, and so is one
whose opening mark ``scan`` paired with none and whose attribution ends it ("“The direct
bombing … is an outrage said Silvia Dallatomasina", ``palmyra.extract.quotes.unclosed``).
Quotations, those, and reported clauses are read together in text order, so that a
pronoun can refer to whoever spoke last in any form.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from palmyra import registry
from palmyra.extract.citations.extractor import known_outlets
from palmyra.extract.citations.references import references
from palmyra.extract.lexicon import citation_cues
from palmyra.extract.outlets import Outlets
from palmyra.extract.positions import sentence_bounds, within
from palmyra.extract.quotemarks import Quoted, scan
from palmyra.extract.quotes.naming import Namer, Speaker
from palmyra.extract.quotes.reported import reported_clause, reports
from palmyra.extract.quotes.speakers import Attributor, is_cue
from palmyra.extract.quotes.unclosed import MANGLED, Unclosed, unclosed
from palmyra.model import FrameSignal, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from palmyra.context import DocContext

QUOTES = "palmyra.quotes.v1"
SCARE_QUOTES = "palmyra.scare_quotes.v1"  # the framing extractor that reports step 4
SCARE_MAX_WORDS = 4  # default of the setting "quotes.scare_max_words"
_SENTENCE_OPENERS = re.compile(r"(?:\A|[.!?…]\s*|\n\s*)\Z")
_TITLE_CAPITALS = 3
_TITLE_WORDS = 8
_PERSON_PRONOUNS = frozenset({"he", "she"})
_CONTINUE_GAP = 120  # at most this many characters between a quotation and its continuation
_SENTENCE_ENDS = re.compile(r"[.!?]")
_SAME_CLAUSE_WORDS = 12  # at most this many words between two quotations of one clause
_SPEAKER_WORDS = 6  # at most this many words between an unclosed quotation and its cue
# Words that introduce a name, not anyone's words: the "so-called" “Sunni Awakening”,
# a group "known as" “Division 30”.
_NAMING = re.compile(
    r"(?:so-called|so called|nicknamed|known as)\s*\Z",
    re.IGNORECASE,
)


@registry.extractors.register(QUOTES)
def quotes(doc: Doc, ctx: DocContext) -> list[Quote]:
    """Direct quotations with their speakers, and reported speech, in text order."""
    return reading(doc, ctx)[0]


def reading(doc: Doc, ctx: DocContext) -> tuple[list[Quote], list[FrameSignal]]:
    """One reading of the document's quotation marks: quotes, and scare quotes for framing."""
    if QUOTES not in ctx.memo:
        ctx.memo[QUOTES] = _Reader(doc, ctx).read()
    return ctx.memo[QUOTES]


class _Reader:
    """One pass over a document's quotation marks and reporting verbs."""

    def __init__(self, doc: Doc, ctx: DocContext) -> None:
        self.doc, self.ctx = doc, ctx
        self.text = doc.text  # spaCy joins the tokens anew at each call
        outlets = Outlets(doc, known_outlets(ctx))
        self.found = scan(self.text)
        self.marks = {q.open for q in self.found} | {q.close for q in self.found}
        refs = [(r.start, r.end) for r in references(self.text, outlets.canonical)]
        self.region = _innermost(doc, self.found, refs)
        context = [q.parent if q.parent is not None else -1 for q in self.found]
        self.titles = _titles(self.text, self.found, outlets, refs)
        self.quoted = {i for i, r in enumerate(self.region) if r != -1}
        self.bounds = sentence_bounds(doc)
        self.attributor = Attributor(lambda t, k: self.region[t.i] == context[k], self.bounds)
        self.namer = Namer(doc, ctx, outlets, self.region, self.bounds)
        self.max_words = ctx.settings.get("quotes.scare_max_words", SCARE_MAX_WORDS)
        self.quotes: list[Quote] = []
        self.scare: list[FrameSignal] = []
        # the last quotation read inside each enclosing quotation (None: top level)
        self.previous: dict[int | None, tuple[Quoted, Speaker | None]] = {}
        self.reported: set[tuple[int, int]] = set()  # clauses already taken, by offsets
        self.last_reported: tuple[int, Speaker] | None = None  # (end offset, speaker)
        self.taken_cues: set[int] = set()  # cues that closed a quotation whose mark was lost

    def read(self) -> tuple[list[Quote], list[FrameSignal]]:
        lost = unclosed(self.doc, self.text, self.marks, lambda t: self.region[t.i] == -1)
        for item in _in_text_order(self.doc, self.found, self.region, list(lost)):
            if isinstance(item, int):
                self._quotation(item)
            elif isinstance(item, Unclosed):
                self._unclosed(item)
            elif item.i not in self.taken_cues:
                self._reported_speech(item)
        return self.quotes, self.scare

    def _unclosed(self, item: Unclosed) -> None:
        """A quotation whose closing mark was lost, ended by its attribution
        (``quotes.unclosed``), with the speaker that attribution names."""
        speaker = self.namer.name(item.speaker, any_noun=False)
        if speaker is None:
            return
        self.taken_cues.add(item.cue.i)
        self.last_reported = (item.end, speaker)
        span = self.ctx.span(item.start, item.end)
        self.quotes.append(self._quote(span, speaker, item.cue, True))

    def _quotation(self, k: int) -> None:
        """Steps 1-4 of the module docstring for the quotation of index ``k``."""
        q = self.found[k]
        inner = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if k in self.titles or inner is None or _title_case(inner):
            return
        short = _short(self.text[q.start : q.end], self.max_words) and not _finite(inner)
        # a name brought in by "so-called" or "known as" is no one's words
        named = _named_thing(self.text, q)
        att, speaker = self._speaker(inner, k, short) if not named else (None, None)
        if att is not None and speaker is not None and speaker.kind != "person":
            speaker = self.namer.named_in_own_words(inner, att.speaker) or speaker
        before = self.previous.get(q.parent)
        if not named and (speaker is None or speaker.kind == "thing") and before and (
            before[1] and before[1].kind != "thing" and self._continues(before[0], q)
        ):
            speaker = before[1]
        elif speaker is None and not short and not named and self.last_reported is not None:
            speaker = self._after_reported(q)
        self.previous[q.parent] = (q, speaker)
        span = _between_marks(self.ctx, q)
        if speaker is not None:
            self.quotes.append(self._quote(span, speaker, att.cue if att else None, True))
        elif q.depth == 0 and short:
            frame = FrameSignal(self.ctx.document.id, span, "scare_quote", extractor=SCARE_QUOTES)
            self.scare.append(frame)

    def _speaker(self, inner: SpacySpan, k: int, short: bool):
        """The first attribution whose speaker the namer can name (``attributions``),
        else the first one at all; with the speaker."""
        first = None
        atts = self.attributor.attributions(inner, k)
        for n, att in enumerate(atts):
            # A few quoted words count as a quotation only with a speaker named or described
            # as a person: "its failure has confirmed … no such thing as a ‘moderate’ gang".
            any_noun = not short and not _according(att.cue)
            speaker = self.namer.name(att.speaker, any_noun)
            if speaker is not None and speaker.kind != "thing":
                if speaker.kind == "outlet" and _according(att.cue):
                    said = self._speaker_above(atts[n + 1 :], any_noun)
                    if said is not None:
                        return said
                if speaker.kind != "person" or speaker.name is None:
                    named = self._person_before(atts[n + 1 :], att, any_noun)
                    if named is not None:
                        return named
                return att, speaker
            if first is None and speaker is not None:
                first = (att, speaker)
        if first is None and short and atts and atts[0].speaker.lower_ in _PERSON_PRONOUNS:
            # "… whom he called “enemies of God”", "he" going back to no one named: the
            # words are still a person's, not the writer's scare quote
            word = atts[0].speaker
            return atts[0], Speaker(None, word.i, word.i + 1, "person")
        return first or (None, None)

    def _speaker_above(self, others, any_noun: bool):
        """A named body or person whose speech verb governs the words an outlet reported:
        in "The Turkish defence ministry said its forces had “neutralised” four fighters,
        according to Anadolu Agency" the ministry speaks and the agency is cited."""
        for other in others:
            if other.rule != "parse" or other.cue is None or _according(other.cue):
                continue
            speaker = self.namer.name(other.speaker, any_noun)
            if speaker is not None and speaker.name and speaker.kind in ("actor", "org",
                                                                         "person"):
                return other, speaker
        return None

    def _person_before(self, others, att, any_noun: bool):
        """A person named just before the head of ``att``'s speaker phrase, for the same
        cue, the comma of the apposition lost: "John Dorrian a coalition spokesman told
        Reuters", "X of the Aleppo-based Y group told Reuters" speak as that person, not
        as an unnamed spokesman or as the group."""
        head = att.speaker
        for other in others:
            word = other.speaker
            same_cue = other.cue is not None and att.cue is not None and other.cue.i == att.cue.i
            if same_cue and word.is_ancestor(head):
                # "Rami Abdel Rahman head of the Observatory told AFP": the body is in the
                # phrase of a role whose holder speaks
                speaker = self.namer.name(word, any_noun)
                if speaker is not None and speaker.kind == "person" and speaker.name:
                    return other, speaker
            if not same_cue or word.pos_ != "PROPN" or not word.i < head.i:
                continue
            between = self.doc[word.i + 1 : head.i]
            if any(t.tag_ == "POS" or t.text in ",;:" or t.is_quote
                   or t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in between):
                continue
            speaker = self.namer.name(word, any_noun)
            if speaker is not None and speaker.kind == "person" and speaker.name:
                return other, speaker
        return None

    def _continues(self, before: Quoted, q: Quoted) -> bool:
        """Rule 3: ``q`` opens a sentence shortly after ``before`` ended, or goes on in the
        same clause, a few words on and no comma between ("agreed on “coordinating
        political standpoints” and strengthening the “cooperation in fighting
        terrorism”")."""
        if _continues(self.text, before, q):
            return True
        gap = self.text[before.close + 1 : q.open]
        if any(c in gap for c in ",;:") or len(gap.split()) > _SAME_CLAUSE_WORDS:
            return False  # "“No,” he replied, showing that even the “peace” camp …"
        first = self.doc.char_span(before.start, before.end, alignment_mode="expand")
        second = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        return (
            first is not None
            and second is not None
            and self.bounds[first.start] == self.bounds[second.start]
        )

    def _after_reported(self, q: Quoted) -> Speaker | None:
        """A quotation that opens the sentence right after a reported clause goes on with
        its speaker ("Abdel Rahman said all the dead were from six families. “There was
        no resistance …”")."""
        end, speaker = self.last_reported
        gap = self.text[end : q.open]
        if (
            speaker is None
            or len(gap) > _CONTINUE_GAP
            or not _SENTENCE_OPENERS.search(self.text[: q.open][-3:])
            or len(_SENTENCE_ENDS.findall(gap)) > 1
        ):
            return None
        return speaker

    def _after_lost_mark(self, start: int) -> bool:
        """Whether a clause reported before its cue opens with a quotation mark that was
        never closed ("“At least 25 terrorists were killed in their failed attacks the
        army added."): FA-KES lost the closing mark; the words are a quotation."""
        i = start - 1
        while i >= 0 and self.text[i] == " ":
            i -= 1
        if self._mangled_before(start):
            return True
        if i < 0 or self.text[i] not in '"“' or i in self.marks:
            return False
        return i == 0 or self.text[i - 1] in " \n"

    def _mangled_before(self, start: int) -> bool:
        """Whether a clause opens right after a curly mark that FA-KES mangled into two
        replacement characters, its closing mark lost ("said ��the Turkish side still
        sends weapons …", "��The militants were gunned down … commander Kamal Kirkuki told
        Rudaw")."""
        before = self.text[:start].rstrip(" ")
        if not before.endswith(MANGLED):
            return False
        i = len(before) - len(MANGLED)
        return i == 0 or self.text[i - 1] in " \n"

    def _reported_speech(self, cue: Token) -> None:
        found = reported_clause(cue, self.quoted, self.namer, self.bounds)
        if found is not None and found[:2] not in self.reported:
            self.reported.add(found[:2])
            start, end, speaker = found
            while start < end and self.text[start] in "\ufffd ":
                start += 1  # the clause read from a mangled mark: "said ��the Turkish …"
            self.last_reported = (end, speaker)
            gap = self.text[end : cue.idx]  # only the speaker between: "… attacks the army added"
            direct = (
                end <= cue.idx
                and not any(c in gap for c in ",;:.")
                and len(gap.split()) <= _SPEAKER_WORDS
                and self._after_lost_mark(start)
            ) or (start > cue.idx and self._mangled_before(start))
            self.quotes.append(self._quote(self.ctx.span(start, end), speaker, cue, direct))

    def _quote(self, span: Span, speaker: Speaker, cue: Token | None, direct: bool) -> Quote:
        ctx, doc = self.ctx, self.doc
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


def _named_thing(text: str, q: Quoted) -> bool:
    """Whether the quotation is a name introduced by "so-called", "dubbed", "known as":
    the writer's label (or a label in general use), not a speaker's words."""
    before = text[max(0, q.open - 30) : q.open]
    words = before.split()
    if words and words[-1].lower() in ("the", "a", "an"):
        before = before[: before.rstrip().rfind(" ")] if " " in before.rstrip() else ""
    return bool(_NAMING.search(before.rstrip() + " ")) if before.strip() else False


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
    text: str, found: list[Quoted], outlets: Outlets, refs: list[tuple[int, int]]
) -> set[int]:
    """Quotations that enclose a title, not anyone's words (step 1 of the module docstring)."""
    title_words = citation_cues()["title"]
    ends = {m.end for m in outlets.mentions}
    out = set()
    for k, q in enumerate(found):
        before = text[max(0, q.open - 20) : q.open].split()
        if (
            within(refs, q.open)
            or (before and before[-1].lower().strip(",:") in title_words)
            or (q.open in ends or q.open - 1 in ends) and _title_sized(text[q.start : q.end])
            or outlets.canonical(text[q.start : q.end]) is not None  # “Face the Nation”
        ):
            out.add(k)
    return out


def _title_sized(text: str) -> bool:
    """A programme's name after its outlet ("CBS “Face the Nation”"), not the words the
    outlet reports ("According to … Al-Manar “two members … were killed …”")."""
    return len(text.split()) <= _TITLE_WORDS and not text.rstrip().endswith((".", "?", "!"))


def _title_case(inner: SpacySpan) -> bool:
    """A name of a work: every long word capitalised, with a verb or pronoun in it
    ("Make Your Kid a Millionaire", "All Bets Are Off").

    Four words and three capitals at least, so that a slogan ("Bravo for Assad",
    gold 004) stays a quotation; a group's name, which has no verb ("the so-called
    “Syrian Revolution Command Council”"), stays a scare quote.
    """
    words = [t for t in inner if t.is_alpha or "’" in t.text or "'" in t.text]
    capitalised = [t for t in words if t.text[0].isupper()]
    return (
        len(words) > _TITLE_CAPITALS
        and len(capitalised) >= _TITLE_CAPITALS
        and all(t.text[0].isupper() for t in words if len(t) > 3)
        and any(t.pos_ in ("VERB", "AUX", "PRON") for t in words[1:])
    )


def _finite(inner: SpacySpan) -> bool:
    """Whether the quoted words make a statement ("The strikes will continue,")."""
    return any(t.tag_ in ("VBD", "VBP", "VBZ", "MD") for t in inner)


def _according(cue: Token | None) -> bool:
    return cue is not None and cue.lower_ == "according"


def _in_text_order(doc: Doc, found: list[Quoted], region: list[int], lost: list[Unclosed]):
    """Quotation indexes, quotations whose closing mark was lost, and reported-speech cue
    tokens, merged in text order."""
    cues = [t for t in doc if region[t.i] == -1 and is_cue(t) and reports(t)]
    items: list[tuple[int, int | Token | Unclosed]] = [(q.open, k) for k, q in enumerate(found)]
    items += [(t.idx, t) for t in cues]
    items += [(u.start, u) for u in lost]
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
