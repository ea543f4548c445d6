"""Quotations whose speaker stands beside them in an aside or a modifier, not in the main
clause: a quotation filling a parenthesis after its speaker, a speech participle set off
by a comma after a reported clause, and a quotation inside the noun phrase that a
relative clause with a speech verb describes. Sentences written after the shapes found in
the seed articles (not their text)."""

from __future__ import annotations

import pytest

from palmyra.extract.quotes import quotes


def direct(doc, ctx) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes(doc, ctx) if q.direct]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the response is Lavrov's: the quotation fills the parenthesis after his name
        ("But when Erdogan threatens to send troops into Syria, he invites the obvious "
         "response from Lavrov (“I do not think that anyone will decide to play dangerous "
         "games here”).",
         [("I do not think that anyone will decide to play dangerous games here", "Lavrov")]),
        # a response named with its giver after it
        ("The offer drew a sharp reply from the ministry (“We reject these accusations”).",
         [("We reject these accusations", "ministry")]),
    ],
)
def test_quotes_a_quotation_filling_a_parenthesis_is_the_words_of_the_one_before(
        read, syria, text, expected):
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == expected


def test_quotes_a_parenthesis_after_a_place_names_no_speaker(read, syria):
    doc, ctx = read("Residents of Aleppo (“the city of death”) fled.", syria)
    assert direct(doc, ctx) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "citing" goes with the one who suggests, not with Ankara, the reported subject
        ("Lavrov suggested that Ankara was trying to use Washington in order to “take the "
         "heat off the Nusra Front”, citing Ankara’s “improper relationships” with IS.",
         [("take the heat off the Nusra Front", "Lavrov"),
          ("improper relationships", "Lavrov")]),
        # not the rebels, whose deeds the Observatory reports
        ("The Syrian Observatory for Human Rights said rebels had shelled the district, "
         "saying it was “a massacre”.",
         [("a massacre", "Syrian Observatory for Human Rights")]),
    ],
)
def test_quotes_a_speech_participle_after_a_report_goes_with_the_reporter(
        read, syria, text, expected):
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == expected


def test_quotes_a_quotation_in_what_a_speaker_warned_of_is_not_their_words(read, syria):
    text = ("Asked to comment on the ‘plan B’ military option Washington has warned of should "
            "the ceasefire fail, de Mistura was dismissive: “I don’t think a real plan B "
            "exists.”")
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == [("I don’t think a real plan B exists.", "de Mistura")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause the parse hung on a noun inside the quotation
        ('"An army unit engaged with an armed terrorist group leaving most of them dead '
         'including a sniper" state-run news agency SANA reported.',
         [("An army unit engaged with an armed terrorist group leaving most of them dead "
           "including a sniper", "SANA")]),
        # "said" hung on the name after the quotation, the name hung on the quotation
        ('The Syrian Observatory for Human Rights said that at least six air raids hit Haas '
         'village. "The dead children are schoolchildren and the planes are believed to be '
         'Russian" Rami Abdel-Rahman the organizations head said.',
         [("The dead children are schoolchildren and the planes are believed to be Russian",
           "Rami Abdel-Rahman")]),
    ],
)
def test_quotes_a_trailing_cue_parsed_as_a_relative_clause_still_attributes(
        read, syria, text, expected):
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == expected


def test_quotes_a_phrase_a_speaker_cited_stays_theirs(read, syria):
    """Only a topic ("warned of", "talked about") is not the speaker's words; "cited" is."""
    text = "The “wise Latina” phrase Grassley cited on Wednesday has appeared in speeches."
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == [("wise Latina", "Grassley")]


def test_quotes_a_participle_hung_on_a_clause_inside_the_quotation_keeps_its_subject(
        read, syria):
    """The parse made the quotation's "said" govern the sentence before it: the cue inside
    the marks is never the reporter, and "telling" keeps its attribution (the quotation
    stays one; its speaker is whatever the namer makes of the clause's subject)."""
    text = ("Weaver didn’t seem particularly impressed with Sanders’ comments Tuesday, "
            "telling reporters, “A lot of people said the governor should step down.”")
    doc, ctx = read(text, syria)
    assert [t for t, _ in direct(doc, ctx)] == [
        "A lot of people said the governor should step down."]


def test_quotes_according_to_a_possessor_whose_apostrophe_was_lost(read, syria):
    """"Hezballahs official television station al-Manar": the station speaks (FA-KES copy
    drops apostrophes), and "al-Manar" with the article in lower case is the outlet."""
    text = ('An Israeli army spokeswoman declined to comment on the incident. According to '
            'Hezballahs official television station al-Manar "two members of the National '
            'Defence Forces were killed when an Israeli drone targeted their car."')
    doc, ctx = read(text, syria)
    assert [s for _, s in direct(doc, ctx)] == ["Al-Manar"]
