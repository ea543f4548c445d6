"""How well one report fits a cluster: the only pairwise comparison linking makes.

A cluster is represented by its seed (its first, finest-dated report), so a
report is compared with one record per candidate cluster, never with every
member. The score is a weighted sum of four agreements in [0, 1]; naming two
disjoint sets of actors is a veto, because "Russia struck civilians" and "the
coalition struck IS" on one day in one town are two strikes, not one; so is an exact
toll far from the seed's on another day (``distinct_tolls``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from palmyra.link.records import LinkEvent


@dataclass(slots=True)
class Seed:
    """What a cluster is compared on: its seed report's fields and date interval."""

    sub_event_type: str
    actors: frozenset[str]
    text: str
    start: int
    end: int
    killed: tuple[float | None, float | None, bool] | None = None  # (low, high, approximate)


def _exact(count: tuple[float | None, float | None, bool] | None) -> float | None:
    """A death toll given as one exact figure ("126", "six"), else None."""
    if count is None:
        return None
    low, high, approx = count
    return low if low is not None and low == high and not approx and low > 0 else None


def distinct_tolls(event: LinkEvent, seed: Seed, settings: dict[str, Any]) -> bool:
    """Two reports with no day in common and exact tolls far apart: two occurrences.

    Outlets disagree on tolls (12 against 9, 400 against "more than 180") and on the day
    ("Sunday" against the publication day), so neither alone splits a cluster; both at
    once do: 126 killed in the week to the 16th and six killed on the 19th in Aleppo
    (FA-KES demo, the Rashidin convoy bombing and the Salaheddin bomb) are two bombings.
    """
    if event.start is None or event.end is None or seed.start is None or seed.end is None:
        return False
    if gap_days(event.start, event.end, seed.start, seed.end) == 0:
        return False
    a, b = _exact((event.counts or {}).get("killed")), _exact(seed.killed)
    if a is None or b is None:
        return False
    return max(a, b) >= settings["distinct_toll_ratio"] * min(a, b)


def gap_days(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Days between two inclusive intervals; 0 when they overlap."""
    return max(0, max(a_start, b_start) - min(a_end, b_end))


def score(event: LinkEvent, seed: Seed, settings: dict[str, Any]) -> float | None:
    """Weighted agreement of ``event`` with ``seed`` in [0, 1], or None when actors conflict.

    The date term is 1 when the intervals overlap and falls to 0 at the
    tolerance; a coarse report only reaches clusters whose anchor lies inside
    its interval, so for it the term is always 1.
    """
    actors = event.actors
    if actors and seed.actors and not actors & seed.actors:
        return None
    if distinct_tolls(event, seed, settings):
        return None
    if event.sub_event_type == seed.sub_event_type:
        sub = 1.0
    else:
        sub = settings["related_sub_event_score"]
    if actors and seed.actors:
        act = len(actors & seed.actors) / len(actors | seed.actors)
    else:
        act = settings["unknown_actor_score"]
    tol = settings["date_tolerance_days"]
    gap = gap_days(event.start, event.end, seed.start, seed.end)
    when = max(0.0, 1.0 - gap / (tol + 1))
    text = fuzz.token_set_ratio(event.text, seed.text) / 100 if event.text and seed.text else 0.0
    return (
        settings["weight_sub_event_type"] * sub
        + settings["weight_actors"] * act
        + settings["weight_date"] * when
        + settings["weight_text"] * text
    )
