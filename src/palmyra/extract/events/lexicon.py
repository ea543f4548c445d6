"""The event extractor's word lists: triggers, re-typing rules, cues and count cues.

They live in ``palmyra/resources/event_*.tsv`` so that a coder can extend them
without touching code; each file is read and validated once per process
(``lexicon()`` is cached), and a bad line is reported as ``file:line: reason``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Token

from palmyra.errors import ProfileError
from palmyra.resource_files import tab_rows

TRIGGERS_FILE = "event_triggers.tsv"
RETYPE_FILE = "event_retype.tsv"
CUES_FILE = "event_cues.tsv"
COUNTS_FILE = "event_counts.tsv"

TRIGGER_FLAGS = frozenset(
    {"completive", "weak", "place_object", "base_object", "loser_subject", "place_subject",
     "air", "past", "particle", "group_object", "claim", "crowd", "agent", "no_object",
     "acted_on",
     "weapon_subject", "control_verb", "launched", "assault",
     "warring_subject"}
)
TRIGGER_POS = frozenset({"VERB", "NOUN", "*"})
ACTOR_CUES = frozenset({"actor1:state", "actor1:nonstate", "actor2:state", "actor2:civilian"})
# "by:CLASS": a word of CLASS in the phrase of whoever acts ("angry protesters set fire");
# "obj:CLASS": a word of CLASS among what the trigger acts on ("seized a nurse").
# "own:CLASS": a word of CLASS in the trigger's own phrase ("shells carrying a chemical agent").
# "objtree:CLASS": anywhere below those objects ("detained students who tried to march").
# "tree:CLASS": anywhere below the trigger, its subordinate clauses included ("withdrew as
# they faced a rebel counter-offensive"); "norel:CLASS": in the clause less its relative
# clauses ("areas taken, which are secured after mines were removed": no mines seized).
SCOPED_CUES = ("by:", "obj:", "objtree:", "own:", "gov:", "rest:", "wgov:", "doer:", "main:",
               "tree:", "norel:")


@dataclass(frozen=True)
class TriggerEntry:
    """One line of the trigger lexicon."""

    words: tuple[str, ...]
    pos: str
    family: str
    event_type: str
    sub_event_type: str
    flags: frozenset[str]


@dataclass(frozen=True)
class Retype:
    """A re-typing rule: ``family`` seen with ``cue`` becomes ``(event_type, sub_event_type)``."""

    family: str
    cue: str
    event_type: str
    sub_event_type: str


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractor looks words up in, indexed for per-token lookups."""

    triggers: dict[str, tuple[TriggerEntry, ...]]  # first word -> entries, longest first
    retypes: dict[str, tuple[Retype, ...]]  # family -> rules in file order
    cues: dict[str, frozenset[str]]  # cue class -> words
    counts: dict[str, str]  # word -> counts key

    # (LOWER, LEMMA) ids -> the cue classes of the token's lower-cased text and lemma: the
    # extractor asks ``cue`` of the same tokens for class after class (some 5,000 times an
    # article), and each ask read both strings anew
    _classes: dict[tuple[int, int], frozenset[str]] = field(
        default_factory=dict, compare=False, repr=False)
    _by_word: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        by_word: dict[str, set[str]] = {}
        for cls, words in self.cues.items():
            for word in words:
                by_word.setdefault(word, set()).add(cls)
        self._by_word.update((w, frozenset(c)) for w, c in by_word.items())

    def cue(self, token: Token, cls: str) -> bool:
        """Whether the token's lemma or lower-cased text is a word of cue class ``cls``."""
        return cls in self.cue_classes(token)

    def cue_classes(self, token: Token) -> frozenset[str]:
        """Every cue class ``cue`` finds the token in."""
        key = (token.lower, token.lemma)
        classes = self._classes.get(key)
        if classes is None:
            empty: frozenset[str] = frozenset()
            classes = self._classes[key] = self._by_word.get(token.lower_, empty) | (
                self._by_word.get(token.lemma_.lower(), empty))
        return classes

    def singular_classes(self, token: Token) -> frozenset[str]:
        """The cue classes of the token's lower-cased text less a final "s", for a text of
        more than three letters ending in one (a plural read as its singular); else none."""
        key = (token.lower, -1)
        classes = self._classes.get(key)
        if classes is None:
            text = token.lower_
            classes = self._classes[key] = self._by_word.get(text[:-1], frozenset()) if (
                text.endswith("s") and len(text) > 3) else frozenset()
        return classes

    def word_triggers(self, token: Token) -> list[TriggerEntry]:
        """The one-word trigger entries the token's text or lemma is, for its part of speech.

        ``triggers`` is keyed by a phrase's first word, so a lookup there alone takes "set"
        (of "set fire") or "tear" (of "tear gas") for a trigger word."""
        return [e for key in {token.lower_, token.lemma_.lower()}
                for e in self.triggers.get(key, ())
                if len(e.words) == 1 and e.pos in ("*", token.pos_)]

    def count_key(self, token: Token) -> str | None:
        return self.counts.get(token.lemma_.lower()) or self.counts.get(token.lower_)


def _rows(name: str, ncols: int) -> list[tuple[str, tuple[str, ...]]]:
    """Tab-separated rows of a resource file with their ``file:line`` labels."""
    return [(f"{name}:{n}", cols) for n, cols in tab_rows(name, ncols)]


def _triggers() -> dict[str, tuple[TriggerEntry, ...]]:
    index: dict[str, list[TriggerEntry]] = {}
    for where, (phrase, pos, family, etype, subtype, flags) in _rows(TRIGGERS_FILE, 6):
        flagset = frozenset() if flags == "-" else frozenset(flags.split(","))
        if pos not in TRIGGER_POS:
            raise ProfileError(f"{where}: unknown part of speech {pos!r}")
        if unknown := flagset - TRIGGER_FLAGS:
            raise ProfileError(f"{where}: unknown flag(s) {', '.join(sorted(unknown))}")
        words = tuple(phrase.lower().split())
        entry = TriggerEntry(words, pos, family, etype, subtype, flagset)
        index.setdefault(words[0], []).append(entry)
    return {w: tuple(sorted(es, key=lambda e: -len(e.words))) for w, es in index.items()}


def _retypes(cue_classes: frozenset[str]) -> dict[str, tuple[Retype, ...]]:
    rules: dict[str, list[Retype]] = {}
    for where, (family, cue, etype, subtype) in _rows(RETYPE_FILE, 4):
        scoped = cue.split(":", 1)[1] if cue.startswith(SCOPED_CUES) else None
        if cue not in cue_classes and cue not in ACTOR_CUES and scoped not in cue_classes:
            raise ProfileError(f"{where}: unknown cue {cue!r}")
        rules.setdefault(family, []).append(Retype(family, cue, etype, subtype))
    return {f: tuple(rs) for f, rs in rules.items()}


def _cues() -> dict[str, frozenset[str]]:
    cues: dict[str, set[str]] = {}
    for _, (word, cls) in _rows(CUES_FILE, 2):
        cues.setdefault(cls, set()).add(word.lower())
    return {c: frozenset(ws) for c, ws in cues.items()}


@cache
def lexicon() -> Lexicon:
    """The lexicon, read once per process (the extractor must not re-read files per document)."""
    cues = _cues()
    classes = frozenset(cues)
    counts = {w.lower(): key for _, (w, key) in _rows(COUNTS_FILE, 2)}
    return Lexicon(_triggers(), _retypes(classes), cues, counts)
