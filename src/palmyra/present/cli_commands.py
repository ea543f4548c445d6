"""The ``palmyra serve`` and ``palmyra report`` commands, for the lead to register on the app.

Register with ``app.command()(serve)`` and ``app.command()(report)``. Each parses
its options, calls one library function and turns a ``PalmyraError`` into a
one-line message with exit code 2, like the other commands.
"""

from __future__ import annotations

import os
import socket
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
    port: Annotated[
        int, typer.Option(min=0, max=65535, help="Port to listen on (0: any free one).")
    ] = 8000,
    open_browser: Annotated[
        bool, typer.Option("--open/--no-open", help="Open the UI in the default browser.")
    ] = False,
    workers: Annotated[
        int, typer.Option(min=1, max=32, help="Server processes; more serve more people at once"
                                              " (about one per CPU core).")
    ] = 1,
) -> None:
    """Browse the store in a local web UI: overview, timeline and map, documents, clusters.

    With one worker (the default) the server holds the store and is its one writer:
    `palmyra analyze`, `link`, `report`, `export` and the other commands keep working on
    the same store meanwhile (they go through the server), and the UI shows new
    documents as they are stored. With several workers the store is read-only.
    """
    import uvicorn

    from palmyra.present.web.app import STORE_ENV, create_app
    from palmyra.store import lease

    token = lease.new_token()
    try:
        # one worker: bound here, so the lease names the real port (--port 0 picks one)
        sock = None if workers > 1 else _listen(host, port)
    except OSError as e:
        raise fail(f"cannot listen on {host}:{port} ({e.strerror})") from None
    if sock is not None:
        port = sock.getsockname()[1]
    held = lease.Lease(os.getpid(), port, token, writable=workers == 1,
                       host=host if host not in ("0.0.0.0", "::", "") else "127.0.0.1")
    try:
        app = None if workers > 1 else create_app(
            store, writable=True, token=token, on_close=lambda: lease.remove_lease(store, held))
    except PalmyraError as e:
        raise fail(e) from None
    url = f"http://{host}:{port}/"
    lease.write_lease(store, held)
    err.print(f"Palmyra UI on [bold]{url}[/] (Ctrl-C stops it)", highlight=False)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, [url]).start()
    # a browser keeps connections open between clicks; uvicorn's 5 s default races them
    options = {"log_level": "warning", "timeout_keep_alive": 30}
    try:
        if sock is not None:
            uvicorn.Server(uvicorn.Config(app, **options)).run(sockets=[sock])
            return
        os.environ[STORE_ENV] = str(store.absolute())  # the workers' factory reads it
        uvicorn.run("palmyra.present.web.app:app_from_env", factory=True, workers=workers,
                    host=host, port=port, **options)
    finally:
        lease.remove_lease(store, held)


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``: connections wait in its backlog until uvicorn runs."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    return sock


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
