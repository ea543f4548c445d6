"""The event extractor: ACLED-style events with the characters they came from.

``events(doc, ctx)`` reads the parsed document sentence by sentence:

1. find trigger words (``events_triggers``);
2. for each, take its clause as evidence and resolve the date
   (``events_dates``), modality (``events_modality``), place(s)
   (``events_places``), actors (``events_actors``) and counts
   (``events_counts``), then its ACLED type (``events_typing``);
3. merge the candidates into one event per occurrence (``events_merge``).

The paragraph's last place and date carry over to sentences that continue its
narrative without naming them again. Nothing outside the article body (and
title, which only supports body events) is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from palmyra import registry
from palmyra.context import DocContext
from palmyra.extract.events_actors import resolve_actors
from palmyra.extract.events_counts import CountHit, find_counts
from palmyra.extract.events_dates import is_explicit, resolve_date
from palmyra.extract.events_index import DocIndex, TokenMention
from palmyra.extract.events_lexicon import Lexicon, lexicon
from palmyra.extract.events_merge import Candidate, merge
from palmyra.extract.events_modality import stance
from palmyra.extract.events_places import resolve_places
from palmyra.extract.events_syntax import (
    OBJECT_DEPS,
    SUBJECT_DEPS,
    clause_tokens,
    clause_verb,
    tense,
    trim,
)
from palmyra.extract.events_triggers import Hit, find_triggers
from palmyra.extract.events_typing import DEFAULT_STATE_KINDS, event_type
from palmyra.model import DateValue, Event

NAME = "palmyra.events.v1"
# ctx.settings["events"] overrides these.
DEFAULTS: dict[str, Any] = {
    "state_kinds": sorted(DEFAULT_STATE_KINDS),
    # A placeless count ("Over 50 were killed in total") joins an event told this many sentences before.
    "fragment_window": 2,
}


@registry.extractors.register(NAME)
def events(doc: Doc, ctx: DocContext) -> list[Event]:
    """Events the document reports, one per occurrence, each with its evidence spans."""
    settings = {**DEFAULTS, **ctx.settings.get("events", {})}
    reader = _Reader(DocIndex.build(doc, ctx), lexicon(), frozenset(settings["state_kinds"]))
    for n, sent in enumerate(doc.sents):
        reader.read(sent, n)
    return merge(reader.candidates, ctx.document.id, NAME, settings["fragment_window"])


@dataclass
class _Reader:
    """Reads sentences in order, keeping each paragraph's last event place and date."""

    index: DocIndex
    lex: Lexicon
    state_kinds: frozenset[str]
    candidates: list[Candidate] = field(default_factory=list)
    last_place: dict[int, TokenMention] = field(default_factory=dict)
    last_date: dict[int, DateValue] = field(default_factory=dict)

    def read(self, sent: Span, n: int) -> None:
        hits = [h for h in find_triggers(sent, self.index, self.lex) if self.index.region(h.token)]
        if not hits:
            return
        anchors = {h.token.i: _anchor(h, self.lex) for h in hits}
        counts = _assign_counts(find_counts(sent, self.index, self.lex), hits)
        for hit in hits:
            anchor = anchors[hit.token.i]
            others = {a.i for a in anchors.values()} | {h.token.i for h in hits}
            clause = self._clause(hit, anchor, others - {anchor.i, hit.token.i})
            self._read_hit(hit, anchor, clause, sent, n, counts.get(hit.token.i, []))

    def _clause(self, hit: Hit, anchor: Token, others: set[int]) -> list[Token]:
        region = self.index.region(hit.token)
        return [t for t in clause_tokens(anchor, others) if self.index.region(t) == region]

    def _read_hit(self, hit: Hit, anchor: Token, clause: list[Token], sent: Span, n: int,
                  counts: list[CountHit]) -> None:
        index, lex = self.index, self.lex
        paragraph = index.paragraph(hit.token)
        date = resolve_date(hit, clause, sent, index, self.last_date.get(paragraph))
        voice = stance(hit, clause, index, lex, dated=is_explicit(date))
        if voice.modality is None:
            return
        places, place_rule = resolve_places(hit, clause, sent, index, lex,
                                            self.last_place.get(paragraph))
        if not _specific(hit, anchor, bool(counts), is_explicit(date), place_rule):
            return
        first_place = places[0].place if places else None
        actors = resolve_actors(hit, clause, first_place, index, lex)
        victims = [c.number.head for c in counts] + [c for c in anchor.children
                                                     if c.dep_ in OBJECT_DEPS | {"nsubjpass"}]
        etype, subtype = event_type(hit, clause, actors.actor1, actors.actor2, victims, lex,
                                    self.state_kinds)
        start, end = trim(clause)
        evidence = index.ctx.span(sent.doc[start].idx, sent.doc[end - 1].idx + len(sent.doc[end - 1]))
        for k, place in enumerate(places or [None]):
            self.candidates.append(Candidate(
                event_type=etype, sub_event_type=subtype, region=index.region(hit.token) or "",
                position=hit.token.i, sentence=n, evidence=evidence,
                place=place.place if place else None,
                place_text=place.mention.text if place else None, place_rule=place_rule,
                date=date,
                actor1=actors.actor1.canonical if actors.actor1 else None,
                actor2=actors.actor2.canonical if actors.actor2 else None,
                # A total told for several places at once is kept once, on the first.
                counts={c.key: c.value for c in counts} if k == 0 else {},
                modality=voice.modality, asserted_by=voice.asserted_by,
            ))
        if places and place_rule in ("clause", "anaphora", "sentence"):
            self.last_place[paragraph] = places[-1]
        if is_explicit(date) and date is not None:
            self.last_date[paragraph] = date


def _anchor(hit: Hit, lex: Lexicon) -> Token:
    """The token whose clause reports the trigger: the verb, or the noun phrase of a mere mention.

    A trigger noun that is a verb's subject or object, or the object of a light
    verb ("conducted strikes") or of a casualty verb ("killed in air raids"),
    is reported by that verb's clause; one hanging off any other verb ("spoke
    about the recapture of Palmyra") is reported by its own noun phrase.
    """
    if hit.is_verb:
        return hit.token
    verb = clause_verb(hit.token)
    if verb is hit.token:
        return hit.token
    direct = hit.token.head is verb and hit.token.dep_ in SUBJECT_DEPS | OBJECT_DEPS
    if direct or lex.cue(verb, "light_verb") or lex.count_key(verb):
        return verb
    return hit.token


def _specific(hit: Hit, anchor: Token, counted: bool, dated: bool, place_rule: str | None) -> bool:
    """Whether a trigger names one occurrence rather than a kind of thing ("the fight for Raqqa").

    Verbs already passed the tense test in ``stance``; a noun needs a date of its
    own, a count, a past verb reporting it, or to be a finished occurrence with
    its own place ("the recapture of Palmyra").
    """
    if hit.is_verb or dated or counted:
        return True
    if anchor is not hit.token and tense(anchor) == "past":
        return True
    return "completive" in hit.entry.flags and place_rule == "clause"


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
