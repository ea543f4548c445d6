"""Place names compared across the spellings news outlets use for Arabic names.

English-language outlets spell the same Syrian town many ways ("Mar'a" and
"Marea", "Deir ez-Zor" and "Deir Ezzor", "Hasakah" and "Hasakeh"). Most of the
variation is in vowels, doubled letters, a final -h, the article (al-, ash-, ez-)
and the marks for 'ayn and hamza, so names are compared on a consonant
skeleton that drops all of those. Exonyms no spelling rule can bridge
("Palmyra" for Tadmur) go through a short alias table, and a fuzzy ratio on the
plain keys catches the remaining one-letter slips ("Shughur" / "Shugur").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

# (variant, canonical): names the skeleton cannot join; the gazetteer's admin1
# spellings (Dimashq, Rif-dimashq) are here because FA-KES and the gold use the
# English ones.
ALIASES: tuple[tuple[str, str], ...] = (
    ("Tadmur", "Palmyra"),
    ("Halab", "Aleppo"),
    ("Dimashq", "Damascus"),
    ("Ayn al-Arab", "Kobani"),
    ("Al-Ladhiqiyah", "Latakia"),
    ("Damascus Countryside", "Rif Dimashq"),
    ("Rural Damascus", "Rif Dimashq"),
)

# A fuzzy ratio on the plain keys joins long names only: on short ones one letter
# is a different place (al-Baghdadi is not Baghdad).
FUZZY_MIN, FUZZY_MIN_LENGTH = 90, 10

# Scores rank candidate pairs when one prediction could match several gold events.
SAME_KEY, SAME_SKELETON, FUZZY_WEIGHT = 1.0, 0.9, 0.8

_MARKS = re.compile(r"[’'ʿʾ‘`ʼ]")
_SEPARATORS = re.compile(r"[^a-z0-9]+")
_ARTICLE = re.compile(r"[ae](?:l|r|s|sh|d|dh|n|t|th|z)")  # al-, ar-, ash-, el-, ez-, ...
_ADMIN_WORDS = frozenset({"governorate", "province"})
_SPELLINGS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("dj", "j"), ("ph", "f"), ("q", "k"))
_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_INNER_VOWELS = re.compile(r"(?<=.)[aeiouy](?=.)")
_VOWEL = frozenset("aeiouy")
_REPEATS = re.compile(r"(.)\1+")


def place_tokens(name: str) -> list[str]:
    """Lowercase ASCII words of a name, without 'ayn/hamza marks, articles or 'province'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    words = [w for w in _SEPARATORS.split(_MARKS.sub("", text)) if w]
    kept = [w for w in words if not _ARTICLE.fullmatch(w) and w not in _ADMIN_WORDS]
    return kept or words


def place_key(name: str) -> str:
    """The name with case, diacritics, marks, hyphens, spaces and articles removed."""
    return "".join(place_tokens(name))


def skeleton(name: str) -> str:
    """The consonants of a name, after the alias table: equal skeletons name one place."""
    own = _skeleton(name)
    return _alias_skeletons().get(own, own)


def place_similarity(a: str | None, b: str | None) -> float:
    """How surely two names name the same place: 0 (different) up to 1 (same key).

    Two missing names count as the same (neither side names a place); one missing
    name never matches.
    """
    if a is None or b is None:
        return SAME_KEY if a is None and b is None else 0.0
    key_a, key_b = place_key(a), place_key(b)
    if key_a == key_b:
        return SAME_KEY
    if skeleton(a) == skeleton(b):
        return SAME_SKELETON
    if min(len(key_a), len(key_b)) < FUZZY_MIN_LENGTH:
        return 0.0
    ratio = fuzz.ratio(key_a, key_b)
    return FUZZY_WEIGHT * ratio / 100 if ratio >= FUZZY_MIN else 0.0


def _skeleton(name: str) -> str:
    words = []
    for word in place_tokens(name):
        for old, new in _SPELLINGS:
            word = word.replace(old, new)
        words.append(_FINAL_H.sub("", word))
    joined = "".join(words)
    # Initial and final vowels vary too (Idlib/Edleb, Kobani/Kobane) but their
    # presence tells al-Baghdadi from Baghdad, so they become one letter.
    if joined[:1] in _VOWEL - {"y"}:
        joined = "a" + joined[1:]
    if joined[-1:] in _VOWEL:
        joined = joined[:-1] + "a"
    return _REPEATS.sub(r"\1", _INNER_VOWELS.sub("", joined))


@lru_cache(maxsize=1)
def _alias_skeletons() -> dict[str, str]:
    return {_skeleton(variant): _skeleton(canonical) for variant, canonical in ALIASES}
