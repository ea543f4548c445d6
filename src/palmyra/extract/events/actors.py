"""Who acted and who was acted upon: actor1 and actor2 from the parse around a trigger.

actor1 is the subject of an active trigger verb, the ``by`` agent of a passive
one, the possessor or modifier of a trigger noun ("Russian air strikes"), and
the ``to`` phrase of a loss ("lost Palmyra to ISIS"); actor2 is the object,
the ``from``/``against``/``on`` phrase, the subject of a passive or of a loss.
When the parse gives no actor1, the helpers named in a support phrase
("thanks to X", "backed by X") stand in, preferring the state's own forces in
their own country, then the nearest actor named earlier in the clause.
Only ``actor`` mentions count: a person ("Kerry announced") is a speaker, not
a party.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from palmyra.annotate.countries import (
    FORCES,
    GOVERNMENT,
    Country,
    code_of,
    code_of_demonym,
    countries,
)
from palmyra.annotate.descriptors import DESCRIPTOR_DEFAULT
from palmyra.annotate.generic_actors import event_country
from palmyra.annotate.unlisted_places import PLACE_NOUNS
from palmyra.extract.events.counts import CountHit
from palmyra.extract.events.index import DocIndex, TokenMention
from palmyra.extract.events.lexicon import Lexicon, lexicon
from palmyra.extract.events.merge import EXPORTED, Candidate
from palmyra.extract.events.model import MODEL_FAMILY
from palmyra.extract.events.syntax import SUBJECT_DEPS, is_passive, is_verb
from palmyra.extract.events.triggers import Hit
from palmyra.model import VIOLENT_TYPES, ActorRef, DateValue, Event, PlaceRef, Register
from palmyra.profiles import ActorEntry, Profile

_PRONOUNS = frozenset({"it", "they", "we", "its", "their", "our"})
_AIM_VERBS = frozenset({"target", "hit", "strike", "attack"})
_PART_PREPS = frozenset({"including", "among"})
# Trigger nouns naming who acted: "a bomber from X" is one of X
_AGENT_NOUNS = frozenset({"bomber", "bombers", "attacker", "attackers", "gunman", "gunmen",
                          "sniper", "snipers", "assailant", "assailants"})
_NOUN_ACTOR_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})
_TARGET_PREPS = frozenset({"against", "on", "upon"})
# Nouns that count a trigger noun: "a series of airstrikes", "a wave of attacks"
_COUNTERS = frozenset({"series", "wave", "string", "spate", "round", "barrage", "volley",
                       "salvo", "flurry"})
_PAIR_FAMILIES = frozenset({"agreement", "clash"})
# Families whose object is a place or a thing taken, not a party: a name there that the
# text gives no arms and no profile knows is a building, a bank, a village tagged ORG.
_HELD_FAMILIES = frozenset({"territorial", "looting", "withdrawal"})


@dataclass(frozen=True)
class Actors:
    actor1: ActorRef | None
    actor2: ActorRef | None
    rule: str


def resolve_actors(
    hit: Hit, clause: list[Token], place: PlaceRef | None, index: DocIndex, lex: Lexicon
) -> Actors:
    if hit.entry.family == MODEL_FAMILY:
        hit = _told_act(hit, index, lex)
    finder = _Finder(index, lex, hit)
    a1, a2, rule = finder.roles()
    if a1 is not None and _violent(hit) and _victim(a1, lex):
        # "Nine civilians were killed in rebel shelling", "civilians had died in Douma":
        # civilians never wage armed violence (no gold event codes them as its actor1);
        # the subject of the casualty verb suffered it, and the side is sought elsewhere
        a1, a2 = None, a2 or a1
    if a1 is None and hit.entry.family == "evacuation" and a2 is not None and _civilian(a2):
        # "evacuating residents of Fua": gold/GUIDE.md codes the side evacuated as actor1
        a1, a2 = a2, None
    if a1 is None and a2 is None and _names_target(hit.token, lex):
        owner = hit.token.head  # "struck Islamic State artillery positions": IS was hit
        a2 = next((tm for tm in index.mentions_in(list(owner.subtree), "actor")
                   if tm.end <= hit.token.i), None)
    side: ActorRef | None = None
    # "by either Russian or regime warplanes": a guess between two sides names neither
    guess = a1 is not None and _first_of_pair(a1.start, index, a2) == (None, None)
    if guess:
        a1 = None
    elif a1 is not None and (a1.start < hit.token.i or _agent(a1)) and (
            rule == "noun" or (rule == "verb" and hit.entry.family not in _PAIR_FAMILIES)):
        # "regime and Russian bombings": the first of the sides joined before the noun;
        # "Regime and Russian forces have intensified aerial bombardment": before the verb;
        # "aerial bombing of Aleppo by regime and Russian forces": in its "by" agent
        a1, side = _first_of_pair(a1.start, index, a2) or (a1, None)
    if a1 is None and side is None and not guess and hit.entry.family in _PAIR_FAMILIES:
        # "clashes that erupted ... between X and Y": the relative clause holds the pair
        clauses = [c for c in hit.token.children if c.dep_ in ("relcl", "acl") and is_verb(c)]
        # "fighting erupted during the night between X and Y": the parser hangs the pair
        # on a nearby noun; any "between" phrase of the clause names the two sides
        pairs = [t.head for t in clause if t.dep_ == "prep" and t.lower_ in ("between", "among")]
        for head in (hit.token, finder.verb, *clauses, *pairs):
            if a1 is None and head is not None:
                a1, a2 = finder.between(head, a2)
                rule = "between" if a1 else rule
    if a1 is None and side is None and not guess:
        a1, side = _side_before(hit, index, lex, a2)
        rule = "side_before" if a1 or side else rule
    if a1 is None and side is None and not guess:
        a1, side = _weapon_side(hit, clause, index, lex, a2, finder)
        rule = "weapon_side" if a1 or side else rule
        if a1 is not None and a1 is a2:
            a2 = None
    if a1 is None and side is None and not guess:
        a1 = _violence_by(hit, index, lex, a2, finder)
        rule = "violence_by" if a1 else rule
    if a1 is None and side is None and not guess:
        a1 = _toll_agent(hit, finder)
        rule = "toll_agent" if a1 else rule
    if a1 is None and side is None and not guess and "air" in hit.entry.flags:
        a1 = _air_power(clause, index, lex)
        rule = "air_power" if a1 else rule
    if a1 is None and side is None and not guess:
        a1 = _support(hit, place, finder)
        rule = "support" if a1 else rule
    if a1 is None and side is None and not guess:
        a1 = _earlier_in_clause(hit, clause, index, a2)
        rule = "clause" if a1 else rule
    if a1 is not None and _witness(a1, lex):
        a1 = None  # "Warplanes hit the town, residents said": the witnesses did not strike
    if a1 is not None and _sponsor(a1, holders=True):
        # "fresh air strikes and artillery fire on rebel-held areas", "struck a town in
        # opposition-held western Aleppo": the holder of the place hit is where the act
        # fell, never who acted
        a1 = None
    if a2 is None and hit.entry.family in _PAIR_FAMILIES:
        a2 = _second_party(hit, clause, index, a1)
    if a2 is None:
        a2 = _casualties(hit, index, lex, a1)
    if hit.entry.family == "clash":
        a1, a2 = _foe(hit, index, lex, finder, a1, a2)
    if a1 is not None and _first_of_pair(a1.start, index, a2) == (None, None):
        a1, guess = None, True  # a later rule found one side of the guess
    ref1, ref2 = _affiliation(_first_named(a1, index), index) or side, _first_named(a2, index)
    if ref1 is None and side is None and not guess:
        # "a strike by Ukrainian rocket launchers": a side's word on the weapons
        by = finder.prep_object(hit.token, "by") or finder.prep_object(finder.verb, "by")
        if by is not None and any(lex.cue(t, c) for t in by.subtree for c in ("air", "artillery")):
            ref1 = _modified_side(by, index)
    if ref2 is None:
        # "air strikes on Houthi positions": the side whose positions were hit
        head = hit.token if not hit.is_verb else None
        target = (finder.prep_object(head, *_TARGET_PREPS) if head is not None else
                  next((c for c in hit.token.children if c.dep_ == "dobj"), None))
        if target is None and finder.verb is not None:
            # "the army responded with air strikes on terrorists' positions", "warplanes
            # hit militants positions": the frame verb's object or its weapon's target
            target = next((c for c in finder.verb.children if c.dep_ == "dobj"), None) or next(
                (finder.prep_object(g, *_TARGET_PREPS) for c in finder.verb.children
                 if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
                 if g.dep_ == "pobj"), None)
        if target is not None and lex.cue(target, "military_target"):
            ref2 = _modified_side(target, index)
            if (ref2 is None and ref1 is not None and ref1.kind in _SIDE_KINDS and _violent(hit)
                    and hit.entry.family not in _PAIR_FAMILIES
                    and any(t.lower_ in _FIGHTER_TARGETS for t in target.subtree)):
                # "hit militants positions": fighters the text names by no group are the
                # enemy the acting side fights (gold/GUIDE.md: "terrorists" in context)
                ref2 = _opponent(ref1, index)
    if ref2 is None and hit.entry.family == "disrupted" and hit.is_verb:
        # "shot down a regime MiG warplane": the side whose aircraft was downed
        craft = next((c for c in hit.token.children if c.dep_ == "dobj"), None)
        if craft is not None and lex.cue(craft, "air"):
            ref2 = _modified_side(craft, index)
    if _violent(hit):
        # "killed 10 people, the Syrian Observatory reports", "a hospital supported by MSF
        # was hit": a monitor, an agency or an aid group that is no armed party is the
        # source or the victims' helper, not a side of the violence (the victims stay
        # for the conventions to code)
        ref1 = None if _bystander(ref1) else ref1
        ref2 = None if _bystander(ref2) and (a2 is None or not _struck(a2)) else ref2
        if a2 is not None and _sponsor(a2, holders=True) and _civilians_named(hit, lex):
            ref2 = None  # "strikes on a Qaeda-held city killed 21 civilians": theirs
        if a2 is not None and _object_of(a2, "against") and _civilians_counted(hit, lex):
            # "100 civilians have been killed in coalition airstrikes against Daesh": the
            # group the strikes were aimed at is not who they killed; the civilians the
            # sentence counts are (the conventions code them)
            ref2 = None
        if ref2 is not None and ref2.kind in _NON_COMBATANTS and a2 is not None and (
                _holder(a2)):
            # "jets targeted the opposition-controlled neighbourhood", "pound opposition
            # areas": a political body or an organisation named as a place's holder was
            # not what was hit; the place's people were (the conventions code them)
            ref2 = None
    if hit.entry.family == "agreement" and (pair := _hyphen_brokers(hit, index)) is not None:
        # "a US-Russian brokered truce", "the US-Russia-led truce": the two states joined
        # in one modifier made the deal; gold codes their governments, first named first
        (ref1, ref2), rule = pair, "brokers"
    same = ref1 is not None and ref2 is not None and ref1.canonical == ref2.canonical
    return Actors(ref1, None if same else ref2, rule)


def _hyphen_brokers(hit: Hit, index: DocIndex) -> tuple[ActorRef, ActorRef] | None:
    """The governments of two countries written as one hyphenated modifier of the
    agreement noun ("US-Russian brokered", "U.S.-Russia truce deal"); ``None`` otherwise
    ("Syrian and Russian" joined by "and" names two sides, not a pair of brokers)."""
    token = hit.token
    nouns = [token] if not hit.is_verb else [c for c in token.children
                                              if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if not hit.is_verb and token.dep_ == "compound" and token.head.i > token.i:
        nouns.append(token.head)  # "a US-Russia truce deal": the deal's modifiers
    if hit.is_verb and token.i > 0 and token.doc[token.i - 1].pos_ == "NOUN":
        nouns.append(token.doc[token.i - 1])  # "the US-Russia-led truce agreed in February"
    profile = index.ctx.profile
    for noun in nouns:
        left = [t for t in noun.subtree if t.i < noun.i]
        named = [(t.i, code) for t in left if (code := _country_word(t.text)) is not None]
        codes = list(dict.fromkeys(code for _, code in named))
        if len(codes) != 2 or len(named) != 2:
            continue
        (i, _), (j, _) = named
        if not (j == i + 2 and noun.doc[i + 1].text in ("-", "–")):
            continue
        refs = []
        for code in codes:
            canonical = GOVERNMENT + countries()[code].name
            entry = profile.actor(canonical) if profile is not None else None
            refs.append(_entry_ref(entry, "brokers") if entry is not None
                        else ActorRef(canonical, "government", reason="brokers"))
        return refs[0], refs[1]
    return None


def _country_word(word: str) -> str | None:
    """The country code a country's name or adjective stands for ("US", "Russian")."""
    return code_of(word) or code_of_demonym(word)


def _agent(tm: TokenMention) -> bool:
    """Whether a mention is the object of a "by" that names who did an act ("bombing by
    regime and Russian forces", "strikes carried out by Russian jets"); the parse may join
    the second side of "by regime and Russian forces" to the first."""
    return _object_of(tm, "by", _NAME_DEPS | {"conj"})


# Dependencies inside a name's noun phrase, walked up to the phrase's head noun
_NAME_DEPS = frozenset({"compound", "amod", "nmod"})


def _object_of(tm: TokenMention, prep: str, inside: frozenset[str] = _NAME_DEPS) -> bool:
    """Whether the noun phrase a mention heads (walking up ``inside`` dependencies) is the
    object of the preposition ``prep``."""
    noun = tm.root
    while noun.dep_ in inside and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ == "pobj" and noun.head.lower_ == prep


# Unnamed fighters a strike's target belongs to ("militants positions", "terrorist hideouts")
_FIGHTER_TARGETS = frozenset({"militant", "militants", "terrorist", "terrorists", "jihadist",
                              "jihadists", "insurgent", "insurgents", "gunmen", "fighters"})


def _told_act(hit: Hit, index: DocIndex, lex: Lexicon) -> Hit:
    """The verb whose roles a sentence the event model proposed tells its event by: the
    model's hit is the sentence's main verb, often a speech verb or one that tells no act
    ("Daesh members slit the throats ..., the Observatory says"; "the killings took place
    after troops entered the town"; "16 civilians were killed when Nusra terrorists
    targeted ..."). The nearest verb below it, speech verbs passed through, whose subject
    names a fighting side; else, below a speech verb, the verb it reports (its speaker is
    a source, not a party); else the main verb itself."""
    root = hit.token
    speech = lex.cue(root, "speech_verb")
    if not speech and _armed_subject(root, hit, index, lex):
        return hit
    queue, seen, reported = [root], {root.i}, None
    while queue:
        verb = queue.pop(0)
        for c in verb.children:
            if c.i in seen or c.i < root.sent.start or c.i >= root.sent.end:
                continue
            seen.add(c.i)
            queue.append(c)
            if not is_verb(c) or c.dep_ not in _TOLD_DEPS or lex.cue(c, "speech_verb"):
                continue
            if reported is None and verb is root and c.dep_ == "ccomp":
                reported = c
            if _armed_subject(c, hit, index, lex):
                return replace(hit, token=c, start=c.i, end=c.i + 1)
    if speech and reported is not None:
        return replace(hit, token=reported, start=reported.i, end=reported.i + 1)
    return hit


# The clauses a main verb may tell its act in: what it reports, when or after what it
# happened, what it went on to do.
_TOLD_DEPS = frozenset({"ccomp", "advcl", "conj", "xcomp", "relcl"})


def _armed_subject(verb: Token, hit: Hit, index: DocIndex, lex: Lexicon) -> bool:
    """Whether a verb's active subject names a fighting side (state forces, a government,
    an armed group), not a victim, a source or a bystander."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    tm = _Finder(index, lex, hit).actor_in(subj)
    ref = _ref(tm)
    return ref is not None and ref.kind in _SIDE_KINDS and not _sponsor(tm, holders=True)


def _civilians_named(hit: Hit, lex: Lexicon) -> bool:
    return any(lex.cue(t, "civilian") and t.text[:1].islower() for t in hit.token.sent)


def _civilians_counted(hit: Hit, lex: Lexicon) -> bool:
    """Whether the sentence counts civilian victims: "at least 31 civilians", "100 Syrian
    civilians" (a civilian word with its number)."""
    return any(lex.cue(t, "civilian") and t.text[:1].islower()
               and any(c.dep_ == "nummod" for c in t.children) for t in hit.token.sent)


def _violent(hit: Hit) -> bool:
    family = hit.entry.family
    return family in _VIOLENT_FAMILIES or (
        family == MODEL_FAMILY and hit.entry.event_type in VIOLENT_TYPES)


def _civilian(tm: TokenMention) -> bool:
    """Whether a mention names civilians ("civilians", "residents", "villagers")."""
    ref = _ref(tm)
    return ref is not None and ref.kind == "civilians"


def _victim(tm: TokenMention, lex: Lexicon) -> bool:
    """Whether a mention names civilians who suffered: the subject of a passive ("were
    killed") or of a casualty verb ("had died"), not the residents who accused or reported."""
    if not _civilian(tm):
        return False
    head = tm.root.head
    return _suffers(tm.root) or (tm.root.dep_ == "nsubj" and is_verb(head)
                                 and lex.count_key(head) is not None)


def _bystander(ref: ActorRef | None) -> bool:
    """An organisation of no side or of the international bystanders (a monitor, the UN,
    an aid group, an agency): what the profiles code as taking no part in the war."""
    return ref is not None and ref.kind == "organisation" and ref.side in _BYSTANDER_SIDES


_BYSTANDER_SIDES = frozenset({None, "international"})


# Trigger families of armed violence: a side's word before their noun names who acted
# ("regime bombs", "Syrian air strikes", "rebel fire"), not who talked or protested.
_VIOLENT_FAMILIES = frozenset({"clash", "explosive", "air", "chemical", "suicide", "shelling",
                               "strike", "kill", "civilian_attack", "attack", "bombard",
                               "grenade"})
# Words that may stand between the side's word and the trigger noun: "regime air strikes",
# "rebel rocket fire", "Russian aerial bombardment".
_BETWEEN_POS = frozenset({"NOUN", "ADJ"})
_SIDE_KINDS = frozenset({"state_forces", "armed_group", "government"})


_STATE_KINDS = frozenset({"state_forces", "government"})


def typing_side(hit: Hit, ref: ActorRef | None, place: PlaceRef | None, sent: Span,
                index: DocIndex) -> ActorRef | None:
    """The taker of a place as the territory sub-types read it: a state's forces regain
    territory only in their own country; abroad ("Russian troops liberated Avdiivka" in
    Ukraine) they overtake it, as a non-state actor does (the wars' gold follows ACLED)."""
    if ref is None or hit.entry.family != "territorial" or ref.kind not in _STATE_KINDS:
        return ref
    profile = index.ctx.profile
    entry = profile.actor(ref.canonical) if profile is not None else None
    home = code_of(entry.country) if entry is not None else None
    where = code_of(place.country) if place is not None and place.country else None
    if where is None and (country := event_country(index.ctx, sent)) is not None:
        where = country.code  # a village the gazetteer lacks: the sentence's country
    if home is None or where is None or home == where:
        return ref
    return replace(ref, kind="armed_group", reason=f"{ref.canonical} abroad, in {where}")


def _names_target(noun: Token, lex: Lexicon) -> bool:
    """Whether a trigger noun only qualifies a target: "artillery positions", "rocket
    launchers' depot" — its modifiers name the target's owner, not the attacker."""
    return noun.dep_ == "compound" and any(
        lex.cue(noun.head, c) for c in ("military_target", "civilian_target"))


def _side_before(hit: Hit, index: DocIndex, lex: Lexicon, a2: TokenMention | None
                 ) -> tuple[TokenMention | None, ActorRef | None]:
    """The side named just before a violent trigger noun, whatever the parse made of it:
    an actor mention ending there ("rebel shelling", "IS militants' car bomb", "coalition
    jets' bombardment"), else a profile modifier word ("regime bombs", "Syrian air
    strikes") standing for its forces. Victims ("civilian") and places never act."""
    if hit.entry.family not in _VIOLENT_FAMILIES or (hit.is_verb and hit.token.tag_ != "VBG"):
        return None, None
    if _names_target(hit.token, lex):
        return None, None  # "Islamic State artillery positions": the target's owner
    token = hit.token
    if (not hit.is_verb and token.dep_ == "pobj" and token.head.lower_ == "with"
            and token.head.head.lower_ in _WEAPON_ATTACKS):
        # "terrorist attacks with shells on Aleppo": the side named before the attack the
        # weapon was fired in
        return _walk_side(token.head.head, index, a2, weapon=token)
    return _walk_side(token, index, a2)


# Nouns of an attack a weapon is fired in ("attacks with shells", "an assault with rockets")
_WEAPON_ATTACKS = frozenset({"attack", "attacks", "assault", "assaults"})


def _walk_side(noun: Token, index: DocIndex, a2: TokenMention | None,
               weapon: Token | None = None) -> tuple[TokenMention | None, ActorRef | None]:
    """The side named in the words just before ``noun`` (see ``_side_before``); ``weapon``:
    the weapon the noun's attack was made with, where it follows the noun."""
    doc = noun.doc
    profile = index.ctx.profile
    modifiers = profile.modifier_actors if profile is not None else {}
    for k in range(noun.i - 1, -1, -1):
        token = doc[k]
        if index.mention_at(token, "place"):
            return None, None
        tm = index.mention_at(token, "actor")
        if tm is not None:
            ref = _ref(tm)
            # "regime shelling", "government shelling": the profile's modifier matched with
            # the trigger noun as one force; its words before the noun are the side's
            ends = tm.end == k + 1 or (tm.start <= k and tm.end == noun.i + 1)
            if ends and tm is not a2 and ref is not None and ref.kind in _SIDE_KINDS:
                return _first_of_pair(tm.start, index, a2) or (tm, None)
            return None, None
        for n in (3, 2, 1):
            words = doc[max(0, k - n + 1): k + 1]
            if len(words) == n and (named := modifiers.get(words.text.lower())):
                side = _entry_ref(named[0], f"{words.text!r} before {noun.text!r}")
                return _first_of_pair(words.start, index, a2) or (None, side)
        if (side := _fire_descriptor(token, noun, index, weapon)) is not None:
            return None, side
        if token.tag_ != "POS" and token.pos_ not in _BETWEEN_POS:
            return None, None
    return None, None


def _fire_descriptor(word: Token, noun: Token, index: DocIndex,
                     weapon: Token | None = None) -> ActorRef | None:
    """The side a descriptor adjective the context left unlinked names before rocket or
    mortar fire: "a terrorist rocket attack on Kilmakho", "terrorist mortar attacks" — the
    one armed group the paragraph's "terrorists" name in the sentence or the two after it
    (a dispatch telling the attack, then who fired), else the default of its noun
    ("terrorists": the armed opposition in a state outlet; gold/GUIDE.md).
    Not before a bomb or an explosion: an unclaimed bomb is an unidentified group's."""
    profile = index.ctx.profile
    fired = [*word.doc[word.i + 1: noun.i + 1], *([weapon] if weapon is not None else [])]
    if profile is None or word.pos_ != "ADJ" or not any(t.lower_ in _FIRE_WEAPONS
                                                        for t in fired):
        return None
    plural = word.lower_ + "s"
    sent = word.sent
    told = [sent]  # the sentence and the next two of its paragraph: the dispatch's details
    while len(told) < 3 and told[-1].end < len(word.doc) and (
            index.paragraph(word.doc[told[-1].end]) == index.paragraph(word)):
        told.append(word.doc[told[-1].end].sent)
    named = {ref.canonical: ref for tm in index.mentions_in([t for s in told for t in s], "actor")
             if tm.mention.text.lower().endswith(plural) and tm.mention.rule.startswith(
                 "descriptor.") and not tm.mention.rule.startswith(DESCRIPTOR_DEFAULT)
             and (ref := _ref(tm)) is not None and ref.kind == "armed_group"}
    if len(named) == 1:
        # "a terrorist rocket attack on al-Qosour ... ISIL's terrorists fired 6 rocket
        # shells on al-Qosour": the one group the dispatch's next lines name "terrorists"
        (ref,) = named.values()
        return replace(ref, reason=f"{word.text!r} before {noun.text!r}: the {plural} told "
                                   f"next are {ref.canonical}")
    default = next((d.default for d in profile.descriptors if d.text.lower() == plural), None)
    entry = profile.actor(default) if default else None
    if entry is None:
        return None
    return _entry_ref(entry, f"{word.text!r} before {noun.text!r}: {plural} by default")


# Weapons a side fires from afar (not bombs, which an unnamed group plants)
_FIRE_WEAPONS = frozenset({"rocket", "rockets", "mortar", "mortars", "shell", "shells",
                           "missile", "missiles", "artillery", "shelling"})


# "either Russian or regime warplanes", "unclear whether Syrian or Russian jets": a guess
# between two sides names neither (gold/GUIDE.md: an air strike no one is named for)
_ALTERNATIVE_MARKS = frozenset({"either", "whether"})


def _first_of_pair(start: int, index: DocIndex, a2: TokenMention | None
                   ) -> tuple[TokenMention | None, ActorRef | None] | None:
    """The first of two sides joined before a trigger noun: "regime and Russian bombings",
    "presumed Russian or Syrian government airstrikes" — gold/GUIDE.md codes one actor per
    slot, the first named (a disputed perpetrator: the first attribution). ``start`` is
    where the second side's words begin; ``None`` where no side is joined before them,
    ``(None, None)`` where the two are a guess ("either X or Y")."""
    if start < 2:
        return None
    profile = index.ctx.profile
    modifiers = profile.modifier_actors if profile is not None else {}
    doc = index.doc
    cc = doc[start - 1]
    if cc.lower_ not in ("and", "or"):
        return None
    end = start - 1  # the first side's words end before the conjunction
    tm = index.mention_at(doc[end - 1], "actor")
    found: tuple[TokenMention | None, ActorRef | None] | None = None
    first = end
    if tm is not None and tm.end == end and tm is not a2:
        ref = _ref(tm)
        if ref is not None and ref.kind in _SIDE_KINDS:
            found, first = (tm, None), tm.start
    if found is None:
        for n in (3, 2, 1):
            words = doc[max(0, end - n): end]
            if len(words) == n and (named := modifiers.get(words.text.lower())):
                found = (None, _entry_ref(named[0], f"{words.text!r}, the first side of "
                                                    f"{doc[words.start:start + 1].text!r}"))
                first = words.start
                break
    if found is None:
        return None
    if cc.lower_ == "or" and first > 0 and doc[first - 1].lower_ in _ALTERNATIVE_MARKS:
        return (None, None)
    return found


# Nouns of the means that are no trigger of their own: "rebel fire", "regime barrage".
_FIRE_NOUNS = frozenset({"fire", "gunfire", "barrage", "bombing", "bombings", "bomb", "bombs"})
_WEAPON_CUES = ("air", "artillery", "munition")


def _weapon_side(hit: Hit, clause: list[Token], index: DocIndex, lex: Lexicon,
                 a2: TokenMention | None, finder: _Finder
                 ) -> tuple[TokenMention | None, ActorRef | None]:
    """The side that wielded the means the clause names, where the trigger is the toll's
    verb or the sentence the event model read ("nine were killed in presumed Russian or
    Syrian government airstrikes", "five more deaths in rebel fire", "injuries due to a
    rocket shell fired by terrorists"): a side's words just before the weapon noun, else
    the agent of the participle after it. Victims and places never wield it."""
    family = hit.entry.family
    if family in _PAIR_FAMILIES:
        return None, None  # a battle's two sides are told as fighting, not by a weapon
    if family not in _VIOLENT_FAMILIES and not (
            family == MODEL_FAMILY and hit.entry.event_type in VIOLENT_TYPES):
        return None, None
    for t in clause:
        if t.i == hit.token.i or not (t.lower_ in _FIRE_NOUNS or any(
                lex.cue(t, c) for c in _WEAPON_CUES)):
            continue
        if _names_target(t, lex) or (t.dep_ == "compound" and _names_target(t.head, lex)):
            continue
        if t.dep_ in ("compound", "amod"):
            continue  # "an air force base", "rocket launchers": the weapon names a thing
        own = index.mention_at(t, "actor")  # "Assad regime airstrikes" read as one force
        if own is not None and own is not a2 and (ref := _ref(own)) is not None and (
                ref.kind in _SIDE_KINDS) and t.i == own.end - 1:
            return _first_of_pair(own.start, index, a2) or (own, None)
        # the mention right before the weapon wields it, even where the parse made it
        # the object's ("five more deaths in rebel fire"): the caller drops it as actor2
        tm, side = _walk_side(t, index, None)
        if tm is not None and _can_act(tm, hit):
            return tm, None
        if side is not None:
            return None, side
        tm = finder.participle_agent(t)
        if tm is not None and tm is not a2 and _can_act(tm, hit):
            return tm, None
    return None, None


def _violence_by(hit: Hit, index: DocIndex, lex: Lexicon, a2: TokenMention | None,
                 finder: _Finder) -> TokenMention | None:
    """The side a sentence names as the agent of its violence where the trigger's own frame
    names none: "Rocket attacks killed 5 people ..., a monitoring group said, in the second
    heavy bombardment by Jaysh al-Islam" — the ``by`` phrase of another violent noun of the
    sentence (one the parse hangs on the speech verb, outside the trigger's clause) tells
    who fired. Only a noun the toll happened in counts ("in", "during", "amid"), not one
    feared or planned ("feared revenge attacks by pro-government forces"); only an armed
    side, never the victims (``a2``) or a bystander."""
    if not _violent(hit) or hit.entry.family in _PAIR_FAMILIES:
        return None
    for t in hit.token.sent:
        if t.i == hit.token.i or t.pos_ != "NOUN" or not (
                t.dep_ == "pobj" and t.head.lower_ in _CIRCUMSTANCE_PREPS) or not any(
                e.family in _VIOLENT_FAMILIES for e in lex.word_triggers(t)):
            continue
        tm = finder.actor_in(finder.prep_object(t, "by"))
        ref = _ref(tm)
        if tm is not None and tm is not a2 and ref is not None and ref.kind in _SIDE_KINDS:
            return tm
    return None


# Prepositions of the violence a toll happened in ("killed in the bombardment by X")
_CIRCUMSTANCE_PREPS = frozenset({"in", "during", "amid"})


def _ref(tm: TokenMention | None) -> ActorRef | None:
    value = tm.mention.value if tm else None
    return value if isinstance(value, ActorRef) else None


def _entry_ref(entry: ActorEntry, reason: str, register: Register | None = None) -> ActorRef:
    """The profile actor an event takes, with why (the reason the store keeps)."""
    return ActorRef(entry.canonical, entry.kind, entry.side, register, reason=reason)


def _profile_side(words: str, index: DocIndex, reason: str) -> ActorRef | None:
    profile = index.ctx.profile
    named = profile.modifier_actors.get(words.lower()) if profile is not None else None
    if not named:
        return None
    return _entry_ref(named[0], reason)


def _affiliation(ref: ActorRef | None, index: DocIndex) -> ActorRef | None:
    """A person who stands for a side (a spokesman) as the actor the profile affiliates."""
    if ref is None or ref.kind != "person":
        return ref
    profile = index.ctx.profile
    person = profile.person(ref.canonical) if profile is not None else None
    entry = profile.actor(person.affiliation) if person and person.affiliation else None
    if entry is None:
        return None
    return _entry_ref(entry, f"{ref.canonical} speaks for {entry.canonical}")


def _first_named(tm: TokenMention | None, index: DocIndex) -> ActorRef | None:
    """The mention's actor, or the first of coordinated sides' words before it: in
    "American and British warships" the mention is "British warships", the first named
    (gold/GUIDE.md: one actor per slot, the first named) the Americans."""
    ref = _ref(tm)
    if tm is None or ref is None or tm.start < 2:
        return ref
    doc = tm.root.doc
    cc, first = doc[tm.start - 1], doc[tm.start - 2]
    second = doc[tm.start]
    if (cc.lower_ != "and" or first.dep_ not in ("amod", "compound", "nmod")
            or second.dep_ != "conj" or second.head.i != first.i):
        return ref  # "brokered by Russia Turkey and Iran": a list of parties, not one force
    return _profile_side(first.text, index, f"{first.text!r}, the first side of "
                         f"{doc[first.i:tm.end].text!r}") or ref


def _modified_side(phrase: Token, index: DocIndex) -> ActorRef | None:
    """A side named by a profile modifier word among the left modifiers of a phrase's
    head: "Houthi positions", "Ukrainian Vampire multiple rocket launchers"."""
    doc = phrase.doc
    left = [t for t in phrase.subtree if t.i < phrase.i]
    for t in left:
        for n in (3, 2, 1):
            if t.i + n > phrase.i:
                continue
            words = doc[t.i: t.i + n]
            if ref := _profile_side(words.text, index, f"{words.text!r} on {phrase.text!r}"):
                return ref
    return None


class _Finder:
    """Role lookups around one trigger; ``verb`` is the verb whose arguments the trigger shares."""

    def __init__(self, index: DocIndex, lex: Lexicon, hit: Hit) -> None:
        self.index, self.lex, self.hit = index, lex, hit
        self.verb = _frame_verb(hit, lex)

    def actor_in(self, token: Token | None, skip: Token | None = None) -> TokenMention | None:
        """The actor mention heading ``token``'s phrase: the one nearest its head in the tree.

        Nearest, not first: in "the CIA-backed Knights of Righteousness faction"
        the party is the Knights, not their sponsor. ``skip``'s subtree is left out, and
        so is a sponsor or holder named only in a hyphenated modifier ("CIA-armed units",
        "the Daesh-held town"): the units fought and the town was hit, not the CIA or IS.
        """
        if token is None:
            return None
        own = self.index.mention_at(token, "actor")
        if own and not _sponsor(own):
            return self.uniformed(own) or own
        skipped = {t.i for t in skip.subtree} if skip is not None else set()
        best: tuple[int, int, TokenMention] | None = None
        for t in token.subtree:
            tm = self.index.mention_at(t, "actor")
            if t.i in skipped or tm is None or _sponsor(tm):
                continue
            depth = _depth(tm.root, token)
            if best is None or (depth, t.i) < best[:2]:
                best = (depth, t.i, tm)
        return best[2] if best else None

    def uniformed(self, tm: TokenMention) -> TokenMention | None:
        """The force whose uniform unnamed gunmen wear: "armed men in RSF uniforms"."""
        ref = _ref(tm)
        if ref is None or not ref.canonical.startswith("Unidentified Armed Group"):
            return None
        for prep in tm.root.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.lemma_.lower() == "uniform":
                    found = next((self.index.mention_at(t, "actor") for t in pobj.subtree
                                  if self.index.mention_at(t, "actor")), None)
                    return found
        return None

    def pronoun(self, token: Token | None, verb: Token) -> TokenMention | None:
        """The speaker a pronoun subject stands for: "the RSF said it had seized X", "the
        ministry said its troops repelled...": the subject of the speech verb above."""
        if token is None or not (token.lower_ in _PRONOUNS or any(
                c.dep_ == "poss" and c.lower_ in _PRONOUNS for c in token.children)):
            return None
        for speaker in self.speakers(verb):
            if speaker is None or speaker.lower_ in _PRONOUNS:
                return None
            # "the ministry said its troops repelled ..., RIA Novosti reported": an
            # outlet relaying the claim names no party; the claimant above it does
            if found := self.actor_in(speaker):
                return found
        return None

    def owner(self, token: Token | None, verb: Token) -> TokenMention | None:
        """The side a pronoun subject stands for where the clause it hangs on names it as
        its own subject: "the Syrian regime killed 28 people when its warplanes dropped
        bombs", "rebels shelled the town after they seized ..." — the acting side of the
        governing clause (never a victim or a speaker: speech is ``pronoun``'s)."""
        if token is None or not (token.lower_ in _PRONOUNS or any(
                c.dep_ == "poss" and c.lower_ in _PRONOUNS for c in token.children)):
            return None
        up = verb
        while (up.dep_ in ("advcl", "conj", "ccomp") or _clause_as_object(up)) and (
                up.head.i != up.i):
            # "since it intervened" is often parsed as the object of "since", a preposition
            up = up.head.head if _clause_as_object(up) else up.head
            if not is_verb(up) or self.lex.cue(up, "speech_verb"):
                return None
            subj = next((c for c in up.children if c.dep_ == "nsubj"), None)
            tm = self.actor_in(subj) if subj is not None else None
            ref = _ref(tm)
            if tm is not None and ref is not None and ref.kind in _SIDE_KINDS:
                return tm
        return None

    def speakers(self, verb: Token) -> Iterator[Token | None]:
        """The subjects of the speech verbs above a verb, nearest first (``None`` for a
        speech verb with no subject)."""
        for up in verb.ancestors:
            if up.pos_ in ("VERB", "AUX") and self.lex.cue(up, "speech_verb"):
                yield next((c for c in up.children if c.dep_ == "nsubj"), None)

    def prep_object(self, head: Token | None, *words: str) -> Token | None:
        if head is None:
            return None
        objects = [g for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ in words
                   for g in c.children if g.dep_ == "pobj"]
        # "strikes on Sunday on Kataib Hezbollah bases": the phrase that names a party
        named = (g for g in objects if any(self.index.mention_at(t, "actor") for t in g.subtree))
        return next(named, objects[0] if objects else None)

    def subject(self, verb: Token) -> tuple[Token | None, Token | None]:
        """The subject phrase of ``verb`` and the subtree to leave out when searching it."""
        v = verb
        while True:
            # The small parser sometimes hangs the subject off the auxiliary ("X had ... freed").
            heads = [v, *(c for c in v.children if c.dep_ == "aux")]
            subj = _own_subject([c for h in heads for c in h.children if c.dep_ in SUBJECT_DEPS])
            if subj is not None and subj.tag_ != "WDT":
                return subj, None
            if (named := self.named_aux(v)) is not None:
                return named, None
            if (lost := next((c for c in v.children if c.dep_ == "poss"
                              and c.lower_ == "its"), None)) is not None and is_verb(v):
                return lost, None  # "since its intervened": "it's" without its apostrophe
            if v.dep_ == "acl" and v.tag_ == "VB" and is_verb(v.head.head):
                v = v.head.head  # "the army took the opportunity to take X": the taker
                continue
            if v.dep_ in ("relcl", "acl") and v.head.i != v.i:
                return v.head, v  # "the regime that lost Palmyra": the antecedent, not the clause
            if v.dep_ in ("conj", "xcomp", "advcl") and is_verb(v.head) and v.head.i != v.i:
                v = v.head
                continue
            return None, None

    def spokesman(self, noun: Token, verb: Token) -> TokenMention | None:
        """The side a named spokesman speaks for, where his claim names its forces by no
        name: "the Armed Forces' spokesman, Yahya Saree, announced that the drone air force
        had targeted Abha airport" — the person the profile affiliates (to the Houthis)."""
        if not self.lex.cue(noun, "group_noun") or not any(
                c.dep_ == "det" and c.lower_ in ("the", "our") for c in noun.children):
            return None
        speaker = next(self.speakers(verb), None)
        if speaker is None:
            return None
        return next((tm for t in speaker.subtree
                     if (tm := self.index.mention_at(t, "person")) is not None
                     and _ref(tm) is not None and _ref(tm).side is not None), None)

    def antecedent(self, noun: Token) -> TokenMention | None:
        """The armed group a definite unnamed noun points back to: "the group has abducted",
        "the militants also took over the airport" — the last non-state armed group named in
        the sentence or the two before it (state forces are never "the group")."""
        if not self.lex.cue(noun, "anaphor_group") or not any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in noun.children):
            return None
        sent = noun.sent
        for _ in range(2):
            if sent.start == 0:
                break
            sent = noun.doc[sent.start - 1].sent
        named = [tm for tm in self.index.by_kind.get("actor", ())
                 if sent.start <= tm.start and tm.end <= noun.i
                 and (ref := _ref(tm)) is not None and ref.kind == "armed_group"]
        return max(named, key=lambda tm: tm.start) if named else None

    def previous_subject(self, subj: Token) -> TokenMention | None:
        """The side "its"/"their" opening a sentence's subject points back to: "The Syrian
        Democratic Forces have been advancing towards the city. Its forces last month seized
        the airport" — the armed subject of the sentence before (never a victim or a
        speaker: only the subject of that sentence's main verb, and only a side)."""
        sent = subj.sent
        if sent.start == 0 or subj.head.i != sent.root.i:
            return None
        before = subj.doc[sent.start - 1].sent
        main = before.root
        if self.lex.cue(main, "speech_verb"):
            return None
        first = next((c for c in main.children if c.dep_ == "nsubj"), None)
        if first is None and (named := self.named_aux(main)) is not None:
            first = named
        tm = self.actor_in(first) if first is not None else None
        ref = _ref(tm)
        return tm if ref is not None and ref.kind in _SIDE_KINDS else None

    def crowd_of(self, tm: TokenMention, subj: Token) -> bool:
        """Whether the subject is a crowd the actor is only named in: "(hundreds of)
        supporters of the Hashd", "students of X" — the words between the subject's head
        and the actor's name hold a crowd noun."""
        t = tm.root
        while t.i != subj.i and t.head.i != t.i:
            t = t.head
            if self.lex.cue(t, "riot_crowd"):
                return True
        return False

    def named_aux(self, verb: Token) -> Token | None:
        """An actor name the parser took for an auxiliary before the verb: "IS overran
        Sirte" (IS read as "is"), "ISIS has seized" stays a subject."""
        for c in verb.children:
            if (c.dep_ in ("aux", "auxpass") and c.i < verb.i and c.text.isupper()
                    and self.index.mention_at(c, "actor")):
                return c
        return None

    def roles(self) -> tuple[TokenMention | None, TokenMention | None, str]:
        flags = self.hit.entry.flags
        verb = self.verb
        if (under := _come_under(self.hit.token)) is not None:
            # "The ISIL strongholds ... came under the bombardments of the Syrian army's
            # aircraft": the subject was hit; the noun's own agent ("by", "of") struck
            came, noun = under
            subj, skip = self.subject(came)
            attacker = (self.premodifier_actor(noun)
                        or self.actor_in(self.prep_object(noun, "by", "of")))
            return attacker, self.actor_in(subj, skip), "under"
        noun_a1, noun_a2 = self.noun_roles()
        if verb is None:
            return noun_a1, noun_a2, "noun"
        subj, skip = self.subject(verb)
        sufferer = None
        if (verb is self.hit.token and verb.tag_ == "VBG" and subj is not None
                and subj.dep_ == "nsubjpass" and subj.head.i != verb.i):
            # "three were killed in mortar shelling by ISIS": the parser's gerund for the
            # noun borrows the subject of the passive verb above it, who suffered the act
            sufferer = self.actor_in(subj, skip)
            subj, skip = None, None
        # "The offensive by the army ... freed": the subject's agent acts.
        # "the army said its troops and allied fighters repelled ...": the force "its"
        # points to is the subject's side, not a name the descriptor guessed inside it
        owned = subj is not None and any(c.dep_ == "poss" and c.lower_ in _PRONOUNS
                                         for c in subj.children)
        subj_actor = ((owned and (self.pronoun(subj, verb) or self.owner(subj, verb)))
                      or self.actor_in(self.prep_object(subj, "by")) or self.actor_in(subj, skip)
                      or self.pronoun(subj, verb) or self.owner(subj, verb)) or None
        if subj is not None and subj_actor is not None and self.crowd_of(subj_actor, subj):
            subj_actor = None  # "supporters of the Hashd stormed": a crowd, not the Hashd
        if subj_actor is None and subj is not None and subj.dep_ == "nsubj":
            subj_actor = (self.antecedent(subj) or self.spokesman(subj, verb)
                          or (owned and self.previous_subject(subj)) or None)
        to_actor = self.actor_in(self.prep_object(verb, "to") or self.prep_object(verb, "by"))
        # "targeted X with rocket shells": the weapon's own frame ("shells hit X") is not
        # the clause's; the verb it serves tells who fired and what was hit
        wielder = _wielding_verb(self.hit, self.lex)
        wielded = wielder is not None and wielder.i == verb.i
        if wielded:
            flags = frozenset()
        if "loser_subject" in flags:
            return to_actor or noun_a1, subj_actor, "loser"
        if "place_subject" in flags:
            return to_actor, None, "place_subject"
        agent = self.actor_in(self.prep_object(verb, "by"))
        source = self.actor_in(self.ground(self.prep_object(verb, "from")))
        target = self.actor_in(self.prep_object(verb, *_TARGET_PREPS))
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if self.lex.cue(verb, "repel_verb"):
            # "troops repelled an RSF attack": the attack's side acted, the subject held
            attacker, holder = (subj_actor, agent) if is_passive(verb) else (
                self.actor_in(obj), subj_actor)
            if attacker is None:  # "repelled terrorist attacks": the one side named acts
                return holder, None, "repel"
            return attacker, holder, "repel"
        if is_passive(verb) and self.named_aux(verb) is None:
            a1, a2 = agent, subj_actor or source or target
        elif verb.tag_ == "VBG" and subj is None and agent is not None and verb is self.hit.token:
            a1 = agent  # a gerund as a noun: "Shelling by the Assad regime on X killed 10"
            a2 = self.actor_in(obj) or source or target
        else:
            told = self.hit.is_verb or self.hit.token.dep_ == "dobj" or wielded
            a1 = subj_actor if told else None
            a2 = self.actor_in(obj) or source or target
        a2 = noun_a2 or a2
        if self.hit.entry.family in _HELD_FAMILIES and _unarmed_name(a2):
            a2 = None  # "seized the Republican Palace", "looted the Central Bank": a place
        if a2 is None and self.hit.entry.family == "territorial":
            a2 = self.loser(verb)
        shot = obj or next((c for c in verb.children if c.dep_ == "npadvmod" and c.like_num),
                           None)  # "shot down 12 of 13 drones": the parser's adverb
        if a2 is None and self.hit.entry.family == "disrupted" and shot is not None:
            a2 = self.participle_agent(shot)  # "shot down drones launched by Russia"
        if (self.hit.entry.family == "evacuation" and is_passive(verb) and agent is None
                and subj_actor is not None):
            return subj_actor, None, "evacuated"  # gold/GUIDE.md: actor1 the side evacuated
        return noun_a1 or a1, a2 or sufferer, "verb"

    def loser(self, verb: Token) -> TokenMention | None:
        """Who lost a place the verb tells taken, where its object names no one: the side
        fought "after fierce battles with the Houthi militia", or the side that gave the
        ground up "after army and police units abandoned their positions"."""
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("after", "following", "amid"):
                for fight in (g for g in c.children if g.dep_ == "pobj"):
                    if self.lex.cue(fight, "contest") and (found := self.actor_in(
                            self.prep_object(fight, "with", "against"))):
                        return found
            if c.dep_ == "advcl" and self.lex.cue(c, "retreat_verb") and any(
                    m.dep_ == "mark" and m.lower_ in ("after", "as", "when") for m in c.children):
                subj, skip = self.subject(c)
                if subj is not None and (found := self.actor_in(subj, skip)):
                    return found
        return None

    def ground(self, phrase: Token | None) -> Token | None:
        """``phrase`` unless it names air power: "from Russian war planes" helps, not loses."""
        if phrase is not None and any(self.lex.cue(t, "air") for t in phrase.subtree):
            return None
        return phrase

    def premodifier_actor(self, noun: Token) -> TokenMention | None:
        """The actor a noun's own modifier before it names ("Russia's strikes", "regime
        shelling"): the side that does what the noun names."""
        return next((tm for c in noun.children if c.dep_ in _NOUN_ACTOR_DEPS
                     and c.i < noun.i and (tm := self.actor_in(c))), None)

    def noun_roles(self) -> tuple[TokenMention | None, TokenMention | None]:
        """Roles a trigger noun marks itself: "Russia's strikes on X", "recapture ... by Y"."""
        noun = self.hit.token
        if self.hit.is_verb:
            return None, None
        a1 = self.premodifier_actor(noun)
        # "a rocket attack by regime forces on X": the trigger modifies the phrase's head
        phrase = (noun.head if noun.dep_ == "compound" and noun.head.pos_ == "NOUN"
                  and not _names_target(noun, self.lex) else noun)
        # "a series of airstrikes on hideouts of ISIL terrorists": the parser hangs the
        # trigger's own phrases on the noun that counts it
        counter = noun.head.head if (noun.dep_ == "pobj" and noun.head.lower_ == "of"
                                     and noun.head.head.lemma_.lower() in _COUNTERS) else None
        if counter is not None and phrase is noun:
            phrase = counter
        source = self.actor_in(self.prep_object(noun, "from"))
        a1 = (a1 or self.actor_in(self.prep_object(phrase, "by"))
              or self.participle_agent(phrase))
        verb = noun.head
        if a1 is None and noun.dep_ == "dobj" and is_verb(verb) and not is_passive(verb):
            # "would raise a chemical attack by forces loyal to Assad": the parser hangs the
            # noun's agent on the active verb, whose own agent is its subject
            by = self.prep_object(verb, "by")
            a1 = self.actor_in(by) if by is not None and by.i > noun.i else None
        if "air" in self.hit.entry.flags or noun.lower_ in _AGENT_NOUNS:
            # "strikes from Russian jets"; "a suicide bomber from the Nusra Front": the one
            # who bombed is of the group, not its victim
            a1 = a1 or source
            source = None
        a2 = (self.actor_in(self.prep_object(noun, *_TARGET_PREPS)) or source
              or self.relative_target(noun)
              or self.actor_in(self.prep_object(counter, *_TARGET_PREPS)))
        if a1 is not None and _names_target(noun, self.lex):
            a1, a2 = None, a2 or a1  # "struck Islamic State artillery positions": the owner
        return a1, a2

    def relative_target(self, noun: Token) -> TokenMention | None:
        """What a clause on the trigger noun says it aimed at: "suicide bombings that
        targeted a police station", "an explosion targeting the police" — its object."""
        for c in noun.children:
            if c.dep_ in ("relcl", "acl") and c.i > noun.i and c.lemma_.lower() in _AIM_VERBS:
                obj = next((g for g in c.children if g.dep_ == "dobj"), None)
                if obj is not None and (found := self.actor_in(obj)) is not None:
                    return found
        return None

    def between(self, noun: Token, a2: TokenMention | None
                ) -> tuple[TokenMention | None, TokenMention | None]:
        """The two parties of "clashes between X and Y", "talks between X and Y": the first
        named is actor1 (gold/GUIDE.md: the first named), the one joined to it actor2."""
        phrase = self.prep_object(noun, "between", "among")
        first = self.actor_in(phrase) if phrase is not None else None
        if first is None:
            return None, a2
        for conj in phrase.conjuncts:
            other = self.actor_in(conj)
            if other is not None and _ref(other) is not None and (
                    _ref(other).canonical != _ref(first).canonical):
                return first, other
        return first, a2


    def participle_agent(self, noun: Token) -> TokenMention | None:
        """The agent of a participle after the noun: "shells fired by ISIS terrorists"."""
        if noun.like_num or noun.pos_ == "NUM":  # "12 of 13 drones launched by Russia"
            noun = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), noun)
        for c in noun.children:
            # "a vacuum bomb attack aerially dropped by Syrian regime": the parser may tag
            # the participle a past tense; its "by" agent still marks it passive
            if c.dep_ == "acl" and c.i > noun.i and (c.tag_ == "VBN" or (
                    c.tag_ == "VBD" and any(g.dep_ == "agent" for g in c.children))):
                return self.actor_in(self.prep_object(c, "by"))
        return None


def _clause_as_object(verb: Token) -> bool:
    """Whether a verb is parsed as the object of a preposition that opens a clause ("since
    it intervened", "after they seized"): the clause hangs on the verb above the preposition."""
    return (verb.dep_ == "pobj" and verb.head.dep_ == "prep" and verb.head.head.i != verb.head.i
            and verb.head.lower_ in ("since", "after", "before", "until", "when"))


def _own_subject(subjects: list[Token]) -> Token | None:
    """The verb's subject, past a dateline the parser took for a second one: "RIYADH, Nov 5,
    2019 (Reuters) - Yemen's government and southern separatists signed ...": a town that
    opens the sentence before a comma, where the verb has another subject, is the dateline."""
    if len(subjects) > 1:
        subjects = [s for s in subjects if not _dateline(s)] or subjects
    return subjects[0] if subjects else None


def _dateline(token: Token) -> bool:
    """Whether a token is the town of a dateline: the sentence's first word, before a comma."""
    return (token.i == token.sent.start and token.i + 1 < len(token.doc)
            and token.doc[token.i + 1].text == ",")


def _witness(tm: TokenMention, lex: Lexicon) -> bool:
    """Civilians who only tell of the event: the subject of a speech verb ("residents
    said", "villagers reported")."""
    ref = _ref(tm)
    return (ref is not None and ref.kind in _NEVER_AGENTS and tm.root.dep_ == "nsubj"
            and lex.cue(tm.root.head, "speech_verb"))


# "X-backed", "X-armed", "X-held": a sponsor of the party or the holder of a place, named
# inside a modifier; the party is the noun the modifier qualifies ("CIA-armed units")
_SPONSOR_PARTICIPLES = frozenset({"backed", "supported", "sponsored", "armed", "funded",
                                  "trained", "equipped", "financed", "allied", "affiliated",
                                  "aligned", "linked", "formed", "made"})
# "X-held": the holder of a place struck may be what was hit ("air raids hit IS-held
# areas"), never the striker; where civilians fell it is their place, not the target
_HOLDER_PARTICIPLES = frozenset({"held", "controlled", "run", "dominated", "occupied",
                                 "besieged"})


def _sponsor(tm: TokenMention, holders: bool = False) -> bool:
    """Whether a mention only names a sponsor inside a hyphenated modifier ("CIA-armed
    units", "US-formed group", "Russian-made missiles"), or, with ``holders``, a place's
    holder ("Al Qaeda-held city", "a town held by IS"), or is a country named for its land,
    the owner of a place ("Syria's city of Idlib", "Syria's north"): no party in a
    sponsor's case."""
    doc = tm.root.doc
    if (tm.mention.rule.startswith("metonym") and tm.root.dep_ == "poss"
            and tm.root.head.lower_ in _LAND_NOUNS):
        return True
    noun = tm.root  # "the Islamic State group": the name's noun phrase
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i != noun.i:
        noun = noun.head
    by = noun.head
    if (holders and noun.dep_ == "pobj" and by.lower_ == "by" and by.head.dep_ == "acl"
            and by.head.lower_ in _HOLDER_PARTICIPLES):
        return True  # "bombs on a town held by the Islamic State group"
    if tm.end + 1 >= len(doc) or doc[tm.end].text != "-":
        return False
    word = doc[tm.end + 1].lower_
    return word in _SPONSOR_PARTICIPLES or (holders and word in _HOLDER_PARTICIPLES)


def _holder(tm: TokenMention) -> bool:
    """Whether a mention only names the holder of a place: "opposition-held Madaya",
    "an opposition area of the city", "the opposition side"."""
    if _sponsor(tm, holders=True):
        return True
    root = tm.root
    return root.dep_ in ("compound", "amod", "nmod") and root.head.lower_ in _HELD_PLACES


_HELD_PLACES = PLACE_NOUNS | frozenset({"areas", "side", "part", "parts", "zone", "zones",
                                        "territory", "territories", "regions", "quarters"})


def _struck(tm: TokenMention) -> bool:
    """Whether a mention is itself what an act hit (its object, passive subject or the
    object of "on"/"against"/"at"), not a name hung elsewhere in the sentence: "the
    Syrian Observatory for Human Rights reports", "the United Nations children's agency
    has said", "a hospital supported by MSF" tell who spoke or helped, not who was hit
    (the small parser often hangs such a trailing source on the toll's object)."""
    root = tm.root
    if root.dep_ in ("dobj", "nsubjpass"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in _TARGET_PREPS | {"at"}


_LAND_NOUNS = PLACE_NOUNS | {"north", "south", "east", "west", "northeast", "northwest",
                             "southeast", "southwest", "capital", "border", "borders",
                             "countryside", "territory", "soil", "heartland"}


def _unarmed_name(tm: TokenMention | None) -> bool:
    ref = _ref(tm)
    return ref is not None and ref.kind == "organisation" and ref.side is None


def _frame_verb(hit: Hit, lex: Lexicon) -> Token | None:
    """The verb whose subject and objects are the trigger's: itself, or the one its noun serves."""
    token = hit.token
    if hit.is_verb:
        return token
    if (verb := _wielding_verb(hit, lex)) is not None:
        return verb
    head = token.head
    if head.i == token.i or not is_verb(head):
        return None
    if token.dep_ == "dobj" and lex.cue(head, "speech_verb"):
        return None  # "Residents reported heavy explosions": the witnesses did not act
    if token.dep_ in SUBJECT_DEPS or token.dep_ == "dobj" or lex.cue(head, "light_verb"):
        return head
    return None


def _come_under(token: Token) -> tuple[Token, Token] | None:
    """The verb and the noun of "X came under (the) Y", the trigger either of them: "the
    town came under heavy bombardment", "Daesh has come under attack on several fronts" —
    a passive in all but form, whose subject suffers the noun (never its agent, as a
    subject is elsewhere)."""
    if token.lemma_.lower() == "come":
        noun = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "under"
                     for g in c.children if g.dep_ == "pobj"), None)
        return (token, noun) if noun is not None and noun.pos_ == "NOUN" else None
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "under" or prep.head.i == prep.i:
        return None
    verb = prep.head
    return (verb, token) if verb.lemma_.lower() == "come" else None


def _wielding_verb(hit: Hit, lex: Lexicon) -> Token | None:
    """The active verb a weapon noun is the instrument of: "terrorists targeted the
    neighbourhood with rocket shells", "the army responded with air strikes" — its subject
    wielded the weapon and its object was hit (not "clashed with", a battle's other side)."""
    token = hit.token
    prep = token.head
    if (hit.is_verb or token.dep_ != "pobj" or prep.lower_ != "with" or prep.dep_ != "prep"
            or hit.entry.family not in _VIOLENT_FAMILIES or hit.entry.family in _PAIR_FAMILIES):
        return None
    verb = prep.head
    if verb.i == prep.i or not is_verb(verb) or is_passive(verb) or lex.cue(verb, "speech_verb"):
        return None
    return verb


def _depth(token: Token, top: Token) -> int:
    depth = 0
    while token.i != top.i and token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def _air_power(clause: list[Token], index: DocIndex, lex: Lexicon) -> TokenMention | None:
    """The actor whose aircraft the clause names ("under air cover from Russian war planes")."""
    for t in clause:
        if t.pos_ == "NOUN" and lex.cue(t, "air"):
            # "airstrikes on the Daesh-held town": what was struck is not whose aircraft
            hit = {u.i for p in t.children if p.dep_ == "prep" and p.lower_ in _STRUCK_PREPS
                   for u in p.subtree}
            for u in t.subtree:
                if u.i not in hit and (tm := index.mention_at(u, "actor")) and not _sponsor(
                        tm, holders=True):
                    return tm
    return None


_STRUCK_PREPS = _TARGET_PREPS | {"in", "at", "near", "around", "targeting"}


def _support(hit: Hit, place: PlaceRef | None, finder: _Finder) -> TokenMention | None:
    """An actor named as the force behind the event: "thanks to X", "backed by X"."""
    anchor = finder.verb or hit.token
    found: list[TokenMention] = []
    for t in anchor.subtree:
        if not finder.lex.cue(t, "support_prep") or t.i == hit.token.i:
            continue
        if finder.index.mention_at(t, "actor"):
            continue  # a sponsor inside a name ("US-backed jihadis") is not a helper here
        for u in t.subtree:
            tm = finder.index.mention_at(u, "actor")
            if tm and tm not in found:
                found.append(tm)
    if not found:
        return None
    return next((tm for tm in found if _home_forces(tm, place)), found[0])


def _home_forces(tm: TokenMention, place: PlaceRef | None) -> bool:
    """Whether the actor is the state of the event's country (its name carries the country's)."""
    ref = _ref(tm)
    if ref is None or place is None or not place.country:
        return False
    return place.country.lower() in ref.canonical.lower()


def _earlier_in_clause(
    hit: Hit, clause: list[Token], index: DocIndex, other: TokenMention | None
) -> TokenMention | None:
    """The nearest actor named before the trigger in its clause, when it can have acted:
    never victims ("Eleven civilians ... were killed by air raids"), nor a subject the
    trigger's verb suffers (a passive subject), nor a body that does not fight where the
    event is violence."""
    before = [tm for tm in index.mentions_in(clause, "actor")
              if tm.end <= hit.start and tm is not other and _can_act(tm, hit)]
    return before[-1] if before else None


_NEVER_AGENTS = frozenset({"civilians"})
_NON_COMBATANTS = frozenset({"organisation", "political_group"})
_PEACEFUL_FAMILIES = frozenset({"agreement", "protest", "arrest", "vote", "group_change",
                                "evacuation", "withdrawal", "base"})


def _suffers(token: Token) -> bool:
    """Whether a token lies in a passive subject: "20 jihadists of Al-Nusra were killed"."""
    while token.head.i != token.i and not is_verb(token):
        if token.dep_ in ("nsubjpass", "auxpass"):
            return True
        token = token.head
    return token.dep_ in ("nsubjpass", "auxpass")


def _can_act(tm: TokenMention, hit: Hit) -> bool:
    ref = _ref(tm)
    if ref is None or ref.kind in _NEVER_AGENTS or tm.root.dep_ in ("nsubjpass", "auxpass"):
        return False
    if _sponsor(tm, holders=True):
        return False  # "CIA-armed units", "an IS-held town": the units, the town's people
    if hit.entry.family not in _PAIR_FAMILIES and _suffers(tm.root):
        return False  # the fighters killed in a battle fought it; those killed in a strike not
    return ref.kind not in _NON_COMBATANTS or hit.entry.family in _PEACEFUL_FAMILIES


def _toll_verb(hit: Hit, lex: Lexicon) -> Token | None:
    """The casualty verb a trigger noun explains: "killed in regime airstrikes"."""
    token = hit.token
    verb = token.head if token.dep_ == "pobj" and token.head.dep_ in ("prep", "agent") else token
    verb = verb.head if verb is not token else (token.head if token.dep_ == "nsubj" else None)
    if verb is None or not is_verb(verb) or lex.count_key(verb) is None:
        return None
    return verb


def _toll_above(hit: Hit, lex: Lexicon) -> Token | None:
    """The casualty verb whose "when"/"after" clause tells the act: "30 government fighters
    were killed when rebels set off a bomb" — the clause above names the victims."""
    verb = hit.token if hit.is_verb else hit.token.head
    if hit.token.dep_ not in ("dobj", "nsubj") and not hit.is_verb:
        return None
    if verb.dep_ != "advcl" or not any(c.dep_ in ("mark", "advmod") and c.lower_ in
                                       ("when", "after", "as") for c in verb.children):
        return None
    up = verb.head
    return up if is_verb(up) and is_passive(up) and lex.count_key(up) is not None else None


def _toll_after(hit: Hit, lex: Lexicon) -> Token | None:
    """The casualty participle that follows the act: "a mortar hit the square, killing one
    policeman", "a suicide bomber blew himself up at an outpost, killing 25 soldiers"."""
    if hit.entry.family in _PAIR_FAMILIES:
        return None  # "the clashes ended with killing 20 terrorists": either side's dead
    verb = hit.token if hit.is_verb else hit.token.head
    if not is_verb(verb) or (not hit.is_verb and hit.token.dep_ not in SUBJECT_DEPS):
        return None
    return next((c for c in verb.children if c.dep_ in ("advcl", "xcomp", "conj")
                 and c.tag_ == "VBG" and c.i > hit.token.i and lex.count_key(c) is not None),
                None)


def _toll_agent(hit: Hit, finder: _Finder) -> TokenMention | None:
    """The agent of the passive casualty verb a trigger noun explains: "85 civilians were
    killed in aerial bombardments by Russian and regime forces"; the subject of an active
    one: "Syrian troops killed 32 rebels in an ambush"."""
    if hit.is_verb:
        return None
    verb = _toll_verb(hit, finder.lex)
    if verb is None:
        return None
    if not is_passive(verb):
        # "Syrian troops killed 32 rebels in an ambush": the killers ambushed
        subj, skip = finder.subject(verb) if verb.dep_ not in ("relcl", "acl") else (None, None)
        tm = finder.actor_in(subj, skip) if subj is not None and subj.dep_ == "nsubj" else None
        return tm if tm is not None and _can_act(tm, hit) else None
    if hit.entry.family in _PAIR_FAMILIES:
        return None
    tm = finder.actor_in(finder.prep_object(verb, "by"))
    return tm if tm is not None and _can_act(tm, hit) and not _aimed_at(tm) else None


def _aimed_at(tm: TokenMention) -> bool:
    """Whether a mention is (the owner of) what an act aimed at: "bombings that targeted a
    police station" — the police were the target, not the bombers."""
    t = tm.root
    while t.dep_ in ("compound", "amod", "poss") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "dobj" and t.head.lemma_.lower() in _AIM_VERBS


def _casualties(hit: Hit, index: DocIndex, lex: Lexicon, a1: TokenMention | None
                ) -> TokenMention | None:
    """The victims of a casualty verb the trigger noun explains: "two civilians were killed
    in regime airstrikes", "shelling killed five soldiers" — the event's actor2."""
    verb = _toll_verb(hit, lex) or _toll_above(hit, lex) or _toll_after(hit, lex)
    if verb is None:
        return None
    deps = ("nsubjpass",) if is_passive(verb) else ("dobj",)
    for child in verb.children:
        if child.dep_ in deps:
            # "38 members of government forces were killed": the force the victims are of;
            # not those "among" or "including" ("15 people including five policemen": people)
            aside = {t.i for p in child.subtree if p.dep_ == "prep" and p.lower_ in _PART_PREPS
                     for t in p.subtree}
            tm = index.mention_at(child, "actor") or next(
                (m for m in index.mentions_in(list(child.subtree), "actor")
                 if m.root.i not in aside), None)
            if tm is not None and tm is not a1 and (a1 is None or _ref(tm) != _ref(a1)):
                return tm
    return None


def _foe(hit: Hit, index: DocIndex, lex: Lexicon, finder: _Finder, a1: TokenMention | None,
         a2: TokenMention | None) -> tuple[TokenMention | None, TokenMention | None]:
    """The other side of "killed in fighting with the Daesh group", "clashes against IS
    militants": the side named after "with"/"against" the clash is actor2; the fallen
    side, named first, actor1 (gold/GUIDE.md: the first named). Civilians killed in a
    clash are its victims, not a side."""
    foe = finder.actor_in(finder.prep_object(hit.token, "with", "against"))
    ref = _ref(foe)
    if foe is None or ref is None or ref.kind in _NON_COMBATANTS or ref.kind == "civilians":
        return a1, a2
    if a1 is not None:
        if a2 is None and _ref(a1) is not None and _ref(a1).canonical != ref.canonical:
            return a1, foe
        return a1, a2
    if a2 is not None and _ref(a2) is not None and _ref(a2).canonical == ref.canonical:
        a2 = None  # "clashes against IS": the foe, taken as the target; who fell is before
    fallen = a2 or _casualties(hit, index, lex, foe) or _fallen_subject(hit, index, lex)
    if fallen is None:
        return None, foe
    fell = _ref(fallen)
    if fell is None or fell.kind == "civilians" or fell.canonical == ref.canonical or (
            fallen.start > foe.start):
        return None, fallen if a2 is not None else foe
    return fallen, foe


def _fallen_subject(hit: Hit, index: DocIndex, lex: Lexicon) -> TokenMention | None:
    """The subject of an intransitive casualty verb: "9 rebels died in fighting with X"."""
    verb = _toll_verb(hit, lex)
    token = hit.token
    if verb is None and token.dep_ == "pcomp" and token.head.dep_ == "prep":
        verb = token.head.head  # "died in fighting with": the parser's gerund clause
        verb = verb if is_verb(verb) and lex.count_key(verb) is not None else None
    if verb is None or is_passive(verb) or any(c.dep_ == "dobj" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    return index.mention_at(subj, "actor") or next(
        iter(index.mentions_in(list(subj.subtree), "actor")), None)


def _second_party(
    hit: Hit, clause: list[Token], index: DocIndex, first: TokenMention | None
) -> TokenMention | None:
    """The other signatory or combatant: "talks between X and Y", "X and Y agreed"."""
    if first is None:
        return None
    first_ref = _ref(first)
    for tm in index.mentions_in(clause, "actor"):
        ref = _ref(tm)
        if tm.start > first.start and ref is not None and ref != first_ref:
            return tm
    return None


# -- what the text leaves unnamed ----------------------------------------------------

_UNCLAIMED_SUBTYPES = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})
# Property looted or destroyed without fighting belongs to civilians where no one is named
_CIVILIAN_SUBTYPES = frozenset({"Looting/property destruction"})
_CROWDS = {"Protests": "Protesters", "Riots": "Rioters"}
_INTERVENED = "Protest with intervention"
_CASUALTY_KEYS = frozenset({"killed", "injured", "killed_or_injured"})


def unnamed_actors(
    etype: str, subtype: str, hit: Hit, clause: list[Token], sent: Span,
    actor1: ActorRef | None, actor2: ActorRef | None, counts: list[CountHit],
    place: PlaceRef | None, index: DocIndex, lex: Lexicon,
) -> tuple[ActorRef | None, ActorRef | None]:
    """Actors the ACLED conventions code where the text names none (gold/GUIDE.md).

    The victims of a strike or of violence against civilians who are not fighters
    ("killing four civilians", "killed 19 people", "hit residential houses") are the
    civilians of the event's country; a bomb, suicide bombing or grenade no one is named
    for is an Unidentified Armed Group of that country (not shelling or rockets: on the
    gold dev split the text around them names the side far more often than not).
    Fighters, positions or bases hit, or no victim at all, leave actor2 empty; a chemical
    attack on a place named hit its people. Territory the state regains with no one named
    taking it is its forces'; a clash or a place taken told by one side was fought with the
    other, the enemy of that side the article names most (``_opponent``). A protest
    or riot by no named group is Protesters / Rioters (country); people arrested whom
    the text names by no group are Civilians (country), and so are people evacuated (an
    evacuation's actor1 is the side evacuated).
    """
    if etype in VIOLENT_TYPES or subtype == "Disrupted weapons use":
        actor1, actor2 = _armed_state(actor1, index), _armed_state(actor2, index)
    country: Country | None = None

    def here() -> Country | None:
        nonlocal country
        if country is None:
            code = code_of(place.country) if place is not None else None
            country = countries()[code] if code else event_country(index.ctx, sent)
        return country

    if actor1 is None and subtype == _REGAINED and here() is not None:
        # "troops entered the town", "the villages were liberated": only the state regains
        # territory (ACLED's sub-type), so its forces are the actor the text leaves bare
        actor1 = _home_military(here(), index, "the state regains territory")
    if (subtype == "Disrupted weapons use" and actor1 is not None
            and actor1.kind == "state_forces" and actor1.side is None
            and (owner := actor2 or _weapon_owner(hit, index)) is not None
            and (foe := _opponent(owner, index)) is not None):  # never owner's own side
        # "the air defences shot down an American drone", "Air defense systems shot down
        # ten Ukrainian drones": bare air defences (the generic layer's forces of the
        # article's country) are those of the side the weapon's owner fights -- in a
        # Houthi statement the Houthis', in a Russian bulletin Russia's
        actor1 = replace(foe, reason=f"air defences of the side {owner.canonical} fights")
        actor2 = owner
    if actor2 is None and actor1 is not None and (subtype in _TAKEN_SUBTYPES or (
            subtype == "Disrupted weapons use"
            and any(lex.cue(t, c) for t in clause for c in ("air", "artillery")))):
        actor2 = _opponent(actor1, index)
    if subtype == "Armed clash" and hit.entry.family != "disrupted" and (
            (actor1 is None) != (actor2 is None)):
        # "28 rebels were killed in fighting", "the army clashed in Zabadani": a clash told
        # by one side was fought with the other, whom the conventions code (GUIDE: a
        # battle has two sides)
        if actor1 is None and actor2 is not None and actor2.kind in _SIDE_KINDS:
            actor1 = _opponent(actor2, index)
        elif actor1 is not None and actor1.kind in _SIDE_KINDS:
            actor2 = _opponent(actor1, index)
    if (etype == "Explosions/Remote violence" and actor2 is None and actor1 is not None
            and actor1.kind in _SIDE_KINDS):
        # "the regime carried out 13 raids on Tabqa, killing at least 31 jihadists",
        # "killed about a hundred militants": the fighters a strike killed are the side
        # the text (or its context) makes them, else the side the striker fights
        # (gold/GUIDE.md: "terrorists" name the group the context shows)
        actor2 = _fighters_killed(actor1, counts, index, lex)
    if (subtype == _INTERVENED and actor2 is None and actor1 is not None
            and actor1.kind == "state_forces"):
        # "police fired tear gas to disperse the crowd": the force is the subject, yet the
        # crowd protests (actor1) and the force intervenes (actor2, gold/GUIDE.md)
        actor1, actor2 = None, actor1
    if etype in _CROWDS and (actor1 is None or actor1.kind == "civilians"):
        if here() is not None:
            actor1 = ActorRef(f"{_CROWDS[etype]} ({here().bare_name})", "civilians",
                              reason="a crowd the text names by no group")
        return actor1, actor2
    if subtype == "Arrests" and _civilian_object(hit, index, lex) and here() is not None:
        return actor1, ActorRef(here().civilians(), "civilians",
                                reason="arrested people the text names by no group")
    if actor1 is None and _evacuation(hit, subtype, sent) and here() is not None:
        # "5000 people left Fuaa under the evacuation deal": the side evacuated is actor1
        # (gold/GUIDE.md); people the text gives no side are the place's civilians
        return ActorRef(here().civilians(), "civilians",
                        reason="people evacuated whom the text names by no side"), actor2
    if (actor1 is None and subtype == "Armed clash" and hit.entry.family == "disrupted"
            and actor2 is not None and here() is not None
            # "the group said it had shot down ...": a shooter told, if by a pronoun
            and not any(c.dep_ in ("nsubj", "agent") for c in hit.token.children)):
        # an aircraft shot down by no one named (gold/GUIDE.md: the unnamed shooters)
        return ActorRef(here().unidentified(), "armed_group",
                        reason="an aircraft shot down by no one named"), actor2
    if etype not in ("Explosions/Remote violence", "Violence against civilians") and (
            subtype not in _CIVILIAN_SUBTYPES):
        return actor1, actor2
    if actor1 is None and subtype in _AIR_SUBTYPES and _barrel_bomb(list(sent)) and (
            here() is not None):
        actor1 = _home_military(here(), index, "barrel bombs: only the state drops them")
    if subtype in _UNCLAIMED_SUBTYPES and _no_one_named(actor1, sent, index):
        # "terrorists remotely detonated a motorcycle", "a suicide terrorist blew himself
        # up" with no group named around: the descriptor's default (the armed opposition)
        # is a guess, and gold/GUIDE.md codes a bomb no one is named for as unidentified
        actor1 = None
    if actor1 is None and subtype in _UNCLAIMED_SUBTYPES:
        actor1 = _culprit(sent, index, lex) or _article_claim(sent, index, lex)
    if actor1 is None and subtype in _UNCLAIMED_SUBTYPES and here() is not None:
        actor1 = ActorRef(here().unidentified(), "armed_group",
                          reason="a bomb or grenade no one is named for")
    victims = _civilian_victims(etype, subtype, hit, clause, sent, counts, index, lex,
                                placed=place is not None)
    if actor2 is None and victims and here() is not None and (
            actor1 is None or actor1.kind != "civilians"):
        actor2 = ActorRef(here().civilians(), "civilians",
                          reason="victims the text names as no armed party")
    return actor1, actor2


_OTHER = "Other"


def _evacuation(hit: Hit, subtype: str, sent: Span) -> bool:
    """Whether the event is an evacuation: its trigger's, or a departure the sentence tells
    as one ("5000 people left Fuaa, the latest in a series of evacuations")."""
    return hit.entry.family == "evacuation" or (
        subtype == _OTHER and any(t.lower_.startswith("evacuat") for t in sent))


def _weapon_owner(hit: Hit, index: DocIndex) -> ActorRef | None:
    """The side named on the weapon a verb stopped: "shot down ten Ukrainian drones",
    "destroyed 14 of 16 enemy drones" (the first armed actor in the object's phrase)."""
    objects = [c for c in hit.token.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]  # "12 of 13 drones"
    for o in objects:
        phrase = [t for t in o.subtree if t.i <= o.i]  # the words up to the weapon noun
        for tm in index.mentions_in(phrase, "actor"):
            ref = _ref(tm)
            if ref is not None and ref.kind in _SIDE_KINDS:
                return ref
    return None


def _barrel_bomb(words: list[Token]) -> bool:
    """Whether the words tell barrel bombs: "two barrel bombs were dropped on the camp",
    "a barrel bomb attack" (where the parser hangs "barrel" on "attack"), "helicopters
    dropped explosive barrels" -- the words in a row, whatever the parse made of them."""
    if not words:
        return False
    doc = words[0].doc
    for t in words:
        if t.lower_ not in ("barrel", "barrels"):
            continue
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        before = doc[t.i - 1] if t.i > 0 else None
        if (after is not None and after.lemma_.lower() == "bomb") or (
                before is not None and before.lower_ == "explosive"):
            return True
    return False


def _home_military(country: Country, index: DocIndex, reason: str) -> ActorRef | None:
    """The forces of the event's state, where the profile knows them: barrel bombs dropped
    by no one named are theirs (gold/GUIDE.md: only the state drops them), as is territory
    the state regains."""
    profile = index.ctx.profile
    entry = profile.actor(FORCES + country.bare_name) if profile is not None else None
    if entry is None:
        return None
    return _entry_ref(entry, reason)


def _no_one_named(ref: ActorRef | None, sent: Span, index: DocIndex) -> bool:
    """Whether an actor is only a hostile descriptor's default in the sentence
    ("terrorists" with no group named before or around it), not a group the text names;
    "rebels" name the armed opposition outright."""
    return ref is not None and ref.register == "hostile" and any(
        tm.mention.value is ref and tm.mention.rule.startswith(DESCRIPTOR_DEFAULT)
        for tm in index.mentions_in(list(sent), "actor"))


def _around(sent: Span, index: DocIndex) -> list[Span]:
    """The sentences that may name who did what a sentence tells: the sentence, the next
    one, and the earlier ones of its paragraph ("a massive bomb blast claimed by the Daesh
    terror group killed 44 ... A suicide bomber blew himself up": a claim told earlier in
    the paragraph is the first attribution)."""
    doc = sent.doc
    sents = [sent] + ([doc[sent.end].sent] if sent.end < len(doc) else [])
    para = index.paragraph(sent[0])
    k = sent.start
    while k > 0 and index.paragraph(doc[k - 1]) == para:
        k = doc[k - 1].sent.start
        sents.append(doc[k].sent)
    return sents


def _blame_phrases(verb: Token) -> list[Token]:
    """The phrases naming who a blame verb holds to account: its object ("blamed the RSF",
    "accused the army of ...") and its "on" phrase ("blamed the attack on the army") together,
    so that an "on" of time ("on Sunday blamed the RSF") hides no object; the subject of a
    passive one ("the regime was blamed"). A negated blame ("did not blame the army")
    names no one."""
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"
        for g in c.children if g.dep_ == "pobj"]


def _culprit(sent: Span, index: DocIndex, lex: Lexicon) -> ActorRef | None:
    """The group a bomb's sentence or the next one names as its author: "a local official
    blamed Al-Qaeda", "IS claimed responsibility" (gold/GUIDE.md: a disputed perpetrator is
    the first attribution given). Only non-state armed groups: "blamed the regime" is a
    side's accusation against its enemy, not an attribution."""
    for s in _around(sent, index):
        for t in s:
            if lex.cue(t, "blame_verb") and t.pos_ == "VERB":
                phrases = _blame_phrases(t)
            elif t.lemma_ == "claim" and any(lex.cue(c, "claim_noun") for c in t.children
                                             if c.dep_ == "dobj"):
                phrases = [c for c in t.children if c.dep_ == "nsubj"]
            elif t.lemma_ == "claim" and t.tag_ == "VBN" and t.dep_ == "acl" and (
                    t.head.lemma_.lower() in _CLAIMED_ACTS):
                phrases = [g for c in t.children if c.dep_ == "agent"
                           for g in c.children if g.dep_ == "pobj"]  # "a blast claimed by IS"
            else:
                continue
            for phrase in phrases:
                if (ref := _armed_group_in(phrase, index)) is not None:
                    return replace(ref, reason=f"named the author: {t.text!r}")
    return None


def _armed_group_in(phrase: Token, index: DocIndex) -> ActorRef | None:
    """The first armed group a phrase names ("IS", "the Islamic State group"); not a
    descriptor's default ("SANA said, blaming 'terrorists'": that names no one)."""
    for tm in index.mentions_in(list(phrase.subtree), "actor"):
        ref = _ref(tm)
        if (ref is not None and ref.kind == "armed_group"
                and not tm.mention.rule.startswith(DESCRIPTOR_DEFAULT)):
            return ref
    return None


def _article_claim(sent: Span, index: DocIndex, lex: Lexicon) -> ActorRef | None:
    """The one group the article says claimed its attack, wherever it says so: wire copy
    often tells the claim paragraphs after the bombing ("IS said in a statement that one
    of its fighters had fired on a gathering before blowing himself up", "The Islamic
    State group on Tuesday claimed the attack"), and gold/GUIDE.md codes the first
    attribution the text gives. None where the article denies a claim ("There was no
    immediate claim of responsibility") or where two groups claim: then the claims are
    about other attacks, told as background. A bombing its sentence dates by a month or a
    year ("In December 2016 ... an explosive belt that was remotely detonated") is such
    background, not the attack the claim is about (told by its weekday)."""
    if any(isinstance(v := tm.mention.value, DateValue) and v.precision in ("month", "year")
           for tm in index.mentions_in(sent, "date")):
        return None
    claimants: set[str] = set()
    found: ActorRef | None = None
    for s in sent.doc.sents:
        for t in s:
            if _denied_claim(t, lex):
                return None
            for phrase, verb in _claim_phrases(t, lex):
                if (ref := _armed_group_in(phrase, index)) is not None:
                    claimants.add(ref.canonical)
                    found = found or replace(ref, reason=f"claimed the attack: {verb!r}")
    return found if len(claimants) == 1 else None


def _claim_phrases(t: Token, lex: Lexicon) -> list[tuple[Token, str]]:
    """The subject of a claim of the article's attack: "claimed responsibility", "claimed
    the attack" (a definite attack: "claimed a suicide attack on a rival group" is another
    one), "said that one of its fighters ... blew himself up"."""
    if t.lemma_ == "claim" and t.pos_ == "VERB" and not _negated(t):
        objects = [c for c in t.children if c.dep_ == "dobj"]
        if any(lex.cue(o, "claim_noun") or (o.lower_ in _CLAIMED_ACTS and any(
                d.dep_ in ("det", "poss") and d.lower_ not in ("a", "an", "another")
                for d in o.children)) for o in objects):
            return [(c, t.text) for c in t.children if c.dep_ == "nsubj"]
    if t.lemma_ == "say" and _own_fighters_struck(t):
        # the speaker: its subject ("IS said" is parsed with "IS" an auxiliary)
        return [(c, t.text) for c in t.lefts if c.dep_ in ("nsubj", "auxpass")]
    return []


def _own_fighters_struck(say: Token) -> bool:
    """Whether what a speaker says tells its own fighters carried out an attack or blew
    themselves up ("one of its fighters ... before blowing himself up"): the words after
    the verb, however the parse hangs the said clause ("in a statement that ...")."""
    words = [w for c in say.rights for w in c.subtree]
    own = any(w.lower_ == "its" and w.head.lower_ in _OWN_FIGHTERS for w in words)
    return own and any(w.lemma_ in ("attack", "blow", "detonate") for w in words)


def _denied_claim(t: Token, lex: Lexicon) -> bool:
    """ "No group has claimed", "there was no immediate claim of responsibility"."""
    if t.lemma_ != "claim":
        return False
    if t.pos_ == "VERB":
        return _negated(t) or any(c.dep_ == "nsubj" and any(
            d.lower_ == "no" for d in c.children) for c in t.children)
    return any(c.lower_ == "no" and c.dep_ == "det" for c in t.children)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


_OWN_FIGHTERS = frozenset({"fighters", "fighter", "members", "member", "militants", "men"})
_CLAIMED_ACTS = frozenset({"blast", "bombing", "attack", "explosion", "bomb", "bombings",
                           "attacks", "explosions", "blasts"})
_REGAINED = "Government regains territory"
_TAKEN_SUBTYPES = frozenset({_REGAINED, "Non-state actor overtakes territory"})


def _opponent(actor1: ActorRef, index: DocIndex) -> ActorRef | None:
    """The party a side fights where the text leaves it unnamed: the loser of a place taken
    ("the RSF seized the airport" → the army), the launcher of drones shot down, the other
    side of a clash told by one ("28 rebels were killed in fighting" → the army).

    The profile's ``opponents`` name one enemy per side; the article chooses the enemy
    side: of the sides whose opponent is the side's actor, and the side of its own
    opponent, the one whose armed actors it names most (an article on the SDF's push into
    Raqqa: IS; on the army's offensive against IS: IS, not the rebels; ties: the side's
    opponent). The side's opponent stands for its own side ("rebels", not the one brigade
    named twice); another side is the actor of it the article names most."""
    profile = index.ctx.profile
    side = _side_of(actor1, profile)  # generic "troops": no side
    if profile is None or side is None:
        return None
    default = profile.opponents.get(side)
    default_entry = profile.actor(default or "")
    default_side = default_entry.side if default_entry is not None else None
    named: dict[str, Counter[str]] = {}
    for tm in index.by_kind.get("actor", ()):
        ref = _ref(tm)
        if ref is None or ref.kind not in ("state_forces", "armed_group") or (
                ref.canonical == actor1.canonical):
            continue
        own = _side_of(ref, profile)
        if own is not None and own != side and (
                own == default_side or profile.opponents.get(own) == actor1.canonical):
            named.setdefault(own, Counter())[ref.canonical] += 1
    foe = default
    if named:
        best = max(named, key=lambda s: (sum(named[s].values()), s == default_side))
        if best != default_side:
            foe = named[best].most_common(1)[0][0]  # ties: the first named
    entry = profile.actor(foe or "")
    if entry is None or entry.canonical == actor1.canonical:
        return None
    return _entry_ref(entry, f"the side {actor1.canonical} fights, the text naming none")


def _side_of(ref: ActorRef, profile: Profile | None) -> str | None:
    entry = profile.actor(ref.canonical) if profile is not None else None
    return ref.side or (entry.side if entry is not None else None)


def _armed_state(ref: ActorRef | None, index: DocIndex) -> ActorRef | None:
    """A state's forces where the text names the state fighting: "the regime carried out
    air strikes", "Turkey began its operation", "jets belonging to the Syrian government"
    — ACLED codes the military, not the government, in battles and strikes; only where
    the profile knows that military (the government's ``forces``, else by its name)."""
    if ref is None or ref.kind != "government":
        return ref
    profile = index.ctx.profile
    own = profile.actor(ref.canonical) if profile is not None else None
    if own is not None and own.forces:  # "drones of the Government of National Unity"
        forces = own.forces
    elif ref.canonical.startswith(GOVERNMENT):
        forces = FORCES + ref.canonical[len(GOVERNMENT):]
    else:
        return ref
    entry = profile.actor(forces) if profile is not None else None
    if entry is None:
        return ref
    return _entry_ref(entry, f"the state named fighting: {ref.canonical}", ref.register)


def _civilian_victims(etype: str, subtype: str, hit: Hit, clause: list[Token], sent: Span,
                      counts: list[CountHit], index: DocIndex, lex: Lexicon,
                      placed: bool = False) -> bool:
    """Whether the event's victims are civilians: the sentence names civilians or people
    hurt, counts casualties that are not fighters, the clause names a civilian target, or
    the attack is chemical and ``placed`` (its place named); and neither names fighters or
    military targets as what was hit."""
    if any(_target(t) and lex.cue(t, "combatant") and not index.mention_at(t, "actor")
           for t in clause):
        return False
    for c in counts:
        noun = c.number.head if c.number.dep_ in ("nummod", "quantmod") else c.number
        if c.key in _CASUALTY_KEYS and lex.cue(noun, "combatant"):
            return False
    if etype == "Violence against civilians" or subtype in _CIVILIAN_SUBTYPES:
        return True
    if subtype in _CHEMICAL_SUBTYPES and placed:
        # gas spreads over where people live: its dead are the place's people, told or not
        # (not where the only country known is a speaker's)
        return True
    if any(c.key in _CASUALTY_KEYS for c in counts):
        return True
    for t in sent:
        if lex.cue(t, "civilian") and t.text[:1].islower():
            tm = index.mention_at(t, "actor")
            ref = tm.mention.value if tm else None
            if ref is None or (isinstance(ref, ActorRef) and ref.kind == "civilians"):
                return True
    return any(lex.cue(t, "civilian_target") for t in clause)


def _fighters_killed(actor1: ActorRef, counts: list[CountHit], index: DocIndex, lex: Lexicon
                     ) -> ActorRef | None:
    """The side of the fighters a strike's casualty count counts ("killing 48 terrorists",
    "about a hundred of militants", "60 foreign mercenaries were killed"): the side their
    words name, in the text or its context ("jihadists" in an article on IS); where the
    words are only a descriptor's default or no mention, the side ``actor1`` fights."""
    for c in counts:
        if c.key not in _CASUALTY_KEYS:
            continue
        noun = c.number.head if c.number.dep_ in ("nummod", "quantmod") else c.number
        if noun is c.number:  # "a hundred of militants"
            noun = next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                         for g in p.children if g.dep_ == "pobj"), noun)
        if not lex.cue(noun, "combatant"):
            continue
        for tm in index.mentions_in(list(noun.subtree), "actor"):
            ref = _ref(tm)
            if ref is not None and not tm.mention.rule.startswith(DESCRIPTOR_DEFAULT):
                return ref if ref.kind in _SIDE_KINDS and ref.canonical != actor1.canonical \
                    else None
        return _opponent(actor1, index)
    return None


def _target(token: Token) -> bool:
    """Whether a noun is what an act hit: its object, passive subject, or the object of
    "on"/"at"/"against" ("strikes on militant positions"), not its agent or a part counted."""
    if token.dep_ in ("dobj", "nsubjpass"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in ("on", "at", "against", "upon")


def _civilian_object(hit: Hit, index: DocIndex, lex: Lexicon) -> bool:
    """Whether an arrest verb's object is people named by no group ("detained a resident",
    "arrested 17 people"), whatever actor its modifiers name ("suspected of spying for X")."""
    if not hit.is_verb:
        return False
    deps = ("nsubjpass",) if is_passive(hit.token) else ("dobj",)
    for obj in (c for c in hit.token.children if c.dep_ in deps):
        noun = obj.head if obj.dep_ == "nummod" else obj
        if obj.like_num or obj.pos_ == "NUM":  # "arrested 11 of them"
            noun = next((g for g in obj.children if g.dep_ == "pobj"), obj)
        tm = index.mention_at(noun, "actor")
        if lex.cue(noun, "civilian") and (tm is None or _ref(tm) is None
                                          or _ref(tm).kind == "civilians"):
            return True
    return False


# -- whose aircraft fly there ----------------------------------------------------------

_AIR_SUBTYPES = frozenset({"Air/drone strike"})
_CHEMICAL_SUBTYPES = frozenset({"Chemical weapon"})


def _flies(canonical: str, profile: Profile | None) -> bool:
    """Whether an actor has an air force: a state's forces (the profiles count coalitions of
    states among them), not an armed group raided or named by mistake."""
    entry = profile.actor(canonical) if profile is not None else None
    if entry is not None:
        return entry.kind == "state_forces"
    return canonical.startswith(FORCES)


def fill_air_side(events: list[Event], candidates: list[Candidate], index: DocIndex
                  ) -> list[Event]:
    """Air strikes told without their side ("raids killed 16 civilians in Douma") where the
    article's other tellings of strikes, told as having happened, name one side only as
    striking ("Russian air strikes hit ...", "regime jets bombed ..."). Where they name two
    sides, or only a guess ("by regime warplanes or their Russian allies"), or the strike
    is a drone's, the side stays unnamed (gold/GUIDE.md: no guessing between Syrian and
    Russian), and an unclaimed bomb's Unidentified Armed Group is no striking side. A
    chemical attack takes the first perpetrator the article gives for one;
    shelling and clashes told with no side take the article's one side firing and its one
    pair fighting (``_fill_shelling_side``, ``_fill_clash_sides``), violence against
    civilians its one side doing it (``_fill_violence_side``); a strike or shelling
    still without a side, the side the article blames outright (``_blamed_strikes``)."""
    events = _first_attribution(events, candidates, _CHEMICAL_SUBTYPES, index)
    events = _title_bomber(events, index)
    events = _fill_shelling_side(events, candidates, index)
    events = _fill_clash_sides(events, candidates, index)
    events = _fill_violence_side(events, candidates, index)
    events = [replace(e, actor1=None) if e.sub_event_type in _AIR_SUBTYPES and (
        e.actor1 or "").startswith(_UNIDENTIFIED) else e for e in events]
    return _blamed_strikes(_one_air_side(events, candidates, index), candidates, index)


def _one_air_side(events: list[Event], candidates: list[Candidate], index: DocIndex
                  ) -> list[Event]:
    """Air strikes told without their side take the one side the article's other tellings
    name striking (``fill_air_side``)."""
    if not any(e.sub_event_type in _AIR_SUBTYPES and e.actor1 is None for e in events):
        return events
    profile = index.ctx.profile
    sides = {c.actor1 for c in candidates if c.sub_event_type in _AIR_SUBTYPES
             and c.actor1 is not None and c.modality in EXPORTED and _flies(c.actor1, profile)}
    if not sides:
        sides = _title_sides(index.ctx.document.title, profile)
    if len(sides) != 1:
        return events
    (side,) = sides
    text = index.ctx.document.text
    return [replace(e, actor1=side) if e.sub_event_type in _AIR_SUBTYPES and e.actor1 is None
            and e.actor2 != side and not _drone(e, text) else e for e in events]


_SHELLING_SUBTYPES = frozenset({"Shelling/artillery/missile attack"})
# An unclaimed bomb's actor ("the bombing on Saturday" typed an air strike by the article's
# frame): no unidentified group flies; an air strike no one is named for has no actor1
# (gold/GUIDE.md) until the article's one striking side fills it
_UNIDENTIFIED = "Unidentified Armed Group"
_STRIKE_SUBTYPES = _AIR_SUBTYPES | _SHELLING_SUBTYPES


def _blamed_strikes(events: list[Event], candidates: list[Candidate], index: DocIndex
                    ) -> list[Event]:
    """Strikes and shelling that no telling gives a side where the article blames or accuses
    an armed side for them outright ("Drones struck the port ... Army spokesman Nabil Abdallah
    blamed the Rapid Support Forces", "an air strike hit the Mayo neighbourhood ...
    Residents blamed the army"): the first side blamed around the strike's telling
    (``_blamed_side``), the first attribution given (gold/GUIDE.md: a disputed perpetrator
    is the first attribution); of sides joined, the first named. A state named is its
    forces. An air strike is only a side's that flies (``_flies``), or a drone's."""
    if not any(e.sub_event_type in _STRIKE_SUBTYPES and e.actor1 is None for e in events):
        return events
    lex = lexicon()
    profile = index.ctx.profile
    text = index.ctx.document.text
    out = []
    for e in events:
        if e.sub_event_type in _STRIKE_SUBTYPES and e.actor1 is None:
            side = _blamed_side(e, candidates, index, lex)
            if side is not None and side != e.actor2 and (
                    e.sub_event_type not in _AIR_SUBTYPES or _flies(side, profile)
                    or _drone(e, text)):
                e = replace(e, actor1=side)
        out.append(e)
    return out


# What a blame is for ("accused the RSF of looting aid convoys" is no strike's blame)
_BLAMED_FOR = frozenset({"attack", "attacks", "strike", "strikes", "airstrike", "airstrikes",
                         "raid", "raids", "shelling", "shell", "shells", "bombing", "bombings",
                         "bombardment", "bombardments", "massacre", "massacres", "killing",
                         "killings", "kill", "death", "deaths", "assault", "blast", "blasts",
                         "explosion", "explosions", "bomb", "target", "targeting", "hit",
                         "fire", "firing", "launch", "launching", "carry", "carrying",
                         "conduct", "conducting", "incident", "violence", "casualties",
                         "destruction", "damage"})


def _blame_topic(verb: Token, lex: Lexicon) -> bool:
    """Whether a blame is about an attack: what its "for" or "of" phrase names is a strike,
    a killing or the like, or it names nothing."""
    told = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
            for g in c.children if g.dep_ in ("pobj", "pcomp")]
    return not told or any(
        w.lemma_.lower() in _BLAMED_FOR or w.lower_ in _BLAMED_FOR
        or any(lex.cue(w, cue) for cue in ("air", "artillery", "chemical", "strike_noun"))
        for g in told for w in g.subtree)


def _blamed_side(event: Event, candidates: list[Candidate], index: DocIndex, lex: Lexicon
                 ) -> str | None:
    """The first armed side blamed or accused outright for a strike: as the object of an
    active blame verb ("blamed the RSF") or in its "on" phrase ("blamed the attack on the
    army"), in the strike's sentence, the next, or earlier in its paragraph (``_around``),
    where the blame is about an attack (``_blame_topic``: not "accused the RSF of looting");
    a descriptor's default ("blamed terrorists") names no one."""
    doc = index.doc
    sents = {doc[c.position].sent.start: doc[c.position].sent for c in candidates
             if c.evidence in event.evidence and c.position < len(doc)}
    seen: set[int] = set()
    for sent in sorted(sents.values(), key=lambda s: s.start):
        for s in _around(sent, index):
            if s.start in seen:
                continue
            seen.add(s.start)
            for t in s:
                if not (lex.cue(t, "blame_verb") and t.pos_ == "VERB") or is_passive(t) or (
                        not _blame_topic(t, lex)):
                    continue
                for phrase in _blame_phrases(t):
                    for tm in index.mentions_in(list(phrase.subtree), "actor"):
                        if tm.mention.rule.startswith(DESCRIPTOR_DEFAULT):
                            continue
                        ref = _armed_state(_first_named(tm, index), index)
                        if ref is not None and ref.kind in ("state_forces", "armed_group"):
                            return ref.canonical
    return None


def _fill_shelling_side(events: list[Event], candidates: list[Candidate], index: DocIndex
                        ) -> list[Event]:
    """Shells told without who fired them ("other shells hit the neighborhoods of
    al-Mazzeh", "a third shell fell in al-Masharqeh") where the article's other tellings of
    shelling, told as having happened, name one armed side only as firing ("terrorists
    targeted ... with rocket shells"): the article's shelling is that side's, as the gold
    codes it. Two sides firing (the army's shelling and the rebels' rockets), or none, leave
    the side unnamed, but for shells that follow a side's firing told just before
    (``_previous_firer``)."""
    if not any(e.sub_event_type in _SHELLING_SUBTYPES and e.actor1 is None for e in events):
        return events
    profile = index.ctx.profile
    firing = [c for c in candidates if c.sub_event_type in _SHELLING_SUBTYPES
              and c.actor1 is not None and c.modality in EXPORTED
              and _armed_side(c.actor1, profile)]
    sides = {c.actor1 for c in firing}
    if len(sides) == 1:
        (side,) = sides
        return [replace(e, actor1=side) if e.sub_event_type in _SHELLING_SUBTYPES
                and e.actor1 is None and e.actor2 != side else e for e in events]
    out = []
    for e in events:
        side = (_previous_firer(e, candidates, firing)
                if e.sub_event_type in _SHELLING_SUBTYPES and e.actor1 is None else None)
        out.append(replace(e, actor1=side) if side is not None and e.actor2 != side else e)
    return out


# How many sentences back a side's firing still speaks for bare shells told after it
_FIRER_REACH = 2


def _previous_firer(event: Event, candidates: list[Candidate], firing: list[Candidate]
                    ) -> str | None:
    """The side whose firing the article tells in the sentence or two just before a shell
    told with no side ("terrorists of the so called Jaish al-Islam fired three shells ...
    another mortar shell fell near the Sheraton", "residential areas were also shelled by
    terrorist organizations. One of the shells landed on a roof"): a dispatch lists the
    shells of the attack it has just named, as the gold codes them. The nearest such
    firing in the same paragraph wins; none within reach leaves the side unnamed."""
    telling = next((c for c in candidates if c.decision != "dropped"
                    and c.sub_event_type == event.sub_event_type
                    and c.evidence == event.evidence[0]), None)
    if telling is None:
        return None
    before = [c for c in firing if telling.sentence - _FIRER_REACH <= c.sentence
              < telling.sentence and c.paragraph == telling.paragraph]
    if not before:
        return None
    return max(before, key=lambda c: c.position).actor1


_BATTLE_TYPE = "Battles"
_CLASH = "Armed clash"


def _fill_clash_sides(events: list[Event], candidates: list[Candidate], index: DocIndex
                      ) -> list[Event]:
    """Clashes told with neither side ("Clashes in Zabadani raged on Thursday", "fighting in
    the neighborhoods of Sheikh Saeed") where the article's other tellings of battles, told
    as having happened, name one pair of armed sides only ("the army and Hezbollah fighters
    clashed with rebels ..."): the battle is theirs, in the order the article most often
    names them (gold/GUIDE.md: a battle has two sides; the gold codes the article's pair).
    Two pairs, or none, leave both slots empty."""
    if not any(e.sub_event_type == _CLASH and e.actor1 is None and e.actor2 is None
               for e in events):
        return events
    profile = index.ctx.profile
    told: Counter[tuple[str, str]] = Counter()
    for c in candidates:
        if (c.event_type == _BATTLE_TYPE and c.modality in EXPORTED
                and c.actor1 is not None and c.actor2 is not None
                and c.actor1 != c.actor2
                and _armed_side(c.actor1, profile) and _armed_side(c.actor2, profile)):
            told[(c.actor1, c.actor2)] += 1
    if len({frozenset(pair) for pair in told}) != 1:
        return events
    pair = told.most_common(1)[0][0]  # ties: the first told
    return [replace(e, actor1=pair[0], actor2=pair[1]) if e.sub_event_type == _CLASH
            and e.actor1 is None and e.actor2 is None else e for e in events]


_VIOLENCE_TYPE = "Violence against civilians"


def _fill_violence_side(events: list[Event], candidates: list[Candidate], index: DocIndex
                        ) -> list[Event]:
    """Violence against civilians told without who did it ("two women were stoned to death
    in Raqqa", "a ninth man was executed and crucified in al-Bab", "some 12 men were
    abducted from their village") where the article's other tellings of such violence,
    told as having happened, name one armed side only as doing it: the article's killings
    and abductions are that side's (every such event in gold dev and train names its
    actor1). Two sides, or none, leave the side unnamed."""
    if not any(e.event_type == _VIOLENCE_TYPE and e.actor1 is None for e in events):
        return events
    profile = index.ctx.profile
    sides = {c.actor1 for c in candidates if c.event_type == _VIOLENCE_TYPE
             and c.actor1 is not None and c.modality in EXPORTED
             and _armed_side(c.actor1, profile)}
    if len(sides) != 1:
        return events
    (side,) = sides
    return [replace(e, actor1=side) if e.event_type == _VIOLENCE_TYPE and e.actor1 is None
            and e.actor2 != side else e for e in events]


def _armed_side(canonical: str, profile: Profile | None) -> bool:
    """Whether an actor is a side that fires (state forces or an armed group), not the
    civilians, a body or an unidentified group named for a bomb."""
    entry = profile.actor(canonical) if profile is not None else None
    if entry is not None:
        return entry.kind in ("state_forces", "armed_group")
    return canonical.startswith(FORCES)


# Headline words for air strikes a side's word may stand before: "Regime airstrikes kill 61",
# "Syria regime raids kill 10", "Russian air strikes hit ..."
_TITLE_AIR = frozenset({"air", "airstrike", "airstrikes", "air-strikes", "raid", "raids",
                        "warplanes", "jets", "aircraft", "strikes", "bombardment"})


def _title_sides(title: str | None, profile: Profile | None) -> set[str]:
    """The sides the headline names as striking from the air ("Regime airstrikes kill 61
    civilians in Atareb"): the article is about their strikes, however its body tells them."""
    if not title or profile is None:
        return set()
    words = re.findall(r"[A-Za-z][\w-]*", title)
    sides = set()
    for i, word in enumerate(words):
        if word.lower() not in _TITLE_AIR:
            continue
        for n in (3, 2, 1):
            named = profile.modifier_actors.get(" ".join(words[max(0, i - n):i]).lower())
            if i - n >= 0 and named and _flies(named[0].canonical, profile):
                sides.add(named[0].canonical)
                break
    return sides


def _drone(event: Event, text: str) -> bool:
    """Whether a strike is told as a drone's: many sides fly drones, so no side is implied."""
    return any("drone" in text[s.start:s.end].lower() for s in event.evidence)


def _first_attribution(events: list[Event], candidates: list[Candidate],
                       subtypes: frozenset[str], index: DocIndex) -> list[Event]:
    """A chemical attack told without its perpetrator takes the first one the article
    gives for a chemical attack elsewhere ("the poison gas attack ... blamed on the
    regime"), as a disputed perpetrator does (gold/GUIDE.md: the first attribution);
    where no telling of the attack names one, the side the article first blames for it
    ("Washington blames the Syrian government for the attack")."""
    if not any(e.sub_event_type in subtypes and e.actor1 is None for e in events):
        return events
    named = sorted((c for c in candidates if c.sub_event_type in subtypes and c.actor1),
                   key=lambda c: c.position)
    side = named[0].actor1 if named else _blamed(index, lexicon())
    if side is None:
        return events
    return [replace(e, actor1=side) if e.sub_event_type in subtypes and e.actor1 is None
            and e.actor2 != side else e for e in events]


_BLAMED_ACTS = frozenset({"attack", "attacks", "massacre", "massacres"})


def _blamed(index: DocIndex, lex: Lexicon) -> str | None:
    """The side the article first holds to account for an attack it tells as chemical: the
    one blamed or accused ("Washington blames the Syrian government for the attack", "which
    Washington blames on the Syrian government"), said to be behind it ("forces loyal to
    Assad were behind the attack") or responsible ("the Bashar regime is responsible"). A
    state named is its forces, as a state named fighting is; only a fighting side counts."""
    for sent in index.doc.sents:
        if not any(lex.cue(t, "chemical") or t.lower_ in _BLAMED_ACTS for t in sent):
            continue
        for t in sent:
            phrases: list[Token] = []
            if lex.cue(t, "blame_verb") and t.pos_ == "VERB":
                phrases = _blame_phrases(t)  # "blamed X", "blamed the attack on X"
            elif t.lower_ in ("behind", "responsible") and t.head.lemma_ == "be":
                phrases = [c for c in t.head.children if c.dep_ == "nsubj"]
            for phrase in phrases:
                for tm in index.mentions_in(list(phrase.subtree), "actor"):
                    ref = _armed_state(_ref(tm), index)
                    if ref is not None and ref.kind in ("state_forces", "armed_group"):
                        return ref.canonical
    return None


# Headline words for a bomb a group's name may stand before: "IS suicide bomb attack",
# "Daesh mines killed, wounded dozens", "ISIS car bomb kills 20"
_TITLE_BOMBS = frozenset({"bomb", "bombs", "bomber", "bombers", "bombing", "bombings", "suicide",
                          "car", "mine", "mines", "landmine", "landmines", "ied", "ieds", "blast",
                          "blasts"})


def _title_bomber(events: list[Event], index: DocIndex) -> list[Event]:
    """A bomb no one in the body is named for ("a suicide bomber blew himself up at a
    wedding", coded an Unidentified Armed Group) whose headline names the group before the
    bomb ("IS suicide bomb attack kills 14"): the article is about that group's bombing."""
    unclaimed = [e for e in events if e.sub_event_type in _UNCLAIMED_SUBTYPES
                 and (e.actor1 is None or e.actor1.startswith("Unidentified Armed Group"))]
    profile = index.ctx.profile
    title = index.ctx.document.title
    if not unclaimed or profile is None or not title:
        return events
    names = {a.text: actor for actor in profile.actors if actor.kind == "armed_group"
             for a in actor.aliases}
    words = re.findall(r"[A-Za-z][\w-]*", title)
    groups = set()
    for i, word in enumerate(words):
        if word.lower() not in _TITLE_BOMBS:
            continue
        for n in (3, 2, 1):
            if i - n < 0:
                continue
            said = " ".join(words[i - n:i])
            named = names.get(said) or next(
                (a for a in profile.modifier_actors.get(said.lower(), ())
                 if a.kind == "armed_group"), None)
            if named is not None:
                groups.add(named.canonical)
                break
    if len(groups) != 1:
        return events
    (group,) = groups
    ids = {id(e) for e in unclaimed}
    return [replace(e, actor1=group) if id(e) in ids and e.actor2 != group else e
            for e in events]
