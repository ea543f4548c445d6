"""The acceptance test of a shared store: the real ``palmyra serve`` and ``analyze`` processes.

With the server up on 127.0.0.1 (a port it picks), 20 documents analysed by another
process appear in the UI's JSON within 5 s, and report, export, link and a second
analyze work on the same store meanwhile.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from palmyra.store import lease

N_DOCS = 20
TOWNS = ("Idlib", "Aleppo", "Homs", "Hama", "Daraa")


def _palmyra(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "palmyra.cli", *args], capture_output=True,
                          text=True, timeout=timeout)


def _write(folder: Path, n: int, tag: str) -> None:
    folder.mkdir()
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        (folder / f"{tag}_{i:02d}.txt").write_text(
            f"Shelling in {town} ({tag} {i})\n\nStaff writer\n{1 + i % 28} March 2016\n\n"
            f"Government forces shelled {town} on Sunday, killing {i + 3} civilians,"
            f" a monitoring group said in its report {tag}-{i}.\n",
            encoding="utf-8",
        )


def _total(url: str) -> int:
    with urllib.request.urlopen(f"{url}/api/documents?limit=1", timeout=10) as resp:
        return json.loads(resp.read())["data"]["total"]


@pytest.mark.slow
def test_serve_shared_store_shows_documents_analysed_by_another_process(tmp_path):
    store = tmp_path / "shared.duckdb"
    _write(tmp_path / "first", 1, "first")
    _write(tmp_path / "batch", N_DOCS, "batch")
    assert _palmyra("analyze", str(tmp_path / "first"), "--store", str(store)).returncode == 0
    server = subprocess.Popen(
        [sys.executable, "-m", "palmyra.cli", "serve", "--store", str(store), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while (held := lease.read_lease(store)) is None:
            assert server.poll() is None, server.stderr.read()
            assert time.monotonic() < deadline, "the server wrote no lease"
            time.sleep(0.1)
        assert held.pid == server.pid and held.host == "127.0.0.1"
        assert _total(held.url) == 1

        analysed = _palmyra("analyze", str(tmp_path / "batch"), "--store", str(store))
        finished = time.monotonic()
        assert analysed.returncode == 0, analysed.stderr
        assert f"{N_DOCS} new document(s) stored" in analysed.stdout
        while _total(held.url) < 1 + N_DOCS:
            assert time.monotonic() - finished < 5, "the new documents did not appear in 5 s"
            time.sleep(0.05)

        # the other commands work on the held store too, and never print DuckDB's text
        again = _palmyra("analyze", str(tmp_path / "batch"), "--store", str(store))
        assert f"0 new document(s) stored, {N_DOCS} already present" in again.stdout
        exported = _palmyra("export", "--store", str(store), "--format", "jsonl")
        assert exported.returncode == 0, exported.stderr
        assert len(exported.stdout.splitlines()) == 1 + N_DOCS
        report = _palmyra("report", "--store", str(store), "-o", str(tmp_path / "r.html"))
        assert report.returncode == 0 and f"{1 + N_DOCS} of {1 + N_DOCS} documents" in report.stderr
        linked = _palmyra("link", "--store", str(store))
        assert linked.returncode == 0, linked.stderr
        with urllib.request.urlopen(f"{held.url}/api/events", timeout=10) as resp:
            events = json.loads(resp.read())["data"]
        assert len({e["doc"] for e in events}) >= N_DOCS  # the new documents' events, clustered
        assert all(e["cluster"] for e in events)
        assert not list(Path(os.environ.get("TMPDIR", "/tmp")).glob("palmyra-snapshot-*/"
                                                                       + store.name))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    assert not lease.lease_path(store).exists()  # removed on a clean stop
