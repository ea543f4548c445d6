"""HTML pages: each route asks ``present.content`` for a view and renders its template."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, RedirectResponse

from palmyra.present import content
from palmyra.present import queries as wq
from palmyra.present.templating import Links, render
from palmyra.present.web.corpus import Corpus
from palmyra.present.web.deps import ClusterId, DocId, corpus
from palmyra.present.web.errors import NotFound

router = APIRouter(default_response_class=HTMLResponse)
PAGE_SIZE = 50
LINKS = Links()
CorpusDep = Annotated[Corpus, Depends(corpus)]


def page(template: str, active: str, title: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(template, links=LINKS, active=active, title=title, **context))


def corpus_page(
    c: Corpus, template: str, active: str, title: str, name: str, build: Callable[[Any], Any]
) -> HTMLResponse:
    """A page drawn from one whole-corpus view: rendered once per store generation."""
    html = c.memo(f"page:{template}", lambda st: render(
        template, links=LINKS, active=active, title=title, **{name: build(st)}))
    return HTMLResponse(html)


@router.get("/")
def overview(c: CorpusDep) -> HTMLResponse:
    return corpus_page(c, "overview.html", "overview", "Overview", "o", content.overview)


@router.get("/documents")
def documents(
    c: CorpusDep,
    outlet: Annotated[str | None, Query(max_length=300)] = None,
    p: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    total, rows = wq.documents_page(c.store, (p - 1) * PAGE_SIZE, PAGE_SIZE, outlet or None)
    return page(
        "documents.html", "documents", "Documents", rows=rows, total=total, page_no=p,
        pages=max(1, -(-total // PAGE_SIZE)), outlet=outlet or "",
        outlets=c.memo("outlets", wq.outlets),
    )


@router.get("/doc/{doc_id}")
def document(c: CorpusDep, doc_id: DocId) -> HTMLResponse:
    if not wq.document_exists(c.store, doc_id):
        raise NotFound(f"no document with id {doc_id}")
    view = content.document(c.store, doc_id, c.cluster_of())
    return page("document.html", "documents", view.doc.title or doc_id, v=view)


@router.get("/events")
def events(c: CorpusDep) -> HTMLResponse:
    def config(_: Any) -> dict[str, Any]:
        return {"types": content.event_types(c.events()), "links": LINKS.templates(),
                "events": {"url": "/api/events"}, "basemap": {"url": "/static/basemap.geojson"}}

    return corpus_page(c, "events.html", "events", "Events: timeline and map", "config", config)


@router.get("/timeline")
def timeline() -> RedirectResponse:
    return RedirectResponse("/events#timeline")


@router.get("/map")
def map_() -> RedirectResponse:
    return RedirectResponse("/events#map")


@router.get("/clusters")
def clusters(c: CorpusDep) -> HTMLResponse:
    return corpus_page(c, "clusters.html", "clusters", "Event clusters", "cl", content.clusters)


@router.get("/cluster/{cluster_id}")
def cluster(c: CorpusDep, cluster_id: ClusterId) -> HTMLResponse:
    view = content.cluster(c.store, cluster_id)
    return page("cluster.html", "clusters", view.heading, v=view)


@router.get("/naming")
def naming(c: CorpusDep) -> HTMLResponse:
    return corpus_page(c, "naming.html", "naming", "Naming matrix", "n", content.naming)


@router.get("/citations")
def citations(c: CorpusDep) -> HTMLResponse:
    return corpus_page(c, "citations.html", "citations", "Citation graph", "g",
                       content.citations)


@router.get("/search")
def search(
    c: CorpusDep,
    q: Annotated[str, Query(max_length=500)] = "",
    p: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> HTMLResponse:
    result = None
    if q.strip() and c.search_ready():
        result = content.search(c.store, q, offset=(p - 1) * 20, limit=20)
    return page("search.html", "search", f"Search: {q}" if q else "Search", q=q, r=result,
                ready=c.search_ready(), page_no=p)
