"""The event extractor: ACLED-style events with the characters they came from.

``events(doc, ctx)`` reads the parsed document sentence by sentence:

1. find trigger words (``triggers``);
2. for each, take its clause as evidence and resolve the date
   (``dates``), modality (``modality``), place(s)
   (``places``), actors (``actors``) and counts
   (``counts``), then its ACLED type (``typing``), and drop what is no act of
   political violence (an accident, a game, a drill, an ordinary crime: ``nonconflict``);
3. merge the candidates into one event per occurrence (``merge``).

A text with no anchor for its relative dates (no publication date, no full
date) may have its day of writing inferred from an occurrence told both with
an absolute and with a relative date (``anchor``); it is then read
again with that anchor. Failing that, an undated text's latest explicit full
date stands for its month of writing (``dates.text_anchor``), but only
for a realis event that a finite verb narrates in the past or perfect
("renewed their assault upon Palmyra"): not for a noun or participle that
names an occurrence which may lie long before ("the city, previously
liberated"), and never for a generic statement (already dropped by
``stance``) or an event whose relative date no anchor resolved.

The paragraph's last place and date carry over to sentences that continue its
narrative without naming them again. Nothing outside the article body (and
title, which only supports body events) is read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from palmyra import registry
from palmyra.context import DocContext
from palmyra.extract.events.actors import (
    fill_air_side,
    resolve_actors,
    typing_side,
    unnamed_actors,
)
from palmyra.extract.events.agreement_sides import fill_agreement_sides
from palmyra.extract.events.anchor import infer_anchor
from palmyra.extract.events.counts import CountHit, find_counts
from palmyra.extract.events.dates import (
    carries_on,
    is_explicit,
    opening_place,
    pending_relative,
    resolve_date,
    text_anchor,
    writing_month,
)
from palmyra.extract.events.index import DocIndex, TokenMention
from palmyra.extract.events.lexicon import Lexicon, lexicon
from palmyra.extract.events.merge import EXPORTED, OWN_PLACE_RULES, Candidate, merge
from palmyra.extract.events.modality import stance
from palmyra.extract.events.model import DEFAULTS as MODEL_DEFAULTS
from palmyra.extract.events.model import (
    MODEL_FAMILY,
    SentenceScores,
    proposals,
    rejects,
    retyped,
    sure_of_none,
    vetoes,
)
from palmyra.extract.events.nonconflict import armed, mourned, non_conflict
from palmyra.extract.events.places import (
    dateline_place,
    geo_precision,
    resolve_places,
    written_place,
)
from palmyra.extract.events.spoils import spoils_of_battle
from palmyra.extract.events.summary import spread_over_places
from palmyra.extract.events.syntax import (
    OBJECT_DEPS,
    SUBJECT_DEPS,
    auxiliaries,
    clause_tokens,
    clause_verb,
    is_verb,
    sentences,
    tense,
    trim,
)
from palmyra.extract.events.triggers import Hit, find_triggers, second_toll, spurned_deal
from palmyra.extract.events.typing import (
    DEFAULT_STATE_KINDS,
    campaign_aims,
    campaign_starts,
    event_type,
    forced_withdrawal,
    frame_bombings,
    suicide_blasts,
    taken_by,
)
from palmyra.model import DateValue, Event, NumberValue

NAME = "palmyra.events.v1"
_TIME_UNITS = frozenset({"day", "week", "month", "year"})
# ctx.settings["events"] overrides these.
DEFAULTS: dict[str, Any] = {
    **MODEL_DEFAULTS,
    "model_dir": None,  # a folder made by `palmyra train events`; None: the shipped model
    "state_kinds": sorted(DEFAULT_STATE_KINDS),
    # A placeless count ("Over 50 were killed in total") joins an event told at most
    # this many sentences before it.
    "fragment_window": 2,
    # A non-conflict cue word anywhere in the sentence (its setting words included) drops
    # an event naming no armed actor where the sentence model gives the sentence NONE at
    # least this (``nonconflict.non_conflict``). Off: in the 5-fold cross-validation over the recall
    # pool it removed no false alarm at 0.3 or 0.5 (0.040 either way) and cost a rocket
    # that hit a football pitch (any event 0.825 -> 0.824).
    "nonconflict_none": 1.01,
}


@registry.extractors.register(NAME)
def events(doc: Doc, ctx: DocContext) -> list[Event]:
    """Events the document reports, one per occurrence, each with its evidence spans."""
    settings = {**DEFAULTS, **ctx.settings.get("events", {})}
    index, lex = DocIndex.build(doc, ctx), lexicon()
    kinds = frozenset(settings["state_kinds"])
    latest = text_anchor(index)
    scores = SentenceScores({})
    if settings["mode"] != "rules":
        scores = SentenceScores.of(list(sentences(doc)), settings.get("model_dir"))
    reader = _Reader(index, lex, kinds, latest=latest, scores=scores, settings=settings)
    candidates = _read(doc, reader)
    if index.relatives:  # no anchor at all: infer one, and read again with it
        anchor = infer_anchor(candidates)
        if anchor is not None:
            reader = _Reader(index, lex, kinds, written=anchor, latest=latest, scores=scores,
                             settings=settings)
            candidates = _read(doc, reader)
    frame_bombings(candidates, doc, lex)
    suicide_blasts(candidates, doc, lex)
    campaign_starts(candidates, doc, lex)
    campaign_aims(candidates, doc, lex)
    spoils_of_battle(candidates)
    events = merge([c for c in candidates if c.decision != "dropped"], ctx.document.id, NAME,
                   settings["fragment_window"])
    events = _drop_bare_mentions(events, candidates, ctx.document.text)
    events = _fill_unnamed(events, candidates, reader.unnamed)
    events = fill_air_side(events, candidates, index)
    events = fill_agreement_sides(events, candidates, index)
    ctx.memo[TRACE_KEY] = (candidates, reader.dropped)
    return events


def prepare(docs: Sequence[Doc], settings: dict[str, Any]) -> None:
    """Work done once for a batch of documents before each is read (``Pipeline.process``):
    the event model scores every sentence of the batch in a few large calls."""
    settings = {**DEFAULTS, **settings.get("events", {})}
    if settings["mode"] != "rules":
        SentenceScores.prefetch([s for d in docs for s in sentences(d)],
                                settings.get("model_dir"))


# A telling of at most this many words, told once, with no toll and no doer, is a bare mention.
_BARE_WORDS = 4


def _drop_bare_mentions(events: list[Event], candidates: list[Candidate],
                        text: str) -> list[Event]:
    """An event told once, in a clause that is little more than its trigger word ("a weekly
    48-hour truce", "burning", "revenge shelling", "downed", "recapturing"), with no toll
    and no doer or day of its own ("Ukrainian forces on Monday retook Irpin", trimmed to
    "Monday retook", stays): a mention of a kind of happening, not one the text
    tells (GUIDE: specific when tied to a place or a time, or told as a single happening),
    beside the events the text does tell. Its candidates are dropped; a report's only
    event stays, however short. A short clause beside a generic trigger of its sentence
    names that telling's means ("Warplanes releasing toxic gas targeted the town") and
    stays."""
    generic = {c.sentence for c in candidates if c.weak}  # "targeted", "attack"
    sentence = {c.evidence: c.sentence for c in candidates}
    # one trigger told at several listed places ("Rocket attacks on A and B neighborhoods
    # left two dead") is a list of events, its toll on the first: none is a bare mention
    listed = Counter(e.evidence[0] for e in events if e.evidence)
    bare = [len(e.evidence) == 1 and listed[e.evidence[0]] == 1 and not e.counts
            and e.actor1 is None
            and (e.date is None or e.date.rule != "event:clause")
            and len(text[e.evidence[0].start:e.evidence[0].end].split()) <= _BARE_WORDS
            and sentence.get(e.evidence[0]) not in generic
            for e in events]
    if all(b or e.modality not in EXPORTED for e, b in zip(events, bare, strict=True)):
        return events
    kept = []
    for event, mention in zip(events, bare, strict=True):
        if mention:
            for cand in candidates:
                if cand.evidence == event.evidence[0] and cand.decision != "dropped":
                    cand.decision = "dropped"
                    cand.reason = "a bare mention: told once, in a few words, with no toll"
            continue
        kept.append(event)
    return kept


def _fill_unnamed(events: list[Event], candidates: list[Candidate],
                  unnamed: dict[int, tuple[str | None, str | None]]) -> list[Event]:
    """Fill merged events' actor slots with the conventions' actors of their tellings
    ("Civilians (Syria)" for people killed, an Unidentified Armed Group for an unclaimed
    bomb). The event's first telling (its first evidence) speaks for it: its convention's
    actor wins over what a lesser telling named; otherwise a slot no telling named takes
    any telling's."""
    if not unnamed:
        return events
    out = []
    for event in events:
        tellings = [c for c in candidates if c.decision != "dropped"
                    and c.sub_event_type == event.sub_event_type and c.evidence in event.evidence]
        best = next((c for c in tellings if c.evidence == event.evidence[0]), None)
        slots = []
        for k, (value, named) in enumerate(((event.actor1, "actor1"), (event.actor2, "actor2"))):
            own = unnamed.get(id(best), (None, None))[k] if best is not None else None
            if own and getattr(best, named) is None:
                value = own
            elif value is None:
                value = next((unnamed[id(c)][k] for c in tellings
                              if id(c) in unnamed and unnamed[id(c)][k]), None)
            slots.append(value)
        a1, a2 = slots
        if (a1, a2) != (event.actor1, event.actor2):
            event = replace(event, actor1=a1, actor2=a2 if a2 != a1 else None)
        out.append(event)
    return out


def _read(doc: Doc, reader: _Reader) -> list[Candidate]:
    for n, sent in enumerate(sentences(doc)):
        reader.read(sent, n)
    return reader.candidates


@dataclass(frozen=True)
class Dropped:
    """A trigger that gave no candidate, and why (the decide stage's reasons)."""

    trigger: str
    family: str
    sentence: int
    evidence: Span
    reason: str


TRACE_KEY = "event_candidates"  # ctx.memo: (candidates, dropped triggers) of the last read


@dataclass
class _Reader:
    """Reads sentences in order, keeping each paragraph's last event place and date."""

    index: DocIndex
    lex: Lexicon
    state_kinds: frozenset[str]
    written: DateValue | None = None  # the inferred day of writing (``anchor``)
    latest: DateValue | None = None  # an undated text's latest full date (``text_anchor``)
    candidates: list[Candidate] = field(default_factory=list)
    last_place: dict[int, TokenMention] = field(default_factory=dict)
    last_date: dict[int, DateValue] = field(default_factory=dict)
    triggers: set[int] = field(default_factory=set)  # the current sentence's trigger tokens
    typed: int = 0  # how many of them the model may re-type the sentence's event by
    dropped: list[Dropped] = field(default_factory=list)
    # candidate id -> (actor1, actor2) the conventions give where the text names none
    unnamed: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)
    vetoed: set[int] = field(default_factory=set)  # the sentence's triggers the model vetoes
    # the sentence's triggers the model vetoes wherever their place is (model_veto_placed)
    sure_none: set[int] = field(default_factory=set)
    scores: SentenceScores = field(default_factory=lambda: SentenceScores({}))
    settings: dict[str, Any] = field(default_factory=lambda: dict(MODEL_DEFAULTS))

    def read(self, sent: Span, n: int) -> None:
        scores = self.scores.get(sent)
        hits = [] if self.settings["mode"] == "model" else [
            h for h in find_triggers(sent, self.index, self.lex) if self.index.region(h.token)]
        hits += _aircraft_beside(hits, self.lex)
        self.vetoed = {h.token.i for h in hits if vetoes(h, scores, self.settings)}
        self.sure_none = {h.token.i for h in hits} if sure_of_none(scores, self.settings) else set()
        if self.index.region(sent.root) == "body":
            hits += [h for h in proposals(sent, hits, scores,
                                          {h.entry.sub_event_type for h in hits},
                                          self.settings, self.lex) if self.index.region(h.token)]
        if not hits:
            return
        before = len(self.dropped)
        self._read_hits(sent, n, hits)
        # A sentence whose every trigger was a mere mention ("a swap", "an anti-tank mine")
        # is read as if none had fired: the model may still propose its event.
        mentions = self.dropped[before:]
        # So is one whose deeds are only what the mourned died of ("a vigil for relatives killed
        # in El Fasher": the vigil may be the event).
        if (self.index.region(sent.root) == "body" and mentions and len(mentions) == len(hits)
                and all(d.reason.startswith((NOT_SPECIFIC, MOURNED)) for d in mentions)):
            self._read_hits(sent, n, proposals(sent, [], scores, set(), self.settings,
                                                   self.lex))

    def _read_hits(self, sent: Span, n: int, hits: list[Hit]) -> None:
        if not hits:
            return
        triggers = self.triggers = {h.token.i for h in hits}
        # a second toll takes its lead's sub-type (``_second_tolls``): no event of its own for
        # the model's one softmax over the sentence to choose between
        self.typed = len(triggers - {h.token.i for h in hits if second_toll(h, self.lex)})
        anchors = {h.token.i: _anchor(h, self.lex, triggers) for h in hits}
        counts = _assign_counts(find_counts(sent, self.index, self.lex), hits)
        enemy: str | None = None
        first = len(self.candidates)
        # Air support shares the ground operation's enemy: read ground triggers first.
        for hit in sorted(hits, key=lambda h: "air" in h.entry.flags):
            anchor = anchors[hit.token.i]
            others = {a.i for a in anchors.values()} | triggers
            clause = self._clause(hit, anchor, others - {anchor.i, hit.token.i}, sent)
            enemy = self._read_hit(hit, anchor, clause, sent, n, counts.get(hit.token.i, []),
                                   enemy) or enemy
        _one_crowd(self.candidates[first:])
        _second_tolls(self.candidates[first:], hits, self.lex, self.unnamed)

    def _drop(self, hit: Hit, sent: Span, n: int, reason: str) -> None:
        """Record a trigger the decide stage turned down, for ``show --candidates``."""
        start, end = sent.start_char, sent.end_char
        self.dropped.append(Dropped(hit.token.text, hit.entry.family, n,
                                    self.index.ctx.span(start, end), reason))

    def _clause(self, hit: Hit, anchor: Token, others: set[int], sent: Span) -> list[Token]:
        """The trigger's clause, kept within its sentence and its region (body or title)."""
        region = self.index.region(hit.token)
        tokens = clause_tokens(anchor, others) + _included(anchor)
        return [t for t in sorted(tokens, key=lambda t: t.i)
                if sent.start <= t.i < sent.end and self.index.region(t) == region] or [hit.token]

    def _read_hit(self, hit: Hit, anchor: Token, clause: list[Token], sent: Span, n: int,
                  counts: list[CountHit], enemy: str | None) -> str | None:
        """Add the trigger's candidate(s); returns their actor2 for air support to share."""
        index, lex = self.index, self.lex
        paragraph, told_in = index.paragraph(hit.token), index.text_paragraph(hit.token)
        narrative = self._narrative_date(told_in, sent)
        date = resolve_date(hit, clause, sent, index, narrative,
                            reported=is_verb(anchor), anchor=self.written)
        relative = pending_relative(hit, clause, sent, index) if date is None else None
        voice = stance(hit, clause, index, lex, dated=is_explicit(date))
        if voice.modality is None:
            self._drop(hit, sent, n, "generic: a habit, a kind of thing or a statement, "
                                     "not one occurrence")
            return None
        if (date is None and relative is None and self.latest is not None
                and voice.modality in ("asserted", "attributed")
                and hit.entry.family != MODEL_FAMILY  # its verb may not tell the event
                and _narrated(hit, anchor, clause, index)):
            date = writing_month(self.latest)
        places, place_rule = resolve_places(hit, clause, sent, index, lex,
                                            self.last_place.get(paragraph))
        own_place = place_rule == "clause" and not all(dateline_place(tm) for tm in places)
        one_day = date is not None and date.precision == "day"
        if not own_place and spread_over_places(clause, {hit.token.i, anchor.i}, one_day):
            self._drop(hit, sent, n, f"{SUMMARY}: a lead totalling events on several fronts or "
                                     "in several places, told one by one elsewhere")
            return None
        own_date = date is not None and date.rule == "event:clause"
        irrealis = voice.modality in ("planned", "hypothetical", "denied")
        if not (irrealis or _specific(hit, anchor, bool(counts) or own_date, place_rule,
                                      self.triggers, lex)):
            self._drop(hit, sent, n, f"{NOT_SPECIFIC}: a noun naming a kind of event, with no "
                                     "date, count or past verb of its own")
            return None
        if _damage_of_attack(hit, self.triggers):
            self._drop(hit, sent, n, f"{DAMAGE}: the damage an attack told in the sentence did")
            return None
        if _arrest_raid(hit):
            self._drop(hit, sent, n, f"{ARREST_RAID}: the raid an arrest told in the sentence "
                                     "was made in")
            return None
        first_place = places[0].place if places else None
        actors = resolve_actors(hit, clause, first_place, index, lex)
        if mourned(hit.token, lex):
            self._drop(hit, sent, n, f"{MOURNED}: what killed the dead a funeral, burial or "
                                     "memorial is for")
            return None
        if non_conflict(hit, anchor, clause, sent, actors, lex, self.state_kinds,
                        self.scores.get(sent), self.settings,
                        named=[tm.mention.value for tm in index.mentions_in(sent, "actor")]):
            self._drop(hit, sent, n, "not a conflict event: an accident, disaster, sport or "
                                     "business, with no armed actor")
            return None
        scores = self.scores.get(sent)
        # only a telling reported as having happened: the model learnt that a plan is no event
        if (hit.entry.family != MODEL_FAMILY and not irrealis
                and not armed(actors, self.state_kinds) and rejects(scores, self.settings)):
            self._drop(hit, sent, n, "the model finds no event in this sentence, which names "
                                     "no armed actor")
            return None
        actor2 = actors.actor2.canonical if actors.actor2 else None
        if actor2 is None and "air" in hit.entry.flags:
            actor2 = enemy
        victims = [c.number.head for c in counts] + [c for c in anchor.children
                                                     if c.dep_ in OBJECT_DEPS | {"nsubjpass"}]
        # how a protest was met is told around the protesters, not inside their noun phrase
        cue_scope = list(sent) if hit.entry.family in SENTENCE_CUE_FAMILIES else clause
        taker = typing_side(hit, actors.actor1, first_place, sent, index)
        etype, subtype = event_type(hit, cue_scope, taker, actors.actor2, victims, lex,
                                    self.state_kinds)
        etype, subtype = retyped(subtype, scores, self.typed, self.settings) or (
            etype, subtype)
        unnamed1, unnamed2 = unnamed_actors(etype, subtype, hit, clause, sent, actors.actor1,
                                            actors.actor2, counts, first_place, index, lex)
        actor1 = actors.actor1.canonical if actors.actor1 else None
        kind1 = actors.actor1.kind if actors.actor1 else None
        kind2 = actors.actor2.kind if actors.actor2 else None
        # A named actor the conventions re-code ("residents" protesting are Protesters) is
        # replaced here; an empty slot is only filled after merging (``_fill_unnamed``), so
        # that another telling's named actor wins over the convention's default.
        fill1 = fill2 = None
        if unnamed1 is not None and unnamed1 is not actors.actor1:
            if actor1 is None:
                fill1 = unnamed1.canonical
            else:
                actor1, kind1 = unnamed1.canonical, unnamed1.kind
        if unnamed2 is not None and unnamed2 is not actors.actor2:
            if actor2 is None:
                fill2 = unnamed2.canonical
            elif actors.actor2 is not None:  # air support's enemy stays
                actor2, kind2 = unnamed2.canonical, unnamed2.kind
        if forced_withdrawal(hit.entry.family, etype):
            # the side that withdrew lost the place; the conventions' defaults were read
            # for it as the doer, so none is filled
            actor1, actor2, kind1, kind2 = actor2, actor1, kind2, kind1
            fill1 = fill2 = None
            subtype = taken_by(kind1, self.state_kinds)
        start, end = trim(clause)
        last = sent.doc[end - 1]
        evidence = index.ctx.span(sent.doc[start].idx, last.idx + len(last))
        # a total told for several places at once goes to the one named first ("five killed
        # in rocket attacks on al-Midan and al-Ashrafiyeh": al-Midan's), whichever the
        # resolver put first
        counted = min(range(len(places)), key=lambda k: places[k].start) if places else 0
        for k, place in enumerate(places or [None]):
            self.candidates.append(Candidate(
                event_type=etype, sub_event_type=subtype, region=index.region(hit.token) or "",
                position=hit.token.i, sentence=n, evidence=evidence, paragraph=paragraph,
                weak="weak" in hit.entry.flags,
                place=written_place(place) if place else None,
                place_text=place.mention.text if place else None, place_rule=place_rule,
                geo_precision=geo_precision(place, place_rule) if place else None,
                family=hit.entry.family, anaphoric=_points_back(hit, lex),
                definite=place_rule not in OWN_PLACE_RULES and _definite(hit),
                framed=place_rule not in OWN_PLACE_RULES and _framed(hit),
                vetoed=hit.token.i in self.vetoed,
                sure_none=hit.token.i in self.sure_none,
                date=date,
                actor1=actor1,
                actor2=actor2,
                actor1_kind=kind1,
                actor2_kind=kind2,
                counts=_first_per_key(counts) if k == counted else {},
                modality=voice.modality, asserted_by=voice.asserted_by, relative=relative,
                distinct=_another(clause),
            ))
            if fill1 or fill2:
                self.unnamed[id(self.candidates[-1])] = (fill1, fill2)
        if places and place_rule in ("clause", "cataphora", "anaphora", "sentence"):
            self.last_place[paragraph] = places[-1]
        published = index.ctx.document.published
        if is_explicit(date) and date is not None and carries_on(date, published):
            self.last_date[told_in] = date
        elif not is_explicit(date) and narrative is None:
            # a new front with no day of its own: the day of the front before is done
            self.last_date.pop(told_in, None)
        return actor2

    def _narrative_date(self, told_in: int, sent: Span) -> DateValue | None:
        """The paragraph's date that goes on to the sentence, if any: not the day of another
        front to a sentence that opens on a place of its own ("In Hama, army units ..."),
        which is told as news (the publication week). One convention, with no exception for
        a lead's places: an exception for "a country-wide lead's day goes on to the places it
        details" moved no event on gold dev or the wars' dev sets and mis-dated a train
        article, since a dropped lead's day bypassed ``carries_on``."""
        previous = self.last_date.get(told_in)
        if previous is not None and opening_place(sent, self.index) is not None:
            return None
        return previous


# A protest's sub-types, the gravest first: a sentence that tells protesters burning a
# building or being shot at tells one demonstration, of the gravest kind it tells
# (ACLED: demonstrators' violence makes a riot; lethal force outranks dispersal).
PROTEST_GRAVITY = ("Violent demonstration", "Excessive force against protesters",
                   "Protest with intervention", "Peaceful protest")


def _one_crowd(cands: list[Candidate]) -> None:
    """Give a sentence's protest tellings at one place (or none) the gravest protest
    sub-type the sentence tells ("Protesters stormed parliament and set it on fire":
    the protest is the riot, not a peaceful protest beside it)."""
    told = [c for c in cands if c.sub_event_type in PROTEST_GRAVITY]
    for c in told:
        same = [o for o in told if o.place is None or c.place is None
                or o.place_key == c.place_key]
        gravest = min(same, key=lambda o: PROTEST_GRAVITY.index(o.sub_event_type))
        c.event_type, c.sub_event_type = gravest.event_type, gravest.sub_event_type


def _second_tolls(cands: list[Candidate], hits: list[Hit], lex: Lexicon,
                  unnamed: dict[int, tuple[str | None, str | None]]) -> None:
    """A killing told with its own count and place after a strike's or a fight's first toll
    ("15 civilians were killed in raids in Manbij while six others were killed in a village
    near the city", kept by ``triggers``) is that attack's kind at one more place: it takes
    the sub-type, and where it names none the attacker and the victims (``unnamed``: the
    conventions' fill), of the sentence's telling before it, and is an occurrence of its
    own, not the first toll told again. A killing told with its weapon ("Regime shelling
    killed four civilians in Douma, while two other civilians were killed in Harasta") is
    such a lead by the sub-type its weapon gave it, though its trigger is a killing's."""
    seconds = {h.token.i for h in hits if second_toll(h, lex)}
    for cand in cands:
        if cand.position not in seconds:
            continue
        before = [c for c in cands if _toll_lead(c)
                  and c.position < cand.position
                  and (c.modality in EXPORTED) == (cand.modality in EXPORTED)]
        if not before:
            continue
        lead = max(before, key=lambda c: c.position)
        cand.event_type, cand.sub_event_type = lead.event_type, lead.sub_event_type
        if cand.actor1 is None:
            cand.actor1, cand.actor1_kind = lead.actor1, lead.actor1_kind
        if cand.actor2 is None:
            cand.actor2, cand.actor2_kind = lead.actor2, lead.actor2_kind
        if id(lead) in unnamed:
            unnamed[id(cand)] = unnamed[id(lead)]
        cand.distinct = True


_WEAPON_TYPE = "Explosions/Remote violence"


def _toll_lead(cand: Candidate) -> bool:
    """Whether a telling may lead a second toll (``_second_tolls``): a strike's or a
    fight's trigger, or a killing its weapon typed ("shelling killed four")."""
    if cand.family == "agreement":
        return False
    return cand.family != "kill" or cand.event_type == _WEAPON_TYPE


SENTENCE_CUE_FAMILIES = frozenset({"protest"})
NOT_SPECIFIC = "not specific"
MOURNED = "mourned"
SUMMARY = "summary"
DEMONSTRATIVES = frozenset({"this", "these", "that", "those", "such"})


def _another(clause: list[Token]) -> bool:
    """Whether the clause tells its toll as one more occurrence's ("six more people lost
    their lives in a village near Manbij"), not a retelling of the one before. Only a
    number followed by "more" says so: "more than 100", "another nine were wounded in the
    attack" and "a second blast" add to the occurrence told before as often as not."""
    return any(t.lower_ == "more" and t.head.tag_ == "CD" and t.i == t.head.i + 1
               for t in clause)


_LISTING_VERBS = frozenset({"include"})  # not "be": "those killed were residents of X"


def _included(anchor: Token) -> list[Token]:
    """The list a described noun is said to include: "Other locations targeted by Assads
    troops this week include the towns of Misraba ... and Kafr Batna" — the participle's
    clause ends at "locations", but the places it hit are the object of "include"."""
    noun = anchor.head
    if anchor.dep_ not in ("acl", "relcl") or noun.dep_ not in ("nsubj", "nsubjpass"):
        return []
    verb = noun.head
    if verb.lemma_ not in _LISTING_VERBS or verb.i == noun.i:
        return []
    return [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree]


def _points_back(hit: Hit, lex: Lexicon) -> bool:
    """A noun that refers to an event told before: "these attacks", "the massacre" that
    someone condemned, blamed or investigated."""
    if hit.is_verb:
        return False
    token = hit.token
    if any(c.lower_ in DEMONSTRATIVES for c in token.children):
        return True
    return token.dep_ in OBJECT_DEPS and lex.cue(token.head, "reaction")


# Verbs that only set a known occurrence in time or place: "The attack came as ...",
# "The explosion took place near ...", "Friday's attack occurred in ..."
_FRAME_VERBS = frozenset({"come", "occur", "happen"})


def _framed(hit: Hit) -> bool:
    """A definite event noun ("the attack", "Friday's explosion") whose verb only frames it
    ("came as", "took place", "occurred"): the writer goes back to an occurrence already
    told to say when it fell ("The bombings came as ...", "The attack took place as
    thousands of evacuees waited"), not to tell a new one."""
    token = hit.token
    if hit.is_verb or token.dep_ != "nsubj" or not any(
            (c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in token.children):
        return False
    verb = token.head
    lemma = verb.lemma_.lower()
    return lemma in _FRAME_VERBS or (lemma == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children))


def _definite(hit: Hit) -> bool:
    """A trigger noun with the definite article: "the strike", "the April 4 attack"."""
    return not hit.is_verb and any(c.dep_ == "det" and c.lower_ == "the"
                                   for c in hit.token.children)


def _anchor(hit: Hit, lex: Lexicon, triggers: set[int]) -> Token:
    """The token whose clause reports the trigger: the verb, or the noun phrase of a mere mention.

    A trigger noun that is a verb's subject or object, or depends on a light
    verb ("conducted strikes"), a casualty verb ("killed in air raids") or a
    trigger verb ("retaking the ruins under air cover"), is reported by that
    verb's clause; one hanging off any other verb ("spoke
    about the recapture of Palmyra") is reported by its own noun phrase.
    """
    if hit.is_verb:
        return hit.token
    verb = clause_verb(hit.token)
    if verb.i == hit.token.i:
        return hit.token
    means = _means_verb(hit, triggers, lex)
    if means is not None:
        return means
    direct = hit.token.head.i == verb.i and hit.token.dep_ in SUBJECT_DEPS | OBJECT_DEPS
    if direct or _serves_trigger(verb, triggers):
        return verb
    if lex.cue(verb, "light_verb") or lex.count_key(verb):
        return verb
    answer = _answering_verb(hit.token, lex)
    return answer if answer is not None else hit.token


def _answering_verb(noun: Token, lex: Lexicon) -> Token | None:
    """The verb of answering an attack whose "with" phrase holds the noun: "the army had
    responded with heavy firepower including aerial bombardment", "the regime has responded
    with airstrikes on opposition positions". The answer is an occurrence that verb tells
    (its tense and date are the noun's), as a light verb's object is, not a kind of weapon."""
    for verb in noun.ancestors:
        if not lex.cue(verb, "response_verb"):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "with" and c.is_ancestor(noun)
               for c in verb.children):
            return verb
    return None


def _specific(hit: Hit, anchor: Token, counted_or_dated: bool, place_rule: str | None,
              triggers: set[int], lex: Lexicon) -> bool:
    """Whether a trigger names one occurrence rather than a kind of thing ("the fight for Raqqa").

    Verbs already passed the tense test in ``stance``, but a participle before its noun
    ("the detained president", "burnt-out cars") describes a state unless dated or counted
    in its own clause; a noun needs a date in its
    own clause (one elsewhere in the sentence may date the reporting, "On 16 May
    he said renewing the ceasefire..."), a count, a past verb reporting it, or
    to be a finished occurrence with its own place ("the recapture of Palmyra").
    A noun reported by another trigger verb ("retaking the ruins under air
    cover") is as specific as that verb.
    """
    if spurned_deal(hit, lex, anchor):
        return False
    if counted_or_dated:
        return True
    if hit.is_verb:
        # a participle before its noun describes a state ("the detained president", "a
        # burnt-out car"), not one occurrence the text tells
        return not (hit.token.tag_ == "VBN" and hit.token.dep_ == "amod"
                    and hit.token.i < hit.token.head.i)
    if anchor.i != hit.token.i and (tense(anchor) == "past" or _serves_trigger(anchor, triggers)
                                    or _going_on(anchor, hit.token)):
        return True
    if hit.entry.family == "agreement" and any(
            c.dep_ == "acl" and c.tag_ == "VBN" for c in hit.token.children):
        return True  # "under a deal reached between the regime and rebels": one deal, made
    return "completive" in hit.entry.flags and place_rule == "clause"


def _means_verb(hit: Hit, triggers: set[int], lex: Lexicon) -> Token | None:
    """The past verb that reports the bombardment a means word names the kind of:
    "intensified" for "artillery" in "the regime intensified its aerial, artillery and
    missile bombardment on X". Two means in one clause are one event each (GUIDE), so the
    second means is told by the verb that tells the first, not a mere kind of weapon; not
    "a bombing campaign" or "rocket attacks" (a campaign or an attack is no means)."""
    if hit.entry.family != _SHELLING:
        return None
    t = hit.token
    while t.dep_ == "conj" and t.head.i != t.i and t.head.dep_ in _MODIFIER_DEPS:
        t = t.head  # "artillery and missile": "missile" joins "artillery"
    noun = t.head
    if (t.dep_ not in _MODIFIER_DEPS or noun.i not in triggers
            or not any(e.family in _BOMBARDMENTS for e in lex.word_triggers(noun))):
        noun = _first_means(hit.token, lex)
        if noun is None or not _attack_verb(noun.head, lex):
            return None  # "moved warplanes and artillery to Hama": no bombardment told
    verb = noun.head
    if (noun.dep_ in SUBJECT_DEPS | OBJECT_DEPS and verb.i != noun.i and is_verb(verb)
            and tense(verb) == "past"):
        return verb
    return None


def _attack_verb(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb is one of the lexicon's attack triggers ("targeted", "pounded",
    "struck", "shelled"): what the coordinated means of "warplanes and artillery" must be
    told by to be two attacks, not a move or a deployment of arms ("moved", "deployed")."""
    return is_verb(verb) and any(e.family in _ATTACK_FAMILIES for e in lex.word_triggers(verb))


def _first_means(token: Token, lex: Lexicon) -> Token | None:
    """The other means a shelling word's phrase is coordinated after: "warplanes" in "the
    Syrian warplanes and artillery fire targeted X", "air strikes" in "air strikes and
    artillery fire pounded X" (GUIDE: two means in one clause, one event each); ``None``
    where the phrase joins no means ("artillery fire and clashes")."""
    phrase = token.head if token.dep_ in _MODIFIER_DEPS and token.head.i != token.i else token
    first = phrase
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first is phrase or not (lex.cue(first, "air") or any(
            e.family in _BOMBARDMENTS for e in lex.word_triggers(first))):
        return None
    return first


def _aircraft_beside(hits: list[Hit], lex: Lexicon) -> list[Hit]:
    """An air strike for the aircraft a shelling word is coordinated after ("the Syrian
    warplanes and artillery fire targeted X": one air strike and one shelling, GUIDE's two
    means in one clause). "Warplanes" is no trigger of its own: where a verb trigger
    ("pounded") reports the pair it gives the air strike, otherwise the shelling alone would
    be read and the sentence's air strike lost."""
    air = next((e for e in lex.triggers.get("airstrike", ()) if e.family == _AIR), None)
    taken = {h.token.i for h in hits}
    out: list[Hit] = []
    for hit in hits:
        first = _first_means(hit.token, lex) if hit.entry.family == _SHELLING else None
        if (air is None or first is None or first.i in taken or lex.word_triggers(first)
                or not _attack_verb(first.head, lex) or _serves_trigger(first.head, taken)):
            continue
        taken.add(first.i)
        out.append(Hit(first, first.i, first.i + 1, air))
    return out


_AIR = "air"
_SHELLING = "shelling"
_BOMBARDMENTS = frozenset({"bombard", "strike", "air"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Trigger families of a verb that tells an attack by the means it names as subject or object
# ("warplanes and artillery fire targeted X"); "move" (a base moved) and the like tell none.
_ATTACK_FAMILIES = frozenset({"attack", "strike", "bombard", "shelling", "air", "explosive",
                              "chemical", "grenade", "kill", "civilian_attack", "clash"})

DAMAGE = "damage"
# Verbs of damage that an attack's own report tells as its result: "air strikes ... demolished
# entire buildings", "a strike which destroyed a command post".
_DAMAGE_VERBS = frozenset({"destroy", "demolish", "burn"})
# An attack's nouns, read as such where the trigger finder left them out ("the attack" told
# before).
_ATTACK_NOUNS = frozenset({"attack", "strike", "airstrike", "raid", "bombardment", "shelling",
                           "bombing", "assault", "explosion", "blast", "offensive"})


ARREST_RAID = "arrest raid"
_ARREST_VERBS = frozenset({"arrest", "detain", "apprehend"})


def _arrest_raid(hit: Hit) -> bool:
    """A raid that an arrest was made in ("the Security Belt arrested 11 suspected members of
    AQAP in raids in Jaar", "arrested three suspects in a raid on a house"): the arrest's
    means, told by the Arrests event, not a strike of its own. The raid is the object of
    "in" or "during" on the arrest verb (or on the arrested people, where the parser hangs
    the phrase there)."""
    t = hit.token
    if t.lemma_.lower() not in ("raid", "swoop") or t.dep_ != "pobj":
        return False
    prep = t.head
    if prep.lower_ not in ("in", "during"):
        return False
    head = prep.head
    verb = head if is_verb(head) else head.head
    return verb.lemma_.lower() in _ARREST_VERBS


def _damage_of_attack(hit: Hit, triggers: set[int]) -> bool:
    """Property destroyed by an attack the sentence tells, not looting or destruction of its
    own (GUIDE: property destroyed without fighting): a damage verb whose subject is an
    attack's noun, in its own clause or in the clause it continues ("the airstrikes have
    claimed hundreds of lives, wounded many others and demolished entire buildings"), that
    continues a killing verb, hangs on an attack's noun ("the strike, which destroyed a
    command post") or comes after or by it ("a building which was demolished after the
    attack")."""
    t = hit.token
    if hit.entry.family != "looting" or t.lemma_.lower() not in _DAMAGE_VERBS or not is_verb(t):
        return False

    def attack(u: Token) -> bool:
        return u.i != t.i and (u.i in triggers or u.lemma_.lower() in _ATTACK_NOUNS)

    v = t
    while True:
        if any(c.dep_ in ("nsubj", "nsubjpass") and attack(c) for c in v.children):
            return True
        if any(c.dep_ in ("prep", "agent") and c.lower_ in ("after", "in", "by") and any(
                g.dep_ == "pobj" and attack(g) for g in c.children) for c in v.children):
            return True
        if v.dep_ in ("relcl", "acl") and attack(v.head):
            return True
        if v.dep_ not in ("conj", "advcl", "ccomp") or v.head.i == v.i:
            return False
        v = v.head
        if v.i in triggers and v.lemma_.lower() == "kill":
            return True


def _going_on(verb: Token, noun: Token) -> bool:
    """"Clashes are continuing", "fighting is raging": the event noun is the subject of a
    present progressive, one occurrence going on as the report is written (as "the SDF is
    now fighting" is for a verb)."""
    return (noun.dep_ == "nsubj" and noun.head.i == verb.i and verb.tag_ == "VBG"
            and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxiliaries(verb)))


def _narrated(hit: Hit, verb: Token, clause: list[Token], index: DocIndex) -> bool:
    """Whether the clause narrates the event itself, in the past or perfect, untimed.

    The trigger must be a finite past or perfect verb ("shelled", "have
    taken"), or the direct object noun of one ("renewed their assault",
    "launched attacks"). A participle or gerund without a finite
    auxiliary ("the city, previously liberated") names an occurrence without
    placing it in the narrative's time; so does a noun another verb talks
    about ("the earlier loss of Palmyra was seized upon"). A time count in the
    clause ("two days into the talks") dates the event from something else.
    """
    if verb.i != hit.token.i and not (hit.token.dep_ == "dobj" and hit.token.head.i == verb.i):
        return False
    if not is_verb(verb) or tense(verb) != "past":
        return False
    if not (verb.tag_ == "VBD" or any(a.tag_ in ("VBD", "VBZ", "VBP") for a in auxiliaries(verb))):
        return False
    counts = [tm.mention.value for tm in index.mentions_in(clause, "number")]
    return not any(isinstance(v, NumberValue) and v.unit in _TIME_UNITS for v in counts)


def _serves_trigger(verb: Token, triggers: set[int]) -> bool:
    """Whether the verb is a trigger or tells part of one ("retook X, advancing under ...")."""
    t = verb
    while True:
        if t.i in triggers:
            return True
        if t.dep_ not in ("advcl", "conj", "xcomp") or t.head.i == t.i:
            return False
        t = t.head


def _first_per_key(counts: list[CountHit]) -> dict[str, NumberValue]:
    out: dict[str, NumberValue] = {}
    for c in counts:
        out.setdefault(c.key, c.value)
    return out


def _assign_counts(counts: list[CountHit], hits: list[Hit]) -> dict[int, list[CountHit]]:
    """Give each count to the trigger that governs its cue, else the nearest trigger."""
    owned: dict[int, list[CountHit]] = {}
    for count in counts:
        owner = _owner(count, hits)
        owned.setdefault(owner.token.i, []).append(count)
    return owned


def _owner(count: CountHit, hits: list[Hit]) -> Hit:
    by_token = {h.token.i: h for h in hits}
    if count.cue.i in by_token:
        return by_token[count.cue.i]
    for t in count.cue.ancestors:
        if t.i in by_token:
            return by_token[t.i]
    for h in hits:
        if any(t.i == count.cue.i for t in h.token.ancestors):
            return h
    return min(hits, key=lambda h: abs(h.token.i - count.cue.i))
