"""Corroboration: copies and cited sources do not count as independent confirmation."""

from __future__ import annotations

import json

from palmyra.link import queries
from palmyra.link.api import link
from palmyra.link.duplicates import jaccard, shingles
from palmyra.store.db import Store

from .builders import Article

REGAIN = "Government regains territory"
ARMY, IS = "Military Forces of Syria", "Islamic State"

WIRE = (
    "Syrian government forces backed by Russian air strikes recaptured the ancient city of"
    " Palmyra from Islamic State fighters on Sunday, the army said in a statement read on"
    " state television. The militants withdrew towards Deir al-Zor after three weeks of"
    " fighting around the ruins, and engineers began clearing mines laid in the old city"
    " and around the museum. A military source said the town would serve as a base for"
    " operations further east across the desert towards Raqqa and the Iraqi border."
)


def cluster_row(store: Store) -> dict:
    rows = store.query("SELECT outlets, independent_count, groups FROM clusters")
    assert len(rows) == 1
    return rows[0]


def test_link_corroborate_wire_copy_counts_once(make_store):
    copy_text = WIRE.replace("on Sunday", "on Sunday morning").replace("three", "3")
    wire = Article("reuters.txt", "Reuters", WIRE)
    wire.event("recaptured the ancient city of Palmyra", REGAIN, "2016-03-27", ARMY, IS)
    copy = Article("daily.txt", "Daily Planet", copy_text)
    copy.event("recaptured the ancient city of Palmyra", REGAIN, "2016-03-27", ARMY, IS)
    own = Article("own.txt", "Own Reporter", "Our reporter saw troops enter Palmyra on Sunday.")
    own.event("troops enter Palmyra", REGAIN, "2016-03-27", ARMY, IS)
    store = make_store(wire, copy, own)
    summary = link(store)
    expected = round(jaccard(shingles(WIRE, 5), shingles(copy_text, 5)), 4)
    assert summary.near_duplicates == 1
    assert queries.near_duplicates(store) == [
        {
            "doc_a": "daily_txt",
            "outlet_a": "Daily Planet",
            "doc_b": "reuters_txt",
            "outlet_b": "Reuters",
            "jaccard": expected,
        }
    ]
    row = cluster_row(store)
    assert row["independent_count"] == 2
    assert json.loads(row["groups"]) == [["Daily Planet", "Reuters"], ["Own Reporter"]]


def test_link_corroborate_citation_makes_report_dependent(make_store):
    wire = Article("reuters.txt", "Reuters", "Troops retook Palmyra on Sunday.")
    wire.event("Troops retook Palmyra", REGAIN, "2016-03-27", ARMY, IS)
    citing = Article(
        "paper.txt", "The Paper", "The army retook Palmyra on Sunday, Reuters reported."
    )
    citing.event("The army retook Palmyra", REGAIN, "2016-03-27", ARMY, IS)
    citing.cite("Reuters", "Reuters")
    store = make_store(wire, citing)
    link(store)
    row = cluster_row(store)
    assert row["independent_count"] == 1
    depends = store.query("SELECT doc_id, depends_on FROM cluster_members ORDER BY doc_id")
    assert [(r["doc_id"], json.loads(r["depends_on"])) for r in depends] == [
        ("paper_txt", ["Reuters"]),
        ("reuters_txt", []),
    ]


def test_link_corroborate_citation_elsewhere_in_the_article_does_not_count(make_store):
    filler = "Diplomats met again in Geneva. " * 12
    text = f"The army retook Palmyra on Sunday.\n\n{filler}\n\nOil prices rose, Reuters said."
    wire = Article("reuters.txt", "Reuters", "Troops retook Palmyra on Sunday.")
    wire.event("Troops retook Palmyra", REGAIN, "2016-03-27", ARMY, IS)
    citing = Article("paper.txt", "The Paper", text)
    citing.event("The army retook Palmyra", REGAIN, "2016-03-27", ARMY, IS)
    citing.cite("Reuters", "Reuters")
    store = make_store(wire, citing)
    link(store)
    assert cluster_row(store)["independent_count"] == 2


def test_link_corroborate_shared_attributed_source_joins_outlets(make_store):
    a = Article("a.txt", "Outlet A", "Palmyra was retaken, the Syrian army said.")
    a.event("Palmyra was retaken", REGAIN, "2016-03-27", ARMY, IS, asserted_by="SANA")
    b = Article("b.txt", "Outlet B", "Palmyra is back in army hands (SANA).")
    b.event("Palmyra is back in army hands", REGAIN, "2016-03-27", ARMY, IS)
    b.cite("SANA", "SANA")
    store = make_store(a, b)
    link(store)
    row = cluster_row(store)
    assert row["independent_count"] == 1
    assert json.loads(row["groups"]) == [["Outlet A", "Outlet B", "SANA"]]
