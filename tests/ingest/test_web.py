"""Articles from URLs, feeds and sitemaps, fetched from a local HTTP server (no network).

The server is ``http.server`` on 127.0.0.1 in a thread, serving pages written for these
tests; it logs every request so the tests can check the fetcher's manners.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from palmyra import api
from palmyra.errors import InputError
from palmyra.ingest.web import USER_AGENT, Fetcher, feed_links, page_record
from palmyra.store.db import Store

TOWNS = {"a": ("Marea", "Russian jets"), "b": ("Idlib", "Government helicopters"),
         "c": ("Douma", "Regime artillery"), "secret": ("Homs", "Unknown gunmen")}


def _article(slug: str) -> str:
    town, who = TOWNS[slug]
    paragraphs = "".join(
        f"<p>{who} struck {town} on Sunday, killing {12 + i} civilians, the Syrian Observatory"
        f" for Human Rights said in its report number {i} on the attack on {town}.</p>"
        for i in range(4)
    )
    return (
        f"<html><head><title>Strikes on {town} | Test Daily</title>"
        f'<meta name="author" content="Staff writer">'
        f'<meta property="article:published_time" content="2016-03-28"></head>'
        f"<body><nav>Home | World | Contact</nav><article><h1>Strikes on {town}</h1>"
        f"{paragraphs}</article><footer>Copyright Test Daily</footer></body></html>"
    )


@dataclass
class Site:
    """What the local server serves and what it saw."""

    url: str = ""
    log: list[tuple[str, str, float]] = field(default_factory=list)  # path, agent, time
    in_flight: int = 0
    most_in_flight: int = 0
    flaky_left: int = 1  # /flaky.html answers 503 this many times first
    lock: threading.Lock = field(default_factory=threading.Lock)

    def pages(self) -> dict[str, tuple[int, str, str]]:
        u = self.url
        rss = "".join(f"<item><title>{s}</title><link>{u}/news/{s}.html</link></item>"
                      for s in ("a", "b"))
        return {
            "/robots.txt": (200, "text/plain",
                            "User-agent: *\nDisallow: /private/\n"),
            "/news/a.html": (200, "text/html", _article("a")),
            "/news/b.html": (200, "text/html", _article("b")),
            "/news/c.html": (200, "text/html", _article("c")),
            "/private/secret.html": (200, "text/html", _article("secret")),
            "/feed.xml": (200, "application/rss+xml",
                          f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                          f"<link>{u}/</link>{rss}<item><link>{u}/private/secret.html</link>"
                          f"</item></channel></rss>"),
            "/atom.xml": (200, "application/atom+xml",
                          '<?xml version="1.0" encoding="utf-8"?>'
                          '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
                          f'<link rel="self" href="{u}/atom.xml"/>'
                          f'<entry><title>c</title><link href="{u}/news/c.html"/></entry></feed>'),
            "/sitemap.xml": (200, "application/xml",
                             '<?xml version="1.0" encoding="UTF-8"?><sitemapindex'
                             ' xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                             f"<sitemap><loc>{u}/sitemap-news.xml</loc></sitemap></sitemapindex>"),
            "/sitemap-news.xml": (200, "application/xml",
                                  '<?xml version="1.0" encoding="UTF-8"?><urlset'
                                  ' xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                  f"<url><loc>{u}/news/a.html</loc></url>"
                                  f"<url><loc>{u}/news/c.html</loc></url></urlset>"),
            "/home.html": (200, "text/html",
                           '<html><head><link rel="alternate" type="application/rss+xml"'
                           ' href="/feed.xml"></head><body><p>Home</p></body></html>'),
        }

    def answer(self, path: str) -> tuple[int, str, str]:
        if path == "/flaky.html":
            with self.lock:
                self.flaky_left -= 1
                if self.flaky_left >= 0:
                    return 503, "text/plain", "busy"
            return 200, "text/html", _article("b")
        if path == "/down.html":
            return 503, "text/plain", "busy"
        return self.pages().get(path, (404, "text/plain", "not found"))

    def fetched(self, prefix: str = "/") -> list[str]:
        return [p for p, _, _ in self.log if p.startswith(prefix)]


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 -- http.server's name
            with state.lock:
                state.in_flight += 1
                state.most_in_flight = max(state.most_in_flight, state.in_flight)
                state.log.append((self.path, self.headers.get("User-Agent", ""),
                                  time.monotonic()))
            try:
                time.sleep(0.01)  # long enough for two concurrent requests to overlap
                status, kind, body = state.answer(self.path)
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", f"{kind}; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            finally:
                with state.lock:
                    state.in_flight -= 1

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def fetcher(**kw: object) -> Fetcher:
    return Fetcher(**{"delay": 0.0, "timeout": 2, "allow_private": True, **kw})


def test_web_feed_analyze_stores_articles_with_their_url_and_skips_them_next_time(
    site: Site, tmp_path: Path
):
    store = tmp_path / "web.duckdb"
    failures: list[str] = []
    summary = api.analyze([], store, feeds=[f"{site.url}/feed.xml"], fetcher=fetcher(),
                          on_failure=lambda f: failures.append(str(f)))
    assert summary.stored == 2
    assert failures == [f"{site.url}/private/secret.html: robots.txt of the site does not allow"
                        " fetching it"]
    with Store(store, read_only=True) as st:
        rows = st.query("SELECT d.title, d.url, s.path, s.name FROM documents d"
                        " JOIN document_sources s ON s.doc_id = d.id ORDER BY s.path")
        killed = st.query("SELECT count(*) AS n FROM facts WHERE kind = 'events'")[0]["n"]
    assert [r["path"] for r in rows] == [f"{site.url}/news/a.html", f"{site.url}/news/b.html"]
    assert all(r["name"] == r["path"] == r["url"] for r in rows)
    assert rows[0]["title"].startswith("Strikes on Marea")
    assert killed >= 2  # the pages' strikes are events
    assert "/private/secret.html" not in site.fetched()

    before = len(site.log)
    again = api.analyze([f"{site.url}/news/a.html"], store, feeds=[f"{site.url}/feed.xml"],
                        fetcher=fetcher())
    assert (again.stored, again.already) == (0, 3)
    assert not [p for p, _, _ in site.log[before:] if p.startswith("/news/")]  # not re-fetched


def test_web_fetcher_is_polite(site: Site):
    polite = fetcher(delay=0.1)
    for slug in ("a", "b", "c"):
        page_record(polite, f"{site.url}/news/{slug}.html")
    assert site.fetched("/robots.txt") == ["/robots.txt"]  # read once per host
    assert {agent for _, agent, _ in site.log} == {USER_AGENT}
    assert site.most_in_flight == 1
    times = [t for _, _, t in site.log]
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.09


def test_web_fetcher_retries_a_busy_page_up_to_its_limit(site: Site):
    record = page_record(fetcher(retries=1), f"{site.url}/flaky.html")  # 503, then 200
    assert "Idlib" in record.text
    with pytest.raises(InputError, match="no answer from the site"):
        page_record(fetcher(retries=1), f"{site.url}/down.html")
    assert site.fetched("/down.html") == ["/down.html"] * 2  # one try and one retry
    with pytest.raises(InputError, match="HTTP 404"):
        page_record(fetcher(), f"{site.url}/news/missing.html")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/feed.xml", ["/news/a.html", "/news/b.html", "/private/secret.html"]),
        ("/atom.xml", ["/news/c.html"]),
        ("/sitemap.xml", ["/news/a.html", "/news/c.html"]),
        ("/home.html", ["/news/a.html", "/news/b.html", "/private/secret.html"]),
    ],
)
def test_web_feed_links_of_rss_atom_sitemaps_and_a_page_that_names_its_feed(
    site: Site, path: str, expected: list[str]
):
    links = feed_links(fetcher(), site.url + path)
    assert sorted(links) == [site.url + e for e in expected]


def test_web_feed_that_lists_nothing_is_one_error(site: Site):
    with pytest.raises(InputError, match="no article links found"):
        feed_links(fetcher(), f"{site.url}/news/a.html")


def test_web_default_fetcher_refuses_this_machine(site: Site):
    with pytest.raises(InputError, match="does not answer.*--allow-private-hosts"):
        page_record(Fetcher(delay=0.0, timeout=2), f"{site.url}/news/a.html")
    assert site.log == []  # refused before any request left
