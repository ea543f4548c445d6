"""View models shared by the web pages and the HTML report.

Each builder turns query results into plain data a template draws without logic
of its own, so the server and the report show the same thing. Nothing here
escapes: the templates do (autoescape is on everywhere), and strings from the
articles stay plain strings until then.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from palmyra.model import EVENT_TYPES, REPORTED_MODALITIES, Document
from palmyra.present.marks import Mark, Run, excerpt, runs
from palmyra.present.terminal import describe_value

REPORTED = REPORTED_MODALITIES
COUNT_LABELS = {
    "killed": "Killed",
    "injured": "Injured",
    "displaced": "Displaced",
    "evacuated": "Evacuated",
    "surrendered": "Surrendered",
    "detained": "Detained",
}
FACT_LABELS = {"event": "Events", "quote": "Quotes", "citation": "Citations", "frame": "Framing",
               "technique": "Techniques"}


def type_class(event_type: str | None) -> str:
    """CSS class of an ACLED event type (colours live in the stylesheet only)."""
    if event_type in EVENT_TYPES:
        return f"t{EVENT_TYPES.index(event_type)}"
    return "t6"


def describe_date(date: Mapping[str, Any] | None) -> str:
    if not date or not date.get("value"):
        return "—"
    precision = date.get("precision") or "day"
    return date["value"] if precision == "day" else f"{date['value']} ({precision})"


def describe_place(place: Mapping[str, Any] | None, fallback: str | None = None) -> str:
    if not place:
        return fallback or "—"
    parts = [place.get("name"), place.get("admin1"), place.get("country")]
    return ", ".join(dict.fromkeys(p for p in parts if p)) or fallback or "—"


def _count(number: Mapping[str, Any] | None) -> str:
    if not number:
        return "—"
    low, high = number.get("low"), number.get("high")

    def fmt(x: float) -> str:
        return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"

    if low is not None and high is not None and low != high:
        return f"{fmt(low)}–{fmt(high)}"
    value = low if low is not None else high
    if value is None:
        return "—"
    return ("≥ " if high is None else "") + fmt(value)


# -- document page --------------------------------------------------------------


@dataclass
class Card:
    """One fact in the side list of a document: what it says and where it sits."""

    id: str
    kind: str
    heading: str
    rows: list[tuple[str, str]]
    quote: str
    in_comment: bool = False
    css: str = ""
    cluster: str | None = None


@dataclass
class Piece:
    """A stretch of the main text, or the place where a reader comment was cut out."""

    runs: list[Run] = field(default_factory=list)
    comment: int | None = None


@dataclass
class DocumentView:
    doc: Document
    meta: list[tuple[str, str]]
    pieces: list[Piece]
    comments: list[list[Run]]
    cards: dict[str, list[Card]]
    mention_cards: list[Card]

    @property
    def fact_count(self) -> int:
        return sum(len(c) for c in self.cards.values())


def document_view(
    doc: Document,
    facts: Mapping[str, Sequence[Mapping[str, Any]]],
    mentions: Sequence[Mapping[str, Any]],
    cluster_of: Callable[[str], str],
) -> DocumentView:
    """The original text cut into marked runs, comments apart, and one card per fact.

    Args:
        facts: stored fact dicts by plural kind (``events``, ``quotes``, ``citations``,
            ``frames``, ``techniques``), in ``seq`` order.
        mentions: rows of ``queries.mentions_of``.
        cluster_of: event key ``doc.seq`` -> cluster id (itself when unclustered).
    """
    text = doc.text
    comments = sorted((c.start, c.end) for c in doc.comments)
    marks, cards = _fact_marks(doc, facts, comments, cluster_of)
    mention_cards = []
    for i, m in enumerate(mentions):
        fid = f"mention-{i}"
        marks.append(Mark(m["start"], m["end"], f"m-{m['kind']}", fid))
        mention_cards.append(Card(
            fid, "mention", f"{m['kind']}: {m['text']}",
            [("Resolved", describe_value(m["kind"], m.get("value"))),
             ("Rule", m.get("rule") or "—")],
            "", _inside(m["start"], m["end"], comments),
        ))
    removed = [(r.start, r.end) for r in doc.removed]
    pieces, cursor = [], 0
    for i, (s, e) in enumerate(comments):
        if s > cursor:
            pieces.append(Piece(runs(text, cursor, s, marks, removed)))
        pieces.append(Piece(comment=i + 1))
        cursor = max(cursor, e)
    if cursor < len(text):
        pieces.append(Piece(runs(text, cursor, len(text), marks, removed)))
    meta = [
        ("Outlet", doc.outlet or "—"),
        ("Author", doc.author or "—"),
        ("Published", doc.published.value if doc.published else "—"),
        ("Sources", ", ".join(s.name for s in doc.sources) or "—"),
        ("Characters", f"{len(text):,}"),
        ("Id", doc.id),
    ]
    if doc.url:
        meta.insert(4, ("URL", doc.url))
    return DocumentView(
        doc=doc, meta=meta, pieces=pieces,
        comments=[runs(text, s, e, marks, removed) for s, e in comments],
        cards=cards, mention_cards=mention_cards,
    )


def _inside(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


def _fact_marks(
    doc: Document,
    facts: Mapping[str, Sequence[Mapping[str, Any]]],
    comments: Sequence[tuple[int, int]],
    cluster_of: Callable[[str], str],
) -> tuple[list[Mark], dict[str, list[Card]]]:
    text = doc.text
    marks: list[Mark] = []
    cards: dict[str, list[Card]] = {k: [] for k in FACT_LABELS}
    for seq, e in enumerate(facts.get("events", ())):
        fid = f"event-{seq}"
        spans = e.get("evidence") or []
        marks += [Mark(s["start"], s["end"], "event", fid) for s in spans]
        first = spans[0] if spans else None
        rows = [
            ("Date", describe_date(e.get("date"))),
            ("Place", describe_place(e.get("place"), e.get("place_text"))),
            ("Actor 1", e.get("actor1") or "—"),
            ("Actor 2", e.get("actor2") or "—"),
        ]
        rows += [(COUNT_LABELS.get(k, k), _count(v)) for k, v in (e.get("counts") or {}).items()]
        rows.append(("Modality", _modality(e.get("modality"), e.get("asserted_by"))))
        cards["event"].append(Card(
            fid, "event", f"{e.get('event_type')} · {e.get('sub_event_type')}", rows,
            text[first["start"]:first["end"]] if first else "",
            bool(first) and _inside(first["start"], first["end"], comments),
            css=type_class(e.get("event_type")), cluster=cluster_of(f"{doc.id}.{seq}"),
        ))
    for seq, q in enumerate(facts.get("quotes", ())):
        fid = f"quote-{seq}"
        span = q["span"]
        marks.append(Mark(span["start"], span["end"], "quote", fid))
        for extra in ("speaker_span", "cue_span"):
            if q.get(extra):
                marks.append(Mark(q[extra]["start"], q[extra]["end"], "cue", fid))
        cards["quote"].append(Card(
            fid, "quote", q.get("speaker") or "unknown speaker",
            [("Form", "direct" if q.get("direct", True) else "indirect")],
            text[span["start"]:span["end"]], _inside(span["start"], span["end"], comments),
        ))
    for seq, c in enumerate(facts.get("citations", ())):
        fid = f"citation-{seq}"
        span = c["span"]
        marks.append(Mark(span["start"], span["end"], "citation", fid))
        rows = [("Kind", c.get("kind") or "—")]
        rows += [(label, c[k]) for k, label in (("title", "Title"), ("author", "Author"))
                 if c.get(k)]
        if c.get("date"):
            rows.append(("Date", describe_date(c["date"])))
        cards["citation"].append(Card(
            fid, "citation", c.get("outlet") or "unnamed source", rows,
            text[span["start"]:span["end"]], _inside(span["start"], span["end"], comments),
        ))
    for seq, f in enumerate(facts.get("frames", ())):
        fid = f"frame-{seq}"
        span = f["span"]
        marks.append(Mark(span["start"], span["end"], "frame", fid))
        rows = [("Actor", f.get("actor") or "—"), ("Register", f.get("register") or "—")]
        cards["frame"].append(Card(
            fid, "frame", (f.get("label") or "signal").replace("_", " "), rows,
            text[span["start"]:span["end"]], _inside(span["start"], span["end"], comments),
            css=f"reg-{f.get('register') or 'neutral'}",
        ))
    for seq, t in enumerate(facts.get("techniques", ())):
        fid = f"technique-{seq}"
        span = t["span"]
        marks.append(Mark(span["start"], span["end"], "technique", fid))
        cards["technique"].append(Card(
            fid, "technique", t["label"].replace("_", " ").replace(",", ", "),
            [("Score", f"{t['score']:.2f}"), ("Span score", f"{t['span_score']:.2f}")],
            text[span["start"]:span["end"]], _inside(span["start"], span["end"], comments),
        ))
    return marks, cards


def _modality(modality: str | None, asserted_by: str | None) -> str:
    modality = modality or "asserted"
    if modality == "asserted" and not asserted_by:
        return "asserted in the article's own voice"
    return f"{modality} by {asserted_by}" if asserted_by else modality


# -- events page ------------------------------------------------------------------


def compact_event(row: Mapping[str, Any], cluster: str) -> dict[str, Any]:
    """The fields the timeline, the map and the detail panel need, nothing more."""
    evidence = " ".join((row.get("evidence") or "").split())
    return {
        "key": row["key"], "doc": row["doc_id"], "seq": row["seq"],
        "type": row.get("event_type"), "sub": row.get("sub_event_type"),
        "date": row.get("date"), "prec": row.get("date_precision"),
        "start": row.get("date_start"), "end": row.get("date_end"),
        "place": row.get("place"), "admin1": row.get("admin1"), "country": row.get("country"),
        "lat": row.get("lat"), "lon": row.get("lon"),
        "actor1": row.get("actor1"), "actor2": row.get("actor2"),
        "killed": row.get("fatalities"), "modality": row.get("modality"),
        "by": row.get("asserted_by"), "outlet": row.get("outlet"), "title": row.get("title"),
        "evidence": evidence[:400] + ("…" if len(evidence) > 400 else ""),
        "cluster": cluster,
    }


# -- clusters ------------------------------------------------------------------------


@dataclass
class Report:
    """One document's telling of a clustered event."""

    key: str
    doc_id: str
    fact: str
    outlet: str
    title: str
    published: str
    origin: str
    modality: str
    before: str
    evidence: str
    after: str


@dataclass
class FieldRow:
    label: str
    values: list[str]
    status: str  # agree | differ | compatible | partial | absent
    odd: list[bool]  # cells that differ from the most common value


@dataclass
class ClusterView:
    cluster_id: str
    linked: bool
    reports: list[Report]
    fields: list[FieldRow]
    outlets: int
    independent: int
    reasons: list[str]
    heading: str

    @property
    def disagreements(self) -> int:
        return sum(1 for f in self.fields if f.status == "differ")


CLUSTER_FIELDS: tuple[tuple[str, Callable[[Mapping[str, Any]], str | None]], ...] = (
    ("Event type", lambda r: r.get("event_type")),
    ("Sub-type", lambda r: r.get("sub_event_type")),
    ("Date", lambda r: describe_date({"value": r.get("date"), "precision": r.get("date_precision")})
     if r.get("date") else None),
    ("Place", lambda r: r.get("place")),
    ("Governorate", lambda r: r.get("admin1")),
    ("Actor 1", lambda r: r.get("actor1")),
    ("Actor 2", lambda r: r.get("actor2")),
    ("Killed", lambda r: _num(r.get("counts", {}).get("killed"))),
    ("Injured", lambda r: _num(r.get("counts", {}).get("injured"))),
    ("Modality", lambda r: r.get("modality")),
    ("Attributed to", lambda r: r.get("asserted_by")),
)


def _num(value: int | None) -> str | None:
    return None if value is None else f"{value:,}"


def cluster_view(
    cluster_id: str,
    rows: Sequence[Mapping[str, Any]],
    texts: Mapping[str, str],
    cites: Mapping[str, set[str]],
    linked: bool,
) -> ClusterView:
    """Reports side by side, each field compared, and the independent-source count.

    Args:
        rows: the member events (``queries.events_by_keys``).
        texts: document texts by id, for the evidence in context.
        cites: outlets each member document cites.
        linked: whether the linking stage made this cluster (else it is one event).
    """
    reports = []
    for r in rows:
        text = texts.get(r["doc_id"], "")
        before, evidence, after = excerpt(text, r["start"], r["end"]) if text else ("", "", "")
        reports.append(Report(
            key=r["key"], doc_id=r["doc_id"], fact=f"event-{r['seq']}",
            outlet=r.get("outlet") or "(unknown outlet)", title=r.get("title") or "(no title)",
            published=r.get("published") or "—", origin=_origin(r),
            modality=_modality(r.get("modality"), r.get("asserted_by")),
            before=before, evidence=evidence, after=after,
        ))
    fields = [_compare(label, [get(r) for r in rows], rows if label == "Date" else None)
              for label, get in CLUSTER_FIELDS]
    independent, reasons = _independence(rows, cites)
    first = rows[0] if rows else {}
    dates = sorted((r.get("date") for r in rows if r.get("date")), key=lambda d: -len(d))
    heading = " · ".join(p for p in (first.get("event_type"), first.get("place"),
                                     dates[0] if dates else None) if p) or cluster_id
    return ClusterView(
        cluster_id=cluster_id, linked=linked, reports=reports, fields=fields,
        outlets=len({r.get("outlet") for r in rows}), independent=independent,
        reasons=reasons, heading=heading,
    )


def _compare(
    label: str, values: list[str | None], rows: Sequence[Mapping[str, Any]] | None
) -> FieldRow:
    given = [v for v in values if v is not None]
    shown = [v if v is not None else "—" for v in values]
    if not given:
        return FieldRow(label, shown, "absent", [False] * len(values))
    ranked = Counter(given).most_common(2)
    # With a clear majority only the dissenters are marked; in a tie every value is.
    common = ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None
    odd = [v is not None and v != common for v in values]
    if len(set(given)) == 1:
        status = "agree" if len(given) == len(values) else "partial"
    elif rows is not None and _dates_overlap(rows):
        status, odd = "compatible", [False] * len(values)
    else:
        status = "differ"
    return FieldRow(label, shown, status, odd)


def _dates_overlap(rows: Sequence[Mapping[str, Any]]) -> bool:
    """True when every dated report's interval shares a day: "March" and "27 March" agree."""
    spans = [(r["date_start"], r["date_end"]) for r in rows if r.get("date_start")]
    return bool(spans) and max(s for s, _ in spans) <= min(e for _, e in spans)


def _origin(row: Mapping[str, Any]) -> str:
    """Where a report's claim comes from: the source it attributes it to, else the outlet."""
    if row.get("modality") == "attributed" and row.get("asserted_by"):
        return row["asserted_by"]
    return row.get("outlet") or "(unknown outlet)"


def _independence(
    rows: Sequence[Mapping[str, Any]], cites: Mapping[str, set[str]]
) -> tuple[int, list[str]]:
    """Count independent origins: same outlet, same attributed source or a citation joins two.

    Returns the count and one sentence per join, so the number can be checked by hand.
    """
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    reasons: list[str] = []
    for i, a in enumerate(rows):
        for j in range(i + 1, len(rows)):
            b = rows[j]
            why = _joined(a, b, cites)
            if why and find(i) != find(j):
                parent[find(i)] = find(j)
                reasons.append(why)
    groups = len({find(i) for i in range(len(rows))})
    return groups, reasons


def _joined(a: Mapping[str, Any], b: Mapping[str, Any], cites: Mapping[str, set[str]]) -> str:
    oa, ob = a.get("outlet") or "?", b.get("outlet") or "?"
    if oa == ob:
        return f"{oa} reports it twice: one outlet is one source."
    if _origin(a) == _origin(b):
        return f"{oa} and {ob} both attribute it to {_origin(a)}."
    for x, y, ox, oy in ((a, b, oa, ob), (b, a, ob, oa)):
        cited = cites.get(x["doc_id"], set())
        if oy in cited or _origin(y) in cited:
            return f"{ox} cites {oy if oy in cited else _origin(y)}, so it may repeat that report."
    return ""


# -- naming matrix -------------------------------------------------------------------


@dataclass
class NamingCell:
    forms: list[dict[str, Any]]  # surface, register, n

    @property
    def hostile_share(self) -> float:
        total = sum(f["n"] for f in self.forms)
        hostile = sum(f["n"] for f in self.forms if f["register"] == "hostile")
        return hostile / total if total else 0.0


@dataclass
class NamingView:
    outlets: list[str]
    actors: list[dict[str, Any]]  # name, side, total, cells (per outlet)
    hidden_outlets: int
    hidden_actors: int
    techniques: Any = None  # a technique_table.TechniqueTable, filled by content.naming


def naming_view(rows: Sequence[Mapping[str, Any]], max_outlets: int = 12,
                max_actors: int = 40) -> NamingView:
    """Actors down, outlets across; each cell lists the names the outlet uses, by register."""
    by_outlet: Counter[str] = Counter()
    by_actor: Counter[str] = Counter()
    side: dict[str, str | None] = {}
    cells: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_outlet[r["outlet"]] += r["n"]
        by_actor[r["actor"]] += r["n"]
        side.setdefault(r["actor"], r.get("side"))
        cells[(r["actor"], r["outlet"])].append(
            {"surface": r["surface"], "register": r["register"] or "neutral", "n": r["n"]}
        )
    outlets = [o for o, _ in by_outlet.most_common(max_outlets)]
    actors = []
    for name, total in by_actor.most_common(max_actors):
        actors.append({
            "name": name, "side": side.get(name), "total": total,
            "cells": [NamingCell(cells.get((name, o), [])) for o in outlets],
        })
    return NamingView(outlets, actors, max(0, len(by_outlet) - len(outlets)),
                      max(0, len(by_actor) - len(actors)))


# -- citation graph -----------------------------------------------------------------


@dataclass
class GraphNode:
    name: str
    x: float
    y: float
    total: int
    side: str  # left (citing) | right (cited)


@dataclass
class GraphEdge:
    citing: str
    cited: str
    n: int
    documents: int
    path: str
    width: float


@dataclass
class CitationView:
    width: int
    height: int
    margin: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    rows: list[Mapping[str, Any]]
    hidden: int


def citation_view(rows: Sequence[Mapping[str, Any]], max_nodes: int = 24) -> CitationView:
    """A two-column graph: citing outlets on the left, cited sources on the right."""
    citing: Counter[str] = Counter()
    cited: Counter[str] = Counter()
    for r in rows:
        citing[r["citing"]] += r["n"]
        cited[r["cited"]] += r["n"]
    left = [name for name, _ in citing.most_common(max_nodes)]
    right = [name for name, _ in cited.most_common(max_nodes)]
    step, top, width, margin = 30, 24, 1100, 330
    height = top * 2 + step * max(len(left), len(right), 1)
    lx, rx = margin, width - margin
    ly = {n: top + step * i + step / 2 for i, n in enumerate(left)}
    ry = {n: top + step * i + step / 2 for i, n in enumerate(right)}
    nodes = [GraphNode(n, lx, ly[n], citing[n], "left") for n in left]
    nodes += [GraphNode(n, rx, ry[n], cited[n], "right") for n in right]
    top_n = max((r["n"] for r in rows), default=1)
    edges, hidden = [], 0
    for r in rows:
        if r["citing"] not in ly or r["cited"] not in ry:
            hidden += 1
            continue
        y1, y2 = ly[r["citing"]], ry[r["cited"]]
        mid = (lx + rx) / 2
        edges.append(GraphEdge(
            r["citing"], r["cited"], r["n"], r["documents"],
            f"M{lx + 6:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {rx - 6:.1f},{y2:.1f}",
            1.5 + 6 * (r["n"] / top_n) ** 0.5,
        ))
    return CitationView(width, height, margin, nodes, edges, list(rows), hidden)
