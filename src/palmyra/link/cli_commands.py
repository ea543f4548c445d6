"""The link commands: ``palmyra events``, ``compare``, ``naming``, ``sources`` and ``link``.

``palmyra.cli`` registers them on the main app (``app.command("events")(events_command)``
and so on). Each calls one ``palmyra.link.api`` function and prints a Rich
table, or JSON with ``--json``; a ``PalmyraError`` becomes a one-line message
and exit code 2. Only ``link`` opens the store for writing.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from palmyra.cli_support import StoreOpt, fail, print_listing
from palmyra.errors import PalmyraError
from palmyra.store.db import DEFAULT_STORE, Store

T = TypeVar("T")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _read(store: Path, fn: Callable[[Store], T], *, write: bool = False) -> T:
    try:
        with Store(store, read_only=not write) as st:
            return fn(st)
    except PalmyraError as e:
        raise fail(e) from None


def _json(data: Any) -> None:
    def plain(o: Any) -> Any:
        return dataclasses.asdict(o) if dataclasses.is_dataclass(o) else str(o)

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1, default=plain) + "\n")


def events_command(
    store: StoreOpt = Path(DEFAULT_STORE),
    place: Annotated[
        str | None, typer.Option(help="Only clusters at this place (or in this province).")
    ] = None,
    event_type: Annotated[
        str | None,
        typer.Option("--type", help="Only this ACLED type or sub-type (a part is enough)."),
    ] = None,
    min_outlets: Annotated[
        int, typer.Option(min=1, help="Only clusters reported by at least this many outlets.")
    ] = 1,
    as_json: JsonOpt = False,
) -> None:
    """List event clusters: date, place, type, outlets, independent sources, disagreements."""
    from palmyra.link import api, render

    rows = _read(
        store,
        lambda st: api.events(st, place=place, event_type=event_type, min_outlets=min_outlets),
    )
    if as_json:
        _json(rows)
        return
    print_listing(Console(), render.events_table(rows, render.events_title(rows, store)))


def compare_command(
    cluster: Annotated[str, typer.Argument(help="A cluster id or an unambiguous id prefix.")],
    store: StoreOpt = Path(DEFAULT_STORE),
    as_json: JsonOpt = False,
) -> None:
    """Show one cluster's reports side by side with their evidence; disagreements in red."""
    from palmyra.link import api, render

    detail = _read(store, lambda st: api.compare(st, cluster))
    if as_json:
        _json(detail)
        return
    Console().print(render.compare_view(detail))


def naming_command(
    actor: Annotated[
        str | None,
        typer.Argument(help="A canonical actor (or an unambiguous part of its name)."),
    ] = None,
    store: StoreOpt = Path(DEFAULT_STORE),
    limit: Annotated[int, typer.Option(min=1, help="Rows in the summary tables.")] = 30,
    as_json: JsonOpt = False,
) -> None:
    """How each outlet names an actor; without ACTOR, actors, each outlet's lean per side
    and the propaganda techniques found per outlet (a column per technique)."""
    from palmyra.link import api, render

    data = _read(store, lambda st: api.naming(st, actor))
    if as_json:
        _json(data)
        return
    console = Console()
    if actor is not None:
        print_listing(console, render.naming_table(data))
        return
    tables = [render.actors_table(data["actors"], limit), render.lean_table(data["lean"])]
    if data["distances"]:
        tables.append(render.distance_table(data["distances"], limit))
    if data["techniques"]:
        tables.append(render.techniques_table(data["techniques"]))
    print_listing(console, *tables)


def sources_command(store: StoreOpt = Path(DEFAULT_STORE), as_json: JsonOpt = False) -> None:
    """The citation graph: which outlets cite which, and how often."""
    from palmyra.link import api, render

    edges = _read(store, api.sources)
    if as_json:
        _json(edges)
        return
    print_listing(Console(), render.sources_table(edges))


def link_command(
    store: StoreOpt = Path(DEFAULT_STORE),
    full: Annotated[
        bool, typer.Option("--full", help="Rebuild every link table instead of adding to them.")
    ] = False,
) -> None:
    """Line up the stored documents across outlets (`palmyra analyze` already does this).

    When `palmyra serve` holds the store, the server does the linking.
    """
    from palmyra.api import link_store

    try:
        summary = link_store(store, full=full)
    except PalmyraError as e:
        raise fail(e) from None
    Console().print(
        f"[green]✓[/] linked {summary.documents} document(s): {summary.reports} report(s) placed,"
        f" {summary.clusters_written} cluster(s) written, {summary.near_duplicates} new"
        f" near-duplicate pair(s); {summary.clusters} cluster(s) in {store}."
    )
