"""The two evaluations ``palmyra eval`` runs, as library calls over a store.

Both read the store only through ``present.export.document_records``, the same
records ``palmyra export --format jsonl`` writes, so an outside scorer and this
one see the same predictions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from palmyra.evaluate.fakes import load_fakes, score_fakes
from palmyra.evaluate.gold import load_gold
from palmyra.evaluate.score import score_gold
from palmyra.present.export import document_records
from palmyra.store.db import Store


def evaluate_gold(store: Store, gold_dir: Path) -> dict[str, Any]:
    """Precision, recall and F1 per kind, field and metadata accuracy against gold files.

    The gold files are read and checked before the store is, so a bad gold file
    fails fast. See ``evaluate.score.score_gold`` for the result's shape.

    Raises:
        GoldError: the folder is missing or empty, or a gold file is malformed.
    """
    golds = load_gold(Path(gold_dir))
    result = score_gold(golds, document_records(store))
    result["gold_dir"] = str(gold_dir)
    return result


def evaluate_fakes(store: Store, fakes_csv: Path) -> dict[str, Any]:
    """Coverage and agreement of the stored FA-KES articles' main events with the crowd fields.

    See ``evaluate.fakes`` for the conventions and ``score_fakes`` for the result.

    Raises:
        InputError: the file is missing, is not FA-KES, or has an unreadable row.
    """
    rows = load_fakes(Path(fakes_csv))
    result = score_fakes(rows, document_records(store))
    result["fakes_file"] = str(fakes_csv)
    return result
