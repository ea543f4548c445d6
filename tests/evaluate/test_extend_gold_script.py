"""The gold draw script's command line: help that says what N counts, a split it refuses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "extend_gold_dev.py"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True,
                          text=True, timeout=60, check=False)


def test_help_says_n_is_a_total_for_train() -> None:
    """--help was read as N and crashed; it now prints usage and how N counts per split."""
    result = _run("--help")
    assert result.returncode == 0
    assert "N [shared]" in result.stdout
    assert "those added before included" in result.stdout


def test_test_split_is_refused() -> None:
    """Articles are never drawn into the test split, and no file is written on the way."""
    result = _run("10", "--split", "test")
    assert result.returncode == 2
    assert "invalid choice: 'test'" in result.stderr
