"""The trained event-sentence classifier in the extractor: it proposes, re-types and vetoes.

The model (``palmyra/models/event_sentences``, made by ``palmyra train events``)
gives each sentence a probability per ACLED sub-type and for NONE (no event). The
rules still find the triggers and the arguments (place, date, actors, counts); the
model takes two decisions, each with its threshold in the ``events`` settings:

1. ``model_veto``: a weak trigger (a generic word such as "attack", "targeted") in
   a sentence the model gives NONE at least ``model_veto`` reports no event;
   ``model_veto_strong`` is the same for any trigger (off by default).
2. ``model_propose``: a sentence whose likeliest sub-type reaches ``model_propose``
   and that no trigger gave gets a candidate of it, read from the sentence's main
   verb ("Soldiers raped three women in Tawila" with no rape trigger); ``mode=model``
   runs the model's proposals alone, for the ablation.

``mode`` selects what runs: ``both`` (default), ``rules`` (the model off) or
``model`` (only the model's proposals, for the ablation).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

from palmyra.extract.events.lexicon import TriggerEntry
from palmyra.extract.events.syntax import is_verb
from palmyra.extract.events.triggers import Hit
from palmyra.model import SUB_EVENT_TYPES

MODEL_FAMILY = "model"
NONE = "NONE"  # the classifier's class for a sentence that reports no event
DEFAULTS: dict[str, Any] = {
    "mode": "both",
    # chosen by 2-fold cross-validation on the dev data (133 gold dev articles; the recall
    # dev reports held out by fold, its training reports always in): against the rules
    # alone (events F1 0.328 on held-out articles; on short reports any event 0.807,
    # sub-type 0.673, false alarms 0.067), vetoing placeless weak triggers at 0.95 and
    # proposing at 0.7 where no trigger fired gave F1 0.343, any event 0.807, sub-type
    # 0.680, false alarms 0.033; vetoing every trigger lost recall (F1 0.323).
    "model_veto": 0.95,
    "model_veto_strong": 1.01,
    "model_propose": 0.7,
}

Scores = dict[str, float]


def shipped_model_dir() -> Path:
    """Where the package keeps the trained classifier."""
    return Path(str(files("palmyra") / "models" / "event_sentences"))


@lru_cache(maxsize=4)
def load_classifier(path: str) -> Any | None:
    """The spaCy pipeline holding the classifier, or ``None`` where none was trained."""
    import spacy

    folder = Path(path)
    if not (folder / "config.cfg").is_file():
        return None
    return spacy.load(folder)


@dataclass
class SentenceScores:
    """Sub-type probabilities of every sentence of a document, looked up by sentence start."""

    by_start: dict[int, Scores]

    @classmethod
    def of(cls, sents: list[Span], model_dir: Path | None = None) -> SentenceScores:
        nlp = load_classifier(str(model_dir or shipped_model_dir()))
        if nlp is None or not sents:
            return cls({})
        docs = nlp.pipe([s.text for s in sents], batch_size=64)
        return cls({s.start: dict(d.cats) for s, d in zip(sents, docs, strict=True)})

    def get(self, sent: Span) -> Scores:
        return self.by_start.get(sent.start, {})


def vetoes(hit: Hit, scores: Scores, settings: dict[str, Any]) -> bool:
    """Whether the model is sure enough that the trigger's sentence reports no event
    (``model_veto`` for a weak trigger, ``model_veto_strong`` for any other)."""
    if not scores or settings["mode"] == "rules":
        return False
    key = "model_veto" if "weak" in hit.entry.flags else "model_veto_strong"
    return scores.get(NONE, 0.0) >= settings[key]


def proposals(sent: Span, hits: list[Hit], scores: Scores, sub_types: set[str],
              settings: dict[str, Any]) -> list[Hit]:
    """A candidate for the model's likeliest sub-type where it is likely and no trigger of
    the sentence fired."""
    if not scores or settings["mode"] == "rules":
        return []
    best = _best(scores)
    verb = _main_verb(sent)
    # only where no trigger fired: a sentence the rules read is one occurrence, not two
    if hits or verb is None or scores[best] < settings["model_propose"] or best in sub_types:
        return []
    return [Hit(verb, verb.i, verb.i + 1, _entry(best))]


def _best(scores: Scores) -> str:
    return max((k for k in scores if k != NONE), key=scores.__getitem__)


def _main_verb(sent: Span) -> Token | None:
    root = sent.root
    if is_verb(root):
        return root
    return next((t for t in sent if is_verb(t)), None)


@lru_cache(maxsize=32)
def _entry(sub_type: str) -> TriggerEntry:
    return TriggerEntry(words=(), pos="*", family=MODEL_FAMILY,
                        event_type=SUB_EVENT_TYPES[sub_type], sub_event_type=sub_type,
                        flags=frozenset())
