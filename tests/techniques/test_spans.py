"""Decoding the span proposer's token probabilities into character spans."""

from __future__ import annotations

import numpy as np
import pytest
import spacy

from palmyra.techniques.spans import sentences, spans

NLP = spacy.blank("en")
TEXT = "the radical Islamic terrorists attacked"


@pytest.mark.parametrize(("probs", "high", "low", "expected"), [
    ([0.0, 0.3, 0.2, 0.9, 0.0], 0.5, None, ["terrorists"]),
    ([0.0, 0.3, 0.2, 0.9, 0.0], 0.5, 0.15, ["radical Islamic terrorists"]),
    ([0.0, 0.3, 0.2, 0.4, 0.0], 0.5, 0.15, []),  # no token sure enough to seed a span
    ([0.6, 0.0, 0.0, 0.9, 0.0], 0.5, 0.15, ["the", "terrorists"]),
])
def test_spans_grow_from_sure_tokens(probs, high, low, expected):
    doc = NLP.make_doc(TEXT)
    found = spans(doc, np.array(probs), high, low)
    assert [TEXT[s:e] for s, e, _ in found] == expected


def test_spans_sentences_are_non_blank_lines():
    text = "Title\n\nOne.\nTwo.\n"
    assert [text[s:e] for s, e in sentences(text)] == ["Title", "One.", "Two."]
