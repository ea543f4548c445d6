"""Al-Ikhbariya, the Syrian state's news channel, is cited by its own name, not as Syrian
state television at large (issue 12; gold train codes both where a story names both).
Sentences from FA-KES train articles (CC BY)."""

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
