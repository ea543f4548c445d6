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
        ([], "nothing to score: give --gold DIR, --fakes PATH, --recall FILE"),
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


ARTICLE = ("Army retakes Sukhna\n\nWed 05 Apr 2017 Syrian government forces retook the town of"
           " Sukhna from Islamic State on Tuesday, a military source said.\n")


def _corpus(tmp_path, evidence: str = "retook the town of Sukhna"):
    """A one-article corpus laid out as gold/: dev/ with the article beside its gold file."""
    dev = tmp_path / "corpus" / "dev"
    dev.mkdir(parents=True)
    (dev / "a.txt").write_text(ARTICLE, encoding="utf-8")
    gold = {"doc": "a.txt", "title": "Army retakes Sukhna", "outlet": "SANA", "author": None,
            "published": "2017-04-05", "body_end": None, "quotes": [], "citations": [],
            "events": [
                gold_event(evidence=evidence, location="Sukhna", admin1="Homs",
                           date="2017-04-04", sub_event_type="Government regains territory",
                           event_type="Battles"),
                gold_event(evidence="a military source said", location="Sukhna",
                           sub_event_type="Chemical weapon",
                           event_type="Explosions/Remote violence"),
            ]}
    (dev / "a.txt.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "corpus" / "SPLIT.csv").write_text("file,unit_id,outlet,date,split\n"
                                                   "a.txt,1,sana,4/5/17,dev\n", encoding="utf-8")
    return tmp_path / "corpus"


def test_eval_cli_split_analyses_the_articles_and_lists_misses(tmp_path):
    corpus = _corpus(tmp_path)
    result = runner.invoke(_app(), ["eval", "--gold", str(corpus), "--split", "dev", "--json"])
    assert result.exit_code == 0, result.output
    gold = json.loads(result.stdout)["gold"]
    assert gold["missing"] == []
    assert gold["kinds"]["events"]["tp"] == 1
    assert gold["sub_event_types"]["Government regains territory"]["recall"] == 1.0
    # the invented chemical attack is missed, and the miss carries its evidence
    assert [(m["sub_event_type"], m["evidence"]) for m in gold["misses"]] == [
        ("Chemical weapon", "a military source said")]
    assert gold["metadata"]["outlet"]["accuracy"] == 1.0  # SANA, from SPLIT.csv
    assert gold["metadata"]["published"]["accuracy"] == 1.0  # the dateline


def test_eval_cli_split_tables_name_misses(tmp_path):
    result = runner.invoke(_app(), ["eval", "--gold", str(_corpus(tmp_path)), "--split", "dev"])
    assert result.exit_code == 0, result.output
    assert "Gold: missed (in the gold, not found): 1" in result.stdout
    assert "Gold: events per ACLED sub-type" in result.stdout


def test_eval_cli_check_names_evidence_not_in_the_article(tmp_path):
    corpus = _corpus(tmp_path, evidence="retook the city of Sukhna")
    result = runner.invoke(_app(), ["eval", "--gold", str(corpus), "--split", "dev", "--check"])
    assert result.exit_code == 1
    assert "a.txt.gold.json: events[0].evidence: not an exact substring of a.txt" in result.stdout


def test_eval_cli_unknown_split_is_one_line(tmp_path):
    result = runner.invoke(_app(), ["eval", "--gold", str(_corpus(tmp_path)), "--split", "val"])
    assert result.exit_code == 2
    assert "--split must be one of dev, test, train" in result.stderr


def test_eval_cli_against_scores_a_second_annotation(tmp_path):
    first = _corpus(tmp_path) / "dev"
    second = tmp_path / "second"
    second.mkdir()
    gold = json.loads((first / "a.txt.gold.json").read_text(encoding="utf-8"))
    gold["events"] = gold["events"][:1]  # the second annotator did not code the chemical attack
    (second / "a.txt.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = runner.invoke(_app(), ["eval", "--gold", str(first), "--against", str(second),
                                    "--json"])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)["agreement"]["kinds"]["events"]
    assert (events["tp"], events["fp"], events["fn"]) == (1, 0, 1)


def test_eval_cli_warns_when_a_gold_article_fails_to_analyse(tmp_path):
    corpus = _corpus(tmp_path)
    (corpus / "dev" / "a.txt").write_bytes(b"\x00\x01\x02 binary \x00" * 20)
    result = runner.invoke(_app(), ["eval", "--gold", str(corpus), "--split", "dev", "--json"])
    assert result.exit_code == 0, result.output
    assert "1 of 1 gold article(s) failed to analyse" in result.stderr
    assert "a.txt" in result.stderr
    assert json.loads(result.stdout)["gold"]["kinds"]["events"]["tp"] == 0
