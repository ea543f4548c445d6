"""What a reader hands to ``build_document``: one article's text and raw hints.

Readers stop at this shape so that building a ``Document`` stays a pure
function of the record and the profile, which the per-document stage can run
anywhere (process pool, Ray) without touching files again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from palmyra.model import SourceRef


@dataclass
class RawRecord:
    """One article as a reader found it, before cleaning and metadata resolution.

    ``text`` is the original text every span will point into: the decoded
    file for plain text, the text trafilatura extracts for HTML, the content
    cell for CSV/JSONL. The ``*_hint`` fields are raw strings from metadata or
    columns; ``build_document`` resolves them against the text and the profile.
    ``extra`` carries reader-specific facts: ``comments_start`` (HTML/WARC:
    offset where trafilatura's comment section begins), ``row_number`` and
    ``fields`` (CSV/JSONL: 1-based row or line, and the unmapped columns).
    """

    source: SourceRef
    text: str
    format: str  # "text" | "html" | "csv" | "jsonl" | "warc"
    title: str | None = None
    url: str | None = None
    author: str | None = None
    published_hint: str | None = None
    outlet_hint: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
