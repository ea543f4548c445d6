"""A given name before a place's or body's head ("Omran Daqneesh Street") names no
speaker (reviewer's findings on int13; sentences written for this test)."""

from __future__ import annotations

import pytest

from palmyra.api import analyze_text


def _speakers(body: str) -> list[str | None]:
    return [q.speaker for q in analyze_text(body, profile="syria", published="2017-05-02",
                                            title="Report").quotes]


@pytest.mark.parametrize("body", [
    "'The shelling went on all night,' Omran Daqneesh Street residents told Reuters.",
])
def test_a_name_before_a_place_or_body_head_is_no_speaker(body: str) -> None:
    assert not any(s and "Omran" in s for s in _speakers(body))


def test_a_given_named_speaker_is_still_read() -> None:
    body = "'The shelling went on all night,' Omran Daqneesh told Reuters."
    assert _speakers(body) == ["Omran Daqneesh"]
