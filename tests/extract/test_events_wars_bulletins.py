"""Issue 13: kinds of failure common to the other wars' reports (not one report each).

Sentences written for this test in the style of the wars' wire reports and bulletins:
interceptions ("shot down 12 of 13 drones over the Poltava and Mykolaiv regions", "a drone
... over the Haradh district"), the side of bare air defences (the opponent of the
weapon's owner), Russian groups of forces, front sectors ("On the Kramatorsk axis, ...
near Chasiv Yar"), a road placed at the first town it joins, "shot dead a child" as an
attack on civilians, a rally's cause ("in solidarity with Gaza") and a sentence-initial
"Protesters" storming a building.
"""

from __future__ import annotations

from palmyra.api import analyze_text

PUBLISHED = "2024-06-12"


def _events(war: str, body: str):
    return [e for e in analyze_text(body, profile=war, published=PUBLISHED).events
            if e.modality in ("asserted", "attributed")]


def _places(events) -> list[str]:
    return sorted(e.place.name for e in events if e.place is not None)


def test_drones_downed_over_two_regions_give_two_events():
    body = ("Ukraine's air force said on Tuesday it had shot down 12 of 13 Shahed drones launched"
            " by Russia overnight over the Poltava and Mykolaiv regions.")
    events = _events("ukraine", body)
    assert {e.sub_event_type for e in events} == {"Disrupted weapons use"}
    assert _places(events) == ["Mykolaiv", "Poltava"]


def test_drone_downed_over_a_district_is_placed_there():
    body = ("The Houthi rebels said they had shot down a surveillance drone belonging to the"
            " Saudi-led coalition over the Haradh district of Hajjah province on Friday.")
    events = _events("yemen", body)
    assert [(e.sub_event_type, e.place.name if e.place else None) for e in events] == [
        ("Disrupted weapons use", "Haradh")]


def test_attack_drones_destroyed_are_a_disrupted_use():
    body = ("Overnight, Ukrainian air defence destroyed 14 of 16 Shahed-type attack drones"
            " launched by the enemy over the Odesa region, the Air Force said on Tuesday.")
    assert {e.sub_event_type for e in _events("ukraine", body)} == {"Disrupted weapons use"}


def test_a_foiled_attack_is_no_disrupted_use():
    body = ("Government troops foiled an attack by Houthi fighters on their positions near"
            " Hays on Friday, killing five of the attackers, a military source said.")
    assert "Disrupted weapons use" not in {e.sub_event_type for e in _events("yemen", body)}


def test_bare_air_defences_are_the_side_the_weapons_owner_fights():
    body = ("Air defense systems shot down ten Ukrainian drones over the Belgorod Region"
            " overnight, the Russian Defense Ministry said on Tuesday.")
    [event] = _events("ukraine", body)
    assert (event.actor1, event.actor2) == ("Military Forces of Russia",
                                            "Military Forces of Ukraine")


def test_houthi_air_defences_downing_a_us_drone_are_the_houthis():
    body = ("Yemen's Houthi-run Saba news agency said on Tuesday the air defences had shot down"
            " an American MQ-9 drone over the coast of Hodeidah province.")
    [event] = _events("yemen", body)
    assert event.sub_event_type == "Disrupted weapons use"
    assert (event.actor1, event.actor2) == ("Houthis", "Military Forces of the United States")


def test_a_russian_battlegroup_liberating_a_village_overtakes_it():
    body = ("Units of the Center battlegroup have liberated the community of Stepovoye in the"
            " Donetsk People's Republic, the Russian Defense Ministry said on Tuesday.")
    [event] = _events("ukraine", body)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor1 == "Military Forces of Russia"


def test_a_front_sector_yields_to_the_settlements_named():
    body = ("On the Kramatorsk axis, the defence forces repelled 24 attacks by the invaders near"
            " Chasiv Yar and Bohdanivka on Tuesday, the General Staff said.")
    assert _places(_events("ukraine", body)) == ["Bohdanivka", "Chasiv Yar"]


def test_a_road_is_placed_at_the_first_town_it_joins():
    body = ("Coalition warplanes launched a series of raids on Houthi reinforcements on the road"
            " between Zabid and Al-Jarrahi on Tuesday, destroying six vehicles.")
    events = [e for e in _events("yemen", body) if e.sub_event_type == "Air/drone strike"]
    assert _places(events) == ["Zabid"]


def test_a_sniper_shooting_dead_a_child_attacks_civilians():
    body = ("A Houthi sniper shot dead a 12-year-old child in the Salah district of Taiz city on"
            " Thursday, local officials said.")
    assert [e.sub_event_type for e in _events("yemen", body)] == ["Attack"]


def test_a_rallys_cause_is_not_its_place():
    body = ("Tens of thousands of people rallied in Sanaa after Friday prayers in solidarity"
            " with Gaza on June 7, chanting slogans against America and Israel.")
    places = _places(_events("yemen", body))
    assert "Gaza" not in places


def test_protesters_storming_and_burning_a_parliament_riot():
    body = ("Protesters stormed the seat of Libya's parliament in the eastern city of Tobruk on"
            " Friday, setting part of the building on fire.")
    assert {e.sub_event_type for e in _events("libya", body)} == {"Violent demonstration"}
