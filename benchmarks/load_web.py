"""Load benchmark of the web UI on loopback: page times under 32 concurrent clients.

Builds (or reuses) a store of synthetic documents with facts, starts
``palmyra.present.web`` under uvicorn in a child process on 127.0.0.1, warms every
page kind once (whole-corpus views are computed on first use), then lets the
clients send a bounded number of requests over the main pages and prints
p50/p95/p99 per page kind and overall. It stops by itself: after ``--requests``
requests or ``--seconds`` seconds, whichever comes first. Target: p95 < 300 ms.

Usage: python benchmarks/load_web.py [--docs 10000] [--clients 32] [--requests 4000]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import httpx

from palmyra.model import (
    ActorRef,
    Citation,
    DateValue,
    Document,
    DocumentFacts,
    Event,
    Mention,
    NumberValue,
    PlaceRef,
    Quote,
    SourceRef,
    Span,
)
from palmyra.store.db import Store

PLACES = [
    ("Aleppo", "Aleppo", 36.20, 37.16), ("Idlib", "Idlib", 35.93, 36.63),
    ("Homs", "Homs", 34.72, 36.73), ("Hama", "Hama", 35.13, 36.76),
    ("Palmyra", "Homs", 34.56, 38.28), ("Raqqa", "Ar-Raqqah", 35.95, 39.01),
    ("Deir ez-Zor", "Deir ez-Zor", 35.34, 40.14), ("Daraa", "Daraa", 32.62, 36.10),
    ("Douma", "Rif Dimashq", 33.57, 36.40), ("Latakia", "Latakia", 35.53, 35.79),
    ("Manbij", "Aleppo", 36.53, 37.95), ("Al-Bab", "Aleppo", 36.37, 37.52),
    ("Kobani", "Aleppo", 36.89, 38.35), ("Qamishli", "Al-Hasakah", 37.05, 41.22),
    ("Jisr al-Shughur", "Idlib", 35.81, 36.32), ("Maarat al-Numan", "Idlib", 35.64, 36.67),
]
ACTORS = [("government forces", "Military Forces of Syria", "neutral"),
          ("regime troops", "Military Forces of Syria", "hostile"),
          ("rebel fighters", "Opposition Rebels", "neutral"),
          ("terrorists", "Opposition Rebels", "hostile"),
          ("Islamic State militants", "Islamic State", "neutral"),
          ("Kurdish forces", "SDF", "neutral")]
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
         ("Strategic developments", "Agreement")]
OUTLETS = [f"Synthetic Outlet {c}" for c in "ABCDEFGHIJKL"]
SOURCES = ["Syrian Observatory for Human Rights", "SANA", "Reuters", "AFP", "local activists"]
FILLER = ("Residents described a tense night as families gathered in basements and the"
          " roads out of the district stayed closed until the morning. ")


def synthetic_document(i: int, rng: random.Random) -> DocumentFacts:
    """One synthetic article of about 2 KB with three events, a quote, a citation, mentions."""
    day = 1 + rng.randrange(28)
    month = 1 + rng.randrange(12)
    year = 2012 + rng.randrange(8)
    published = f"{year:04d}-{month:02d}-{day:02d}"
    outlet = rng.choice(OUTLETS)
    title = f"Fighting reported near {rng.choice(PLACES)[0]} (report {i})"
    parts = [title, "\n", f"By Staff, {outlet}", "\n"]
    sentences: list[tuple[int, int, tuple]] = []
    for _ in range(3):
        place = rng.choice(PLACES)
        actor = rng.choice(ACTORS)
        kind = rng.choice(TYPES)
        killed = rng.randrange(0, 40)
        source = rng.choice(SOURCES)
        sentence = (f"In {place[0]}, {actor[0]} were involved in an incident that killed {killed}"
                    f" people on {published}, according to {source}.")
        start = sum(len(p) for p in parts)
        parts += [sentence, " ", FILLER * 3, "\n"]
        sentences.append((start, start + len(sentence), (place, actor, kind, killed, source)))
    quote = "We will not leave our homes"
    parts += ['"', quote, '," said a resident.', "\n", FILLER * 2]
    text = "".join(parts)
    doc_id = hashlib.sha256(text.encode()).hexdigest()[:16]
    date = DateValue(published, "day", published, published, "synthetic")
    doc = Document(id=doc_id, text=text, sources=[SourceRef(f"/synthetic/{i:05d}.txt")],
                   format="text", title=title, title_span=Span(doc_id, 0, len(title)),
                   outlet=outlet, author="Staff", published=date,
                   body=Span(doc_id, len(title) + 1, len(text)))
    facts = DocumentFacts(doc)
    for start, end, (place, actor, kind, killed, source) in sentences:
        ref = PlaceRef(place[0], None, place[2], place[3], place[1], "Syria", "PPL", "town")
        facts.events.append(Event(doc_id, kind[0], kind[1], (Span(doc_id, start, end),),
                                  date=date, place=ref, place_text=place[0], actor1=actor[1],
                                  counts={"killed": NumberValue(killed, killed)},
                                  modality="attributed", asserted_by=source))
        a = text.index(actor[0], start)
        facts.mentions.append(Mention("actor", actor[0], Span(doc_id, a, a + len(actor[0])),
                                      ActorRef(actor[1], "armed_group", None, actor[2])))
        p = text.index(place[0], start)
        facts.mentions.append(Mention("place", place[0], Span(doc_id, p, p + len(place[0])), ref))
        c = text.index(source, start)
        facts.citations.append(Citation(doc_id, Span(doc_id, c, c + len(source)), source))
    q = text.index(quote)
    facts.quotes.append(Quote(doc_id, Span(doc_id, q, q + len(quote)), quote, "resident"))
    return facts


def build_store(path: Path, n_docs: int) -> None:
    if path.exists():
        with Store(path, read_only=True) as st:
            if st.query("SELECT count(*) AS n FROM documents")[0]["n"] == n_docs:
                print(f"reusing {path} ({n_docs} documents)")
                return
        path.unlink()
    rng = random.Random(7)
    t0 = time.perf_counter()
    with Store(path) as st:
        for lo in range(0, n_docs, 500):
            st.write_batch([synthetic_document(i, rng) for i in range(lo, min(lo + 500, n_docs))])
        # clusters: the linking stage's table shape, one cluster per (place, month, type)
        st.con.execute("CREATE TABLE cluster_members AS SELECT md5(concat_ws('|',"
                       " data->>'$.place.name', substr(data->>'$.date.value', 1, 7),"
                       " data->>'$.event_type')) AS cluster_id, doc_id, seq FROM facts"
                       " WHERE kind = 'events'")
    print(f"built {path}: {n_docs} documents in {time.perf_counter() - t0:.1f} s")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(path: Path, port: int, workers: int) -> subprocess.Popen:
    """``palmyra serve`` in a child process (the command function, called directly)."""
    code = ("from pathlib import Path; from palmyra.present.cli_commands import serve;"
            f" serve(Path({str(path)!r}), host='127.0.0.1', port={port}, workers={workers})")
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/overview", timeout=2)
            return proc
        except httpx.HTTPError:
            if proc.poll() is not None:
                raise SystemExit("the server exited before answering") from None
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit("the server did not answer within 300 s")


def targets(path: Path, rng: random.Random) -> list[tuple[str, str]]:
    """(page kind, URL) pairs: a mix weighted towards the pages an analyst opens most."""
    with Store(path, read_only=True) as st:
        docs = [r["id"] for r in st.query("SELECT id FROM documents USING SAMPLE 400 ROWS")]
        clusters = [r["cluster_id"] for r in st.query(
            "SELECT cluster_id FROM (SELECT cluster_id FROM cluster_members GROUP BY 1"
            " HAVING count(*) > 1) USING SAMPLE 200 ROWS")]
    words = ["Aleppo", "rebel", "killed Homs", "Palmyra resident", "Reuters", "terrorists"]
    out = []
    for _ in range(40):
        out += [("overview", "/"), ("events page", "/events"), ("events api", "/api/events"),
                ("naming", "/naming"), ("citations", "/citations"), ("clusters", "/clusters")]
        out += [("documents", f"/documents?p={rng.randrange(1, 200)}")] * 2
        out += [("document", f"/doc/{rng.choice(docs)}") for _ in range(4)]
        out += [("cluster", f"/cluster/{rng.choice(clusters)}") for _ in range(2)]
        out += [("search", f"/search?q={rng.choice(words)}") for _ in range(2)]
    rng.shuffle(out)
    return out


async def run_load(base: str, plan: list[tuple[str, str]], clients: int, requests: int,
                   seconds: float, failures: list[str]) -> dict[str, list[float]]:
    times: dict[str, list[float]] = defaultdict(list)
    deadline = time.monotonic() + seconds
    counter = iter(range(requests))
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits,
                                 headers={"accept-encoding": "gzip"}) as client:

        async def worker() -> None:
            for i in counter:
                if time.monotonic() > deadline:
                    return
                kind, url = plan[i % len(plan)]
                t0 = time.perf_counter()
                try:
                    # raw bytes: decoding the gzipped events list here would stall the
                    # other clients of this event loop and be counted as server time
                    async with client.stream("GET", url) as r:
                        async for _ in r.aiter_raw():
                            pass
                except httpx.HTTPError as err:
                    failures.append(f"{url}: {err!r}")
                    continue
                times[kind].append(time.perf_counter() - t0)
                if r.status_code != 200:
                    failures.append(f"{url}: HTTP {r.status_code}")

        await asyncio.gather(*(worker() for _ in range(clients)))
    return times


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, default=Path("/tmp/palmyra-bench-web.duckdb"))
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--requests", type=int, default=4000)
    ap.add_argument("--seconds", type=float, default=240)
    ap.add_argument("--workers", type=int, default=1, help="server processes")
    args = ap.parse_args()
    build_store(args.store, args.docs)
    port = free_port()
    t0 = time.perf_counter()
    proc = start_server(args.store, port, args.workers)
    print(f"server up in {time.perf_counter() - t0:.1f} s (search index built if needed)")
    base = f"http://127.0.0.1:{port}"
    try:
        plan = targets(args.store, random.Random(11))
        print(f"server process {proc.pid} alive: {proc.poll() is None}")
        for kind, url in dict(plan).items():  # warm-up: one of each kind, timed apart
            t = time.perf_counter()
            r = httpx.get(base + url, timeout=120, headers={"accept-encoding": "gzip"})
            print(f"  warm-up {kind:12s} {1000 * (time.perf_counter() - t):8.1f} ms"
                  f"  HTTP {r.status_code}")
        failures: list[str] = []
        t = time.perf_counter()
        times = asyncio.run(
            run_load(base, plan, args.clients, args.requests, args.seconds, failures))
        wall = time.perf_counter() - t
    finally:
        if proc.poll() is not None:
            print(f"the server process exited with code {proc.returncode}")
        proc.terminate()
        proc.wait(timeout=30)
    for line in failures[:10]:
        print("  failed:", line)
    errors = len(failures)
    every = [x for v in times.values() for x in v]
    print(f"\n{len(every)} requests, {args.clients} clients, {args.workers} server"
          f" process(es), {wall:.1f} s,"
          f" {len(every) / wall:.0f} req/s, {errors} failed")
    print(f"{'page':14s} {'n':>6s} {'p50 ms':>9s} {'p95 ms':>9s} {'p99 ms':>9s}")
    for kind in sorted(times):
        v = times[kind]
        print(f"{kind:14s} {len(v):6d} {pct(v, 50):9.1f} {pct(v, 95):9.1f} {pct(v, 99):9.1f}")
    print(f"{'all':14s} {len(every):6d} {pct(every, 50):9.1f} {pct(every, 95):9.1f}"
          f" {pct(every, 99):9.1f}   (mean {1000 * statistics.mean(every):.1f})")
    print("target p95 < 300 ms:", "met" if pct(every, 95) < 300 else "NOT met")


if __name__ == "__main__":
    main()
