"""Speakers of quotations in copy that lost its commas (FA-KES): a person no tagger names,
read off a given name; "it" and "the group" going on with the body that spoke nearest
before them; words a clause of its own casts ("dismissed the offer as “…”"); "a
government source" speaking for the government. Sentences written after the kinds of
failure seen on gold train (issue 12)."""

from __future__ import annotations

import pytest

from palmyra.ingest import build_document
from palmyra.ingest.records import RawRecord
from palmyra.model import SourceRef
from palmyra.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.create("syria")


def _speakers(pipeline: Pipeline, sentence: str) -> set[tuple[str, str | None]]:
    text = f"Raids reported\n\nJane Doe\n28 March 2016\n\n{sentence}\n"
    doc = build_document(RawRecord(SourceRef("/t.txt"), text, "text"), pipeline.outlets)
    (facts,), errors = pipeline.process([doc])
    assert not errors
    return {(q.text, q.speaker) for q in facts.quotes if q.direct}


@pytest.mark.parametrize(
    ("sentence", "quote", "speaker"),
    [
        (  # a person, not the body of the apposition the commas would have set off
            '"The shells fell on the market at noon" Mohammad Sibai a spokesman for the '
            "opposition Homs Media Centre told The New Arab.",
            "The shells fell on the market at noon",
            "Mohammad Sibai",
        ),
        (  # a lone given name with the age after it, and the "he" that goes on with it
            'A resident of the camp said the water had run out. "There is no bread left" '
            'Ahmed 24 said. "We are hungry and afraid" he said.',
            "We are hungry and afraid",
            "Ahmed",
        ),
        (
            'A resident of the camp said the water had run out. "There is no bread left" '
            'Ahmed 24 said. "We are hungry and afraid" he said.',
            "There is no bread left",
            "Ahmed",
        ),
    ],
)
def test_quotes_a_given_name_opens_a_persons_name(pipeline, sentence, quote, speaker):
    got = _speakers(pipeline, sentence)
    assert (quote, speaker) in got, got


def test_quotes_it_goes_on_with_the_body_that_spoke_nearest(pipeline):
    sentence = (
        "The regime shelled the villages south of Aleppo the Syrian Observatory for Human "
        "Rights said. The Al-Watan newspaper which is close to the regime reported Russian "
        'airstrikes on the province on Wednesday. "Russian jets resumed their missions '
        'over Aleppo" it said.'
    )
    got = _speakers(pipeline, sentence)
    assert ("Russian jets resumed their missions over Aleppo", "Al-Watan") in got, got


def test_quotes_the_group_goes_on_with_the_body_not_a_word_named_since(pipeline):
    sentence = (
        "At least 19 civilians were killed in raids on several towns east of the capital on "
        "Tuesday. Six children were among the dead in Eastern Ghouta the largest rebel "
        "bastion near Damascus the Syrian Observatory for Human Rights said. "
        '"The death toll may still rise" the Britain-based group added.'
    )
    got = _speakers(pipeline, sentence)
    assert ("The death toll may still rise", "Syrian Observatory for Human Rights") in got, got


def test_quotes_a_government_source_speaks_for_the_government(pipeline):
    sentence = (
        "Syrian government warplanes struck Kurdish positions in Hasakeh on Thursday. A "
        'government source in the city told AFP that the strikes were "a message to the '
        'Kurds that they must stop these demands".'
    )
    got = _speakers(pipeline, sentence)
    assert ("a message to the Kurds that they must stop these demands",
            "Government of Syria") in got, got


def test_quotes_words_cast_by_a_clause_of_its_own_are_not_the_first_speakers(pipeline):
    sentence = (
        "Damascus has claimed that fighters in the city will be allowed to leave with their "
        'families but opposition groups have dismissed the offer as "trickery".'
    )
    got = _speakers(pipeline, sentence)
    speakers = {s for q, s in got if q == "trickery"}
    assert speakers and "Government of Syria" not in speakers, got
