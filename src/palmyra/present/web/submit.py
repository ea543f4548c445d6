"""The server as the store's one writer: the loopback routes other commands write through.

When ``palmyra serve`` holds a store, ``analyze`` and ``link`` in other processes
cannot open it (DuckDB allows one writing process), so they hand their work to
the server (``palmyra.store.remote``): the rows of analysed documents, which the
server stores in one transaction per batch, links and indexes for search, so the
UI shows them at once; a request to link; a request for a snapshot to read.

Only callers on this machine that present the token from the store's lease file
(readable by its owner only) are served. A request never names a file: rows are
checked for shape, ids and JSON before they reach SQL as bound parameters, and a
snapshot goes to a folder the server makes itself.
"""

from __future__ import annotations

import dataclasses
import hmac
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from palmyra.ingest import document_id
from palmyra.link.api import link
from palmyra.present import queries as wq
from palmyra.present.web.corpus import Corpus
from palmyra.store.db import Store
from palmyra.store.lease import LOOPBACK, TOKEN_HEADER
from palmyra.store.rows import DOCUMENT_COLUMNS, DocRows

router = APIRouter(prefix="/api/store")

MAX_BATCH = 1000
MAX_IDS = 100_000
_JSON_COLUMNS = [DOCUMENT_COLUMNS.index(c) for c in ("comments", "removed", "clean_segments")]
_TEXT_COLUMN = DOCUMENT_COLUMNS.index("text")
Cell = str | int | float | bool | None
Row4 = tuple[str, str, str, str]


def writer(request: Request) -> Corpus:
    """The corpus, for a caller on this machine holding the lease's token; else 403/409."""
    host = request.client.host if request.client else ""
    if host not in LOOPBACK:
        raise HTTPException(403, "the store takes writes only from this machine")
    token = getattr(request.app.state, "token", None)
    given = request.headers.get(TOKEN_HEADER, "")
    if not token or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(403, "missing or wrong token (it is in the store's lease file)")
    corpus: Corpus = request.app.state.corpus
    if not corpus.writable:
        raise HTTPException(409, "this server only reads the store (it runs several workers)")
    return corpus


WriterDep = Annotated[Corpus, Depends(writer)]


class DocumentIn(BaseModel):
    """``store.rows.DocumentRows`` (``DocRows.wire``): one analysed document's rows."""

    model_config = ConfigDict(extra="forbid")
    document: list[Cell] = Field(min_length=len(DOCUMENT_COLUMNS), max_length=len(DOCUMENT_COLUMNS))
    sources: list[tuple[str, str, str]]
    mentions: list[tuple[str, str, int, int, str | None, str | None, str | None]]
    facts: list[tuple[str, str, int, int | None, int | None, str | None, str | None]]


class BatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    documents: list[DocumentIn] = Field(max_length=MAX_BATCH)
    sources: list[Row4] = Field(max_length=MAX_IDS)  # doc_id, path, row_id, name
    failures: list[Row4] = Field(max_length=MAX_IDS)  # path, row_id, stage, reason


class IdsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ids: list[str] = Field(max_length=MAX_IDS)


class PathsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    paths: list[str] = Field(max_length=MAX_IDS)


class LinkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    full: bool = False


def ok(data: Any) -> dict[str, Any]:
    return {"ok": True, "data": data}


@router.post("/known")
def known(c: WriterDep, body: IdsIn) -> dict[str, Any]:
    """Which of these document ids the store holds: analyze skips them before the pipeline."""
    return ok({"ids": sorted(c.store.known_documents(body.ids))})


@router.post("/sources")
def sources(c: WriterDep, body: PathsIn) -> dict[str, Any]:
    """Which of these source paths or URLs were read already: analyze does not fetch them."""
    return ok({"paths": sorted(c.store.stored_paths(body.paths))})


@router.post("/batch")
def batch(c: WriterDep, body: BatchIn) -> dict[str, Any]:
    """Store a batch in one transaction, link it and refresh the search index."""
    documents = [_checked(d) for d in body.documents]

    def change(store: Store) -> int:
        store.write_rows(documents, body.sources, body.failures)
        linked = link(store).documents
        wq.ensure_search_index(store)
        return linked

    return ok({"stored": len(documents), "linked": c.write(change)})


@router.post("/link")
def link_all(c: WriterDep, body: LinkIn) -> dict[str, Any]:
    """``palmyra link`` run by the server (``full`` rebuilds every link table)."""
    return ok(dataclasses.asdict(c.write(lambda store: link(store, full=body.full))))


@router.post("/snapshot")
def snapshot(c: WriterDep) -> dict[str, Any]:
    """A copy of the store as committed now, for a read-only command to open."""
    return ok({"path": str(c.snapshot())})


def _checked(doc: DocumentIn) -> DocRows:
    """The rows, once their id is the hash of their text and every id and JSON cell agrees."""
    row = doc.document
    text = row[_TEXT_COLUMN]
    if not isinstance(text, str) or not isinstance(row[0], str) or row[0] != document_id(text):
        raise HTTPException(422, "a document's id is not the hash of its text")
    doc_id = row[0]
    if any(m[0] != doc_id for m in doc.mentions) or any(f[0] != doc_id for f in doc.facts):
        raise HTTPException(422, f"document {doc_id}: a mention or fact names another document")
    cells = [row[i] for i in _JSON_COLUMNS] + [m[6] for m in doc.mentions]
    cells += [f[6] for f in doc.facts]
    try:
        for cell in cells:
            if cell is not None:
                json.loads(cell)  # type: ignore[arg-type]
    except (TypeError, ValueError) as err:
        raise HTTPException(422, f"document {doc_id}: a JSON column is not JSON") from err
    return DocRows.from_wire({
        "document": list(row),
        "sources": [list(s) for s in doc.sources],
        "mentions": [list(m) for m in doc.mentions],
        "facts": [list(f) for f in doc.facts],
    })
