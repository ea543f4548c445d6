"""Incremental linking: new documents join their blocks; nothing else is recomputed."""

from __future__ import annotations

from palmyra.link.api import link
from palmyra.store.db import Store

from .builders import Article

REGAIN = "Government regains territory"
OVERTAKE = "Non-state actor overtakes territory"
ARMY, IS = "Military Forces of Syria", "Islamic State"


def march() -> Article:
    a = Article("march.txt", "WSWS", "Government forces retook Palmyra on Sunday.")
    return a.event("Government forces retook Palmyra", REGAIN, "2016-03-27", ARMY, IS)


def later() -> Article:
    a = Article("later.txt", "Proletarian", "Palmyra was liberated from Daesh.")
    return a.event("Palmyra was liberated from Daesh", REGAIN, "2017-03-02", ARMY, IS)


def december() -> Article:
    a = Article("dec.txt", "Proletarian", "Daesh overran Palmyra again.")
    return a.event("Daesh overran Palmyra", OVERTAKE, "2016-12-11", IS, ARMY)


def year() -> Article:
    a = Article("year.txt", "EA WorldView", "The recapture of Palmyra by pro-Assad forces.")
    return a.event("The recapture of Palmyra by pro-Assad forces", REGAIN, "2016", ARMY, IS)


def snapshot(store: Store) -> dict[str, list[dict]]:
    return {
        table: store.query(f"SELECT * FROM {table} ORDER BY ALL")
        for table in ("clusters", "cluster_members", "disagreements")
    }


def members(store: Store) -> list[tuple[str, str]]:
    rows = store.query(
        "SELECT c.seed_doc, m.doc_id FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id"
        " ORDER BY 1, 2"
    )
    return [(r["seed_doc"], r["doc_id"]) for r in rows]


def test_link_incremental_new_report_joins_existing_cluster(make_store):
    store = make_store(march(), later())
    link(store)
    before = snapshot(store)
    other = [r for r in before["clusters"] if r["seed_doc"] == "later_txt"]
    again = Article("again.txt", "Reuters", "Syrian troops recaptured Palmyra on Monday.")
    again.event("Syrian troops recaptured Palmyra", REGAIN, "2016-03-28", ARMY, IS)
    store.write_batch([again.facts])
    summary = link(store)
    assert (summary.documents, summary.reports, summary.clusters_written) == (1, 1, 1)
    assert summary.clusters == 2
    assert members(store) == [
        ("later_txt", "later_txt"),
        ("march_txt", "again_txt"),
        ("march_txt", "march_txt"),
    ]
    after = snapshot(store)
    assert [r for r in after["clusters"] if r["seed_doc"] == "later_txt"] == other
    linked = store.query("SELECT doc_id, events FROM link_state ORDER BY doc_id")
    assert [(r["doc_id"], r["events"]) for r in linked] == [
        ("again_txt", 1),
        ("later_txt", 1),
        ("march_txt", 1),
    ]


def test_link_incremental_nothing_new_changes_nothing(make_store):
    store = make_store(march(), later())
    link(store)
    before = snapshot(store)
    summary = link(store)
    assert (summary.documents, summary.clusters_written) == (0, 0)
    assert snapshot(store) == before


def test_link_incremental_coarse_report_moves_when_its_event_arrives(make_store):
    store = make_store(year())
    link(store)
    assert members(store) == [("year_txt", "year_txt")]
    store.write_batch([march().facts, december().facts])
    summary = link(store)
    assert (summary.replaced, summary.clusters_removed) == (1, 1)
    assert members(store) == [
        ("dec_txt", "dec_txt"),
        ("march_txt", "march_txt"),
        ("march_txt", "year_txt"),
    ]
    incremental = snapshot(store)
    link(store, full=True)
    assert snapshot(store) == incremental
