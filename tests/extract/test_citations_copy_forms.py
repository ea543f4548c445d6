"""Citations in the forms FA-KES copy writes them: an Arabic article in lower case before an
outlet's name ("al-Manar"), the medium words were said on ("quoted as saying on state
media"), citing words with a letter lost ("Sputnik eported", "earlieracording to"), and
footage released by an outlet, dated by its day. Sentences from gold train and dev
(gold/GUIDE.md, "Citations")."""

from __future__ import annotations

from palmyra.api import TextRecord, analyze_texts


def _cited(text: str, outlet: str | None = None) -> list[tuple[str | None, str | None]]:
    record = TextRecord("Title\n\n" + text, outlet=outlet, published="2016-07-11")
    facts = analyze_texts([record], profile="syria")[0]
    return [(c.outlet, c.date.value if c.date else None) for c in facts.citations]


def _outlets(text: str, outlet: str | None = None) -> list[str | None]:
    return [o for o, _ in _cited(text, outlet)]


def test_an_outlet_after_a_lower_case_arabic_article_is_the_profile_outlet():
    assert _outlets("According to Hezballahs official television station al-Manar two"
                    " members of the National Defence Forces were killed.") == ["Al-Manar"]
    assert _outlets("Sources told al-Manar that the YPG seized control of Ain Daqneh town.") \
        == ["Al-Manar"]


def test_a_lower_case_arabic_article_before_a_lower_case_word_names_no_outlet():
    assert _outlets("The fighters of al-manar village said the town had fallen.") == []


def test_a_photographer_of_a_lower_case_outlet_is_no_citation_of_it():
    assert _outlets("More than 200 others were injured including a photographer from al-Alam"
                    " TV channel SANA reporter said.", outlet="Al-Manar") == ["SANA"]


def test_words_said_on_a_medium_cite_it():
    assert _outlets("Aerial bombardment had intensified over the past 48 hours an army source"
                    " was quoted as saying on state media.") == ["Syrian state media"]
    assert _outlets("The governor said on Al-Ikhbariya that ten people were killed.") \
        == ["Al-Ikhbariya"]


def test_words_said_on_a_day_or_a_social_network_cite_nothing():
    assert _outlets("A commander said on Sunday that the town had fallen.") == []
    assert _outlets("Fighters reported on Telegram that the town had fallen.") == []


def test_a_citing_word_with_a_letter_lost_still_cites():
    assert _outlets('"Six civilians were killed and 12 received wounds" the bulletin said'
                    " Sputnik eported.") == ["Sputnik"]
    assert _outlets("Ten people were killed acording to Reuters.") == ["Reuters"]
    assert _outlets("He later added detail about the number killed a day earlieracording to"
                    " the Daily Mail.") == ["Daily Mail"]


def test_words_one_letter_from_a_citing_word_are_other_words():
    assert _outlets("A SANA reporter was wounded in the shelling.") == []
    assert _outlets("Syrian authorities deported two Reuters journalists.") == []


def test_footage_released_by_an_outlet_cites_it_on_its_day():
    assert _cited("Video footage released by DAESH affiliated news agency Amaq on Saturday"
                  " showed a helicopter being shot.") == [("Amaq News Agency", "2016-07-09")]
    assert _cited("A video released on Friday by the Syrian military media center shows the"
                  " army entering the town.") == [("Syrian military media center", "2016-07-08")]


def test_prisoners_released_by_a_group_cite_nothing():
    assert _outlets("The prisoners were released by the group on Friday.") == []


def test_a_person_after_an_outlets_website_is_no_outlet():
    assert _outlets("In an opinion piece published on CNNs website Charles Lister of the"
                    " Brookings Doha Centre said the rebels were facing a threat.") \
        == []
