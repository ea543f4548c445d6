"""Temporal expressions, found with patterns and resolved against the article's date.

News prose dates events mostly relative to publication ("Sunday", "last week",
"on 2 March", "the 23rd"), and general date parsers resolve those against
today's date or not at all. So the expressions are recognised here with
patterns built from ``resources/temporal_words.tsv`` and resolved by explicit
rules; today's date is never used and dateparser is not needed (every absolute
form the patterns accept is unambiguous). spaCy's DATE entities are not used to
find dates; spaCy only vetoes weak candidates (``date_mentions``).

Anchor cascade, tried in order for each expression that needs one:

1. the ``anchor`` given (the publication date);
2. without one, the latest explicit full date ("27 February 2017") earlier in the
   text, since articles cite sources dated shortly before they appear;
3. with ``fallback_anchor``, the latest explicit full date anywhere in the text,
   for relative expressions that come before the first full date;
4. otherwise the expression is left out: no anchor means no guess. Those
   that are a fixed offset from the day of writing ("last year" = year -1)
   are still listed, with their offset, by ``relative_offsets``: the event
   extractor can infer the anchor from an occurrence the text also dates
   absolutely (``palmyra.extract.events.anchor``).

An inferred anchor (2, 3), or a published date coarser than a day, only
approximates the day of writing, so a value that depends on the anchor's day
("Sunday", "yesterday", "last week") is widened one step (day -> week,
week -> month); a value that takes only the year from the anchor ("on 2 March",
"in April") keeps its precision. The rule name records the source: ``@text``
for 2, ``@doc`` for 3, nothing for the published date.

Conventions:
- Past by default: a year-less date takes the anchor's year unless that puts it
  more than ``tolerance_days`` after the anchor (then the year before); a bare
  month takes the anchor's year unless it starts after the anchor. A future cue
  (``future_cue`` words such as "will", "could" in the few words before) flips
  the search forward.
- Weeks run Monday to Sunday; a week's ``value`` is its Thursday (gold:
  "last week" in the article of Monday 28 March 2016 is 2016-03-24).
- "mid-November" is month precision with the range 11-20 (early 1-10, late
  21-end); a season is northern meteorological, its ``value`` the middle month
  ("the summer of 2015" is 2015-07, June to August), as ``palmyra.evaluate``
  reads it; "the 1990s" is year precision with ``value`` "1990" and the decade
  as its range (the model has no decade precision).
- "days later", "the next day" count from the last resolved day or week in the
  text; "the 23rd" takes its month from the last resolved day or month, else
  the anchor's, and is never after the anchor.
- Durations ("for 60 days", "five-year-old war", "the past year") are not
  dates and are not returned; the patterns that need it recognise them only to
  keep them from being read as dates. ``numbers.find_numbers`` gives their
  counts a time unit ("60 days" -> 60, unit "day").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from palmyra import registry
from palmyra.annotate.lexicon import alternation, by_kind
from palmyra.annotate.numbers import count_pattern, parse_count
from palmyra.model import DateValue, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from palmyra.context import DocContext

RULE = "dates.v1"  # recorded on every mention; bump when the output changes
AnchorLike = DateValue | date | None
Keep = Callable[[int, int], bool]

# Entity labels that, spanning more than a weak candidate, make it part of a name or title
# ("the Sunday Times", "Face the Nation").
_NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "PERSON", "FAC", "EVENT", "PRODUCT", "LAW"})
_STOP = re.compile(r"[,;:.!?\"“”()\n]")
_WORD = re.compile(r"[A-Za-z']+")
_PREV = re.compile(r"([A-Za-z]+)[ \t]+\Z")
_PREV_ON = re.compile(r"([A-Za-z]+)[ \t]+on[ \t]+\Z")  # "the Mail on Sunday"
_NEXT = re.compile(r"[ \t]+([A-Za-z]+)")
_REACH_BACK, _REACH_AHEAD = 40, 30  # how far a match may extend around its trigger word
_VAGUE_COUNTS = (2, 7)  # "a few days later": between 2 and 7 units
_PAST_AUXILIARIES = frozenset({"had", "was", "were", "been"})


@dataclass(frozen=True)
class _Anchor:
    """The day expressions are resolved against, and how far it can be trusted."""

    day: date
    exact: bool
    suffix: str  # "", "@text" or "@doc"

    def stamp(self, dv: DateValue, day_sensitive: bool = False) -> DateValue:
        """Tag ``dv`` with the anchor's source; widen it when it leans on an inexact day."""
        if day_sensitive and not self.exact:
            dv = _coarser(dv)
        return replace(dv, rule=dv.rule + self.suffix)


@dataclass
class _State:
    """What resolution carries from one expression to the next, in text order."""

    given: _Anchor | None
    doc_latest: date | None
    tolerance: timedelta
    text_latest: date | None = None
    reference: DateValue | None = None  # last day/week: "a week later" counts from it
    context: DateValue | None = None  # last day/month: "the 23rd" takes its month

    def anchor(self) -> _Anchor | None:
        if self.given is not None:
            return self.given
        if self.text_latest is not None:
            return _Anchor(self.text_latest, False, "@text")
        if self.doc_latest is not None:
            return _Anchor(self.doc_latest, False, "@doc")
        return None


Resolver = Callable[[re.Match[str], str, _State], "DateValue | None"]


@dataclass(frozen=True)
class _Pattern:
    name: str
    trigger: str  # key of the word in ``_triggers()`` that every match contains
    regex: re.Pattern[str]
    resolve: Resolver
    weak: bool = False  # a lone weekday or month name: spaCy may veto it
    full: bool = False  # an explicit full date: may serve as the anchor


def find_dates(
    text: str,
    anchor: AnchorLike = None,
    *,
    fallback_anchor: bool = True,
    tolerance_days: int = 31,
    keep: Keep | None = None,
) -> list[tuple[int, int, DateValue]]:
    """Dates in ``text`` as ``(start, end, value)``, in text order.

    Args:
        text: the text to read; offsets index into it.
        anchor: the publication date; ``None`` lets the text supply one (module docstring).
        fallback_anchor: allow step 3 of the anchor cascade.
        tolerance_days: how far after the anchor a year-less date may fall and keep its year.
        keep: consulted for weak candidates (a lone weekday, month or "today") with their
            offsets; returning ``False`` drops the candidate.
    """
    hits = _select(text, keep)
    full = [dv for p, m in hits if p.full and (dv := p.resolve(m, text, _EMPTY)) is not None]
    state = _State(
        given=_given_anchor(anchor),
        doc_latest=max((date.fromisoformat(dv.value) for dv in full), default=None)
        if fallback_anchor
        else None,
        tolerance=timedelta(days=tolerance_days),
    )
    out = []
    for pattern, m in hits:
        dv = pattern.resolve(m, text, state)
        if dv is None:
            continue
        start, end = _core(m)
        out.append((start, end, dv))
        if pattern.full:
            day = date.fromisoformat(dv.value)
            state.text_latest = max(day, state.text_latest or day)
        if dv.precision in ("day", "week"):
            state.reference = dv
        if dv.precision in ("day", "month"):
            state.context = dv
    return out


@registry.annotators.register("palmyra.dates.v1")
def date_mentions(doc: Doc, ctx: DocContext) -> list[Mention]:
    """Date mentions of a document, anchored on its publication date.

    spaCy vetoes a weak candidate that its tagger reads as a verb ("may") or that
    sits inside a longer name or title entity ("the Sunday Times").
    """
    settings = ctx.settings
    text = doc.text  # spaCy rebuilds it from the tokens on every access
    return [
        Mention("date", text[s:e], ctx.span(s, e), dv, rule=RULE)
        for s, e, dv in find_dates(
            text,
            ctx.document.published,
            fallback_anchor=settings.get("dates.fallback_anchor", True),
            tolerance_days=settings.get("dates.tolerance_days", 31),
            keep=spacy_veto(doc),
        )
    ]


class RelativeOffset(NamedTuple):
    """A relative expression read as an offset from the day of writing: "last year" = year, -1."""

    start: int
    end: int
    unit: str  # "day", "week", "month" or "year"
    offset: int


def relative_offsets(text: str, *, keep: Keep | None = None) -> list[RelativeOffset]:
    """Relative expressions whose value is a fixed offset from the day of writing, in text order.

    These are the expressions ``find_dates`` leaves out when it has no anchor
    ("last year", "two months ago", "yesterday", "May last year"); knowing
    their offset lets a caller infer the anchor from an event the text also
    dates absolutely (``palmyra.extract.events.anchor``). The candidates are
    ``find_dates``'s own, so a duration ("the past year") is still no date.
    Expressions whose distance from the day of writing depends on that day
    ("Tuesday", "last May", "last summer") and vague counts ("a few weeks
    ago") are left out.
    """
    out = []
    for pattern, m in _select(text, keep):
        found = _offset(pattern.name, m, text)
        if found is not None:
            out.append(RelativeOffset(*_core(m), *found))
    return out


def shift_period(value: DateValue, unit: str, offset: int, rule: str) -> DateValue | None:
    """The ``unit`` (day, week, month, year) holding ``value``, moved ``offset`` units.

    ``None`` when ``value`` spans more than one such unit ("2015" holds no one
    month). The result has the unit's precision: "last year" from an anchor
    of 2016-03-28 (day) or 2016-03 (month) is 2015.
    """
    first = _unit_start(date.fromisoformat(value.start), unit)
    if first != _unit_start(date.fromisoformat(value.end), unit):
        return None
    moved = _move(first, offset, unit)
    if unit == "day":
        return _day_value(moved, rule)
    if unit == "week":
        return _week_value(moved, moved + timedelta(days=6), rule)
    if unit == "month":
        return _month_value(moved.year, moved.month, rule)
    return DateValue(str(moved.year), "year", f"{moved.year}-01-01", f"{moved.year}-12-31", rule)


def spacy_veto(doc: Doc) -> Keep:
    """The ``keep`` test for weak candidates that ``date_mentions`` applies, for another caller."""
    return lambda start, end: _spacy_keeps(doc, start, end)


def _spacy_keeps(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    tok = span[0]
    if tok.tag_ == "MD" or tok.tag_.startswith("VB"):
        return False
    if tok.ent_type_ not in _NAME_LABELS:
        return True
    first, last = tok.i, span[-1].i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    return first == span.start and last == span.end - 1


# ---------------------------------------------------------------- candidates


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
def _words() -> dict[str, dict[str, str]]:
    return by_kind("temporal_words.tsv")


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
        "day_word": either_case("yesterday", "today", "tonight", "tomorrow", *w["day_part"]),
        "unit": either_case("week", "month", "year"),
        "ago": either_case("ago"),
        "later": either_case("later", "earlier", "afterwards"),
        "same": either_case("same", "next", "following", "previous", "preceding"),
        "span": either_case("last", "past", "previous", "coming", "next"),
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
            r"(?i:\b(?P<word>yesterday|today|tonight|tomorrow)\b|\b(?P<rel>this|last)\s+"
            rf"(?:{alternation(w['day_part'])})\b|\bthe\s+day\s+before\s+yesterday\b)",
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


# ---------------------------------------------------------------- resolvers


_EMPTY = _State(given=None, doc_latest=None, tolerance=timedelta(0))


def _no_date(m: re.Match[str], text: str, st: _State) -> None:
    return None


def _full(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    y, mo = int(m["year"]), _month_number(m["mon"])
    return _day_span(
        y, mo, int(m["day"]), m["day2"] if "day2" in m.re.groupindex else None, "date.full"
    )


def _day_month(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    a = st.anchor()
    mo, d = _month_number(m["mon"]), int(m["day"])
    if a is None or not _valid(2000, mo, d):  # 2000 is a leap year: 29 February passes
        return None
    y = _year_near(a, mo, d, _points_forward(text, m.start()), st.tolerance)
    return a.stamp(_day_span(y, mo, d, m["day2"], "date.day_month"))


def _month_year(m: re.Match[str], text: str, st: _State) -> DateValue:
    return _month_value(int(m["year"]), _month_number(m["mon"]), "month.year")


def _month_part(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    mo = _month_number(m["mon"])
    found = _year_of_month(m, text, st, mo)
    if found is None:
        return None
    y, a = found
    first, last = _range(_words()["month_part"][(m["part"] or m["part2"]).lower()])
    dv = _month_value(y, mo, "month.part", first, min(last, calendar.monthrange(y, mo)[1]))
    return a.stamp(dv) if a else dv


def _week_of_month(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    mo = _month_number(m["mon"])
    found = _year_of_month(m, text, st, mo)
    if found is None:
        return None
    y, a = found
    month_end = calendar.monthrange(y, mo)[1]
    ordinal = m["ord"].lower()
    if ordinal in ("last", "final"):
        first = month_end - 6
    else:
        first = 1 + 7 * (int(by_kind("number_words.tsv")["ordinal"][ordinal]) - 1)
    start = date(y, mo, first)
    end = min(start + timedelta(days=6), date(y, mo, month_end))
    dv = _week_value(start, end, "week.of_month")
    return a.stamp(dv) if a else dv


def _month_rel_year(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    a = st.anchor()
    if a is None:
        return None
    y = a.day.year + _step(m["rel"])
    return a.stamp(_month_value(y, _month_number(m["mon"]), "month.relative_year"))


def _month(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    mo, rel = _month_number(m["mon"]), (m["rel"] or "").lower()
    # "May" and "March" are also a verb and a noun: only a cue word makes them months.
    if m["mon"] in ("May", "March") and not (m["cue"] or rel):
        return None
    a = st.anchor()
    if a is None:
        return None
    if rel == "last":
        y = a.day.year - (mo >= a.day.month)
    elif rel == "next":
        y = a.day.year + (mo <= a.day.month)
    elif rel == "this":
        y = a.day.year
    else:
        slack = timedelta(0) if a.exact else st.tolerance
        y = a.day.year
        if _points_forward(text, m.start("core")):
            y += date(y, mo, calendar.monthrange(y, mo)[1]) < a.day - slack
        else:
            y -= date(y, mo, 1) > a.day + slack
    return a.stamp(_month_value(y, mo, f"month.{rel or 'bare'}"))


def _season_year(m: re.Match[str], text: str, st: _State) -> DateValue:
    return _season_value(int(m["year"]), m["season"], m["part"], "season.year")


def _season_rel(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    a = st.anchor()
    if a is None:
        return None
    this = _season_value(a.day.year, m["season"], None, "")
    rel = m["rel"].lower()
    if rel == "last":
        y = a.day.year - (date.fromisoformat(this.end) >= a.day)
    elif rel == "next":
        y = a.day.year + (date.fromisoformat(this.start) <= a.day)
    else:
        y = a.day.year
    return a.stamp(_season_value(y, m["season"], None, f"season.{rel}"))


def _decade(m: re.Match[str], text: str, st: _State) -> DateValue:
    first = int(m["decade"])
    lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get((m["part"] or "").lower(), (0, 9))
    return DateValue(
        str(first + lo), "year", f"{first + lo}-01-01", f"{first + hi}-12-31", "decade"
    )


def _year_part(m: re.Match[str], text: str, st: _State) -> DateValue:
    y = int(m["year"])
    first, last = _range(_words()["year_part"][(m["part"] or m["part2"]).lower()])
    end = date(y, last, calendar.monthrange(y, last)[1])
    return DateValue(str(y), "year", date(y, first, 1).isoformat(), end.isoformat(), "year.part")


def _year_range(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    y1, y2 = int(m["year"]), int(m["year2"])
    if y2 <= y1:
        return None
    return DateValue(str(y1), "year", f"{y1}-01-01", f"{y2}-12-31", "year.range")


def _year(m: re.Match[str], text: str, st: _State) -> DateValue:
    y = int(m["year"])
    return DateValue(str(y), "year", f"{y}-01-01", f"{y}-12-31", "year")


def _weekday(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    a = st.anchor()
    if (
        a is None
        or (m["cue"] or "").lower() == "every"
        or _is_name(text, m.start("wd"), m.end("wd"))
    ):
        return None
    target = _words()["weekday"][m["wd"].capitalize()]
    rel = (m["rel"] or "").lower()
    monday = a.day - timedelta(days=a.day.weekday())
    if rel in ("last", "next", "this"):
        week = {"last": -7, "this": 0, "next": 7}[rel]
        day = monday + timedelta(days=week + int(target))
        rule = f"weekday.{rel}"
    elif _points_forward(text, m.start("core")):
        day = a.day + timedelta(days=(int(target) - a.day.weekday()) % 7)
        rule = "weekday.future"
    else:
        day = a.day - timedelta(days=(a.day.weekday() - int(target)) % 7)
        rule = "weekday.past"
    return a.stamp(_day_value(day, rule), day_sensitive=True)


def _relative_day(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    a = st.anchor()
    offset = _day_offset(m, text)
    if a is None or offset is None:
        return None
    return a.stamp(_day_value(a.day + timedelta(days=offset), "relative.day"), day_sensitive=True)


def _day_offset(m: re.Match[str], text: str) -> int | None:
    """Days from the day of writing for a ``relative_day`` match; None for a name."""
    # "Russia Today", "USA Today": a capitalised "Today" mid-sentence is a name.
    if m["word"] == "Today" and not _sentence_start(text, m.start()):
        return None
    if m["word"]:
        return int(_words()["day_offset"][m["word"].lower()])
    if m["rel"]:  # "last night", "this morning"
        return _step(m["rel"])
    return -2  # "the day before yesterday"


def _step(rel: str) -> int:
    """Units from the day of writing that "last", "this" or "next" points."""
    return int(_words()["relative_step"][rel.lower()])


def _offset(name: str, m: re.Match[str], text: str) -> tuple[str, int] | None:
    """``(unit, offset)`` of a match that is a fixed offset from the day of writing, else None."""
    if name == "period":
        unit = m["unit"].lower()
        return ("week" if unit == "weekend" else unit), _step(m["rel"])
    if name == "month_rel_year":
        return "year", _step(m["rel"])
    if name == "ago":
        count = _count(m["n"])
        if count is None or count != int(count):
            return None
        return m["unit"].lower(), -int(count)
    if name == "relative_day":
        offset = _day_offset(m, text)
        return None if offset is None else ("day", offset)
    return None


def _period(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    a = st.anchor()
    if a is None:
        return None
    step = _step(m["rel"])
    unit = m["unit"].lower()
    rule = f"period.{m['rel'].lower()}_{unit}"
    if unit in ("week", "weekend"):
        monday = a.day - timedelta(days=a.day.weekday()) + timedelta(weeks=step)
        if unit == "weekend":
            dv = _week_value(monday + timedelta(days=5), monday + timedelta(days=6), rule)
        else:
            dv = _week_value(monday, monday + timedelta(days=6), rule)
        if step == 0 and dv.value > a.day.isoformat():  # "this week" reported on a Monday
            dv = replace(dv, value=a.day.isoformat())
    elif unit == "month":
        y, mo = _add_months(a.day.year, a.day.month, step)
        dv = _month_value(y, mo, rule)
    else:
        y = a.day.year + step
        dv = DateValue(str(y), "year", f"{y}-01-01", f"{y}-12-31", rule)
    if m["edge"] and dv.start <= a.day.isoformat() <= dv.end:
        # "earlier this year" runs up to the anchor, "later this year" from it
        edge = m["edge"].lower()
        dv = replace(
            dv,
            rule=f"{rule}.{edge}",
            **({"end": a.day.isoformat()} if edge == "earlier" else {"start": a.day.isoformat()}),
        )
    return a.stamp(dv, day_sensitive=unit in ("week", "weekend"))


def _ago(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    a = st.anchor()
    if a is None:
        return None
    dv = _shift(a.day, m["n"], m["unit"].lower(), -1, "relative.ago")
    return None if dv is None else a.stamp(dv, day_sensitive=m["unit"].lower() in ("day", "week"))


def _later(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    ref = st.reference
    if ref is None:
        return None
    sign = -1 if m["dir"].lower() == "earlier" else 1
    return _shift(
        date.fromisoformat(ref.start if sign > 0 else ref.end),
        m["n"],
        m["unit"].lower(),
        sign,
        f"relative.{m['dir'].lower()}",
    )


def _same(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    ref = st.reference
    if ref is None:
        return None
    which, unit = m["which"].lower(), m["unit"].lower()
    if which == "same":
        return replace(ref, rule="relative.same")
    if unit not in ("day", "week", "month", "year"):  # "the next morning"
        unit = "day"
    sign = 1 if which in ("next", "following") else -1
    return _shift(
        date.fromisoformat(ref.value if ref.precision == "day" else ref.start),
        "1",
        unit,
        sign,
        f"relative.{which}",
    )


def _ordinal_day(m: re.Match[str], text: str, st: _State) -> DateValue | None:
    """ "the 23rd": a day of the month last mentioned, else of the anchor's month, not after it."""
    d = int(m["day"])
    if st.context is not None:
        base = date.fromisoformat(st.context.start)
        y, mo = base.year, base.month
        return _day_value(date(y, mo, d), "ordinal_day.context") if _valid(y, mo, d) else None
    a = st.anchor()
    if a is None:
        return None
    y, mo = a.day.year, a.day.month
    if not _valid(y, mo, d) or date(y, mo, d) > a.day:
        y, mo = _add_months(y, mo, -1)
    if not _valid(y, mo, d):
        return None
    return a.stamp(_day_value(date(y, mo, d), "ordinal_day.anchor"))


# ---------------------------------------------------------------- helpers


def _given_anchor(anchor: AnchorLike) -> _Anchor | None:
    if anchor is None:
        return None
    if isinstance(anchor, date):
        return _Anchor(anchor, True, "")
    exact = anchor.precision == "day"
    return _Anchor(date.fromisoformat(anchor.value if exact else anchor.end), exact, "")


def _month_number(name: str) -> int:
    if name.isdigit():  # ISO dates
        return int(name)
    w = _words()
    key = name.rstrip(".").capitalize()
    return int(w["month"].get(key) or w["month_abbr"][key])


def _valid(y: int, mo: int, d: int) -> bool:
    return 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]


def _range(value: str) -> tuple[int, int]:
    first, last = value.split("-")
    return int(first), int(last)


def _add_months(y: int, mo: int, n: int) -> tuple[int, int]:
    y, mo0 = divmod(y * 12 + mo - 1 + n, 12)
    return y, mo0 + 1


def _day_value(d: date, rule: str) -> DateValue:
    return DateValue(d.isoformat(), "day", d.isoformat(), d.isoformat(), rule)


def _day_span(y: int, mo: int, d: int, d2: str | None, rule: str) -> DateValue | None:
    """A day, or a range of days in one month ("20-23 February": week or month precision)."""
    if not _valid(y, mo, d):
        return None
    if d2 is None:
        return _day_value(date(y, mo, d), rule)
    if not _valid(y, mo, int(d2)) or int(d2) <= d:
        return None
    start, end = date(y, mo, d), date(y, mo, int(d2))
    if (end - start).days < 7:
        return replace(_week_value(start, end, rule), value=start.isoformat())
    return _month_value(y, mo, rule, d, int(d2))


def _week_value(start: date, end: date, rule: str) -> DateValue:
    mid = min(start + timedelta(days=3), end)
    return DateValue(mid.isoformat(), "week", start.isoformat(), end.isoformat(), rule)


def _month_value(y: int, mo: int, rule: str, first: int = 1, last: int | None = None) -> DateValue:
    last = last or calendar.monthrange(y, mo)[1]
    return DateValue(
        f"{y:04d}-{mo:02d}",
        "month",
        date(y, mo, first).isoformat(),
        date(y, mo, last).isoformat(),
        rule,
    )


def _season_value(y: int, season: str, part: str | None, rule: str) -> DateValue:
    """A season as its middle month (as ``palmyra.evaluate.dates`` reads it) with exact bounds."""
    first_month, _ = _range(_words()["season"][season.lower()])
    months = [_add_months(y, first_month, i) for i in range(3)]
    if part:
        months = [months[{"early": 0, "mid": 1, "late": 2}[part.lower()]]]
    (y0, m0), (ym, mm), (y1, m1) = months[0], months[len(months) // 2], months[-1]
    end = date(y1, m1, calendar.monthrange(y1, m1)[1])
    return DateValue(
        f"{ym:04d}-{mm:02d}", "season", date(y0, m0, 1).isoformat(), end.isoformat(), rule
    )


def _coarser(dv: DateValue) -> DateValue:
    """One precision step wider: a day becomes its week, a week its month."""
    d = date.fromisoformat(dv.value)
    if dv.precision == "day":
        monday = d - timedelta(days=d.weekday())
        return DateValue(
            dv.value, "week", monday.isoformat(), (monday + timedelta(days=6)).isoformat(), dv.rule
        )
    if dv.precision == "week":
        return _month_value(d.year, d.month, dv.rule)
    return dv


def _year_near(a: _Anchor, mo: int, d: int, forward: bool, tolerance: timedelta) -> int:
    """The year that puts month ``mo`` day ``d`` nearest the anchor, in the reporting direction."""
    y = a.day.year
    if not _valid(y, mo, d):  # 29 February: the nearest leap year in the right direction
        step = 1 if forward else -1
        while not _valid(y, mo, d):
            y += step
        return y
    if forward:
        return y + (date(y, mo, d) < a.day - tolerance)
    return y - (date(y, mo, d) > a.day + tolerance)


def _year_of_month(
    m: re.Match[str], text: str, st: _State, mo: int
) -> tuple[int, _Anchor | None] | None:
    """The written year, else the anchor's (and the anchor, to stamp the result); None: neither."""
    if m["year"]:
        return int(m["year"]), None
    a = st.anchor()
    if a is None:
        return None
    slack = timedelta(0) if a.exact else st.tolerance
    return _year_near(a, mo, 1, _points_forward(text, m.start()), slack), a


def _shift(base: date, n: str | None, unit: str, sign: int, rule: str) -> DateValue | None:
    """``base`` moved ``n`` units; a vague or missing count gives a range one precision coarser."""
    count = _count(n)
    if count is None:
        lo, hi = _VAGUE_COUNTS
        ends = sorted(_move(base, k * sign, unit) for k in (lo, hi))
        start, end = ends[0], ends[1]
        mid = start + (end - start) / 2
        if unit == "day":
            return DateValue(mid.isoformat(), "week", start.isoformat(), end.isoformat(), rule)
        if unit == "week":
            return DateValue(
                f"{mid.year:04d}-{mid.month:02d}", "month", start.isoformat(), end.isoformat(), rule
            )
        return None  # "months later", "years earlier": too vague to place
    d = _move(base, int(count) * sign, unit)
    if unit == "day":
        return _day_value(d, rule)
    if unit == "week":
        return _week_value(d - timedelta(days=3), d + timedelta(days=3), rule)
    if unit == "month":
        return _month_value(d.year, d.month, rule)
    return DateValue(str(d.year), "year", f"{d.year}-01-01", f"{d.year}-12-31", rule)


def _count(n: str | None) -> float | None:
    if n is None:
        return None
    word = " ".join(n.lower().split())
    if word in ("a", "an"):
        return 1
    if word in ("a few", "few", "several"):
        return None
    return parse_count(word)


def _unit_start(d: date, unit: str) -> date:
    """The first day of the day, week (Monday), month or year holding ``d``."""
    if unit == "week":
        return d - timedelta(days=d.weekday())
    if unit == "month":
        return d.replace(day=1)
    if unit == "year":
        return d.replace(month=1, day=1)
    return d


def _move(d: date, n: int, unit: str) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    y, mo = _add_months(d.year, d.month, months)
    return date(y, mo, min(d.day, calendar.monthrange(y, mo)[1]))


def _points_forward(text: str, start: int) -> bool:
    """Whether a future cue ("will", "could") sits in the few words before ``start``.

    The window stops at punctuation so that "will use Palmyra," a general said Sunday
    stays in the past.
    """
    window = text[max(0, start - 60) : start]
    stops = list(_STOP.finditer(window))
    if stops:
        window = window[stops[-1].end() :]
    cues = _words()["future_cue"]
    words = [w.lower() for w in _WORD.findall(window)[-6:]]
    # "had been due to begin on 20 February" looks back from a later day: not a cue
    return any(
        w in cues and (i == 0 or words[i - 1] not in _PAST_AUXILIARIES) for i, w in enumerate(words)
    )


def _is_name(text: str, start: int, end: int) -> bool:
    """A weekday inside a name or title: "Bloody Sunday", "Sunday Times", "Why Sunday Matters".

    The words that name a paper after a weekday ("Sunday Times") also name one before
    "on Sunday" ("the Mail on Sunday", "the Independent on Sunday").
    """
    w = _words()
    prev = _PREV.search(text, max(0, start - 30), start)
    paper = _PREV_ON.search(text, max(0, start - 30), start)
    nxt = _NEXT.match(text, end)
    if (
        (prev and prev.group(1) in w["weekday_blocker_before"])
        or (nxt and nxt.group(1) in w["weekday_blocker_after"])
        or (paper and paper.group(1) in w["weekday_blocker_after"])
    ):
        return True
    lead = {*w["cue"], "last", "next", "this", "every", "and", "or", "but"}
    return bool(
        prev
        and nxt
        and prev.group(1)[0].isupper()
        and nxt.group(1)[0].isupper()
        and prev.group(1).lower() not in lead
    )


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip()
    return not before or before[-1] in '.!?\n"“'
