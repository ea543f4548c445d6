"""The SemEval-2020 Task 11 metrics on hand-made spans."""

from __future__ import annotations

import pytest

from palmyra.techniques.score import merge, si_scores, tc_scores


def test_score_merge_joins_overlapping_spans():
    assert merge([(10, 20), (0, 5), (15, 30), (30, 32)]) == [(0, 5), (10, 32)]


@pytest.mark.parametrize(("pred", "gold", "p", "r"), [
    ([(0, 10)], [(0, 10)], 1.0, 1.0),
    ([(0, 10)], [(0, 20)], 1.0, 0.5),  # half the gold covered, all of the guess right
    ([(0, 20)], [(0, 10)], 0.5, 1.0),  # a guess twice too long costs precision
    ([(0, 10), (50, 60)], [(0, 10)], 0.5, 1.0),  # a false span halves precision
    ([(5, 8), (6, 10)], [(0, 10)], 1.0, 0.5),  # predictions merge before scoring
])
def test_score_si_is_character_overlap(pred, gold, p, r):
    s = si_scores({"a": pred}, {"a": gold})
    assert (round(s.precision, 6), round(s.recall, 6)) == (p, r)


def test_score_si_counts_missed_articles_in_recall():
    s = si_scores({"a": [(0, 10)]}, {"a": [(0, 10)], "b": [(0, 4)]})
    assert s.precision == 1.0 and s.recall == 0.5


def test_score_tc_is_a_multiset_match():
    gold = [("a", 0, 5, "Doubt"), ("a", 0, 5, "Repetition"), ("a", 9, 12, "Slogans")]
    pred = [("a", 0, 5, "Repetition"), ("a", 0, 5, "Doubt"), ("a", 9, 12, "Doubt")]
    assert tc_scores(pred, gold).f1 == pytest.approx(2 / 3)
