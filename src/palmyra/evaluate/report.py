"""Evaluation results as Rich tables for people, and as flat scores for the gate.

The result dicts of ``evaluate_gold`` / ``evaluate_fakes`` are already plain JSON;
``palmyra eval --json`` prints them as they are.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

NO_VALUE = "—"


def gold_tables(result: dict[str, Any]) -> list[Table]:
    """Detection (P/R/F1 per kind), field accuracy over matched pairs, and metadata."""
    missing = result["missing"]
    caption = f"{result['gold_files']} gold article(s), micro-averaged"
    if missing:
        caption += f"; not in the store (counted as missed): {', '.join(missing)}"
    kinds = Table(title="Gold: facts found", caption=caption)
    for col in ("kind", "precision", "recall", "F1", "TP", "FP", "FN"):
        kinds.add_column(col, justify="left" if col == "kind" else "right")
    for kind, s in result["kinds"].items():
        kinds.add_row(kind, fmt(s["precision"]), fmt(s["recall"]), fmt(s["f1"]),
                      str(s["tp"]), str(s["fp"]), str(s["fn"]))
    fields = _accuracy_table("Gold: fields of matched pairs", ("kind", "field"), [
        ((kind, name), acc) for kind, accs in result["fields"].items()
        for name, acc in accs.items()
    ])
    metadata = _accuracy_table("Gold: article metadata", ("field",), [
        ((name,), acc) for name, acc in result["metadata"].items()
    ])
    sub_types = Table(title="Gold: events per ACLED sub-type",
                      caption="recall over the gold's events of a sub-type, precision over "
                              "the predictions of it")
    for col in ("sub-type", "precision", "recall", "F1", "TP", "FP", "FN"):
        sub_types.add_column(col, justify="left" if col == "sub-type" else "right")
    for name, s in result.get("sub_event_types", {}).items():
        sub_types.add_row(name, fmt(s["precision"]), fmt(s["recall"]), fmt(s["f1"]),
                          str(s["tp"]), str(s["fp"]), str(s["fn"]))
    return [kinds, fields, sub_types, metadata]


def error_tables(result: dict[str, Any]) -> list[Table]:
    """Every missed gold fact and every false alarm, with the words it stands on."""
    tables = []
    for key, title in (("misses", "Gold: missed (in the gold, not found)"),
                       ("false_alarms", "Gold: false alarms (found, not in the gold)")):
        table = Table(title=f"{title}: {len(result.get(key, []))}", show_lines=True)
        for col in ("doc", "kind", "what", "evidence"):
            table.add_column(col, overflow="fold")
        for e in result.get(key, []):
            table.add_row(e["doc"], e["kind"], describe(e),
                          e.get("evidence") or e.get("text") or "")
        tables.append(table)
    return tables


def describe(entry: dict[str, Any]) -> str:
    """One fact's fields in a line: sub-type · place · date · actors (and why it was near)."""
    if entry["kind"] == "events":
        parts = [entry.get("sub_event_type"), entry.get("location") or "no place",
                 f"{entry.get('date') or 'no date'} ({entry.get('date_precision') or '-'})",
                 " → ".join(a or "?" for a in (entry.get("actor1"), entry.get("actor2")))]
        if entry.get("fatalities") is not None:
            parts.append(f"killed {entry['fatalities']}")
        if entry.get("near"):
            parts.append(entry["near"])
        return " · ".join(str(p) for p in parts)
    if entry["kind"] == "quotes":
        return f"speaker {entry.get('speaker') or '?'}"
    return " · ".join(str(entry.get(k)) for k in ("outlet", "title", "date") if entry.get(k))


def fakes_table(result: dict[str, Any]) -> Table:
    """Coverage first, then agreement of the main events with the FA-KES crowd fields."""
    coverage = {"accuracy": result["coverage"], "correct": result["with_main_event"],
                "total": result["articles"]}
    table = _accuracy_table(
        "FA-KES: main event against the crowd's fields", ("measure",),
        [(("coverage (has a main event)",), coverage)]
        + [((name,), acc) for name, acc in result["accuracy"].items()],
    )
    table.caption = (
        f"{result['articles']} FA-KES article(s) in the store; {result['unit_ids']} unit ids"
        f" in {result['rows']} rows of the file. Accuracy is over articles with a main event."
    )
    return table


def print_results(console: Console, gold: dict[str, Any] | None,
                  fakes: dict[str, Any] | None, errors: bool = True) -> None:
    """Print whichever results there are; the gold's misses and false alarms first."""
    tables = (error_tables(gold) if gold and errors else []) + (gold_tables(gold) if gold else [])
    for table in tables:
        console.print(table)
    if fakes:
        console.print(fakes_table(fakes))


def headline_scores(result: dict[str, Any]) -> dict[str, float | None]:
    """The gate's keys: per-kind F1 and every accuracy (``events.f1``, ``events.date``, ...)."""
    scores: dict[str, float | None] = {
        f"{kind}.f1": s["f1"] for kind, s in result["kinds"].items()
    }
    for kind, accs in result["fields"].items():
        scores.update({f"{kind}.{name}": acc["accuracy"] for name, acc in accs.items()})
    scores.update({f"metadata.{name}": acc["accuracy"] for name, acc in result["metadata"].items()})
    return scores


def fmt(value: float | None) -> str:
    """Three decimals, or a dash where there was nothing to score (never a fake 0)."""
    return NO_VALUE if value is None else f"{value:.3f}"


def _accuracy_table(
    title: str, keys: tuple[str, ...], rows: list[tuple[tuple[str, ...], dict[str, Any]]]
) -> Table:
    table = Table(title=title)
    for col in keys:
        table.add_column(col)
    table.add_column("accuracy", justify="right")
    table.add_column("right / scored", justify="right")
    for key, acc in rows:
        table.add_row(*key, fmt(acc["accuracy"]), f"{acc['correct']} / {acc['total']}")
    return table


def print_recall(console: Console, result: dict[str, Any], errors: bool = True) -> None:
    """The recall set: misses and false alarms (when asked), per sub-type, then the totals."""
    if errors:
        for key, title in (("misses", "Recall: reports whose sub-type did not come out"),
                           ("false_alarm_reports", "Recall: non-conflict reports given an event")):
            table = Table(title=f"{title}: {len(result[key])}", show_lines=True)
            for col in ("id", "gold", "predicted", "text"):
                table.add_column(col, overflow="fold")
            for m in result[key]:
                table.add_row(str(m["id"]), m.get("gold", "—"),
                              ", ".join(m["predicted"]) or "nothing", m["text"])
            console.print(table)
    table = Table(title="Recall: per ACLED sub-type")
    for col in ("sub-type", "reports", "any event", "sub-type right"):
        table.add_column(col, justify="left" if col == "sub-type" else "right")
    for name, s in result["per_sub_type"].items():
        table.add_row(name, str(s["reports"]), fmt(s["any_event"]), fmt(s["sub_type"]))
    console.print(table)
    totals = Table(title=f"Recall set: {result['file']}")
    totals.add_column("measure")
    totals.add_column("value", justify="right")
    for label, key in (("any event (conflict reports)", "any_event"),
                       ("sub-type right (conflict reports)", "sub_type"),
                       ("sub-type weighted F1 (first event)", "weighted_f1"),
                       ("non-conflict reports given an event", "false_alarms")):
        totals.add_row(label, fmt(result[key]))
    totals.caption = (f"{result['conflict_reports']} conflict and "
                      f"{result['non_conflict_reports']} non-conflict report(s)")
    console.print(totals)
