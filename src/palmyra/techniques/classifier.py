"""A multinomial logistic regression over sparse feature counts, fitted with L-BFGS.

Why a linear model: the 6,128 training spans of PTC are few for a network, the
features that name a technique are mostly lexical or counts (``features``), it fits
in a minute or two on one core, and it is deterministic (L-BFGS from zero weights:
the same data gives the same weights, with no seed at all). No neural classifier
was compared. Features are log-scaled counts, each row scaled to unit length; a
classifier may also take a few numeric columns per row (``dense``: the clause
classifier's line and article context), standardised with the training rows' mean
and spread (cut at ``CLIP`` spreads) and appended to the counts.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy import sparse

WEIGHTS, META = "tc_weights.npy", "tc.json"
CLIP = 5.0  # standardised numeric columns are cut to +-CLIP spreads


class SoftmaxClassifier:
    """Class probabilities for feature counts; ``fit`` then ``predict_proba``."""

    def __init__(self, labels: Sequence[str], vocab: dict[str, int] | None = None,
                 weights: np.ndarray | None = None,
                 scaling: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        self.labels = list(labels)
        self.vocab = vocab or {}
        self.weights = weights  # (features + numeric columns + 1 bias) x labels
        self.scaling = scaling  # the numeric columns' (mean, spread); None: no such columns

    def matrix(self, rows: Sequence[Counter[str]],
               dense: np.ndarray | None = None) -> sparse.csr_matrix:
        """Rows of known features, log-scaled and L2-normalised, then the standardised
        numeric columns ``dense`` where the classifier takes them, then a bias column."""
        from scipy import sparse  # here: a run with no technique model never loads scipy

        counts = self._counts(rows)
        if self.scaling is None:
            return counts
        if dense is None or len(dense) != len(rows):
            raise ValueError("this classifier needs its numeric columns for every row")
        mean, spread = self.scaling
        # clipped: a column nearly constant in training must not blow up on other text
        numeric = sparse.csr_matrix(np.clip((np.asarray(dense, dtype=float) - mean) / spread,
                                            -CLIP, CLIP))
        return sparse.hstack([counts[:, :-1], numeric, counts[:, -1:]], format="csr")

    def _counts(self, rows: Sequence[Counter[str]]) -> sparse.csr_matrix:
        from scipy import sparse

        data, cols, ptr = [], [], [0]
        bias = len(self.vocab)
        for row in rows:
            items = [(self.vocab[k], 1.0 + math.log(v)) for k, v in row.items() if k in self.vocab]
            norm = math.sqrt(sum(v * v for _, v in items)) or 1.0
            for c, v in items:
                cols.append(c)
                data.append(v / norm)
            cols.append(bias)
            data.append(1.0)
            ptr.append(len(cols))
        return sparse.csr_matrix((data, cols, ptr), shape=(len(rows), bias + 1))

    def fit(self, rows: Sequence[Counter[str]], targets: Sequence[str], l2: float = 1.0,
            min_count: int = 2, max_iter: int = 300,
            dense: np.ndarray | None = None) -> SoftmaxClassifier:
        """Fit on feature counts and their labels; features seen under ``min_count`` times
        are dropped; ``l2`` is the penalty on the weights (not on the bias); ``dense``:
        numeric columns for every row, which ``predict_proba`` then needs too."""
        from scipy.optimize import minimize
        from scipy.special import logsumexp

        seen = Counter(k for row in rows for k in row)
        self.vocab = {k: i for i, k in enumerate(sorted(k for k, n in seen.items()
                                                       if n >= min_count))}
        self.scaling = None
        if dense is not None:
            dense = np.asarray(dense, dtype=float)
            self.scaling = (dense.mean(axis=0), dense.std(axis=0) + 1e-9)
        x = self.matrix(rows, dense)
        index = {label: i for i, label in enumerate(self.labels)}
        y = np.zeros((len(rows), len(self.labels)))
        y[np.arange(len(rows)), [index[t] for t in targets]] = 1.0
        shape = (x.shape[1], len(self.labels))
        penalty = np.ones(shape)
        penalty[-1] = 0.0  # the bias row is not shrunk

        def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
            w = w.reshape(shape)
            z = x @ w
            logp = z - logsumexp(z, axis=1, keepdims=True)
            grad = x.T @ (np.exp(logp) - y) + l2 * penalty * w
            return float(-(y * logp).sum() + 0.5 * l2 * (penalty * w * w).sum()), grad.ravel()

        result = minimize(loss, np.zeros(shape).ravel(), jac=True, method="L-BFGS-B",
                          options={"maxiter": max_iter})
        self.weights = result.x.reshape(shape)
        return self

    def predict_proba(self, rows: Sequence[Counter[str]],
                      dense: np.ndarray | None = None) -> np.ndarray:
        if self.weights is None:
            raise ValueError("the classifier is not fitted")
        from scipy.special import logsumexp

        if not rows:
            return np.zeros((0, len(self.labels)))
        z = self.matrix(rows, dense) @ self.weights
        return np.exp(z - logsumexp(z, axis=1, keepdims=True))

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / WEIGHTS, self.weights.astype(np.float32))
        features = sorted(self.vocab, key=self.vocab.__getitem__)
        meta: dict = {"labels": self.labels, "features": features}
        if self.scaling is not None:
            meta["numeric_scaling"] = [v.tolist() for v in self.scaling]
        (folder / META).write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> SoftmaxClassifier:
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
        vocab = {k: i for i, k in enumerate(meta["features"])}
        scaling = meta.get("numeric_scaling")
        return cls(meta["labels"], vocab, np.load(folder / WEIGHTS).astype(np.float64),
                   None if scaling is None else (np.array(scaling[0]), np.array(scaling[1])))
