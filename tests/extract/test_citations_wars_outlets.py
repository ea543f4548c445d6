"""Which Saba a Yemen report cites (issue 13): the agency split in 2015, and wires name the
Houthi-held one with the movement's name as AFP spells it ("Huthi-run") or with its city."""

from __future__ import annotations

import pytest

from palmyra.api import analyze_text


@pytest.mark.parametrize(("sentence", "outlet"), [
    ("The Huthi-run Saba news agency reported that air raids hit a farm in Kitaf.",
     "Saba (Sanaa)"),
    ("Artillery shelled villages in Munabbih on Friday, the Saba news agency in Sanaa"
     " reported.", "Saba (Sanaa)"),
    ("A missile hit Marib city on Sunday, the Yemeni government's Saba news agency"
     " reported.", "Saba (Aden)"),
])
def test_the_saba_a_report_cites(sentence: str, outlet: str) -> None:
    text = f"Strikes in Yemen\n\nADEN, Oct 9, 2019 (AFP) - {sentence}\n"
    cited = [c.outlet for c in analyze_text(text, profile="yemen").citations]
    assert cited == [outlet]
