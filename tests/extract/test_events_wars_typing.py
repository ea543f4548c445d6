"""Sub-types and place names in the other wars' profiles.

Sentences written for this test in the style of the wars' wire reports, one kind each:
a strike by aircraft on an enemy's artillery (the artillery is the target, not the means);
drones striking a gas field (a fuel site, not a chemical weapon); a place the profile
names in ACLED's spelling ("Khokha" is Al-Khawkhah; "Haradh" stays Haradh, not the
profile's old "Harad").
"""

from __future__ import annotations

import pytest

from palmyra.api import analyze_text

PUBLISHED = "2024-06-12"


def _subtypes(war: str, body: str) -> list[str]:
    return sorted({e.sub_event_type for e in analyze_text(body, profile=war, published=PUBLISHED)
                   .events if e.modality in ("asserted", "attributed")})


@pytest.mark.parametrize(("war", "body"), [
    ("iraq", "US warplanes struck Islamic State artillery positions near Sinjar on Saturday,"
             " the Pentagon said."),
    ("syria", "Russian jets struck rebel artillery emplacements near Kafranbel on Tuesday,"
              " activists said."),
])
def test_aircraft_striking_artillery_is_an_air_strike(war, body):
    assert _subtypes(war, body) == ["Air/drone strike"]


def test_artillery_striking_is_still_shelling():
    body = "Ukrainian artillery struck Russian positions near Bakhmut on Monday, the army said."
    assert _subtypes("ukraine", body) == ["Shelling/artillery/missile attack"]


def test_drones_striking_a_gas_field_are_no_chemical_weapon():
    body = ("The group said on Monday it had struck the Khor Mor gas field in Sulaimaniya"
            " with drones.")
    assert _subtypes("iraq", body) == ["Air/drone strike"]


@pytest.mark.parametrize(("said", "named"), [("Khokha", "Al-Khawkhah"), ("Haradh", "Haradh")])
def test_yemen_places_take_acled_spelling(said, named):
    body = f"Coalition warplanes struck a fishing boat off {said} on Friday, killing six fishermen."
    events = analyze_text(body, profile="yemen", published=PUBLISHED).events
    assert [e.place.name for e in events if e.place is not None] == [named]
