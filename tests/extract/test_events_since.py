"""A "since" that reaches back days, not years, tells fighting going on (issues 12 and 18).

"since 2011", "since the war began" and "has killed hundreds since it declared a caliphate"
make a statement a habit or a total, no event; but "killed in battles since Wednesday
afternoon", "bombarded the towns since Sunday morning" and "the heaviest attack since the
start of the conflict" tell occurrences the gold codes. Short reports written for these
tests in FA-KES wire style (commas lost), each beside one the gate must still drop.
"""

from __future__ import annotations

import pytest
from events_fixtures import reported_events, syria_pipeline_fixture  # noqa: F401

from palmyra.pipeline import Pipeline

PUBLISHED = "2016-06-30"  # a Thursday


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # a weekday or a time of day: fighting going on as the report is written
        ("The monitor said 25 regime soldiers and 31 rebels had been killed in battles around"
         " Anadan since Tuesday afternoon.", "Armed clash"),
        ("A witness said there had been drones over the area since Monday morning and"
         " warplanes had carried out air strikes on the town of Harasta.", "Air/drone strike"),
        # a week back
        ("Since the start of last week Douma has been under intensive air strikes by"
         " government warplanes that killed 40 people.", "Air/drone strike"),
        # a month and its day
        ("Rebels have shelled the Hamdaniyeh district of Aleppo since June 27 killing"
         " eleven civilians.", "Shelling/artillery/missile attack"),
        # a superlative measured against the past: one attack, no habit
        ("Activists said government forces shelled the town of Daraya on Wednesday in the"
         " heaviest bombardment since the start of the conflict.",
         "Shelling/artillery/missile attack"),
    ],
)
def test_a_recent_since_tells_an_occurrence(syria: Pipeline, text: str, sub_type: str) -> None:
    found = [t for t, _ in reported_events(syria, text, PUBLISHED)]
    assert sub_type in found, found


@pytest.mark.parametrize(
    "text",
    [
        # years back, or a clause of the war's story: a habit or a total
        "Government forces have shelled the town of Daraya since 2012.",
        "Rebels have shelled the western districts of Aleppo since July 2012.",
        "The Islamic State group has killed hundreds of people in Raqqa since it declared"
        " its caliphate.",
        # the "since" hangs on the word the parse makes of a name ("IS" read as a verb)
        "Rebels have been fighting IS since January.",
    ],
)
def test_a_since_of_years_stays_a_habit(syria: Pipeline, text: str) -> None:
    assert reported_events(syria, text, PUBLISHED) == []
