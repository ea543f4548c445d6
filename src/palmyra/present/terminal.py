"""Terminal rendering of one document: regions and annotations over the original text.

Everything is drawn over the original text so a reader sees exactly the
characters each fact points to: furniture that cleaning removed is struck
through, reader comments are set apart, and with annotations each mention is
coloured by kind and followed by its resolved value.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
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
