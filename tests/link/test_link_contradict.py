"""Contradictions: counts, dates and actors on which the reports of one event disagree."""

from __future__ import annotations

import json

import pytest

from palmyra.link.api import compare, link
from palmyra.model import NumberValue

from .builders import Article

REGAIN = "Government regains territory"
ARMY, IS = "Military Forces of Syria", "Islamic State"


def two_reports(killed_a: NumberValue, killed_b: NumberValue) -> tuple[Article, Article]:
    a = Article("a.txt", "Outlet A", "Troops retook Palmyra; 50 fighters were killed.")
    a.event("Troops retook Palmyra", REGAIN, "2016-03-27", ARMY, IS, counts={"killed": killed_a})
    b = Article("b.txt", "Outlet B", "The army retook Palmyra, leaving 78 dead.")
    b.event("The army retook Palmyra", REGAIN, "2016-03-27", ARMY, IS, counts={"killed": killed_b})
    return a, b


def test_link_contradict_counts_flagged_with_evidence(make_store):
    store = make_store(*two_reports(NumberValue(50, 50), NumberValue(78, 78)))
    link(store)
    (cid,) = [r["id"] for r in store.query("SELECT id FROM clusters")]
    detail = compare(store, cid[:5])
    assert detail["disagreement_fields"] == ["counts.killed"]
    assert detail["disagreements"] == [
        {
            "field": "counts.killed",
            "sides": [
                {
                    "value": "50",
                    "evidence": [
                        {
                            "doc": "a.txt",
                            "doc_id": "a_txt",
                            "outlet": "Outlet A",
                            "span": [0, 21],
                            "text": "Troops retook Palmyra",
                        }
                    ],
                },
                {
                    "value": "78",
                    "evidence": [
                        {
                            "doc": "b.txt",
                            "doc_id": "b_txt",
                            "outlet": "Outlet B",
                            "span": [0, 23],
                            "text": "The army retook Palmyra",
                        }
                    ],
                },
            ],
        }
    ]


@pytest.mark.parametrize(
    "a,b,flagged",
    [
        (NumberValue(50, None), NumberValue(78, 78), False),  # "at least 50" vs 78
        (NumberValue(50, 50, approximate=True), NumberValue(53, 53), False),  # "about 50"
        (NumberValue(50, 50, approximate=True), NumberValue(78, 78), True),
        (NumberValue(None, 40), NumberValue(78, 78), True),  # "up to 40" vs 78
        (NumberValue(24, 99), NumberValue(78, None), False),  # "dozens" vs "over 78"
    ],
)
def test_link_contradict_vague_bounds(make_store, a, b, flagged):
    store = make_store(*two_reports(a, b))
    link(store)
    fields = json.loads(
        store.query("SELECT disagreement_fields FROM clusters")[0]["disagreement_fields"]
    )
    assert fields == (["counts.killed"] if flagged else [])


def test_link_contradict_perpetrator_and_date(make_store):
    a = Article("a.txt", "Outlet A", "Russian jets bombed the hospital in Palmyra.")
    a.event(
        "Russian jets bombed the hospital",
        "Air/drone strike",
        "2016-03-20",
        "Military Forces of Russia",
        "Civilians",
    )
    b = Article("b.txt", "Outlet B", "Coalition jets bombed the hospital in Palmyra.")
    b.event(
        "Coalition jets bombed the hospital",
        "Air/drone strike",
        "2016-03-21",
        "Coalition",
        "Civilians",
    )
    store = make_store(a, b)
    link(store)
    rows = store.query("SELECT field, sides FROM disagreements ORDER BY field")
    assert [r["field"] for r in rows] == ["date", "perpetrator"]
    sides = json.loads(rows[1]["sides"])
    assert [(s["value"], [e["outlet"] for e in s["evidence"]]) for s in sides] == [
        ("Military Forces of Russia", ["Outlet A"]),
        ("Coalition", ["Outlet B"]),
    ]
