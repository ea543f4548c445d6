"""What every ``palmyra`` command shares: the ``--store`` option, the one-line error, the
command group that keeps help free of ``<bool>`` labels, and printing listings whole.

The commands live in several modules (the main CLI, eval, link, serve/report);
keeping these pieces here keeps their option, their error line, their help and their
tables the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console, RenderableType
from rich.markup import escape
from rich.table import Table
from typer.core import TyperGroup

StoreOpt = Annotated[
    Path,
    typer.Option("--store", "-s", help="The DuckDB store file.", envvar="PALMYRA_STORE"),
]


def fail(message: object, code: int = 2) -> typer.Exit:
    """Print ``error: MESSAGE`` on one line of stderr; return the Exit for the caller to raise.

    The message is escaped: it can hold file names or article text with Rich markup in it.
    """
    Console(stderr=True).print(
        f"[bold red]error:[/] {escape(str(message))}", highlight=False, soft_wrap=True
    )
    return typer.Exit(code)


def _quiet_flags(command: Any, ctx: Any) -> None:
    """Give every on/off flag of ``command`` an empty metavar so Rich help shows no type.

    Typer's Rich help panel prints ``param.display_type_rich()`` for every option, and for a
    flag that is ``<bool>`` (``--json <bool>``, ``--help <bool>``), which reads as if the flag
    took a value. Typer returns an explicit metavar unchanged, so an empty one shows nothing.
    """
    for param in command.get_params(ctx):
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""


class PalmyraGroup(TyperGroup):
    """The ``palmyra`` command group: its own help and every sub-command's help show flags
    as flags. Pass it as ``typer.Typer(cls=PalmyraGroup)`` to each app and sub-app."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _quiet_flags(command, ctx)
        return command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _quiet_flags(self, ctx)
        super().format_help(ctx, formatter)


# Width used for a listing when stdout is a pipe or a file: wide enough for any row.
_PIPE_WIDTH = 100_000


def _unclip(table: Table) -> None:
    """Let every column of ``table`` grow to its longest cell, on one line."""
    for column in table.columns:
        column.max_width = None
        column.no_wrap = True
        column.overflow = "fold"
        column.ratio = None


def print_listing(console: Console, *renderables: RenderableType) -> None:
    """Print tables whole: on a terminal as Rich fits them; elsewhere at their content's width.

    In a pipe or a file there is no screen to fit, and Rich's default of 80 columns cut every
    cell to three letters ("Ale…"). There each table keeps one line per row and its full ids,
    places and actors, and is printed at the width its content needs.
    """
    if console.is_terminal:
        for r in renderables:
            console.print(r)
        return
    for r in renderables:
        if isinstance(r, Table):
            _unclip(r)
            needed = console.measure(r, options=console.options.update_width(_PIPE_WIDTH))
            # Console.print caps a width at the console's own, so a console of that width prints
            wide = Console(
                file=console.file,
                width=max(needed.maximum, 20),
                color_system=console.color_system,  # type: ignore[arg-type]
                no_color=console.no_color,
                force_terminal=False,
            )
            wide.print(r)
        else:
            console.print(r, soft_wrap=True)
