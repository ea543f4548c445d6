"""The generic actor layer: actors no profile names, coded in ACLED's style from the words.

It runs in every article, with or without a profile, on the words the profile left
unclaimed, so that an article on a war Palmyra has no profile for still gets
sensible actors. Each actor carries the ``reason`` it was coded so.

1. State forces and police by nationality: a demonym or country name (with or
   without "'s") before a force noun ("Ethiopian troops", "the Israeli army",
   "Russia's air force") or a police noun ("Kenyan police") is "Military Forces of
   Ethiopia", "Police Forces of Kenya" (``resources/countries.tsv``,
   ``resources/force_nouns.txt``, ``resources/generic_actors.tsv``).
2. Police, security forces, civilians and unidentified armed men without a
   nationality ("police", "security forces", "villagers", "gunmen") belong to the
   event's country: the country of the places
   named in the same sentence, else the article's heaviest country (the weights
   ``--profile auto`` chose the profile by). With no country known they stay unlinked.
3. Organisations from NER: an ORG entity that names an outlet, page furniture, a time
   zone or a weapon (``resources/not_actors.tsv``, the outlets the run knows), or
   that is a fragment (a bracket, a link, digits glued to letters), is no actor; one
   the text presents as armed is an armed group: the subject of an attack verb, the
   agent of a passive one, named before "fighters"/"militants"/"militia", or an
   armed formation by its own name ("Brigade", "Front"); any other stays an
   organisation. A near-miss of a profile alias links to that actor.
4. Other NORP or GPE entities before a force noun ("Kurdish forces") are armed groups
   named by those words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from palmyra.annotate.actor_matcher import (
    ActorMatcher,
    Found,
    blank_tokenizer,
    force_noun_matcher,
)
from palmyra.annotate.countries import Country, code_of, countries
from palmyra.annotate.names import normalise
from palmyra.context import DocContext
from palmyra.errors import ProfileError
from palmyra.model import VIOLENT_TYPES, ActorRef, Mention, PlaceRef
from palmyra.profiles import is_acronym
from palmyra.profiles.choose import CHOICE_MEMO, MIN_SHARE, country_weights
from palmyra.resource_files import tab_rows

GENERIC_FILE = "generic_actors.tsv"
NOT_ACTORS_FILE = "not_actors.tsv"
TRIGGERS_FILE = "event_triggers.tsv"
NOUN_CLASSES = ("police", "civilians", "unidentified", "state_forces")
CLASSES = frozenset({*NOUN_CLASSES, "armed_after", "armed_name"})
NOT_ACTOR_CATEGORIES = frozenset({"outlet", "furniture", "time_zone", "weapon", "facility"})
_NOT_AGENT_FLAGS = frozenset({"loser_subject", "place_subject"})
_BRACKETS = frozenset("()[]{}<>/|\\")
_GLUED_DIGITS = re.compile(r"(?=.*\d)(?=.*[A-Za-z])")  # "ly912r3U", "4Syria"
# Lower-case prepositions that join a phrase, not a name's words ("Group on Peshmerga");
# names keep "of", "for", "and", "in", "al" ("Council for ...", "Army of ...").
_PHRASE_PREPOSITIONS = frozenset({"on", "against", "near", "at", "from", "into", "with"})
_POSSESSIVE = frozenset({"'s", "\u2019s"})
_NAME_LABELS = frozenset({"ORG", "PERSON", "FAC", "WORK_OF_ART", "EVENT", "LAW"})


@dataclass(frozen=True)
class Words:
    """The generic layer's word lists, read once (``words()``)."""

    nouns: dict[str, str]  # phrase -> class (police, civilians, unidentified, state_forces)
    armed_after: frozenset[str]  # lower-case
    armed_name: frozenset[str]  # as written, compared case-insensitively
    not_actors: dict[str, str]  # lower-case word -> category
    attack_verbs: frozenset[str]  # lemmas


@cache
def words() -> Words:
    """``resources/generic_actors.tsv``, ``not_actors.tsv`` and the violent trigger verbs."""
    nouns: dict[str, str] = {}
    after: set[str] = set()
    named: set[str] = set()
    for line, (cls, phrase) in tab_rows(GENERIC_FILE, 2):
        if cls not in CLASSES:
            raise ProfileError(f"{GENERIC_FILE}:{line}: unknown class {cls!r}")
        if cls == "armed_after":
            after.add(phrase.lower())
        elif cls == "armed_name":
            named.add(phrase.lower())
        else:
            nouns[phrase.lower()] = cls
    junk: dict[str, str] = {}
    for line, (word, category) in tab_rows(NOT_ACTORS_FILE, 2):
        if category not in NOT_ACTOR_CATEGORIES:
            raise ProfileError(f"{NOT_ACTORS_FILE}:{line}: unknown category {category!r}")
        junk[word.lower()] = category
    return Words(nouns, frozenset(after), frozenset(named), junk, _attack_verbs())


def _attack_verbs() -> frozenset[str]:
    """One-word verbs of the violent trigger families: "attack", "shell", "kill", "storm"."""
    verbs = set()
    for _, (phrase, pos, _family, etype, _sub, flags) in tab_rows(TRIGGERS_FILE, 6):
        if (
            etype in VIOLENT_TYPES
            and pos in ("VERB", "*")
            and " " not in phrase
            and not _NOT_AGENT_FLAGS & set(flags.split(","))
        ):
            verbs.add(phrase.lower())
    return frozenset(verbs)


def not_actor_reason(text: str, outlet_names: Iterable[str] = ()) -> str | None:
    """Why a name is no actor (an outlet, furniture, a time zone, a weapon, a building, a
    fragment), or ``None`` when it may be one. ``outlet_names`` are compared
    case-insensitively."""
    if any(c in _BRACKETS for c in text) or "http" in text.lower() or "www." in text.lower():
        return "fragment"
    if any(dash in text for dash in (" - ", " \u2013 ", " \u2014 ")):
        return "fragment"  # a dateline run into the lead: "ADDIS ABABA - Ethiopian"
    tokens = text.replace("\u2019", "'").split()
    for t in tokens:
        category = words().not_actors.get(t.lower().strip(".,;:'\""))
        if category is not None:
            return category
    if any(_GLUED_DIGITS.match(t) for t in tokens):
        return "fragment"  # "httpsabahdai.ly912r3U", a model number ("MiG-29")
    if any(t in _PHRASE_PREPOSITIONS for t in tokens[1:-1]):
        return "fragment"  # "terror Group on Peshmerga defense lines": a phrase, not a name
    if normalise(text).casefold() in {normalise(n).casefold() for n in outlet_names}:
        return "outlet"
    return None


# -- the country words --------------------------------------------------------------


_country_cache: dict[int, tuple[Vocab, PhraseMatcher, PhraseMatcher, dict[int, str]]] = {}


def _country_matchers(vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher, dict[int, str]]:
    """Matchers of every demonym and country name (acronyms by exact case), and codes by key."""
    if id(vocab) not in _country_cache:
        lower = PhraseMatcher(vocab, attr="LOWER")
        orth = PhraseMatcher(vocab, attr="ORTH")
        codes: dict[int, str] = {}
        tokenizer = blank_tokenizer(vocab)
        seen: set[tuple[bool, str]] = set()
        for country in countries().values():
            for text in (*country.demonyms, country.bare_name, *country.other_names):
                exact = is_acronym(text)
                key = (exact, text if exact else text.lower())
                if key in seen:
                    continue
                seen.add(key)
                name = f"palmyra.country.{country.code}.{len(codes)}"
                (orth if exact else lower).add(name, [tokenizer(text)])
                codes[vocab.strings[name]] = country.code
        _country_cache[id(vocab)] = (vocab, lower, orth, codes)
    return _country_cache[id(vocab)][1:]


_noun_cache: dict[int, tuple[Vocab, PhraseMatcher, dict[int, str]]] = {}


def _noun_matcher(vocab: Vocab) -> tuple[PhraseMatcher, dict[int, str]]:
    """A matcher of the police, civilian, unidentified and state-force nouns, by class."""
    if id(vocab) not in _noun_cache:
        matcher = PhraseMatcher(vocab, attr="LOWER")
        classes: dict[int, str] = {}
        tokenizer = blank_tokenizer(vocab)
        by_class: dict[str, list[str]] = {}
        for phrase, cls in words().nouns.items():
            by_class.setdefault(cls, []).append(phrase)
        for cls, phrases in by_class.items():
            name = f"palmyra.generic.{cls}"
            matcher.add(name, list(tokenizer.pipe(phrases)))
            classes[vocab.strings[name]] = cls
        _noun_cache[id(vocab)] = (vocab, matcher, classes)
    return _noun_cache[id(vocab)][1:]


# -- the layer ----------------------------------------------------------------------


def generic_actors(doc: Doc, ctx: DocContext, taken: set[int]) -> list[Found]:
    """Steps 1 and 2 of the module docstring, on tokens outside ``taken``."""
    nationals = _nationals(doc)
    force_ends: dict[int, int] = {}
    for _, start, end in force_noun_matcher(doc.vocab)(doc):
        force_ends[start] = max(end, force_ends.get(start, end))
    matcher, classes = _noun_matcher(doc.vocab)
    nouns: dict[int, tuple[int, str]] = {}
    for match_id, start, end in matcher(doc):
        if end > nouns.get(start, (0, ""))[0]:
            nouns[start] = (end, classes[match_id])
    countries_by_sentence = _EventCountry(ctx)
    out: list[Found] = []
    used: set[int] = set(taken)
    for start, (end, code) in sorted(nationals.items()):
        k = end + (end < len(doc) and doc[end].text in _POSSESSIVE)
        # "American and British warships", "Syrian and Russian jets": the first named acts
        # (gold/GUIDE.md, one actor per slot); the phrase is one mention of its forces
        if k not in force_ends and k < len(doc) and doc[k].lower_ in ("and", "or") and (
                k + 1 in nationals and nationals[k + 1][0] in force_ends):
            k = nationals[k + 1][0]
        # "the Syria Arab Army": the state's army under a variant of its official name
        if k not in force_ends and k + 1 < len(doc) and doc[k].lower_ == "arab" and (
                k + 1 in force_ends):
            k += 1
        cls, stop = None, None
        if k in force_ends:
            cls, stop = "state_forces", force_ends[k]
        if k in nouns and (stop is None or nouns[k][0] > stop):
            stop, cls = nouns[k][0], nouns[k][1]
        # A "police station" or "civilian areas" under attack codes the police or the
        # civilians as the target, as ACLED does: a noun that modifies another still counts.
        if cls is None or not used.isdisjoint(range(start, stop)):
            continue
        country = countries()[code]
        said = f"{doc[start:end].text!r} + {doc[k:stop].text!r}"
        out.append(_found(start, stop, cls, country, f"named by nationality: {said}"))
        used.update(range(start, stop))
    for start, (end, cls) in sorted(nouns.items()):
        if not used.isdisjoint(range(start, end)):
            continue
        if cls == "state_forces" and _named_formation(doc, start, end):
            continue
        code, where = countries_by_sentence(doc[start].sent)
        if code is None:
            continue
        noun = doc[start:end].text
        out.append(_found(start, end, cls, countries()[code], f"{noun!r} in {where}"))
        used.update(range(start, end))
    return out


def _named_formation(doc: Doc, start: int, end: int) -> bool:
    """Whether a force noun is a word of a formation's own name or another's force, not the
    state's forces: "the Army of Conquest", "the Khalid ibn al-Walid Army" (a longer name
    around it), "the drone air force" (a noun before it)."""
    if end < len(doc) and doc[end].lower_ == "of":
        return True
    if start > 0 and doc[start - 1].pos_ == "NOUN":
        return True  # someone else's: "the rebel army", the Houthis' "drone air force"
    for ent in doc.ents:
        if ent.start <= start and end <= ent.end:
            first = ent.start + (doc[ent.start].lower_ == "the")
            return first < start or end < ent.end
    return False


def _found(start: int, end: int, cls: str, country: Country, reason: str) -> Found:
    canonical, kind = {
        "state_forces": (country.forces(), "state_forces"),
        "police": (country.police(), "state_forces"),
        "civilians": (country.civilians(), "civilians"),
        "unidentified": (country.unidentified(), "armed_group"),
    }[cls]
    return Found(start, end, ActorRef(canonical, kind, reason=reason), f"generic.{cls}")


def _nationals(doc: Doc) -> dict[int, tuple[int, str]]:
    """Demonyms and country names written with a capital: start -> (end, country code)."""
    lower, orth, codes = _country_matchers(doc.vocab)
    inside = {  # tokens inside a longer name: the "Syrian" of "the Free Syrian Army"
        k for e in doc.ents if e.label_ in _NAME_LABELS for k in range(e.start + 1, e.end)
        if e.start + (doc[e.start].lower_ == "the") < k
        and all(t.is_alpha for t in doc[e.start : k])  # not "ADDIS ABABA - Ethiopian"
    }
    out: dict[int, tuple[int, str]] = {}
    for m in (lower, orth):
        for match_id, start, end in m(doc):
            if not doc[start].text[:1].isupper() or start in inside:
                continue
            if start > 0 and doc[start - 1].text in ("-",) and doc[start - 1].whitespace_ == "":
                continue  # "pro-Russian", "anti-American" name no state
            if end > out.get(start, (0, ""))[0]:
                out[start] = (end, codes[match_id])
    return out


# The venue of talks names where people talked, not where the sentence's events happen:
# "two days into the Geneva talks, suicide bombers attacked ..." ("Geneva IV talks").
_TALKS_AFTER = re.compile(
    r"(?:\s+[IVX]+)?\s+(?:peace\s+)?(?:talks|negotiations|conference|summit|process)\b")
_TALKS_BEFORE = re.compile(r"\b(?:talks|negotiations|conference|summit)\s+(?:in|at)\s+$")


class _EventCountry:
    """Where a sentence's events happen: the country of the towns and regions it names,
    when that is one of the article's event countries (weighing at least ``MIN_SHARE`` of
    the heaviest, as for the profile choice), else the article's heaviest country. The
    "London" of "the London-based Observatory" names no event country, nor does the
    venue of talks."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.places: list[tuple[int, str]] = []  # (original offset, code) of towns, regions
        choice = ctx.memo.get(CHOICE_MEMO)
        if choice is not None:
            weights = Counter(choice.countries)
        else:
            weights = country_weights(ctx.mentions_of("place"), ctx.document)[0]
        for m in ctx.mentions_of("place"):
            ref = m.value
            code = code_of(ref.country) if isinstance(ref, PlaceRef) else None
            if code is not None and ref.precision != "country" and not self._venue(m):
                self.places.append((m.span.start, code))
        top = max(weights.values(), default=0.0)
        self.events = {c for c, w in weights.items() if w >= MIN_SHARE * top}
        self.main = weights.most_common(1)[0][0] if weights else None

    def _venue(self, m: Mention) -> bool:
        text = self.ctx.document.text
        return bool(_TALKS_AFTER.match(text, m.span.end)
                    or _TALKS_BEFORE.search(text[max(m.span.start - 30, 0):m.span.start]))

    def __call__(self, sent: Span) -> tuple[str | None, str]:
        span = self.ctx.span(sent.start_char, sent.end_char)
        here = Counter(
            c for pos, c in self.places if span.start <= pos < span.end and c in self.events
        )
        if here:
            top = here.most_common()
            if len(top) == 1 or top[0][1] > top[1][1]:
                return top[0][0], "a sentence naming places in that country"
        if self.main is not None:
            return self.main, "an article whose places lie mostly in that country"
        return None, ""


_EVENT_COUNTRY_MEMO = "generic_actors.event_country"


def event_country(ctx: DocContext, sent: Span) -> Country | None:
    """The country a sentence's events happen in (``_EventCountry``), for actors the event
    extractor codes from what the text leaves unnamed (civilians, an unclaimed bomb)."""
    finder = ctx.memo.get(_EVENT_COUNTRY_MEMO)
    if finder is None:
        finder = ctx.memo[_EVENT_COUNTRY_MEMO] = _EventCountry(ctx)
    code, _ = finder(sent)
    return countries()[code] if code is not None else None


# -- organisations and other entities ----------------------------------------------


def armed_entities(doc: Doc, taken: set[int], skip: Callable[[Span], bool]) -> list[Found]:
    """Armed groups the small model tags as persons or nationalities, before persons are
    linked: "Boko Haram fighters", "the Tigray People's Liberation Front" (an armed
    formation by its own name, or named before an armed noun other than "forces")."""
    w = words()
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "NORP") or taken.intersection(range(ent.start, ent.end)):
            continue
        span = _trim(doc, ent)
        if span is None or skip(span) or not_actor_reason(span.text) is not None:
            continue
        end, reason = span.end, None
        nxt = doc[end].lower_ if end < len(doc) else ""
        if nxt in w.armed_after and nxt != "forces" and end not in taken:
            end, reason = end + 1, f"named before {doc[end].text!r}"
        elif len(span) > 1 and any(t.lower_ in w.armed_name for t in span):
            reason = "an armed formation by its own name"
        if reason is not None:
            # "Kurdish fighters", "Shiite militias": a people names no group, the phrase does
            name = doc[span.start : end].text if ent.label_ == "NORP" else span.text
            ref = ActorRef(normalise(name), "armed_group", reason=reason)
            out.append(Found(span.start, end, ref, "generic.armed_org"))
    return out


def entity_actors(
    doc: Doc,
    ctx: DocContext,
    taken: set[int],
    skip: Callable[[Span], bool],
    matcher: ActorMatcher | None,
    cutoff: float,
    persons: Sequence[Found] = (),
) -> list[Found]:
    """Steps 3 and 4 of the module docstring.

    A one-word ORG that the sentence shows is no organisation (``_lone_word_not_an_actor``)
    is left out too, so the naming matrix lists actors, not places and fragments.
    """
    noun_end: dict[int, int] = {}
    for _, start, end in force_noun_matcher(doc.vocab)(doc):
        noun_end[start] = max(end, noun_end.get(start, end))
    outlet_names = [n for o in ctx.known_outlets for n in (o.name, *o.aliases)]
    name_words = _person_words(doc, persons)
    outlet_words = [*outlet_names, *(matcher.outlet_names if matcher is not None else ())]
    name_words |= {w.lower() for name in outlet_words for w in name.split() if len(w) > 3}
    # a word of a longer actor name the document already gave ("the Observatory" after
    # "the Syrian Observatory for Human Rights") is that actor again, not a new one
    name_words |= {doc[i].lower_ for i in taken if doc[i].text[:1].isupper() and len(doc[i]) > 3}
    out = []
    for ent in doc.ents:
        if taken.intersection(range(ent.start, ent.end)) or skip(ent):
            continue
        if ent.label_ == "ORG" and (span := _trim(doc, ent)) is not None:
            if len(span) == 1 and _lone_word_not_an_actor(span[0], name_words):
                continue
            if _operation_name(doc, span):
                continue
            if not_actor_reason(span.text, outlet_names) is None:
                out.append(_organisation(doc, span, taken, matcher, cutoff))
                if len(span) > 1:  # without a profile the longer name is found here
                    name_words |= {t.lower_ for t in span if t.text[:1].isupper() and len(t) > 3}
        elif ent.label_ in ("NORP", "GPE") and ent.end in noun_end and ent.text[:1].isupper():
            # ("jihadist assault": a lower-case word the model tags NORP names no group)
            end = noun_end[ent.end]
            text = doc[ent.start : end].text
            if taken.isdisjoint(range(ent.end, end)) and not_actor_reason(text) is None:
                reason = f"{ent.text!r} before the force noun {doc[ent.end:end].text!r}"
                ref = ActorRef(normalise(text), "armed_group", reason=reason)
                out.append(Found(ent.start, end, ref, "ner.forces"))
    return out


# Nouns after a name that make it a military operation's, not a group's ("launched Euphrates
# Shield operation", "the Wrath of Euphrates campaign")
_OPERATION_NOUNS = frozenset({"operation", "operations", "offensive", "campaign"})


def _operation_name(doc: Doc, span: Span) -> bool:
    """Whether an ORG entity names a military operation ("Turkey launched Euphrates Shield
    operation", "Operation Olive Branch"): its owner, the side that launched it, is the
    actor (gold/GUIDE.md codes the launch to Turkey or the SDF), never the name itself."""
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    return ((after is not None and after.lower_ in _OPERATION_NOUNS)
            or span[0].lower_ == "operation"
            or (before is not None and before.text == "Operation"))


# Before a lone capitalised word, these say it is a place ("in rebel-held Rashidin").
_LOCATIVES = frozenset({"in", "at", "near", "outside", "around", "inside"})


def _person_words(doc: Doc, persons: Sequence[Found]) -> set[str]:
    """The words of the persons' names in this document, case-folded ("noha", "samira")."""
    return {t.lower_ for p in persons for t in doc[p.start : p.end] if t.text[:1].isupper()}


def _lone_word_not_an_actor(token: Token, name_words: set[str]) -> bool:
    """Whether a one-word ORG entity is no organisation: the small model's usual slips.

    On the FA-KES demo it tagged "Eastern" (part of Homs), "Barrel" (bombs), "Media"
    (activists), "Army" (units), "Northwest" (of Palmyra), "Rashidin" (a suburb, "in
    rebel-held Rashidin"), "Noha" (a person named "Noha Samira" in the same article) and
    "Observatory" (the Syrian Observatory for Human Rights, named in full before) as
    organisations.
    Acronyms ("FNA", "UNESCO") are kept.
    """
    if token.text.isupper():
        return False
    if token.tag_ not in ("NNP", "NNPS"):  # an adjective or common noun with a capital
        return True
    if token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i and (
        token.head.is_lower
    ):
        return True  # modifies a common noun: "Army units", "Rashidin west of Aleppo"
    if token.dep_ in ("advmod", "npadvmod"):
        return True  # "located Northwest of the ancient city"
    if token.lower_ in name_words:
        return True  # a word of a person's or an outlet's longer name
    doc, i = token.doc, token.i - 1
    if i >= 2 and doc[i - 1].text == "-":
        i -= 3  # step back over a hyphenated modifier: "rebel-held", "government-controlled"
    return i >= 0 and doc[i].lower_ in _LOCATIVES


def _trim(doc: Doc, ent: Span) -> Span | None:
    """The entity without a leading "the", a trailing "'s", punctuation or what follows an
    opening bracket ("Local Coordination Committees (LCC"); ``None`` if junk."""
    start, end = ent.start, ent.end
    for k in range(start, end):
        if doc[k].text in ("(", "["):
            end = k
            break
    while start < end and (doc[start].lower_ == "the" or _filler(doc[start])):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or _filler(doc[end - 1])):
        end -= 1
    span = doc[start:end]
    if not span.text or "\n" in span.text or not span[-1].text[:1].isupper():
        return None  # "Raqqa from", "american arms": not a name
    return span


def _filler(token: Token) -> bool:
    return token.is_punct or token.is_space


def _organisation(
    doc: Doc, span: Span, taken: set[int], matcher: ActorMatcher | None, cutoff: float
) -> Found:
    """An ORG entity: a profile actor if its name is a near-miss of an alias, an armed group
    if the text presents it as armed, else an organisation."""
    text = normalise(span.text)
    if matcher is not None:
        best = process.extractOne(
            text.casefold(), matcher.fuzzy_actors.keys(), scorer=fuzz.ratio, score_cutoff=cutoff
        )
        if best:
            return Found(span.start, span.end, matcher.fuzzy_actors[best[0]].ref(), "ner.fuzzy")
    end, reason = _armed(doc, span, taken)
    if reason is not None:
        ref = ActorRef(text, "armed_group", reason=reason)
        return Found(span.start, end, ref, "generic.armed_org")
    return Found(span.start, span.end, ActorRef(text, "organisation"), "ner.org")


def _armed(doc: Doc, span: Span, taken: set[int]) -> tuple[int, str | None]:
    """``(end, reason)``: how the text presents an organisation as armed, if it does; the
    mention grows over an armed noun after it ("al-Shabaab militants")."""
    w = words()
    end = span.end
    if end < len(doc) and doc[end].lower_ in w.armed_after and end not in taken:
        return end + 1, f"named before {doc[end].text!r}"
    if len(span) > 1 and any(t.lower_ in w.armed_name for t in span):
        return end, "an armed formation by its own name"
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    head = root.head
    if root.dep_ == "nsubj" and _attacks(head, w):
        return end, f"the subject of {head.text!r}"
    if root.dep_ == "pobj" and head.lower_ == "by" and _attacks(head.head, w):
        return end, f"the agent of {head.head.text!r}"
    return end, None


def _attacks(token: Token, w: Words) -> bool:
    return token.pos_ in ("VERB", "AUX") and (
        token.lemma_.lower() in w.attack_verbs or token.lower_ in w.attack_verbs
    )

