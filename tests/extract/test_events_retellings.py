"""Later tellings of an event already told, cumulative tolls and back story (issue 12).

Each kind of false alarm found on the gold dev split is pinned on a short report written
for these tests in FA-KES wire style (commas and apostrophes lost), beside a report that
tells a separate occurrence the fix must keep (issue 18: fields, never gates).
"""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts
from palmyra.model import REPORTED_MODALITIES


def _events(text: str, published: str = "2016-06-06"):
    facts = analyze_texts([TextRecord(f"Report\n\n{text}\n", published=published)])[0]
    return [e for e in facts.events if e.modality in REPORTED_MODALITIES]


def _of(events, sub_type):
    return [e for e in events if e.sub_event_type == sub_type]


# --- retellings in another voice, the victims named differently ---------------------

def test_a_monitors_retelling_naming_the_victims_otherwise_is_the_same_strike():
    # the monitor's name, read as the attacker, and "IS" as the target contradict no one
    events = _events(
        "At least 17 civilians have been killed by a suspected Russian air raid in the market"
        " in the town of al-Asharah on Monday. The Syrian Observatory for Human Rights [SOHR]"
        " said the strikes on al-Asharah a town held by the Islamic State group [IS] in Deir"
        " Az-Zour province.")
    strikes = _of(events, "Air/drone strike")
    assert len(strikes) == 1, [(e.place_text, e.actor1, e.actor2) for e in strikes]
    assert strikes[0].actor1 == "Military Forces of Russia"


def test_a_placeless_lead_is_placed_by_the_telling_that_names_the_village():
    events = _events(
        "At least 53 civilians died on Sunday when Russian air strikes hit residential"
        " buildings in a village held by Islamic State militants. The Observatory said the"
        " strikes hit the village of Al-Shafah in Deir Ezzor province on Sunday.",
        published="2017-11-27")
    strikes = _of(events, "Air/drone strike")
    assert len(strikes) == 1, [(e.place_text, e.evidence[0].start) for e in strikes]
    assert strikes[0].place is not None and strikes[0].place.name == "Al-Shafah"
    assert strikes[0].counts["killed"].low == 53


def test_the_sides_of_one_battle_told_either_way_round_are_one_clash():
    events = _events(
        "Syrian troops clashed with rebels in the town of Nawa on Sunday. Rebels attacked the"
        " army in Nawa on Sunday killing 32 soldiers a monitor said.", published="2014-08-25")
    clashes = _of(events, "Armed clash")
    assert len(clashes) == 1, [(e.actor1, e.actor2) for e in clashes]
    assert clashes[0].counts["killed"].low == 32


def test_fighting_after_a_capture_stays_a_clash_of_its_own():
    events = _events(
        "In recent days rebel forces have captured a number of villages in the Jabal Akrad"
        " district. The army has hit back sparking fierce fighting that has left dozens dead"
        " on both sides according to the Observatory.", published="2013-08-10")
    types = {e.sub_event_type for e in events}
    assert "Non-state actor overtakes territory" in types
    assert "Armed clash" in types


def test_strikes_by_two_different_forces_at_one_place_stay_apart():
    events = _events(
        "Regime helicopters dropped barrel bombs on the town of Jayrud on Saturday. Rebels"
        " shelled the town of Jayrud on Saturday killing two soldiers.", published="2016-07-02")
    assert len(_of(events, "Air/drone strike")) == 1
    assert len(_of(events, "Shelling/artillery/missile attack")) == 1


# --- a definite noun with no place of its own names the occurrence already told -------

def test_the_strike_told_again_after_another_town_is_named_is_no_new_event():
    events = _events(
        "An airstrike by Russian warplanes on Saturday killed 18 people in the rebel"
        " stronghold of Kafr Nabl in Idlib province. Rebels shelled government positions near"
        " Ariha on Saturday. The Observatory said the strike was likely to have been carried"
        " out by Russian jets.", published="2017-04-08")
    strikes = _of(events, "Air/drone strike")
    assert [e.place_text for e in strikes] == ["Kafr Nabl"], [
        (e.place_text, e.evidence[0].start) for e in strikes]


def test_witnesses_who_heard_the_blast_tell_no_blast_of_their_own():
    events = _events(
        "A car bomb exploded near buses carrying evacuees in Rashidin west of Aleppo on"
        " Saturday killing 98 people. Evacuees in Madaya said they heard the blast.",
        published="2017-04-16")
    bombs = _of(events, "Remote explosive/landmine/IED")
    assert len(bombs) == 1, [(e.place_text, e.evidence[0].start) for e in bombs]


def test_a_definite_strike_with_a_town_of_its_own_is_a_new_event():
    events = _events(
        "Russian warplanes struck the town of Kafr Nabl on Saturday killing 18 people. The"
        " strike on the town of Saraqeb on Saturday wounded 12 others.", published="2017-04-08")
    assert sorted(e.place_text for e in _of(events, "Air/drone strike")) == [
        "Kafr Nabl", "Saraqeb"]


def test_a_bombardment_of_a_province_is_placed_at_the_town_its_retelling_names():
    events = _events(
        "Activists said the regime air force intensified aerial bombardment on northern rural"
        " Homs earlier today leaving dozens of civilian casualties. Activists in the area said"
        " that one of the airstrikes targeted the town of Al-Ghanto killing nine civilians.",
        published="2016-01-28")
    strikes = _of(events, "Air/drone strike")
    assert [e.place_text for e in strikes] == ["Al-Ghanto"], [e.place_text for e in strikes]
    assert strikes[0].actor1 == "Military Forces of Syria"


# --- back story and cumulative statements ------------------------------------------

def test_the_protests_the_war_began_with_are_back_story():
    for text in (
            "The Syrian civil war began in mid 2011 when protests against Bashar al Assad"
            " were suppressed violently in Deraa.",
            "Syria has been gripped by violence since the regime launched a violent crackdown"
            " on anti-government protests in Deraa in March 2011 triggering a conflict that"
            " has left at least 210000 people dead.",
            "At the start of the crisis in 2011 when pro-reform protests in Homs were turning"
            " into a war many villages witnessed killings."):
        events = _events(text, published="2016-07-21")
        assert not [e for e in events if e.event_type == "Protests"], text


def test_a_protest_in_the_news_is_still_a_protest():
    events = _events("Hundreds of people protested in the town of Maarat al-Numan on Friday"
                     " against the Nusra Front.", published="2016-03-12")
    assert "Peaceful protest" in {e.sub_event_type for e in events}


def test_a_share_of_the_country_held_is_no_territory_taken():
    for text in (
            "Backed by Russias decisive military support Assads government has regained"
            " control of 55 percent of the country including major cities Damascus Aleppo"
            " Homs and Hama.",
            "The terrorist group seized large areas of both Syria and Iraq in a lightning 2014"
            " campaign.",
            "The task force started its mission in late 2014 after ISIL seized control over"
            " territories west and north of the country."):
        events = _events(text, published="2017-11-27")
        assert not [e for e in events if "territory" in e.sub_event_type], text


def test_a_named_town_taken_is_still_territory():
    events = _events("Government forces regained control of the town of Qaryatain on Sunday"
                     " after heavy fighting.", published="2016-04-04")
    assert "Government regains territory" in {e.sub_event_type for e in events}


def test_a_total_since_a_starting_point_is_cumulative():
    events = _events("ISIS has killed hundreds of people since it declared a caliphate in June"
                     " last year with the city of Raqqa as its capital.", published="2015-07-06")
    assert not [e for e in events if e.counts.get("killed")], events


# --- a lead total told without a town ------------------------------------------------

def test_a_province_total_is_the_lead_of_the_town_event_told_after_it():
    events = _events(
        "Syrian government air strikes killed at least 42 people including 16 children in"
        " Idlib province the Observatory said. The air raids on Sunday killed 19 people"
        " including six children outside the town of Saraqeb.", published="2014-09-22")
    strikes = _of(events, "Air/drone strike")
    assert [e.place_text for e in strikes] == ["Saraqeb"], [e.place_text for e in strikes]
    assert strikes[0].counts["killed"].low == 19  # the town's own toll, not the total
    assert strikes[0].actor1 == "Military Forces of Syria"


def test_a_smaller_province_toll_before_a_larger_town_toll_is_another_event():
    events = _events(
        "Air strikes killed five people in Idlib province on Saturday the Observatory said."
        " Air raids on Saturday killed 19 people in the town of Saraqeb.",
        published="2014-09-21")
    assert len(_of(events, "Air/drone strike")) == 2


# --- a suicide bomber's charge told again as a planted bomb ---------------------------

def test_the_bombers_charge_told_again_is_the_suicide_bombing():
    # train: "The attacker detonated his explosives at a bakery" after the suicide bombing
    events = _events(
        "A suicide bomber blew himself up in the Salihiah neighbourhood of Hasakeh city on"
        " Tuesday killing 16 people. The attacker detonated his explosives at a bakery in"
        " Salihiah.")
    assert len(_of(events, "Suicide bomb")) == 1
    assert _of(events, "Remote explosive/landmine/IED") == []


def test_a_car_bomb_told_before_the_suicide_bomber_stays():
    events = _events(
        "A car bomb exploded on the Arzuna bridge in Tartus on Monday killing 12 people. A"
        " suicide bomber then detonated his explosive belt in Tartus as people gathered.")
    assert len(_of(events, "Remote explosive/landmine/IED")) == 1
    assert len(_of(events, "Suicide bomb")) == 1


def test_a_bomb_at_another_town_after_a_suicide_bombing_stays():
    events = _events(
        "A suicide bomber killed 30 people on Monday at a wedding in Hasakeh. A roadside bomb"
        " also killed three soldiers near Qamishli on Monday.")
    assert [e.place_text for e in _of(events, "Remote explosive/landmine/IED")] == ["Qamishli"]
