"""The table of propaganda techniques per outlet, for the naming page and the report.

Outlets down, techniques across; each cell holds the spans the tagger found in the
outlet's documents and that count per document, so a large outlet and a small one
compare. Only techniques found at all get a column.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from palmyra.techniques import SHORT_NAMES, TECHNIQUES


@dataclass
class TechniqueTable:
    techniques: list[dict[str, str]]  # name (as stored), short (column heading)
    outlets: list[dict[str, Any]]  # name, documents, cells: [{n, per_doc} | None per column]


def technique_table(rows: Sequence[Mapping[str, Any]]) -> TechniqueTable:
    """Rows of ``store.queries.technique_counts`` as a table (outlets by span count)."""
    present = [t for t in TECHNIQUES if any(r["technique"] == t for r in rows)]
    by_outlet: dict[str, dict[str, Mapping[str, Any]]] = {}
    for r in rows:
        by_outlet.setdefault(r["outlet"], {})[r["technique"]] = r
    outlets = []
    for name, cells in by_outlet.items():
        docs = next(iter(cells.values()))["outlet_documents"] or 1
        outlets.append({
            "name": name, "documents": docs, "total": sum(c["n"] for c in cells.values()),
            "cells": [{"n": cells[t]["n"], "per_doc": round(cells[t]["n"] / docs, 1)}
                      if t in cells else None for t in present],
        })
    outlets.sort(key=lambda o: (-o["total"], o["name"]))
    return TechniqueTable([{"name": t, "short": SHORT_NAMES[t]} for t in present], outlets)
