"""Turn the phrase that names a speaker into one canonical name.

The gold names a speaker the way the profile and the annotate stage do ("John
Kerry" for "Mr Kerry", "Military Forces of Syria" for "the Syrian military",
"Los Angeles Times" for "the *Times*"), so the name is taken, in this order, from:

1. what the phrase's head is: a pronoun is resolved to a person or organisation
   named shortly before; "the paper" to the outlet named before;
2. the names inside the phrase, ranked by how they hang on the head (the head
   itself, then its appositions and compounds: "UN envoy Staffan de Mistura",
   "the Mayor of London, Boris Johnson"; never a possessor: "Syria's envoy X"),
   persons before outlets before actors; each name comes from the annotate stage's
   mentions when they cover it, else from a profile outlet, else from spaCy's
   entities, a person's short form resolved to the full name used elsewhere; a role
   whose holder the parse lost ("the mayor, Karim Nassar") takes the name after it, or
   the person its phrase names after its body ("President of the Council Ahmad Nasser");
   a body that "calls itself" a name speaks by that name; an outlet's name wins over an
   actor's word inside it ("Syrian state television" is no "Syrian" actor); "the group",
   "the monitor", "the charity" stand for the body quoted, or said to have said
   something, or else named last, as "it" does; "the source" for the body an earlier
   "a source in …" came from (never a building: "a source in the hospital");
3. the words of the phrase itself ("Syrian general"), when nothing names it; the
   caller decides whether any noun may do or only a role or speaker noun.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from palmyra.annotate.countries import FORCES, GOVERNMENT, state_of
from palmyra.annotate.names import name_key, name_words, titles
from palmyra.extract.lexicon import given_names, speaker_nouns, speech_cues
from palmyra.extract.outlets import Outlets
from palmyra.extract.positions import Bounds
from palmyra.model import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from palmyra.context import DocContext

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
# Titles that say whether the one named is a man or a woman ("Ms. Khan", "Mr. Gray")
_TITLE_GENDER = {"mr": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "mme": "f",
                 "madam": "f", "madame": "f", "dame": "f", "lady": "f"}
_GROUP_PRONOUNS = frozenset({"it", "they", "them"})
_OWN_WORDS_SUBJECT = 4  # a statement names its issuer in its first few words
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NAME_DEPS = frozenset({"appos", "compound", "flat", "nmod"})
_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "cc", "conj"})
_LOOKBACK_SENTENCES = 3
_ROLE_LOOKBACK = 8  # sentences searched for the person a definite role stands for
# Nouns for a person who speaks for a body, beside the titles ("the UN official")
_OFFICE_NOUNS = frozenset({"official", "representative", "spokesperson"})
_ROLE_SPOKEN_REACH = 150  # tokens back to the person a body's role goes on with
_ROLE_REACH = 4  # tokens beside a name searched for that role's word
_ROLE_POS = frozenset({"ADJ", "NOUN", "PROPN"})  # the words of a role before a name
# Common nouns for an organisation that speaks ("the army said"), read back to its name.
_GROUP_NOUNS = frozenset({
    "army", "military", "ministry", "observatory", "center", "centre", "agency", "coalition",
    "government", "council", "committee", "organisation", "organization", "command",
    "commission", "office", "department", "network", "front", "alliance", "movement",
})
# Nouns for a part of an organisation or its words: "a source in the ministry", "a
# statement by the army", "an official from the council".
_PART_NOUNS = frozenset({
    "source", "official", "statement", "spokesman", "spokeswoman", "spokesperson",
    "representative", "report", "communique", "member", "officer",
})
# Words for a state's armed forces ("the military said", "a military source"), and the
# ministry that speaks for them ("the defence ministry")
_MILITARY_WORDS = frozenset({"military", "army", "security", "forces"})
_DEFENCE_WORDS = frozenset({"defence", "defense"})
_STATE_WORDS = frozenset({*_MILITARY_WORDS, *_DEFENCE_WORDS, "armed", "general", "command",
                          "ministry", "government", "interior", "foreign"})
_LARGE_PLACES = frozenset({"country", "admin1", "admin2"})
# "the coalition which calls itself X", "a group naming itself X"
_SELF_NAMING = frozenset({"call", "name", "dub", "style", "brand", "describe"})
# Nouns that stand for a body named before without sharing its words ("the monitoring
# group said" after the Syrian Observatory): read like "it".
# What a speaker puts out that may later speak for them ("said the statement")
_ISSUED_NOUNS = frozenset({"statement", "communique", "report", "letter", "release",
                           "bulletin"})
_ISSUER_LOOKBACK = 3  # sentences before a "the statement said" searched for its issuer
_BACK_NOUNS = frozenset({"group", "monitor", "watchdog", "organisation", "organization",
                         "charity"})
_FUNCTION_WORDS = frozenset({"of", "for", "the", "and", "on", "in", "de", "al"})
# Lower-case words inside an Arabic or European person's name ("Abu Shadi al-Hamwi")
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "de", "van", "von"})
_BODY_KINDS = ("actor", "org", "outlet", "other")  # a source "in" a place speaks for no one
# Buildings a source may be in without speaking for them ("a source in Salamiyeh
# National Hospital told Sputnik": an unnamed person, gold speaker null)
_FACILITY_NOUNS = frozenset({"hospital", "clinic", "school", "camp", "prison", "airport"})
_SOURCE_PREPOSITIONS = frozenset({
    "in", "of", "by", "from", "at", "within", "inside", "for", "with"})
# Unnamed people who speak ("men shouted", "a witness said"), beside speaker_nouns.txt.
PERSON_NOUNS = frozenset({
    "man", "woman", "people", "person", "victim", "staff", "relative", "father", "mother",
    "brother", "sister", "son", "daughter", "child", "student", "teacher", "civilian",
    "eyewitness", "medic", "nurse", "farmer", "driver", "commander", "friend", "neighbour",
    "neighbor", "villager", "local", "citizen", "defector", "prisoner", "detainee",
    # people who speak in a crowd or for a campaign ("another supporter wrote", "top
    # advisers said", "the crowd chanted")
    "supporter", "voter", "protester", "protestor", "demonstrator", "marcher", "mourner",
    "crowd", "aide", "adviser", "advisor", "critic", "colleague", "candidate", "nominee",
    "opponent", "campaigner", "organiser", "organizer", "participant", "employee",
})
# Roles beside the titles a person is named with and then called by ("the candidate")
_ROLE_NOUNS = frozenset({"candidate", "nominee", "commander", "activist", "cleric", "judge"})
# Words for an outlet, written before its name ("its television station Al-Manar").
_OUTLET_NOUNS = frozenset({
    "station", "channel", "television", "tv", "broadcaster", "agency", "newspaper", "paper",
    "daily", "website", "outlet", "network",
})
# "the director of MSF, Isabelle Defourny", "a statement by the Russian Defence Ministry"
_ROLE_PREPOSITIONS = frozenset({"of", "by"})
# Ranked kinds of name, best first.
_KIND_ORDER = {"person": 0, "outlet": 1, "actor": 2, "org": 3, "place": 4}
_ENTITY_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "NORP": "place",
                 "FAC": "org"}  # the small model tags "the Syrian Observatory …" FAC
_PLACE_ENTITIES = frozenset({"GPE", "LOC"})
# Entities a name given to a person cannot be ("a resident named" no town or body)
_NOT_PERSONS = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC", "DATE", "TIME"})


@dataclass(frozen=True)
class Speaker:
    """A canonical speaker name and the tokens ``[start, end)`` that name it in the text."""

    name: str | None  # None: an unnamed person, or a thing
    start: int
    end: int
    kind: str  # person | outlet | actor | org | place | other | thing


@dataclass(frozen=True)
class _Name:
    start: int  # token range
    end: int
    name: str
    kind: str
    # A one-word spaCy PERSON that no full name explains: often a place ("Palmyra") or
    # a channel ("al-Mayadeen"), so never taken as what "he" or "she" stands for.
    lone: bool = False


class Namer:
    """Names the speakers of one document; remembers them for later pronouns.

    Args:
        region: for each token, the quotation (or reference) it sits in, as made by
            ``quotes``; a pronoun refers only to names written in the same one.
        bounds: the document's sentence bounds (``positions.sentence_bounds``).
    """

    def __init__(
        self, doc: Doc, ctx: DocContext, outlets: Outlets, region: list[int], bounds: Bounds
    ) -> None:
        self.doc = doc
        self.bounds = bounds
        self.outlets = outlets
        self.region = region
        self.gazetteer = ctx.gazetteer
        starts = ctx.token_bounds(doc)[0]
        self._place_tokens = {  # tokens the annotate stage read as a place's name
            i for m in ctx.mentions if m.kind == "place"
            for i in range(bisect_left(starts, m.span.start), bisect_left(starts, m.span.end))
        }
        names = [_Name(*r, n, k) for r, n, k in _mention_names(ctx, starts)]
        self._trimmed: dict[tuple[int, int], int] = {}  # person entity -> its corrected end
        entities = self._entity_names()
        names = [  # a person mention read off a tagged name that ran into the next name
            _Name(n.start, end, _clean(doc[n.start : end].text), n.kind)
            if n.kind == "person" and (end := self._trimmed.get((n.start, n.end), n.end)) < n.end
            else n
            for n in names
        ]
        names = [  # "in Aleppo Ibrahim Abu Leith told", the comma lost: the person's own name
            _Name(rest.start, rest.end, _clean(rest.text), n.kind)
            if n.kind == "person" and (rest := self._without_place(doc[n.start : n.end]))
            else n
            for n in names
        ]
        names = _fuller_persons(doc, names, entities)
        covered = {i for n in names for i in range(n.start, n.end)}
        mentioned = list(names)  # the annotate stage's
        names += [n for n in entities if not covered.intersection(range(n.start, n.end))]
        names += _names_run_on(doc, entities, mentioned)
        names += _given_named(doc, names, self._place_tokens)
        for m in outlets.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            inside = [n for n in mentioned if n.start < span.end and span.start < n.end]
            if inside and all(span.start <= n.start and n.end <= span.end
                              and n.end - n.start < len(span) for n in inside):
                # "Syrian state television" is the outlet, not the "Syrian" actor in it
                names = [n for n in names if n not in inside]
            elif inside:
                continue
            names.append(_Name(span.start, span.end, m.name, "outlet"))
        names += [  # "the article", so that a later "it" can stand for its outlet
            _Name(t.i, t.i + 1, m.name, "outlet") for t in doc if (m := outlets.referred(t))
        ]
        self.names = _lengthened(doc, sorted(names, key=lambda n: (n.start, -n.end)))
        self._name_starts = [n.start for n in self.names]
        self.spoken: list[tuple[int, Speaker]] = []  # (token index, speaker) in text order
        self.metonyms = _metonyms(ctx)
        self._states = _state_mentions(ctx, starts, self.metonyms)
        self._actors = {a.canonical for a in getattr(ctx.profile, "actors", ())}
        self.by_noun: dict[str, Speaker] = {}  # the last speaker named by each head noun
        self._titled = _titled_genders(doc)

    def name(self, head: Token, any_noun: bool = True) -> Speaker | None:
        """The canonical speaker a phrase names, ``head`` being its head token.

        Args:
            any_noun: whether any noun may name the speaker by its own words (step 3
                of the module docstring) or only a role or speaker noun ("a Syrian
                general", "a military source": person_titles.txt, speaker_nouns.txt);
                off where a cue is as often said of a thing as of a speaker ("according
                to the preferred narrative", "its failure has confirmed").
        """
        if head.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
            found = self._pronoun(head)
        else:
            found = (
                self._outlet_reference(head) or self._outlet_beside(head)
                or self._self_named(head) or self._group_spoken_before(head)
                or self._best_name(head)
            )
            lemma = head.lemma_.lower()
            role = lemma in titles()
            # "said Observatory director Rami Abdel Rahman": the role's holder written
            # after it speaks, not the body the role belongs to
            holder = head if role else head.head if (
                head.dep_ == "compound" and head.head.lemma_.lower() in titles()) else None
            if holder is not None and (found is None or found.kind != "person"):
                found = self._name_beside(holder) or self._holder_in(holder) or found
            if found is not None and found.kind != "person":
                # "said Syrian Observatory for Human Rights director Rami Abdel Rahman",
                # the body read as the head: the holder of a role inside the phrase speaks
                found = self._holder_in_phrase(head) or found
            office = head if role or lemma in _OFFICE_NOUNS else holder
            if found is not None and found.kind != "person" and office is not None and (
                    _definite(office)) and not found.start <= office.i < found.end:
                # "… Amos said. “…” the UN official said", "… added the UNICEF director"
                # (the parse heading the phrase with the body): a definite role of a body
                # goes on with the person quoted just before, not with the body
                found = self._last_person_near(head) or found
            if found is not None and found.kind == "org":
                # "Russia's defence ministry", "the Ministry of Defence" read as a name of
                # their own: the state's forces or government, as when written in lower case
                # (its own head, where the phrase is "a statement by the defence ministry")
                found = self._state_body(self.doc[found.start : found.end].root, found) or found
            if found is not None and found.kind == "person" and found.end - found.start == 1:
                found = self._full_name_after(found) or found
            if found is None:
                found = self._group_named_before(head)
            if found is None:
                found = self._document_owner(head) or self._person_named(head)
            if found is None and _definite(head) and lemma in _BACK_NOUNS:
                found = self._pronoun(head, want_person=False)
            if found is None and _definite(head):
                found = self._same_noun_before(head)
            if found is None and _definite(head) and head.tag_ == "NN" and (
                    role or lemma in _ROLE_NOUNS or lemma in speaker_nouns()):
                found = self._holder_named_before(head) or (
                    self._last_person_quoted(head) if role else None)
            if found is None and _definite(head) and lemma in _ISSUED_NOUNS:
                found = self._issuer_before(head)
            if found is None and (
                any_noun or role or lemma in speaker_nouns() or lemma in PERSON_NOUNS
            ):
                found = _surface(head)
                found = self._state_body(head, found) or found
            if found is not None and found.kind == "person" and self._only_place(found):
                # "Homs once dubbed the “capital”", Homs tagged a person: a town says nothing
                found = self._government(replace(found, kind="place"))
                found = None if found.kind == "place" else found
            if found is not None and found.kind == "place":
                found = self._government(found)
            if found is not None and found.kind == "outlet":
                found = self._quoted_source(head) or found
            if found is not None and found.kind != "thing":
                self.by_noun[lemma] = found
        if found is not None:
            self.spoken.append((head.i, found))
        return found

    def named_in_own_words(self, words: Span, head: Token) -> Speaker | None:
        """The body a quotation names as its own subject, where "the group" speaks it: in
        "“The civil defence [White Helmets] condemns the bombing …” the group said" and
        "“The Organization for the Prohibition of Chemical Weapons (OPCW) is seriously
        concerned …” the group said" a statement names its issuer in the third person,
        which says better who "the group" is than the bodies named before it."""
        if not (_definite(head) and head.lemma_.lower() in _BACK_NOUNS):
            return None
        for word in words[:_OWN_WORDS_SUBJECT]:
            verb = word.head
            # the subject of the quotation's main verb, the one the cue governs, in the
            # simple present of a stance ("condemns", "is concerned"), not in a report of
            # what a body did ("“The Syrian Army shelled the town”", "“Daesh has managed to
            # drive out regime troops”" the monitor said)
            if word.dep_ in _SUBJECTS and words.start <= verb.i < words.end and (
                    verb.dep_ == "ROOT" or not words.start <= verb.head.i < words.end) and (
                    verb.tag_ in ("VBZ", "VBP") or verb.tag_ in ("VBN", "JJ") and any(
                        c.dep_ in ("aux", "auxpass") and c.lemma_ == "be"
                        and c.tag_ in ("VBZ", "VBP") for c in verb.children)):
                found = self._best_name(word) or next(
                    (Speaker(n.name, n.start, n.end, n.kind) for n in self.names
                     if word.left_edge.i <= n.start and n.end <= word.right_edge.i + 1
                     and n.kind in ("actor", "org")), None)  # "The civil defence [White Helmets]"
                if found is not None and found.name and found.kind in ("actor", "org") and any(
                        t.pos_ == "PROPN" for t in self.doc[found.start : found.end]):
                    # a proper name: "Ten civilians were killed …" names no issuer
                    self.spoken.append((head.i, found))
                    return Speaker(found.name, head.i, head.i + 1, found.kind)
                return None
        return None

    def _state_body(self, head: Token, surfaced: Speaker | None) -> Speaker | None:
        """The state body a common noun speaks for where no name covers it: "the military
        said", "a military source", "the General Command", "the defence ministry" are the
        military, "the interior ministry" the government (gold/GUIDE.md: a ministry as
        "Government of Syria"; an unnamed source inside an organisation speaks for it), of
        the state named last before it, as an actor or by its country or capital."""
        if surfaced is None or surfaced.kind not in ("other", "org"):
            return None
        words = [t for t in self.doc[surfaced.start : surfaced.end]
                 if t.lower_ not in ("the", "of", "'s", "’s")]
        owner = self._owner_state(words[0]) if len(words) > 1 else None
        if surfaced.kind == "org" and not all(  # "the defence ministry" tagged a name, not
                t.lower_ in _STATE_WORDS     # "the Army of Conquest"
                for t in words[1 if owner else 0 :]):
            return None
        lemma = head.lemma_.lower()
        mods = {c.lemma_.lower() for c in head.lefts if c.dep_ in ("amod", "compound")}
        if lemma in _PART_NOUNS:
            if surfaced.name is not None or not mods & (_MILITARY_WORDS | {"government"}):
                return None
            # "a military source" speaks for the forces, "a government source" for the
            # government
            body = FORCES if mods & _MILITARY_WORDS else GOVERNMENT
        elif surfaced.name is None:
            return None
        elif lemma in _MILITARY_WORDS or lemma == "command" or (
                lemma == "ministry" and (mods & _DEFENCE_WORDS or (
                    not mods and _definite(head) and self._defence_ministry_before(head)))):
            body = FORCES
        elif lemma in ("ministry", "government"):
            body = GOVERNMENT
        else:
            return None
        if owner is not None and body + owner in self._actors:
            return Speaker(body + owner, surfaced.start, surfaced.end, "actor")
        before = self._states[: bisect_left(self._states, (head.i, ""))]
        if not before:
            return None
        # in its own sentence a state's forces named as actors win over a country named in
        # passing ("government forces killed militants of a group banned in Russia, a
        # military source said")
        since = self.bounds[head.i][0]
        acting = [s for at, s, is_actor in before if at >= since and is_actor]
        actor = body + (acting[-1] if acting else before[-1][1])
        if actor not in self._actors:
            return None
        return Speaker(actor, surfaced.start, surfaced.end, "actor")

    def _owner_state(self, word: Token) -> str | None:
        """The state a country's name before a state body names ("Russia's defence
        ministry", and "Russias defence ministry" where FA-KES lost the apostrophe), as its
        actors end ("Russia"); ``None`` for any other word."""
        for name in (word.text, word.text[:-1] if word.lower_.endswith("s") else None):
            actor = self.metonyms.get(_place_key(name)) if name else None
            if actor is not None:
                return state_of(actor)
        return None

    def _defence_ministry_before(self, ministry: Token) -> bool:
        """Whether a bare "the ministry" goes on with a defence ministry: the last ministry
        named in its sentence or the ``_ISSUER_LOOKBACK`` before it is one ("the defence
        ministry in Moscow said … “…” the ministry said": the forces, not the government)."""
        since = _previous_sentences(self.bounds, ministry.i, _ISSUER_LOOKBACK)[-1][0]
        for t in reversed(self.doc[since : ministry.i]):
            if t.lemma_.lower() != "ministry":
                continue
            mods = {c.lower_ for c in t.lefts if c.dep_ in ("amod", "compound")}
            after = self.doc[t.i + 1 : t.i + 3]
            return bool(mods & _DEFENCE_WORDS) or (
                len(after) == 2 and after[0].lower_ == "of" and after[1].lower_ in _DEFENCE_WORDS)
        return False

    def _government(self, place: Speaker) -> Speaker:
        """A country or capital that speaks ("the US has rejected calls", "Moscow said")
        stands for its government (gold/GUIDE.md: a ministry as "Government of Syria"),
        as the profile's metonym aliases say; another place is left as it is."""
        actor = self.metonyms.get(_place_key(place.name or ""))
        return Speaker(actor, place.start, place.end, "actor") if actor else place

    def _only_place(self, found: Speaker) -> bool:
        """Whether a name is a place's and nothing else's (a town, a region, a venue): only
        a country or capital speaks, as its government (``_government``); a nationality
        ("Kurds") may still be a group that speaks."""
        if found.kind == "person" and len((found.name or "").split()) > 1:
            return False  # a full name known elsewhere is a person's, however read here
        words = [t for t in self.doc[found.start : found.end] if not t.is_punct]
        return bool(words) and all(
            t.ent_type_ in _PLACE_ENTITIES and found.kind == "place" or t.i in self._place_tokens
            for t in words)

    def _outlet_reference(self, head: Token) -> Speaker | None:
        m = self.outlets.referred(head)
        return Speaker(m.name, head.i, head.i + 1, "outlet") if m else None

    def _best_name(self, head: Token) -> Speaker | None:
        phrase = _phrase(head)
        lo = bisect_left(self._name_starts, phrase[0])
        hi = bisect_right(self._name_starts, phrase[1] - 1)
        ranked = []
        for n in self.names[max(0, lo - 3) : hi]:
            if n.end <= phrase[0] or n.start >= phrase[1] or _base_of(self.doc, n):
                continue
            rank = _rank(head, self.doc[n.start : n.end])
            if rank > 1 or rank == 1 and n.kind in ("actor", "person"):  # not "Syrian" alone
                ranked.append(((-rank, _KIND_ORDER.get(n.kind, 9), n.start), n))
        if not ranked:
            return None
        ranked.sort(key=lambda r: r[0])
        best = ranked[0][1]
        if all(t.pos_ != "PROPN" for t in self.doc[best.start : best.end]):
            # "the UK-based opposition Syrian Observatory for Human Rights claimed", the
            # parse making "opposition" the head: the proper name beside a common noun
            # read as an actor ("Syrian Opposition") is the one that speaks
            proper = [n for (rank, _, _), n in ranked[1:] if -rank == 2 and n.kind != "place"
                      and any(t.pos_ == "PROPN" for t in self.doc[n.start : n.end])]
            best = proper[0] if proper else best
        return Speaker(best.name, best.start, best.end, best.kind)

    def _group_named_before(self, head: Token) -> Speaker | None:
        """The organisation a common noun refers back to: "the army" to the Syrian Army,
        "the Observatory" to the Syrian Observatory for Human Rights, "the ministry" to
        the Russian Defence Ministry, "the center" to the Russian reconciliation center:
        the last name before it whose own words hold the noun; and the organisation an
        unnamed source or statement comes from ("a source in the Russian Defense
        Ministry", "a statement by the army": gold/GUIDE.md, an unnamed source inside
        an organisation speaks for it)."""
        lemma = head.lemma_.lower()
        if lemma in _PART_NOUNS:
            for prep in (c for c in head.children if c.lower_ in _SOURCE_PREPOSITIONS):
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    inner = self._best_name(obj) or self._group_named_before(obj)
                    if inner is not None and inner.kind == "org":
                        # "a statement by the Russias defence ministry": the state's forces
                        inner = self._state_body(obj, inner) or inner
                    if inner is not None and inner.kind in _BODY_KINDS and inner.name and (
                            name_words(inner.name)[-1].lower() not in _FACILITY_NOUNS):
                        return Speaker(inner.name, head.i, head.i + 1, inner.kind)
            return None
        if lemma not in _GROUP_NOUNS:
            return None
        words = {lemma, head.lower_}
        i = bisect_left(self._name_starts, head.i)
        for n in reversed(self.names[:i]):
            own = self.doc[n.start : n.end]
            if n.kind in ("actor", "org", "outlet") and n.end <= head.i and words & (
                {t.lower_ for t in own} | {t.lemma_.lower() for t in own}
            ):
                return Speaker(n.name, head.i, head.i + 1, n.kind)
        return None

    def _group_spoken_before(self, head: Token) -> Speaker | None:
        """"… the Russian army said. “…” the army said": a bare "the army" goes on with the
        body that spoke in the last sentences under a name holding the same word, before
        any reading of "the army" on its own (the country's army, by the profile)."""
        lemma = head.lemma_.lower()
        if lemma not in _GROUP_NOUNS or any(c.dep_ != "det" for c in head.lefts):
            return None
        since = _previous_sentences(self.bounds, head.i, 1)[-1][0]
        for at, spoken in reversed(self.spoken):
            if at < since:
                return None
            own = self.doc[spoken.start : spoken.end]
            if spoken.kind in ("actor", "org") and spoken.name and spoken.end <= head.i and (
                    lemma in {t.lemma_.lower() for t in own} | {t.lower_ for t in own}):
                return Speaker(spoken.name, head.i, head.i + 1, spoken.kind)
        return None

    def _document_owner(self, head: Token) -> Speaker | None:
        """The body whose statement speaks: "IS's statement said", "the ministry's report
        said", "its statement said" are the group's and the ministry's words (a possessor
        names no speaker of a person's phrase, "Syria's envoy", but owns a document)."""
        if head.lemma_.lower() not in _ISSUED_NOUNS:
            return None
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        if owner.lower_ in ("its", "their"):
            found = self._pronoun(owner, want_person=False)
        else:
            found = self._best_name(owner) or self._group_named_before(owner)
        if found is None or not found.name or found.kind not in ("person", *_BODY_KINDS):
            return None
        return Speaker(found.name, head.i, head.i + 1, found.kind)

    def _person_named(self, head: Token) -> Speaker | None:
        """The name given to an unnamed person in the same phrase: "a witness named Ahmad
        said", "Rami, an Aleppo resident, said" (the noun in apposition to the name)."""
        lemma = head.lemma_.lower()
        if head.pos_ != "NOUN" or not (lemma in PERSON_NOUNS or lemma in speaker_nouns()):
            return None
        names = [g for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in (
            "name", "call") for g in c.children if g.pos_ == "PROPN"]
        if head.dep_ == "appos" and head.head.pos_ == "PROPN" and head.head.i < head.i:
            names.append(head.head)
        # "Rami an Aleppo resident said", the commas lost: the name before the article
        article = next((c for c in head.lefts if c.dep_ == "det"), None)
        if article is not None:
            names += [c for c in head.lefts if c.pos_ == "PROPN" and c.i < article.i]
        for word in names:
            if word.i in self._place_tokens:
                continue  # "Douma a resident said": a place, the resident stays unnamed
            found = self._best_name(word)
            if found is not None and found.kind == "person" and found.name:
                return Speaker(found.name, found.start, found.end, "person")
            if word.ent_type_ not in _NOT_PERSONS and word.text[:1].isupper():
                tokens = [*(t for t in word.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"),
                          word]
                return Speaker(_clean(" ".join(t.text for t in tokens)), tokens[0].i,
                               tokens[-1].i + 1, "person")
        return None

    def _holder_named_before(self, head: Token) -> Speaker | None:
        """The person a definite role stands for: "the minister said" after "Foreign
        Minister Sergei Lavrov", "the candidate said" after "Republican presidential
        candidate Donald Trump": the last person named before it, in the last few
        sentences, with the same word beside the name (a few words before it, or its
        apposition after it)."""
        lemma = head.lemma_.lower()
        since = _previous_sentences(self.bounds, head.i, _ROLE_LOOKBACK)[-1][0]
        i = bisect_left(self._name_starts, head.i)
        for n in reversed(self.names[:i]):
            if n.start < since:
                return None
            if n.kind != "person" or n.lone or n.end > head.i:
                continue
            around = [*self.doc[max(since, n.start - _ROLE_REACH) : n.start],
                      *self.doc[n.end : min(head.i, n.end + _ROLE_REACH)]]
            if any(t.lemma_.lower() == lemma or t.lower_ == head.lower_ for t in around):
                return Speaker(n.name, head.i, head.i + 1, "person")
        return None

    def _last_person_quoted(self, head: Token) -> Speaker | None:
        """"Staffan de Mistura said … . “…,” the envoy said": a bare definite role ("the
        envoy", no word of its own to tell it from another) goes on with the person whose
        words the last two sentences reported."""
        if any(c.dep_ != "det" for c in head.lefts) or not self.spoken:
            return None
        return self._last_person_since(head, _previous_sentences(self.bounds, head.i, 1)[-1][0])

    def _holder_in_phrase(self, head: Token) -> Speaker | None:
        """A person named right after a role word inside the speaker phrase of ``head``
        ("Syrian Observatory for Human Rights director Rami Abdel Rahman")."""
        lo, hi = _phrase(head)
        for t in self.doc[lo:hi]:
            if t.i != head.i and t.lemma_.lower() in titles():
                found = self._name_beside(t)
                if found is not None and found.end <= hi:
                    return found
        return None

    def _last_person_near(self, head: Token) -> Speaker | None:
        """The person who spoke last, if no one spoke since and it was a few sentences
        ago at most (``_ROLE_SPOKEN_REACH`` tokens, a long quotation between)."""
        return self._last_person_since(head, head.i - _ROLE_SPOKEN_REACH)

    def _last_person_since(self, head: Token, since: int) -> Speaker | None:
        """The person who spoke last, as ``head``'s speaker, where that was at ``since`` or
        after and in ``head``'s region ("X wrote: “The commander told me”" is not X)."""
        if not self.spoken:
            return None
        at, spoken = self.spoken[-1]
        if at < since or spoken.kind != "person" or not spoken.name or (
                self.region[at] != self.region[head.i]):
            return None
        return Speaker(spoken.name, head.i, head.i + 1, "person")

    def _issuer_before(self, head: Token) -> Speaker | None:
        """"“…” said the statement" after "the army said in a statement": a definite
        statement or report with no source of its own is the one the last speaker of the
        last sentences put out, where that speaker's sentence names it; else the one the
        body (not a person) that spoke last in those sentences put out."""
        if any(c.dep_ == "prep" and c.lower_ in _SOURCE_PREPOSITIONS for c in head.children):
            return None  # "the statement by the ministry" names its own source
        since = _previous_sentences(self.bounds, head.i, _ISSUER_LOOKBACK)[-1][0]
        lemma = head.lemma_.lower()
        body: Speaker | None = None  # the last body that spoke, where no sentence names it
        for at, spoken in reversed(self.spoken):
            if at < since:
                break
            if not spoken.name or self.region[at] != self.region[head.i]:
                continue
            lo, hi = self.bounds[at]
            if any(t.lemma_.lower() == lemma and t.i != head.i for t in self.doc[lo:hi]):
                return Speaker(spoken.name, head.i, head.i + 1, spoken.kind)
            if body is None and spoken.kind in ("actor", "org"):
                body = spoken
        # "The U.S.-led coalition … said …; “…” spokesman X said. … “…” the statement said":
        # a statement is a body's, never its spokesman's words, so the body that last spoke
        return Speaker(body.name, head.i, head.i + 1, body.kind) if body else None

    def _same_noun_before(self, head: Token) -> Speaker | None:
        """"The source said" after "a source in the Russian Defense Ministry told
        Sputnik": a definite common noun is the speaker it last named."""
        before = self.by_noun.get(head.lemma_.lower())
        if head.pos_ != "NOUN":
            return None
        if before is None:
            before = self._part_named_before(head)
        if before is None:
            return None
        if before.name is None and head.lemma_.lower() in _BACK_NOUNS:
            return None  # "a monitoring group said" named no one: the body that spoke since may
        return Speaker(before.name, head.i, head.i + 1, before.kind)

    def _part_named_before(self, head: Token) -> Speaker | None:
        """The body an earlier unnamed source came from, where its words were not read as
        that source's ("a source in Jaish al-Islam told The New Arab … “…” the source
        added", "A security source in Damascus confirmed the strikes. “…” the source
        said"): the last same noun of the last sentences that names its body."""
        lemma = head.lemma_.lower()
        if lemma not in _PART_NOUNS:
            return None
        since = _previous_sentences(self.bounds, head.i, _ISSUER_LOOKBACK)[-1][0]
        for t in reversed(self.doc[since : head.i]):
            if t.lemma_.lower() != lemma or t.pos_ != "NOUN" or _definite(t) or (
                    self.region[t.i] != self.region[head.i]):
                continue
            found = self._group_named_before(t) or self._state_body(t, _surface(t))
            if found is not None and found.name:
                return found
        return None

    def _quoted_source(self, head: Token) -> Speaker | None:
        """The body an outlet's unnamed source speaks for: "SANA said, quoting a government
        official" is the government named before (gold/GUIDE.md, an unnamed source
        inside an organisation speaks for it); None where the source names no body."""
        doc = self.doc
        end = min(len(doc), head.i + 8, self.bounds[head.i][1])
        quoting = next((t for t in doc[head.i + 1 : end] if t.lower_ == "quoting"), None)
        if quoting is None:
            return None
        for t in doc[quoting.i + 1 : min(len(doc), quoting.i + 6)]:
            if t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "VERB", "PUNCT"):
                return None
            if t.pos_ == "NOUN" and t.lemma_.lower() in _PART_NOUNS:
                for body in (*doc[quoting.i + 1 : t.i], t):
                    if body.i < t.i and body.pos_ not in ("NOUN", "PROPN"):
                        continue
                    inner = self._best_name(body) if body.i < t.i else None
                    inner = inner or self._group_named_before(body)
                    if inner is not None and inner.kind in _BODY_KINDS and inner.name:
                        return Speaker(inner.name, t.i, t.i + 1, inner.kind)
                return None
        return None

    def _outlet_beside(self, noun: Token) -> Speaker | None:
        """The outlet named right after a word for one, where the parse hung the name
        elsewhere: "according to Hezbollah's television station Al-Manar" is Al-Manar,
        not its owner."""
        if noun.lemma_.lower() not in _OUTLET_NOUNS:
            return None
        return self._named_after(noun, "outlet", within=3)

    def _holder_in(self, role: Token) -> Speaker | None:
        """The person a role's own phrase names after its body, the comma lost: "President
        of the Supreme Council Ahmad Nasser condemned …" is Ahmad Nasser, not the council."""
        lo, hi = _phrase(role)
        persons = [n for n in self.names if lo <= n.start and n.end <= hi and n.kind == "person"
                   and n.start > role.i and _rank(role, self.doc[n.start : n.end]) >= 1]
        if not persons:
            return None
        n = persons[0]
        return Speaker(n.name, n.start, n.end, n.kind)

    def _self_named(self, head: Token) -> Speaker | None:
        """The name a body gives itself, or goes by, in a clause on it: "the coalition, which
        calls itself Jaish al-Fatah" is Jaish al-Fatah; "the organisation known as the White
        Helmets" is the White Helmets."""
        for clause in (c for c in head.children if c.dep_ in ("relcl", "acl")):
            lemma = clause.lemma_.lower()
            if lemma in _SELF_NAMING:
                marker = next((c for c in clause.children if c.lower_ == "itself"), None)
            elif lemma == "know" and head.lemma_.lower() in _GROUP_NOUNS | _BACK_NOUNS:
                marker = next((c for c in clause.children if c.lower_ == "as"), None)
            else:
                continue
            if marker is None:
                continue
            nxt = marker.i + 1
            if nxt < len(self.doc) and self.doc[nxt].lower_ == "the":
                nxt += 1
            i = bisect_left(self._name_starts, nxt)
            for n in self.names[i : i + 2]:
                if n.start == nxt and n.kind != "place":
                    return Speaker(n.name, n.start, n.end, n.kind)
            if nxt < len(self.doc) and self.doc[nxt].pos_ == "PROPN":
                last = nxt
                while last + 1 < len(self.doc) and self.doc[last + 1].pos_ == "PROPN":
                    last += 1
                return Speaker(_clean(self.doc[nxt : last + 1].text), nxt, last + 1, "org")
        return None

    def _full_name_after(self, word: Speaker) -> Speaker | None:
        """The person's full name that a one-word "name" describes, written after it
        with only roles between: "said Welsh nationalist MP Hywel Williams" (the
        adjective "Welsh" tagged a person) is Hywel Williams."""
        doc = self.doc
        at = word.end
        while at < len(doc) and at - word.end < _ROLE_REACH and doc[at].pos_ in _ROLE_POS and (
                doc[at].is_lower or doc[at].lower_.rstrip(".") in titles()):
            at += 1  # "nationalist", "MP"; never a verb ("Cruz said both he and Rubio")
        if at == word.end:
            return None
        i = bisect_right(self._name_starts, at)
        for n in self.names[max(0, i - 2) : i + 1]:  # "MP Hywel Williams" may hold its title
            if word.end < n.start <= at < n.end and n.kind == "person" and (
                    len(name_words(n.name)) > 1):
                return Speaker(n.name, n.start, n.end, n.kind)
        return None

    def _name_beside(self, role: Token) -> Speaker | None:
        """A person's name written right after a role, where the parse lost the apposition.

        "According to the mayor, Karim Nassar, …" is often parsed with the name
        hanging elsewhere; a name that follows the role word, at most after a comma, is
        still the role's holder.
        """
        return self._named_after(role, "person", within=2)

    def _named_after(self, word: Token, kind: str, within: int) -> Speaker | None:
        """The name of ``kind`` that starts right after ``word`` (a comma may stand between),
        looked for among the next ``within`` names from there."""
        after = word.i + 1
        if after < len(self.doc) and self.doc[after].text == ",":
            after += 1
        i = bisect_left(self._name_starts, after)
        for n in self.names[i : i + within]:
            if n.start == after and n.kind == kind:
                return Speaker(n.name, n.start, n.end, n.kind)
        return None

    def _pronoun(self, pronoun: Token, want_person: bool | None = None) -> Speaker | None:
        """The person (he, she) or group (it, they) named last before ``pronoun``.

        Subjects win over other names in the same sentence, as "Kerry met Lavrov.
        He said" means Kerry. "It said" goes on with the organisation quoted last when
        it spoke in the last few sentences: news text names many places and groups
        between two statements of the same monitor or ministry. Without any name in
        the last few sentences, the last speaker of the same kind is taken.
        """
        if want_person is None:
            want_person = pronoun.lower_ in _PERSON_PRONOUNS
        gender = _PRONOUN_GENDER.get(pronoun.lower_)  # "she" is not the man named last
        sents = _previous_sentences(self.bounds, pronoun.i, _LOOKBACK_SENTENCES)
        if not want_person:
            recent = self._recent_body(pronoun, sents)
            if recent is not None:
                return Speaker(recent.name, pronoun.i, pronoun.i + 1, recent.kind)
        # "the Britain-based monitor": a noun's own words name no one it refers back to
        before = pronoun.i if pronoun.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS \
            else _phrase(pronoun)[0]
        for sent_start, sent_end in sents:
            end = min(sent_end, before)
            lo = bisect_left(self._name_starts, sent_start)
            hi = bisect_left(self._name_starts, end)
            cands = [
                n
                for n in self.names[lo:hi]
                if (n.kind == "person") == want_person
                and self.region[n.start] == self.region[pronoun.i]
                and not n.lone
                and self._fits(n.name, gender)
                and not (not self.metonyms.get(_place_key(n.name or ""))
                         and self._only_place(Speaker(n.name, n.start, n.end, n.kind)))
            ]
            if cands:
                # "X told Al Jazeera that Y was “a criminal”. “…,” he said": the person
                # whose words the sentence reports, not the subject of the reported clause
                quoted = [sp for at, sp in self.spoken if sent_start <= at < end
                          and sp.kind == "person" and sp.name
                          and self._fits(sp.name, gender)] if want_person else []
                if quoted:
                    return Speaker(quoted[-1].name, pronoun.i, pronoun.i + 1, "person")
                subjects = [n for n in cands if _is_subject(self.doc[n.start : n.end])]
                if before != pronoun.i:
                    # "… in Tabqa the Syrian Observatory said. “…” the London based monitor
                    # said": the body a noun refers back to is the one that spoke there
                    subjects = [n for n in cands if _says(self.doc, n)] or subjects
                best = (subjects or cands)[-1]
                return Speaker(best.name, pronoun.i, pronoun.i + 1, best.kind)
        spoken = self._last_spoken(want_person)
        if spoken is not None and self._fits(spoken.name, gender):
            return Speaker(spoken.name, pronoun.i, pronoun.i + 1, spoken.kind)
        return None

    def _recent_body(self, ref: Token, sents: list[tuple[int, int]]) -> Speaker | _Name | None:
        """What "it", "they" or "the group" goes on with: the body whose words were
        reported last in the last few sentences (``spoken``) or the body said to have said
        something there (``_body_said``), whichever is nearer ("The Al-Watan newspaper …
        reported Russian airstrikes. “…” it said" is the paper, not the monitor quoted two
        sentences before). "It" and a singular noun stand for a named body, never for
        unnamed people whose words were reported ("medical sources told SANA's reporter
        … the ISIL group claimed responsibility. … it said")."""
        named = ref.lower_ not in ("they", "them")
        spoken = self._last_spoken_at(False, sents[-1][0], named)
        said = self._body_said(ref, sents)
        if said is not None and (spoken is None or said.start > spoken[0]):
            return said
        return spoken[1] if spoken is not None else None

    def _body_said(self, ref: Token, sents: list[tuple[int, int]]) -> _Name | None:
        """The body that said something, quoted or not, in the last few sentences before
        ``ref`` ("… and rebels, the Syrian Observatory for Human Rights said. “…” on
        Saturday because they had fought Assad's forces, it said"): "it" or "the monitor"
        that speaks goes on with the body that spoke, not with a body named since."""
        before = ref.i if ref.lower_ in _GROUP_PRONOUNS else _phrase(ref)[0]
        for sent_start, sent_end in sents:
            lo = bisect_left(self._name_starts, sent_start)
            hi = bisect_left(self._name_starts, min(sent_end, before))
            said = [n for n in self.names[lo:hi]
                    if n.kind in ("actor", "org", "outlet") and n.name
                    and self.region[n.start] == self.region[ref.i] and _says(self.doc, n)]
            if said:
                return said[-1]
        return None

    def _fits(self, name: str | None, gender: str | None) -> bool:
        """Whether a person's name may be what a pronoun of ``gender`` stands for: a
        given name (resources/given_names.tsv) or a title in the text ("Ms. Khan") that
        says otherwise rules it out; a name that says nothing fits."""
        if gender is None or not name:
            return True
        words = [w.lower().rstrip(".") for w in _untitled(name).split()]
        if not words:
            return True
        known = given_names().get(words[0]) if len(words) > 1 else None
        known = known or self._titled.get(words[-1])
        return known is None or known == gender

    def _last_spoken(self, person: bool, since: int = 0) -> Speaker | None:
        """The last speaker of that kind whose words were reported at token ``since`` or later.

        A speaker named only by a common noun ("one activist in Douma") may be
        either: "He added" after "the activist told Reuters" is the activist.
        """
        found = self._last_spoken_at(person, since)
        return found[1] if found is not None else None

    def _last_spoken_at(self, person: bool, since: int = 0, named: bool = False,
                        ) -> tuple[int, Speaker] | None:
        """``_last_spoken`` with the token it spoke at; ``named``: only a speaker with a name."""
        for at, spoken in reversed(self.spoken):
            if at < since:
                return None
            if spoken.kind == "thing" or named and spoken.name is None:
                continue  # "the ground" tried as a speaker and found to name no one
            if spoken.kind == "other" or (spoken.kind == "person") == person:
                return at, spoken
        return None

    def _without_place(self, ent: Span) -> Span | None:
        """A name with the place before it taken off, where FA-KES lost the comma between
        them: "in Aleppo Ibrahim Abu Leith told", "of Tokhar Amnesty International said"
        (tagged one name): the leading words the annotate stage read as a place, after a
        preposition, when a name of two words or more that is no place is left."""
        doc = self.doc
        if ent.start == 0 or doc[ent.start - 1].pos_ != "ADP":
            return None
        cut = ent.start
        while cut < ent.end and self._place_word(doc[cut]):
            cut += 1
        rest = doc[cut : ent.end]
        if cut == ent.start or len(rest) < 2 or not rest[0].is_title or any(
                t.i in self._place_tokens for t in rest):
            return None
        return rest

    def _place_word(self, token: Token) -> bool:
        """A word the annotate stage read as a place, or a province, district or major city
        of the gazetteer (the annotate stage may have read it into a person's name)."""
        if token.i in self._place_tokens:
            return True
        if self.gazetteer is None or not token.is_title:
            return False
        found = self.gazetteer.candidates(token.text)
        return bool(found) and (found[0].precision in _LARGE_PLACES or (
            found[0].feature_code or "").startswith(("PPLA", "PPLC")))

    def _entity_names(self) -> list[_Name]:
        """spaCy's names, a person's short form ("Kerry") lengthened to its full name.

        Full names come from PERSON entities and from proper-noun entities of two or
        three words under another label, since the small model tags many unfamiliar
        person names as places or organisations ("Karim Nassar" as GPE).
        """
        fulls: dict[str, list[tuple[int, str]]] = {}  # surname key -> [(token start, name)]
        persons: dict[str, list[tuple[int, str]]] = {}  # the same, of PERSON entities only
        out = []
        for ent in self.doc.ents:
            kind = _ENTITY_KINDS.get(ent.label_)
            if kind is None or any(t.is_quote for t in ent):
                continue
            if kind == "person":
                fixed = _person_extent(ent)
                self._trimmed[(ent.start, ent.end)] = fixed.end
                ent = fixed
            placeless = self._without_place(ent)
            if placeless is not None:
                ent, kind = placeless, "person" if kind == "place" else kind
            text = _untitled(_clean(ent.text)) if kind == "person" else _clean(ent.text)
            key = name_key(text)
            if key and _full_name_like(ent, text, kind):
                fulls.setdefault(key, []).append((ent.start, " ".join(text.split())))
                if kind == "person":
                    persons.setdefault(key, []).append((ent.start, " ".join(text.split())))
            out.append((ent, kind, text, key))
        names = []
        for ent, kind, text, key in out:
            short = kind in ("person", "org") and key and len(name_words(text)) < 2
            full = _full_name(fulls.get(key, []), ent.start) if short else None
            if full is None and ent.label_ == "NORP" and key and len(name_words(text)) < 2:
                # a surname the small model tagged a nationality ("Hmeish added") is the
                # person named in full before ("said Yasser Hmeish")
                full = _full_name(persons.get(key, []), ent.start)
            if full is not None:
                names.append(_Name(ent.start, ent.end, full, "person"))
            else:
                lone = kind == "person" and len(name_words(text)) < 2 and not _introduced(ent)
                names.append(_Name(ent.start, ent.end, text, kind, lone))
        return names


def _titled_genders(doc: Doc) -> dict[str, str]:
    """Surnames the text writes after a title that gives a gender ("Ms. Khan": f)."""
    out: dict[str, str] = {}
    for t in doc[:-1]:
        gender = _TITLE_GENDER.get(t.lower_.rstrip("."))
        nxt = doc[t.i + 1] if doc[t.i + 1].text != "." else doc[min(t.i + 2, len(doc) - 1)]
        if gender and nxt.pos_ == "PROPN" and t.text[0].isupper():
            last = nxt
            while last.i + 1 < len(doc) and doc[last.i + 1].pos_ == "PROPN":
                last = doc[last.i + 1]
            out.setdefault(last.lower_, gender)
    return out


def _metonyms(ctx: DocContext) -> dict[str, str]:
    """The profile's country and capital names that stand for an actor (``metonym``)."""
    return {
        _place_key(alias.text): actor.canonical
        for actor in getattr(ctx.profile, "actors", ())  # a stand-in profile may have none
        for alias in actor.aliases
        if alias.metonym
    }


def _state_mentions(ctx: DocContext, starts: list[int], metonyms: dict[str, str]
                    ) -> list[tuple[int, str, bool]]:
    """Where the text names a state, in text order: (token index, the state's name as its
    actors end, "Syria" of "Military Forces of Syria", whether an actor names it), from
    the actor mentions of its government, military or police and from the place mentions
    standing for its government ("Russia", "Damascus")."""
    text = ctx.document.text
    out = []
    for m in ctx.mentions:
        canonical = None
        if m.kind == "actor" and isinstance(m.value, ActorRef):
            canonical = m.value.canonical
        elif m.kind == "place":
            canonical = metonyms.get(_place_key(text[m.span.start : m.span.end]))
        state = state_of(canonical) if canonical else None
        if state:
            out.append((bisect_left(starts, m.span.start), state, m.kind == "actor"))
    return sorted(out)


def _place_key(name: str) -> str:
    """A place's name folded for the metonym lookup; "U.S." and "US" alike."""
    return " ".join(name.casefold().replace(".", "").split()).removeprefix("the ")


def _person_extent(ent: Span) -> Span:
    """A person entity with the tagger's edge mistakes undone where commas are missing
    (as in many scraped wire texts): a surname left out that the name hangs on as a
    compound ("Sheikh Mohammed Reda Hatem a religious leader", tagged "Mohammed Reda"),
    and the first word of the next name taken in ("said Kenneth Roth Human Rights
    Watch's director", tagged "Kenneth Roth Human"), and a body's acronym with what
    follows it ("said Elizabeth Hoff WHO Representative in Syria", tagged through
    "Representative"); and the age written after a name without its commas ("Ahmed 24
    said", tagged "Ahmed 24")."""
    doc = ent.doc
    if len(ent) > 1 and ent[-1].like_num:
        return doc[ent.start : ent.end - 1]  # "Ahmed 24 said": the age after the name
    acronym = next((k for k, t in enumerate(ent) if k >= 2 and len(t) > 1 and t.is_alpha
                    and t.is_upper and all(u.is_title for u in ent[:k])), None)
    if acronym is not None:
        return doc[ent.start : ent.start + acronym]
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is None or nxt.pos_ != "PROPN" or not nxt.is_title or ent.text_with_ws[-1:] != " ":
        return ent
    outside = {t.head.i for t in ent if not ent.start <= t.head.i < ent.end}
    if outside == {nxt.i} and len(ent) < 4 and nxt.ent_type_ in ("", "PERSON"):
        return doc[ent.start : ent.end + 1]  # the whole name hangs on the next word
    last = ent[-1]
    if len(ent) >= 3 and last.is_title and last.head.i == nxt.i and len(outside) > 1:
        return doc[ent.start : ent.end - 1]  # the name ends before the last word
    return ent


def _fuller_persons(doc: Doc, names: list[_Name], entities: list[_Name]) -> list[_Name]:
    """A person's full name written where the annotate stage matched only part of it: "Dr
    Ammar al-Assad" is not Bashar al-Assad, whom the profile knows by "al-Assad";
    "Sheikh Mohammed Reda Hatem" is more than the "Mohammed Reda" matched in it."""
    out = list(names)
    for e in entities:
        if e.kind != "person" or len(name_words(e.name)) < 2:
            continue
        inside = [  # the partial matches it overlaps and runs past
            n for n in out
            if n.kind == "person" and n.start < e.end and e.start < n.end
            and (n.end < e.end or e.start < n.start)
        ]
        words = e.name.casefold().split()
        if not inside or any(w.rstrip(".") in titles() for w in words):
            continue
        if all(
            words[0] not in n.name.casefold()  # another given name
            or set(n.name.casefold().split()) < set(words)  # "Mohammed Reda" + " Hatem"
            for n in inside
        ):
            out = [n for n in out if n not in inside] + [e]
    return out


def _says(doc: Doc, n: _Name) -> bool:
    """Whether a name is the subject of a speech verb written right after it ("the
    Observatory said", "the group reported", "the Qatar Red Crescent Society (QRCS) has
    announced": its short form in brackets and auxiliaries may stand between)."""
    # "the Takfiri ISIL group claimed", "The Al-Watan newspaper which is close to the
    # regime reported": the name inside the subject of a speech verb, however far it is
    node = doc[n.end - 1]
    while node.dep_ in _NAME_DEPS and node.head.i != node.i and node.head.pos_ in (
            "NOUN", "PROPN"):
        node = node.head
    depth = 0
    for t in doc[n.end : n.end + 6]:
        if t.text in ("(", "["):
            depth += 1
        elif t.text in (")", "]"):
            depth = max(0, depth - 1)
        elif not (depth or t.is_punct or t.pos_ in ("AUX", "PART")):
            if t.pos_ == "VERB" and t.lemma_.lower() in speech_cues():
                subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
                # not "the regime" of "… newspaper which is close to the regime reported"
                if subject is None or subject.i == node.i or n.start <= subject.i < n.end:
                    return True
            break
    return node.dep_ == "nsubj" and node.head.pos_ == "VERB" and (
        node.head.lemma_.lower() in speech_cues())


def _given_named(doc: Doc, names: list[_Name], places: set[int]) -> list[_Name]:
    """Persons no tagger named, read off a given name (resources/given_names.tsv) that opens
    a run of proper nouns: "Mohammad Sibai a spokesman for … told", "Jan Egeland the UN
    special envoy … said", "Ahmed 24 said" in copy that lost its commas, where the small
    model tags no person and the phrase's head would otherwise go to the body named in
    its apposition, or to no one. A run that goes on a name before it ("Hama Abu …"),
    runs into a name already read, or is a place, a date or an organisation by the
    tagger is left alone."""
    covered = {i for n in names for i in range(n.start, n.end)}
    known = given_names()
    out = []
    i = 0
    while i < len(doc):
        t = doc[i]
        before = doc[i - 1] if i else None
        if not (t.pos_ == "PROPN" and t.is_title and t.lower_ in known and i not in covered
                and i not in places and t.ent_type_ not in _NOT_PERSONS) or (
                before is not None and before.pos_ == "PROPN" and before.text[:1].isupper()
                and before.lower_.rstrip(".") not in titles()):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end not in covered and end not in places and (
                _name_part(doc[end]) or doc[end].tag_ == "HYPH" and end + 1 < len(doc)
                and _name_part(doc[end + 1])) and not _named_for(doc[end]):
            end += 1
        while end - 1 > i and not doc[end - 1].text[:1].isupper():
            end -= 1  # "… bin" or a dash cut off by a name already read
        if end < len(doc) and _named_for(doc[end]):
            i = end + 1  # "Omran Daqneesh Street residents": a street named for a person
            continue
        if not any(k in covered for k in range(i, end)):
            out.append(_Name(i, end, _clean(doc[i:end].text), "person"))
        i = end
    return out


# Heads of places and bodies a person's name may stand before: "Omran Daqneesh Street",
# "Issam Fares Institute", "Abu Amara Brigade" name no person
_PLACE_ORG_HEADS = frozenset({
    "street", "road", "avenue", "square", "roundabout", "bridge", "market", "souq", "mosque",
    "church", "hospital", "school", "university", "college", "airport", "airbase", "stadium",
    "district", "neighbourhood", "neighborhood", "quarter", "camp", "station", "park", "gate",
    "port", "institute", "foundation", "centre", "center", "brigade", "brigades",
    "battalion", "battalions", "regiment", "division", "corps", "army", "front", "forces",
    "force", "militia", "movement", "party", "council", "committee", "ministry", "agency",
    "company", "group", "network", "observatory", "association", "society", "bank", "court",
    "guard", "union", "organisation", "organization", "fund", "trust", "library", "museum"})


def _named_for(token: Token) -> bool:
    """Whether a capitalised word heads a place or body a name before it stands in
    ("Street", "Institute", "Brigade"); a word the tagger makes a place or body already
    ends the run (``_name_part``), but may be the body the person speaks for ("Jan
    Egeland UN envoy")."""
    return token.text[:1].isupper() and token.lower_ in _PLACE_ORG_HEADS


def _name_part(token: Token) -> bool:
    """A word of a person's name after its given name: "Sibai", "al-Hamwi", "bin"."""
    return token.pos_ == "PROPN" and token.ent_type_ not in _NOT_PERSONS and (
        token.text[:1].isupper() or token.lower_ in _NAME_PARTICLES
        or token.lower_.startswith(("al-", "el-")))


def _names_run_on(doc: Doc, entities: list[_Name], mentioned: list[_Name]) -> list[_Name]:
    """A person's name that the tagger ran into the body named before it, the comma lost:
    "head of the Syrian Observatory for Human Rights Rami Abdel Rahman said" tagged one
    organisation. The words after the annotate stage's name of the body, two to four
    capitalised proper nouns up to the entity's end, are the person's."""
    out = []
    for e in entities:
        if e.kind == "person":
            continue
        ends = [m.end for m in mentioned if e.start <= m.start and m.end < e.end]
        if not ends:
            continue
        tail = doc[max(ends) : e.end]
        if 2 <= len(tail) <= 4 and all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                        and t.is_alpha for t in tail):
            out.append(_Name(tail.start, tail.end, _clean(tail.text), "person"))
    return out


def _base_of(doc: Doc, n: _Name) -> bool:
    """Whether a name only says where the speaker is based: "the Britain-based monitor",
    "the London based group" is the monitor named before, not Britain's government."""
    after = doc[n.end : n.end + 2]
    words = [t.lower_ for t in after if t.text not in ("-", "–")]
    return bool(words) and words[0] == "based"


def _words(doc: Doc, n: _Name) -> list[str]:
    return [t.lower_.removesuffix("s") if t.i == n.end - 1 and t.tag_ == "POS" else t.lower_
            for t in doc[n.start : n.end] if not (t.is_punct and t.text not in "-") and
            t.lower_ != "the" and t.tag_ != "POS"]


def _lengthened(doc: Doc, names: list[_Name]) -> list[_Name]:
    """A short form named by the full form written elsewhere in the article: "Abdel
    Rahman" as Rami Abdel Rahman, "Mohammed Reda" as Mohammed Reda Hatem, "the
    Observatory" as the Syrian Observatory for Human Rights (gold/GUIDE.md: the
    person's name as the article gives it in full, an organisation's canonical name).
    The short form's words must stand together in the full form's; the full form
    nearest before it wins, else the first after it."""
    surface = [_words(doc, n) for n in names]
    out = []
    for n, words in zip(names, surface, strict=True):
        if n.kind not in ("person", "org") or not words:
            out.append(n)
            continue
        # a one-word "person" is as often an organisation the tagger took for one
        # (a lone word, or one never written as part of a person's longer name: "said the
        # Observatory" after the Syrian Observatory for Human Rights)
        kinds = ("person",) if n.kind == "person" and not n.lone and len(words) > 1 else (
            "person", "actor", "org", "outlet") if n.kind == "person" else (
            "actor", "org", "outlet")
        fuller = [
            (m, w) for m, w in zip(names, surface, strict=True)
            if m.kind in kinds and m.name != n.name and (
                len(w) > len(words) and _contiguous(words, w)
                or doc[n.start : n.end].text.isupper() and _acronym(words, w)
            )
        ]
        if not fuller:
            out.append(n)
            continue
        persons = [(m, w) for m, w in fuller if m.kind == "person"]
        fuller = persons or fuller  # a one-word name is a person's before an organisation's
        before = [m for m, _ in fuller if m.start < n.start]
        best = before[-1] if before else fuller[0][0]
        out.append(_Name(n.start, n.end, best.name, best.kind, best.lone))
    return out


def _acronym(short: list[str], long: list[str]) -> bool:
    """"SAMS" for the Syrian American Medical Society named before it."""
    if len(short) != 1 or len(short[0]) < 3 or not short[0].isalpha():
        return False
    initials = "".join(w[0] for w in long if w not in _FUNCTION_WORDS)
    return len(long) >= 3 and initials == short[0]


def _contiguous(short: list[str], long: list[str]) -> bool:
    k = len(short)
    return any(long[i : i + k] == short for i in range(len(long) - k + 1))


def _introduced(ent) -> bool:
    """A one-word name the text shows is a person's: "a witness named Ahmad", "one
    resident, Omar," (so that a later "he" may stand for it)."""
    root = ent.root
    head = root.head.lemma_.lower()
    if root.dep_ in ("oprd", "dobj", "attr", "xcomp") and head in ("name", "call"):
        return True
    return root.dep_ == "appos" and (
        head in titles() or head in speaker_nouns() or head in PERSON_NOUNS)


def _full_name_like(ent, text: str, kind: str) -> bool:
    words = len(name_words(text))
    if kind == "person":
        return words >= 2
    return 2 <= words <= 3 and all(t.pos_ == "PROPN" for t in ent)


def _mention_names(ctx: DocContext, starts: list[int]):
    """Annotate-stage person and actor mentions as token ranges with canonical names, a
    person's as the article spells it in full (``_spelt_as_written``)."""
    written = _spelt_as_written(ctx)
    for m in ctx.mentions:
        if m.kind not in ("person", "actor") or not isinstance(m.value, ActorRef):
            continue
        lo = bisect_left(starts, m.span.start)
        hi = bisect_left(starts, m.span.end)
        if hi > lo:
            if m.kind == "person":
                yield (lo, hi), written.get(m.value.canonical, m.value.canonical), "person"
            else:
                yield (lo, hi), m.value.canonical, "actor"


_SPELLING_SCORE = 85.0  # rapidfuzz ratio of a transliteration ("Sergei" for "Sergey")


def _spelt_as_written(ctx: DocContext) -> dict[str, str]:
    """The profile's person names that the article writes in full in another spelling
    ("Sergei Lavrov" for the profile's Sergey Lavrov), to the article's spelling: the gold
    names a speaker "as the article gives it in full" (gold/GUIDE.md). Only a spelling: as
    many words, a letter more or less, the same initials; a fuller or shorter form of the
    name ("Bashar Assad" for Bashar al-Assad) keeps the profile's."""
    text = ctx.document.text
    out: dict[str, str] = {}
    for m in ctx.mentions:
        if m.kind != "person" or not isinstance(m.value, ActorRef):
            continue
        canonical = m.value.canonical
        surface = _untitled(" ".join(text[m.span.start : m.span.end].split()))
        words, names = surface.split(), canonical.split()
        if (canonical not in out and surface != canonical and len(words) == len(names) > 1
                and abs(len(surface) - len(canonical)) <= 1
                and [w[0] for w in words] == [w[0] for w in names]
                and fuzz.ratio(surface, canonical) >= _SPELLING_SCORE):
            out[canonical] = surface
    return out


def _full_name(fulls: list[tuple[int, str]], at: int) -> str | None:
    """The latest full name before token ``at``, else the first after it (text order)."""
    i = bisect_left(fulls, (at, ""))
    if i > 0:
        return fulls[i - 1][1]
    return fulls[0][1] if fulls else None


def _phrase(head: Token) -> tuple[int, int]:
    """Token range of the noun phrase around ``head``, without its clauses and conjuncts.

    Appositions stay ("the operations director of MSF, Isabelle Defourny") because
    they often carry the name itself.
    """
    cut = set()
    for child in head.children:
        if child.dep_ in _CUT_DEPS:
            cut.update(t.i for t in child.subtree)
    kept = [t.i for t in head.subtree if t.i not in cut]
    return min(kept), max(kept) + 1


def _rank(head: Token, name_tokens) -> int:
    """How a name hangs on the phrase's head: 3 is the head, 2 an apposition or compound of
    it, 1 another modifier or an "of"/"by" phrase ("director of MSF, Isabelle
    Defourny", where the parser hangs the name on MSF; "a statement by the ministry"),
    0 a possessor or anything else.
    """
    if any(t.i == head.i for t in name_tokens):
        return 3
    best = 0
    for t in name_tokens:
        node, via_of = t, False
        while node.head.i != node.i and node.i != head.i:
            if node.dep_ in ("poss", "case"):
                break
            if node.dep_ == "pobj":
                if node.head.lower_ not in _ROLE_PREPOSITIONS:
                    break
                via_of = True
            if node.head.i == head.i:
                direct = 2 if node.dep_ in _NAME_DEPS else 1
                best = max(best, 1 if via_of else direct)
                break
            node = node.head
    return best


def _is_subject(tokens) -> bool:
    root = tokens.root
    if root.dep_ in _SUBJECTS:
        return True
    return root.dep_ in ("appos", "compound") and root.head.dep_ in _SUBJECTS


def _previous_sentences(bounds: Bounds, i: int, n: int) -> list[tuple[int, int]]:
    """Token ranges of the sentence of token ``i`` and the ``n`` before it, nearest first."""
    out = [bounds[i]]
    while len(out) <= n and out[-1][0] > 0:
        out.append(bounds[out[-1][0] - 1])
    return out


def _surface(head: Token) -> Speaker | None:
    """A speaker that no name covers: an organisation by the phrase's own words ("the
    army" where no army was named); an unnamed person ("a Syrian general", "activists",
    "men") without a name, as the gold codes "a quote from an unnamed person" (speaker
    ``None``, the span still points at the phrase); any other noun ("the fighting")
    also without a name, as ``kind="thing"``, for the caller to try a better cue first.
    """
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    words = [c for c in head.lefts if c.dep_ in ("amod", "compound")] + [head]
    lemma = head.lemma_.lower()
    if lemma in _GROUP_NOUNS and head.pos_ == "NOUN":
        return Speaker(_clean(" ".join(w.text for w in words)), words[0].i, head.i + 1, "other")
    if lemma in _GROUP_NOUNS and head.pos_ == "PROPN":  # a name no tagger knew
        name = _proper_name(head)
        return Speaker(_clean(" ".join(t.text for t in name)), name[0].i, name[-1].i + 1, "org")
    person = lemma in titles() or lemma in speaker_nouns() or lemma in PERSON_NOUNS
    return Speaker(None, words[0].i, head.i + 1, "other" if person else "thing")


def _definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


def _proper_name(head: Token) -> list[Token]:
    """The capitalised words of an organisation's name around its head noun: "Syrian
    Observatory for Human Rights" from "Observatory"."""
    left = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    right: list[Token] = []
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
            words = sorted(prep.subtree, key=lambda t: t.i)
            if all(t.i == prep.i or t.pos_ == "PROPN" or t.lower_ == "and" for t in words):
                right = words
        break
    return [*left, head, *right]


def _untitled(name: str) -> str:
    """A person's name without the titles written before it ("Major-General Igor X")."""
    words = name.split()
    while len(words) > 1 and all(p.lower().rstrip(".") in titles() for p in words[0].split("-")):
        words = words[1:]
    return " ".join(words)


def _clean(text: str) -> str:
    """A name without emphasis marks, a leading "the", a trailing possessive or the
    opening of its short form in brackets that the tagger ran it into ("Qatar Red Crescent
    Society (QRCS")."""
    text = " ".join(text.replace("*", " ").replace("_", " ").split())
    opened = text.rfind("(")
    if opened > 0 and ")" not in text[opened:]:
        text = text[:opened].rstrip()
    if text.lower().startswith("the "):
        text = text[4:]
    for suffix in ("’s", "'s"):
        text = text.removesuffix(suffix)
    return text
