"""Throughput of the per-document pipeline with the propaganda-technique tagger against without.

Both pipelines run every annotator and extractor over the same documents (the demo
corpus, plus the seeds when ../shared is beside the checkout), in the same process,
alternating round by round so machine noise hits both alike. The technique model is
the one `palmyra train techniques` wrote (``--model DIR``, else
``$PALMYRA_TECHNIQUES_MODEL``, else the cache folder). Prints words/s for each and
the ratio; exits 1 below the floor (default 0.7), 2 when there is no model.

Usage: python benchmarks/technique_throughput.py [--model DIR] [--rounds 3] [--floor 0.7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from palmyra.extract.framing.techniques import NAME, SETTING
from palmyra.pipeline import DEFAULT_EXTRACTORS, Pipeline
from palmyra.techniques.model import find_model

sys.path.insert(0, str(Path(__file__).resolve().parent))
from annotate_throughput import corpus  # noqa: E402  (the benchmarks share their corpus)


def _timed(pipeline: Pipeline, docs: list) -> float:
    t0 = time.perf_counter()
    for i in range(0, len(docs), 32):
        _facts, errors = pipeline.process(docs[i:i + 32])
        assert not errors, errors[:3]
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--floor", type=float, default=0.7)
    args = ap.parse_args()
    if find_model(args.model) is None:
        print("no technique model: train one with `palmyra train techniques --ptc DIR`")
        return 2
    without = Pipeline.create("syria", extractors=tuple(x for x in DEFAULT_EXTRACTORS
                                                        if x != NAME))
    settings = {SETTING: str(args.model)} if args.model else {}
    with_t = Pipeline.create("syria", extractors=DEFAULT_EXTRACTORS, settings=settings)
    with_t.__dict__["nlp"] = without.nlp  # one spaCy model for both: same tokens, same cost
    with_t.__dict__["gazetteer"] = without.gazetteer
    docs = corpus(without)
    words = sum(len(d.clean.text.split()) for d in docs)
    found = sum(len(f.techniques) for f in with_t.process(docs[:4])[0])  # warm both
    without.process(docs[:4])
    off, on = [], []
    for _ in range(args.rounds):
        off.append(_timed(without, docs))
        on.append(_timed(with_t, docs))
    a, b = statistics.median(off), statistics.median(on)
    print(f"{len(docs)} documents, {words:,} words, {args.rounds} rounds (medians);"
          f" {found} techniques in the first 4 documents")
    print(f"without techniques : {words / a:8.0f} words/s  ({a:.2f} s)")
    print(f"with techniques    : {words / b:8.0f} words/s  ({b:.2f} s)")
    print(f"throughput ratio   : {a / b:.2f} (floor {args.floor})")
    return 0 if a / b >= args.floor else 1


if __name__ == "__main__":
    sys.exit(main())
