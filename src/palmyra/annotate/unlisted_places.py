"""Places the gazetteer does not list, kept as the text names them.

"the village of Rityan", "Hardatnin village", "in the Bab al-Nasr district": a
village, neighbourhood, camp or base of a war is often in no gazetteer, and an
analyst still codes the event there (the most specific place named). A name the
``places`` annotator left alone becomes a place mention, with no coordinates and
precision ``unlisted``, when the text itself says it is a place:

1. a place noun before it with "of" ("the village of X", "the outskirts of X");
2. a place noun right after it ("X village", "X camp", "X airbase");
3. a locative word before it ("in", "near", "outside") and the parser's entity
   label GPE, LOC or FAC;
4. a list whose last name has a plural place noun ("the X and Y districts");
5. a list that FA-KES stripped of its commas ("the villages of Kadin Salma Dourin and
   Tirtyah", "in Bosra al-Sham Atman al-Hrak and al-Yadouda"): after a plural place noun
   and "of", before a plural place noun, or after a locative where two of three or more
   names are listed towns of one province, the run is split into its names
   (``_list_items``);
6. a formation named by a number that the text calls a base somewhere ("Base 46", "the
   Division 17 base"): every mention of it (``_numbered_bases``).

A name the places annotator took for a listed place is kept when the text calls a
longer name a place ("the Bab al-Nasr district", where "Bab" alone is al-Bab).

Its ``admin1`` and ``country`` are those of the listed place the sentence puts it in
("Rityan north of Aleppo", "Tokhar in Aleppo province"), or of a province named
later in its sentence ("the town of Al-Quriyah controlled by IS in Deir Ezzor
province"), or of the last province named before it in its sentence ("In the province
of Idlib ... from the village of Yacoubiyeh"); else the country the document's places
name most, with the province its listed places of that country name most: a
neighbourhood or village a report names without its province is nearly always in the
province the report is about ("a rocket hit al-Jamiliyeh neighbourhood in the city",
after "Aleppo"). Else unknown.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from palmyra import registry
from palmyra.annotate.countries import code_of_demonym
from palmyra.annotate.place_names import (
    is_article_before,
    key_of_words,
    normalise,
    read_word_list,
    words,
)
from palmyra.extract.lexicon import given_names
from palmyra.model import Mention, PlaceRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from palmyra.annotate.gazetteer import Gazetteer
    from palmyra.annotate.place_names import Entry
    from palmyra.context import DocContext

NAME = "palmyra.unlisted_places.v1"
PLACE_NOUNS = read_word_list("place_nouns.txt")
LOCATIVES = read_word_list("place_locatives.txt")
STOPWORDS = {w.casefold() for w in read_word_list("place_stopwords.txt")}
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# Nouns that name a place only before "of": "the rebel stronghold of Urom al-Joz" ("the IS
# stronghold" is no place called IS).
HOLDING_NOUNS = frozenset({"stronghold", "strongholds", "bastion", "hometown", "enclave"})
NOT_PLACE_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "CARDINAL"})
LIST_JOINERS = frozenset({",", "and", "or"})
PARTICLES = frozenset({"al", "el", "ad", "as", "ar", "an", "ash", "az", "de"})
GLUE = frozenset({"-", "'", "’"})
MAX_NAME_TOKENS = 3  # capitalised words; particles and hyphens between them do not count
CONTAINER_WINDOW = 8  # tokens after the name in which the place that holds it is looked for
UNLISTED = "unlisted"
GLUED_MIN = 5  # letters of a word before a glued "al"/"el" is split off ("Alhaj", not "Alma")
GLUED_ARTICLE = re.compile(r"\b(Al|El)([bcdfghjklmnpqrstvwxz])([a-z]{2,})\b")
# Last words that close the name before them, never a name alone: "Nile Street", "Baghdad
# Station" (a neighbourhood of Aleppo, though Baghdad alone is a city).
NAME_TAILS = frozenset({"street", "road", "square", "roundabout", "avenue", "station"})
# "al-Din" ("of the faith", closing names such as Salah al-Din) written with the article
# assimilated and glued: "Eddin", "Addin", "Uddin", "Eddine"; never a name of its own.
GLUED_DIN = re.compile(r"[AEU]d-?d(?:i|ee)ne?$")
# An article glued to a capitalised word, hyphen lost: "alKhadar" (al-Khadar).
LOWER_GLUED = re.compile(r"\b(al|el)([A-Z][a-z]{2,})\b")
# Nouns after "in" that say where the name before lies: "in the northern countryside of
# Hama", "in the Eastern side of Salamiyah".
WHERE_NOUNS = frozenset({"countryside", "province", "governorate", "side", "outskirts"})
PREVIOUS_SENTENCES = 2  # sentences before the name's own in which its town is looked for
LIST_RULE = "unlisted:list-item"
# Plural place nouns that open ("the villages of A B and C", "on the axes of A B and C") or
# close ("in A B and C areas") a list of places.
LIST_NOUNS_BEFORE = frozenset({"villages", "towns", "areas", "neighbourhoods", "neighborhoods",
                               "districts", "cities", "axes", "fronts", "suburbs", "camps",
                               "localities", "hamlets", "farms", "surrounding", "surroundings",
                               "vicinity", "outskirts", "environs"})
LIST_NOUNS_AFTER = frozenset({"villages", "towns", "areas", "neighbourhoods", "neighborhoods",
                              "districts", "suburbs", "camps", "localities", "settlements"})
LIST_LOCATIVES = frozenset({"in", "on", "at"})
MIN_LOCATIVE_ITEMS = 3  # a list after a bare locative: "in Bosra al-Sham Atman and Hrak"
# Counted plural place nouns that announce the list after them ("three villages ... A, B and
# C"), and the tokens before the list in which one is looked for.
COUNTED_NOUNS = frozenset({"villages", "towns", "neighbourhoods", "neighborhoods", "districts",
                           "cities", "hamlets", "localities", "hilltops", "hills"})
COUNT_WORDS = frozenset({"several", "many", "some", "dozens", "a", "number"})
COUNTED_WINDOW = 8
# First words of Arabic place names that are never a place alone ("Tal Abyad", "Kafr Batna",
# "Um Sharshouh", "Ayn Tarma"): a list item goes on past them.
NAME_HEADS = frozenset({
    "tal", "tall", "tell", "tel", "kafr", "kafar", "kfar", "kafer", "deir", "dayr", "ein", "ain",
    "ayn", "um", "umm", "bab", "khan", "jisr", "maarat", "maaret", "marat", "maarrat", "bir",
    "ras", "beit", "bayt", "qasr", "jabal", "jebel", "jabel", "wadi", "hayy", "abu", "bani",
    "beni", "qalaat", "qalat", "marj", "nahr", "sheikh", "shaykh", "khirbet", "khirbat",
    "mazraat", "nazlet", "nazlat", "hosh", "housh", "hawsh", "haret", "harat", "qaryat", "arab",
    "sayyida", "sayyidah", "mount", "mar", "birket", "souq", "suq", "new", "old", "upper", "lower",
    "bu", "kefr", "jub", "jubb", "rasm", "karm", "qastal", "toloul", "tloul", "tulul", "masaken",
    "nabi"})
# Heads that open only places' names (no person's, group's or title's): a name they open
# after a locative is a place ("in Nazlet al-Rdeisat", "near Khirbet Ghazaleh").
PLACE_HEADS = frozenset({
    "tal", "tall", "tell", "kafr", "kafar", "kfar", "deir", "dayr", "jisr", "maarat",
    "maaret", "marat", "maarrat", "qalaat", "qalat", "khirbet", "khirbat", "mazraat", "nazlet",
    "nazlat", "qaryat", "birket", "wadi", "jabal", "jebel", "jabel", "marj", "hayy"})
# Words between a name and its place noun that leave the name the place's own: "Sarmada
# refugee camp", "the Atmeh border crossing" are at Sarmada and Atmeh (gold train).
PLACE_NOUN_MODIFIERS = frozenset({"refugee", "border", "displacement"})
# "southwest of the capital": the country's capital, a town named by its role
CAPITAL_NOUNS = frozenset({"capital"})
# "-held", "-controlled": "rebel-held Rashidin", "the IS-controlled al-Masharqa" (only ground
# is held by a side).
HELD_WORDS = frozenset({"held", "controlled", "besieged", "occupied"})
# Verbs of taking or shelling ground: the name right after one as its object, or before it
# as its passive subject, is a place ("seized Handarat", "shelled Flita", "Deir al-Adas
# was taken"). Not "attack", "hit" or "target": a group, a convoy or a leader is hit too.
GROUND_VERBS = frozenset({"seize", "capture", "recapture", "take", "retake", "storm",
                          "overrun", "shell", "besiege", "encircle", "liberate"})
# "took X hostage": a person, not ground
CAPTIVE_WORDS = frozenset({"hostage", "hostages", "prisoner", "prisoners", "captive"})
# Compass words: before "of" they say where a place lies ("al-Murayeh South of Euphrates").
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest",
                           "southeast", "southwest", "north-east", "north-west", "south-east",
                           "south-west"})
# Last words of organisations' names: a run of capitals that reaches one has run on past
# the place into a source or an agency ("the village of Tokhar Amnesty International said").
ORGANISATION_HEADS = frozenset({
    "international", "observatory", "organization", "organisation", "council", "committee",
    "agency", "ministry", "watch", "network", "coalition", "association", "institute",
    "foundation", "commission", "crescent", "nations", "union", "news", "times", "post",
    "press", "television", "tv", "radio", "monitor", "group"})
# Army formations named by a number ("Division 17", "Regiment 111", "Base 46"): a base the
# gazetteer never lists, and also a unit's name ("Division 30" is a rebel group), so one
# is a place only where the text calls it a base (GUIDE: Division 17 is a place of its own).
NUMBERED_UNITS = frozenset({"division", "brigade", "regiment", "battalion", "base"})
BASE_NOUNS = frozenset({"base", "airbase", "barracks", "garrison", "camp"})
BASE_RULE = "unlisted:numbered-base"
# Nouns of a building, square or road: a name they follow ("Nile Street", "the Teshrin
# Hospital") names no place of its own; an analyst codes the event at the town it stands
# in (GUIDE, Places). Not "station", "camp" or "hill": "the Fourth Station", "Taloul camp"
# and "Trax Hill" are positions the gold codes by their own names.
FACILITY_NOUNS = frozenset({
    "street", "streets", "road", "avenue", "highway", "square", "roundabout", "park",
    "hospital", "school", "mosque", "church", "stadium", "hotel", "university"})
# Those of them that may also close the name ("the Public Park", "al-Tijara Park") and drop
# it. A name closed by "Square", "Street" or "Road" is kept whole: the event stage places
# such a landmark at the town the text puts it in ("Martyrs' Square" in Tripoli).
CLOSING_FACILITY_NOUNS = FACILITY_NOUNS - {
    "street", "streets", "road", "avenue", "square", "roundabout"}
# Second words that qualify the name before them: "Qoraa al-Kabireh", "Samadaniyeh al-Gharbiyeh".
NAME_QUALIFIERS = ("kabir", "saghir", "zghir", "gharbi", "sharqi", "shamali", "janoubi",
                   "janubi", "fawqa", "fouqa", "tahta", "jadid", "qadim", "wusta", "sharqiy",
                   "gharbiy")


@registry.annotators.register(NAME)
def unlisted_place_mentions(doc: Doc, ctx: DocContext) -> list[Mention]:
    """Place mentions for names the text calls places and the gazetteer does not list.

    Runs right after ``places`` and before the actor and person annotators, so that
    the parser's guess that "Rityan" is an organisation or "Urum al-Joz" a person
    does not outvote the text's "the village of".
    """
    places = [m for m in ctx.mentions if m.kind == "place" and isinstance(m.value, PlaceRef)]
    listed = _listed_runs(doc, places, ctx)
    country = _document_country(places)
    province = _document_admin1(places, country)
    runs = _name_runs(doc)
    towns = frozenset(lo for (lo, _hi), ref in listed.items() if ref.precision != "country")
    whys = [_place_context(doc, start, end) or _placed_by(doc, start, end, towns)
            for start, end in runs]
    _carry_plural_lists(doc, runs, whys)
    items, covered = _comma_less_lists(doc, listed, ctx)
    def mention(start: int, end: int, rule: str, list_end: int | None = None) -> Mention:
        span = doc[start:end]
        # a list's names lie where the words after the whole list put them ("the villages of
        # A B C and D 30km north east of Aleppo city"), not by the next name of the list
        admin1, where = _container(doc, end if list_end is None else list_end, places, ctx)
        if admin1 is None and where in (None, country):
            admin1 = province
        known = _listed_spelling(ctx.gazetteer, span.text, admin1, where or country)
        if known is not None:
            return Mention(kind="place", text=span.text,
                           span=ctx.span(span.start_char, span.end_char), value=known,
                           rule=f"{rule}+gazetteer")
        return Mention(
            kind="place", text=span.text, span=ctx.span(span.start_char, span.end_char),
            value=PlaceRef(name=_spelled(span.text), geonameid=None, lat=None, lon=None,
                           admin1=admin1, country=where or country, precision=UNLISTED),
            rule=rule,
        )

    out = [mention(start, end, LIST_RULE, list_end) for start, end, list_end in items
           if not _names_facility(doc, start, end)]
    out += [mention(start, end, BASE_RULE) for start, end in _numbered_bases(doc, listed)]
    for (start, end), why in zip(runs, whys, strict=True):
        if any(start < hi and lo < end for lo, hi in covered):
            continue
        inside = [r for r in listed if r[0] < end and start < r[1]]
        if not why or (start, end) in listed:
            continue
        # "Aleppos Marjeh district" (FA-KES drops the apostrophe of "Aleppo's"): the listed
        # city that opens the run holds the place the noun names, which is the rest
        head = [r for r in inside if r[0] == start and r[1] < end]
        if why in ("noun-after", "noun-of") and len(inside) == 1 and head and (
                doc[head[0][1] - 1].lower_.endswith("s") or doc[head[0][1]].text in ("'s", "’s")):
            start = head[0][1] + (doc[head[0][1]].text in ("'s", "’s"))
            inside = []
            if start >= end:
                continue
        # a listed place inside a longer name is kept only where the text calls the
        # longer name a place and the name goes on with a particle ("the Bab al-Nasr
        # district"); "Manbij Killing", "Tabqa Syria" are a listed place and other words
        if inside and (why == "locative" or any(r[0] < start or r[1] > end for r in inside)
                       or not all(_particle(doc, r[1]) for r in inside if r[1] < end)):
            continue
        if not _names_facility(doc, start, end):
            out.append(mention(start, end, f"unlisted:{why}"))
    return out


def _names_facility(doc: Doc, start: int, end: int) -> bool:
    """Is the name ``doc[start:end]`` a building, square or road ("Public Park", "Nile
    Street")? A facility noun closes it (``CLOSING_FACILITY_NOUNS``) or follows it."""
    return doc[end - 1].lower_ in CLOSING_FACILITY_NOUNS or (
        end < len(doc) and doc[end].lower_ in FACILITY_NOUNS)


def _numbered_bases(doc: Doc, listed: dict[tuple[int, int], PlaceRef]
                    ) -> list[tuple[int, int]]:
    """Every mention of a numbered formation the text calls a base somewhere: "Base 46",
    "The Division 17 base has fallen" (and then "the assault on Division 17"), "expelled
    Hazm from Regiment 111, another base". A unit never called a base ("eight militants
    from Division 30") is a force, not a place."""
    found: list[tuple[int, int, str]] = []
    for i in range(len(doc) - 1):
        unit, number = doc[i], doc[i + 1]
        if (unit.lower_ in NUMBERED_UNITS and unit.text[0].isupper() and number.is_digit
                and not any(a < i + 2 and i < b for a, b in listed)):
            found.append((i, i + 2, unit.text + " " + number.text))
    bases = {name for start, end, name in found if _called_base(doc, start, end)}
    return [(start, end) for start, end, name in found if name in bases]


def _called_base(doc: Doc, start: int, end: int) -> bool:
    """ "Base 46", "the Division 17 base", "Regiment 111, another base"."""
    if doc[start].lower_ in BASE_NOUNS:
        return True
    after = [t for t in doc[end:end + 3] if not t.is_punct]
    return bool(after) and (after[0].lemma_.lower() in BASE_NOUNS or (  # "Division 17 bases"
        after[0].lower_ in ("another", "an", "a", "the") and len(after) > 1
        and any(t.lemma_.lower() in BASE_NOUNS for t in after[1:])))


def _listed_spelling(gaz: Gazetteer | None, name: str, admin1: str | None,
                     country: str | None) -> PlaceRef | None:
    """The gazetteer place an unlisted name spells, where the text puts it.

    The places annotator looks names up fuzzily only where a locative or a list marks
    them; a name the text calls a place ("the town of Maaret Alnouman", an item of a list
    FA-KES stripped of its commas) is looked up here too: as written, with an article
    glued to its word split off ("Alnouman" is al-Nouman), fuzzily, and with two
    neighbouring letters swapped ("Sabqa" for Saqba). Only places of the profile's focus
    countries count, in the country the text puts the name in, never a country or division,
    and never one in another division than the one the text puts the name in.
    """
    if gaz is None:
        return None
    keys = [normalise(name)]
    split = key_of_words([_unglued(w) for w in words(name)])
    if split != keys[0]:
        keys.append(split)
    for key in keys:
        exact = list(gaz.lookup(key))
        # a spelling guess goes by the places' own names only: "Petrovsky" (a district of
        # Donetsk) is no Petrovskyi, an old name of Voznesenskyi
        fuzzy = [c for c, _ in gaz.fuzzy_candidates(key) if c.primary]
        swapped = [c for c in gaz.transposed_candidates(key) if c.primary]
        for found in (exact, fuzzy, swapped):
            fits = [c.entry.ref for c in found if _fits(gaz, c.entry, admin1, country)]
            if fits:
                return fits[0]
    return None


def _spelled(name: str) -> str:
    """The name as written, with a glued article set off: "Khan Alsibil" -> "Khan al-Sibil",
    "Tel alKhadar" -> "Tel al-Khadar", the way other outlets (and the gazetteer's keys)
    spell it."""
    name = LOWER_GLUED.sub(r"\1-\2", name)
    return GLUED_ARTICLE.sub(lambda m: f"{m[1].lower()}-{m[2].upper()}{m[3]}", name)


def _unglued(word: str) -> str:
    """A word without the article an outlet glued to it: "alnouman" -> "nouman"."""
    if len(word) >= GLUED_MIN and word[:2] in ("al", "el") and word[2] not in "aeiouy":
        return word[2:]
    return word


def _fits(gaz: Gazetteer, entry: Entry, admin1: str | None, country: str | None) -> bool:
    ref = entry.ref
    if ref.precision not in ("town", "neighbourhood", "admin2"):
        return False
    if entry.country_code not in gaz.focus:
        return False
    if country is None or ref.country != country:
        return False  # the text must put the name in a country: "Tokhar" is no Sudanese Tokar
    return admin1 is None or ref.admin1 == admin1


def _listed_runs(doc: Doc, places: list[Mention], ctx: DocContext
                 ) -> dict[tuple[int, int], PlaceRef]:
    """Token ranges of the listed places, with the place each names."""
    token_starts, token_ends = ctx.token_bounds(doc)
    starts = {start: i for i, start in enumerate(token_starts)}
    ends = {end: i + 1 for i, end in enumerate(token_ends)}
    return {(starts[m.span.start], ends[m.span.end]): m.value for m in places
            if m.span.start in starts and m.span.end in ends and isinstance(m.value, PlaceRef)}


def _name_runs(doc: Doc) -> list[tuple[int, int]]:
    """Capitalised token runs, with particles and hyphens inside ("Bab al-Nasr", "al-Shafah")."""
    runs, i, n = [], 0, len(doc)
    while i < n:
        if not (_capitalised(doc[i]) and doc[i].lower_ not in STOPWORDS) and not _particle(doc, i):
            i += 1
            continue
        j, words = i + 1, int(_capitalised(doc[i]))
        while j < n:
            if _capitalised(doc[j]) and words < MAX_NAME_TOKENS:
                if words and _name_ends_before(doc, j):
                    break
                words += 1
            elif not (_particle(doc, j) or (
                    doc[j].text in GLUE and j + 1 < n and _capitalised(doc[j + 1]))):
                break
            j += 1
        while j > i and not _capitalised(doc[j - 1]):
            j -= 1
        j = _before_organisation(doc, i, j)
        if j > i:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


def _name_ends_before(doc: Doc, j: int) -> bool:
    """Does a name end before the capitalised word ``j``, which a space sets apart?

    "al-Murayeh South of Euphrates River": a compass word before "of" says where a place
    lies and opens no name; "Qoraa al-Kabireh Qoraa al-Saghireh": a qualifier ("the
    Big", "the Western") closes the name it qualifies.
    """
    if doc[j].lower_ in COMPASS_WORDS and j + 1 < len(doc) and doc[j + 1].lower_ == "of":
        return True
    last = doc[j - 1]
    return (_capitalised(last) and (j < 2 or doc[j - 2].text in GLUE or _particle(doc, j - 2))
            and words(last.text)[0].startswith(NAME_QUALIFIERS))


def _before_organisation(doc: Doc, i: int, j: int) -> int:
    """Where a run ends when it runs on into an organisation's name: "the village of
    Tokhar Amnesty International said" names Tokhar. The place is the run's first word
    (with its glued and article-led parts); a run that opens with the organisation's
    head word is left to the caller's other tests."""
    if not any(doc[k].lower_ in ORGANISATION_HEADS for k in range(i + 1, j)):
        return j
    k = i + 1
    while k < j and not (_capitalised(doc[k]) and doc[k - 1].text not in GLUE
                         and not _particle(doc, k - 1)):
        k += 1
    return k


def _particle(doc: Doc, i: int) -> bool:
    """An Arabic article or "de" that opens the next part of a name: "al-Nasr", "al Bab",
    "ash-Sham"; "as", "an" and "ar" only before their own letter ("in an Easter message")."""
    if doc[i].lower_ not in PARTICLES or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    if nxt.text in GLUE:
        if i + 2 >= len(doc):
            return False
        nxt = doc[i + 2]
    return _capitalised(nxt) and (doc[i].lower_ == "de" or is_article_before(doc[i].text, nxt.text))


def _carry_plural_lists(doc: Doc, runs: list[tuple[int, int]], whys: list[str]) -> None:
    """ "the Bab al-Nasr and Fardous districts": a plural place noun after a list covers
    every name of the list."""
    for k in range(len(runs) - 2, -1, -1):
        (_, end), (nxt, nxt_end) = runs[k], runs[k + 1]
        joined = 0 < nxt - end <= 2 and all(doc[x].lower_ in LIST_JOINERS
                                            for x in range(end, nxt))
        plural = nxt_end < len(doc) and doc[nxt_end].tag_ in ("NNS", "NNPS")
        if not whys[k] and joined and whys[k + 1] in ("noun-after", "list") and (
                plural or whys[k + 1] == "list"):
            whys[k] = "list"


def _capitalised(t: Token) -> bool:
    return t.is_alpha and t.text[0].isupper() and not t.is_stop


def _place_context(doc: Doc, start: int, end: int) -> str:
    """Why the run is a place ("noun-of", "noun-after", "locative"), or ''.

    An acronym alone names no place ("5 IDP camps", "the UN base").
    """
    if end - start == 1 and doc[start].is_upper and len(doc[start]) > 1:
        return ""
    if code_of_demonym(doc[start:end].text) is not None:
        return ""  # "the southern Ukrainian city of Odesa": a nationality, not a name
    if end < len(doc) and doc[end].lower_ in PLACE_NOUNS and doc[end].pos_ == "NOUN":
        return "noun-after"
    if (end + 1 < len(doc) and doc[end].lower_ in PLACE_NOUN_MODIFIERS
            and doc[end + 1].lower_ in PLACE_NOUNS):
        return "noun-after"  # "Sarmada refugee camp", "the Atmeh border crossing"
    if _called_after(doc, end):
        return "noun-after"
    k = start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k >= 1 and doc[k].lower_ == "of" and (doc[k - 1].lower_ in PLACE_NOUNS
                                            or doc[k - 1].lower_ in HOLDING_NOUNS):
        return "noun-of"  # "the village of X", "the stronghold of X"
    if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in COMPASS_WORDS and (
            _heads_its_phrase(doc, start, end)):
        return "noun-of"  # "southeast of Ramussa", not "south of Assad's palace"
    if _held_by(doc, start) and _heads_its_phrase(doc, start, end):
        return "held"  # "in rebel-held Rashidin", "the regime-held al-Masharqa"
    if _taken_or_shelled(doc, start, end):
        return "taken"  # "the opposition seized Handarat", "Deir al-Adas was taken"
    if k >= 1 and doc[k].lower_ in HELD_WORDS and doc[k - 1].text == "-":
        k -= 3  # "in rebel-held X": the locative before the adjective
    locative = k >= 0 and doc[k].lower_ in LOCATIVES
    if locative and end - start > 1 and doc[start].lower_ in PLACE_HEADS:
        return "locative"  # "in Nazlet al-Rdeisat", whatever entity the parser guessed
    if locative and _said_where_it_lies(doc, end):
        return "locative"  # "took place in al-Mashi which is in the countryside around Manbij"
    labels = {doc[x].ent_type_ for x in range(start, end)}
    if labels & NOT_PLACE_ENTITIES or not labels & PLACE_ENTITIES:
        return ""
    return "locative" if k >= 0 and doc[k].lower_ in LOCATIVES else ""


def _placed_by(doc: Doc, start: int, end: int, towns: frozenset[int]) -> str:
    """'placed' where the words right after the name put it by a listed town or the capital:
    "Mouadamiya southwest of the capital", "Ataybah near Damascus". Only a place lies a
    compass bearing from a town; a person or group is not said to be "near Damascus" without
    a verb between. Not a country ("X south of Syria" is rare and vague) and not a
    nationality, group or date."""
    n = len(doc)
    k = end
    if k + 1 < n and doc[k].lower_ in COMPASS_WORDS and doc[k + 1].lower_ == "of":
        k += 2
    elif k < n and doc[k].lower_ == "near":
        k += 1
    else:
        return ""
    if not _may_be_village(doc, start, end):
        return ""
    if k < n and doc[k].lower_ == "the" and k + 1 < n and doc[k + 1].lower_ in CAPITAL_NOUNS:
        return "placed"
    return "placed" if k in towns else ""


def _may_be_village(doc: Doc, start: int, end: int) -> bool:
    """Whether a name the parser may call a person could be a village: not one it calls a
    group or nationality, not one opening with a given name ("captured Ahmed"), not one the
    article also calls by a part (``_called_by_part``). Its PERSON label is no guide: it
    gives it to "Ramussa" and "Flita" alike."""
    labels = {doc[x].ent_type_ for x in range(start, end)}
    return not (labels & (NOT_PLACE_ENTITIES - {"PERSON"}) or doc[start].lower_ in given_names()
                or _called_by_part(doc, start, end))


def _called_by_part(doc: Doc, start: int, end: int) -> bool:
    """Does the article call a two-word name by one of its words alone ("Noha Samira was
    besieged ... to find Noha")? People are called by a first or last name; a village keeps
    its whole name, so a name shortened elsewhere (to a word the parser does not call a
    place) is no village."""
    if end - start != 2:
        return False
    first, last = doc[start].text, doc[end - 1].text
    for tok in doc:
        if start <= tok.i < end or tok.text not in (first, last) or not tok.text[:1].isupper():
            continue
        whole = (tok.text == first and tok.i + 1 < len(doc) and doc[tok.i + 1].text == last) or (
            tok.text == last and tok.i >= 1 and doc[tok.i - 1].text == first)
        if not whole and tok.pos_ == "PROPN" and tok.ent_type_ not in ("GPE", "LOC", "FAC"):
            return True
    return False


def _held_by(doc: Doc, start: int) -> bool:
    """Is the name held by a side, "rebel-held X", "IS-controlled X", "regime-besieged X"?
    Only ground is held: the adjective names a place (or an area) wherever it stands."""
    k = start - 1
    if k >= 1 and doc[k].lower_ == "the":
        k -= 1
    return (k >= 2 and doc[k].lower_ in HELD_WORDS and doc[k - 1].text == "-"
            and doc[k - 2].is_alpha)


def _taken_or_shelled(doc: Doc, start: int, end: int) -> bool:
    """Is the name the ground a capture or shelling verb acts on: its object ("the
    opposition seized Handarat", "the army shelled Flita") or its passive subject ("Deir
    al-Adas was taken")? People are captured too, so the verb must be one of ground
    (``GROUND_VERBS``), the name must be the whole phrase and the parser must not call it a
    group or nationality (its PERSON label is given to "Ramussa" and "Flita" alike), the name
    must not open with a given name ("captured Ahmed"), and "took X hostage" is no capture
    of ground."""
    if not _heads_its_phrase(doc, start, end) or (
            end < len(doc) and doc[end].lower_ in CAPTIVE_WORDS):
        return False
    head = doc[end - 1]
    while head.head.i != head.i and start <= head.head.i < end:
        head = head.head
    verb = head.head
    acted_on = (head.dep_ == "dobj" and verb.i == start - 1) or (
        head.dep_ == "nsubjpass" and verb.i > end and verb.i - end <= 2)
    # the person checks last: ``_called_by_part`` reads the whole document
    return acted_on and verb.lemma_.lower() in GROUND_VERBS and _may_be_village(doc, start, end)


def _heads_its_phrase(doc: Doc, start: int, end: int) -> bool:
    """Is the name the whole phrase, no nationality and no modifier of a noun after it
    ("Assad's palace", "Hezbollah positions")? (The parser's PERSON label is no guide:
    it gives it to "Ramussa" and "Tal Rifaat".)"""
    if any(doc[x].ent_type_ == "NORP" for x in range(start, end)):
        return False
    return end >= len(doc) or not (doc[end].text in ("'s", "’s") or doc[end].pos_ == "NOUN")


def _called_after(doc: Doc, end: int) -> bool:
    """An apposition right after the name calls it a place: "Kambo Tayba, a village east of
    Wad Madani", "Wad Oshaib, a small village in Gezira"."""
    n = len(doc)
    if end + 2 >= n or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an"):
        return False
    k = end + 2
    if doc[k].pos_ == "ADJ" and k + 1 < n:
        k += 1  # "a small village", "a farming town"
    return doc[k].lower_ in PLACE_NOUNS and doc[k].pos_ == "NOUN" and doc[k].tag_ == "NN"


def _said_where_it_lies(doc: Doc, end: int) -> bool:
    """The words after a name say where it lies, which only a place does: "which is in the
    countryside around the city of Manbij", "east of the town of Rabia", "in the northern
    countryside of Hama", "in the Eastern side of Salamiyah"."""
    n = len(doc)
    k = end
    if k + 1 < n and doc[k].lower_ in ("which", "that") and doc[k + 1].lemma_ in ("be", "lie"):
        k += 2
    if k >= n:
        return False
    if doc[k].lower_ in COMPASS_WORDS and k + 1 < n and doc[k + 1].lower_ == "of":
        return True
    if doc[k].lower_ not in ("in", "near"):
        return False
    window = doc[k + 1 : min(n, k + 1 + CONTAINER_WINDOW)]
    return any(t.lower_ in WHERE_NOUNS for t in window)


def _container(doc: Doc, end: int, places: list[Mention], ctx: DocContext
               ) -> tuple[str | None, str | None]:
    """admin1 and country of the listed place named just after the name, else of a
    province named later in its sentence, else of the last province named before it in
    its sentence ("In the province of Idlib ... from the village of Yacoubiyeh")."""
    sent: Span = doc[end - 1].sent
    if end >= sent.end:
        return _province_before(doc, end, sent, places, ctx)
    lo = ctx.span(doc[end].idx, doc[end].idx).start
    stop = min(sent.end, end + CONTAINER_WINDOW)
    near = ctx.span(doc[stop - 1].idx, doc[stop - 1].idx + len(doc[stop - 1])).end
    far = ctx.span(sent[-1].idx, sent[-1].idx + len(sent[-1])).end
    later = [m for m in sorted(places, key=lambda m: m.span.start)
             if lo <= m.span.start < far and isinstance(m.value, PlaceRef)
             and m.value.geonameid is not None]
    for m in later:
        ref = m.value
        if m.span.start < near:
            admin1 = ref.admin1 if ref.precision != "country" else None
            return admin1, ref.country
        if ref.admin1 and ref.precision != "country" and (
                ref.precision == "admin1" or _after_in(doc, m, ctx)):
            return ref.admin1, ref.country
    return _province_before(doc, end, sent, places, ctx)


def _after_in(doc: Doc, m: Mention, ctx: DocContext) -> bool:
    """Is the place mention ``m`` introduced by "in" or "in the" ("... and Ayash village in
    the Deir Ezzor city")?"""
    first = next((t for t in doc if ctx.span(t.idx, t.idx + len(t)).start >= m.span.start),
                 None)
    if first is None:
        return False
    k = first.i - 1 - (first.i > 1 and doc[first.i - 1].lower_ == "the")
    return k >= 0 and doc[k].lower_ == "in"


def _province_before(doc: Doc, end: int, sent: Span, places: list[Mention], ctx: DocContext
                     ) -> tuple[str | None, str | None]:
    """admin1 and country of the last province named before the name in its sentence, else
    of the last listed place below a country named before it in its sentence or the two
    before ("the areas of al-Midan in Aleppo city ... shelled Bab al-Faraj neighborhood";
    "... in Aleppo city. Later a rocket hit al-Jamiliyeh neighborhood in the city")."""
    hi = ctx.span(doc[end - 1].idx, doc[end - 1].idx).start
    lo = ctx.span(sent[0].idx, sent[0].idx).start
    ordered = [m for m in sorted(places, key=lambda m: m.span.start)
               if m.span.start < hi and isinstance(m.value, PlaceRef) and m.value.admin1
               and m.value.precision != "country"]
    provinces = [m.value for m in ordered if lo <= m.span.start
                 and m.value.precision == "admin1"]
    if provinces:
        return provinces[-1].admin1, provinces[-1].country
    start = sent.start
    for _ in range(PREVIOUS_SENTENCES):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    lo = ctx.span(doc[start].idx, doc[start].idx).start
    nearby = [m.value for m in ordered if lo <= m.span.start]
    return (nearby[-1].admin1, nearby[-1].country) if nearby else (None, None)


def _document_admin1(places: list[Mention], country: str | None) -> str | None:
    """The province the document's listed places of ``country`` name most (the first
    named of equals)."""
    counts = Counter(m.value.admin1 for m in sorted(places, key=lambda m: m.span.start)
                     if isinstance(m.value, PlaceRef) and m.value.admin1
                     and m.value.country == country and m.value.precision != "country")
    return counts.most_common(1)[0][0] if counts and country else None


def _document_country(places: list[Mention]) -> str | None:
    """The country the document's listed places name most often."""
    counts = Counter(m.value.country for m in places
                     if isinstance(m.value, PlaceRef) and m.value.country)
    return counts.most_common(1)[0][0] if counts else None


def _comma_less_lists(doc: Doc, listed: dict[tuple[int, int], PlaceRef], ctx: DocContext
                      ) -> tuple[list[tuple[int, int, int]], list[tuple[int, int]]]:
    """The unlisted names of lists FA-KES stripped of their commas, each with where its list
    ends, and the token ranges the lists cover (no other unlisted run is taken inside them).

    A list is a run of names joined by nothing, commas, "and" or "or", ending in a name
    after "and"/"or", and marked as places by a plural place noun before it with "of"
    ("the towns of Misraba Ayn Tarma Arbin and Kafr Batna") or right after it ("in Kadin
    Salma Dourin and Tirtyah areas"), or by a locative before it when it holds at least
    ``MIN_LOCATIVE_ITEMS`` names, two of them listed towns of one province ("in Bosra al-Sham
    Atman al-Hrak and al-Yadouda"). Listed places stay the places annotator's.
    """
    units = {start: end for start, end in listed}
    gaz = ctx.gazetteer
    items: list[tuple[int, int, int]] = []
    covered: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        opening = _list_opening(doc, i)
        counted = not opening and _counted_opening(doc, i)
        if not (counted or opening):
            i += 1
            continue
        start = i + 1 + (i + 1 < n and doc[i + 1].lower_ == "the" and doc[i].lower_ == "of")
        found = _list_items(doc, start, units, gaz, open_end=doc[i].lower_ == "of")
        if found is None:
            i += 1
            continue
        names, end = found
        nouned = counted or doc[i].lower_ == "of" or (
            end < n and doc[end].lower_ in LIST_NOUNS_AFTER)
        # a listed town inside a name counts ("al-Ashara", where "Ashara" alone is listed)
        inside = [r for a, b in names for r in listed if a <= r[0] and r[1] <= b]
        provinces = Counter(listed[r].admin1 for r in inside if listed[r].admin1
                            and listed[r].precision not in ("admin1", "country", "region"))
        if not nouned and not _placed_after(doc, end, listed, names) and (
                len(names) < MIN_LOCATIVE_ITEMS or not any(k >= 2 for k in provinces.values())):
            i += 1
            continue
        covered.append((start, end))
        items += [(a, b, end) for a, b in names if units.get(a) != b
                  and not any(a < hi and lo < b for lo, hi in listed
                              if not (a <= lo and hi < b and doc[b - 1].lower_ in NAME_TAILS))]
        i = end
    return items, covered


def _counted_opening(doc: Doc, i: int) -> bool:
    """The word before a list that a counted plural place noun shortly before announces,
    FA-KES having dropped the colon: "captured three villages south of Aleppo from
    government control Zeitan Khalsa and Barna", "several towns including A B and C".
    ``i`` is the last word before the list's first name."""
    if i + 1 >= len(doc) or not _capitalised(doc[i + 1]) or _capitalised(doc[i]) or (
            not doc[i].is_alpha and doc[i].text != ":") or doc[i].lower_ in PARTICLES:
        return False
    # "... three villages near Aleppo said Rami Abdel Rahman": the verb opens the sayer's
    # name, no list (the parser's entity labels are no help on these names)
    if doc[i].pos_ in ("VERB", "AUX") and doc[i].lower_ != "including":
        return False
    sent_start = doc[i].sent.start
    for k in range(i, max(sent_start, i - COUNTED_WINDOW) - 1, -1):
        t = doc[k]
        if t.lower_ in COUNTED_NOUNS and any(
                c.dep_ == "nummod" or c.lower_ in COUNT_WORDS for c in t.children):
            return True
    return False


def _placed_after(doc: Doc, end: int, listed: dict[tuple[int, int], PlaceRef],
                  names: list[tuple[int, int]]) -> bool:
    """Whether the words after a list after a locative say where its names lie, which
    makes them places whatever the gazetteer lists: "in Kels Shahroura Sarraf and Hajjar
    east of the town of Rabia", "in Kafr Zita Jub al-Rayan and Kafr Nabudah in the
    northern countryside of Hama", "in A B and C in Idlib province"; a town holds them
    too where one name is a place by itself, listed or opened by a place's head word ("in
    al-Waer al-Samalil and Deir Salam in al-Houla", "in Unq al-Hawa and Wadi al-Mesk in
    Jubb al-Jarrah"), for groups are named so as well ("in Ahrar al-Sham and Jaish
    al-Islam in Douma")."""
    n = len(doc)
    if end >= n:
        return False
    if _said_where_it_lies(doc, end):
        return True
    if doc[end].lower_ not in ("in", "near"):
        return False
    nxt = end + 1 + (end + 1 < n and doc[end + 1].lower_ == "the")
    holder = next((ref for (a, _b), ref in listed.items() if a == nxt), None)
    if holder is None or holder.precision not in ("admin1", "town"):
        return False
    return holder.precision == "admin1" or any(
        any(a <= lo and hi <= b for lo, hi in listed) or doc[a].lower_ in PLACE_HEADS
        for a, b in names)


def _list_opening(doc: Doc, i: int) -> bool:
    """ "villages of" (``i`` at "of") or a locative preposition."""
    tok = doc[i]
    if tok.lower_ == "of":
        return i > 0 and doc[i - 1].lower_ in LIST_NOUNS_BEFORE
    return tok.lower_ in LIST_LOCATIVES


def _list_items(doc: Doc, start: int, units: dict[int, int], gaz: object,
                open_end: bool = False) -> tuple[list[tuple[int, int]], int] | None:
    """The names of a list from ``start`` and where it ends, or None where the parts there
    are no list of two or more names that closes with "and"/"or" and a name.

    ``open_end``: after "villages of" the list may also close with "and" and a phrase
    ("the villages of Qoraa al-Kabireh Qoraa al-Saghireh Owsah Jeli and the Western side
    of Um Adseh")."""
    parts: list[tuple[int, int]] = []  # one word of a name: "Kadin", "al-Mugheiriyeh"
    seps: list[str | None] = []  # the joiner before each word: None, ",", "and" or "or"
    i, n, sep = start, len(doc), None
    while i < n:
        if i in units:
            parts.append((i, units[i]))
            seps.append(sep)
            i, sep = units[i], None
            continue
        if _particle(doc, i):
            j = i + 1 + (doc[i + 1].text in GLUE)
        elif (_capitalised(doc[i]) and doc[i].lower_ not in STOPWORDS) or (
                LOWER_GLUED.fullmatch(doc[i].text) and parts):
            j = i  # "Tel alKhadar": FA-KES lost the hyphen of "al-Khadar" too
        elif doc[i].lower_ in LIST_JOINERS and parts and sep in (None, ","):
            sep = doc[i].lower_ if sep is None or doc[i].lower_ != "," else sep
            i += 1
            continue
        else:
            break
        j += 1
        while j + 1 < n and doc[j].text in GLUE and not doc[j - 1].whitespace_ and (
                _capitalised(doc[j + 1])):
            j += 2  # "Mar'a", "Kafr-Nabl"
        parts.append((i, j))
        seps.append(sep)
        i, sep = j, None
    dangling = open_end and sep in ("and", "or")  # the list broke off after "and"
    names: list[tuple[int, int]] = []
    last_sep = None  # the joiner before the last name
    for (a, b), sep in zip(parts, seps, strict=True):
        if names and sep is None and _goes_on(doc, names[-1], (a, b), units, gaz):
            names[-1] = (names[-1][0], b)
        else:
            names.append((a, b))
            last_sep = sep
    # "... al-Midan and Aleppo al-Jadida": the "and" may stand before the last name but one,
    # where the last is a word the gazetteer took apart from its town
    closing = last_sep in ("and", "or") or (
        len(names) > 2 and _closing_sep(names, parts, seps) in ("and", "or"))
    if len(names) < 2 or (not closing and not dangling):
        return None
    return names, parts[-1][1]


def _closing_sep(names: list[tuple[int, int]], parts: list[tuple[int, int]],
                 seps: list[str | None]) -> str | None:
    """The joiner before the last name but one."""
    start = names[-2][0]
    return next((sep for (a, _b), sep in zip(parts, seps, strict=True) if a == start), None)


def _goes_on(doc: Doc, name: tuple[int, int], word: tuple[int, int], units: dict[int, int],
             gaz: object) -> bool:
    """Whether ``word`` continues the list item ``name`` rather than opening the next one."""
    if word[1] - word[0] == 1 and doc[word[0]].lower_ in NAME_TAILS:
        return True  # "Nile Street", "Baghdad Station": one name, though a town opens it
    if units.get(name[0]) == name[1] or units.get(word[0]) == word[1]:
        return False  # a listed place is an item of its own
    if name[1] - name[0] == 1 and doc[name[0]].lower_ in NAME_HEADS:
        return True
    if words(doc[name[0]:name[1]].text)[-1] in NAME_HEADS and _capitalised(doc[word[0]]):
        return True  # "al-Bu Kamal", "Tal al-Hara": the head word is no name alone
    first = doc[word[0]]
    if GLUED_DIN.match(first.text):
        return True  # "Ruken Eddin", "Salah Addin": "al-Din" with its article run into it
    glued = first.text[:2] in ("Al", "El") and first.text[2:].islower() and len(first) > 4
    if not (_particle(doc, word[0]) or glued):  # "al-Jaoureh", "Aljabal"
        return False
    tail = words(doc[word[0]:word[1]].text)
    if tail[-1].startswith(NAME_QUALIFIERS):
        return True
    # one article-led word goes on a one-word name ("Ruweiset al-Jaoureh", "Qibtan Aljabal"),
    # unless the gazetteer lists it alone ("Atman al-Hrak": two places)
    one_word = not any(_particle(doc, k) for k in range(name[0], name[1])) and all(
        doc[k].text in GLUE or not _capitalised(doc[k]) for k in range(name[0] + 1, name[1]))
    return one_word and not (gaz is not None and gaz.lookup(key_of_words(tail)))
