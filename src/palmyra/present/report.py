"""``write_report(store, out_path)``: the whole store as one self-contained HTML file.

The report draws the web UI's own templates (overview, timeline and map, event
clusters, every document with its facts highlighted, naming matrix, citation
graph) into one page whose views a small script shows one at a time by URL
fragment. Stylesheet, scripts, basemap and data are inlined, so it opens from a
disk or a mail attachment with no network. A Content-Security-Policy meta tag
allows only the report's own scripts (by hash) and no request of any kind.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from markupsafe import Markup

from palmyra.model import REPORTED_MODALITIES
from palmyra.present import content
from palmyra.present import queries as wq
from palmyra.present.templating import Links, render, static_text
from palmyra.store.db import Store
from palmyra.version import __version__

SCRIPTS = ("palmyra.js", "events.js", "report.js")


@dataclass
class ReportSummary:
    path: Path
    documents: int
    documents_total: int
    clusters: int
    events: int
    bytes: int
    events_apart: int = 0  # planned, hypothetical or denied: in the data, not on the map
    clusters_all: int = 0  # every event cluster, as `palmyra events` counts them

    def describe(self) -> str:
        """The one line `palmyra report` prints, in the counts `events` and `export` use."""
        return (
            f"wrote {self.path} ({self.bytes / 1e6:.1f} MB): {self.documents} of"
            f" {self.documents_total} documents; {self.events} events reported as happened"
            f" (as in `palmyra export`), {self.events_apart} planned, hypothetical or denied"
            f" kept apart; {self.clusters_all} event clusters (as in `palmyra events`), of"
            f" which {self.clusters} reported more than once have a page"
        )


def _sha256(text: str) -> str:
    """A CSP source expression allowing exactly this inline script or style."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def _inline(name: str, closer: str) -> str:
    """A packaged file to inline, refusing one that would close its own element early."""
    text = static_text(name)
    if closer in text.lower():
        raise ValueError(f"static/{name} contains {closer!r} and cannot be inlined")
    return text


def write_report(
    store: Store, out_path: str | Path, *, max_documents: int | None = None
) -> ReportSummary:
    """Write the report; returns what went in.

    Args:
        store: an open store (read-only is enough).
        out_path: the HTML file to write (overwritten).
        max_documents: include at most this many documents' full text, newest first
            (None: all). Events, clusters and the other views always cover the whole
            store; links to a left-out document say so instead of opening it.
    """
    links = Links(report=True)
    table = wq.cluster_of_events(store)

    def cluster_of(key: str) -> str:
        return table.get(key, "")  # an event outside every cluster gets no page here

    total, doc_rows = wq.documents_page(store, 0, max_documents or 1 << 62)
    cluster_list = content.clusters(store)
    cluster_views = [content.cluster(store, r["cluster_id"]) for r in cluster_list["rows"]]
    events = content.events(store, cluster_of)
    config = {
        "types": content.event_types(events),
        "links": links.templates(),
        "events": {"element": "events-data"},
        "basemap": {"element": "basemap-data"},
    }
    scripts = [_inline(name, "</script") for name in SCRIPTS]
    style = _inline("palmyra.css", "</style")
    csp = (
        "default-src 'none'; img-src data:; "
        f"style-src {_sha256(style)}; script-src {' '.join(_sha256(s) for s in scripts)}"
    )
    html = render(
        "report.html",
        links=links, active="", title="Palmyra report", csp=csp,
        style=Markup(style),  # noqa: S704 -- our own packaged stylesheet
        scripts=[Markup(s) for s in scripts],  # noqa: S704 -- our own packaged scripts
        o=content.overview(store),
        rows=doc_rows, total=total,
        docs=(content.document(store, r["id"], cluster_of) for r in doc_rows),
        cl=cluster_list, cluster_views=cluster_views,
        n=content.naming(store), g=content.citations(store),
        events=events, basemap=json.loads(static_text("basemap.geojson")), config=config,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), version=__version__,
        store_name=store.path.name,
    )
    path = Path(out_path)
    path.write_text(html, encoding="utf-8")
    reported = sum(1 for e in events if e.get("modality") in REPORTED_MODALITIES)
    return ReportSummary(path, len(doc_rows), total, len(cluster_views), reported,
                         path.stat().st_size, events_apart=len(events) - reported,
                         clusters_all=wq.cluster_count(store))

