"""benchmarks/eval_gate.py: floors pass, a regression exits 1, a bad baseline exits 2."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from .records import gold_event
from .stores import GOLD_A, build_store, write_gold

GATE = Path(__file__).resolve().parents[2] / "benchmarks" / "eval_gate.py"


def _gate():
    spec = importlib.util.spec_from_file_location("eval_gate", GATE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def run(tmp_path):
    store = build_store(tmp_path / "s.duckdb")
    # one gold event the store lacks: events F1 = 2/3
    gold = write_gold(tmp_path / "gold", {
        **GOLD_A, "events": GOLD_A["events"] + [gold_event(location="Manbij")],
    })

    def run(floors: dict[str, float]) -> int:
        baseline = tmp_path / "baseline.json"
        baseline.write_text(json.dumps({"gold": "unused", "floors": floors}))
        return _gate().main(["--store", str(store), "--gold", str(gold),
                             "--baseline", str(baseline)])

    return run


def test_eval_gate_committed_floors_gate_every_kind():
    baseline = json.loads((GATE.parent / "eval_baseline.json").read_text())
    floors = baseline["floors"]
    assert baseline["gold"] == "gold/dev"  # the corpus's dev split, never its test split
    assert all(0.0 <= v <= 1.0 for v in floors.values())
    # every kind is gated, by a floor that a regression to nothing would fall under
    assert min(floors[f"{kind}.f1"] for kind in ("events", "quotes", "citations")) >= 0.3


@pytest.mark.parametrize(
    ("floors", "code"),
    [
        ({"events.f1": 0.0, "metadata.author": 0.0}, 0),
        ({"events.f1": 0.66, "quotes.f1": 1.0}, 0),
        ({"events.f1": 0.67}, 1),
        ({"events.fatalities": 1.0, "citations.title": 1.0}, 0),
        ({"events.recall": 0.0}, 2),  # not a gated score: a typo in the baseline
    ],
)
def test_eval_gate_exit_codes(run, floors, code):
    assert run(floors) == code


def test_eval_gate_missing_gold_exits_2(tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"gold": "absent", "floors": {}}))
    store = build_store(tmp_path / "s.duckdb")
    assert _gate().main(["--store", str(store), "--baseline", str(baseline)]) == 2


def test_eval_gate_regressions_count_missing_scores_as_zero():
    gate = _gate()
    assert gate.regressions({"a": None, "b": 0.5, "c": 0.9}, {"a": 0.1, "b": 0.5, "c": 1.0}) == [
        "a", "c",
    ]
