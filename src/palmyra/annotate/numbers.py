"""Cardinal and vague quantities, normalised to bounds, so that counts can be compared.

Conflict reports rarely give an exact count: "over a thousand", "dozens", "as many
as 470,000". Each quantity becomes a ``NumberValue`` whose bounds follow the
conventions written in the resource tables (``vague_quantities.tsv``,
``quantity_modifiers.tsv``): a lower bound is kept as stated ("over 50" -> 50,
gold/SCHEMA.md), an upper bound likewise ("up to 300", "as many as 470,000" ->
high only, low ``None``), "nearly N" spans 0.9N-N and "about N" 0.9N-1.1N (so
the stated figure is the midpoint), and every modified or vague figure is
``approximate``. A stated range ("between 50 and 60") is not approximate. The
unit is "%" for percentages, and a time or distance unit when one follows the
count ("60 days" -> "day"), so that a duration is not taken for a head count.

Numbers that are not quantities are skipped: ordinals ("23rd", "second"), the
day and year of a date ("28 March", "in 2016"), times ("10:12"), phone numbers,
labels ("resolution 2254", "Su-24", "Monocle 24"), list markers and the pronoun
"one" ("no one", "one another"). Roman numerals are never read ("Geneva IV").
A bare four-digit number from 1800 to 2099 is taken for a year unless a quantity
modifier precedes it ("over 2000"), since news prose writes counts of that size
with a comma ("2,000").
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from palmyra import registry
from palmyra.annotate.lexicon import Bounds, alternation, bounds, by_kind
from palmyra.model import Mention, NumberValue

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from palmyra.context import DocContext

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_YEARS = (1800, 2099)
RULE = "numbers.v1"  # recorded on every mention; bump when the output changes
# Postposed modifiers: "100 or more" keeps 100 as the lower bound; "100 or so" and "100-odd"
# approximate like "about 100".
_AFTER = re.compile(r"(?P<more>\s+or\s+more\b|\+)|(?P<about>\s+or\s+so\b|-odd\b)", re.I)
_GAP = re.compile(r"\s*(?:-|–|—|to|or|and)\s*", re.I)
_RANGE_OPENER = re.compile(r"\b(?:between|from)\s+\Z", re.I)
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\"“”(\n]\s*)\Z")
_PREV_WORD = re.compile(r"([\w.'’]+)\s*\Z")
_CLOSES_PHRASE = re.compile(r"\s*[.,;:!?\"”’)]")
_ARTICLE = re.compile(r"\ban?\s+\Z")
_LEADING_ARTICLE = re.compile(r"\Aan?\s+")
_FIRST_WORD = re.compile(r"[a-z]+")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_NEXT_WORD = re.compile(r"(?:[ \t-]+|(?=['’]))([\w'’]+)")


@dataclass(frozen=True)
class _Grammar:
    """The word tables compiled into regexes, built once per process."""

    digit_atom: re.Pattern[str]  # the three atom regexes run on ASCII-lowercased text
    word_atom: re.Pattern[str]
    vague_atom: re.Pattern[str]
    exclude: re.Pattern[str]
    modifier_phrases: tuple[str, ...]  # longest first
    words: dict[str, tuple[str, float]]  # number word -> (kind, value)
    abbr_scales: dict[str, float]
    vague: dict[str, Bounds]
    modifiers: dict[str, Bounds]
    context: dict[str, dict[str, str]]
    capital_ok: frozenset[str]  # capitalised words that may precede a count
    count: str  # regex fragment for one count, for the date patterns


@cache
def _grammar() -> _Grammar:
    tables = by_kind("number_words.tsv")
    words = {w: (k, float(v)) for k in ("unit", "ten", "scale") for w, v in tables[k].items()}
    abbr_scales = {w: float(v) for w, v in tables["abbr_scale"].items()}
    vague = bounds("vague_quantities.tsv")
    modifiers = bounds("quantity_modifiers.tsv")
    temporal = by_kind("temporal_words.tsv")
    months = alternation([*temporal["month"], *temporal["month_abbr"]])
    scale = alternation(tables["scale"])
    word = alternation(words)
    vague_alt = "|".join(
        re.escape(p.removesuffix(" of")) + (r"(?=\s+of\b)" if p.endswith(" of") else "")
        for p in sorted(vague, key=len, reverse=True)
    )
    # Each atom regex starts with a literal or a digit and leaves word boundaries to
    # ``_bounded``: ``re`` skips quickly to such a start, and tries a leading ``\b`` or
    # optional group at every character.
    pct = r"(?P<pct>\s*%|\s+per\s*cent\b|\s+percent\b)?"
    digit_atom = re.compile(
        rf"(?P<digits>\d\d*(?:,\d{{3}})*(?:\.\d+)?)"
        rf"(?:(?P<abbr>{alternation(abbr_scales)})(?!\w)|\s+(?P<dscale>{scale})\b|(?!\w)){pct}"
    )
    word_atom = re.compile(rf"(?P<words>(?:{word})(?:(?:\s+and\s+|\s+|-)(?:{word}))*)(?!\w){pct}")
    vague_atom = re.compile(rf"(?P<vague>{vague_alt})(?:\s+(?P<vscale>{scale}))?(?!\w){pct}")
    exclude = re.compile(
        rf"""\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b                          # ISO date
        |\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b                       # 28/03/2016
        |\b(?:1[89]|20)\d\d\s*[-–]\s*\d{{2,4}}\b                       # 2011-2015
        |\b\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\b\.?|GMT\b|UTC\b|hrs\b)  # 10.30am
        |\b\d{{1,2}}:\d{{2}}\b                                         # 10:12
        |\b\d{{1,2}}\s*[ap]\.?m\b\.?                                   # 3pm
        |\+\d[\d\s().-]{{6,}}\d                                        # phone numbers
        |\b[A-Za-z]{{1,5}}-\d+\w*                                      # Su-24, COVID-19
        |\#\d+
        |^[ \t]*\d{{1,2}}[.)](?=\s)                                    # list markers
        |\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{months})\b        # 28 March
        |\b(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!,\d)        # March 28, Oct. 16
        """,
        re.X | re.M,
    )
    return _Grammar(
        digit_atom=digit_atom,
        word_atom=word_atom,
        vague_atom=vague_atom,
        exclude=exclude,
        modifier_phrases=tuple(sorted(modifiers, key=len, reverse=True)),
        words=words,
        abbr_scales=abbr_scales,
        vague=vague,
        modifiers=modifiers,
        context=by_kind("quantity_context.tsv"),
        capital_ok=frozenset(
            w.lower() for w in [*modifiers, *vague, *words, *temporal["cue"], *temporal["month"]]
        ),
        count=rf"(?:{_DIGITS}|(?:{word})(?:-(?:{word}))?)",
    )


@dataclass
class _Atom:
    """A number before range merging and modifiers: bounds, and how it was written."""

    start: int
    end: int
    low: float | None
    high: float | None
    kind: str  # digits | words | vague | modified
    scale: float = 1.0  # the scale word it ends with ("4 million"), to scale "3 to 4 million"
    unit: str | None = None
    approximate: bool = False


def count_pattern() -> str:
    """Regex fragment for one count in digits or words, for patterns such as "two days later"."""
    return _grammar().count


def parse_count(phrase: str) -> float | None:
    """Value of one count written in words or digits ("twenty-five", "1,324"), else ``None``."""
    g = _grammar()
    lowered = _lower(phrase.strip())
    if m := g.digit_atom.fullmatch(lowered):
        return _digits_value(m, g)[0]
    if g.word_atom.fullmatch(_LEADING_ARTICLE.sub("", lowered)):
        parts = _parse_words(lowered, g.words)
        return parts[0][2] if len(parts) == 1 else None
    return None


def find_numbers(
    text: str, keep_one: Callable[[int, int], bool] | None = None
) -> list[tuple[int, int, NumberValue]]:
    """Quantities in ``text`` as ``(start, end, value)``, in text order.

    Args:
        text: the text to read; offsets index into it.
        keep_one: consulted for each "one" the text rules take for a count; returning
            ``False`` drops it (``number_mentions`` passes a part-of-speech check).
    """
    g = _grammar()
    atoms = [
        a
        for a in _atoms(text, g)
        if not (
            _is_excluded(text, a, g)
            or _is_label(text, a, g)
            or _is_year(text, a, g)
            or _is_compound(text, a, g)
            or _is_pronoun_one(text, a, g, keep_one)
        )
    ]
    out = []
    for a in _apply_modifiers(text, _merge_ranges(text, atoms), g):
        unit = a.unit or _unit_after(text, a.end, g)
        out.append((a.start, a.end, NumberValue(a.low, a.high, unit, a.approximate)))
    return out


_TO = re.compile(r"\s+(?:down\s+|up\s+)?to\s+", re.I)


def quantity_follows_to(text: str, end: int) -> bool:
    """Whether "to <quantity>" follows ``end``, the quantity not a year.

    "the population fell from 2000 to a few hundred" counts people: its 2000 is no year,
    where "from 2000 to 2005" and "from 2011 to now" are years.
    """
    m = _TO.match(text, end)
    if m is None:
        return False
    found = find_numbers(text[m.end() : m.end() + 60])
    return bool(found) and found[0][0] == 0


@registry.annotators.register("palmyra.numbers.v1")
def number_mentions(doc: Doc, ctx: DocContext) -> list[Mention]:
    """Number mentions of a document; spaCy's tagger tells the count "one" from the pronoun."""

    def keep_one(start: int, end: int) -> bool:
        span = doc.char_span(start, end)
        return span is None or span[0].tag_ == "CD"

    text = doc.text  # spaCy rebuilds it from the tokens on every access
    return [
        Mention("number", text[s:e], ctx.span(s, e), value, rule=RULE)
        for s, e, value in find_numbers(text, keep_one)
    ]


def _atoms(text: str, g: _Grammar) -> list[_Atom]:
    """Digit, word and vague numbers, leftmost-longest where they overlap."""
    lowered = _lower(text)
    atoms = []
    for m in g.vague_atom.finditer(lowered):
        if _bounded(lowered, m.start()):
            low, high = g.vague[_vague_key(m["vague"], g)]
            factor = g.words[m["vscale"]][1] if m["vscale"] else 1.0
            atoms.append(
                _Atom(
                    m.start(),
                    m.end(),
                    _times(low, factor),
                    _times(high, factor),
                    "vague",
                    unit=_pct(m),
                    approximate=True,
                )
            )
    for m in g.digit_atom.finditer(lowered):
        if _bounded(lowered, m.start(), extra=".,"):
            value, scale = _digits_value(m, g)
            atoms.append(_Atom(m.start(), m.end(), value, value, "digits", scale, _pct(m)))
    for m in g.word_atom.finditer(lowered):
        if not _bounded(lowered, m.start()):
            continue
        # "a hundred": the article counts as one before a scale word
        article = _ARTICLE.search(lowered, max(0, m.start() - 4), m.start())
        first_word = _FIRST_WORD.match(m["words"])
        scaled = first_word is not None and g.words[first_word.group()][0] == "scale"
        start = article.start() if article and scaled else m.start()
        parts = _parse_words(lowered[start : m.end("words")], g.words)
        for i, (s, e, value, scale) in enumerate(parts):
            last = i == len(parts) - 1
            atoms.append(
                _Atom(
                    start + s,
                    m.end() if last else start + e,
                    value,
                    value,
                    "words",
                    scale,
                    _pct(m) if last else None,
                )
            )
    atoms.sort(key=lambda a: (a.start, -a.end))
    out: list[_Atom] = []
    for a in atoms:
        if not out or a.start >= out[-1].end:
            out.append(a)
    return out


def _lower(text: str) -> str:
    """Lowercase with offsets kept: ``str.lower`` is fast but lengthens a few letters ("İ")."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


def _bounded(lowered: str, start: int, extra: str = "") -> bool:
    """Whether a match starts a word (and, for digits, is not the tail of "1.5" or "v1")."""
    return start == 0 or not (lowered[start - 1].isalnum() or lowered[start - 1] in "_" + extra)


def _pct(m: re.Match[str]) -> str | None:
    return "%" if m["pct"] else None


def _is_excluded(text: str, atom: _Atom, g: _Grammar) -> bool:
    """Whether a digit number is part of a date, time, phone number, code or list marker.

    The exclusion patterns run only around digit numbers, not over the whole text.
    """
    if atom.kind != "digits":
        return False
    lo, hi = max(0, atom.start - 30), min(len(text), atom.end + 30)
    return any(
        m.start() < atom.end and atom.start < m.end() and (m.end() < hi or hi == len(text))
        for m in g.exclude.finditer(text, lo, hi)
    )


def _vague_key(matched: str, g: _Grammar) -> str:
    key = " ".join(matched.split())
    return key if key in g.vague else f"{key} of"


def _digits_value(m: re.Match[str], g: _Grammar) -> tuple[float, float]:
    """Value and scale of a digit number ("1.5 million" -> 1500000, 1000000)."""
    if m["abbr"]:
        scale = g.abbr_scales[m["abbr"].lower()]
    elif m["dscale"]:
        scale = g.words[m["dscale"].lower()][1]
    else:
        scale = 1.0
    return float(m["digits"].replace(",", "")) * scale, scale


def _parse_words(
    phrase: str, words: dict[str, tuple[str, float]]
) -> list[tuple[int, int, float, float]]:
    """Split a run of number words into counts: ``(start, end, value, scale)`` within ``phrase``.

    The run regex is permissive ("one two" matches as one run), so a word that cannot
    continue the count before it starts a new one. A count that opens with a bare
    scale word ("hundred" without "a") is dropped: it is a noun, not a count.
    """
    out: list[tuple[int, int, float, float]] = []
    total = current = last_scale = 0.0
    start = end = 0
    prev = ""  # kind of the previous number word; "" before the first
    for tok in re.finditer(r"[A-Za-z]+", phrase):
        w = tok.group().lower()
        if w in ("a", "an", "and"):
            continue
        kind, value = words[w]
        if prev and _starts_new_count(kind, value, prev, last_scale):
            out.append((start, end, total + current, last_scale or 1.0))
            total = current = last_scale = 0.0
            start, prev = tok.start(), ""
        if not prev and kind == "scale" and not phrase[start : tok.start()].strip():
            start = tok.end()  # a bare scale word: skip it
            continue
        if kind == "scale":
            last_scale = value
            if value >= 1000:
                total, current = total + (current or 1) * value, 0.0
            else:
                current = (current or 1) * value
        else:
            current += value
            last_scale = 0.0
        prev = "ten_unit" if kind == "unit" and prev == "ten" else kind
        end = tok.end()
    if prev:
        out.append((start, end, total + current, last_scale or 1.0))
    return out


def _starts_new_count(kind: str, value: float, prev: str, last_scale: float) -> bool:
    if kind == "unit":
        return prev in ("unit", "ten_unit")
    if kind == "ten":
        return prev in ("unit", "ten", "ten_unit")
    return prev == "scale" and value <= last_scale


def _times(x: float | None, factor: float) -> float | None:
    # round() keeps 0.9 * 100 at 90.0 rather than 90.00000000000001
    return None if x is None else round(x * factor, 6)


def _is_label(text: str, atom: _Atom, g: _Grammar) -> bool:
    """A number named by the word before it: "resolution 2254", "Article 4", "Monocle 24"."""
    if atom.kind != "digits":
        return False
    before = text[max(0, atom.start - 40) : atom.start]
    m = _PREV_WORD.search(before)
    if m is None:
        return False
    word = m.group(1)
    if word.lower() in g.context["identifier"]:
        return True
    # A capitalised word mid-sentence is a name, and a number right after a name labels it.
    return (
        word[:1].isupper()
        and not word.endswith(".")
        and word.lower() not in g.capital_ok
        and _SENTENCE_START.search(before[: m.start()]) is None
    )


def _is_year(text: str, atom: _Atom, g: _Grammar) -> bool:
    word = text[atom.start : atom.end]
    return (
        atom.kind == "digits"
        and len(word) == 4
        and word.isdigit()
        and _YEARS[0] <= int(word) <= _YEARS[1]
        and _modifier_before(text, atom.start, g) is None
    )


def _is_compound(text: str, atom: _Atom, g: _Grammar) -> bool:
    """ "one-sided", "two-thirds": a spelled number fused into a word that is not a unit.

    Digits keep their compounds: "3,000-strong" is a count, and "Su-24" is excluded before.
    """
    m = _NEXT_WORD.match(text, atom.end)
    return (
        atom.kind == "words"
        and m is not None
        and text[atom.end : atom.end + 1] == "-"
        and m.group(1)[:1].isalpha()
        and m.group(1).lower() not in g.context["unit"]
    )


def _is_pronoun_one(
    text: str, atom: _Atom, g: _Grammar, keep_one: Callable[[int, int], bool] | None
) -> bool:
    if text[atom.start : atom.end].lower() != "one":
        return False
    prev = _PREV_WORD.search(text, max(0, atom.start - 20), atom.start)
    nxt = _NEXT_WORD.match(text, atom.end)
    return bool(
        _CLOSES_PHRASE.match(text, atom.end)  # "into one.", "a Turkish one.”"
        or (prev and prev.group(1).lower() in g.context["pronoun_before"])
        or (nxt and nxt.group(1).lower() in g.context["pronoun_after"])
        or (keep_one is not None and not keep_one(atom.start, atom.end))
    )


def _merge_ranges(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Join "50-60", "30 to 45", "two or three" and "between 50 and 60" into one range."""
    out: list[_Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        gap = _GAP.fullmatch(text, prev.end, atom.start) if prev else None
        if prev is None or gap is None or "vague" in (prev.kind, atom.kind):
            out.append(atom)
            continue
        opener = _RANGE_OPENER.search(text, max(0, prev.start - 10), prev.start)
        if gap.group().strip().lower() == "and" and opener is None:
            out.append(atom)
            continue
        low = prev.low
        # "3 to 4 million": the scale written once applies to both ends
        if (
            prev.scale == 1.0
            and atom.scale > 1.0
            and low is not None
            and atom.low is not None
            and low < atom.low / atom.scale
        ):
            low *= atom.scale
        out[-1] = _Atom(
            opener.start() if opener else prev.start,
            atom.end,
            low,
            atom.high,
            prev.kind,
            atom.scale,
            atom.unit or prev.unit,
        )
    return out


def _apply_modifiers(text: str, atoms: list[_Atom], g: _Grammar) -> list[_Atom]:
    for atom in atoms:
        before = _modifier_before(text, atom.start, g)
        after = _AFTER.match(text, atom.end)
        if before is not None:
            atom.start, (low_f, high_f) = before
        elif after is not None:
            low_f, high_f = (1.0, None) if after["more"] else g.modifiers["about"]
            atom.end = after.end()
        else:
            continue
        base_high = atom.high if atom.high is not None else atom.low
        atom.low = _times(atom.low, low_f) if low_f is not None and atom.low is not None else None
        atom.high = (
            _times(base_high, high_f) if high_f is not None and base_high is not None else None
        )
        atom.approximate = True
        atom.kind = "modified"
    return atoms


def _modifier_before(text: str, start: int, g: _Grammar) -> tuple[int, Bounds] | None:
    """The modifier that ends, before a space, at ``start`` ("at least 78"): its start and factors.

    ``str.endswith`` over the phrases beats a case-insensitive regex searched before
    every number.
    """
    head = text[max(0, start - 30) : start]
    body = _lower(head.rstrip())
    if len(body) == len(head):  # no space before the number
        return None
    for phrase in g.modifier_phrases:
        if body.endswith(phrase):
            at = start - len(head) + len(body) - len(phrase)
            if at == 0 or not text[at - 1].isalnum():
                return at, g.modifiers[phrase]
    return None


def _unit_after(text: str, end: int, g: _Grammar) -> str | None:
    m = _NEXT_WORD.match(text, end)
    return g.context["unit"].get(m.group(1).lower()) if m else None
