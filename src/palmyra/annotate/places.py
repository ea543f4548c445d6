"""Place mentions: find gazetteer names in a parsed Doc and resolve each to one place.

Recognition is driven by the gazetteer, not by the spaCy NER: the small English
model calls Palmyra a PERSON, Aleppo a NORP and Manbij a PRODUCT. The NER's
GPE/LOC labels serve only as one kind of evidence for weak names.

1. Scan: from each capitalised word (or an article before one) the longest
   token run whose key is a gazetteer name is taken; a run stops growing as
   soon as its words begin no name. Profile ``not_places`` consume their
   tokens and yield nothing.
2. Accept: a strong name (the focus countries' places, countries, divisions,
   capitals, big cities) stands alone; a weak one (alternate names of far-away
   places, small towns abroad, ``needs_context`` words such as "Hit") needs a
   locative word before it, a GPE/LOC label, or a list with an accepted place.
3. Fuzzy: capitalised names the scan missed but context marks as places
   ("in Jabbleh", a GPE entity, a list item) go to the gazetteer's fuzzy lookup.
4. Resolve: "X province/governorate/countryside" is the division; otherwise
   candidates are scored by the country named after their list ("... and Hit
   in Iraq"), whether the name is their own, the document's countries, the
   profile's focus countries and population.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from palmyra import registry
from palmyra.annotate.countries import code_of, code_of_demonym
from palmyra.annotate.gazetteer import SITE_NOUNS as SITE_NAME_NOUNS
from palmyra.annotate.gazetteer import SITE_WORDS, Candidate, Gazetteer, is_stopword
from palmyra.annotate.place_names import (
    ARTICLES,
    Entry,
    key_of_words,
    normalise,
    read_word_list,
    words,
)
from palmyra.annotate.unlisted_places import NAME_HEADS, PLACE_NOUNS
from palmyra.model import Mention, PlaceRef

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token

    from palmyra.context import DocContext

    Toks = Doc | Sequence[Token]  # the Doc, or the list of its tokens the scan walks

LOCATIVES = read_word_list("place_locatives.txt")
ADMIN_SUFFIXES = frozenset({"province", "governorate", "countryside", "provinces"})
ADMIN_PREFIXES = frozenset({"rural"})
DIRECTION_WORDS = frozenset({
    "northern", "southern", "eastern", "western", "northeastern", "northwestern",
    "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
    "south-western", "central"})
# "East Ghouta", "West Qalamoun": the compass word that names one part of a region
COMPASS_HEADS = frozenset({"east", "west", "north", "south"})
LIST_JOINERS = frozenset({",", "and", "or", "&"})
ENTITY_LABELS = frozenset({"GPE", "LOC"})
UNAMBIGUOUS_ARTICLES = frozenset({"al", "el"})  # not English words, unlike "as", "at", "an"
GLUE = frozenset({"-", "–", "'", "’", "‘", "`"})  # joins the parts of one name: ez-Zor, Mar'a

STRONG_WORLD_POPULATION = 1_000_000  # a world city this big is named firmly by its own name
STRONG_THEATRE_POPULATION = 15_000  # ...and so is a theatre town of this size
KNOWN_CITY_POPULATION = 100_000  # a city abroad the text calls a city stays abroad from this size
CITY_NOUNS = frozenset({"city", "port"})  # "the southern city of Jazan", "the port city of X"
# Nouns for a part of a town: a name they follow is matched by its own spelling only.
# Not "area": "the Saraqueeb area" is a misspelt town and its area far more often than a
# quarter of another town.
TOWN_PART_NOUNS = frozenset({"district", "neighbourhood", "neighborhood", "quarter", "suburb"})
POSSESSIVES = frozenset({"'s", "’s"})
SITE_NOUNS = frozenset({"airport", "airbase", "base", "airfield", "port", "harbour", "harbor"})
MAX_SITE_WORDS = 3  # "Tripoli's old international airport"
MAX_RUN = 4  # tokens in a capitalised run sent to fuzzy lookup
SHORT_KEY = 3  # keys this short ("hit", "kut", "bab") need context unless an article precedes
# Resolution weights: a country named after the list outweighs everything else;
# own name over alternate; then the document's countries, the profile's focus,
# the theatre and log-population (0..~7, scaled by W_POPULATION / 7).
W_SCOPE = 10.0
W_PRIMARY = 2.0
W_DOCUMENT = 1.0
W_FOCUS = 1.0
W_THEATRE = 0.5
W_POPULATION = 2.0
# Same-name places of one country: the division (or town) named right after the list ("Hader
# in Quneitra province") outweighs the rest, then the divisions the document's other places
# lie in ("province of Idlib ... the village of Hass").
W_AREA = 4.0
W_PROVINCE = 1.5


@dataclass
class _Match:
    """A token run that names a place, before and after resolution."""

    start: int  # token indexes, end exclusive
    end: int
    key: str
    cands: list[Candidate]
    how: str  # "name" | "alias" | "fuzzy" | "blocked", then "+context", "+list" or "+ner"
    accepted: bool = False
    admin: bool = False  # "X province", "rural X", "province of X"
    suffix_end: int | None = None  # token end past "province" when the division wins


@registry.annotators.register("palmyra.places.v1")
def place_mentions(doc: Doc, ctx: DocContext) -> list[Mention]:
    """Place mentions of a Doc built on ``ctx.document.clean.text``, each with its PlaceRef."""
    gaz = ctx.gazetteer
    if gaz is None or not len(doc):
        return []
    toks = list(doc)  # indexing a Doc builds a new Token each time: walk a list instead
    matches = _scan(toks, gaz)
    _accept(doc, gaz, matches)
    matches += _fuzzy_matches(doc, toks, gaz, matches)
    matches.sort(key=lambda m: m.start)
    kept = [m for m in matches if m.accepted and m.cands]
    out = []
    for m, (choice, why) in zip(kept, _resolve(doc, gaz, kept), strict=True):
        if choice is None:  # a guess abroad, or in another city, for a place the text puts here
            continue
        start, end, entry, site = m.start, m.end, choice.entry, ""
        found = _town_site(toks, m.start, m.end, entry, gaz)
        if found is not None:
            start, end, entry = found
            site = "+site"
        span = doc[start:end]  # after _resolve: "Homs province" grows to its suffix
        out.append(
            Mention(
                kind="place",
                text=span.text,
                span=ctx.span(span.start_char, span.end_char),
                value=entry.ref,
                rule=f"{m.how}:{why}{site}",
            )
        )
    return _capitals(doc, gaz, ctx, _named_parts(out))


def _named_parts(found: list[Mention]) -> list[Mention]:
    """A bare region the document also names by one of its halves ("Syria's Ghouta region"
    in a report of "the Eastern Ghouta and Western Ghouta") is that half, the first the
    document names: a report shortens the name it gave in full (gold train: the nerve gas
    attack "on Syria's Ghouta region" is coded at Eastern Ghouta)."""
    parts: dict[str, Mention] = {}
    for m in found:
        ref = m.value
        if not isinstance(ref, PlaceRef) or ref.precision != "region":
            continue
        head, *rest = words(ref.name)
        if rest and head in DIRECTION_WORDS | COMPASS_HEADS:
            parts.setdefault(" ".join(rest), m)
    if not parts:
        return found
    out = []
    for m in found:
        ref = m.value
        part = (parts.get(" ".join(words(ref.name))) if isinstance(ref, PlaceRef)
                and ref.precision == "region" else None)
        if part is not None:
            m = replace(m, value=part.value, rule=f"{m.rule}+named-part")
        out.append(m)
    return out


def _town_site(toks: Toks, start: int, end: int, town: Entry,
               gaz: Gazetteer) -> tuple[int, int, Entry] | None:
    """ "Deir Ezour military airport", "Tabqa base", "the army airport in Deir al-Zor": a
    town's site noun next to it names the town's airport or base when the gazetteer has one
    site named after the town. The exact alias ("Deir Ezzor military airport") is matched by
    the scan already; this catches the other spellings of the town and the noun put first.
    ``(start, end, site)`` over the town and its site words, else None."""
    if town.ref.precision in ("country", "admin1"):
        return None
    after = end
    while after < len(toks) and after - end < MAX_SITE_WORDS and toks[after].lower_ in SITE_WORDS:
        after += 1
    before = start
    if start >= 2 and toks[start - 1].lower_ in ("in", "of") and (
            toks[start - 2].lower_ in SITE_NAME_NOUNS):
        before = start - 2
        while before > 0 and start - 1 - before < MAX_SITE_WORDS and (
                toks[before - 1].lower_ in SITE_WORDS):
            before -= 1
        if not _site_first(toks, before, start - 2):
            before = start
    if after > end and toks[after - 1].lower_ in SITE_NAME_NOUNS and toks[end].is_lower:
        span = (start, after)
    elif before < start:
        span = (before, end)
    else:
        return None
    sites = gaz.sites_of(town)
    if len(sites) != 1:
        return None
    return span[0], span[1], sites[0]



# Site nouns that name an airport whatever comes before them; a bare "base" or "airport"
# put before its town names the town's one only as "the (military/army) base".
_AIRPORT_NOUNS = frozenset({"airport", "airbase", "airfield"})


def _site_first(toks: Toks, first: int, noun: int) -> bool:
    """Whether the site words ``toks[first:noun + 1]`` put before "in/of <town>" name the
    town's airport: an airport word ("the military airport in Deir al-Zor", "the air base
    of Tabqa", "Tabqa airfield"), or "the base" with no modifier but "military" or "army".
    Not "a rebel base in Tabqa", "an army base in Mosul" or "a militia's base in Tripoli":
    any base of many, someone's own, not the airbase."""
    words = [t.lower_ for t in toks[first:noun + 1]]
    det = toks[first - 1] if first > 0 else None
    if det is not None and (det.lower_ in ("a", "an") or det.tag_ in ("POS", "PRP$")):
        return False
    if words[-1] in _AIRPORT_NOUNS or words[-2:] == ["air", "base"]:
        return det is None or det.lower_ == "the" or not det.is_alpha or det.pos_ in (
            "ADP", "VERB", "AUX", "CCONJ", "PUNCT") or det.tag_ in ("WDT", "DT")
    return (det is not None and det.lower_ == "the"
            and all(w in ("military", "army") for w in words[:-1]))


def _capitals(doc: Doc, gaz: Gazetteer, ctx: DocContext, found: list[Mention]) -> list[Mention]:
    """ "Syria's capital", "Syrias capital", "the Syrian capital": the country's capital city.

    Not "the Islamic State group's de facto Syrian capital" (Raqqa): the adjective form
    counts only right after "the".

    The place is the capital unless its name follows ("the Syrian capital Damascus" names
    it anyway); the country mention the phrase opens gives way to it.
    """
    by_start = {m.span.start: m for m in found}
    out = list(found)
    for tok in doc:
        if tok.lower_ != "capital" or tok.i == 0:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and ctx.span(nxt.idx, nxt.idx + len(nxt)).start in by_start:
            continue
        k = tok.i - 1 - (doc[tok.i - 1].lower_ in ("'s", "’s"))
        first = doc[k]
        start = ctx.span(first.idx, first.idx + len(first)).start
        country = by_start.get(start)
        if country is not None and country.value.precision == "country":
            code = code_of(country.value.country)
        elif k > 0 and doc[k - 1].lower_ == "the":  # not "the group's de facto Syrian capital"
            country, code = None, code_of_demonym(first.text)
        else:
            continue
        capital = gaz.capital(code) if code else None
        if capital is None:
            continue
        if country is not None:
            out.remove(country)
        out.append(
            Mention(
                kind="place",
                text=doc[k : tok.i + 1].text,
                span=ctx.span(first.idx, tok.idx + len(tok)),
                value=capital.ref,
                rule="capital",
            )
        )
    out.sort(key=lambda m: m.span.start)
    return out


# -- 1. scan ------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _token_words(text: str) -> tuple[str, ...]:
    return tuple(words(text))


def _starts_name(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _glued(toks: Toks, k: int) -> bool:
    """A hyphen or apostrophe token inside a word ("ez-Zor"), not a dash between words."""
    return (
        k > 0 and toks[k].text in GLUE and not toks[k - 1].whitespace_ and not toks[k].whitespace_
    )


def _may_start(toks: Toks, i: int, lead: frozenset[str]) -> bool:
    """Can a name start at token ``i``?

    Capitalised words can; so can "the" and the lower-case words that open a
    profile name ("eastern Aleppo"). An article opens a name as "al"/"el", glued
    to it ("as-Suwayda"), or capitalised inside a sentence ("in Ar Raqqah"):
    "as", "at" and "an" are English words, and neither "as Aleppo" nor
    "At Moscow's request" is a name with an article.
    """
    tok = toks[i]
    low = tok.lower_
    if low in ARTICLES:
        return (
            low in UNAMBIGUOUS_ARTICLES
            or (i + 1 < len(toks) and _glued(toks, i + 1))
            or (_starts_name(tok) and not tok.is_sent_start)
        )
    return _starts_name(tok) or low in lead


def _scan(toks: Toks, gaz: Gazetteer) -> list[_Match]:
    """Longest gazetteer key at each eligible token, left to right, non-overlapping."""
    lead = gaz.lead_words | {"the"}
    out: list[_Match] = []
    i = 0
    while i < len(toks):
        best = _longest_at(toks, i, gaz) if _may_start(toks, i, lead) else None
        if best is None:
            i += 1
            continue
        end, key = _possessive_site(toks, *best, gaz)
        cands = list(gaz.lookup(key))  # empty for not_places: kept so fuzzy leaves them alone
        if toks[end - 1].text.isupper():  # "SANA" the agency is no alias of Sanaa
            cands = [c for c in cands if c.primary]
        start = i + (toks[i].lower_ == "the")  # "the US" is written "US" with an article
        how = "blocked" if not cands else "name" if cands[0].primary else "alias"
        out.append(_Match(start, end, key, cands, how))
        i = end
    return out


def _longest_at(toks: Toks, i: int, gaz: Gazetteer) -> tuple[int, str] | None:
    """``(end, key)`` of the longest name starting at token ``i``, if any.

    Stops as soon as the words so far begin no key, so most capitalised words
    cost one set lookup.
    """
    best: tuple[int, str] | None = None
    parts: list[str] = []
    for j in range(i, len(toks)):
        tj = toks[j]
        tw = _token_words(tj.text)
        if not tw:
            if not _glued(toks, j):
                break
            continue
        parts.extend(tw)
        if parts[-1] in ARTICLES or parts == ["the"]:
            continue  # "Deir al-": the article belongs to the next word
        key = key_of_words(parts)
        if not (gaz.is_prefix(key) or (key[-1] == "s" and gaz.is_prefix(key[:-1]))):
            break
        found = _lookup_key(gaz, key, tj.text)
        if found is not None and (found in gaz.not_places or _shape_ok(toks, i, j, found, gaz)):
            best = (j + 1, found)
        if j + 1 < len(toks) and toks[j + 1].is_space:
            break
    return best


def _possessive_site(toks: Toks, end: int, key: str, gaz: Gazetteer) -> tuple[int, str]:
    """ "Port Sudan's airport", "Tripoli's international airport": a city's facility the
    gazetteer names "Port Sudan airport" is that facility, not the city. The longest
    lower-case run (up to three words) after the possessive that ends in a facility noun
    and, put after the city's key, is a gazetteer key wins; else the city stands."""
    if end + 1 >= len(toks) or toks[end].text not in POSSESSIVES:
        return end, key
    for n in range(min(MAX_SITE_WORDS, len(toks) - end - 1), 0, -1):
        run = toks[end + 1 : end + 1 + n]
        if run[-1].lower_ not in SITE_NOUNS or any(not t.is_lower for t in run):
            continue
        tail = [w for t in run for w in _token_words(t.text)]
        site = key_of_words([*key.split(), *tail])
        if gaz.lookup(site) and site not in gaz.not_places:
            return end + 1 + n, site
        # "Tripoli's old international airport": the run alone is a name of the city's site
        site = key_of_words(tail)
        if site not in gaz.not_places and any(
                normalise(c.entry.ref.name).startswith(key) for c in gaz.lookup(site)):
            return end + 1 + n, site
    return end, key


def _lookup_key(gaz: Gazetteer, key: str, last: str) -> str | None:
    """The key, or the key less a possessive "s" that lost its apostrophe ("Syrias")."""
    if key in gaz.not_places or gaz.lookup(key):
        return key
    if key.endswith("s") and len(key) > 4 and last.isalpha() and gaz.lookup(key[:-1]):
        return key[:-1]
    return None


def _shape_ok(toks: Toks, start: int, last: int, key: str, gaz: Gazetteer) -> bool:
    """Does the run look like a name: capitalised, with only articles or glued parts in lower case?

    A profile alias written in lower case ("rural Damascus") is taken as written.
    """
    if key in gaz.verbatim:
        return True
    for k in range(start, last + 1):
        tok = toks[k]
        if not _token_words(tok.text) or _starts_name(tok):
            continue
        glued = k > start and _glued(toks, k - 1)
        article = tok.lower_ in ARTICLES or (k == start and tok.lower_ == "the")
        if not (glued or (article and k < last)):
            return False
    return True


# -- 2. accept ----------------------------------------------------------------------


def _accept(doc: Doc, gaz: Gazetteer, matches: list[_Match]) -> None:
    """Decide which matches are places (step 2 of the module docstring).

    Context words ("Hit", very short keys) need a locative word or a list with
    an accepted place; other weak names need the NER's GPE/LOC label; any name
    that opens a longer unknown one ("Jisr" of "Jisr al-Shughur", "Bustan" of
    "Bustan al-Qasr") is dropped unless it is a strong name of the focus.
    """
    matches = [m for m in matches if m.cands]
    for m in matches:
        _admin_cue(doc, m)
    _share_plural_cue(doc, matches)
    starts = {m.start for m in matches}
    contextual: set[int] = set()
    names = _person_heads(doc)
    for m in matches:
        if _first_name(doc, m, names, starts) or _after_name_head(doc, m):
            continue
        unique = len({c.entry.country_code for c in m.cands}) == 1
        strong = any(_is_strong(c, gaz, unique) for c in m.cands)
        needs_context = _needs_context(doc, m, gaz)
        if _opens_longer_name(doc, m, starts) and not (
            strong and not needs_context and _anchored(m, gaz)
        ):
            continue
        if needs_context:
            if _verb_at_sentence_start(doc, m):
                continue
            contextual.add(id(m))
            m.accepted = _locative(doc, m.start)
            m.how += "+context" if m.accepted else ""
        elif strong:
            m.accepted = True
        elif _in_entity(doc, m.start, m.end):
            m.accepted, m.how = True, m.how + "+ner"
        elif _in_weak_focus(m, gaz) and not doc[m.end - 1].is_upper:
            # The union of every profile's places: a focus place is not firm by its own
            # name, but a locative or a list makes it one ("the town of Ras al-Ain"); a
            # name in capitals is an acronym ("according to SANA" names no Yemeni village).
            contextual.add(id(m))
            m.accepted = _locative(doc, m.start)
            m.how += "+context" if m.accepted else ""
    changed = True
    while changed:
        changed = False
        for a, b in zip(matches, matches[1:], strict=False):
            if a.accepted == b.accepted or not _listed(doc, a.end, b.start):
                continue
            weak = b if a.accepted else a
            if id(weak) in contextual:
                weak.accepted, weak.how, changed = True, weak.how + "+list", True


def _after_name_head(doc: Doc, m: _Match) -> bool:
    """Does the match close a longer unknown name: "Deir Salam", "Tal Ghazal" (the head
    word is never a place alone, so the name is one the gazetteer lacks)?"""
    k = m.start - 1
    if k < 0 or doc[m.start].lower_ in ARTICLES or not doc[k].whitespace_:
        return False
    return (_starts_name(doc[k]) and doc[k].lower_ in NAME_HEADS
            and not any(c.entry.ref.precision == "country" for c in m.cands))


def _person_heads(doc: Doc) -> dict[int, int]:
    """Where each PERSON entity of two words or more starts, and where it ends."""
    return {e.start: e.end for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}


def _first_name(doc: Doc, m: _Match, names: dict[int, int], starts: set[int]) -> bool:
    """A town opening a person's name: "President Vladimir Putin" (the small model tags
    runs of places as persons too, so not a country, a possessive "Syrias", or a name
    another place follows: "Misraba Ayn Tarma", "Damascus Aleppo Homs")."""
    end = names.get(m.start)
    if end is None or m.end >= end or m.end in starts or m.end + 1 in starts:
        return False
    possessive = doc[m.end - 1].lower_.endswith("s") and not m.key.endswith("s")
    return not possessive and not any(c.entry.ref.precision == "country" for c in m.cands)


def _anchored(m: _Match, gaz: Gazetteer) -> bool:
    """A country, or a focus place by its own name: "Aleppo University" still names Aleppo."""
    return any(
        c.entry.ref.precision == "country" or (c.primary and c.entry.country_code in gaz.focus)
        for c in m.cands
    )


def _in_weak_focus(m: _Match, gaz: Gazetteer) -> bool:
    """A place of a focus country that only breaks ties (``Gazetteer.strong_focus`` false)."""
    return not gaz.strong_focus and any(c.entry.country_code in gaz.focus for c in m.cands)


def _opens_longer_name(doc: Doc, m: _Match, starts: set[int]) -> bool:
    """Is the match glued to a following capitalised word that is not a place of its own?"""
    k = m.end
    if k >= len(doc) or "\n" in doc[k - 1].whitespace_ or k in starts:
        return False
    nxt = doc[k]
    if nxt.lower_ in UNAMBIGUOUS_ARTICLES or (nxt.lower_ in ARTICLES and _glued(doc, k + 1)):
        return True
    if nxt.is_upper and doc[k - 1].is_upper:  # a headline in capitals: "LONDON TO QATAR"
        return False
    return nxt.is_alpha and _starts_name(nxt) and not is_stopword(nxt.text)


def _is_strong(c: Candidate, gaz: Gazetteer, unique: bool = True) -> bool:
    """Is the candidate named firmly by this name alone? ``unique``: no other country has
    a place of that name."""
    e = c.entry
    if e.ref.precision in ("country", "admin1"):
        return True
    # In the union of every profile's places a profile's place is firm only when no other
    # country shares its name: "Qalamoun" is, Libya's "Salah al-Din" in Aleppo is not.
    if e.source == "profile" and (gaz.strong_focus or unique):
        return True
    if e.country_code in gaz.focus and gaz.strong_focus:
        return True
    if not c.primary:
        return False
    if e.ref.feature_code == "PPLC" or e.population >= STRONG_WORLD_POPULATION:
        return True
    return e.theatre and e.population >= STRONG_THEATRE_POPULATION


def _needs_context(doc: Doc, m: _Match, gaz: Gazetteer) -> bool:
    """Common words and very short names: "Hit" the town, not "hit" the verb."""
    if m.key in gaz.needs_context:
        return True
    return len(m.key) <= SHORT_KEY and doc[m.start].lower_ not in ARTICLES


def _verb_at_sentence_start(doc: Doc, m: _Match) -> bool:
    tok = doc[m.start]
    return bool(tok.is_sent_start) and tok.pos_ in ("VERB", "AUX")


def _locative(doc: Doc, start: int) -> bool:
    """Is the word before ``start`` (past "the" and a direction word) a locative?"""
    k = start - 1
    while k >= 0 and (doc[k].lower_ in ("the", "of") or doc[k].lower_.endswith("ern")):
        if doc[k].lower_ == "of":
            return k > 0 and doc[k - 1].lower_ in LOCATIVES
        k -= 1
    return k >= 0 and doc[k].lower_ in LOCATIVES


def _in_entity(doc: Doc, start: int, end: int) -> bool:
    return any(doc[k].ent_type_ in ENTITY_LABELS for k in range(start, end))


def _listed(doc: Doc, end: int, start: int) -> bool:
    """Only commas and "and"/"or" stand between two names: they are items of one list."""
    return 0 < start - end <= 2 and all(doc[k].lower_ in LIST_JOINERS for k in range(end, start))


def _admin_cue(doc: Doc, m: _Match) -> None:
    """Mark "Homs province", "Aleppo's countryside", "Aleppo's southern countryside",
    "rural Idlib", "the province of Hama"."""
    k = m.end + (m.end < len(doc) and doc[m.end].lower_ in ("'s", "’s"))
    if k + 1 < len(doc) and doc[k].lower_ in DIRECTION_WORDS and doc[k + 1].lower_ in (
            "countryside", "province", "governorate"):
        k += 1  # "Aleppos southern countryside", "Homs eastern countryside"
    if k < len(doc) and doc[k].lower_ in ADMIN_SUFFIXES:
        m.admin, m.suffix_end = True, k + 1
    elif m.start > 0 and doc[m.start - 1].lower_ in ADMIN_PREFIXES:
        m.admin = True
    else:
        k = m.start - 1 - (m.start > 1 and doc[m.start - 1].lower_ == "the")
        m.admin = k > 0 and doc[k].lower_ == "of" and doc[k - 1].lower_ in ADMIN_SUFFIXES


def _share_plural_cue(doc: Doc, matches: list[_Match]) -> None:
    """A plural cue covers its list, a singular one only its own name.

    "Hama and Idlib provinces" (suffix, carried back), "the provinces of Hama,
    Homs and Idlib" (prefix, carried forward).
    """
    carry = False
    for a, b in zip(matches, matches[1:], strict=False):
        if not _listed(doc, a.end, b.start):
            carry = False
            continue
        k = a.start - 1 - (doc[a.start - 1].lower_ == "the")
        plural_of = k > 0 and doc[k].lower_ == "of" and doc[k - 1].lower_.endswith("s")
        carry = carry or (a.admin and plural_of)
        b.admin = b.admin or carry
    carry = False
    for a, b in zip(reversed(matches[:-1]), reversed(matches[1:]), strict=True):
        if not _listed(doc, a.end, b.start):
            carry = False
            continue
        plural = b.suffix_end is not None and doc[b.suffix_end - 1].lower_.endswith("s")
        carry = carry or (b.admin and plural)
        a.admin = a.admin or carry


# -- 3. fuzzy -----------------------------------------------------------------------


def _fuzzy_matches(doc: Doc, toks: Toks, gaz: Gazetteer, matches: list[_Match]) -> list[_Match]:
    """Capitalised runs the scan missed, looked up fuzzily where context says "place"."""
    taken = set()
    for m in matches:
        taken.update(range(m.start, m.end))
    ends = {m.end for m in matches if m.accepted}
    starts = {m.start for m in matches if m.accepted}
    out: list[_Match] = []
    for start, end in _name_runs(toks, taken):
        in_list = any(_listed(doc, e, start) for e in (start - 1, start - 2) if e in ends) or any(
            _listed(doc, end, s) for s in (end + 1, end + 2) if s in starts
        )
        if not (_locative(doc, start) or in_list or _in_entity(doc, start, end)):
            continue
        if end in taken and toks[end].lower_ in ARTICLES and toks[end - 1].whitespace_:
            continue  # "Karam al-Luz": the scan took "al-Luz", the name goes on past the run
        if _part_of_town(doc, end):
            continue  # "the Al-Mualla district" is no Mukalla: kept as written (unlisted_places)
        key = key_of_words([w for t in doc[start:end] for w in _token_words(t.text)])
        found = gaz.fuzzy_candidates(key)
        if found:
            best = found[0][1]
            cands = [c for c, score in found if score == best]
            out.append(_Match(start, end, key, cands, "fuzzy", accepted=True))
    return out


def _part_of_town(doc: Doc, end: int) -> bool:
    """ "the Al-Mualla district", "the Al-Hawban area": the text calls the name a part of a
    town. Such quarters are seldom in a gazetteer, and a near spelling there is another
    town (Mukalla, Habban), often hundreds of kilometres away; the name is kept as written
    instead, where the scoring and the reader still join true spelling variants."""
    return end < len(doc) and doc[end].lower_ in TOWN_PART_NOUNS and doc[end].pos_ in (
        "NOUN", "PROPN")


def _name_runs(toks: Toks, taken: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens (with glued or article parts) not already matched.

    A lone capitalised word opening a sentence is no run: it is capitalised anyway.
    """
    runs = []
    n, i = len(toks), 0
    while i < n:
        if i in taken or not _starts_name(toks[i]) or not toks[i].is_alpha:
            i += 1
            continue
        j = i + 1
        while j < n and j not in taken and j - i < MAX_RUN:
            t = toks[j]
            if not (
                _glued(toks, j)
                or (_starts_name(t) and t.is_alpha)
                or (t.lower_ in ARTICLES and j + 1 < n)
            ):
                break
            j += 1
        while j > i + 1 and (toks[j - 1].text in GLUE or toks[j - 1].lower_ in ARTICLES):
            j -= 1
        if not (i == 0 or toks[i].is_sent_start) or j > i + 1:
            runs.append((i, j))
        i = j
    return runs


# -- 4. resolve ---------------------------------------------------------------------


def _resolve(
    doc: Doc, gaz: Gazetteer, matches: list[_Match]
) -> list[tuple[Candidate | None, str]]:
    """One candidate per match, and why it won (see the module docstring, step 4).

    None for a fuzzy match none of whose candidates lies in the country the text puts
    it in ("Hamadaniyeh ... in Aleppo city" is no town of Iraq), and for a neighbourhood
    of another city than the one the text names after it.
    """
    for m in matches:
        m.cands = _by_kind(m, gaz)
    counts: Counter[str] = Counter()
    areas: Counter[tuple[str, str]] = Counter()
    named: set[str] = set()  # countries of the firm names' likeliest places
    for m in matches:
        if m.how.startswith("fuzzy"):
            continue  # a guess is no evidence of the country or division it lies in
        named.add(m.cands[0].entry.country_code)
        codes = {c.entry.country_code for c in m.cands}
        if len(codes) == 1:
            counts[codes.pop()] += 1
        units = {_area(c) for c in m.cands}
        if len(units) == 1 and None not in units and not m.how.startswith("alias"):
            areas[units.pop()] += 1  # an alternate name is the one in doubt: no evidence
    total = sum(counts.values()) or 1
    area_total = sum(areas.values()) or 1
    focus = set(gaz.focus)

    def score(c: Candidate, scope: tuple[str, str | None] | None) -> float:
        e = c.entry
        return (
            W_SCOPE * (scope is not None and e.country_code == scope[0])
            + W_AREA * (scope is not None and scope[1] is not None and _area(c) == scope)
            + W_PRIMARY * c.primary
            + W_DOCUMENT * counts[e.country_code] / total
            + W_PROVINCE * areas[_area(c)] / area_total
            + W_FOCUS * (e.country_code in focus)
            + W_THEATRE * e.theatre
            + W_POPULATION * e.prior / 7
        )

    out: list[tuple[Candidate | None, str]] = []
    for m, scope in zip(matches, _list_scopes(doc, matches), strict=True):
        cands = m.cands
        if m.how.startswith("fuzzy") and (scope is not None or named):
            # a spelling guess lies where the text is: the country after the list, else
            # a country the document's firm names are in ("Karam al-Luz" in a report on
            # Homs is no Karmah in Iraq)
            cands = [c for c in cands if c.entry.country_code == scope[0]] if scope else [
                c for c in cands if c.entry.country_code in named]
            if not cands:
                out.append((None, "abroad"))
                continue
            cands = _in_named_area(m, cands, gaz, areas, scope)
        elif scope is not None and scope[1] is not None and all(
                c.entry.ref.precision == "neighbourhood" and _area(c) != scope for c in cands):
            out.append((None, "elsewhere"))  # "al-Midan ... in Aleppo city" is not Damascus's
            continue
        elif m.how.startswith("alias") and not m.admin:
            cands = cands + _spelling_variants(m, gaz, areas, scope)
        best = max(cands, key=lambda c, scope=scope: score(c, scope))
        if m.admin:
            why = "admin1"
        elif len(cands) == 1:
            why = "only"
        elif best not in m.cands:
            why = "variant"
        else:
            why = "scope" if scope is not None and scope[0] == best.entry.country_code else "prior"
        out.append((best, why))
    # one name, one place in a document: what the text said of one mention ("Hader in
    # Quneitra province") holds for the mentions of the same name it said nothing of
    settled = {m.key: res for m, res in zip(matches, out, strict=True)
               if res[0] is not None and res[1] in ("scope", "variant")}
    out = [
        (settled[m.key][0], "document") if res[1] == "prior" and m.key in settled and not m.admin
        else res
        for m, res in zip(matches, out, strict=True)
    ]
    return _strays(doc, gaz, matches, out)


def _strays(doc: Doc, gaz: Gazetteer, matches: list[_Match],
            out: list[tuple[Candidate | None, str]]) -> list[tuple[Candidate | None, str]]:
    """Drop a guess abroad: a town of another country than the one the document's firm
    names are in, which nothing else in the text puts there, named weakly (an alternate
    name, a spelling guess, or the first word of a longer name: "the village of Dar Kilo" is
    no Kiel in Germany, "Marj Sultan" no Al Marj in Libya) or called a
    village, town or neighbourhood by the text ("the Sulaymaniyah neighborhood of Aleppo",
    "the village of al-Sabha" in a Syria report are no towns of Iraq or Libya).

    A place the text calls a place then comes as an unlisted one, in the document's country
    (``unlisted_places``); a capital or a city of a million stays where it is.
    """
    starts, ends = {m.start for m in matches}, {m.end for m in matches}
    weak = {id(m) for m in matches if _weak(m) or _opens_longer_name(doc, m, starts)
            or _closes_longer_name(doc, m, ends)}
    firm: Counter[str] = Counter()
    for m, (c, _why) in zip(matches, out, strict=True):
        if c is not None and (c.entry.ref.precision in ("country", "admin1")
                              or id(m) not in weak):
            firm[c.entry.country_code] += 1
    # the country the firm names are in most, a focus country first on a tie; a tie the
    # focus does not break names no home ("talks in Geneva ... the town of Qaryatayn")
    ranked = sorted(firm.items(), key=lambda kv: (kv[1], kv[0] in gaz.focus), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]
                      and (ranked[0][0] in gaz.focus) == (ranked[1][0] in gaz.focus)):
        return out
    home = ranked[0][0]

    home_towns = [m for m, (c, _why) in zip(matches, out, strict=True) if c is not None
                  and c.entry.country_code == home and c.entry.ref.precision not in (
                      "country", "admin1", "region")]

    def abroad(m: _Match, c: Candidate | None) -> bool:
        e = c.entry if c is not None else None
        return (e is not None and e.country_code != home
                and e.ref.precision not in ("country", "admin1", "region")
                and e.ref.feature_code != "PPLC" and e.population < STRONG_WORLD_POPULATION
                and not _known_city(doc, m, e.country_code)
                and (id(m) in weak or _called_a_place(doc, m) or _beside(doc, m, home_towns)))

    # a suspect abroad is evidence of its country for no other suspect: the other names
    # that country's firm places carry ("Busr al-Harir" is no Harir in Iraq, whatever the
    # text's "Sulaymaniyah neighborhood" of Aleppo made of Iraq)
    suspects = {id(m) for m, (c, _why) in zip(matches, out, strict=True) if abroad(m, c)}
    evidence: dict[str, set[str]] = {}
    for m, (c, _why) in zip(matches, out, strict=True):
        if c is not None and id(m) not in suspects and (
                c.entry.ref.precision in ("country", "admin1") or id(m) not in weak):
            evidence.setdefault(c.entry.country_code, set()).add(m.key)
    return [
        (None, "abroad") if id(m) in suspects and not evidence.get(c.entry.country_code)
        else (c, why)
        for m, (c, why) in zip(matches, out, strict=True)
    ]


def _known_city(doc: Doc, m: _Match, country: str) -> bool:
    """ "the southern city of Jazan": a name the text calls a city, that is a division's
    seat or a big town of the country it resolved to, is that city (Saudi Arabia's Jizan),
    not a same-named hamlet of the report's country. A village or a neighbourhood of the
    same name ("the Sulaymaniyah neighborhood of Aleppo") is no such city: the noun decides.
    """
    if m.how.startswith("fuzzy") or not _called_a_city(doc, m):
        return False
    return any(c.entry.country_code == country and (
        c.entry.ref.feature_code in ("PPLA", "PPLC")
        or c.entry.population >= KNOWN_CITY_POPULATION) for c in m.cands)


def _called_a_city(doc: Doc, m: _Match) -> bool:
    """ "the city of X", "the port city of X", "X city" (a name, not "X City")."""
    k = m.start - 1 - (m.start > 1 and doc[m.start - 1].lower_ == "the")
    if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in CITY_NOUNS:
        return True
    return m.end < len(doc) and doc[m.end].text == "city"


def _weak(m: _Match) -> bool:
    """An alternate name or a spelling guess taken on context alone."""
    return m.how.startswith(("alias", "fuzzy")) and not m.admin


def _beside(doc: Doc, m: _Match, towns: list[_Match]) -> bool:
    """An item of a list whose item before it is a town of the report's country: "bridges
    in al-Mayadeen al-Bu Kamal al-Ashara and al-Tarif" (FA-KES lists lost their commas)."""
    for o in towns:
        gap = [t.lower_ for t in doc[o.end : m.start]]
        if 0 <= m.start - o.end <= 4 and all(
                g in LIST_JOINERS or g in UNAMBIGUOUS_ARTICLES or g in GLUE for g in gap):
            return True
    return False


def _closes_longer_name(doc: Doc, m: _Match, ends: set[int]) -> bool:
    """ "Busr al-Harir": a name opening with an article right after a capitalised word that is
    no place of its own is the end of a longer name the gazetteer lacks."""
    k = m.start - 1
    first = _token_words(doc[m.start].text)
    if k < 0 or m.start in ends or not first or first[0] not in UNAMBIGUOUS_ARTICLES:
        return False
    prev = doc[k]
    return prev.is_alpha and _starts_name(prev) and not prev.is_sent_start and bool(
        prev.whitespace_)


def _called_a_place(doc: Doc, m: _Match) -> bool:
    """ "the village of X", "X neighbourhood": the text itself says the name is a place of
    its own, the way ``unlisted_places`` keeps a name the gazetteer lacks."""
    if m.end < len(doc) and doc[m.end].lower_ in PLACE_NOUNS and doc[m.end].pos_ in (
            "NOUN", "PROPN"):
        return True
    k = m.start - 1 - (m.start > 1 and doc[m.start - 1].lower_ == "the")
    return k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in PLACE_NOUNS


def _area(c: Candidate) -> tuple[str, str] | None:
    """The country and first-level division a candidate lies in (None for a country or a
    region across divisions)."""
    e = c.entry
    if e.ref.precision == "country" or not e.ref.admin1:
        return None
    return e.country_code, e.ref.admin1


def _spelling_variants(m: _Match, gaz: Gazetteer, areas: Counter[tuple[str, str]],
                       scope: tuple[str, str | None] | None) -> list[Candidate]:
    """Places a spelling variant of an alternate name may mean, where the document puts them.

    "Hader" is an alternate name of Aleppo's al-Hadir and a spelling of Quneitra's Hadar:
    a close key whose place lies in a division the text names (after the list, or for
    the document's other places) joins the candidates; elsewhere it stays out, so that
    a bigger town of another spelling never outweighs the name as written.
    """
    named = set(areas)
    if scope is not None and scope[1] is not None:
        named.add((scope[0], scope[1]))
    own = {id(c.entry) for c in m.cands}
    return [
        Candidate(c.entry, False)
        for c, _score in gaz.fuzzy_candidates(m.key)
        if id(c.entry) not in own and _area(c) in named
    ]


def _in_named_area(m: _Match, cands: list[Candidate], gaz: Gazetteer,
                   areas: Counter[tuple[str, str]],
                   scope: tuple[str, str | None] | None) -> list[Candidate]:
    """A spelling guess lies in a division the text names, where a place of one spells it.

    "Suicide attacks ... in the town of Banish" in a report on Idlib is Idlib's Binnish,
    not Tartus's bigger Baniyas, though "Baniyas" is the closer spelling: the guess is
    widened to places of the same consonant skeleton in the divisions the document's firm
    names lie in (the one named after the list, where there is one) and narrowed to them.
    A guess already in such a division stays as it is.
    """
    named = {scope} if scope is not None and scope[1] is not None else set(areas)
    if not named or any(_area(c) in named for c in cands):
        return cands
    near = [c for c, _score in gaz.skeleton_candidates(m.key)
            if _area(c) in named]
    return near or cands


def _by_kind(m: _Match, gaz: Gazetteer) -> list[Candidate]:
    """Division or town: the cue decides, and a bare name is the town.

    "Homs province" keeps the divisions among the candidates, or the division
    seated at the best town; a bare "Homs" drops the division named like a
    town of the same country, as news means the city.
    """
    admin = [c for c in m.cands if c.entry.ref.precision == "admin1"]
    other = [c for c in m.cands if c.entry.ref.precision != "admin1"]
    if m.admin:
        seat = other[0].entry if other else None
        division = gaz.admin1(seat.country_code, seat.ref.admin1) if seat else None
        if not admin and division is not None and seat.ref.feature_code in ("PPLA", "PPLC"):
            admin = [Candidate(division, True)]
        if admin:
            m.end = m.suffix_end or m.end
            return admin
        m.admin = False
        return m.cands
    towns = {c.entry.country_code for c in other}
    return other + [c for c in admin if c.entry.country_code not in towns]


def _list_scopes(doc: Doc, matches: list[_Match]) -> list[tuple[str, str | None] | None]:
    """Country code (and division) named right after each match's list ("Kisik, Hit and
    Mosul in Iraq", "Hader in Quneitra province", "al-Midan in Aleppo city")."""
    scopes: list[tuple[str, str | None] | None] = [None] * len(matches)
    group: list[int] = []
    for i, m in enumerate(matches):
        group.append(i)
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        if nxt is not None and _listed(doc, m.end, nxt.start):
            continue
        country = _country_after(doc, m, nxt)
        for g in group:
            scopes[g] = country
        group = []
    return scopes


def _country_after(doc: Doc, m: _Match, nxt: _Match | None) -> tuple[str, str | None] | None:
    """``m`` is followed by "in <place>" or ", <place>": that place's country code, and its
    division where it is one place of a country ("in Quneitra province", "in Aleppo city")."""
    if nxt is None or nxt.start - m.end > 3:
        return None
    between = [t.lower_ for t in doc[m.end : nxt.start]]
    if between not in (["in"], [","], [",", "in"], ["in", "the"]):
        return None
    countries = {c.entry.country_code for c in nxt.cands if c.entry.ref.precision == "country"}
    if countries:
        return (countries.pop(), None) if len(countries) == 1 else None
    if between[-1] not in ("in", "the") or not nxt.cands:
        return None
    units = {_area(c) for c in nxt.cands[:1]}  # the list's container as the text names it
    unit = units.pop()
    return unit if unit is not None and len(nxt.cands) >= 1 and _firm(nxt) else None


def _firm(m: _Match) -> bool:
    """A container by its own name, or one whose candidates lie in one division."""
    return m.how.startswith("name") or len({_area(c) for c in m.cands}) == 1
