"""The generic actor layer: ACLED-style actors no profile names, on sentences written for it.

Run without a profile (``profile=None``), as for an article on a war Palmyra has no
profile for; the places annotator runs first, so the event's country is known.
"""

from __future__ import annotations

import pytest

from palmyra import api
from palmyra.annotate.countries import code_of, countries
from palmyra.annotate.generic_actors import not_actor_reason


def _facts(text: str):
    return api.analyze_texts([text], profile=None)[0]


def _actors(text: str) -> dict[str, tuple[str, str, str | None]]:
    """Surface form -> (canonical, rule, reason) of each actor mention."""
    return {
        m.text: (m.value.canonical, m.rule, m.value.reason)
        for m in _facts(text).mentions
        if m.kind == "actor"
    }


@pytest.mark.parametrize(
    ("text", "surface", "canonical", "rule"),
    [
        ("Ethiopian troops shelled the town of Adigrat on Monday.", "Ethiopian troops",
         "Military Forces of Ethiopia", "generic.state_forces"),
        ("Gunmen killed five villagers in Marsabit, Kenya, on Sunday.", "Gunmen",
         "Unidentified Armed Group (Kenya)", "generic.unidentified"),
        ("Gunmen killed five villagers in Marsabit, Kenya, on Sunday.", "villagers",
         "Civilians (Kenya)", "generic.civilians"),
        ("Unknown assailants stormed a checkpoint near Gao, Mali, on Friday.",
         "Unknown assailants", "Unidentified Armed Group (Mali)", "generic.unidentified"),
        ("The Israeli army said it had struck a building in Rafah.", "Israeli army",
         "Military Forces of Israel", "generic.state_forces"),
        ("Kenyan soldiers were deployed to the border town of Mandera.", "Kenyan soldiers",
         "Military Forces of Kenya", "generic.state_forces"),
        ("Russia's air force bombed a bridge near Kherson overnight.", "Russia's air force",
         "Military Forces of Russia", "generic.state_forces"),
        ("US troops left a base near Kirkuk.", "US troops",
         "Military Forces of the United States", "generic.state_forces"),
        ("Police fired tear gas at protesters in Nairobi on Tuesday.", "Police",
         "Police Forces of Kenya", "generic.police"),
        ("Nigerian police arrested four men in Kano.", "Nigerian police",
         "Police Forces of Nigeria", "generic.police"),
        ("Security forces killed three protesters in Omdurman, Sudan, on Monday.",
         "Security forces", "Military Forces of Sudan", "generic.state_forces"),
        ("Yemeni security forces arrested five men in Aden.", "Yemeni security forces",
         "Military Forces of Yemen", "generic.state_forces"),
        ("Al-Shabaab militants attacked a base near Mogadishu.", "Al-Shabaab militants",
         "Al-Shabaab", "generic.armed_org"),
        ("Boko Haram fighters killed 12 people in Borno on Friday.", "Boko Haram fighters",
         "Boko Haram", "generic.armed_org"),
        ("The Rapid Support Forces shelled El Fasher on Monday.", "Rapid Support Forces",
         "Rapid Support Forces", "generic.armed_org"),
        # the army or air force with no nationality: the event country's forces
        ("The army shelled the town of Adigrat, Ethiopia, on Monday.", "army",
         "Military Forces of Ethiopia", "generic.state_forces"),
        ("The air force bombed a market in Gao, Mali, on Friday.", "air force",
         "Military Forces of Mali", "generic.state_forces"),
    ],
)
def test_generic_actors_from_words(text, surface, canonical, rule):
    found = _actors(text)
    assert found[surface][:2] == (canonical, rule), found
    assert found[surface][2]  # every generic actor says why it was coded so


def test_generic_actors_events_get_them():
    facts = _facts("Ethiopian troops shelled the town of Adigrat, Ethiopia, on Monday.")
    assert [(e.actor1, e.place.name if e.place else None) for e in facts.events] == [
        ("Military Forces of Ethiopia", "Adigrat")
    ]
    facts = _facts("Gunmen killed five villagers in Marsabit, Kenya, on Sunday.")
    assert [(e.actor1, e.actor2) for e in facts.events] == [
        ("Unidentified Armed Group (Kenya)", "Civilians (Kenya)")
    ]


def test_generic_actors_after_a_dateline():
    # the small model runs the dateline into the lead: "ADDIS ABABA - Ethiopian" (ORG)
    found = _actors("ADDIS ABABA - Ethiopian troops shelled the town of Adigrat on Monday.")
    assert found["Ethiopian troops"][0] == "Military Forces of Ethiopia"
    assert not any("ABABA" in c for c, _, _ in found.values())


def test_generic_actors_reasons_name_the_evidence():
    found = _actors("Ethiopian troops shelled the town of Adigrat on Monday.")
    assert found["Ethiopian troops"][2] == "named by nationality: 'Ethiopian' + 'troops'"
    found = _actors("Al-Shabaab militants attacked a base near Mogadishu.")
    assert found["Al-Shabaab militants"][2] == "named before 'militants'"


def test_generic_actors_without_a_country_stay_unlinked():
    assert "gunmen" not in _actors("Witnesses said gunmen had fired on the crowd.")


@pytest.mark.parametrize(
    "text",
    [
        "The Free Syrian Army attacked a checkpoint.",  # "Syrian Army" inside a longer name
        "Pro-Russian separatists held the square.",  # "pro-Russian" names no state
    ],
)
def test_generic_actors_no_state_inside_other_names(text):
    assert not any(c.startswith("Military Forces of") for c, _, _ in _actors(text).values())


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("GMT", "time_zone"),
        ("AFP Eleven", "outlet"),
        ("Reuters) Ceasefire", "fragment"),
        ("ADDIS ABABA - Ethiopian", "fragment"),
        ("TRT World and Agencies", "outlet"),
        ("Thomson Reuters Trust Principles", "outlet"),
        ("Android Youtube Satellite Coverage Partner", "furniture"),
        ("Sukhoi SU-24", "weapon"),
        ("Russian Sukhoi Su-34", "weapon"),
        ("SEND httpsabahdai.ly912r3U DHA", "fragment"),
        ("Manar/Manal/Ghossoun", "fragment"),
        ("Levant Courier", "outlet"),  # an outlet the run knows, named whole
        ("Group on Peshmerga", "fragment"),  # "terror Group on Peshmerga defense lines"
        ("Ukrainian Vampire", "weapon"),  # a rocket launcher by its model name
        ("Army of Conquest", None),
        ("Free Syrian Army", None),
        ("Rapid Support Forces", None),
        ("Syrian Observatory for Human Rights", None),
    ],
)
def test_generic_actors_not_actor_reason(text, reason):
    assert not_actor_reason(text, ["Levant Courier", "LC"]) == reason


def test_generic_actors_junk_entities_are_no_actors():
    found = _actors(
        "Shelling hits Marib\n\nMARIB, Yemen - TRT World and Agencies reported the shelling"
        " at 0900 GMT on Monday, AFP said."
    )
    assert not {"TRT World and Agencies", "GMT", "AFP"} & {c for c, _, _ in found.values()}


def test_generic_actors_countries_list():
    table = countries()
    assert len(table) >= 250
    assert table["US"].forces() == "Military Forces of the United States"
    assert table["US"].civilians() == "Civilians (United States)"
    assert table["CD"].unidentified() == "Unidentified Armed Group (Democratic Republic of Congo)"
    assert "Ukrainian" in table["UA"].demonyms
    # GeoNames' country names (the gazetteer's) map back to their codes
    assert [code_of(n) for n in ("Syria", "Palestinian Territory", "The Netherlands",
                                 "Democratic Republic of the Congo", "Nowhere")] == [
        "SY", "PS", "NL", "CD", None]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a formation's own name, or someone else's force, is not the state's army
        ("The Army of Islam shelled a district of Goma, Congo, on Monday.", "Army"),
        ("The drone air force attacked a checkpoint near Gao, Mali, on Friday.", "air force"),
    ],
)
def test_generic_actors_army_of_a_name_is_not_the_state(text, surface):
    found = _actors(text)
    assert all(canonical != "Military Forces of Congo" and canonical != "Military Forces of Mali"
               for canonical, _, _ in found.values()), found


# An operation's name is no actor: its owner, who launched it, is (gold dev: "The
# Kurdish-led SDF launched the Wrath of Euphrates operation in November 2016" was coded to
# "Wrath of Euphrates" instead of the SDF)
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Kurdish-led SDF launched the Wrath of Euphrates operation in November 2016.",
         "Wrath of Euphrates"),
        ("On Aug. 24 Turkey launched Euphrates Shield operation to clear the town of Jarablus.",
         "Euphrates Shield"),
    ],
)
def test_generic_actors_an_operation_name_is_no_actor(text, name):
    facts = api.analyze_texts([text], profile="syria")[0]
    surfaces = {m.text for m in facts.mentions if m.kind == "actor"}
    assert not any(name in s for s in surfaces)
    assert surfaces
