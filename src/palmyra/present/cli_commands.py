"""The ``palmyra serve`` and ``palmyra report`` commands, for the lead to register on the app.

Register with ``app.command()(serve)`` and ``app.command()(report)``. Each parses
its options, calls one library function and turns a ``PalmyraError`` into a
one-line message with exit code 2, like the other commands.
"""

from __future__ import annotations

import os
import threading
import webbrowser
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from palmyra.cli_support import StoreOpt, fail
from palmyra.errors import PalmyraError
from palmyra.store.db import DEFAULT_STORE

err = Console(stderr=True)



def serve(
    store: StoreOpt = Path(DEFAULT_STORE),
    host: Annotated[
        str,
        typer.Option(help="Address to listen on. The default keeps the UI on this machine;"
                          " anything else exposes the store to the network."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    open_browser: Annotated[
        bool, typer.Option("--open/--no-open", help="Open the UI in the default browser.")
    ] = False,
    workers: Annotated[
        int, typer.Option(min=1, max=32, help="Server processes; more serve more people at once"
                                              " (about one per CPU core).")
    ] = 1,
) -> None:
    """Browse the store in a local web UI: overview, timeline and map, documents, clusters.

    Reads the store only (it first builds the search index when the store is not in
    use elsewhere). While the server runs, other commands cannot write to the store.
    """
    import uvicorn

    from palmyra.present.web.app import STORE_ENV, create_app

    try:
        app = create_app(store)  # also checks the store and builds the search index
    except PalmyraError as e:
        raise fail(e) from None
    url = f"http://{host}:{port}/"
    err.print(f"Palmyra UI on [bold]{url}[/] (Ctrl-C stops it)", highlight=False)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, [url]).start()
    # a browser keeps connections open between clicks; uvicorn's 5 s default races them
    options = {"host": host, "port": port, "log_level": "warning", "timeout_keep_alive": 30}
    if workers == 1:
        uvicorn.run(app, **options)
        return
    os.environ[STORE_ENV] = str(store.absolute())  # the workers' factory reads it
    uvicorn.run("palmyra.present.web.app:app_from_env", factory=True, workers=workers, **options)


def report(
    store: StoreOpt = Path(DEFAULT_STORE),
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The HTML file to write.")
    ] = Path("report.html"),
    max_documents: Annotated[
        int | None,
        typer.Option(min=1, help="Include the full text of at most this many documents"
                                 " (newest first); the other views still cover all."),
    ] = None,
) -> None:
    """Write one self-contained HTML report that opens offline: every view of the web UI."""
    from palmyra.present.report import write_report
    from palmyra.store.db import Store

    try:
        with Store(store, read_only=True) as st:
            summary = write_report(st, output, max_documents=max_documents)
    except PalmyraError as e:
        raise fail(e) from None
    except OSError as e:
        raise fail(f"{output}: cannot write the report ({e.strerror})") from None
    err.print(summary.describe(), highlight=False, soft_wrap=True)
