"""Finding event triggers in a sentence: the words that say something happened.

A trigger is a lexicon phrase matched on lemmas or lower-cased forms (the small
model leaves some irregular forms unlemmatised), outside the names of actors,
places and dates ("Free Syrian Army" is not a liberation). Weak triggers give
way to a stronger one in the same clause, so "attack" beside "shelling" or
"killing" beside "air strikes" does not make a second event.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from palmyra.annotate.countries import POLICE
from palmyra.extract.events.index import DocIndex, TokenMention
from palmyra.extract.events.lexicon import Lexicon, TriggerEntry
from palmyra.extract.events.syntax import (
    OBJECT_DEPS,
    acts_on,
    clause_tokens,
    clause_verb,
    is_verb,
    own_phrase,
    present_relative,
)
from palmyra.model import ActorRef

_NAME_KINDS = ("actor", "person", "place", "date")  # names a trigger cannot sit in
# Multi-word phrases are matched across hyphens: "air-strike" is three tokens.
_SKIPPED = frozenset({"-"})
_CONTROL_WORDS = frozenset({"control", "over"})
DISRUPTED = "disrupted"  # the family of weapons defused, intercepted, downed
_GROUND_PREPS = frozenset({"of", "from"})  # "control of X", "withdrew from X"
_OUT_PREPS = frozenset({"out", "away"})  # "pulled out of X", "away from X"
_PARTICLE_DEPS = frozenset({"prt", "advmod", "prep"})
# particles that make a verb of taking one of leaving: aircraft "took off from" a territory
_DEPARTURE_PARTICLES = frozenset({"off"})


@dataclass(frozen=True)
class Hit:
    """A matched trigger: the phrase's syntactic head and the lexicon entry."""

    token: Token
    start: int
    end: int
    entry: TriggerEntry

    @property
    def is_verb(self) -> bool:
        return is_verb(self.token)


def find_triggers(sent: Span, index: DocIndex, lex: Lexicon) -> list[Hit]:
    """Trigger hits of one sentence, in text order, weak ones already dropped where outranked."""
    hits: list[Hit] = []
    i = sent.start
    while i < sent.end:
        hit = _match_at(sent, i, index, lex)
        if hit is None:
            i += 1
            continue
        if all(h.token.i != hit.token.i for h in hits):  # "seized control": one hit
            hits.append(hit)
        i = hit.end
    return _drop_outranked([h for h in hits if not _handles_weapons(h, lex)
                            and not _names_ground(h, lex)], lex)


def _forms(token: Token) -> tuple[str, str]:
    return token.lower_, token.lemma_.lower()


def _match_at(sent: Span, i: int, index: DocIndex, lex: Lexicon) -> Hit | None:
    doc = sent.doc
    token = doc[i]
    if i in index.cited or index.mention_at(token, *_NAME_KINDS[1:]):
        return None
    for key in dict.fromkeys(_forms(token)):
        for entry in lex.triggers.get(key, ()):
            end = _phrase_end(sent, i, entry.words)
            if end is None and "particle" in entry.flags:
                end = _particle_end(token, entry.words)
            if end is None:
                continue
            head = doc[i:end].root
            if head.pos_ == "ADP":  # a phrase led by a preposition is its object's ("on fire")
                head = doc[end - 1]
            if "control_verb" in entry.flags:
                head = _control_verb(head, lex)
                if head is None:
                    continue
            if _inside_name(token, head, index):
                continue
            if entry.family == "territorial" and _exploited(head):
                continue
            if _pos_ok(head, entry) and _object_ok(head, entry, index, lex):
                return Hit(head, i, end, entry)
    return None


def _control_verb(noun: Token, lex: Lexicon) -> Token | None:
    """For ``control_verb`` triggers, the verb that gains the control the noun names:
    "established full control of the village", "control was established over the hills",
    "gained control of positions", "took complete control of the town" (the words between
    verb and noun keep the phrase lexicon's "took control" from matching). The control
    must be over something ("of", "over") and the verb one of gaining it (``control_verb``
    cues): "lost control", "under control" and "control of the border crossing remains
    with ..." tell no gain."""
    if noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "nsubjpass"):
        return None
    verb = noun.head
    if not is_verb(verb) or not lex.cue(verb, "control_verb"):
        return None
    if not any(c.dep_ == "prep" and c.lower_ in ("of", "over") for c in
               [*noun.children, *(verb.children if noun.dep_ == "nsubjpass" else ())]):
        return None
    return verb


def _inside_name(first: Token, head: Token, index: DocIndex) -> bool:
    """Whether the phrase is part of an actor's name ("Free Syrian Army").

    An actor mention headed by the trigger itself is an action named by its
    agent ("Russian air support"), which is kept.
    """
    tm = index.mention_at(first, "actor")
    return tm is not None and tm.root.i != head.i


def _phrase_end(sent: Span, i: int, words: tuple[str, ...]) -> int | None:
    """Token index after the phrase ``words`` starting at ``i``; ``None`` if it does not match."""
    j = i
    for n, word in enumerate(words):
        while n and j < sent.end and sent.doc[j].text in _SKIPPED:
            j += 1
        if j >= sent.end or word not in _forms(sent.doc[j]):
            return None
        j += 1
    return j


def _particle_end(token: Token, words: tuple[str, ...]) -> int | None:
    """For ``particle`` phrases ("hand over", "drive out"), the verb alone when its particle
    stands apart from it ("handed it over", "drove the militants out of the town")."""
    if len(words) != 2 or words[0] not in _forms(token):
        return None
    # "back" and "away" are often parsed as adverbs ("handed it back"), "out" as a preposition
    if any(c.dep_ in _PARTICLE_DEPS and words[1] in _forms(c) for c in token.children):
        return token.i + 1
    return None


def _pos_ok(head: Token, entry: TriggerEntry) -> bool:
    if entry.pos == "*":
        return head.pos_ in ("VERB", "NOUN", "PROPN", "ADJ")
    if entry.pos == "VERB":
        return head.pos_ == "VERB"
    return head.pos_ in ("NOUN", "PROPN")


def _object_ok(head: Token, entry: TriggerEntry, index: DocIndex, lex: Lexicon) -> bool:
    """For ``place_object`` triggers, whether what is taken is ground ("took three villages");
    for ``base_object`` ones, whether what is set up is a base ("set up a base"); for
    ``group_object`` ones, whether what is joined is an armed group ("joined the coalition");
    for ``no_object`` ones, that the verb takes no direct object; for ``acted_on`` ones, that
    it has one or is passive;
    for ``claim`` and ``crowd`` ones, whether the sentence tells a protest's demand or crowd;
    for ``agent`` ones, whether the trigger's own phrase names a chemical ("dropped canisters
    of chlorine") in a sentence naming no crowd (tear gas on protesters is riot control)."""
    if entry.family == _PROTEST and lone_protest(head, lex):
        return False
    if "no_object" in entry.flags and any(c.dep_ == "dobj" for c in head.children):
        return False  # "demonstrated insistence on pursuing the policy": showed, no protest
    if "acted_on" in entry.flags and head.pos_ == "VERB" and not acts_on(head):
        return False  # "rallied ..., dispersing peacefully": the protesters left, no one acted
    if "claim" in entry.flags and not any(lex.cue(t, "protest_claim") for t in head.sent):
        return False
    if "crowd" in entry.flags and not any(lex.cue(t, "crowd") for t in head.sent):
        return False
    if "agent" in entry.flags and (not any(lex.cue(t, "chemical") for t in own_phrase(head))
                                   or any(lex.cue(t, "crowd") for t in head.sent)):
        return False
    if "group_object" in entry.flags:
        objects = [c for c in head.children if c.dep_ in OBJECT_DEPS]
        objects += [_pobj(c) for c in head.children if c.dep_ == "prep" and c.lower_ == "into"]
        return any(index.mention_at(t, "actor") or lex.cue(t, "group_noun")
                   for o in objects if o is not None
                   for t in [o, *o.conjuncts, *(c for c in o.children if c.dep_ == "compound")])
    if "base_object" in entry.flags:
        # what is set up, or what a place is turned into ("turned the school into a base")
        objects = [c for c in head.children if c.dep_ in OBJECT_DEPS or c.dep_ == "nsubjpass"]
        objects += [_pobj(c) for c in head.children if c.dep_ == "prep" and c.lower_ == "into"]
        return not _shelter_camp(head, objects, lex) and any(
            lex.cue(t, "base_noun") for o in objects if o is not None
            for t in [o, *o.conjuncts, *(c for c in o.children if c.dep_ == "compound")])
    if "launched" in entry.flags:
        return _launched(head, lex) and _armed_campaign(head, index, lex)
    if "place_subject" in entry.flags:
        return _ground_subject(head, index, lex)
    if "warring_subject" in entry.flags:
        return _warring_subject(head, index)
    if "weapon_subject" in entry.flags:
        return _weapon_subject(head, lex)
    if "place_object" not in entry.flags or entry.words[-1] in _CONTROL_WORDS:
        return True
    if any(c.dep_ == "prt" and c.lower_ in _DEPARTURE_PARTICLES for c in head.children):
        return False  # "bombers that took off from Russian territory": a departure (issue 12)
    targets = [c for c in head.children if c.dep_ in OBJECT_DEPS or c.dep_ == "nsubjpass"]
    preps = [c for c in head.children if c.dep_ == "prep"]
    preps += [g for c in preps if c.lower_ in _OUT_PREPS for g in c.children if g.dep_ == "prep"]
    targets += [_pobj(c) for c in preps if c.lower_ in _GROUND_PREPS]
    if head.dep_ in ("acl", "amod"):
        targets.append(head.head)  # "the city, taken from Daesh"
    for target in targets:
        if target is None:
            continue
        # The object itself, its coordinates and compounds, and its "of" phrase
        # ("the vast majority of territory"), not every word below it.
        words = [target, *target.conjuncts, *(c for c in target.children if c.dep_ == "compound")]
        words += [w for c in target.children if c.dep_ == "prep" and c.lower_ == "of"
                  for w in [_pobj(c)] if w is not None]
        for t in words:
            if index.mention_at(t, "place") or (t.pos_ == "NOUN" and (
                    lex.cue(t, "territory") or lex.cue(t, "base_noun"))):
                return True
    return False


_PROTEST = "protest"
_ONE_SPEAKER_TAGS = frozenset({"NN", "NNP", "PRP"})
# verbs of a diplomatic protest: "lodged a protest", "voiced its protest"
_NOTE_VERBS = frozenset({"lodge", "file", "submit", "send", "deliver", "register", "voice",
                         "express"})


def lone_protest(head: Token, lex: Lexicon) -> bool:
    """A protest one speaker makes: "the ambassador protested against the sanctions",
    "Russia protested", "the ministry lodged a protest" is a diplomatic note or a
    remark, not a demonstration (ACLED codes a protest by a crowd). A crowd word
    ("crowd", "students") or a plural or counted subject is a demonstration."""
    if head.pos_ in ("NOUN", "PROPN"):
        return head.dep_ == "dobj" and head.head.lemma_.lower() in _NOTE_VERBS
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    if head.dep_ == "conj" and not subjects:  # "met and protested"
        subjects = [c for c in head.head.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(
        s.tag_ in _ONE_SPEAKER_TAGS and not s.conjuncts and not lex.cue(s, "crowd")
        and not any(c.like_num or c.tag_ == "CD" for c in s.children)
        and s.lower_ not in ("they", "we")
        for s in subjects)


def _shelter_camp(head: Token, objects: list[Token | None], lex: Lexicon) -> bool:
    """A camp set up for people fleeing the war, not an armed group's base: set up to shelter
    them ("camps have been set up to house them in Kurdish-controlled territory") or named for
    them ("a refugee camp", "camps for displaced families"). No armed group sets up a base
    "to house" anyone; a shelter noun on the camp says whose it is (issue 12)."""
    if any(c.dep_ in ("advcl", "xcomp") and lex.cue(c, "shelter_verb")
           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
           for c in head.children):
        return True
    for o in objects:
        if o is None:
            continue
        whose = [_pobj(c) for c in o.children if c.dep_ == "prep" and c.lower_ == "for"]
        words = [c for c in o.children if c.dep_ in ("compound", "amod", "nmod")]
        for w in whose:
            if w is not None:
                words += [w, *(g for g in w.children if g.dep_ in ("amod", "compound"))]
        if any(lex.cue(w, "shelter_noun") for w in words):
            return True
    return False


# prepositions of what lands on a place: a shell "fell on" a district, a city falls "to" a side
_LANDING_PREPS = frozenset({"on", "onto", "upon"})


def _ground_subject(head: Token, index: DocIndex, lex: Lexicon) -> bool:
    """For ``place_subject`` triggers, whether what fell is ground or a base ("the city fell"),
    not shells, barrel bombs or people ("barrel bombs fell on Saraqeb", "25 fell as martyrs").
    What falls on something ("a barrel containing chlorine fell on the Zubdiya neighbourhood",
    "Rockets were falling on the area") is a projectile whatever the parse makes its subject:
    ground falls to someone, on a day at most (issue 12). A participle's subject is the noun it
    describes ("these weapons falling in the wrong hands"). A subject the parse does not show
    ("areas that have fallen") is given the benefit."""
    if any(c.dep_ == "prep" and c.lower_ in _LANDING_PREPS and not _time_object(c, index)
           for c in head.children):
        return False
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if head.dep_ in ("relcl", "acl"):
        subjects = [head.head]
    if not subjects:
        return True
    for subject in subjects:
        words = [subject, *subject.conjuncts,
                 *(c for c in subject.children if c.dep_ in ("compound", "nmod"))]
        for t in words:
            if index.mention_at(t, "place") or t.pos_ == "PROPN" or (
                    t.pos_ == "NOUN" and (lex.cue(t, "territory") or lex.cue(t, "base_noun"))):
                return True
            if t.lower_ in ("that", "which") and head.dep_ == "relcl":
                return True
    return False


# actor kinds that wage war: a state's government or forces, an armed group
_WARRING_KINDS = frozenset({"state_forces", "government", "armed_group", "militia"})


def _warring_subject(head: Token, index: DocIndex) -> bool:
    """For ``warring_subject`` triggers, whether who acts is a state or an armed group ("since
    Moscow intervened", "Turkey, which intervened in 2016"), not police breaking up a brawl,
    a president settling a strike or a bank propping up its currency."""
    subjects = [c for c in head.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")]
    if not subjects:
        # "since its intervened": "it's" without its apostrophe, parsed as the verb's
        # possessive (a verb owns nothing, so "its" on one is the subject)
        subjects = [c for c in head.children if c.dep_ == "poss" and c.lower_ == "its"]
    if not subjects and head.dep_ in ("relcl", "acl"):
        subjects = [head.head]  # "Turkey, which intervened": the noun the clause describes
    elif not subjects and head.dep_ == "xcomp":
        subjects = [c for c in head.head.children if c.dep_ == "nsubj"]  # "vowed to intervene"
    for s in [g for c in subjects for g in (c, *c.conjuncts)]:
        tm = index.mention_at(s, "actor") or _pronoun_antecedent(s, index)
        ref = tm.mention.value if tm is not None else None
        if (isinstance(ref, ActorRef) and ref.kind in _WARRING_KINDS
                and not ref.canonical.startswith(POLICE)):
            return True
    return False


# "its": "it's" with its apostrophe lost, as FA-KES and other scraped copy lose them
# ("since its intervened", "Its been", "its going" in the gold articles): as a verb's
# subject (``_warring_subject``) it can only be "it has"/"it is", never the possessive
_ACTOR_PRONOUNS = frozenset({"it", "its", "they"})


def _pronoun_antecedent(subject: Token, index: DocIndex) -> TokenMention | None:
    """The actor a pronoun subject stands for: the subject of the clause its own clause hangs
    on ("Russia has not acknowledged any deaths since it intervened in Syria", "Since it
    intervened in Syria in 2015 Russia has not acknowledged ...", "Russian war planes have
    killed 4000 civilians since it first intervened")."""
    if subject.lower_ not in _ACTOR_PRONOUNS:
        return None
    for verb in subject.head.ancestors:
        for c in verb.children:
            tm = index.mention_at(c, "actor") if c.dep_ == "nsubj" else None
            if tm is not None:
                return tm
    return None


def _time_object(prep: Token, index: DocIndex) -> bool:
    """Whether the preposition's object is a date or a time ("fell on Saturday")."""
    obj = _pobj(prep)
    return obj is not None and (obj.ent_type_ in ("DATE", "TIME")
                                or index.mention_at(obj, "date") is not None)


_START_NOUNS = frozenset({"launch", "beginning", "start"})


def _launched(noun: Token, lex: Lexicon) -> bool:
    """For ``launched`` triggers, whether the operation or campaign the noun names is told
    starting (GUIDE: the launch of a named operation or campaign is a Change to
    group/activity): the object or subject of a ``launch_verb`` cue ("launched the Wrath of
    Euphrates operation", "an operation was launched", "the campaign began"), the "of"
    phrase of a start noun ("the launch of a major operation", "the beginning of their
    operations") or a noun a starting relative clause describes ("a campaign they started
    this month"). A campaign only named ("during the operation", "the Russian campaign")
    is told elsewhere or not at all; operations started ("started operations in Syria",
    "to launch military operations") are fighting, not one campaign's start."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in _START_NOUNS
    if noun.tag_ == "NNS":  # "started operations in Syria": fighting, not one campaign's start
        return False
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass") and is_verb(head):
        return lex.cue(head, "launch_verb")
    return any(c.dep_ == "relcl" and lex.cue(c, "launch_verb")
               and not any(g.dep_ == "dobj" for g in c.children) for c in noun.children)


# families of the triggers whose verb, as a campaign's goal ("an operation to retake the
# city"), makes it a military one
_GOAL_FAMILIES = frozenset({"territorial", "clash", "attack", "strike", "air", "bombard",
                            "shelling"})


def _armed_campaign(noun: Token, index: DocIndex, lex: Lexicon) -> bool:
    """Whether a campaign told starting is a military one, not a ministry's campaign to
    vaccinate children: its own words say so (``military_word`` or ``air`` cues: "a
    large-scale military operation", "an air war"), it is named ("the Wrath of Euphrates
    operation", "dubbed Operation Euphrates Shield"), it is waged against an armed group
    ("against IS") or its goal is taking ground or fighting ("an operation to retake")."""
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
    if any(lex.cue(t, "military_word") or lex.cue(t, "air") or t.pos_ == "PROPN"
           for t in mods):
        return True
    words = [t for t in noun.subtree if t.i != noun.i]
    launcher = noun.head if noun.dep_ in ("dobj", "nsubj", "nsubjpass") else None
    if launcher is not None:  # "launched an operation in Iraq to retake Mosul"
        words += [t for c in launcher.children if c.dep_ in ("xcomp", "advcl", "prep")
                  for t in c.subtree]
    for t in words:
        if t.pos_ == "PROPN" and t.head.i != noun.i and t.head.lemma_.lower() in (
                "dub", "call", "name", "operation"):
            return True  # "its operation dubbed Operation Euphrates Shield"
        if t.lower_ == "against" and any(index.mention_at(g, "actor") or lex.cue(g, "group_noun")
                                         for g in t.children if g.dep_ == "pobj"):
            return True
        if t.tag_ == "VB" and any(e.family in _GOAL_FAMILIES
                                  for e in lex.triggers.get(t.lemma_.lower(), ())):
            return True
    return False


def _weapon_subject(head: Token, lex: Lexicon) -> bool:
    """For ``weapon_subject`` triggers, whether what did it is an aircraft or a launched
    weapon ("warplanes hit rebel positions", "positions were hit by shells"): a common verb
    such as "hit" tells an attack only then (cars, storms and prices hit things too)."""
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    doers += [_pobj(c) for c in head.children if c.dep_ == "agent"]
    for doer in doers:
        if doer is None:
            continue
        # the doer's head noun itself: "an air strike hit ..." is told by its own noun
        if any(lex.cue(t, "air") or lex.cue(t, "artillery") for t in [doer, *doer.conjuncts]):
            return True
    return False


def _exploited(head: Token) -> bool:
    """A territorial verb "upon" (or a stranded "on"): "the loss was seized upon" exploits it.

    Ground is seized, not seized upon; an attack "fired upon" keeps its sense,
    so this is asked of territorial triggers only.
    """
    return any(c.dep_ in ("prep", "prt") and (c.lower_ == "upon" or (
        c.lower_ == "on" and _pobj(c) is None)) for c in head.children)


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _drop_outranked(hits: list[Hit], lex: Lexicon) -> list[Hit]:
    """Weak hits give way to a strong hit in their clause (a killing to any hit of the sentence
    but a deal it breaks: "killed by a sniper in the latest breach of the truce", unless it
    tells more dead at a place of its own after the attack's clause, ``_second_toll``).

    A strong hit in a present relative clause ("the militia, which controls the crossing,
    killed 13 residents") describes a group and outranks nothing."""
    hits = _disrupted_objects(hits)
    strong = [h for h in hits if "weak" not in h.entry.flags and not present_relative(h.token)]
    if not strong:
        return _one_kill_per_clause(hits, lex)
    kept = []
    for hit in hits:
        if "weak" not in hit.entry.flags:
            kept.append(hit)
            continue
        if hit.entry.family == "kill":
            if all(spurned_deal(h, lex) for h in strong) or _second_toll(hit, strong, lex):
                kept.append(hit)  # a killing is the fight or attack told, never a truce broken
            continue
        # a deal gives way to a stronger word of a deal only: "evacuated under a deal
        # reached between the regime and rebels" tells the evacuation and the deal
        rivals = [h for h in strong if hit.entry.family != _AGREEMENT
                  or h.entry.family == _AGREEMENT]
        strong_ids = {h.token.i for h in strong}
        clause = {t.i for t in clause_tokens(clause_verb(hit.token), strong_ids)}
        if not any(h.token.i in clause for h in rivals):
            kept.append(hit)
    return kept


_AGREEMENT = "agreement"


def second_toll(hit: Hit, lex: Lexicon) -> bool:
    """A killing verb whose subject counts more dead than those told before, at a place of its
    own: "six others were killed in a village near the city", "another 40 Daesh fighters were
    killed around the town of Abu Kamal"; or counts dead in a statement added to the one
    before ("the ministry said, adding some 40 IS fighters were killed around the town of
    Albu Kamal": what a source adds is news beside what it said, issue 18)."""
    verb = hit.token
    if not hit.is_verb or hit.entry.family != "kill":
        return False
    added = _added(verb)
    counted = any(c.dep_ in ("nsubjpass", "nsubj") and any(t.tag_ == "CD" for t in c.subtree)
                  and (added or any(_more_dead(t) for t in c.subtree)) for c in verb.children)
    places = [g for c in verb.children if c.dep_ == "prep" and lex.cue(c, "place_prep")
              and c.lower_ != "of" for g in c.children if g.dep_ == "pobj"
              and any(t.pos_ == "PROPN" or lex.cue(t, "place_noun") for t in g.subtree)]
    return counted and any(_own_place(g) for g in places)


def _own_place(pobj: Token) -> bool:
    """Whether the place a toll is told at is its own: not one whose every name the sentence
    gave before the toll ("struck rebel positions in Idlib ..., adding 12 civilians were
    killed in Idlib" is the strike's toll told again, not one more event)."""
    inside = list(pobj.subtree)
    names = {t.lower_ for t in inside if t.pos_ == "PROPN"}
    own = {t.i for t in inside}
    before = {t.lower_ for t in pobj.sent if t.i < pobj.i and t.pos_ == "PROPN"
              and t.i not in own}
    return not names or not names <= before


def _second_toll(hit: Hit, strong: list[Hit], lex: Lexicon) -> bool:
    """A killing told in a clause of its own after the attack's first toll ("15 civilians
    were killed in raids in Manbij while six others were killed in a village near the
    city"): no strong hit lies in its clause, and it has its own count and place, so it is
    one more event of the attack's kind at that place (GUIDE: one event per place hit),
    not the attack's toll told again."""
    if not second_toll(hit, lex):
        return False
    ids = {h.token.i for h in strong}
    clause = {t.i for t in clause_tokens(hit.token, ids)}
    return not any(h.token.i in clause or h.token.i > hit.token.i for h in strong)


def _added(verb: Token) -> bool:
    """Whether the verb is the reported clause of "adding (that)", a source's further
    statement."""
    return verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_ == "add" and (
        verb.head.tag_ == "VBG")


def _more_dead(t: Token) -> bool:
    """ "six others", "another 40", "six more": dead beyond those told before ("more than 15"
    counts those told)."""
    return t.lemma_.lower() in ("other", "another") or (
        t.lower_ == "more" and t.head.tag_ == "CD" and t.i == t.head.i + 1)


def spurned_deal(hit: Hit, lex: Lexicon, anchor: Token | None = None) -> bool:
    """ "dismissed the accord", "in the latest breach of the UN-brokered truce": a deal named
    with "the" that a word of spurning or breaking governs (the verb it is the object of, or
    the noun it is the "of" of, or the "to" of: "in a new breach to the cessation of
    hostilities") is one made before, not made now; unless a participle of its
    own tells its making ("the Riyadh Agreement signed in November 2019"). ``anchor``: the
    verb that reports the noun, when known."""
    noun = hit.token
    if hit.entry.family != _AGREEMENT or hit.is_verb or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return False
    if any(c.dep_ == "acl" and c.tag_ == "VBN" for c in noun.children):
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ in ("of", "to"):
        governor = noun.head.head
    else:
        governor = anchor if anchor is not None else noun.head
    return governor.i != noun.i and lex.cue(governor, "deal_breach")


def _handles_weapons(hit: Hit, lex: Lexicon) -> bool:
    """A weapon word naming who or what deals with weapons ("a bomb disposal squad", "rocket
    launchers"): a noun modifier of a weapon_handler noun, no weapon used."""
    t = hit.token
    return (t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN")
            and lex.cue(t.head, "weapon_handler"))


def _names_ground(hit: Hit, lex: Lexicon) -> bool:
    """An event noun that only names a stretch of ground after it ("the Golan Heights
    ceasefire line", "a truce zone", "an evacuation point"): a place, no occurrence (issue 12).
    The head noun carries the cue (``named_ground``)."""
    t = hit.token
    return (t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN") and t.head.i != t.i
            and lex.cue(t.head, "named_ground"))


def _disrupted_objects(hits: list[Hit]) -> list[Hit]:
    """A weapon that is the object of a disrupting verb ("dismantled an explosive charge")
    was not used: the verb's hit stands and the weapon's gives way to it."""
    disrupted = {c.i for h in hits if h.entry.family == DISRUPTED and h.is_verb
                 for c in h.token.children if c.dep_ in OBJECT_DEPS}
    return [h for h in hits if h.token.i not in disrupted]


def _one_kill_per_clause(hits: list[Hit], lex: Lexicon) -> list[Hit]:
    """Hits no strong hit outranks (weak ones, and strong ones a present relative clause
    tells): a killing told beside a clash or attack is that clash, not a second
    event; a killing of civilians beside a burning alone ("bandits killed 23 villagers and set
    homes ablaze") is the event, the burning its part (ACLED: an attack on civilians that
    destroys property is an Attack, not property destruction; issue 18). Fighters killed as
    their convoy is destroyed stay the destruction's, which the weapon re-types. A clash a
    present relative clause describes is not one ("which fight alongside the army"), and the
    killing stays beside it; so does one more toll at a place of its own (``_second_toll``:
    "... were destroyed in the area of Mayadeen, the ministry said, adding some 40 IS
    fighters were killed around the town of Albu Kamal")."""
    kills = [h for h in hits if h.entry.family == "kill" and _kills_civilians(h, lex)]
    others = [h for h in hits if h.entry.family != "kill"]
    if kills and others and all(h.entry.family == _LOOTING for h in others):
        return kills
    if others and all(present_relative(h.token) for h in others):
        return hits
    if not others:
        return hits
    return [h for h in hits if h.entry.family != "kill" or _second_toll(h, others, lex)]


def _kills_civilians(hit: Hit, lex: Lexicon) -> bool:
    """Whether a killing's direct object names civilians ("killed 23 villagers")."""
    return any(c.dep_ == "dobj" and (lex.cue(c, "civilian") or lex.cue(c, "noncombatant"))
               for c in hit.token.children)


_LOOTING = "looting"
