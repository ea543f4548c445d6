"""The quality gate on the gold corpus's dev split: the real pipeline must stay above the
floors pinned in benchmarks/eval_baseline.json."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_eval_gate_dev_gold_stays_above_its_floors():
    gate = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "eval_gate.py")],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=ROOT,
    )
    assert gate.returncode == 0, gate.stdout + gate.stderr
