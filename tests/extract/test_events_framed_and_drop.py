"""Two false alarms of the event rules (session 16, precision lane), on report sentences
written the way the gold articles tell them.

- "drop" is an air-strike word only where what falls is a weapon or what lets it fall flies
  ("helicopters dropped barrel bombs", "bombs dropped on Daraya"); "the truck stopped to
  drop off supplies" beside a bomb made that bomb an air strike.
- A definite event noun whose verb only sets it in time ("The bombings came as ...", "The
  massacre came amid ...", "the attack took place as ...") goes back to the act of violence
  told before it; the bare noun's own default sub-type ("bombings": a planted bomb) made it
  a second event beside the air strike or the shelling it retells (gold train: "The
  bombings came", "The assault came", "Friday's attack came", "Wednesday's explosion came
  as ...", "The massacre came amid ...").
"""

from __future__ import annotations

import pytest
from events_fixtures import reported_events, reported_sub_types, rules_pipeline_fixture  # noqa: F401

from palmyra.pipeline import Pipeline

AIR = "Air/drone strike"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("A bomb exploded on Monday as the truck stopped to drop off supplies in Saraqib,"
         " killing three drivers.", "Remote explosive/landmine/IED"),
        ("Militants attacked the army post in Saraqib on Monday when a truck stopped to drop"
         " off food.", "Armed clash"),
    ],
)
def test_a_drop_of_no_weapon_makes_no_air_strike(rules: Pipeline, text: str,
                                                 sub_type: str) -> None:
    found = reported_sub_types(rules, text)
    assert sub_type in found and AIR not in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Six people were killed by barrel bombs dropped on Daraya on Friday.",
        "The bombs, which were dropped on Daraya on Friday, killed six people.",
        "Regime forces bombed Daraya on Friday, dropping explosive barrels that killed six"
        " people.",
    ],
)
def test_a_weapon_dropped_is_still_an_air_strike(rules: Pipeline, text: str) -> None:
    assert reported_sub_types(rules, text) == [AIR]


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("Government aircraft struck a hospital in Saraqib on Sunday, killing 12 people. The"
         " bombings came as doctors were treating patients wounded the day before.",
         [(AIR, "Saraqib")]),
        ("Rebels shelled a school in Aleppo on Monday, killing six children. The massacre came"
         " amid a government offensive on the eastern districts.",
         [("Shelling/artillery/missile attack", "Aleppo")]),
    ],
)
def test_a_framed_noun_retells_the_violence_before_it(rules: Pipeline, text: str,
                                                      told: list[tuple[str, str]]) -> None:
    assert reported_events(rules, text, "2016-07-28") == told
