"""A present relative clause describes a group ("the militia, which fights alongside the
army"): it is no clash, and the killing its sentence tells stays an event (issue 13; a
sentence written for this test in the style of the wars' wire copy).
"""

from __future__ import annotations

from events_fixtures import wars_events as _events


def test_a_present_relative_clause_is_no_clash() -> None:
    body = ("WAD MADANI, Sudan - Fighters of a local militia, which fight alongside the army,"
            " shot dead nine villagers in the village of Um Dawm on Friday, a lawyers'"
            " group said.")
    kinds = [k for k, _ in _events("sudan", body)]
    assert "Armed clash" not in kinds
    assert "Attack" in kinds
