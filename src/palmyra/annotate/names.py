"""Person-name strings: which word is the surname, which words are titles.

Both the profile matcher (to build "Assad", "de Mistura" patterns from a full
name) and the per-document person linker (to link "Mr Kerry" to "John Kerry")
reduce a name to the same key, so the two always agree.
"""

from __future__ import annotations

import re
from functools import cache

from palmyra.profiles import load_word_list

# Lower-case name particles that belong to the surname but do not identify it:
# "Bashar al-Assad" and "Assad" share the key "assad", "de Mistura" and "Mistura" too.
PARTICLES = frozenset({"al", "el", "de", "da", "di", "du", "van", "von", "bin", "ibn", "le", "la"})
# Titles that only mark a name as a name (no role): "Mr Kerry" is a short form, not a role.
HONORIFICS = frozenset({"mr", "mrs", "ms", "mme", "miss", "dr", "sir", "dame"})
_SPACE = re.compile(r"\s+")


@cache
def titles() -> frozenset[str]:
    """Title and role words (resources/person_titles.txt), read once per process."""
    return frozenset(load_word_list("person_titles"))


def normalise(text: str) -> str:
    """One spelling of a name for comparing: curly apostrophes straightened, spaces collapsed."""
    return _SPACE.sub(" ", text.replace("\u2019", "'")).strip()


def name_words(name: str) -> list[str]:
    """The identifying words of a name: leading titles and particles dropped, "al-" cut."""
    words: list[str] = []
    for word in normalise(name).split(" "):
        head, _, rest = word.partition("-")
        if rest and head.lower() in PARTICLES:
            word = rest
        is_title = not words and word.lower().rstrip(".") in titles()  # "King" ends names too
        if word and not is_title and word.lower() not in PARTICLES:
            words.append(word)
    return words


def name_key(name: str) -> str | None:
    """The surname key that a full name and its short forms share (``None`` for no name)."""
    words = name_words(name)
    return words[-1].casefold() if words else None


def surname_forms(name: str) -> list[str]:
    """Short forms of a full name as a text may write them: "Assad", "al-Assad", "de Mistura"."""
    words = normalise(name).split(" ")
    if len(name_words(name)) < 2:
        return []
    last = words[-1]
    forms = [last]
    head, _, rest = last.partition("-")
    if rest and head.lower() in PARTICLES:
        forms.append(rest)
    particles = []
    for word in reversed(words[:-1]):
        if word.lower() not in PARTICLES:
            break
        particles.insert(0, word)
    if particles:
        forms.append(" ".join([*particles, last]))
    return forms
