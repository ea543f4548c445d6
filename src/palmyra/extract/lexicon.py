"""The cue word lists of the quote and citation extractors, read once from ``palmyra/resources``.

Lists are data (STYLE.md rule 5) so that a user can add a reporting verb or an outlet
type without touching the extractors; they are parsed and validated on first use and
cached for the life of the process.
"""

from __future__ import annotations

from functools import cache

from palmyra.errors import ProfileError
from palmyra.resource_files import entries, tab_rows

SPEECH_VERBS = "speech_verbs.txt"
SPEAKER_NOUNS = "speaker_nouns.txt"
GIVEN_NAMES = "given_names.tsv"
CITATION_CUES = "citation_cues.txt"
CITATION_KINDS = frozenset(
    {"verb", "contact", "noun", "piece", "name_end", "title", "prefix", "op_cit", "platform"}
)


@cache
def speech_cues() -> frozenset[str]:
    """Speech cue entries: verb lemmas, ``verb particle`` pairs and ``according to``.

    Raises:
        ProfileError: ``file:line: reason`` for an entry of more than two words.
    """
    cues = set()
    for n, line in entries(SPEECH_VERBS):
        words = line.lower().split()
        if len(words) > 2:
            raise ProfileError(f"{SPEECH_VERBS}:{n}: expected a verb or 'verb particle'")
        cues.add(" ".join(words))
    return frozenset(cues)


@cache
def speaker_nouns() -> frozenset[str]:
    """Common nouns that describe a speaker: "a military source", "the ministry".

    Raises:
        ProfileError: ``file:line: reason`` for an entry of more than one word.
    """
    nouns = set()
    for n, line in entries(SPEAKER_NOUNS):
        if " " in line:
            raise ProfileError(f"{SPEAKER_NOUNS}:{n}: expected one word")
        nouns.add(line.lower())
    return frozenset(nouns)


@cache
def citation_cues() -> dict[str, frozenset[str]]:
    """Citation cue words by kind (see the header of ``citation_cues.txt``).

    ``name_end`` entries keep their case (they are matched as written); all other
    entries are lower-cased.

    Raises:
        ProfileError: ``file:line: reason`` for an entry with an unknown kind.
    """
    table: dict[str, set[str]] = {kind: set() for kind in CITATION_KINDS}
    for n, line in entries(CITATION_CUES):
        kind, _, entry = line.partition(" ")
        if kind not in CITATION_KINDS or not entry.strip():
            raise ProfileError(
                f"{CITATION_CUES}:{n}: expected 'KIND ENTRY' with KIND one of "
                f"{sorted(CITATION_KINDS)}"
            )
        entry = " ".join(entry.split())
        table[kind].add(entry if kind == "name_end" else entry.lower())
    return {kind: frozenset(words) for kind, words in table.items()}


@cache
def given_names() -> dict[str, str]:
    """Given names read as a woman's ("f") or a man's ("m"), lower case.

    Raises:
        ProfileError: ``file:line: reason`` for a row whose second field is not f or m.
    """
    out = {}
    for n, (name, gender) in tab_rows(GIVEN_NAMES, 2):
        if gender not in ("f", "m"):
            raise ProfileError(f"{GIVEN_NAMES}:{n}: expected f or m, got {gender!r}")
        out[name.lower()] = gender
    return out
