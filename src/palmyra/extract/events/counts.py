"""How many were killed, injured, evacuated...: numbers governed by a casualty cue.

A number mention counts when the noun it quantifies (or the number itself,
"another 24 injured") is the subject, passive subject or object of a cue verb
("78,000 civilians were evacuated", "killing at least 12"), carries a cue
modifier ("three people dead"), or sits in a cue noun's "of"/"at" phrase
("a death toll of 70", "claimed the lives of 18"), is the complement of a verb whose
subject is a cue noun ("the death toll rose to 86", "the toll was 45"), or is itself
a victim noun ("claiming two lives", "12 deaths"). A number shared by a killed cue
and an injured cue ("over a thousand were killed or injured", "killing and wounding
40") is stored as ``killed_or_injured``: ACLED fatalities must be deaths, so an
undivided total is never a death toll. A number is not shared when the other cue has
a quantity of its own, however vague ("17 were killed and many more injured"), or
when the number is the object of the first cue and the other cue comes after it
("killing 40 people and wounding dozens"). Complementary figures coordinated under
one cue are added ("killed 13 soldiers and 7 militants" -> 20; "the lives of 2
women as well as 2 soldiers" -> 4), as the gold guide codes them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from palmyra.extract.events.index import DocIndex, TokenMention
from palmyra.extract.events.lexicon import Lexicon
from palmyra.model import NumberValue

COMBINED_KEY = "killed_or_injured"
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "appos"})
_MODIFIER_DEPS = frozenset({"amod", "acl", "relcl", "oprd", "acomp", "conj"})
_SIBLING_DEPS = frozenset({"oprd", "acomp", "xcomp", "ccomp"})
# Killed-cue nouns that name the victims themselves: "two lives", "12 deaths".
_VICTIM_NOUNS = frozenset({"life", "death", "fatality"})
# Words that give a coordinated cue a (vague) quantity of its own: "and many more injured".
_OWN_QUANTITY = frozenset({"more", "others", "other", "many", "dozens", "scores", "hundreds"})


@dataclass(frozen=True)
class CountHit:
    """A count with the cue token that governs it (used to find the event it belongs to)."""

    key: str
    value: NumberValue
    cue: Token
    number: Token


def find_counts(sent: Span, index: DocIndex, lex: Lexicon) -> list[CountHit]:
    found: list[CountHit] = []
    counted: dict[int, int] = {}  # counted noun -> its hit in ``found``
    for tm in index.mentions_in(sent, "number"):
        value = tm.mention.value
        if not isinstance(value, NumberValue) or value.unit == "%" or value.low is None:
            continue
        number = _number_token(tm)
        noun = number.head if _quantifies(number) else number
        if _counts_weapons(noun, lex):
            continue  # "dozens of regime strikes killed 16", "20 rocket shells targeted ..."
        cue = _cue_of(noun, lex)
        if cue is not None and _counts_targets(noun, lex):
            continue  # "eliminated 12 positions": what was destroyed, not who died
        if cue is None:
            first = _first_conjunct(noun)
            if first.i in counted and first.i != noun.i:  # "13 soldiers and 7 militants"
                k = counted[first.i]
                found[k] = replace(found[k], value=_added(found[k].value, value))
                counted[noun.i] = k
            continue
        counted[noun.i] = len(found)
        found.append(CountHit(_key(cue, noun, lex), stated(value), cue, number))
    return found + _one_victim(sent, found, lex)


_PERSON_CUES = ("civilian", "combatant", "noncombatant")
_PLACE_CUES = ("military_target", "civilian_target")
_ONE_KEYS = frozenset({"killed", "injured"})


def _one_victim(sent: Span, found: list[CountHit], lex: Lexicon) -> list[CountHit]:
    """A single victim told by the article "a", not a number: "killing a woman and wounding
    25", "a drone strike killed a terrorist commander", "a child was wounded" — one killed
    or injured (gold/GUIDE.md: the number the article gives). Not where the victims are
    coordinated ("a woman and her son") or the cue already counts a number."""
    out = []
    cues = {h.cue.i for h in found}
    for t in sent:
        if t.dep_ not in ("dobj", "nsubjpass") or t.tag_ != "NN" or t.head.i in cues:
            continue
        key = lex.count_key(t.head)
        if key not in _ONE_KEYS or _key(t.head, t, lex) != key:
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children):
            continue
        if any(c.dep_ in ("conj", "cc") for c in t.children):
            continue
        if not any(lex.cue(t, c) for c in _PERSON_CUES) or any(
                lex.cue(t, c) for c in _PLACE_CUES):
            continue
        cues.add(t.head.i)
        out.append(CountHit(key, NumberValue(1.0, 1.0), t.head, t))
    return out


# The bounds resources/quantity_modifiers.tsv gives a figure told as an estimate: "about N"
# (0.9N-1.1N) and "nearly N" (0.9N-N), as the ratio of the high bound to the low one.
_ABOUT_RATIO = 1.1 / 0.9
_NEARLY_RATIO = 1 / 0.9


def stated(value: NumberValue) -> NumberValue:
    """The count with the figure the text states as its low bound where it tells an
    estimate: "killed about a hundred militants", "some 80 people", "nearly 30 terrorists"
    — gold/GUIDE.md codes the figure given (a vague number keeps its lower bound: "at least
    16" is 16, as it is here; an estimate around N is N, not 0.9N)."""
    low, high = value.low, value.high
    if not value.approximate or not low or high is None:
        return value
    ratio = high / low
    if abs(ratio - _ABOUT_RATIO) < 1e-3:
        figure = round((low + high) / 2)
    elif abs(ratio - _NEARLY_RATIO) < 1e-3:
        figure = round(high)
    else:
        return value
    return replace(value, low=float(figure))


_WEAPON_CUES = ("air", "artillery", "munition", "device")
# What a force destroys that is no person: a number counting one of these is no toll.
_TARGET_NOUNS = frozenset({"position", "vehicle", "den", "hideout", "fortification", "tank",
                           "boat", "headquarters", "post", "checkpoint", "depot", "cache",
                           "launcher", "truck", "car", "site", "target", "tunnel", "warehouse"})
_MEANS_NOUNS = frozenset({"strike", "raid", "shell", "rocket", "bomb", "barrel", "attack",
                          "shelling", "round", "projectile"})


def _counts_weapons(noun: Token, lex: Lexicon) -> bool:
    """Whether a number counts the means, not the victims: its noun, or the noun of its
    "of" phrase, is a weapon or a strike ("dozens of strikes", "20 rocket shells")."""
    heads = [noun] + [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
    return any(h.pos_ == "NOUN" and (h.lemma_.lower() in _MEANS_NOUNS
                                     or any(lex.cue(h, c) for c in _WEAPON_CUES))
               for h in heads)


def _counts_targets(noun: Token, lex: Lexicon) -> bool:
    """Whether a number counts what was hit, not people: its noun, or the noun of its "of"
    phrase, is a military target ("eliminated 12 positions", "destroyed 3 of their vehicles"),
    as verbs such as "eliminate" take both. (The cue class ``military_target`` also holds the
    fighters themselves, "militants", so it cannot tell the two apart.)"""
    heads = [noun] + [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
    return any(h.pos_ == "NOUN" and h.lemma_.lower() in _TARGET_NOUNS for h in heads)


def _quantifies(number: Token) -> bool:
    """Whether ``number`` counts its head noun: a ``nummod``/``quantmod``, or a cardinal the
    parser hangs on the noun after it as a ``compound``, as it does with a capitalised number
    word opening a sentence ("Thirty civilians were killed": "Thirty" is a compound of
    "civilians" where "Thirty people" gets a nummod)."""
    if number.dep_ in ("nummod", "quantmod"):
        return True
    head = number.head
    return (number.dep_ == "compound" and number.tag_ == "CD" and head.i > number.i
            and head.pos_ == "NOUN")


def _first_conjunct(noun: Token) -> Token:
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return noun


def _added(a: NumberValue, b: NumberValue) -> NumberValue:
    low = (a.low or 0) + (b.low or 0)
    high = None if a.high is None or b.high is None else a.high + b.high
    return NumberValue(low, high, a.unit, a.approximate or b.approximate)


def _number_token(tm: TokenMention) -> Token:
    """The quantity word of a mention: "thousand" in "over a thousand", not its preposition."""
    doc = tm.root.doc
    numbers = [t for t in doc[tm.start : tm.end] if t.like_num or t.pos_ == "NUM"]
    return numbers[-1] if numbers else tm.root


def _cue_of(noun: Token, lex: Lexicon) -> Token | None:
    """The cue word governing the counted noun, if any."""
    if noun.i != noun.head.i and noun.lemma_.lower() in _VICTIM_NOUNS:
        return noun  # "claiming two lives"
    if noun.dep_ in _ARGUMENT_DEPS and lex.count_key(noun.head):
        return noun.head
    if noun.dep_ in ("attr", "dobj") and (toll := _cue_subject(noun.head, lex)) is not None:
        return toll  # "the toll was 45", "the toll reached 51"
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
        if noun.head.lower_ in ("to", "at"):  # "the death toll rose to 86", "stands at 70"
            return _cue_subject(owner, lex)
    return None


def _cue_subject(verb: Token, lex: Lexicon) -> Token | None:
    """The subject of ``verb`` when it is a cue noun ("the death toll" of "... rose to 86")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children
                 if c.dep_ == "nsubj" and c.pos_ == "NOUN" and lex.count_key(c)), None)


def _key(cue: Token, noun: Token, lex: Lexicon) -> str:
    key = lex.count_key(cue) or ""
    for other in cue.conjuncts:
        other_key = lex.count_key(other)
        if {key, other_key} != {"killed", "injured"} or _has_own_number(other):
            continue
        if noun.dep_ == "dobj" and noun.head.i == cue.i and noun.i < other.i:
            continue  # "killing 40 people and wounding ...": the object is the first cue's
        return COMBINED_KEY
    return key


def _has_own_number(cue: Token) -> bool:
    """Whether a coordinated cue has its own count ("killed 13 and wounded 29"), however
    vague ("and many more injured")."""
    return any(c.dep_ in ("dobj", "nsubj", "nsubjpass") or c.lower_ in _OWN_QUANTITY
               or c.like_num for c in cue.children)
