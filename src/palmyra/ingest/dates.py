"""Absolute publication dates as bylines and metadata write them, resolved with precision.

Only dates that are written out in full are read here ("28 March 2016",
"Wed 05 Apr 2017", "24.08.2013", "2016-03-28"). Nothing is ever filled in from
today's date, so the same text always gives the same date, and a missing day
or year gives a coarser precision or no date at all, never a guess.

The patterns here find where a byline or a metadata field writes a date; turning its
year, month and day into a ``DateValue`` is left to the dates annotator's absolute-date
parser (``palmyra.annotate.dates.absolute``), the one that reads the dates in the text.
"""

from __future__ import annotations

import re

from palmyra.annotate.dates.absolute import full_date, month_date
from palmyra.model import DateValue

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_CORE = (
    rf"(?P<iso>{_YEAR}-\d{{2}}-\d{{2}})(?:T[\d:.]+(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
    rf"|(?P<dmy>{_DAY}\s+{MONTH},?\s+{_YEAR})"
    rf"|(?P<mdy>{MONTH}\s+{_DAY},?\s+{_YEAR})"
    # Jordan Times pages glue day and year: "Last updated at Apr 232017".
    rf"|(?P<gm>{MONTH})\s+(?P<gd>\d{{2}})(?P<gy>{_YEAR})"
    rf"|(?P<num>\d{{1,2}}(?P<sep>[./-])\d{{1,2}}(?P=sep){_YEAR})"
)
_PREFIX = (
    r"(?:(?:Date of publication|First published|Published|Posted|Last updated|Updated)"
    r"(?:\s+(?:on|at))?:?\s+)?"
)
_ZONE = r"(?:\s*\b(?:GMT|UTC|EST|EDT|BST|CET|CEST|AST)\b(?:\s*[+-]\s*\d{1,2})?)?"
_TIME = (
    r"(?:,?\s+(?:at\s+\d{1,2}:?\d{2}|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
    rf"|\d{{3,4}}(?=\s+(?:GMT|UTC)))(?:\s*[ap]\.?m\.?)?{_ZONE})?"
)
# A full date as a byline, dateline or metadata field writes it, with its lead-in and time.
BYLINE_DATE = re.compile(rf"{_PREFIX}{_WEEKDAY}?(?:{_CORE}){_TIME}(?!\d)", re.IGNORECASE)
# "March 2016" alone on a byline line: month precision.
MONTH_YEAR = re.compile(rf"{_PREFIX}(?P<my>{MONTH}\s+{_YEAR})(?!\d)", re.IGNORECASE)
# FA-KES ``date`` column and US-style exports: m/d/yy.
_SHORT_US = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{2})\s*")
# Two-digit years up to this are 20xx, later ones 19xx.
SHORT_YEAR_PIVOT = 69


def date_at(text: str, pos: int, rule: str) -> tuple[DateValue, int] | None:
    """A byline date starting exactly at ``pos``, with the offset where it ends."""
    m = BYLINE_DATE.match(text, pos)
    if m is None:
        return None
    value = _from_match(m, rule)
    return (value, m.end()) if value else None


def date_line(line: str, rule: str) -> DateValue | None:
    """The date when a whole line is a date ("28 March 2016", "Published: March 2016")."""
    stripped = line.strip()
    m = BYLINE_DATE.fullmatch(stripped)
    if m:
        return _from_match(m, rule)
    m = MONTH_YEAR.fullmatch(stripped)
    if m:
        month, year = m.group("my").split()
        return month_date(year, month, rule)
    return None


def parse_hint(hint: str | None, rule: str) -> DateValue | None:
    """A metadata or column date string (ISO, RFC 2822, "28 March 2016", FA-KES m/d/yy)."""
    if not hint or not hint.strip():
        return None
    m = BYLINE_DATE.search(hint)
    if m:
        return _from_match(m, rule)
    short = _SHORT_US.fullmatch(hint)
    if short:
        month, day, yy = (int(g) for g in short.groups())
        year = 2000 + yy if yy <= SHORT_YEAR_PIVOT else 1900 + yy
        return full_date(year, month, day, rule)
    return date_line(hint, rule)


def _from_match(m: re.Match[str], rule: str) -> DateValue | None:
    if m.group("iso"):
        year, month, day = m.group("iso").split("-")
        return full_date(year, month, day, rule)
    if m.group("num"):
        a, b, year = re.split(r"[./-]", m.group("num"))
        # Slashes are the US order; dots and dashes the European one (Sputnik, Al-Manar).
        month, day = (a, b) if m.group("sep") == "/" else (b, a)
        return full_date(year, month, day, rule)
    if m.group("gm"):
        return full_date(m.group("gy"), m.group("gm"), m.group("gd"), rule)
    # "28th March, 2016" or "March 28, 2016": the word is the month, four digits the year
    parts = (m.group("dmy") or m.group("mdy")).replace(",", " ").split()
    year = next(p for p in parts if len(p) == 4 and p.isdigit())
    month = next(p for p in parts if p[0].isalpha())
    day = next(p for p in parts if p != year and p[0].isdigit())
    return full_date(year, month, day, rule)
