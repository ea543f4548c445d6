"""Place names as lookup keys, and the gazetteer entry a key leads to.

The one place-name normaliser of Palmyra: the gazetteer, a profile's
``places.yaml`` and the place annotator all key names by ``normalise``, and the
fuzzy lookup compares the keys' ``skeleton``; how a key irons out
transliteration noise is told in ``palmyra.annotate.gazetteer``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from palmyra import resource_files
from palmyra.model import PlaceRef

PRECISIONS = ("neighbourhood", "town", "admin2", "admin1", "country", "region")

_MARKS = "'’‘`´ʿʾʻʼ′\""
_ASCII_MARKS = str.maketrans("", "", "".join(c for c in _MARKS if c.isascii()))
_NON_WORD = re.compile(r"[^\w]+")
# Transliteration variants folded before vowels are dropped: the order matters
# (digraphs first), and each pair is one English/French/German rendering of
# one Arabic letter as it occurs in news spellings of Syrian places.
# fmt: off
_SKELETON_FOLDS = (
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"),
    ("dh", "d"), ("th", "t"), ("ph", "f"), ("dj", "j"), ("q", "k"), ("c", "k"), ("x", "ks"),
)
# fmt: on
_SKELETON_VOWELS = frozenset("aeiouyw")


def read_word_list(name: str) -> frozenset[str]:
    """One entry per line, ``#`` comments: the format of ``palmyra/resources/*.txt``."""
    return frozenset(resource_files.words(name))


ARTICLES = read_word_list("place_articles.txt")
# The article's plain forms; every other form of ``ARTICLES`` is "al" assimilated to the
# "sun letter" that follows it ("ash-Sham", "ar-Raqqa", "an-Nabk", "ez-Zor").
PLAIN_ARTICLES = frozenset({"al", "el", "il", "ul"})


def is_article_before(article: str, word: str) -> bool:
    """Is ``article`` the Arabic article where ``word`` follows it?

    "al"/"el" always are; an assimilated form only before its own letter: "as-Safira",
    "ash-Shaddadah", "Deir ez-Zor", but not "in an Easter message" or "as Aleppo fell",
    where "an" and "as" are English words.
    """
    article, word = article.lower(), word.lower()
    if article in PLAIN_ARTICLES:
        return True
    return article in ARTICLES and word.startswith(article[1:])


def words(text: str) -> list[str]:
    """Lower-case, mark-free words of a name (diacritics, quotes and hyphens removed)."""
    if text.isascii():  # nothing to decompose: only the marks go (the same words, faster)
        return _NON_WORD.sub(" ", text.translate(_ASCII_MARKS).casefold()).split()
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in _MARKS)
    return _NON_WORD.sub(" ", plain.casefold()).split()


def key_of_words(parts: list[str]) -> str:
    """Join words into a lookup key: drop a leading "the" and any article another word follows."""
    if parts and parts[0] == "the":
        parts = parts[1:]
    return " ".join([w for w in parts[:-1] if w not in ARTICLES] + parts[-1:])


def normalise(name: str) -> str:
    """The lookup key of a name: "al-Bāb" -> "bab", "Deir ez-Zor" -> "deir zor"."""
    return key_of_words(words(name))


def skeleton(
    key: str,
    folds: tuple[tuple[str, str], ...] = _SKELETON_FOLDS,
    vowels: frozenset[str] = _SKELETON_VOWELS,
) -> str:
    """Consonant skeleton of a key, shared by transliterations of one Arabic name.

    Spaces go (Deir Ezzor / Deirezzor), a final -h after a vowel goes
    (Jablah / Jabla), digraphs fold (Qamishli / Kamishly), then every vowel
    but a leading one and every doubled letter: "jableh" and "jablah" -> "jbl".
    A caller that must tell more names apart (the scoring of ``palmyra.evaluate``)
    passes fewer ``folds`` and ``vowels``.
    """
    s = key.replace(" ", "")
    if len(s) > 2 and s.endswith("h") and s[-2] in "aeiou":
        s = s[:-1]
    for old, new in folds:
        s = s.replace(old, new)
    if not s:
        return s
    out = [s[0]]
    for c in s[1:]:
        if c not in vowels and c != out[-1]:
            out.append(c)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place: its ``PlaceRef`` plus what ranking and matching need."""

    ref: PlaceRef
    country_code: str
    population: int = 0
    theatre: bool = False  # a place of the theatre countries, not a world city
    names: tuple[str, ...] = ()  # the entry's own names (English, GeoNames, ASCII)
    aliases: tuple[str, ...] = ()  # alternate names: weaker evidence than its names
    source: str = "geonames"  # or "profile"

    @property
    def prior(self) -> float:
        """How likely a bare mention of one of its names means this place (log population)."""
        return math.log10(self.population + 1)
