"""Clustering: one cluster per real occurrence, blocked by place, type and date."""

from __future__ import annotations

import pytest

from palmyra.link.api import link
from palmyra.store.db import Store

from .builders import Article

REGAIN = "Government regains territory"
OVERTAKE = "Non-state actor overtakes territory"
STRIKE = "Air/drone strike"
ARMY, IS = "Military Forces of Syria", "Islamic State"


def memberships(store: Store) -> dict[str, list[str]]:
    """Cluster seed document -> sorted member document ids (the ids are hashes)."""
    rows = store.query(
        "SELECT c.seed_doc, list(m.doc_id ORDER BY m.doc_id) AS docs FROM clusters c"
        " JOIN cluster_members m ON m.cluster_id = c.id GROUP BY c.seed_doc"
    )
    return {r["seed_doc"]: r["docs"] for r in rows}


def palmyra_articles() -> list[Article]:
    march = Article("wsws.txt", "WSWS", "Syrian government forces retook Palmyra on Sunday.")
    march.event("Syrian government forces retook Palmyra", REGAIN, "2016-03-27", ARMY, IS)
    year = Article("ea.txt", "EA WorldView", "The recapture of Palmyra by pro-Assad forces.")
    year.event("The recapture of Palmyra by pro-Assad forces", REGAIN, "2016", ARMY, IS)
    december = Article("prol-dec.txt", "Proletarian", "Daesh fighters overran Palmyra again.")
    december.event("Daesh fighters overran Palmyra", OVERTAKE, "2016-12-11", IS, ARMY)
    liberated = Article("prol-mar.txt", "Proletarian", "Palmyra was liberated from Daesh.")
    liberated.event("Palmyra was liberated from Daesh", REGAIN, "2017-03-02", ARMY, IS)
    return [march, year, december, liberated]


def test_link_cluster_palmyra_events_stay_apart(make_store):
    store = make_store(*palmyra_articles())
    summary = link(store)
    assert (summary.documents, summary.reports, summary.clusters) == (4, 4, 3)
    assert memberships(store) == {
        "wsws_txt": ["ea_txt", "wsws_txt"],
        "prol-dec_txt": ["prol-dec_txt"],
        "prol-mar_txt": ["prol-mar_txt"],
    }
    rules = store.query("SELECT doc_id, rule FROM cluster_members ORDER BY doc_id")
    assert [(r["doc_id"], r["rule"]) for r in rules] == [
        ("ea_txt", "unique"),
        ("prol-dec_txt", "seed"),
        ("prol-mar_txt", "seed"),
        ("wsws_txt", "seed"),
    ]
    march = store.query("SELECT * FROM clusters WHERE seed_doc = 'wsws_txt'")[0]
    assert (march["date"], march["date_precision"], march["outlet_count"]) == (
        "2016-03-27",
        "day",
        2,
    )


def test_link_cluster_year_report_fitting_two_clusters_stays_alone(make_store):
    march = Article("a.txt", "A", "Army units retook Palmyra.")
    march.event("Army units retook Palmyra", REGAIN, "2016-03-27", ARMY, IS)
    november = Article("b.txt", "B", "The army took Palmyra back once more.")
    november.event("The army took Palmyra back", REGAIN, "2016-11-20", ARMY, IS)
    year = Article("c.txt", "C", "Palmyra was recaptured in 2016.")
    year.event("Palmyra was recaptured in 2016", REGAIN, "2016", ARMY, IS)
    store = make_store(march, november, year)
    summary = link(store)
    assert summary.ambiguous == 1
    assert memberships(store) == {"a_txt": ["a_txt"], "b_txt": ["b_txt"], "c_txt": ["c_txt"]}
    assert store.query("SELECT kind FROM clusters WHERE seed_doc = 'c_txt'") == [
        {"kind": "ambiguous"}
    ]


def test_link_cluster_year_report_joins_a_clear_leader(make_store):
    # The November cluster names no actors, so the year report fits March clearly better.
    march = Article("a.txt", "A", "Army units retook Palmyra from Islamic State.")
    march.event("Army units retook Palmyra from Islamic State", REGAIN, "2016-03-27", ARMY, IS)
    november = Article("b.txt", "B", "Hills near Palmyra were newly liberated.")
    november.event("newly liberated", REGAIN, "2016-11-20", None, None)
    year = Article("c.txt", "C", "The recapture of Palmyra by the army.")
    year.event("The recapture of Palmyra by the army", REGAIN, "2016", ARMY, IS)
    store = make_store(march, november, year)
    summary = link(store)
    assert summary.ambiguous == 0
    assert memberships(store) == {"a_txt": ["a_txt", "c_txt"], "b_txt": ["b_txt"]}
    rules = {
        r["doc_id"]: r["rule"] for r in store.query("SELECT doc_id, rule FROM cluster_members")
    }
    assert rules["c_txt"] == "best"


@pytest.mark.parametrize("day,clusters", [("2016-03-30", 1), ("2016-03-31", 2)])
def test_link_cluster_date_tolerance(make_store, day, clusters):
    a = Article("a.txt", "A", "Troops retook Palmyra.")
    a.event("Troops retook Palmyra", REGAIN, "2016-03-27", ARMY, IS)
    b = Article("b.txt", "B", "Soldiers retook Palmyra.")
    b.event("Soldiers retook Palmyra", REGAIN, day, ARMY, IS)
    store = make_store(a, b)
    assert link(store).clusters == clusters


def test_link_cluster_disjoint_actors_are_two_events(make_store):
    a = Article("a.txt", "A", "Russian jets struck a market in Aleppo.")
    a.event(
        "Russian jets struck a market",
        STRIKE,
        "2016-10-01",
        "Military Forces of Russia",
        "Civilians",
        place="Aleppo",
    )
    b = Article("b.txt", "B", "Coalition aircraft hit Islamic State in Aleppo.")
    b.event(
        "Coalition aircraft hit Islamic State",
        STRIKE,
        "2016-10-01",
        "Coalition",
        IS,
        place="Aleppo",
    )
    c = Article("c.txt", "C", "Warplanes bombed a market in Aleppo, killing civilians.")
    c.event(
        "Warplanes bombed a market in Aleppo",
        STRIKE,
        "2016-10-01",
        None,
        "Civilians",
        place="Aleppo",
    )
    store = make_store(a, b, c)
    link(store)
    assert memberships(store) == {"a_txt": ["a_txt", "c_txt"], "b_txt": ["b_txt"]}


def test_link_cluster_reports_without_place_or_date_stand_alone(make_store):
    a = Article("a.txt", "A", "Troops retook Palmyra.")
    a.event("Troops retook Palmyra", REGAIN, None, ARMY, IS)
    b = Article("b.txt", "B", "Troops retook the town.")
    b.event("Troops retook the town", REGAIN, "2016-03-27", ARMY, IS, place=None)
    c = Article("c.txt", "C", "Troops retook Palmyra on Sunday.")
    c.event("Troops retook Palmyra on Sunday", REGAIN, "2016-03-27", ARMY, IS)
    store = make_store(a, b, c)
    link(store)
    kinds = store.query("SELECT seed_doc, kind FROM clusters ORDER BY seed_doc")
    assert [(r["seed_doc"], r["kind"]) for r in kinds] == [
        ("a_txt", "alone"),
        ("b_txt", "alone"),
        ("c_txt", "fine"),
    ]


def test_link_cluster_planned_events_are_not_linked(make_store):
    a = Article("a.txt", "A", "The army plans to retake Palmyra.")
    a.event("The army plans to retake Palmyra", REGAIN, "2016-03-27", ARMY, IS, modality="planned")
    store = make_store(a)
    summary = link(store)
    assert (summary.documents, summary.reports, summary.clusters) == (1, 0, 0)
