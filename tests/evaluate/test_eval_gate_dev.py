"""The quality gate on the dev gold: the real pipeline must stay above the pinned floors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.shared
def test_eval_gate_dev_gold_stays_above_its_floors(shared_dir):
    gate = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "eval_gate.py"),
            "--articles",
            str(shared_dir / "seeds"),
            "--gold",
            str(shared_dir / "gold" / "dev"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=ROOT,
    )
    assert gate.returncode == 0, gate.stdout + gate.stderr
