"""Throughput of Palmyra's annotate (and extract) stages against a bare spaCy pass.

Both runs use the same model and the same cleaned texts (the seeds, when
../shared is beside the checkout, plus the bundled demo corpus), in the same
process, alternating, so machine noise hits both alike. Prints words/s for each
and the ratio; exits 1 when the ratio falls below the floor (default 0.8).

Usage: python benchmarks/annotate_throughput.py [--rounds 3] [--floor 0.8] [--extract]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import spacy

from palmyra.ingest import build_document, iter_records
from palmyra.ingest.records import RawRecord
from palmyra.pipeline import DEFAULT_ANNOTATORS, DEFAULT_EXTRACTORS, SPACY_MODEL, Pipeline

ROOT = Path(__file__).resolve().parents[1]


def corpus(pipeline: Pipeline) -> list:
    paths = [ROOT / "demo" / "fakes-demo.csv"]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        paths.append(seeds)
    docs = []
    for rec in iter_records([str(p) for p in paths]):
        if isinstance(rec, RawRecord):
            docs.append(build_document(rec, pipeline.outlets))
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--floor", type=float, default=0.8)
    ap.add_argument("--extract", action="store_true", help="include the extractors too")
    ap.add_argument("--profile", default="auto",
                    help="auto (the default: a profile chosen per document), a name, or none")
    args = ap.parse_args()

    pipeline = Pipeline.create(
        None if args.profile == "none" else args.profile,
        annotators=DEFAULT_ANNOTATORS,
        extractors=DEFAULT_EXTRACTORS if args.extract else (),
    )
    docs = corpus(pipeline)
    texts = [d.clean.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    # the standard pipeline as spaCy ships it (ours runs some components leaner)
    nlp = spacy.load(SPACY_MODEL)
    pipeline.process(docs[:2])  # warm caches (matchers, gazetteer) outside the timing

    bare, ours = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        bare.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for i in range(0, len(docs), 32):
            facts, errors = pipeline.process(docs[i : i + 32])
            assert not errors, errors[:3]
        ours.append(time.perf_counter() - t0)
    b, o = statistics.median(bare), statistics.median(ours)
    ratio = b / o
    stage = "annotate+extract" if args.extract else "annotate"
    print(f"{len(docs)} documents, {words:,} words, {args.rounds} rounds (medians)")
    print(f"bare nlp.pipe      : {words / b:8.0f} words/s  ({b:.2f} s)")
    print(f"palmyra {stage:<11}: {words / o:8.0f} words/s  ({o:.2f} s)")
    print(f"throughput ratio   : {ratio:.2f} (floor {args.floor})")
    return 0 if ratio >= args.floor else 1


if __name__ == "__main__":
    sys.exit(main())
