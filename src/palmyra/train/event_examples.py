"""Training examples for the event-sentence classifier, from the dev data only.

An example is a sentence and the ACLED sub-types of the events it reports (none,
one or several). Two sources, both annotated by people to ``gold/GUIDE.md``:

- the gold corpus's ``dev`` and ``train`` articles: every sentence of the body is an example; a
  sentence that holds (part of) a gold event's evidence carries that event's
  sub-type, every other sentence is a negative. The title line is left out: a
  headline restates the lead's event, and coding it as "no event" would teach the
  model that the way news tells an event is not one.
- the recall set's ``dev.jsonl``, ``train.jsonl`` .. ``train6.jsonl``, ``train8.jsonl`` and
  ``train10.jsonl`` short reports (the last two full of non-conflict look-alikes, so that the
  model learns what is no event, not only what is):
  the whole report is one example, labelled with its main event's sub-type (or none,
  for the non-conflict reports).

The test split of the corpus and the recall set's ``test.jsonl`` are never read:
they are what the model is judged on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from palmyra.evaluate.gold import load_gold
from palmyra.extract.events.syntax import sentences

DEV_SPLIT = "dev"
# The corpus splits whose articles may be trained on (never test).
TRAINING_SPLITS = (DEV_SPLIT, "train")
# The recall set's files that may be trained on: its dev file and its training files (never
# test.jsonl).
RECALL_TRAINING = (Path("recall") / "dev.jsonl", Path("recall") / "train.jsonl",
                   Path("recall") / "train2.jsonl", Path("recall") / "train3.jsonl",
                   Path("recall") / "train4.jsonl", Path("recall") / "train5.jsonl",
                   Path("recall") / "train6.jsonl", Path("recall") / "train8.jsonl",
                   Path("recall") / "train10.jsonl")


@dataclass(frozen=True)
class Example:
    """A sentence (or short report) and the sub-types of the events it reports."""

    text: str
    labels: frozenset[str]
    source: str  # the gold file or recall id it came from, for error analysis


def gold_examples(gold_root: Path, nlp, docs: set[str] | None = None) -> Iterator[Example]:
    """One example per body sentence of every dev and train article (see the module
    notes; a split without a folder is skipped); ``docs`` limits them to some articles
    (a cross-validation fold)."""
    golds, texts = [], []
    for split in TRAINING_SPLITS:
        folder = gold_root / split
        if not folder.is_dir():
            continue
        for g in load_gold(folder):
            if docs is None or g["doc"] in docs:
                golds.append(g)
                texts.append((folder / g["doc"]).read_text(encoding="utf-8"))
    for gold, doc in zip(golds, nlp.pipe(texts), strict=True):
        text = doc.text
        body_start = text.find("\n") + 1  # the first line is the title
        spans = [(text.find(e["evidence"]), e["sub_event_type"]) for e in gold["events"]]
        marked = [(s, s + len(e["evidence"]), sub)
                  for (s, sub), e in zip(spans, gold["events"], strict=True) if s >= 0]
        for sent in sentences(doc):  # split as the event extractor splits
            if sent.end_char <= body_start or not sent.text.strip():
                continue
            labels = frozenset(sub for s, e, sub in marked
                               if s < sent.end_char and sent.start_char < e)
            yield Example(sent.text.strip(), labels, gold["doc"])


def recall_items(gold_root: Path, names: Iterable[Path] = RECALL_TRAINING,
                 ) -> list[dict[str, Any]]:
    """The reports of the recall set's training files (``names``, under ``gold_root``;
    a missing file is skipped), in order."""
    items = []
    for name in names:
        path = gold_root / name
        if path.is_file():
            items += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                      if line.strip()]
    return items


def recall_examples(gold_root: Path, ids: set[str] | None = None,
                    names: Iterable[Path] = RECALL_TRAINING) -> Iterator[Example]:
    """One example per short report of the recall set's training files."""
    for item in recall_items(gold_root, names):
        if ids is not None and str(item["id"]) not in ids:
            continue
        sub = item.get("sub_event_type")
        yield Example(item["text"], frozenset([sub] if sub else []), str(item["id"]))


def training_examples(gold_root: Path, nlp) -> list[Example]:
    """Every training example, gold articles (dev, then train) first, in a fixed order."""
    return [*gold_examples(gold_root, nlp), *recall_examples(gold_root)]
