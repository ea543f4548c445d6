"""Places named beside an event that are not where it happened (talks' venue, a force's country)."""

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


def test_the_venue_of_talks_does_not_carry_over_to_an_attack_with_no_place():
    # No town named for the bombing: the talks' venue earlier in the paragraph is not it.
    placed = _placed("The talks in Geneva were due to begin on Monday. Two days into the "
                     "talks, suicide bombers attacked several army offices, killing dozens "
                     "of soldiers.")
    assert placed.get("Suicide bomb") != "Geneva"


def test_a_country_owning_a_force_is_not_the_place_of_its_attack():
    placed = _placed("Russian jets struck rebel positions on Tuesday, while Iran's "
                     "Revolutionary Guards shelled the outskirts, killing four fighters.")
    assert "Iran" not in placed.values()


def test_the_countries_casting_a_vote_are_not_its_place():
    placed = _placed("Russia and China vetoed the draft resolution on Tuesday, while Ethiopia"
                     " and Egypt abstained.")
    assert "Other" in placed and placed["Other"] is None


def test_the_venue_of_talks_gives_no_country_to_unnamed_attackers():
    facts = analyze_texts([TextRecord(
        "Report\n\nGovernment troops shelled rebel positions near Homs and Hama on Sunday.\n\n"
        "Just two days into the Geneva talks, suicide bombers launched six attacks outside "
        "army security offices, killing dozens of soldiers.\n", published="2017-02-25")])[0]
    bombings = [e for e in facts.events if e.sub_event_type == "Suicide bomb"]
    assert bombings and all("Switzerland" not in (e.actor1 or "") for e in bombings)


def _agreements(text: str) -> list[str | None]:
    facts = analyze_texts([TextRecord(f"Report\n\n{text}\n", published="2016-06-02")])[0]
    return [e.place.name if e.place else None for e in facts.events
            if e.sub_event_type == "Agreement"]


def test_a_truce_broken_around_a_city_is_not_placed_there():
    # Issue 12: where a truce was violated is the attacks' place, not the truce's.
    places = _agreements("A ceasefire brokered by Washington and Moscow in February was "
                         "violated around Hama on Sunday, a monitor said.")
    assert places and "Hama" not in places


def test_the_town_an_attack_hit_in_breach_of_a_truce_is_not_the_truces():
    # the breach is no new agreement at all (a deal spurned or broken), and the attack that
    # broke it keeps its town
    placed = _placed("Four civilians were wounded on Wednesday in rocket attacks on "
                     "residential neighbourhoods of Homs in a new breach of the cessation "
                     "of hostilities.")
    assert placed.get("Shelling/artillery/missile attack") == "Homs"
    assert placed.get("Agreement") != "Homs"


def test_a_truce_made_in_a_town_keeps_that_town():
    # Fields, never gates: the agreement's own words still place it.
    assert _agreements("Local leaders agreed a truce in Daraya with the army on Monday.") == [
        "Daraya"]
    assert "Homs" in _agreements("A 48-hour ceasefire in Homs announced by Russia on Monday "
                                 "has had little effect.")
