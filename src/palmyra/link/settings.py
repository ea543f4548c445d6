"""Thresholds of the link stage, in one place so that a run can override them.

``link(store, settings={...})`` merges its overrides over ``DEFAULTS``; the
values below were chosen on invented cases in ``tests/link`` and are the ones
the report and the docstrings describe.
"""

from __future__ import annotations

from typing import Any

from palmyra.errors import PalmyraError

DEFAULTS: dict[str, Any] = {
    # Two day-precision reports of one occurrence rarely agree to the day ("Sunday" in
    # one, the publication day in another): this much slack, either side, still joins.
    "date_tolerance_days": 3,
    # Weights of the report-to-cluster score (they sum to 1) and the score needed to join.
    "weight_sub_event_type": 0.35,
    "weight_actors": 0.30,
    "weight_date": 0.20,
    "weight_text": 0.15,
    "join_threshold": 0.55,
    # A month- or year-dated report that fits several day-dated clusters joins the best
    # only when it leads the runner-up by this much; otherwise it stays apart, ambiguous.
    "coarse_margin": 0.05,
    # Score given to actors when either side names none: unknown, neither for nor against.
    "unknown_actor_score": 0.5,
    # Score for a sub-type that differs inside the same ACLED event type (the outcome
    # may be what the outlets disagree on).
    "related_sub_event_score": 0.3,
    # Near-duplicate detection: word shingles, MinHash permutations, LSH threshold.
    # datasketch's MinHashLSH(threshold=0.5, num_perm=128) chooses b=25 bands of r=5
    # rows: a pair with Jaccard 0.5 becomes a candidate with probability 1-(1-0.5^5)^25
    # = 0.55, one at 0.7 with 0.98, one at 0.3 with 0.06; candidates are then checked
    # on their exact shingle sets.
    "shingle_words": 5,
    "minhash_perm": 128,
    "duplicate_threshold": 0.5,
    # A citation supports an event when it sits in the same paragraph as the event's
    # evidence or within this many characters of it.
    "citation_window_chars": 300,
    # ...or in the same paragraph, at most this far: a text without line breaks is one
    # paragraph, and one citation must not cover all of it.
    "citation_paragraph_chars": 1500,
    # Two one-day reports of different days whose exact death tolls differ by this factor
    # or more are two events, not one event the outlets disagree on (link/score.py).
    "distinct_toll_ratio": 5.0,
    # "about 50" is read as 50 ± this share when counts are compared.
    "approximate_margin": 0.1,
}


def resolve(overrides: dict[str, Any] | None) -> dict[str, Any]:
    """DEFAULTS with ``overrides`` applied; an unknown key is a typo, so it is refused."""
    unknown = set(overrides or {}) - set(DEFAULTS)
    if unknown:
        raise PalmyraError(f"unknown link setting(s): {', '.join(sorted(unknown))}")
    return {**DEFAULTS, **(overrides or {})}
