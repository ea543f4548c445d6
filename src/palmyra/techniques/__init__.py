"""Propaganda techniques: the 14 techniques of the SemEval-2020 Task 11 corpus (PTC) as spans.

A span proposer (``spans``: a per-token in/out tagger over a small CNN) finds the
words that use a technique, and a classifier (``classifier`` over ``features``)
names the technique. Both are trained by ``palmyra train techniques`` from a PTC
folder the user has, and the model lives where the user put it (``store``): PTC
states no licence, so no weights trained on it ship in the package.
"""

from palmyra.techniques.corpus import SHORT_NAMES, TECHNIQUES

__all__ = ["SHORT_NAMES", "TECHNIQUES"]
