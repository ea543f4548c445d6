"""The store: idempotent writes, one document for two paths, atomic batches."""

from __future__ import annotations

import pytest

from palmyra.ingest import build_document
from palmyra.ingest.records import RawRecord
from palmyra.model import DocumentFacts, SourceRef
from palmyra.store import queries
from palmyra.store.db import Store

TEXT = "Shelling hits Idlib market\n\nAt least 12 people were killed on Monday, a monitor said.\n"


def _doc(path: str, text: str = TEXT):
    return build_document(RawRecord(source=SourceRef(path), text=text, format="text"))


def test_store_write_is_idempotent(store_path):
    with Store(store_path) as st:
        st.write_batch([DocumentFacts(_doc("/a/one.txt"))])
        st.write_batch([DocumentFacts(_doc("/a/one.txt"))])
        assert st.query("SELECT count(*) AS n FROM documents")[0]["n"] == 1
        assert st.query("SELECT count(*) AS n FROM document_sources")[0]["n"] == 1


def test_store_same_text_two_paths_is_one_document(store_path):
    a, b = _doc("/a/one.txt"), _doc("/b/copy.txt", TEXT.replace("\n", "\r\n"))
    assert a.id == b.id
    with Store(store_path) as st:
        st.write_batch([DocumentFacts(a)])
        st.write_batch([], sources=[(b.id, b.sources[0])])
        assert [s.name for s in queries.sources_of(st, a.id)] == ["one.txt", "copy.txt"]


def test_store_batch_is_atomic(store_path):
    good = _doc("/a/one.txt")

    class Boom(DocumentFacts):
        @property
        def mentions(self):  # fails in the middle of writing the batch
            raise RuntimeError("disk on fire")

        @mentions.setter
        def mentions(self, value):
            pass

    bad = Boom(_doc("/a/two.txt", TEXT + "More text."))
    with Store(store_path) as st:
        with pytest.raises(RuntimeError):
            st.write_batch([DocumentFacts(good), bad])
        assert st.query("SELECT count(*) AS n FROM documents")[0]["n"] == 0


def test_store_resolves_id_prefix_and_source_name(store_path):
    d = _doc("/a/one.txt")
    with Store(store_path) as st:
        st.write_batch([DocumentFacts(d)])
        assert queries.resolve_document_id(st, d.id[:6]) == d.id
        assert queries.resolve_document_id(st, "one.txt") == d.id
        with pytest.raises(Exception, match="no document matches"):
            queries.resolve_document_id(st, "nothing-like-it")


def test_store_refuses_missing_file_read_only(tmp_path):
    with pytest.raises(Exception, match="run `palmyra analyze PATH` first"):
        Store(tmp_path / "absent.duckdb", read_only=True)


def _tables(st: Store) -> dict[str, list[tuple]]:
    """Every analysis table's rows in stored order (less the write times)."""
    out = {}
    for table in ("documents", "document_sources", "mentions", "facts", "failures"):
        cols = [c[0] for c in st.con.execute(f"SELECT * FROM {table} LIMIT 0").description
                if c[0] not in ("ingested_at", "failed_at")]
        out[table] = st.con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
    return out


def test_store_batch_writes_rows_as_row_by_row(tmp_path, demo_rows_csv):
    """A batch goes to DuckDB through Arrow tables: the stored rows and their order are
    those of one insert per row, with a failure cleared, an extra source and a rewrite."""
    from palmyra.ingest import iter_records
    from palmyra.pipeline import Pipeline
    from palmyra.store.rows import document_rows, source_rows

    pipeline = Pipeline.create()
    docs = [build_document(r, pipeline.outlets) for r in iter_records([demo_rows_csv])
            if isinstance(r, RawRecord)]
    done, errors = pipeline.process(docs)
    assert not errors and len(done) == 4
    rows = [document_rows(f, pipeline.version) for f in done]
    assert all(r.mentions and r.facts for r in rows)
    first = rows[0].sources[0]
    extra = _doc("/b/copy.txt")
    stored = []
    for bulk in (True, False):
        with Store(tmp_path / f"{bulk}.duckdb") as st:
            if not bulk:  # one insert per row, as before the Arrow path
                st._write_documents = lambda ds, st=st: [st._write_document(d) for d in ds]
            st.write_batch([], failures=[(first, "annotate", "boom"),
                                         (SourceRef("/c/other.txt"), "clean", "empty")])
            st.write_rows(rows[:3], source_rows([(extra.id, extra.sources[0])]))
            st.write_rows(rows[1:])  # two documents again, and one new
            stored.append(_tables(st))
    bulk_tables, row_tables = stored
    assert bulk_tables == row_tables
    assert len(bulk_tables["mentions"]) == sum(len(r.mentions) for r in rows)
    assert [f[0] for f in bulk_tables["failures"]] == ["/c/other.txt"]
