"""Sub-types read from more than the trigger's own clause (issue 12), on FA-KES sentences
(CC BY), by the rules alone: a withdrawal under attack is a place taken; a blast is the
suicide bombing the article names."""

from __future__ import annotations

import pytest
from events_fixtures import reported_sub_types, rules_pipeline_fixture  # noqa: F401

from palmyra.ingest import RawRecord, build_document
from palmyra.model import REPORTED_MODALITIES, SourceRef
from palmyra.pipeline import Pipeline


@pytest.mark.parametrize(
    "text",
    [
        "The pro-regime website al-Masdar News reported that the Syrian army withdrew from the"
        " farms of al-Maleh as they faced a rebel counter-offensive led by the al-Nusra Front.",
        "Elsewhere in Syria the group withdrew from northern areas it controlled outside the"
        " city of Homs on Sunday and retreated east after coming under attack from rival"
        " Islamist fighters the Observatory said.",
    ],
)
def test_a_withdrawal_under_attack_is_a_place_taken(rules: Pipeline, text: str) -> None:
    got = reported_sub_types(rules, text, "2016-06-30")
    assert "Non-state actor overtakes territory" in got, got
    assert "Non-violent transfer of territory" not in got, got


def test_the_side_that_withdrew_under_attack_lost_the_place(rules: Pipeline) -> None:
    doc = build_document(RawRecord(SourceRef("t"), "Report\n\nThe Syrian army withdrew from the"
                                   " farms of al-Maleh on Wednesday as they faced a rebel"
                                   " counter-offensive.\n", "text",
                                   published_hint="2016-06-30"), rules.outlets)
    facts, _ = rules.process([doc])
    taken = [e for e in facts[0].events if e.modality in REPORTED_MODALITIES]
    assert [e.sub_event_type for e in taken] == ["Non-state actor overtakes territory"]
    assert taken[0].actor2 == "Military Forces of Syria"


def test_a_withdrawal_with_no_attack_stays_a_handover(rules: Pipeline) -> None:
    got = reported_sub_types(rules, "Rebel fighters withdrew from the town of al-Waer on"
                             " Sunday under the deal.", "2017-03-20")
    assert "Non-violent transfer of territory" in got, got
    assert "Non-state actor overtakes territory" not in got, got
    # an attack told around the transfer, not one it was made under
    got = reported_sub_types(rules, "Three buses on Wednesday also carried people who were"
                             " injured in a convoy attack as they were being transferred from"
                             " al-Foua and Kefraya on Saturday as well as the remains of those"
                             " who had died in the attack the Hezbollah military media unit"
                             " said.", "2017-04-20")
    assert "Non-state actor overtakes territory" not in got, got
    # an attack the withdrawal came before
    got = reported_sub_types(rules, "Soldiers withdrew from their post at Bourzanga before any"
                             " attack, and jihadists moved in the next day.", "2019-01-10")
    assert "Non-state actor overtakes territory" not in got, got


def test_an_explosion_in_an_article_naming_the_suicide_bomber(rules: Pipeline) -> None:
    """The article tells one blast and names its suicide bomber only in passing."""
    got = reported_sub_types(rules, "At least four people were killed in an explosion that"
                             " rocked the Syrian town of al-Qardaha the hometown of the Assad"
                             " family according to media reports. The incident took place"
                             " outside a hospital. There was another man in the car with the"
                             " suicide bomber although it was not clear whether he was an"
                             " accomplice or a hostage SORH said Sunday.", "2015-02-21")
    assert got == ["Suicide bomb"], got
    got = reported_sub_types(rules, "At least four people were killed in an explosion that"
                             " rocked the Syrian town of al-Qardaha the hometown of the Assad"
                             " family according to media reports. The incident took place"
                             " outside a hospital.", "2015-02-21")
    assert got == ["Remote explosive/landmine/IED"], got
