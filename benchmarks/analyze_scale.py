"""``palmyra analyze`` at 1k / 10k / 100k documents: time per document, peak RSS, store size.

The corpus is synthetic but made of FA-KES train texts with places, people, numbers and
dates redrawn so that every document is distinct (``corpus.synthetic``), written as a
folder of text files. Each size runs ``palmyra analyze`` as its own process (so peak
memory is that run's alone) with ``--workers N``; peak RSS is the largest sum over the
writer and its workers, sampled every 0.2 s from /proc. CPU seconds per document (the
run's whole process tree, from ``getrusage``) are printed beside wall time: on a shared,
loaded machine they are the steadier measure of whether the cost per document is flat.
Targets from the issue: time per document flat (<= 1.2x from 1k to 100k), peak RSS < 2 GB
at 100k and within 200 MB of 10k.

Usage: PYTHONPATH=src python benchmarks/analyze_scale.py [--sizes 1000 10000] [--workers 2]
(100k takes hours on a 2-core machine: run it by hand, outside CI.)
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import fakes_rows, write_synthetic  # noqa: E402


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def children_cpu() -> float:
    """CPU seconds of all waited-for descendants so far (user + system)."""
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def run(corpus: Path, store: Path, workers: int) -> tuple[float, float, int, str]:
    cmd = [sys.executable, "-m", "palmyra.cli", "analyze", str(corpus), "--store", str(store),
           "--workers", str(workers)]
    t0, cpu0 = time.perf_counter(), children_cpu()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.2)
    took, cpu = time.perf_counter() - t0, children_cpu() - cpu0
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"analyze failed ({proc.returncode}): {out}")
    return took, cpu, peak, out.splitlines()[0] if out else ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--keep", type=Path, help="build corpora and stores here and keep them")
    args = ap.parse_args()

    rows = fakes_rows(split="train")
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="palmyra-scale-"))
    tmp.mkdir(parents=True, exist_ok=True)
    print(f"{len(rows)} FA-KES train texts, workers={args.workers}, in {tmp}", flush=True)
    first = first_cpu = None
    for n in args.sizes:
        corpus, store = tmp / f"corpus-{n}", tmp / f"store-{n}.duckdb"
        if not corpus.exists():
            write_synthetic(rows, n, corpus)
        store.unlink(missing_ok=True)
        took, cpu, peak, line = run(corpus, store, args.workers)
        per_doc, cpu_per_doc = took / n, cpu / n
        first, first_cpu = first or per_doc, first_cpu or cpu_per_doc
        print(f"{n:>7,} docs: {took:8.1f} s, {per_doc * 1000:6.1f} ms/doc"
              f" ({per_doc / first:.2f}x the first size), CPU {cpu_per_doc * 1000:6.1f} ms/doc"
              f" ({cpu_per_doc / first_cpu:.2f}x), peak RSS {peak / 2**20:6.0f} MB,"
              f" store {store.stat().st_size / n / 1024:5.1f} KB/doc  [{line.strip()}]",
              flush=True)
        if args.keep is None:
            shutil.rmtree(corpus)
            store.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
