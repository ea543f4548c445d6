"""The technique classifier: features that carry the technique, and a fit that learns them."""

from __future__ import annotations

from collections import Counter

import numpy as np

from palmyra.techniques.classifier import SoftmaxClassifier
from palmyra.techniques.features import ArticleView, span_features


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
