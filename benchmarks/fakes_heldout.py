"""FA-KES's held-out rows, scored once to report: the crowd's fields against the main event.

``splits.csv`` marks 198 FA-KES unit ids ``test``: never annotated, trained or tuned on.
This is ``fakes_dev.py --split test --report`` under the name the README's figures cite:
those rows of ``fakes.csv`` are analysed into a temporary store and scored as
``palmyra eval --fakes`` scores them (governorate, date within a day, actor side, cause
of death and toll). Run it to report, not to tune.

Usage: python benchmarks/fakes_heldout.py [SHARED_DIR] [--json]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fakes_dev import main as score_split  # noqa: E402

if __name__ == "__main__":
    sys.exit(score_split(["--split", "test", "--report", *sys.argv[1:]]))
