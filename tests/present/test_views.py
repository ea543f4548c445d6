"""The view builders shared by the web pages and the report: marks, clusters, search."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from palmyra.present import cli_commands, content, views
from palmyra.present import queries as wq
from palmyra.present.marks import Mark, excerpt, runs
from palmyra.present.report import write_report
from palmyra.store.db import Store

from . import fixtures as fx

DOCS = {f.document.sources[0].name: f.document.id for f in fx.corpus()}


@pytest.fixture
def store(corpus_store: Path):
    with Store(corpus_store, read_only=True) as st:
        yield st


def test_marks_runs_cover_the_text_and_list_innermost_first() -> None:
    text = "The army retook Palmyra on Sunday."
    marks = [Mark(0, 33, "event", "event-0"), Mark(16, 23, "m-place", "mention-0"),
             Mark(4, 23, "quote", "quote-0")]
    out = runs(text, 0, len(text), marks, removed=[(24, 33)])
    assert "".join(r.text for r in out) == text
    place = next(r for r in out if r.text == "Palmyra")
    assert place.facts == ("mention-0", "quote-0", "event-0")
    assert all(r.removed == (24 <= r.start < 33) for r in out)
    for r in out:
        assert text[r.start:r.start + len(r.text)] == r.text


def test_marks_excerpt_stays_in_the_paragraph() -> None:
    text = "Furniture line\nFirst part. The strike killed 12. Last part.\nComment: lies"
    start = text.index("The strike")
    end = text.index(" Last")
    before, mark, after = excerpt(text, start, end)
    assert (before, mark, after) == ("First part. ", "The strike killed 12.", " Last part.")


def test_views_document_keeps_comments_apart(store: Store) -> None:
    view = content.document(store, DOCS["monitor-palmyra.txt"], content.cluster_lookup(store))
    main = "".join(r.text for p in view.pieces for r in p.runs)
    assert "Abu Karim" not in main
    assert [p.comment for p in view.pieces if p.comment] == [1, 2]
    assert "".join(r.text for r in view.comments[0]).startswith("Abu Karim")
    assert [c.cluster for c in view.cards["event"]] == [
        "palmyra-2016", "maarat-strike", f"{DOCS['monitor-palmyra.txt']}.2"]
    assert view.cards["event"][2].rows[-1] == ("Modality", "planned")


def test_views_cluster_counts_independent_sources(store: Store) -> None:
    view = content.cluster(store, "palmyra-2016")
    assert (len(view.reports), view.outlets, view.independent) == (3, 3, 3)
    killed = next(f for f in view.fields if f.label == "Killed")
    assert (killed.status, killed.values) == ("differ", ["—", "180", "400"])
    date = next(f for f in view.fields if f.label == "Date")
    assert date.status == "compatible"  # "March" and "27 March" do not disagree


@pytest.mark.parametrize(
    ("a", "b", "joined"),
    [
        ({"outlet": "A", "asserted_by": "SOHR", "modality": "attributed"},
         {"outlet": "B", "asserted_by": "SOHR", "modality": "attributed"}, True),
        ({"outlet": "A"}, {"outlet": "A"}, True),
        ({"outlet": "A"}, {"outlet": "B"}, False),
        ({"outlet": "A", "doc_id": "a"}, {"outlet": "B", "doc_id": "b"}, "cites"),
    ],
)
def test_views_independence_joins(a: dict, b: dict, joined: bool | str) -> None:
    a, b = {"doc_id": "a", **a}, {"doc_id": "b", **b}
    cites = {"a": {"B"}} if joined == "cites" else {}
    count, reasons = views._independence([a, b], cites)
    assert count == (1 if joined else 2)
    assert len(reasons) == (1 if joined else 0)


def test_views_single_event_is_its_own_cluster(store: Store) -> None:
    key = f"{DOCS['wire-daraa.txt']}.0"
    view = content.cluster(store, key)
    assert not view.linked and len(view.reports) == 1 and view.independent == 1


def test_views_naming_leaves_out_quotes_and_comments(store: Store) -> None:
    naming = content.naming(store)
    forms = {f["surface"] for a in naming.actors for cell in a["cells"] for f in cell.forms}
    assert "the terrorists" not in forms  # said by a quoted military source
    assert "freedom fighters" not in forms  # written by a reader
    assert {"Assad regime troops", "the jihadists"} <= forms


def test_search_ranks_and_folds_accents(tmp_path: Path) -> None:
    path = fx.write_store(tmp_path / "s.duckdb", fx.corpus())
    with Store(path) as st:
        assert wq.ensure_search_index(st) is True
        assert wq.ensure_search_index(st) is False
        total, hits = wq.search(st, "Maarat strike")
        assert total >= 2
        assert {(h["doc_id"], h["kind"]) for h in hits[:2]} == {
            (DOCS["monitor-palmyra.txt"], "event"), (DOCS["gazette-palmyra.txt"], "event")
        } or hits[0]["matched"] == 2
        assert wq.query_terms(st, "Ḩamāh al-Bāb") == ["hamah", "al", "bab"]
        result = content.search(st, "Reuters")
        assert result["total"] >= 1
        assert any(hit for _, hit in result["hits"][0]["snippet"])


def test_report_is_self_contained(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    summary = write_report(store, out, max_documents=2)
    html = out.read_text("utf-8")
    assert (summary.documents, summary.documents_total) == (2, 4)
    assert re.search(r"<(script|link|img)[^>]+(src|href)=", html) is None
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp and "default-src &#39;none&#39;" in csp.group(1)
    assert csp.group(1).count("sha256-") == 4  # three scripts and the stylesheet
    assert '"layer":"admin1"' in html  # the basemap is inline
    assert 'id="view-missing"' in html


def test_cli_commands_report_and_errors(corpus_store: Path, tmp_path: Path) -> None:
    app = typer.Typer()
    app.command()(cli_commands.report)
    app.command()(cli_commands.serve)
    runner = CliRunner()
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--store", str(corpus_store), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 100_000
    missing = runner.invoke(app, ["report", "--store", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2
    assert "no store here" in missing.output
    help_text = runner.invoke(app, ["serve", "--help"]).output
    assert "127.0.0.1" in help_text and "--workers" in help_text
