"""Whole-job ``palmyra analyze`` speed of this checkout against a baseline checkout.

Both versions analyse the same FA-KES train articles (one CSV) into fresh stores, each as
a separate process (start-up, profile and model loading, extraction, writing and linking
included), alternating baseline / ours / bare spaCy ``repeats`` times. Each run's CPU
time (user + system, with its children) and peak RSS come from ``wait4``, its wall time
from the clock. The machine may be shared, so the figures printed are medians and ratios:

* speed vs baseline = baseline CPU / our CPU (and the same for wall); the target is 0.8
  (the whole job at least 0.8x as fast as the baseline);
* peak RSS, ours / baseline;
* speed vs bare spaCy = a bare ``nlp.pipe`` pass over the same cleaned texts (model loaded
  beforehand, as in ``analyze_throughput.py``) / our whole job, 1 worker; the target of
  issue 15 is 0.8.

Usage:
  git worktree add --detach /tmp/wt-base 1f98f97
  PYTHONPATH=src python benchmarks/speed_vs_baseline.py --baseline /tmp/wt-base [--docs 300]
      [--repeats 3] [--workers 1] [--profile auto] [--also /tmp/wt-before ...]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import fakes_rows, write_csv  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

# Run in a child: the cleaned texts of the CSV as this checkout builds them, then one
# timed nlp.pipe pass (the model loaded before the clock starts).
BARE = """
import json, sys, time
from palmyra.ingest import build_document, iter_records
from palmyra.ingest.records import RawRecord
from palmyra.pipeline import SPACY_MODEL
import spacy
docs = [build_document(r, []) for r in iter_records([sys.argv[1]]) if isinstance(r, RawRecord)]
texts = [d.clean.text for d in docs]
nlp = spacy.load(SPACY_MODEL)
cpu, wall = time.process_time(), time.perf_counter()
for _ in nlp.pipe(texts, batch_size=int(sys.argv[2])):
    pass
print(json.dumps({"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall,
                  "words": sum(len(t.split()) for t in texts)}))
"""


def timed(cmd: list[str], src: Path) -> dict[str, float]:
    """Run a command with ``src`` first on the path; its CPU (s), wall (s), peak RSS (MiB)
    and standard output. The child is reaped with ``wait4`` for its own resource usage."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err.read().decode()[-2000:]}")
        return {"cpu": usage.ru_utime + usage.ru_stime, "wall": wall,
                "rss": usage.ru_maxrss / 1024, "out": out.read().decode()}  # type: ignore[dict-item]


def analyze_cmd(checkout: Path, store: Path, csv_path: Path, args: argparse.Namespace) -> list[str]:
    cmd = [sys.executable, "-m", "palmyra.cli", "analyze", "--store", str(store),
           "--batch-size", str(args.batch_size)]
    cli = (checkout / "src" / "palmyra" / "cli.py").read_text(encoding="utf-8")
    if "--workers" in cli or '"workers"' in cli or "workers:" in cli:
        cmd += ["--workers", str(args.workers)]
    if args.profile and "auto" in cli:  # the baseline knows no auto: it runs its default
        cmd += ["--profile", args.profile]
    return [*cmd, str(csv_path)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", type=Path, required=True, help="the baseline checkout's root")
    ap.add_argument("--ours", type=Path, default=ROOT, help="this checkout (default)")
    ap.add_argument("--also", type=Path, nargs="*", default=[],
                    help="more checkouts timed in the same run (e.g. the code before a change)")
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--split", default="train")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--profile", default=None, help="passed to ours (and to a baseline that "
                    "knows --profile auto); default: each version's default")
    ap.add_argument("--no-bare", action="store_true", help="skip the bare spaCy pass")
    ap.add_argument("--json", type=Path, help="also write every run's figures here")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="palmyra-speed-"))
    csv_path = write_csv(fakes_rows(split=args.split)[: args.docs], tmp / "fakes.csv")
    checkouts = {"baseline": args.baseline, "ours": args.ours,
                 **{f"also-{n}": path for n, path in enumerate(args.also, 1)}}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in [*checkouts, "bare"]}
    for i in range(args.repeats):
        # alternate the order, so that a load change on the machine hits all alike
        order = list(checkouts) if i % 2 == 0 else list(reversed(checkouts))
        for name in order:
            checkout = checkouts[name]
            store = tmp / f"{name}-{i}.duckdb"
            r = timed(analyze_cmd(checkout, store, csv_path, args), checkout / "src")
            store.unlink(missing_ok=True)
            runs[name].append(r)
            print(f"  run {i + 1} {name:8s}: CPU {r['cpu']:6.1f} s  wall {r['wall']:6.1f} s  "
                  f"peak RSS {r['rss']:5.0f} MiB", flush=True)
        if not args.no_bare:
            r = timed([sys.executable, "-c", BARE, str(csv_path), str(args.batch_size)],
                      args.ours / "src")
            r.update(json.loads(str(r.pop("out"))))
            runs["bare"].append(r)
            print(f"  run {i + 1} bare spaCy: CPU {r['cpu']:6.1f} s  wall {r['wall']:6.1f} s "
                  f"(nlp.pipe only)", flush=True)

    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[name])

    print(f"\n{args.docs} FA-KES {args.split} articles, {args.workers} worker(s), "
          f"medians of {args.repeats}; baseline {args.baseline}")
    base_cpu, our_cpu = med("baseline", "cpu"), med("ours", "cpu")
    print(f"speed vs baseline (baseline / ours): CPU {base_cpu / our_cpu:.2f}x"
          f"  wall {med('baseline', 'wall') / med('ours', 'wall'):.2f}x  (target 0.8)")
    print(f"peak RSS ours / baseline: {med('ours', 'rss'):.0f} / {med('baseline', 'rss'):.0f} MiB"
          f" = {med('ours', 'rss') / med('baseline', 'rss'):.2f}x")
    for n, path in enumerate(args.also, 1):
        name = f"also-{n}"
        print(f"{path}: speed vs baseline CPU {base_cpu / med(name, 'cpu'):.2f}x"
              f"  wall {med('baseline', 'wall') / med(name, 'wall'):.2f}x; peak RSS"
              f" {med(name, 'rss') / med('baseline', 'rss'):.2f}x baseline", end="")
        bare_it = med("bare", "cpu") / med(name, "cpu") if runs["bare"] else None
        print(f"; bare / it CPU {bare_it:.2f}x" if bare_it else "")
    if runs["bare"]:
        bare = med("bare", "cpu")
        print(f"speed vs bare nlp.pipe (bare / ours): CPU {bare / our_cpu:.2f}x"
              f"  wall {med('bare', 'wall') / med('ours', 'wall'):.2f}x  (issue 15 target 0.8; "
              f"baseline: CPU {bare / base_cpu:.2f}x)")
    if args.json:
        for rs in runs.values():
            for r in rs:
                r.pop("out", None)
        args.json.write_text(json.dumps(runs, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
