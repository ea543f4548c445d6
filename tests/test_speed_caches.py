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


def test_without_gc_leaves_what_it_loaded_out_of_the_collectors_walks() -> None:
    from palmyra import loading

    loaded = without_gc(lambda: [[n] for n in range(1000)])()
    assert gc.get_freeze_count() >= len(loaded)  # the lists it made are frozen, not walked
    assert loading._UNFREEZE_AT_EXIT  # and handed back to the collector at exit
    gc.unfreeze()  # the rest of the session's tests as before


def test_sentences_are_kept_for_a_batch_and_no_more(blank, monkeypatch) -> None:
    from palmyra.extract.events import syntax

    monkeypatch.setattr(syntax, "_KEPT", 3)
    monkeypatch.setattr(syntax, "_LAST", {})
    docs = [blank(f"Jets struck town {n}. {n} people were killed.") for n in range(5)]
    for doc in docs:  # the batch's model pass reads them all, then each is read again
        list(sentences(doc))
    assert len(syntax._LAST) == 3
    for n, doc in enumerate(docs):
        assert [s.text for s in sentences(doc)] == [f"Jets struck town {n}.",
                                                    f"{n} people were killed."]
        assert [s.text for s in sentences(doc)] == [s.text for s in _sentences(doc)]


def _demo_text() -> str:
    import csv

    from tests.conftest import DEMO_CSV

    with DEMO_CSV.open(encoding="utf-8", newline="") as fh:
        return next(csv.DictReader(fh))["article_content"]


def _cue_before(token, lex, cls: str) -> bool:
    """``nonconflict._cue`` as it was written before its first check (the reference)."""
    from palmyra.extract.events.syntax import is_verb

    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_:
        return False
    if is_verb(token) and lex.cue(token, "noun_only"):
        return False
    if cls == "non_conflict" and token.tag_ == "VBN" and (token.dep_ == "amod" or (
            token.dep_ == "acl" and any(c.dep_ == "agent" for c in token.children))):
        return False
    if lex.cue(token, cls):
        return True
    text = token.lower_
    return (token.pos_ in ("NOUN", "PROPN") and text.endswith("s") and len(text) > 3
            and text[:-1] in lex.cues.get(cls, frozenset()))


def test_cue_lookups_answer_as_the_word_lists_on_a_real_article(nlp) -> None:
    from palmyra.extract.events.lexicon import lexicon
    from palmyra.extract.events.nonconflict import _cue

    lex = lexicon()
    doc = nlp(_demo_text() + " Landslides buried villages; a game-changer, not exercises.")
    classes = sorted(lex.cues) + ["no_such_class"]
    found = 0
    for _ in range(2):  # the second pass answers from the cache
        for token in doc:
            for cls in classes:
                words = lex.cues.get(cls, frozenset())
                expected = token.lower_ in words or token.lemma_.lower() in words
                assert lex.cue(token, cls) == expected, (token.text, cls)
                assert _cue(token, lex, cls) == _cue_before(token, lex, cls), (token.text, cls)
                found += expected
    assert found > 20  # the article's words are cues of some classes


def test_token_bounds_are_each_tokens_mapped_span(nlp) -> None:
    from palmyra.extract.events.index import _token_ids

    original = "Advertisement\nJets struck Marea on Sunday, killing 12 people.\n"
    clean = CleanText.from_segments(original, [(len("Advertisement\n"), len(original))])
    ctx = DocContext(Document(id="d1", text=original, sources=[], format="text", clean=clean))
    doc = nlp(clean.text)
    starts, ends = ctx.token_bounds(doc)
    assert starts == [ctx.span(t.idx, t.idx + len(t)).start for t in doc]
    assert ends == [ctx.span(t.idx, t.idx + len(t)).end for t in doc]
    assert original[starts[1]:ends[1]] == "struck"
    other = nlp("Rebels shelled Aleppo.")  # another document's tokens, not the first's
    assert len(ctx.token_bounds(other)[0]) == len(other)
    span = doc[2:6]
    assert set(_token_ids(span)) == {t.i for t in span} == _token_ids(list(span))
