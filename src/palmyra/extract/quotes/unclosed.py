"""Quotations whose closing mark was lost, ended by their attribution.

FA-KES copy often keeps a quotation's opening mark and drops its closing one, or mangles
a curly mark into two replacement characters: "“The direct bombing of another hospital
in Syria is an outrage said Silvia Dallatomasina", "��The militants were gunned down
before they could detonate themselves commander Kamal Kirkuki told Rudaw". The mark
pairing (``quotemarks.scan``) leaves such a mark alone, and the parse seldom makes the
words before the cue its reported clause (here "told" is a conjunct of "gunned"), so
the reported-speech reading misses them. The attribution written after the words tells
where they end: the first speech cue of the paragraph whose speaker is named right
there, after the cue ("said Silvia Dallatomasina") or as its subject just before it
("commander Kamal Kirkuki told", "he said"), closes the quotation before its speaker
phrase.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from palmyra.extract.quotes.speakers import clause_subject, is_cue, name_after

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MANGLED = "\ufffd\ufffd"  # a curly quotation mark as FA-KES copy lost it
_OPENING = frozenset({'"', "“"})
_MIN_WORDS = 4  # a stray mark before a word or two opens no quotation
_REACH = 150  # tokens after the mark searched for the attribution
_SPEAKER_TOKENS = 10  # at most this many tokens from the speaker phrase's start to its cue
# Words that tie a subject to the clause before it ("… and the army said"): the subject
# then speaks in the writer's sentence, not after a quotation.
_JOINING = frozenset({"and", "but", "or", "that", "which", "who", "as", "because", "while",
                      "when", "if", "where", "after", "before", "since", "than"})


@dataclass(frozen=True)
class Unclosed:
    """A quotation whose closing mark was lost: its characters, cue and speaker head."""

    start: int
    end: int
    cue: Token
    speaker: Token


def unclosed(doc: Doc, text: str, paired: set[int],
             outside: Callable[[Token], bool]) -> Iterator[Unclosed]:
    """The quotations opened by a mark that ``scan`` paired with none, in text order.

    Args:
        paired: character offsets of the marks ``scan`` paired.
        outside: whether a token stands outside every quotation and reference.
    """
    starts = [t.idx for t in doc]
    for start in _lone_marks(text, paired):
        i = bisect_left(starts, start)
        if i >= len(doc) or doc[i].idx != start or not outside(doc[i]):
            continue
        found = _attribution(doc, i, outside)
        if found is not None:
            last, cue, speaker = found
            yield Unclosed(start, last.idx + len(last), cue, speaker)


def _lone_marks(text: str, paired: set[int]) -> Iterator[int]:
    """The offset of the words after each opening mark left unpaired."""
    i = 0
    while i < len(text):
        width = 2 if text.startswith(MANGLED, i) else 1 if text[i] in _OPENING else 0
        if width and i not in paired and (i == 0 or text[i - 1] in " \n\t") and (
                i + width < len(text) and text[i + width].isalnum()):
            yield i + width
        i += width or 1


def _attribution(doc: Doc, first: int, outside) -> tuple[Token, Token, Token] | None:
    """(last token of the quotation, cue, speaker head) for words opening at token ``first``."""
    for t in doc[first : min(len(doc), first + _REACH)]:
        if "\n" in t.text or t.is_quote or "\ufffd" in t.text or not outside(t):
            return None
        if not is_cue(t) or t.i - first < _MIN_WORDS:
            continue
        if any(c.dep_ == "ccomp" and c.i > t.i and c.pos_ in ("VERB", "AUX")
               for c in t.children):
            return None  # "… the minister said that …": a clause of the writer's
        named = name_after(t)
        if named is not None:
            opens = t.i
            speaker = named
        else:
            subject = clause_subject(t)
            if subject is None or not first < subject.i < t.i:
                continue
            opens = subject.left_edge.i
            if opens <= first + _MIN_WORDS or t.i - opens > _SPEAKER_TOKENS:
                continue
            speaker = subject
        last = opens - 1
        while last > first and doc[last].is_punct:
            last -= 1
        if doc[last].lower_ in _JOINING or last - first < _MIN_WORDS - 1:
            return None
        return doc[last], t, speaker
    return None
