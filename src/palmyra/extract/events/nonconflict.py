"""Whether a trigger tells an act of political violence or something else: an accident,
a disaster, a game, a drill, a weapons test, an ordinary crime, or an event a trial or a
commemoration looks back on, war's words used for other things ("an attack on the budget"),
or diplomacy between states that is no agreement between the sides of a war (``non_conflict``).

The cue words (``event_cues.tsv``) count only where they say what the trigger is: its own
phrase, what did the deed and what it came from, not the place or target it names. The
event extractor asks this once per trigger, after its actors are resolved.

The English words the rules below look for (craft that crash, verbs of trade, words of a
court...) are data, not code: ``resources/nonconflict_words.tsv`` (``WORDS``), beside the
trigger and cue lists, so that a coder adds a kind of accident or a court's word without
touching the grammar, and a review of the vocabulary reads one file. What stays here are the
names of trigger families, actor kinds and dependency labels, which the code itself defines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Span, Token

from palmyra.extract.events.lexicon import Lexicon
from palmyra.extract.events.model import MODEL_FAMILY, NONE, TERRITORY
from palmyra.extract.events.syntax import OBJECT_DEPS, ancestors_in_sentence, is_verb
from palmyra.extract.events.triggers import Hit
from palmyra.resource_files import tab_rows

WORDS_FILE = "nonconflict_words.tsv"


def _load_words(name: str = WORDS_FILE) -> dict[str, frozenset[str]]:
    """The word lists of ``name`` (``word<TAB>list`` rows) by list name."""
    lists: dict[str, set[str]] = {}
    for _, (word, lst) in tab_rows(name, 2):
        lists.setdefault(lst, set()).add(word)
    return {lst: frozenset(words) for lst, words in lists.items()}


# list name -> words (see the module notes); read once, at import
WORDS = _load_words()

# Triggers that name only political violence whatever else the sentence is about: a
# grenade at a basketball game, lawyers protesting outside a court, are still events.
UNAMBIGUOUS_FAMILIES = frozenset({"protest", "riot", "mob", "grenade", "sexual", "suicide",
                                  "chemical"})
ARMED_KINDS = frozenset({"armed_group", "militia", "rebels"})
# Aircraft that are weapons as the subject of the trigger itself ("jets bombed villages"); a
# plane or a jet whose crash killed ("an airliner jet crashed, killing 38") is none.
WEAPON_CRAFT = WORDS["weapon_craft"]
AGREEMENT = "Agreement"
# The sentence model's Agreement score that keeps an agreement with no sign of the sides.
AGREEMENT_SURE = 0.9
# A state's armed side, not its government (a party to talks between states).
SIDE_FORCES = frozenset({"state_forces", "police"})
# Triggers of what police do to criminals as well as to rebels: arrests and seizures.
CRIME_FAMILIES = frozenset({"arrest", "territorial", "disrupted"})


def non_conflict(hit: Hit, anchor: Token, clause: list[Token], sent: Span, actors: Any,
                  lex: Lexicon, state_kinds: frozenset[str], scores: dict[str, float],
                  settings: dict[str, Any], named: Sequence[Any] = ()) -> bool:
    """A trigger that tells an accident, a disaster, a game, a drill or an ordinary crime
    ("an earthquake struck", "the bowling attack", "arrested for robbing a shop"), not an
    act of political violence.

    A cue word counts only where it says what the trigger is (``_cue_scope``): the
    trigger's own modifiers ("gas explosion"), what did it (its subject: "a gas tanker
    exploded"), what it came from ("killed in a plane crash", "fired during a drill") or
    the words that govern it ("sentenced for attacks"); not where it only names the
    place, the target or another clause of the report ("a rocket hit a football pitch",
    "a roadside bomb hit a bus carrying miners", "urged both sides to exercise
    restraint"). So scoped:

    - a game (``sport``) whoever acts: "Iraq and Saudi Arabia clash in the cup
      semi-final"; a drill or weapons test (``drill``) too, read in the trigger's whole
      clause ("fired at simulated enemy positions in a live-fire drill": a drill is
      seldom the mere setting of an attack): "the navy test-fired a missile";
    - an accident, a disaster, a trial... (``non_conflict``) where no state force or
      armed group is named;
    - an event a trial or a commemoration looks back on, whoever did it (cue class
      ``retrospective`` governing the trigger: "sentenced the commanders for the attacks",
      "a minute's silence for the children killed in the 2014 attack");
    - an arrest, seizure or dismantling for an ordinary crime (``crime``, read in the
      whole sentence: what the arrested are accused of hangs off them) unless an armed
      group is named: a crowd beating a thief is still mob violence, so the crime cue only
      bears on the police's own acts.

    - war's words used figuratively, whoever acts (``_figurative``): a ``figurative`` noun
      as what the trigger hits, is done with or is done by ("launched an attack on the
      forecasts", "shot down a bill", "bombarded with messages", "sales exploded"), or a
      ``nonviolent_kind`` modifier ("a heart attack"); an explosion of a ``blast_cause``
      ("a gas explosion"); a clash whose doer is a ``verbal_agent`` ("two candidates
      clashed"); people displaced by fighting (``_displacement_cause``);
    - an agreement, talks or a deal that names no side of a conflict nor what such
      agreements are about (``_between_sides``): diplomacy or business between states;
    - the model's proposal in a sentence whose verb tells an accident.
    - (issue 18 again, ``gold/recall/train5.jsonl``) where no armed group is named, whichever
      state's forces are: a game's score on the trigger ("Navy beat Army 31-13"), a court's
      execution ("executed a man convicted of smuggling heroin"), a deed the police say had
      no political motive, a craft that crashed or "went down" with no weapon named, weapons
      bought or sold ("ordered 600 Stinger missiles"), people evacuated from a disaster;
      whoever acts, a trigger that was called off, suspended or postponed, and one under
      "N years since" ("to mark 20 years since the school siege"); where no armed actor is
      named, power taken in an election and violence the sentence tells as a robbery, a
      bribe or a family feud (not a crowd's: that is mob violence).
    - (issue 18 a fourth time; ``gold/recall/train7.jsonl`` was written before these, to hold
      them to) whoever acts: a deed told only as what killed the dead a funeral, burial or
      memorial is for (``mourned``: "the remains of 54 soldiers killed in Somalia"), one a
      prosecutor charges someone with (``_charged_with``), one counted "since" by the
      conjunction of its own clause ("to mark 10 years since fighters killed thousands"), a
      battle of one's own won or lost ("won their battle to save a leg"); an accident told by
      its adverb ("accidentally shot") where no actor is named; hackers as a figurative doer.

    - (issue 18 a sixth time, ``gold/recall/train10.jsonl``) where no armed actor is named, an
      explosion at an industrial site (``_industrial_blast``: "an explosion ripped through a
      chemical plant", "a furnace exploded at a steel mill") with no weapon and no doer in
      the sentence; where no armed group is named, police or soldiers shooting ordinary
      offenders (``_offenders_hit``: "police shot dead four suspected robbers"); whoever acts,
      a sentence that tells a game's result (``_game_result``: "edged the All Blacks 24-21
      ..., where a late raid won the game"); an agreement to buy or sell arms
      (``_arms_traded``), whichever state's forces are named; where no armed group is named,
      a shooter who "turned the gun on himself" (``_shot_self``: a murder-suicide); whoever
      acts, a weapon word that only modifies a scare ("a bomb hoax", ``weapon_scare``), and
      people evacuated after one (``_scare``).

    A bomb, a missile or a warplane as the doer (``weapon``) is no setting's: the sport and
    non-conflict cue words around it do not count ("a car bomb exploded outside a stadium
    during a football match").

    Elsewhere in the sentence (another clause: "an explosion ...; officials blamed a gas
    leak") a ``non_conflict`` or ``sport`` cue counts where no armed actor is named,
    except a word that may be a real attack's setting (``setting``) in the trigger's
    object or place phrase. With ``nonconflict_none`` set (off by default) even such a
    word counts where the sentence model gives the sentence NONE at least that.
    Triggers that name only political violence (``UNAMBIGUOUS_FAMILIES``: protesters, a
    grenade, a suicide bomber) are read only by what they are or who does them ("the
    stock exchange rallied"), never by where they happen.
    """
    family = hit.entry.family
    if any(_cue(t, lex, "retrospective") for t in ancestors_in_sentence(hit.token)):
        return True
    if (_since_span(hit.token) or _told_to_court(hit.token, lex) or mourned(hit.token, lex)
            or _charged_with(hit.token)):
        return True
    # a weapon word that only modifies a scare, a hoax or a shelter ("evacuated a mall after
    # a bomb hoax", "a bomb threat closed the airport"): no weapon was used, whoever acts
    if (hit.token.dep_ == "compound" and not is_verb(hit.token)
            and hit.token.head.lemma_.lower() in WORDS["weapon_scare"]):
        return True
    unambiguous = family in UNAMBIGUOUS_FAMILIES
    scope = _cue_scope(hit, anchor, sent, causes=not unambiguous)
    targets = _targets(hit, anchor, sent) - {t.i for t in scope}
    # the sentence but the places and targets of the trigger's event that may be its
    # setting ("a rocket hit a football pitch"; a disease attacked is no setting)
    told = [t for t in sent if t.i not in targets or not _cue(t, lex, "setting")]
    agents = _agents(hit, anchor, sent)
    # a bomb, a missile or a jet doing the deed (not what was fired: "fired missiles during
    # exercises") is a weapon whatever the setting ("a car bomb exploded outside a stadium
    # during a football match", "days after the earthquake, jets bombed villages")
    weapon = any(lex.cue(t, "device") or lex.cue(t, "arms") for t in agents) or any(
        c.dep_ in DOER_DEPS and c.lemma_.lower() in WEAPON_CRAFT for c in hit.token.children)
    if (not weapon and any(_cue(t, lex, "sport") for t in scope)
            or _weapons_test(hit, anchor, sent)
            or not unambiguous and any(_cue(t, lex, "drill") for t in sent)):
        return True
    if not unambiguous and family not in FIGURATIVE_EXEMPT and _figurative(hit, sent, lex):
        return True
    nonstate = any(a is not None and a.kind in ARMED_KINDS for a in (actors.actor1, actors.actor2))
    # soldiers marching in a parade are no protest; a police raid on a betting den or an
    # illegal mine is police work; a blast officials blame on a short circuit is an accident
    if family == "protest" and _parade_march(hit, anchor, sent):
        return True
    if not nonstate and not unambiguous and (
            hit.token.lemma_.lower() in WORDS["raid_word"] and _crime_told(sent, lex)
            or _blamed_on_accident(sent, lex)):
        return True
    # a game's score, a judicial execution, a crime the police say had no political motive, a
    # craft that crashed, weapons bought or sold, people evacuated from a disaster: whichever
    # state's forces the sentence names (an armed group's court or shooting is still an event)
    if (not unambiguous and (_score(hit, anchor, sent) or _game_result(sent))
            or _called_off(hit) or _lodged(hit)):
        return True
    # diplomats expelled, firms merged: diplomacy and business told in war's words, whoever acts
    if _envoys_expelled(hit) or family == "group_change" and _firms_merged(hit, anchor, sent):
        return True
    # "ran riot", "running riot": an idiom of excess (a side's attack in a game, weeds)
    if (hit.token.lemma_.lower() == "riot" and not is_verb(hit.token)
            and hit.token.head.lemma_.lower() == "run"):
        return True
    if not nonstate and not unambiguous and (
            _judicial_execution(hit, sent, lex) or _motive_denied(sent)
            or _kin_killing(hit, anchor, sent)
            or _shot_self(sent, lex) and not any(getattr(a, "kind", None) in ARMED_KINDS
                                                 for a in named)
            or _offenders_hit(hit, anchor, sent) and _state_doer(actors, state_kinds)
            or _space_launch(hit, anchor, sent)
            or _crime_of_executed(hit.token, lex)
            or _craft_accident(hit, anchor, sent, lex) or _traded_weapon(hit, lex)
            or family == "evacuation" and any(
                _cue(t, lex, "non_conflict") or _scare(t, lex) for t in sent)):
        return True
    if family in CRIME_FAMILIES and (_crime_told(sent, lex) or _kin_killer(sent)) and not any(
            a is not None and a.kind in ARMED_KINDS for a in (actors.actor1, actors.actor2)):
        return True
    # the sentence model, where it runs, may know an agreement between sides the profile does
    # not name ("the Houthis" read with another war's profile)
    if family == "agreement" and not _between_sides(sent, [actors.actor1, actors.actor2, *named],
                                                    lex) and (
            scores.get(AGREEMENT, 0.0) < AGREEMENT_SURE
            # a deal on a commodity (power, gas, a pipeline) is business, however sure the
            # model is of an agreement
            or any(lex.cue(t, "commodity") for t in sent)):
        return True
    # a deal to buy or sell arms is business between states, whichever state's navy or army
    # is named ("India signed a deal to buy 26 Rafale fighter jets for its navy")
    if family == "agreement" and not nonstate and _arms_traded(sent, lex):
        return True
    # the model's proposal in a sentence whose verb tells an accident ("an army truck skidded
    # off the road, injuring six soldiers, police said"): whoever's vehicle it was
    if family == MODEL_FAMILY and any(is_verb(t) and _cue(t, lex, "non_conflict") for t in sent):
        return True
    if family == "explosive" and any(lex.cue(m, "blast_cause") for m in _modifiers(hit.token)):
        return True
    if _displacement_cause(hit.token, lex):
        return True
    if armed(actors, state_kinds, lex):
        return False
    # a deed done by accident by no one the conflict knows ("a hunter accidentally shot his
    # cousin"); a side's strike that "unintentionally killed" civilians is still its own, told
    # by a pronoun ("the coalition said it had unintentionally killed 12 civilians in an air
    # strike") or with a weapon in the sentence
    verbs = _verbs(hit, anchor, sent)
    if (not weapon and actors.actor1 is None
            and hit.entry.event_type != "Explosions/Remote violence"
            and any(c.dep_ == "advmod" and c.lower_ in WORDS["accident_adverb"]
                    for v in verbs for c in v.children)
            and not any(c.dep_ in DOER_DEPS and c.pos_ == "PRON" for v in verbs
                        for c in v.children)
            and not any(lex.cue(t, c) for t in sent for c in ("arms", "device", "air",
                                                               "artillery"))):
        return True
    if not weapon and any(_cue(t, lex, "non_conflict") for t in scope):
        return True
    # an explosion or fire at a plant, a depot, a pipeline or a mine that no one is said to
    # have caused with a weapon ("an explosion ripped through a chemical plant")
    if (hit.entry.event_type == "Explosions/Remote violence" and not unambiguous
            and not any(getattr(a, "kind", None) in state_kinds | ARMED_KINDS | SIDE_FORCES
                        for a in named)  # "...; officials blamed Islamic State"
            and _industrial_blast(hit, anchor, sent, lex)):
        return True
    # a vote that did it ("captured 14 cities in Sunday's municipal elections", "dissolved
    # parliament and called snap elections"): words of taking, leaving and changing power, where
    # no armed actor is named; never other violence an election is only the setting of
    # ("burned tyres over the election results")
    # (the sentence model's proposal of a territory or group change included: "captured three
    # governorships in Saturday's elections" reads as a takeover to a bag of words)
    power = family in POWER_FAMILIES or (family == MODEL_FAMILY
                                         and hit.entry.sub_event_type in POWER_SUB_TYPES)
    if not weapon and power and any(_cue(t, lex, "election") for t in told):
        return True
    # a vehicle that hit a landmine or was packed with explosives is the weapon's victim or
    # carrier: an agent is only an accident's in a sentence naming no weapon
    # a clash of candidates or talk-show hosts is one of words: the trigger's own subject
    # ("two candidates clashed"), not the speakers of a clause about it ("analysts discussed
    # the recapture")
    if not any(lex.cue(t, "arms") or lex.cue(t, "device") for t in sent) and (
            any(_cue(t, lex, "accident_agent") and not _gunfire(t) for t in agents)
            # unarmed officials' raids and seizures ("investigators raided the offices"), not
            # what they find ("UN investigators established that sarin was used")
            or (hit.token.lemma_.lower() in WORDS["raid_word"] or family in CRIME_FAMILIES)
            and any(t.lemma_.lower() in WORDS["civil_agent"] for t in agents)
            or not unambiguous and any(c.dep_ in DOER_DEPS and _cue(c, lex, "verbal_agent")
                                       for c in hit.token.children)):
        return True
    if unambiguous:
        return False
    if not weapon and any(_cue(t, lex, cls) for t in told for cls in ("non_conflict", "sport")):
        return True
    # a robbery, a bribe, a family feud told in the same sentence, where no armed actor is named
    # ("a taxi driver was beaten and robbed", "shot dead his estranged wife")
    # (not a crowd's: a thief lynched is mob violence; not where a weapon is named)
    private = family not in CRIME_FAMILIES and any(_cue(t, lex, "crime") for t in told)
    if not weapon and private and not any(
            lex.cue(t, "irregular") or lex.cue(t, "group_noun") or t.lemma_.lower() in RAIDERS
            for t in agents) and not any(
            lex.cue(t, c) for t in sent for c in ("mob_crowd", "riot_crowd", "crowd", "arms",
                                                  "device", "munition")):
        return True
    if not scores or settings["mode"] == "rules":
        return False
    return scores.get(NONE, 0.0) >= settings["nonconflict_none"] and any(
        _cue(t, lex, cls) for t in sent for cls in ("non_conflict", "sport"))


# Families a figurative object does not make non-conflict: a person is arrested over a tweet, a
# deal is about a budget (``_between_sides`` reads agreements).
FIGURATIVE_EXEMPT = frozenset({"arrest", "agreement", MODEL_FAMILY})
# Prepositions whose object is what a trigger hits or is done with: "an attack on the
# forecasts", "a battle against rising water", "bombarded with messages".
FIGURATIVE_PREPS = WORDS["figurative_prep"]


def _figurative(hit: Hit, sent: Span, lex: Lexicon) -> bool:
    """War's words used for something else: the trigger's object, its "on"/"against"/
    "with" phrase ("of" too, for a noun: "a war of words") or its doer is a ``figurative``
    noun ("launched an attack on the budget watchdog's forecasts", "shot down a bill",
    "ambushed by questions", "smartphone sales exploded"). A noun it governs that is itself
    a trigger word's object is read one step further ("declared war on tax evasion",
    "fought a losing battle against rising water")."""
    heads = [hit.token]
    heads += [c for c in hit.token.children if c.dep_ in OBJECT_DEPS and c.pos_ == "NOUN"]
    hit_nouns: list[Token] = []
    for head in heads:
        for child in head.children:
            if child.dep_ in OBJECT_DEPS or child.dep_ == "nsubjpass":
                hit_nouns.append(child)
            elif child.dep_ == "agent" or (child.dep_ == "prep" and (
                    child.lower_ in FIGURATIVE_PREPS
                    or child.lower_ == "of" and not is_verb(head))):
                hit_nouns += [c for c in child.children if c.dep_ == "pobj"]
    # a struggle of one's own won or lost ("surgeons won their battle to save a leg", "won
    # his battle with the IMF"), not a side's battle for a place ("won the battle for Kyiv")
    if (not is_verb(hit.token) and hit.token.dep_ == "dobj"
            and hit.token.head.lemma_.lower() in WORDS["figurative_win"]
            and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in hit.token.children)):
        return True
    doers = [c for c in hit.token.children if c.dep_ in DOER_DEPS]  # its own subject only
    return any(sent.start <= t.i < sent.end and _cue(t, lex, "figurative")
               for t in [*hit_nouns, *doers]) or any(
        lex.cue(m, "nonviolent_kind") for m in hit.token.children
        if m.dep_ in ("compound", "amod") and not is_verb(hit.token))


TIME_NOUNS = WORDS["time_noun"]


def _since_span(token: Token) -> bool:
    """A trigger under "since" that a span of time counts from ("to mark 20 years since the
    school siege", "a decade since the massacre"): the event is the start of an elapsed time,
    told elsewhere long ago."""
    # "since" as a preposition over the trigger, or as the conjunction of the trigger's own
    # clause ("to mark 10 years since Islamic State fighters killed thousands")
    marks = [c for t in (token, *ancestors_in_sentence(token)) if is_verb(t)
             for c in t.children if c.dep_ == "mark" and c.lower_ == "since"]
    for a in [*ancestors_in_sentence(token), *marks]:
        if a.lower_ != "since" or a.dep_ not in ("prep", "mark"):
            continue
        head = a.head if a.dep_ == "prep" else a.head.head
        if head.lemma_.lower() in TIME_NOUNS or any(
                c.dep_ in ("dobj", "npadvmod", "nsubj", "attr") and c.lemma_.lower() in TIME_NOUNS
                for c in head.children):
            return True
    return False


MOURNING = WORDS["mourning"]


def _mourning(token: Token, lex: Lexicon) -> bool:
    """A word of mourning or remembrance: a ``retrospective`` cue or a ``mourning`` word
    ("remains" only as a noun: "fighting remains heavy" is no burial)."""
    if _cue(token, lex, "retrospective"):
        return True
    return token.lemma_.lower() in MOURNING or token.lower_ in MOURNING and (
        token.lower_ != "remains" or token.pos_ in ("NOUN", "PROPN"))


def mourned(token: Token, lex: Lexicon) -> bool:
    """A deed told only as what killed the dead a funeral, a burial or a memorial is for (issue
    18, ``gold/GUIDE.md``: "a funeral, burial or commemoration of people killed earlier is no
    event"): the trigger describes the dead — a clause on them ("the funeral of a medic who was
    killed at the front last month", "the remains of 54 soldiers killed in Somalia"), their
    "of" phrase ("buried 14 victims of the massacre") or an "after" clause ("held a funeral
    for its leader, five months after he was killed") — and a word governing them is one of
    mourning, or the object of the verb governing them is ("held a minute's silence for the
    children killed in the 2014 attack"). An attack on mourners is the trigger's own clause
    ("gunmen opened fire on mourners at a funeral") and is untouched."""
    dead = False
    child = token
    for a in ancestors_in_sentence(token):
        if child.dep_ in ("acl", "relcl") or child.dep_ == "pobj" and a.lower_ == "of" or (
                child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "since")
                                              for c in child.children)):
            dead = True
        if dead and (_mourning(a, lex) or is_verb(a) and any(
                c.dep_ in ("dobj", "nsubjpass") and _mourning(c, lex) for c in a.children)):
            return True
        child = a
    return False


def _displacement_cause(token: Token, lex: Lexicon) -> bool:
    """A trigger noun that only says what displaced people ("families displaced by the
    fighting in Tigray", "the number of people displaced by fighting passed 7 million",
    "20000 people have already been displaced as a result of the Kurdish-led offensive"): the
    cause phrase ("by", "from", "as a result of", "due to", "because of") of a passive
    displacement verb, not a narrated occurrence (issue 12: the gold codes the displacement's
    cause only where the text tells it happening)."""
    verb = _caused_verb(token)
    return verb is not None and verb.tag_ == "VBN" and lex.cue(verb, "displacement")


def _caused_verb(token: Token) -> Token | None:
    """The word a cause phrase whose object is ``token`` hangs on: "displaced by the fighting",
    "as a result of the offensive", "due to the violence", "because of the clashes"."""
    prep = token.head
    if token.dep_ not in ("pobj", "pcomp"):
        return None
    if prep.lower_ in ("by", "from"):
        return prep.head
    if prep.lower_ in ("to", "of") and prep.head.lower_ in ("due", "because"):
        return prep.head.head
    if (prep.lower_ == "of" and prep.head.lemma_.lower() == "result"
            and prep.head.dep_ == "pobj" and prep.head.head.lower_ == "as"):
        return prep.head.head.head
    return None


def _between_sides(sent: Span, actors: Sequence[Any], lex: Lexicon) -> bool:
    """Whether an agreement trigger ("agreement", "talks", "deal") tells one between the sides
    of a conflict: ``actors`` (the trigger's and the others its sentence names) hold an armed
    one other than a government (a state force, an armed group), or the sentence names what
    such agreements are about (a ceasefire, prisoners, peace, withdrawal: ``conflict_topic``).
    Two governments' talks on migration, or an agreement on a pipeline, are diplomacy
    (ACLED's Agreement is between conflict actors)."""
    if any(getattr(a, "kind", None) in ARMED_KINDS | SIDE_FORCES for a in actors):
        return True
    return any(lex.cue(t, "conflict_topic") for t in sent)


# Prepositions of the place an event happened at or the target it hit.
PLACE_PREPS = WORDS["place_prep"]


def _targets(hit: Hit, anchor: Token, sent: Span) -> set[int]:
    """The words that name where the trigger's event happened or what it hit ("hit a
    football pitch", "a bomb that hit a bus carrying miners", "arrested him at the High
    Court", "planted near a vaccination centre"): the objects and place phrases of the
    trigger, of the words governing it and of the clauses it heads, unless they hold the
    trigger."""
    heads = [hit.token]
    t = hit.token
    # up to the clause's verb; a participle or relative clause on a noun ("a rocket fired
    # from Lebanon hit ...") up to the verb of that noun's clause
    while t.head.i != t.i and (not is_verb(t) or t.dep_ in ("acl", "relcl")):
        t = t.head
        heads.append(t)
    heads += [c for c in hit.token.children if c.dep_ in ("relcl", "acl")]
    if anchor not in heads:
        heads.append(anchor)
    out: set[int] = set()
    for head in heads:
        for child in head.children:
            if child.dep_ in OBJECT_DEPS or (child.dep_ == "prep"
                                             and child.lower_ in PLACE_PREPS):
                zone = {u.i for u in child.subtree}
                if hit.token.i not in zone:
                    out |= zone
    return {i for i in out if sent.start <= i < sent.end}


def _agents(hit: Hit, anchor: Token, sent: Span) -> list[Token]:
    """The head nouns of what did the trigger's deed, and of what it came from: "a gas
    tanker exploded" (tanker), "the dam collapsed after heavy rain" (dam, rain); not their
    modifiers ("a truck bomb exploded": bomb)."""
    out = []
    for verb in _verbs(hit, anchor, sent):
        for child in verb.children:
            if child.dep_ in DOER_DEPS:
                out.append(child)
            elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in CAUSE_PREPS
                                           and child.lower_ != "by"):  # "evacuated by bus"
                out += [c for c in child.children if c.dep_ == "pobj"]
    return out


def _verbs(hit: Hit, anchor: Token, sent: Span) -> list[Token]:
    """The trigger's clause verb and the verbs it continues ("exploded, killing six")."""
    t = hit.token
    while not is_verb(t) and t.head.i != t.i and sent.start <= t.head.i < sent.end:
        t = t.head
    verbs = [t]
    while t.dep_ in ("advcl", "conj", "xcomp") and t.head.i != t.i and is_verb(t.head):
        t = t.head
        verbs.append(t)
    if anchor not in verbs:
        verbs.append(anchor)
    return verbs


# Prepositions whose object says what a trigger came from: "killed in a landslide",
# "destroyed by fire", "died of cholera", "fired during a drill", "hurt after a stampede".
CAUSE_PREPS = WORDS["cause_prep"]
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# What did the deed: an active subject (a passive one is what it was done to, "32 trucks
# were destroyed"; the doer of a passive is its "by" agent).
DOER_DEPS = frozenset({"nsubj", "csubj"})


def _cue_scope(hit: Hit, anchor: Token, sent: Span, causes: bool = True) -> list[Token]:
    """The words that say what the trigger is (see ``non_conflict``): the trigger and
    its modifiers; the words governing it up to its clause's verb, with theirs; that verb
    and the verbs it continues ("exploded, killing six": the participle tells the main
    verb's event), with their subjects and, with ``causes``, the objects of their cause
    prepositions."""
    token = hit.token
    scope = [token, *_modifiers(token)]
    t = token
    while not is_verb(t) and t.head.i != t.i and sent.start <= t.head.i < sent.end:
        t = t.head
        scope += [t, *_modifiers(t)]
    for verb in _verbs(hit, anchor, sent):
        for child in verb.children:
            if child.dep_ in DOER_DEPS and not causes:
                # a protest's or a riot's doer is its own noun ("the stock exchange rallied"),
                # not whom it counts or what it is angry at ("hundreds of miners marched",
                # "protesters angry at fuel price rises")
                scope += [child, *_modifiers(child)]
            elif child.dep_ in DOER_DEPS or child.dep_ == "agent":
                scope += [u for u in child.subtree if u.dep_ not in ("relcl", "acl")]
            elif causes and child.dep_ == "prep" and child.lower_ in CAUSE_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        scope += [obj, *_modifiers(obj)]
    return scope


def _modifiers(token: Token) -> list[Token]:
    """The words that make up a noun with it: "gas" in "gas explosion", "plane crash"."""
    out = []
    for child in token.children:
        if child.dep_ in MODIFIER_DEPS:
            out += [child, *_modifiers(child)]
    return out


def _gunfire(token: Token) -> bool:
    """ "killed by sniper fire", "came under machine-gun fire": a "fire" a shooter or a gun
    modifies is gunfire, no blaze (an accident's agent). Not where a word of its own says
    the modifier is something else: "a fuel tank fire", "an oil tank fire" are blazes
    ("machine-gun", hyphenated, and "sniper rifle" stay guns)."""
    gunfire = WORDS["gunfire"]
    return token.lemma_.lower() == "fire" and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lower_ in gunfire
        and all(g.lower_ in gunfire for g in c.children if g.dep_ == "compound" and g.whitespace_)
        for c in token.children)


def _cue(token: Token, lex: Lexicon, cls: str) -> bool:
    """``lex.cue``, a plural noun read as its singular ("Landslides buried villages"); not
    a word the cues hold only as a noun used as a verb ("exercise restraint", cue class
    ``noun_only``), nor the first half of a hyphenated word ("a game-changer"), nor a
    participle that describes a noun."""
    doc = token.doc
    # the last part of a hyphenated cue word ("live-fire", "short-circuit", "semi-final"),
    # which the tokenizer splits in three
    if (token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_
            and not doc[token.i - 1].whitespace_
            and f"{doc[token.i - 2].lower_}-{token.lower_}" in lex.cues.get(cls, ())):
        return True
    if cls not in lex.cue_classes(token) and cls not in lex.singular_classes(token):
        return False  # neither way a word of the class: what follows can only say no
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_:
        return False
    if is_verb(token) and lex.cue(token, "noun_only"):
        return False
    # a participle describing a noun is no occurrence ("an area disputed by the cartel";
    # but "a bus overturned on the road, killing 18" tells one)
    if cls == "non_conflict" and token.tag_ == "VBN" and (token.dep_ == "amod" or (
            token.dep_ == "acl" and any(c.dep_ == "agent" for c in token.children))):
        return False
    if cls in lex.cue_classes(token):
        return True
    return token.pos_ in ("NOUN", "PROPN") and cls in lex.singular_classes(token)


# Families whose words also tell power won or lost in a vote.
POWER_FAMILIES = frozenset({"territorial", "group_change", "withdrawal"})
POWER_SUB_TYPES = TERRITORY | {"Change to group/activity"}
CANCEL_VERBS = WORDS["cancel_verb"]


def _called_off(hit: Hit) -> bool:
    """A trigger that is what was called off, cancelled, postponed or suspended ("called off a
    tractor march on Delhi", "suspended their strike after 56 days"): no occurrence."""
    t = hit.token
    if t.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = t.head
    return verb.lemma_.lower() in CANCEL_VERBS or verb.lemma_.lower() == "call" and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)


# Doers of a raid who are no private offenders (with the ``irregular`` cue words): "Pokot
# raiders stole 300 head of cattle and shot dead two herders".
RAIDERS = WORDS["raider"]


# Killing verbs a state's court hands down ("executed a man convicted of smuggling heroin",
# "hanged two men convicted of murder"), and the words that show a court or prison did it.
EXECUTION_VERBS = WORDS["execution_verb"]
JUDICIAL = WORDS["judicial"]


def _judicial_execution(hit: Hit, sent: Span, lex: Lexicon) -> bool:
    """An execution a court ordered: "executed"/"hanged" in a sentence that names a
    conviction, a court or a prison ("Saudi Arabia executed a man convicted of smuggling
    heroin"), or that punishes the executed's own crime ("executed a man who killed seven
    people"). An armed group's execution is kept by the caller; a state force shooting
    captives names no court."""
    if hit.token.lemma_.lower() not in EXECUTION_VERBS:
        return False
    # "Japan executed a man who killed seven people in a rampage in 2008": the executed is
    # told by a crime of his own
    if any(c.dep_ == "dobj" and any(r.dep_ == "relcl" and (
            r.lemma_.lower() in WORDS["capital_crime"] or lex.cue(r, "crime"))
            for r in c.children) for c in hit.token.children):
        return True
    return any(t.lemma_.lower() in JUDICIAL or t.lower_ in JUDICIAL for t in sent)


MOTIVE_WORDS = WORDS["motive"]


def _motive_denied(sent: Span) -> bool:
    """Police say the deed was no political act: "not being treated as terrorism", "had no
    political motive", "ruled out terrorism"."""
    for t in sent:
        if t.lemma_.lower() not in MOTIVE_WORDS:
            continue
        heads = [t, t.head, t.head.head] if t.dep_ == "pobj" else [t, t.head]
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
               for h in heads for c in h.children):
            return True
        if t.head.lemma_ == "rule" and any(c.lower_ == "out" for c in t.head.children):
            return True
    return False


# What falls, crashes or sinks: a vehicle or craft as the subject of an accident verb.
CRAFT = WORDS["craft"]
ACCIDENT_VERBS = WORDS["accident_verb"]


def _craft_accident(hit: Hit, anchor: Token, sent: Span, lex: Lexicon) -> bool:
    """A craft that crashed, plunged, sank or "went down"/"came down", killing those aboard,
    in a sentence naming no weapon and no shooting ("a military transport plane went down
    shortly after take-off, killing its crew"; not "a helicopter came down; rebels said they
    had shot it down")."""
    if any(lex.cue(t, "arms") or lex.cue(t, "device") or t.lemma_ in WORDS["shot_down"]
           for t in sent):
        return False
    for verb in _verbs(hit, anchor, sent):
        lemma = verb.lemma_.lower()
        falls = lemma in ACCIDENT_VERBS or lemma in ("go", "come") and any(
            c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
        if falls and any(c.dep_ in DOER_DEPS and c.lemma_.lower() in CRAFT
                         for c in verb.children):
            return True
    return False


# Verbs and nouns of buying, selling and making arms: a weapon word they govern is no strike
# ("ordered 600 Stinger missiles", "a deal for 96 attack helicopters").
TRADE_WORDS = WORDS["trade_word"]


def _traded_weapon(hit: Hit, lex: Lexicon) -> bool:
    """A weapon noun that is the object of buying or selling, up to two steps up (not "ordered
    an armed strike")."""
    t = hit.token
    if is_verb(t) or not (lex.cue(t, "munition") or lex.cue(t, "arms")
                          or t.lemma_.lower() in CRAFT | WORDS["traded_arms"]):
        return False
    for _ in range(3):
        if t.dep_ not in ("dobj", "pobj", "prep", "compound", "conj", "appos") or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in TRADE_WORDS:
            return True
        if is_verb(t):  # the verb the weapon hangs off is no trade: no further
            return False
    return False


def _score(hit: Hit, anchor: Token, sent: Span) -> bool:
    """A game's score on the trigger's verb or its object: "Navy beat Army 31-13",
    "beating the world champion 15-12"."""
    doc = sent.doc
    verbs = set(_verbs(hit, anchor, sent)) | {hit.token}
    for t in sent:
        if t.i + 2 >= sent.end or doc[t.i + 1].text != "-" or t.whitespace_ or doc[
                t.i + 1].whitespace_:
            continue
        a, b = t, doc[t.i + 2]
        if not (a.text.isdigit() and b.text.isdigit() and len(a.text) <= 3 and len(b.text) <= 3):
            continue
        if any(u in verbs or u.head in verbs for u in (a, b)):
            return True
    return False


TESTED_WEAPONS = WORDS["tested_weapon"]


def _weapons_test(hit: Hit, anchor: Token, sent: Span) -> bool:
    """"test-fired", "test-launched", "a missile test", "fired missiles in what it called a
    test": the word "test" alone is no cue ("rebels tested the truce before shelling the
    town" is an attack); the noun in the trigger's own phrase is."""
    for t in sent:
        if t.lower_ in ("test", "tests") and t.pos_ == "NOUN" and any(
                h in t.ancestors and t not in _objects(h) for h in (hit.token, anchor)):
            return True
        if t.lower_ != "test" and t.lemma_ != "test":
            continue
        # "flight-tested an Agni-5 missile", "tested a hypersonic missile"
        if t.i >= 2 and sent.doc[t.i - 1].text == "-" and not sent.doc[t.i - 2].whitespace_:
            return True
        if is_verb(t) and any(c.dep_ == "dobj" and c.lemma_.lower() in TESTED_WEAPONS
                              for c in t.children):
            return True
        after = sent.doc[t.i + 1: t.i + 3]
        if len(after) == 2 and after[0].text == "-" and after[1].lemma_ in ("fire", "launch"):
            return True
        if t.i > 0 and sent.doc[t.i - 1].lower_ in TESTED_WEAPONS:
            return True
    return False


def _objects(token: Token) -> set[Token]:
    """The words of the trigger's objects (a test of what was hit is no weapons test)."""
    return {u for c in token.children if c.dep_ in OBJECT_DEPS for u in c.subtree}


def armed(actors: Any, state_kinds: frozenset[str], lex: Lexicon | None = None) -> bool:
    """Whether actor1 or actor2 is a state force or an armed group (with ``lex``, not one
    named by a non-conflict cue word: "Cholera has killed 30")."""
    armed = state_kinds | ARMED_KINDS
    return any(a is not None and a.kind in armed and not (
        lex is not None and a.canonical.lower() in lex.cues.get("non_conflict", ()))
        for a in (actors.actor1, actors.actor2))


def _told_to_court(token: Token, lex: Lexicon) -> bool:
    """A trigger a witness tells a court about ("a survivor told judges how guards had beaten
    detainees", "testified before the tribunal that soldiers burned the village"), or one a
    court orders ("a judge ordered the arrest of a retired general"): a deed a trial looks back
    on, or a court's act. The court (``court_audience``) is the subject or object of a verb
    governing the trigger, or of its "to"/"before" phrase; "told investigators" is no court."""
    for a in ancestors_in_sentence(token):
        if not is_verb(a):
            continue
        for c in a.children:
            # "a judge ordered the arrest of a general", "the court heard that ..."
            if c.dep_ == "nsubj" and c.lemma_.lower() in WORDS["court_audience"]:
                return True
            # told to a court (not "lawyers boycotted courts and rallied")
            if not lex.cue(a, "speech_verb") and a.lemma_.lower() != "testify":
                continue
            if c.dep_ in ("dobj", "dative") and c.lemma_.lower() in WORDS["court_audience"]:
                return True
            if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "before") and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in WORDS["court_audience"]
                    for g in c.children):
                return True
    return False


def _charged_with(token: Token) -> bool:
    """A deed a prosecutor charges someone with ("charged former FARC commanders with kidnapping
    more than 21,000 people", "was charged with murder over the attack"): a charge looks back
    on it (the ``retrospective`` cues hold the court's other words; "charge" itself is also
    what police do to a crowd, so only its "with" phrase counts)."""
    for a in ancestors_in_sentence(token):
        if a.dep_ == "prep" and a.lower_ == "with" and is_verb(a.head) and (
                a.head.lemma_.lower() in WORDS["charge_verb"]):
            return True
    return False


def _lodged(hit: Hit) -> bool:
    """A protest a government lodges, files or delivers ("China said it had lodged a strong
    protest with Washington"): a diplomatic note, not a demonstration."""
    t = hit.token
    return (t.lemma_.lower() == "protest" and not is_verb(t) and t.dep_ == "dobj"
            and t.head.lemma_.lower() in WORDS["lodge_verb"])


def _kin_killing(hit: Hit, anchor: Token, sent: Span) -> bool:
    """One person's deed on his or her own family ("a man killed his wife and two children
    with a machete"): the trigger's verb has a single doer and a kin noun of "his"/"her" as its
    object. Not "gunmen killed a man and his wife" (the wife is the man's, not the doers')."""
    for verb in _verbs(hit, anchor, sent):
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        # "two brothers killed each other in a fight over cattle"
        if any(d.lemma_.lower() in WORDS["kin"] for d in doers) and any(
                c.dep_ == "dobj" and c.lower_ in ("other", "another") for c in verb.children):
            return True
        if len(doers) != 1 or doers[0].tag_ not in ("NN", "PRP") or doers[0].lower_ in (
                "they", "we"):
            continue
        if any(c.dep_ == "dobj" and c.lemma_.lower() in WORDS["kin"]
               and any(p.dep_ == "poss" and p.lower_ in ("his", "her") for p in c.children)
               for c in _verb_objects(verb)):
            return True
    return False


def _verb_objects(verb: Token) -> list[Token]:
    """The verb's children with those of its resultative adjective, where the parser hangs
    the object ("shot dead his wife": "wife" under "dead")."""
    out = list(verb.children)
    out += [g for c in verb.children if c.dep_ in ("oprd", "acomp") for g in c.children]
    return out


def _kin_killer(sent: Span) -> bool:
    """Someone the sentence describes as the killer of his or her own family ("a man who killed
    his wife and mother-in-law with a hunting rifle was detained"): what the police's arrest
    is for is a domestic crime (``_kin_killing`` reads the killing itself)."""
    return any(
        t.dep_ in ("relcl", "acl") and is_verb(t) and any(
            c.dep_ == "dobj" and c.lemma_.lower() in WORDS["kin"]
            and any(p.dep_ == "poss" and p.lower_ in ("his", "her") for p in c.children)
            for c in t.children)
        for t in sent)


def _envoys_expelled(hit: Hit) -> bool:
    """A state expelling another's diplomats ("Pakistan expelled India's defence attache",
    "Russia expelled 23 British diplomats"): diplomacy, no place taken. The trigger's
    object, or the subject of its passive, is an ``envoy`` word."""
    t = hit.token
    if t.lemma_.lower() not in ("expel", "expulsion"):
        return False
    told = [c for c in t.children if c.dep_ in (*OBJECT_DEPS, "nsubjpass")]
    told += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj"]
    return any(w.lemma_.lower() in WORDS["envoy"] or w.lower_ in WORDS["envoy"]
               for c in told for w in (c, *_modifiers(c)))


def _firms_merged(hit: Hit, anchor: Token, sent: Span) -> bool:
    """A merger or takeover of firms ("two logistics firms announced their merger, creating a
    new group with 9,000 employees"): a ``business`` word as the doer of the trigger's verb or
    in the trigger's own phrase, not rebel factions merging."""
    words = [*_agents(hit, anchor, sent), *_modifiers(hit.token)]
    words += [g for c in hit.token.children if c.dep_ == "prep" and c.lower_ in ("of", "between")
              for g in c.children if g.dep_ == "pobj"]
    return any(w.lemma_.lower() in WORDS["business"] for w in words)


def _space_launch(hit: Hit, anchor: Token, sent: Span) -> bool:
    """A rocket that carries satellites or fails at lift-off ("a Falcon 9 rocket launched 22
    satellites", "a privately built rocket exploded seconds after lift-off"): a space word
    (``space``) in the trigger's own phrase, its subject, what it came from or its verb's
    object; a satellite image elsewhere in the sentence does not count."""
    words = list(_cue_scope(hit, anchor, sent))
    words += [c for v in _verbs(hit, anchor, sent) for c in v.children if c.dep_ in OBJECT_DEPS]
    for t in words:
        forms = {t.lemma_.lower(), t.lower_}
        doc = t.doc
        # "lift-off": a compound of three tokens
        if t.i >= 2 and doc[t.i - 1].text == "-" and not doc[t.i - 2].whitespace_:
            forms.add(f"{doc[t.i - 2].lower_}-{t.lower_}")
        if forms & WORDS["space"]:
            return True
    return False


def _crime_of_executed(token: Token, lex: Lexicon) -> bool:
    """A trigger in a relative clause of someone executed or hanged ("Japan executed a man who
    killed seven people in a rampage in 2008"): the crime the execution punishes, told long
    after (the execution itself is read by ``_judicial_execution``). Only where no armed group
    is named: "the Islamic State executed 700 members of a tribe it has been battling" tells
    the battle; the relative clause's verb is a crime's (``capital_crime``, ``crime``), not
    "a tribe it has been battling"."""
    t, relative = token, False
    while t.head.i != t.i:
        relative = relative or t.dep_ in ("relcl", "acl") and (
            t.lemma_.lower() in WORDS["capital_crime"] or lex.cue(t, "crime"))
        t = t.head
        if relative and is_verb(t) and t.lemma_.lower() in EXECUTION_VERBS:
            return True
    return False


# Modifiers that make a place or a trade a crime's ("an illegal betting den"), and the heads
# they modify in a war's reports, which are no ordinary crime ("illegal armed groups",
# "illegal settlements").
ILLEGAL = frozenset({"illegal", "unlicensed", "illicit", "clandestine"})


def _crime_told(sent: Span, lex: Lexicon) -> bool:
    """Whether the sentence tells an ordinary crime: a ``crime`` cue word, or an "illegal"
    place or trade ("an illegal gold-panning site"), not an "illegal armed group" nor an
    "illegal settlement" (``WORDS["illegal_not_crime"]``)."""
    if any(lex.cue(t, "crime") for t in sent):
        return True
    return any(t.lower_ in ILLEGAL and t.dep_ == "amod"
               and t.head.lemma_.lower() not in WORDS["illegal_not_crime"]
               and not any(c.lemma_.lower() in WORDS["illegal_not_crime"]
                           for c in t.head.children if c.dep_ in ("amod", "compound"))
               for t in sent)


def _parade_march(hit: Hit, anchor: Token, sent: Span) -> bool:
    """A march that is a parade: soldiers, troops or cadets marching ("soldiers marched
    through the square at a ceremony marking army day"), or a march at a ceremony or
    parade."""
    for verb in {hit.token, *_verbs(hit, anchor, sent)}:
        if verb.lemma_.lower() != "march":  # soldiers who fire at marchers are no parade
            continue
        for c in verb.children:
            if c.dep_ in DOER_DEPS and c.lemma_.lower() in WORDS["parade_marcher"]:
                return True
            if c.dep_ == "prep" and c.lower_ in ("at", "during", "in") and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in ("ceremony", "parade")
                    for g in c.children):
                return True
        # a march at a remembrance ceremony ("veterans marched past the Cenotaph on
        # Remembrance Sunday as the king laid a wreath")
        if any(t.lemma_.lower() in WORDS["remembrance"] or t.lower_ in WORDS["remembrance"]
               for t in sent):
            return True
    return False


BLAME_VERBS = frozenset({"blame", "attribute"})


def _blamed_on_accident(sent: Span, lex: Lexicon) -> bool:
    """Officials blaming the event on an accident's cause ("a fire at an army munitions depot
    set off a chain of blasts; officials blamed a short circuit"), whichever state's depot:
    a ``non_conflict`` or ``blast_cause`` word as what "blame" names (or blames it "on")."""
    for t in sent:
        if t.lemma_.lower() not in BLAME_VERBS or not is_verb(t):
            continue
        named = [c for c in t.children if c.dep_ == "dobj"]
        named += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "to")
                  for g in c.children if g.dep_ == "pobj"]
        if any(lex.cue(u, "non_conflict") or lex.cue(u, "blast_cause")
               for n in named for u in (n, *_modifiers(n))):
            return True
    return False


# Cue classes of a weapon named anywhere in the sentence: an explosion at a plant with one is
# no accident ("a drone hit a fuel depot").
WEAPON_CUES = ("device", "arms", "munition", "air", "artillery")


def _industrial_blast(hit: Hit, anchor: Token, sent: Span, lex: Lexicon) -> bool:
    """An explosion at an industrial site (``industrial_site``: a plant, a refinery, a depot,
    a pipeline; a coal or gold mine, ``_pit``) told with no weapon in the sentence and no doer
    but what exploded: the site is the explosion's own modifier ("a refinery blast"), what
    exploded ("a gas pipeline exploded"), or the object or place phrase of the trigger or its
    verbs ("an explosion ripped through a chemical plant", "blasts rocked the main fuel
    depot"). Caller: only where no armed actor is named."""
    if any((lex.cue(t, c) or _cue(t, lex, c)) and not _pit(t) for t in sent
           for c in WEAPON_CUES):
        return False
    own = [hit.token]  # the trigger up to its clause's verb
    t = hit.token
    while not is_verb(t) and t.head.i != t.i and sent.start <= t.head.i < sent.end:
        t = t.head
        own.append(t)
    heads = [*own, *_verbs(hit, anchor, sent)]
    words = list(_modifiers(hit.token))
    for head in heads:
        for c in head.children:
            if c.dep_ in (*OBJECT_DEPS, *DOER_DEPS, "nsubjpass"):
                words.append(c)
            elif c.dep_ == "prep" and c.lower_ != "by":
                words += [g for g in c.children if g.dep_ == "pobj"]
    sites = WORDS["industrial_site"]
    # someone who did it ("saboteurs blew up a gas pipeline"): no accident; the explosion
    # itself or what exploded is no doer ("a series of blasts rocked", "a pipeline exploded")
    if any(c.dep_ in (*DOER_DEPS, "agent") and hit.token not in c.subtree
           and c.lemma_.lower() not in sites and not lex.cue(c, "accident_agent")
           for v in own if is_verb(v) for c in v.children):
        return False
    return any(sent.start <= w.i < sent.end and (w.lemma_.lower() in sites or _pit(w))
               for w in words)


def _pit(token: Token) -> bool:
    """A mine that is a pit, not a landmine: "mine" with what is mined as its modifier ("a coal
    mine", "the Kalsaka gold mine")."""
    return token.lemma_.lower() in ("mine", "mines") and token.pos_ == "NOUN" and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in WORDS["mined"]
        for c in token.children)


def _offenders_hit(hit: Hit, anchor: Token, sent: Span) -> bool:
    """Police or soldiers shooting, killing or wounding ordinary offenders (``offender``:
    robbers, carjackers, poachers) as what the trigger's verb did it to ("police shot dead
    four suspected cash-in-transit robbers in a shootout"): law enforcement against crime, no
    conflict event. Caller: only where no armed group is named and a state force acts (a
    crowd beating a thief to death is mob violence)."""
    verbs = _verbs(hit, anchor, sent)
    # "police shot and killed two suspected car thieves"
    verbs += [c for v in verbs for c in v.children if c.dep_ == "conj" and is_verb(c)]
    for verb in verbs:
        for c in _verb_objects(verb):
            if c.dep_ not in ("dobj", "nsubjpass"):
                continue
            if any(w.lemma_.lower() in WORDS["offender"] or w.lower_ in WORDS["offender"]
                   for w in (c, *_modifiers(c))):
                return True
    return False


def _state_doer(actors: Any, state_kinds: frozenset[str]) -> bool:
    """Whether actor1 is a state's force or its police (not a crowd: a thief lynched is mob
    violence)."""
    a = actors.actor1
    return a is not None and a.kind in state_kinds | SIDE_FORCES


def _game_result(sent: Span) -> bool:
    """A game's result told in the sentence: a score ("24-21") on a verb of winning or losing
    ("the Springboks edged the All Blacks 24-21 ..., where a late raid down the left wing won
    the game"): the sentence reports a game, whatever word of war it uses elsewhere."""
    doc = sent.doc
    for t in sent:
        if (t.i + 2 >= sent.end or doc[t.i + 1].text != "-" or t.whitespace_
                or doc[t.i + 1].whitespace_):
            continue
        a, b = t, doc[t.i + 2]
        if not (a.text.isdigit() and b.text.isdigit() and len(a.text) <= 3 and len(b.text) <= 3):
            continue
        for u in (a, b, a.head, b.head):
            if is_verb(u) and u.lemma_.lower() in WORDS["result_verb"]:
                return True
    return False


def _arms_traded(sent: Span, lex: Lexicon) -> bool:
    """A verb of buying or selling (``trade_word``) whose object is a weapon or a war craft
    ("signed a deal to buy 26 Rafale fighter jets"): a deal between states for arms."""
    for t in sent:
        if not is_verb(t) or t.lemma_.lower() not in TRADE_WORDS:
            continue
        for c in t.children:
            if c.dep_ != "dobj":
                continue
            for w in (c, *_modifiers(c)):
                lemma = w.lemma_.lower()
                if (lemma in WEAPON_CRAFT or lemma in WORDS["traded_arms"] or lemma in CRAFT
                        or lex.cue(w, "munition") or lex.cue(w, "arms")):
                    return True
    return False


REFLEXIVES = frozenset({"himself", "herself"})


def _shot_self(sent: Span, lex: Lexicon) -> bool:
    """A shooter who then "turned the gun on himself" or "shot himself" (a murder-suicide), in
    a sentence naming no bomb, vest or explosive and no fighter, militant or gunman: one
    person's act, no suicide bombing and no
    conflict event. Caller: only where no armed group is named in the sentence ("Al-Shabaab
    said one of its fighters turned his gun on himself")."""
    if any(lex.cue(t, "device") or lex.cue(t, "arms") and t.lemma_.lower() != "weapon"
           or t.lemma_.lower() in ("vest", "belt") or _cue(t, lex, "irregular") for t in sent):
        return False  # a bomb, or a fighter or gunman ("one of its fighters turned his gun")
    for t in sent:
        if t.lower_ not in REFLEXIVES:
            continue
        head = t.head
        # "shot himself", "turned the gun on himself"
        if t.dep_ == "dobj" and head.lemma_.lower() == "shoot":
            return True
        if t.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() == "turn" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in WORDS["firearm"]
                for c in head.head.children):
            return True
    return False


def _scare(token: Token, lex: Lexicon) -> bool:
    """A scare or a hoax about a weapon ("a bomb threat", "a bomb scare") or a suspicious
    object ("a suspicious bag", "an unattended package"): what people are evacuated from where
    no weapon was used."""
    lemma = token.lemma_.lower()
    if lemma in WORDS["suspect_item"]:
        return any(c.dep_ == "amod" and c.lower_ in WORDS["suspect_mark"] for c in token.children)
    return lemma in WORDS["weapon_scare"] and any(
        c.dep_ == "compound" and (lex.cue(c, "device") or lex.cue(c, "munition"))
        for c in token.children)
