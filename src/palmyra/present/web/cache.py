"""A response cache for the web app: pages change only when the server writes.

``palmyra serve`` holds the store, so nothing but the server itself writes to it
(other commands hand their writes to it): between two writes every page is a
pure function of its URL. Caching whole responses is therefore exact as long as
the cache is emptied when the corpus's ``generation`` moves on, and it turns the
whole-corpus pages (overview, timeline, naming, citations), which take tens to
hundreds of milliseconds to build, into memory copies. The cache is bounded in
bytes and drops the least recently used pages.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
UNCACHED_PREFIXES = ("/static/",)  # served from files already


@dataclass(frozen=True)
class _Entry:
    start: Message
    body: bytes


class ResponseCache:
    """ASGI middleware: keep successful GET responses by URL and ``Accept-Encoding``."""

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int = DEFAULT_MAX_BYTES,
        generation: Callable[[], int] = lambda: 0,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.generation = generation
        self.seen = generation()
        self.size = 0
        self.entries: OrderedDict[tuple[str, bytes, bytes], _Entry] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or scope["path"].startswith(UNCACHED_PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        generation = self.generation()
        if generation != self.seen:  # the store changed: every kept page may be stale
            self.entries.clear()
            self.size = 0
            self.seen = generation
        encoding = dict(scope["headers"]).get(b"accept-encoding", b"")
        key = (scope["path"], scope["query_string"], encoding)
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
            await send(_copy(entry.start))  # outer middleware may add headers in place
            await send({"type": "http.response.body", "body": entry.body, "more_body": False})
            return
        start: Message = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = _copy(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if (not message.get("more_body", False) and start.get("status") == 200
                        and self.generation() == generation):  # not built across a write
                    self._add(key, _Entry(start, b"".join(chunks)))
            await send(message)

        await self.app(scope, receive, keep)

    def _add(self, key: tuple[str, bytes, bytes], entry: _Entry) -> None:
        if len(entry.body) > self.max_bytes // 4:
            return  # one page must not push out everything else
        self.entries[key] = entry
        self.size += len(entry.body)
        while self.size > self.max_bytes:
            _, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped.body)


def _copy(start: Message) -> Message:
    return {**start, "headers": list(start.get("headers", []))}
