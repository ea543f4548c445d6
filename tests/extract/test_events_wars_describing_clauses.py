"""A present relative clause describes a group ("the militia, which fights alongside the
army"): it is no clash, and the killing its sentence tells stays an event (issue 13; a
sentence written for this test in the style of the wars' wire copy).
"""

from __future__ import annotations

from palmyra.api import analyze_text

PUBLISHED = "2024-06-12"
TOLD = ("asserted", "attributed")


def _events(war: str, body: str) -> list[tuple[str, str | None]]:
    events = analyze_text(body, profile=war, published=PUBLISHED, title="Report").events
    return [(e.sub_event_type, e.place.name if e.place else None) for e in events
            if e.modality in TOLD]


def test_a_present_relative_clause_is_no_clash() -> None:
    body = ("WAD MADANI, Sudan - Fighters of a local militia, which fight alongside the army,"
            " shot dead nine villagers in the village of Um Dawm on Friday, a lawyers'"
            " group said.")
    kinds = [k for k, _ in _events("sudan", body)]
    assert "Armed clash" not in kinds
    assert "Attack" in kinds
