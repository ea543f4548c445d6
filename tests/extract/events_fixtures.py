"""Fixtures for the event extractor tests: the real annotate chain over invented articles.

Kept out of ``conftest.py`` (shared with the quote and citation tests): test
modules import what they use from here.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from palmyra.annotate.actors import actor_mentions
from palmyra.annotate.dates import date_mentions
from palmyra.annotate.gazetteer import Gazetteer
from palmyra.annotate.numbers import number_mentions
from palmyra.annotate.places import place_mentions
from palmyra.api import TextRecord, analyze_text, analyze_texts
from palmyra.context import DocContext
from palmyra.extract.events import events
from palmyra.ingest import RawRecord, build_document
from palmyra.model import REPORTED_MODALITIES, Document, DocumentFacts, Event, SourceRef
from palmyra.pipeline import Pipeline
from palmyra.profiles import Profile, load_profile

ANNOTATORS = (actor_mentions, place_mentions, date_mentions, number_mentions)
TITLE = "Test report"
PUBLISHED = "2016-03-28"  # a Monday: "Sunday" is 2016-03-27


@pytest.fixture(scope="session", name="syria_with_gazetteer")
def syria_with_gazetteer_fixture() -> tuple[Profile, Gazetteer]:
    profile = load_profile("syria")
    assert profile is not None
    return profile, Gazetteer.load(profile.path)


Extract = Callable[..., tuple[Document, list[Event]]]


@pytest.fixture(scope="session", name="extract")
def extract_fixture(nlp: Language, syria_with_gazetteer: tuple[Profile, Gazetteer]) -> Extract:
    """Run ingest, spaCy, the annotators and the event extractor over one invented body."""
    profile, gazetteer = syria_with_gazetteer

    def run(body: str, published: str | None = PUBLISHED, title: str = TITLE
            ) -> tuple[Document, list[Event]]:
        record = RawRecord(SourceRef("test.txt"), f"{title}\n\n{body}\n", "text",
                           published_hint=published)
        document = build_document(record, profile.outlets)
        assert document.clean is not None
        sdoc = nlp(document.clean.text)
        ctx = DocContext(document, profile, gazetteer, {})
        mentions = [m for annotate in ANNOTATORS for m in annotate(sdoc, ctx)]
        ctx.mentions = sorted(mentions, key=lambda m: (m.span.start, m.span.end))
        ctx.facts = DocumentFacts(document, mentions=ctx.mentions)
        return document, events(sdoc, ctx)

    return run


def first_event(events: list[Event], subtype: str) -> Event:
    """The first told (asserted or attributed) event of ``subtype``; fails listing them all."""
    found = [e for e in events if e.sub_event_type == subtype
             and e.modality in ("asserted", "attributed")]
    assert found, [(e.sub_event_type, e.actor1, e.actor2) for e in events]
    return found[0]


@pytest.fixture(scope="module", name="syria")
def syria_pipeline_fixture() -> Pipeline:
    """The whole pipeline with the Syria profile, for tests that read finished events."""
    return Pipeline.create("syria")


def reported_events(pipeline: Pipeline, text: str, published: str
                    ) -> list[tuple[str, str | None]]:
    """(sub-type, place name) of each reported event of one body run through ``pipeline``."""
    doc = build_document(RawRecord(SourceRef("t"), f"Report\n\n{text}\n", "text",
                                   published_hint=published), pipeline.outlets)
    facts, errors = pipeline.process([doc])
    assert not errors
    return [(e.sub_event_type, e.place.name if e.place else None) for e in facts[0].events
            if e.modality in REPORTED_MODALITIES]


@pytest.fixture(scope="module", name="rules")
def rules_pipeline_fixture() -> Pipeline:
    """The Syria pipeline with the event model off: what is asserted is what the rules give."""
    return Pipeline.create("syria", settings={"events": {"mode": "rules"}})


def reported_sub_types(pipeline: Pipeline, text: str, published: str = "2018-06-04"
                       ) -> list[str]:
    """The sub-types of the events a one-paragraph report published on ``published`` tells."""
    doc = build_document(RawRecord(SourceRef("t"), f"Report\n\n{text}\n", "text",
                                   published_hint=published), pipeline.outlets)
    facts, errors = pipeline.process([doc])
    assert not errors
    return [e.sub_event_type for e in facts[0].events if e.modality in REPORTED_MODALITIES]


def analyzed_sub_types(text: str, published: str = "2023-03-10") -> list[str]:
    """The same through the public ``analyze_texts`` (its default profile choice), as a user
    analysing a one-paragraph report would run it."""
    facts = analyze_texts([TextRecord(f"Report\n\n{text}\n", published=published)])[0]
    return [e.sub_event_type for e in facts.events if e.modality in REPORTED_MODALITIES]


WARS_PUBLISHED = "2024-06-12"
TOLD = ("asserted", "attributed")


def wars_events(war: str, body: str) -> list[tuple[str, str | None]]:
    """The sub-type and place of each event a wars report tells (asserted or attributed),
    under that war's profile: the other wars' tests read reports this way."""
    events = analyze_text(body, profile=war, published=WARS_PUBLISHED, title="Report").events
    return [(e.sub_event_type, e.place.name if e.place else None) for e in events
            if e.modality in TOLD]
