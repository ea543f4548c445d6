"""The citation graph, the ``clusters`` exporter and the link commands."""

from __future__ import annotations

import io
import json

import typer
from typer.testing import CliRunner

from palmyra import parts
from palmyra.link.api import link, sources
from palmyra.link.cli_commands import (
    compare_command,
    events_command,
    link_command,
    naming_command,
    sources_command,
)
from palmyra.model import NumberValue
from palmyra.store.db import Store

from .builders import Article

REGAIN = "Government regains territory"
ARMY, IS = "Military Forces of Syria", "Islamic State"


def corpus() -> list[Article]:
    a = Article("a.txt", "Outlet A", "Troops retook Palmyra (Reuters). Later (Reuters, AFP).")
    a.event(
        "Troops retook Palmyra",
        REGAIN,
        "2016-03-27",
        ARMY,
        IS,
        counts={"killed": NumberValue(50, 50)},
    )
    a.cite("(Reuters)", "Reuters").cite("(Reuters, AFP)", "Reuters").cite("AFP", "AFP")
    b = Article("b.txt", "Outlet B", "The army retook Palmyra, Reuters said; 78 died.")
    b.event(
        "The army retook Palmyra",
        REGAIN,
        "2016-03-27",
        ARMY,
        IS,
        counts={"killed": NumberValue(78, 78)},
    )
    b.cite("Reuters", "Reuters")
    b.name_actor("army", ARMY, "syrian_government", "neutral")
    c = Article("c.txt", None, "According to SANA, calm returned.")
    c.cite("SANA", "SANA")
    return [a, b, c]


def test_link_sources_citation_edges(make_store):
    store = make_store(*corpus())
    assert link(store).citation_edges == 4
    assert sources(store) == [
        {"citing": "Outlet A", "cited": "Reuters", "citations": 2, "documents": 1},
        {"citing": "Outlet A", "cited": "AFP", "citations": 1, "documents": 1},
        {"citing": "Outlet B", "cited": "Reuters", "citations": 1, "documents": 1},
        {"citing": "unknown outlet", "cited": "SANA", "citations": 1, "documents": 1},
    ]


def test_link_export_clusters_lines(make_store):
    store = make_store(*corpus())
    link(store)
    out = io.StringIO()
    assert parts.exporters.get("clusters")(store, out) == 1
    (record,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert (record["sub_event_type"], record["date"], record["location"]) == (
        REGAIN,
        "2016-03-27",
        "Palmyra",
    )
    assert (record["actor1"], record["actor2"]) == (ARMY, IS)
    assert [(r["doc"], r["outlet"], r["evidence"], r["span"]) for r in record["reports"]] == [
        ("a.txt", "Outlet A", "Troops retook Palmyra", [0, 21]),
        ("b.txt", "Outlet B", "The army retook Palmyra", [0, 23]),
    ]
    assert record["outlets"] == ["Outlet A", "Outlet B"]
    assert record["independent_count"] == 1  # both lean on Reuters
    assert [(d["field"], [s["value"] for s in d["sides"]]) for d in record["disagreements"]] == [
        ("counts.killed", ["50", "78"])
    ]


def _read(path: str, sql: str) -> list[dict]:
    with Store(path, read_only=True) as store:
        return store.query(sql)


def app() -> typer.Typer:
    cli = typer.Typer()
    cli.command("events")(events_command)
    cli.command("compare")(compare_command)
    cli.command("naming")(naming_command)
    cli.command("sources")(sources_command)
    cli.command("link")(link_command)
    return cli


def test_link_commands_print_tables(make_store, tmp_path):
    store = make_store(*corpus())
    store.close()
    path = str(tmp_path / "link.duckdb")
    runner = CliRunner()
    result = runner.invoke(app(), ["link", "--store", path])
    assert result.exit_code == 0, result.output
    assert "linked 3 document(s): 2 report(s) placed, 1 cluster(s) written" in result.output
    (cid,) = [r["id"] for r in _read(path, "SELECT id FROM clusters")]
    result = runner.invoke(app(), ["events", "--store", path, "--min-outlets", "2"])
    assert result.exit_code == 0, result.output
    assert cid in result.output and "counts.killed" in result.output
    result = runner.invoke(app(), ["events", "--store", path, "--place", "Aleppo", "--json"])
    assert (result.exit_code, json.loads(result.output)) == (0, [])
    result = runner.invoke(app(), ["compare", cid[:6], "--store", path])
    assert result.exit_code == 0, result.output
    assert "The army retook Palmyra" in result.output and "Outlet B" in result.output
    result = runner.invoke(app(), ["naming", "Military", "--store", path])
    assert result.exit_code == 0 and "army" in result.output
    result = runner.invoke(app(), ["naming", "--store", path])
    assert result.exit_code == 0 and "syrian_government" in result.output
    result = runner.invoke(app(), ["sources", "--store", path])
    assert result.exit_code == 0 and "SANA" in result.output


def test_link_commands_unknown_cluster_exits_2(make_store, tmp_path):
    store = make_store(*corpus())
    link(store)
    store.close()
    result = CliRunner().invoke(app(), ["compare", "zzz", "--store", str(tmp_path / "link.duckdb")])
    assert result.exit_code == 2
    assert "no cluster matches 'zzz'" in result.output


def test_link_commands_unlinked_store_says_what_to_run(tmp_path):
    Store(tmp_path / "empty.duckdb").close()
    result = CliRunner().invoke(app(), ["events", "--store", str(tmp_path / "empty.duckdb")])
    assert result.exit_code == 2
    assert "no link tables" in result.output


def test_link_events_table_marks_an_unnamed_side():
    """A lone target must not read as the side that acted: "? vs Civilians (Syria)"."""
    from palmyra.link.render import _actors

    assert _actors(None, "Civilians (Syria)") == "? vs Civilians (Syria)"
    assert _actors("Military Forces of Syria", None) == "Military Forces of Syria"
    assert _actors("Islamic State", "Civilians (Syria)") == "Islamic State vs Civilians (Syria)"
    assert _actors(None, None) == "—"
