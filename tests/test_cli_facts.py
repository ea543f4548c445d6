"""`palmyra show --facts` and the filled JSONL export on an invented article."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from palmyra.cli import app

runner = CliRunner()

ARTICLE = (
    "Army retakes town near Hama\n\n"
    "Jane Example\n"
    "14 April 2016\n\n"
    "Syrian government forces recaptured the town of Kafr Nabudah from rebels on Sunday, "
    "killing at least 12 fighters. \u201cThe town is now safe,\u201d army spokesman Ali Mayhoub "
    "said. (Army retakes Kafr Nabudah, Reuters, 11 April 2016) The army will attack Khan"
    " Shaykhun on Friday, a general said.\n"
)


def _analyzed(tmp_path):
    src = tmp_path / "hama.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    store = str(tmp_path / "s.duckdb")
    assert runner.invoke(app, ["analyze", str(src), "--store", store]).exit_code == 0
    return store


def test_show_facts_prints_each_fact_with_its_evidence(tmp_path):
    store = _analyzed(tmp_path)
    result = runner.invoke(app, ["show", "hama.txt", "--facts", "--store", store])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Battles / Government regains territory · 2016-04-10 (day)" in out
    assert "Military Forces of Syria" in out
    assert "Ali Mayhoub" in out
    assert "Reuters · Army retakes Kafr Nabudah · 2016-04-11" in out
    assert "Khan Shaykhun" in out and "planned" in out  # kept in the store, shown here


def test_export_jsonl_carries_facts_with_evidence_that_slices_back(tmp_path):
    store = _analyzed(tmp_path)
    result = runner.invoke(app, ["export", "--format", "jsonl", "--store", store])
    (record,) = [json.loads(line) for line in result.output.splitlines()]
    (event,) = record["events"]
    assert event["sub_event_type"] == "Government regains territory"
    assert (event["location"], event["country"]) == ("Kafr Nabudah", "Syria")
    assert event["date"] == "2016-04-10" and event["fatalities"] == 12
    s, e = event["spans"][0]
    assert ARTICLE[s:e] == event["evidence"]
    (quote,) = [q for q in record["quotes"] if q["direct"]]
    assert (quote["text"], quote["speaker"]) == ("The town is now safe,", "Ali Mayhoub")
    (citation,) = record["citations"]
    assert (citation["outlet"], citation["date"]) == ("Reuters", "2016-04-11")
