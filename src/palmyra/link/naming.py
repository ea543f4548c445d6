"""The naming matrix and each outlet's lean, both derived from the words outlets use.

``refresh_naming`` rebuilds the ``naming`` table in one GROUP BY: for each
canonical actor, outlet and surface form (actor/person mentions, case-folded,
shown in their most frequent casing) the register the profile gives that form,
how often it is used and how often in scare quotes. A scare quote counts on the
mention its span overlaps; one over no mention but naming an actor (FrameSignal
``actor``) becomes a hostile row of its own, its surface the quoted words.

Lean (``outlet_lean``), computed from that table and nothing else, with no
hand-assigned labels: every mention of an actor of side S by outlet O scores
+1 when its form is favourable, −1 when hostile, 0 when neutral (or of no
register); O's lean towards S is the mean score, in [−1, 1], over ``n``
mentions. The register is the annotate stage's reading of the mention, which
already weighs scare quotes (the Proletarian's ‘regime forces’ mocks a hostile
name, so it reads favourable): a scare quote is not counted again, except for
the rows of scare quotes over no mention, which are hostile. Outlets are
compared (``lean_distance``) by the mean absolute difference of their leans over
the sides both name at least ``min_mentions`` times: 0 when they speak of every
shared side alike, 2 at the extreme.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from palmyra.link.records import UNKNOWN_OUTLET
from palmyra.store.db import Store

_REFRESH = f"""
INSERT INTO naming
WITH m AS (
    SELECT m.doc_id, m.start_pos, m.end_pos, m.text,
           coalesce(d.outlet, '{UNKNOWN_OUTLET}') AS outlet,
           m.data->>'$.canonical' AS actor, m.data->>'$.side' AS side,
           coalesce(m.data->>'$.register', 'neutral') AS register
    FROM mentions m JOIN documents d ON d.id = m.doc_id
    WHERE m.kind IN ('actor', 'person') AND m.data->>'$.canonical' IS NOT NULL
),
sq AS (
    SELECT f.doc_id, f.start_pos, f.end_pos, f.data->>'$.actor' AS actor,
           coalesce(d.outlet, '{UNKNOWN_OUTLET}') AS outlet,
           trim(substr(d.text, f.start_pos + 1, f.end_pos - f.start_pos),
                ' ''"‘’“”') AS text
    FROM facts f JOIN documents d ON d.id = f.doc_id
    WHERE f.kind = 'frames' AND f.data->>'$.label' = 'scare_quote'
),
marked AS (
    SELECT m.doc_id, m.start_pos, m.end_pos, m.text, m.outlet, m.actor, m.side, m.register,
           count(sq.doc_id) > 0 AS quoted
    FROM m LEFT JOIN sq ON sq.doc_id = m.doc_id
         AND sq.start_pos <= m.end_pos AND sq.end_pos >= m.start_pos
    GROUP BY ALL
),
loose AS (  -- scare quotes naming an actor over no actor mention
    SELECT sq.doc_id, sq.text, sq.outlet, sq.actor,
           (SELECT any_value(m.side) FROM m WHERE m.actor = sq.actor) AS side,
           'hostile' AS register, true AS quoted
    FROM sq WHERE sq.actor IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM m WHERE m.doc_id = sq.doc_id
          AND sq.start_pos <= m.end_pos AND sq.end_pos >= m.start_pos)
),
rows AS (
    SELECT doc_id, text, outlet, actor, side, register, quoted FROM marked
    UNION ALL SELECT doc_id, text, outlet, actor, side, register, quoted FROM loose
)
SELECT actor, any_value(side), outlet, mode(text), register, count(*),
       count(*) FILTER (WHERE quoted), count(DISTINCT doc_id)
FROM rows
GROUP BY actor, outlet, lower(text), register
"""


def refresh_naming(store: Store) -> int:
    """Rebuild the ``naming`` table from every stored mention and scare quote."""
    store.con.execute("DELETE FROM naming")
    store.con.execute(_REFRESH)
    return store.con.execute("SELECT count(*) FROM naming").fetchall()[0][0]


@dataclass(frozen=True)
class Lean:
    outlet: str
    side: str
    score: float  # in [-1, 1]: hostile ... favourable
    favourable: int
    neutral: int
    hostile: int

    @property
    def n(self) -> int:
        return self.favourable + self.neutral + self.hostile


def outlet_lean(rows: Iterable[dict]) -> list[Lean]:
    """Per outlet and side, the register-weighted score of the forms used (rows of ``naming``)."""
    tally: dict[tuple[str, str], list[int]] = {}
    for r in rows:
        if not r["side"]:
            continue
        fav_neu_hos = tally.setdefault((r["outlet"], r["side"]), [0, 0, 0])
        column = {"favourable": 0, "hostile": 2}.get(r["register"], 1)
        fav_neu_hos[column] += r["mentions"]
    out = []
    for (outlet, side), (fav, neu, hos) in sorted(tally.items()):
        total = fav + neu + hos
        score = (fav - hos) / total if total else 0.0
        out.append(Lean(outlet, side, round(score, 3), fav, neu, hos))
    return out


def lean_distance(leans: list[Lean], min_mentions: int = 3) -> list[dict]:
    """Pairwise distance between outlets' lean vectors, nearest pairs first.

    Returns:
        list[dict]: ``{a, b, distance, sides}``; pairs sharing no side are left out.
    """
    vectors: dict[str, dict[str, float]] = {}
    for lean in leans:
        if lean.n >= min_mentions:
            vectors.setdefault(lean.outlet, {})[lean.side] = lean.score
    out = []
    for a, b in combinations(sorted(vectors), 2):
        shared = sorted(set(vectors[a]) & set(vectors[b]))
        if shared:
            d = sum(abs(vectors[a][s] - vectors[b][s]) for s in shared) / len(shared)
            out.append({"a": a, "b": b, "distance": round(d, 3), "sides": shared})
    return sorted(out, key=lambda p: (p["distance"], p["a"], p["b"]))
