"""Where an event happened: the place mention(s) a trigger governs.

Resolved by a short ordered chain (STYLE rule 4); the first helper that finds
a place wins and its name is recorded as the rule:

1. ``cataphora``: an indefinite place noun ("air strikes on a rebel-held town
   in Idlib province") whose clause names no other place takes the town one of
   the next two sentences names, if it lies where the text put the noun ("...
   the strikes on the town of Ariha").
2. ``clause``: a place in the trigger's clause reached through a locative
   preposition, an object or a compound, nearest first, a landmark ("west of
   Aleppo") last; coordinated places ("strikes against Manbij and Mar'a, and
   against Hit") give one event each. A named region of a province (Eastern
   Ghouta) counts; a country does not.
3. ``anaphora``: "the city" / "the town" in a locative role points back to
   the last named place of that grain.
4. ``cataphora`` again, and then ``sentence``: the nearest acceptable place
   anywhere in the sentence.
5. ``narrative``: a sentence that names no usable place continues the
   paragraph's last placed event.
6. ``coarse``: only a country or region is named ("clashes in Syria", "a
   drone strike in northern Yemen"): that, at ACLED's geo-precision 3.
7. ``narrative`` again, where no event of the paragraph was placed yet: the
   last town of the article's country its paragraph named before the sentence.

Fields, never gates: an event with no place at all keeps no place, and is
still an event. A place the gazetteer does not list but the text calls one
("the village of Rityan") comes as an ``unlisted`` place, its name as written.
``geo_precision`` gives ACLED's code for the place found: 1 the place itself,
2 near it or a part of it ("near Palmyra", "the outskirts of Douma"), 3 a
province, region or country only.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from palmyra.annotate.gazetteer import SITE_NOUNS
from palmyra.annotate.place_names import ARTICLES, skeleton, words
from palmyra.annotate.unlisted_places import LIST_RULE, PLACE_NOUNS
from palmyra.extract.events.index import DocIndex, TokenMention
from palmyra.extract.events.lexicon import Lexicon
from palmyra.extract.events.syntax import ancestors_in_sentence, is_verb, sentences
from palmyra.extract.events.triggers import Hit
from palmyra.model import PlaceRef

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
# where it happened; those named beside a deal are its parties ("agreed by Russia and Iran"),
# and a truce "in Syria" is nationwide (GUIDE: a nationwide truce takes no location).
_NO_COARSE = frozenset({"vote", "agreement"})


def resolve_places(
    hit: Hit,
    clause: list[Token],
    sent: Span,
    index: DocIndex,
    lex: Lexicon,
    previous: TokenMention | None,
) -> tuple[list[TokenMention], str | None]:
    """The event's place(s) and the rule that found them (``previous``: the paragraph's last)."""
    places, rule = _resolve(hit, clause, sent, index, lex, previous)
    return _dedupe([_town_of_landmark(_whole_town(tm, index), sent, index)
                    for tm in places]), rule


def _resolve(
    hit: Hit,
    clause: list[Token],
    sent: Span,
    index: DocIndex,
    lex: Lexicon,
    previous: TokenMention | None,
) -> tuple[list[TokenMention], str | None]:
    found = _in_clause(hit, clause, index, lex)
    later = _named_later(hit, clause, sent, index, lex, found)
    if later is not None:
        return [later], "cataphora"
    if found:
        return found, "clause"
    antecedent = _anaphora(hit, clause, index, lex, previous)
    if antecedent:
        return [antecedent], "anaphora"
    nearest = None if _change_aside(hit) else _in_sentence(hit, sent, index, lex)
    later = _named_later(hit, list(sent), sent, index, lex, [nearest] if nearest else [])
    if later is not None:
        return [later], "cataphora"
    if nearest:
        return _listed_with(nearest, hit, sent, index, lex), "sentence"
    # "fired mortar rounds across the border into Syria": the country the trigger itself
    # is placed in is named for the event (GUIDE), not the paragraph's last town
    own_country = None if hit.entry.family in _NO_COARSE else _own_country(hit, clause, index)
    if own_country is not None:
        return [own_country], "coarse"
    if (previous is not None and not _own_place_only(hit)
            and hit.entry.family not in _NO_NARRATIVE and not _venue_of_talks(previous, hit)):
        return [previous], "narrative"
    coarse = None if hit.entry.family in _NO_COARSE else _coarse(hit, clause, sent, index)
    if coarse is not None:
        return [coarse], "coarse"
    told = None if previous is not None or _own_place_only(hit) or (
        hit.entry.family in _NO_NARRATIVE) else _told_before(hit, sent, index)
    if told is not None:
        return [told], "narrative"
    return [], None


def _called_place(tm: TokenMention) -> bool:
    """An unlisted name the text itself calls a place ("the village of Rajm Sleibi", "Tokhar
    village", a name of a list of villages), not one a locative alone made a place ("in
    the Rose Garden")."""
    rule = tm.mention.rule or ""
    return rule.startswith(("unlisted:noun-of", "unlisted:noun-after", "unlisted:list"))


def _told_before(hit: Hit, sent: Span, index: DocIndex) -> TokenMention | None:
    """The last town its paragraph named before the sentence, where no event there was
    placed yet: "militants sneaked into the village of Rajm Sleibi ... Heavy clashes then
    erupted between the Daesh fighters and the SDF" (the clashes are at Rajm Sleibi; the
    sneaking in was no event of its own to lend its place). Fields, never gates: a
    telling that names no place still has the place its narrative is about."""
    paragraph = index.paragraph(hit.token)
    region = index.region(hit.token)
    doc = sent.doc
    named = index.by_kind.get("place", [])
    # only a town of the country the article is about: "Washington" and "Moscow" are where
    # statements came from
    countries = Counter(tm.place.country for tm in named if tm.place and tm.place.country)
    if not countries:
        return None
    focus = countries.most_common(1)[0][0]
    for tm in sorted(named, key=lambda tm: -tm.start):
        if tm.start >= sent.start:
            continue
        if index.paragraph(doc[tm.start]) != paragraph:
            break
        p = tm.place
        if (p is None or p.precision not in _TOWN_GRAINS or p.country != focus
                or (p.precision == "unlisted" and not _called_place(tm))
                or index.region(tm.root) != region
                or dateline_place(tm) or _bureau(tm) or _outlet_name(tm)
                or _government_by_its_capital(tm) or _venue_of_talks(tm, hit)):
            continue
        return tm
    return None


# Nouns an event's place is first told by, unnamed, with its name in the next sentences:
# "air strikes on a rebel-held town in Idlib province ... the strikes on the town of Ariha".
_UNNAMED_NOUNS = frozenset({"town", "village", "city", "neighbourhood", "neighborhood",
                            "district", "suburb", "quarter", "area", "camp", "base",
                            "position", "hometown"})
_SETTLEMENT_NOUNS = frozenset({"town", "village", "city", "hometown"})
_PART_NOUNS_UNNAMED = frozenset({"neighbourhood", "neighborhood", "district", "subdistrict",
                                 "suburb", "quarter"})
_INDEFINITE = frozenset({"a", "an", "another"})
# Sentences after the event's own in which its place's name is looked for: the next two (a
# sentence of toll or source often stands between a lead and the name: "overran a
# strategic army base ... At least 30 soldiers were killed ... the fighting for Base 46");
# where the text says where the unnamed place lies, the name must lie there too.
_LATER_WINDOW = 2


def _named_later(hit: Hit, tokens: list[Token], sent: Span, index: DocIndex, lex: Lexicon,
                 found: list[TokenMention]) -> TokenMention | None:
    """The place an indefinite noun stands for, named in the next two sentences: "killed in air
    strikes on a town in Syria's Idlib province. ... the strikes on the town of Ariha" puts
    the strikes in Ariha, not the province (GUIDE: the most specific place named).

    Only where the clause (or, failing it, the sentence: ``tokens``) names no place of its
    own beside the noun's container ("a town in Idlib province", "a neighbourhood of
    Homs"), and only a town, village or part of a town that lies in that container.
    """
    noun = _unnamed_place(hit, tokens, index, lex)
    if noun is None:
        return None
    inside = {t.i for t in noun.subtree}
    if any(tm.root.i not in inside for tm in found) or any(
            _is_place_noun(t, index, lex) for t in noun.subtree if t.i != noun.i):
        return None  # the clause names the place, perhaps by a name no list has
    held = [tm.place for tm in index.mentions_in(list(noun.subtree), "place")
            if tm.place is not None]
    container = min(held, key=lambda p: _GRAIN_ORDER.get(p.precision, 0), default=None)
    paragraph = index.paragraph(hit.token)
    following = (s for s in sentences(sent.doc) if s.start >= sent.end)
    for later in itertools.islice(following, _LATER_WINDOW):
        if index.paragraph(later[0]) != paragraph:
            return None
        for tm in index.mentions_in(later, "place"):
            if index.region(tm.root) == "body" and _lies_in(tm.place, container, noun):
                return tm
    return None


# Finer grains first: the container of "a town in Aleppo's northern countryside, Syria" is
# the province.
_GRAIN_ORDER = {"neighbourhood": 0, "unlisted": 0, "town": 1, "admin2": 2, "admin1": 3,
                "region": 4, "country": 5}


def _unnamed_place(hit: Hit, clause: list[Token], index: DocIndex, lex: Lexicon) -> Token | None:
    """An indefinite place noun where the event happened: "on a rebel-held town", "struck
    a village", "in a government-held neighbourhood of Homs"."""
    for t in clause:
        if (t.pos_ != "NOUN" or t.lemma_.lower() not in _UNNAMED_NOUNS
                or index.mention_at(t, "place")
                or not any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in t.children)):
            continue
        prep = _governing_prep(t)
        # "strikes on a town", "shelling of a neighbourhood": "of" only after the trigger
        locative = prep is not None and lex.cue(prep, "place_prep") and (
            prep.lower_ != "of" or prep.head.i == hit.token.i)
        if locative or (t.head.i == hit.token.i and t.dep_ in ("dobj", "nsubjpass")):
            return t
    return None


def _lies_in(place: PlaceRef | None, container: PlaceRef | None, noun: Token) -> bool:
    """Whether a place named later can be the unnamed one: a town, village or part of a town,
    inside the container the text gave it (its province, its country, its city)."""
    if place is None or place.precision not in _TOWN_GRAINS:
        return False
    if container is None:
        return True
    if container.precision in _TOWN_GRAINS:
        # "a neighbourhood of Aleppo ... the attack on Jameliaiah": a part of that city; a
        # base or a position in a named town is placed at that town
        kind = noun.lemma_.lower()
        if kind not in _SETTLEMENT_NOUNS | _PART_NOUNS_UNNAMED:
            return False
        return (place.name != container.name and place.admin1 in (None, container.admin1)
                and (kind in _SETTLEMENT_NOUNS or place.precision in ("neighbourhood", "unlisted")))
    if container.precision == "admin1":
        return place.admin1 in (None, container.admin1) and (
            place.admin1 is not None or place.precision == "unlisted")
    return container.country is None or place.country in (None, container.country)


# "eastern Aleppo", "West Mosul": a side of a town named by a direction word only.
_DIRECTION_PARTS = frozenset({"east", "eastern", "west", "western", "north", "northern",
                              "south", "southern"})


def _whole_town(tm: TokenMention, index: DocIndex) -> TokenMention:
    """The town itself for a side of it the gazetteer lists as a neighbourhood ("strikes on
    eastern Aleppo" are in Aleppo): GUIDE, a part of a town named only by a common noun is
    the town, at geo-precision 2 (``geo_precision`` reads the direction in the text). The
    town's entry is one the text names elsewhere, else the gazetteer's, in the same
    province; failing both the part stays."""
    part = tm.place
    if part is None or part.precision != "neighbourhood":
        return tm
    first, _, rest = part.name.partition(" ")
    if first.lower() not in _DIRECTION_PARTS or not rest:
        return tm
    named = (o.place for o in index.by_kind.get("place", ()) if o.place is not None)
    town = next((p for p in named if p.precision == "town" and p.name == rest
                 and p.admin1 == part.admin1), None)
    gazetteer = index.ctx.gazetteer
    if town is None and gazetteer is not None:
        town = next((p for p in gazetteer.candidates(rest) if p.precision == "town"
                     and p.admin1 == part.admin1 and p.country == part.country), None)
    if town is None:
        return tm
    return replace(tm, mention=replace(tm.mention, value=town))


# Last words of a name the gazetteer does not list that make it a square, street, road or
# bridge: "Tahrir Square", "Martyrs' Square", "Haifa Street".
_LANDMARK_WORDS = frozenset({"square", "street", "road", "roundabout", "bridge", "avenue"})
# The same for a listed name: a bridge a profile lists (the Crimean Bridge) is a target of
# its own, a road is not.
_LISTED_ROAD_WORDS = (_LANDMARK_WORDS - {"bridge"}) | {"highway"}


def _town_of_landmark(tm: TokenMention, sent: Span, index: DocIndex) -> TokenMention:
    """The town a square, street or road stands in, or the town of a part named by common
    nouns only ("the Old City", "the city centre"), for such an unlisted name or a road the
    gazetteer lists (GUIDE: a building, square or road is placed at its town): "protesters
    gathered near Tahrir Square in Baghdad" is in Baghdad. The town is the one the sentence
    names in the same province, else the last town named before it in that province;
    failing both the name stays."""
    place = tm.place
    if place is None:
        return tm
    said = place.name.lower().replace("'", " ").split()
    if not said:
        return tm
    if place.precision != "unlisted":
        # a road a profile lists for its name's sake ("the Castello road" of Aleppo) is
        # still a road: the gold places its fighting in Aleppo
        if said[-1] not in _LISTED_ROAD_WORDS:
            return tm
    elif not (said[-1] in _LANDMARK_WORDS or set(said) <= _COMMON_PART_WORDS):
        return tm

    def fits(other: TokenMention) -> bool:
        p = other.place
        return (other is not tm and p is not None and p.precision == "town"
                and (place.admin1 is None or _same_admin1(p.admin1, place.admin1))
                and (place.country is None or p.country == place.country))

    here = [o for o in index.mentions_in(sent, "place") if fits(o)]
    before = [o for o in reversed(index.places_before(tm.root)) if fits(o)]
    # a square of the capital the story is about, not a suburb named since in passing
    before.sort(key=lambda o: o.place.feature_code not in _CAPITALS)
    # the town named after it says where it lies ("at al-Zahraa and Nile Street
    # neighborhoods in Aleppo city": Aleppo, not al-Zahraa, a town the list names beside it)
    town = min(here, key=lambda o: (o.start < tm.start, abs(o.start - tm.start))) if here else (
        before[0] if before else None)
    if town is None:
        return tm
    return replace(tm, mention=replace(tm.mention, value=town.place))


def _direction_of_town(tm: TokenMention) -> bool:
    """ "eastern Aleppo" placed at Aleppo (``_whole_town``): the text's first word is a
    direction the place's own name does not open with."""
    place, said = tm.place, tm.mention.text.split()
    return (place is not None and place.precision == "town" and len(said) > 1
            and said[0].lower() in _DIRECTION_PARTS
            and not place.name.lower().startswith(said[0].lower()))


# Clauses that tell a group's change aside from what the sentence is about.
_ASIDE_DEPS = frozenset({"relcl", "advcl", "acl"})


def _change_aside(hit: Hit) -> bool:
    """A group's change told in a clause aside ("Fateh al-Sham Front, which changed its name
    from al-Nusra Front", "since Moscow intervened in September 2015"): the places the rest
    of the sentence names are where its other events were, not where the group changed
    (GUIDE: no place named -> no location; issue 18)."""
    return hit.entry.family == "group_change" and hit.is_verb and hit.token.dep_ in _ASIDE_DEPS


def _own_place_only(hit: Hit) -> bool:
    """Whether the event takes no place from the narrative around it (``_OWN_PLACE_FAMILIES``)."""
    return (hit.entry.family in _OWN_PLACE_FAMILIES
            or hit.entry.sub_event_type in _OWN_PLACE_TYPES)


def geo_precision(tm: TokenMention, rule: str | None) -> int:
    """ACLED's geo-precision of an event placed at ``tm`` by ``rule`` (module notes)."""
    place = tm.place
    if rule == "coarse" or (place is not None and place.precision in _REGION_GRAINS):
        return 3
    if _direction_of_town(tm) or _unnamed_part_of(tm):
        return 2
    head = tm.root
    for t in [head, *ancestors_in_sentence(head)][:4]:
        if t.lower_ in _NEAR_WORDS:
            return 2
    before = head.doc[max(tm.start - 3, 0) : tm.start]
    # "the nearby town of Salamiyeh" says the town is near something else, not the event
    # near the town
    return 2 if any(t.lower_ in _NEAR_WORDS and not (t.lower_ == "nearby" and t.dep_ == "amod")
                    for t in before) else 1


# Common nouns for a part of a town: "a rebel-held area of Aleppo", "government-held
# neighbourhoods in Aleppo", "the western districts of Mosul".
_PART_OF_TOWN_NOUNS = frozenset({"area", "areas", "neighbourhood", "neighbourhoods",
                                 "neighborhood", "neighborhoods", "district", "districts",
                                 "part", "parts", "quarter", "quarters", "suburb", "suburbs",
                                 "centre", "center", "side"})


def _unnamed_part_of(tm: TokenMention) -> bool:
    """The event is in a part of the town the text names by a common noun only: "in a
    rebel-held area of Aleppo", "neighbourhoods in Aleppo" (GUIDE: the town, precision 2)."""
    place, root = tm.place, tm.root
    if place is None or place.precision not in ("town", "admin2") or root.dep_ != "pobj":
        return False
    prep = root.head
    return (prep.lower_ in ("of", "in") and prep.head.i != prep.i
            and prep.head.lower_ in _PART_OF_TOWN_NOUNS and prep.head.pos_ == "NOUN")


def _coarse(hit: Hit, clause: list[Token], sent: Span, index: DocIndex) -> TokenMention | None:
    """The nearest country or region named in the clause, else in the sentence.

    A country that owns an actor ("Iran's Revolutionary Guards") or anything but a part of
    itself ("Syria's chemical weapons", "Syria's president"; not "Syria's north") says
    whose it is, not where the event was; so does a country that speaks or acts, the
    subject of a verb ("the United States says", "Russia said") or its agent ("brokered by
    Russia"), and one in a clause describing something the event is not in ("terrorists
    from the Islamic State (banned in Russia)").
    """
    for tokens in (clause, sent):
        found = [tm for tm in index.mentions_in(tokens, "place")
                 if tm.place is not None and tm.place.precision in COARSE_PRECISIONS
                 and not _owner(tm, index) and not _actor_country(tm)
                 and not _described(tm, hit)]
        if found:
            return min(found, key=lambda tm: abs(tm.root.i - hit.token.i))
    return None


_INTO_PREPS = frozenset({"in", "into", "inside", "over"})


def _own_country(hit: Hit, clause: list[Token], index: DocIndex) -> TokenMention | None:
    """A country the trigger's own preposition places it in: "strikes in Syria", "fired
    into Syria", "shot down over Syria"."""
    for tm in index.mentions_in(clause, "place"):
        prep = tm.root.head
        if (tm.place is not None and tm.place.precision == "country"
                and tm.root.dep_ == "pobj" and prep.lower_ in _INTO_PREPS
                and prep.head.i == hit.token.i):
            return tm
    return None


def _actor_country(tm: TokenMention) -> bool:
    """The country (or its conjunct) is the subject of a verb, or the object of "by"."""
    t = tm.root
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head  # "Russia and the United States": the first conjunct's role
    return t.dep_ == "nsubj" or (t.dep_ == "pobj" and t.head.dep_ == "agent")


def _owner(tm: TokenMention, index: DocIndex) -> bool:
    """A country named as the owner of what follows it: "Iran's Revolutionary Guards", "U.S.
    President Barack Obama", "Syria's chemical weapons" -- but "Syria's north" is a place."""
    head = tm.root.head
    if head.i == tm.root.i:
        return False
    of_actor = index.mention_at(head, "actor", "person") is not None
    if _possessive(tm):
        return of_actor or head.lemma_.lower() not in _AREA_NOUNS
    return tm.root.dep_ in ("compound", "nmod", "amod") and of_actor


# What a country owns that is a part of it: "in Syria's north", "along Syria's border".
_AREA_NOUNS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                         "southwest", "border", "borders", "countryside", "coast", "territory",
                         "side", "part", "province", "region", "city", "town", "village",
                         "desert", "interior", "capital"})


def _possessive(tm: TokenMention) -> bool:
    """ "Iran's" before a noun: parsed as a possessor, as a compound holding its "'s", or
    written "Syrias" (FA-KES texts lost their apostrophes: the name plus an "s")."""
    token = tm.root
    if token.dep_ == "poss" or any(c.dep_ == "case" for c in token.children):
        return True
    said, name = tm.mention.text.lower(), (tm.place.name.lower() if tm.place else "")
    return (token.head.i != token.i and token.head.i > token.i and said.endswith("s")
            and not name.endswith("s") and said[:-1] == name)


def _usable(tm: TokenMention, hit: Hit, lex: Lexicon) -> bool:
    """A place finer than a country (a named region of a province, such as Eastern Ghouta,
    counts: GUIDE codes it itself) that is not an origin, a destination or one end of a
    range, nor the venue of talks for an event that is no agreement ("two days into the
    Geneva talks, suicide bombers attacked..." happened elsewhere).

    A locative nearer the place than such a preposition puts it back: "clashes between
    troops and rebels in the Barzeh neighbourhood" are in Barzeh, though "between" governs
    the fighters; but not from inside a clause that describes someone ("a sniper from the
    Front, positioned in Bustan al-Qasr, shot ..."). Where an actor is posted ("terrorists
    positioned in Bani Zaid fired rocket shells on ...", a ``stationed`` cue) is where the
    fire came from, never the event's place: SANA's reports name the target after it."""
    place = tm.place
    if place is None or place.precision == "country" or (
            place.precision == "region" and not place.admin1):
        return False
    if (_venue_of_talks(tm, hit) or _government_by_its_capital(tm) or _bureau(tm)
            or _outlet_name(tm) or _bracketed_aside(tm, hit) or _not_the_deals(tm, hit, lex)):
        return False
    located = described = False
    for t in [tm.root, *ancestors_in_sentence(tm.root)]:
        if t.i == hit.token.i:
            return True
        if t.i != tm.root.i and _calling(t):
            return False  # what a resolution or a statement calls for happened nowhere yet
        described = described or t.dep_ in _DESCRIBING_DEPS
        if t.dep_ not in ("prep", "agent"):
            continue
        if lex.cue(t.head, "stationed"):
            return False  # "shells fired by terrorists positioned in Daraya fell on Moadamiya"
        if t.lower_ in ("with", "of", "for") and (
                t.head.lower_ in _CAUSE_NOUNS or t.nbor(-1).lower_ in _CAUSE_NOUNS):
            return located and not described  # "rallied in solidarity with Gaza"
        if t.lower_ == "between" and t.head.lower_ in _ROAD_NOUNS:
            # "on the road between Zabid and Al-Jarrahi": the first town the road joins
            return located or tm.root.dep_ != "conj"
        if lex.cue(t, "not_place_prep"):
            return (located and not described) or (
                t.lower_ == "from" and hit.entry.family in _FROM_FAMILIES) or _aimed_at(t)
        located = located or t.lower_ in _LOCATIVE_PREPS or (
            t.lower_ == "over" and hit.entry.family == "disrupted")
    return True


# Verbs that break an agreement: the place they govern is where it was broken, by an attack
# the text codes on its own ("a truce agreed in February has been violated around Aleppo").
_BREACH_VERBS = frozenset({"violate", "breach", "break", "collapse"})


def _not_the_deals(tm: TokenMention, hit: Hit, lex: Lexicon) -> bool:
    """For an agreement, a place the sentence gives to something else: the town an attack
    that breaks a truce hit ("attacks on Aleppo in a new breach of the cessation of
    hostilities", "killed in eastern Aleppo ... a brief ceasefire collapsed"), where the
    breach happened ("has been violated around Aleppo"), where an operation began after a
    truce ended ("began an operation in Aleppo after the September 12 truce"). GUIDE: an
    agreement takes the place it was made at or covers; a nationwide truce takes none.

    The place is the other's where a trigger of another kind of event or a verb of
    breaking stands above it, below or at the word it shares with the agreement's trigger."""
    if hit.entry.sub_event_type != "Agreement":
        return False
    above = {t.i for t in [hit.token, *ancestors_in_sentence(hit.token)]}
    for t in [tm.root, *ancestors_in_sentence(tm.root)]:
        if t.i in above:  # the words both hang from: the trigger, or what governs it
            return t.i != hit.token.i and (
                (is_verb(t) and t.lemma_.lower() in _BREACH_VERBS) or _other_event(t, lex))
        if t.i != tm.root.i and (t.lemma_.lower() in _BREACH_VERBS or _other_event(t, lex)):
            return True
    return False


def _other_event(token: Token, lex: Lexicon) -> bool:
    """A one-word trigger of an event that is no agreement ("attacks", "killed"); not a noun
    of holding ("control of Qamishli is split": a trigger only in "took control of")."""
    return any("control_verb" not in e.flags and e.family != "agreement"
               for e in lex.word_triggers(token))


# Roads named by the towns they join (GUIDE: a road is placed at the first town it joins).
_ROAD_NOUNS = frozenset({"road", "highway", "route", "motorway", "roads", "highways"})


# Nouns of a cause a crowd stands for: "in solidarity with Gaza" names whom a rally
# supports, not where it gathered ("support" is not one: "air support for operations in X").
_CAUSE_NOUNS = frozenset({"solidarity", "sympathy"})


def _bracketed_aside(tm: TokenMention, hit: Hit) -> bool:
    """A place inside brackets that gloss a name other than a place, the trigger outside
    them: "Nusra Front (Qaeda branch in the Levant) terrorists", "(banned in Russia)" --
    the brackets say what the group is, not where anything happened."""
    doc, sent = tm.root.doc, tm.root.sent
    opening = next((k for k in range(tm.start - 1, sent.start - 1, -1)
                    if doc[k].text in ("(", ")")), None)
    if opening is None or doc[opening].text != "(":
        return False
    closing = next((k for k in range(tm.end, sent.end) if doc[k].text in ("(", ")")), None)
    if closing is None or doc[closing].text != ")" or opening < hit.token.i < closing:
        return False
    before = doc[opening - 1] if opening > sent.start else None
    return before is not None and before.is_alpha and before.ent_type_ not in ("GPE", "LOC")


# Verbs that send a missile, shell or drone on its way: "fired a missile toward Brega",
# "a drone launched towards the city of Jazan".
_LAUNCH_VERBS = frozenset({"fire", "launch"})


def _aimed_at(prep: Token) -> bool:
    """ "towards X" after a verb of firing or launching: X is what the weapon was sent at,
    where it struck, fell or was brought down (GUIDE: the place of the target), not a
    direction travelled ("forces advanced towards the city")."""
    return (prep.lower_ in ("towards", "toward") and prep.head.i != prep.i
            and prep.head.pos_ == "VERB" and prep.head.lemma_.lower() in _LAUNCH_VERBS)


# Verbs of a call or demand: "a resolution calling for a cease-fire in Aleppo".
_CALLING_VERBS = frozenset({"urge", "demand"})


def _calling(t: Token) -> bool:
    """ "calling for", "called for", "urging", "demanding": the rest says what is wanted."""
    if t.pos_ not in ("VERB", "AUX"):
        return False
    lemma = t.lemma_.lower()
    return lemma in _CALLING_VERBS or (
        lemma == "call" and any(c.lower_ == "for" for c in t.children))


# Nouns of a state's rule: "the government in Damascus" names a government, not a place.
_RULE_NOUNS = frozenset({"government", "regime", "authorities", "administration", "leadership"})


def _government_by_its_capital(tm: TokenMention) -> bool:
    """A country's capital standing for its government: "Moscow stepped up its support",
    "helped Damascus regain territory" (the subject of a verb with an object),
    "the government in Damascus", "pro-Damascus media", "Moscow-backed". No event is
    placed there by such a mention (GUIDE: the place named for the event)."""
    place, root = tm.place, tm.root
    if place is None or place.feature_code != "PPLC" or dateline_place(tm):
        return False  # (a dateline "KYIV, Ukraine (AP) - ..." is often parsed as a subject)
    doc = root.doc
    if (tm.start > 0 and doc[tm.start - 1].text == "-") or (
            tm.end < len(doc) and doc[tm.end].text == "-"):
        return True  # "pro-Damascus", "Moscow-backed"
    verb = root.head
    if root.dep_ == "nsubj" and any(c.dep_ in ("dobj", "xcomp", "ccomp")
                                    for c in verb.children):
        return True
    # "helped Damascus regain territory": the object a base-form verb makes its doer
    if root.dep_ == "dobj" and any(c.dep_ == "xcomp" and c.tag_ == "VB" and c.i > root.i
                                   for c in verb.children):
        return True
    while root.dep_ == "compound" and root.head.i != root.i:
        root = root.head  # "the government in Damascus Moscow ...": a comma-less run
    prep = root.head
    return (root.dep_ == "pobj" and prep.lower_ == "in"
            and prep.head.lower_ in _RULE_NOUNS)


# Prepositions that put what they govern at a place, whatever governs them in turn.
_LOCATIVE_PREPS = frozenset({"in", "near", "at", "inside", "outside", "around"})


# Nouns of diplomacy whose place names where people talked, not where anything was hit.
_TALKS_NOUNS = frozenset({"talks", "talk", "negotiation", "negotiations", "conference",
                          "summit", "meeting", "process", "accord", "accords", "convention"})


def _venue_of_talks(tm: TokenMention, hit: Hit) -> bool:
    """Whether the place is only the venue of talks for an event that is no agreement: it
    modifies a noun of diplomacy ("the Geneva talks", "talks in Astana"), and the event
    did not itself happen at the meeting ("arrested at a meeting in X")."""
    if hit.entry.sub_event_type == "Agreement":
        return False
    head = tm.root.head
    if tm.root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "at"):
        head = head.head
    if head.i == tm.root.i or head.lower_ not in _TALKS_NOUNS:
        return False
    prep = head.head
    return not (head.dep_ == "pobj" and prep.lower_ == "at" and prep.head.i == hit.token.i)


def _in_clause(hit: Hit, clause: list[Token], index: DocIndex, lex: Lexicon) -> list[TokenMention]:
    named = index.mentions_in(clause, "place")
    places = [tm for tm in named if _usable(tm, hit, lex) and not _foreign_dateline(tm, named)]
    if not places:
        return []
    own = {t.i for t in hit.token.subtree}
    aside = _landmarks(places)
    places.sort(key=lambda tm: (tm.root.i not in own, tm.root.i in aside, _front_name(tm),
                                abs(tm.root.i - hit.token.i)))
    finer = _finer_inside(places[0], places, parts=True)
    if finer is not places[0]:  # the town or province holding the finer place is no other event
        places = [tm for tm in places if tm is not places[0]]
    primary = _town_of_part(_qualified(finer, places), places)
    # the names of a comma-less list the clause names count whatever the parser hung them
    # on ("captured three villages south of Aleppo from government control Zeitan Khalsa
    # and Barna": the names read as the object of "from")
    listable = _whole_lists([tm for tm in named if _list_item(tm) and not _described(tm, hit)],
                            index.by_kind.get("place", []))
    # a list item's neighbours count though the parser cut the clause inside the list
    pool = [*places, *(tm for tm in listable if tm not in places)]
    return _with_listed_parts(
        [primary, *_coordinated(primary, places), *_run_on(primary, pool)], places, listable)


# Nouns a town's name makes the name of a sector of the front: "On the Kramatorsk axis,
# ... repelled 24 attacks near Chasiv Yar", "In the Kupyansk direction, ... struck units
# near Sinkovka" (war bulletins; the settlements named are where it happened).
_FRONT_NOUNS = frozenset({"axis", "axes", "direction", "directions", "sector"})


def _front_name(tm: TokenMention) -> bool:
    """Whether the place only names a sector of the front ("the Pokrovsk direction")."""
    root = tm.root
    if root.lower_ in _FRONT_NOUNS:
        return True
    return root.dep_ in ("compound", "nmod", "amod") and root.head.lower_ in _FRONT_NOUNS


def _finer_inside(primary: TokenMention, places: list[TokenMention],
                  parts: bool = False) -> TokenMention:
    """A town named within the chosen province is the better place ("Idlib's Jisr al-Shughur");
    with ``parts`` (places of the trigger's own clause), so is a listed neighbourhood of the
    chosen town's province that the clause puts the event in."""
    ref = primary.place
    if ref is not None and ref.precision == "town":
        # "Aleppos Marjeh district": a part the gazetteer does not list, right after its city
        for tm in places:
            if tm.start == primary.end and tm.place is not None and tm.place.precision in (
                    "unlisted", "neighbourhood") and tm.mention.rule != LIST_RULE:
                return tm  # (a name of a comma-less list is the town's sibling, not its part)
        # "in Kharkiv's Saltivka district", "In Baghdad, ... in the Kadhimiya district": a
        # neighbourhood the gazetteer lists in the town's province is the part of it hit
        for tm in places if parts else ():
            p = tm.place
            head = _phrase_head(tm)
            prep = _governing_prep(head)
            if (p is not None and p.precision == "neighbourhood" and ref.admin1
                    and p.admin1 == ref.admin1 and p.country == ref.country
                    and prep is not None and prep.lower_ in _LOCATIVE_PREPS
                    and head.dep_ != "conj" and not head.conjuncts):
                return tm
            # "In Taiz, a sniper shot a child in the Al-Rawdah neighbourhood", "an air strike
            # hit the Mayo neighbourhood": the text itself calls the name a part, whatever
            # province the gazetteer puts a homonym in (or a spelling of it) -- the town's
            if (p is not None and tm is not primary and p.country == ref.country
                    and p.precision in ("neighbourhood", "unlisted", "town")
                    and head.lower_ in _PART_NOUNS_UNNAMED
                    and (head.i != tm.root.i or tm.end - tm.start > 1)
                    and ((prep is not None and prep.lower_ in _LOCATIVE_PREPS)
                         or head.dep_ == "dobj")
                    and head.dep_ != "conj" and not head.conjuncts
                    and not any(c.lower_ == "of" for c in head.children)):
                return tm
    if ref is None or ref.precision in _TOWN_GRAINS:
        return primary
    for tm in places:
        p = tm.place
        if p and p.precision in _TOWN_GRAINS and _same_admin1(p.admin1, ref.admin1):
            return tm
        # a village the gazetteer does not list, named beside the province ("In the province
        # of Idlib ... from the village of Yacoubiyeh"), its own province unknown or that one
        if (p and p.precision == "unlisted" and ref.precision in ("admin1", "region")
                and p.admin1 in (None, ref.admin1)):
            return tm
    return primary


_ADMIN_WORDS = re.compile(r"\b(?:oblast|governorate|province|state|region|muhafazat)\b")
_NOT_LETTERS = re.compile(r"[^a-z]")


@cache  # asked for every pair of places a clause weighs: a few dozen province names in all
def _same_admin1(a: str | None, b: str | None) -> bool:
    """One province however the gazetteer spells it: "Kharkivs'ka Oblast'" is "Kharkiv",
    "Şa‘dah" is "Saada"."""
    if not a or not b:
        return False
    if a == b:
        return True
    x, y = (_NOT_LETTERS.sub("", _ADMIN_WORDS.sub("", _ascii(n).lower())) for n in (a, b))
    short, long_ = sorted((x, y), key=len)
    if len(short) < 4:
        return False
    # "Şa‘dah" (GeoNames) is "Saada" (a profile's places): one Arabic name, two spellings
    return long_.startswith(short) or skeleton(x) == skeleton(y)


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


# Words of a town's part named by common nouns only ("the Old City of Mosul"), which the
# GUIDE codes at the town itself.
_COMMON_PART_WORDS = frozenset({"old", "city", "centre", "center", "downtown", "new", "town"})


def _town_of_part(primary: TokenMention, places: list[TokenMention]) -> TokenMention:
    """ "the Old City of Mosul": Mosul (GUIDE: a part of a town named only by a common noun
    is the town)."""
    p = primary.place
    if p is None or p.precision != "unlisted" or not set(p.name.lower().split()) <= (
            _COMMON_PART_WORDS):
        return primary
    for tm in places:
        head = tm.root.head
        if (tm.root.dep_ == "pobj" and head.lower_ == "of" and head.head.i == primary.root.i
                and tm.place is not None and tm.place.precision in _TOWN_GRAINS):
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
        if p.admin1 and ref.admin1 and not _same_admin1(p.admin1, ref.admin1):
            return tm
    return primary


def _coordinated(primary: TokenMention, places: list[TokenMention]) -> list[TokenMention]:
    """Places listed alongside the primary one: its conjuncts and the same preposition's
    objects; a name that qualifies a place noun stands for the noun ("shelled both Barzeh
    and the Jubar district": Jubar)."""
    head = _phrase_head(primary)
    conj = {t.i for t in head.conjuncts}
    prep = _governing_prep(head)
    inside = {t.i for t in primary.root.subtree}
    phrase = {t.i for t in head.subtree}
    out = []
    for tm in places:
        if tm is primary:
            continue
        # "over the Poltava and Mykolaiv regions": the second name's mention holds the
        # shared noun, so its own first word is the conjunct
        if _phrase_head(tm).i in conj or tm.root.doc[tm.start].i in conj:
            out.append(tm)
            continue
        # "killed in Qaterji and two others died in the Mayssar neighbourhood": a name that
        # qualifies a place noun is governed through the noun
        other = _governing_prep(_phrase_head(tm))
        parallel = (
            prep is not None
            and other is not None
            and other.i != prep.i
            and other.lower_ == prep.lower_
            # "In the province of Idlib ... from the village of X": X's province, no list
            and not _holds(tm, primary)
            # "In Hama, ... in al-Huweijeh village": the round-up's heading, no list
            and not _topic_opener(tm)
            and tm.root.i not in inside
            # "in al-Arbaeen neighborhood in Daraa al-Balad": the town holding the part
            and tm.root.i not in phrase
            and primary.root.i not in {t.i for t in tm.root.subtree}
        )
        if parallel:
            out.append(tm)
            out.extend(p for p in places if p.root.i in {t.i for t in tm.root.conjuncts})
    return out


def _phrase_head(tm: TokenMention) -> Token:
    """The noun a place name qualifies ("the Jubar district"), else the name's own root."""
    root = tm.root
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.lower_ in _PART_NOUNS:
        return root.head
    return root


_PART_NOUNS = frozenset({"district", "subdistrict", "neighbourhood", "neighborhood", "village",
                         "town", "city", "camp", "area", "quarter", "suburb", "airbase",
                         "base"})
_LIST_GLUE = frozenset({",", "and", "or", "&"})


def _holds(outer: TokenMention, inner: TokenMention) -> bool:
    """Whether ``outer`` is the province (or named region) that ``inner`` lies in, however the
    gazetteer and a profile spell the province ("Şa‘dah" holds a profile's Saada village)."""
    a, b = outer.place, inner.place
    # a named region of the province is held by it too ("in Eastern Ghouta, elsewhere in
    # Damascus province")
    return (a is not None and b is not None and a.precision in ("admin1", "region")
            and (b.precision not in _REGION_GRAINS
                 or (a.precision == "admin1" and b.precision == "region"))
            and _same_admin1(a.admin1, b.admin1))


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
                if hi == lo and later.place.precision == "unlisted" and (
                        later.mention.rule != LIST_RULE):
                    continue  # "Aleppos Marjeh district": a city and its part, not a list
                if _list_gap(doc, lo, hi):
                    nxt = tm
                    break
            if nxt is None or nxt in chain:
                break
            chain.append(nxt)
            edge = nxt
    return chain[1:]


def _list_gap(doc: Doc, lo: int, hi: int) -> bool:
    """Whether the tokens from ``lo`` to ``hi`` join two names of one list: nothing, a comma,
    "and" or "or" ("al-Bu Kamal al-Ashara": the article the next name's mention left out
    is no gap)."""
    gap = [doc[k].lower_ for k in range(lo, hi)]
    if gap[-2:] in (["al", "-"], ["el", "-"]):
        gap = gap[:-2]
    return hi >= lo and len(gap) <= 1 and all(g in _LIST_GLUE for g in gap)


def _whole_lists(items: list[TokenMention], named: list[TokenMention]) -> list[TokenMention]:
    """The names of every comma-less list that ``items`` (names of lists the clause holds)
    belong to, wherever the parser ended the clause: "targeting hideouts in al-Bab city and
    the villages of Jub Ghabsheh Eibed Souran Tal Alam Deir Qaq Sarjeh and al-Zaalaneh" (the
    parse cut the clause, and the sentence, after "Ghabsheh"; one event per village hit).
    ``named``: the document's places; a listed town inside the list links its neighbours."""
    if not items:
        return items
    doc = items[0].root.doc
    pool = sorted((tm for tm in named if _list_item(tm) or (
        tm.place is not None and tm.place.precision in _TOWN_GRAINS)), key=lambda tm: tm.start)
    groups: list[list[TokenMention]] = []
    for tm in pool:
        if groups and _list_gap(doc, groups[-1][-1].end, tm.start):
            groups[-1].append(tm)
        else:
            groups.append([tm])
    keys = {id(tm) for tm in items}
    whole = [tm for group in groups if any(id(g) in keys for g in group) for tm in group]
    return [*items, *(tm for tm in whole if tm not in items)]


def _list_item(tm: TokenMention) -> bool:
    """A name of a list FA-KES stripped of its commas ("the neighborhoods of al-Khalidiye
    al-Faid al-Sukkari and al-Salihin"), as the unlisted-places annotator split it."""
    return (tm.mention.rule or "").startswith(LIST_RULE)


def _with_listed_parts(found: list[TokenMention], places: list[TokenMention],
                       listable: list[TokenMention] = ()) -> list[TokenMention]:
    """The event's places with the names of a comma-less list the text names beside them
    in the same province: "a source at Aleppo Police Command said terrorists fired rocket
    shells at the neighborhoods of al-Khalidiye al-Faid ... and al-Salihin" (one event per
    neighbourhood hit, not one at Aleppo only). The list's listed names join it
    (``_run_on``); a province or country the list lies in is no other event (GUIDE: the
    most specific place; one event per place hit)."""
    primary = found[0]
    ref = primary.place
    if ref is None or _list_item(primary) or ref.precision not in (
            "town", "admin1", "admin2", "region", "country"):
        return _dedupe(found)
    pool = [*places, *(tm for tm in listable if tm not in places)]
    items = sorted((tm for tm in pool if _list_item(tm) and tm not in found
                    and tm.place is not None), key=lambda tm: tm.start)
    if len(items) < 2:
        return _dedupe(found)
    if ref.precision == "country":
        inside = all(tm.place.country == ref.country for tm in items)
    else:
        inside = all(_same_admin1(tm.place.admin1, ref.admin1) for tm in items)
    if not inside:
        return _dedupe(found)
    listed = [x for tm in items for x in (tm, *_run_on(tm, pool))]
    # "three villages south of Aleppo ... A B and C": the town the list lies by is no event
    if ref.precision in _REGION_GRAINS or _landmark(primary):
        found = found[1:]
    return _dedupe([*found, *listed])


def _governing_prep(token: Token) -> Token | None:
    """The preposition whose object ``token`` is, looking through coordination."""
    t = token
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj" and t.head.dep_ in ("prep", "conj"):
        return t.head
    return None


def _anaphora(hit: Hit, clause: list[Token], index: DocIndex, lex: Lexicon,
              previous: TokenMention | None = None) -> TokenMention | None:
    for noun in clause:
        if not _is_place_noun(noun, index, lex):
            continue
        # "fired rocket shells on the residential neighborhoods in the city": parts named
        # in the plural are no one part named before; the city holding them may be
        if noun.tag_ == "NNS" and noun.lower_ in _PARTS_OF:
            continue
        # "pounded the city centre": the part noun the place noun qualifies takes the role
        t = noun.head if noun.dep_ == "compound" else noun
        prep = _governing_prep(t)
        if prep is not None and prep.lower_ == "of" and prep.head.lower_ in _PARTS_OF:
            prep = _governing_prep(prep.head)  # "in another district of the city"
        locative = prep is not None and lex.cue(prep, "place_prep") and prep.lower_ != "of"
        if not (locative or t.head.i == hit.token.i):
            continue
        if _story_city(noun, previous):
            return previous
        return _antecedent(noun, index)
    return None


def _story_city(noun: Token, previous: TokenMention | None) -> bool:
    """ "the city" after an event placed in a city is that city, though another was named
    since in passing ("rebels seized Zawiyah, cutting the highway to Tripoli ... troops
    pounded the city centre": Zawiyah): the narrative's place, a city or town the
    sentence before placed an event in."""
    if previous is None or previous.place is None or previous.place.precision != "town":
        return False
    if noun.lemma_.lower() not in _SETTLEMENT_NOUNS:
        return False
    here = noun.sent
    if here.start == 0:
        return False
    before = noun.doc[here.start - 1].sent
    return before.start <= previous.start < before.end


# Nouns for a part of a place: "(in) another district of the city" is in the city.
_PARTS_OF = frozenset({"district", "districts", "neighbourhood", "neighbourhoods",
                       "neighborhood", "neighborhoods", "outskirts", "part", "parts", "edge",
                       "edges", "suburbs", "centre", "center", "quarter", "quarters"})


def _is_place_noun(t: Token, index: DocIndex, lex: Lexicon) -> bool:
    """A definite, unnamed place noun: "the city", not "the city of Palmyra" or "a city";
    also one that qualifies a part of itself ("the city centre")."""
    if t.pos_ != "NOUN" or index.mention_at(t, "place") or not (
            lex.cue(t, "place_noun") or t.lower_ in _SITE_NOUNS):
        return False
    if t.dep_ == "compound" and t.head.i != t.i and t.head.lower_ in _PARTS_OF:
        t = t.head  # "the city centre", "the town's outskirts" stays with its possessive
        if index.mention_at(t, "place"):
            return False
    if not any(c.lower_ == "the" for c in t.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)


def _antecedent(noun: Token, index: DocIndex) -> TokenMention | None:
    """The last place named before the noun of its grain (a neighbourhood is no "city");
    "the town" or "the village" passes over a capital named since in an earlier sentence
    ("attacks on Al Bab ... regime-held parts of Aleppo. ... attacks on the town": Al Bab),
    unless no other place came before."""
    if noun.lower_ in _SITE_NOUNS:  # "around the airport": the airbase named before, if any
        sites = [tm for tm in reversed(index.places_before(noun)) if tm.place is not None
                 and tm.place.feature_code == _SITE_CODE]
        return sites[0] if sites else None
    want_province = noun.lemma_.lower() in _PROVINCE_WORDS
    fits = [tm for tm in reversed(index.places_before(noun)) if tm.place is not None
            and (tm.place.precision == "admin1") == want_province
            and tm.place.precision not in COARSE_PRECISIONS]
    if noun.lemma_.lower() in _SETTLEMENT_NOUNS:  # a city is no neighbourhood of one
        fits = [tm for tm in fits if tm.place.precision != "neighbourhood"
                and not _called_part(tm)]
    if noun.lemma_.lower() in ("town", "village"):
        sent = noun.sent
        small = [tm for tm in fits if tm.place.feature_code not in _CAPITALS
                 or sent.start <= tm.start < sent.end]
        fits = small or fits
    return fits[0] if fits else None


# "the airport", "the base": an airbase named before (gazetteer feature code AIRB); never
# another kind of place, as an unnamed base is as often one the text never names.
_SITE_NOUNS = SITE_NOUNS  # the gazetteer's: airport, airbase, base, airfield
_SITE_CODE = "AIRB"
_CAPITALS = frozenset({"PPLC", "PPLA"})  # a country's or a province's capital: "the city"


def _called_part(tm: TokenMention) -> bool:
    """A name the text calls a part of a town: "the rebel-held neighbourhood of Sheikh Said",
    "Bani Zaid neighborhood" (no antecedent of "the city")."""
    doc = tm.root.doc
    before = doc[max(0, tm.start - 3) : tm.start]
    if len(before) >= 2 and before[-1].lower_ == "of" and (
            before[-2].lower_ in _PART_NOUNS_UNNAMED):
        return True
    return tm.end < len(doc) and doc[tm.end].lower_ in _PART_NOUNS_UNNAMED


def _in_sentence(hit: Hit, sent: Span, index: DocIndex, lex: Lexicon) -> TokenMention | None:
    """The nearest usable place of the sentence, a landmark only where nothing else is named
    ("the village of Oweijel just west of the city of Aleppo, where 23 were killed": Oweijel),
    and a town of the province rather than the province."""
    named = index.mentions_in(sent, "place")
    places = [tm for tm in named if _usable(tm, hit, lex) and not _described(tm, hit)
              and not _foreign_dateline(tm, named)]
    if not places:
        return None
    aside = _landmarks(places)
    nearest = min(places, key=lambda tm: (tm.root.i in aside, abs(tm.root.i - hit.token.i)))
    return _finer_inside(nearest, places)


def _listed_with(nearest: TokenMention, hit: Hit, sent: Span, index: DocIndex,
                 lex: Lexicon) -> list[TokenMention]:
    """The sentence's place and, for a trigger noun that is the subject of the sentence's
    verb, the places listed with it in what that verb says was hit: "Rockets ... hit the
    neighborhoods of Jobar and Zamalka", "Rocket attacks on al-Hamadaniyeh and Saif
    al-Dawleh neighborhoods left ..." (the trigger's own clause names no place). One event
    per place (GUIDE: one sentence naming several places hit)."""
    places = [tm for tm in index.mentions_in(sent, "place")
              if _usable(tm, hit, lex) and not _described(tm, hit)]
    if not _subject_trigger(hit):
        # a name of a comma-less list brings its neighbours: "targeted gatherings in Kafr
        # Zita Jub al-Rayan and Kafr Nabudah" (one event per place hit)
        run = _run_on(nearest, places) if _list_item(nearest) else []
        return _with_listed_parts([nearest, *run], places)
    return _with_listed_parts(
        [nearest, *_coordinated(nearest, places), *_run_on(nearest, places)], places)


def _subject_trigger(hit: Hit) -> bool:
    """A trigger noun (or a noun it qualifies: "Rocket attacks", "heavy mortar rounds") that
    is the subject of a verb, whose object then says what was hit."""
    t = hit.token
    if hit.is_verb or hit.entry.family in _OWN_PLACE_FAMILIES:
        return False
    while t.dep_ in ("compound", "amod", "conj") and t.head.i != t.i and t.head.pos_ == "NOUN":
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ == "VERB"


_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest",
                         "southeast", "southwest", "northeastern", "northwestern",
                         "southeastern", "southwestern"})


def _landmarks(places: list[TokenMention]) -> set[int]:
    """Roots of places named only to say where another lies ("(a village) south of Aleppo")
    or where the report was filed (the dateline "BAGHDAD, June 29 (INA) -"), when a town or
    village not so named is there to take instead; else none."""
    marks = {tm.root.i for tm in places if _landmark(tm) or dateline_place(tm)
             or _container(tm, places) or _seat_nearby(tm, places)}
    towns = [tm for tm in places if tm.root.i not in marks and tm.place is not None
             and tm.place.precision in _TOWN_GRAINS]
    holders = {tm.root.i for tm in places
               if _holder_of_parts(tm, places) or _owner_of_named_part(tm, places)}
    if not towns:
        return holders
    # "In Deir Ezzor, the air force struck ... in al-Jafra village in the eastern countryside":
    # the province a round-up's paragraph opens with heads it; the village is where
    return marks | holders | {tm.root.i for tm in places if _topic_opener(tm) and any(
        o.root.i != tm.root.i and (o.place.admin1 is None
                                   or _same_admin1(o.place.admin1, tm.place.admin1))
        and o.place.name != tm.place.name for o in towns)}


_HELD_PARTS = frozenset({"zone", "area", "district", "neighbourhood", "neighborhood", "part",
                         "quarter", "suburb"})


def _holder_of_parts(tm: TokenMention, places: list[TokenMention]) -> bool:
    """ "the Eastern Ghouta and Western Ghouta zones of the Damascus region", "the Sukkari and
    Ansari districts of Aleppo": the place after "of" holds the parts the text names."""
    t = tm.root
    while t.dep_ == "compound" and t.head.i != t.i:
        t = t.head  # "the Damascus region"
    if t.dep_ != "pobj" or t.head.lower_ != "of":
        return False
    owner = t.head.head
    if owner.pos_ != "NOUN" or owner.lemma_.lower() not in _HELD_PARTS:
        return False
    parts = [o for o in places if o is not tm and o.root.i <= owner.i  # "Kitaf district"
             and (o.root.i == owner.i or any(a.i == owner.i for a in o.root.ancestors))]
    if owner.tag_ == "NNS":
        return bool(parts)
    # singular: "the Damascus suburb of Daraya" names the suburb after "of", but "the Kitaf
    # district of Saada", "the Fuwwah district of Mukalla" name it before: the place after
    # "of" holds the part when it is a province or a province's seat and the part is not
    return _province_or_seat(tm) and any(not _province_or_seat(o) for o in parts)


# Prepositions that put a place by another: "al-Zabadani near the capital Damascus".
_BY_PREPS = frozenset({"near", "outside"})
_CITY_WORDS = frozenset({"city", "citys", "capital"})


def _seat_nearby(tm: TokenMention, places: list[TokenMention]) -> bool:
    """A capital, a province's seat or a province named to say where a smaller place lies:
    "a convoy left al-Zabadani near the capital Damascus", "Khan al-Assal near the Syrian
    city of Aleppo", "hundreds killed in Ghouta near Damascus" (GUIDE: the most specific
    place). Only beside a smaller place named before it: "fighting near Aleppo" with no
    other place named stays near Aleppo."""
    rank = _rank(tm)
    if not rank:
        return False
    t = tm.root
    while True:
        if t.dep_ in ("appos", "compound") and t.head.i != t.i:
            t = t.head  # "near the capital Damascus"
        elif (t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i != t.head.i
              and t.head.head.lower_ in _CITY_WORDS):
            t = t.head.head  # "near the Syrian city of Aleppo"
        else:
            break
    if t.dep_ != "pobj" or t.head.lower_ not in _BY_PREPS:
        return False
    return any(o is not tm and o.root.i < tm.root.i and _smaller(o, rank) for o in places)


def _owner_of_named_part(tm: TokenMention, places: list[TokenMention]) -> bool:
    """A city named before the part of it that "of" names: "the besieged Damascus suburb of
    Madaya", "Aleppo citys rebel-held district of Tariq al-Bab" (GUIDE: the most specific
    place; ``_holder_of_parts`` reads the order "the Sukkari district of Aleppo")."""
    rank = _rank(tm)
    t = tm.root
    if not rank or t.dep_ not in ("compound", "poss", "amod", "nmod"):
        return False
    part = t.head
    if part.lower_ in _CITY_WORDS and part.dep_ in ("compound", "poss", "nmod"):
        part = part.head  # "the Aleppo city district of ..."
    if part.pos_ != "NOUN" or part.lemma_.lower() not in _HELD_PARTS or part.tag_ == "NNS":
        return False
    named = {c.i for p in part.children if p.lower_ == "of" for c in p.children
             if c.dep_ == "pobj"}
    return any(o is not tm and (o.root.i in named or _phrase_head(o).i in named)
               and _smaller(o, rank) for o in places)


def _rank(tm: TokenMention) -> int:
    """How large a place is for saying where a smaller one lies: 2 a province, a country or
    a region of no province, 1 a capital or a province's seat, 0 anything smaller (a
    province's named region too: "Ghouta near Damascus" is in Ghouta)."""
    place = tm.place
    if place is None or (place.precision == "region" and place.admin1):
        return 0
    if place.precision in _REGION_GRAINS:
        return 2
    return int(place.precision == "town" and place.feature_code in _CAPITALS)


def _smaller(tm: TokenMention, rank: int) -> bool:
    """A town, a part of one or a province's named region, smaller than ``rank``."""
    place = tm.place
    if place is None or not (place.precision in _TOWN_GRAINS
                             or (place.precision == "region" and place.admin1)):
        return False
    return _rank(tm) < rank


def _province_or_seat(tm: TokenMention) -> bool:
    """A province, region or country, or a town that is a province's or country's seat."""
    place = tm.place
    return place is not None and (place.precision in _REGION_GRAINS or (
        place.precision == "town" and place.feature_code in _CAPITAL_SEATS))


_CAPITAL_SEATS = frozenset({"PPLA", "PPLC", "PPLA2"})


# A province's seat or the province itself, opening its sentence after "In"; not a country's
# capital ("In Tripoli, demonstrators gathered in Martyrs' Square": a square is the town)
_SEATS = frozenset({"PPLA"})


def _topic_opener(tm: TokenMention) -> bool:
    """ "In Hama, army units ...": the sentence opens with "In" and a province (or its
    seat, named like it) that the rest of the sentence goes on to place more finely. A
    round-up that lists its provinces in one sentence opens each part after a semicolon the
    same way: "...; in Hodeidah, a landmine exploded near the town of Hays"."""
    place, doc = tm.place, tm.root.doc
    if place is None or tm.start == 0 or not (
            place.precision == "admin1" or (place.precision == "town"
                                            and place.feature_code in _SEATS)):
        return False
    prep = doc[tm.start - 1]
    if prep.lower_ != "in":
        return False
    if prep.is_sent_start:
        return True
    # "; in Saada, ...", "; and in Saada, ...": the heading of one part of a listing sentence
    before = [t for t in doc[max(prep.i - 2, 0):prep.i] if t.lower_ != "and"]
    return (bool(before) and before[-1].text == ";" and tm.end < len(doc)
            and doc[tm.end].text == ",")


def _container(tm: TokenMention, places: list[TokenMention]) -> bool:
    """A place named after "in" to say where another named place lies: "the town of Khan
    Sheikhoun in Idlib" (Idlib the city, named like its province), "Saraqeb in Idlib
    province" -- the event is at the place it holds (GUIDE: the most specific place)."""
    t = tm.root
    while t.dep_ in ("nmod", "compound") and t.head.i != t.i:
        t = t.head  # "in Idlib northwestern Syria": Idlib read as a modifier of Syria
    if t.dep_ != "pobj" or t.head.lower_ != "in" or tm.place is None:
        return False
    held = t.head.head
    return any(o is not tm and o.root.i == held.i and o.place is not None
               and o.place.precision in _TOWN_GRAINS and o.place.admin1 == tm.place.admin1
               for o in places)


def dateline_place(tm: TokenMention) -> bool:
    """A place in capitals opening its sentence before a comma: "BAGHDAD, June 29, 2017"."""
    doc = tm.root.doc
    first = doc[tm.start]
    return (first.is_sent_start and tm.mention.text.isupper() and len(tm.mention.text) > 2
            and tm.end < len(doc) and doc[tm.end].text == ",")


def _foreign_dateline(tm: TokenMention, named: list[TokenMention]) -> bool:
    """A dateline filed from another country than the one its sentence places the news in:
    "DUBAI, Feb 25 (Reuters) - The United States and Britain struck 18 Houthi targets
    across eight locations in Yemen": Dubai is the bureau, the strikes were in Yemen."""
    if not dateline_place(tm) or tm.place is None or not tm.place.country:
        return False
    return any(o.place is not None and o.place.country and o.place.country != tm.place.country
               and o.start > tm.start for o in named)


_DATELINE_NEXT = frozenset({"(", "-", "–", "—", ":"})


# Nouns that make the place name before them a broadcaster's or paper's name.
_OUTLET_NOUNS = frozenset({"tv", "television", "channel", "radio", "newspaper", "daily"})


def _outlet_name(tm: TokenMention) -> bool:
    """A place name that names an outlet ("quoted by Al Mayadeen TV channel", "(Ukrainska
    Pravda) -"): the word after it is a broadcaster's or paper's noun, or the name closes a
    dateline's credit; nothing happened there."""
    doc = tm.root.doc
    return tm.end < len(doc) and (doc[tm.end].lower_ in _OUTLET_NOUNS or _credited(tm))


_DASHES = frozenset({"-", "–", "—"})


def _credited(tm: TokenMention) -> bool:
    """A name inside a wire dateline's credit: "KYIV, March 9, 2025 (Ukrainska Pravda) -"."""
    doc = tm.root.doc
    opens = [k for k in range(max(0, tm.start - 3), tm.start) if doc[k].text == "("]
    return (bool(opens) and tm.end + 1 < len(doc) and doc[tm.end].text == ")"
            and doc[tm.end + 1].text in _DASHES)


def _bureau(tm: TokenMention) -> bool:
    """A dateline run into its text: "... BEIRUT Syrian government air strikes killed",
    "MOSCOW (Sputnik) An explosion ...": the city in capitals, before an agency's bracket or
    the sentence it files, is where the report was filed, not where anything happened
    (FA-KES texts lost the comma ``_dateline`` reads)."""
    doc, text = tm.root.doc, tm.mention.text
    if not (text.isupper() and text.replace(" ", "").isalpha() and len(text) > 3) or (
            tm.end >= len(doc)):
        return False
    if tm.start > 0 and doc[tm.start - 1].lower_ in _LOCATIVE_PREPS:
        return False  # "in BEIRUT": a headline in capitals
    nxt = doc[tm.end]
    return nxt.text in _DATELINE_NEXT or (nxt.is_alpha and nxt.text[:1].isupper()
                                          and not nxt.text.isupper())


def _landmark(tm: TokenMention) -> bool:
    """ "west of Aleppo", "south of the city of Aleppo"."""
    t = tm.root
    while t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i != t.head.i:
        owner = t.head.head
        if owner.lower_ in _DIRECTIONS:
            return True
        if owner.lower_ not in _PART_NOUNS:
            return False
        t = owner
    return False


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


def written_place(tm: TokenMention) -> PlaceRef | None:
    """The place with the name the text gives it where that is a longer or shorter form
    of the gazetteer's name, not a spelling of it: "Bosra al-Sham" (listed as "Bosra"),
    "al-Shaer field" (listed as "Shaer gas field"). The GUIDE codes the location as the
    text names it; a mere spelling ("Mayadeen" for Mayadin) keeps the gazetteer's."""
    place = tm.place
    if place is None or place.precision not in ("town", "neighbourhood"):
        return place
    text = tm.mention.text
    written = [w for w in words(text) if w not in ARTICLES]
    # "al-Shaer field": the gold codes the field by its name alone ("al-Shaer")
    if len(written) > 1 and written[-1] in _FIELD_NOUNS and " " in text.strip():
        written = written[:-1]
        text = text[:text.rstrip().rfind(" ")].rstrip()
    listed = [w for w in words(place.name) if w not in ARTICLES]
    if (not written or not listed or len(written) == len(listed)
            or skeleton(written[0]) != skeleton(listed[0])
            # "Zamzam camp", "Abha airport", "Flamingo naval base": a common noun after the
            # name is no part of it (the gold keeps some and drops others: the listed name)
            or not all(_name_word(w) for w in text.split())
            # "Misrata Air College", "Ain al-Asad" for "Ain al-Asad Air Base": a facility
            # is coded as the gazetteer names it; only a field goes by its name alone
            or (set(written) ^ set(listed)) & _FACILITY_WORDS):
        return place
    return replace(place, name=text)


_FIELD_NOUNS = frozenset({"field", "fields", "oilfield", "oilfields", "gasfield"})
_FACILITY_WORDS = PLACE_NOUNS | {
    "air", "base", "airport", "college", "academy", "international", "university", "hospital",
    "school", "dam", "terminal", "naval", "military", "station", "plant", "prison", "bridge",
    "road", "highway", "port", "camp", "complex", "factory"}


def _name_word(word: str) -> bool:
    """A capitalised word or an article glued to one ("al-Sham")."""
    head, _, rest = word.partition("-")
    return word[:1].isupper() or (head.lower() in ARTICLES and rest[:1].isupper())
