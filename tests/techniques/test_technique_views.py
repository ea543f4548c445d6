"""Technique facts in the store, the document page, the per-outlet table and the report."""

from __future__ import annotations

import hashlib

from palmyra.model import Document, DocumentFacts, SourceRef, Span, Technique
from palmyra.present import content
from palmyra.present.report import write_report
from palmyra.present.technique_table import technique_table
from palmyra.store import queries
from palmyra.store.db import Store

TEXTS = {
    "Gazette": "The radical terrorists burned the village. Our great nation stands firm.",
    "Monitor": "Fighters entered the village on Monday, residents said.",
}
TAGS = {"Gazette": [("radical terrorists", "Name_Calling,Labeling"),
                    ("Our great nation", "Flag-Waving")],
        "Monitor": [("entered", "Loaded_Language")]}


def _facts() -> list[DocumentFacts]:
    out = []
    for outlet, text in TEXTS.items():
        doc_id = hashlib.sha1(text.encode()).hexdigest()[:16]
        doc = Document(id=doc_id, text=text, sources=[SourceRef(f"{outlet.lower()}.txt")],
                       format="txt", outlet=outlet)
        tags = [Technique(doc_id, Span(doc_id, text.index(w), text.index(w) + len(w)), label,
                          0.8, 0.5, "palmyra.techniques.v1") for w, label in TAGS[outlet]]
        out.append(DocumentFacts(doc, techniques=tags))
    return out


def _store(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path) as st:
        st.write_batch(_facts(), pipeline="tests")
    return path


def test_technique_counts_and_table_per_outlet(tmp_path):
    with Store(_store(tmp_path), read_only=True) as st:
        rows = queries.technique_counts(st)
    table = technique_table(rows)
    assert [t["short"] for t in table.techniques] == ["flag-waving", "loaded", "name-calling"]
    gazette = next(o for o in table.outlets if o["name"] == "Gazette")
    assert gazette["total"] == 2 and gazette["cells"][1] is None
    assert gazette["cells"][2] == {"n": 1, "per_doc": 1.0}


def test_technique_marks_on_the_document_page_slice_back(tmp_path):
    with Store(_store(tmp_path), read_only=True) as st:
        doc_id = next(f.document.id for f in _facts() if f.document.outlet == "Gazette")
        view = content.document(st, doc_id, lambda key: key)
    cards = view.cards["technique"]
    assert [c.heading for c in cards] == ["Name Calling, Labeling", "Flag-Waving"]
    assert [c.quote for c in cards] == ["radical terrorists", "Our great nation"]


def test_technique_table_is_in_the_report(tmp_path):
    out = tmp_path / "report.html"
    with Store(_store(tmp_path), read_only=True) as st:
        write_report(st, out)
    html = out.read_text(encoding="utf-8")
    assert "Propaganda techniques per outlet" in html and "name-calling" in html
