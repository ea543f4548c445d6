"""Speaker names read right where the text is loose: a country that speaks stands for its
government, a person's name tagged one word too long or too short where commas are
missing, a ministry named in the other spelling of the profile's alias."""

from __future__ import annotations

import pytest

from palmyra.annotate.actor_matcher import _spelling_variants
from palmyra.context import DocContext
from palmyra.extract.quotes.naming import _metonyms, _person_extent, _place_key
from palmyra.ingest import build_document
from palmyra.ingest.records import RawRecord
from palmyra.model import SourceRef
from palmyra.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.create("syria")


@pytest.mark.parametrize(
    ("sentence", "quote", "speaker"),
    [
        (  # "defense" in the text, "defence" in the profile's alias
            "The Russian defense ministry said the convoy was hit near the airport. "
            '"Two drivers were wounded in the attack" the ministry said.',
            "Two drivers were wounded in the attack",
            "Military Forces of Russia",
        ),
        (  # the outlet named after "television channel", not the group that owns it
            'According to Hezbollahs television channel Al-Manar "three fighters were killed '
            'in the raid on the hill".',
            "three fighters were killed in the raid on the hill",
            "Al-Manar",
        ),
        (  # the role's holder written after it, not the body the role belongs to
            '"At least nine people died in the shelling of the market" said Observatory '
            "director Rami Abdel Rahman The roads were closed.",
            "At least nine people died in the shelling of the market",
            "Rami Abdel Rahman",
        ),
        (
            '"The hospital ran out of fuel overnight" said MSF director Isabelle Defourny.',
            "The hospital ran out of fuel overnight",
            "Isabelle Defourny",
        ),
        (  # an outlet quoting an unnamed source of a body named before: the body speaks
            "The Syrian government rejected the accusations on Thursday. "
            '"These reports are lies spread by the enemies of the country" the official '
            "SANA news agency said quoting a government source.",
            "These reports are lies spread by the enemies of the country",
            "Government of Syria",
        ),
        (  # a source of no named body: the outlet stays the speaker
            '"These reports are lies spread by the enemies of the country" the official '
            "SANA news agency said quoting a source.",
            "These reports are lies spread by the enemies of the country",
            "SANA",
        ),
    ],
)
def test_quotes_speaker_names(pipeline, sentence, quote, speaker):
    text = f"Raids reported\n\nJane Doe\n28 March 2016\n\n{sentence}\n"
    doc = build_document(RawRecord(SourceRef("/t.txt"), text, "text"), pipeline.outlets)
    (facts,), errors = pipeline.process([doc])
    assert not errors
    got = {(q.text, q.speaker) for q in facts.quotes}
    assert (quote, speaker) in got, got


@pytest.mark.parametrize(
    ("sentence", "tagged", "name"),
    [
        (  # the tagger runs the name into the organisation written after it
            '"Barrel bombs keep falling on homes" said Kenneth Roth Human Rights Watchs director.',
            "Kenneth Roth Human",
            "Kenneth Roth",
        ),
        (  # the tagger leaves out the surname the name hangs on
            '"We are still finding bodies in the fields" said Sheikh Mohammed Reda Hatem a '
            "cleric in Homs.",
            "Mohammed Reda",
            "Mohammed Reda Hatem",
        ),
        (  # a name followed by a lower-case word is left alone
            '"We found bodies" said Sheikh Omar Reda Saleh a religious leader in Hama.',
            "Omar Reda Saleh",
            "Omar Reda Saleh",
        ),
    ],
)
def test_person_extent_undoes_run_on_and_cut_names(pipeline, sentence, tagged, name):
    doc = pipeline.nlp(sentence)
    (ent,) = [e for e in doc.ents if e.label_ == "PERSON"]
    assert ent.text == tagged  # the tagger's mistake this test is about
    assert _person_extent(ent).text == name


def test_metonyms_map_countries_and_capitals_to_their_government(pipeline):
    ctx = DocContext(document=None, profile=pipeline.profile)  # type: ignore[arg-type]
    metonyms = _metonyms(ctx)
    assert metonyms[_place_key("US")] == "Government of the United States"
    assert metonyms[_place_key("Moscow")] == "Government of Russia"
    assert metonyms[_place_key("Damascus")] == "Government of Syria"
    assert _place_key("Aleppo") not in metonyms  # a place that stands for no one


def test_actor_aliases_match_in_either_spelling():
    assert _spelling_variants("Russian defence ministry") == {
        "Russian defence ministry", "Russian defense ministry",
    }
    assert "Hmeimim Reconciliation Centre" in _spelling_variants("Hmeimim Reconciliation Center")
