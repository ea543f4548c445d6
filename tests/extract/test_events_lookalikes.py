"""Look-alikes of conflict events that give no event, beside conflict reports in the same
words that keep theirs (round 9, precision): diplomats expelled, firms merged, a march at
a remembrance ceremony, an animal that killed, a game's attack that "ran riot", a state
told by a participle ("the detained president"), the arrest of a man who killed his own
family, and a war's start told again in a clause on what the war did.

Each report is written for these tests in wire style (not copied from the recall sets).
"""

from __future__ import annotations

import pytest
from events_fixtures import analyzed_sub_types as _subtypes


@pytest.mark.parametrize(
    "text",
    [
        # diplomacy: a state expels another's diplomats
        "Algeria expelled two French consular officials and the French ambassador's "
        "military attache on Wednesday, the foreign ministry said.",
        "Moscow expelled 15 Polish diplomats in retaliation for the closure of its "
        "consulate in Poznan.",
        # business: firms merging, a new group formed
        "Two regional banks announced their merger on Monday, creating the country's "
        "third-largest lender with 12,000 employees.",
        # a march at a remembrance ceremony
        "Veterans marched past the Cenotaph in Auckland on Remembrance Sunday as the prime "
        "minister laid a wreath.",
        # an animal as the killer
        "A bear killed a shepherd in the hills above Brasov on Sunday, the local "
        "mountain rescue service said.",
        # a side's attack in a game that "ran riot"
        "Liverpool's attack ran riot against Leeds on Sunday, with Salah scoring a hat-trick "
        "in a 6-0 win.",
        # a participle before its noun is a state, not an occurrence told
        "The regional bloc suspended Mali's membership and called for the release of the "
        "detained prime minister.",
        # the police arrest a man who killed his own family
        "A man who killed his wife and stepdaughter with a shotgun in a village near Perm "
        "was detained, investigators said.",
    ],
)
def test_look_alike_gives_no_event(text: str):
    assert _subtypes(text) == [], text


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        # fighters expelled from a town: territory taken
        ("Government forces expelled Islamic State fighters from the town of Tal Afar on "
         "Sunday after a week of fighting.", "Government regains territory"),
        # rebel factions merging are a change to the groups
        ("Four rebel factions in Idlib announced their merger into a new alliance on "
         "Tuesday.", "Change to group/activity"),
        # a march that demands something is a protest, remembrance words or not
        ("Thousands marched through Khartoum on Thursday demanding civilian rule.",
         "Peaceful protest"),
        # the participle told as the verb of its clause stays an occurrence
        ("Soldiers detained the prime minister at his residence in Bamako on Monday.",
         "Arrests"),
        ("Rioters ran through the market in Kisumu on Monday, looting shops.", None),
        # police arresting a man who shot protesters
        ("Police detained a gunman who shot dead three protesters in Basra on Friday.",
         None),
    ],
)
def test_conflict_report_in_the_same_words_keeps_its_event(text: str, subtype: str | None):
    subtypes = _subtypes(text)
    assert subtypes, text
    if subtype is not None:
        assert subtype in subtypes


@pytest.mark.parametrize(
    "text",
    [
        "Syria's war has killed more than 280,000 people and displaced millions since it "
        "started in 2011 with the brutal repression of anti-government protests.",
        "The conflict, a multi-front war that has killed more than 290,000 people, "
        "displaced millions since beginning with anti-regime protests in March 2011.",
    ],
)
def test_war_start_told_again_gives_no_protest(text: str):
    subtypes = _subtypes(text, published="2016-08-14")
    assert not any("protest" in s.lower() for s in subtypes), subtypes


def test_protest_met_with_force_is_still_an_event():
    subtypes = _subtypes("Security forces fired on anti-government protesters in Daraa on "
                         "Friday, killing four, since the crackdown began, a monitor said.",
                         published="2016-08-14")
    assert subtypes


@pytest.mark.parametrize(
    "text",
    [
        "Russian airstrikes on Saraqeb on Monday claimed 14 lives, wounded dozens of others "
        "and demolished entire buildings, the civil defence said.",
        "Rescuers searched on Tuesday for residents trapped in a building in Douma which was "
        "demolished after the attack.",
    ],
)
def test_damage_an_attack_did_is_no_destruction_of_its_own(text: str):
    subtypes = _subtypes(text, published="2016-10-18")
    assert "Looting/property destruction" not in subtypes, subtypes


def test_property_burned_without_fighting_stays_destruction():
    subtypes = _subtypes("Militiamen burned 40 houses in the village of Kutum on Sunday, "
                         "residents said.", published="2016-10-18")
    assert "Looting/property destruction" in subtypes
