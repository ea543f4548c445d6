"""Read web archives (WARC, as crawlers and Common Crawl write them): one record per HTML page.

The archive is streamed record by record, so its size is not limited; the
size limit applies to each page. Non-HTML payloads and non-2xx responses
are not articles and are skipped without error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from warcio.archiveiterator import WARCIterator
from warcio.recordloader import ArcWarcRecord

from palmyra.errors import InputError
from palmyra.ingest.encoding import decode_bytes, human_size
from palmyra.ingest.html import declared_charset, html_record
from palmyra.ingest.records import RawRecord
from palmyra.model import SourceRef

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


def read_warc(path: str, max_bytes: int) -> Iterator[RawRecord | InputError]:
    """HTML response records of a WARC or WARC.gz file, each as its own record."""
    number = 0
    try:
        with open(path, "rb") as stream:
            for number, rec in enumerate(WARCIterator(stream), 1):
                page = _page(path, rec, number, max_bytes)
                if page is not None:
                    yield page
    except PermissionError:
        yield InputError(path, "permission denied: cannot read file")
    except Exception as err:  # warcio and zlib raise assorted errors on corrupt archives
        yield InputError(
            path, f"record {number + 1}: not a readable WARC record ({type(err).__name__}: {err})"
        )


def _page(
    path: str, rec: ArcWarcRecord, number: int, max_bytes: int
) -> RawRecord | InputError | None:
    """One response/resource record as an HTML page record, an error, or ``None`` to skip it."""
    if rec.rec_type not in ("response", "resource"):
        return None
    headers = rec.http_headers if rec.rec_type == "response" else None
    if headers is not None and not (headers.get_statuscode() or "").startswith("2"):
        return None
    content_type = (
        headers.get_header("Content-Type")
        if headers
        else rec.rec_headers.get_header("Content-Type")
    ) or ""
    if "html" not in content_type.lower():
        return None
    uri = rec.rec_headers.get_header("WARC-Target-URI")
    row = rec.rec_headers.get_header("WARC-Record-ID") or uri or str(number)
    source = SourceRef(path, row=row)
    payload = rec.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        limit = human_size(max_bytes)
        return InputError(
            path, f"record {row}: page is over the {limit} limit; raise it with --max-mb"
        )
    charset = _CHARSET.search(content_type)
    try:
        text = decode_bytes(
            payload, path, charset.group(1) if charset else declared_charset(payload)
        )
        return html_record(text, source, fmt="warc", url=uri)
    except InputError as err:
        return InputError(path, f"record {row}: {err.reason}")
