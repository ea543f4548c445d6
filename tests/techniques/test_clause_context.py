"""The clause classifier's context: the sentence classifier's view of a clause's line, its
neighbours and its article, made without the article while training."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest

from palmyra.techniques.classifier import SoftmaxClassifier
from palmyra.techniques.corpus import Article, Labelled
from palmyra.techniques.features import (
    EDGE,
    ArticleView,
    clause_context,
    line_context,
    sentence_features,
)
from palmyra.train.technique_model import fit_sentence_classifier, line_logits

LOADED = "Our great nation will never bow to these barbaric thugs!"
PLAIN = "The council met on Tuesday to discuss the budget."
ODD = "The zorblaxian quuxers betrayed everyone."


def _article(n: int, odd: bool = False) -> Article:
    text = f"A title\n\n{LOADED}\n{PLAIN}\n" + (f"{ODD}\n" if odd else "")
    start = text.index("barbaric thugs")
    labels = [Labelled("Name_Calling,Labeling", start, start + 14)]
    if odd:
        labels.append(Labelled("Loaded_Language", text.index(ODD), text.index(ODD) + len(ODD)))
    return Article(str(n), text, labels)


def test_line_context_gives_each_line_its_neighbours_and_the_article():
    rows = line_context([2.0, -1.0, 0.0, -3.0])
    assert rows[0] == [2.0, (-1.0 + 0.0 - 3.0) / 3, 2.0, EDGE, -1.0]
    assert rows[1][3:] == [2.0, 0.0] and rows[3][4] == EDGE
    assert line_context([]) == [] and line_context([1.0])[0][1] == EDGE


def test_clause_context_adds_length_share_and_the_line_article_product():
    line = [2.0, -1.0, 2.0, EDGE, -1.0]
    row = clause_context(line, (10, 110), (20, 45), 4)
    assert row[:5] == line and row[5] == -2.0
    assert row[6:] == [math.log1p(25), 0.25, math.log(4)]


def test_sentence_features_count_cue_words():
    text = "They threaten to destroy our nation."
    f = sentence_features(ArticleView(text), 0, len(text), 1)
    assert f["lex=fear"] == 2 and f["lex=flag"] >= 1


def test_line_logits_come_from_a_classifier_that_did_not_see_the_article():
    articles = [_article(0, odd=True)] + [_article(n) for n in range(1, 6)]
    held_out = line_logits(articles, l2=0.1, folds=3)
    assert [len(v) for v in held_out.values()] == [4, 3, 3, 3, 3, 3]
    seen = fit_sentence_classifier(articles, l2=0.1)
    view = ArticleView(articles[0].text)
    start = articles[0].text.index(ODD)
    inside = seen.predict_proba([sentence_features(view, start, start + len(ODD), 3)])[0, 1]
    # the odd line's words occur in no other article: without it, no sign of a technique
    assert held_out["0"][3] < math.log(inside / (1 - inside)) - 1.0
    assert held_out["0"][1] > 0 > held_out["0"][2]  # the loaded line, the plain one


def test_classifier_with_numeric_columns_learns_them_and_round_trips(tmp_path):
    rows = [Counter({"w=same": 1})] * 8
    dense = np.array([[5.0], [-5.0]] * 4)
    clf = SoftmaxClassifier(["no", "yes"]).fit(rows, ["yes", "no"] * 4, l2=0.1, dense=dense)
    probs = clf.predict_proba(rows[:2], dense[:2])[:, 1]
    assert probs[0] > 0.8 > 0.2 > probs[1]
    with pytest.raises(ValueError):
        clf.predict_proba(rows[:2])
    clf.save(tmp_path)
    again = SoftmaxClassifier.load(tmp_path)
    assert np.allclose(again.predict_proba(rows[:2], dense[:2]), clf.predict_proba(rows[:2],
                                                                                   dense[:2]),
                       atol=1e-5)


def test_numeric_columns_are_cut_so_a_nearly_constant_one_cannot_blow_up():
    rows = [Counter({"w=same": 1})] * 8
    dense = np.array([[1.0, 1.0 + 1e-6], [-1.0, 1.0 - 1e-6]] * 4)
    clf = SoftmaxClassifier(["no", "yes"]).fit(rows, ["yes", "no"] * 4, l2=0.1, dense=dense)
    mean, spread = clf.scaling
    edge = clf.predict_proba(rows[:1], np.array([[0.0, mean[1] + 5 * spread[1]]]))
    far = clf.predict_proba(rows[:1], np.array([[0.0, 1000.0]]))
    assert np.allclose(edge, far) and 0.0 < far[0, 1] < 1.0
