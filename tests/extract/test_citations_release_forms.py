"""Outlets that release footage or carry a group's claim are cited (issue 12): "released
by news agency Amaq", "via its news arm Amaq"; the Syrian state's media called the
regime's are the state's outlets."""

from __future__ import annotations

import pytest

from palmyra.extract.citations import citations


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Video footage released by the affiliated news agency Amaq showed the convoy.",
         "Amaq News Agency"),
        ("The group claimed responsibility via its news arm Amaq.", "Amaq News Agency"),
        ("Syria's Ikhbariya television released the footage of the strike.", "Al-Ikhbariya"),
        ("Syrian regime television said the army had entered the town.",
         "Syrian state television"),
        ("Regime media said at least 30 people had been killed.", "Syrian state media"),
    ],
)
def test_release_and_regime_forms_are_cited(read, syria, text, outlet):
    doc, ctx = read(text, syria)
    assert [c.outlet for c in citations(doc, ctx)] == [outlet]


def test_a_released_prisoner_cites_no_one(read, syria):
    doc, ctx = read("The army released 20 prisoners on Friday, Reuters reported.", syria)
    assert [c.outlet for c in citations(doc, ctx)] == ["Reuters"]
