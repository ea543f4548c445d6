"""The technique path on the real PTC in ../shared: train a small model on a subset of
its train split, analyze an article, find technique facts, score dev as JSON.

PTC is never copied into the repository: the test reads it where it lies.
"""

from __future__ import annotations

import json

import duckdb
import pytest
from typer.testing import CliRunner

from palmyra.cli import app
from palmyra.techniques import TECHNIQUES
from palmyra.techniques.corpus import read_split

runner = CliRunner()
pytestmark = [pytest.mark.slow, pytest.mark.shared]


@pytest.fixture(scope="module")
def ptc(shared_dir):
    folder = shared_dir / "data" / "ptc"
    if not (folder / "train").is_dir():
        pytest.skip(f"{folder} is absent")
    return folder


def test_ptc_train_analyze_eval(ptc, tmp_path, monkeypatch):
    model = tmp_path / "techniques"
    trained = runner.invoke(app, ["train", "techniques", "--ptc", str(ptc), "--model", str(model),
                                  "--limit", "40", "--epochs", "2"])
    assert trained.exit_code == 0, trained.output
    assert (model / "model.json").is_file() and "model written to" in trained.output

    # the training article with the most labels, analysed as a plain text file
    article = max(read_split(ptc, "train", limit=40), key=lambda a: len(a.labels))
    src = tmp_path / "article.txt"
    src.write_text(article.text, encoding="utf-8")
    monkeypatch.setenv("PALMYRA_TECHNIQUES_MODEL", str(model))
    store = str(tmp_path / "s.duckdb")
    analyzed = runner.invoke(app, ["analyze", str(src), "--store", store, "--profile", "none"])
    assert analyzed.exit_code == 0, analyzed.output
    with duckdb.connect(store, read_only=True) as con:
        rows = con.execute("SELECT start_pos, end_pos, data FROM facts"
                           " WHERE kind = 'techniques'").fetchall()
    assert rows, "no technique found in a training article"
    text = src.read_text(encoding="utf-8")
    for start, end, data in rows:
        fact = json.loads(data)
        assert fact["label"] in TECHNIQUES and text[start:end].strip()

    scored = runner.invoke(app, ["eval", "--ptc", str(ptc), "--model", str(model), "--json"])
    assert scored.exit_code == 0, scored.output
    result = json.loads(scored.output)
    assert 0.0 <= result["si_f1"] <= 1.0 and result["si_f1"] > 0.0
    assert result["tc_micro_f1"] > 0.2 and result["articles"] == 75
