"""An outlet that carries a group's claim is cited (issue 12): "via its news arm Amaq";
the Syrian state's media called the regime's are the state's outlets."""

from __future__ import annotations

import pytest

from palmyra.extract.citations import citations


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The group claimed responsibility via its news arm Amaq.", "Amaq News Agency"),
        ("Syrian regime television said the army had entered the town.",
         "Syrian state television"),
        ("Regime media said at least 30 people had been killed.", "Syrian state media"),
    ],
)
def test_via_and_regime_forms_are_cited(read, syria, text, outlet):
    doc, ctx = read(text, syria)
    assert [c.outlet for c in citations(doc, ctx)] == [outlet]

