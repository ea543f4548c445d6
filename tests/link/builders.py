"""Builders for the link tests: invented articles whose facts are written by hand.

Each helper returns model objects, so a test reads as the list of reports it
stores; spans are found by searching the article for the phrase they cover.
"""

from __future__ import annotations

import calendar

from palmyra.model import (
    ActorRef,
    Citation,
    DateValue,
    Document,
    DocumentFacts,
    Event,
    FrameSignal,
    Mention,
    NumberValue,
    PlaceRef,
    SourceRef,
    Span,
)

TYPES = {
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Armed clash": "Battles",
    "Air/drone strike": "Explosions/Remote violence",
}
PLACES = {
    "Palmyra": PlaceRef("Palmyra", 170017, 34.56, 38.28, "Homs", "Syria"),
    "Aleppo": PlaceRef("Aleppo", 170063, 36.2, 37.16, "Aleppo", "Syria"),
}


def date(iso: str) -> DateValue:
    """A DateValue from ``2016-03-27`` (day), ``2016-03`` (month) or ``2016`` (year)."""
    parts = iso.split("-")
    if len(parts) == 3:
        return DateValue(iso, "day", iso, iso)
    if len(parts) == 2:
        last = calendar.monthrange(int(parts[0]), int(parts[1]))[1]
        return DateValue(iso, "month", f"{iso}-01", f"{iso}-{last:02d}")
    return DateValue(iso, "year", f"{iso}-01-01", f"{iso}-12-31")


def span(doc_id: str, text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(doc_id, start, start + len(phrase))


class Article:
    """One invented article: its text, outlet and the facts a test gives it."""

    def __init__(self, name: str, outlet: str | None, text: str) -> None:
        self.doc_id = name.replace(".", "_")
        self.name, self.outlet, self.text = name, outlet, text
        self.facts = DocumentFacts(
            Document(
                id=self.doc_id,
                text=text,
                sources=[SourceRef(f"/corpus/{name}")],
                format="txt",
                outlet=outlet,
                body=Span(self.doc_id, 0, len(text)),
            )
        )

    def event(
        self,
        phrase: str,
        sub: str,
        when: str | None,
        actor1: str | None = None,
        actor2: str | None = None,
        place: str | None = "Palmyra",
        counts: dict[str, NumberValue] | None = None,
        **kw: object,
    ) -> Article:
        self.facts.events.append(
            Event(
                doc_id=self.doc_id,
                event_type=TYPES[sub],
                sub_event_type=sub,
                evidence=(span(self.doc_id, self.text, phrase),),
                date=date(when) if when else None,
                place=PLACES[place] if place else None,
                actor1=actor1,
                actor2=actor2,
                counts=counts or {},
                **kw,
            )
        )
        return self

    def cite(self, phrase: str, outlet: str) -> Article:
        self.facts.citations.append(
            Citation(self.doc_id, span(self.doc_id, self.text, phrase), outlet)
        )
        return self

    def name_actor(
        self, phrase: str, canonical: str, side: str, register: str, nth: int = 0
    ) -> Article:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(phrase, start + 1)
        s = Span(self.doc_id, start, start + len(phrase))
        value = ActorRef(canonical, "armed_group", side, register)
        self.facts.mentions.append(Mention("actor", phrase, s, value))
        return self

    def scare_quote(self, phrase: str, actor: str | None) -> Article:
        self.facts.frames.append(
            FrameSignal(self.doc_id, span(self.doc_id, self.text, phrase), "scare_quote", actor)
        )
        return self
