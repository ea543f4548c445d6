"""HTML pages and WARC archives: main text, comments and metadata via trafilatura/htmldate."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from palmyra.errors import InputError
from palmyra.ingest import RawRecord, build_document, iter_records
from palmyra.model import Outlet

PAGE = """<!DOCTYPE html>
<html><head><title>Army retakes hill town | Example Courier</title>
<meta property="og:site_name" content="Example Courier">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2016-03-28T10:00:00Z">
<link rel="canonical" href="https://www.courier.example/2016/03/hill-town">
</head><body>
<nav>Home | World | Subscribe</nav>
<article><h1>Army retakes hill town</h1>
<p>The army retook the hill town of Qaryatayn on Sunday after a week of combat, officials said.</p>
<p>Residents who fled in August said they hoped to return soon, but many houses were destroyed.</p>
<p>Share this:</p>
</article>
<section id="comments"><h3>2 Comments</h3>
<div class="comment"><p>Sam says: Great report, thanks for the detail.</p></div>
<div class="comment"><p>Lee says: I doubt the numbers given here.</p></div>
</section>
<footer>Copyright 2016 Example Courier</footer>
</body></html>
"""


def test_html_page_text_metadata_and_comments(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (record,) = list(iter_records([path]))
    assert (record.title, record.author, record.published_hint, record.outlet_hint) == (
        "Army retakes hill town",
        "Jane Roe",
        "2016-03-28",
        "Example Courier",
    )
    assert record.url == "https://www.courier.example/2016/03/hill-town"
    doc = build_document(record, [Outlet("The Courier", domains=("courier.example",))])
    assert doc.outlet == "The Courier"
    assert doc.published.value == "2016-03-28" and doc.published.rule == "metadata"
    assert doc.text[doc.title_span.start : doc.title_span.end] == "Army retakes hill town"
    assert doc.clean.text.startswith("The army retook the hill town")
    assert doc.clean.text.endswith("many houses were destroyed.")
    assert [doc.text[c.start : c.end] for c in doc.comments] == [
        "Sam says: Great report, thanks for the detail.",
        "Lee says: I doubt the numbers given here.",
    ]
    assert doc.body.end <= doc.comments[0].start


def test_html_outlet_falls_back_to_site_name(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(PAGE, encoding="utf-8")
    (record,) = list(iter_records([path]))
    assert build_document(record).outlet == "Example Courier"


def test_html_malformed_still_yields_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><body><div><p>Shelling hit <b>the old souk</p> on Friday<div", encoding="utf-8"
    )
    (record,) = list(iter_records([path]))
    assert isinstance(record, RawRecord)
    assert "Shelling hit" in record.text and "old souk" in record.text


def test_html_without_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title></title></head><body><script>x=1</script></body></html>")
    (err,) = list(iter_records([path]))
    assert isinstance(err, InputError)
    assert err.reason == "no article text found in the HTML"


def test_html_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    body = "<p>Le général a visité l’hôpital d’Alep après les frappes de la nuit dernière.</p>"
    path.write_bytes(
        f'<html><head><meta charset="windows-1252"></head><body>{body}</body></html>'.encode(
            "cp1252"
        )
    )
    (record,) = list(iter_records([path]))
    assert "général a visité l’hôpital" in record.text


def _warc(path: Path, records: list[tuple[str, str, str, bytes]]) -> None:
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        for uri, status, content_type, payload in records:
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(payload), http_headers=http
                )
            )


def test_warc_html_responses_become_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(
        path,
        [
            ("https://www.courier.example/a", "200 OK", "text/html; charset=utf-8", PAGE.encode()),
            ("https://www.courier.example/logo.png", "200 OK", "image/png", b"\x89PNG\x00\x00"),
            ("https://www.courier.example/gone", "404 Not Found", "text/html", b"<p>Not found</p>"),
            (
                "https://www.courier.example/b",
                "200 OK",
                "text/html",
                b"<html><body><p>"
                + b"A second report on the convoy that was hit near the border. " * 3
                + b"</p></body></html>",
            ),
        ],
    )
    items = list(iter_records([path]))
    assert all(isinstance(i, RawRecord) for i in items)
    assert [i.url for i in items] == [
        "https://www.courier.example/2016/03/hill-town",
        "https://www.courier.example/b",
    ]
    assert all(i.format == "warc" for i in items)
    assert all(i.source.row.startswith("<urn:uuid:") for i in items)
    assert len({i.source.row for i in items}) == 2
    assert "convoy" in items[1].text


def test_warc_not_an_archive_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(b"this is not a web archive\n" * 20)
    (err,) = list(iter_records([path]))
    assert err.reason.startswith("record 1: not a readable WARC record (ArchiveLoadFailed")


@pytest.mark.parametrize("cut", [200, 700, 1000])
def test_warc_truncated_archive_keeps_earlier_pages(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "cut.warc.gz"
    page = ("https://www.courier.example/a", "200 OK", "text/html", PAGE.encode())
    _warc(path, [page, page])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - cut])
    items = list(iter_records([path]))  # must not raise, whatever warcio makes of the cut
    assert isinstance(items[0], RawRecord)
    assert "hill town" in items[0].text


def test_warc_page_over_limit(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    _warc(path, [("https://www.courier.example/a", "200 OK", "text/html", PAGE.encode())])
    (err,) = list(iter_records([path], max_bytes=100))
    assert err.path == str(path)
    assert err.reason.startswith("record <urn:uuid:")
    assert err.reason.endswith(": page is over the 100 bytes limit; raise it with --max-mb")


def test_warc_page_without_text_is_an_error_for_that_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl"  # no suffix: sniffed as WARC
    empty = b"<html><body><script>x=1</script></body></html>"
    _warc(
        path,
        [
            ("https://www.courier.example/e", "200 OK", "text/html", empty),
            ("https://www.courier.example/a", "200 OK", "text/html", PAGE.encode()),
        ],
    )
    err, record = list(iter_records([path]))
    assert isinstance(err, InputError) and err.path == str(path)
    assert err.reason.endswith(": no article text found in the HTML")
    assert isinstance(record, RawRecord) and record.format == "warc"
