"""Kinds of actor naming the wars' dev reports showed (issue 13), on sentences written
for the test in the style of the gold articles.

- "X loyal to Y" are Y's forces even where X is itself a generic name ("security forces
  loyal to the Southern Transitional Council" are the STC's, not the police), and the
  name may follow a rank and an adjective ("loyal to retired General Khalifa Haftar").
- Houthi media's bare "the aggression" is whichever foreign aggressor the article named
  in full before it ("a raid by the American aggression ... The aggression also
  launched"), not always the Saudi-led coalition; a home state's "the regime" stays its.
- A profile descriptor's default and sides are fields, not words of its reason: "the
  paramilitary" in a Sudan report is the RSF.
"""

from __future__ import annotations

import re

import pytest

from palmyra import api


def _actors(text: str, published: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.sub_event_type, e.actor1, e.actor2)
            for e in api.analyze_text(text, published=published).events]


@pytest.mark.parametrize(
    ("text", "published", "subtype", "actor1"),
    [
        (
            "ADEN, Oct 9, 2019 (AFP) - In Aden, security forces loyal to the Southern"
            " Transitional Council opened fire on dozens of people protesting against power"
            " cuts in the Crater district on Tuesday evening, killing one protester.",
            "2019-10-09", "Excessive force against protesters", "Southern Transitional Council",
        ),
        (
            "BENGHAZI, October 16, 2014 (Al-Wasat) - Forces loyal to retired General Khalifa"
            " Haftar took control of the Hawari district of Benghazi on Wednesday after fierce"
            " clashes with fighters of the Benghazi Revolutionaries Shura Council.",
            "2014-10-16", "Non-state actor overtakes territory", "Libyan National Army",
        ),
        (
            "BENGHAZI, October 16, 2014 (Al-Wasat) - Warplanes of the air force loyal to Khalifa"
            " Haftar struck positions of Ansar al-Sharia in the Sidi Faraj area overnight.",
            "2014-10-16", "Air/drone strike", "Libyan National Army",
        ),
    ],
)
def test_forces_loyal_to_a_side_are_that_sides(text, published, subtype, actor1):
    assert subtype in {s for s, a1, _ in _actors(text, published) if a1 == actor1}


def test_the_bare_aggression_is_the_aggressor_named_before_it():
    text = (
        "SANAA, April 21, 2025 (Al-Masirah) - Twelve citizens were martyred on Sunday in a raid"
        " by the American aggression on a popular market in the Farwa neighbourhood of Sanaa."
        " The aggression also launched four raids on the Bani Hushaysh district of Sanaa"
        " governorate overnight, a security source said."
    )
    strikes = [a1 for s, a1, _ in _actors(text, "2025-04-21") if s == "Air/drone strike"]
    assert strikes and set(strikes) == {"Military Forces of the United States"}


def test_the_bare_aggression_with_no_aggressor_named_is_the_coalition():
    text = (
        "SAADA, Jan 22, 2022 (Al-Masirah) - Seven citizens were martyred on Friday when"
        " aggression warplanes launched two raids on a popular market in the Shida border"
        " district of Saada province, a security source said."
    )
    strikes = [a1 for s, a1, _ in _actors(text, "2022-01-22") if s == "Air/drone strike"]
    assert strikes and set(strikes) == {"Saudi-led Coalition"}


def test_every_profile_descriptor_keeps_its_default_and_sides_as_fields():
    """A descriptor's default and sides written inside its quoted reason ("wire usage,
    default: Rapid Support Forces, refers_to: [rsf]") are prose, not fields: the Sudan
    and Iraq descriptors linked to no one, so "the paramilitary" had no side."""
    from palmyra.profiles.load import load_shipped_profiles

    for profile in load_shipped_profiles():
        for desc in profile.descriptors:
            assert not re.search(r"(^|, )default: [A-Z]|refers_to: \[", desc.reason), (
                profile.name, desc.text)


def test_the_paramilitary_is_the_rsf():
    text = (
        "EL OBEID, June 13, 2023 (Reuters) - Residents said the paramilitary forces shelled"
        " residential areas of the city on Monday evening, killing five civilians."
    )
    assert ("Shelling/artillery/missile attack", "Rapid Support Forces", "Civilians (Sudan)") in (
        _actors(text, "2023-06-13"))




def test_a_home_states_bare_epithet_stays_the_home_states():
    """"The regime" in a Syria article is Assad's, even after "the Iranian regime"."""
    text = (
        "ALEPPO, Syria, Feb 3, 2016 (AFP) - The Iranian regime sent more fighters to Syria on"
        " Tuesday. The regime also pounded a key supply route south of Aleppo, the Syrian"
        " Observatory for Human Rights said."
    )
    actors = [(m.text, m.value.canonical) for m in api.analyze_text(text, published="2016-02-03")
              .mentions if m.kind == "actor"]
    assert ("The regime", "Government of Syria") in actors, actors
