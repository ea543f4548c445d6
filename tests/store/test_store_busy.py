"""A store another process holds: one line naming the holder, never DuckDB's own text."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from palmyra.store import lease
from palmyra.store.db import Store

HOLD = (
    "import sys, time, duckdb; con = duckdb.connect(sys.argv[1]);"
    " print('held', flush=True); time.sleep(60)"
)


@pytest.fixture
def held_store(tmp_path: Path):
    path = tmp_path / "busy.duckdb"
    Store(path).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE,
                              text=True)
    assert holder.stdout.readline().strip() == "held"
    yield path, holder.pid
    holder.kill()
    holder.wait()


def _palmyra(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "palmyra.cli", *args], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "COLUMNS": "200"})


def test_store_busy_analyze_fails_with_one_line_naming_the_holder(held_store, tmp_path):
    path, pid = held_store
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nJets struck Marea on Sunday.\n", encoding="utf-8")
    started = time.monotonic()
    done = _palmyra("analyze", str(article), "--store", str(path))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert f"in use by another process (PID {pid}: " in lines[0]
    assert "import sys, time, duckdb" in lines[0]  # what the holder runs
    assert "wait for it to finish" in lines[0]
    assert "IO Error" not in done.stderr and "duckdb.org" not in done.stderr
    assert time.monotonic() - started < 60  # refused before loading the pipeline


def test_store_busy_read_only_open_names_the_holder(held_store):
    path, pid = held_store
    with pytest.raises(lease.StoreBusyError, match=rf"PID {pid}.*run this again$"):
        Store(path, read_only=True)


def test_store_busy_stale_lease_of_a_dead_server_is_ignored(tmp_path):
    path = tmp_path / "s.duckdb"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lease.write_lease(path, lease.Lease(dead.pid, 1, "t", True))
    assert lease.read_lease(path) is None
    assert (lease.lease_path(path).stat().st_mode & 0o077) == 0  # owner-only: holds the token
