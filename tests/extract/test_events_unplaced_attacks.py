"""Short reports of killings of civilians (issue 18): "hacked to death" and "gunned down" are
killing triggers, and a killing typed as an attack on civilians that a report tells first is
its occurrence even when the place is one the gazetteer lacks; a placeless toll told after
an event still goes to that event.

The reports are written for these tests (not taken from the recall sets) and run through
the whole pipeline with the event model off, so what is asserted is what the rules give.
"""

from __future__ import annotations

import pytest
from events_fixtures import reported_sub_types, rules_pipeline_fixture  # noqa: F401

from palmyra.pipeline import Pipeline


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
    assert reported_sub_types(rules, text) == ["Attack"]


def test_hacking_a_website_is_no_killing(rules: Pipeline) -> None:
    text = "Hackers hacked the website of the ministry in Damascus on Monday."
    assert reported_sub_types(rules, text) == []


def test_a_toll_after_an_event_still_goes_to_it(rules: Pipeline) -> None:
    text = ("Warplanes bombed the town of Ariha on Monday. Gunmen also killed two farmers, "
            "the observatory said.")
    assert reported_sub_types(rules, text) == ["Air/drone strike"]
