"""What every ``palmyra`` command shares: the ``--store`` option and the one-line error.

The commands live in several modules (the main CLI, eval, link, serve/report);
keeping these two pieces here keeps their option and their error line the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

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
