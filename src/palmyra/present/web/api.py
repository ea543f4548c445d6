"""JSON API: the data behind every page, wrapped as ``{ok: true, data: ...}``.

Errors take the one shape of ``web.errors`` (``{ok: false, error, status}``).
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from palmyra.model import to_dict
from palmyra.present import content
from palmyra.present import queries as wq
from palmyra.present.marks import excerpt
from palmyra.present.web.corpus import Corpus
from palmyra.present.web.deps import ClusterId, DocId, corpus
from palmyra.present.web.errors import NotFound
from palmyra.store import queries

router = APIRouter(prefix="/api")
CorpusDep = Annotated[Corpus, Depends(corpus)]


def ok(data: Any) -> dict[str, Any]:
    return {"ok": True, "data": data}


@router.get("/overview")
def overview(c: CorpusDep) -> dict[str, Any]:
    def build(store: Any) -> dict[str, Any]:
        return {
            "counts": wq.corpus_counts(store),
            "documents_per_outlet_month": wq.documents_per_outlet_month(store),
            "events_per_type": wq.events_per_type(store),
            "top_places": wq.top_places(store),
            "outlets": wq.outlets(store),
        }

    return ok(c.memo("api_overview", build))


@router.get("/documents")
def documents(
    c: CorpusDep,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    outlet: Annotated[str | None, Query(max_length=300)] = None,
) -> dict[str, Any]:
    total, rows = wq.documents_page(c.store, offset, limit, outlet)
    return ok({"total": total, "offset": offset, "documents": rows})


@router.get("/documents/{doc_id}")
def document(c: CorpusDep, doc_id: DocId) -> dict[str, Any]:
    if not wq.document_exists(c.store, doc_id):
        raise NotFound(f"no document with id {doc_id}")
    doc = queries.load_document(c.store, doc_id)
    record = to_dict(doc)
    record.pop("clean", None)
    record["sources"] = [s.name for s in doc.sources]
    for kind in ("events", "quotes", "citations", "frames", "techniques"):
        record[kind] = queries.facts_of(c.store, doc_id, kind)
    record["mentions"] = queries.mentions_of(c.store, doc_id)
    return ok(record)


@router.get("/events")
def events(c: CorpusDep, request: Request) -> Response:
    plain, packed = c.events_payload()
    if "gzip" in request.headers.get("accept-encoding", ""):
        return Response(packed, media_type="application/json",
                        headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
    return Response(plain, media_type="application/json", headers={"Vary": "Accept-Encoding"})


@router.get("/events/{doc_id}/{seq}")
def event(
    c: CorpusDep, doc_id: DocId, seq: Annotated[int, Path(ge=0, le=1_000_000)]
) -> dict[str, Any]:
    rows = wq.events_by_keys(c.store, [(doc_id, seq)])
    if not rows:
        raise NotFound(f"no event {seq} in document {doc_id}")
    row = rows[0]
    text = wq.document_texts(c.store, [doc_id]).get(doc_id, "")
    before, evidence, after = excerpt(text, row["start"], row["end"])
    return ok({**row, "cluster": c.cluster_of()(row["key"]),
               "context": {"before": before, "evidence": evidence, "after": after}})


@router.get("/clusters")
def clusters(c: CorpusDep) -> dict[str, Any]:
    return ok(c.memo("clusters", content.clusters))


@router.get("/clusters/{cluster_id}")
def cluster(c: CorpusDep, cluster_id: ClusterId) -> dict[str, Any]:
    return ok(dataclasses.asdict(content.cluster(c.store, cluster_id)))


@router.get("/naming")
def naming(c: CorpusDep) -> dict[str, Any]:
    return ok(c.memo("naming_rows", wq.naming_rows))


@router.get("/citations")
def citations(c: CorpusDep) -> dict[str, Any]:
    return ok(c.memo("citation_edges", wq.citation_edges))


@router.get("/search")
def search(
    c: CorpusDep,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    if not c.search_ready():
        raise HTTPException(503, "search index not built: start the server when no other"
                            " process holds the store open")
    return ok(content.search(c.store, q, offset=offset, limit=limit))
