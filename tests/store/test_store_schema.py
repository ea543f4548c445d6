"""The store's schema: every table made by ``store/schema.py``, old stores migrated.

A v1 store (before the link and search tables joined the schema) is made here by
taking a current store back: dropping the tables v2 added and writing version 1.
"""

from __future__ import annotations

import duckdb
import pytest

from palmyra.ingest import build_document
from palmyra.ingest.records import RawRecord
from palmyra.model import DocumentFacts, SourceRef
from palmyra.present import queries as wq
from palmyra.store.db import Store
from palmyra.store.schema import LINK_TABLES, SCHEMA_VERSION, SEARCH_TABLES, STORE_TABLES, TABLES

TEXT = "Shelling hits Idlib market\n\nAt least 12 people were killed on Monday, a monitor said.\n"


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
    ).fetchall()
    return {r[0] for r in rows}


def _v1_store(path, *, linked: bool) -> None:
    """A store as Palmyra v1 left it: link tables only once linked, search tables by CTAS."""
    with Store(path) as st:
        doc = build_document(RawRecord(source=SourceRef("/a/one.txt"), text=TEXT, format="text"))
        st.write_batch([DocumentFacts(doc)])
        for table in (*SEARCH_TABLES, *(() if linked else LINK_TABLES)):
            st.con.execute(f"DROP TABLE {table}")
        if linked:
            st.con.execute("INSERT INTO link_state (doc_id, events) SELECT id, 0 FROM documents")
        st.con.execute("CREATE TABLE search_meta AS SELECT 'stale' AS fingerprint")
        st.con.execute("UPDATE schema_info SET version = 1")


def test_store_schema_creates_every_table(store_path) -> None:
    with Store(store_path) as st:
        assert _tables(st.con) == set(TABLES)
        assert st.schema_version() == SCHEMA_VERSION
    assert {*STORE_TABLES, *LINK_TABLES, *SEARCH_TABLES, "schema_info"} == set(TABLES)


@pytest.mark.parametrize("linked", [False, True])
def test_store_schema_v1_migrates_on_a_writable_open(store_path, linked: bool) -> None:
    _v1_store(store_path, linked=linked)
    with Store(store_path) as st:
        assert st.schema_version() == SCHEMA_VERSION
        assert _tables(st.con) == set(TABLES)
        assert wq.clusters_available(st) is linked
        # the old search index is dropped with its shape, so the next build refills it
        assert st.query("SELECT count(*) AS n FROM search_meta")[0]["n"] == 0
        assert wq.ensure_search_index(st)
        assert wq.search(st, "idlib")[0] == 1


@pytest.mark.parametrize("linked", [False, True])
def test_store_schema_v1_read_only_sees_empty_missing_tables(store_path, linked: bool) -> None:
    _v1_store(store_path, linked=linked)
    with Store(store_path, read_only=True) as st:
        assert st.schema_version() == 1  # the file is left as it is
        assert wq.clusters_available(st) is linked
        assert wq.cluster_summaries(st) == []
        assert not wq.search_index_ready(st)
        assert wq.table_names(st) == sorted((*STORE_TABLES, *(LINK_TABLES if linked else ())))
    con = duckdb.connect(str(store_path), read_only=True)
    try:
        assert not {"search_units", "search_postings"} & _tables(con)
    finally:
        con.close()


def test_store_schema_search_index_is_refilled_not_recreated(store_path) -> None:
    with Store(store_path) as st:
        doc = build_document(RawRecord(source=SourceRef("/a/one.txt"), text=TEXT, format="text"))
        st.write_batch([DocumentFacts(doc)])
        assert wq.ensure_search_index(st)
        assert not wq.ensure_search_index(st)  # up to date
        other = TEXT.replace("Idlib", "Homs")
        doc2 = build_document(RawRecord(source=SourceRef("/a/two.txt"), text=other, format="text"))
        st.write_batch([DocumentFacts(doc2)])
        assert wq.ensure_search_index(st)
        assert st.query("SELECT count(*) AS n FROM search_meta")[0]["n"] == 1
        assert wq.search(st, "homs")[0] == 1 and wq.search(st, "market")[0] == 2


def test_store_schema_unlinked_store_exports_no_link_tables(store_path) -> None:
    with Store(store_path) as st:
        assert not wq.clusters_available(st)
        assert wq.table_names(st) == sorted(STORE_TABLES)


def _v2_store(path) -> None:
    """A store as Palmyra left it before documents recorded their profile (schema v2)."""
    with Store(path) as st:
        doc = build_document(RawRecord(source=SourceRef("/a/one.txt"), text=TEXT, format="text"))
        st.write_batch([DocumentFacts(doc)])
        st.con.execute("ALTER TABLE documents DROP COLUMN profile")
        st.con.execute("UPDATE schema_info SET version = 2")


def test_store_schema_v2_gains_the_profile_column(store_path) -> None:
    from palmyra.store import queries

    _v2_store(store_path)
    with Store(store_path, read_only=True) as st:  # read-only: left as it is, readable
        assert st.schema_version() == 2
        assert queries.document_profiles(st) == {}
    with Store(store_path) as st:
        assert st.schema_version() == SCHEMA_VERSION
        assert list(queries.document_profiles(st).values()) == [None]  # coded before: unknown
        doc = build_document(RawRecord(source=SourceRef("/a/two.txt"), text=TEXT + "More.\n",
                                       format="text"))
        st.write_batch([DocumentFacts(doc, profile="syria")])
        assert queries.document_profiles(st)[doc.id] == "syria"
