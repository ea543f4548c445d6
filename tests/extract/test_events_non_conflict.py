"""Non-conflict short reports that use war's words give no event, whoever acts in them.

Each case is a report written for these tests (not taken from the recall sets): kinds of
non-conflict report (industrial blasts, transport accidents, ordinary crime, games,
drills and weapons tests) and, beside them, conflict reports with the same words that
must keep their event.
"""

from __future__ import annotations

import pytest

from palmyra.api import TextRecord, analyze_texts
from palmyra.model import REPORTED_MODALITIES


def _subtypes(text: str) -> list[str]:
    facts = analyze_texts([TextRecord(f"Report\n\n{text}\n", published="2023-03-10")])[0]
    return [e.sub_event_type for e in facts.events if e.modality in REPORTED_MODALITIES]


@pytest.mark.parametrize(
    "text",
    [
        # industrial blasts and transport accidents
        "A blast at a gunpowder factory outside Kazan killed seven workers on Tuesday, "
        "the emergencies ministry said.",
        "Sacks of ammonium nitrate exploded in a warehouse at the port of Tartus, killing "
        "nine dockers.",
        "A passenger jet skidded off the runway in heavy fog at Erbil airport and caught "
        "fire, injuring 14 people.",
        # ordinary crime, police acting
        "Police in Nakuru arrested four men suspected of robbing a bank at knifepoint on "
        "Monday.",
        "Officers in Izmir detained two brothers accused of stealing copper cable from a "
        "railway depot.",
        "Ecuadorian police seized three tonnes of cocaine hidden in a shipment of "
        "pineapples at Guayaquil port.",
        # games, national sides included
        "Jordan and Qatar clash in the Asian Cup semi-final in Doha on Friday.",
        "Kenyan runners launched their attack at the 35 km mark and filled the podium at "
        "the Berlin marathon.",
        # drills and weapons tests, whoever fires
        "The Egyptian navy test-fired an anti-ship missile that struck a target barge "
        "during an exercise in the Red Sea.",
        "Turkish troops fired artillery at simulated enemy positions in a live-fire drill "
        "near Konya.",
    ],
)
def test_non_conflict_report_gives_no_event(text: str):
    assert _subtypes(text) == []


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        # a crowd beating a thief is still mob violence: the crime cue bears on arrests only
        ("A crowd in Kisumu beat to death a man accused of stealing a goat on Sunday, "
         "police said.", None),
        # rebels seizing a town are no police raid on a drug den
        ("Rebels seized the town of Walikale on Saturday after government troops "
         "withdrew.", "Non-state actor overtakes territory"),
        ("Police arrested 30 opposition supporters at a rally in Harare on Saturday.",
         "Arrests"),
        # "test" alone is no weapons test
        ("Rebels tested the ceasefire on Monday, shelling government positions in Daraa "
         "and killing three soldiers.", "Shelling/artillery/missile attack"),
    ],
)
def test_conflict_report_with_the_same_words_keeps_its_event(text: str,
                                                             subtype: str | None):
    subtypes = _subtypes(text)
    assert subtypes, text
    if subtype is not None:
        assert subtype in subtypes
