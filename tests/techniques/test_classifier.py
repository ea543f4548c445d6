"""The technique classifier: features that carry the technique, and a fit that learns them."""

from __future__ import annotations

from collections import Counter

import numpy as np

from palmyra.techniques.classifier import SoftmaxClassifier
from palmyra.techniques.features import ArticleView, char_features, span_features


def test_features_count_repetition_in_the_article():
    text = "Drain the swamp! They will drain the swamp. Vote."
    view = ArticleView(text)
    start = text.index("drain the swamp")
    repeated = span_features(view, start, start + len("drain the swamp"))
    once = span_features(view, text.index("Vote"), text.index("Vote") + 4)
    assert repeated["rep=2"] == 1 and repeated["rep_seen_before"] == 1
    assert once["rep=1"] == 1 and "w=vote" in once


def test_classifier_learns_separable_words_and_round_trips(tmp_path):
    rows = [Counter({"w=thugs": 1}), Counter({"w=nation": 1})] * 5
    targets = ["Name_Calling,Labeling", "Flag-Waving"] * 5
    clf = SoftmaxClassifier(["Flag-Waving", "Name_Calling,Labeling"]).fit(rows, targets, l2=0.1)
    probs = clf.predict_proba([Counter({"w=thugs": 1}), Counter({"w=nation": 1})])
    assert probs.argmax(axis=1).tolist() == [1, 0]
    clf.save(tmp_path)
    again = SoftmaxClassifier.load(tmp_path)
    assert np.allclose(again.predict_proba([Counter({"w=thugs": 1})]),
                       clf.predict_proba([Counter({"w=thugs": 1})]), atol=1e-5)


def test_char_features_share_word_parts_across_unseen_words():
    text = "They are islamophobic. Others are homophobic bigots."
    view = ArticleView(text)
    a = char_features(view, text.index("islamophobic"), text.index("islamophobic") + 12)
    b = char_features(view, text.index("homophobic"), text.index("homophobic") + 17)
    assert "c=phobi" in a and "c=phobi" in b and "c=islam" not in b
    assert b["lex=name"] == 1 and b["len=0"] == 1  # "bigots"; two words


def test_model_averages_the_two_classifiers_where_it_has_both():
    from palmyra.techniques.model import TechniqueModel
    labels = ["Flag-Waving", "Name_Calling,Labeling"]
    text = "the thugs"
    words_clf = SoftmaxClassifier(labels).fit([Counter({"w=thugs": 1}), Counter({"w=nation": 1})]
                                              * 3, ["Name_Calling,Labeling", "Flag-Waving"] * 3)
    chars_clf = SoftmaxClassifier(labels).fit([Counter({"c=hug": 1}), Counter({"c=nat": 1})] * 3,
                                              ["Flag-Waving", "Name_Calling,Labeling"] * 3)
    alone = TechniqueModel(None, words_clf, {}).probabilities(text, [(4, 9)])
    both = TechniqueModel(None, words_clf, {}, chars=chars_clf).probabilities(text, [(4, 9)])
    chars_only = chars_clf.predict_proba([char_features(ArticleView(text), 4, 9)])
    assert np.allclose(both, (alone + chars_only) / 2)
    assert alone[0].argmax() == 1 and chars_only[0].argmax() == 0
