"""The web app's one error shape, ``{ok: false, error, status}``, pinned over a real server."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from .conftest import LiveServer

ERROR_KEYS = {"ok", "error", "status"}


@pytest.fixture(scope="module")
def server(corpus_store: Path):
    from palmyra.present.web import create_app

    app = create_app(corpus_store)

    def boom() -> None:
        raise RuntimeError("secret path /etc/shadow in a traceback")

    app.add_api_route("/api/boom", boom)
    with LiveServer(app) as live:
        yield live


@pytest.fixture(scope="module")
def client(server: LiveServer):
    with httpx.Client(base_url=server.url, timeout=10) as c:
        yield c


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/documents/0000000000000000", 404),  # well-formed id, no such document
        ("GET", "/api/clusters/no-such-cluster", 404),
        ("GET", "/api/events/0000000000000000/0", 404),
        ("GET", "/api/no-such-endpoint", 404),
        ("GET", "/api/documents/bad%20id!", 422),  # fails the id pattern
        ("GET", "/api/events/0000000000000000/-1", 422),
        ("GET", "/api/search", 422),  # q is required
        ("GET", "/api/documents?limit=100000", 422),
        ("POST", "/api/overview", 405),
        ("GET", "/api/boom", 500),
    ],
)
def test_errors_api_shape(client: httpx.Client, method: str, path: str, status: int) -> None:
    r = client.request(method, path)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == ERROR_KEYS
    assert body["ok"] is False
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"]


def test_errors_internal_error_hides_details(client: httpx.Client) -> None:
    assert client.get("/api/boom").json()["error"] == "internal error"


def test_errors_unknown_document_names_the_id(client: httpx.Client) -> None:
    body = client.get("/api/documents/0000000000000000").json()
    assert body["error"] == "no document with id 0000000000000000"


@pytest.mark.parametrize(
    "path", ["/doc/0000000000000000", "/cluster/no-such-cluster", "/no-such-page"]
)
def test_errors_html_pages_for_browsers(client: httpx.Client, path: str) -> None:
    r = client.get(path, headers={"accept": "text/html"})
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "<h1>404</h1>" in r.text


@pytest.mark.parametrize(
    "path",
    [
        "/static/../web/app.py",
        "/static/..%2f..%2f..%2fpyproject.toml",
        "/static/%2e%2e/templates/base.html",
        "/doc/..%2f..%2fetc%2fpasswd",
    ],
)
def test_errors_paths_never_leave_the_package(client: httpx.Client, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (404, 422)
    assert set(r.json()) == ERROR_KEYS


def test_errors_success_shape_and_headers(client: httpx.Client) -> None:
    r = client.get("/api/overview")
    assert r.status_code == 200
    assert r.json()["ok"] is True
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
