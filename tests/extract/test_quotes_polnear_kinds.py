"""Speakers of quotations in the forms that the PolNeAR scorer (benchmarks/polnear_quotes.py,
issue 12) showed wrong, each written anew for these tests: a statement or video put out by
someone speaks as them, a paragraph that ends with a quotation does not lend it to the next
paragraph's speaker, people in a crowd or a campaign speak as unnamed persons, a definite
role ("the minister") is the person named with that role before, and the people a
speaker addresses ("emailed supporters saying") are not the speaker."""

from __future__ import annotations

import pytest

from palmyra.extract.quotes import quotes


def direct(doc, ctx) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes(doc, ctx) if q.direct]


def speakers(doc, ctx) -> list[tuple[str | None, str]]:
    """(speaker, the words of the speaker phrase) of each quote."""
    return [(q.speaker, doc.text[q.speaker_span.start : q.speaker_span.end]
             if q.speaker_span else "") for q in quotes(doc, ctx)]


@pytest.mark.parametrize(
    "text",
    [
        'The Free Syrian Army issued a statement saying the town was "completely surrounded".',
        'Jaish al-Islam released a video that said the convoy would "never reach the city".',
    ],
)
def test_quotes_a_statement_put_out_by_a_group_is_its_words(read, syria, text):
    doc, ctx = read(text, syria)
    said = [s for s, _ in speakers(doc, ctx)]
    assert said and all(s in ("Free Syrian Army", "Jaish al-Islam") for s in said)


def test_quotes_a_statement_of_no_one_named_stays_unnamed(read, syria):
    doc, ctx = read('Online, a statement announcing the alliance promised "a new dawn".', syria)
    assert all(s is None for s, _ in speakers(doc, ctx))


def test_quotes_a_paragraph_ending_in_a_quotation_keeps_its_speaker(read, syria):
    text = ('Omar Haddad said on Monday the bakery had been hit twice. "We have nothing left '
            'to sell," he said. "The ovens are gone."\n\nThe governor of Idlib said the '
            'bakery would be rebuilt.')
    doc, ctx = read(text, syria)
    got = direct(doc, ctx)
    assert ("The ovens are gone.", "Omar Haddad") in got
    assert all(s != "governor" and s != "Idlib" for _, s in got)


def test_quotes_a_paragraph_ending_in_a_quotation_is_not_the_next_speakers(read, syria):
    text = ('The town was quiet by noon. "Nobody is left in the market."\n\nA spokesman for '
            'the Free Syrian Army said on Tuesday the road was open again.')
    doc, ctx = read(text, syria)
    assert all(s != "Free Syrian Army" for _, s in direct(doc, ctx))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ('"Stop the bombing," the crowd chanted outside the council building.', "crowd"),
        ('"We were never told about the deal," one aide said on Friday.', "aide"),
        ('"The vote was stolen," another supporter wrote on a forum.', "supporter"),
    ],
)
def test_quotes_people_in_a_crowd_or_a_campaign_speak_unnamed(read, syria, text, phrase):
    doc, ctx = read(text, syria)
    assert speakers(doc, ctx) == [(None, phrase)]


def test_quotes_an_unnamed_speaker_is_not_the_one_quoted_before(read, syria):
    text = ('"We will win this seat," Omar Haddad told the rally on Sunday. "Count every '
            'vote," another supporter wrote on a forum.')
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == [("We will win this seat,", "Omar Haddad"),
                                ("Count every vote,", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Foreign Minister Walid Muallem arrived in Moscow on Monday. Talks lasted four '
         'hours. "The door remains open," the minister told reporters.', "Walid Muallem"),
        ('Opposition candidate Omar Haddad toured Idlib on Monday. "I will serve every '
         'town," the candidate said.', "Omar Haddad"),
    ],
)
def test_quotes_a_definite_role_is_the_person_named_with_it(read, syria, text, expected):
    doc, ctx = read(text, syria)
    assert [s for _, s in direct(doc, ctx)] == [expected]


def test_quotes_a_role_named_with_no_person_stays_unnamed(read, syria):
    text = 'Omar Haddad left on Monday. "The door remains open," the minister told reporters.'
    doc, ctx = read(text, syria)
    assert [s for _, s in direct(doc, ctx)] == [None]


def test_quotes_the_people_addressed_are_not_the_speaker(read, syria):
    text = 'Omar Haddad emailed supporters saying: "The struggle goes on" and asked for help.'
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == [("The struggle goes on", "Omar Haddad")]


@pytest.mark.parametrize("verb", ["went on", "chanted", "joked"])
def test_quotes_more_verbs_of_speech(read, syria, verb):
    text = f'"Nobody will stop us now," Omar Haddad {verb} in the square.'
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == [("Nobody will stop us now,", "Omar Haddad")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Fatima Haddad, a nurse, said the clinic was full. Omar Khatib, its director, '
         'visited on Monday. "We have no fuel left," she said.', "Fatima Haddad"),
        ('Omar Khatib, a nurse, said the clinic was full. Fatima Haddad, its director, '
         'visited on Monday. "We have no fuel left," he said.', "Omar Khatib"),
        ('Ms. Haddad said the clinic was full. Mr. Khatib, its director, visited on '
         'Monday. "We have no fuel left," she said.', "Haddad"),
    ],
)
def test_quotes_a_pronoun_is_the_nearest_person_it_fits(read, syria, text, expected):
    doc, ctx = read(text, syria)
    assert [s for _, s in direct(doc, ctx)] == [expected]


def test_quotes_a_bare_role_goes_on_with_the_person_just_quoted(read, syria):
    text = ('Omar Khatib said on Tuesday the talks would resume. "Nobody wants to leave '
            'first," the envoy said.')
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == [("Nobody wants to leave first,", "Omar Khatib")]


def test_quotes_a_role_with_words_of_its_own_is_someone_else(read, syria):
    text = ('Omar Khatib said on Tuesday the talks would resume. "Nobody wants to leave '
            'first," the Turkish envoy said.')
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == [("Nobody wants to leave first,", None)]
