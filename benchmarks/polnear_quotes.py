"""Quotes and their speakers scored against PolNeAR's attributions (US political news).

PolNeAR (Newell et al. 2018; ``../shared/data/polnear``, see its SOURCE.md: no licence,
read here, never copied into the repository) marks in each article every attribution:
its source (who), cue (the verb) and content (what). It was never used to write the
quote rules, so it is an independent check of the speaker rules that gold dev tuned.

For a fixed sample of articles of one split (one annotator's file per article), the
quotes extractor runs as ``palmyra analyze`` runs it (same annotators, profile chosen
per article) and this script reports:

- direct-quote recall: of PolNeAR attributions whose content holds a quotation mark,
  the share that a Palmyra direct quote covers (at least half of the Palmyra quote
  lies in the content);
- direct-quote precision: of Palmyra direct quotes, the share lying in some
  attribution's content (the rest: scare quotes, titles, words PolNeAR does not
  attribute);
- speaker right, for direct and for reported (indirect) Palmyra quotes matched to an
  attribution that has a source (the innermost attribution holding the quote; right
  if right for any attribution holding it, as "X said Y called it “…”" nests two):
  the Palmyra speaker phrase overlaps the PolNeAR source, or the Palmyra speaker's
  name shares a name word with it ("Clinton" and "Hillary Clinton"). A pronoun source
  ("he", "who") must also be named as what it goes back to: for "who" the words just
  before it, for "he" the last named PolNeAR source before it in the article, a rough
  stand-in for the coreference PolNeAR does not give (so that "pronoun named
  otherwise" counts some right names as wrong: the figure is a lower bound);
- the wrong speakers, grouped by kind, with ``--errors`` listing each one with its
  context.

The ``dev`` split is for a final report only (``--split dev``); tune on ``train``.
Skips (exit 0, a message) when the data folder is absent.

Usage: python benchmarks/polnear_quotes.py [SHARED_DIR] [--split train|dev]
       [--articles N] [--seed S] [--errors] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUOTE_MARKS = "\"“”"
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})
RELATIVES = frozenset({"who", "which", "that"})
_RECORD = re.compile(r"^(?:[TE]\d+|#\d*)\t", re.MULTILINE)
_NAME_WORD = re.compile(r"[A-Z][\w’'.-]+")
_NOT_NAME = frozenset({"The", "A", "An", "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Ms", "Mrs", "Dr",
                       "He", "She", "They", "It", "We", "I", "You", "His", "Her", "Their"})


@dataclass
class Attribution:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    source_text: str = ""
    content_text: str = ""

    @property
    def direct(self) -> bool:
        return any(c in self.content_text for c in QUOTE_MARKS)


def parse_ann(text: str) -> list[Attribution]:
    """The attributions of one brat file: records split at their ids, not at lines
    (a span's text may run over several lines)."""
    starts = [m.start() for m in _RECORD.finditer(text)] + [len(text)]
    spans: dict[str, tuple[list[tuple[int, int]], str]] = {}
    events = []
    for a, b in zip(starts, starts[1:], strict=False):
        rec = text[a:b].rstrip("\n")
        parts = rec.split("\t", 2)
        if rec.startswith("T") and len(parts) == 3:
            _, where = parts[1].split(" ", 1)
            frags = [tuple(int(x) for x in f.split()) for f in where.split(";")]
            spans[parts[0]] = ([(f[0], f[1]) for f in frags], parts[2])
        elif rec.startswith("E") and len(parts) >= 2:
            events.append(dict(p.split(":", 1) for p in parts[1].split()))
    out = []
    for e in events:
        content = spans.get(e.get("Content", ""))
        if content is None:
            continue
        source = spans.get(e.get("Source", ""), ([], ""))
        out.append(Attribution(content[0], source[0], source[1], content[1]))
    return out


def sample(split_dir: Path, articles: int, seed: int) -> list[tuple[str, Path, Path]]:
    """A fixed sample of the split's articles, each with the first annotator's file."""
    anns: dict[str, list[Path]] = {}
    for p in sorted((split_dir / "attributions").glob("*.ann")):
        anns.setdefault(p.stem.rsplit("_", 1)[0], []).append(p)
    stems = sorted(s for s in anns if (split_dir / "text" / f"{s}.txt").exists())
    chosen = sorted(random.Random(seed).sample(stems, min(articles, len(stems))))
    return [(s, split_dir / "text" / f"{s}.txt", anns[s][0]) for s in chosen]


def _overlap(a: tuple[int, int], frags: list[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in frags)


def name_words(text: str | None) -> set[str]:
    words = {w.strip(".’'s").strip("’'") for w in _NAME_WORD.findall(text or "")}
    return {w for w in words if w and w not in _NOT_NAME and len(w) > 1}


def _resolved(atts: list[Attribution], att: Attribution, text: str) -> str:
    """What a pronoun source stands for: a relative pronoun ("Trump, who said") the words
    just before it; a personal one the last named source before it, in text order."""
    start = att.source[0][0]
    if att.source_text.lower() in RELATIVES:
        return text[max(0, start - 50) : start]
    named = [a for a in atts if a.source and a.source[0][0] < start and name_words(a.source_text)
             and a.source_text.lower() not in PRONOUNS]
    return max(named, key=lambda a: a.source[0][0]).source_text if named else ""


def speaker_right(quote, att: Attribution, atts: list[Attribution], text: str) -> str | None:
    """None when right; else the kind of miss."""
    span = quote.speaker_span
    named = name_words(quote.speaker)
    pronoun = att.source_text.lower() in PRONOUNS | RELATIVES
    reference = name_words(_resolved(atts, att, text)) if pronoun else set()
    if span is not None and _overlap((span.start, span.end), att.source):
        # the right phrase; a pronoun must also be named as its reference names it
        return "pronoun named otherwise" if named and reference and not named & reference \
            else None
    if named & name_words(att.source_text) or named & reference:
        return None
    if span is None:
        return "no speaker phrase"
    if span.start > att.source[-1][1] or span.end < att.source[0][0]:
        return "other phrase " + ("after" if span.start > att.source[-1][1] else "before")
    return "other phrase"


def score(split_dir: Path, articles: int, seed: int, errors: bool) -> dict:
    from palmyra.api import TextRecord
    from palmyra.ingest.build import build_document
    from palmyra.ingest.records import RawRecord, SourceRef
    from palmyra.pipeline import Pipeline
    from palmyra.profiles.choose import AUTO

    pipeline = Pipeline.create(AUTO, extractors=("palmyra.quotes.v1",))
    chosen = sample(split_dir, articles, seed)
    counts: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    listed = []
    for stem, text_path, ann_path in chosen:
        with open(text_path, encoding="utf-8", newline="") as fh:
            text = fh.read()
        atts = parse_ann(ann_path.read_text(encoding="utf-8"))
        rec = TextRecord(text, name=stem)
        raw = RawRecord(SourceRef(stem, None), rec.text, "text")
        document = build_document(raw, pipeline.outlets)
        facts, failed = pipeline.process([document])
        if failed:
            counts["failed"] += 1
            continue
        found = facts[0].quotes
        direct_atts = [a for a in atts if a.direct]
        counts["attributions"] += len(atts)
        counts["direct attributions"] += len(direct_atts)
        for a in direct_atts:
            if any(q.direct and _inside(q, a) for q in found):
                counts["direct found"] += 1
        for q in found:
            kind = "direct" if q.direct else "reported"
            counts[f"{kind} quotes"] += 1
            # nested attributions ("X said that Y called it “…”"): the innermost first;
            # the speaker of any attribution holding the quote is right
            holding = sorted((a for a in atts if _inside(q, a)),
                             key=lambda a: sum(e - s for s, e in a.content))
            if not holding:
                continue
            counts[f"{kind} matched"] += 1
            sourced = [a for a in holding if a.source]
            if not sourced:
                continue
            best = sourced[0]
            counts[f"{kind} with source"] += 1
            misses = [speaker_right(q, a, atts, text) for a in sourced]
            miss = misses[0]
            if None in misses:
                counts[f"{kind} speaker right"] += 1
                continue
            kinds[f"{kind}: {miss}"] += 1
            if errors:
                sp = q.speaker_span
                listed.append({
                    "article": stem, "direct": q.direct, "quote": q.text[:80],
                    "source": best.source_text, "palmyra": q.speaker,
                    "phrase": text[sp.start : sp.end] if sp else None, "kind": miss,
                    "context": _context(text, q, best),
                })
    out = {"split": split_dir.name, "articles": len(chosen), "seed": seed, "counts": dict(counts)}
    out["direct recall"] = _ratio(counts["direct found"], counts["direct attributions"])
    out["direct precision"] = _ratio(counts["direct matched"], counts["direct quotes"])
    for kind in ("direct", "reported"):
        out[f"{kind} speaker"] = _ratio(counts[f"{kind} speaker right"],
                                        counts[f"{kind} with source"])
    both = counts["direct speaker right"] + counts["reported speaker right"]
    out["speaker"] = _ratio(both, counts["direct with source"] + counts["reported with source"])
    out["wrong speakers"] = dict(kinds.most_common())
    if errors:
        out["errors"] = listed
    return out


def _context(text: str, q, att: Attribution) -> str:
    """The words from the source or quote, whichever is first, to the other's end."""
    start = min(q.span.start, *(s for s, _ in att.source)) - 40
    end = max(q.span.end, *(e for _, e in att.source)) + 40
    return " ".join(text[max(0, start) : end].split())


def _inside(q, att: Attribution) -> bool:
    length = q.span.end - q.span.start
    return length > 0 and _overlap((q.span.start, q.span.end), att.content) * 2 >= length


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("shared", nargs="?", default=str(ROOT.parent / "shared"))
    ap.add_argument("--split", choices=("train", "dev"), default="train")
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--errors", action="store_true", help="list every wrong speaker")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    split_dir = Path(args.shared) / "data" / "polnear" / args.split
    if not (split_dir / "text").is_dir():
        print(f"PolNeAR not found at {split_dir}: skipped")
        return 0
    out = score(split_dir, args.articles, args.seed, args.errors)
    if args.json:
        print(json.dumps(out, indent=1, ensure_ascii=False))
        return 0
    for e in out.pop("errors", []):
        print(f"[{e['kind']}] {e['article']}: “{e['quote']}” PolNeAR: {e['source']!r} "
              f"Palmyra: {e['palmyra']!r} ({e['phrase']!r})\n    {e['context'][:600]}")
    for key, value in out.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
