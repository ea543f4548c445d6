"""The per-document caches and the GC pause of the speed work answer as the code they spare."""

from __future__ import annotations

import gc

import pytest
import spacy

from palmyra.context import DocContext
from palmyra.extract.events.syntax import _sentences, sentences
from palmyra.loading import without_gc
from palmyra.model import CleanText, Document


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def test_sentences_are_each_documents_own_when_documents_alternate(blank) -> None:
    a = blank("Jets struck Marea on Sunday. Two children were killed.\nSANA said so.")
    b = blank("Rebels shelled Aleppo. Nobody was hurt.")
    first_a = [s.text for s in sentences(a)]
    assert [s.text for s in sentences(b)] == ["Rebels shelled Aleppo.", "Nobody was hurt."]
    assert [s.text for s in sentences(a)] == first_a == [s.text for s in _sentences(a)]
    assert first_a == ["Jets struck Marea on Sunday.", "Two children were killed.",
                       "SANA said so."]
    # a consumer may stop early and ask again: it gets every sentence again
    it = sentences(a)
    next(it)
    assert len(list(sentences(a))) == 3


def test_context_span_maps_through_cleaning_the_same_on_every_call() -> None:
    original = "Advertisement\nThe shelling killed at least 12 people.\n"
    clean = CleanText.from_segments(original, [(len("Advertisement\n"), len(original))])
    ctx = DocContext(Document(id="d1", text=original, sources=[], format="text", clean=clean))
    start = clean.text.index("12")
    span = ctx.span(start, start + 2)
    assert original[span.start : span.end] == "12"
    assert ctx.span(start, start + 2) == span == clean.span("d1", start, start + 2)
    # another document's context keeps its own answers
    other = DocContext(Document(id="d2", text=clean.text, sources=[], format="text"))
    assert other.span(start, start + 2).start == start


def test_without_gc_pauses_the_collector_and_restores_it_even_on_error() -> None:
    seen = []
    load = without_gc(lambda: seen.append(gc.isenabled()))
    assert gc.isenabled()
    load()
    assert seen == [False] and gc.isenabled()

    @without_gc
    def fails() -> None:
        raise ValueError("bad file")

    with pytest.raises(ValueError):
        fails()
    assert gc.isenabled()
    gc.disable()  # a caller that paused it keeps it paused
    try:
        load()
        assert not gc.isenabled()
    finally:
        gc.enable()
