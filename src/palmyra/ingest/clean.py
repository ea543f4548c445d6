"""Find what is not article text (furniture, markup, duplicated bylines) and build clean text.

Cleaning never rewrites: it only decides which ranges of the original text to
keep, and ``CleanText`` concatenates those ranges. That is what lets every
fact found in the clean text map back to the exact original characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import islice
from typing import NamedTuple

from palmyra.errors import ProfileError
from palmyra.model import CleanText, Outlet

Range = tuple[int, int]

# The header region where page templates repeat a byline block: lines scanned.
REPEAT_SCAN_LINES = 20
# A repeated line longer than this (or with more words) is prose, not a byline.
REPEAT_MAX_CHARS = 60
REPEAT_MAX_WORDS = 6
# Lines allowed between two copies of a byline block (e.g. a lead-photo caption).
REPEAT_MAX_GAP_LINES = 6
REPEAT_MAX_GAP_CHARS = 300

# Forum-style link markup some scrapers leave in text: keep the inner title only.
_LINK_OPEN = re.compile(r"\[(?:link|url)\b[^\]\n]*\]", re.IGNORECASE)
_LINK_CLOSE = re.compile(r"\[/(?:link|url)\]", re.IGNORECASE)
# A run of blank lines in the clean text longer than one paragraph break.
_BLANK_RUN = re.compile(r"\n(?:[^\S\n]*\n){2,}")
# Resource entries match whole lines; blanks around them are ignored.
_LINE_PREFIX = r"^[^\S\n]*(?:"
_LINE_SUFFIX = r")[^\S\n]*$"
# A space in an entry stands for a run of blanks, so "x ?y" would not mean what it says.
_QUANTIFIED_SPACE = re.compile(r" [?*+{]")


class Line(NamedTuple):
    """One line of the text: ``[start, end)`` without its newline."""

    start: int
    end: int
    text: str

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip())

    @property
    def content_start(self) -> int:
        return self.start + self.indent

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[Line]:
    """Lines of ``text[start:end]``; the first may be the tail of a line cut at ``start``."""
    stop = len(text) if end is None else end
    pos = start
    while pos < stop:
        nl = text.find("\n", pos, stop)
        line_end = stop if nl < 0 else nl
        yield Line(pos, line_end, text[pos:line_end])
        pos = line_end + 1


@dataclass(frozen=True)
class Rules:
    """Compiled furniture, end-of-body and comment-thread patterns."""

    furniture: re.Pattern[str]
    furniture_inline: re.Pattern[str] | None
    end: re.Pattern[str]
    end_inline: re.Pattern[str] | None
    thread: re.Pattern[str]

    def furniture_ranges(self, text: str) -> list[Range]:
        """Every furniture, end-marker and thread-marker match, whole lines or inline."""
        found = [m.span() for m in self.furniture.finditer(text)]
        found += [m.span() for m in self.end.finditer(text)]
        found += [m.span() for m in self.thread.finditer(text)]
        for inline in (self.furniture_inline, self.end_inline):
            if inline is not None:
                found += [m.span() for m in inline.finditer(text)]
        return merge(r for r in found if r[1] > r[0])

    def end_marker_starts(self, text: str, start: int) -> list[int]:
        """Offsets after ``start`` where an end-of-article marker begins."""
        hits = [m.start() for m in self.end.finditer(text, start)]
        if self.end_inline is not None:
            hits += [m.start() for m in self.end_inline.finditer(text, start)]
        return sorted(hits)

    def is_furniture(self, line: str) -> bool:
        """True for a single line that is furniture or a marker of any kind."""
        return any(p.fullmatch(line) for p in (self.furniture, self.end, self.thread))


def rules_for(outlets: Sequence[Outlet] = ()) -> Rules:
    """The shipped rules plus every outlet's own furniture lines (cached per outlet set)."""
    return _rules(tuple(outlets))


@lru_cache(maxsize=16)
def _rules(outlets: tuple[Outlet, ...]) -> Rules:
    furniture_lines, furniture_inline = _read_patterns("furniture.txt")
    # An outlet's furniture is a literal phrase; its line breaks may fall anywhere.
    own = [r"\s+".join(map(re.escape, line.split())) for o in outlets for line in o.furniture]
    end_lines, end_inline = _read_patterns("end_markers.txt")
    thread_lines, _ = _read_patterns("comment_markers.txt")
    return Rules(
        furniture=_compile_lines([*map(_blanks, furniture_lines), *own]),
        furniture_inline=_compile_inline(furniture_inline),
        end=_compile_lines([_blanks(e) for e in end_lines]),
        end_inline=_compile_inline(end_inline),
        thread=_compile_lines([_blanks(e) for e in thread_lines]),
    )


@lru_cache(maxsize=8)
def _read_patterns(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    path = resources.files("palmyra") / "resources" / name
    return parse_patterns(name, path.read_text(encoding="utf-8"))


def parse_patterns(name: str, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Whole-line and inline (``~ ``) entries of a resource list, each checked to compile.

    Raises:
        ProfileError: ``name:line: reason`` for the first bad entry.
    """
    lines, inline = [], []
    for number, raw in enumerate(text.splitlines(), 1):
        entry = raw.strip()
        if not entry or entry.startswith("#"):
            continue
        target = inline if entry.startswith("~ ") else lines
        entry = entry.removeprefix("~ ").strip()
        if _QUANTIFIED_SPACE.search(entry):
            raise ProfileError(f"{name}:{number}: a space takes no quantifier; use [^\\S\\n]*")
        try:
            re.compile(_blanks(entry))
        except re.error as err:
            raise ProfileError(f"{name}:{number}: invalid pattern ({err})") from err
        target.append(entry)
    return tuple(lines), tuple(inline)


def _blanks(entry: str) -> str:
    """A space in an entry matches any run of spaces or tabs (not a line break)."""
    return entry.replace(" ", r"[^\S\n]+")


def _compile_lines(patterns: list[str]) -> re.Pattern[str]:
    alternation = "|".join(f"(?:{p})" for p in patterns) or r"(?!)"
    return re.compile(f"{_LINE_PREFIX}{alternation}{_LINE_SUFFIX}", re.IGNORECASE | re.MULTILINE)


def _compile_inline(entries: tuple[str, ...]) -> re.Pattern[str] | None:
    if not entries:
        return None
    return re.compile("|".join(f"(?:{_blanks(e)})" for e in entries), re.IGNORECASE)


def link_markup_ranges(text: str) -> list[Range]:
    """The ``[link ...]`` / ``[/link]`` tags (not their inner title), to drop from clean text."""
    return [m.span() for p in (_LINK_OPEN, _LINK_CLOSE) for m in p.finditer(text)]


def repeated_block(text: str, start: int) -> Range | None:
    """The byline block a page template printed twice near the top, if any.

    Some templates print the byline block twice (seeds 000/001: "Proletarian
    writers" / "Subscribe to our channel" two times, with the lead-photo
    caption between the copies); everything from the first copy to the last
    one is page furniture.
    """
    lines = list(islice((ln for ln in iter_lines(text, start) if not ln.blank), REPEAT_SCAN_LINES))
    seen: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        key = " ".join(line.text.split()).casefold()
        if _byline_sized(key):
            seen.setdefault(key, []).append(i)
    repeats = [idx for idx in seen.values() if len(idx) > 1]
    if not repeats:
        return None
    first = min(idx[0] for idx in repeats)
    last = max(idx[-1] for idx in repeats)
    between = [
        ln for ln in lines[first + 1 : last] if " ".join(ln.text.split()).casefold() not in seen
    ]
    if len(between) > REPEAT_MAX_GAP_LINES or any(
        len(ln.text.strip()) > REPEAT_MAX_GAP_CHARS for ln in between
    ):
        return None
    return lines[first].content_start, lines[last].start + len(lines[last].text.rstrip())


def _byline_sized(line: str) -> bool:
    return (
        len(line) <= REPEAT_MAX_CHARS
        and len(line.split()) <= REPEAT_MAX_WORDS
        and not line.endswith(".")
    )


def trailing_furniture_start(text: str, end: int, furniture: Sequence[Range]) -> int:
    """Walk back from ``end`` over blank space and furniture; return where the furniture run starts.

    Returns ``end`` itself when no furniture sits right before it.
    """
    pos = end
    while True:
        stop = pos
        while stop > 0 and text[stop - 1].isspace():
            stop -= 1
        hit = next((s for s, e in furniture if s < stop <= e), None)
        if hit is None:
            return pos
        pos = hit


def merge(ranges: Iterator[Range] | Sequence[Range]) -> list[Range]:
    """Sorted, non-overlapping union of ranges."""
    out: list[Range] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def subtract(keep: Range, drop: Sequence[Range]) -> list[Range]:
    """``keep`` minus the (merged) ``drop`` ranges."""
    out, pos = [], keep[0]
    for s, e in merge(drop):
        if e <= pos or s >= keep[1]:
            continue
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    if pos < keep[1]:
        out.append((pos, keep[1]))
    return out


def clean_text(text: str, body: Range, removed: Sequence[Range]) -> CleanText:
    """The body minus removed ranges, with the blank lines they leave folded to one break.

    Folding only drops original characters (it keeps the first and last
    newline of a blank run), so the clean text is still a pure concatenation
    of original pieces.
    """
    kept = subtract(body, removed)
    draft = CleanText.from_segments(text, kept)
    extra: list[Range] = []
    for m in _BLANK_RUN.finditer(draft.text):
        extra += _to_original(draft, m.start() + 1, m.end() - 1)
    lead = len(draft.text) - len(draft.text.lstrip())
    trail = len(draft.text.rstrip())
    extra += _to_original(draft, 0, lead) + _to_original(draft, trail, len(draft.text))
    segments = [seg for s, e in kept for seg in subtract((s, e), extra)]
    return CleanText.from_segments(text, segments)


def _to_original(clean: CleanText, start: int, end: int) -> list[Range]:
    """Original ranges covered by clean ``[start, end)`` (one per kept segment it crosses)."""
    out, pos = [], 0
    for s, e in clean.segments:
        lo, hi = max(start, pos), min(end, pos + (e - s))
        if lo < hi:
            out.append((s + lo - pos, s + hi - pos))
        pos += e - s
    return out
