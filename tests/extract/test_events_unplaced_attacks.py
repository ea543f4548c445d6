"""Short reports of killings of civilians (issue 18): "hacked to death" and "gunned down" are
killing triggers, and a killing typed as an attack on civilians that a report tells first is
its occurrence even when the place is one the gazetteer lacks; a placeless toll told after
an event still goes to that event.

The reports are written for these tests (not taken from the recall sets) and run through
the whole pipeline with the event model off, so what is asserted is what the rules give.
"""

from __future__ import annotations

import pytest

from palmyra.ingest import RawRecord, build_document
from palmyra.model import REPORTED_MODALITIES, SourceRef
from palmyra.pipeline import Pipeline


@pytest.fixture(scope="module", name="rules")
def rules_fixture() -> Pipeline:
    return Pipeline.create("syria", settings={"events": {"mode": "rules"}})


def _sub_types(pipeline: Pipeline, text: str) -> list[str]:
    doc = build_document(RawRecord(SourceRef("t"), f"Report\n\n{text}\n", "text",
                                   published_hint="2018-06-04"), pipeline.outlets)
    facts, errors = pipeline.process([doc])
    assert not errors
    return [e.sub_event_type for e in facts[0].events if e.modality in REPORTED_MODALITIES]


@pytest.mark.parametrize(
    "text",
    [
        "Raiders hacked to death nine villagers near Kajuru on Sunday, residents said.",
        "Gunmen gunned down three traders in the market of Manbij on Monday.",
        "Unknown gunmen shot dead a school teacher outside her home in Bunia on Tuesday.",
        "Soldiers shot dead three herders grazing cattle near Kerenzo, relatives said.",
    ],
)
def test_killings_of_civilians_are_attacks(rules: Pipeline, text: str) -> None:
    assert _sub_types(rules, text) == ["Attack"]


def test_hacking_a_website_is_no_killing(rules: Pipeline) -> None:
    text = "Hackers hacked the website of the ministry in Damascus on Monday."
    assert _sub_types(rules, text) == []


def test_a_toll_after_an_event_still_goes_to_it(rules: Pipeline) -> None:
    text = ("Warplanes bombed the town of Ariha on Monday. Gunmen also killed two farmers, "
            "the observatory said.")
    assert _sub_types(rules, text) == ["Air/drone strike"]
