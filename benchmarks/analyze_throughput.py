"""End-to-end ``palmyra analyze`` words/s against a bare ``nlp.pipe`` over the same texts.

All in one run, on FA-KES train articles: a bare spaCy pass over the cleaned texts
(single process, model loaded beforehand), then ``api.analyze`` from the CSV to a new
store (reading, cleaning, annotating, extracting, writing and linking; worker start-up
included) with 1 worker, with N, and with ``--engine ray`` when Ray is installed.
Prints words/s and the ratios against the issue's targets: 1 worker >= 0.8x bare,
N workers >= 1.6x one worker (N = 2), Ray >= 0.8x the workers figure. On a shared machine
wall times are noisy: the CPU seconds of the bare pass, of 1 worker and of N workers (this
process and its reaped worker processes; Ray's processes are not counted) are printed too.

Usage: PYTHONPATH=src python benchmarks/analyze_throughput.py [--docs 300] [--workers 2]
       [--ray] [--split train]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spacy  # noqa: E402
from corpus import fakes_rows, write_csv  # noqa: E402

from palmyra import api  # noqa: E402
from palmyra.ingest import build_document, iter_records  # noqa: E402
from palmyra.ingest.records import RawRecord  # noqa: E402
from palmyra.pipeline import SPACY_MODEL, Pipeline  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--split", default="train")
    ap.add_argument("--ray", action="store_true", help="also time --engine ray")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="palmyra-throughput-"))
    csv_path = write_csv(fakes_rows(split=args.split)[: args.docs], tmp / "fakes.csv")
    pipeline = Pipeline.create("syria")
    docs = [build_document(r, pipeline.outlets) for r in iter_records([csv_path])
            if isinstance(r, RawRecord)]
    texts = [d.clean.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    # the standard pipeline as spaCy ships it (ours runs some components leaner)
    nlp = spacy.load(SPACY_MODEL)

    cpu: dict[str, float] = {}
    c0, t0 = _cpu(), time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.batch_size):
        pass
    bare, cpu["bare"] = time.perf_counter() - t0, _cpu() - c0

    def run(name: str, **kw: object) -> float:
        c, t = _cpu(), time.perf_counter()
        summary = api.analyze([csv_path], tmp / f"{name}.duckdb", batch_size=args.batch_size,
                              **kw)
        took, cpu[name] = time.perf_counter() - t, _cpu() - c
        print(f"  {name}: {summary.stored} stored, {len(summary.failures)} failed", flush=True)
        return took

    one = run("workers-1", workers=1)
    many = run(f"workers-{args.workers}", workers=args.workers)
    ray_s = run(f"ray-{args.workers}", workers=args.workers, engine="ray") if args.ray else None

    print(f"{len(docs)} FA-KES {args.split} documents, {words:,} words")
    print(f"bare nlp.pipe (1 process) : {words / bare:7.0f} words/s  ({bare:.1f} s)")
    print(f"analyze, 1 worker         : {words / one:7.0f} words/s  ({one:.1f} s)"
          f"  {bare / one:.2f}x bare (target 0.8)")
    print(f"analyze, {args.workers} workers        : {words / many:7.0f} words/s  ({many:.1f} s)"
          f"  {one / many:.2f}x 1 worker (target 1.6), {bare / many:.2f}x bare")
    if ray_s:
        print(f"analyze, ray {args.workers} actors     : {words / ray_s:7.0f} words/s"
              f"  ({ray_s:.1f} s)  {many / ray_s:.2f}x workers (target 0.8)")
    n = len(docs)
    print(f"CPU per document: bare {1000 * cpu['bare'] / n:.0f} ms, 1 worker "
          f"{1000 * cpu['workers-1'] / n:.0f} ms ({cpu['bare'] / cpu['workers-1']:.2f}x bare), "
          f"{args.workers} workers {1000 * cpu[f'workers-{args.workers}'] / n:.0f} ms")
    return 0


def _cpu() -> float:
    """CPU seconds of this process and of its children that have been reaped."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


if __name__ == "__main__":
    sys.exit(main())
