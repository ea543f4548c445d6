"""Find the reader-comment thread after an article and split it into comments.

Comments are kept (they are evidence of reception) but must never be read as
the article's own claims, so the body has to stop where the thread starts.
Three thread shapes are recognised, earliest wins:

1. a thread marker line ("12 Comments", "Leave a Reply", "Join the discussion");
2. a comment header: WordPress "Name says:" with a timestamp, "Name on DATE at
   TIME said:", a username line over a "March 28, 2016 at 10:12 am" stamp,
   Disqus "Name • 3 years ago";
3. a list thread as plain-text dumps of comment widgets leave it (seed 004):
   items "  1. ..." with nested "• ..." replies that run to the end of the
   text, told apart from the article's own numbered points by indentation,
   nesting, quoting the article, and "Reply"/"says:" lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from palmyra.ingest.clean import Line, Range, Rules, iter_lines
from palmyra.ingest.dates import MONTH

# Evidence a list thread needs (see ``_list_thread_score``).
LIST_THREAD_MIN_SCORE = 2
# List items tried as the start of a list thread (bounds the work on long lists).
LIST_MAX_CANDIDATES = 10
# Characters of an item's opening quotation that must recur in the body.
QUOTE_PROBE_CHARS = 30

_DATE = (
    rf"(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH},?\s+\d{{4}}"
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4})"
)
_TIME = r"\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
_AGO = r"\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago"
_DATED = re.compile(f"{_DATE}|{_AGO}", re.IGNORECASE)
# "March 28, 2016 at 10:12 am" or "3 years ago" alone on a line, under a username.
STAMP = re.compile(rf"\s*(?:{_DATE}(?:\s+at|,)?\s+{_TIME}|{_AGO})\s*", re.IGNORECASE)
# "Name says:" (WordPress), optionally followed by the stamp on the same line.
SAYS = re.compile(rf"\s*\S.{{0,60}}?\s+says:(?:\s+(?:{_DATE}|{_AGO}).*)?\s*", re.IGNORECASE)
# Inside a known thread, any "Name says: ..." line opens a comment.
SAYS_ANY = re.compile(r"\s*\S.{0,60}?\s+says:.*", re.IGNORECASE)
# "Name on March 28, 2016 at 10:12 am said:" (older WordPress themes).
SAID = re.compile(rf"\s*\S.{{0,60}}?\s+on\s+{_DATE}(?:\s+at\s+{_TIME})?\s+said:\s*", re.IGNORECASE)
# "Name • 3 years ago" (Disqus).
DISQUS = re.compile(rf"\s*\S.{{0,40}}?\s+[•·]\s+{_AGO}\s*", re.IGNORECASE)
REPLY = re.compile(r"\s*(?:Reply|Log in to Reply|Reply\s*↓)\s*", re.IGNORECASE)
# A list item: numbered "1." / "1)" or a bullet; group 1 = indent, 2 = number or None.
ITEM = re.compile(r"([^\S\n]*)(?:(\d{1,3})[.)]|[•◦▪‣●])\s+\S")
_OPEN_QUOTE = "“\"‘'«"
# Username lines above a stamp are short.
USERNAME_MAX_CHARS = 40


@dataclass(frozen=True)
class Thread:
    """A comment thread: where it starts and one range per comment."""

    start: int
    comments: list[Range] = field(default_factory=list)


def find_thread(text: str, body_start: int, rules: Rules) -> Thread | None:
    """The comment thread after ``body_start``, or ``None`` when the text has none."""
    lines = list(iter_lines(text, body_start))
    first_body = next(
        (i for i, ln in enumerate(lines) if not ln.blank and not rules.is_furniture(ln.text)), None
    )
    if first_body is None:
        return None
    rest = lines[first_body + 1 :]
    starts = [
        s
        for s in (
            _marker_start(text, rest, rules),
            _header_start(rest),
            _list_start(text, rest, lines[first_body].start, rules),
        )
        if s is not None
    ]
    if not starts:
        return None
    start = min(starts)
    return Thread(start, split_comments(text, start, len(text), rules))


def _marker_start(text: str, lines: Sequence[Line], rules: Rules) -> int | None:
    if not lines:
        return None
    m = rules.thread.search(text, lines[0].start)
    return m.start() if m else None


def _header_start(lines: Sequence[Line]) -> int | None:
    for i, line in enumerate(lines):
        if SAID.fullmatch(line.text) or DISQUS.fullmatch(line.text):
            return line.start
        if SAYS.fullmatch(line.text) and _stamp_near(lines, i):
            return line.start
        if STAMP.fullmatch(line.text):
            name = _username_above(lines, i)
            if name is not None:
                return lines[name].start
    return None


def _stamp_near(lines: Sequence[Line], i: int) -> bool:
    """A "says:" line is a comment header when it carries or is followed by a timestamp."""
    if _DATED.search(lines[i].text):
        return True
    following = [ln for ln in lines[i + 1 : i + 3] if not ln.blank]
    return bool(following) and bool(STAMP.fullmatch(following[0].text))


def _username_above(lines: Sequence[Line], i: int) -> int | None:
    """Index of the short line right above a timestamp, when it can be a username."""
    j = next((j for j in range(i - 1, -1, -1) if not lines[j].blank), None)
    if j is None:
        return None
    name = lines[j].text.strip()
    if len(name) > USERNAME_MAX_CHARS or name.endswith((".", "!", "?", ":")):
        return None
    return j


def _list_start(text: str, lines: Sequence[Line], body_from: int, rules: Rules) -> int | None:
    """The first list item from which a well-formed, evidenced list thread runs to the end."""
    items = [ITEM.match(ln.text) for ln in lines]
    candidates = [i for i, m in enumerate(items) if m and m.group(2) in (None, "1")]
    if not candidates:
        return None
    skip = [
        ln.blank or rules.is_furniture(ln.text) or bool(REPLY.fullmatch(ln.text)) for ln in lines
    ]
    for i in candidates[:LIST_MAX_CANDIDATES]:
        base = len(items[i].group(1))
        if _list_shaped(lines, items, skip, i, base) and (
            _list_thread_score(text, lines, items, i, base, body_from) >= LIST_THREAD_MIN_SCORE
        ):
            return lines[i].start
    return None


def _list_shaped(
    lines: Sequence[Line],
    items: Sequence[re.Match[str] | None],
    skip: Sequence[bool],
    first: int,
    base: int,
) -> bool:
    """Every line from ``first`` on is an item at ``base``, deeper than ``base``, or furniture.

    Numbered items at ``base`` must count up one by one: an article's own
    numbered points are followed by unindented prose, a thread is not.
    """
    expected = 1
    for line, m, skipped in zip(lines[first:], items[first:], skip[first:], strict=True):
        if skipped:
            continue
        if m and len(m.group(1)) == base:
            if m.group(2) is not None:
                if int(m.group(2)) != expected:
                    return False
                expected += 1
            continue
        if line.indent <= base:
            return False
    return True


def _list_thread_score(
    text: str,
    lines: Sequence[Line],
    items: Sequence[re.Match[str] | None],
    first: int,
    base: int,
    body_from: int,
) -> int:
    """Evidence that a list is a comment thread: one point each, two for reply/header lines.

    Points: items are indented; replies nest deeper; an item opens by quoting
    the article (commenters quote what they answer); "Reply"/"says:" lines.
    """
    score = int(base > 0)
    tail = list(zip(lines[first:], items[first:], strict=True))
    if any(m and len(m.group(1)) > base for _, m in tail):
        score += 1
    body = " ".join(text[body_from : lines[first].start].split())
    if any(
        m and len(m.group(1)) == base and _quotes(line.text[m.end() - 1 :], body)
        for line, m in tail
    ):
        score += 1
    if any(REPLY.fullmatch(line.text) or SAYS.fullmatch(line.text) for line, _ in tail):
        score += 2
    return score


def _quotes(item: str, body: str) -> bool:
    if not item or item[0] not in _OPEN_QUOTE:
        return False
    probe = " ".join(item[1:].split())[:QUOTE_PROBE_CHARS]
    return len(probe) >= QUOTE_PROBE_CHARS // 2 and probe in body


def split_comments(
    text: str, start: int, end: int, rules: Rules, per_line: bool = False
) -> list[Range]:
    """One range per comment in ``text[start:end]``.

    A comment starts at a list item (numbered at the thread's first indent,
    or a bullet at any depth), a header line or a username-over-stamp pair;
    it runs to its last non-blank line before the next start. Markers,
    "Reply" lines and furniture belong to no comment. A thread with no such
    starts gives one comment per paragraph, or per line with ``per_line``
    (trafilatura flattens each comment of a page to its own line).
    """
    lines = list(iter_lines(text, start, end))
    base = next((len(m.group(1)) for ln in lines if (m := ITEM.match(ln.text))), None)
    starts = _comment_starts(lines, base)
    comments: list[Range] = []
    current: Range | None = None
    for i, line in enumerate(lines):
        skip = line.blank or rules.is_furniture(line.text) or bool(REPLY.fullmatch(line.text))
        boundary = i in starts or (not starts and (per_line or line.blank))
        if current is not None and (boundary or (skip and not line.blank)):
            comments.append(current)
            current = None
        if skip:
            continue
        line_end = line.start + len(line.text.rstrip())
        current = (
            (current[0], line_end) if current else (starts.get(i, line.content_start), line_end)
        )
    if current is not None:
        comments.append(current)
    return comments


def _comment_starts(lines: Sequence[Line], base: int | None) -> dict[int, int]:
    """Line index -> offset where a comment starts on that line."""
    starts: dict[int, int] = {}
    for i, line in enumerate(lines):
        m = ITEM.match(line.text)
        if m and (m.group(2) is None or len(m.group(1)) == base):
            starts[i] = line.start + m.end() - 1
        elif (
            SAYS_ANY.fullmatch(line.text)
            or SAID.fullmatch(line.text)
            or DISQUS.fullmatch(line.text)
        ):
            starts[i] = line.content_start
        elif STAMP.fullmatch(line.text):
            name = _username_above(lines, i)
            if name is not None:
                starts[name] = lines[name].content_start
    return starts
