"""The second clause classifier (letter n-grams of the clause, with the same line and article
context), averaged with the first, and the cross-validation that chose it over train
articles only."""

from __future__ import annotations

import numpy as np
import pytest

from palmyra.techniques.classifier import SoftmaxClassifier
from palmyra.techniques.corpus import Article, Labelled
from palmyra.techniques.features import (
    ArticleView,
    clause_char_features,
    clause_context,
    line_context,
)
from palmyra.techniques.model import TechniqueModel, clause_scores, logit
from palmyra.techniques.spans import build, sentences
from palmyra.train import technique_cv
from palmyra.train.technique_model import (
    fit_clause_classifier,
    fit_clause_classifiers,
    fit_sentence_classifier,
)

LOADED = "The minister met the envoy, and these barbaric thugs will pay dearly!"
PLAIN = "The council met on Tuesday to discuss the budget."
# an insult the training clauses never hold as a word, sharing letters with "thugs"
UNSEEN = "The minister met the envoy, and these thuggish brutes will pay dearly!"


def _article(n: int) -> Article:
    text = f"A title\n\n{LOADED}\n{PLAIN}\n"
    start = text.index("barbaric thugs")
    return Article(str(n), text, [Labelled("Name_Calling,Labeling", start, start + 14)])


@pytest.fixture(scope="module")
def fitted():
    articles = [_article(n) for n in range(8)]
    words, letters = fit_clause_classifiers(articles, l2=0.1)
    return articles, fit_sentence_classifier(articles, l2=0.1), words, letters


def test_clause_char_features_hold_letter_ngrams_of_the_clause_only():
    text = f"{LOADED}\n"
    view = ArticleView(text)
    a = text.index("these")
    f = clause_char_features(view, (a, a + len("these barbaric thugs")))
    assert f["c=thu"] == 1 and f["c= barb"] == 1
    assert not any("minis" in k for k in f)  # nothing from outside the clause


def test_the_word_classifier_is_the_one_fit_clause_classifier_fits(fitted):
    articles, _sentence, words, letters = fitted
    alone = fit_clause_classifier(articles, l2=0.1)
    assert letters is not None and alone.vocab == words.vocab
    assert np.allclose(alone.weights, words.weights)
    assert not any(k.startswith("c=") for k in words.vocab)
    assert any(k.startswith("c=") for k in letters.vocab)


def test_clause_scores_average_the_two_classifiers(fitted):
    _articles, sentence, words, letters = fitted
    text = f"{PLAIN}\n{UNSEEN}\n"
    view, units = ArticleView(text), sentences(text)
    sure = [0.5] * len(units)
    one = clause_scores(words, view, units, sure)
    both = clause_scores(words, view, units, sure, letters)
    lines = line_context([logit(p) for p in sure])
    for i, ((cs, p), (cs2, r)) in enumerate(zip(one, both, strict=True)):
        assert cs == cs2
        dense = np.array([clause_context(lines[i], units[i], c, len(cs)) for c in cs])
        q = letters.predict_proba([clause_char_features(view, c) for c in cs], dense)[:, 1]
        assert np.allclose(r, (np.array(p) + q) / 2) and not np.allclose(r, p)
    # the letters see "thug" inside the unseen word: the loaded clause scores above the plain
    scored = {text[a:b]: s for cs, ps in both for (a, b), s in zip(cs, ps, strict=True)}
    assert scored["and these thuggish brutes will pay dearly!"] > scored[PLAIN.rstrip(".") + "."]


def test_a_model_with_both_clause_classifiers_round_trips_and_proposes_alike(fitted, tmp_path):
    _articles, sentence, words, letters = fitted
    nlp = build()
    nlp.initialize()
    tc = SoftmaxClassifier(["x", "y"], {}, np.zeros((1, 2)))
    meta = {"threshold": 1.1, "low": 1.1, "clause_threshold": 0.3}
    model = TechniqueModel(nlp, tc, meta, sentence, words, clause_chars=letters)
    model.save(tmp_path)
    assert (tmp_path / "clauses_chars").is_dir()
    again = TechniqueModel.load(tmp_path)
    text = f"{PLAIN}\n{LOADED}\n"
    assert again.clause_chars is not None
    found, before = again.propose(text), model.propose(text)
    assert [f[:2] for f in found] == [b[:2] for b in before]
    assert [f[2] for f in found] == pytest.approx([b[2] for b in before], abs=1e-5)
    assert [text[s:e] for s, e, _ in again.propose(text)] == [
        "and these barbaric thugs will pay dearly"]  # without the stop, as PTC's spans


def test_cross_validation_scores_each_article_without_seeing_it():
    articles = [_article(n) for n in range(10)]
    seen: list[set[str]] = []

    def fit(arts):
        seen.append({a.id for a in arts})
        clause, letters = fit_clause_classifiers(arts, l2=0.1)
        return fit_sentence_classifier(arts, l2=0.1), clause, letters

    saved = []
    scored = technique_cv.clause_oof(articles, folds=5, fit=fit,
                                     after_fold=lambda state: saved.append(len(state["done"])))
    assert set(scored) == {"words", "words+chars"} and saved == [1, 2, 3, 4, 5]
    assert set(scored["words"]) == {a.id for a in articles} and len(seen) == 5
    for k, ids in enumerate(seen):  # fold k's articles were left out of its fit
        assert not ids & {a.id for a in articles[k::5]}
    table = technique_cv.si_by_threshold(articles, scored["words+chars"], thresholds=(0.3, 1.01))
    assert table[1.01] == (0.0, 0.0, 0.0)  # no clause reaches it: nothing proposed
    p, r, f1 = table[0.3]
    assert f1 > 0.5 and 0 <= p <= 1 and 0 <= r <= 1
    by_fold = technique_cv.si_by_fold(articles, scored["words+chars"], 5, thresholds=(0.3, 1.01))
    assert len(by_fold) == 5 and all(fold[1.01] == 0.0 for fold in by_fold)
    for k, fold in enumerate(by_fold):  # fold k: the articles clause_oof left out of fit k
        held_out = [a for a in articles if a.id not in seen[k]]
        alone = technique_cv.si_by_threshold(held_out, scored["words+chars"], (0.3,))
        assert fold[0.3] == alone[0.3][2]


def test_cross_validation_resumes_from_the_folds_already_done():
    articles = [_article(n) for n in range(6)]
    calls = []

    def fit(arts):
        calls.append(len(arts))
        return fit_sentence_classifier(arts, l2=0.1), fit_clause_classifier(arts, l2=0.1), None

    states = []
    technique_cv.clause_oof(articles, folds=3, fit=fit,
                            after_fold=lambda state: states.append(
                                {**state, "done": list(state["done"])}))
    half = {**states[0], "scores": {"words": {a.id: states[-1]["scores"]["words"][a.id]
                                              for a in articles[0::3]}}}
    calls.clear()
    again = technique_cv.clause_oof(articles, folds=3, fit=fit, done=half)
    assert len(calls) == 2 and set(again) == {"words"}
    assert set(again["words"]) == {a.id for a in articles}
