"""``palmyra show DOC --candidates``: every event candidate with why it was kept or not."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from palmyra.api import analyze, trace_events
from palmyra.cli import app
from palmyra.store import queries
from palmyra.store.db import Store

ARTICLE = (
    "Strikes on Ariha\n\nMon 11 Jul 2016 Regime aircraft bombed the town of Ariha on Monday,"
    " killing 11 civilians, a monitor said. The opposition condemned the massacre. The regime"
    " has bombed hospitals for years.\n"
)


def test_trace_gives_each_candidate_a_decision_and_reason(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "s.duckdb"
    analyze([path], store)
    with Store(store, read_only=True) as st:
        document = queries.load_document(st, queries.resolve_document_id(st, "a.txt"))
    rows = trace_events(document)
    kept = [r for r in rows if r["decision"] == "kept"]
    assert [(r["sub_event_type"], r["place"]) for r in kept] == [("Air/drone strike", "Ariha")]
    merged = [r for r in rows if r["decision"] == "merged"]
    assert merged and all(r["reason"].startswith("retells the event") for r in merged)
    dropped = [r for r in rows if r["decision"] == "dropped"]
    assert any("generic" in r["reason"] and "for years" in r["evidence"] for r in dropped)
    for r in rows:  # every row points at the words it came from
        assert r["evidence"] and r["evidence"] in ARTICLE


def test_trace_cli_json(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "s.duckdb"
    analyze([path], store)
    result = CliRunner().invoke(app, ["show", "a.txt", "--candidates", "--json",
                                      "--store", str(store)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["decision"] for r in rows} >= {"kept", "dropped"}
