"""Citations through an outlet's staff and through "quoted as saying by" (gold/notes/
annotator-L.md call 27): sentences written for these tests, not taken from any article."""

from __future__ import annotations

import pytest

from palmyra.api import TextRecord, analyze_texts


def _outlets(text: str) -> list[str]:
    facts = analyze_texts([TextRecord(text)])[0]
    return [c.outlet for c in facts.citations]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what an outlet's photographer or journalist saw is the outlet's report
        ("An AFP photographer in Jisr al-Shughur saw six bodies in the market.", ["AFP"]),
        ("A Reuters journalist at the crossing saw trucks turned back.", ["Reuters"]),
        ("An Agence France-Presse reporter counted twelve craters near the bakery.", ["AFP"]),
        # a caption run into the sentence: the staff noun's verb read past the parse
        ("Smoke over the old town Sputnik Jane Roe Blast in Homs A Ria Novosti correspondent"
         " working in Homs said that four people were killed.", ["RIA Novosti"]),
        ("The AFP correspondent based in Beirut reported that the talks had stalled.", ["AFP"]),
        # the staff's own clause has another verb: someone else speaks
        ("An AFP photographer was killed in Aleppo the ministry said.", []),
        # the agency that quoted a speaker, with "as saying" between the verb and "by"
        ("The defence ministry was quoted as saying by Interfax news agency that the jets"
         " returned to base.", ["Interfax"]),
        ("The governor was quoted as saying by Reuters that the road was open.", ["Reuters"]),
        # not citations: a photo credit, the staff doing something other than witnessing
        ("AFP photo shows the bakery after the strike.", []),
        ("An AFP photographer was wounded in the shelling.", []),
        ("A Reuters cameraman left the town on Monday.", []),
        # "by" with no citing verb above it
        ("The convoy was hit as it passed by Reuters House on the corniche.", []),
    ],
)
def test_citations_staff_and_quoted_as_saying(sentence, expected):
    assert _outlets(f"Strikes in Idlib\n\n{sentence}\n") == expected
