"""The response cache: a page is built once, replayed byte for byte, headers not doubled."""

from __future__ import annotations

from fastapi.testclient import TestClient

from palmyra.present.web.app import create_app
from palmyra.present.web.cache import ResponseCache


def _cache(app) -> ResponseCache:
    layer = app.middleware_stack
    while not isinstance(layer, ResponseCache):
        layer = layer.app
    return layer


def test_cache_replays_pages_with_their_headers_once(corpus_store):
    app = create_app(corpus_store)
    with TestClient(app) as client:
        first = client.get("/")
        cache = _cache(app)
        assert len(cache.entries) == 1
        second = client.get("/")
        third = client.get("/")
    assert first.status_code == second.status_code == 200
    assert first.content == second.content == third.content
    assert third.headers.get_list("content-security-policy") == [
        first.headers["content-security-policy"]
    ]


def test_cache_keeps_no_errors_and_no_static_files(corpus_store):
    app = create_app(corpus_store)
    with TestClient(app) as client:
        assert client.get("/doc/0000000000000000").status_code == 404
        assert client.get("/static/palmyra.css").status_code == 200
        assert _cache(app).entries == {}
