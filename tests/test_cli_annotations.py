"""`palmyra show --annotations/--json`: resolved mentions with spans into the original text."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from palmyra.cli import app

runner = CliRunner()

ARTICLE = (
    "Army pushes east of Aleppo\n\n"
    "Jane Example\n"
    "14 April 2016\n\n"
    "Syrian government forces pushed into two villages east of Aleppo on Sunday, "
    "a monitor said. More than a hundred fighters from Daesh were killed, and "
    "UN envoy Staffan de Mistura called for calm. De Mistura spoke in Geneva.\n"
)


def test_show_json_lists_resolved_mentions_that_slice_back(tmp_path):
    src = tmp_path / "army.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    store = str(tmp_path / "s.duckdb")
    assert runner.invoke(app, ["analyze", str(src), "--store", store]).exit_code == 0
    result = runner.invoke(app, ["show", "army.txt", "--json", "--store", store])
    assert result.exit_code == 0, result.output
    mentions = json.loads(result.output)
    for m in mentions:
        assert ARTICLE[m["start"] : m["end"]] == m["text"]
    by_text = {(m["kind"], m["text"]): m["value"] for m in mentions}
    aleppo = by_text[("place", "Aleppo")]
    assert (aleppo["country"], aleppo["geonameid"]) == ("Syria", 170063)
    assert aleppo["lat"] and aleppo["lon"]
    assert by_text[("date", "Sunday")]["value"] == "2016-04-10"
    assert by_text[("number", "More than a hundred")]["low"] == 100
    assert by_text[("actor", "Syrian government forces")]["canonical"] == "Military Forces of Syria"
    daesh = by_text[("actor", "Daesh")]
    assert (daesh["canonical"], daesh["register"]) == ("Islamic State", "hostile")
    envoy = [m for m in mentions if m["kind"] == "person"]
    assert {m["value"]["canonical"] for m in envoy} == {"Staffan de Mistura"}
    assert len(envoy) == 2


def test_show_annotations_marks_values_in_the_text(tmp_path):
    src = tmp_path / "army.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    store = str(tmp_path / "s.duckdb")
    runner.invoke(app, ["analyze", str(src), "--store", store])
    result = runner.invoke(app, ["show", "army.txt", "--annotations", "--store", store])
    assert result.exit_code == 0
    assert "Aleppo⟨place: Aleppo, Syria⟩" in result.output
    assert "⟨date: 2016-04-10/day⟩" in result.output
