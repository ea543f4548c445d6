"""Whether a trigger reports an occurrence, and in whose voice.

The words that govern a trigger, up to the verb that attributes it ("X said
that ..."), decide its modality, strongest first:

1. habitual, ongoing or cumulative ("continues to pound", "regularly shell",
   "has killed hundreds since it declared a caliphate"): not an occurrence at all
   (``None``), and neither is a present-tense report without a date of its own
   ("are engaged in fighting near Raqqa"), a participle describing who someone is
   ("rebels fighting against Assads government"), the war's own back-story ("the war that
   began with protests in 2011", "since the regime launched a crackdown on protests
   in March 2011 triggering a conflict"), nor a statement of how much land a side
   holds ("has regained control of 55 percent of the country", "seized large areas
   of Syria and Iraq");
2. ``denied``: a negated trigger verb, or a denial verb above it;
3. ``hypothetical``: would/could/might, "if", "the possibility of";
4. ``planned``: will, "planned offensives", "preparing assaults", a purpose
   infinitive ("an offensive to liberate X");
5. ``attributed``: inside a quotation, under a speech verb, after "according
   to", or hedged ("reportedly"); ``asserted_by`` names the speaker or outlet;
6. ``asserted``: the article's own voice.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from palmyra.annotate.lexicon import by_kind
from palmyra.extract.events.index import DocIndex
from palmyra.extract.events.lexicon import Lexicon
from palmyra.extract.events.syntax import (
    SUBJECT_DEPS,
    auxiliaries,
    is_verb,
    present_relative,
    tense,
)
from palmyra.extract.events.triggers import Hit
from palmyra.model import ActorRef, Modality

_IRREALIS = ("denied", "hypothetical", "planned")
_COMPLEMENT_DEPS = frozenset({"xcomp", "conj"})
# How a reported clause hangs from its speech verb; a "when ..." clause (advcl) is the writer's.
_REPORTED_DEPS = frozenset({"ccomp", "parataxis", "dobj", "xcomp", "oprd", "conj"})


@dataclass(frozen=True)
class Stance:
    modality: Modality | None  # None: a habitual or generic statement, not an event
    asserted_by: str | None = None
    rule: str = ""


def stance(hit: Hit, clause: list[Token], index: DocIndex, lex: Lexicon,
           dated: bool) -> Stance:
    """The trigger's modality and speaker; ``dated`` says whether its sentence dates it."""
    chain = _irrealis_scope(hit.token)
    if (_habitual(chain, lex) or _war_background(chain, lex) or _war_origin(hit.token, lex)
            or _expanse(hit, index, lex) or _descriptor(hit.token)
            or (hit.is_verb and not dated and not _ongoing(hit.token)
                and tense(hit.token, "past" in hit.entry.flags) == "present")):
        return Stance(None, rule="generic")
    speech = _reporting_verb(hit.token, lex)
    if speech is not None and lex.cue(speech, "denial"):
        return Stance("denied", _speaker(speech, index), "denial")
    for modality in _IRREALIS:
        if _CHECKS[modality](chain, hit, lex):
            return Stance(modality, rule=modality)  # type: ignore[arg-type]
    return _attribution(hit, clause, speech, index, lex)


def _irrealis_scope(token: Token) -> list[Token]:
    """The words whose modals, negation or subordinator bear on the trigger.

    The trigger, the words up to its clause's verb ("the possibility of
    clashes"), and the verbs that clause complements ("planned to attack",
    "will attack and seize"); not the verbs of clauses it merely sits in
    ("tried to excuse the policy by referencing an airstrike").
    """
    chain = [token]
    t = token
    while not is_verb(t) and t.head.i != t.i:
        t = t.head
        chain.append(t)
    while (t.dep_ in _COMPLEMENT_DEPS and t.head.i != t.i and is_verb(t.head)
           and not _own_clause(t)):
        t = t.head
        chain.append(t)
    return chain


def _own_clause(verb: Token) -> bool:
    """A second reported clause, with its own "that" and subject: "said that the attack was
    not an isolated case and that Russian warplanes targeted the neighbourhood" (the first
    clause's "not" or "would" is none of the second's); "will attack and seize" shares its
    modal, and "it was not clear who did it but ISIL has claimed ..." its negation."""
    return verb.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in verb.children) and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _reporting_verb(token: Token, lex: Lexicon) -> Token | None:
    """The speech or denial verb whose reported clause holds the trigger ("X said that ...")."""
    child, t = token, token
    while t.head.i != t.i:
        child, t = t, t.head
        reporting = is_verb(t) and (lex.cue(t, "speech_verb") or lex.cue(t, "denial"))
        if reporting and child.dep_ in _REPORTED_DEPS:
            return t
    return None


def _habitual(chain: list[Token], lex: Lexicon) -> bool:
    """Habitual, ongoing or cumulative: "continues to pound", "since 2011", "the war has killed"."""
    for t in chain:
        if lex.cue(t, "habitual") and is_verb(t) and not _went_on(t):
            return True
        for c in t.children:
            if (c.dep_ in ("advmod", "npadvmod", "amod", "prep") and lex.cue(c, "habitual")
                    and not _since_lately(c) and not _record_since(chain, c)):
                return True
            if c.dep_ in ("nsubj", "nsubjpass") and lex.cue(c, "war_noun"):
                return True
            if c.dep_ == "prep" and c.lower_ in ("for", "over") and any(
                    g.dep_ == "pobj" and g.tag_ == "NNS" and lex.cue(g, "time_span")
                    and not _point_in_time(g) for g in c.children):
                return True  # "has bombed hospitals for years", "over the months"
            if c.dep_ == "advcl" and _perfect(t) and _since_clause(c, lex):
                return True  # "has killed hundreds since it declared a caliphate"
        if _perfect(t) and _since_beside(t, lex):
            return True
    return _total_shared(chain[-1], lex)


# The words of a perfect verb a "since" phrase may hang on and still span the verb: its
# subject ("air strikes since January have hit"), its object, and the word the parse makes of
# a name it misreads as a verb ("have been fighting IS since January": "IS" as a ccomp or dep).
_SPAN_HOLDERS = frozenset({"nsubj", "nsubjpass", "dobj", "ccomp", "dep"})


def _since_beside(verb: Token, lex: Lexicon) -> bool:
    """A perfect verb whose subject or object carries a "since" of more than days: "U.S. air
    strikes since January have also hit several areas", "Rebels have been fighting IS since
    January" (issue 12). The verb counts up to now, as with a "since" of its own; one of days
    ("since Wednesday") tells fighting going on as the report is written (``_since_lately``)."""
    for c in verb.children:
        if c.dep_ not in _SPAN_HOLDERS or (is_verb(c) and not _misread_name(c)):
            continue
        if any(g.dep_ == "prep" and g.lower_ == "since" and lex.cue(g, "habitual")
               and not _since_lately(g) for g in c.children):
            return True
    return False


def _misread_name(token: Token) -> bool:
    """A name the parse reads as a verb of its own ("IS" as "is"): a present verb with no
    subject or auxiliary."""
    return token.tag_ == "VBZ" and not any(
        c.dep_ in SUBJECT_DEPS or c.dep_.startswith("aux") for c in token.children)


def _since_clause(clause: Token, lex: Lexicon) -> bool:
    """A clause a habitual subordinator opens: "since the civil war erupted"."""
    return any(m.dep_ == "mark" and lex.cue(m, "habitual") for m in clause.children)


# Subordinators of a clause that tells how a total came about: "... have been killed since
# April as rebels have pounded ..."
_HOW_MARKS = frozenset({"as", "while"})


def _total_shared(verb: Token, lex: Lexicon) -> bool:
    """A perfect verb that shares the span of a total told beside it: the "since" clause
    that the parse hangs on a later conjunct ("aircraft have been shot down by rebels or
    crashed since the war erupted"), or the total an "as" clause or its conjuncts explain
    ("more than 300 have been killed since April as rebels have pounded neighbourhoods and
    the regime has hit rebel areas with air raids"). Both count up to now, no occurrence."""
    if not _perfect(verb):
        return False
    if any(c.dep_ == "advcl" and _since_clause(c, lex)
           for conj in verb.conjuncts for c in conj.children):
        return True
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i and is_verb(t.head):
        t = t.head
    if t.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in _HOW_MARKS
                                    for m in t.children):
        return False
    total = t.head
    return is_verb(total) and _perfect(total) and any(
        (c.dep_ == "prep" and c.lower_ == "since" and not _since_lately(c))
        or (c.dep_ == "advcl" and _since_clause(c, lex))
        for c in total.children)


# Words of a "since" that reaches back only days, beside the weekdays: "since Wednesday
# afternoon", "since Sunday morning", "since the beginning of last week".
_RECENT_WORDS = frozenset({"yesterday", "dawn", "morning", "afternoon", "evening", "midnight",
                           "overnight", "week"})


@cache
def _calendar(kind: str) -> frozenset[str]:
    """The weekday or month names of the date annotator's word list, lower-cased."""
    return frozenset(w.lower() for w in by_kind("temporal_words.tsv")[kind])


def _since_lately(cue: Token) -> bool:
    """ "killed in battles around al-Maleh since Wednesday afternoon", "has been under
    intensive strikes since the beginning of last week": a "since" of a day or a week tells
    fighting going on as the report is written, an occurrence (ACLED codes it), not the
    years-long habit or total of "since 2011" or "since the war began"."""
    if cue.lower_ != "since" or cue.dep_ != "prep":
        return False
    words = [t for t in cue.subtree if t.i != cue.i]
    if any(is_verb(t) for t in words):
        return False  # "since it declared a caliphate", "since the war began": back-story
    if any(t.lower_ in _RECENT_WORDS or t.lower_ in _calendar("weekday") for t in words):
        return True
    # "since July 7": a month and its day; "since July 2012" reaches back too far
    days = [t for t in words if t.text.isdigit()]
    return (any(t.lower_ in _calendar("month") for t in words)
            and any(int(t.text) <= 31 for t in days) and not any(len(t.text) == 4 for t in days))


def _record_since(chain: list[Token], cue: Token) -> bool:
    """ "came under the heaviest attack since the start of the conflict": a "since" that
    measures the trigger (a superlative on it) against the past names one occurrence, no
    habit."""
    return cue.lower_ == "since" and any(
        a.dep_ == "amod" and a.tag_ == "JJS"
        for t in chain if t.pos_ == "NOUN" for a in t.children)


def _went_on(verb: Token) -> bool:
    """ "warplanes continued to bomb the town", "the fighting was continuing on Saturday",
    "clashes are continuing": a narrated past or a progressive of a verb of going on tells
    what happened that day; so does a present one its own words put on a day ("mop-up
    operations still continue in the region on Monday", "they continue to battle for Tabqa
    with clashes ongoing on Saturday"). "continues to pound", "continue to fight over
    control" (a truce "agreed in February" beside it) and "has continued to bomb" stay a
    habit or a total."""
    return verb.lemma_ == "continue" and not _perfect(verb) and (
        tense(verb) == "past" or _ongoing(verb) or _on_a_day(verb))


# "yesterday" or a time of day, which puts a verb on one day as a weekday does ("week"
# spans seven); built once, not per token of the subtree.
_DAY_TIMES = _RECENT_WORDS - {"week"}


def _on_a_day(verb: Token) -> bool:
    """A weekday or a time of day among the verb's own words: "continue ... on Monday"."""
    weekdays = _calendar("weekday")
    return any(t.ent_type_ in ("DATE", "TIME") and (t.lower_ in weekdays or t.lower_ in _DAY_TIMES)
               for t in verb.subtree)


# Words after a span that make it a point in time: "over two years after the militants
# moved in", "two years ago".
_POINT_WORDS = frozenset({"after", "before", "ago", "later", "earlier"})


def _point_in_time(noun: Token) -> bool:
    """ "retook Manbij in August over two years after the militants moved in": a time span's
    noun the next word ties to another moment says when, not for how long."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return after is not None and after.lower_ in _POINT_WORDS


def _ongoing(verb: Token) -> bool:
    """ "the SDF is now fighting to recapture Tabqa", "clashes are continuing": a present
    progressive tells what is going on as the report is written, one occurrence."""
    return verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP")
                                      for a in auxiliaries(verb))


def _descriptor(token: Token) -> bool:
    """A participle or present relative clause that says who someone is, not what they did
    that day: "a U.S.-led coalition fighting Daesh", "rebels fighting against Assads
    Moscow-backed government", "forces which fight alongside the army"; unless its own
    words date it ("rebels fighting the army in Aleppo on Sunday"). Of participles only
    "fighting": a gerund the parse hangs on a noun ("in ISIS shelling on the town", "for the
    first time seizing villages") is often the event itself."""
    if any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree):
        return False
    if present_relative(token):
        return True
    if token.lemma_ != "fight" or token.tag_ != "VBG":
        return False
    if token.dep_ == "acl":
        return token.head.pos_ in ("NOUN", "PROPN")
    # the same participle the parse makes a clause of its own, with no auxiliary: "the attacks
    # are carried out to assist Syrian Kurds and Arabs fighting against ISIS"
    if token.dep_ == "ccomp" and not any(c.dep_.startswith("aux") for c in token.children):
        return any(c.dep_ == "nsubj" for c in token.children)
    # what someone is about: "groups most focused on fighting Mr Assad", "committed to
    # fighting the regime", "their role in fighting IS" ("killed after fighting" is told)
    if token.dep_ != "pcomp" or token.head.dep_ != "prep":
        return False
    prep, owner = token.head, token.head.head
    return owner.pos_ in ("ADJ", "NOUN") or (  # "is committed to", "are bent on" (stative)
        owner.tag_ == "VBN" and prep.lower_ in _STANCE_PREPS
        and any(c.dep_ == "auxpass" for c in owner.children))


_STANCE_PREPS = frozenset({"to", "on"})


def _perfect(verb: Token) -> bool:
    """A verb in the perfect ("has killed", "have been killed"): a total up to now."""
    return is_verb(verb) and any(a.lemma_ == "have" for a in auxiliaries(verb))


def _war_background(chain: list[Token], lex: Lexicon) -> bool:
    """Told only to describe the war: "the war that began with protests in 2011"."""
    verb = chain[-1]
    return verb.dep_ in ("relcl", "acl") and lex.cue(verb.head, "war_noun")


def _war_origin(token: Token, lex: Lexicon) -> bool:
    """Told to say how the war began: a clause above the trigger starts a war noun ("the
    civil war began in 2011 when protests were suppressed", "when protests were turning
    into a war", "launched a crackdown on protests triggering a conflict", "at the start
    of the crisis")."""
    t = token
    while t.head.i != t.i:
        t = t.head
        for u in (t, *t.children):
            if _starts_war(u, lex):
                return True
    return False


def _starts_war(token: Token, lex: Lexicon) -> bool:
    """A start word whose subject, object or "of"/"to"/"into" phrase is a war noun."""
    if not lex.cue(token, "war_start"):
        return False
    for c in token.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and lex.cue(c, "war_noun"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("of", "to", "into") and any(
                g.dep_ == "pobj" and lex.cue(g, "war_noun") for g in c.children):
            return True
    return _war_starts_again(token, lex)


def _war_starts_again(token: Token, lex: Lexicon) -> bool:
    """A start verb whose subject is only "it", or none, in a clause on what a war did: "Syria's
    war has killed 280,000 people since it started with the repression of protests", "a war
    that has killed 290,000 since beginning with anti-regime protests" (the war's start told
    again, after the war noun that the verb's clause hangs on)."""
    if token.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "it"
                                   for c in token.children):
        return False
    for a in token.ancestors:
        if lex.cue(a, "war_noun") or (is_verb(a) and any(
                c.dep_ in ("nsubj", "nsubjpass") and lex.cue(c, "war_noun")
                for c in a.children)):
            return True
    return False


# A side's hold over a share of a country, not the taking of a place: "regained control of
# 55 percent of the country", "seized large areas of Syria and Iraq".
_NOT_PART = frozenset({"including", "like", "such"})


def _expanse(hit: Hit, index: DocIndex, lex: Lexicon) -> bool:
    """A territorial verb whose object is a share or expanse of land ("large areas",
    "55 percent of the country", "territories west of the country") that names no town
    of its own: a statement of control, not the taking of a place."""
    if hit.entry.family != "territorial" or not hit.is_verb:
        return False
    objects = [c for c in hit.token.children if c.dep_ == "dobj"]
    for obj in list(objects):  # "seized control over territories", "control of half"
        objects += [g for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "over")
                    for g in c.children if g.dep_ == "pobj"]
    for obj in objects:
        if not lex.cue(obj, "expanse"):
            continue
        tokens = [t for t in obj.subtree
                  if not any(a.lower_ in _NOT_PART for a in t.ancestors if a.i in
                             {u.i for u in obj.subtree})]
        towns = [tm for tm in index.mentions_in(tokens, "place")
                 if tm.place is not None and tm.place.precision not in _LAND_GRAINS]
        if not towns:
            return True
    return False


_LAND_GRAINS = frozenset({"country", "region", "admin1"})


def _denied(chain: list[Token], hit: Hit, lex: Lexicon) -> bool:
    return (any(is_verb(t) and any(c.dep_ == "neg" for c in t.children) for t in chain)
            or _negated_noun(hit.token))


# "no agreement was reached", "ended without a deal", "there were no clashes": the noun
# itself says the event did not happen
_NO_DETS = frozenset({"no"})
_WITHOUT_PREPS = frozenset({"without"})


def _negated_noun(token: Token) -> bool:
    """A trigger noun whose determiner is "no" or that a "without" phrase holds."""
    if is_verb(token):
        return False
    return (any(c.dep_ in ("det", "neg") and c.lower_ in _NO_DETS for c in token.children)
            or (token.dep_ == "pobj" and token.head.lower_ in _WITHOUT_PREPS))


def _hypothetical(chain: list[Token], hit: Hit, lex: Lexicon) -> bool:
    for t in chain:
        if t.i != hit.token.i and lex.cue(t, "hypo_word"):
            return True
        for c in t.children:
            if c.dep_ == "aux" and lex.cue(c, "hypo_aux"):
                return True
            if c.dep_ == "mark" and lex.cue(c, "hypo_mark"):
                return True
            if c.dep_ == "amod" and lex.cue(c, "hypo_word"):
                return True
    return False


def _planned(chain: list[Token], hit: Hit, lex: Lexicon) -> bool:
    for t in chain:
        if t.i != hit.token.i and lex.cue(t, "planned_head") and not _causal_due(t):
            return True
        if t.i != hit.token.i and hit.entry.family in _PRESENT_PEOPLE:
            continue  # "fired tear gas to disperse protesters": the protesters were there
        if any(c.dep_ == "aux" and lex.cue(c, "planned_aux") for c in t.children):
            return True
        if any(c.dep_ in ("amod", "compound") and lex.cue(c, "planned_head") for c in t.children):
            return True
        if _purpose_infinitive(t, lex):
            return True
    return False


def _causal_due(token: Token) -> bool:
    """ "injured due to attacks": "due to" before a noun gives a cause, not a plan ("the
    talks are due to start" has "to" as its verb's infinitive marker, no preposition)."""
    return token.lower_ == "due" and any(c.lower_ == "to" and c.tag_ == "IN"
                                         for c in token.children)


def _purpose_infinitive(verb: Token, lex: Lexicon) -> bool:
    """ "an offensive to liberate X": the goal, unless the head says it was achieved
    ("managed to retake"). A head verb with an object of its own ("began a major offensive
    to gain full control of Aleppo", which the parse hangs on "began") started that object,
    and the infinitive is its goal."""
    if not is_verb(verb) or verb.tag_ != "VB":
        return False
    if not any(a.lower_ == "to" for a in auxiliaries(verb)):
        return False
    return not lex.cue(verb.head, "implicative") or any(
        c.dep_ == "dobj" for c in verb.head.children)


# Triggers that are people ("protesters", "rioters"): a purpose or future verb over them
# ("to disperse protesters") says what was meant for them, not that they were not there.
_PRESENT_PEOPLE = frozenset({"protest", "riot", "mob"})

_CHECKS = {"denied": _denied, "hypothetical": _hypothetical, "planned": _planned}


def _attribution(hit: Hit, clause: list[Token], speech: Token | None, index: DocIndex,
                 lex: Lexicon) -> Stance:
    quoted = _quote_speaker(hit, index)
    if quoted is None and hit.token.i in index.quoted:
        quoted = ""
    if quoted is not None:
        return Stance("attributed", quoted or None, "quote")
    if speech is not None:
        return Stance("attributed", _speaker(speech, index), "speech_verb")
    according = _according_to(hit, clause, index)
    if according is not None:
        return Stance("attributed", according or None, "according_to")
    if any(lex.cue(t, "hedge") for t in clause):
        return Stance("attributed", None, "hedge")
    return Stance("asserted", None, "asserted")


def _quote_speaker(hit: Hit, index: DocIndex) -> str | None:
    """The speaker of a quotation around the trigger ('' for an unknown speaker), else None."""
    facts = index.ctx.facts
    if facts is None:
        return None
    pos = index.starts[hit.token.i]
    for quote in facts.quotes:
        if quote.span.start <= pos < quote.span.end:
            return quote.speaker or ""
    return None


def _speaker(speech: Token, index: DocIndex) -> str | None:
    subject = next((c for c in speech.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    return _name_in(list(subject.subtree), index)


def _according_to(hit: Hit, clause: list[Token], index: DocIndex) -> str | None:
    """The source of an "according to X" phrase in the clause ('' when X is not a known name)."""
    for t in clause:
        if t.lower_ == "according":
            source = [u for u in t.subtree if u.i > t.i]
            return _name_in(source, index) or ""
    return None


def _name_in(tokens: list[Token], index: DocIndex) -> str | None:
    """A canonical speaker among ``tokens``: an outlet cited there, else an actor or person."""
    facts = index.ctx.facts
    if tokens and facts is not None:
        start, end = index.starts[tokens[0].i], index.ends[tokens[-1].i]
        for citation in facts.citations:
            if citation.outlet and citation.span.start < end and start < citation.span.end:
                return citation.outlet
    for t in tokens:
        tm = index.mention_at(t, "actor", "person")
        if tm and isinstance(tm.mention.value, ActorRef):
            return tm.mention.value.canonical
    return None
