"""Speakers of quotations whose phrase names a body beside, or instead of, the one that
speaks (issue 12, gold/GUIDE.md "Quotes": a person's name as the article gives it in
full, an organisation's canonical name): sentences written after the wording of FA-KES
wire copy, where commas are lost. Read through the whole pipeline, since the body names
come from the annotate stage."""

from __future__ import annotations

import pytest

from palmyra.api import TextRecord, analyze_texts


def direct(text: str) -> list[tuple[str, str | None]]:
    facts = analyze_texts([TextRecord(text, outlet="Al-Ahram")], profile="syria")[0]
    return [(q.text, q.speaker) for q in facts.quotes if q.direct]


def test_quotes_a_person_named_after_the_body_whose_head_he_is():
    # the tagger runs "... for Human Rights Rami Abdel Rahman" into one organisation
    text = ("Shelling kills 43 in Jayrud\n\nShelling hit the town of Jayrud on Saturday."
            ' "At least two of the dead in Jayrud were medics" head of the Syrian Observatory'
            " for Human Rights Rami Abdel Rahman said.\n")
    assert direct(text) == [("At least two of the dead in Jayrud were medics",
                             "Rami Abdel Rahman")]


@pytest.mark.parametrize("monitor", ["the London based monitor", "the Britain-based monitor"])
def test_quotes_a_based_monitor_is_the_monitor_that_spoke_not_its_country(monitor):
    text = ("IS retakes ground near Raqqa\n\nMilitants struck back at an army offensive near"
            " Tabqa the Syrian Observatory for Human Rights said."
            f' "Daesh has driven regime troops out of Raqqa province" {monitor} said.\n')
    assert direct(text) == [("Daesh has driven regime troops out of Raqqa province",
                             "Syrian Observatory for Human Rights")]


def test_quotes_the_group_after_an_unnamed_then_a_named_monitor_is_the_named_one():
    text = ("Strikes kill 19 in Ghouta\n\nAt least 19 civilians were killed on Tuesday east of"
            " Damascus a monitoring group said. Six children were among the dead the Syrian"
            " Observatory for Human Rights said."
            ' "It was a series of air strikes throughout the day" the Britain-based group'
            " added.\n")
    assert direct(text) == [("It was a series of air strikes throughout the day",
                             "Syrian Observatory for Human Rights")]


def test_quotes_the_observatory_is_the_monitor_named_in_full_before():
    text = ("Blast in Qardaha\n\nThe Syrian Observatory for Human Rights reported that troops had"
            ' executed 48 people. "The explosion was caused by a suicide bomber driving a car"'
            " said the Observatory adding that the passenger also died.\n")
    assert direct(text) == [("The explosion was caused by a suicide bomber driving a car",
                             "Syrian Observatory for Human Rights")]


def test_quotes_a_country_written_with_dots_speaks_as_its_government():
    text = ("Camp bombed near Sarmada\n\nThe U.S. said it was \"horrified\" by the reports of"
            " the bombing.\n")
    assert direct(text) == [("horrified", "Government of the United States")]


def test_quotes_an_adjective_tagged_a_person_gives_way_to_the_full_name_after_it():
    text = ("MPs call for war crimes inquiry\n\nBritish lawmakers called for an inquiry on"
            ' Tuesday. "The case against Russia and Syria is clear" said Welsh nationalist MP'
            " Hywel Williams.\n")
    assert direct(text) == [("The case against Russia and Syria is clear", "Hywel Williams")]


def test_quotes_a_one_word_name_keeps_its_own_speaker_when_a_verb_follows():
    text = ("Cruz and Rubio in Iowa\n\nTed Cruz spoke in Des Moines on Monday. \"We will win this"
            " state\" Cruz said both he and Marco Rubio had promised to fight amnesty.\n")
    assert direct(text) == [("We will win this state", "Ted Cruz")]


def test_quotes_the_charity_is_the_body_that_announced_before_it():
    # fakes-1923102913 (FA-KES, CC BY): the body's short form in brackets between its
    # name and "has announced"
    text = ("Two killed in clinic bombing\n\nAn attack on a clinic serving thousands of Syrians"
            " in Aleppo has left two patients dead and eight others injured the Qatar Red"
            " Crescent Society (QRCS) has announced."
            ' "Two patients killed and eight injured due to four bombs dropped from a'
            ' helicopter on QRCS medical facility" the charity said in a statement.\n')
    assert direct(text) == [(
        "Two patients killed and eight injured due to four bombs dropped from a helicopter"
        " on QRCS medical facility", "Qatar Red Crescent Society")]


def test_quotes_it_goes_on_with_the_monitor_that_said_not_a_force_named_since():
    # fakes-1923848291 (FA-KES, CC BY)
    text = ("ISIL crucifies 9 men in Syrias Aleppo NGO\n\nA jihadist group in Syria has"
            " publicly executed and crucified nine men eight of them rebels fighting both"
            " President Bashar al-Assads regime and the jihadists a monitor said on Sunday. The"
            " report comes amid fierce clashes on the outskirts of Damascus between the"
            " Islamic State of Iraq and the Levant and rebels the Syrian Observatory for Human"
            ' Rights said. "ISIL executed eight men in Deir Hafer in the east of Aleppo'
            ' province" on Saturday because they belonged to rebel groups that had fought'
            " against the jihadists as well as Assads forces it said. ISIL then \"crucified"
            ' them in the main square of the village" the Britain-based monitor said.\n')
    assert direct(text) == [
        ("ISIL executed eight men in Deir Hafer in the east of Aleppo province",
         "Syrian Observatory for Human Rights"),
        ("crucified them in the main square of the village",
         "Syrian Observatory for Human Rights")]


def test_quotes_the_source_is_the_body_an_earlier_unnamed_source_came_from():
    # fakes-1923848233 (FA-KES, CC BY): "a security source" speaks for the state's forces
    text = ("Air strikes on Talbisseh\n\nAt least 25 people were killed in government air"
            " strikes on Talbisseh in Homs province. A security source in Damascus confirmed"
            ' the air strikes. "There are a large number of armed terrorist groups" the source'
            " said.\n")
    assert direct(text) == [("There are a large number of armed terrorist groups",
                             "Military Forces of Syria")]


def test_quotes_the_bodys_director_goes_on_with_the_person_quoted_before():
    # fakes-1924058188 (FA-KES, CC BY): the parse heads "the UNICEF director" with UNICEF
    text = ("Strikes hit a school in Idlib\n\nAir strikes that hit a school in Idlib province"
            " killed 22 children the UN childrens agency UNICEF said Wednesday. UNICEF Director"
            " Alan Lane said that six teachers also died in the attacks."
            ' "This is a tragedy. It is an outrage" Lane said in a statement.'
            ' "When will the worlds revulsion at such barbarity be matched by insistence that'
            ' this must stop?" added the UNICEF director.\n')
    assert direct(text) == [
        ("This is a tragedy. It is an outrage", "Alan Lane"),
        ("When will the worlds revulsion at such barbarity be matched by insistence that"
         " this must stop?", "Alan Lane")]


def test_quotes_a_source_in_a_hospital_speaks_for_no_body():
    # fakes-1965495360 (FA-KES, CC BY): gold codes the unnamed source's speaker null
    text = ("Death toll in Aqareb es Safi rises\n\nThe death toll of the Thursday attack on"
            " Aqareb es Safi village in Hama province reached 51 people a source in Salamiyeh"
            ' National Hospital told Sputnik. "Fifty-one dead and over 100 wounded these are'
            ' the final numbers" the source said.\n')
    assert direct(text) == [
        ("Fifty-one dead and over 100 wounded these are the final numbers", None)]
