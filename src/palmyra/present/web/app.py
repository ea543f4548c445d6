"""``create_app(store_path)``: the FastAPI application over one store file.

Static files come only from the package's own ``static`` folder (Starlette's
``StaticFiles`` refuses paths that leave it); every other route reads the store
through ``present.content`` and the store's query modules. Every response
carries a Content-Security-Policy that forbids inline scripts and any
off-machine request, so even a rendering bug could not run an article's script.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from palmyra.present import queries as wq
from palmyra.present.web import api, errors, pages, submit
from palmyra.present.web.cache import ResponseCache
from palmyra.present.web.corpus import Corpus, prepare_search_index
from palmyra.store.db import Store

STORE_ENV = "PALMYRA_WEB_STORE"  # how ``app_from_env`` worker processes find the store
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class SecurityHeaders:
    """Add ``SECURITY_HEADERS`` to every HTTP response (a plain ASGI wrapper: cheap)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.headers]
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(
    store_path: str | Path,
    *,
    build_search_index: bool = True,
    writable: bool = False,
    token: str | None = None,
    on_close: Callable[[], None] | None = None,
) -> FastAPI:
    """The web UI and JSON API over the store at ``store_path`` (which must exist).

    Args:
        build_search_index: build or refresh the search index first, which needs
            the store writable for a moment; without it search works only if an
            index is already there.
        writable: hold the store open for writing and be its one writer: other
            commands then hand their writes to this server (``web.submit``) and the
            pages follow the store as it grows. Needs a single server process.
        token: what a caller of the ``/api/store/`` routes must present (the
            lease file's); without one those routes refuse everyone.
        on_close: called when the server stops, after the store is closed (``serve``
            removes its lease there: uvicorn ends a SIGTERM'd process right after).

    Raises:
        StoreError: when the store is missing or cannot be opened.
    """
    path = Path(store_path)
    if writable:
        if not path.exists():
            Store(path, read_only=True)  # raises the "no store here" error
        corpus = Corpus(path, writable=True)
        if build_search_index:
            corpus.write(wq.ensure_search_index)
    else:
        Store(path, read_only=True).close()
        if build_search_index:
            prepare_search_index(path)
        corpus = Corpus(path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        corpus.close()
        if on_close is not None:
            on_close()

    # The interactive API docs would load their scripts from a CDN: off, to stay offline.
    app = FastAPI(title="Palmyra", lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json")
    app.state.corpus = corpus
    app.state.token = token
    errors.install(app)

    # inside SecurityHeaders: cached pages get them too; a write empties it
    app.add_middleware(ResponseCache, generation=lambda: corpus.generation)
    app.add_middleware(SecurityHeaders)
    static = resources.files("palmyra.present").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(pages.router)
    app.include_router(submit.router)
    app.include_router(api.router)
    return app


def app_from_env() -> FastAPI:
    """Factory for uvicorn worker processes (``factory=True``): the store is ``$PALMYRA_WEB_STORE``.

    The parent builds the search index once before starting the workers, so none
    of them opens the store for writing.
    """
    return create_app(os.environ[STORE_ENV], build_search_index=False)
