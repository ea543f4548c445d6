"""Title, byline (author, date), body start and outlet of one article.

Each field is resolved by a short ordered chain of sources, first hit wins,
and a field stays ``None`` rather than being guessed: the publication date
comes only from a byline/dateline or metadata, never from events in the body,
and never from today's date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from urllib.parse import urlsplit

from palmyra.annotate.dates.absolute import full_date
from palmyra.ingest.clean import Range, Rules, iter_lines
from palmyra.ingest.dates import BYLINE_DATE, MONTH, date_at, date_line, parse_hint
from palmyra.ingest.records import RawRecord
from palmyra.model import DateValue, Outlet

# A first line longer than this is a paragraph, not a title.
TITLE_MAX_CHARS = 300
# A title from metadata or a column must start within this many characters of the text.
TITLE_SEARCH_CHARS = 600
# Lines after the title scanned for a byline before the body is taken to have begun.
HEADER_MAX_LINES = 8
# A line with this many words is body prose: the byline block is over.
PARAGRAPH_WORDS = 15
# A paragraph opening with this many of the title's words repeats the title.
TITLE_COPY_MIN_WORDS = 3
# Longest line read as a bare author name ("Thomas Gaist").
NAME_LINE_MAX_CHARS = 50

_MD_HEADING = re.compile(r"#{1,6}\s+")
# Between a title and a dateline on the same line (FA-KES: "... WHO. Victims of").
_TITLE_TAIL = re.compile(r"[^\S\n]*[.:;,|–—-]*[^\S\n]*")
# A wire credit in capitals before that dateline ("... Aleppo Monitor AFP Saturday 24 Sep 2016").
_CREDIT = re.compile(r"[A-Z]{2,6}[^\S\n]+")
# The place opening a wire dateline, with its country or region ("ADEN, ", "SANAA, Yemen, ",
# "PORT SUDAN, "), or two places ("SINGA / SENNAR - "), or the date in brackets
# ("EL GENEINA (14 June 2023) - "), before its date; the date is followed by the agency and a
# dash ("March 14, 2021 (Reuters) - ", "February 17, 2024 /TASS/ - ", "9 Aug 2024 - RIA"), or
# by a full stop around the agency ("May 21, 2023. /TASS/. ").
_WIRE_WORDS = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}"
_WIRE_PLACE = re.compile(rf"{_WIRE_WORDS}(?:(?:, | / ){_WIRE_WORDS})?(?:, | [-–—] | \()")
_WIRE_CREDIT = re.compile(
    r"\)?[^\S\n]*(?:[-–—]|\.?[^\S\n]*(?:\([^()\n]{1,40}\)|/[^/\n]{1,20}/)[^\S\n]*[-–—.])"
)
# The agency a wire dateline credits, in brackets or slashes after the place and date and
# before the dash or full stop that opens the prose: "ADEN, Oct 9, 2019 (AFP) - ",
# "Sat 18 Apr 2020 TRIPOLI (Libya Observer) - ", "KYIV, Ukraine (AP) - ", "MOSCOW, October 9,
# 2024. /TASS/. ". Before it a place in capitals or a date, as datelines write them; after
# brackets a dash (a full stop there closes a sentence naming a source: "... (SOHR).").
_CREDIT_DATELINE = re.compile(
    r"(?=[^\n()/]{0,110}?(?:\b[A-Z]{3,}\b|\d)[^\n()/]{0,110}?[(/])[^\n()/]{0,110}?"
    r"(?P<credit>\((?P<paren>[^()\n]{2,40})\)[^\S\n]*[-–—]|/(?P<slash>[^/\n]{2,20})/[^\S\n]*[-–—.])"
)
# A bracketed word in capitals longer than this is the dateline's place ("(KHARTOUM) -"),
# not an agency (SUNA, TASS, AFP) the outlets list does not know.
CREDIT_ACRONYM_MAX = 6
# A wire dateline's day without its year ("KHARKIV, Ukraine, May 14 (Reuters) - ").
_YEARLESS = re.compile(
    rf"(?P<mon>{MONTH})\s+(?P<day>\d{{1,2}})(?![\d,])|(?P<day2>\d{{1,2}})\s+(?P<mon2>{MONTH})(?![\w,])"
)
# A yearless dateline takes the year that puts it on or after the latest full date the text
# writes, less this many days (a wire's day of writing follows the events it reports).
YEARLESS_TOLERANCE_DAYS = 31
# How far into the lead paragraph a dateline after a standfirst or section words is looked for.
LEAD_DATELINE_CHARS = 400
_SENTENCE_END = re.compile(r"[.!?][\"”']?\s+[A-Z\"“]")
_STARTS_WEEKDAY = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b", re.IGNORECASE)
_LAST_WORD = re.compile(r"(\w+)\W*\Z")
# Words that make a weekday's full date the body's ("on Saturday 17 Aug 2013").
_DATE_PREPOSITIONS = frozenset({"on", "since", "until", "till", "by", "from", "to", "before",
                                "after", "of", "and", "or", "between", "for", "as", "at"})
# Name particles written in lower case inside a name (al-, de, van, bin ...).
_PARTICLE = r"(?:al|el|de|da|di|van|von|der|bin|ibn|abu|le)"
# "Thomas", "O'Neill", "McDowall", "Anne-Marie", "al-Khatib", "J."
_NAME_TOKEN = (
    rf"(?:{_PARTICLE}[-\s])?"
    r"(?:[A-Z](?:[a-z]+|['’][A-Z][a-z]+)(?:[A-Z][a-z]+)?(?:-[A-Z]?[a-z]+)*|[A-Z]\.)"
)
_NAME = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}"
NAME_LINE = re.compile(_NAME)
BY_LINE = re.compile(rf"(?i:by)\s+(?P<name>{_NAME}(?:\s+(?:and|&)\s+{_NAME})?)(?P<rest>.*)")
# Parts of "Thomas Gaist | WSWS | 28 March 2016".
_BYLINE_SEPARATOR = re.compile(r"\s+[|·•—–-]\s+")
DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b", re.IGNORECASE)


@dataclass
class Header:
    """What the lines between the title and the body say."""

    body_start: int
    author: str | None = None
    published: DateValue | None = None
    bylines: list[Range] = field(default_factory=list)
    credit: str | None = None  # the agency a wire dateline credits: "(Reuters) -", "/TASS/."


def find_title(record: RawRecord, text: str, rules: Rules) -> tuple[str | None, Range | None]:
    """The title and where it stands in the text.

    1. The record's title (HTML metadata, CSV column), located near the top of the text.
    2. For files and pages without one: the first line that is neither furniture
       nor a date, unless it is a paragraph: too long for a headline, or a full
       sentence of prose (a lead paragraph with its event would otherwise only
       support the body's events and be lost as news).
    """
    if record.title and record.title.strip():
        title = " ".join(record.title.split())
        return title, _locate(text, title)
    if record.format in ("csv", "jsonl"):
        return None, None
    for line in iter_lines(text):
        if line.blank or rules.is_furniture(line.text) or date_line(line.text, ""):
            continue
        stripped = line.text.strip()
        if len(stripped) > TITLE_MAX_CHARS or _is_prose(stripped):
            return None, None
        heading = _MD_HEADING.match(stripped)
        start = line.content_start + (heading.end() if heading else 0)
        end = line.start + len(line.text.rstrip())
        return text[start:end], (start, end)
    return None, None


def _is_prose(line: str) -> bool:
    """A sentence of body prose: as long as a paragraph and closed by a full stop.

    Headlines rarely end in a full stop, and the few that do are short
    ("ISIS kills more than 50 in central Syria attack.").
    """
    return len(line.split()) >= PARAGRAPH_WORDS and line.endswith((".", "!", "?", '."', ".”"))


def _locate(text: str, title: str) -> Range | None:
    """Where the title stands near the top, allowing other spacing and case."""
    window = text[: TITLE_SEARCH_CHARS + len(title)]
    at = window.find(title)
    if at >= 0:
        return at, at + len(title)
    pattern = re.compile(r"\s+".join(map(re.escape, title.split())), re.IGNORECASE)
    m = pattern.search(window)
    return m.span() if m else None


def read_header(
    text: str,
    title: Range | None,
    rules: Rules,
    outlets: Sequence[Outlet] = (),
    skip: Range | None = None,
) -> Header:
    """Bylines around the title, and where the body starts.

    A byline is a line (or, in one-line texts such as FA-KES, a prefix or
    suffix of the title) giving the author or the date. Furniture lines and
    the ``skip`` range (a duplicated byline block) are passed over. The body
    starts at the first other line; byline lines found after it (a byline
    under a standfirst) are still read, up to the first paragraph of prose.
    """
    header = Header(body_start=len(text))
    if title is not None:
        for line in iter_lines(text, 0, text.rfind("\n", 0, title[0]) + 1):
            if not line.blank and _read_byline(line.text, header, outlets):
                header.bylines.append((line.content_start, line.start + len(line.text.rstrip())))
    pos = _read_title_line(text, title, header)
    scanned = 0
    for line in iter_lines(text, pos):
        if line.blank or rules.is_furniture(line.text):
            continue
        if skip and skip[0] <= line.content_start < skip[1]:
            continue
        if _read_byline(line.text, header, outlets):
            header.bylines.append((line.content_start, line.start + len(line.text.rstrip())))
            continue
        if scanned == 0 and header.published is None:
            _read_dateline(text, line.content_start, title, header)
        header.body_start = min(header.body_start, line.content_start)
        scanned += 1
        if len(line.text.split()) >= PARAGRAPH_WORDS or scanned >= HEADER_MAX_LINES:
            break
    _read_credit(text, header, outlets)
    return header


def _read_credit(text: str, header: Header, outlets: Sequence[Outlet]) -> None:
    """The agency the body's opening dateline credits: the article's outlet where nothing
    else names it. The credit stays in the text: the parser reads the lead better with it."""
    m = _CREDIT_DATELINE.match(text, header.body_start)
    if m is None:
        return
    name = " ".join((m["paren"] or m["slash"]).split())
    known = canonical_outlet(name, outlets) != name or _is_outlet(name, outlets)
    if not known and (not re.search(r"[A-Za-z]", name) or
                      (name.isupper() and len(name) > CREDIT_ACRONYM_MAX)):
        return
    if date_line(name, "dateline") is not None:
        return
    header.credit = name


def _read_title_line(text: str, title: Range | None, header: Header) -> int:
    """Read datelines glued to the title's line; return where line scanning resumes."""
    if title is None:
        lead = len(text) - len(text.lstrip())
        found = date_at(text, lead, "dateline")
        if found is None:
            return 0
        header.published, end = found
        header.bylines.append((lead, end))
        return end
    line_start = text.rfind("\n", 0, title[0]) + 1
    prefix = text[line_start : title[0]]
    if prefix.strip():
        lead = line_start + len(prefix) - len(prefix.lstrip())
        found = date_at(text, lead, "dateline")
        if found is not None:
            header.published = found[0]
            header.bylines.append((lead, line_start + len(prefix.rstrip())))
    pos = _TITLE_TAIL.match(text, title[1]).end()
    found = date_at(text, pos, "dateline") if pos < len(text) and text[pos] != "\n" else None
    credit = _CREDIT.match(text, pos) if found is None else None
    if credit is not None and (found := date_at(text, credit.end(), "dateline")) is not None:
        pos = credit.start()
    if found is None:
        return pos
    header.published = header.published or found[0]
    header.bylines.append((pos, found[1]))
    return found[1]


def _read_dateline(text: str, start: int, title: Range | None, header: Header) -> None:
    """A date opening the first paragraph is its dateline ("Fri 07 Apr 2017 at 0914 Homs ...",
    the wire and FA-KES form): the publication date, and not part of the body's prose.
    The paragraph may repeat the title before the date, with a wire credit ("... monitor
    AFP Friday 22 Jul 2016"), or after it; that copy of the title is not body prose either
    (its event is the lead's, told again)."""
    words = re.findall(r"\w+", text[title[0] : title[1]]) if title is not None else []
    copy_end = _title_copy(text, start, words)
    pos = _TITLE_TAIL.match(text, copy_end).end() if copy_end is not None else start
    found = date_at(text, pos, "dateline")
    if found is None and (credit := _CREDIT.match(text, pos)) is not None:
        found = date_at(text, credit.end(), "dateline")
    if found is None and copy_end is None and (wire := _WIRE_PLACE.match(text, pos)) is not None:
        # "ADEN, March 14, 2021 (Reuters) - ...": the wire's place stays prose, the date goes
        found = date_at(text, wire.end(), "dateline") or _yearless_at(text, wire.end())
        if found is not None and not _WIRE_CREDIT.match(text, found[1]):
            return
        if found is not None:
            pos = wire.end()
    if found is None:
        lead = _lead_dateline(text, pos)
        if lead is not None:
            header.published = lead[0]
            header.bylines.append(lead[1])
        return
    header.published, end = found
    if copy_end is None:
        after = len(text) - len(text[end:].lstrip(" \t"))
        end = _title_copy(text, after, words) or end
    header.bylines.append((start if copy_end is not None else pos, end))


def _lead_dateline(text: str, pos: int) -> tuple[DateValue, Range] | None:
    """A dateline a little way into the lead paragraph, after a standfirst, a credit or a
    site's section words: "... into Turkey AFP Saturday 17 Aug 2013 Al-Qaeda loyalists",
    "Print this page Tuesday 19 July 2016 16:45", "Middle East 1924 16.05.2017(updated",
    "Syria Military 07-08-2013 0147 PM". Only a date that prose does not write so: a
    weekday before a full date, or a numeric one; not after a preposition ("on Saturday
    17 Aug 2013") nor after the end of a sentence (a date the body tells)."""
    end = text.find("\n", pos)
    end = min(len(text) if end < 0 else end, pos + LEAD_DATELINE_CHARS)
    for m in BYLINE_DATE.finditer(text, pos, end):
        if _SENTENCE_END.search(text, pos, m.start()):
            return None
        if not (_STARTS_WEEKDAY.match(m.group()) or m.group("num")):
            continue
        before = _LAST_WORD.search(text, pos, m.start())
        if before is not None and before.group(1).lower() in _DATE_PREPOSITIONS:
            continue
        found = date_at(text, m.start(), "dateline")
        if found is not None:
            return found[0], (m.start(), found[1])
    return None


def _yearless_at(text: str, pos: int) -> tuple[DateValue, int] | None:
    """A wire dateline's day written without its year ("May 14 (Reuters) -"), the year taken
    from the full dates the text writes ("... the offensive opened on May 10, 2024"): the
    year that does not put the day of writing before the latest of them by more than
    ``YEARLESS_TOLERANCE_DAYS``. No full date in the text: no date, never a guess."""
    m = _YEARLESS.match(text, pos)
    if m is None:
        return None
    written = [d for d in (date_at(text, f.start(), "dateline") for f in
                           BYLINE_DATE.finditer(text)) if d is not None]
    latest = max((date.fromisoformat(d[0].value) for d in written if d[0].precision == "day"),
                 default=None)
    if latest is None:
        return None
    month, day = (m["mon"], m["day"]) if m["mon"] else (m["mon2"], m["day2"])
    for year in (latest.year, latest.year + 1):
        value = full_date(year, month, day, "dateline@text")
        if value is None:
            continue
        if date.fromisoformat(value.value) >= latest - timedelta(days=YEARLESS_TOLERANCE_DAYS):
            return value, m.end()
    return None


def _title_copy(text: str, start: int, words: list[str]) -> int | None:
    """Where a copy of the title starting at ``start`` ends, or ``None``. The copy may differ
    in punctuation ("Syria's" / "Syrias") and lack the site's suffix ("... kills 10
    Governor - Region - World - Ahram Online"): the longest prefix of its words wins."""
    for n in range(len(words), min(len(words), TITLE_COPY_MIN_WORDS) - 1, -1):
        pattern = r"\W*".join(map(re.escape, words[:n])) + r"\b"
        again = re.compile(pattern, re.IGNORECASE).match(text, start)
        if again is not None:
            return again.end()
    return None


def _read_byline(line: str, header: Header, outlets: Sequence[Outlet]) -> bool:
    """Fill author/date from a byline line; False when the line is not a byline."""
    whole = date_line(line, "byline")
    if whole is not None:
        header.published = header.published or whole
        return True
    parts = [p.strip() for p in _BYLINE_SEPARATOR.split(line.strip()) if p.strip()]
    found_author, found_date = None, None
    for part in parts:
        if (when := date_line(part, "byline")) is not None:
            found_date = found_date or when
        elif (who := _author(part, outlets)) is not None:
            found_author = found_author or who
        elif len(parts) == 1 or not _is_outlet(part, outlets):
            return False
    if found_author is None and found_date is None:
        return False
    header.author = header.author or found_author
    header.published = header.published or found_date
    return True


def _author(part: str, outlets: Sequence[Outlet]) -> str | None:
    by = BY_LINE.fullmatch(part)
    if by and (not by.group("rest").strip() or by.group("rest").lstrip()[0] in ",|·•—–-("):
        return by.group("name")
    if (
        len(part) <= NAME_LINE_MAX_CHARS
        and NAME_LINE.fullmatch(part)
        and not _is_outlet(part, outlets)
    ):
        return part
    return None


def _is_outlet(part: str, outlets: Sequence[Outlet]) -> bool:
    key = part.casefold()
    return any(key == n.casefold() for o in outlets for n in (o.name, *o.aliases, *o.furniture))


def find_published(header: Header, record: RawRecord) -> DateValue | None:
    """Byline/dateline date, else the record's metadata or column date."""
    if header.published is not None:
        return header.published
    rule = "column" if record.format in ("csv", "jsonl") else "metadata"
    return parse_hint(record.published_hint, rule)


def find_outlet(
    record: RawRecord,
    text: str,
    furniture: Sequence[Range],
    outlets: Sequence[Outlet],
    credit: str | None = None,
) -> str | None:
    """The outlet that published the article.

    1. An outlet's own furniture line in the text ("Proletarian writers").
    2. A domain, name or alias of an outlet inside furniture ("wsws.org/contact").
    3. The domain of the record's URL.
    4. The record's outlet hint (HTML site name, CSV ``source`` column such as
       FA-KES "sana"), as its canonical name when the outlets list knows it,
       else as given: a named but unknown outlet is still better than none.
    5. The agency the wire dateline credits ("ADEN, ... (Reuters) -"), the same way: plain
       text files name their outlet nowhere else.
    """
    patterns = _outlet_patterns(tuple(outlets))
    for name, line in patterns.furniture:
        if line.search(text):
            return name
    furniture_text = "\n".join(text[s:e] for s, e in furniture)
    for host in DOMAIN.findall(furniture_text):
        by_domain = _outlet_by_domain(host, outlets)
        if by_domain:
            return by_domain
    for name, written in patterns.names:
        if written.search(furniture_text):
            return name
    if record.url:
        by_url = _outlet_by_domain(urlsplit(record.url).hostname or "", outlets)
        if by_url:
            return by_url
    return canonical_outlet(record.outlet_hint, outlets) or canonical_outlet(credit, outlets)


@dataclass(frozen=True)
class _OutletPatterns:
    """``find_outlet``'s patterns, each with the outlet it names, in the outlets' order."""

    furniture: tuple[tuple[str, re.Pattern[str]], ...]  # a furniture line on a line of its own
    names: tuple[tuple[str, re.Pattern[str]], ...]  # a name or alias as a whole word


@lru_cache(maxsize=8)
def _outlet_patterns(outlets: tuple[Outlet, ...]) -> _OutletPatterns:
    """Compiled once per outlets list: a run's documents share one, and its few hundred
    names and aliases overflow ``re``'s own cache of compiled patterns, so each document
    escaped and compiled every one of them again (1.4% of a whole ``analyze`` job)."""
    return _OutletPatterns(
        tuple((o.name, re.compile(rf"(?im)^\s*{re.escape(line)}\s*$"))
              for o in outlets for line in o.furniture),
        tuple((o.name, re.compile(rf"\b{re.escape(name)}\b"))
              for o in outlets for name in (o.name, *o.aliases)))


def canonical_outlet(name: str | None, outlets: Sequence[Outlet]) -> str | None:
    """The outlets list's name for ``name`` (a name, alias or domain, any case), else ``name``."""
    hint = " ".join((name or "").split())
    if not hint:
        return None
    key = hint.casefold()
    for outlet in outlets:
        if key in {n.casefold() for n in (outlet.name, *outlet.aliases, *outlet.domains)}:
            return outlet.name
    return _outlet_by_domain(key, outlets) or hint


def _outlet_by_domain(host: str, outlets: Sequence[Outlet]) -> str | None:
    host = host.casefold().removeprefix("www.")
    for outlet in outlets:
        for domain in outlet.domains:
            domain = domain.casefold()
            if host == domain or host.endswith("." + domain):
                return outlet.name
    return None
