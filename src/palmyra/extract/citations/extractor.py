"""Citations: the publications an article names as the source of what it reports.

Two forms are read (gold/SCHEMA.md, "citations"):

- parenthetical references, "(Title by Author, Outlet, 27 February 2017)", parsed by
  ``palmyra.extract.citations.references``;
- in-text attributions, where an outlet is tied to the text by a citing word: its
  subject ("the *Los Angeles Times* wrote on Sunday", "Foreign Policy magazine
  reported"), a passive agent ("reported by the New York Times"), "according to
  Reuters", the medium someone spoke to ("told the magazine", "Appearing on CBS",
  "I spoke with Monocle 24’s The Globalist"), a published piece ("in an article in
  Foreign Policy", "a report from Foreign Affairs"), or the subject of a sentence
  that ends in a colon before a quotation ("The Independent made an effort to sum up
  the players: “…”"). Outlets inside quotations and references are not read, nor the
  article's own outlet ("told Reuters" in a Reuters story). A citing verb may be joined
  to the outlet's clause ("SANA did not give a toll but said"), follow descriptive nouns
  ("SANA regime news agency reported"), and "according to" holds whatever noun phrase
  ends in the outlet ("according to Hezbollah's television station Al-Manar"). Photo
  credits ("(Photo AFP)", "AP Photo …") are no citations, and "the media outlet" never
  stands for one; a capitalised "Said" inside a sentence is a name, not a verb.

Dates: a reference's closing date; for an in-text attribution, a date written right
after it ("wrote on Sunday") or hanging on its verb ("reported on Sunday that"; "cited the
ministry as saying on Thursday"; "reported earlier": the publication day), resolved
against the publication date by ``palmyra.annotate.dates.find_dates`` (none without a
publication date).

The gold counts publications, not mentions, so references to one piece are merged:
an in-text attribution followed or preceded closely by a parenthetical of the same
outlet (or of the same title) is that parenthetical; a parenthetical without an
outlet ("See Quitting ISIS by …, 1 May 2016") takes the outlet of the attribution
just before it; a later undated mention of an outlet already cited ("the *Times*
noted", gold 002) and a repeated parenthetical are dropped; "op. cit." and "ibid."
refer back and are not new citations.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from palmyra import registry
from palmyra.annotate.dates import find_dates
from palmyra.extract.citations.references import Reference, references
from palmyra.extract.citations.standins import fold_stand_ins, stand_ins
from palmyra.extract.lexicon import citation_cues
from palmyra.extract.outlets import OutletMention, Outlets
from palmyra.extract.positions import Bounds, sentence_bounds, within
from palmyra.extract.quotemarks import Quoted, scan
from palmyra.model import Citation, DateValue, Document, Outlet, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from palmyra.context import DocContext

NAME = "palmyra.citations.v1"
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_NEAR_PARAGRAPHS = 2  # how far an attribution and its parenthetical may sit apart
_SAME_TITLE = 85  # rapidfuzz ratio above which two titles name one piece
_DATE_REACH = 5  # characters between a citing phrase and its date ("on ")
_DATE_WINDOW = 40
_TITLE_WORDS = 8
# How an outlet's name hangs on the noun phrase that carries it: "Foreign Policy magazine",
# "SANA news agency" and "Syria's SANA regime news agency" (amod, nmod in the parse)
_NAME_CHAIN = frozenset({"compound", "appos", "flat", "poss", "amod", "nmod"})
_MEDIA_WORDS = frozenset({"tv", "news", "state"})  # beside the outlet nouns of citation_cues
_TODAY = frozenset({"earlier", "today"})  # "reported earlier", "earlier in the day"
# "cited the ministry as saying on Thursday": the speech verb carries the piece's day
_CITED_SPEECH = frozenset({"say", "tell", "report", "announce"})
_AIRED = frozenset({"broadcast", "aired", "showed", "reported"})
# Citing verbs whose passive agent cites ("a video released on Friday by the military
# media center", "footage released by DAESH affiliated news agency Amaq on Saturday") but
# stay out of the citation's span: the day they carry is the footage's, which may date the
# event it shows, and a citation's words are hidden from the events' dates
_SPANLESS_AGENT = frozenset({"release"})
_AFTER_REACH = 5  # words between an outlet and the citing verb written after it
_JOINED_REACH = 9  # ... where another outlet is joined by "and"
_PHRASE_WORDS = 8  # words of a noun phrase between "according to" and its outlet
# media at large, not a named outlet ("local media reported Wednesday"); not social media
_UNNAMED_MEDIA = re.compile(r"(?<!social )(?<!Social )\bmedia\b(?! [A-Z])")
_MEDIA_REACH = 800  # characters before a citation searched for the media's day
_PHOTO_WORDS = frozenset({"photo", "photos", "picture", "pictures", "image", "images", "file"})
# An outlet's staff as its eyes (gold/notes/annotator-L.md 27): "an AFP photographer saw",
# "an AFP journalist in Bab al-Nayrab saw": what they saw is the outlet's report
_STAFF = frozenset({"journalist", "photographer", "correspondent", "reporter", "cameraman",
                    "videographer", "stringer"})
_STAFF_REACH = 6  # words between a staff noun and its verb ("working in Damascus")
_WITNESS = frozenset({"see", "witness", "count", "hear", "watch", "film", "visit", "find"})


@dataclass(frozen=True)
class _Cite:
    start: int  # cleaned offsets of the evidence
    end: int
    outlet: str | None
    title: str | None = None
    author: str | None = None
    date: DateValue | None = None
    kind: str = "parenthetical"


def known_outlets(ctx: DocContext) -> tuple[Outlet, ...]:
    """The outlets the run knows, the document's own profile's first, so that a name two
    profiles spell differently ("AP" in the Syria profile, "Associated Press" in the
    Iraq one) takes the spelling of the profile the article was read with (gold/GUIDE.md:
    the canonical name in the profile's outlets.yaml)."""
    own = tuple(ctx.profile.outlets) if ctx.profile is not None else ()
    names = {o.name for o in own}
    return own + tuple(o for o in ctx.known_outlets if o.name not in names)


@registry.extractors.register(NAME)
def citations(doc: Doc, ctx: DocContext) -> list[Citation]:
    """The publications ``doc`` cites, one per publication, in text order."""
    outlets = Outlets(doc, known_outlets(ctx))
    text = doc.text  # spaCy joins the tokens anew at each call
    refs = references(text, outlets.canonical)
    quoted = scan(text)
    own = own_outlet(ctx, outlets)  # read once: every step below skips the article's own
    in_text = _in_text(doc, text, ctx, outlets, own, refs, quoted)
    merged = _merge(text, [_from_reference(r) for r in refs if not r.op_cit], in_text)
    merged = fold_stand_ins(merged, doc, known_outlets(ctx), outlets.mentions)
    found = [
        Citation(
            ctx.document.id,
            ctx.span(c.start, c.end),
            outlet=c.outlet,
            title=c.title,
            author=c.author,
            date=c.date,
            kind=c.kind,
            extractor=NAME,
        )
        for c in merged
        if c.outlet is not None
    ]
    return _with_wire_credits(found, ctx, outlets, own)


# "KHARTOUM, April 16, 2023 (Reuters) -", "Sat 18 Apr 2020 TRIPOLI (Libya Observer) -": the
# agency in brackets before the dash that opens a story is the story's own outlet
_OWN_DATELINE = re.compile(r"\((?P<name>[A-Z][\w.&'-]*(?: [A-Z(][\w.&'()-]*){0,3})\) ?[-–—] ")
_DATELINE_CHARS = 200  # how far into the body the opening dateline may end


def own_outlet(ctx: DocContext, outlets: Outlets) -> str | None:
    """The article's own outlet (gold/GUIDE.md: the outlet naming itself is no citation):
    the one its metadata names, else the agency its opening dateline credits, so that
    "witnesses told Radio Dabanga" in a story datelined "(Radio Dabanga) -" cites no one
    even where no header or source column said who published it; else, under a dateline
    of the outlet's own reporter that credits no agency ("May 12, 2023 (KHARTOUM) -",
    "EL GENEINA (14 June 2023) -", "ERBIL, Kurdistan Region -"), the outlet its sources
    talked to ("a military source told Sudan Tribune"): the reporter's own paper."""
    document = ctx.document
    if document.outlet is not None:
        return document.outlet
    start = document.body.start if document.body is not None else 0
    m = _OWN_DATELINE.search(document.text, start, start + _DATELINE_CHARS)
    if m is not None:
        name = m.group("name")
        canonical = outlets.canonical(name)
        if canonical is not None or not name.isupper():
            return canonical or name
    text = document.text
    if not any(_place_words(m.group(0)) and _DATE_PREFIX.fullmatch(
                   text[max(start, text.rfind("\n", start, m.start()) + 1):m.start()].strip())
               for m in _STAFF_DATELINE.finditer(text, start, start + _DATELINE_CHARS)):
        return None
    return _told(outlets)


# What may stand before a reporter's dateline at a line's start: nothing, or the date
# ("May 12, 2023 (KHARTOUM) - ", "Wed 12 Feb 2025 EL FASHER - "); a bracketed acronym later
# in the lead ("The Syrian Democratic Forces (SDF) - backed by ...") is no dateline
# (and a short capital article the place name opens with, which the dateline pattern's
# three letters leave out: "EL GENEINA (14 June 2023) - ")
_DATE_PREFIX = re.compile(r"(?:(?:[A-Z][a-z]{2,8}\.?,? )?"
                          r"(?:[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.?,? \d{4}))?"
                          r"(?:\s*[A-Z]{1,2})?")


# Capitals before a dash that label a story, not a place: "UPDATE - ", "EXCLUSIVE - "
_NEWS_LABELS = frozenset({"UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "ANALYSIS", "LIVE",
                          "WATCH", "CORRECTED", "REFILE", "NEWS", "FACTBOX", "EXPLAINER",
                          "OPINION", "VIDEO", "PHOTOS"})


def _place_words(dateline: str) -> bool:
    """Whether a matched dateline holds a word that may name a place, not only labels."""
    words = re.findall(r"[A-Z][A-Z'-]{2,}", dateline)
    return any(w not in _NEWS_LABELS for w in words)


# A reporter's dateline, a place in capitals and no agency: "ERBIL, Kurdistan Region - ",
# "EL FASHER / ZAMZAM - ", "TAWILA (23 September 2024) - ", "May 12, 2023 (KHARTOUM) - "
_STAFF_DATELINE = re.compile(
    r"(?:\b[A-Z][A-Z'-]{2,}(?: [A-Z][A-Z'-]+)*(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)*)?"
    r"(?: / [A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+)*)?(?: \([\w ,]{4,30}\))?"
    r"|\([A-Z][A-Z'-]{2,}(?: [A-Z][A-Z'-]+)*\)) [-–—] ")
_TOLD = re.compile(r"\btold (?:the )?\Z")


# International wires credit their own stories in the dateline ("ALEPPO (Reuters) -"), so a
# reporter's dateline without one is no wire's, and a source who "told Reuters" there is cited.
_WIRES = frozenset({"Reuters", "AFP", "AP", "Associated Press", "Anadolu Agency", "Xinhua",
                    "dpa"})


def _told(outlets: Outlets) -> str | None:
    """The first outlet, no international wire, someone "told" in the text, as the profile
    names it."""
    text = outlets.doc.text
    for m in outlets.mentions:
        if _TOLD.search(text, max(0, m.start - 10), m.start):
            name = outlets.canonical(m.name) or m.name
            if name not in _WIRES:
                return name
    return None


_WORD = re.compile(r"[\w.'&-]+")
MAX_OUTLET_WORDS = 4


def _outlet_names(line: str, outlets: Outlets) -> list[tuple[int, int, str]]:
    """Known outlets named in a header line ("... Monitor AFP Friday 22 Jul 2016"), longest
    name first at each word, in line order."""
    words = list(_WORD.finditer(line))
    found = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_OUTLET_WORDS, len(words) - i), 0, -1):
            first, last = words[i], words[i + n - 1]
            name = outlets.canonical(line[first.start() : last.end()])
            if name is not None:
                found.append((first.start(), last.end(), name))
                i += n - 1
                break
        i += 1
    return found


def _with_wire_credits(found: list[Citation], ctx: DocContext, outlets: Outlets,
                       own: str | None) -> list[Citation]:
    """Add the agency a republished wire story credits in its header (gold/GUIDE.md:
    "an agency credited in a republished wire story's date line is a citation dated by
    the line"). The header is what cleaning set aside before the body; a citation of the
    same outlet in the body ("told AFP") is the same one and takes the line's date."""
    document = ctx.document
    generic = stand_ins(known_outlets(ctx))  # a header's "state media" credits no story
    found = _with_credit_lines(found, ctx, outlets, own)
    if document.body is None:
        return found
    for removed in document.removed:
        if removed.start > document.body.start or removed.start < (
                document.title_span.end if document.title_span else 0):
            continue  # only the header: the lines before the body, or its opening dateline
        line = document.text[removed.start : removed.end]
        for start, end, name in _outlet_names(line, outlets):
            if name == own or name in generic:
                continue
            same = next((c for c in found if c.outlet == name), None)
            if same is not None:
                if same.date is None:
                    found[found.index(same)] = replace(same, date=document.published)
            else:
                span = Span(document.id, removed.start + start, removed.start + end)
                found.append(Citation(document.id, span, outlet=name, title=None,
                                      author=None, date=document.published, kind="credit",
                                      extractor=NAME))
            break
    return sorted(found, key=lambda c: c.span.start)


_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)(?:day)?"
_MONTH = r"[A-Z][a-z]{2,8}\.?"
# "… AFP Saturday 17 Aug 2013 Al-Qaeda loyalists …", "Monitor AFP A barrage …" (after a
# dateline), "Afp - The death toll …": an agency credited in a republished story's head.
_CREDIT_DATE = re.compile(
    rf"(?<![\w-])(?P<name>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){{0,2}}) {_WEEKDAY},? "
    rf"(?:\d{{1,2}} {_MONTH}|{_MONTH} \d{{1,2}}),? \d{{4}}\b"
)
# "BEIRUT, Aug. 21 (Reuters) -", "BEIRUT August 21 (The Associated Press)": a wire
# dateline, the city in capitals, the agency in brackets
_CREDIT_PAREN = re.compile(
    rf"\b[A-Z]{{3,}}(?:[ -][A-Z]{{2,}}){{0,2}},?(?: (?:{_MONTH} \d{{1,2}}|\d{{1,2}} {_MONTH}),?)?"
    rf" \((?P<name>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){{0,3}})\)"
)
# "… gathered in Deir Ezzor province. (MNA) - SANA's correspondent …", "(presstv) - ": an
# agency in brackets opening the story after the lead that the republisher wrote
_CREDIT_BRACKET = re.compile(r"(?<=[.!?] )\((?P<name>[A-Za-z][\w.&-]*(?: [A-Z][\w.&-]*){0,2})\)"
                             r" ?[-–—] ")
_CREDIT_DASH = re.compile(r"(?<![\w-])(?P<name>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2}) [-–—] ")
# "… on Thursday. REUTERS- Nusra Front severed …": an agency in capitals, its dash attached
_CREDIT_CAPS = re.compile(r"(?<![\w-])(?P<name>[A-Z]{2,}(?: [A-Z]{2,}){0,2})[-–—]+ ")
# "… lifting of sieges.-AFP", "--Reuters", "REUTERS-" closing the story
_SIGN_OFF = re.compile(r"(?:[-–—]+ ?(?P<a>[A-Za-z][\w.&-]*(?: [A-Z][\w.&-]*){0,2})"
                       r"|(?P<b>[A-Z][A-Za-z.&]+) ?[-–—]+)\s*\Z")
_HEAD_CHARS = 400  # how far into the article a wire credit's date line may stand
# "… on the ground. Source AFP Related News …", "(Source: Syrian Coalition + Smart News)",
# "(With Reuters)": the agencies a story credits as its sources, in a line of their own
# after a sentence or in brackets ("With" only in brackets: ". With Syria's army …" is prose)
_SOURCE_LINE = re.compile(r"(?:(?<=[.!?\]\)]\s)|(?<=\A))Sources?:?\s+"
                          r"|\((?:Sources?:?|With)\s+")
_SOURCE_SEPARATOR = re.compile(r"\s*(?:\+|,|&|\band\b)\s*")
# A picture's caption ends in its day ("… Azaz city, Syria October 11 2016. Source
# Reuters"): the agency credited after it took the photo (photo credits are not citations)
_CAPTION_END = re.compile(rf"(?:\d{{1,2}},? \d{{4}}|{_MONTH} \d{{4}})[.)]?\s*\Z")


def _with_credit_lines(found: list[Citation], ctx: DocContext, outlets: Outlets,
                       own: str | None) -> list[Citation]:
    """Wire credits written in the article's own text (FA-KES keeps the header in the
    body): "AFP Saturday 17 Aug 2013", "BEIRUT, Aug. 21 (Reuters)", "Afp - " or "REUTERS- " at
    the head,
    "-AFP" or "--Reuters" at
    the end. Each is the agency's citation, dated by its line, else by the publication
    date; an in-text
    citation of the same agency ("told AFP") is the same one and takes that date."""
    document = ctx.document
    text = document.text
    body = document.body
    start, end = (body.start, body.end) if body is not None else (0, len(text))
    head = text[start : start + _HEAD_CHARS]
    credits: list[tuple[int, int, str, DateValue | None]] = []
    # a bracketed dateline is the article's own ("BEIRUT (Reuters) -" in a Reuters story)
    # unless the article is known to come from another outlet that republished it
    patterns = (_CREDIT_DATE, _CREDIT_PAREN, _CREDIT_BRACKET, _CREDIT_DASH, _CREDIT_CAPS) \
        if document.outlet else (_CREDIT_DATE, _CREDIT_DASH, _CREDIT_CAPS)
    for pattern in patterns:
        for m in pattern.finditer(head):
            name = _credited(m.group("name"), outlets)
            if name is not None:
                # the date after the name, or before it in a bracketed dateline
                line = m.group(0)[m.end("name") - m.start() :] if pattern is not _CREDIT_PAREN \
                    else m.group(0)[: m.start("name") - m.start()]
                dates = find_dates(line, document.published, fallback_anchor=False)
                date = dates[0][2] if dates else document.published
                credits.append((start + m.start("name") + name[0], start + m.end("name"),
                                name[1], date))
                break
    after_title = _after_title(document, outlets, start, head)
    if after_title is not None:
        credits.append(after_title)
    credits += _source_lines(text, start, end, outlets,
                             document.published or _head_day(head, document.published))
    tail_from = max(start, end - 60)
    m = _SIGN_OFF.search(text[tail_from:end].rstrip())
    if m is not None:
        group = "a" if m.group("a") else "b"
        name = _credited(m.group(group), outlets)
        if name is not None:
            credits.append((tail_from + m.start(group) + name[0], tail_from + m.end(group),
                            name[1], document.published))
    out = list(found)
    generic = stand_ins(known_outlets(ctx))
    for cstart, cend, name, date in credits:
        if name == own or name in generic:
            continue
        same = next((c for c in out if c.outlet == name), None)
        if same is not None:
            if same.date is None:
                out[out.index(same)] = replace(same, date=date)
            continue
        out.append(Citation(document.id, Span(document.id, cstart, cend), outlet=name,
                            title=None, author=None, date=date, kind="credit",
                            extractor=NAME))
    return sorted(out, key=lambda c: c.span.start)


def _after_title(document: Document, outlets: Outlets, start: int, head: str
                 ) -> tuple[int, int, str, DateValue | None] | None:
    """The agency written right after the headline that a republished story repeats under its
    date line ("Saturday 27 Aug 2016 Barrel bombs kill … Monitor AFP At least 15 …", "…
    in northern Syria AP Syria's state TV …"): the wire credit of Al-Ahram's copy, dated by
    that line. Only after a date, so that a body that merely opens on its headline and then
    on an outlet's name ("… SANA reported") is not read as one."""
    title = (document.title or "").strip()
    at = head.find(title) if len(title.split()) > 2 else -1
    if at <= 0:
        return None
    dates = find_dates(head[:at], document.published, fallback_anchor=False)
    days = [d for _, _, d in dates if d.precision == "day"]
    if not days:
        return None
    after = at + len(title)
    words = head[after:].lstrip(" ")
    found = _leading_outlet(words, outlets)
    if found is None:
        return None
    begin = start + after + len(head[after:]) - len(words)
    return begin, begin + found[0], found[1], days[-1]


def _source_lines(text: str, start: int, end: int, outlets: Outlets,
                  published: DateValue | None) -> list[tuple[int, int, str, DateValue | None]]:
    """The agencies a "Source AFP", "(Source: Syrian Coalition + Smart News)" or "(With
    Reuters)" line credits (gold/GUIDE.md: an agency credited in a republished wire story
    is a citation), each the known outlet that the words after the line's opening, or
    after a "+", "," or "and" in it, begin with; dated by the publication."""
    out = []
    for m in _SOURCE_LINE.finditer(text, start, end):
        if _CAPTION_END.search(text, max(start, m.start() - 40), m.start()):
            continue
        at = m.end()
        close = text.find(")", at, min(end, at + 80)) if m.group().startswith("(") else -1
        if close != -1:  # in brackets: every outlet listed ("Syrian Coalition + Smart News")
            segment = text[at:close]
            cuts = [(0, 0), *((s.start(), s.end()) for s in _SOURCE_SEPARATOR.finditer(segment)),
                    (len(segment), len(segment))]
            for (_, lo), (hi, _) in zip(cuts, cuts[1:], strict=False):
                name = outlets.canonical(segment[lo:hi].rstrip(". "))
                if name is not None:
                    out.append((at + lo, at + hi, name, published))
            continue
        found = _leading_outlet(text[at : min(end, at + 60)], outlets)
        if found is not None:
            out.append((at, at + found[0], found[1], published))
    return out


def _head_day(head: str, published: DateValue | None) -> DateValue | None:
    """The first full day written at the head of an article whose publication date was not
    read ("Print this page Tuesday 19 July 2016 16:45 …"): the day its credits date from."""
    days = [d for _, _, d in find_dates(head, published, fallback_anchor=False)
            if d.precision == "day"]
    return days[0] if days else None


def _leading_outlet(words: str, outlets: Outlets) -> tuple[int, str] | None:
    """The known outlet the first words of ``words`` name, longest first, as (length, name)."""
    found = list(_WORD.finditer(words))[:MAX_OUTLET_WORDS]
    for k in range(len(found), 0, -1):
        end = found[k - 1].end()
        name = outlets.canonical(words[:end].rstrip(".")) or (
            outlets.canonical(words[:end].upper()) if k == 1 else None)
        if name is not None:
            return len(words[:end].rstrip(".")), name
    return None


def _credited(words: str, outlets: Outlets) -> tuple[int, str] | None:
    """The known outlet that ends ``words`` ("Monitor AFP" -> AFP), written in capitals or
    as the profile writes it, with its offset in ``words``."""
    parts = words.split(" ")
    for k in range(len(parts)):
        tail = " ".join(parts[k:])
        name = outlets.canonical(tail) or outlets.canonical(tail.upper())
        if name is not None:
            return len(" ".join(parts[:k])) + (1 if k else 0), name
    return None


def _from_reference(r: Reference) -> _Cite:
    return _Cite(r.start, r.end, r.outlet, r.title, r.author, r.date)


def _in_text(
    doc: Doc,
    text: str,
    ctx: DocContext,
    outlets: Outlets,
    own: str | None,
    refs: list[Reference],
    quoted: list[Quoted],
) -> list[_Cite]:
    """Outlets tied to the text by a citing word (module docstring), outside quotes and refs.

    The article's own outlet is skipped: "told Reuters" in a Reuters story cites no one.
    """
    in_refs = [(r.start, r.end) for r in refs]
    in_quotes = [(q.start, q.end) for q in quoted if q.depth == 0]
    opening = {q.open: q for q in quoted if q.depth == 0}
    bounds = sentence_bounds(doc)
    phrases: list[tuple[Token, OutletMention, int, int]] = []
    known = [(m.start, m.end) for m in outlets.mentions if outlets.canonical(m.name)]
    for m in outlets.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if outlets.canonical(m.name) is None and any(
            m.start < e and s < m.end for s, e in known
        ):
            continue  # "Syria Al Mayadeen TV": a name read around a known outlet's
        if span is not None:
            phrases.append((span.root, m, span.start, span.end))
    bodies = _profile_bodies(ctx)
    phrases = [p for p in phrases if not _describes_named(text, p[1], outlets.mentions)
               and (outlets.canonical(p[1].name) is not None or _folded(p[1].name) not in bodies)]
    for t in doc:
        m = outlets.referred(t)
        if m is not None and not _credit_line(text, m):
            phrases.append((t, m, t.i, t.i + 1))
    out = []
    for root, m, first, last in sorted(phrases, key=lambda p: p[2]):
        pos = doc[first].idx
        if within(in_refs, pos) or within(in_quotes, pos) or m.name == own:
            continue
        if _photo_credit(doc, first, last) or _tweet_embed(text, m):
            continue
        noun = _outlet_noun_before(doc, first)
        cue = (_citing_word(root, bounds) or _verb_after(doc, last)
               or _according_before(doc, first) or _staff_verb(doc, last)
               or (_citing_word(noun, bounds) if noun is not None else None))
        if cue is None or _name_word(cue, bounds):
            continue
        while first > 0 and doc[first - 1].text in "*_":
            first -= 1  # "the *Los Angeles Times*"
        if first > 0 and doc[first - 1].lower_ == "the":
            first -= 1
        title, title_end = _title(doc, text, last, opening, bounds)
        tokens = [doc[first], doc[last - 1]] + ([] if _spanless(cue, first) else [cue])
        start = min(t.idx for t in tokens)
        end = max(title_end, *(t.idx + len(t) for t in tokens))
        date, date_end = _date_after(text, end, ctx)
        if date is None:
            date = (_date_between(doc, last, cue, ctx) or _cue_date(cue, ctx)
                    or _media_day(text, start, ctx))
        out.append(_Cite(start, max(end, date_end), m.name, title, None, date, "in_text"))
    return out


def _profile_bodies(ctx: DocContext) -> frozenset[str]:
    """The names of the profile's actors: an organisation named like an outlet ("the Sudan
    Doctors Network said") is a body that speaks, not a publication (gold/GUIDE.md)."""
    if ctx.profile is None:
        return frozenset()
    return frozenset(_folded(n) for a in ctx.profile.actors
                     for n in (a.canonical, *(x.text for x in a.aliases)))


def _folded(name: str) -> str:
    return " ".join(name.split()).casefold().removeprefix("the ")


def _describes_named(text: str, m: OutletMention, mentions: list[OutletMention]) -> bool:
    """Whether a profile name written in lower case ("state television") only describes
    the outlet named right before it: "Russia's Rossiya 24 state television channel" is
    Rossiya 24, not Syrian state television."""
    if not text[m.start : m.start + 1].islower():
        return False
    return any(o.end <= m.start and not text[o.end : m.start].strip() for o in mentions
               if o is not m)


def _outlet_noun_before(doc: Doc, first: int) -> Token | None:
    """The word for an outlet written right before its name ("told Swedish broadcaster
    SVT"), which heads the phrase where the parse hangs the name on the verb instead."""
    word = doc[first - 1] if first > 0 else None
    return word if word is not None and word.text.islower() and (
        word.lower_ in citation_cues()["noun"]) else None


def _citing_word(root: Token, bounds: Bounds) -> Token | None:
    """The word that makes an outlet phrase a source (module docstring), or ``None``."""
    cues = citation_cues()
    node = root
    while node.dep_ in _NAME_CHAIN and node.head.i != node.i:
        node = node.head  # "Foreign Policy magazine", "Qatar's Al Jazeera mouthpiece"
    head = node.head
    if node.i != root.i and node.lemma_.lower() in cues["piece"]:
        return node  # "Foreign Policy's report"
    if node.dep_ == "nsubj":
        if head.lemma_.lower() in cues["verb"] or _before_quote_colon(head, bounds):
            return head
        if node.lemma_.lower() in _STAFF and head.lemma_.lower() in _WITNESS:
            return head  # "an AFP photographer saw"
        # "SANA did not give a toll but said …": a citing verb joined to the outlet's own
        return next((c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"
                     and c.lemma_.lower() in cues["verb"]
                     and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)
    if node.dep_ in ("dobj", "dative") and head.lemma_.lower() in cues["contact"]:
        return head  # "told the magazine"
    if node.dep_ != "pobj":
        return None
    governor = head.head
    if head.lower_ == "via":
        return head  # "claimed responsibility via its news arm Amaq"
    if head.lower_ == "to" and governor.lower_ == "according":
        return governor
    if head.lower_ in ("to", "on") and governor.pos_ == "VERB" and governor.lemma_.lower() in (
            cues["verb"]):
        # "he added in an email to AFP", the parse hanging "to" on "added"; "was quoted as
        # saying on state media", "said on state television": the medium the words went out on
        return governor
    if head.dep_ == "agent" and governor.lemma_.lower() in cues["verb"]:
        return governor  # "reported by the New York Times"
    if head.lower_ == "by" and governor.dep_ == "pcomp" and governor.head.lower_ == "as" \
            and governor.head.head.lemma_.lower() in cues["verb"]:
        return governor.head.head  # "was quoted as saying by Interfax news agency"
    if governor.lemma_.lower() in cues["contact"] | cues["piece"]:
        return governor  # "spoke with Monocle 24", "an article in Foreign Policy"
    return None


def _spanless(cue: Token, first: int) -> bool:
    """Whether the citing verb is a release written before its agent outlet, kept out of
    the citation's span (``_SPANLESS_AGENT``)."""
    return cue.i < first and cue.lemma_.lower() in _SPANLESS_AGENT


def _verb_after(doc: Doc, end: int) -> Token | None:
    """A citing verb written right after the outlet, whatever the parse made of it.

    After a long quotation the parser often loses the clause "…,” the *Los Angeles
    Times* wrote" (gold 002), attaching the outlet to a noun inside the quotation. Two
    outlets joined by "and" share the verb ("state television and official news agency
    SANA said", the parse lost in the run-on text): the second must be named with an
    outlet word ("and the Observatory said" is a body's word, not an outlet's).
    """
    nouns = citation_cues()["noun"] | _MEDIA_WORDS
    # "SANA regime news agency reported": other nouns before an outlet's; an outlet named
    # with its own outlet word is described already ("Syrian television broadcast footage")
    described = end > 0 and doc[end - 1].lower_ in nouns
    other = False  # ... but not "Reuters witnesses said": those nouns need an outlet word
    joined: bool | None = None  # after "and": whether an outlet word has followed it
    for t in doc[end : end + _JOINED_REACH]:
        if joined is None and t.i >= end + _AFTER_REACH:
            return None
        if (t.pos_ == "VERB" and t.lemma_.lower() in citation_cues()["verb"]
                or _misspelt(t.lower_, _REPORTED)):
            return t if (described or not other) and joined is not False else None
        if described and t.lower_ in _AIRED and joined is None:
            return t  # "Al-Iraqiya television broadcast footage", "broadcast" read as a noun
        if t.lower_ in nouns:
            described = True
            joined = joined if joined is None else True
        elif t.lower_ == "and" and joined is None:
            joined = False
        elif joined is not None and (t.pos_ in ("ADJ", "DET") or t.pos_ == "PROPN" and joined):
            continue  # "and official news agency SANA"
        elif t.pos_ in ("NOUN", "ADJ") and not described:
            other = True
        elif not t.is_punct:
            return None  # only outlet words after "… Al Mayadeen TV channel"
    return None


def _staff_verb(doc: Doc, end: int) -> Token | None:
    """The verb of an outlet's staff written right after the outlet, whatever the parse made
    of it: "a Ria Novosti correspondent working in Damascus said" after a photo caption the
    parser ran into the sentence. Only the first finite verb of the clause counts ("an AFP
    photographer was wounded" cites no one), and punctuation ends the search."""
    if end >= len(doc) or doc[end].lemma_.lower() not in _STAFF:
        return None
    cues = citation_cues()["verb"] | _WITNESS
    for t in doc[end + 1 : end + 1 + _STAFF_REACH]:
        if t.is_punct:
            return None
        if t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.pos_ == "AUX":
            return t if t.pos_ == "VERB" and t.lemma_.lower() in cues else None
    return None


def _according_before(doc: Doc, first: int) -> Token | None:
    """"According to" written before the noun phrase that ends in the outlet, whatever the
    parse made of it: "according to Hezbollah's official television station Al-Manar"."""
    i = first - 1
    while i > 0 and first - i <= _PHRASE_WORDS and doc[i].lower_ != "to" and (
            doc[i].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PART") or doc[i].tag_ == "HYPH"):
        i -= 1
    if i > 0 and doc[i].lower_ == "to" and _according(doc[i - 1].lower_):
        return doc[i - 1]
    return None


# FA-KES copy drops letters of its citing words and runs them into the word before ("the
# bulletin said Sputnik eported", "a day earlieracording to Daily Mail"): a form with one
# letter lost counts; one letter changed or added makes other words ("deported", "reporter")
_REPORTED = ("reported",)
_ACCORDING = "according"


def _misspelt(word: str, forms: tuple[str, ...]) -> bool:
    """Whether ``word`` is one of ``forms`` with one letter lost."""
    return any(len(word) == len(form) - 1
               and Levenshtein.distance(word, form, score_cutoff=1) <= 1 for form in forms)


def _according(word: str) -> bool:
    """"according", misspelt by a letter or run into the word before it ("earlieracording")."""
    return word == _ACCORDING or _misspelt(word, (_ACCORDING,)) or any(
        word.endswith(form) for form in (_ACCORDING, "acording"))


def _name_word(cue: Token, bounds: Bounds) -> bool:
    """A citing word written with a capital inside a sentence is part of a name: the
    photographer of "REUTERS Rodi Said", not a verb."""
    return cue.text[:1].isupper() and cue.i != bounds[cue.i][0] and cue.lower_ != "according"


def _credit_line(text: str, m: OutletMention) -> bool:
    """Whether an outlet is named in a photo credit ("AP Photo Pavel Golovkin"): "the media
    outlet" later in the text does not stand for it."""
    after = text[m.end : m.end + 8].lstrip(" (/").casefold()
    before = text[max(0, m.start - 8) : m.start].rstrip(" (/").casefold()
    return after.startswith(tuple(_PHOTO_WORDS)) or before.endswith(tuple(_PHOTO_WORDS))


def _photo_credit(doc: Doc, first: int, last: int) -> bool:
    """An outlet credited for a picture ("(Photo AFP)", "AP Photo") is no source of the text
    (gold/GUIDE.md: photo credits are not citations)."""
    near = [doc[j] for j in (first - 1, last) if 0 <= j < len(doc)]
    return any(t.lower_ in _PHOTO_WORDS for t in near)


_TWEET_LINK = "pic.twitter.com"
_TWEET_REACH = 4  # characters between the last word of a tweet and its picture link


def _tweet_embed(text: str, m: OutletMention) -> bool:
    """Whether an outlet is named as the last word of an embedded tweet ("Bab Tadmor Homs
    - SANA pic.twitter.com… Hassan Ridha (sayedridha) September 5 2016"): a tweet's credit
    is no citation (gold/GUIDE.md: tweets are not citations), whatever verb the run-on
    text puts after it."""
    return text[m.end : m.end + _TWEET_REACH + len(_TWEET_LINK)].lstrip().startswith(
        _TWEET_LINK)


def _cue_date(cue: Token, ctx: DocContext) -> DateValue | None:
    """The day a citing verb gives ("reported on Sunday" with words between, "said
    Thursday"), or the publication day for "reported earlier", "earlier in the day"."""
    published = ctx.document.published
    following = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    if following is not None and following.lower_ in _TODAY:
        return published
    for child in cue.children:
        if child.dep_ == "advmod" and child.lower_ in _TODAY:
            return published
        day = _piece_day(child, published)
        if day is not None:
            return day
        if (child.dep_ == "prep" and child.lower_ == "on"
                or child.dep_ == "npadvmod" and child.ent_type_ == "DATE"):
            phrase = " ".join(t.text for t in child.subtree)
            found = find_dates(phrase, published, fallback_anchor=False)
            if found:
                return found[0][2]
        speech = [child] + [g for g in child.children if child.lower_ == "as"
                            and g.dep_ == "pcomp"]
        for verb in speech:
            if verb.dep_ in ("advcl", "xcomp", "pcomp") and verb.lemma_.lower() in _CITED_SPEECH:
                # "cited the ministry as saying on Thursday": the day the piece gave it
                date = _cue_date(verb, ctx)
                if date is not None:
                    return date
    return None


_BETWEEN_WORDS = 4  # words between an outlet and its verb that may be its day


def _date_between(doc: Doc, last: int, cue: Token, ctx: DocContext) -> DateValue | None:
    """The day written between the outlet and the verb after it ("SANA on Saturday
    reported"), which the parse may hang on the outlet rather than on the verb."""
    between = doc[last : cue.i]
    if not 0 < len(between) <= _BETWEEN_WORDS or any(t.is_punct for t in between):
        return None
    found = find_dates(between.text, ctx.document.published, fallback_anchor=False)
    return found[0][2] if found else None


def _piece_day(prep: Token, published: DateValue | None) -> DateValue | None:
    """The day of the piece a citing verb was said in: "In a Friday statement … state media
    said", "said in a Sunday broadcast"; only a day ("in a 2015 report" dates no day)."""
    if prep.dep_ != "prep" or prep.lower_ != "in":
        return None
    for piece in prep.children:
        if piece.dep_ != "pobj":
            continue
        for word in piece.lefts:
            if word.ent_type_ == "DATE" and word.dep_ in ("compound", "amod", "nmod"):
                found = find_dates(word.text, published, fallback_anchor=False)
                if found and found[0][2].precision == "day":
                    return found[0][2]
    return None


def _media_day(text: str, pos: int, ctx: DocContext) -> DateValue | None:
    """The day given a little before to the media at large ("… local media reported
    Wednesday. … SANA news agency reported"; "he was speaking in a series of interviews
    with media on Friday. … in an interview with al-Mayadeen"): the outlet then named is
    one of those media, on that day."""
    published = ctx.document.published
    if published is None:
        return None
    date = None
    for m in _UNNAMED_MEDIA.finditer(text, max(0, pos - _MEDIA_REACH), pos):
        clause = re.split(r"[.;!?]", text[m.end() : m.end() + _DATE_WINDOW])[0]
        found = find_dates(clause, published, fallback_anchor=False)
        if found and found[0][0] <= _DATE_REACH + len("reported "):
            date = found[0][2]
    return date


def _before_quote_colon(verb: Token, bounds: Bounds) -> bool:
    """Whether ``verb``'s sentence ends in a colon that opens a quotation."""
    doc = verb.doc
    end = bounds[verb.i][1]
    if doc[end - 1].text != ":":
        return False
    after = next((t for t in doc[end : end + 3] if not t.is_space), None)
    return after is not None and after.is_quote


def _title(
    doc: Doc, text: str, last: int, opening: dict[int, Quoted], bounds: Bounds
) -> tuple[str | None, int]:
    """A title named with the outlet, and where it ends (-1 without one).

    Three forms: a quotation right after the outlet ("CBS “Face the Nation”"), a
    possessed name ("Monocle 24’s The Globalist"), or a quotation after a title word
    in the same sentence ("under the headline ‘…’").
    """
    after = doc[last - 1].idx + len(doc[last - 1]) if last > 0 else 0
    q = opening.get(after) or opening.get(after + 1)
    if q is not None and _title_sized(text[q.start : q.end]):
        return text[q.start : q.end].strip(" ,."), q.close + 1
    if last < len(doc) and doc[last].tag_ == "POS":
        words = []
        for t in doc[last + 1 : last + 6]:
            if not (t.tag_ in ("NNP", "NNPS", "CD") or t.lower_ == "the" and not words):
                break
            words.append(t)
        if words and words[-1].tag_ != "DT":
            return doc[words[0].i : words[-1].i + 1].text, words[-1].idx + len(words[-1])
    titles = citation_cues()["title"]
    for t in doc[slice(*bounds[last - 1])]:
        end = t.idx + len(t)
        q = opening.get(end + 1) or opening.get(end + 2) if t.lower_ in titles else None
        if q is not None:
            return text[q.start : q.end], q.close + 1
    return None, -1


def _title_sized(text: str) -> bool:
    """A programme's or paper's name, not the words someone "told the Associated Press"."""
    return len(text.split()) <= _TITLE_WORDS and not text.rstrip().endswith((".", "?", "!"))


def _date_after(text: str, pos: int, ctx: DocContext) -> tuple[DateValue | None, int]:
    """A date written right after a citing phrase ("wrote on Sunday"), and where it ends."""
    window = re.split(r"[,.;:()\n]", text[pos : pos + _DATE_WINDOW], maxsplit=1)[0]
    for start, end, value in find_dates(window, ctx.document.published, fallback_anchor=False):
        if start <= _DATE_REACH:
            return value, pos + end
        break
    return None, -1


def _merge(text: str, parens: list[_Cite], in_text: list[_Cite]) -> list[_Cite]:
    """One citation per publication (module docstring)."""
    breaks = [m.start() for m in _PARAGRAPH.finditer(text)]

    def para(pos: int) -> int:
        return bisect_right(breaks, pos)

    parens_of: dict[str | None, list[_Cite]] = {}  # kept parentheticals by outlet
    for p in _fill_outlets(parens, in_text, para):
        same_outlet = parens_of.setdefault(p.outlet, [])
        if not any(_same_piece(p, k) for k in same_outlet):
            same_outlet.append(p)
    text_of: dict[str | None, list[_Cite]] = {}  # kept in-text citations by outlet
    for c in in_text:
        ps = parens_of.get(c.outlet, [])
        near = any(
            -1 <= para(p.start) - para(c.start) <= _NEAR_PARAGRAPHS or _same_title(p, c)
            for p in ps
        )
        # a later undated mention ("the *Times* noted") is the piece already cited
        again = any(
            k.start <= c.start and (c.date is None or _same_days(c.date, k.date))
            for k in ps + text_of.get(c.outlet, [])
        )
        if not near and not again:
            text_of.setdefault(c.outlet, []).append(c)
    kept = [c for group in (*parens_of.values(), *text_of.values()) for c in group]
    return sorted(kept, key=lambda c: c.start)


def _same_days(a: DateValue, b: DateValue | None) -> bool:
    """The same days, however each was found (a dateline, a weekday)."""
    return b is not None and (a.start, a.end) == (b.start, b.end)


def _fill_outlets(parens: list[_Cite], in_text: list[_Cite], para) -> list[_Cite]:
    """A parenthetical without an outlet takes the one of the attribution just before it."""
    out = []
    for p in parens:
        if p.outlet is None:
            before = [
                c
                for c in in_text
                if c.start < p.start and para(p.start) - para(c.start) <= _NEAR_PARAGRAPHS
            ]
            if before:
                p = replace(p, outlet=before[-1].outlet)
        out.append(p)
    return out


def _same_piece(a: _Cite, b: _Cite) -> bool:
    return a.outlet == b.outlet and a.date == b.date and _same_title(a, b)


def _same_title(a: _Cite, b: _Cite) -> bool:
    if not (a.title and b.title):
        return False
    return fuzz.ratio(_plain(a.title), _plain(b.title)) >= _SAME_TITLE


def _plain(title: str) -> str:
    return re.sub(r"[^\w ]", "", title.casefold())
