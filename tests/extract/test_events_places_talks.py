"""The venue of talks is where people talked, not where a bomb went off."""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts


def _placed(text: str) -> dict[str, str | None]:
    facts = analyze_texts([TextRecord(f"Report\n\n{text}\n", published="2017-02-25")])[0]
    return {e.sub_event_type: e.place.name if e.place else None for e in facts.events}


def test_an_attack_told_beside_talks_is_not_placed_at_their_venue():
    placed = _placed("Just two days into the Geneva talks, suicide bombers launched six "
                     "attacks outside military security offices in Homs, killing dozens of "
                     "soldiers.")
    assert placed.get("Suicide bomb") == "Homs"


def test_talks_in_a_city_still_place_an_agreement_there():
    placed = _placed("The government and the rebels signed a ceasefire agreement at the talks "
                     "in Astana on Monday.")
    assert placed.get("Agreement") == "Astana"


def test_a_strike_during_talks_elsewhere_takes_its_own_town():
    placed = _placed("Two days into the talks in Astana, government aircraft bombed the town "
                     "of Saraqeb, killing nine people.")
    assert placed.get("Air/drone strike") not in (None, "Astana")
