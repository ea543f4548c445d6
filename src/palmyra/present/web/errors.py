"""The web app's single error path: every failure becomes ``{ok: false, error, status}``.

One handler, ``handle``, renders every exception the app can meet, so an API
client always gets the same JSON shape (pinned by ``tests/present/test_errors.py``)
and a browser gets the same three facts on an HTML page. Unexpected exceptions
are logged with their traceback and shown only as "internal error": their text
may hold paths or SQL. They are caught by a small ASGI middleware rather than
left to Starlette's outermost one, which would also drop the client's
keep-alive connection.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from palmyra.errors import PalmyraError, StoreError
from palmyra.present.templating import Links, render

log = logging.getLogger(__name__)


class NotFound(HTTPException):
    """An id that names nothing in the store."""

    def __init__(self, what: str) -> None:
        super().__init__(404, what)


def describe(exc: Exception) -> tuple[int, str]:
    """The status code and the one-line message shown for ``exc``."""
    if isinstance(exc, HTTPException):
        return exc.status_code, str(exc.detail)
    if isinstance(exc, RequestValidationError):
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("path", "query"))
            parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else e.get("msg", ""))
        return 422, "invalid request: " + "; ".join(parts)
    if isinstance(exc, StoreError) and str(exc).startswith("no "):
        return 404, str(exc)
    if isinstance(exc, PalmyraError):
        return 400, str(exc)
    return 500, "internal error"


async def handle(request: Request, exc: Exception) -> Response:
    status, message = describe(exc)
    if status >= 500:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    body = {"ok": False, "error": message, "status": status}
    if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse(body, status_code=status)
    html = render("error.html", links=Links(), active="", title=f"{status}", **body)
    return HTMLResponse(html, status_code=status)


class CatchAll:
    """Render any exception a route raises through ``handle``, unless a response began."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started:
                raise
            response = await handle(Request(scope), exc)
            await response(scope, receive, send)


def install(app: FastAPI) -> None:
    """Route every error to ``handle``: the expected ones by class, the rest by middleware."""
    for exc_class in (HTTPException, RequestValidationError, PalmyraError):
        app.add_exception_handler(exc_class, handle)
    app.add_middleware(CatchAll)
