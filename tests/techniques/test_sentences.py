"""The sentence classifier: whole lines proposed where it is sure a technique is used."""

from __future__ import annotations

import numpy as np

from palmyra.techniques.classifier import SoftmaxClassifier
from palmyra.techniques.corpus import Article, Labelled
from palmyra.techniques.features import ArticleView, sentence_features
from palmyra.techniques.model import TechniqueModel
from palmyra.techniques.spans import build, trimmed
from palmyra.train.technique_model import fit_sentence_classifier

LOADED = "Our great nation will never bow to these barbaric thugs!"
PLAIN = "The council met on Tuesday to discuss the budget."


def _article(n: int) -> Article:
    text = f"A title\n\n{LOADED}\n{PLAIN}\n"
    start = text.index("barbaric thugs")
    return Article(str(n), text, [Labelled("Name_Calling,Labeling", start, start + 14)])


def test_sentence_features_mark_the_title_and_punctuation():
    text = f"Thugs!\n\n{PLAIN}"
    view = ArticleView(text)
    title = sentence_features(view, 0, 6, 0)
    plain = sentence_features(view, 8, len(text), 1)
    assert title["pos=title"] == 1 and title["has=excl"] == 1 and "w=thugs" in title
    assert "pos=title" not in plain and "has=excl" not in plain


def test_sentence_classifier_learns_which_lines_use_a_technique():
    clf = fit_sentence_classifier([_article(n) for n in range(8)], l2=0.1)
    view = ArticleView(f"{LOADED}\n{PLAIN}")
    p = clf.predict_proba([sentence_features(view, 0, len(LOADED), 1),
                           sentence_features(view, len(LOADED) + 1, len(view.text), 2)])[:, 1]
    assert p[0] > 0.5 > p[1]


def test_propose_gives_sure_sentences_whole_and_the_tagger_the_rest():
    clf = fit_sentence_classifier([_article(n) for n in range(8)], l2=0.1)
    nlp = build()
    nlp.initialize()
    tagger = SoftmaxClassifier(["x"], {}, np.zeros((1, 1)))
    # tagger thresholds above any probability: only the sentence classifier can propose
    model = TechniqueModel(nlp, tagger, {"threshold": 1.1, "low": 1.1, "sentence_threshold": 0.5},
                           clf)
    text = f"{PLAIN}\n  {LOADED} \n"
    found = model.propose(text)
    assert [text[s:e] for s, e, _ in found] == [LOADED]
    assert found[0][2] > 0.5
    model.meta["sentence_threshold"] = None  # an older model: the tagger alone
    assert model.propose(text) == []


def test_trimmed_strips_edge_space():
    assert trimmed("  so-called experts \n", 0, 21, 0.7) == (2, 19, 0.7)
