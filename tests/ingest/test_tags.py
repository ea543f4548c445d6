"""A site's keyword line glued into the body ("Tags Syria Aleppo ...") is dropped, offsets exact.

Texts are trimmed from FA-KES train articles (The New Arab, Sputnik).
"""

from __future__ import annotations

import pytest

from palmyra.ingest import RawRecord, build_document
from palmyra.ingest.tags import tag_ranges
from palmyra.model import Document, SourceRef


def _doc(text: str) -> Document:
    return build_document(RawRecord(SourceRef("t.txt"), text, "text"))


def _cut(text: str) -> list[str]:
    return [text[s:e] for s, e in tag_ranges(text, (0, len(text)))]


@pytest.mark.parametrize(
    ("keywords", "body"),
    [
        # A determiner opens the body.
        ("Tags Syria Golan Heights Israeli airstrike Hezballah SOHR ",
         "An Israeli airstrike on a government-held village killed five pro-regime forces."),
        # A count opens it; the speaker's name in the keywords goes with them.
        ("Tags Syria chlorine chemical weapons Hama Abu Shadi al-Hamwi al-Latamineh ",
         "A woman and a child were killed on Tuesday evening."),
        ("Tags Syria warplane shelling pilot Jayrud Qalamoun Jaish al-Islam al-Nusra Front ",
         "At least 43 people have been killed by Syrian regime shelling."),
        # A bare capitalised subject: found back from its clause's function word.
        ("Tags Belgium Syria coalition air raids strikes Aleppo ",
         "Russia has accused Belgium of killing six civilians in airstrikes."),
        ("Tags Syria Damascus Douma Regime Rebels Civilians Bashar al-Assad Airstrikes ",
         "Syrian regime airstrikes on a rebel-held region near Damascus killed 22 civilians."),
        # Name-internal "the", "for", "of" are keywords, not a clause.
        ("Tags Syria Aleppo regime forces rebel forces the Nusra Front ",
         "Syrian troops and pro-government gunmen repelled an offensive by rebels."),
        ("Tags Syria Syrian Network for Human Rights Syrian Observatory of Human Rights "
         "ISIS Al-Mayadin Deir az-Zour ",
         "Missile strikes on schools and urban areas killed 23 Syrian civilians."),
        ("Tags Syria Eastern Ghouta Douma Syrian regime bombing Siege White Helmets ",
         "Three rescue workers from the Syrian Civil Defence have been killed in bombing."),
    ],
)
def test_keyword_run_after_the_lead_is_dropped(keywords: str, body: str) -> None:
    lead = "Israeli strike kills five in Golan a monitoring group said. "
    text = lead + keywords + body
    assert _cut(text) == [keywords]
    doc = _doc("Headline\n\n" + text)
    assert doc.clean is not None
    assert doc.clean.text == (lead + body).strip()


def test_full_stop_closing_the_keywords_ends_the_lead_without_one() -> None:
    text = ("Nusra fighters attacked western Aleppo on Monday a monitoring group said "
            "Tags Nusra Front al-Qaeda Aleppo Syria Assad extremism war. "
            "A suicide bomber blew himself up in a Syrian army outpost.")
    assert _cut(text) == ["Tags Nusra Front al-Qaeda Aleppo Syria Assad extremism war"]


def test_full_stop_closing_the_keywords_goes_with_them_after_a_finished_lead() -> None:
    text = ("The first deaths since the ceasefire began this week. "
            "Tags Syria Aleppo ceasefire truce civilian casualties sniper fire. "
            "An adult and a child have been killed in Aleppo city.")
    assert _cut(text) == ["Tags Syria Aleppo ceasefire truce civilian casualties sniper fire. "]


@pytest.mark.parametrize(
    "keywords",
    [
        "Tags suicide attack The Syrian war Ahrar al-Sham Seraqeb Syria Idlib",
        "Tags blast al-Qaeda in the Arabian Peninsula (AQAP) Al-Nusra Front Aleppo",
    ],
)
def test_keywords_at_the_end_of_the_body_go_to_the_end(keywords: str) -> None:
    text = ("Headline\n\nThe coalition said its jets hit Daesh positions near Manbij. "
            f"{keywords} Community standardsDiscussion Comment via FacebookComment via "
            "Sputnik News")
    doc = _doc(text)
    assert doc.clean is not None
    assert doc.clean.text.endswith("near Manbij.")
    assert any(keywords in doc.text[s.start : s.end] for s in doc.removed)


@pytest.mark.parametrize(
    "text",
    [
        "Tags were found on the bodies of the victims the police said.",
        "Tags Russia has accused Belgium of killing six civilians in airstrikes.",
        "The word Tags appears here. Reporters said the strike hit the market.",
    ],
)
def test_prose_with_the_word_tags_is_kept(text: str) -> None:
    assert _cut(text) == []


def test_clean_offsets_map_back_to_the_original() -> None:
    text = ("Headline\n\nRebels launched an offensive a monitoring group said. "
            "Tags Syria Idlib Bashar al-Assad SOHR al-Qaeda al-Nusra "
            "Syrian rebels launched a huge offensive on government-held areas.")
    doc = _doc(text)
    assert doc.clean is not None
    for i, ch in enumerate(doc.clean.text):
        assert doc.text[doc.clean.to_original(i)] == ch
    assert "Tags" not in doc.clean.text


def test_keywords_opening_the_body_take_their_full_stop_with_them() -> None:
    # nothing before the label to end: the keywords' stop would be left as a stray "."
    assert _cut("Tags Syria Aleppo. An airstrike hit Aleppo on Monday.") == ["Tags Syria Aleppo. "]
    assert _cut("Title\n\nTags Syria Aleppo. An airstrike hit Aleppo.") == ["Tags Syria Aleppo. "]


def test_tags_inside_a_capitalised_title_is_no_label() -> None:
    assert _cut("Price Tags Rise As War Drags On. The army said.") == []


def test_keywords_ending_the_body_may_end_with_a_stop() -> None:
    assert _cut("A monitor said. Tags Syria Aleppo.") == ["Tags Syria Aleppo."]
