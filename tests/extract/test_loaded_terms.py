"""Loaded terms: the profile's framing words, in the outlet's own voice only."""

from __future__ import annotations

import pytest

from palmyra.ingest import build_document
from palmyra.ingest.records import RawRecord
from palmyra.model import SourceRef
from palmyra.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.create("syria")


def _frames(pipeline: Pipeline, body: str):
    text = f"Town retaken\n\nJane Doe\n28 March 2016\n\n{body}\n"
    doc = build_document(RawRecord(SourceRef("/t.txt"), text, "text"), pipeline.outlets)
    (facts,), errors = pipeline.process([doc])
    assert not errors
    return text, [f for f in facts.frames if f.label == "loaded_term"]


def test_loaded_terms_found_with_register_and_side(pipeline):
    text, frames = _frames(
        pipeline, "The army liberated the town from imperialist-backed gangs on Sunday."
    )
    got = {(text[f.span.start : f.span.end], f.register, f.side) for f in frames}
    assert ("liberated", "favourable", "syrian_government") in got
    assert ("imperialist-backed", "hostile", "opposition") in got
    assert all(f.reason for f in frames)


def test_loaded_terms_inside_a_quote_are_the_speakers(pipeline):
    text, frames = _frames(
        pipeline,
        '"The town was liberated," a Syrian general said. Rebels called it an occupation.',
    )
    assert [text[f.span.start : f.span.end] for f in frames] == []
