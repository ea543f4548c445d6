"""Quotations whose closing mark FA-KES copy lost, ended by the attribution written after
them (issue 12), on sentences of the gold train and dev articles: a straight or mangled
opening mark, the quoted words, then "said NAME", "NAME told OUTLET" or "he said"."""

from __future__ import annotations

from palmyra.api import analyze_text

MANGLED = "\ufffd\ufffd"


def _direct(text: str) -> list[tuple[str, str | None]]:
    facts = analyze_text("Title\n\n" + text, profile="syria")
    return [(q.text, q.speaker) for q in facts.quotes if q.direct]


def test_a_lost_closing_mark_before_said_and_a_name():
    text = ('Among the dead were four staff and five children. "The direct bombing of another'
            ' hospital in Syria is an outrage said Silvia Dallatomasina MSFs medical manager'
            ' of operations in northwest Syria.')
    assert _direct(text) == [("The direct bombing of another hospital in Syria is an outrage",
                              "Silvia Dallatomasina")]


def test_a_mangled_mark_before_a_subject_that_told_an_outlet_and_a_pronoun_after_it():
    text = (f"The attack was foiled Saturday morning said the frontline commander. {MANGLED}The"
            " militants were gunned down before they could detonate themselves commander Kamal"
            f" Kirkuki told Rudaw. {MANGLED}If the Peshmerga had not killed the militants the"
            " attack would have caused serious casualties he said.")
    assert _direct(text) == [
        ("The militants were gunned down before they could detonate themselves",
         "Kamal Kirkuki"),
        ("If the Peshmerga had not killed the militants the attack would have caused serious"
         " casualties", "Kamal Kirkuki"),
    ]


def test_a_lost_closing_mark_over_several_sentences():
    text = (f"{MANGLED}Time is running out for the people of East Ghouta. As health needs"
            " increase available resources are being depleted day by day said Elizabeth Hoff"
            " WHO Representative in Syria.")
    assert [q for q, _ in _direct(text)] == [
        "Time is running out for the people of East Ghouta. As health needs increase"
        " available resources are being depleted day by day"]


def test_a_lone_mark_whose_sentence_names_no_speaker_opens_no_quotation():
    text = ('Residents said "the bombing went on all night and most families fled to the'
            ' fields.')
    assert _direct(text) == []


def test_the_proper_name_beside_a_common_noun_read_as_an_actor_speaks():
    text = ('"At least 40 people including civilians were killed when an ammunitions depot'
            ' blew up in Wadi al-Zahab District after rocket fire the UK-based opposition Syrian'
            ' Observatory for Human Rights claimed on Thursday.')
    assert [s for _, s in _direct(text)] == ["Syrian Observatory for Human Rights"]


def test_a_surname_tagged_a_nationality_is_the_person_named_before():
    text = ('"You can see the body fragments in the rubble" said Yasser Hmeish a medical'
            ' technician at the scene. "There were restaurants mobile phone shops butchers it'
            ' was a market in the full sense of the word" Hmeish added.')
    assert [s for _, s in _direct(text)] == ["Yasser Hmeish", "Yasser Hmeish"]
