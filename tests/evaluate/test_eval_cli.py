"""``evaluate_gold`` / ``evaluate_fakes`` on a real store, and the ``palmyra eval`` command."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from palmyra.evaluate import evaluate_fakes, evaluate_gold
from palmyra.evaluate.cli import eval_command
from palmyra.store.db import Store

from .records import gold_event
from .stores import GOLD_A, build_store, write_fakes, write_gold

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()
    app.callback()(lambda: None)  # a group, as on the main app: `eval` is a subcommand
    app.command("eval")(eval_command)
    return app


@pytest.fixture
def store(tmp_path):
    return build_store(tmp_path / "s.duckdb")


def test_eval_api_gold_on_exported_records(store, tmp_path):
    gold = {**GOLD_A, "events": GOLD_A["events"] + [gold_event(location="Manbij")]}
    with Store(store, read_only=True) as st:
        result = evaluate_gold(st, write_gold(tmp_path / "gold", gold))
    assert {k: (v["tp"], v["fp"], v["fn"]) for k, v in result["kinds"].items()} == {
        "events": (1, 0, 1), "quotes": (1, 0, 0), "citations": (1, 0, 0),
    }
    assert result["fields"]["events"]["fatalities"]["accuracy"] == 1.0
    assert result["missing"] == []


def test_eval_api_fakes_on_exported_records(store, tmp_path):
    with Store(store, read_only=True) as st:
        result = evaluate_fakes(st, write_fakes(tmp_path / "fakes.csv"))
    assert (result["articles"], result["with_main_event"]) == (1, 1)
    assert all(v["accuracy"] == 1.0 for v in result["accuracy"].values())


def test_eval_cli_prints_tables(store, tmp_path):
    gold = write_gold(tmp_path / "gold", GOLD_A)
    fakes = write_fakes(tmp_path / "fakes.csv")
    result = runner.invoke(_app(), ["eval", "--gold", str(gold), "--fakes", str(fakes),
                                    "--store", str(store)])
    assert result.exit_code == 0, result.output
    for title in ("Gold: facts found", "Gold: fields of matched pairs", "Gold: article metadata",
                  "FA-KES: main event"):
        assert title in result.stdout


def test_eval_cli_json(store, tmp_path):
    gold = write_gold(tmp_path / "gold", GOLD_A)
    result = runner.invoke(_app(), ["eval", "--gold", str(gold), "--store", str(store),
                                    "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["gold"]
    assert data["gold"]["kinds"]["events"]["f1"] == 1.0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "nothing to score: give --gold DIR, --fakes PATH or both"),
        (["--gold", "{tmp}/absent"], "absent: no such folder of gold files"),
        (["--gold", "{tmp}/bad"], "a.txt.gold.json: events: missing"),
        (["--fakes", "{tmp}/absent.csv"], "absent.csv: no such FA-KES file"),
        (["--gold", "{tmp}/bad", "--store", "{tmp}/none.duckdb"], "none.duckdb: no store here"),
    ],
)
def test_eval_cli_errors_are_one_line_exit_2(store, tmp_path, args, message):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "a.txt.gold.json").write_text(
        json.dumps({k: v for k, v in GOLD_A.items() if k != "events"}), encoding="utf-8"
    )
    args = [a.format(tmp=tmp_path) for a in args]
    if "--store" not in args:
        args += ["--store", str(store)]
    result = runner.invoke(_app(), ["eval", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
