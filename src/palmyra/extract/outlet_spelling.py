"""A profile outlet's name misspelt in the text: "Turkey's state-run Ananolu Agency reported".

FA-KES rewrites carry typos in outlet names; the name still reads as a publication
("… Agency", a proper name before an outlet noun) and the gold cites it under the
profile's name (Anadolu Agency). A name found without the profile is taken for a
profile name when it is the same length give or take a letter, has as many words, opens
with the same letter and scores at least ``MISSPELT_SCORE`` (rapidfuzz ratio) against
it: about one letter wrong in a name of eight letters or more, never another outlet
("Al-Araby" differs from Al-Arabiya by two letters; "Idlib News" from "Idlib News
Network" by a word).
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from rapidfuzz import fuzz, process

MISSPELT_SCORE = 90.0
MIN_CHARS = 8  # shorter names are acronyms and short words, where one letter is a new name


def respelt(key: str, known: Collection[str]) -> str | None:
    """The known key (a folded profile name or alias) that ``key``, a folded name not in
    the profile, misspells; else ``None``."""
    if len(key) < MIN_CHARS or key in known:
        return None
    return _lookup(key, frozenset(known))


@cache
def _lookup(key: str, known: frozenset[str]) -> str | None:
    words = len(key.split())
    candidates = [k for k in known if len(k.split()) == words and abs(len(k) - len(key)) <= 1
                  and k[:1] == key[:1] and len(k) >= MIN_CHARS]
    best = process.extractOne(key, candidates, scorer=fuzz.ratio, score_cutoff=MISSPELT_SCORE)
    return best[0] if best is not None else None
