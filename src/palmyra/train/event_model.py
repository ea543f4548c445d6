"""Fit and save the event-sentence classifier that ships in ``palmyra/models/``.

One softmax over ACLED's 25 sub-types and NONE (no event) for a sentence, from a
small CNN over hashed word features averaged over the sentence (spaCy's
``TextCatReduce``). Measured against the alternatives by 2-fold cross-validation
on the dev data (sentences of held-out articles), then by 5-fold cross-validation over
the recall training pool (``train/event_cv.py``): spaCy's bag-of-words linear model,
multi-label or exclusive, detected under 8% of event sentences (too few examples
per sub-type for a linear model over n-grams); this one 38%, with 9% false
detections. MiniLM sentence embeddings (all-MiniLM-L6-v2, a linear softmax over them)
were ruled out on speed: the int8 ONNX model ran at about 126 sentences a second on one
core here, which would have slowed ``analyze`` by a third or more, and the PyPI package
that bundles the weights needs sentence-transformers and torch.

Three such models, trained from consecutive seeds, are shipped and their probabilities
averaged (``SeedEnsemble``). Held out on gold/train (trained on gold dev and the recall
pool only): one model's typing accuracy moved by 5 points from seed to seed and it was
sure (p >= 0.97) of a wrong sub-type for 5-10 event sentences and of an event in 35 of
879 eventless ones; the average of three kept the accuracy and was sure-and-wrong once,
13 times on eventless sentences. spaCy's bag-of-words + CNN ensemble
(``TextCatEnsemble.v2``, 8.8 MB) and a more regularised model (dropout 0.3, 10 epochs)
were compared there too (README, Training). Trained on CPU in a few minutes,
deterministic for a seed, about 7 MB on disk.
"""

from __future__ import annotations

import json
import random
import shutil
from collections import Counter
from pathlib import Path

import spacy
from spacy.training import Example as SpacyExample
from spacy.util import fix_random_seed, minibatch

from palmyra.extract.events.model import MEMBER, SeedEnsemble, classifier_text
from palmyra.model import SUB_EVENT_TYPES
from palmyra.train.event_examples import RECALL_TRAINING, Example

SEED = 13
EPOCHS = 15
BATCH_SIZE = 16
DROPOUT = 0.1
# Seed members averaged (see the module notes): held out on gold/train, three members
# halved the single model's sure-and-wrong sub-types and a third of its proposals on
# sentences that report no event, at the same typing accuracy.
MEMBERS = 3
NONE = "NONE"  # the class of sentences that report no event
COMPONENT = "textcat"
CARD = "MODEL_CARD.md"
# A small CNN over hashed word features, its vectors averaged over the sentence, then one
# softmax over the 25 sub-types and NONE.
TOK2VEC = {
    "@architectures": "spacy.Tok2Vec.v2",
    "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 64,
              "rows": [2000, 2000, 1000, 1000], "attrs": ["NORM", "LOWER", "PREFIX", "SUFFIX"],
              "include_static_vectors": False},
    "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 64, "window_size": 1,
               "maxout_pieces": 3, "depth": 2},
}
ARCHITECTURE = {
    "@architectures": "spacy.TextCatReduce.v1", "exclusive_classes": True,
    "use_reduce_first": False, "use_reduce_last": False, "use_reduce_max": False,
    "use_reduce_mean": True, "tok2vec": TOK2VEC,
}


def labels() -> list[str]:
    return [*SUB_EVENT_TYPES, NONE]


def build(architecture: dict | None = None):
    """A blank English pipeline with an untrained sentence classifier."""
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe(COMPONENT, config={"model": architecture or ARCHITECTURE})
    for label in labels():
        textcat.add_label(label)
    return nlp


def target(example: Example) -> dict[str, float]:
    """One class per sentence: its first sub-type in ACLED's order, else NONE."""
    chosen = next((s for s in SUB_EVENT_TYPES if s in example.labels), NONE)
    return {label: float(label == chosen) for label in labels()}


def train(examples: list[Example], seed: int = SEED, epochs: int = EPOCHS,
          architecture: dict | None = None, members: int = MEMBERS) -> SeedEnsemble:
    """The fitted classifier: ``members`` pipelines trained from seeds ``seed``,
    ``seed + 1`` ...; the same examples and seed give the same weights."""
    return SeedEnsemble(tuple(train_one(examples, seed + n, epochs, architecture)
                              for n in range(members)))


def train_one(examples: list[Example], seed: int = SEED, epochs: int = EPOCHS,
              architecture: dict | None = None):
    """One fitted pipeline; the same examples and seed give the same weights."""
    fix_random_seed(seed)
    nlp = build(architecture)
    data = [SpacyExample.from_dict(nlp.make_doc(classifier_text(e.text)), {"cats": target(e)})
            for e in examples]
    optimizer = nlp.initialize(lambda: data)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for batch in minibatch(data, size=BATCH_SIZE):
            nlp.update(batch, sgd=optimizer, drop=DROPOUT)
    return nlp


# what a single pipeline saved in the folder itself left there (models before ensembles)
_SINGLE = ("config.cfg", "meta.json", "tokenizer", "vocab", COMPONENT)


def save(nlp: SeedEnsemble, out: Path, examples: list[Example], seed: int) -> None:
    """Write the members and a model card saying what they were trained on (an older
    model's files in ``out`` are removed first: the loader would read them instead)."""
    out.mkdir(parents=True, exist_ok=True)
    for stale in [*(out / n for n in _SINGLE), *out.glob(f"{MEMBER}*")]:
        if stale.is_dir():
            shutil.rmtree(stale)
        elif stale.exists():
            stale.unlink()
    nlp.to_disk(out)
    counts = Counter(label for e in examples for label in e.labels)
    negatives = sum(1 for e in examples if not e.labels)
    lines = [
        "# Event-sentence classifier",
        "",
        "Sentence classifier (spaCy `TextCatReduce.v1` over a small CNN `Tok2Vec`, one",
        "softmax over ACLED's 25 sub-types and NONE) giving, for a sentence, the probability",
        "that it reports an event of each sub-type, averaged over",
        f"{len(nlp.members)} members trained alike from seeds {seed} to"
        f" {seed + len(nlp.members) - 1} (`{MEMBER}N/`). Made by `palmyra train events`",
        f"({EPOCHS} epochs each) from the gold corpus's dev and train splits and",
        f"the recall set's {', '.join(f.name for f in RECALL_TRAINING)}; the test splits were",
        "never read.",
        "Judged by 5-fold cross-validation over those reports",
        "(`python benchmarks/event_model_cv.py`): see the README, \"Training\".",
        "",
        f"Examples: {len(examples)} ({negatives} with no event).",
        "",
        "| sub-type | examples |",
        "| --- | --- |",
        *[f"| {label} | {counts.get(label, 0)} |" for label in SUB_EVENT_TYPES],
    ]
    (out / CARD).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "training.json").write_text(json.dumps(
        {"seed": seed, "members": len(nlp.members), "epochs": EPOCHS,
         "examples": len(examples), "negatives": negatives,
         "per_label": dict(sorted(counts.items()))}, indent=1) + "\n", encoding="utf-8")
