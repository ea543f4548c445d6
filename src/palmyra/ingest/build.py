"""Turn a ``RawRecord`` into a ``Document``: id, metadata, body, comments and clean text.

``build_document`` is a pure function of the record and the outlet list, so
the per-document stage can run it in a process pool or on Ray.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence

from palmyra.errors import InputError
from palmyra.ingest.clean import (
    Range,
    Rules,
    clean_text,
    link_markup_ranges,
    merge,
    repeated_block,
    rules_for,
    subtract,
    trailing_furniture_start,
)
from palmyra.ingest.comments import Thread, find_thread, split_comments
from palmyra.ingest.metadata import find_outlet, find_published, find_title, read_header
from palmyra.ingest.records import RawRecord
from palmyra.ingest.tags import tag_ranges
from palmyra.model import Document, Outlet, Span

ID_HEX_CHARS = 16


def document_id(text: str) -> str:
    """First 16 hex digits of the SHA-256 of the normalised text.

    NFKC and collapsed whitespace make the same article read from two files,
    or saved with other line ends or spacing, one document in the store.
    """
    normalised = " ".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:ID_HEX_CHARS]


def build_document(record: RawRecord, outlets: Sequence[Outlet] = ()) -> Document:
    """Resolve one record's metadata and regions against the outlet list.

    Raises:
        InputError: the record has no article text once furniture is set aside.
    """
    text = record.text
    where = record.source.path
    row = f"row {record.source.row}: " if record.source.row is not None else ""
    if not text.strip():
        raise InputError(where, f"{row}no text")
    rules = rules_for(outlets)
    doc_id = document_id(text)
    title, title_span = find_title(record, text, rules)
    repeated = repeated_block(text, title_span[1] if title_span else 0)
    header = read_header(text, title_span, rules, outlets, skip=repeated)
    furniture = rules.furniture_ranges(text)
    thread = _thread(record, text, header.body_start, rules)
    body_end = _body_end(text, header.body_start, thread, rules, furniture)
    body = (header.body_start, body_end)
    removed = merge(
        [*furniture, *link_markup_ranges(text), *header.bylines, *([repeated] if repeated else []),
         *tag_ranges(text, body)]
    )
    clean = clean_text(text, body, removed)
    if not clean.text.strip() and title_span is not None:
        # A headline-only item (SANA flash news in FA-KES) still reports something.
        body, clean = title_span, clean_text(text, title_span, [])
    if not clean.text.strip():
        raise InputError(where, f"{row}no article text (only furniture or whitespace)")

    def span(r: Range) -> Span:
        return Span(doc_id, r[0], r[1])

    return Document(
        id=doc_id,
        text=text,
        sources=[record.source],
        format=record.format,
        title=title,
        title_span=span(title_span) if title_span else None,
        author=record.author or header.author,
        outlet=find_outlet(record, text, furniture, outlets, header.credit),
        url=record.url,
        published=find_published(header, record),
        body=span(body),
        comments=[span(c) for c in thread.comments] if thread else [],
        removed=[span(r) for r in removed],
        clean=clean,
    )


def _thread(record: RawRecord, text: str, body_start: int, rules: Rules) -> Thread | None:
    """The comment thread: where the HTML reader put trafilatura's comments, else detected."""
    start = record.extra.get("comments_start")
    if isinstance(start, int) and 0 <= start <= len(text):
        return Thread(start, split_comments(text, start, len(text), rules, per_line=True))
    return find_thread(text, body_start, rules)


def _body_end(
    text: str, body_start: int, thread: Thread | None, rules: Rules, furniture: list[Range]
) -> int:
    """Where the article stops: the comment thread, an end-of-article marker that
    follows some body text, or the end of the text; then back over trailing furniture."""
    end = len(text.rstrip())
    if thread is not None:
        end = min(end, thread.start)
    for marker in rules.end_marker_starts(text, body_start):
        if marker >= end:
            break
        if any(text[s:e].strip() for s, e in subtract((body_start, marker), furniture)):
            end = marker
            break
    return max(body_start, trailing_furniture_start(text, end, furniture))
