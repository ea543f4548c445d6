"""Pair quotation marks in plain text, before any parsing, so that quotes never depend on the parse.

News text mixes curly (“ ” ‘ ’) and straight (" ') marks, uses ’ as an apostrophe,
nests single quotes inside double ones (or the reverse, in British style), breaks
paragraphs inside a quotation, and opens every paragraph of a long quotation with a
fresh opening mark but closes only the last. The scanner reads the text once, keeps a
stack of open marks and decides at each line break whether an open double quotation
goes on:

1. the next line opens with the same kind of mark: a multi-paragraph quotation, the
   mark is skipped and the quotation continues;
2. the next line's first double mark closes (a curly ”, or an odd number of straight
   marks on that line): a paragraph broken inside a quotation (seed 002);
3. the break is a single newline and the quotation has crossed few lines: a wrapped line;
4. otherwise the opening mark was stray and is dropped.

Single quotes never cross a line break. Each line is looked ahead at most once, so the
cost is linear in the text length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_DOUBLE, CLOSE_DOUBLE, STRAIGHT_DOUBLE = "“„«", "”»", '"'
OPEN_SINGLE, CLOSE_SINGLE, STRAIGHT_SINGLE = "‘", "’", "'"
_DOUBLE = OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT_DOUBLE
# A single mark opens after these (or at the start of a line) and closes before them.
_BEFORE_OPEN = " \t\n([{/–—-" + OPEN_DOUBLE + STRAIGHT_DOUBLE
_MAX_WRAPPED_LINES = 6
_BREAK = re.compile(r"[ \t]*\n\s*")
_SECOND = "\x01"  # stands for the second character of a two-character mark


@dataclass(frozen=True)
class Quoted:
    """A pair of quotation marks: the text between them is ``[start, end)`` (cleaned offsets).

    ``depth`` is 0 for a top-level quotation and 1 or more inside another one;
    ``parent`` is the index of the enclosing quotation in the scan result.
    """

    open: int  # offset of the opening mark
    start: int
    end: int
    double: bool
    depth: int = 0
    parent: int | None = None

    @property
    def close(self) -> int:
        """Offset of the closing mark."""
        return self.end


@dataclass
class _Open:
    pos: int
    double: bool
    straight: bool
    lines: int = 0


def scan(text: str) -> list[Quoted]:
    """Every balanced quotation in ``text``, ordered by opening mark, outer before inner.

    Typewriter-style double marks written as two characters (``''`` and the opening
    `````` of some news-wire texts) are read as one straight or opening double mark.
    """
    text = text.replace("''", '"' + _SECOND).replace("``", "“" + _SECOND)
    found: list[tuple[int, int, bool]] = []  # (opening mark, closing mark, double)
    stack: list[_Open] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            i = _line_break(text, i, stack)
            continue
        if c in _DOUBLE:
            _double_mark(text, i, stack, found)
        elif c in OPEN_SINGLE + CLOSE_SINGLE + STRAIGHT_SINGLE:
            _single_mark(text, i, stack, found)
        i += 1
    found.sort(key=lambda q: (q[0], -q[1]))
    return _with_parents(text, found)


def _double_mark(text: str, i: int, stack: list[_Open], found: list[tuple[int, int, bool]]) -> None:
    c = text[i]
    open_double = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].double), None)
    closes = c in CLOSE_DOUBLE or (c == STRAIGHT_DOUBLE and open_double is not None)
    if c in OPEN_DOUBLE and open_double is not None and _closing_context(text, i):
        closes = True  # a “ written for ” (a common typo) after the quoted words
    if closes and _lost_close(text, i, stack, open_double):
        # “… will not change. "This …": the mark opens a new quotation; the open one
        # lost its closing mark and ends at the sentence end before this one.
        opened = stack.pop(open_double)
        del stack[open_double:]
        found.append((opened.pos, i - 1, True))
        closes = False
    if closes:
        if open_double is None:
            return  # a stray closing mark
        del stack[open_double + 1 :]  # single quotes left open inside are dropped
        opened = stack.pop()
        found.append((opened.pos, i, True))
        return
    stack.append(_Open(i, True, c == STRAIGHT_DOUBLE))


def _lost_close(text: str, i: int, stack: list[_Open], open_double: int | None) -> bool:
    """Whether a straight mark that would close the open quotation opens one instead:
    written between a sentence's end and a word ("change. "This"), where a closing
    mark never stands, after an open straight quotation of the same line."""
    if open_double is None or text[i] != STRAIGHT_DOUBLE or not stack[open_double].straight:
        return False
    after = text[i + 1] if i + 1 < len(text) else " "
    return (
        i >= 2
        and text[i - 1] == " "
        and text[i - 2] in ".!?"
        and after.isalnum()
        and stack[open_double].lines == 0
    )


def _single_mark(text: str, i: int, stack: list[_Open], found: list[tuple[int, int, bool]]) -> None:
    c = text[i]
    top_single = bool(stack) and not stack[-1].double
    if c != OPEN_SINGLE and top_single and _closing_context(text, i):
        opened = stack.pop()
        found.append((opened.pos, i, False))
    elif c != CLOSE_SINGLE and _opening_context(text, i):
        stack.append(_Open(i, False, c == STRAIGHT_SINGLE))


def _line_break(text: str, i: int, stack: list[_Open]) -> int:
    """Apply the continuation rules at the newline at ``i``; return where scanning resumes."""
    m = _BREAK.match(text, i)
    end = m.end() if m else i + 1
    while stack and not stack[-1].double:
        stack.pop()
    if not stack:
        return end
    outer = stack[-1]
    paragraph = "\n" in text[i + 1 : end]
    nxt = end
    reopens = OPEN_DOUBLE if not outer.straight else STRAIGHT_DOUBLE
    if nxt < len(text) and text[nxt] in reopens:
        outer.lines += 1
        return nxt + 1  # rule 1: the reopening mark is skipped
    if _next_line_closes(text, nxt, outer.straight) or (
        not paragraph and outer.lines < _MAX_WRAPPED_LINES
    ):
        outer.lines += 1
        return end  # rules 2 and 3
    stack.clear()  # rule 4
    return end


def _next_line_closes(text: str, start: int, straight: bool) -> bool:
    """Whether the line from ``start`` closes an open double quotation before opening one."""
    stop = text.find("\n", start)
    line = text[start : stop if stop >= 0 else len(text)]
    if straight:
        return line.count(STRAIGHT_DOUBLE) % 2 == 1
    first = next((c for c in line if c in OPEN_DOUBLE + CLOSE_DOUBLE), None)
    return first is not None and first in CLOSE_DOUBLE


def _opening_context(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in _BEFORE_OPEN and not after.isspace()


def _closing_context(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _with_parents(text: str, found: list[tuple[int, int, bool]]) -> list[Quoted]:
    """Link each quotation to the nearest earlier one that encloses it; empty pairs go."""
    out: list[Quoted] = []
    enclosing: list[int] = []  # indexes into out, innermost last
    for open_, close, double in found:
        start = open_ + 2 if text[open_ + 1] == _SECOND else open_ + 1
        if close <= start:
            continue
        while enclosing and out[enclosing[-1]].close < open_:
            enclosing.pop()
        parent = enclosing[-1] if enclosing else None
        out.append(Quoted(open_, start, close, double, len(enclosing), parent))
        enclosing.append(len(out) - 1)
    return out

