"""Speakers that issue 12 found lost on gold train: a body told only by a noun that refers
back to it ("the British-based monitoring group which …", "the bulletin" the ministry
posted, "the organisation known as the White Helmets"), a
statement owned by its body ("the ministry's statement said"), and an unnamed person the
article names ("a witness named Ahmad", "Rami an Aleppo resident"). Sentences written for
the tests after the wording of FA-KES wire copy, where commas are lost."""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts


def direct(text: str) -> list[tuple[str, str | None]]:
    facts = analyze_texts([TextRecord(text, outlet="Al-Ahram")], profile="syria")[0]
    return [(q.text, q.speaker) for q in facts.quotes if q.direct]


def test_a_monitoring_group_described_by_a_relative_clause_is_the_monitor_named_before():
    text = ("Fighting in Aleppo\n\nRebel fire has killed 21 civilians according to the Syrian"
            ' Observatory for Human Rights. "Fighting continues on the western outskirts of'
            ' Aleppo" the British-based monitoring group which has a network of sources on the'
            " ground said Saturday.\n")
    assert direct(text) == [("Fighting continues on the western outskirts of Aleppo",
                             "Syrian Observatory for Human Rights")]


def test_a_witness_named_in_the_phrase_speaks_by_that_name():
    text = ("Wedding bombed in Hasakeh\n\nA suicide bomber struck a wedding in Hasakeh on Monday."
            ' "I saw a man wearing a thick black jacket pass beside me" a witness named Ahmad'
            " said.\n")
    assert direct(text) == [("I saw a man wearing a thick black jacket pass beside me", "Ahmad")]


def test_a_name_before_its_resident_apposition_is_the_speaker():
    text = ("Siege of Aleppo\n\nFood has run out in the besieged east of Aleppo."
            ' "I am now going to eat my last potato" Rami an Aleppo resident said.\n')
    assert direct(text) == [("I am now going to eat my last potato", "Rami")]


def test_an_organisation_known_as_a_name_speaks_by_it():
    text = ("Bus hit in Aleppo\n\nRegime raids killed 31 civilians in Aleppo on Friday."
            ' "Ten civilians were killed in strikes on the bus" the organisation known as the'
            " White Helmets said.\n")
    assert direct(text) == [("Ten civilians were killed in strikes on the bus", "White Helmets")]


def test_the_bulletin_is_the_words_of_the_ministry_that_posted_it():
    text = ("Shelling in Aleppo\n\nNusra Front militants shelled Sheikh Maqsood on Wednesday the"
            " Russian Defence Ministry said in a daily bulletin posted on its website."
            ' "Six civilians were killed as a result of the shelling" the bulletin said.\n')
    assert direct(text) == [("Six civilians were killed as a result of the shelling",
                             "Military Forces of Russia")]


def test_a_statement_speaks_for_the_body_that_owns_it():
    text = ("Bombing at the border\n\nA suicide bomber killed 32 rebels near Azaz on Sunday."
            ' The Islamic State group\'s statement said "the attack left 50 apostates dead".\n')
    assert direct(text) == [("the attack left 50 apostates dead", "Islamic State")]


def test_a_place_before_a_resident_is_no_name_and_the_quote_stays():
    """"Douma a resident said", the commas lost: Douma is where the resident lives, not a
    name, and the quotation is still a quotation, its speaker unnamed."""
    text = ('Shelling in Douma\n\nJets hit Douma on Monday. "The shelling went on all night"'
            " Douma a resident said.\n")
    quotes = analyze_texts([TextRecord(text)], profile="syria")[0].quotes
    assert [q.speaker for q in quotes] == [None]


def test_the_group_is_the_body_its_statement_names_as_its_subject():
    text = ("Rescuers killed in Douma\n\nRegime bombing killed six children in Douma on Friday."
            ' "The civil defence [White Helmets] condemns the bombing and raids on the towns of'
            ' eastern Ghouta" the group said in a statement.\n')
    assert direct(text) == [("The civil defence [White Helmets] condemns the bombing and raids"
                             " on the towns of eastern Ghouta", "White Helmets")]


def test_the_group_after_a_state_named_before_is_the_organisation_it_quotes():
    text = ("Gas attack in Idlib\n\nDamascus has been the scene of heavy fighting in recent days."
            ' "The Organization for the Prohibition of Chemical Weapons (OPCW) is seriously'
            ' concerned about the alleged chemical weapons attack" the group said.\n')
    assert direct(text) == [("The Organization for the Prohibition of Chemical Weapons (OPCW) is"
                             " seriously concerned about the alleged chemical weapons attack",
                             "Organisation for the Prohibition of Chemical Weapons")]


def test_a_body_named_as_the_object_of_the_statement_does_not_speak():
    text = ("Raids on Idlib\n\nThe Syrian Observatory for Human Rights counted 20 dead on Monday."
            ' "Government forces shelled the hospital in Maarat al-Numan" the monitor said.\n')
    assert direct(text) == [("Government forces shelled the hospital in Maarat al-Numan",
                             "Syrian Observatory for Human Rights")]


def test_a_person_quoting_a_body_as_subject_still_speaks():
    text = ("Aid in Aleppo\n\nThe UN envoy visited Aleppo on Monday."
            ' "The Red Crescent is working hard to reach the eastern districts" Staffan de'
            " Mistura said.\n")
    assert direct(text) == [("The Red Crescent is working hard to reach the eastern districts",
                             "Staffan de Mistura")]


def test_a_body_whose_past_deeds_the_group_reports_does_not_speak():
    text = ("Shelling in Hama\n\nThe Syrian Observatory for Human Rights counted 12 dead on Monday."
            ' "The Syrian Army shelled the town of Kafr Zita overnight" the group said.\n')
    assert direct(text) == [("The Syrian Army shelled the town of Kafr Zita overnight",
                             "Syrian Observatory for Human Rights")]


def test_a_body_the_monitor_says_has_done_something_does_not_speak():
    text = ("Raqqa offensive\n\nMilitants retaliated near Tabqa the Syrian Observatory for Human"
            ' Rights said. "Daesh has managed to drive out regime troops from Raqqa province"'
            " the London based monitor said.\n")
    assert direct(text) == [("Daesh has managed to drive out regime troops from Raqqa province",
                             "Syrian Observatory for Human Rights")]
