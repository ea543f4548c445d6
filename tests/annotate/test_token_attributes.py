"""The lean attribute ruler + lemmatizer gives every token what spaCy's own two give."""

from __future__ import annotations

import csv
from pathlib import Path
from types import SimpleNamespace

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, ORTH, POS, TAG

from palmyra.annotate.token_attributes import FACTORY, TokenAttributes, lean
from palmyra.pipeline import SPACY_MODEL

DEMO_CSV = Path(__file__).resolve().parents[2] / "demo" / "fakes-demo.csv"
ATTRS = [ORTH, TAG, POS, DEP, HEAD, MORPH, LEMMA, ENT_IOB, ENT_TYPE, NORM]
# what the ruler's rarer patterns are for: two-token lemmas ("gon na", "let 's", "y' all"),
# an expletive subject's verb, pronouns by case, "but" as an adverb, auxiliaries, spaces
CRAFTED = [
    "I ain't gon na say it, but y'all know. C'mon, let's go: we got ta leave.",
    "There is a checkpoint near Idlib, and there were two more. It hit them and they hit it.",
    "Did you see what they did? I have been told that it has done what it had to do.",
    "He was hit.  \n\n  Then  \t the strike was over; nobody but the medics stayed.",
    "",
    "   ",
    "Whose car was it? That which remains is theirs, all of which burned.",
]


@pytest.fixture(scope="module")
def models():
    return spacy.load(SPACY_MODEL), lean(spacy.load(SPACY_MODEL))


def demo_texts() -> list[str]:
    with DEMO_CSV.open(encoding="utf-8", newline="") as fh:
        return [r["article_content"] for r in csv.DictReader(fh)]


def test_lean_pipeline_replaces_the_ruler_and_lemmatizer(models) -> None:
    standard, leaner = models
    assert standard.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler",
                                   "lemmatizer", "ner"]
    assert leaner.pipe_names == ["tok2vec", "tagger", "parser", FACTORY, "ner"]


def test_every_token_as_the_standard_pipeline_gives_it(models) -> None:
    standard, leaner = models
    texts = demo_texts() + CRAFTED
    assert len(texts) > 40
    for text, a, b in zip(texts, standard.pipe(texts), leaner.pipe(texts), strict=True):
        assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all(), text[:80]
        assert [(t.lemma_, t.pos_, str(t.morph)) for t in a] == [
            (t.lemma_, t.pos_, str(t.morph)) for t in b], text[:80]


def test_rare_patterns_do_fire(models) -> None:
    _, leaner = models
    doc = leaner("We are gon na leave. There is a convoy.")
    assert [t.lemma_ for t in doc[2:4]] == ["go", "to"]  # the two-token pattern
    there = next(t for t in doc if t.lower_ == "there")
    assert there.dep_ == "expl" and doc[there.i + 1].pos_ == "VERB"  # "is" after it


def test_a_ruler_it_cannot_key_is_left_alone() -> None:
    lemmatizer = SimpleNamespace(mode="rule", overwrite=False)

    def ruler(*specs: dict) -> SimpleNamespace:
        return SimpleNamespace(patterns=[{"patterns": [[s]], "attrs": {}, "index": 0}
                                         for s in specs])

    assert TokenAttributes.supports(ruler({"TAG": "NN"}, {"LOWER": {"REGEX": "^n't$"}}),
                                    lemmatizer)
    assert not TokenAttributes.supports(ruler({"TAG": "NN"}, {"POS": "NOUN"}), lemmatizer)
    assert not TokenAttributes.supports(ruler({"LOWER": {"FUZZY": "killed"}}), lemmatizer)
    assert not TokenAttributes.supports(ruler({"TAG": "NN"}),
                                        SimpleNamespace(mode="lookup", overwrite=False))
    assert not TokenAttributes.supports(ruler({"TAG": "NN"}),
                                        SimpleNamespace(mode="rule", overwrite=True))


def test_lemma_index_is_asked_as_a_set_and_gives_the_standard_lemmas(models) -> None:
    standard, leaner = models
    lemmatizer = leaner.get_pipe(FACTORY).lemmatizer
    index = lemmatizer.lookups.get_table("lemma_index")
    assert index and all(isinstance(words, frozenset) for words in index.values())
    text = "Shelling wounded the oxen; geese, mice and buses fled the burning villages."
    a, b = standard(text), leaner(text)
    assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    lemmas = {t.text: t.lemma_ for t in b}
    assert (lemmas["villages"], lemmas["buses"], lemmas["fled"]) == ("village", "bus", "flee")
