"""Actors written in the forms scraped copy uses (issue 12, actors): "Daish", the Turkish
outlets' spelling of Daesh, names the Islamic State; "its" on a verb is "it's" with the
apostrophe lost (FA-KES loses them all: "since its intervened", "Its been", "its going" in
the gold articles), which the parser reads as the verb's possessive. Sentences from gold
train articles, trimmed.
"""

from __future__ import annotations

from events_fixtures import (  # noqa: F401  (fixtures are found by name in this module)
    Extract,
    extract_fixture,
    first_event,
    syria_with_gazetteer_fixture,
)

from palmyra.api import TextRecord, analyze_texts
from palmyra.model import REPORTED_MODALITIES


def test_daish_is_the_islamic_state(extract: Extract) -> None:
    # fakes-1924058195 (train): the claim of the Hasakeh wedding bombing
    _, events = extract(
        "A suicide bomber killed 30 people on Monday in an attack targeting a wedding party in"
        " the northeastern Syrian province of Hasakeh. Daish said in a statement that one of"
        " its fighters had fired on a large gathering of militants near Hasakeh city before"
        " blowing himself up.")
    assert first_event(events, "Suicide bomb").actor1 == "Islamic State"


def test_its_as_a_subject_is_its_lost_apostrophe() -> None:
    # fakes-1924058068 (train): "since its intervened" is "since it's (it has) intervened"
    text = ("Russia has not acknowledged any civilian deaths from its strikes since its"
            " intervened in Syrias war in 2015 and dismisses the reporting as biased.")
    facts = analyze_texts([TextRecord(f"Report\n\n{text}\n", published="2017-10-04")])[0]
    changes = [e for e in facts.events if e.modality in REPORTED_MODALITIES
               and e.sub_event_type == "Change to group/activity"]
    assert [e.date.value if e.date else None for e in changes] == ["2015"]
    # "its" stands for the subject of the clause the "since" clause hangs on
    assert [e.actor1 for e in changes] == ["Government of Russia"]
