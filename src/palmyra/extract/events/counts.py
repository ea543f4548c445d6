"""How many were killed, injured, evacuated...: numbers governed by a casualty cue.

A number mention counts when the noun it quantifies (or the number itself,
"another 24 injured") is the subject, passive subject or object of a cue verb
("78,000 civilians were evacuated", "killing at least 12"), carries a cue
modifier ("three people dead"), or sits in a cue noun's "of"/"at" phrase
("a death toll of 70"). A number shared by a killed cue and an injured cue
("over a thousand were killed or injured") is stored as ``killed_or_injured``:
ACLED fatalities must be deaths, so an undivided total is never a death toll.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from palmyra.extract.events.index import DocIndex, TokenMention
from palmyra.extract.events.lexicon import Lexicon
from palmyra.model import NumberValue

COMBINED_KEY = "killed_or_injured"
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "appos"})
_MODIFIER_DEPS = frozenset({"amod", "acl", "relcl", "oprd", "acomp", "conj"})
_SIBLING_DEPS = frozenset({"oprd", "acomp", "xcomp", "ccomp"})


@dataclass(frozen=True)
class CountHit:
    """A count with the cue token that governs it (used to find the event it belongs to)."""

    key: str
    value: NumberValue
    cue: Token
    number: Token


def find_counts(sent: Span, index: DocIndex, lex: Lexicon) -> list[CountHit]:
    found = []
    for tm in index.mentions_in(sent, "number"):
        value = tm.mention.value
        if not isinstance(value, NumberValue) or value.unit == "%" or value.low is None:
            continue
        number = _number_token(tm)
        noun = number.head if number.dep_ in ("nummod", "quantmod") else number
        cue = _cue_of(noun, lex)
        if cue is None:
            continue
        found.append(CountHit(_key(cue, lex), value, cue, number))
    return found


def _number_token(tm: TokenMention) -> Token:
    """The quantity word of a mention: "thousand" in "over a thousand", not its preposition."""
    doc = tm.root.doc
    numbers = [t for t in doc[tm.start : tm.end] if t.like_num or t.pos_ == "NUM"]
    return numbers[-1] if numbers else tm.root


def _cue_of(noun: Token, lex: Lexicon) -> Token | None:
    """The cue word governing the counted noun, if any."""
    if noun.dep_ in _ARGUMENT_DEPS and lex.count_key(noun.head):
        return noun.head
    for child in noun.children:
        if child.dep_ in _MODIFIER_DEPS and lex.count_key(child):
            return child
    if noun.head.i != noun.i:
        for sibling in noun.head.children:
            if sibling.dep_ in _SIBLING_DEPS and sibling.i > noun.i and lex.count_key(sibling):
                return sibling
    # "a death toll of 70", "putting the toll at 70"
    if noun.dep_ == "pobj" and noun.head.head.i != noun.head.i:
        owner = noun.head.head
        if owner.pos_ == "NOUN" and lex.count_key(owner):
            return owner
        toll = next((c for c in owner.children if c.dep_ == "dobj" and lex.count_key(c)), None)
        if toll is not None:
            return toll
    return None


def _key(cue: Token, lex: Lexicon) -> str:
    key = lex.count_key(cue) or ""
    for other in cue.conjuncts:
        other_key = lex.count_key(other)
        if {key, other_key} == {"killed", "injured"} and not _has_own_number(other):
            return COMBINED_KEY
    return key


def _has_own_number(cue: Token) -> bool:
    """Whether a coordinated cue has its own count ("killed 13 and wounded 29")."""
    return any(c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in cue.children)
