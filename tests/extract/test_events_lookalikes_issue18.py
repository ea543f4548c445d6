"""Look-alikes of conflict events that give no event (issue 18 a sixth time, written from the
kinds of false alarm of ``gold/recall/train10.jsonl``), beside conflict reports in the same
words that keep theirs: an explosion at a plant, a mill or a coal mine that no weapon and no
one caused; police shooting ordinary offenders; a game's result told with war's words; a deal
between states to buy arms; a shell that went off in live-fire training (a hyphenated cue
word); a man who "shot dead his wife"; a shooter who turned his gun on himself (no suicide
bombing); a "spin attack" in cricket; a "bomb hoax" or "bomb threat", and people evacuated over a
"suspicious bag" or an "unattended package" (issue 18 again, ``gold/recall/train5.jsonl``).

Each report is written for these tests in wire style (not copied from the recall sets).
"""

from __future__ import annotations

import pytest
from events_fixtures import analyzed_sub_types as _subtypes


@pytest.mark.parametrize(
    "text",
    [
        # industrial explosions with no weapon and no doer
        "A blast at a fertiliser factory in Tianjin killed 12 workers on Wednesday.",
        "Three workers died when a furnace exploded at a steel mill in Jamshedpur.",
        "An explosion at a coal mine in Zonguldak killed 41 miners, the energy ministry said.",
        # police or soldiers against ordinary offenders
        "Police shot and killed two suspected car thieves in Soweto on Friday.",
        "Police shot dead two suspected carjackers after a chase in Durban.",
        "A security guard shot and wounded a mugger outside a bank in Accra.",
        # a game's result with a "raid" in another clause of the sentence
        "Ireland beat Scotland 27-13 in Dublin, where a late raid down the left won the match.",
        # an arms purchase between states, whichever state's air force is named
        "Egypt signed a deal in Cairo to buy 30 Rafale fighter jets for its air force.",
        # a shell that went off in live-fire training ("live-fire" is three tokens)
        "Two soldiers were hurt when a mortar round exploded during live-fire training "
        "near Kars.",
        # a domestic killing where the parser hangs the object under "dead"
        "A man shot dead his wife and her mother at their flat in Marseille, police said.",
        # a murder-suicide is no suicide bombing
        "A policeman shot dead his commander and two colleagues at a station in Kano before "
        "turning his rifle on himself.",
        # a weapon word that only names a scare or a hoax
        "Police evacuated a shopping mall in Leeds after a bomb hoax, but nothing was found.",
        "A bomb threat forced the evacuation of Frankfurt airport's terminal 2 on Tuesday.",
        # people evacuated over a suspicious object that held no weapon
        "Police evacuated a terminal at Vienna airport for three hours after a suspicious bag"
        " was found; it held only clothes.",
        "Police evacuated Victoria station in London on Monday after an unattended package was"
        " found near the ticket hall.",
        # a bowling side's attack in cricket
        "Sri Lanka's spin attack tore through England on the third day in Galle.",
    ],
)
def test_look_alike_gives_no_event(text: str):
    assert _subtypes(text) == [], text


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        # a weapon or a named armed group makes the plant's explosion an attack
        ("An explosion at a chemical plant in Horlivka was caused by a Ukrainian drone, "
         "officials said.", "Air/drone strike"),
        ("A Russian missile struck a factory in Dnipro, killing four workers.",
         "Shelling/artillery/missile attack"),
        ("An explosion hit the Kirkuk-Ceyhan oil pipeline near Baiji; officials blamed "
         "Islamic State.", "Remote explosive/landmine/IED"),
        # a landmine near a gold mine is still a landmine
        ("A landmine exploded near a gold mine in Kidal, killing three prospectors.",
         "Remote explosive/landmine/IED"),
        # an explosion in a market is no industrial accident
        ("An explosion ripped through a busy market in Maiduguri, killing 12 people.",
         "Remote explosive/landmine/IED"),
        # a crowd beating thieves is mob violence, not police work
        ("Residents of a village near Mbarara beat two suspected goat thieves to death.",
         "Mob violence"),
        # police against an armed group, not offenders
        ("Police killed three bandits in a gunfight in Zamfara.", None),
        # a suicide bomber, and a fighter who turned his gun on himself, keep their events
        ("A man wearing an explosive vest blew himself up outside a mosque in Quetta, killing "
         "11 people.", "Suicide bomb"),
        ("Al-Shabaab said one of its fighters turned his gun on himself after killing three "
         "soldiers in Baidoa.", None),
        # shelters named beside a strike, a car bomb: still attacks
        ("Residents of Kharkiv spent the night in bomb shelters as Russian missiles struck the "
         "city, killing three.", "Shelling/artillery/missile attack"),
        ("A car bomb exploded outside a police station in Diyarbakir, killing two officers.",
         "Remote explosive/landmine/IED"),
        # people evacuated from a besieged town under a deal are still an evacuation
        ("Rebel fighters and their families were evacuated from the besieged town of Madaya"
         " on Wednesday under a deal with the government.", "Other"),
        # a ceasefire signed by the sides is an agreement
        ("The army and the rebels signed a ceasefire agreement in Juba on Tuesday.",
         "Agreement"),
    ],
)
def test_conflict_report_in_the_same_words_keeps_its_event(text: str, subtype: str | None):
    subtypes = _subtypes(text)
    assert subtypes, text
    if subtype is not None:
        assert subtype in subtypes
