"""Positions in a parsed document: the sentence a token is in, and membership in ranges.

spaCy's ``Token.sent`` walks the document's sentences from the start on every call,
so calling it per token or per quotation is quadratic in the text length; the
extractors look sentences up in a table made once per document instead.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

Bounds = list[tuple[int, int]]  # per token: (first token, token after the last) of its sentence


def sentence_bounds(doc: Doc) -> Bounds:
    """For each token, the token range ``[start, end)`` of the sentence holding it."""
    bounds: Bounds = [(0, 0)] * len(doc)
    for sent in doc.sents:
        bounds[sent.start : sent.end] = [(sent.start, sent.end)] * (sent.end - sent.start)
    return bounds


def within(ranges: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of ``ranges`` (sorted, non-overlapping ``[start, end)``)."""
    i = bisect_right(ranges, (pos, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]
