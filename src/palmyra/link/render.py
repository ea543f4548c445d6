"""Rich tables for the link commands: data in (from ``link.api``), renderables out.

Kept apart from the command functions so the web UI's terminal-free tests and
the commands share one reading of each shape.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from palmyra.link.contradict import count_label
from palmyra.link.naming import Lean

REGISTER_STYLES = {"favourable": "green", "hostile": "red", "neutral": ""}
# Report fields shown side by side in `compare`, with the disagreement field they belong to.
_REPORT_ROWS: tuple[tuple[str, str, str | None], ...] = (
    ("outlet", "outlet", None),
    ("doc", "doc", None),
    ("placed by", "rule", None),
    ("date", "date", "date"),
    ("place", "place", None),
    ("sub-type", "sub_event_type", "outcome"),
    ("actor 1", "actor1", "perpetrator"),
    ("actor 2", "actor2", "target"),
    ("counts", "counts", "counts"),
    ("modality", "modality", "modality"),
    ("attributed to", "asserted_by", None),
    ("depends on", "depends_on", None),
    ("evidence", "evidence", None),
)


def _date(row: dict[str, Any]) -> str:
    if not row.get("date"):
        return "—"
    return f"{row['date']} ({row.get('date_precision') or '?'})"


def events_title(rows: list[dict[str, Any]], store: object) -> str:
    """How many clusters, and how many of them more than one report tells (the report's
    Clusters page lists only those), so the two counts never look like a contradiction."""
    several = sum(1 for r in rows if (r.get("reports") or 0) > 1)
    return (f"{len(rows)} event cluster(s) in {store}: {several} reported more than once,"
            f" {len(rows) - several} by a single report")


def events_table(rows: list[dict[str, Any]], title: str) -> Table:
    table = Table(title=title)
    table.add_column("cluster", no_wrap=True, style="dim")
    table.add_column("date", no_wrap=True)
    table.add_column("place", max_width=20, overflow="ellipsis")
    table.add_column("type", max_width=34, overflow="ellipsis")
    table.add_column("actors", max_width=44, overflow="ellipsis")
    table.add_column("outlets", justify="right")
    table.add_column("indep.", justify="right")
    table.add_column("disagree", max_width=30, overflow="ellipsis")
    for r in rows:
        actors = _actors(r["actor1"], r["actor2"])
        flags = ", ".join(r["disagreement_fields"])
        table.add_row(
            r["id"],
            _date(r),
            r["place"] or "—",
            r["sub_event_type"] or "—",
            actors,
            str(r["outlet_count"]),
            str(r["independent_count"]),
            Text("⚠ " + flags, style="bold red") if flags else Text("—", style="dim"),
        )
    return table


def _cell(report: dict[str, Any], key: str) -> str:
    value = report.get(key)
    if key == "date":
        return _date(report)
    if key == "counts":
        return (
            ", ".join(
                f"{k} {count_label(v.get('low'), v.get('high'), bool(v.get('approximate')))}"
                for k, v in sorted((value or {}).items())
            )
            or "—"
        )
    if key == "depends_on":
        return ", ".join(value or []) or "—"
    if key == "rule" and report.get("score") is not None:
        return f"{value} ({report['score']:.2f})"
    return str(value) if value not in (None, "") else "—"


def compare_view(detail: dict[str, Any]) -> Group:
    """The cluster's reports side by side, rows of disagreeing fields in red, then the sides."""
    flagged = {d["field"].split(".")[0] for d in detail["disagreements"]}
    head = (
        f"[bold]{escape(detail['sub_event_type'] or '?')}[/] at "
        f"[bold]{escape(detail['place'] or '?')}[/], {escape(_date(detail))}\n"
        f"{detail['outlet_count']} outlet(s), {detail['independent_count']} independent:"
        f" {escape(' | '.join(', '.join(g) for g in detail['groups']))}"
    )
    table = Table(show_header=False, show_lines=True)
    table.add_column("field", style="bold", no_wrap=True)
    for _ in detail["reports"]:
        table.add_column(ratio=1)
    for label, key, field in _REPORT_ROWS:
        style = "red" if field in flagged else ""
        table.add_row(
            Text(label, style=style),
            *(Text(_cell(r, key), style=style) for r in detail["reports"]),
        )
    parts: list[Any] = [Panel(head, title=f"cluster {detail['id']}"), table]
    for d in detail["disagreements"]:
        lines = Text(f"{d['field']}: ", style="bold red")
        for side in d["sides"]:
            lines.append(f"\n  {side['value']}", style="bold")
            for ev in side["evidence"]:
                lines.append(f"\n    {ev['outlet']} ({ev['doc']} {ev['span']}): ")
                lines.append(f"“{ev['text']}”", style="italic")
        parts.append(lines)
    return Group(*parts)


def naming_table(matrix: dict[str, Any]) -> Table:
    """Surface forms by outlet; each count coloured by the form's register, ‘n’ scare quotes."""
    table = Table(title=f"How each outlet names {matrix['actor']}")
    table.add_column("surface form", min_width=16)
    table.add_column("register", no_wrap=True)
    for outlet in matrix["outlets"]:
        table.add_column(outlet, justify="right", max_width=18, overflow="fold")
    for form in matrix["forms"]:
        style = REGISTER_STYLES.get(form["register"], "")
        cells = []
        for outlet in matrix["outlets"]:
            n = form["counts"].get(outlet, 0)
            quoted = form["scare_quotes"].get(outlet, 0)
            text = (str(n) if n else "·") + (f" ‘{quoted}’" if quoted else "")
            cells.append(Text(text, style=style if n else "dim"))
        table.add_row(
            Text(form["surface"], style=style), Text(form["register"], style=style), *cells
        )
    return table


def actors_table(rows: list[dict[str, Any]], limit: int) -> Table:
    table = Table(title=f"Actors by mentions (top {min(limit, len(rows))} of {len(rows)})")
    for col in (
        "actor",
        "side",
        "mentions",
        "forms",
        "outlets",
        "favourable",
        "hostile",
        "scare q.",
    ):
        table.add_column(col, justify="left" if col in ("actor", "side") else "right")
    for r in rows[:limit]:
        table.add_row(
            r["actor"],
            r["side"] or "—",
            str(r["mentions"]),
            str(r["forms"]),
            str(r["outlets"]),
            str(r["favourable"] or 0),
            str(r["hostile"] or 0),
            str(r["scare_quotes"] or 0),
        )
    return table


def lean_table(leans: list[Lean]) -> Table:
    """Outlets (rows) by side (columns): score in [-1, 1] and the mentions behind it."""
    sides = sorted({x.side for x in leans})
    table = Table(title="Lean per outlet and side: +1 all favourable forms, −1 all hostile")
    table.add_column("outlet")
    for side in sides:
        table.add_column(side, justify="right")
    by_outlet: dict[str, dict[str, Lean]] = {}
    for x in leans:
        by_outlet.setdefault(x.outlet, {})[x.side] = x
    for outlet, cells in sorted(by_outlet.items()):
        row = []
        for side in sides:
            x = cells.get(side)
            if x is None:
                row.append(Text("·", style="dim"))
                continue
            style = "green" if x.score > 0 else "red" if x.score < 0 else ""
            row.append(Text(f"{x.score:+.2f} ({x.n})", style=style))
        table.add_row(outlet, *row)
    return table


def distance_table(pairs: list[dict[str, Any]], limit: int) -> Table:
    table = Table(title="Outlets compared: mean |lean difference| over shared sides (0 = alike)")
    for col in ("outlet", "outlet", "distance", "shared sides"):
        table.add_column(col, justify="right" if col == "distance" else "left")
    for p in pairs[:limit]:
        table.add_row(p["a"], p["b"], f"{p['distance']:.2f}", ", ".join(p["sides"]))
    return table


def sources_table(edges: list[dict[str, Any]]) -> Table:
    table = Table(title=f"Citation graph: {len(edges)} edge(s)")
    table.add_column("citing outlet")
    table.add_column("cites")
    table.add_column("citations", justify="right")
    table.add_column("citing docs", justify="right")
    for e in edges:
        table.add_row(e["citing"], e["cited"], str(e["citations"]), str(e["documents"]))
    return table


def techniques_table(rows: list[dict[str, Any]]) -> Table:
    """Outlets (rows) by propaganda technique (columns): spans found, and per document."""
    from palmyra.techniques import SHORT_NAMES, TECHNIQUES

    present = [t for t in TECHNIQUES if any(r["technique"] == t for r in rows)]
    table = Table(title="Propaganda techniques per outlet: spans found (per document)")
    table.add_column("outlet")
    table.add_column("docs", justify="right")
    for technique in present:
        table.add_column(SHORT_NAMES[technique], justify="right")
    by_outlet: dict[str, dict[str, dict[str, Any]]] = {}
    for r in rows:
        by_outlet.setdefault(r["outlet"], {})[r["technique"]] = r
    for outlet, cells in sorted(by_outlet.items()):
        docs = next(iter(cells.values()))["outlet_documents"]
        row = [Text(f"{cells[t]['n']} ({cells[t]['n'] / docs:.1f})") if t in cells
               else Text("·", style="dim") for t in present]
        table.add_row(outlet, str(docs), *row)
    return table


def _actors(actor1: str | None, actor2: str | None) -> str:
    """"A vs B"; an unnamed side is "?" so that a lone target (civilians hit by an unnamed
    air force) never reads as the one who acted."""
    if not actor1 and not actor2:
        return "—"
    return f"{actor1 or '?'} vs {actor2}" if actor2 else actor1 or "—"
