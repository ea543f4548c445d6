"""Phrase matchers over a profile's names, built once per (profile, vocabulary).

Building the matchers tokenises a few thousand patterns (every alias, every
modifier + force noun, every short form of every person), which costs far more
than matching one document. ``ActorMatcher.for_profile`` therefore memoises per
``Profile`` object (weakly, so a dropped profile frees its matcher) and per
``Vocab``: in a worker process the first document pays once, the rest match only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import product
from weakref import WeakKeyDictionary

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from palmyra.annotate.names import name_key, normalise, surname_forms
from palmyra.loading import without_gc
from palmyra.model import ActorRef
from palmyra.profiles import (
    ActorEntry,
    Alias,
    Descriptor,
    PersonEntry,
    Profile,
    is_acronym,
    load_word_list,
)

_APOSTROPHES = ("'", "\u2019")


@dataclass(frozen=True)
class ActorTarget:
    """A name with a fixed referent: an alias, or a modifier + force noun."""

    actor: ActorEntry
    alias: Alias
    rule: str  # "alias" | "modifier"

    def ref(self) -> ActorRef:
        a = self.actor
        return ActorRef(a.canonical, a.kind, a.side, self.alias.register, self.alias.reason)


@dataclass(frozen=True)
class DescriptorTarget:
    descriptor: Descriptor


@dataclass(frozen=True)
class PersonTarget:
    """A profile person's full name or alias (``person`` set), or a surname form (``key``)."""

    key: str
    person: PersonEntry | None = None
    alias: Alias | None = None


Target = ActorTarget | DescriptorTarget | PersonTarget


@dataclass(frozen=True)
class Hit:
    """A profile name found at tokens ``[start, end)``."""

    start: int
    end: int
    target: Target


@dataclass
class Found:
    """A linked actor or person at tokens ``[start, end)``, before spans are made."""

    start: int
    end: int
    ref: ActorRef
    rule: str
    kind: str = "actor"  # "actor" | "person"


class ActorMatcher:
    """Finds every profile name in a Doc; also knows the profile's outlet and person names."""

    _cache: WeakKeyDictionary[Profile, dict[int, tuple[Vocab, ActorMatcher]]] = WeakKeyDictionary()

    @classmethod
    def for_profile(cls, profile: Profile, vocab: Vocab) -> ActorMatcher:
        """The matcher for this profile and vocabulary, built on first use."""
        per_vocab = cls._cache.setdefault(profile, {})
        if id(vocab) not in per_vocab:  # the entry holds the vocab, so its id stays unique
            per_vocab[id(vocab)] = (vocab, without_gc(cls)(profile, vocab))
        return per_vocab[id(vocab)][1]

    def __init__(self, profile: Profile, vocab: Vocab) -> None:
        # No reference to ``profile`` is kept: the cache's value would keep its weak key alive.
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        self._orth = PhraseMatcher(vocab, attr="ORTH")
        self._targets: dict[int, Target] = {}
        self._seen: set[tuple[bool, str]] = set()
        self._tokenizer = blank_tokenizer(vocab)
        self.fuzzy_actors: dict[str, ActorTarget] = {}
        self.fuzzy_persons: dict[str, PersonEntry] = {}
        self.persons_by_key: dict[str, list[PersonEntry]] = {}
        sides = {a.canonical: a.side for a in profile.actors}
        self.person_sides = {p.name: sides.get(p.affiliation or "") for p in profile.persons}
        for actor in profile.actors:
            for alias in actor.aliases:
                target = ActorTarget(actor, alias, "alias")
                self._add(target, [alias.text, *_lost_possessive(actor, alias.text)],
                          exact=is_acronym(alias.text))
                if len(alias.text) >= 8 and not alias.metonym:
                    self.fuzzy_actors[normalise(alias.text).casefold()] = target
        for actor in profile.actors:  # after all aliases, so an alias wins over a generated phrase
            for mod in actor.modifiers:
                self._add(ActorTarget(actor, mod, "modifier"), *_force_phrases(mod.text))
        for desc in profile.descriptors:
            self._add(DescriptorTarget(desc), [desc.text], exact=False)
        self._add_persons(profile.persons)
        self.outlet_names = frozenset(
            normalise(n).casefold() for o in profile.outlets for n in (o.name, *o.aliases)
        )

    def __call__(self, doc: Doc) -> list[Hit]:
        """Every match, overlapping ones included: the caller decides which win."""
        return [
            Hit(start, end, self._targets[match_id])
            for matcher in (self._lower, self._orth)
            for match_id, start, end in matcher(doc)
        ]

    def _add(self, target: Target, texts: list[str], exact: bool) -> None:
        variants = {
            v for text in texts for s in _spelling_variants(text) for v in _apostrophe_variants(s)
        }
        fresh = sorted(v for v in variants if (exact, _fold(v, exact)) not in self._seen)
        if not fresh:
            return
        self._seen.update((exact, _fold(v, exact)) for v in fresh)
        key = f"palmyra.actor.{len(self._targets)}"
        matcher = self._orth if exact else self._lower
        matcher.add(key, list(self._tokenizer.pipe(fresh)))
        self._targets[matcher.vocab.strings[key]] = target

    def _add_persons(self, persons: list[PersonEntry]) -> None:
        forms_by_key: dict[str, set[str]] = {}
        for person in persons:
            key = name_key(person.name) or person.name.casefold()
            self.persons_by_key.setdefault(key, []).append(person)
            for alias in (Alias(person.name), *person.aliases):
                self._add(PersonTarget(key, person, alias), [alias.text], exact=False)
                self.fuzzy_persons[normalise(alias.text).casefold()] = person
            forms_by_key.setdefault(key, set()).update(surname_forms(person.name))
        for key, forms in forms_by_key.items():
            self._add(PersonTarget(key), sorted(forms), exact=False)


def _lost_possessive(actor: ActorEntry, text: str) -> list[str]:
    """An armed group's name as a possessive whose apostrophe FA-KES lost: "ISILs positions
    were targeted", "Daeshs ability", "Nusras fighters" name the group (as "Assads forces"
    names the regime's, ``_force_phrases``). Only a group's proper name ending in a
    capitalised word other than an s: "Islamic State" gives "Islamic States" no more than
    any other state's name does, but a common noun ("armed opposition") gives nothing."""
    last = text.split()[-1].split("-")[-1]
    if actor.kind != "armed_group" or not last[:1].isupper() or last[-1:] in "sS":
        return []
    return [f"{text}s"]


def _fold(text: str, exact: bool) -> str:
    text = normalise(text)
    return text if exact else text.casefold()


# British and American spellings of words in organisations' names: a profile lists one
# ("Russian defence ministry"), wire texts write either ("The Russian defense ministry").
_SPELLINGS = (("defence", "defense"), ("centre", "center"), ("organisation", "organization"))


def _spelling_variants(text: str) -> set[str]:
    """``text`` with each word of ``_SPELLINGS`` in either spelling (same case)."""
    out = {text}
    for british, american in _SPELLINGS:
        for a, b in ((british, american), (british.title(), american.title())):
            out |= {v.replace(a, b) for v in out} | {v.replace(b, a) for v in out}
    return out


def _apostrophe_variants(text: str) -> set[str]:
    """Texts write both ' and ’; a LOWER pattern matches only the one it was built with.
    FA-KES drops a possessive's apostrophe ("Syrias government"): that form too."""
    return {text.replace("\u2019", "'"), text.replace("'", "\u2019"),
            text.replace("\u2019s ", "s ").replace("'s ", "s ")}


def _force_phrases(modifier: str) -> tuple[list[str], bool]:
    """Modifier + force noun phrases ("regime forces", "regime's army"), and if case matters.

    An acronym modifier ("US") is matched case-sensitively so that "us forces" in
    running text is not the US military; its nouns are spelled out in the usual
    capitalisations instead.
    """
    exact = is_acronym(modifier)
    nouns = force_nouns()
    if exact:
        nouns = tuple({v for n in nouns for v in (n, n.title(), n.upper())})
    heads: tuple[str, ...] = (modifier, f"{modifier}'s")
    if not modifier.endswith("s") and not exact:
        # a possessive whose apostrophe the source lost: FA-KES's "Russias air force",
        # "Assads troops", "the Assad regimes air force", "the regimes army"
        heads += (f"{modifier}s",)
    return [f"{head} {noun}" for head, noun in product(heads, nouns)], exact


@cache
def force_nouns() -> tuple[str, ...]:
    """Nouns naming armed forces after a modifier (resources/force_nouns.txt)."""
    return load_word_list("force_nouns")


_tokenizer_cache: dict[int, tuple[Vocab, Tokenizer]] = {}


def blank_tokenizer(vocab: Vocab) -> Tokenizer:
    """A blank English tokenizer over ``vocab``, built once per vocabulary: the phrase
    matchers tokenise their patterns with it, and each ``spacy.blank`` costs about 0.08 s
    of CPU (its 8,000 special cases) for the same tokenizer."""
    if id(vocab) not in _tokenizer_cache:  # the entry holds the vocab, so its id stays unique
        _tokenizer_cache[id(vocab)] = (vocab, spacy.blank("en", vocab=vocab).tokenizer)
    return _tokenizer_cache[id(vocab)][1]


_force_cache: dict[int, tuple[Vocab, PhraseMatcher]] = {}


def force_noun_matcher(vocab: Vocab) -> PhraseMatcher:
    """A matcher of the bare force nouns, for "Iraqi forces"-style phrases the profile lacks."""
    if id(vocab) not in _force_cache:
        matcher = PhraseMatcher(vocab, attr="LOWER")
        tokenizer = blank_tokenizer(vocab)
        matcher.add("palmyra.force_noun", list(tokenizer.pipe(force_nouns())))
        _force_cache[id(vocab)] = (vocab, matcher)
    return _force_cache[id(vocab)][1]
