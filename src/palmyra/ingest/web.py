"""Articles from the web: pages by URL, and the links of RSS/Atom feeds and sitemaps.

Fetching goes through trafilatura's downloader (``fetch_response``: redirects, size
cap, decoding) and its feed and sitemap parsers; pages become records through the
same ``html_record`` as saved HTML files, with the URL as their source. The fetcher
is polite, as a crawler must be:

1. one request per host at a time, at least ``delay`` seconds apart (longer when
   the host's robots.txt asks for a Crawl-delay);
2. robots.txt is read once per host (``urllib.robotparser``) and obeyed for
   Palmyra's user agent; an unreachable or failing robots.txt (5xx) forbids the
   host, a missing one (4xx) allows it, as RFC 9309 says;
3. an answer of 429 or 5xx is tried again at most ``retries`` times, waiting
   longer each time (trafilatura's downloader does this: its retry budget also
   bounds the redirects followed); a host that does not answer is not tried again;
4. requests say who is asking (``USER_AGENT``).

Links of feeds and sitemaps are taken as the feed gives them (any host: a site's
feed often lives on another host than its articles), minus home pages.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from trafilatura.downloads import fetch_response
from trafilatura.feeds import FeedParameters, determine_feed, find_links, is_potential_feed
from trafilatura.settings import use_config
from trafilatura.sitemaps import DETECT_SITEMAP_LINK, SitemapObject

from palmyra.errors import InputError
from palmyra.ingest.html import html_record
from palmyra.ingest.records import RawRecord
from palmyra.model import SourceRef
from palmyra.version import __version__

USER_AGENT = f"Palmyra/{__version__} (news-article analysis; respects robots.txt)"
MAX_SITEMAPS = 20  # nested sitemap files followed from one --feed
MAX_FEED_LINKS = 2000


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


@dataclass(frozen=True)
class AlreadyStored:
    """A URL skipped because the store already holds a document read from it."""

    url: str


@dataclass
class Fetcher:
    """Polite HTTP GETs: robots.txt, one request per host at a time, a delay, retries.

    Args:
        delay: least seconds between two requests to one host.
        retries: further tries of a request answered 429 or 5xx (and the most redirects).
        timeout: seconds to wait for one answer; the wait before a retry is half of it,
            doubling each time.
        allow_private: fetch from loopback and private addresses (trafilatura refuses
            them by default, so that a feed cannot point the fetcher into the local
            network); for an intranet, and for tests.
        max_bytes: larger answers are cut off by the downloader.
    """

    delay: float = 1.0
    retries: int = 2
    timeout: int = 20
    allow_private: bool = False
    max_bytes: int = 20 * 1024 * 1024
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(
        default_factory=dict, repr=False)
    _locks: dict[str, threading.Lock] = field(default_factory=dict, repr=False)
    _last: dict[str, float] = field(default_factory=dict, repr=False)  # host -> last request
    _crawl_delay: dict[str, float] = field(default_factory=dict, repr=False)  # from robots.txt
    _guard: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        config = use_config()
        config.set("DEFAULT", "USER_AGENTS", USER_AGENT)
        config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(self.timeout))
        config.set("DEFAULT", "MAX_FILE_SIZE", str(self.max_bytes))
        config.set("DEFAULT", "MAX_REDIRECTS", str(self.retries))
        config.set("DEFAULT", "SSRF_PROTECTION", "off" if self.allow_private else "on")
        config.set("DEFAULT", "INSECURE_SSL_FALLBACK", "off")
        self.config = config

    def get(self, url: str) -> str:
        """The decoded body of ``url``.

        Raises:
            InputError: robots.txt forbids it, or no good answer after the retries.
        """
        robots = self._robots_of(url)
        if robots is None:
            raise InputError(url, "the site does not answer (robots.txt unreachable; a private"
                                  " or local address needs --allow-private-hosts)")
        if not robots.can_fetch(USER_AGENT, url):
            raise InputError(url, "robots.txt of the site does not allow fetching it")
        status, body = self._request(url)
        if status != 200 or body is None:
            reason = f"HTTP {status}" if status else "no answer from the site (or only errors)"
            raise InputError(url, reason)
        return body

    def _robots_of(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """The host's robots.txt, read once; None when it cannot be read (site off limits)."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            self._robots[host] = self._read_robots(host)
        return self._robots[host]

    def _read_robots(self, host: str) -> urllib.robotparser.RobotFileParser | None:
        status, body = self._request(f"{host}/robots.txt")
        robots = urllib.robotparser.RobotFileParser(f"{host}/robots.txt")
        if status is None or status >= 500:
            return None  # unreachable: assume the whole site is off limits
        if status in (401, 403):
            robots.disallow_all = True
        elif status == 200 and body is not None:
            robots.parse(body.splitlines())
        else:
            robots.allow_all = True
        delay = robots.crawl_delay(USER_AGENT)
        if delay:
            self._crawl_delay[urlsplit(host).netloc] = float(delay)
        return robots

    def _request(self, url: str) -> tuple[int | None, str | None]:
        """One GET (with the downloader's retries) under the host's lock and delay."""
        host = urlsplit(url).netloc
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            gap = max(self.delay, self._crawl_delay.get(host, 0.0))
            wait = self._last.get(host, -gap) + gap - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                response = fetch_response(url, decode=True, config=self.config)
            finally:
                self._last[host] = time.monotonic()
        if response is None:
            return None, None
        return response.status, response.html if response.status == 200 else None


def page_record(fetcher: Fetcher, url: str) -> RawRecord:
    """Fetch one article page and read it as a saved HTML file would be read.

    Raises:
        InputError: the page cannot be fetched or holds no article text.
    """
    markup = fetcher.get(url)
    return html_record(markup, SourceRef(url), fmt="html", url=url)


def feed_links(fetcher: Fetcher, url: str) -> list[str]:
    """The article URLs an RSS/Atom/JSON feed, a sitemap (index) or a page's feed lists.

    A page that is neither feed nor sitemap is searched for the feed it advertises
    (``<link rel="alternate" type="application/rss+xml">``), which is then read.

    Raises:
        InputError: nothing there can be fetched, or it lists no links.
    """
    body = fetcher.get(url)
    parts = urlsplit(url)
    params = FeedParameters(f"{parts.scheme}://{parts.netloc}", parts.netloc, url)
    start = body.lstrip()[:500]
    if "<urlset" in start or "<sitemapindex" in start:
        links = _sitemap_links(fetcher, url, body)
    elif is_potential_feed(body.lstrip()) or start.startswith("{"):
        links = find_links(body.strip(), params)
    else:
        links = []
        for feed in determine_feed(body, params)[:1]:
            links = find_links(fetcher.get(feed).strip(), params)
    links = _articles(url, links)
    if not links:
        raise InputError(url, "no article links found: not an RSS/Atom feed or a sitemap")
    return links


def iter_web_records(
    urls: Sequence[str],
    feeds: Sequence[str],
    fetcher: Fetcher,
    stored: Callable[[list[str]], set[str]],
) -> Iterator[RawRecord | InputError | AlreadyStored]:
    """Records of the pages at ``urls`` and of every page the ``feeds`` list, in order.

    ``stored(urls)`` says which URLs the store holds already: those are not fetched.
    A page or feed that fails comes out as an ``InputError`` and the rest go on.
    """
    for url in urls:
        yield from _pages([url], fetcher, stored)
    for feed in feeds:
        try:
            links = feed_links(fetcher, feed)
        except InputError as err:
            yield err
            continue
        yield from _pages(links, fetcher, stored)


def _pages(
    urls: Iterable[str], fetcher: Fetcher, stored: Callable[[list[str]], set[str]]
) -> Iterator[RawRecord | InputError | AlreadyStored]:
    urls = list(dict.fromkeys(urls))
    known = stored(urls)
    for url in urls:
        if url in known:
            yield AlreadyStored(url)
            continue
        try:
            yield page_record(fetcher, url)
        except InputError as err:
            yield err


class _Sitemap(SitemapObject):
    """trafilatura's sitemap reader, keeping every location as written (its own filter
    drops hosts without a public suffix, such as an intranet's)."""

    __slots__ = ()

    def handle_link(self, link: str) -> None:
        link = urljoin(self.current_url, link.strip())
        if link != self.current_url and is_url(link):
            (self.sitemap_urls if DETECT_SITEMAP_LINK.search(link) else self.urls).append(link)


def _sitemap_links(fetcher: Fetcher, url: str, body: str) -> list[str]:
    """Locations of a sitemap, following nested sitemaps (at most ``MAX_SITEMAPS`` files)."""
    parts = urlsplit(url)
    sitemap = _Sitemap(f"{parts.scheme}://{parts.netloc}", parts.netloc, [])
    sitemap.current_url, sitemap.content = url, body
    sitemap.seen.add(url)
    sitemap.process()
    while sitemap.sitemap_urls and len(sitemap.seen) < MAX_SITEMAPS:
        sitemap.current_url = sitemap.sitemap_urls.pop(0)
        if sitemap.current_url in sitemap.seen:
            continue
        sitemap.seen.add(sitemap.current_url)
        try:
            sitemap.content = fetcher.get(sitemap.current_url)
        except InputError:
            continue  # one missing sub-sitemap does not lose the others
        sitemap.process()
    return sitemap.urls


def _articles(feed_url: str, links: Iterable[str]) -> list[str]:
    """Absolute http(s) links, without home pages and the feed itself, first seen first."""
    out = []
    for link in links:
        absolute = urljoin(feed_url, link.strip())
        if not is_url(absolute) or absolute == feed_url or urlsplit(absolute).path in ("", "/"):
            continue
        out.append(absolute)
    return list(dict.fromkeys(out))[:MAX_FEED_LINKS]
