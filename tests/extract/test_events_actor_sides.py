"""Which side acted where the trigger does not name it, and how many were hurt.

Sentences from the gold dev articles (FA-KES train rows), trimmed, or written like them.
gold/GUIDE.md: one actor per slot, the first named ("Syrian and Russian jets"); a guess
between two sides ("either Russian or regime warplanes") names neither; "terrorists" in a
state outlet are the group the context shows; barrel bombs are the state's; a vague number
keeps the figure the text gives ("about a hundred" is 100, "some 80" is 80).
"""

from __future__ import annotations

import pytest
from events_fixtures import (  # noqa: F401  (fixtures are found by name in this module)
    Extract,
    extract_fixture,
    first_event,
    syria_with_gazetteer_fixture,
)

# (body, sub_event_type, actor1, actor2); None: the slot must stay empty
CASES = [
    # the side just before the weapon, where the trigger is the toll (model or kill verb)
    ("It reported five more deaths in rebel fire on the Kurdish-majority Sheikh Maqsud"
     " district of Aleppo on Tuesday.",
     "Shelling/artillery/missile attack", "Opposition Rebels (Syria)", "Civilians (Syria)"),
    ("The source added that three people sustained injuries of varying severity due to a"
     " rocket shell fired by terrorists on al-Hader town in Aleppo's southern countryside on"
     " Monday.",
     "Shelling/artillery/missile attack", "Opposition Rebels (Syria)", "Civilians (Syria)"),
    # the first of two joined sides
    ("At least 56 civilians were killed in Russian and Assad regime airstrikes on besieged"
     " eastern Aleppo on Friday.",
     "Air/drone strike", "Military Forces of Russia", "Civilians (Syria)"),
    ("Two people were injured in regime and Russian bombings on Idlib on Friday.",
     "Air/drone strike", "Military Forces of Syria", "Civilians (Syria)"),
    ("Over 85 civilians were killed in aerial and artillery bombardments by Russian and regime"
     " forces on the city of Aleppo on Thursday.",
     "Air/drone strike", "Military Forces of Russia", "Civilians (Syria)"),
    # the agent of a gerund used as a noun, of the phrase a weapon noun modifies, of the
    # casualty verb the weapon explains
    ("Shelling by the Assad regime on the opposition-held area of Eastern Ghouta near"
     " Damascus killed 10 civilians including 6 children on Monday.",
     "Shelling/artillery/missile attack", "Military Forces of Syria", "Civilians (Syria)"),
    ("Activists said at least 31 people were killed in the shelling by the regime on"
     " rebel-held parts of Homs on Monday.",
     "Shelling/artillery/missile attack", "Military Forces of Syria", "Civilians (Syria)"),
    # a guess between two sides names neither
    ("Ten people were killed in strikes on Saturday by either Russian or regime warplanes on"
     " the town of Saraqeb.", "Air/drone strike", None, "Civilians (Syria)"),
    # "between X and Y" that the parser hangs on another noun
    ("Fierce fighting also erupted during the night between government troops and rebels in"
     " the Barzeh neighbourhood of Damascus on Friday, the Britain-based watchdog said.",
     "Armed clash", "Military Forces of Syria", "Opposition Rebels (Syria)"),
    # a possessive pronoun subject: the side of the clause it hangs on
    ("The Syrian regime killed at least 28 people on Saturday when its warplanes dropped bombs"
     " on the town of al-Bab.", "Air/drone strike", "Military Forces of Syria",
     "Civilians (Syria)"),
    # a possessive whose apostrophe FA-KES lost
    ("Activists in Homs said that the Assad regimes air force intensified aerial bombardment"
     " on northern rural Homs earlier today leaving dozens of civilian casualties.",
     "Air/drone strike", "Military Forces of Syria", "Civilians (Syria)"),
    # barrel bombs dropped by no one named are the state's
    ("Two barrel bombs were dropped on the camp near Saraqeb in Idlib province killing 10"
     " people and wounding dozens on Wednesday.",
     "Air/drone strike", "Military Forces of Syria", "Civilians (Syria)"),
    # a weapon that names a thing, not the means used, names no side
    ("He described the clashes as some of the fiercest yet in the government-held parts of"
     " Aleppo on Sunday, in the district of Zahra, home to an air force intelligence base.",
     "Armed clash", None, None),
    # the profile's modifier matched with the trigger as one force ("regime shelling")
    ("At least eight people were killed on Thursday in government shelling on Douma in the"
     " rebel-held Eastern Ghouta region, the Observatory said.",
     "Shelling/artillery/missile attack", "Military Forces of Syria", "Civilians (Syria)"),
    ("Two medics were among at least 31 people killed on Saturday in Syrian government shelling"
     " of an opposition-held town northeast of Damascus, the monitor said.",
     "Shelling/artillery/missile attack", "Military Forces of Syria", "Civilians (Syria)"),
    # a monitor, an agency or an aid group telling of the strike or helping its target is no
    # side of it: the victims are the civilians
    ("Air raids on Aleppo's Marjeh district killed at least 10 people including seven children"
     " on Friday, the Syrian Observatory for Human Rights reports.",
     "Air/drone strike", None, "Civilians (Syria)"),
    ("Russian and Syrian regime airstrikes killed 25 children on Saturday in a densely populated"
     " town in eastern Syria, the United Nations children's agency (UNICEF) has said.",
     "Air/drone strike", "Military Forces of Russia", "Civilians (Syria)"),
    ("A hospital supported by Doctors Without Borders (MSF) in the town of Maaret al-Nouman in"
     " rural Idlib was hit on Monday by Russian airstrikes.",
     "Air/drone strike", "Military Forces of Russia", "Civilians (Syria)"),
    # the holder of a place struck ("Qaeda-held") neither struck nor, civilians killed, was hit
    ("Air strikes on a market in Syria's Al Qaeda-held city of Idlib killed at least 21"
     " civilians on Sunday.", "Air/drone strike", None, "Civilians (Syria)"),
    # a sponsor in a hyphenated modifier is no party ("CIA-armed units")
    ("Clashes between CIA-armed units and Pentagon-armed ones in Aleppo intensified on Monday.",
     "Armed clash", None, None),
    # "its troops repelled an attack by X": the attackers and the side "its" points to
    ("On Saturday the regime army said its troops and allied fighters repelled an attack by Daesh"
     " terrorist group on a strategic area in southern Aleppo province.",
     "Armed clash", "Islamic State", "Military Forces of Syria"),
    # the killers of an active toll verb ambushed; the killed were the ambushed
    ("Syrian troops killed 32 rebels in an ambush in the southern province of Daraa on Sunday"
     " morning, a monitoring group said.",
     "Armed clash", "Military Forces of Syria", "Opposition Rebels (Syria)"),
    # the toll clause a bombing's "when" clause explains names the victims
    ("About 30 Syrian government fighters were killed when rebels set off a bomb in a tunnel"
     " beneath a checkpoint in Idlib province on Monday, activists said.",
     "Remote explosive/landmine/IED", "Opposition Rebels (Syria)", "Military Forces of Syria"),
    # a bomber "from" a group is one of it; the soldiers the participle kills were hit
    ("A suicide bomber from the Nusra Front terrorist group blew himself up at an army outpost"
     " in Aleppo on Monday, killing at least 25 Syrian Army soldiers.",
     "Suicide bomb", "Jabhat al-Nusra", "Military Forces of Syria"),
    # what the clause on the trigger says was aimed at ("bombings that targeted policemen"), and
    # never the bombers
    ("At least 17 people were killed on Monday by suicide bombings that targeted Syrian policemen"
     " at a checkpoint in the Midan neighbourhood of Damascus.",
     "Suicide bomb", "Unidentified Armed Group (Syria)", "Police Forces of Syria"),
    ("In Damascus a mortar hit the central Umayyad square on Sunday, killing one Syrian"
     " policeman, a security source told AFP.",
     "Shelling/artillery/missile attack", None, "Police Forces of Syria"),
]


@pytest.mark.parametrize(("body", "subtype", "actor1", "actor2"), CASES)
def test_event_actor_sides(
    extract: Extract, body: str, subtype: str, actor1: str | None, actor2: str | None
) -> None:
    _, events = extract(body)
    event = first_event(events, subtype)
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_event_actor_of_the_phrase_a_weapon_noun_modifies(extract: Extract) -> None:
    """"a rocket attack by regime forces": the trigger "rocket" modifies "attack", whose
    "by" phrase names the side."""
    _, events = extract("One woman and one of her children were killed in a rocket attack by"
                        " regime forces on al-Latamineh on Monday while dozens of others were"
                        " wounded.")
    event = first_event(events, "Shelling/artillery/missile attack")
    assert event.actor1 == "Military Forces of Syria"


def test_event_actor_descriptor_takes_the_group_named_before(extract: Extract) -> None:
    """A "terrorist rocket attack" in a state outlet is the group the earlier "terrorist
    groups" named (their default, the armed opposition), not an unnamed attacker."""
    _, events = extract(
        "A source at Aleppo Police Command told SANA that terrorist groups continued targeting"
        " citizens' houses in Aleppo city with rocket shells on Friday. Three civilians were"
        " injured in a terrorist rocket attack on Kilmakho area in Lattakia province on"
        " Friday morning.")
    told = [(e.sub_event_type, e.place and e.place.name, e.actor1) for e in events]
    assert ("Shelling/artillery/missile attack", "Latakia", "Opposition Rebels (Syria)"
            ) in told, told


@pytest.mark.parametrize(
    ("body", "key", "low"),
    [
        # an estimate counts the figure it states (gold: "about 70" is 70)
        ("The Syrian Arab Air Force destroyed a convoy near the city of Salamiyah on Monday"
         " and killed about a hundred of militants.", "killed", 100),
        ("On April 4 a chemical attack in Khan Sheikhoun claimed the lives of some 80 people"
         " and injured 200 others.", "killed", 80),
        ("Nearly 30 terrorists were killed in an army offensive on Castello road in Aleppo on"
         " Sunday.", "killed", 30),
        # one victim told by "a"
        ("Also on Saturday a bomb exploded aboard a bus near Homs killing a woman and wounding"
         " 25.", "killed", 1),
        ("On Wednesday a drone strike near Raqqa killed a terrorist commander according to the"
         " Observatory.", "killed", 1),
        # a number of strikes or shells counts the means, not the dead
        ("Dozens of Syrian regime strikes on Aleppo killed at least 16 civilians on Sunday.",
         "killed", 16),
        # the killing of N (told beside a trigger the rules read: the noun "killing" alone is
        # no trigger, and whether the sentence model proposes one is not this test's concern)
        ("Gunmen opened fire in Raqqa on Monday, resulting in the killing of two Syrian"
         " activists.", "killed", 2),
        # state and military media kill by "eliminating" or "liquidating" (told beside a
        # trigger the rules read: whether the sentence model proposes an event for a bare
        # "eliminated" is not this test's concern, and a retrained model no longer does)
        ("The Syrian army eliminated 75 militants of the Nusra Front in clashes near the city"
         " of Daraa on Sunday, a military source said.", "killed", 75),
        ("Army units liquidated 40 terrorists in an ambush east of Palmyra on Tuesday.",
         "killed", 40),
    ],
)
def test_event_counts_stated_figures(extract: Extract, body: str, key: str, low: float) -> None:
    _, events = extract(body)
    counted = [e for e in events if key in e.counts]
    assert counted, [(e.sub_event_type, e.counts) for e in events]
    assert counted[0].counts[key].low == low


def test_event_counts_targets_eliminated_are_no_toll(extract: Extract) -> None:
    """What a force "eliminated" that is no person (positions, vehicles) is no death toll; the
    fighters it eliminated in the same sentence are."""
    _, events = extract("On Monday the army eliminated 12 positions of the terrorists near"
                        " Palmyra and destroyed 7 of their vehicles.")
    assert all("killed" not in e.counts for e in events), [e.counts for e in events]
    _, events = extract("On Monday the army killed 30 terrorists and destroyed 12 of their"
                        " vehicles near Palmyra.")
    assert [e.counts["killed"].low for e in events if "killed" in e.counts] == [30]


def test_event_counts_coordinated_single_victims_are_not_one(extract: Extract) -> None:
    """"A woman and her son" are two: no count of one is made from the first of them."""
    _, events = extract("A woman and her son were killed when a shell hit their house in"
                        " Aleppo on Monday.")
    assert all(e.counts.get("killed") is None or e.counts["killed"].low != 1 for e in events)


def test_event_air_side_from_the_headline() -> None:
    """Strikes the body tells without their side take the one side the headline names."""
    from palmyra.api import analyze_text

    body = ("According to the Britain-based Syrian Observatory for Human Rights there were at"
            " least three airstrikes on the market in the town of Atareb in Aleppo province on"
            " Monday killing 61 people.")
    named = analyze_text(body, title="Regime airstrikes kill 61 civilians in Aleppos"
                                     " opposition-held Atareb", profile="syria")
    strikes = [e for e in named.events if e.sub_event_type == "Air/drone strike"]
    assert strikes and {e.actor1 for e in strikes} == {"Military Forces of Syria"}
    unnamed = analyze_text(body, title="Air strikes kill 61 in Syrias Atareb", profile="syria")
    strikes = [e for e in unnamed.events if e.sub_event_type == "Air/drone strike"]
    assert strikes and {e.actor1 for e in strikes} == {None}


def test_event_actor_aircraft_shot_down_is_its_sides(extract: Extract) -> None:
    """"shot down a regime MiG warplane": the side the aircraft's modifier names was hit;
    a shooter told by a pronoun ("it had shot down") is no unidentified group."""
    _, events = extract("On Thursday the jihadist group said it had shot down a regime MiG"
                        " warplane south of Raqqa, killing its pilot.")
    event = first_event(events, "Armed clash")
    assert event.actor2 == "Military Forces of Syria"
    assert event.actor1 != "Unidentified Armed Group (Syria)"


def test_event_actor_state_army_under_a_variant_name(extract: Extract) -> None:
    """"the Syria Arab Army": the state's army under a variant of its official name takes
    the villages, not the group the same sentence says withdrew."""
    _, events = extract("On Sunday the Syria Arab Army liberated 20 villages in Homs province"
                        " after Isil withdrew from its positions there.")
    event = first_event(events, "Government regains territory")
    assert event.actor1 == "Military Forces of Syria"


def test_event_actor_bomb_claimed_earlier_in_the_paragraph(extract: Extract) -> None:
    """A suicide bombing told without its author takes the claim the paragraph gave before
    it ("a bomb blast claimed by the Daesh terror group ... The bomber blew himself up"),
    the first attribution (gold/GUIDE.md)."""
    _, events = extract("A massive bomb blast claimed by the Daesh terror group killed at least"
                        " 44 people on Wednesday in the Syrian city of Qamishli. A suicide"
                        " bomber blew himself up at a checkpoint in Qamishli on Wednesday.")
    bombings = [e for e in events if e.sub_event_type in ("Suicide bomb",
                                                           "Remote explosive/landmine/IED")]
    assert bombings and {e.actor1 for e in bombings} == {"Islamic State"}
