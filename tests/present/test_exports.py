"""The csv, geojson and parquet exporters, read back by the tools that consume them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from palmyra import parts
from palmyra.present import exports
from palmyra.store.db import Store

from . import fixtures as fx


@pytest.fixture
def store(corpus_store: Path):
    with Store(corpus_store, read_only=True) as st:
        yield st


def test_exports_registered() -> None:
    names = parts.exporters.names()
    assert {"csv", "geojson", "parquet", "jsonl"} <= set(names)
    assert parts.exporters.get("csv") is exports.export_csv


def test_exports_csv_acled_columns_and_rows(store: Store) -> None:
    out = io.StringIO()
    n = exports.export_csv(store, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert out.getvalue().splitlines()[0].split(",") == list(exports.ACLED_COLUMNS)
    assert n == len(rows) == 9  # 10 events, one of them only planned
    assert all(r["notes"] for r in rows)
    strike = next(
        r
        for r in rows
        if r["source"] == "Levant Daily Monitor" and r["sub_event_type"] == "Air/drone strike"
    )
    assert strike["event_date"] == "2016-03-26"
    assert strike["time_precision"] == "1"
    assert strike["location"] == "Maarat al-Numan"
    assert strike["admin1"] == "Idlib"
    assert (float(strike["latitude"]), float(strike["longitude"])) == (35.6433, 36.6714)
    assert strike["geo_precision"] == "1"
    assert strike["fatalities"] == "12"
    assert strike["source_document"] == "monitor-palmyra.txt"
    assert strike["notes"].startswith("an air strike on a market in Maarat al-Numan")


def test_exports_csv_leaves_out_planned_and_codes_month_precision(store: Store) -> None:
    out = io.StringIO()
    exports.export_csv(store, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert not any(r["location"] == "Deir ez-Zor" for r in rows)  # "plans to push east"
    monthly = next(
        r for r in rows if r["source"] == "Riverside Wire" and r["location"] == "Palmyra"
    )
    assert (monthly["event_date"], monthly["time_precision"]) == ("2016-03-01", "3")


def test_exports_csv_notes_are_substrings_of_documents(store: Store) -> None:
    out = io.StringIO()
    exports.export_csv(store, out)
    texts = {f.document.sources[0].name: f.document.text for f in fx.corpus()}
    for row in csv.DictReader(io.StringIO(out.getvalue())):
        assert row["notes"] in texts[row["source_document"]]


def test_exports_geojson_is_a_feature_collection(store: Store) -> None:
    out = io.StringIO()
    n = exports.export_geojson(store, out)
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection"
    # every event has coordinates; the planned push on Deir ez-Zor stays out, as in the CSV
    assert n == len(data["features"]) == 9
    rows = io.StringIO()
    exports.export_csv(store, rows)
    assert {f["id"] for f in data["features"]} == {
        r["event_id"] for r in csv.DictReader(io.StringIO(rows.getvalue()))
    }
    assert not any(f["properties"]["location"] == "Deir ez-Zor" for f in data["features"])
    for f in data["features"]:
        assert f["type"] == "Feature"
        assert f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    geneva = next(f for f in data["features"] if f["properties"]["location"] == "Geneva")
    assert geneva["geometry"]["coordinates"] == [6.1457, 46.2022]  # [lon, lat], not [lat, lon]
    assert {f["properties"]["cluster"] for f in data["features"]} >= {"palmyra-2016"}


def test_exports_parquet_directory(store: Store, tmp_path: Path) -> None:
    n = exports.export_parquet(store, tmp_path / "out")
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == sorted(
        f"{t}.parquet"
        for t in (
            "documents",
            "document_sources",
            "mentions",
            "facts",
            "failures",
            "events",
            # a linked store exports every link table
            "link_state",
            "clusters",
            "cluster_members",
            "disagreements",
            "doc_bands",
            "near_duplicates",
            "naming",
            "citation_edges",
        )
    )
    docs = pq.read_table(tmp_path / "out" / "documents.parquet")
    assert docs.num_rows == 4
    assert "text" in docs.column_names
    events = (
        duckdb.connect()
        .execute(
            "SELECT count(*), count(lat), sum(fatalities) FROM read_parquet(?)",
            [str(tmp_path / "out" / "events.parquet")],
        )
        .fetchone()
    )
    assert events == (10, 10, 17 + 400 + 12 + 180 + 9 + 3)
    total = sum(pq.read_metadata(tmp_path / "out" / f).num_rows for f in files)
    assert n == total


def test_exports_parquet_from_the_cli_needs_a_folder(store: Store, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from palmyra.cli import app

    path = str(store.path)
    store.close()
    runner = CliRunner()
    refused = runner.invoke(app, ["export", "-f", "parquet", "--store", path])
    assert refused.exit_code == 2
    assert "give --output DIR" in refused.output
    done = runner.invoke(
        app, ["export", "-f", "parquet", "-o", str(tmp_path / "pq"), "--store", path]
    )
    assert done.exit_code == 0, done.output
    assert pq.read_metadata(tmp_path / "pq" / "events.parquet").num_rows == 10
