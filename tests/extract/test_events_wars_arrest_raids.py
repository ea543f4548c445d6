"""A raid that an arrest was made in is the arrest's means, not an air strike of its own;
a raid that kills is still a strike (issue 13; sentences written for this test in the
style of the wars' wire copy)."""

from __future__ import annotations

import pytest
from events_fixtures import wars_events as _events


@pytest.mark.parametrize("body", [
    "MUKALLA, Yemen - The Hadrami Elite Forces arrested four suspected AQAP members in a raid"
    " on a house in the Fuwwah district of Mukalla on Tuesday.",
    "ADEN, Yemen - The Security Belt said it had arrested nine suspected members of AQAP in"
    " raids in the town of Jaar on Monday.",
])
def test_an_arrest_raid_is_the_arrest(body: str) -> None:
    kinds = [k for k, _ in _events("yemen", body)]
    assert "Arrests" in kinds
    assert "Air/drone strike" not in kinds


def test_a_raid_that_kills_is_still_a_strike() -> None:
    body = ("SAADA, Yemen - Coalition warplanes killed six people in a raid on a market in"
            " the Shida district on Friday.")
    assert "Air/drone strike" in [k for k, _ in _events("yemen", body)]
