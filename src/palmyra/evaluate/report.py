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
    return [kinds, fields, metadata]


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
                  fakes: dict[str, Any] | None) -> None:
    """Print whichever results there are."""
    for table in gold_tables(gold) if gold else []:
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
