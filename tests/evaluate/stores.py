"""A real store holding two invented articles, for the api, CLI and gate tests.

``a.txt`` has one event, one quote and one citation, all matching ``GOLD_A``;
``fakes.csv#1926479049`` is a FA-KES row with an Aleppo strike. Offsets are
found with ``str.index`` so none is typed by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

from palmyra.model import (
    Citation,
    DateValue,
    Document,
    DocumentFacts,
    Event,
    NumberValue,
    PlaceRef,
    Quote,
    SourceRef,
    Span,
)
from palmyra.store.db import Store

from .records import gold_article, gold_event

TEXT_A = ('Jets strike Marea\n\nJets struck Marea on Sunday, killing 12. "We will stay," said '
          "Jane Roe. Reuters reported the strike on 27 March.\n")
TEXT_F = "Sun 18 Nov 2016 Strike on Aleppo kills five\n\nAn air strike killed five in Aleppo.\n"

GOLD_A = gold_article(
    "a.txt",
    events=[gold_event(evidence="Jets struck Marea on Sunday, killing 12", fatalities=12)],
    quotes=[{"text": "We will stay,", "speaker": "Jane Roe"}],
    citations=[{"outlet": "Reuters", "title": None, "date": "2016-03-27",
                "evidence": "Reuters reported the strike on 27 March"}],
)


def _day(value: str) -> DateValue:
    return DateValue(value, "day", value, value, "test")


def _span(doc: Document, needle: str) -> Span:
    start = doc.text.index(needle)
    return Span(doc.id, start, start + len(needle))


def _strike(doc: Document, evidence: str, place: PlaceRef, day: str, killed: int) -> Event:
    return Event(
        doc.id, "Explosions/Remote violence", "Air/drone strike", (_span(doc, evidence),),
        date=_day(day), place=place, actor1="Military Forces of Russia",
        counts={"killed": NumberValue(killed, killed)}, extractor="palmyra.events.test",
    )


def build_store(path: Path) -> Path:
    a = Document("doc-a", TEXT_A, [SourceRef("/in/a.txt")], "text", title="Jets strike Marea",
                 outlet="Example News", published=_day("2016-03-28"))
    marea = PlaceRef("Marea", 170000, 36.6, 37.2, "Aleppo", "Syria")
    facts_a = DocumentFacts(
        a,
        events=[_strike(a, "Jets struck Marea on Sunday, killing 12", marea, "2016-03-27", 12)],
        quotes=[Quote(a.id, _span(a, "We will stay,"), "We will stay,", "Jane Roe")],
        citations=[Citation(a.id, _span(a, "Reuters reported the strike on 27 March"),
                            "Reuters", date=_day("2016-03-27"), kind="in_text")],
    )
    f = Document("doc-f", TEXT_F, [SourceRef("/in/fakes.csv", "1926479049")], "csv")
    aleppo = PlaceRef("Aleppo", 170063, 36.2, 37.16, "Aleppo", "Syria")
    facts_f = DocumentFacts(f, events=[
        _strike(f, "An air strike killed five in Aleppo", aleppo, "2016-11-18", 5),
    ])
    with Store(path) as store:
        store.write_batch([facts_a, facts_f])
    return path


def write_gold(folder: Path, *golds: dict) -> Path:
    folder.mkdir(exist_ok=True)
    for gold in golds:
        (folder / (gold["doc"] + ".gold.json")).write_text(json.dumps(gold), encoding="utf-8")
    return folder


def write_fakes(path: Path) -> Path:
    path.write_text(
        "unit_id,article_title,article_content,source,date,location,actor,cause_of_death,"
        "nb_children,nb_civilians,nb_noncivilians,nb_women,label\n"
        '1926479049,T,"text",sana,11/18/16,aleppo,syrian government or russian troops,'
        "shelling,0,5,0,0,1\n",
        encoding="latin-1",
    )
    return path
