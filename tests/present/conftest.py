"""Fixtures for the presentation tests: the invented corpus, a real server, a real browser.

The server is uvicorn serving ``create_app`` on a loopback socket in a thread; the
browser is the system Chromium driven by Playwright (never a downloaded one).
Browser tests skip with the reason when either is missing.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from . import fixtures as fx

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives the system Chromium through Playwright (skips without them)"
    )


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented corpus, with the Palmyra and Maarat al-Numan reports linked as clusters."""
    path = fx.write_store(tmp_path_factory.mktemp("corpus") / "corpus.duckdb", fx.corpus())
    docs = {f.document.sources[0].name: f.document.id for f in fx.corpus()}
    fx.add_clusters(path, {
        "palmyra-2016": [(docs["monitor-palmyra.txt"], 0), (docs["gazette-palmyra.txt"], 0),
                         (docs["wire-daraa.txt"], 1)],
        "maarat-strike": [(docs["monitor-palmyra.txt"], 1), (docs["gazette-palmyra.txt"], 1)],
    })
    return path


class LiveServer:
    """uvicorn on 127.0.0.1 in a daemon thread, on a socket bound before it starts."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]},
                                       daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


def serve(store: Path) -> LiveServer:
    from palmyra.present.web import create_app

    return LiveServer(create_app(store))


@pytest.fixture(scope="session")
def live_server(corpus_store: Path) -> Iterator[LiveServer]:
    with serve(corpus_store) as server:
        yield server


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A persistent Chromium context with a fresh profile (the system browser, headless)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS, headless=True, viewport={"width": 1440, "height": 1000},
        )
        yield context
        context.close()


@dataclass
class Tab:
    """A browser page that records console errors, page errors and dialogs."""

    page: Any
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def tab(browser: Any) -> Iterator[Tab]:
    page = browser.new_page()
    t = Tab(page)
    page.on("console", lambda m: t.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: t.errors.append(str(e)))

    def on_dialog(dialog: Any) -> None:
        t.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield t
    page.close()
