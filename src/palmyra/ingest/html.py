"""Read one HTML page into a record: main text and comments via trafilatura, metadata via htmldate.

The record's text is what trafilatura extracts (main text, then the comment
section after a blank line), so every span points into that extracted text,
not into the markup.
"""

from __future__ import annotations

import re

import trafilatura

from palmyra.errors import InputError
from palmyra.ingest.records import RawRecord
from palmyra.model import SourceRef

# htmldate settings: read the date from markup and URL only (no guessing from
# dates mentioned in the article), and prefer the original publication date
# over a later "updated" one.
DATE_EXTRACTION = {"extensive_search": False, "original_date": True}
# Between the main text and the comments in the record's text.
COMMENTS_SEPARATOR = "\n\n"

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(
    r"\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I | re.S
)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its top, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def looks_like_html(text: str) -> bool:
    """True for text that starts as an HTML document (sniffed in files without an HTML suffix)."""
    return bool(_HTML_START.match(text[:4096]))


def html_record(
    markup: str, source: SourceRef, fmt: str = "html", url: str | None = None
) -> RawRecord:
    """Extract the article, its comments and metadata from one page.

    Falls back to trafilatura's baseline extractor for pages its main
    extractor rejects (tiny or broken markup), so malformed HTML still yields
    its text.

    Raises:
        InputError: the page has no text at all.
    """
    try:
        doc = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=True,
            include_tables=True,
            date_extraction_params=DATE_EXTRACTION,
        )
        body = (doc.text if doc else None) or ""
        if not body.strip():
            body = trafilatura.baseline(markup)[1]
    except Exception as err:  # trafilatura and lxml raise assorted errors on broken markup
        raise InputError(source.path, f"cannot parse HTML ({type(err).__name__}: {err})") from err
    if not body or not body.strip():
        raise InputError(source.path, "no article text found in the HTML")
    text, extra = body, {}
    comments = (doc.comments if doc else None) or ""
    if comments.strip():
        extra["comments_start"] = len(body) + len(COMMENTS_SEPARATOR)
        text = body + COMMENTS_SEPARATOR + comments
    return RawRecord(
        source=source,
        text=text,
        format=fmt,
        title=doc.title if doc else None,
        url=(doc.url if doc else None) or url,
        author=doc.author if doc else None,
        published_hint=doc.date if doc else None,
        outlet_hint=doc.sitename if doc else None,
        extra=extra,
    )
