"""The recall-set scorer, on hand-made predictions and end to end through the pipeline."""

from __future__ import annotations

import json

import pytest

from palmyra.evaluate.recall import evaluate_recall, score_recall, weighted_f1

ITEMS = [
    {"id": "a", "text": "...", "sub_event_type": "Air/drone strike"},
    {"id": "b", "text": "...", "sub_event_type": "Armed clash"},
    {"id": "c", "text": "...", "sub_event_type": None},
    {"id": "d", "text": "...", "sub_event_type": None},
]


def test_recall_scores_hand_made_predictions():
    result = score_recall(ITEMS, [["Air/drone strike"], ["Shelling/artillery/missile attack"],
                                  [], ["Attack"]])
    assert result["any_event"] == 1.0
    assert result["sub_type"] == 0.5
    assert result["false_alarms"] == 0.5
    assert [m["id"] for m in result["misses"]] == ["b"]
    assert [m["id"] for m in result["false_alarm_reports"]] == ["d"]


def test_recall_weighted_f1():
    assert weighted_f1(["x", "x", "y"], ["x", "x", "y"]) == 1.0
    # x: tp 1, fn 1, fp 0 -> 2/3; y: tp 1, fp 1 -> 2/3
    assert weighted_f1(["x", "x", "y"], ["x", "y", "y"]) == pytest.approx(2 / 3)


def test_recall_end_to_end(tmp_path):
    path = tmp_path / "recall.jsonl"
    reports = [
        {"id": "r1", "published": "2016-10-02", "sub_event_type": "Air/drone strike",
         "text": "Russian warplanes struck the town of Maarat al-Numan in Idlib province on"
                 " Saturday, killing 12 civilians, a monitor said."},
        {"id": "r2", "published": None, "sub_event_type": None,
         "text": "The foreign ministers of Jordan and Egypt met in Amman to discuss trade."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in reports) + "\n", encoding="utf-8")
    result = evaluate_recall(path)
    assert result["sub_type"] == 1.0
    assert result["false_alarms"] == 0.0
