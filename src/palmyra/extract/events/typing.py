"""The ACLED type of a trigger once its clause and actors are known.

A trigger's own type is a default; ``event_retype.tsv`` refines a trigger
family from weapon cues in the clause ("suicide", "warplanes", "sarin") and
from who acts: the same "captured" is "Government regains territory" for a
state force and "Non-state actor overtakes territory" for a rebel group, a
"bombing" by a state force is an air strike, and a killing of civilians is
violence against civilians.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from palmyra.extract.events.lexicon import Lexicon
from palmyra.extract.events.merge import (
    _CITY_KM,
    AIR,
    EXPORTED,
    IED,
    OWN_PLACE_RULES,
    REMOTE,
    SHELLING,
    SUICIDE,
    Candidate,
    _km,
    _overlap,
)
from palmyra.extract.events.syntax import acts_on, own_phrase
from palmyra.extract.events.triggers import Hit
from palmyra.model import ActorRef

# Cue classes of the clause that re-type a trigger (event_retype.tsv): weapons, how a protest
# was met, what was seized or shot down, a peaceful handover.
TYPING_CUES = ("air", "suicide", "chemical", "artillery", "intervention", "lethal", "violent",
               "arms", "crewed", "peaceful", "military_target", "protest_word", "disappearance",
               "killing")
# Negated fighting words: "without a fight", "with no resistance" make a handover peaceful.
_WITHOUT = frozenset({"without"})
_NO = frozenset({"no"})
_AT = frozenset({"on", "at", "into", "upon"})  # "opened fire on", "fired into a crowd"
DEFAULT_STATE_KINDS = frozenset({"state_forces", "government", "militia", "police"})
CIVILIAN_KINDS = frozenset({"civilians"})


def event_type(
    hit: Hit,
    clause: list[Token],
    actor1: ActorRef | None,
    actor2: ActorRef | None,
    victims: Iterable[Token],
    lex: Lexicon,
    state_kinds: frozenset[str] = DEFAULT_STATE_KINDS,
) -> tuple[str, str]:
    """``(event_type, sub_event_type)`` for the trigger, after the first matching re-typing rule.

    A rule's cue is a cue class found in the clause, a resolved actor's side, or a cue class
    found in the doer's phrase (``by:CLASS``), among the trigger's objects (``obj:CLASS``) or
    anywhere below them (``objtree:CLASS``: "detained students who tried to march"), or in
    the trigger's own phrase (``own:CLASS``: "rockets loaded with a mustard agent"), or in
    the verb a weapon noun is the object of (``gov:CLASS``: "found and destroyed an IED"; with
    ``wgov:CLASS``, of the weapon a trigger word names the kind of: "destroyed 14 attack
    drones", not "foiled the attack"), or in the clause outside the doer's phrase
    (``rest:CLASS``: "militants destroyed masts" is no fight with militants), or in the
    doer's head noun and its modifiers (``doer:CLASS``: "troops fighting in the region
    seized the town", "captured by government forces", not "rebels fighting the army"), or
    in the clause a participle trigger hangs on (``main:CLASS``: "blew himself up, killing 11"),
    or anywhere below the trigger, its own subordinate clauses included (``tree:CLASS``:
    "withdrew as they faced a rebel counter-offensive").
    """
    # "a helicopter which was downed": a relative pronoun stands for the noun it follows
    victims = [hit.token.head if v.tag_ in _RELATIVE and hit.token.dep_ == "relcl" else v
               for v in victims]
    means = _other_means(hit.token)
    # each token's classes looked up once (not once a class): the same set
    cues = {c for t in clause if t.i != hit.token.i
            for c in lex.cue_classes(t).intersection(_TYPING_CUE_SET)
            if not _commodity(t, c, lex) and not (c in _MEANS and t.i in means)
            and not _self_done(t, c) and not _crew(t, c) and not _loose_drop(t, c, lex)}
    if _uncontested(clause, lex):
        cues.add("peaceful")
    doers = _doers(hit.token)
    scope = {"by": doers, "obj": [w for v in victims for u in (v, *_partitive(v))
                                  for w in (u, *u.conjuncts)],
             "objtree": [w for v in victims for w in v.subtree], "own": own_phrase(hit.token),
             "gov": _governors(hit.token),
             # "destroyed 14 attack drones": the verbs of the weapon the word is a kind of
             "wgov": _governors(hit.token.head) if hit.token.dep_ == "compound" and lex.cue(
                 hit.token.head, "munition") else [],
             "rest": [t for t in clause if t not in doers],
             "doer": _doer_heads(hit.token, doers), "main": _main_clause(hit.token),
             "tree": _below(hit.token), "norel": _outside_relatives(hit.token, clause)}
    for name, ref in (("actor1", actor1), ("actor2", actor2)):
        if ref is not None:
            cues.add(f"{name}:{'state' if ref.kind in state_kinds else 'nonstate'}")
    if (actor2 is not None and actor2.kind in CIVILIAN_KINDS) or any(
        lex.cue(t, "civilian") or lex.cue(t, "noncombatant")
        for t in (*victims, *_hit_people(hit.token),
                  *(_shot_in_passing(hit.token, lex) if ASSAULT in hit.entry.flags else ()))
    ):
        cues.add("actor2:civilian")
    else:
        # soldiers killed as houses burn, or kidnapped and then killed, were not attacked as
        # civilians: the burning or the abduction keeps its type
        cues.discard("killing")
    family, default = hit.entry.family, (hit.entry.event_type, hit.entry.sub_event_type)
    if ASSAULT in hit.entry.flags and not _taken(hit.token, lex):
        family, default = ASSAULT, CLASH
    for rule in lex.retypes.get(family, ()):
        where, _, cls = rule.cue.partition(":")
        if rule.cue in cues or (where in scope and any(
                lex.cue(t, cls) and not _commodity(t, cls, lex) for t in scope[where])):
            return rule.event_type, rule.sub_event_type
    return default


# An assault trigger ("stormed") is typed by the "assault" rules, a clash by default, unless
# its clause tells the place taken (issue 12).
ASSAULT = "assault"
CLASH = ("Battles", "Armed clash")


def _taken(trigger: Token, lex: Lexicon) -> bool:
    """Whether an assault's clause says the place was taken: "stormed an air base, capturing
    it", "stormed al-Nuhud, taking over the army garrison", "captured the base after
    storming it" (``_taking_verbs``). Storming a checkpoint and killing its soldiers takes
    nothing (GUIDE: an attack is a clash, not a capture, unless the text says the place was
    taken), nor does a "government-controlled checkpoint" or soldiers "who had taken cover".
    A storming those stormed gave the place up after ("troops began withdrawing from
    Debaltseve after separatists stormed the town") took it too (GUIDE: a forced withdrawal
    under attack is a place taken); stormers who withdrew after ("the gunmen withdrew after
    they stormed a checkpoint") took nothing."""
    up = trigger.head
    if up.i != trigger.i and any(lex.cue(v, "retreat_verb") and _others_gave_up(v, trigger)
                                 for v in (up, *(c for c in up.children if c.dep_ == "xcomp"))):
        return True  # "began withdrawing"
    return any(_takes(v, lex) for v in _taking_verbs(trigger))


# "took part", "took cover", "took hostages": a taking verb that takes no ground
_TAKES_NO_GROUND = frozenset({"part", "cover", "hostage", "hostages", "prisoner", "prisoners",
                              "captive", "captives", "place", "refuge", "shelter", "aim",
                              "responsibility", "photo", "photos", "picture", "pictures"})
_TAKING_LINKS = frozenset({"advcl", "xcomp", "conj"})


def _taking_verbs(trigger: Token) -> list[Token]:
    """The verbs that may tell what a storming took: the trigger's advcl, xcomp and conj
    clauses and theirs ("stormed the base, capturing it", "stormed and seized it", "moved
    to take over"), and the verb the storming is an advcl, conj or "after" phrase of
    ("captured the base after storming it")."""
    out = []
    todo = [c for c in trigger.children if c.dep_ in _TAKING_LINKS]
    while todo:
        v = todo.pop()
        out.append(v)
        todo.extend(c for c in v.children if c.dep_ in ("xcomp", "conj"))
    up = trigger.head
    if trigger.dep_ == "pcomp" and up.dep_ == "prep":
        up = up.head
    if up.i != trigger.i and (trigger.dep_ in _TAKING_LINKS or trigger.dep_ == "pcomp"):
        out.append(up)
    return out


def _takes(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb tells ground taken: a taking verb ("captured", "overran") or one
    taking control ("gaining control of it"), not "took part", "took cover"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "prt")]
    if lex.cue(verb, "taking"):
        return not any(o.lemma_.lower() in _TAKES_NO_GROUND for o in objects)
    return any(o.dep_ == "dobj" and o.pos_ in ("NOUN", "PROPN") and lex.cue(o, "taking")
               for o in objects)


_PRONOUNS = ("PRON",)


def _others_gave_up(retreat: Token, trigger: Token) -> bool:
    """Whether the side that withdrew is not the one that stormed: the retreat verb's
    subject (or its governing verb's: "troops began withdrawing") is named and differs from
    the storming's ("the gunmen withdrew after they stormed" is the stormers' own leaving)."""
    def subject(v: Token) -> Token | None:
        for w in (v, v.head if v.dep_ == "xcomp" else v):
            s = next((c for c in w.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if s is not None:
                return s
        return None
    gone, stormer = subject(retreat), subject(trigger)
    if gone is None or gone.pos_ in _PRONOUNS:
        return False
    if stormer is None:
        return True
    return stormer.pos_ not in _PRONOUNS and stormer.lemma_.lower() != gone.lemma_.lower()


_MEANS = frozenset({"air", "artillery"})
_FIRE = frozenset({"fire", "gunfire"})
_TYPING_CUE_SET = frozenset(TYPING_CUES)
_NOUNS = ("NOUN", "PROPN")


def _other_means(trigger: Token) -> set[int]:
    """The words of the means coordinated with the trigger: "aerial and artillery
    bombardments", "air strikes and surface-to-surface missiles", "air raids and artillery
    fire" tell two means, one event each (GUIDE), so "aerial" does not make the artillery an
    air strike."""
    top = trigger.head if trigger.dep_ == "compound" else trigger
    out: set[int] = set()
    if top.pos_ not in _NOUNS:  # a verb's conjunct is often a bad parse of a headline
        return out
    if trigger.dep_ == "nmod" and trigger.head.pos_ in _NOUNS:
        # "aerial, artillery and missile bombardment" (commas lost: "aerial artillery and
        # missile bombardment"): a means naming the kind of the bombardment is the second
        # means of its phrase; the other words of the phrase name the first
        out.update(t.i for t in trigger.head.subtree if t.i != trigger.i)
    for other in (*trigger.conjuncts, *(top.conjuncts if top is not trigger else ())):
        if other.pos_ not in (*_NOUNS, "ADJ"):
            continue
        out.update(t.i for t in other.subtree if t.dep_ in ("compound", "amod") or t is other)
    return out


def _commodity(token: Token, cls: str, lex: Lexicon) -> bool:
    """Whether a chemical word only names fuel or its works: "an oil and gas field", "a gas
    station" (a target or a trade, no chemical weapon); and whether an "exchange" is of
    anything but fire ("a prisoner exchange" is no fight, "an exchange of fire" is)."""
    if cls == "firefight" and token.lemma_.lower() == "exchange":
        return not any(p.lemma_.lower() in _FIRE for c in token.children
                       if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)
    if cls != "chemical":
        return False
    t = token
    while t.dep_ == "conj" and t.head.i != t.i:  # "oil and gas field": "gas" joins "oil"
        t = t.head
    return t.dep_ in ("compound", "amod", "nmod") and lex.cue(t.head, "commodity")


# People an air word can name the service of: "an air force pilot" is a person, no means.
_CREW = frozenset({"pilot", "officer", "commander", "colonel", "general", "crew",
                   "personnel", "spokesman", "chief"})


def _crew(token: Token, cls: str) -> bool:
    """Whether an air word only says whose service a person is in: "al-Nusra Front had
    executed an air force pilot" is an attack on the pilot, not an air strike."""
    if cls != "air":
        return False
    t = token
    while t.dep_ in ("compound", "amod", "nmod") and t.head.i != t.i:
        t = t.head
    return t.i != token.i and t.lemma_.lower() in _CREW


# What a drop from the air lets fall, or who lets it: a weapon, a barrel, a gas, an aircraft.
_DROP_CLASSES = ("munition", "air", "chemical", "artillery")
_DROP_LOAD = frozenset({"dobj", "nsubjpass"})
_DROP_DOER = frozenset({"nsubj", "agent"})


def _loose_drop(token: Token, cls: str, lex: Lexicon) -> bool:
    """Whether a "drop" is no drop from the air: "stopped to drop off supplies", "a drop in
    violence". "drop" tells an air strike only when what falls is a weapon ("dropped barrel
    bombs", "bombs dropped on the town", "dropped containers of toxic gas") or what lets it
    fall flies ("helicopters dropped ..."); the other air words of the clause still count."""
    if cls != "air" or token.lemma_.lower() != "drop":
        return False
    if token.pos_ != "VERB":
        return True
    parts = [c for c in token.children if c.dep_ in _DROP_LOAD | _DROP_DOER]
    if token.dep_ in ("acl", "relcl"):  # "bombs dropped by helicopters": the noun falls
        parts.append(token.head)
    words = [w for p in parts for w in p.subtree]
    words += [w for c in token.children if c.dep_ == "prep" and c.lower_ == "from"
              for w in c.subtree]  # "dropped from a helicopter"
    return not any(w.i != token.i and lex.cue(w, k) for w in words for k in _DROP_CLASSES)


def _self_done(token: Token, cls: str) -> bool:
    """Whether an intervention verb tells what the protesters did themselves, not what was
    done to them: "rallied outside the court, dispersing peacefully" (no object, active)
    is a peaceful protest; "police dispersed the crowd" and "they were detained" intervene."""
    return cls == "intervention" and token.pos_ == "VERB" and not acts_on(token)


def _partitive(noun: Token) -> list[Token]:
    """What a number stands for when it counts part of a whole: "destroyed 14 of 16
    Shahed drones", "shot down 12 of 13 drones" (the drones are the object)."""
    if noun.tag_ != "CD" and noun.lower_ not in ("most", "some", "all", "none", "several"):
        return []
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"]


def _hit_people(trigger: Token) -> list[Token]:
    """Whom a verb trigger hit where the parse gives no object: "opened fire on supporters",
    "fired into a crowd", and the subject the parser hangs on a following participle
    ("shot dead three shepherds grazing their sheep")."""
    out = [p for c in trigger.children if c.dep_ == "prep" and c.lower_ in _AT
           for p in c.children if p.dep_ == "pobj"]
    out += _shared_objects(trigger) + _shot_dead(trigger)
    return out + [s for c in trigger.children if c.dep_ in ("advcl", "ccomp", "xcomp")
                  for s in c.children if s.dep_ == "nsubj" and trigger.i < s.i < c.i]


_SHOOT = frozenset({"shot", "shoot", "shoots", "shooting"})
_PARTICIPLE_LINKS = frozenset({"advcl", "conj", "xcomp"})


def _shot_in_passing(trigger: Token, lex: Lexicon) -> list[Token]:
    """Whom the participles following an assault shot or killed: "stormed the village of
    Kazgil, shooting residents and burning the market, killing at least 38 people" (the
    storming is the attack on the residents, GUIDE: one-sided violence against civilians
    is an Attack); "stormed a checkpoint, shooting two soldiers" stays a fight."""
    out: list[Token] = []
    todo = [c for c in trigger.children if c.dep_ in _PARTICIPLE_LINKS and c.tag_ == "VBG"]
    while todo:
        v = todo.pop()
        if v.lower_ in _SHOOT or lex.cue(v, "killing"):
            out += [w for o in v.children if o.dep_ == "dobj" for w in (o, *o.conjuncts)]
        todo.extend(c for c in v.children if c.dep_ in _PARTICIPLE_LINKS and c.tag_ == "VBG")
    return out


_NP_END = frozenset({"ADP", "VERB", "AUX", "PUNCT", "CCONJ", "SCONJ"})


def _shot_dead(trigger: Token) -> list[Token]:
    """Whom "shot dead" killed, however the parse hangs the phrase ("a sniper shot dead a
    12-year-old child": an apposition; "gunmen ... shot dead a local imam": "dead" the
    root): the last noun of the words after "dead", before a preposition or a verb."""
    doc = trigger.doc
    k = trigger.i + 1
    if trigger.lower_ not in _SHOOT or k >= len(doc) or doc[k].lower_ != "dead":
        return []
    head = None
    for t in doc[k + 1:trigger.sent.end]:
        if t.pos_ in _NP_END and t.tag_ != "HYPH":
            break
        if t.pos_ in _NOUNS:
            head = t
    return [head] if head is not None else []


def _shared_objects(trigger: Token) -> list[Token]:
    """The object a verb trigger shares with the verb coordinated after it: "killed and
    crucified five civilians", "abducted and executed two shepherds" (the parse hangs the
    object on the last verb only)."""
    if trigger.pos_ != "VERB" or any(c.dep_ == "dobj" for c in trigger.children):
        return []
    return [o for v in trigger.conjuncts if v.pos_ == "VERB" and v.i > trigger.i
            for o in v.children if o.dep_ == "dobj"]


def _governors(trigger: Token) -> list[Token]:
    """The verb a noun trigger is the object of, with the verbs coordinated with it
    ("found and destroyed two roadside bombs"); a coordinated noun ("launchers and several
    rockets") is its first conjunct's."""
    t = trigger
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.tag_ == "CD":
        t = t.head.head  # "destroyed 14 of 16 drones": the number is the object
    if t.dep_ not in ("dobj", "nsubjpass"):
        return []
    verb = t.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return [verb, *verb.conjuncts]


_RELATIVE = frozenset({"WDT", "WP"})  # "that", "which", "who"


def _doers(trigger: Token) -> list[Token]:
    """The phrase of whoever does what a verb trigger tells: its subject, the agent of a
    passive ("beaten by a crowd"), or the subject of the verb it is coordinated with
    ("stormed the building and set it on fire"), or of the verb whose preposition it follows
    ("the regime dealt a blow by seizing Yabrud", "the sorties resulted in killing 17"); a
    noun trigger's, its verb's."""
    t = trigger
    for _ in range(3):  # a noun trigger ("set it on fire") is done by its verb's subject
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            break
        t = t.head
    for _ in range(4):
        subjects = [c for c in t.children if c.dep_ == "nsubj"]
        subjects += [p for c in t.children if c.dep_ == "agent"
                     for p in c.children if p.dep_ == "pobj"]
        if subjects and not (t.dep_ == "relcl" and all(s.tag_ in _RELATIVE for s in subjects)):
            return [w for s in subjects for w in s.subtree]
        if t.dep_ == "relcl":  # "air strikes that targeted two villages": the strikes do it
            return [t.head, *(c for c in t.head.children if c.dep_ in ("amod", "compound"))]
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.i != t.head.i:
            t = t.head.head  # "the sorties resulted in killing 17": the sorties do it
            continue
        if t.dep_ not in ("conj", "xcomp", "advcl") or t.head.i == t.i:
            break
        t = t.head
    return []


def _doer_heads(trigger: Token, doers: list[Token]) -> list[Token]:
    """The head nouns of the doer's phrase with their modifiers and conjuncts ("troops
    backed by militiamen": "troops"; "government forces": "forces", "government")."""
    ids = {t.i for t in doers}
    heads = [t for t in doers if t.head.i not in ids or t.head.i == t.i]
    out: list[Token] = []
    for h in heads:
        for n in (h, *h.conjuncts):
            out += [n, *(c for c in n.children if c.dep_ in ("amod", "compound", "poss"))]
    return out


def _main_clause(trigger: Token) -> list[Token]:
    """The clause a participle trigger follows, without the participle's own words: "a man
    wearing an explosive vest blew himself up outside a mosque, killing 11 people" (the
    killing is the bombing's)."""
    if (trigger.tag_ != "VBG" or trigger.dep_ not in ("advcl", "xcomp")
            or trigger.head.i == trigger.i):
        return []
    own = {t.i for t in trigger.subtree}
    return [t for t in trigger.head.subtree if t.i not in own]


def _uncontested(clause: list[Token], lex: Lexicon) -> bool:
    """Whether the clause says the ground changed hands without a fight ("without firing a
    shot", "with no resistance")."""
    for t in clause:
        if not lex.cue(t, "contest"):
            continue
        if any(c.lower_ in _NO for c in t.children if c.dep_ == "det"):
            return True
        for up in (t.head, t.head.head):
            if up.lower_ in _WITHOUT:
                return True
    return False


def _outside_relatives(trigger: Token, clause: list[Token]) -> list[Token]:
    """The clause less its relative clauses but the trigger's own: "took control of two
    areas, which are now secured after explosive devices and mines were removed" took
    ground, not mines (the relative clause tells of the places, GUIDE: mines cleared in
    ground just taken are part of the territory change)."""
    own = {t.i for t in trigger.ancestors} | {trigger.i}
    out = []
    for t in clause:
        up = t
        while up.dep_ != "relcl" and up.head.i != up.i:
            up = up.head
        if up.dep_ != "relcl" or up.i in own:
            out.append(t)
    return out


# Words under which what follows did not happen to the trigger's doer: "withdrew before any
# attack", "without an attack", "to avoid an assault".
_NOT_UNDER = frozenset({"before", "without", "avoid", "prevent", "ahead"})


def _below(trigger: Token) -> list[Token]:
    """The words below the trigger, its subordinate clauses included, less those under a
    word that says it did not happen to it ("withdrew before any attack")."""
    out = []
    for t in trigger.subtree:
        up = t
        while up.i != trigger.i and up.lower_ not in _NOT_UNDER and up.head.i != up.i:
            up = up.head
        if up.i == trigger.i:
            out.append(t)
    return out


WITHDRAWAL = "withdrawal"
REGAINS = "Government regains territory"
OVERTAKES = "Non-state actor overtakes territory"


def forced_withdrawal(family: str, event_type: str) -> bool:
    """Whether a withdrawal was re-typed a battle (``event_retype.tsv``: one under attack,
    "withdrew as they faced a rebel counter-offensive"): the side that withdrew read as its
    doer lost the place, so it is actor2 and the attacker actor1 (GUIDE: a forced withdrawal
    under attack is a territory taken)."""
    return family == WITHDRAWAL and event_type == "Battles"


def taken_by(kind: str | None, state_kinds: frozenset[str]) -> str:
    """The territory sub-type of a place taken by a side of this kind: a state force
    regains it, anyone else (or an attacker not named) overtakes it."""
    return REGAINS if kind in state_kinds else OVERTAKES


# How far back (in sentences) an air strike frames a bombing told without a doer.
FRAME_WINDOW = 2
# The means a paragraph's frame lends to a killing or attack told with no weapon and no doer.
_FRAMES = frozenset({AIR, SHELLING})
# Generic words of harm that name no means ("were killed", "targeted", "the attack"): not
# "shot", "opened fire" or "assault", which name how.
_GENERIC_HARM = frozenset({"kill", "attack", "target"})
_BATTLE_TYPES = frozenset({"Armed clash", "Attack"})
# The words that point back to an occurrence the reader was just told of: "the attack".
_POINTING = frozenset({"the", "this", "that", "these", "those"})


def frame_bombings(candidates: list[Candidate], doc: Doc, lex: Lexicon) -> None:
    """Type a bombing, killing or attack told with no weapon and no doer by the paragraph's
    frame (GUIDE: "targeted", "hit" with no weapon is typed by the article's frame): "the
    US-led coalition bombed Hanida" or "the bombing took place in al-Msheirfeh" right after
    an air strike is told is that air campaign's, not a planted bomb; "Nine civilians were
    killed in the Bustan al-Qasr neighbourhood" or "a deadly attack on an aid convoy took
    place" right after air strikes or shelling are told is that bombardment at one more place,
    not a clash. Only the verb "bomb" and a bare "bombing" are read so; a bomb that "exploded"
    or a "car bombing" keeps its own kind, and so do "shot", "opened fire" and a killing whose
    doer is named, or whose sentence names a ground force before it ("army units targeted
    ...", ``_force_before``). "The attack" (``_the_attack``) takes any means told just
    before it, a car bomb's, a suicide bombing's or a gas attack's, not only a
    bombardment's."""
    last: dict[int, Candidate] = {}  # paragraph -> its last remote-violence telling
    for cand in candidates:
        if cand.region != "body":
            continue
        frame = last.get(cand.paragraph)
        near = frame is not None and cand.sentence - frame.sentence <= FRAME_WINDOW
        if cand.event_type != REMOTE:
            if (near and frame is not None and cand.sub_event_type in _BATTLE_TYPES
                    and cand.actor1 is None):
                pointing = _the_attack(doc, cand)
                if not ((frame.sub_event_type in _FRAMES and _bare_harm(doc, cand, lex))
                        or (frame.modality in EXPORTED and pointing)):
                    continue
                cand.event_type, cand.sub_event_type = REMOTE, frame.sub_event_type
                # "the attack" points back to the frame's occurrence: the merge joins it there
                cand.anaphoric = cand.anaphoric or pointing
                last[cand.paragraph] = cand
            continue
        if (cand.sub_event_type == IED and cand.actor1 is None and _bare_bombing(doc, cand)
                and near and frame is not None and frame.sub_event_type == AIR):
            cand.sub_event_type = AIR
        last[cand.paragraph] = cand


# Places no bombardment is told at: a campaign's theatre ("began air strikes in Syria").
_THEATRES = frozenset({"country", "region", "admin1"})
_CAMPAIGN_FAMILIES = frozenset({"air", "strike", "bombard"})
CAMPAIGN = ("Strategic developments", "Change to group/activity")


def campaign_starts(candidates: list[Candidate], doc: Doc, lex: Lexicon) -> None:
    """A bombardment whose start is told, at no town and on no day ("Russia began air
    strikes last September", "launched air strikes in support of the regime in September"),
    is the start of a campaign (GUIDE: Russia's air campaign starting is a Change to
    group/activity), not one air strike; "launched air strikes on Raqqa on Monday" is one. A
    place the clause does not name (a dateline's, the paragraph's) is not the strikes'."""
    for cand in candidates:
        if _launched_campaign(cand, doc):
            # "launched an air war against IS in Syria": the campaign's target or no place
            if cand.place is not None and cand.place.precision == "country":
                cand.place = cand.place_text = cand.place_rule = cand.geo_precision = None
            continue
        if (cand.family not in _CAMPAIGN_FAMILIES or cand.event_type != REMOTE
                or not 0 <= cand.position < len(doc)):
            continue
        if (cand.place is not None and cand.place.precision not in _THEATRES
                and cand.place_rule in OWN_PLACE_RULES):  # not a dateline's or a paragraph's
            continue
        if cand.date is not None and cand.date.precision == "day":
            continue
        if any(lex.cue(v, "launch_verb") for v in _governors(doc[cand.position])):
            cand.event_type, cand.sub_event_type = CAMPAIGN
            if cand.place_rule not in OWN_PLACE_RULES:  # the campaign is told at no place
                cand.place = cand.place_text = cand.place_rule = cand.geo_precision = None


_TAKING_FAMILY = "territorial"


def campaign_aims(candidates: list[Candidate], doc: Doc, lex: Lexicon) -> None:
    """A taking told as the aim of a campaign launched ("launched an offensive to retake
    Manbij", "announced an operation to recapture east Aleppo", "waged an assault ... to
    recapture eastern Aleppo") is the launch of that campaign against the place (GUIDE: an
    offensive told starting, without its fighting, is a Change to group/activity), not a
    place taken: the taking is only planned, and was stored but not exported, while the
    launch happened. Its place is the campaign's target, the first named where it has several
    ("launched Euphrates Shield operation to clear the towns of Jarablus al Rai and al Bab":
    one launch, at Jarablus)."""
    aims: dict[int, list[Candidate]] = {}
    told = {c.position: c.modality for c in candidates}
    for cand in candidates:
        if (cand.family == _TAKING_FAMILY and cand.modality == "planned"
                and 0 <= cand.position < len(doc)
                and (launch := _campaign_aim(doc[cand.position], lex)) is not None
                and _launched_now(launch, told)):
            aims.setdefault(cand.position, []).append(cand)
    text = doc.text
    for told in aims.values():
        first = min(told, key=lambda c: _named_at(c, text))
        first.event_type, first.sub_event_type = CAMPAIGN
        first.modality = "attributed" if first.asserted_by else "asserted"
        for other in told:
            if other is not first:
                other.decision = "dropped"
                other.reason = "a campaign's further target: one launch, at the first place named"


def _named_at(cand: Candidate, text: str) -> int:
    """Where a candidate's place is first written in its evidence (its end where unnamed)."""
    at = text.find(cand.place_text, cand.evidence.start) if cand.place_text else -1
    return at if at >= 0 else cand.evidence.end


def _campaign_aim(verb: Token, lex: Lexicon) -> Token | None:
    """The verb launching a campaign that an infinitive of taking ("to retake X") tells the
    aim of: the infinitive hangs on the campaign noun ("an offensive to retake") or on the
    verb that launched it ("launched their own assault to recapture"), and that verb is one
    of launching; else ``None``."""
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    if lex.cue(head, "campaign_noun") and head.dep_ == "dobj":
        return head.head if lex.cue(head.head, "campaign_verb") else None
    if verb.dep_ in ("advcl", "xcomp") and lex.cue(head, "campaign_verb") and any(
            c.dep_ == "dobj" and lex.cue(c, "campaign_noun") for c in head.children):
        return head
    return None


def _launched_now(launch: Token, told: dict[int, str]) -> bool:
    """Whether the launch itself is told as having happened: not one planned, threatened or
    denied ("will launch an offensive to retake Mosul", "did not launch an offensive"), by
    the modality of the launch's own candidate where it has one, else by its grammar (a
    bare infinitive, a negation, "will"/"would")."""
    nouns = [c.i for c in launch.children if c.dep_ == "dobj"]
    for at in [launch.i, *nouns]:
        if at in told:
            return told[at] in EXPORTED
    return launch.tag_ != "VB" and not any(
        c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll")
        for c in launch.children)


# the nouns of the trigger lexicon's "launched" entries: an operation or campaign told starting
_CAMPAIGN_NOUNS = frozenset({"operation", "campaign", "intervention", "war"})


def _launched_campaign(cand: Candidate, doc: Doc) -> bool:
    return (cand.sub_event_type == CAMPAIGN[1] and cand.family == "group_change"
            and 0 <= cand.position < len(doc)
            and doc[cand.position].lemma_.lower() in _CAMPAIGN_NOUNS)


def _bare_harm(doc: Doc, cand: Candidate, lex: Lexicon) -> bool:
    """A generic killing or attack with no doer ("were killed", "the attack", "targeting
    insurgents" with no subject)."""
    t = _weak_harm(doc, cand)
    return (t is not None and t.lemma_.lower() in _GENERIC_HARM and not _doers(t)
            and not _force_before(t, lex))


_FORCE_CUES = ("state_force", "ground_force")
_FAR_MEANS = ("air", "artillery")


def _force_before(trigger: Token, lex: Lexicon) -> bool:
    """Whether the trigger's sentence names a ground force before it, as a doer the parse
    did not hang on the trigger: "In Aleppo city army units targeted terrorist sites ...
    killing a number of terrorists" ("units" read as the object of "In"), "the army men
    stormed ISIS gatherings in the villages of ... on Tuesday killing or wounding a large
    number of militants" ("killing" read as the object of "on"). Troops told doing it fight
    on the ground (GUIDE: typed by the doer's means), so a bombardment told just before does
    not make it one more strike. Not a force word that only qualifies something else
    ("regime bombardment", "government-held"), one whose phrase names aircraft or guns
    ("the army's air force"), nor a force that only says it ("the army said")."""
    for w in trigger.sent:
        if w.i >= trigger.i:
            return False
        if w.pos_ not in _NOUNS or not any(lex.cue(w, c) for c in _FORCE_CUES):
            continue
        head = w.head if w.dep_ in ("compound", "amod", "nmod") else w
        phrase = [head, *(c for c in head.children if c.dep_ in ("compound", "amod", "nmod",
                                                                  "poss"))]
        if (head.pos_ not in _NOUNS or (head is not w and _names_event(head, lex))
                or any(lex.cue(t, c) for t in phrase for c in _FAR_MEANS)
                or (head.dep_ == "nsubj" and lex.cue(head.head, "speech_verb"))
                or head.dep_ in _VICTIM_DEPS):
            continue  # "seven soldiers were killed": the soldiers are hit, not the doers
        return True
    return False


_VICTIM_DEPS = frozenset({"nsubjpass", "dobj"})


def _names_event(token: Token, lex: Lexicon) -> bool:
    """Whether a noun is a trigger word of the lexicon ("bombardment", "shelling")."""
    return bool(lex.word_triggers(token))


def _weak_harm(doc: Doc, cand: Candidate) -> Token | None:
    """The token of a weak killing or attack trigger, the only kind a frame can re-type."""
    if cand.family not in ("kill", "attack") or not cand.weak or not 0 <= cand.position < len(doc):
        return None
    return doc[cand.position]


def _the_attack(doc: Doc, cand: Candidate) -> bool:
    """ "the attack", "this attack" (or a generic verb it does: "the attack targeted ...",
    "the attack killed 16"): a noun that names no means and points back to the occurrence
    just told, whatever its means (a car bomb, a suicide bombing, a gas attack): "killed in
    a car bomb attack in the south of the country ... The attack targeted a ribbon-cutting
    ceremony ... in Inkhil" is that bombing, not a clash of its own."""
    t = _weak_harm(doc, cand)
    if t is None:
        return False
    if t.pos_ == "VERB" and t.lemma_.lower() in _GENERIC_HARM:
        t = next((c for c in t.children if c.dep_ == "nsubj"), t)
    return t.pos_ == "NOUN" and t.lemma_.lower() == "attack" and any(
        c.dep_ == "det" and c.lower_ in _POINTING for c in t.children)


def _bare_bombing(doc: Doc, cand: Candidate) -> bool:
    if cand.family != "explosive" or not 0 <= cand.position < len(doc):
        return False
    t = doc[cand.position]
    if t.lemma_.lower() == "bomb" and t.pos_ == "VERB":
        return True
    return (t.lower_ == "bombing"
            and not any(c.dep_ in ("compound", "amod", "nmod") for c in t.children))


# Words that tell a blast and name no device ("an explosion", "the blast went off").
_BLAST_WORDS = frozenset({"explosion", "blast", "explode", "bombing"})


def suicide_blasts(candidates: list[Candidate], doc: Doc, lex: Lexicon) -> None:
    """Type a blast told with no weapon of its own as the suicide bombing the article
    tells at the same place and time (issue 12): "An explosion at a mosque in Ariha killed
    25 ... a suicide bomber blew himself up", "A suicide car bomb hit a convoy ... The
    explosion took place at a transit point in Rashideen". A blast word types no device
    (it keeps the family's default, a planted bomb), so the bomber named in another
    sentence, before or after, tells what it was. A bomb named by its device ("a roadside
    bomb", "a car bomb"), a blast at another place or on another day keeps its own kind.

    A bomber told at a place its own clause does not name (the paragraph's, the
    narrative's: "the attack which pro-Damascus media said was carried out by a suicide car
    bomber") is told at no place of its own, so it does not set the blast apart. Where the
    article tells a single blast and names a suicide bomber only in passing ("There was
    another man in the car with the suicide bomber", a bomber no event was read for), that
    bomber is the blast's."""
    blasts = [c for c in candidates if c.sub_event_type == IED and c.family == "explosive"
              and c.modality in EXPORTED and _bare_blast(doc, c)]
    if not blasts:
        return
    bombers = [c for c in candidates if c.sub_event_type == SUICIDE and c.modality in EXPORTED]
    if not bombers:
        if _one_blast(blasts, candidates) and _names_suicide(doc, lex):
            for cand in blasts:
                cand.sub_event_type = SUICIDE
        return
    for cand in blasts:
        if any(_same_occasion(cand, b, own_place=True) for b in bombers):
            cand.sub_event_type = SUICIDE


def _one_blast(blasts: list[Candidate], candidates: list[Candidate]) -> bool:
    """Whether the article's blasts are one occasion, and no bomb it tells is named by its
    device ("a car bomb" is no suicide bombing)."""
    if any(c.sub_event_type == IED and c.modality in EXPORTED and c not in blasts
           for c in candidates):
        return False
    return all(_same_occasion(a, b) for a in blasts for b in blasts)


def _names_suicide(doc: Doc, lex: Lexicon) -> bool:
    """Whether the article names a suicide bombing or bomber anywhere."""
    return any(lex.cue(t, "suicide") for t in doc)


# Words that make a blast's modifier name its device ("a car bomb blast", "a roadside
# blast", "a mortar blast"); "a bomb blast", "a bus blast" name none.
_DEVICE_KINDS = frozenset({"car", "truck", "vehicle", "van", "tanker", "roadside", "motorcycle",
                           "motorbike", "bicycle", "parcel", "letter", "barrel", "mine",
                           "landmine", "ied", "grenade", "mortar", "rocket", "shell", "cluster",
                           "magnetic", "sticky", "booby"})


def _bare_blast(doc: Doc, cand: Candidate) -> bool:
    """Whether a blast word names no device: "an explosion", "a bomb blast" and "a bus
    blast" (what blew up is not told) may be the suicide bombing the article tells, not "a
    car bomb blast" or "a roadside blast"."""
    if not 0 <= cand.position < len(doc):
        return False
    t = doc[cand.position]
    if (t.lemma_.lower() == "bomb" and t.dep_ == "compound"
            and t.head.lemma_.lower() in _BLAST_WORDS and t.head.tag_ != "NNS"):
        # "a bomb blast": the blast's word, unless a device names the bomb ("a car bomb blast")
        return not any(w.lemma_.lower() in _DEVICE_KINDS for w in t.subtree)
    # "a series of blasts" is several; "a bombing with an explosive device" names its device
    return (t.lemma_.lower() in _BLAST_WORDS and t.tag_ != "NNS"
            and not any((c.dep_ == "prep" and c.lower_ == "with")
                        or (c.dep_ in ("compound", "nmod") and any(
                            w.lemma_.lower() in _DEVICE_KINDS for w in c.subtree))
                        for c in t.children))


def _same_occasion(cand: Candidate, other: Candidate, own_place: bool = False) -> bool:
    """The same or a nearby place (or one told at none), and dates that overlap (or one
    undated). With ``own_place``, ``other``'s place counts only where its own clause names
    it."""
    if own_place and other.place_rule not in OWN_PLACE_RULES:
        return _overlap(cand.date, other.date)
    if (cand.place is not None and other.place is not None and cand.place_key != other.place_key
            and _km(cand.place, other.place) > _CITY_KM):  # a city and its outskirts are one
        return False
    return _overlap(cand.date, other.date)
