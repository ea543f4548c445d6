"""Parse parenthetical source references: "(Title by Author, Outlet, 27 February 2017)".

Each reference is read from the right, where its form is most regular: a closing
date, then the outlet, then the title with an optional "by Author", an author
written first ("Kim Sengupta, ‘Title’, The Independent, date"), and lead-ins such as
"See" or "Cited in". A parenthesis counts as a reference only when it ends with a
full date, or names a profile outlet as the last part after a title, or refers back
("op. cit.", "ibid."), so asides such as "(ISIS)" or "(that is al-Qaeda)" and a
dateline's "(Reuters)" are never read as one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from palmyra.annotate.dates import find_dates
from palmyra.extract.lexicon import citation_cues
from palmyra.model import DateValue

_PARENS = re.compile(r"\(([^()\n]{2,500})\)")
_QUOTES = "‘’“”\"'"
_PAIRS = {"‘": "’", "“": "”", '"': '"', "'": "'"}
_MAX_OUTLET_WORDS = 6
_NAME_WORD = re.compile(r"[A-Z][\w.’'-]*$")
_NAME_LINKS = frozenset({"and", "de", "al", "van", "von", "bin", "&"})


@dataclass(frozen=True)
class Reference:
    """One parenthetical reference, at cleaned offsets ``[start, end)`` (parentheses included)."""

    start: int
    end: int
    title: str | None
    author: str | None
    outlet: str | None  # the profile's name when the profile knows it, else as written
    date: DateValue | None
    op_cit: bool = False


def references(text: str, canonical: Callable[[str], str | None]) -> list[Reference]:
    """Every parenthetical reference in ``text``, in text order.

    Args:
        canonical: maps an outlet name as written to the profile's name, ``None`` if unknown.
    """
    return [
        replace(ref, start=m.start(), end=m.end())
        for m in _PARENS.finditer(text)
        if (ref := parse(m.group(1), canonical)) is not None
    ]


def parse(inner: str, canonical: Callable[[str], str | None]) -> Reference | None:
    """The reference written inside a pair of parentheses, or ``None`` when it is an aside.

    The offsets of the result are 0; ``references`` sets them.
    """
    cues = citation_cues()
    body = inner.strip()
    lowered = body.lower()
    if any(lowered.endswith(c) or f"{c}," in lowered for c in cues["op_cit"]):
        return Reference(0, 0, None, None, None, None, op_cit=True)
    date, rest = _closing_date(body)
    parts = _split(rest)
    if not parts:
        return None
    outlet = canonical(parts[-1])
    if outlet is None and len(parts) > 1 and _outlet_like(parts[-1]):
        outlet = parts[-1]
    if outlet is None and date is None:
        return None  # no date and no known outlet: an aside, not a reference
    if outlet is not None:
        parts = parts[:-1]
    if not parts and date is None:
        return None  # "BEIRUT (Reuters) -": a dateline's credit, not a reference
    title, author = _title_and_author(parts)
    return Reference(0, 0, title, author, outlet, date)


def _closing_date(body: str) -> tuple[DateValue | None, str]:
    """A full date ending the reference after a comma, and the text before it."""
    trimmed = body.rstrip(" .")
    for start, end, value in reversed(find_dates(trimmed, None, fallback_anchor=False)):
        if end == len(trimmed) and trimmed[:start].rstrip().endswith(","):
            return value, trimmed[:start].rstrip().removesuffix(",")
    return None, trimmed


def _split(text: str) -> list[str]:
    """Comma-separated parts, commas inside quotation marks kept (titles have them)."""
    parts, current, closing = [], [], None
    for i, c in enumerate(text):
        if closing is None and c in _PAIRS and (i == 0 or not text[i - 1].isalnum()):
            closing = _PAIRS[c]
        elif closing is not None and c == closing and (
            i + 1 == len(text) or not text[i + 1].isalnum()
        ):
            closing = None
        if c == "," and closing is None:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(c)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def _outlet_like(part: str) -> bool:
    """An unknown outlet name: a few capitalised words, no "by Author", no lead-in."""
    words = part.split()
    return (
        0 < len(words) <= _MAX_OUTLET_WORDS
        and part[:1].isupper()
        and " by " not in part
        and not part.startswith(tuple(_QUOTES))
        and _strip_prefix(part) == part
    )


def _title_and_author(parts: list[str]) -> tuple[str | None, str | None]:
    if not parts:
        return None, None
    parts = [_strip_prefix(parts[0]), *parts[1:]]
    author = None
    if len(parts) > 1 and _names(parts[0]):  # "Kim Sengupta, ‘Title’, Outlet, date"
        author, parts = parts[0], parts[1:]
    title = ", ".join(parts)
    head, sep, tail = title.rpartition(" by ")
    if sep and author is None and _names(tail):
        title, author = head, tail
    return _unquote(title) or None, author


def _names(text: str) -> bool:
    """Whether ``text`` reads as one or more person names ("Maria Revkin and Ahmad Mhidi")."""
    words = text.split()
    capitalised = [w for w in words if w.lower() not in _NAME_LINKS]
    return (
        2 <= len(capitalised) <= 8
        and all(_NAME_WORD.match(w) for w in capitalised)
        and ":" not in text
    )


def _strip_prefix(text: str) -> str:
    lowered = text.lower()
    for prefix in sorted(citation_cues()["prefix"], key=len, reverse=True):
        if lowered.startswith(prefix + " "):
            return text[len(prefix) + 1 :].lstrip()
    return text


def _unquote(title: str) -> str:
    title = title.strip()
    if len(title) > 1 and title[0] in _PAIRS and title[-1] == _PAIRS[title[0]]:
        return title[1:-1].strip()
    return title
