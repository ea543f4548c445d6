"""The parties of an agreement (issue 13; sentences written for this test in the style of
the wars' wire copy).

A dateline left at the head of the first sentence ("ADEN, March 3 (Reuters) - ...") is
parsed as a second subject of the main verb; the parties who signed are the subject next to
the verb, and the one joined to it is the other party (gold/GUIDE.md: the state's side is
actor1).
"""

from __future__ import annotations

from palmyra.api import analyze_text
from palmyra.model import Event

_PUBLISHED = "2024-06-12"


def _agreements(war: str, body: str) -> list[Event]:
    facts = analyze_text(body, profile=war, published=_PUBLISHED, title="Report")
    return [e for e in facts.events if e.sub_event_type == "Agreement"]


def test_the_signatories_after_a_dateline_are_the_parties() -> None:
    body = ("ADEN, June 11, 2024 (Reuters) - Yemen's Saudi-backed government and southern"
            " separatists signed a ceasefire agreement in Aden on Tuesday, officials"
            " said.")
    event = _agreements("yemen", body)[0]
    assert (event.actor1, event.actor2) == ("Government of Yemen",
                                            "Southern Transitional Council")


def test_the_warring_parties_are_the_sides_the_article_has_fighting() -> None:
    body = ("KHARTOUM - The Rapid Support Forces clashed with the Sudanese army in Omdurman on"
            " Monday, residents said.\n\nThe warring parties agreed a three-day truce in"
            " Jeddah on Tuesday, mediated by Saudi Arabia and the United States.")
    event = _agreements("sudan", body)[0]
    assert (event.actor1, event.actor2) == ("Military Forces of Sudan", "Rapid Support Forces")


def test_two_sides_with_two_pairs_fighting_stay_unnamed() -> None:
    body = ("TRIPOLI - The 444th Brigade clashed with the Special Deterrence Force in Tripoli"
            " on Monday.\n\nThe Libyan National Army clashed with the Government of National"
            " Accord's forces near Sirte on Monday.\n\nA ceasefire was agreed between the two"
            " sides in Tripoli on Tuesday.")
    assert [(e.actor1, e.actor2) for e in _agreements("libya", body)] == [(None, None)]
