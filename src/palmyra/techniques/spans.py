"""The span proposer: which words of a sentence use some propaganda technique.

A per-token in/out tagger (spaCy's ``tagger`` component, a softmax over IN and OUT
for each token) over a small CNN ``Tok2Vec`` of hashed word features; consecutive
tokens whose IN probability reaches the threshold form a span. Chosen over spaCy's
``spancat`` because PTC spans run from one word ("terrorists") to whole clauses,
which an n-gram suggester cannot cover without thousands of candidates a sentence,
and over the ``ner`` component because its probabilities let the decoding
thresholds, tuned on held-out training articles, trade precision for recall where
the task's overlap metric wants it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
import spacy
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from palmyra.techniques.corpus import Article

IN, OUT = "IN", "OUT"
COMPONENT = "tagger"
# Hashed NORM/PREFIX/SUFFIX/SHAPE embeddings, then four CNN layers of window 1: each token
# sees four words either side, enough for "so-called", "the radical left" and their cues.
TOK2VEC: dict[str, Any] = {
    "@architectures": "spacy.Tok2Vec.v2",
    "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 96,
              "rows": [5000, 2000, 2000, 1000], "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
              "include_static_vectors": False},
    "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 96, "window_size": 1,
               "maxout_pieces": 3, "depth": 4},
}
ARCHITECTURE = {"@architectures": "spacy.Tagger.v2", "tok2vec": TOK2VEC}


def build() -> Any:
    """A blank English pipeline with an untrained in/out tagger."""
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe(COMPONENT, config={"model": ARCHITECTURE})
    tagger.add_label(IN)
    tagger.add_label(OUT)
    return nlp


def sentences(text: str) -> list[tuple[int, int]]:
    """PTC's own units: one sentence a line; blank lines are skipped."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


# Where a line breaks into clauses: punctuation inside it (commas, semicolons, colons,
# brackets, dashes, quotation marks, a full stop between two sentences of a line) and
# before a word that opens a clause or a conjunct ("and", "because", "which"...).
_CLAUSE_BREAK = re.compile(
    r'[,;:()\[\]—–"“”]|\s-+\s|[.!?](?=\s)|\s(?=(?:and|but|because|while|which|who|that|if'
    r'|so|or|when|as|after|before|since|although|though|whereas|unless)\s)')


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of the line ``text[start:end]``, in order, as character spans: pieces
    between the breaks of ``_CLAUSE_BREAK``, each without the punctuation and space at
    its edges (a closing "!", "?", "." or quotation mark stays). PTC spans mostly
    start and end at such breaks: picking exactly the pieces that hold a span would
    score train SI F1 0.82, against 0.63 for picking whole lines."""
    line = text[start:end]
    pieces, pos = [], 0
    for m in _CLAUSE_BREAK.finditer(line):
        pieces.append((pos, m.end() if m.group(0) in ".!?" else m.start()))
        pos = m.end()
    pieces.append((pos, len(line)))
    out = []
    for a, b in pieces:
        while a < b and not line[a].isalnum():
            a += 1
        while b > a and not (line[b - 1].isalnum() or line[b - 1] in "!?.'\"”’"):
            b -= 1
        if a < b:
            out.append((start + a, start + b))
    return out


def examples(nlp: Any, articles: Iterable[Article]) -> list[Example]:
    """One example a sentence: each token IN when it overlaps any technique span."""
    out = []
    for art in articles:
        for s, e in sentences(art.text):
            doc = nlp.make_doc(art.text[s:e])
            inside = np.zeros(e - s, dtype=bool)
            for label in art.labels:
                a, b = max(label.start, s), min(label.end, e)
                if a < b:
                    inside[a - s:b - s] = True
            tags = [IN if inside[t.idx:t.idx + len(t)].any() else OUT for t in doc]
            out.append(Example.from_dict(doc, {"tags": tags}))
    return out


def train(data: list[Example], epochs: int, seed: int,
          after_epoch: Callable[[int, Any, float], None] | None = None) -> Any:
    """A fitted tagger; the same data and seed give the same weights. ``after_epoch`` is
    called with the epoch number, the pipeline and the epoch's loss (to log, or to keep
    the best epoch)."""
    fix_random_seed(seed)
    nlp = build()
    optimizer = nlp.initialize(lambda: data)
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(data)
        losses: dict[str, float] = {}
        for batch in minibatch(data, size=32):
            nlp.update(batch, sgd=optimizer, drop=0.1, losses=losses)
        if after_epoch:
            after_epoch(epoch + 1, nlp, losses.get(COMPONENT, 0.0))
    return nlp


def in_probabilities(nlp: Any, docs: Sequence[Doc]) -> list[np.ndarray]:
    """The IN probability of every token of each doc."""
    tagger = nlp.get_pipe(COMPONENT)
    column = list(tagger.labels).index(IN)
    out = []
    for batch in minibatch(list(docs), size=64):
        scores = tagger.model.predict(batch)
        out.extend(np.asarray(s)[:, column] for s in scores)
    return out


def spans(doc: Doc, probs: np.ndarray, high: float,
          low: float | None = None) -> list[tuple[int, int, float]]:
    """Spans by hysteresis: runs of tokens at or above ``low`` that hold at least one token
    at or above ``high`` (``low`` defaults to ``high``): the proposer is surest of a span's
    core ("terrorists") and less of the words around it ("the radical Islamic
    terrorists"), which the task's overlap metric counts. ``(start char, end char, mean
    probability)``."""
    floor = high if low is None else min(low, high)
    out, run = [], []
    for tok, p in zip(doc, probs, strict=True):
        if p >= floor and not tok.is_space:
            run.append((tok, float(p)))
            continue
        if run and max(q for _, q in run) >= high:
            out.append(_span(run))
        run = []
    if run and max(q for _, q in run) >= high:
        out.append(_span(run))
    return out


def _span(run: list[tuple[Any, float]]) -> tuple[int, int, float]:
    first, last = run[0][0], run[-1][0]
    return first.idx, last.idx + len(last), float(np.mean([p for _, p in run]))


def trimmed(text: str, start: int, end: int, score: float) -> tuple[int, int, float]:
    """The line ``text[start:end]`` as one span, without its edge white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end, score


def unstopped(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``text[start:end]`` without the sentence's closing stop (".", "!", "?", an
    ellipsis) at its end: PTC's annotators end a span at its last word (in the train
    labels 1,921 spans stop just before a full stop and none takes it in; "!" 85 out
    and 22 in, "?" 127 and 75), while ``clauses`` keeps a clause's closing mark for
    its features. A closing quotation mark stays (taken in about as often as not)."""
    while end > start + 1 and text[end - 1] in ".!?…":
        end -= 1
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return start, end


def picked(pieces: Sequence[tuple[int, int]], scores: Sequence[float],
           threshold: float) -> list[tuple[int, int, float]]:
    """The ``pieces`` (a line's clauses) scored at or above ``threshold``, each its own span
    with its score: PTC's spans mostly start and end at clause breaks, two neighbouring
    clauses most often being two spans (picking exactly the clauses that hold a span
    would score train SI F1 0.89 as separate spans, 0.82 with neighbours joined)."""
    return [(a, b, float(p)) for (a, b), p in zip(pieces, scores, strict=True) if p >= threshold]
