"""Cross-validation of the span proposer over PTC's train articles (never dev).

``clause_oof`` fits the sentence and clause classifiers ``folds`` times, each time
without one fold of the articles (fold ``k``: every article whose index % folds ==
k), exactly as ``palmyra train techniques`` fits them, and scores the left-out
fold's clauses as the model would: every train article then has clause scores from
classifiers that did not see it. With ``chars`` the letter n-gram clause classifier
is fitted too, and each article gets both the word classifier's scores
(``"words"``) and the mean of the two (``"words+chars"``), from the same fits.
``si_by_threshold`` turns such scores into spans and SI F1, so that the decoding
threshold and the components are chosen on train alone. ``si_by_fold`` scores each
fold on its own: a fold is about as many articles as PTC dev (74 against 75), so the
spread of the folds is the spread to expect of a dev score from the same model (the
README's "why PTC dev scores below the 5-fold figure"). A fold's scores are saved
as soon as it is done (``--save``), and a run given the same file resumes:

    python -m palmyra.train.technique_cv --ptc ../shared/data/ptc --chars --save oof.pkl

Each fold costs about what ``palmyra train techniques`` costs (six sentence
classifiers and one or two clause classifiers).
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from palmyra.techniques import spans as proposer
from palmyra.techniques.corpus import Article, read_split
from palmyra.techniques.features import ArticleView, sentence_features
from palmyra.techniques.model import clause_scores
from palmyra.techniques.score import si_scores

# One article's clauses: each line's (clauses, scores), as ``model.clause_scores`` gives.
Scored = list[tuple[list[tuple[int, int]], list[float]]]
# fitted classifiers from training articles: (sentence, clause, letter clause or None)
Fit = Callable[[list[Article]], tuple[Any, Any, Any]]
THRESHOLDS = (0.15, 0.2, 0.225, 0.25, 0.275, 0.3, 0.35, 0.4)


def default_fit(chars: bool) -> Fit:
    """The classifiers as ``palmyra train techniques`` fits them."""
    from palmyra.train import technique_model as tm

    def fit(arts: list[Article]) -> tuple[Any, Any, Any]:
        clause, letters = tm.fit_clause_classifiers(arts, chars=chars)
        return tm.fit_sentence_classifier(arts), clause, letters
    return fit


def clause_oof(articles: Sequence[Article], folds: int = 5, fit: Fit | None = None,
               chars: bool = False, done: dict[str, Any] | None = None,
               after_fold: Callable[[dict[str, Any]], None] | None = None,
               log: Callable[[str], None] | None = None) -> dict[str, dict[str, Scored]]:
    """Each article's clause scores from classifiers fitted on the other folds, by variant
    (``"words"``, and ``"words+chars"`` where the fit gives a letter classifier).
    ``done``: a state ``after_fold`` was given by an earlier run, whose folds are kept."""
    fit = fit or default_fit(chars)
    state: dict[str, Any] = done or {"folds": folds, "done": [], "scores": {}}
    if state["folds"] != folds:
        raise ValueError("the saved scores come from another number of folds")
    for k in range(folds):
        if k in state["done"]:
            continue
        began = time.monotonic()
        sentence, clause, letters = fit([a for i, a in enumerate(articles) if i % folds != k])
        for art in articles[k::folds]:
            state["scores"].setdefault("words", {})[art.id] = score_article(
                art.text, sentence, clause)
            if letters is not None:
                state["scores"].setdefault("words+chars", {})[art.id] = score_article(
                    art.text, sentence, clause, letters)
        state["done"].append(k)
        if after_fold:
            after_fold(state)
        if log:
            log(f"fold {k + 1}/{folds}: {time.monotonic() - began:.0f} s")
    return state["scores"]


def score_article(text: str, sentence: Any, clause: Any, letters: Any = None) -> Scored:
    """The clauses of ``text`` and their scores, as ``TechniqueModel.propose`` reads them."""
    view, units = ArticleView(text), proposer.sentences(text)
    rows = [sentence_features(view, s, e, i) for i, (s, e) in enumerate(units)]
    sure = sentence.predict_proba(rows)[:, 1].tolist() if rows else []
    return clause_scores(clause, view, units, sure, letters)


def decode(scored: Scored, threshold: float, text: str) -> list[tuple[int, int]]:
    """The spans the model proposes from one article's clause scores, each without its
    closing stop, as ``TechniqueModel.propose`` gives them."""
    return [proposer.unstopped(text, a, b)
            for pieces in scored for a, b, _ in proposer.picked(*pieces, threshold)]


def si_by_threshold(articles: Sequence[Article], scored: dict[str, Scored],
                    thresholds: Sequence[float] = THRESHOLDS
                    ) -> dict[float, tuple[float, float, float]]:
    """SI (P, R, F1) over ``articles`` at each threshold."""
    gold = {a.id: [(x.start, x.end) for x in a.labels] for a in articles}
    out = {}
    for t in thresholds:
        s = si_scores({a.id: decode(scored[a.id], t, a.text) for a in articles}, gold)
        out[t] = (round(s.precision, 4), round(s.recall, 4), round(s.f1, 4))
    return out


def si_by_fold(articles: Sequence[Article], scored: dict[str, Scored], folds: int,
               thresholds: Sequence[float] = THRESHOLDS) -> list[dict[float, float]]:
    """Each fold's SI F1 at each threshold (fold ``k``: the articles whose index % folds ==
    k, as ``clause_oof`` splits them), each scored as a split of its own."""
    return [{t: f1 for t, (_, _, f1) in si_by_threshold(articles[k::folds], scored,
                                                         thresholds).items()}
            for k in range(folds)]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ptc", type=Path, required=True)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--chars", action="store_true",
                        help="also fit the letter n-gram clause classifier (both variants)")
    parser.add_argument("--save", type=Path,
                        help="keep each fold's scores here; a run with the same file resumes")
    args = parser.parse_args(argv)
    articles = read_split(args.ptc, "train", limit=args.limit)
    done = pickle.loads(args.save.read_bytes()) if args.save and args.save.is_file() else None

    def keep(state: dict[str, Any]) -> None:
        if args.save:
            args.save.write_bytes(pickle.dumps(state))

    scored = clause_oof(articles, args.folds, chars=args.chars, done=done, after_fold=keep,
                        log=lambda m: print(m, flush=True))
    print(json.dumps({name: {str(t): v for t, v in si_by_threshold(articles, s).items()}
                      for name, s in scored.items()}, indent=1))
    print(json.dumps({f"{name}, F1 by fold": [{str(t): f1 for t, f1 in fold.items()}
                                              for fold in si_by_fold(articles, s, args.folds)]
                      for name, s in scored.items()}))


if __name__ == "__main__":
    main()
