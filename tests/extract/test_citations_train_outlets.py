"""Outlets and verbs of FA-KES train citations (issue 12): Al-Ikhbariya, the Syrian state's
news channel, is cited by its own name, not as Syrian state television at large (gold train
codes both where a story names both); Jordan's state TV is not Syria's; "mentioned" is a
reporting verb. Sentences from FA-KES train articles (CC BY)."""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts


def _outlets(text: str) -> list[str]:
    facts = analyze_texts([TextRecord(text, outlet="Reuters")], profile="syria")[0]
    return [c.outlet for c in facts.citations]


def test_ikhbariya_is_its_own_outlet():
    text = ("Blast in Damascus\n\nSyrias official Al-Ikhbariya channel showed images from the"
            " scene of the blast.\n")
    assert _outlets(text) == ["Al-Ikhbariya"]


def test_state_television_stays_state_television():
    text = "Blast in Damascus\n\nSyrian state television said the blast killed four people.\n"
    assert _outlets(text) == ["Syrian state television"]


def test_jordanian_state_tv_is_not_syrian_state_tv():
    text = ("Raids on Islamic State\n\nJordanian war planes participating in the alliance"
            " carried out bombing raids against Islamic State targets on Thursday Jordanian"
            " state TV reported without giving the location of the raids.\n")
    assert _outlets(text) == ["Jordanian state television"]


def test_mentioned_cites_the_agency():
    text = ("Blast in Damascus\n\nSANA news agency mentioned that the attack took place near"
            " a fruit and vegetable market in the area and caused material damage to the"
            " nearby buildings.\n")
    assert _outlets(text) == ["SANA"]
