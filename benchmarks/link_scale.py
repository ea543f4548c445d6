"""How linking grows with the corpus: 1k, 10k and 100k synthetic events.

Two measurements per size:

- ``cluster``: placing every report into clusters (``Linker.link``) and
  summarising every cluster (corroboration and contradictions), on LinkEvents
  built in memory: the algorithm alone;
- ``store``: ``link(store, full=True)`` on a DuckDB store holding the same
  reports as documents and event facts: loading, near-duplicate indexing,
  placing, summarising and writing the link tables back.

Synthetic events are spread over five years and ``size / 100`` places (so a
block's density stays the same as the corpus grows, as it does when a corpus
widens in time and space); each occurrence is told by one to four outlets, one
report in ten dated only to the month or year. Growth ratios near 10 per tenfold
size mean linear work. Usage: ``python benchmarks/link_scale.py [SIZES...]``.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pyarrow as pa

from palmyra.link.api import link
from palmyra.link.cluster import Linker
from palmyra.link.records import LinkEvent, place_key
from palmyra.link.settings import DEFAULTS
from palmyra.link.summarise import Context, summarise
from palmyra.store.db import Store

SUBTYPES = {
    "Government regains territory": "Battles",
    "Armed clash": "Battles",
    "Air/drone strike": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Attack": "Violence against civilians",
}
ACTORS = [
    "Military Forces of Syria",
    "Islamic State",
    "Syrian Opposition",
    "Military Forces of Russia",
    "Hayat Tahrir al-Sham",
    "Civilians",
    "SDF",
    "Military Forces of Turkey",
]
OUTLETS = [f"Outlet {i:02d}" for i in range(20)]
WORDS = ["army", "town", "fighters", "shelling", "killed", "said", "forces", "city", "rebels"]
BASE = date(2014, 1, 1)


def synthetic_reports(size: int, seed: int = 7) -> list[dict]:
    """Reports as event-fact dicts (``to_dict(Event)`` shape) plus doc id, outlet and text."""
    rng = random.Random(seed)
    places = max(10, size // 100)
    reports: list[dict] = []
    occurrence = 0
    while len(reports) < size:
        occurrence += 1
        p = rng.randrange(places)
        sub = rng.choice(list(SUBTYPES))
        day = BASE + timedelta(days=rng.randrange(5 * 365))
        a1, a2 = rng.sample(ACTORS, 2)
        killed = rng.choice([None, rng.randrange(1, 100)])
        for outlet in rng.sample(OUTLETS, rng.choice([1, 1, 2, 3, 4])):
            when = day + timedelta(days=rng.choice([0, 0, 0, 1]))
            kind = rng.random()
            if kind < 0.05:
                value = {
                    "value": str(when.year),
                    "precision": "year",
                    "start": f"{when.year}-01-01",
                    "end": f"{when.year}-12-31",
                }
            elif kind < 0.10:
                last = date(when.year + (when.month == 12), when.month % 12 + 1, 1) - timedelta(1)
                value = {
                    "value": when.isoformat()[:7],
                    "precision": "month",
                    "start": when.replace(day=1).isoformat(),
                    "end": last.isoformat(),
                }
            else:
                value = {
                    "value": when.isoformat(),
                    "precision": "day",
                    "start": when.isoformat(),
                    "end": when.isoformat(),
                }
            text = f"{a1} {rng.choice(WORDS)} {a2} in place {p} " + " ".join(
                rng.choice(WORDS) for _ in range(12)
            )
            doc = f"doc{len(reports):07d}"
            reports.append(
                {
                    "doc_id": doc,
                    "outlet": outlet,
                    "text": text,
                    "event": {
                        "doc_id": doc,
                        "event_type": SUBTYPES[sub],
                        "sub_event_type": sub,
                        "evidence": [{"doc_id": doc, "start": 0, "end": len(text)}],
                        "date": value,
                        "place": {
                            "name": f"Place {p}",
                            "geonameid": 1000 + p,
                            "lat": None,
                            "lon": None,
                            "admin1": None,
                            "country": "Syria",
                        },
                        "actor1": a1,
                        "actor2": a2,
                        "counts": {"killed": {"low": killed, "high": killed}} if killed else {},
                        "modality": "asserted",
                        "asserted_by": None,
                    },
                }
            )
    return reports[:size]


def link_events(reports: list[dict]) -> list[LinkEvent]:
    out = []
    for r in reports:
        e = r["event"]
        d = e["date"]
        out.append(
            LinkEvent(
                r["doc_id"],
                0,
                r["outlet"],
                e["event_type"],
                e["sub_event_type"],
                date.fromisoformat(d["start"]).toordinal(),
                date.fromisoformat(d["end"]).toordinal(),
                d["precision"],
                d["value"],
                place_key(e["place"]),
                e["place"],
                e["actor1"],
                e["actor2"],
                {k: (v["low"], v["high"], False) for k, v in e["counts"].items()},
                evidence=((0, len(r["text"])),),
                text=r["text"],
            )
        )
    return out


def time_in_memory(reports: list[dict]) -> tuple[float, float, int]:
    events = link_events(reports)
    t0 = time.perf_counter()
    linker = Linker(DEFAULTS)
    result = linker.link(events)
    t1 = time.perf_counter()
    members: dict[str, dict] = {}
    for key, p in result.placements.items():
        members.setdefault(p.cluster_id, {})[key] = (p.rule, p.score)
    by_key = {e.key: e for e in events}
    ctx = Context({r["doc_id"]: (r["outlet"], r["doc_id"]) for r in reports}, {}, {}, {}, DEFAULTS)
    for cid, ms in members.items():
        summarise(linker.clusters[cid], ms, by_key, ctx)
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, len(members)


def fill_store(store: Store, reports: list[dict]) -> None:
    """Documents and event facts written straight into the tables (no pipeline)."""
    docs = pa.table(
        {
            "id": [r["doc_id"] for r in reports],
            "outlet": [r["outlet"] for r in reports],
            "text": [r["text"] for r in reports],
            "format": ["txt"] * len(reports),
        }
    )
    facts = pa.table(
        {
            "doc_id": [r["doc_id"] for r in reports],
            "kind": ["events"] * len(reports),
            "seq": [0] * len(reports),
            "start_pos": [0] * len(reports),
            "end_pos": [len(r["text"]) for r in reports],
            "extractor": ["synthetic"] * len(reports),
            "data": [json.dumps(r["event"]) for r in reports],
        }
    )
    with store.transaction():  # its BEGIN also closes the result Store() left open
        store.con.register("_docs", docs)
        store.con.register("_facts", facts)
        store.con.execute("INSERT INTO documents BY NAME SELECT * FROM _docs")
        store.con.execute("INSERT INTO facts BY NAME SELECT * FROM _facts")


def time_store(reports: list[dict]) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        fill_store(store, reports)
        t0 = time.perf_counter()
        summary = link(store, full=True)
        return time.perf_counter() - t0, summary.clusters


def main(sizes: list[int]) -> None:
    rows = []
    print(
        f"{'events':>8} {'clusters':>9} {'place':>8} {'summarise':>10} {'in-memory':>10}"
        f" {'store link':>11}"
    )
    for size in sizes:
        reports = synthetic_reports(size)
        placing, summarising, clusters = time_in_memory(reports)
        stored, _ = time_store(reports)
        rows.append((size, placing + summarising, stored))
        print(
            f"{size:>8} {clusters:>9} {placing:>7.2f}s {summarising:>9.2f}s"
            f" {placing + summarising:>9.2f}s {stored:>10.2f}s",
            flush=True,
        )
    for (s1, m1, d1), (s2, m2, d2) in pairwise(rows):
        print(f"{s1}->{s2} ({s2 / s1:g}x events): in-memory x{m2 / m1:.1f}, store x{d2 / d1:.1f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
