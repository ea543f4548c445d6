"""Speakers that issue 12 found mistaken on the wars' dev splits: a state's ministry read
as a name of its own ("Russia's defence ministry", "the Ministry of Defence") is the state's
forces or government, as when written in lower case; and a body whose speech verb governs
the words an outlet reported speaks them, the outlet being cited ("…, according to
Anadolu Agency"). Sentences written for the tests after the wars dev reports' wording."""

from __future__ import annotations

from palmyra.api import analyze_text


def direct(text: str, profile: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in analyze_text(text, profile=profile).quotes
            if q.direct]


def test_a_states_defence_ministry_read_as_a_name_is_its_forces():
    text = ("Fighting near Kharkiv\n\nKHARKIV, May 14 (Reuters) - Ukrainian troops held their"
            " positions in Vovchansk on Tuesday. Russia's defence ministry said on Monday that"
            ' its forces had "liberated" the village of Hlyboke.\n')
    assert direct(text, "ukraine") == [("liberated", "Military Forces of Russia")]


def test_the_ministry_that_said_speaks_not_the_agency_it_was_reported_by():
    text = ("Drone strike in Sinjar\n\nERBIL, June 20, 2022 (Rudaw) - The Turkish defence"
            ' ministry said its forces had "neutralised" four fighters in the area, according'
            " to Turkey's state-run Anadolu Agency.\n")
    facts = analyze_text(text, profile="iraq")
    assert [(q.text, q.speaker) for q in facts.quotes if q.direct] == [
        ("neutralised", "Military Forces of Turkey")]
    assert [c.outlet for c in facts.citations] == ["Anadolu Agency"]
