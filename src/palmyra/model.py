"""Core types shared by every stage of the pipeline.

They are plain dataclasses so that a ``DocumentFacts`` can cross a process
boundary (multiprocessing, Ray) by pickling, and be turned into JSON with
``to_dict`` for the store and the exports. Every fact carries at least one
``Span`` into the document's *original* text: the text exactly as it was read
(decoded file text, or the text a reader extracted from HTML or a CSV cell),
never the cleaned text the NLP stages see.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Literal

DatePrecision = Literal["day", "week", "month", "season", "year"]
Register = Literal["neutral", "favourable", "hostile"]
MentionKind = Literal["actor", "person", "place", "date", "number"]
Modality = Literal["asserted", "attributed", "denied", "planned", "hypothetical"]

# The event types of armed violence (the rest are protests, riots and strategic developments)
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# ACLED's event types, in the codebook's order (sub-types: shared/gold/SCHEMA.md).
EVENT_TYPES: tuple[str, ...] = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)
# The ACLED codebook's 25 sub-event types, each under its event type (the exact strings).
SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
# Modalities that claim the event happened: the ones exported, mapped and scored as events.
REPORTED_MODALITIES: frozenset[str] = frozenset({"asserted", "attributed"})


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into a document's original text."""

    doc_id: str
    start: int
    end: int

    def text(self, original: str) -> str:
        return original[self.start : self.end]


@dataclass(frozen=True)
class SourceRef:
    """Where a document was read from: a file, or one row/record of a file."""

    path: str
    row: str | None = None  # CSV/JSONL id or 1-based row number; WARC record id

    @property
    def name(self) -> str:
        """The reference used in exports: file name, ``FILE#ID`` for a row, a page's URL."""
        if self.path.startswith(("http://", "https://")):
            return self.path
        base = self.path.replace("\\", "/").rsplit("/", 1)[-1]
        return f"{base}#{self.row}" if self.row is not None else base


@dataclass(frozen=True)
class DateValue:
    """A resolved date with its precision.

    ``value`` is ISO at the precision (``2016-03-27``, ``2016-03``, ``2016``);
    for ``week`` it is a day inside that week. ``start``/``end`` bound the
    interval the expression covers (inclusive ISO days). ``rule`` names the
    resolution rule that fired, so a wrong date can be traced to its cause.
    """

    value: str
    precision: DatePrecision
    start: str
    end: str
    rule: str = ""


@dataclass(frozen=True)
class NumberValue:
    """A cardinal or vague quantity with bounds (``None`` = unbounded)."""

    low: float | None
    high: float | None
    unit: str | None = None  # "%" for percentages
    approximate: bool = False


@dataclass(frozen=True)
class PlaceRef:
    """A gazetteer entry a place mention resolved to."""

    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    admin1: str | None
    country: str | None
    feature_code: str | None = None
    # neighbourhood | town | admin2 | admin1 | country | region; "unlisted": a place the
    # text names that no gazetteer lists (its name as written, no coordinates)
    precision: str = "town"


@dataclass(frozen=True)
class ActorRef:
    """A canonical actor (or person) a mention links to, with the naming register."""

    canonical: str
    kind: str  # state_forces | armed_group | government | organisation | person | civilians | ...
    side: str | None = None
    register: Register | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Mention:
    """A name, place, date or number as written, with its resolved value."""

    kind: MentionKind
    text: str
    span: Span
    value: DateValue | NumberValue | PlaceRef | ActorRef | None = None
    rule: str = ""


@dataclass(frozen=True)
class Outlet:
    """A publication known to the profile: how to recognise it in text, URLs and furniture."""

    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    country: str | None = None
    owner: str | None = None
    furniture: tuple[str, ...] = ()  # lines that only this outlet's pages carry
    # a generic name ("state media") that stands for these named outlets where one is cited
    # beside it: the gold codes the pair as one citation of the named outlet
    stands_for: tuple[str, ...] = ()


@dataclass(frozen=True)
class CleanText:
    """Cleaned text built by concatenating kept pieces of the original.

    No character is ever inserted, so every cleaned offset maps to exactly one
    original offset: ``segments`` lists the kept ``(orig_start, orig_end)``
    ranges in order, and ``_starts`` the cleaned offset where each begins.
    """

    text: str
    segments: tuple[tuple[int, int], ...]
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def from_segments(cls, original: str, segments: list[tuple[int, int]]) -> CleanText:
        kept = [(s, e) for s, e in segments if e > s]
        starts, pos = [], 0
        for s, e in kept:
            starts.append(pos)
            pos += e - s
        return cls("".join(original[s:e] for s, e in kept), tuple(kept), tuple(starts))

    def to_original(self, pos: int) -> int:
        """Original offset of the cleaned character at ``pos`` (``len`` maps past the end)."""
        if not self.segments:
            return 0
        i = max(bisect_right(self._starts, pos) - 1, 0)
        return self.segments[i][0] + (pos - self._starts[i])

    def span(self, doc_id: str, start: int, end: int) -> Span:
        """Original span of cleaned ``[start, end)``; the end maps tight to the last character."""
        if end <= start:
            o = self.to_original(start)
            return Span(doc_id, o, o)
        return Span(doc_id, self.to_original(start), self.to_original(end - 1) + 1)


@dataclass
class Document:
    """One article: original text, where it came from, metadata and its regions.

    ``body`` covers the article itself in original offsets; ``comments`` are
    reader comments (kept, never treated as the article's claims);
    ``removed`` are furniture and markup that cleaning dropped from the body.
    """

    id: str
    text: str
    sources: list[SourceRef]
    format: str
    title: str | None = None
    title_span: Span | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: DateValue | None = None
    language: str = "en"
    body: Span | None = None
    comments: list[Span] = field(default_factory=list)
    removed: list[Span] = field(default_factory=list)
    clean: CleanText | None = None

    @property
    def body_end(self) -> int | None:
        """Offset where the body stops, or ``None`` when it runs to the end of the text."""
        if self.body is None or self.body.end >= len(self.text.rstrip()):
            return None
        return self.body.end


@dataclass(frozen=True)
class Event:
    """A conflict event as one document tells it (ACLED types)."""

    doc_id: str
    event_type: str
    sub_event_type: str
    evidence: tuple[Span, ...]
    date: DateValue | None = None
    place: PlaceRef | None = None
    place_text: str | None = None
    # ACLED's geo-precision: 1 the place itself, 2 near or part of it, 3 a province,
    # region or country only; None when the text names no place for the event.
    geo_precision: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    counts: dict[str, NumberValue] = field(default_factory=dict)
    modality: Modality = "asserted"
    asserted_by: str | None = None  # None = the article's own voice
    extractor: str = ""


@dataclass(frozen=True)
class Quote:
    doc_id: str
    span: Span
    text: str
    speaker: str | None
    speaker_span: Span | None = None
    cue_span: Span | None = None
    direct: bool = True
    extractor: str = ""


@dataclass(frozen=True)
class Citation:
    doc_id: str
    span: Span
    outlet: str | None
    title: str | None = None
    author: str | None = None
    date: DateValue | None = None
    kind: str = "parenthetical"  # parenthetical | in_text | op_cit
    extractor: str = ""


@dataclass(frozen=True)
class FrameSignal:
    """A labelled span that shows how an outlet frames something."""

    doc_id: str
    span: Span
    label: str  # scare_quote | loaded_term | naming | propaganda technique name
    actor: str | None = None
    register: Register | None = None
    extractor: str = ""
    side: str | None = None  # the side a loaded term frames (profile side name)
    reason: str | None = None  # why the profile counts the words as loaded


@dataclass
class Technique:
    """A propaganda technique of the SemEval-2020 Task 11 set used by the words of ``span``.

    ``score`` is the classifier's probability for ``label``; ``span_score`` the span
    proposer's mean probability that the words use some technique at all."""

    doc_id: str
    span: Span
    label: str  # one of palmyra.techniques.TECHNIQUES
    score: float
    span_score: float
    extractor: str = ""


@dataclass
class DocumentFacts:
    """Everything the per-document stages produce; the unit the store persists."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    frames: list[FrameSignal] = field(default_factory=list)
    techniques: list[Technique] = field(default_factory=list)
    profile: str | None = None  # the name of the conflict profile that coded these facts


def to_dict(obj: Any) -> Any:
    """JSON-ready form of any core type (drops the private offset index of CleanText)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {}
        for f in dataclasses.fields(obj):
            if f.name.startswith("_"):
                continue
            out[f.name] = to_dict(getattr(obj, f.name))
        return out
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj
