"""Actor linking: every name of an actor or person in a document, linked to a canonical name.

The surface form is kept as written, widened to take in the words that frame
it ("US-backed Syrian Democratic Forces", "the so-called opposition", "the
'opposition'"): which name an outlet chooses is the signal the naming matrix
compares, so each mention carries the register of that choice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from palmyra import registry
from palmyra.annotate.actor_matcher import (
    ActorMatcher,
    ActorTarget,
    DescriptorTarget,
    Found,
    Hit,
    PersonTarget,
)
from palmyra.annotate.countries import FORCES, GOVERNMENT, code_of
from palmyra.annotate.descriptors import link_descriptors
from palmyra.annotate.generic_actors import armed_entities, entity_actors, generic_actors
from palmyra.annotate.names import normalise
from palmyra.annotate.persons import person_mentions
from palmyra.context import DocContext
from palmyra.model import ActorRef, Mention, Outlet
from palmyra.profiles import Profile

NAME = "palmyra.actors.v1"
DEFAULTS = {
    "actor_context_sentences": 1,  # sentences back that a descriptor looks for its referent
    "actor_fuzzy_cutoff": 90.0,  # rapidfuzz ratio for a misspelt name ("Syria Arab Army")
}
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# What a city owns without acting: "Sanaa's Al-Sabeen Square", "Kyiv's Podil district",
# "Tripoli's international airport" name places of the city, not its government.
_SITES = frozenset({
    "square", "street", "road", "avenue", "market", "souq", "bazaar", "stadium", "hospital",
    "mosque", "bridge", "university", "airport", "airbase", "port", "harbour", "harbor",
    "district", "districts", "neighbourhood", "neighborhood", "suburb", "suburbs", "quarter",
    "outskirts", "centre", "center", "camp", "station", "park", "gate", "roundabout"})
_OPEN_QUOTES = frozenset({"\u2018", "\u201c", '"', "'", "``"})
_CLOSE_QUOTES = frozenset({"\u2019", "\u201d", '"', "'", "''"})
# Quotes right after these mark a name being given, not the writer's distance from it.
_NAMING_CUES = frozenset({"called", "named", "dubbed", "titled", "itself", "themselves"})
_NAMED_AS = frozenset({"known", "identified", "referred"})  # "a unit identified as 'X'"
_SPONSOR = re.compile(r"[^\W_][\w.]*")  # "US", "U.S.", "Pentagon"; not markup like 'href=""]US'
_BACKING = frozenset(
    {"backed", "supported", "sponsored", "armed", "funded", "trained", "led", "linked"}
    | {"affiliated", "allied", "aligned"}
)


@registry.annotators.register(NAME)
def actor_mentions(doc: Doc, ctx: DocContext) -> list[Mention]:
    """Actor and person mentions of one document, in text order.

    1. Profile names (aliases, modifier + force noun, descriptors, persons):
       metonyms ("Damascus") count only as agents, names inside a longer place
       name not at all, and of overlapping names the longest wins.
    2. Descriptors get their referent from the text around them (descriptors.py).
    3. Persons: profile persons and PERSON entities, one name per person (persons.py).
    4. The generic layer, on the words left: state forces and police by nationality
       ("Ethiopian troops"), police, civilians and unidentified gunmen of the event's
       country, armed organisations and other ORG entities, never an outlet, a time
       zone or a weapon (generic_actors.py); with no profile the only source of actors.

    Args:
        doc: the spaCy Doc of ``ctx.document.clean.text``.
        ctx: the profile (or none), and settings: ``actor_context_sentences``,
            ``actor_fuzzy_cutoff``, ``place_names`` (names the small model may
            mistake for persons or organisations).

    Returns:
        ``Mention(kind="actor"|"person")`` with an ``ActorRef`` value; ``text``
        is the surface form, ``rule`` names the rule that linked it.
    """
    cutoff = float(_setting(ctx, "actor_fuzzy_cutoff"))
    matcher = ActorMatcher.for_profile(ctx.profile, doc.vocab) if ctx.profile else None
    hits = _select(doc, matcher(doc)) if matcher else []
    actors = [
        Found(h.start, h.end, t.ref(), "metonym" if t.alias.metonym else t.rule)
        for h in hits
        if isinstance(t := h.target, ActorTarget)
    ]
    descriptor_hits = [h for h in hits if isinstance(h.target, DescriptorTarget)]
    if ctx.profile:
        window = int(_setting(ctx, "actor_context_sentences"))
        actors += link_descriptors(doc, descriptor_hits, actors, ctx.profile, window)
    linked = _tokens(actors)
    taken = linked | _tokens(descriptor_hits)
    skip = _skipper(ctx, matcher)
    armed = armed_entities(doc, taken, _skipper(ctx, matcher, inside_places=False))
    actors += armed
    taken |= _tokens(armed)
    person_hits = [h for h in hits if isinstance(h.target, PersonTarget)]
    persons, roles = person_mentions(doc, person_hits, taken, matcher, skip, cutoff)
    taken |= _tokens(persons) | roles
    if ctx.profile:
        actors, persons = _loyal_forces(doc, actors, persons, ctx.profile)
        actors = _bare_epithets(doc, actors, ctx.profile)
        taken |= _tokens(actors)
    # A descriptor the context names no actor for ("gunmen" alone) is the generic layer's.
    unlinked = _tokens(descriptor_hits) - linked
    generic = generic_actors(doc, ctx, taken - unlinked)
    actors += generic
    taken |= _tokens(generic)
    actors += entity_actors(doc, ctx, taken, skip, matcher, cutoff, persons)
    ends = {f.end: f.start for f in actors}
    clean = ctx.document.clean
    text = clean.text if clean else ctx.document.text  # the Doc's text: cheaper than doc.text
    return [
        _mention(doc, text, ctx, _framed(doc, f, ends) if f.kind == "actor" else f)
        for f in sorted(actors + persons, key=lambda f: (f.start, f.end))
    ]


# "forces loyal to President Bashar al-Assad", "fighters loyal to the government": the
# allegiance names whose forces they are, whatever noun names the fighters.
_LOYAL_NOUNS = frozenset({"forces", "force", "troops", "soldiers", "fighters", "militias",
                          "militiamen", "units", "gunmen", "army", "militia"})
_LOYAL_REACH = 5  # words between "to" and the name: "to the renegade former General Khalifa"


def _loyal_forces(
    doc: Doc, actors: list[Found], persons: list[Found], profile: Profile
) -> tuple[list[Found], list[Found]]:
    """"Forces loyal to X" as X's forces: a person as the side the profile affiliates them
    with, a government as its military where the profile knows it ("forces loyal to
    Assad" are the Syrian army, not a person nor a bare "forces" of no side). A name the
    noun ends ("security forces loyal to the Southern Transitional Council", "the air force
    loyal to Haftar") is replaced too: the allegiance says whose they are, the generic
    name only what they are."""
    starts = {f.start: f for f in actors + persons}
    replaced: dict[int, Found] = {}
    dropped: set[int] = set()
    for t in doc[:-3]:
        if t.lower_ not in _LOYAL_NOUNS or doc[t.i + 1].lower_ != "loyal":
            continue
        covering = [f for f in actors if f.start <= t.i < f.end]
        if doc[t.i + 2].lower_ != "to" or any(f.end != t.i + 1 for f in covering):
            continue
        for k in range(t.i + 3, min(t.i + 3 + _LOYAL_REACH, len(doc))):
            if (named := starts.get(k)) is not None:
                break
            if not _before_name(doc[k]):  # "the", "President", "retired", "Libya's"
                named = None
                break
        if named is None or (ref := _allegiance(named.ref, profile)) is None:
            continue
        start = min([t.i] + [f.start for f in covering])
        dropped.update(f.start for f in covering)
        replaced[named.start] = Found(start, named.end, ref, "loyal_to")
    if not replaced:
        return actors, persons
    kept = [f for f in actors if f.start not in replaced and f.start not in dropped]
    return kept + list(replaced.values()), [f for f in persons if f.start not in replaced]


def _bare_epithets(doc: Doc, actors: list[Found], profile: Profile) -> list[Found]:
    """A foreign aggressor's hostile epithet used bare ("The aggression also launched four
    raids") as the foreign actor of another side last named with it in full ("a raid by
    the American aggression"): Houthi media call the coalition, the US and Israel all "the
    aggression", and the bare word refers back to whichever the article named. A home
    state's epithet ("the regime" in Syria) stays the home state's, and so does one whose
    own side the article names with it in full anywhere ("US-Saudi aggression")."""
    full = [g for g in actors if g.end - g.start > 1 and g.rule == "alias"
            and _epithet(doc, g) is None]
    out = []
    for f in actors:
        head = _epithet(doc, f) if not _home(f.ref, profile) else None
        named = [g for g in full if _last_word(doc, g) == head] if head else []
        before = [g for g in named if g.end <= f.start]
        if before and not _home(before[-1].ref, profile) and (
                before[-1].ref.side != f.ref.side) and not any(
                g.ref.side == f.ref.side for g in named):
            why = f"{head!r} refers back to {before[-1].ref.canonical}"
            f = replace(f, ref=replace(before[-1].ref, register="hostile", reason=why))
        out.append(f)
    return out


def _home(ref: ActorRef, profile: Profile) -> bool:
    """Whether an actor is of a country the profile's war is fought in."""
    entry = profile.actor(ref.canonical)
    return entry is not None and code_of(entry.country) in profile.countries


def _epithet(doc: Doc, found: Found) -> str | None:
    """The word of a bare hostile alias ("aggression", "the aggression"), else None; a
    descriptor ("terrorists") is no alias: its referent is the context's already."""
    words = [t for t in doc[found.start:found.end] if t.lower_ != "the"]
    if (found.ref.register != "hostile" or found.rule != "alias" or len(words) != 1
            or words[0].is_title):
        return None
    return words[0].lower_


def _last_word(doc: Doc, found: Found) -> str:
    return doc[found.end - 1].lower_


def _before_name(token: Token) -> bool:
    """A word that may stand between "loyal to" and the name: an article, a title or
    rank, an adjective ("retired", "renegade"), a possessive."""
    return (token.lower_ == "the" or token.is_title or token.pos_ == "ADJ"
            or token.tag_ in ("POS", "VBN"))


def _allegiance(ref: ActorRef, profile: Profile) -> ActorRef | None:
    entry = profile.actor(ref.canonical)
    if ref.kind == "person":
        person = profile.person(ref.canonical)
        entry = profile.actor(person.affiliation) if person and person.affiliation else None
    if entry is None:
        return None
    if entry.kind == "government" and entry.canonical.startswith(GOVERNMENT):
        entry = profile.actor(FORCES + entry.canonical[len(GOVERNMENT):])
        if entry is None:
            return None
    why = f"forces loyal to {ref.canonical}"
    return ActorRef(entry.canonical, entry.kind, entry.side, "neutral", reason=why)


def _setting(ctx: DocContext, name: str) -> float:
    return ctx.settings.get(name, DEFAULTS[name])


# The head word of an armed group's name: an entity the small model labels a place that
# ends in one ("the Fateh al-Sham Front" as FAC) is the group, and the alias inside it stands
_GROUP_HEADS = frozenset({"front", "army", "brigade", "brigades", "battalion", "battalions",
                          "movement", "legion", "corps", "forces", "militia", "militias"})


def _select(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """Plausible hits, longest first, none overlapping another already chosen."""
    places = {i: e for e in doc.ents if e.label_ in _PLACE_LABELS
              and e[-1].lower_ not in _GROUP_HEADS for i in range(e.start, e.end)}
    chosen: list[Hit] = []
    used: set[int] = set()
    for hit in sorted(hits, key=lambda h: (-_weight(doc, h), h.start)):
        span = range(hit.start, hit.end)
        if used.isdisjoint(span) and _plausible(doc, hit, places):
            chosen.append(hit)
            used.update(span)
    return sorted(chosen, key=lambda h: h.start)


def _weight(doc: Doc, hit: Hit) -> int:
    """Length in words, a leading "the" not counted: "the regime forces" is "regime forces"."""
    return hit.end - hit.start - (doc[hit.start].lower_ == "the")


def _plausible(doc: Doc, hit: Hit, places: dict[int, Span]) -> bool:
    """False for a metonym that is not an agent, or a name inside a place ("the West Bank")."""
    target = hit.target
    # a country standing for its government is the whole place, its article aside: "The
    # United States and Britain struck ..." (else the first of such a pair is lost)
    country = isinstance(target, ActorTarget) and target.alias.metonym
    for i in range(hit.start, hit.end):
        place = places.get(i)
        start = place.start if place is not None else 0
        if country and place is not None and place[0].lower_ == "the":
            start += 1
        if place is not None and (start < hit.start or place.end > hit.end):
            return False
    if isinstance(target, ActorTarget) and target.alias.metonym:
        if _dateline(doc, hit):
            return False
        return doc.has_annotation("DEP") and _is_agent(doc[hit.start : hit.end].root)
    return True


def _dateline(doc: Doc, hit: Hit) -> bool:
    """A capital in capitals before a dash or a bracket ("KHARTOUM -", "DAMASCUS (Reuters)"),
    or opening its line before a comma ("ERBIL, Jan 16, 2024 (Shafaq News) -"), names where
    the story was filed, whatever the parser makes of them."""
    words = doc[hit.start : hit.end]
    after = doc[hit.end].text if hit.end < len(doc) else ""
    if not all(t.is_upper or not t.is_alpha for t in words):
        return _dateline_country(doc, hit)
    # "KHARTOUM, April 16, 2023 (Reuters) - ...": in capitals, opening its line
    line_start = hit.start == 0 or "\n" in doc[hit.start - 1].text_with_ws
    return after in ("-", "\u2013", "(") or (line_start and after == ",")


def _dateline_country(doc: Doc, hit: Hit) -> bool:
    """ "MOSUL, Iraq, June 10, 2014 (Reuters) -", "KYIV, Ukraine (AP) -": the country after a
    dateline's city in capitals that opens its line is where the story was filed too."""
    k = hit.start - 2
    if k < 0 or doc[hit.start - 1].text != ",":
        return False
    city = k
    while city > 0 and doc[city - 1].is_upper and doc[city - 1].is_alpha and (
            "\n" not in doc[city - 1].text_with_ws):
        city -= 1  # "PORT SUDAN, Sudan"
    line_start = city == 0 or "\n" in doc[city - 1].text_with_ws
    return line_start and all(t.is_upper and t.is_alpha for t in doc[city : k + 1])


def _is_agent(token: Token) -> bool:
    """Subject, possessor or passive agent ("proclaimed by Damascus"); not "in Damascus"."""
    while token.dep_ == "conj":  # "Russia and Iran backed it"
        token = token.head
    if token.dep_ == "poss":
        return token.head.lower_ not in _SITES
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "by"


def _tokens(items: list[Found] | list[Hit]) -> set[int]:
    return {i for item in items for i in range(item.start, item.end)}


# The last outlet list and its names' keys: every document of a run brings the same list
# (the pipeline's), and normalising its some 450 names took longer than the rest of the test.
_OUTLET_KEYS: list[tuple[Sequence[Outlet], frozenset[str]]] = []


def _outlet_keys(outlets: Sequence[Outlet]) -> frozenset[str]:
    """The casefolded ``normalise`` of every name and alias of ``outlets``."""
    last = _OUTLET_KEYS[0] if _OUTLET_KEYS else None  # one read: another thread may replace it
    if last is None or last[0] is not outlets:
        last = (outlets, frozenset(normalise(n).casefold() for o in outlets
                                   for n in (o.name, *o.aliases)))
        _OUTLET_KEYS[:] = [last]
    return last[1]


def _skipper(
    ctx: DocContext, matcher: ActorMatcher | None, inside_places: bool = True
) -> Callable[[Span], bool]:
    """Tells whether an entity is a known place or outlet, which NER must not make an actor.

    The small model tags places as PERSON or ORG ("Sultan Abdullah", "Jableh").
    A single-word PERSON is not checked against the gazetteer: surnames are
    place names too ("Kerry", "Warren"), and persons.py drops lone words that
    link to no full name anyway. With ``inside_places`` false an entity that only
    holds a place ("the Tigray People's Liberation Front") is not skipped.
    """
    outlets = (matcher.outlet_names if matcher else frozenset()) | _outlet_keys(
        ctx.known_outlets)
    place_names = ctx.settings.get("place_names") or frozenset()
    places = [m.span for m in ctx.mentions if m.kind == "place"]
    gazetteer = ctx.gazetteer

    def skip(ent: Span) -> bool:
        text = normalise(ent.text.removeprefix("the ").removeprefix("The "))
        if text.casefold() in outlets or text in place_names:
            return True
        check_places = ent.label_ != "PERSON" or " " in text
        if gazetteer is not None and check_places and gazetteer.candidates(text):
            return True
        span = ctx.span(ent.start_char, ent.end_char)
        if not inside_places:
            return any(p.start <= span.start and span.end <= p.end for p in places)
        return any(p.start < span.end and span.start < p.end for p in places)

    return skip


def _framed(doc: Doc, found: Found, ends: dict[int, int]) -> Found:
    """Widen a mention over the words that frame it, and turn distancing into a register.

    Scare quotes and "so-called" reject the name they mark: a writer who rejects
    the neutral or flattering name ("the 'opposition'", "the so-called Islamic
    State") is hostile to the actor; one who rejects a hostile name ("'regime
    forces'" in a pro-government paper) is favourable to it. "X-backed" names a
    sponsor and stays part of the surface form; a sponsor that is itself a
    mention ("Pentagon-backed") stays a mention of its own too.
    """
    start, end, ref, rule = found.start, found.end, found.ref, found.rule
    if _scare_quoted(doc, start, end):
        start, end, rule = start - 1, end + 1, rule + "+scare_quotes"
        ref = _rejected(ref, "in scare quotes")
    if start >= 3 and [t.lower_ for t in doc[start - 3 : start]] == ["so", "-", "called"]:
        start, rule = start - 3, rule + "+so_called"
        ref = _rejected(ref, "after 'so-called'")
    if _backed(doc, start):
        start, rule = ends.get(start - 2, start - 3), rule + "+backed"
    return Found(start, end, ref, rule, found.kind)


def _backed(doc: Doc, start: int) -> bool:
    """A sponsor word, a hyphen and a backing participle just before: "US-backed X"."""
    if start < 3 or doc[start - 2].text != "-" or doc[start - 1].lower_ not in _BACKING:
        return False
    return _SPONSOR.fullmatch(doc[start - 3].text) is not None


def _scare_quoted(doc: Doc, start: int, end: int) -> bool:
    if start == 0 or end >= len(doc):
        return False
    opening = start - 1
    if doc[opening].text not in _OPEN_QUOTES or doc[end].text not in _CLOSE_QUOTES:
        return False
    before = doc[opening - 1].lower_ if opening > 0 else ""
    named_as = before == "as" and opening > 1 and doc[opening - 2].lower_ in _NAMED_AS
    return before not in _NAMING_CUES and not named_as


def _rejected(ref: ActorRef, how: str) -> ActorRef:
    if ref.register == "hostile":
        return replace(
            ref, register="favourable", reason=f"a hostile name {how}: the writer rejects it"
        )
    return replace(ref, register="hostile", reason=f"the actor's name {how}: the writer rejects it")


def _mention(doc: Doc, text: str, ctx: DocContext, found: Found) -> Mention:
    start, end = doc[found.start].idx, doc[found.end - 1].idx + len(doc[found.end - 1])
    kind = "person" if found.kind == "person" else "actor"
    return Mention(kind, text[start:end], ctx.span(start, end), found.ref, found.rule)
