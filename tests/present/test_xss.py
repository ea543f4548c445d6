"""Hostile article text renders as text: in the HTML source, and in a real browser.

The hostile article (``fixtures.hostile_facts``) puts ``<script>alert(1)</script>``
and ``" onmouseover="alert(1)`` in its title, outlet, body, an event's actors,
a quote's speaker and a citation's source, and ``</script>`` in a citation, so
every view and every script data block gets its share.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from palmyra.present.report import write_report
from palmyra.store.db import Store

from . import fixtures as fx
from .conftest import LiveServer, Tab, serve

HOSTILE_DOC = fx.hostile_facts().document.id
PAGES = ["/", "/documents", f"/doc/{HOSTILE_DOC}", "/events", f"/cluster/{HOSTILE_DOC}.0",
         "/naming", "/citations", "/search?q=alert+script+spokesman",
         "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"]
# Markup that must never appear unescaped in a page's source.
RAW = [fx.HOSTILE, 'onmouseover="alert(1)', "<img src=x", "<b>spokesman</b>"]


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.duckdb"
    return fx.write_store(path, [*fx.corpus(), fx.hostile_facts()])


@pytest.fixture(scope="module")
def hostile_server(hostile_store: Path) -> Iterator[LiveServer]:
    with serve(hostile_store) as server:
        yield server


def _assert_inert(html: str) -> None:
    for raw in RAW:
        assert raw not in html
    # our own script elements only: in the pages src=, in the report inline ones we wrote
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert re.fullmatch(r'<script( src="/static/[a-z]+\.js"| type="application/json" '
                            r'id="[a-z-]+")?>', tag), tag


@pytest.mark.parametrize("path", PAGES)
def test_xss_server_source_is_escaped(hostile_server: LiveServer, path: str) -> None:
    r = httpx.get(hostile_server.url + path, headers={"accept": "text/html"}, timeout=10)
    assert r.status_code == 200
    _assert_inert(r.text)
    if path.startswith("/doc/"):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text


def test_xss_report_source_is_escaped(hostile_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    with Store(hostile_store, read_only=True) as st:
        write_report(st, out)
    html = out.read_text("utf-8")
    for raw in RAW:
        assert raw not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # the only </script> sequences close our own elements
    assert html.count("</script>") == html.count("<script")


def _hover_everything(tab: Tab) -> None:
    """Fire mouseover on every element, so that any injected handler would run."""
    tab.page.evaluate(
        """() => document.querySelectorAll('*').forEach(
             (n) => n.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })))""")
    tab.page.mouse.move(400, 400)


def _assert_no_injection(tab: Tab) -> None:
    injected = tab.page.evaluate(
        """() => document.querySelectorAll(
             '[onmouseover], [onerror], [onload], img, iframe, object, embed').length""")
    assert injected == 0
    assert tab.dialogs == []
    assert tab.errors == []


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_xss_server_pages_in_browser(hostile_server: LiveServer, tab: Tab, path: str) -> None:
    tab.page.goto(hostile_server.url + path)
    if path == "/events":
        tab.page.wait_for_selector("#events-app[data-ready]")
        tab.page.wait_for_selector(".map-box .place")
        tab.page.locator(f'.ev[data-key="{HOSTILE_DOC}.0"]').click()
        detail = tab.page.locator('[data-role="detail"]').inner_text()
        assert fx.HOSTILE in detail and fx.BREAKER in detail
    _hover_everything(tab)
    _assert_no_injection(tab)
    if path.startswith(("/doc/", "/cluster/")):
        assert fx.HOSTILE in tab.page.locator("main").inner_text()
    if path.startswith("/doc/"):
        assert tab.page.locator("h1").inner_text() == fx.hostile_facts().document.title
        tab.shot("xss-document")


@pytest.mark.browser
def test_xss_report_in_browser(hostile_store: Path, tmp_path: Path, tab: Tab) -> None:
    out = tmp_path / "report.html"
    with Store(hostile_store, read_only=True) as st:
        write_report(st, out)
    tab.page.goto(out.as_uri())
    for view in ("#overview", "#documents", f"#doc/{HOSTILE_DOC}", "#events", "#naming",
                 "#citations"):
        tab.page.evaluate("h => { location.hash = h; }", view)
        tab.page.wait_for_timeout(100)
        _hover_everything(tab)
    tab.page.evaluate("h => { location.hash = h; }", f"#doc/{HOSTILE_DOC}")
    assert tab.page.locator("section.view.on h1").inner_text() == (
        fx.hostile_facts().document.title)
    tab.shot("xss-report-document")
    _assert_no_injection(tab)
