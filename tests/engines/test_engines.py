"""Every engine, worker count and input order stores the same facts (ids, spans, fields)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from palmyra import api
from palmyra.engines.flow import Writer
from palmyra.engines.jobs import Failed
from palmyra.errors import PalmyraError
from palmyra.model import SourceRef
from palmyra.store.db import Store
from palmyra.store.rows import DocRows

from .corpus import write_corpus
from .facts_dump import parquet_facts, stored_facts


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    """The 50 documents analysed in this process, the way a plain run does it."""
    tmp = tmp_path_factory.mktemp("baseline")
    summary = api.analyze([write_corpus(tmp / "corpus.csv")], tmp / "one.duckdb",
                          batch_size=8, workers=1)
    assert summary.stored == 50 and not summary.failures
    return stored_facts(tmp / "one.duckdb")


def test_engines_input_order_changes_no_fact(baseline, tmp_path):
    (tmp_path / "rev").mkdir()
    corpus = write_corpus(tmp_path / "rev" / "corpus.csv", reverse=True)
    api.analyze([corpus], tmp_path / "rev.duckdb", batch_size=8, workers=1)
    got = stored_facts(tmp_path / "rev.duckdb")
    assert got["facts"] and got["mentions"]
    assert got == baseline


def test_engines_parquet_out_holds_the_store_facts(baseline, tmp_path):
    out = tmp_path / "parquet"
    summary = api.analyze([write_corpus(tmp_path / "corpus.csv")], tmp_path / "unused.duckdb",
                          batch_size=8, workers=1, parquet_out=out)
    assert summary.stored == 50
    assert not (tmp_path / "unused.duckdb").exists()  # the store is left alone
    assert len(list((out / "facts").glob("part-*.parquet"))) == 7  # one part per commit
    assert parquet_facts(out) == baseline


def test_engines_ray_missing_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    with pytest.raises(PalmyraError, match=r"pip install 'palmyra\[ray\]'"):
        api.analyze([write_corpus(tmp_path / "c.csv")], tmp_path / "s.duckdb", engine="ray")


def test_engines_unknown_engine_is_refused(tmp_path):
    with pytest.raises(PalmyraError, match="unknown engine 'spark'"):
        api.analyze([write_corpus(tmp_path / "c.csv")], tmp_path / "s.duckdb", engine="spark")


def _rows(doc_id: str, path: str) -> DocRows:
    document = [doc_id, None, None, None, None, None, None, "en", "text", "text of " + doc_id,
                None, None, 0, 5, "[]", "[]", "[[0, 5]]", "test", None]
    return DocRows(doc_id, document, [SourceRef(path)])


def test_engines_rows_are_the_json_a_server_takes():
    import json

    from palmyra.store.rows import batch_rows

    rows = _rows("a" * 16, "/a.txt")
    rows.sources.append(SourceRef("/b.csv", "7"))
    assert DocRows.from_json(rows.to_json()) == rows
    documents, sources, failures = batch_rows(
        [rows], [("a" * 16, SourceRef("/c.txt"))], [(SourceRef("/d.txt"), "read", "empty")])
    assert json.loads(json.dumps(documents))[0]["sources"] == [["/a.txt", "", "a.txt"],
                                                               ["/b.csv", "7", "b.csv#7"]]
    assert DocRows.from_wire(documents[0]) == rows
    assert sources == [("a" * 16, "/c.txt", "", "c.txt")]
    assert failures == [("/d.txt", "", "read", "empty")]


def test_engines_writer_duplicate_waits_for_its_first_copy(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        writer = Writer(store, "test", batch_size=10)
        writer.duplicate("a" * 16, SourceRef("/b.txt"))  # its first copy is in flight
        writer.duplicate("c" * 16, SourceRef("/d2.txt"))
        writer.add([_rows("a" * 16, "/a.txt"),
                    Failed(SourceRef("/d1.txt"), "annotate", "boom", "c" * 16)])
        writer.duplicate("a" * 16, SourceRef("/e.txt"))  # after its copy was written
        writer.flush()
        sources = store.query("SELECT path FROM document_sources ORDER BY path")
        failures = store.query("SELECT path, stage FROM failures ORDER BY path")
    assert [r["path"] for r in sources] == ["/a.txt", "/b.txt", "/e.txt"]
    assert failures == [{"path": "/d1.txt", "stage": "annotate"},
                        {"path": "/d2.txt", "stage": "annotate"}]
    assert (writer.counts.stored, writer.counts.already, writer.counts.done) == (1, 2, 5)


def test_engines_writer_commits_every_batch_size_documents(tmp_path):
    commits: list[int] = []
    with Store(tmp_path / "s.duckdb") as store:
        writer = Writer(store, "test", batch_size=2, on_commit=commits.append)
        writer.add([_rows(f"{i:016x}", f"/{i}.txt") for i in range(3)])
        assert commits == [3]  # one add of three rows: one commit of three
        writer.add([_rows(f"{i:016x}", f"/{i}.txt") for i in range(3, 4)])
        writer.flush()
        n = store.query("SELECT count(*) AS n FROM documents")[0]["n"]
    assert commits == [3, 4] and n == 4


@pytest.mark.slow
def test_engines_two_workers_store_the_same_facts(baseline, tmp_path):
    (tmp_path / "rev").mkdir()
    corpus = write_corpus(tmp_path / "rev" / "corpus.csv", reverse=True)
    summary = api.analyze([corpus], tmp_path / "two.duckdb", batch_size=4, workers=2)
    assert summary.stored == 50 and not summary.failures
    assert stored_facts(tmp_path / "two.duckdb") == baseline


@pytest.mark.slow
def test_engines_ray_and_local_store_identical_facts(baseline, tmp_path, monkeypatch):
    pytest.importorskip("ray.data", reason="Ray is in the test extras: pip install -e '.[test]'")
    # Ray's workers import Palmyra from where this process does.
    src = str(Path(api.__file__).resolve().parents[1])
    monkeypatch.setenv("PYTHONPATH", src)
    import ray

    try:
        summary = api.analyze([write_corpus(tmp_path / "corpus.csv")], tmp_path / "ray.duckdb",
                              batch_size=8, workers=2, engine="ray")
        out = tmp_path / "parquet"
        again = api.analyze([write_corpus(tmp_path / "corpus.csv")], tmp_path / "x.duckdb",
                            batch_size=8, workers=2, engine="ray", parquet_out=out)
    finally:
        ray.shutdown()
    assert summary.stored == 50 and not summary.failures
    assert stored_facts(tmp_path / "ray.duckdb") == baseline
    assert again.stored == 50
    assert parquet_facts(out) == baseline


@pytest.mark.slow
def test_engines_two_workers_hand_their_rows_to_the_server_that_holds_the_store(
    baseline, tmp_path
):
    import signal
    import subprocess
    import time

    from palmyra.store import lease

    store = tmp_path / "held.duckdb"
    Store(store).close()
    server = subprocess.Popen(
        [sys.executable, "-m", "palmyra.cli", "serve", "--store", str(store), "--port", "0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while lease.read_lease(store) is None:
            assert server.poll() is None, server.stderr.read()
            assert time.monotonic() < deadline, "the server wrote no lease"
            time.sleep(0.1)
        corpus = write_corpus(tmp_path / "corpus.csv", reverse=True)
        summary = api.analyze([corpus], store, batch_size=4, workers=2)
        assert summary.stored == 50 and not summary.failures
        assert summary.link is not None and summary.link.documents == 50  # the server linked
        again = api.analyze([corpus], store, batch_size=4, workers=2)
        assert (again.stored, again.already) == (0, 50)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    assert stored_facts(store) == baseline  # the server stored the very rows a plain run does
