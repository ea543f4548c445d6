"""Event places in the other wars' reports (Ukraine, Yemen, Libya, Sudan, Iraq).

Sentences written for this test in the style of the wars' wire copy, one kind of place
failure each, every kind seen in at least two wars' dev reports:

- a square or street no gazetteer lists is placed at its town (GUIDE: a building, square
  or road -> the town it stands in), the town the sentence names or the last one before;
- "fired a missile toward X", "a drone launched towards X": X is the target, where the
  weapon struck or was brought down, not a direction travelled;
- "the city centre" points back to the city last named, like "the city".
"""

from __future__ import annotations

import pytest

from palmyra.api import analyze_text

PUBLISHED = "2024-06-12"


def _places(war: str, body: str, subtype: str) -> list[str | None]:
    events = analyze_text(body, profile=war, published=PUBLISHED, title="Report").events
    return [e.place.name if e.place else None for e in events
            if e.sub_event_type == subtype and e.modality in ("asserted", "attributed")]


@pytest.mark.parametrize(("war", "body", "subtype", "place"), [
    # the town named after the square in the same sentence
    ("iraq", "NAJAF, Iraq - Masked gunmen abducted a young blogger near Firdos Square in"
     " Baghdad on Tuesday night, his brother said.",
     "Abduction/forced disappearance", "Baghdad"),
    # the town named in an earlier sentence (the dateline's city)
    ("libya", "TRIPOLI, Libya - Gunfire was heard in the Ain Zara district overnight.\n\n"
     "Hundreds of young people gathered in Martyrs' Square on Sunday afternoon to demand"
     " elections.",
     "Peaceful protest", "Tripoli"),
    ("yemen", "ADEN, Yemen - Hundreds of students marched on Thursday along Madram Street"
     " in Aden demanding unpaid salaries for their teachers.",
     "Peaceful protest", "Aden"),
])
def test_a_square_or_street_is_placed_at_its_town(war: str, body: str, subtype: str,
                                                  place: str) -> None:
    assert _places(war, body, subtype) == [place]


def test_a_listed_district_is_no_landmark() -> None:
    """A part of a town the gazetteer lists keeps its own name (GUIDE: a part with a
    proper name is itself)."""
    body = ("BAGHDAD, Iraq - Security forces fired tear gas at protesters who tried to"
            " storm the Green Zone on Friday, police said.")
    assert "Baghdad" not in _places("iraq", body, "Excessive force against protesters")


@pytest.mark.parametrize(("war", "body", "subtype", "place"), [
    ("libya", "BENGHAZI, Libya - Loyalist forces fired two Grad rockets from the Sirte area"
     " toward rebel-held Ajdabiya on Monday, but they fell in open ground.",
     "Shelling/artillery/missile attack", "Ajdabiya"),
    ("yemen", "RIYADH - Saudi air defences intercepted a ballistic missile launched by the"
     " Houthis towards the city of Najran on Monday, the coalition said.",
     "Disrupted weapons use", "Najran"),
])
def test_what_a_weapon_was_launched_towards_is_its_place(war: str, body: str, subtype: str,
                                                         place: str) -> None:
    places = _places(war, body, subtype)
    assert places and place in (places[0] or ""), places


def test_an_advance_towards_a_town_is_not_placed_there() -> None:
    """Only a weapon sent towards a place lands there: troops who advance towards a town
    fought where the text puts the fighting."""
    body = ("ADEN, Yemen - Government forces advanced towards Zinjibar on Monday after they"
            " clashed with the militants in Shuqra, a military official said.")
    places = _places("yemen", body, "Armed clash")
    assert places and "Zinjibar" not in (places[0] or ""), places


@pytest.mark.parametrize(("war", "body", "subtype", "place"), [
    ("libya", "MISRATA, Libya - Rebels seized most of the coastal town of Zliten on Sunday"
     " after a day of street battles.\n\n"
     "Loyalist troops shelled the town centre with mortars from the southern outskirts,"
     " killing three rebel fighters, a rebel spokesman said.",
     "Shelling/artillery/missile attack", "Zliten"),
    ("sudan", "KHARTOUM - The army said it had regained control of the city of Wad Madani on"
     " Saturday.\n\n"
     "Militia fighters shelled the city centre with artillery on Sunday, killing two"
     " civilians, medics said.",
     "Shelling/artillery/missile attack", "Wad Madani"),
])
def test_the_city_centre_points_back_to_the_city(war: str, body: str, subtype: str,
                                                 place: str) -> None:
    places = _places(war, body, subtype)
    assert places and place in (places[-1] or ""), places


def test_the_city_is_the_one_the_story_placed_its_event_in() -> None:
    """A city named in passing since ("cutting the road to Misrata") is not "the town"."""
    body = ("BENGHAZI, Libya - Rebels seized most of the coastal town of Zliten on Sunday,"
            " cutting the main road to Misrata.\n\n"
            "Loyalist troops shelled the town centre with mortars on Monday, killing three"
            " rebel fighters, a rebel spokesman said.")
    places = _places("libya", body, "Shelling/artillery/missile attack")
    assert places and "Zliten" in (places[-1] or ""), places


# Wire copy: every sentence a paragraph of its own (four paragraphs at least). A sentence
# there goes on from the one before as it would inside a feature story's paragraph.
WIRE_SAME_AREA = (
    "SANAA, Yemen - Saudi artillery shelled the town of Razih on Monday, killing a farmer,"
    " a security source said.\n\n"
    "Border guards also opened fire on migrants in the same area on Monday evening, killing"
    " three of them, the source added.\n\n"
    "In Marib, Houthi fighters attacked army positions in the Raghwan district on Sunday.\n\n"
    "The United Nations has called for calm along the border.")
WIRE_CLAIM = (
    "KHARTOUM, Sudan - The army repelled an attack by the Rapid Support Forces on the town"
    " of Babanusa on Sunday, a military source said.\n\n"
    "\"We repelled the militia and inflicted heavy losses on it,\" the source said.\n\n"
    "In Omdurman, a drone struck a power station on Saturday, the electricity company said.\n\n"
    "Aid agencies say millions have fled their homes since the war began.")


def test_a_wire_paragraph_without_a_place_goes_on_from_the_one_before() -> None:
    assert _places("yemen", WIRE_SAME_AREA, "Attack") == ["Razih"]


def test_a_claim_retold_in_the_next_wire_paragraph_is_no_second_clash() -> None:
    assert len(_places("sudan", WIRE_CLAIM, "Armed clash")) == 1


@pytest.mark.parametrize(("war", "body", "subtype", "place"), [
    ("yemen", "ADEN, Yemen - Fighting flared on several fronts on Tuesday. In Dhale, rebels"
     " shelled government positions, a military source said; in Hodeidah, a landmine"
     " exploded under a minibus near the town of Hays, killing four passengers.",
     "Remote explosive/landmine/IED", "Hays"),
    ("iraq", "BAGHDAD, Iraq - Violence killed nine people on Monday, police said. A roadside"
     " bomb killed two soldiers in Tarmiyah, police said; in Kirkuk, a roadside bomb hit a"
     " police patrol near the town of Hawija, wounding three.",
     "Remote explosive/landmine/IED", "Hawija"),  # (and Tarmiyah, the first part's)
    ("libya", "TRIPOLI, Libya - Clashes erupted in several cities on Friday. Militias fought"
     " in Zawiya, witnesses said; in Misrata, gunmen abducted a council member near the"
     " town of Zliten.",
     "Abduction/forced disappearance", "Zliten"),
])
def test_a_semicolon_list_part_opened_by_its_province_is_placed_at_its_town(
        war: str, body: str, subtype: str, place: str) -> None:
    """ "...; in Hodeidah, a landmine exploded near the town of Hays": the province opens
    one part of a round-up sentence as "In Hama, ..." opens a sentence."""
    assert _places(war, body, subtype)[-1] == place


def test_a_province_named_mid_clause_after_a_semicolon_is_no_heading() -> None:
    """Only "in X," opening the part is a heading: a province the part names elsewhere,
    alone, is still the event's place."""
    body = ("ADEN, Yemen - Rebels shelled government positions near Qatabah, a military"
            " source said; coalition jets also struck targets in Hodeidah on Tuesday.")
    assert _places("yemen", body, "Air/drone strike") == ["Al Hudaydah"]


def test_a_village_named_as_a_markets_place_is_the_place_not_its_province() -> None:
    """ "the popular market of Al-Raqw in the Shida district of Saada province": "market of"
    says the name is a place (a name that is also a word needs such a cue), and the
    province the profile spells "Saada" and GeoNames "Şa‘dah" holds the village, so it is
    no second place hit."""
    body = ("SAADA, Yemen - Seven citizens were martyred on Friday when aggression warplanes"
            " launched two raids on the popular market of Al-Raqw in the Shida border"
            " district of Saada province, a security source said.")
    assert _places("yemen", body, "Air/drone strike") == ["Al-Raqw"]


@pytest.mark.parametrize(("body", "subtype", "place"), [
    # a subdistrict named after its district's town is the part hit
    ("MOSUL, Iraq - A Turkish drone struck a vehicle in Sinjar's Sinuni subdistrict on"
     " Sunday evening, killing two fighters, local officials said.",
     "Air/drone strike", "Sinuni"),
    # GeoNames' Jamjamal under the name English news gives it
    ("ERBIL, Iraq - Security forces arrested five suspected members of an ISIS cell in the"
     " Chamchamal district on Tuesday, officials said.",
     "Arrests", "Chamchamal"),
])
def test_iraq_places_under_the_names_the_news_uses(body: str, subtype: str,
                                                   place: str) -> None:
    assert _places("iraq", body, subtype) == [place]


def test_a_name_called_a_village_in_apposition_is_the_place() -> None:
    """ "residents of Kambo Tayba, a village east of Wad Madani": the apposition calls the
    unlisted name a village, the town after "east of" only says where it lies."""
    body = ("WAD MADANI, Sudan - Fighters of the Sudan Shield Forces killed at least 13"
            " residents of Kambo Tayba, a village east of Wad Madani, on Thursday,"
            " activists said.")
    assert _places("sudan", body, "Attack") == ["Kambo Tayba"]


def test_an_apposition_naming_no_place_noun_makes_no_place() -> None:
    body = ("KHARTOUM, Sudan - Gunmen killed Ahmed Jabir, a teacher from Omdurman, on"
            " Thursday, relatives said.")
    assert "Ahmed Jabir" not in _places("sudan", body, "Attack")
