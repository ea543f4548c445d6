"""Outlets and verbs of FA-KES train citations (issue 12): Al-Ikhbariya, the Syrian state's
news channel, is cited by its own name, not as Syrian state television at large (gold train
codes both where a story names both); Jordan's state TV is not Syria's; "mentioned" is a
reporting verb. Sentences from FA-KES train articles (CC BY)."""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts


def _outlets(text: str) -> list[str]:
    facts = analyze_texts([TextRecord(text, outlet="Reuters")], profile="syria")[0]
    return [c.outlet for c in facts.citations]


def test_ikhbariya_is_its_own_outlet():
    text = ("Blast in Damascus\n\nSyrias official Al-Ikhbariya channel showed images from the"
            " scene of the blast.\n")
    assert _outlets(text) == ["Al-Ikhbariya"]


def test_state_television_stays_state_television():
    text = "Blast in Damascus\n\nSyrian state television said the blast killed four people.\n"
    assert _outlets(text) == ["Syrian state television"]


def test_jordanian_state_tv_is_not_syrian_state_tv():
    text = ("Raids on Islamic State\n\nJordanian war planes participating in the alliance"
            " carried out bombing raids against Islamic State targets on Thursday Jordanian"
            " state TV reported without giving the location of the raids.\n")
    assert _outlets(text) == ["Jordanian state television"]


def test_mentioned_cites_the_agency():
    text = ("Blast in Damascus\n\nSANA news agency mentioned that the attack took place near"
            " a fruit and vegetable market in the area and caused material damage to the"
            " nearby buildings.\n")
    assert _outlets(text) == ["SANA"]


def test_an_unlisted_press_after_a_hyphenated_description_is_cited():
    text = ("Strike on Idlib\n\nThe activist-run Assi Press published video of the strike on"
            " the market on Monday.\n")
    assert _outlets(text) == ["Assi Press"]


def test_an_arabic_name_with_its_article_and_a_language_word_is_cited():
    text = ("Convoy hit\n\nThe Arabic-language al-Hadas News reported that the convoy was hit"
            " near Deir ez-Zor.\n")
    assert _outlets(text) == ["al-Hadas News"]


def test_the_press_in_lower_case_or_before_a_title_is_no_outlet():
    text = ("Talks in Geneva\n\nThe state-run press was kept out of the talks. The White House"
            " Press Secretary said the talks would go on.\n")
    assert _outlets(text) == []


def test_the_broadcaster_someone_told_is_cited_by_the_name_after_it():
    text = ("Raids on Aleppo\n\nHe told Swedish broadcaster SVT that the town was destroyed"
            " by the raids.\n")
    assert _outlets(text) == ["SVT"]


def test_a_broadcaster_someone_only_met_is_not_cited():
    text = ("Raids on Aleppo\n\nHe met Swedish broadcaster SVT reporters in the town after"
            " the raids.\n")
    assert _outlets(text) == []
