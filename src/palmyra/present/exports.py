"""More exporters: an ACLED-style CSV, GeoJSON points and Parquet tables.

- ``csv``: one row per event the article claims happened (modality ``asserted`` or
  ``attributed``; planned, hypothetical and denied events are left out), in
  ACLED's column names. ``event_date`` is the day for day-precise dates and the
  first day of the interval otherwise; ``time_precision`` says which (ACLED's
  1 day, 2 week, 3 month or coarser). ``geo_precision`` maps the place's
  precision the same way (1 town or finer, 2 district, 3 governorate or wider).
  ``notes`` is the evidence text, so every row can be checked against its source.
- ``geojson``: a FeatureCollection of the same events as ``csv`` (planned, hypothetical
  and denied ones left out) that have coordinates, as Points ``[lon, lat]`` with the
  event's fields as properties.
- ``parquet``: every table of the store plus a flattened ``events`` table, one
  Parquet file each, written by DuckDB. Its ``out`` is a directory (created if
  needed; files are ``<table>.parquet``). Given an open text file instead (as
  ``palmyra export -o FILE`` passes today), the files go beside it as
  ``<stem>-<table>.parquet`` and the text file receives a manifest, one line per
  file: name, table, rows.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from palmyra import registry
from palmyra.present import queries as wq
from palmyra.present.views import REPORTED
from palmyra.store.db import Store

ACLED_COLUMNS = (
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "fatalities", "source", "source_document", "notes",
)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "season": 3, "year": 3}
GEO_PRECISION = {"neighbourhood": 1, "town": 1, "admin2": 2, "admin1": 3, "country": 3,
                 "region": 3}


def _notes(row: dict[str, Any]) -> str:
    return " ".join((row.get("evidence") or "").split())


def acled_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Events claimed to have happened, as ACLED-style rows."""
    for r in wq.events(store):
        if r["modality"] not in REPORTED:
            continue
        precision = r.get("date_precision")
        yield {
            "event_id": r["key"],
            "event_date": r["date"] if precision == "day" else r.get("date_start"),
            "time_precision": TIME_PRECISION.get(precision or ""),
            "event_type": r["event_type"],
            "sub_event_type": r["sub_event_type"],
            "actor1": r["actor1"],
            "actor2": r["actor2"],
            "country": r["country"],
            "admin1": r["admin1"],
            "location": r["place"],
            "latitude": r["lat"],
            "longitude": r["lon"],
            "geo_precision": GEO_PRECISION.get(r.get("geo_precision") or ""),
            "fatalities": r["fatalities"],
            "source": r["outlet"],
            "source_document": r["source"] or r["doc_id"],
            "notes": _notes(r),
        }


@registry.exporters.register("csv")
def export_csv(store: Store, out: TextIO) -> int:
    """ACLED-style events table; returns the number of rows written."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in acled_rows(store):
        writer.writerow(row)
        n += 1
    return n


def event_features(store: Store) -> Iterator[dict[str, Any]]:
    """GeoJSON Point features of the events claimed to have happened that have coordinates.

    The same events as the CSV rows and the JSONL events: a map of what the articles say
    happened, not of what someone planned, imagined or denied.
    """
    clusters = wq.cluster_of_events(store)
    for r in wq.events(store):
        if r["modality"] not in REPORTED or r["lat"] is None or r["lon"] is None:
            continue
        yield {
            "type": "Feature",
            "id": r["key"],
            "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
            "properties": {
                "event_id": r["key"], "doc_id": r["doc_id"], "seq": r["seq"],
                "event_type": r["event_type"], "sub_event_type": r["sub_event_type"],
                "date": r["date"], "date_precision": r["date_precision"],
                "date_start": r["date_start"], "date_end": r["date_end"],
                "location": r["place"], "admin1": r["admin1"], "country": r["country"],
                "geo_precision": r["geo_precision"], "actor1": r["actor1"], "actor2": r["actor2"],
                "fatalities": r["fatalities"], "counts": r["counts"], "modality": r["modality"],
                "asserted_by": r["asserted_by"], "outlet": r["outlet"], "title": r["title"],
                "source_document": r["source"] or r["doc_id"], "cluster": clusters.get(r["key"]),
                "evidence": _notes(r),
            },
        }


@registry.exporters.register("geojson")
def export_geojson(store: Store, out: TextIO) -> int:
    """Events as a GeoJSON FeatureCollection, streamed; returns the number of features."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for feature in event_features(store):
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


@registry.exporters.register("parquet")
def export_parquet(store: Store, out: str | Path) -> int:
    """Every table (and the flattened events) as ``<table>.parquet`` in the folder ``out``.

    Returns the rows written in all. Parquet is binary and one file per table, so this
    exporter takes a folder where the text exporters take a stream.
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for table in [*wq.table_names(store), None]:
        total += wq.copy_to_parquet(store, table, folder / f"{table or 'events'}.parquet")
    return total
