"""The server as the store's one writer: the loopback routes ``analyze`` and ``link`` use.

A real uvicorn server on 127.0.0.1 holds a real store; a ``ServerStore`` hands it the
rows of documents analysed by the real pipeline, as ``analyze`` does when it finds the
store held.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import duckdb
import pytest

from palmyra import api
from palmyra.errors import StoreError
from palmyra.present.web import create_app
from palmyra.store import lease
from palmyra.store.db import Store, batch_rows
from palmyra.store.remote import ServerStore

from .conftest import LiveServer

TOKEN = "test-token"
TEXTS = [
    "Jets struck Marea\n\n27 March 2016\n\nRussian jets struck Marea on Sunday, killing 12"
    " civilians, the Syrian Observatory for Human Rights said.\n",
    "Shelling in Homs\n\n28 March 2016\n\nGovernment forces shelled al-Waer in Homs on Monday,"
    " killing 4 people, activists said.\n",
    "Clashes near Palmyra\n\n26 March 2016\n\nIslamic State fighters clashed with the Syrian army"
    " near Palmyra on Saturday; at least 20 fighters were killed.\n",
]


@pytest.fixture(scope="module")
def facts() -> list[Any]:
    return api.analyze_texts(
        [api.TextRecord(text, name=f"/incoming/t{i}.txt") for i, text in enumerate(TEXTS)]
    )


@pytest.fixture
def server(tmp_path: Path) -> Any:
    path = tmp_path / "shared.duckdb"
    Store(path).close()
    with LiveServer(create_app(path, writable=True, token=TOKEN)) as live:
        live.path = path
        live.lease = lease.Lease(os.getpid(), int(live.url.rsplit(":", 1)[1]), TOKEN, True)
        yield live


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return json.loads(resp.read())


def test_submit_batch_appears_in_the_api_and_expires_cached_pages(server, facts):
    overview = _get(server.url + "/api/overview")["data"]["counts"]
    assert _get(server.url + "/api/documents")["data"]["total"] == 0
    remote = ServerStore(server.path, server.lease)
    remote.write_batch(facts, pipeline="tests")
    docs = _get(server.url + "/api/documents")["data"]
    assert docs["total"] == 3
    assert {d["source"] for d in docs["documents"]} == {"t0.txt#0", "t1.txt#1", "t2.txt#2"}
    assert _get(server.url + "/api/overview")["data"]["counts"] != overview  # not the cached one
    assert remote.linked_documents == 3  # the server linked each batch as it came
    ids = {f.document.id for f in facts}
    assert remote.known_documents([*ids, "0000000000000000"]) == ids
    assert remote.stored_paths(["/incoming/t1.txt", "/elsewhere.txt"]) == {"/incoming/t1.txt"}
    assert _get(server.url + "/api/search?q=Marea")["data"]["total"] >= 1  # index refreshed
    assert remote.link(full=True)["documents"] == 3


def test_snapshot_is_a_readable_copy_that_read_only_opens_use(server, facts):
    ServerStore(server.path, server.lease).write_batch(facts[:2], pipeline="tests")
    path = lease.fetch_snapshot(server.path, server.lease)
    assert path.parent != server.path.parent
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    con.close()
    lease.drop_snapshot(path)
    assert not path.exists()


def test_submit_refuses_a_wrong_token_in_the_one_error_shape(server):
    bad = lease.Lease(server.lease.pid, server.lease.port, "guess", True)
    with pytest.raises(StoreError, match="refused known: missing or wrong token"):
        lease.request_json(bad, "known", {"ids": []})
    req = urllib.request.Request(server.url + "/api/store/snapshot", data=b"{}", method="POST")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=10)
    assert err.value.code == 403
    assert json.loads(err.value.read()) == {
        "ok": False, "status": 403,
        "error": "missing or wrong token (it is in the store's lease file)",
    }


def test_submit_refuses_rows_whose_id_is_not_the_hash_of_their_text(server, facts):
    documents, _, _ = batch_rows(facts[:1], pipeline="tests")
    documents[0]["document"][9] = "Some other text entirely."
    with pytest.raises(StoreError, match="id is not the hash of its text"):
        lease.request_json(server.lease, "batch",
                           {"documents": documents, "sources": [], "failures": []})
    assert _get(server.url + "/api/documents")["data"]["total"] == 0


def test_submit_refuses_callers_off_this_machine(tmp_path):
    from fastapi.testclient import TestClient

    path = tmp_path / "s.duckdb"
    Store(path).close()
    app = create_app(path, writable=True, token=TOKEN)
    with TestClient(app) as client:  # its requests come from host "testclient", not loopback
        answer = client.post("/api/store/known", json={"ids": []},
                             headers={lease.TOKEN_HEADER: TOKEN})
    assert answer.status_code == 403
    assert answer.json()["error"] == "the store takes writes only from this machine"


def test_read_only_server_refuses_writes(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    with LiveServer(create_app(path, token=TOKEN)) as live:
        held = lease.Lease(os.getpid(), int(live.url.rsplit(":", 1)[1]), TOKEN, True)
        with pytest.raises(StoreError, match="only reads the store"):
            lease.request_json(held, "known", {"ids": []})
