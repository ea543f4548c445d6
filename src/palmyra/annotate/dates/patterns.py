"""The pattern table: every recognised expression with its trigger word, regex and resolver,
and the choice of non-overlapping candidates in a text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from palmyra.annotate.dates.absolute import (
    _day_month,
    _decade,
    _full,
    _month,
    _month_part,
    _month_year,
    _no_date,
    _season_year,
    _week_of_month,
    _year,
    _year_part,
    _year_range,
)
from palmyra.annotate.dates.anchor import Resolver
from palmyra.annotate.dates.relative import (
    _ago,
    _later,
    _month_rel_year,
    _ordinal_day,
    _period,
    _recent,
    _relative_day,
    _same,
    _season_rel,
    _weekday,
)
from palmyra.annotate.dates.words import _words
from palmyra.annotate.lexicon import alternation
from palmyra.annotate.numbers import count_pattern

Keep = Callable[[int, int], bool]
_REACH_BACK, _REACH_AHEAD = 40, 30  # how far a match may extend around its trigger word


@dataclass(frozen=True)
class _Pattern:
    name: str
    trigger: str  # key of the word in ``_triggers()`` that every match contains
    regex: re.Pattern[str]
    resolve: Resolver
    weak: bool = False  # a lone weekday or month name: spaCy may veto it
    full: bool = False  # an explicit full date: may serve as the anchor


def _select(text: str, keep: Keep | None) -> list[tuple[_Pattern, re.Match[str]]]:
    """Matches of all patterns, leftmost-longest by their core span, without overlaps.

    A full pattern is tried only in a window around each hit of its trigger word:
    the triggers start with a literal, which ``re`` scans for quickly, while the full
    patterns start with optional cue words, which it would try at every character.
    """
    n = len(text)
    hits: dict[str, list[tuple[int, int]]] = {}
    found: dict[tuple[int, int, int], tuple[_Pattern, re.Match[str]]] = {}
    for priority, pattern in enumerate(_patterns()):
        if pattern.trigger not in hits:
            hits[pattern.trigger] = [t.span() for t in _triggers()[pattern.trigger].finditer(text)]
        for t_start, t_end in hits[pattern.trigger]:
            lo, hi = max(0, t_start - _REACH_BACK), min(n, t_end + _REACH_AHEAD)
            for m in pattern.regex.finditer(text, lo, hi):
                # a match touching the window's end may have been cut short by it
                if m.start() <= t_start and t_end <= m.end() and (m.end() < hi or hi == n):
                    start, end = _core(m)
                    found.setdefault((start, -end, priority), (pattern, m))
    out, last_end = [], -1
    for (start, neg_end, _), (pattern, m) in sorted(found.items(), key=lambda f: f[0]):
        if start < last_end:
            continue
        last_end = -neg_end
        if pattern.weak and keep is not None and not keep(start, -neg_end):
            continue
        out.append((pattern, m))
    return out


def _core(m: re.Match[str]) -> tuple[int, int]:
    """The span a mention covers: the ``core`` group if the pattern has one (cues stay out)."""
    return m.span("core") if "core" in m.re.groupindex and m["core"] else m.span()


@cache
def _triggers() -> dict[str, re.Pattern[str]]:
    """Fast first-pass regexes: literal alternations, in both cases where case is free."""
    w = _words()

    def either_case(*words: str) -> re.Pattern[str]:
        return re.compile(alternation(v for word in words for v in (word, word.capitalize())))

    return {
        "month": re.compile(alternation([*w["month"], *w["month_abbr"]])),
        "weekday": re.compile(alternation(w["weekday"])),
        "year": re.compile(r"(?:1[89]|20)\d\d"),
        "ordinal": re.compile(r"\d(?:st|nd|rd|th)"),
        "season": either_case(*w["season"]),
        "day_word": either_case(*w["day_offset"], *w["day_part"], "hours"),
        "unit": either_case("week", "month", "year"),
        "ago": either_case("ago"),
        "later": either_case("later", "earlier", "afterwards"),
        "same": either_case("same", "next", "following", "previous", "preceding"),
        "span": either_case("last", "past", "previous", "coming", "next", "recent", "weekend"),
    }


@cache
def _patterns() -> tuple[_Pattern, ...]:
    w = _words()
    mon = alternation(w["month"])
    mona = rf"(?:{alternation(w['month'])}|(?:{alternation(w['month_abbr'])})\.?)"
    wd = alternation(w["weekday"])
    cue = alternation(w["cue"])
    season = alternation(w["season"])
    part = alternation(w["month_part"])
    num = count_pattern()
    year = r"(?P<year>1[89]\d\d|20\d\d)"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    days = rf"{day}(?:\s*[-–]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?"
    wd_prefix = rf"(?:(?P<wd>{wd}),?\s+)?"
    count = rf"(?P<n>{num}|an?|a\s+few|few|several)"
    unit = r"(?P<unit>day|week|month|year)s?"
    specs: list[tuple[str, str, str, Resolver, dict[str, bool]]] = [
        ("iso", "year", rf"\b{year}-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b", _full, {"full": True}),
        (
            "dmy",
            "month",
            rf"\b{wd_prefix}{days}(?:\s+of)?\s+(?P<mon>{mona}),?\s+{year}\b",
            _full,
            {"full": True},
        ),
        (
            "mdy",
            "month",
            rf"\b{wd_prefix}(?P<mon>{mona})\s+{days},?\s+{year}\b",
            _full,
            {"full": True},
        ),
        (
            "dm",
            "month",
            rf"\b{wd_prefix}{days}(?:\s+of)?\s+(?P<mon>{mona})(?!\w)",
            _day_month,
            {},
        ),
        ("md", "month", rf"\b{wd_prefix}(?P<mon>{mona})\s+{days}\b(?![,.]?\d|:)", _day_month, {}),
        ("month_year", "month", rf"\b(?P<mon>{mona}),?\s+(?:of\s+)?{year}\b", _month_year, {}),
        (
            "month_part",
            "month",
            rf"(?i:\b(?:(?P<part>early|mid|middle|late)[\s-]*|the\s+(?P<part2>{part})\s+of\s+))"
            rf"(?P<mon>{mon})(?:,?\s+{year})?\b",
            _month_part,
            {},
        ),
        (
            "week_of_month",
            "month",
            r"(?i:\bthe\s+(?P<ord>first|second|third|fourth|fifth|last|final)\s+week\s+(?:of|in)\s+)"
            rf"(?P<mon>{mon})(?:,?\s+{year})?\b",
            _week_of_month,
            {},
        ),
        (
            "month_rel_year",
            "month",
            rf"\b(?P<mon>{mon})\s+(?i:(?:of\s+)?(?P<rel>this|last|next)\s+year)\b",
            _month_rel_year,
            {},
        ),
        (
            "month",
            "month",
            rf"(?:(?i:\b(?P<cue>{cue}))\s+)?(?P<core>(?i:(?P<rel>last|next|this)\s+)?"
            rf"\b(?P<mon>{mon}))\b",
            _month,
            {"weak": True},
        ),
        (
            "season_year",
            "season",
            rf"(?i:\b(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]*)?"
            rf"(?P<season>{season})\s+(?:of\s+)?){year}\b",
            _season_year,
            {},
        ),
        (
            "season_rel",
            "season",
            rf"(?i:\b(?P<rel>last|this|next)\s+(?P<season>{season}))\b",
            _season_rel,
            {},
        ),
        (
            "decade",
            "year",
            r"(?i:\bthe\s+(?:(?P<part>early|mid|late)[\s-]*)?)(?P<decade>1[89]\d0|20\d0)s\b",
            _decade,
            {},
        ),
        (
            "year_part",
            "year",
            rf"(?i:\b(?:(?P<part>early|mid|middle|late)[\s-]*|the\s+(?P<part2>{part})\s+of\s+)){year}\b",
            _year_part,
            {},
        ),
        (
            "year_range",
            "year",
            rf"\b{year}\s*[-–]\s*(?P<year2>1[89]\d\d|20\d\d)\b",
            _year_range,
            {},
        ),
        ("year", "year", rf"(?i:\b(?P<cue>{cue}))\s+(?P<core>{year})\b", _year, {}),
        (
            "weekday",
            "weekday",
            rf"(?:(?i:\b(?P<cue>{cue}|every))\s+)?(?P<core>(?i:(?P<rel>last|next|this)\s+)?"
            rf"\b(?P<wd>{wd})(?:\s+(?P<daypart>(?i:{alternation(w['day_part'])})))?)\b",
            _weekday,
            {"weak": True},
        ),
        (
            "relative_day",
            "day_word",
            rf"(?i:\b(?P<word>{alternation(w['day_offset'])})\b|\b(?P<rel>this|last)\s+"
            rf"(?:{alternation(w['day_part'])})\b|\bthe\s+day\s+before\s+yesterday\b"
            r"|\b(?:in|over|during|within)\s+the\s+(?P<hours>past|last|previous)\s+24\s+hours\b)",
            _relative_day,
            {"weak": True},
        ),
        (
            "period",
            "unit",
            r"(?i:\b(?:(?P<edge>earlier|later)\s+)?(?P<rel>last|this|next)\s+"
            r"(?P<unit>week|weekend|month|year))\b",
            _period,
            {},
        ),
        (
            "ago",
            "ago",
            rf"(?i:\b(?:(?:just\s+)?(?:over|under|about|nearly|almost|more\s+than|some)\s+)?"
            rf"{count}\s+{unit}\s+ago)\b",
            _ago,
            {},
        ),
        (
            "later",
            "later",
            rf"(?i:\b(?:{count}\s+)?{unit}\s+(?P<dir>later|earlier|afterwards))\b",
            _later,
            {},
        ),
        (
            "same",
            "same",
            r"(?i:\bthe\s+(?P<which>same|next|following|previous|preceding)\s+"
            r"(?P<unit>day|week|month|year|morning|afternoon|evening|night))\b",
            _same,
            {},
        ),
        (
            "ordinal_day",
            "ordinal",
            r"(?i:\bthe\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th))\b(?=\s*(?:[.,;:)!?]|$)|\s+"
            r"(?:and|or|but|when|as|at|in|with|after|before|to|until|for|while|the|a|an)\b)",
            _ordinal_day,
            {},
        ),
        # A span up to the day of writing: a date on its first day (``_recent``).
        (
            "recent",
            "span",
            rf"(?i:\b(?:in|over|during|within|for)\s+(?:the\s+(?:past|last|previous)\s+"
            rf"(?:(?P<n>{num}|few|several)\s+)?|recent\s+)(?P<unit>hours?|days?|weeks?)\b(?!\s+of\b)"
            r"|\b(?:at|over|during)\s+the\s+(?P<weekend>weekend)\b)",
            _recent,
            {},
        ),
        # Durations that would otherwise be read as "last week" or "next year".
        (
            "duration",
            "span",
            rf"(?i:\bthe\s+(?:last|past|previous|coming|next)\s+(?:few\s+|{num}\s+)"
            r"(?:days|weeks|months|years|decades)\b|\bthe\s+(?:last|past|coming)\s+"
            r"(?:day|week|month|year|decade)s?\b(?!\s+of\b))",
            _no_date,
            {},
        ),
    ]
    return tuple(
        _Pattern(name, trigger, re.compile(regex, re.M), resolve, **flags)
        for name, trigger, regex, resolve, flags in specs
    )
