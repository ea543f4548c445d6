"""The citation graph: which outlets cite which, and how often.

An edge runs from the citing document's outlet (``documents.outlet``, or
"unknown outlet") to the outlet a Citation names; its weight is the number of
citations, with the number of citing documents beside it. Rebuilt in one
GROUP BY on every run: it is a linear scan, cheaper than keeping it in step.
"""

from __future__ import annotations

from palmyra.link.records import UNKNOWN_OUTLET
from palmyra.store.db import Store

_REFRESH = f"""
INSERT INTO citation_edges
SELECT coalesce(d.outlet, '{UNKNOWN_OUTLET}'), f.data->>'$.outlet', count(*),
       count(DISTINCT f.doc_id)
FROM facts f JOIN documents d ON d.id = f.doc_id
WHERE f.kind = 'citations' AND f.data->>'$.outlet' IS NOT NULL
GROUP BY ALL
"""


def refresh_citation_edges(store: Store) -> int:
    """Rebuild ``citation_edges`` from every stored citation; returns the number of edges."""
    store.con.execute("DELETE FROM citation_edges")
    store.con.execute(_REFRESH)
    return store.con.execute("SELECT count(*) FROM citation_edges").fetchall()[0][0]
