"""When a predicted fact is a gold fact, and when a field of a matched pair is right.

The rules follow "Matching" in shared/gold/SCHEMA.md. Where the schema leaves a
choice open, the choice made here:

- events: the sub-event type is equal, the places are the same (``places``), and
  the dates overlap (``dates``). A date missing on one side does not block a match
  (within one article, sub-type and place carry an event's identity; an undated
  prediction is still that event) but the ``date`` field of the pair is wrong.
  Where both sides carry a ``geonameid`` the ids decide the place; otherwise the
  names do. Only events reported as having happened are scored: the gold leaves
  out planned, hypothetical and denied events, so predictions with those
  modalities are not counted.
- quotes: the overlap must cover at least half the gold quote's characters.
  Offsets are used when both sides have a ``span`` (both index the article's
  original text); otherwise the longest common substring of the two texts after
  collapsing whitespace. Only direct predicted quotes are scored.
- citations: the outlet names are equal ignoring case, spacing and a leading
  "the"; where the gold has a date, the predicted date must overlap it.

Pairs are made one-to-one per article by a maximum bipartite matching, so a gold
fact claimed by two predictions gives one true positive and one false positive.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

from rapidfuzz import fuzz

from palmyra.evaluate.dates import interval, overlaps
from palmyra.evaluate.places import place_similarity

Record = dict[str, Any]
Pair = tuple[int, int]  # (index of the prediction, index of the gold fact)
FieldRule = Callable[[Record, Record], bool]

REPORTED_MODALITIES = frozenset({None, "asserted", "attributed"})
BODY_END_TOLERANCE = 200  # characters either way; comment threads start fuzzily
QUOTE_MIN_SHARE = 0.5  # of the gold quote's characters

_TYPOGRAPHIC = str.maketrans("‘’“”", "''\"\"")


def match(pred: list[Record], gold: list[Record], kind: str) -> list[Pair]:
    """One-to-one pairs of predicted and gold facts of one article."""
    score = SCORERS[kind]
    return assign([[score(p, g) for g in gold] for p in pred])


def assign(scores: list[list[float]]) -> list[Pair]:
    """A maximum matching over the pairs with a positive score, preferring higher scores.

    Augmenting paths (Kuhn's algorithm) make the matching as large as possible, so a
    greedy early choice never costs a true positive; trying each prediction's
    candidates best-first, strongest predictions first, makes it keep the
    better-scoring pair wherever two matchings are equally large and differ locally.
    """
    candidates = [
        sorted((j for j, s in enumerate(row) if s > 0), key=lambda j, row=row: -row[j])
        for row in scores
    ]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in sorted(range(len(scores)), key=lambda i: -max(scores[i], default=0.0)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def scored_predictions(kind: str, items: list[Record]) -> list[Record]:
    """The predictions of one kind that the gold could contain (see the module notes)."""
    if kind == "events":
        return [e for e in items if e.get("modality") in REPORTED_MODALITIES]
    if kind == "quotes":
        return [q for q in items if q.get("direct", True) is not False]
    return list(items)


# -- pair scores: 0 means "not the same fact" ------------------------------------------


def event_score(pred: Record, gold: Record) -> float:
    """Place similarity plus date agreement plus a little for each agreeing actor."""
    if pred.get("sub_event_type") != gold.get("sub_event_type"):
        return 0.0
    place = _place_score(pred, gold)
    date = _date_score(pred, gold)
    if not place or date is None:
        return 0.0
    actors = sum(0.25 for key in ("actor1", "actor2")
                 if pred.get(key) and same_name(pred.get(key), gold.get(key)))
    return place + date + actors


def quote_score(pred: Record, gold: Record) -> float:
    """Share of the gold covered plus share of the prediction used, if the gold is half covered."""
    shared, gold_len, pred_len = quote_overlap(pred, gold)
    if not gold_len or shared < QUOTE_MIN_SHARE * gold_len:
        return 0.0
    return shared / gold_len + shared / max(pred_len, 1)


def quote_overlap(pred: Record, gold: Record) -> tuple[int, int, int]:
    """(characters shared, gold length, predicted length), by offsets or by text."""
    if pred.get("span") and gold.get("span"):
        (ps, pe), (gs, ge) = pred["span"], gold["span"]
        return max(0, min(pe, ge) - max(ps, gs)), ge - gs, pe - ps
    p, g = _squash(pred.get("text")), _squash(gold.get("text"))
    block = difflib.SequenceMatcher(None, p, g, autojunk=False).find_longest_match(
        0, len(p), 0, len(g)
    )
    return block.size, len(g), len(p)


def citation_score(pred: Record, gold: Record) -> float:
    """1 for a match on outlet (and date where the gold has one), plus title likeness."""
    gold_outlet = outlet_key(gold.get("outlet"))
    if gold_outlet is None or outlet_key(pred.get("outlet")) != gold_outlet:
        return 0.0
    gold_days = interval(gold.get("date"), None)
    pred_days = interval(pred.get("date"), None)
    if gold_days and not (pred_days and overlaps(pred_days, gold_days)):
        return 0.0
    if pred.get("title") and gold.get("title"):
        return 1.0 + fuzz.ratio(text_key(pred["title"]), text_key(gold["title"])) / 200
    return 1.0


SCORERS: dict[str, Callable[[Record, Record], float]] = {
    "events": event_score,
    "quotes": quote_score,
    "citations": citation_score,
}


# -- field rules: is this field of a matched pair right? -------------------------------


def same_name(a: str | None, b: str | None) -> bool:
    """Canonical names: equal up to case and spacing; two missing names agree."""
    return text_key(a) == text_key(b)


def same_date(pred: Record, gold: Record) -> bool:
    """Same precision and overlapping days, or both undated."""
    p = interval(pred.get("date"), pred.get("date_precision"))
    g = interval(gold.get("date"), gold.get("date_precision"))
    if p is None or g is None:
        return p is None and g is None
    return pred.get("date_precision") == gold.get("date_precision") and overlaps(p, g)


def _equal(key: str) -> FieldRule:
    return lambda pred, gold: pred.get(key) == gold.get(key)


def _exact(key: str) -> FieldRule:
    """As written, but for surrounding spaces ("exact canonical name" in the schema)."""
    return lambda pred, gold: _stripped(pred.get(key)) == _stripped(gold.get(key))


def _named(key: str) -> FieldRule:
    return lambda pred, gold: same_name(pred.get(key), gold.get(key))


FIELD_RULES: dict[str, dict[str, FieldRule]] = {
    "events": {
        "event_type": _equal("event_type"),
        "sub_event_type": _equal("sub_event_type"),
        "date": same_date,
        "location": lambda pred, gold: _place_score(pred, gold) > 0,
        "actor1": _named("actor1"),
        "actor2": _named("actor2"),
        "fatalities": _equal("fatalities"),
        "injured": _equal("injured"),
    },
    "quotes": {"speaker": _exact("speaker")},
    "citations": {"title": _named("title")},
}


def same_body_end(pred: Record, gold: Record) -> bool:
    """Both absent, or within ``BODY_END_TOLERANCE`` characters of each other."""
    p, g = pred.get("body_end"), gold.get("body_end")
    if p is None or g is None:
        return p is None and g is None
    return abs(p - g) <= BODY_END_TOLERANCE


METADATA_RULES: dict[str, FieldRule] = {
    "title": _named("title"),
    "outlet": lambda pred, gold: outlet_key(pred.get("outlet")) == outlet_key(gold.get("outlet")),
    "author": _named("author"),
    "published": _equal("published"),
    "body_end": same_body_end,
}


# -- keys ------------------------------------------------------------------------------


def text_key(text: str | None) -> str | None:
    """Case, spacing and typographic quotes ignored."""
    return _squash(text).translate(_TYPOGRAPHIC).casefold() if text is not None else None


def outlet_key(name: str | None) -> str | None:
    """An outlet name as ``text_key``, without a leading "the" (The Guardian = Guardian)."""
    key = text_key(name)
    return key.removeprefix("the ") if key is not None else None


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def _stripped(text: str | None) -> str | None:
    return text.strip() if text is not None else None


def _place_score(pred: Record, gold: Record) -> float:
    if pred.get("geonameid") and gold.get("geonameid"):
        return 1.0 if pred["geonameid"] == gold["geonameid"] else 0.0
    return place_similarity(pred.get("location"), gold.get("location"))


def _date_score(pred: Record, gold: Record) -> float | None:
    """1 same precision and overlap, 0.5 overlap across precisions, 0 a side undated,
    None when the dates are disjoint (no match)."""
    p = interval(pred.get("date"), pred.get("date_precision"))
    g = interval(gold.get("date"), gold.get("date_precision"))
    if p is None or g is None:
        return 1.0 if p is None and g is None else 0.0
    if not overlaps(p, g):
        return None
    return 1.0 if pred.get("date_precision") == gold.get("date_precision") else 0.5
