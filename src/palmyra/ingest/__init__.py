"""Ingest: read articles from files, folders, CSV/JSONL, HTML and WARC, and build Documents.

``iter_records`` yields a ``RawRecord`` per article (or an ``InputError`` per
bad file, row or line); ``build_document`` turns a record into a
``palmyra.model.Document`` with metadata, body, comments and clean text.
"""

from palmyra.ingest.build import build_document, document_id
from palmyra.ingest.encoding import decode_bytes
from palmyra.ingest.records import RawRecord
from palmyra.ingest.sources import DEFAULT_MAX_BYTES, iter_records
from palmyra.ingest.tabular import FAKES_COLUMNS, ColumnMapping

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FAKES_COLUMNS",
    "ColumnMapping",
    "RawRecord",
    "build_document",
    "decode_bytes",
    "document_id",
    "iter_records",
]
