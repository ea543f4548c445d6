"""Per-document lookups the event extractor needs, built once per document.

Mentions carry spans into the *original* text while spaCy tokens sit on the
cleaned text; this index maps every token once through ``ctx.span`` and then
answers "which mention covers this token" by bisection, so no stage does
offset arithmetic of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from palmyra.annotate.dates import relative_offsets, spacy_veto
from palmyra.context import DocContext
from palmyra.model import Citation, DateValue, Mention, PlaceRef

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE_BREAK = re.compile(r"\n")
MIN_QUOTE_TOKENS = 4


@dataclass(frozen=True)
class TokenMention:
    """A mention with the tokens it covers and their syntactic root."""

    mention: Mention
    start: int  # first token index
    end: int  # one past the last token index
    root: Token

    @property
    def place(self) -> PlaceRef | None:
        value = self.mention.value
        return value if isinstance(value, PlaceRef) else None


@dataclass(frozen=True)
class TokenRelative:
    """A relative expression no anchor resolved ("last year"), with its offset and tokens."""

    unit: str  # "day", "week", "month" or "year"
    offset: int  # units from the day of writing: "last year" is -1
    start: int  # first token index
    end: int  # one past the last token index
    root: Token


@dataclass
class DocIndex:
    """Token <-> mention lookups, paragraph numbers and the regions evidence may come from."""

    doc: Doc
    ctx: DocContext
    starts: list[int]  # original start offset of each token
    ends: list[int]  # original end offset of each token
    by_kind: dict[str, list[TokenMention]] = field(default_factory=dict)
    at_token: dict[int, list[TokenMention]] = field(default_factory=dict)
    paragraph_starts: list[int] = field(default_factory=list)  # cleaned offsets
    text_paragraph_starts: list[int] = field(default_factory=list)  # the text's own breaks
    cited: set[int] = field(default_factory=set)  # tokens inside a citation
    quoted: set[int] = field(default_factory=set)  # tokens inside a quotation
    captions: set[int] = field(default_factory=set)  # tokens of a picture's caption
    # unresolved relative expressions: only in a text with no anchor at all (``_relatives``)
    relatives: list[TokenRelative] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Doc, ctx: DocContext) -> DocIndex:
        starts, ends = ctx.token_bounds(doc)
        index = cls(doc, ctx, list(starts), list(ends))
        index._add_mentions(ctx.mentions)
        index.text_paragraph_starts = _paragraph_starts(doc.text)
        index.paragraph_starts = _narrative_starts(doc, index.text_paragraph_starts)
        index.cited = index._tokens_in(ctx.facts.citations if ctx.facts else []) | _bracketed_refs(
            doc, index)
        index.quoted = _quotations(doc)
        index.captions = _captions(doc)
        index.relatives = index._relatives()
        return index

    def _relatives(self) -> list[TokenRelative]:
        """Relative expressions left unresolved because the text offers no anchor at all.

        Empty when the document has a publication date, or when any date
        mention leaned on a date of the text ("@text", "@doc"): then every
        relative expression the annotator knows was resolved.
        """
        if self.ctx.document.published is not None:
            return []
        dates = [tm.mention.value for tm in self.by_kind.get("date", ())]
        if any(isinstance(v, DateValue) and "@" in v.rule for v in dates):
            return []
        out = []
        for rel in relative_offsets(self.doc.text, keep=spacy_veto(self.doc)):
            span = self.doc.char_span(rel.start, rel.end, alignment_mode="expand")
            if span is not None:
                out.append(TokenRelative(rel.unit, rel.offset, span.start, span.end, span.root))
        return out

    def _tokens_in(self, facts: list[Citation]) -> set[int]:
        out: set[int] = set()
        for fact in facts:
            start = bisect_right(self.ends, fact.span.start)
            end = bisect_left(self.starts, fact.span.end)
            out.update(range(start, end))
        return out

    def _add_mentions(self, mentions: list[Mention]) -> None:
        actors = [m.span for m in mentions if m.kind in ("actor", "person")]
        for m in mentions:
            # A place inside an actor's name ("Islamic State in Iraq and Syria") is not a place.
            if m.kind == "place" and any(a.start <= m.span.start and m.span.end <= a.end
                                         for a in actors):
                continue
            start = bisect_right(self.ends, m.span.start)
            end = bisect_left(self.starts, m.span.end)
            if start >= end:
                continue
            root = self.doc[start:end].root
            tm = TokenMention(m, start, end, root)
            self.by_kind.setdefault(m.kind, []).append(tm)
            for i in range(start, end):
                self.at_token.setdefault(i, []).append(tm)

    def mention_at(self, token: Token, *kinds: str) -> TokenMention | None:
        """The mention of one of ``kinds`` covering ``token``, if any."""
        for tm in self.at_token.get(token.i, ()):
            if tm.mention.kind in kinds:
                return tm
        return None

    def mentions_in(self, tokens: Span | list[Token], *kinds: str) -> list[TokenMention]:
        """Mentions of ``kinds`` whose root lies among ``tokens``, in text order."""
        ids = _token_ids(tokens)
        found = [tm for k in kinds for tm in self.by_kind.get(k, ()) if tm.root.i in ids]
        return sorted(found, key=lambda tm: tm.start)

    def relatives_in(self, tokens: Span | list[Token]) -> list[TokenRelative]:
        """Unresolved relative expressions whose root lies among ``tokens``, in text order."""
        ids = _token_ids(tokens)
        return [r for r in self.relatives if r.root.i in ids]

    def places_before(self, token: Token) -> list[TokenMention]:
        """Place mentions that end before ``token``, nearest last."""
        return [tm for tm in self.by_kind.get("place", ()) if tm.end <= token.i]

    def paragraph(self, token: Token) -> int:
        return bisect_right(self.paragraph_starts, token.idx)

    def text_paragraph(self, token: Token) -> int:
        """The text's own paragraph, wire copy's one-sentence ones included (dates carry
        over within it only: the next wire paragraph often tells another day)."""
        return bisect_right(self.text_paragraph_starts, token.idx)

    def region(self, token: Token) -> str | None:
        """``"title"``, ``"body"``, or ``None`` for a token outside both (furniture, comments,
        a picture's caption).

        Decided per token, not per sentence: a title without a full stop is often
        parsed into one sentence with the first body line.
        """
        if token.i in self.captions:
            return None
        doc = self.ctx.document
        start, end = self.starts[token.i], self.ends[token.i]
        if any(c.start < end and start < c.end for c in doc.comments):
            return None
        body = doc.body
        if body is None or body.start <= start and end <= body.end:
            return "body"
        title = doc.title_span
        if title is not None and title.start <= start and end <= title.end:
            return "title"
        return None


def _bracketed_refs(doc: Doc, index: DocIndex) -> set[int]:
    """Tokens of parentheticals that end in a date: "(Title, Outlet, 4 March 2017)".

    A reference's title ("Bombings rattle Geneva talks") reports nothing
    itself; this shape check stands in when no citation facts are at hand.
    """
    out: set[int] = set()
    dates = {i for tm in index.by_kind.get("date", ()) for i in range(tm.start, tm.end)}
    opened: int | None = None
    for tok in doc:
        if tok.text == "(":
            opened = tok.i
        elif tok.text == ")" and opened is not None:
            if tok.i - 1 in dates:
                out.update(range(opened, tok.i + 1))
            opened = None
        elif "\n" in tok.text:
            opened = None
    return out


# A picture's credit or an embedded post's link, which ends the caption before it: "... after
# warplanes attacked a street in Aleppo Syria (AP photo)", "(IHA Photo)", "shell Aleppo city
# (archive)", "... UN SYRedCrescent pic.twitter.com/...", "kills at least 58 - YouTube".
_CREDIT = re.compile(r"\([^()\n]{0,40}\b(?:photo|picture|image|archive)\b[^()\n]{0,40}\)"
                     r"|\bpic\.twitter\.com\S*|\s-\s+YouTube\b", re.IGNORECASE)
# A sentence that tells what a picture shows: "Syrian regime soldiers stand at a site of an
# explosion in Homs in this handout picture provided by SANA", "This photo captured from the
# town of Nusaybin shows plume of smoke", "The photo shows ...". Not any sentence opening
# on "the picture": "The picture from Douma is grim as jets struck the town" is news.
_CAPTION = re.compile(r"^\W*this (?:handout |file )?(?:photo|picture|image)\b"
                      r"|^\W*the (?:handout |file )?(?:photo|picture|image) shows\b"
                      r"|\bin this (?:handout |file )?(?:photo|picture|image)\b", re.IGNORECASE)


def _captions(doc: Doc) -> set[int]:
    """Tokens of the captions of pictures and embedded posts that FA-KES texts keep inline:
    they describe a scene or repeat a headline, and report nothing the article does not tell
    in its own sentences (gold codes no event from them). A caption runs from its sentence's
    start to the credit that closes it (the previous sentence too where the credit stands
    alone: "... after the explosion. (IHA Photo)"); the news after the credit stays."""
    out: set[int] = set()
    for sent in doc.sents:
        if _CAPTION.search(sent.text):
            out.update(range(sent.start, sent.end))
    for m in _CREDIT.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        sent = span[0].sent
        first = sent.start
        if not any(t.is_alpha for t in doc[sent.start:span.start]) and sent.start > 0:
            first = doc[sent.start - 1].sent.start
        out.update(range(first, span.end))
    return out


def _quotations(doc: Doc) -> set[int]:
    """Tokens between double quotation marks, when the quoted stretch is more than a phrase.

    Scare quotes ("the 'opposition'") are short; a stretch of more than
    ``MIN_QUOTE_TOKENS`` tokens is somebody's words. A quotation running over
    paragraphs reopens each one without closing the last ("...\n\n“...").
    """
    out: set[int] = set()
    opened: int | None = None
    for tok in doc:
        text = tok.text
        if text == "\u201c" or (text == '"' and opened is None):
            opened = tok.i
        elif text in ("\u201d", '"') and opened is not None:
            if tok.i - opened > MIN_QUOTE_TOKENS:
                out.update(range(opened, tok.i + 1))
            opened = None
        elif text.count("\n") > 1 and opened is not None:
            if tok.i + 1 < len(doc) and doc[tok.i + 1].text == "\u201c":
                out.update(range(opened, tok.i))
            opened = None
    return out


# Wire copy: at least this many paragraphs, nearly all of one sentence each.
WIRE_MIN_PARAGRAPHS, WIRE_SHARE = 4, 0.75


def _narrative_starts(doc: Doc, starts: list[int]) -> list[int]:
    """The paragraph starts that bound a narrative: none in wire copy, whose every sentence
    is a paragraph of its own ("The strikes hit ... ." / "Air defences shot down four of
    the drones over the dam ..."), so that a sentence there goes on from the one before as
    it would inside a paragraph of a feature story; else the text's own paragraphs."""
    bounds = [0, *starts, len(doc.text) + 1]
    counts = [0] * (len(bounds) - 1)
    for sent in doc.sents:
        if sent.text.strip():
            counts[bisect_right(bounds, sent.start_char) - 1] += 1
    told = [n for n in counts if n]
    if len(told) >= WIRE_MIN_PARAGRAPHS and sum(n == 1 for n in told) >= WIRE_SHARE * len(told):
        return []
    return starts


def _paragraph_starts(text: str) -> list[int]:
    """Cleaned offsets where paragraphs begin: blank lines when the text has them, else lines."""
    pattern = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else _LINE_BREAK
    return [m.end() for m in pattern.finditer(text)]


def _token_ids(tokens: Span | list[Token]) -> range | set[int]:
    """The indices of ``tokens``: a span's as a range (its tokens are consecutive), without
    making a Token object for each of them (these are asked of every sentence again and
    again)."""
    if isinstance(tokens, Span):
        return range(tokens.start, tokens.end)
    return {t.i for t in tokens}
