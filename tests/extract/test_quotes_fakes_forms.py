"""Quotations in the forms FA-KES copy takes (commas and some closing marks lost), and the
speaker names the gold gives them (gold/GUIDE.md, "Quotes"): sentences written after the
gold dev articles' own wording."""

from __future__ import annotations

import pytest

from palmyra.extract.quotemarks import scan
from palmyra.extract.quotes import quotes


def direct(doc, ctx) -> list[tuple[str, str | None]]:
    out = []
    for q in quotes(doc, ctx):
        assert ctx.document.text[q.span.start : q.span.end] == q.text
        if q.direct:
            out.append((q.text, q.speaker))
    return out


def test_quotemarks_a_mark_between_a_sentence_end_and_a_word_opens_a_quotation():
    text = ('Barazi said "The policy will not change. "This was not the first attack" he '
            'added. He said "The war will continue."')
    assert [text[q.start : q.end] for q in scan(text)] == [
        "The policy will not change.", "This was not the first attack",
        "The war will continue."]


def test_quotemarks_a_closing_mark_after_a_word_still_closes():
    text = 'He said "The army left." "Then the shelling began" she added.'
    assert [text[q.start : q.end] for q in scan(text)] == [
        "The army left.", "Then the shelling began"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the attribution follows without a comma, its subject long
        ('"The market was crowded on Monday because people were shopping" SOHR chief Rami '
         'Abdel Rahman said in a televised interview.',
         [("The market was crowded on Monday because people were shopping",
           "Rami Abdel Rahman")]),
        # a cue at the end of the sentence, the quotation inside it
        ('They sought refuge in a clump of "clay and adobe" homes in the nearby village '
         'Amnesty International said.',
         [("clay and adobe", "Amnesty International")]),
        # a participle the parse took for the subject
        ('Speaking to state TV Barazi said "The Syrian leadership will not change."',
         [("The Syrian leadership will not change.", "Barazi")]),
    ],
)
def test_quotes_attribution_without_comma(read, syria, text, expected):
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == expected


def test_quotes_unnamed_people_speak_without_a_name(read, syria):
    text = ('Videos showed smoke rising as men shouted "Allahu akbar". A hospital source in '
            'the city said there were "more than 20 dead and dozens wounded".')
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == [("Allahu akbar", None),
                                ("more than 20 dead and dozens wounded", None)]


def test_quotes_an_organisation_named_by_a_common_noun_is_the_one_named_before(read, syria):
    """Here without the annotate stage, so the name is the one written before; the
    pipeline's actor mentions make it canonical (Military Forces of Syria)."""
    text = ('The Syrian Army refuted the claims on Friday. "The offensive was repelled by '
            'our soldiers" the army said.')
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == [("The offensive was repelled by our soldiers", "Syrian Army")]


def test_quotes_short_forms_and_acronyms_take_the_full_name(read, syria):
    text = ('Medical charity the Syrian American Medical Society (SAMS) said July was the worst '
            'month. "There were 43 attacks on facilities in July" SAMS said. Observatory '
            'director Rami Abdel Rahman counted the dead. "The toll will rise" Abdel Rahman '
            'said.')
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == [
        ("There were 43 attacks on facilities in July", "Syrian American Medical Society"),
        ("The toll will rise", "Rami Abdel Rahman")]


def test_quotes_follow_on_quotations_keep_their_speaker(read, syria):
    text = ('Abdel Rahman said all the dead were from six families. "There was no resistance '
            'except in one house." SANA said both sides agreed on "coordinating political '
            'standpoints" and strengthening the "cooperation in fighting terrorism."')
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == [
        ("There was no resistance except in one house.", "Abdel Rahman"),
        ("coordinating political standpoints", "SANA"),
        ("cooperation in fighting terrorism.", "SANA")]


def test_quotes_a_name_brought_in_by_so_called_is_nobodys_words(read, syria):
    text = ('Tribal leaders are in talks to form a coalition like the so-called "Sunni '
            'Awakening" according to The Independent.')
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == []


def test_quotes_a_one_word_name_introduced_as_a_persons_is_what_he_stands_for(read, syria):
    text = ('Observatory chief Rami Abdel Rahman told AFP the toll would rise. A witness named '
            'Ahmad described the moment the bomber struck. "I saw a man in a black jacket" he '
            'said.')
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == [("I saw a man in a black jacket", "Ahmad")]


def test_quotes_a_source_in_a_place_speaks_for_no_one(read, syria):
    text = 'A hospital source in Hassakeh city said there were "more than 20 dead".'
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == [("more than 20 dead", None)]


def test_quotes_an_unclosed_quotation_before_its_attribution_is_direct(read, syria):
    text = ('The Syrian Army repelled the attack. "At least 25 terrorists were killed in their '
            'failed attacks the army added.')
    doc, ctx = read(text, syria)
    assert direct(doc, ctx) == [("At least 25 terrorists were killed in their failed attacks",
                                 "Syrian Army")]
