"""The listing commands read whole in a pipe, help shows flags as flags (issue 14).

CliRunner captures output like a pipe: no terminal, so this is what a log file gets.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from palmyra.cli import app
from palmyra.ingest.sources import KINDS

runner = CliRunner()
README = Path(__file__).resolve().parents[1] / "README.md"


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_events_in_a_pipe_keeps_ids_places_and_actors_whole(demo_store: Path) -> None:
    table = _run("events", "--store", str(demo_store))
    clusters = json.loads(_run("events", "--store", str(demo_store), "--json"))
    assert clusters and "…" not in table
    lines = table.splitlines()
    for c in clusters:
        row = next(line for line in lines if c["id"] in line)  # the whole id, on one line
        for value in (c["place"], c["sub_event_type"], c["actor1"], c["actor2"]):
            if value:
                assert value in row
    several = sum(1 for c in clusters if c["reports"] > 1)
    assert f"{len(clusters)} event cluster(s)" in table
    assert f"{several} reported more than once" in table


def test_cli_docs_naming_sources_in_a_pipe_are_whole(demo_store: Path) -> None:
    docs = _run("docs", "--store", str(demo_store))
    listed = json.loads(_run("docs", "--store", str(demo_store), "--json"))
    assert len(listed) == 4 and "…" not in docs
    for d in listed:
        assert d["id"] in docs and d["title"] in docs and d["sources"] in docs
    naming = _run("naming", "--store", str(demo_store))
    assert "…" not in naming and "Global Coalition Against Daesh" in naming
    assert "…" not in _run("sources", "--store", str(demo_store))


@pytest.mark.parametrize(
    "command",
    [[], ["analyze"], ["docs"], ["show"], ["export"], ["events"], ["compare"], ["naming"],
     ["sources"], ["link"], ["serve"], ["report"], ["eval"], ["train"], ["train", "events"]],
)
def test_cli_help_shows_flags_without_a_type(command: list[str]) -> None:
    text = _run(*command, "--help")
    assert "<bool>" not in text
    assert "--help" in text


def test_cli_help_keeps_the_types_of_options_that_take_values() -> None:
    text = _run("events", "--help")
    assert "<path>" in text and "<str>" in text  # --store, --place still say what they take


def test_cli_analyze_help_lists_every_input_kind_the_readme_lists() -> None:
    text = " ".join(_run("analyze", "--help").split())
    readme = README.read_text(encoding="utf-8")
    for suffix in KINDS:
        assert suffix in text, suffix
        assert f"`{suffix}`" in readme, suffix


def test_cli_show_json_with_facts_prints_the_facts(demo_store: Path) -> None:
    out = _run("show", "fakes-demo.csv#1926478982", "--facts", "--json", "--store",
               str(demo_store))
    facts = json.loads(out)
    assert set(facts) == {"events", "quotes", "citations"}
    killed = [e for e in facts["events"] if e["fatalities"] == 6]
    assert killed and "killing six and wounding 32" in killed[0]["evidence"]
