"""Where an event happened: the place mention(s) a trigger governs.

Resolved by a short ordered chain (STYLE rule 4); the first helper that finds
a place wins and its name is recorded as the rule:

1. ``clause``: a place in the trigger's clause reached through a locative
   preposition, an object or a compound, nearest first; coordinated places
   ("strikes against Manbij and Mar'a, and against Hit") give one event each.
2. ``anaphora``: "the city" / "the town" in a locative role points back to
   the last named place of that grain.
3. ``sentence``: the nearest acceptable place anywhere in the sentence.
4. ``narrative``: a sentence that names no usable place continues the
   paragraph's last placed event.
5. ``coarse``: only a country or region is named ("clashes in Syria", "a
   drone strike in northern Yemen"): that, at ACLED's geo-precision 3.

Fields, never gates: an event with no place at all keeps no place, and is
still an event. A place the gazetteer does not list but the text calls one
("the village of Rityan") comes as an ``unlisted`` place, its name as written.
``geo_precision`` gives ACLED's code for the place found: 1 the place itself,
2 near it or a part of it ("near Palmyra", "the outskirts of Douma"), 3 a
province, region or country only.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from palmyra.extract.events.index import DocIndex, TokenMention
from palmyra.extract.events.lexicon import Lexicon
from palmyra.extract.events.syntax import ancestors_in_sentence
from palmyra.extract.events.triggers import Hit

COARSE_PRECISIONS = frozenset({"country", "region"})
_TOWN_GRAINS = frozenset({"town", "neighbourhood", "admin2", "unlisted"})
_REGION_GRAINS = frozenset({"admin1", "country", "region"})
# "near X", "outside X", "the outskirts of X", "north of X": the event is by the place.
_NEAR_WORDS = frozenset({"near", "outside", "around", "outskirts", "nearby", "edge", "edges",
                         "north", "south", "east", "west", "northeast", "northwest",
                         "southeast", "southwest", "vicinity", "countryside", "suburbs",
                         "periphery", "close"})
_PROVINCE_WORDS = frozenset({"province"})
_DESCRIBING_DEPS = frozenset({"relcl", "acl"})
# A bare killing without a place is a casualty figure for the event told before it
# (merge lends its counts), not a new event at that event's place.
_NO_NARRATIVE = frozenset({"kill"})
# Events whose place is where people or forces leave: "evacuated from Aleppo".
_FROM_FAMILIES = frozenset({"evacuation", "withdrawal", "abduction"})
# Deals, talks, votes and a group's changes are placed only where the text places them
# ("talks in Geneva"); a paragraph's earlier battleground is not where a truce was agreed
# or a Security Council resolution passed (GUIDE: no place named -> no location).
_OWN_PLACE_FAMILIES = frozenset({"agreement", "vote", "group_change"})
_OWN_PLACE_TYPES = frozenset({"Agreement", "Change to group/activity"})
# The countries named beside a vote are its voters ("Ethiopia and Egypt abstained"), not
# where it happened.
_NO_COARSE = frozenset({"vote"})


def resolve_places(
    hit: Hit,
    clause: list[Token],
    sent: Span,
    index: DocIndex,
    lex: Lexicon,
    previous: TokenMention | None,
) -> tuple[list[TokenMention], str | None]:
    """The event's place(s) and the rule that found them (``previous``: the paragraph's last)."""
    found = _in_clause(hit, clause, index, lex)
    if found:
        return found, "clause"
    antecedent = _anaphora(hit, clause, index, lex)
    if antecedent:
        return [antecedent], "anaphora"
    nearest = _in_sentence(hit, sent, index, lex)
    if nearest:
        return [nearest], "sentence"
    if (previous is not None and not _own_place_only(hit)
            and hit.entry.family not in _NO_NARRATIVE
            and (hit.entry.sub_event_type == "Agreement" or not _venue_of_talks(previous))):
        return [previous], "narrative"
    coarse = None if hit.entry.family in _NO_COARSE else _coarse(hit, clause, sent, index)
    if coarse is not None:
        return [coarse], "coarse"
    return [], None


def _own_place_only(hit: Hit) -> bool:
    """Whether the event takes no place from the narrative around it (``_OWN_PLACE_FAMILIES``)."""
    return (hit.entry.family in _OWN_PLACE_FAMILIES
            or hit.entry.sub_event_type in _OWN_PLACE_TYPES)


def geo_precision(tm: TokenMention, rule: str | None) -> int:
    """ACLED's geo-precision of an event placed at ``tm`` by ``rule`` (module notes)."""
    place = tm.place
    if rule == "coarse" or (place is not None and place.precision in _REGION_GRAINS):
        return 3
    head = tm.root
    for t in [head, *ancestors_in_sentence(head)][:4]:
        if t.lower_ in _NEAR_WORDS:
            return 2
    before = head.doc[max(tm.start - 3, 0) : tm.start]
    return 2 if any(t.lower_ in _NEAR_WORDS for t in before) else 1


def _coarse(hit: Hit, clause: list[Token], sent: Span, index: DocIndex) -> TokenMention | None:
    """The nearest country or region named in the clause, else in the sentence.

    A country that owns an actor ("Iran's Revolutionary Guards") says whose force it
    is, not where it struck.
    """
    for tokens in (clause, sent):
        found = [tm for tm in index.mentions_in(tokens, "place")
                 if tm.place is not None and tm.place.precision in COARSE_PRECISIONS
                 and not (tm.root.dep_ == "poss"
                          and index.mention_at(tm.root.head, "actor", "person"))]
        if found:
            return min(found, key=lambda tm: abs(tm.root.i - hit.token.i))
    return None


def _usable(tm: TokenMention, hit: Hit, lex: Lexicon) -> bool:
    """A specific place that is not an origin, a destination or one end of a range, nor the
    venue of talks for an event that is no agreement ("two days into the Geneva talks,
    suicide bombers attacked..." happened elsewhere)."""
    place = tm.place
    if place is None or place.precision in COARSE_PRECISIONS:
        return False
    if hit.entry.sub_event_type != "Agreement" and _venue_of_talks(tm):
        return False
    for t in [tm.root, *ancestors_in_sentence(tm.root)]:
        if t.i == hit.token.i:
            return True
        if t.dep_ in ("prep", "agent") and lex.cue(t, "not_place_prep"):
            return t.lower_ == "from" and hit.entry.family in _FROM_FAMILIES
    return True


# Nouns of diplomacy whose place names where people talked, not where anything was hit.
_TALKS_NOUNS = frozenset({"talks", "talk", "negotiation", "negotiations", "conference",
                          "summit", "meeting", "process", "accord", "accords", "convention"})


def _venue_of_talks(tm: TokenMention) -> bool:
    """Whether the place modifies a noun of diplomacy: "the Geneva talks", "talks in Astana"."""
    head = tm.root.head
    if tm.root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "at"):
        head = head.head
    return head.i != tm.root.i and head.lower_ in _TALKS_NOUNS


def _in_clause(hit: Hit, clause: list[Token], index: DocIndex, lex: Lexicon) -> list[TokenMention]:
    places = [tm for tm in index.mentions_in(clause, "place") if _usable(tm, hit, lex)]
    if not places:
        return []
    own = {t.i for t in hit.token.subtree}
    places.sort(key=lambda tm: (tm.root.i not in own, abs(tm.root.i - hit.token.i)))
    primary = _qualified(_finer_inside(places[0], places), places)
    return _dedupe([primary, *_coordinated(primary, places), *_run_on(primary, places)])


def _finer_inside(primary: TokenMention, places: list[TokenMention]) -> TokenMention:
    """A town named within the chosen province is the better place ("Idlib's Jisr al-Shughur")."""
    ref = primary.place
    if ref is not None and ref.precision == "town":
        # "Aleppos Marjeh district": a part the gazetteer does not list, right after its city
        for tm in places:
            if tm.start == primary.end and tm.place is not None and tm.place.precision in (
                    "unlisted", "neighbourhood"):
                return tm
    if ref is None or ref.precision in _TOWN_GRAINS:
        return primary
    for tm in places:
        p = tm.place
        if p and p.precision in _TOWN_GRAINS and p.admin1 and p.admin1 == ref.admin1:
            return tm
        # a village the gazetteer does not list, named beside the province ("In the province
        # of Idlib ... from the village of Yacoubiyeh")
        if p and p.precision == "unlisted" and not p.admin1 and ref.precision == "admin1":
            return tm
    return primary


def _qualified(primary: TokenMention, places: list[TokenMention]) -> TokenMention:
    """The text's own container wins over a gazetteer guess that contradicts it.

    "al-Midan neighbourhood in Aleppo city": when the neighbourhood resolved to
    a homonym in another province, the town the text names is the safer place.
    An unlisted place is no such container: its province is itself inferred.
    """
    ref = primary.place
    inside = {t.i for t in primary.root.subtree}
    for tm in places:
        p = tm.place
        if (tm is primary or tm.root.i not in inside or p is None or ref is None
                or p.precision == "unlisted"):
            continue
        if p.admin1 and ref.admin1 and p.admin1 != ref.admin1:
            return tm
    return primary


def _coordinated(primary: TokenMention, places: list[TokenMention]) -> list[TokenMention]:
    """Places listed alongside the primary one: its conjuncts and the same preposition's objects."""
    conj = {t.i for t in primary.root.conjuncts}
    prep = _governing_prep(primary.root)
    inside = {t.i for t in primary.root.subtree}
    out = []
    for tm in places:
        if tm is primary:
            continue
        if tm.root.i in conj:
            out.append(tm)
            continue
        other = _governing_prep(tm.root)
        parallel = (
            prep is not None
            and other is not None
            and other.i != prep.i
            and other.lower_ == prep.lower_
            and tm.root.i not in inside
            and primary.root.i not in {t.i for t in tm.root.subtree}
        )
        if parallel:
            out.append(tm)
            out.extend(p for p in places if p.root.i in {t.i for t in tm.root.conjuncts})
    return out


_LIST_GLUE = frozenset({",", "and", "or", "&"})


def _run_on(primary: TokenMention, places: list[TokenMention]) -> list[TokenMention]:
    """Town names listed side by side with the primary one, joined by nothing but commas or
    "and" ("the towns of Zamalka Arbeen and Ein Tarma"): FA-KES texts lost their commas, so
    the parser reads such a list as one long name and shows no coordination. One event
    per place (GUIDE: one sentence naming several places hit)."""
    if primary.place is None or primary.place.precision not in _TOWN_GRAINS:
        return []
    doc = primary.root.doc
    towns = sorted((tm for tm in places if tm.place is not None
                    and tm.place.precision in _TOWN_GRAINS), key=lambda tm: tm.start)
    chain = [primary]
    for step in (1, -1):
        edge = primary
        while True:
            nxt = None
            for tm in towns:
                lo, hi = (edge.end, tm.start) if step == 1 else (tm.end, edge.start)
                later = tm if step == 1 else edge
                if hi == lo and later.place.precision == "unlisted":
                    continue  # "Aleppos Marjeh district": a city and its part, not a list
                if 0 <= hi - lo <= 1 and all(doc[k].lower_ in _LIST_GLUE for k in range(lo, hi)):
                    nxt = tm
                    break
            if nxt is None or nxt in chain:
                break
            chain.append(nxt)
            edge = nxt
    return chain[1:]


def _governing_prep(token: Token) -> Token | None:
    """The preposition whose object ``token`` is, looking through coordination."""
    t = token
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj" and t.head.dep_ in ("prep", "conj"):
        return t.head
    return None


def _anaphora(hit: Hit, clause: list[Token], index: DocIndex, lex: Lexicon) -> TokenMention | None:
    for t in clause:
        if not _is_place_noun(t, index, lex):
            continue
        prep = _governing_prep(t)
        locative = prep is not None and lex.cue(prep, "place_prep") and prep.lower_ != "of"
        if not (locative or t.head.i == hit.token.i):
            continue
        return _antecedent(t, index)
    return None


def _is_place_noun(t: Token, index: DocIndex, lex: Lexicon) -> bool:
    """A definite, unnamed place noun: "the city", not "the city of Palmyra" or "a city"."""
    if t.pos_ != "NOUN" or not lex.cue(t, "place_noun") or index.mention_at(t, "place"):
        return False
    if not any(c.lower_ == "the" for c in t.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)


def _antecedent(noun: Token, index: DocIndex) -> TokenMention | None:
    want_province = noun.lemma_.lower() in _PROVINCE_WORDS
    for tm in reversed(index.places_before(noun)):
        place = tm.place
        if place is None:
            continue
        grain_fits = (place.precision == "admin1") == want_province
        if grain_fits and place.precision not in COARSE_PRECISIONS:
            return tm
    return None


def _in_sentence(hit: Hit, sent: Span, index: DocIndex, lex: Lexicon) -> TokenMention | None:
    places = [tm for tm in index.mentions_in(sent, "place")
              if _usable(tm, hit, lex) and not _described(tm, hit)]
    if not places:
        return None
    return min(places, key=lambda tm: abs(tm.root.i - hit.token.i))


def _described(tm: TokenMention, hit: Hit) -> bool:
    """Whether the place sits in a relative clause the trigger is not in ("thugs, who are in X")."""
    for t in ancestors_in_sentence(tm.root):
        if t.dep_ in _DESCRIBING_DEPS:
            return hit.token.i not in {u.i for u in t.subtree}
    return False


def _dedupe(places: list[TokenMention]) -> list[TokenMention]:
    seen, out = set(), []
    for tm in places:
        key = place_key(tm)
        if key not in seen:
            seen.add(key)
            out.append(tm)
    return out


def place_key(tm: TokenMention) -> str:
    """Identity of a resolved place: its gazetteer id, else its name."""
    place = tm.place
    if place is None:
        return tm.mention.text.lower()
    return str(place.geonameid) if place.geonameid is not None else place.name.lower()
