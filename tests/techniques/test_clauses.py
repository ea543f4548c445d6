"""Sub-sentence spans: a line cut into clauses, a classifier that picks the clauses of a
loaded line that hold the technique, each proposed as a span."""

from __future__ import annotations

import numpy as np

from palmyra.techniques.classifier import SoftmaxClassifier
from palmyra.techniques.corpus import Article, Labelled
from palmyra.techniques.features import ArticleView, clause_features, span_features
from palmyra.techniques.model import TechniqueModel
from palmyra.techniques.spans import build, clauses, picked, unstopped
from palmyra.train.technique_model import fit_clause_classifier, fit_sentence_classifier

LINE = ('Officials said on Monday that the so-called experts, who never visited the site, '
        'were "a bunch of paid liars" and should resign.')
LOADED = "The minister met the envoy, and these barbaric thugs will pay dearly!"
PLAIN = "The council met on Tuesday to discuss the budget."


def _pieces(text: str) -> list[str]:
    return [text[a:b] for a, b in clauses(text, 0, len(text))]


def test_clauses_break_at_punctuation_quotes_and_clause_words():
    assert _pieces(LINE) == ["Officials said on Monday", "that the so-called experts",
                             "who never visited the site", "were", "a bunch of paid liars",
                             "and should resign."]


def test_clauses_keep_closing_marks_and_sentence_ends_inside_a_line():
    text = "Really? They are thugs! Vote now."
    assert _pieces(text) == ["Really?", "They are thugs!", "Vote now."]
    assert _pieces("   ") == []


def test_clauses_are_offsets_into_the_whole_text():
    text = f"Title\n{LOADED}\n"
    start = text.index(LOADED)
    found = clauses(text, start, start + len(LOADED))
    assert [text[a:b] for a, b in found] == ["The minister met the envoy",
                                             "and these barbaric thugs will pay dearly!"]


def test_picked_keeps_each_clause_at_the_threshold_as_its_own_span():
    pieces = [(0, 5), (7, 12), (14, 20), (22, 30)]
    found = picked(pieces, [0.9, 0.6, 0.1, 0.5], 0.5)
    assert found == [(0, 5, 0.9), (7, 12, 0.6), (22, 30, 0.5)]
    assert picked(pieces, [0.1] * 4, 0.5) == []


def test_unstopped_ends_a_span_at_its_last_word_not_the_sentence_stop():
    text = "Really? They are thugs! Vote now... Or do you \"trust\" them."
    ends = [text[slice(*unstopped(text, a, b))] for a, b in clauses(text, 0, len(text))]
    assert ends == ["Really", "They are thugs", "Vote now", "Or do you", "trust", "them"]
    assert unstopped(text, 0, 1) == (0, 1)  # never empty
    # a closing quotation mark stays: PTC spans take it in about as often as not
    quote = 'He called it "a hoax."'
    assert quote[slice(*unstopped(quote, 13, len(quote)))] == '"a hoax."'
    assert quote[slice(*unstopped(quote, 13, len(quote) - 1))] == '"a hoax'


def test_clause_features_tell_place_bounds_and_cue_words():
    view = ArticleView(LINE)
    pieces = clauses(LINE, 0, len(LINE))
    quoted = clause_features(view, (0, len(LINE)), pieces[4], 4, len(pieces), 1)
    first = clause_features(view, (0, len(LINE)), pieces[0], 0, len(pieces), 1)
    assert quoted["has=quote"] == 1 and quoted["at=mid"] == 1 and "w=liars" in quoted
    assert first["at=first"] == 1 and first["before=^"] == 1 and "has=quote" not in first
    assert first["lex=authority"] == 1  # "officials"


def test_span_features_mark_cue_words_quotes_and_the_title():
    text = 'Thugs rule\n\nThey called them "traitors" on Monday.'
    view = ArticleView(text)
    start = text.index("traitors")
    inside = span_features(view, start, start + len("traitors"))
    title = span_features(view, 0, 5)
    assert inside["lex=name"] == 1 and inside["quoted"] == 1 and "in_title" not in inside
    assert title["in_title"] == 1 and "quoted" not in title


def _article(n: int) -> Article:
    text = f"A title\n\n{LOADED}\n{PLAIN}\n"
    start = text.index("barbaric thugs")
    return Article(str(n), text, [Labelled("Name_Calling,Labeling", start, start + 14)])


def test_clause_classifier_picks_the_loaded_clause_and_propose_returns_it():
    articles = [_article(n) for n in range(8)]
    sentence = fit_sentence_classifier(articles, l2=0.1)
    clause = fit_clause_classifier(articles, l2=0.1)
    nlp = build()
    nlp.initialize()
    tagger = SoftmaxClassifier(["x"], {}, np.zeros((1, 1)))
    meta = {"threshold": 1.1, "low": 1.1, "sentence_threshold": None, "clause_threshold": 0.3}
    model = TechniqueModel(nlp, tagger, meta, sentence, clause)
    text = f"{PLAIN}\n{LOADED}\n"
    found = model.propose(text)
    # the clause keeps its "!" for its features; the span ends at its last word, as PTC's do
    assert [text[s:e] for s, e, _ in found] == ["and these barbaric thugs will pay dearly"]
    model.meta["clause_threshold"] = None  # an older model: no clause step
    assert model.propose(text) == []


def test_a_model_with_clauses_round_trips(tmp_path):
    articles = [_article(n) for n in range(4)]
    nlp = build()
    nlp.initialize()
    tc = SoftmaxClassifier(["Name_Calling,Labeling", "Flag-Waving"]).fit(
        [span_features(ArticleView(LOADED), 0, 5)] * 2, ["Name_Calling,Labeling", "Flag-Waving"])
    meta = {"threshold": 1.1, "low": 1.1, "clause_threshold": 0.3}
    TechniqueModel(nlp, tc, meta, fit_sentence_classifier(articles),
                   fit_clause_classifier(articles)).save(tmp_path)
    again = TechniqueModel.load(tmp_path)
    assert again.clause is not None and again.clause_threshold == 0.3
