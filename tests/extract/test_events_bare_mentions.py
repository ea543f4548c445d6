"""A kind of happening named in passing, in a clause that is little more than its trigger
word, beside the events an article tells (issue 12, precision: gold dev and train
false alarms such as "capturing Raqqa", "revenge shelling", "downed", "a weekly 48-hour
truce"). GUIDE: code a specific occurrence, one the text ties to a place or a time or
tells as a single happening. Texts written for these tests in FA-KES wire style, beside
reports whose only event is told briefly, which must stay.
"""

from __future__ import annotations

import pytest

from palmyra.api import TextRecord, analyze_texts
from palmyra.model import REPORTED_MODALITIES

_LEAD = ("Russian air strikes killed 12 civilians in the town of Saraqeb on Monday a monitor"
         " said. ")


def _events(text: str):
    facts = analyze_texts([TextRecord(f"Report\n\n{text}\n", published="2016-07-20")])[0]
    return [e for e in facts.events if e.modality in REPORTED_MODALITIES]


@pytest.mark.parametrize("mention", [
    "The jihadists have grown weaker since capturing Raqqa.",
    "Rebels vowed revenge shelling.",
    "Footage showed a helicopter downed.",
])
def test_a_bare_mention_beside_a_told_event_is_no_event(mention):
    events = _events(_LEAD + mention)
    assert [e.sub_event_type for e in events] == ["Air/drone strike"], [
        (e.sub_event_type, e.place_text) for e in events]


def test_a_reports_only_event_stays_however_briefly_told():
    events = _events("Looting shops in Kafr Nabudah.")
    assert [e.sub_event_type for e in events] == ["Looting/property destruction"]


def test_a_brief_clause_of_a_report_that_tells_nothing_else_stays():
    events = _events("Insurgents held the town of Kafr Nabudah for two days, looting shops"
                     " before retreating, residents said.")
    assert [e.sub_event_type for e in events] == ["Looting/property destruction"]
