"""The ``clusters`` exporter: one JSON line per event cluster, with its evidence.

Each line holds the cluster's event fields (its seed report's), every report
(source file name, outlet, evidence text and span), the outlets, the
independent-source count with its groups, and the flagged disagreements with
the evidence of each side, so a reader can check every claim against the text.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from palmyra import registry
from palmyra.link import queries
from palmyra.store.db import Store


def cluster_record(c: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": c["id"],
        "event_type": c["event_type"],
        "sub_event_type": c["sub_event_type"],
        "date": c["date"],
        "date_precision": c["date_precision"],
        "location": c["place"],
        "admin1": c["admin1"],
        "country": c["country"],
        "latitude": c["lat"],
        "longitude": c["lon"],
        "geonameid": c["geonameid"],
        "actor1": c["actor1"],
        "actor2": c["actor2"],
        "reports": [
            {
                "doc": r["doc"],
                "outlet": r["outlet"],
                "evidence": r["evidence"],
                "span": r["span"],
                "sub_event_type": r["sub_event_type"],
                "date": r["date"],
                "depends_on": r["depends_on"],
            }
            for r in c["reports"]
        ],
        "outlets": c["outlets"],
        "independent_count": c["independent_count"],
        "independence_groups": c["groups"],
        "disagreements": c["disagreements"],
    }


@registry.exporters.register("clusters")
def export_clusters(store: Store, out: TextIO) -> int:
    """One JSON line per event cluster; returns the number of lines written."""
    n = 0
    for c in queries.iter_cluster_details(store):
        out.write(json.dumps(cluster_record(c), ensure_ascii=False) + "\n")
        n += 1
    return n
