"""A trained technique model on disk, and the two things it does: tag a text, name given spans.

The folder (written by ``palmyra train techniques``) holds ``spans/`` (the span
proposer, a spaCy pipeline), ``sentences/`` (the sentence classifier: does this
sentence use any technique), ``clauses/`` (the clause classifier: which clauses
hold a technique, read with their line and article), ``classifier/`` (the technique classifier) and
``model.json`` (the decoding thresholds and how the model was made). It lives in
the user's cache folder (``default_model_dir``) or wherever ``--model`` put it;
never in the package, since PTC, which it is trained on, states no licence.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from palmyra.disk_cache import user_cache_folder
from palmyra.errors import PalmyraError
from palmyra.techniques import spans as proposer
from palmyra.techniques.classifier import SoftmaxClassifier
from palmyra.techniques.features import (
    ArticleView,
    char_features,
    clause_char_features,
    clause_context,
    clause_features,
    line_context,
    sentence_features,
    span_features,
)

ENV_MODEL = "PALMYRA_TECHNIQUES_MODEL"  # a model folder that wins over the cache folder
SPANS, CLASSIFIER, SENTENCES, CLAUSES, CHARS, CLAUSE_CHARS, META = (
    "spans", "classifier", "sentences", "clauses", "classifier_chars", "clauses_chars",
    "model.json")
TRAIN_HINT = ("propaganda techniques skipped: no trained model. Train one with "
              "`palmyra train techniques --ptc DIR` (DIR: the SemEval-2020 Task 11 PTC folder).")


@dataclass(frozen=True)
class Tagged:
    """A technique found in a text: ``text[start:end]``, the likeliest ``label`` and its
    probability ``score``; ``span_score`` is the proposer's mean probability over its words."""

    start: int
    end: int
    label: str
    score: float
    span_score: float


def default_model_dir() -> Path:
    """``$PALMYRA_TECHNIQUES_MODEL``, else ``palmyra/techniques`` in the user's cache folder
    (``$XDG_CACHE_HOME`` or ``~/.cache``)."""
    if os.environ.get(ENV_MODEL):
        return Path(os.environ[ENV_MODEL])
    return user_cache_folder() / "techniques"


def find_model(path: str | Path | None = None) -> TechniqueModel | None:
    """The model at ``path`` (or the default folder), or ``None`` where none was trained."""
    folder = Path(path) if path else default_model_dir()
    if not (folder / META).is_file():
        return None
    return _load(str(folder.resolve()))


@lru_cache(maxsize=4)
def _load(folder: str) -> TechniqueModel:
    return TechniqueModel.load(Path(folder))


class TechniqueModel:
    """The span proposer and the technique classifier, with the proposer's threshold."""

    def __init__(self, nlp: Any, classifier: SoftmaxClassifier, meta: dict[str, Any],
                 sentence: SoftmaxClassifier | None = None,
                 clause: SoftmaxClassifier | None = None,
                 chars: SoftmaxClassifier | None = None,
                 clause_chars: SoftmaxClassifier | None = None) -> None:
        self.nlp = nlp
        self.classifier = classifier
        self.meta = meta
        self.sentence = sentence  # P(the sentence uses a technique); None in older models
        self.clause = clause  # P(a clause holds a technique); None in older models
        self.chars = chars  # the technique from the span's letter n-grams; None in older models
        # P(a clause holds a technique) from its letter n-grams, averaged with ``clause``'s;
        # None in older models
        self.clause_chars = clause_chars

    @property
    def clause_threshold(self) -> float | None:
        """Clauses scored at or above this (``clause_scores``) are proposed, each its own
        span; ``None``: whole sentences instead."""
        value = self.meta.get("clause_threshold")
        ok = value is not None and self.clause is not None and self.sentence is not None
        return float(value) if ok else None

    @property
    def sentence_threshold(self) -> float | None:
        """Sentences the sentence classifier scores at or above this are proposed whole."""
        value = self.meta.get("sentence_threshold")
        return None if value is None or self.sentence is None else float(value)

    @property
    def thresholds(self) -> tuple[float, float]:
        """The proposer's (high, low) decoding thresholds (see ``spans.spans``)."""
        return float(self.meta["threshold"]), float(self.meta.get("low", self.meta["threshold"]))

    @classmethod
    def load(cls, folder: Path) -> TechniqueModel:
        """Raises:
            PalmyraError: the folder is not a complete technique model."""
        import spacy

        try:
            meta = json.loads((folder / META).read_text(encoding="utf-8"))
            sentence = (SoftmaxClassifier.load(folder / SENTENCES)
                        if (folder / SENTENCES).is_dir() else None)
            clause = (SoftmaxClassifier.load(folder / CLAUSES)
                      if (folder / CLAUSES).is_dir() else None)
            chars = (SoftmaxClassifier.load(folder / CHARS)
                     if (folder / CHARS).is_dir() else None)
            clause_chars = (SoftmaxClassifier.load(folder / CLAUSE_CHARS)
                            if (folder / CLAUSE_CHARS).is_dir() else None)
            return cls(spacy.load(folder / SPANS), SoftmaxClassifier.load(folder / CLASSIFIER),
                       meta, sentence, clause, chars, clause_chars)
        except (OSError, ValueError, KeyError) as err:
            raise PalmyraError(f"{folder}: not a technique model ({err}); retrain it with "
                               "`palmyra train techniques`") from err

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.nlp.to_disk(folder / SPANS)
        self.classifier.save(folder / CLASSIFIER)
        if self.sentence is not None:
            self.sentence.save(folder / SENTENCES)
        if self.clause is not None:
            self.clause.save(folder / CLAUSES)
        if self.chars is not None:
            self.chars.save(folder / CHARS)
        if self.clause_chars is not None:
            self.clause_chars.save(folder / CLAUSE_CHARS)
        (folder / META).write_text(json.dumps(self.meta, indent=1) + "\n", encoding="utf-8")

    def propose(self, text: str) -> list[tuple[int, int, float]]:
        """Spans of ``text`` that use some technique: ``(start, end, span score)``.

        The text is read a line (a paragraph, or in PTC a sentence) at a time. Where the
        model has a clause classifier, the clauses whose score (``clause_scores``) reaches
        its threshold are proposed, each its own span; else a line the sentence classifier
        is sure enough of is proposed whole (its score: the sentence's probability). In
        the other lines the tagger's spans are (see ``spans.spans``)."""
        units = proposer.sentences(text)
        sure = self.sentence_probabilities(text, units)
        whole, by_clause = self.sentence_threshold, self.clause_threshold
        pieces = self.clause_scores(text, units, sure) if by_clause is not None else None
        high, low = self.thresholds
        out: list[tuple[int, int, float]] = []
        rest = []  # the lines left to the tagger
        for i, ((s, e), p_sent) in enumerate(zip(units, sure, strict=True)):
            if pieces is not None:
                found = proposer.picked(*pieces[i], by_clause)
                if found:
                    out.extend((*proposer.unstopped(text, a, b), p) for a, b, p in found)
                    continue
            elif whole is not None and p_sent >= whole:
                out.append(proposer.trimmed(text, s, e, p_sent))
                continue
            rest.append((s, e))
        if high > 1.0 or not rest:  # a threshold no probability reaches: no tagger at all
            return sorted(out)
        docs = [self.nlp.make_doc(text[s:e]) for s, e in rest]
        for (s, _), doc, probs in zip(rest, docs, proposer.in_probabilities(self.nlp, docs),
                                      strict=True):
            out.extend((s + a, s + b, p) for a, b, p in proposer.spans(doc, probs, high, low))
        return sorted(out)

    def clause_scores(self, text: str, units: list[tuple[int, int]], sure: list[float]
                      ) -> list[tuple[list[tuple[int, int]], list[float]]]:
        """Each unit's clauses and their scores (see the module function ``clause_scores``)."""
        return clause_scores(self.clause, ArticleView(text), units, sure, self.clause_chars)

    def sentence_probabilities(self, text: str,
                               units: list[tuple[int, int]]) -> list[float]:
        """The sentence classifier's probability that each unit uses a technique (0 for all
        where the model has none)."""
        if self.sentence is None or not units:
            return [0.0] * len(units)
        view = ArticleView(text)
        rows = [sentence_features(view, s, e, i) for i, (s, e) in enumerate(units)]
        return [float(p) for p in self.sentence.predict_proba(rows)[:, 1]]

    def probabilities(self, text: str, spans: list[tuple[int, int]]) -> np.ndarray:
        """Each technique's probability for each span (rows in ``classifier.labels`` order):
        the mean of the two classifiers' where the model has both."""
        view = ArticleView(text)
        probs = self.classifier.predict_proba([span_features(view, s, e) for s, e in spans])
        if self.chars is not None:
            probs = (probs + self.chars.predict_proba([char_features(view, s, e)
                                                       for s, e in spans])) / 2
        return probs

    def tag(self, text: str) -> list[Tagged]:
        """Every technique span of ``text`` with its likeliest technique."""
        found = self.propose(text)
        probs = self.probabilities(text, [(s, e) for s, e, _ in found])
        labels = self.classifier.labels
        return [Tagged(s, e, labels[int(p.argmax())], float(p.max()), ps)
                for (s, e, ps), p in zip(found, probs, strict=True)]

    def classify(self, text: str, spans: list[tuple[int, int]]) -> list[str]:
        """A technique for each given span; a span given k times gets its k likeliest."""
        probs = self.probabilities(text, spans)
        seen: dict[tuple[int, int], int] = {}
        out = []
        for span, p in zip(spans, probs, strict=True):
            rank = seen.get(span, 0)
            seen[span] = rank + 1
            out.append(self.classifier.labels[int(np.argsort(-p)[min(rank, len(p) - 1)])])
        return out


def clause_scores(clause: SoftmaxClassifier, view: ArticleView, units: list[tuple[int, int]],
                  sure: list[float], chars: SoftmaxClassifier | None = None
                  ) -> list[tuple[list[tuple[int, int]], list[float]]]:
    """Each unit's clauses (``spans.clauses``) and their scores. A clause classifier that
    takes the line and article context (``features.clause_context``, from the sentence
    probabilities ``sure`` of all the article's units in order) scores each clause on its
    own, and where ``chars`` (the same context, the clause's letter n-grams for its words:
    ``features.clause_char_features``) is given the score is the mean of the two; an older
    one (no context) gives the probability that the clause holds the technique if its line
    does, and the score is that times the line's ``sure``."""
    pieces = [proposer.clauses(view.text, s, e) for s, e in units]
    rows = [clause_features(view, unit, c, k, len(cs), i)
            for i, (unit, cs) in enumerate(zip(units, pieces, strict=True))
            for k, c in enumerate(cs)]
    if clause.scaling is None:
        probs = iter(clause.predict_proba(rows)[:, 1].tolist() if rows else [])
        return [(cs, [p * next(probs) for _ in cs]) for cs, p in zip(pieces, sure, strict=True)]
    lines = line_context([logit(p) for p in sure])
    dense = np.array([clause_context(lines[i], unit, c, len(cs))
                      for i, (unit, cs) in enumerate(zip(units, pieces, strict=True))
                      for c in cs])
    scores = clause.predict_proba(rows, dense)[:, 1] if rows else np.zeros(0)
    if chars is not None and rows:
        letters = [clause_char_features(view, c) for cs in pieces for c in cs]
        scores = (scores + chars.predict_proba(letters, dense)[:, 1]) / 2
    probs = iter(scores.tolist())
    return [(cs, [next(probs) for _ in cs]) for cs in pieces]


def logit(p: float) -> float:
    """log(p / (1 - p)), kept finite."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))
