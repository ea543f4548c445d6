"""Persons: one canonical name per person per document, with the role the text gives.

A text names a person once in full ("UN envoy Staffan de Mistura") and then by
short forms ("de Mistura", "Mr Kerry", "Kerry"). Short forms link, by surname
key, to the latest full name before them, else the first after them, else to
the one profile person of that surname. A single word that links to nobody is
dropped: the small spaCy model tags many places ("Palmyra") as PERSON, and a
lone unknown word is more often such a place than a person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span

from palmyra.annotate.actor_matcher import ActorMatcher, Found, Hit, PersonTarget
from palmyra.annotate.names import HONORIFICS, name_key, name_words, normalise, titles
from palmyra.model import ActorRef, Register
from palmyra.profiles import PersonEntry

_NAME_TAGS = frozenset({"NNP", "NNPS", "HYPH"})


@dataclass
class _Candidate:
    start: int  # surface start: title words written before the name included
    end: int
    name: str  # the name alone, titles stripped
    key: str
    role: Span | None
    may_create: bool  # False for ORG entities: they may only join a known person
    person: PersonEntry | None = None
    register: Register | None = None
    short: bool = False


def person_mentions(
    doc: Doc,
    hits: list[Hit],
    taken: set[int],
    matcher: ActorMatcher | None,
    skip: Callable[[Span], bool],
    fuzzy_cutoff: float,
) -> tuple[list[Found], set[int]]:
    """Person mentions, and the tokens of the roles written around them.

    Args:
        hits: profile person hits that won against overlapping actor names.
        taken: tokens already linked to actors; entities touching them are skipped.
        skip: tells whether an entity is a known place or outlet, not a person.

    Returns:
        The mentions, and the role tokens ("US Secretary of State") so that no
        organisation is read out of them.
    """
    cands = [c for h in hits if (c := _from_hit(doc, h))]
    used = set(taken).union(*(range(c.start, c.end) for c in cands))
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG") and not used.intersection(range(ent.start, ent.end)):
            cand = _from_entity(doc, ent, may_create=ent.label_ == "PERSON")
            if cand and not skip(ent):
                cands.append(cand)
    cands.sort(key=lambda c: c.start)
    fulls = [c for c in cands if not c.short]
    for cand in fulls:
        if cand.person is None and matcher and cand.may_create:
            cand.person = _fuzzy_person(cand.name, matcher, fuzzy_cutoff)
    found, role_tokens = [], set()
    for cand in cands:
        name, person = _resolve(cand, fulls, matcher)
        if name is None:
            continue
        role = _first_role(cands, cand, name) or (person.role if person else None)
        side = matcher.person_sides.get(name) if matcher else None
        ref = ActorRef(name, "person", side, cand.register, role)
        found.append(Found(cand.start, cand.end, ref, _rule(cand), kind="person"))
        if cand.role is not None:
            role_tokens.update(range(cand.role.start, cand.role.end))
    return found, role_tokens


def _from_hit(doc: Doc, hit: Hit) -> _Candidate | None:
    target = hit.target
    if not isinstance(target, PersonTarget) or not doc[hit.end - 1].text[:1].isupper():
        return None  # "trump card" is not Donald Trump
    start = _title_start(doc, hit.start)
    alias = target.alias
    register = alias.register if alias and alias.register != "neutral" else None  # as for NER names
    return _Candidate(
        start,
        hit.end,
        target.person.name if target.person else doc[hit.start : hit.end].text,
        target.key,
        _role(doc, doc[hit.start : hit.end], start),
        True,
        target.person,
        register,
        short=target.person is None,
    )


def _from_entity(doc: Doc, ent: Span, may_create: bool) -> _Candidate | None:
    """A candidate from a NER entity, or ``None`` when it does not look like a name."""
    tokens = [t for t in ent if not t.is_space]
    while tokens and (tokens[0].lower_ == "the" or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens or "\n" in doc[tokens[0].i : tokens[-1].i + 1].text:
        return None  # an entity across a line break is two things run together
    first = next((i for i, t in enumerate(tokens) if t.lower_.rstrip(".") not in titles()), None)
    if first is None or any(t.tag_ not in _NAME_TAGS for t in tokens[first:]):
        return None  # "Defecting Syrians", "Liberated Aleppo": not all proper nouns
    name = normalise(doc[tokens[first].i : tokens[-1].i + 1].text)
    key = name_key(name)
    if key is None:
        return None
    start = _title_start(doc, tokens[0].i)
    role = _role(doc, doc[tokens[first].i : tokens[-1].i + 1], start)
    short = len(name_words(name)) < 2
    return _Candidate(start, tokens[-1].i + 1, name, key, role, may_create, short=short)


def _title_start(doc: Doc, start: int) -> int:
    """Extend a name left over capitalised titles written with it: "Major-General Igor X"."""
    while start > 0 and _title_word(doc, start - 1):
        start -= 1
    return start


def _title_word(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.text == "-":  # the hyphen of "Major-General"
        return i > 0 and doc[i - 1].lower_ in titles()
    return token.text[:1].isupper() and token.lower_.rstrip(".") in titles()


def _role(doc: Doc, name: Span, surface_start: int) -> Span | None:
    """The title or role the sentence gives the person, if it names one.

    Premodifiers ("UN envoy Staffan de Mistura") come from the name's left
    dependents; appositions from the head ("Syria's ambassador to the UN, Bashar
    al-Jaafari") or a child ("Kerry, the US Secretary of State"). Anything
    without a title word is not a role.
    """
    if not doc.has_annotation("DEP"):
        return _clean_role(doc[surface_start : name.start]) if surface_start < name.start else None
    root = name.root
    spans = [doc[root.left_edge.i : name.start]]
    if root.dep_ == "appos" and root.head.i < name.start:
        spans.append(doc[root.head.left_edge.i : root.head.right_edge.i + 1])
    spans += [doc[c.left_edge.i : c.right_edge.i + 1] for c in root.rights if c.dep_ == "appos"]
    for span in spans:
        if span.end > name.start and span.start < name.end:
            span = doc[span.start : name.start]
        role = _clean_role(span)
        if role:
            return role
    return None


def _clean_role(span: Span) -> Span | None:
    words = [t for t in span if not t.is_space]
    while words and (words[0].is_punct or words[0].dep_ == "det"):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    lowers = {t.lower_.rstrip(".") for t in words}
    if not words or not (lowers & titles()) or lowers <= HONORIFICS:
        return None
    return span.doc[words[0].i : words[-1].i + 1]


def _fuzzy_person(name: str, matcher: ActorMatcher, cutoff: float) -> PersonEntry | None:
    """A profile person whose name or alias is spelled nearly the same ("Sergei"/"Sergey")."""
    best = process.extractOne(
        name.casefold(), matcher.fuzzy_persons.keys(), scorer=fuzz.ratio, score_cutoff=cutoff
    )
    return matcher.fuzzy_persons[best[0]] if best else None


def _resolve(
    cand: _Candidate, fulls: list[_Candidate], matcher: ActorMatcher | None
) -> tuple[str | None, PersonEntry | None]:
    """Canonical name and profile person for a candidate; ``(None, None)`` when unlinked."""
    if not cand.short:
        if cand.person:
            return cand.person.name, cand.person
        same = [f for f in fulls if f is not cand and f.person is None and f.name == cand.name]
        if cand.may_create or any(f.may_create for f in same):
            return cand.name, None
        return None, None
    same_key = [f for f in fulls if f.key == cand.key and (f.may_create or f.person)]
    before = [f for f in same_key if f.start < cand.start]
    chosen = before[-1] if before else (same_key[0] if same_key else None)
    if chosen:
        return (chosen.person.name, chosen.person) if chosen.person else (chosen.name, None)
    known = matcher.persons_by_key.get(cand.key, []) if matcher else []
    return (known[0].name, known[0]) if len(known) == 1 else (None, None)


def _first_role(cands: list[_Candidate], cand: _Candidate, name: str) -> str | None:
    """The role given here, else the first the document gives this person."""
    for c in (cand, *cands):
        if c.role is not None and (c is cand or name in (c.name, c.person and c.person.name)):
            return normalise(c.role.text)
    return None


def _rule(cand: _Candidate) -> str:
    if cand.short:
        return "person.short"
    return "person.profile" if cand.person else "person.ner"
