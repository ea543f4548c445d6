"""An officer or source of a force speaks for that force ("a Syrian general said")."""

from __future__ import annotations

import pytest

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
        (
            'The town will be a "springboard," a Syrian general said.',
            "springboard,",
            "Military Forces of Syria",
        ),
        (
            '"We will push on," a Russian military source told reporters.',
            "We will push on,",
            "Military Forces of Russia",
        ),
        (
            '"The road is open," a Syrian army officer said on Monday.',
            "The road is open,",
            "Military Forces of Syria",
        ),
    ],
)
def test_quotes_force_officers_speak_for_the_force(pipeline, sentence, quote, speaker):
    text = f"Advance reported\n\nJane Doe\n28 March 2016\n\n{sentence}\n"
    doc = build_document(RawRecord(SourceRef("/t.txt"), text, "text"), pipeline.outlets)
    (facts,), errors = pipeline.process([doc])
    assert not errors
    got = {(q.text, q.speaker) for q in facts.quotes}
    assert (quote, speaker) in got
    for q in facts.quotes:
        assert text[q.span.start : q.span.end] == q.text
