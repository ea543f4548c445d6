"""The whole technique path: train -> analyze -> technique facts -> show, naming -> eval JSON.

Trained once per module on the invented PTC-shaped folder (seconds), and in the slow
suite on a subset of the real PTC in ../shared.
"""

from __future__ import annotations

import json

import duckdb
import pytest
from typer.testing import CliRunner

from palmyra.cli import app
from palmyra.techniques import TECHNIQUES
from palmyra.techniques.model import find_model
from palmyra.train.technique_model import CLAUSE_THRESHOLD

from .ptc_fixture import write_ptc

runner = CliRunner()

ARTICLE = (
    "Clashes near the river\n\n"
    "The radical terrorists burned the village again. The council met on Tuesday to discuss"
    " the budget.\n\nOur great nation will never bow to these thugs!\n"
)


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    root = write_ptc(tmp_path_factory.mktemp("ptc"), articles=12)
    out = tmp_path_factory.mktemp("model") / "techniques"
    result = runner.invoke(app, ["train", "techniques", "--ptc", str(root), "--model", str(out),
                                 "--epochs", "6"])
    assert result.exit_code == 0, result.output
    return root, out


@pytest.mark.slow
def test_techniques_analyze_stores_facts_shown_by_show_and_naming(model_dir, tmp_path,
                                                                  monkeypatch):
    _root, model = model_dir
    monkeypatch.setenv("PALMYRA_TECHNIQUES_MODEL", str(model))
    src = tmp_path / "river.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    store = str(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["analyze", str(src), "--store", store, "--outlet", "SANA"])
    assert result.exit_code == 0, result.output
    assert "no trained model" not in result.output
    with duckdb.connect(store, read_only=True) as con:
        rows = con.execute("SELECT data FROM facts WHERE kind = 'techniques'").fetchall()
    facts = [json.loads(r[0]) for r in rows]
    found = {ARTICLE[f["span"]["start"]:f["span"]["end"]]: f["label"] for f in facts}
    assert any("thugs" in words for words in found), found
    assert all(label in TECHNIQUES and 0 <= f["score"] <= 1 for f, label in
               zip(facts, found.values(), strict=False))
    shown = runner.invoke(app, ["show", "river.txt", "--facts", "--store", store])
    assert shown.exit_code == 0 and "technique" in shown.output
    naming = runner.invoke(app, ["naming", "--store", store])
    # the table's title wraps when the table is narrow (one technique column)
    titled = " ".join(naming.output.split())
    assert naming.exit_code == 0 and "Propaganda techniques per outlet" in titled


@pytest.mark.slow
def test_techniques_eval_json_holds_the_task_metrics(model_dir):
    root, model = model_dir
    result = runner.invoke(app, ["eval", "--ptc", str(root), "--model", str(model), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["tc_micro_f1"] > 0.9  # the invented dev repeats the training sentences
    assert scores["si_f1"] > 0.5


def test_techniques_analyze_without_a_model_says_how_to_train(tmp_path, monkeypatch):
    monkeypatch.setenv("PALMYRA_TECHNIQUES_MODEL", str(tmp_path / "none"))
    src = tmp_path / "river.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(src), "--store", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 0, result.output
    assert result.output.count("palmyra train techniques --ptc") == 1


def test_techniques_eval_without_a_model_fails_with_the_hint(tmp_path):
    root = write_ptc(tmp_path / "ptc", articles=1)
    result = runner.invoke(app, ["eval", "--ptc", str(root), "--model", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert "palmyra train techniques" in result.output


def test_techniques_eval_ptc_runs_alone(tmp_path):
    result = runner.invoke(app, ["eval", "--ptc", str(tmp_path), "--gold", str(tmp_path)])
    assert result.exit_code == 2 and "on its own" in result.output


def test_train_fits_the_clause_classifier_unless_told_whole_lines(tmp_path):
    root = write_ptc(tmp_path / "ptc", articles=6)
    for flag, has_clauses in (([], True), (["--whole-lines"], False)):
        out = tmp_path / f"model{len(flag)}"
        result = runner.invoke(app, ["train", "techniques", "--ptc", str(root), "--model", str(out),
                                     "--epochs", "1", *flag])
        assert result.exit_code == 0, result.output
        assert (out / "classifier_chars").is_dir() and (out / "sentences").is_dir()
        assert (out / "clauses").is_dir() is has_clauses
        meta = json.loads((out / "model.json").read_text(encoding="utf-8"))
        assert "clause_threshold" in meta and (has_clauses or meta["clause_threshold"] is None)
        # clauses: the threshold chosen by cross-validation, and no tagger spans at all
        assert (meta["clause_threshold"] == CLAUSE_THRESHOLD) is has_clauses
        assert (meta["threshold"] > 1.0) is has_clauses
        assert find_model(out).tag(ARTICLE) is not None
