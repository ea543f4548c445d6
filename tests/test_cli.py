"""The `palmyra` command end to end on invented files: analyze, docs, show, export."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from palmyra.cli import app

runner = CliRunner()

ARTICLE = (
    "Government forces retake hill near Hama\n\n"
    "Jane Example\n"
    "14 April 2016\n\n"
    "Government forces retook a hill north of Hama on Wednesday, a military source said.\n\n"
    "Subscribe to our channel\n"
)


def _corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "same-again.txt").write_text(ARTICLE.replace("\n", "\r\n"), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02\x03" * 200)
    (folder / "rows.jsonl").write_text(
        '{"id": "a1", "title": "Truce holds in Daraa",'
        ' "text": "A truce held in Daraa on Monday."}\n'
        '{"id": "a2", "title": "Broken", "text": "cut off in the mid\n',
        encoding="utf-8",
    )
    return folder


def test_cli_analyze_reports_bad_inputs_and_stores_good_ones(tmp_path):
    store = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["analyze", str(_corpus(tmp_path)), "--store", str(store)])
    assert result.exit_code == 1, result.output
    out = result.output
    assert "empty.txt: empty file" in out
    assert "blob.txt: binary file" in out
    assert "rows.jsonl" in out and "line 2" in out
    assert "2 new document(s) stored, 1 already present" in out

    listing = runner.invoke(app, ["docs", "--store", str(store)])
    assert listing.exit_code == 0
    assert "Government forces retake hill near Hama" in listing.output
    assert "Truce holds in Daraa" in listing.output

    again = runner.invoke(app, ["analyze", str(_corpus(tmp_path)), "--store", str(store)])
    assert "0 new document(s) stored, 3 already present" in again.output


def test_cli_show_and_export(tmp_path):
    store = tmp_path / "s.duckdb"
    runner.invoke(app, ["analyze", str(_corpus(tmp_path)), "--store", str(store)])
    shown = runner.invoke(app, ["show", "good.txt", "--store", str(store)])
    assert shown.exit_code == 0, shown.output
    assert "retook a hill north of Hama" in shown.output

    exported = runner.invoke(app, ["export", "--format", "jsonl", "--store", str(store)])
    assert exported.exit_code == 0, exported.output
    records = [json.loads(line) for line in exported.output.splitlines()]
    by_doc = {r["doc"]: r for r in records}
    good = by_doc["good.txt"] if "good.txt" in by_doc else by_doc["same-again.txt"]
    assert sorted(good["sources"]) == ["good.txt", "same-again.txt"]
    assert good["title"] == "Government forces retake hill near Hama"
    assert good["author"] == "Jane Example"
    assert good["published"] == "2016-04-14"
    assert by_doc["rows.jsonl#a1"]["title"] == "Truce holds in Daraa"
    for key in ("events", "quotes", "citations", "body_end", "outlet"):
        assert key in good


def test_cli_errors_are_one_line_with_a_next_step(tmp_path):
    missing = runner.invoke(app, ["docs", "--store", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2
    assert "run `palmyra analyze PATH` first" in missing.output
    store = tmp_path / "s.duckdb"
    runner.invoke(app, ["analyze", str(_corpus(tmp_path)), "--store", str(store)])
    unknown = runner.invoke(app, ["show", "zzz-not-there", "--store", str(store)])
    assert unknown.exit_code == 2
    assert "palmyra docs" in unknown.output
    badfmt = runner.invoke(app, ["export", "--format", "xml", "--store", str(store)])
    assert badfmt.exit_code == 2
    assert "unknown exporter 'xml'" in badfmt.output


def test_cli_help_reads_well():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("analyze", "docs", "show", "export"):
        assert command in result.output


def test_cli_outlet_option_fills_only_unknown_outlets(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plain.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "wsws.txt").write_text(
        ARTICLE.replace("Hama", "Homs") + "\nTo contact the WSWS and the\n"
        "Socialist Equality Party visit:\n\nwsws.org/contact\n",
        encoding="utf-8",
    )
    store = str(tmp_path / "s.duckdb")
    result = runner.invoke(
        app, ["analyze", str(folder), "--outlet", "enduring america", "--store", store]
    )
    assert result.exit_code == 0, result.output
    exported = runner.invoke(app, ["export", "--store", store])
    outlets = {json.loads(x)["doc"]: json.loads(x)["outlet"] for x in exported.output.splitlines()}
    assert outlets == {"plain.txt": "EA WorldView", "wsws.txt": "World Socialist Web Site"}


def test_cli_profiles_lists_the_shipped_ones():
    result = runner.invoke(app, ["profiles"])
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("syria"))
    assert "Syrian civil war" in row and " SY " in row
    from palmyra.api import list_profiles

    syria = next(p for p in list_profiles() if p.name == "syria")
    assert syria.actors > 40 and syria.aliases > syria.actors and syria.outlets > 10
    assert syria.places > 10 and syria.loaded_terms > 10
    for size in (syria.actors, syria.aliases, syria.outlets, syria.places, syria.loaded_terms):
        assert f" {size} " in f" {row} "


def test_cli_profiles_check(tmp_path):
    from pathlib import Path

    fixture = Path(__file__).parent / "fixtures" / "profiles" / "yemen"
    ok = runner.invoke(app, ["profiles", "check", str(fixture)])
    assert ok.exit_code == 0, ok.output
    assert "yemen" in ok.output and "countries YE" in ok.output
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "actors.yaml").write_text("actors:\n  - {canonical: X, kind: gang}\n", "utf-8")
    (bad / "profile.yaml").write_text("name: bad\ntitle: T\ncountries: [ZZ]\n", "utf-8")
    result = runner.invoke(app, ["profiles", "check", str(bad)])
    assert result.exit_code == 1
    assert f"{bad / 'profile.yaml'}:3: 'ZZ' is not an ISO 3166-1 alpha-2" in result.output
    assert f"{bad / 'actors.yaml'}:2: unknown kind 'gang'" in result.output
