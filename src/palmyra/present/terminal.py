"""Terminal rendering of one document: regions and annotations over the original text.

Everything is drawn over the original text so a reader sees exactly the
characters each fact points to: furniture that cleaning removed is struck
through, reader comments are set apart, and with annotations each mention is
coloured by kind and followed by its resolved value.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from palmyra.model import Document

KIND_STYLES = {
    "actor": "bold magenta",
    "person": "bold cyan",
    "place": "bold green",
    "date": "bold yellow",
    "number": "bold blue",
}


def describe_value(kind: str, value: dict[str, Any] | None) -> str:
    """A short reading of a resolved value, e.g. ``Palmyra, Homs, Syria`` or ``2016-03-27/day``."""
    if not value:
        return "?"
    if kind == "place":
        parts = [value.get("name"), value.get("admin1"), value.get("country")]
        return ", ".join(dict.fromkeys(p for p in parts if p))
    if kind == "date":
        return f"{value.get('value')}/{value.get('precision')}"
    if kind == "number":
        low, high = value.get("low"), value.get("high")
        unit = value.get("unit") or ""
        unit = unit if unit == "%" or not unit else f" {unit}"
        if low == high and low is not None:
            return f"{_num(low)}{unit}"
        return (
            f"{_num(low) if low is not None else ''}–{_num(high) if high is not None else ''}{unit}"
        )
    if kind in ("actor", "person"):
        reg = value.get("register")
        canonical = value.get("canonical", "?")
        return f"{canonical} ({reg})" if reg and reg != "neutral" else canonical
    return str(value)


def _num(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


def print_document(
    console: Console, doc: Document, mentions: list[dict[str, Any]] | None = None
) -> None:
    """Print the header, the body with its marks, and the comments apart."""
    header = Text()
    header.append(doc.title or "(no title)", style="bold")
    meta = [
        f"id {doc.id}",
        f"outlet {doc.outlet or '—'}",
        f"author {doc.author or '—'}",
        f"published {doc.published.value if doc.published else '—'}",
        "sources " + ", ".join(s.name for s in doc.sources),
    ]
    header.append("\n" + " · ".join(meta), style="dim")
    console.print(Panel(header, expand=True))
    body_start = doc.body.start if doc.body else 0
    body_end = doc.body.end if doc.body else len(doc.text)
    console.print(_marked(doc, body_start, body_end, mentions))
    if mentions:
        console.print(
            Text("  ".join(f"■ {k}" for k in KIND_STYLES), style="dim"),
        )
    for i, c in enumerate(doc.comments, 1):
        console.print(
            Panel(
                Text(doc.text[c.start : c.end].strip()),
                title=f"reader comment {i}",
                title_align="left",
                border_style="yellow",
                subtitle=f"[{c.start}:{c.end}]",
            )
        )


def _marked(doc: Document, start: int, end: int, mentions: list[dict[str, Any]] | None) -> Text:
    text = Text(doc.text[start:end])
    for r in doc.removed:
        s, e = max(r.start, start), min(r.end, end)
        if s < e:
            text.stylize("dim strike", s - start, e - start)
    if not mentions:
        return text
    # Insert value tags from the end backwards so earlier offsets stay valid.
    inside = [m for m in mentions if start <= m["start"] and m["end"] <= end]
    for m in inside:
        text.stylize(KIND_STYLES.get(m["kind"], "bold"), m["start"] - start, m["end"] - start)
    out = Text()
    cursor = 0
    for m in inside:
        s, e = m["start"] - start, m["end"] - start
        if s < cursor:
            continue  # overlapping mention: the first one keeps the tag
        out.append_text(text[cursor:e])
        tag = f"⟨{m['kind']}: {describe_value(m['kind'], m.get('value'))}⟩"
        out.append(tag, style=KIND_STYLES.get(m["kind"], "") + " dim")
        cursor = e
    out.append_text(text[cursor:])
    return out


CONTEXT_CHARS = 120


def _in_context(doc: Document, spans: list[dict[str, Any]], style: str) -> Text:
    """The evidence with some text either side, the evidence itself highlighted."""
    spans = sorted(spans, key=lambda s: s["start"])
    start = max(min(s["start"] for s in spans) - CONTEXT_CHARS, 0)
    end = min(max(s["end"] for s in spans) + CONTEXT_CHARS, len(doc.text))
    # Cut at paragraph breaks so the context stays within the paragraph.
    para_start = doc.text.rfind("\n\n", start, spans[0]["start"])
    start = para_start + 2 if para_start != -1 else start
    para_end = doc.text.find("\n\n", spans[-1]["end"], end)
    end = para_end if para_end != -1 else end
    text = Text(("…" if start > 0 else "") + doc.text[start:end].replace("\n", " ") + "…")
    shift = start - (1 if start > 0 else 0)
    for s in spans:
        text.stylize(style, s["start"] - shift, s["end"] - shift)
    return text


def _event_title(e: dict[str, Any]) -> str:
    place = e.get("place") or {}
    date = e.get("date") or {}
    actor1, actor2 = e.get("actor1"), e.get("actor2")
    actors = (f"{actor1 or '?'} → {actor2}" if actor2 else actor1) or "actors unknown"
    counts = ", ".join(
        f"{k} {describe_value('number', v)}" for k, v in (e.get("counts") or {}).items()
    )
    where = ", ".join(dict.fromkeys(p for p in (place.get("name"), place.get("country")) if p))
    when = f"{date.get('value')} ({date.get('precision')})" if date else "undated"
    parts = [f"{e['event_type']} / {e['sub_event_type']}", when, where or "no place", actors]
    if counts:
        parts.append(counts)
    if e.get("modality") and e["modality"] != "asserted":
        who = f" by {e['asserted_by']}" if e.get("asserted_by") else ""
        parts.append(f"{e['modality']}{who}")
    return " · ".join(parts)


def _fact_panel(kind: str, summary: str, context: Text, colour: str) -> Panel:
    body = Text(summary + "\n", style="bold")
    body.append_text(context)
    return Panel(body, title=f"[bold]{escape(kind)}[/]", title_align="left", border_style=colour)


def print_facts(console: Console, doc: Document, facts: dict[str, list[dict[str, Any]]]) -> None:
    """Each event, quote, citation and propaganda technique with its evidence highlighted
    in the surrounding text."""
    for e in facts.get("events", []):
        context = _in_context(doc, e["evidence"], "bold black on yellow")
        console.print(_fact_panel("event", _event_title(e), context, "yellow"))
    for q in facts.get("quotes", []):
        spans = [q["span"]] + [s for s in (q.get("speaker_span"), q.get("cue_span")) if s]
        kind = "quote" if q.get("direct", True) else "indirect quote"
        context = _in_context(doc, spans, "bold black on cyan")
        console.print(_fact_panel(kind, q.get("speaker") or "speaker unknown", context, "cyan"))
    for c in facts.get("citations", []):
        date = (c.get("date") or {}).get("value")
        bits = [c.get("outlet") or "outlet unknown", c.get("title"), c.get("author"), date]
        context = _in_context(doc, [c["span"]], "bold black on green")
        console.print(_fact_panel("citation", " · ".join(b for b in bits if b), context, "green"))
    for t in facts.get("techniques", []):
        context = _in_context(doc, [t["span"]], "bold black on magenta")
        title = f"{t['label'].replace('_', ' ')} · score {t['score']:.2f}"
        console.print(_fact_panel("technique", title, context, "magenta"))
    counts = {k: len(v) for k, v in facts.items()}
    console.print(Text(", ".join(f"{n} {k}" for k, n in counts.items()) or "no facts", style="dim"))


def print_candidates(console: Console, rows: list[dict[str, Any]]) -> None:
    """The event candidates of a document: what each says, and why it was kept or not."""
    from rich.table import Table

    table = Table(title=f"{len(rows)} event candidate(s)", show_lines=True)
    for col in ("#", "candidate", "decision", "evidence"):
        table.add_column(col, overflow="fold")
    colours = {"kept": "green", "merged": "cyan", "dropped": "red"}
    for r in rows:
        what = " · ".join(str(x) for x in (
            r["sub_event_type"] or r["trigger"], r["place"] or "no place",
            r["date"] or "no date", " → ".join(a or "?" for a in (r["actor1"], r["actor2"]))))
        decision = f"[{colours[r['decision']]}]{r['decision']}[/]"
        if r["reason"]:
            decision += f"\n{escape(r['reason'])}"
        table.add_row(str(r["sentence"]), escape(what), decision, escape(r["evidence"]))
    console.print(table)
