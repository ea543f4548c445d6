"""Non-conflict short reports that use war's words give no event, whoever acts in them.

Each case is a report written for these tests (not taken from the recall sets): kinds of
non-conflict report (industrial blasts, transport accidents, ordinary crime, games,
drills and weapons tests) and, beside them, conflict reports with the same words that
must keep their event.
"""

from __future__ import annotations

import pytest
from events_fixtures import analyzed_sub_types as _subtypes
from events_fixtures import reported_sub_types, rules_pipeline_fixture  # noqa: F401

from palmyra.pipeline import Pipeline

PUBLISHED = "2023-03-10"


@pytest.mark.parametrize(
    "text",
    [
        # industrial blasts and transport accidents
        "A blast at a gunpowder factory outside Kazan killed seven workers on Tuesday, "
        "the emergencies ministry said.",
        "Sacks of ammonium nitrate exploded in a warehouse at the port of Tartus, killing "
        "nine dockers.",
        "A passenger jet skidded off the runway in heavy fog at Erbil airport and caught "
        "fire, injuring 14 people.",
        # ordinary crime, police acting
        "Police in Nakuru arrested four men suspected of robbing a bank at knifepoint on "
        "Monday.",
        "Officers in Izmir detained two brothers accused of stealing copper cable from a "
        "railway depot.",
        "Ecuadorian police seized three tonnes of cocaine hidden in a shipment of "
        "pineapples at Guayaquil port.",
        # games, national sides included
        "Jordan and Qatar clash in the Asian Cup semi-final in Doha on Friday.",
        "Kenyan runners launched their attack at the 35 km mark and filled the podium at "
        "the Berlin marathon.",
        # drills and weapons tests, whoever fires
        "The Egyptian navy test-fired an anti-ship missile that struck a target barge "
        "during an exercise in the Red Sea.",
        "Turkish troops fired artillery at simulated enemy positions in a live-fire drill "
        "near Konya.",
    ],
)
def test_non_conflict_report_gives_no_event(text: str):
    assert _subtypes(text) == []


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        # a crowd beating a thief is still mob violence: the crime cue bears on arrests only
        ("A crowd in Kisumu beat to death a man accused of stealing a goat on Sunday, "
         "police said.", None),
        # rebels seizing a town are no police raid on a drug den
        ("Rebels seized the town of Walikale on Saturday after government troops "
         "withdrew.", "Non-state actor overtakes territory"),
        ("Police arrested 30 opposition supporters at a rally in Harare on Saturday.",
         "Arrests"),
        # "test" alone is no weapons test
        ("Rebels tested the ceasefire on Monday, shelling government positions in Daraa "
         "and killing three soldiers.", "Shelling/artillery/missile attack"),
    ],
)
def test_conflict_report_with_the_same_words_keeps_its_event(text: str,
                                                             subtype: str | None):
    subtypes = _subtypes(text)
    assert subtypes, text
    if subtype is not None:
        assert subtype in subtypes


# A cue word counts where it says what the trigger is (its words, what did it, what it came
# from), not where it names the place or target of a real attack, nor in another clause.
@pytest.mark.parametrize(
    "text",
    [
        # what did the deed: a vehicle, a dam, rain, a disease, with no armed actor
        "A fuel tanker exploded on the highway outside Kano on Friday, killing eleven "
        "people, the road safety agency said.",
        "The Mwache dam burst after a week of heavy rain, sweeping away homes and killing "
        "at least 40 people downstream.",
        "Cholera has killed 14 people in the camps around Kalemie this month, health "
        "officials said.",
        "Floods after days of torrential rain killed at least 20 people in Beira, the "
        "disaster agency said.",
        "A fire in a textile factory killed six workers in Kano on Monday, the fire service"
        " said.",
        # "tank" is a gun's word only where nothing makes it a container's
        "A fuel tank fire killed six workers at a depot in Kano on Monday, the fire service"
        " said.",
        # the subject is a market, a protest a diplomat's
        "The Nairobi Stock Exchange rallied after the central bank cut interest rates.",
        "The foreign ministry summoned the Kenyan ambassador to lodge a formal protest over "
        "the remarks.",
        # a weapons test told after the launch
        "North Korea fired two ballistic missiles into the sea on Monday in what it "
        "described as a test.",
        # a trial or a commemoration looks back on an attack, whoever did it
        "A court in Mombasa sentenced two al-Shabaab members to life in prison for the "
        "2019 attack on a hotel in Lamu.",
        "Relatives held a vigil in Garissa on Thursday to remember the students killed in "
        "the university attack.",
        # a private quarrel: the police's arrest is no conflict event
        "Police in Lyon detained a man suspected of killing his neighbour after a dispute "
        "over parking.",
    ],
)
def test_non_conflict_report_read_by_what_did_it_gives_no_event(text: str):
    assert _subtypes(text) == []


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        # the cue word is the attack's target or place
        ("A rocket fired from across the border struck a football pitch in Kiryat Shmona on "
         "Sunday, wounding four boys.", None),
        ("A roadside bomb hit a minibus carrying miners near Quetta on Tuesday, killing "
         "seven of them.", "Remote explosive/landmine/IED"),
        ("Unidentified gunmen opened fire on spectators at a football match in Jos on "
         "Saturday, killing five.", None),
        # a memorial that is the attack's target is no commemoration
        ("Gunmen attacked mourners at a memorial service in Kaduna on Sunday, killing "
         "six.", None),
        # a vehicle hit by a weapon is no accident
        ("A passenger bus hit a landmine on the road to Djibo on Monday, killing nine "
         "people.", "Remote explosive/landmine/IED"),
        # the cue word is a verb of another clause
        ("Three shoppers were shot dead at a market in Kaduna on Friday; the governor urged "
         "residents to exercise restraint.", None),
        # "fire" a shooter or a gun modifies is gunfire, no blaze
        ("A child was killed by sniper fire in the Salaheddine district of Aleppo on "
         "Sunday.", None),
        ("Two farmers were killed by tank fire near Daraa on Monday.", None),
    ],
)
def test_attack_with_a_cue_word_as_its_setting_keeps_its_event(text: str,
                                                              subtype: str | None):
    subtypes = _subtypes(text)
    assert subtypes, text
    if subtype is not None:
        assert subtype in subtypes


@pytest.mark.parametrize(
    "text",
    [
        # war's words used for words, laws and markets (a figurative object, instrument or doer)
        "The opposition leader launched a scathing attack on the government's tax reform in "
        "parliament on Tuesday.",
        "Nigerian senators shot down a proposal to create six new states, with 52 voting "
        "against it.",
        "The foreign minister was bombarded with questions about the leaked memo at a news "
        "conference in Nairobi.",
        "Ticket sales exploded after the band announced a second concert in Lagos.",
        # a clash in a debate; a heart attack; a gas explosion
        "Two presidential candidates clashed in a televised debate in Lima over pensions.",
        "The former minister died of a heart attack at his home in Abuja on Sunday.",
        "A gas explosion ripped through a restaurant in Tbilisi on Friday, injuring nine "
        "people.",
        # diplomacy and business between states are no Agreement
        "Ghana and Togo signed an agreement in Accra on sharing electricity from a new power "
        "plant.",
        "Indonesia's president held talks in Tokyo with Japan's prime minister on trade and "
        "investment.",
        # people displaced by a war's fighting: its background, not an occurrence
        "Schools in Kassala are sheltering thousands of families displaced by the fighting in "
        "Gezira, officials said.",
        # an arrest for a private quarrel
        "Police in Arusha arrested a man on suspicion of poisoning his brother in a quarrel "
        "over an inheritance.",
    ],
)
def test_figurative_diplomatic_and_private_reports_give_no_event(rules: Pipeline, text: str):
    assert reported_sub_types(rules, text, PUBLISHED) == []
    assert _subtypes(text) == []


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        # a bomb or a warplane doing the deed is a weapon whatever the setting
        ("A car bomb exploded outside a football stadium in Kismayo during a match on Sunday, "
         "killing three spectators.", "Remote explosive/landmine/IED"),
        ("Hours after the floods, warplanes bombed the village of Kurmuk, killing five "
         "civilians.", "Air/drone strike"),
        # agreements between the sides of a war
        ("Sudan's army and the Rapid Support Forces agreed to a 72-hour truce in Jeddah on "
         "Saturday.", "Agreement"),
        ("Government negotiators and rebel commanders agreed in Muscat to reopen the roads "
         "around Taiz.", "Agreement"),
        # an attack at a funeral is an attack
        ("Gunmen opened fire on mourners at a funeral in Zamfara on Sunday, killing six "
         "people.", None),
    ],
)
def test_conflict_report_in_a_non_conflict_setting_keeps_its_event(rules: Pipeline, text: str,
                                                                  subtype: str | None):
    for got in (reported_sub_types(rules, text, PUBLISHED), _subtypes(text)):
        assert got, text
        assert subtype is None or subtype in got


@pytest.mark.parametrize(
    "text",
    [
        # a disease, the heat or an animal as what killed
        "Cholera-like fever killed 35 people in villages of Kasai province within a week, "
        "health officials said.",
        "Measles has killed 60 children in Zamfara state since January, the health "
        "ministry said.",
        "A crocodile dragged a woman into the Shire river near Chikwawa and killed her.",
        # a craft that crashed, whoever's it was
        "An air force transport plane went down in fog near Jos, killing all six crew, "
        "the military said.",
        "A military helicopter crashed into a hillside in bad weather in Balochistan, "
        "killing its two pilots.",
        # a court's execution; a crime the police say had no political motive
        "Egypt executed seven men convicted of murdering a policeman, the prosecutor's "
        "office said.",
        "A man stabbed four people at a railway station in Hamburg; police said they "
        "were not treating the attack as terrorism.",
        # a game's score; weapons bought or flight-tested; a march called off
        "Navy edged Air Force 17-13 in Colorado Springs on Saturday.",
        "Vietnam ordered 24 Korean howitzers in a deal worth $250 million.",
        "Pakistan flight-tested a Fatah-II rocket from a range in Sindh.",
        "Truck drivers called off a blockade of the port of Durban after talks with the "
        "transport minister.",
        # a vote that took power; the anniversary of an old siege
        "The ruling party captured three governorships in Saturday's elections.",
        "Survivors marked ten years since the siege of the hotel in Bamako.",
    ],
)
def test_kinds_of_calm_news_give_no_event(text: str):
    """Kinds of non-conflict report gold/recall/train5.jsonl added (issue 18, again)."""
    assert _subtypes(text) == []


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        # a helicopter that came down because rebels shot it
        ("An army helicopter came down near Maiduguri after ISWAP fighters shot it down, "
         "killing its crew.", None),
        # an armed group's execution of men it calls thieves
        ("Al-Shabaab fighters executed two men they accused of spying in Jilib, residents "
         "said.", "Attack"),
        # raiders who steal cattle are no private thieves
        ("Raiders stole 200 cattle and shot dead three herders near Lokichar, police said.",
         None),
        # a crowd beating a thief is still mob violence
        ("Residents of a Nairobi slum beat to death a man accused of stealing a phone.",
         None),
    ],
)
def test_look_alikes_of_calm_news_keep_their_event(text: str, subtype: str | None):
    got = _subtypes(text)
    assert got, text
    if subtype:
        assert subtype in got


@pytest.mark.parametrize(
    "text",
    [
        # a crowd crush; unarmed officials' raid
        "A crush on a narrow bridge during a water festival in Phnom Penh killed 40 people.",
        "Tax inspectors raided the offices of a mobile operator in Kampala and seized its "
        "accounts.",
        # a witness telling a court of a past deed
        "A former prisoner told the court in Stockholm how guards had beaten inmates at a "
        "jail in Tehran in 1988.",
        # fraud; a diplomatic protest
        "Police in Quito detained a lawyer accused of forging land titles.",
        "Pakistan's foreign office said it had lodged a protest with New Delhi over the "
        "minister's remarks.",
        # a killing in the family, a policeman's too
        "A policeman shot dead his wife and daughter at their home in Lahore.",
        # a space rocket
        "A rocket carrying a weather satellite exploded shortly after lift-off from the "
        "Sriharikota spaceport.",
    ],
)
def test_more_kinds_of_calm_news_give_no_event(text: str):
    """Kinds of non-conflict report gold/recall/train6.jsonl added (issue 18, a third time)."""
    assert _subtypes(text) == []


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        # who marches and what they are angry at is no accident or price
        ("Hundreds of teachers and miners marched to the education ministry in Accra to demand "
         "unpaid allowances.", "Peaceful protest"),
        ("Protesters angry at bread price rises blocked the main road in Omdurman.", None),
        # the wife is the victim's, not the gunmen's
        ("Gunmen shot dead a man and his wife at their farm outside Jos, residents said.", None),
        # investigators who only tell of the bombing
        ("A roadside bomb killed two soldiers near Kirkuk, investigators said.", None),
        # a satellite in what the missiles hit
        ("Russian missiles struck a satellite communications centre near Kyiv.", None),
    ],
)
def test_look_alikes_of_more_calm_news_keep_their_event(text: str, subtype: str | None):
    got = _subtypes(text)
    assert got, text
    if subtype:
        assert subtype in got


@pytest.mark.parametrize(
    "text",
    [
        # police raiding a crime's place; a raid on money
        "Police raided an illegal sawmill outside Kisangani and seized two trucks of timber.",
        "The finance ministry's raid on pension funds to pay civil servants angered unions.",
        # soldiers marching in a parade
        "Soldiers marched through Independence Square in Accra on Republic Day.",
        # a state's execution for a crime of the executed's own; a court's order
        "Singapore hanged a man who murdered his business partner in 2019.",
        "A judge in Lima ordered the arrest of a former police chief over the deaths of "
        "protesters in 2023.",
        # blasts officials blame on an accident, at an army's store too
        "A fire at a navy ammunition store in Lagos set off a series of explosions; the navy "
        "blamed an electrical fault.",
        # kin who kill each other
        "Two brothers shot each other dead in a fight over their inheritance near Mazar-i-Sharif.",
    ],
)
def test_police_work_parades_and_courts_give_no_event(text: str):
    """Kinds of non-conflict report the training pool held that the rules still took for
    events (issue 18, a third time)."""
    assert _subtypes(text) == []


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        # a raid on an armed group is a fight, police or army
        ("Police raided a hideout of ISWAP fighters near Monguno and killed four of them.", None),
        # soldiers who fire at marchers are no parade
        ("Soldiers fired tear gas at marchers in Conakry, wounding five.", None),
        # an armed group's execution of a man it accuses
        ("Al-Shabaab fighters executed a man who they said had spied for the army in Jilib.",
         "Attack"),
    ],
)
def test_look_alikes_of_police_work_keep_their_event(text: str, subtype: str | None):
    got = _subtypes(text)
    assert got, text
    if subtype:
        assert subtype in got


@pytest.mark.parametrize(
    "text",
    [
        # a funeral, a burial, remains and a memorial of people killed earlier (gold/GUIDE.md)
        "Hundreds attended the funeral in Lviv on Friday of a paratrooper who was killed near "
        "Kupiansk in March.",
        "The remains of 12 Kenyan police officers killed in Haiti were flown home to Nairobi.",
        "Villagers reburied 30 victims of the 1994 massacre at a new memorial site in Nyamata.",
        "Students at the university held a minute's silence for the classmates killed in the "
        "2015 attack on the campus.",
        "A square dedicated to the journalists killed in the 2015 shooting was opened in Paris.",
        "The movement held a state funeral for its founder in Gaza City, a year after he was "
        "killed.",
        # "since" as the conjunction of the deed's clause
        "Survivors gathered in Ghouta to mark eleven years since government forces killed "
        "hundreds with sarin.",
        # a charge for a past deed
        "Prosecutors in Lima charged two former soldiers with murdering 15 villagers in 1985.",
        # an accident, a cyber attack, a struggle of one's own won, a cyclist's attack
        "A farmer accidentally shot his brother while cleaning a rifle near Kayseri.",
        "Hackers attacked the website of the tax office in Tallinn, blocking online filing.",
        "Nurses in Leeds won their battle to keep the children's ward open.",
        "The Colombian rider attacked on the last climb and took the stage.",
    ],
)
def test_mourned_charged_and_figurative_kinds_give_no_event(rules: Pipeline, text: str):
    """Kinds of false alarm the recall pools still held (issue 18, a fourth time), read by the
    rules alone; gold/recall/train7.jsonl, written before these rules, checks them."""
    assert reported_sub_types(rules, text, PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        # an attack on mourners or at a funeral is an event; so is the attack the funeral
        # followed when the sentence tells the attack itself
        ("Gunmen opened fire on mourners at a funeral in Kajuru on Sunday, killing seven.",
         "Attack"),
        ("A suicide bomber blew himself up at a funeral in Jalalabad, killing nine mourners.",
         "Suicide bomb"),
        ("Soldiers opened fire on mourners at the funeral of a protester killed last week, "
         "killing two.", None),
        # a charge on protesters is no prosecutor's
        ("Police fired tear gas and charged protesters with batons in Dakar on Friday.", None),
        # a side's battle for a place won
        ("Ukrainian troops won the battle for the village after three days of fighting.", None),
        # a side's deed done "unintentionally" is still its own
        ("The coalition said it had unintentionally killed 11 civilians in an air strike on "
         "Raqqa on Monday.", "Air/drone strike"),
        # the toll of a strike "climbed"
        ("An air strike on a market in Kutum killed 20 people, and the toll climbed overnight.",
         "Air/drone strike"),
    ],
)
def test_look_alikes_of_mourned_and_charged_keep_their_event(rules: Pipeline, text: str,
                                                            subtype: str | None):
    got = reported_sub_types(rules, text, PUBLISHED)
    assert got, text
    if subtype:
        assert subtype in got
