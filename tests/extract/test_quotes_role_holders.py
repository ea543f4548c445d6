"""Speakers named by a role of a body: the person who holds it speaks, not the body
(gold/GUIDE.md, "Quotes": the person's name as the article gives it in full).
Sentences written after the forms of gold train, commas lost as in FA-KES copy."""

from __future__ import annotations

import pytest

from palmyra.api import analyze_text


def _speakers(text: str) -> list[tuple[str, str | None]]:
    facts = analyze_text("Title\n\n" + text, profile="syria")
    return [(q.text, q.speaker) for q in facts.quotes if q.direct]


def test_the_holder_named_after_a_bodys_role_speaks():
    text = ('IS "was expelled from Zuhur the last district it held" said Syrian Observatory'
            " for Human Rights director Rami Abdel Rahman. At least 287 IS fighters died.")
    assert _speakers(text) == [("was expelled from Zuhur the last district it held",
                                "Rami Abdel Rahman")]


@pytest.mark.parametrize("role", ["the UN official said", "added the UNICEF director"])
def test_a_bodys_role_goes_on_with_the_person_just_quoted(role):
    text = (f'"School attendance has dropped by half" Amos said. "I again appeal to donors.'
            f' The appeal is less than half funded" {role}.')
    assert [s for _, s in _speakers(text)] == ["Amos", "Amos"]


def test_a_bodys_role_with_no_one_quoted_before_is_the_body():
    assert [s for _, s in _speakers('"We are very worried" the UN official said on Monday.')] \
        == ["United Nations"]
