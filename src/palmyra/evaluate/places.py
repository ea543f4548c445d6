"""Place names compared across the spellings news outlets use for Arabic names.

English-language outlets spell the same Syrian town many ways ("Mar'a" and
"Marea", "Deir ez-Zor" and "Deir Ezzor", "Hasakah" and "Hasakeh"). Most of the
variation is in vowels, doubled letters, a final -h, the article (al-, ash-, ez-)
and the marks for 'ayn and hamza, so names are compared on the consonant
skeleton of ``palmyra.annotate.place_names``, the normaliser the gazetteer keys
its names by, with the scoring's own additions on top: "governorate" and
"province" dropped, edge vowels kept as a mark. Exonyms no spelling rule can bridge
("Palmyra" for Tadmur) go through a short alias table, and a fuzzy ratio on the
plain keys catches the remaining one-letter slips ("Shughur" / "Shugur").
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from palmyra.annotate.place_names import ARTICLES, words
from palmyra.annotate.place_names import skeleton as shared_skeleton

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

# Scoring-only knowledge on top of the shared normaliser: "Idlib Governorate" and
# "Idlib province" name the area the gold calls "Idlib".
_ADMIN_WORDS = frozenset({"governorate", "province"})
_VOWELS = frozenset("aeiou")
# The scoring folds fewer spellings than the gazetteer's lookup: "sh"/"s", "kh"/"k" and
# a "w" or "y" between vowels tell places apart here (Shaddadi is not Suwayda).
SCORING_FOLDS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("dj", "j"), ("ph", "f"), ("q", "k"))
SCORING_VOWELS = frozenset("aeiouy")


def place_tokens(name: str) -> list[str]:
    """The words of a name (``place_names.words``) without articles or 'province'.

    An article some outlets write glued to its noun ("Khan Alsibil", "Maaret Alnouman",
    "Alzorba" for Khan al-Sabil, Maarat al-Numan, al-Zirbah) is an article too: "al"
    before a consonant other than "l" with at least three letters after it (Aleppo,
    Alma and Albu Kamal keep theirs).
    """
    parts = [w for part in words(name) for w in _glued_article(part)]
    kept = [w for w in parts if w not in ARTICLES and w not in _ADMIN_WORDS]
    return kept or parts


def _glued_article(word: str) -> list[str]:
    rest = word[2:]
    if word.startswith("al") and len(rest) >= 3 and rest[0] not in _VOWELS | {"l", "y"}:
        return ["al", rest]
    return [word]


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
    """The shared skeleton (``place_names.skeleton``) with the scoring's folds, edge vowels marked.

    Initial and final vowels vary (Idlib/Edleb, Kobani/Kobane) but their presence
    tells al-Baghdadi from Baghdad, so each becomes one letter "a" at its edge.
    """
    key = " ".join(place_tokens(name))
    core = shared_skeleton(key, SCORING_FOLDS, SCORING_VOWELS)
    plain = key.replace(" ", "")
    if len(plain) > 2 and plain.endswith("h") and plain[-2] in _VOWELS:
        plain = plain[:-1]  # the final -h the shared skeleton drops (Hasakah / Hasaka)
    head = "a" if plain[:1] in _VOWELS else core[:1]
    tail = "a" if plain[-1:] in _VOWELS | {"y"} else ""
    return head + core[1:] + tail


@lru_cache(maxsize=1)
def _alias_skeletons() -> dict[str, str]:
    return {_skeleton(variant): _skeleton(canonical) for variant, canonical in ALIASES}
