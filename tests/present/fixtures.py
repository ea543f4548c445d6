"""An invented corpus for the presentation tests: four outlets telling the same stories.

Every article, outlet, reporter and quotation here is made up for the tests (the
places and actor names are real, the events and wording are not). The articles
disagree on purpose: the Maarat al-Numan strike killed 12 in one outlet and 9 in
another, the Palmyra toll is 400 or "more than 180", and one outlet dates the
recapture only to the month. Each article carries site furniture that cleaning
removed, and two carry reader comments, so every region of the document page is
exercised. ``hostile_facts`` builds an article made of markup and attribute
breakers for the XSS tests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

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
    Quote,
    SourceRef,
    Span,
)
from palmyra.store.db import Store

PLACES = {
    "Palmyra": PlaceRef("Palmyra", 163808, 34.5624, 38.28402, "Homs", "Syria", "PPL", "town"),
    "Maarat al-Numan": PlaceRef(
        "Maarat al-Numan", 168668, 35.6433, 36.6714, "Idlib", "Syria", "PPL", "town"
    ),
    "Deir ez-Zor": PlaceRef(
        "Deir ez-Zor", 170794, 35.33588, 40.14084, "Deir ez-Zor", "Syria", "PPLA", "town"
    ),
    "Daraa": PlaceRef("Daraa", 170903, 32.61889, 36.10213, "Daraa", "Syria", "PPLA", "town"),
    "Aleppo": PlaceRef("Aleppo", 170063, 36.20124, 37.16117, "Aleppo", "Syria", "PPLA", "town"),
    "Salaheddine": PlaceRef(
        "Salaheddine", None, 36.1853, 37.1264, "Aleppo", "Syria", None, "neighbourhood"
    ),
    "Geneva": PlaceRef("Geneva", 2660646, 46.2022, 6.1457, "Geneva", "Switzerland", "PPLA", "town"),
    "Homs": PlaceRef("Homs", 169577, 34.72405, 36.72559, "Homs", "Syria", "PPLA", "town"),
}

ACTORS = {
    "Syrian government forces": ActorRef("Military Forces of Syria", "state_forces", "government",
                                         "neutral"),
    "Assad regime troops": ActorRef("Military Forces of Syria", "state_forces", "government",
                                    "hostile"),
    "regime jets": ActorRef("Military Forces of Syria", "state_forces", "government", "hostile"),
    "Syrian troops": ActorRef("Military Forces of Syria", "state_forces", "government", "neutral"),
    "Islamic State fighters": ActorRef("Islamic State", "armed_group", "jihadist", "neutral"),
    "Islamic State": ActorRef("Islamic State", "armed_group", "jihadist", "neutral"),
    "the jihadists": ActorRef("Islamic State", "armed_group", "jihadist", "hostile"),
    "the terrorists": ActorRef("Islamic State", "armed_group", "jihadist", "hostile"),
    "rebel": ActorRef("Opposition Rebels", "armed_group", "opposition", "neutral"),
    "'moderate' opposition": ActorRef("Opposition Rebels", "armed_group", "opposition",
                                      "hostile"),
    "freedom fighters": ActorRef("Opposition Rebels", "armed_group", "opposition", "favourable"),
}


def _date(value: str, precision: str = "day") -> DateValue:
    if precision == "month":
        return DateValue(value, "month", value + "-01", value + "-28", "test")
    return DateValue(value, precision, value, value, "test")  # type: ignore[arg-type]


@dataclass
class Article:
    """An invented article laid out as a reader would meet it, region by region."""

    name: str
    outlet: str
    title: str
    byline: str
    published: str
    body: list[str]
    furniture: list[str] = field(default_factory=list)  # lines cleaning dropped
    comments: list[str] = field(default_factory=list)

    def document(self) -> Document:
        parts: list[tuple[str, str]] = [("title", self.title), ("byline", self.byline)]
        parts += [("furniture", self.furniture[0])] if self.furniture else []
        parts += [("body", p) for p in self.body]
        parts += [("furniture", f) for f in self.furniture[1:]]
        if self.comments:
            parts.append(("furniture", f"Comments ({len(self.comments)})"))
            parts += [("comment", c) for c in self.comments]
        text, regions = "", []
        for kind, line in parts:
            regions.append((kind, len(text), len(text) + len(line)))
            text += line + "\n"
        doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        body = [(s, e) for k, s, e in regions if k == "body"]
        return Document(
            id=doc_id,
            text=text,
            sources=[SourceRef(f"/corpus/{self.name}")],
            format="text",
            title=self.title,
            title_span=Span(doc_id, 0, len(self.title)),
            author=self.byline.split(",")[0].removeprefix("By ").strip(),
            outlet=self.outlet,
            published=_date(self.published),
            body=Span(doc_id, body[0][0], body[-1][1]),
            comments=[Span(doc_id, s, e) for k, s, e in regions if k == "comment"],
            removed=[Span(doc_id, s, e) for k, s, e in regions if k == "furniture"],
        )


class Facts:
    """Builds the facts of one document from substrings, so no offset is typed by hand."""

    def __init__(self, article: Article) -> None:
        self.doc = article.document()
        self.facts = DocumentFacts(self.doc)
        self._mention_all()

    def span(self, needle: str, after: str = "") -> Span:
        start = self.doc.text.index(needle, self.doc.text.index(after) if after else 0)
        return Span(self.doc.id, start, start + len(needle))

    def _mention_all(self) -> None:
        text = self.doc.text
        for table, kind in ((ACTORS, "actor"), (PLACES, "place")):
            for surface, value in table.items():
                start = text.find(surface)
                while start >= 0:
                    end = start + len(surface)
                    self.facts.mentions.append(
                        Mention(kind, surface, Span(self.doc.id, start, end), value, "test")
                    )
                    start = text.find(surface, end)
        self.facts.mentions.sort(key=lambda m: (m.span.start, m.span.end))

    def event(self, evidence: str, event_type: str, sub: str, *, date: DateValue | None,
              place: str | None, actor1: str | None = None, actor2: str | None = None,
              killed: float | None = None, modality: str = "asserted",
              asserted_by: str | None = None) -> None:
        counts = {"killed": NumberValue(killed, killed)} if killed is not None else {}
        self.facts.events.append(Event(
            self.doc.id, event_type, sub, (self.span(evidence),), date=date,
            place=PLACES[place] if place else None, place_text=place, actor1=actor1,
            actor2=actor2, counts=counts, modality=modality,  # type: ignore[arg-type]
            asserted_by=asserted_by, extractor="palmyra.events.test",
        ))

    def quote(self, text: str, speaker: str, cue: str) -> None:
        self.facts.quotes.append(Quote(
            self.doc.id, self.span(text), text, speaker, cue_span=self.span(cue, text),
            extractor="palmyra.quotes.test",
        ))

    def citation(self, evidence: str, outlet: str, kind: str = "in_text") -> None:
        self.facts.citations.append(Citation(
            self.doc.id, self.span(evidence), outlet, kind=kind, extractor="palmyra.citations.test",
        ))

    def frame(self, surface: str, label: str, actor: str | None = None,
              register: str | None = None) -> None:
        self.facts.frames.append(FrameSignal(
            self.doc.id, self.span(surface), label, actor, register,  # type: ignore[arg-type]
            extractor="palmyra.frames.test",
        ))


GOV = "Military Forces of Syria"
IS = "Islamic State"
SOHR = "Syrian Observatory for Human Rights"


def _monitor_palmyra() -> DocumentFacts:
    f = Facts(Article(
        name="monitor-palmyra.txt", outlet="Levant Daily Monitor",
        title="Government forces retake Palmyra after three-week offensive",
        byline="By Hana Mourad, Levant Daily Monitor", published="2016-03-28",
        furniture=["Share on Facebook | Share on Twitter", "Related: Ten things to know about "
                   "the desert city"],
        body=[
            "Syrian government forces recaptured the desert city of Palmyra on Sunday after "
            "fierce clashes with Islamic State fighters, according to the Syrian Observatory "
            "for Human Rights.",
            "The monitor said at least 400 militants were killed during the three-week "
            "offensive.",
            '"The city is fully secured and our engineers are clearing mines," said General '
            "Ali Mayhoub, an army spokesman.",
            "Residents who fled to Homs said the ancient ruins had been badly damaged.",
            "Meanwhile, an air strike on a market in Maarat al-Numan in Idlib province killed 12 "
            "civilians on Saturday, the monitor reported.",
            "The army plans to push east toward Deir ez-Zor next month.",
        ],
        comments=["Abu Karim: This is great news, finally!",
                  "Sam_77: Don't believe anything they say about Palmyra."],
    ))
    f.event("Syrian government forces recaptured the desert city of Palmyra on Sunday after "
            "fierce clashes with Islamic State fighters",
            "Battles", "Government regains territory", date=_date("2016-03-27"),
            place="Palmyra", actor1=GOV, actor2=IS, killed=400, modality="attributed",
            asserted_by=SOHR)
    f.event("an air strike on a market in Maarat al-Numan in Idlib province killed 12 civilians "
            "on Saturday", "Explosions/Remote violence", "Air/drone strike",
            date=_date("2016-03-26"), place="Maarat al-Numan", actor1=None,
            actor2="Civilians (Syria)", killed=12, modality="attributed", asserted_by=SOHR)
    f.event("The army plans to push east toward Deir ez-Zor next month.", "Battles",
            "Armed clash", date=_date("2016-04", "month"), place="Deir ez-Zor", actor1=GOV,
            modality="planned")
    f.quote("The city is fully secured and our engineers are clearing mines", "Ali Mayhoub",
            "said General Ali Mayhoub")
    f.citation("according to the Syrian Observatory for Human Rights", SOHR)
    return f.facts


def _gazette_palmyra() -> DocumentFacts:
    f = Facts(Article(
        name="gazette-palmyra.txt", outlet="Northern Star Gazette",
        title="Regime and Russian jets pound Palmyra as ISIS retreats",
        byline="By Daniel Ortiz, Northern Star Gazette", published="2016-03-27",
        body=[
            "Assad regime troops backed by Russian air strikes seized Palmyra on Sunday, state "
            "television said.",
            "Activists put the death toll among the jihadists at more than 180.",
            '"We have liberated Palmyra from the terrorists," a Syrian military source told the '
            "state news agency SANA.",
            "The 'moderate' opposition accused regime jets of bombing a market in Maarat al-Numan "
            "on Saturday, killing nine people.",
        ],
        furniture=["Subscribe to our newsletter for daily updates"],
    ))
    f.event("Assad regime troops backed by Russian air strikes seized Palmyra on Sunday",
            "Battles", "Government regains territory", date=_date("2016-03-27"),
            place="Palmyra", actor1=GOV, actor2=IS, killed=180, modality="attributed",
            asserted_by="Activists")
    f.event("accused regime jets of bombing a market in Maarat al-Numan on Saturday, killing "
            "nine people", "Explosions/Remote violence", "Air/drone strike",
            date=_date("2016-03-26"), place="Maarat al-Numan", actor1=GOV,
            actor2="Civilians (Syria)", killed=9, modality="attributed",
            asserted_by="Opposition Rebels")
    f.quote("We have liberated Palmyra from the terrorists", "Military of Syria",
            "a Syrian military source told")
    f.citation("the state news agency SANA", "Syrian Arab News Agency")
    f.frame("'moderate'", "scare_quote", "Opposition Rebels", "hostile")
    f.frame("Assad regime troops", "naming", GOV, "hostile")
    f.frame("the jihadists", "loaded_term", IS, "hostile")
    return f.facts


def _wire_daraa() -> DocumentFacts:
    f = Facts(Article(
        name="wire-daraa.txt", outlet="Riverside Wire", title="Thousands rally in Daraa as truce "
        "holds", byline="Riverside Wire staff", published="2016-04-02",
        body=[
            "Thousands of people demonstrated in Daraa on Friday against the government, local "
            "activists said.",
            "Earlier in March, Syrian troops regained control of Palmyra from Islamic State, "
            "Reuters reported.",
            "In Aleppo, rebel shelling killed three people in the government-held district of "
            "Salaheddine on Thursday.",
            "Negotiators will meet again in Geneva next week, where a first round of talks "
            "ended on 24 March with an agreement to extend the truce.",
        ],
        furniture=["Most read this week"],
        comments=["freedom fighters will never give up, whatever Reuters says"],
    ))
    f.event("Thousands of people demonstrated in Daraa on Friday against the government",
            "Protests", "Peaceful protest", date=_date("2016-04-01"), place="Daraa",
            actor1="Protesters (Syria)")
    f.event("Earlier in March, Syrian troops regained control of Palmyra from Islamic State",
            "Battles", "Government regains territory", date=_date("2016-03", "month"),
            place="Palmyra", actor1=GOV, actor2=IS, modality="attributed", asserted_by="Reuters")
    f.event("rebel shelling killed three people in the government-held district of Salaheddine "
            "on Thursday", "Explosions/Remote violence", "Shelling/artillery/missile attack",
            date=_date("2016-03-31"), place="Salaheddine", actor1="Opposition Rebels",
            actor2="Civilians (Syria)", killed=3)
    f.event("a first round of talks ended on 24 March with an agreement to extend the truce",
            "Strategic developments", "Agreement", date=_date("2016-03-24"), place="Geneva",
            actor1=GOV, actor2="Opposition Rebels")
    f.citation("Reuters reported", "Reuters")
    return f.facts


def _monitor_2015() -> DocumentFacts:
    f = Facts(Article(
        name="monitor-2015.txt", outlet="Levant Daily Monitor", title="Islamic State seizes "
        "Palmyra", byline="Levant Daily Monitor", published="2015-05-21",
        body=[
            "Islamic State fighters took full control of Palmyra on Wednesday after government "
            "troops withdrew, the Syrian Observatory for Human Rights said.",
            "The group killed at least 17 soldiers in the fighting, the monitor said.",
        ],
    ))
    f.event("Islamic State fighters took full control of Palmyra on Wednesday", "Battles",
            "Non-state actor overtakes territory", date=_date("2015-05-20"), place="Palmyra",
            actor1=IS, actor2=GOV, killed=17, modality="attributed", asserted_by=SOHR)
    f.citation("the Syrian Observatory for Human Rights said", SOHR)
    return f.facts


def corpus() -> list[DocumentFacts]:
    """The four invented articles with their facts."""
    return [_monitor_palmyra(), _gazette_palmyra(), _wire_daraa(), _monitor_2015()]


HOSTILE = '<script>alert(1)</script>'
BREAKER = '" onmouseover="alert(1)'


def hostile_facts() -> DocumentFacts:
    """An article whose every field is markup or an attribute breaker."""
    f = Facts(Article(
        name="hostile.html", outlet=f"Evil Outlet{BREAKER}",
        title=f"{HOSTILE} Breaking news{BREAKER}", byline=f"By {BREAKER}, Evil",
        published="2016-03-27",
        body=[
            f"Clashes in Palmyra {HOSTILE} killed 5 fighters on Sunday{BREAKER} here.",
            f'"Quote with {HOSTILE} inside," said the <b>spokesman</b>.',
            f"According to </script><img src=x onerror=alert(1)> the source{BREAKER}.",
        ],
        comments=[f"Reader {HOSTILE} comment{BREAKER}"],
    ))
    f.event(f"Clashes in Palmyra {HOSTILE} killed 5 fighters on Sunday{BREAKER}", "Battles",
            "Armed clash", date=_date("2016-03-27"), place="Palmyra", actor1=f"Actor{BREAKER}",
            actor2=HOSTILE, killed=5)
    f.quote(f"Quote with {HOSTILE} inside", f"<b>spokesman</b>{BREAKER}", "said the")
    f.citation(f"According to </script><img src=x onerror=alert(1)> the source{BREAKER}",
               f"</script><script>alert(1)</script>{BREAKER}")
    f.frame("Breaking news", "loaded_term", f"{HOSTILE}", "hostile")
    return f.facts


def write_store(path: Path, facts: Sequence[DocumentFacts]) -> Path:
    """Write the facts into a new store at ``path``; returns the path."""
    with Store(path) as store:
        store.write_batch(list(facts), pipeline="tests")
    return path


def add_clusters(path: Path, members: dict[str, list[tuple[str, int]]]) -> None:
    """Record the clusters as ``link()`` would (cluster id -> events), and the store as linked.

    ``present.queries`` reads only ``cluster_id``, ``doc_id`` and ``seq`` of the members;
    the other required columns get placeholders.
    """
    with Store(path) as store:
        for cid, events in members.items():
            for doc_id, seq in events:
                store.con.execute(
                    "INSERT INTO cluster_members (cluster_id, doc_id, seq, outlet, source, rule,"
                    " fine, depends_on) VALUES (?, ?, ?, '', '', 'test', true, '[]')",
                    [cid, doc_id, seq],
                )
        store.con.execute("INSERT INTO link_state (doc_id, events) SELECT id, 0 FROM documents")
