"""The Python API: ``palmyra.analyze_text``, ``palmyra.open_store`` and the example notebook."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import palmyra
from palmyra.errors import StoreError
from palmyra.frames import CITATION_COLUMNS, CLUSTER_COLUMNS, QUOTE_COLUMNS
from palmyra.link import api as link_api
from palmyra.present import exports
from palmyra.store.db import Store

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "palmyra-api.ipynb"


def test_api_import_palmyra_stays_light() -> None:
    """`import palmyra` (every command does it) loads neither the pipeline nor pandas."""
    code = "import sys, palmyra; print('palmyra.api' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ})
    assert out.stdout.split() == ["False", "False"]
    assert palmyra.__version__ and "analyze_text" in palmyra.__all__


def test_api_analyze_text_returns_the_facts_without_a_store() -> None:
    facts = palmyra.analyze_text(
        "A bomb exploded in Aleppos Salaheddin district on Wednesday killing six and wounding"
        " 32 people Syrian state television reported.",
        title="Bomb kills six in Aleppo", published="2017-04-19", outlet="Al-Manar",
    )
    assert facts.document.outlet == "Al-Manar"
    killed = [e for e in facts.events if (e.counts.get("killed") or None)]
    assert killed and killed[0].counts["killed"].low == 6
    assert killed[0].date.value == "2017-04-19"


def test_api_open_store_events_are_the_csv_export(demo_store: Path) -> None:
    frames = palmyra.open_store(demo_store)
    events = frames.events()
    with Store(demo_store, read_only=True) as st:
        out = io.StringIO()
        exports.export_csv(st, out)
        clusters = link_api.events(st)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(events.columns) == list(exports.ACLED_COLUMNS)
    assert list(events["event_id"]) == [r["event_id"] for r in rows]
    assert list(events["notes"]) == [r["notes"] for r in rows]
    assert len(frames.clusters()) == len(clusters)
    assert list(frames.clusters().columns) == list(CLUSTER_COLUMNS)


def test_api_open_store_quotes_and_citations_point_into_the_text(demo_store: Path) -> None:
    frames = palmyra.open_store(demo_store)
    quotes, citations = frames.quotes(), frames.citations()
    assert list(quotes.columns) == list(QUOTE_COLUMNS) and len(quotes) > 0
    assert list(citations.columns) == list(CITATION_COLUMNS)
    with Store(demo_store, read_only=True) as st:
        texts = {r["id"]: r["text"] for r in st.query("SELECT id, text FROM documents")}
    for q in quotes.itertuples():
        assert texts[q.doc_id][q.start:q.end] == q.text
    assert set(frames.documents()["id"]) == set(texts)


def test_api_open_store_leaves_the_store_free_for_writers(demo_store: Path) -> None:
    frames = palmyra.open_store(demo_store)
    frames.events()
    with Store(demo_store) as st:  # a writer opens it while the frames object lives
        assert st.query("SELECT count(*) AS n FROM documents")[0]["n"] == 4


def test_api_open_store_names_a_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here"):
        palmyra.open_store(tmp_path / "none.duckdb")


def test_api_example_notebook_runs(demo_store: Path, demo_rows_csv: Path, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Every code cell of examples/palmyra-api.ipynb, in order, in one namespace."""
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [("".join(c["source"])) for c in notebook["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") for c in notebook["cells"] if c["cell_type"] == "code")
    store = tmp_path / "nb.duckdb"
    store.write_bytes(demo_store.read_bytes())  # already analysed: the analyze cell is a no-op
    monkeypatch.setenv("PALMYRA_EXAMPLE_ARTICLES", str(demo_rows_csv))
    monkeypatch.setenv("PALMYRA_STORE", str(store))
    namespace: dict[str, object] = {}
    for i, source in enumerate(code):
        exec(compile(source, f"{NOTEBOOK.name}[{i}]", "exec"), namespace)  # noqa: S102
    assert namespace["summary"].already == 4  # type: ignore[attr-defined]
    assert len(namespace["events"]) > 0  # type: ignore[arg-type]
