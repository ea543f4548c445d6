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
