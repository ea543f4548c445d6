"""An analyze run killed with SIGKILL resumes with no loss and no duplicates."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

N_DOCS = 1000
TOWNS = ("Idlib", "Aleppo", "Homs", "Hama", "Daraa", "Raqqa", "Manbij", "Palmyra")


def _write_corpus(folder: Path) -> None:
    folder.mkdir()
    for i in range(N_DOCS):
        town = TOWNS[i % len(TOWNS)]
        (folder / f"article_{i:04d}.txt").write_text(
            f"Clashes reported near {town} (report {i})\n\n"
            f"Staff writer\n{1 + i % 28} March 2016\n\n"
            f"Fighting continued near {town} on Sunday, according to local sources. "
            f"At least {i % 40 + 2} fighters were killed and {i % 13} civilians injured, "
            f"a monitoring group said in its report number {i}.\n",
            encoding="utf-8",
        )


def _analyze(corpus: Path, store: Path, workers: int) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "palmyra.cli",
            "analyze",
            str(corpus),
            "--store",
            str(store),
            "--batch-size",
            "16",
            "--workers",
            str(workers),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_resume_after_sigkill_stores_each_document_once(tmp_path, workers):
    corpus, store = tmp_path / "corpus", tmp_path / "store.duckdb"
    _write_corpus(corpus)
    proc = _analyze(corpus, store, workers)
    # Without a terminal, analyze logs each committed batch: kill after the second one.
    commits = 0
    for line in proc.stderr:
        if "document(s) stored so far" in line:
            commits += 1
            if commits == 2:
                break
    assert proc.poll() is None, "the run finished before it could be killed: make the corpus larger"
    workers_pids = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)  # the writer; spawned workers see their parent die
    proc.wait()
    _assert_gone(workers_pids)  # no orphaned worker left holding memory

    second = _analyze(corpus, store, workers)
    stdout, stderr = second.communicate(timeout=1200)
    assert second.returncode == 0, stderr
    new, already = (int(x) for x in _counts(stdout))
    assert new > 0 and already > 0, stdout  # the kill really fell in the middle
    assert new + already == N_DOCS

    con = duckdb.connect(str(store), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == N_DOCS
    assert con.execute("SELECT count(DISTINCT id) FROM documents").fetchone()[0] == N_DOCS
    assert con.execute("SELECT count(*) FROM document_sources").fetchone()[0] == N_DOCS
    dup_mentions = con.execute(
        "SELECT count(*) FROM (SELECT doc_id, kind, start_pos, end_pos, count(*) AS n"
        " FROM mentions GROUP BY ALL HAVING n > 1)"
    ).fetchone()[0]
    assert dup_mentions == 0


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _assert_gone(pids: list[int], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.5)
        alive = [p for p in alive if Path(f"/proc/{p}").exists()
                 and "Z" not in Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1][:3]]
    assert not alive, f"worker processes {alive} outlived their killed parent"


def _counts(stdout: str) -> tuple[str, str]:
    import re

    m = re.search(r"(\d+) new document\(s\) stored, (\d+) already present", stdout)
    assert m, stdout
    return m.group(1), m.group(2)
