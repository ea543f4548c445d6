"""Citations written as FA-KES copy writes them, apostrophes lost ("SANAs correspondent"),
of outlets named by what they are, and outlets cited for footage, tolls and e-mails:
sentences written after the forms of gold dev and train (gold/GUIDE.md, "Citations")."""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts


def _outlets(text: str, outlet: str | None = None) -> list[str]:
    facts = analyze_texts([TextRecord("Title\n\n" + text, outlet=outlet)], profile="syria")[0]
    return [c.outlet for c in facts.citations]


def test_an_acronyms_possessive_without_its_apostrophe_names_the_outlet():
    assert _outlets("A civilian told SANAs correspondent that the shelling killed two.",
                    outlet="Reuters") == ["SANA"]


def test_a_one_word_name_with_an_s_is_a_word_not_the_outlet():
    # "Independents" is no possessive of The Independent
    assert _outlets("Independents said the vote was fair, officials told Reuters.") \
        == ["Reuters"]


def test_outlets_cited_for_footage_tolls_and_mail():
    assert _outlets("Turkeys official Anadolu Agency put the death toll at 15.") \
        == ["Anadolu Agency"]
    assert _outlets("The death toll was confirmed to an AFP correspondent on Monday.") \
        == ["AFP"]


def test_media_offices_of_the_sides_are_outlets():
    text = ("The Syrian military media center said the strikes hit the depots. The Idlib"
            " Media Center said six people were killed.")
    assert _outlets(text) == ["Syrian military media center", "Idlib Media Center"]


def test_an_email_to_an_outlet_is_a_citation_however_the_parse_hangs_it():
    assert _outlets('"We are under fire" he added in an email to AFP on Monday.') == ["AFP"]


def test_a_un_agency_is_no_news_agency():
    assert _outlets("The UN childrens agency UNICEF said 22 children had been killed.") == []
    assert _outlets("Jens Laerke spokesman for the UN humanitarian aid agency OCHA said the"
                    " convoy was hit, Reuters reported.") == ["Reuters"]
