"""The naming matrix and the lean computed from it."""

from __future__ import annotations

import pytest

from palmyra.link.api import lean, link, naming
from palmyra.link.naming import Lean, lean_distance

from .builders import Article

ARMY, OPP = "Military Forces of Syria", "Syrian Opposition"
GOV, REBEL = "syrian_government", "opposition"


def outlets() -> tuple[Article, Article]:
    p = Article(
        "p.txt",
        "Proletarian",
        "The Syrian Arab Army and the patriotic forces routed the 'rebels'."
        " The patriotic forces then entered the town.",
    )
    p.name_actor("Syrian Arab Army", ARMY, GOV, "neutral")
    p.name_actor("patriotic forces", ARMY, GOV, "favourable")
    p.name_actor("patriotic forces", ARMY, GOV, "favourable", nth=1)
    p.name_actor("rebels", OPP, REBEL, "hostile")  # as the annotator reads a scare-quoted name
    p.scare_quote("'rebels'", OPP)
    w = Article(
        "w.txt",
        "WSWS",
        "Regime forces shelled the rebels while the Syrian Arab Army waited for the 'moderates'.",
    )
    w.name_actor("Regime forces", ARMY, GOV, "hostile")
    w.name_actor("rebels", OPP, REBEL, "neutral")
    w.name_actor("Syrian Arab Army", ARMY, GOV, "neutral")
    w.scare_quote("'moderates'", OPP)  # no actor mention under it: a row of its own
    return p, w


def test_link_naming_matrix_counts_per_outlet(make_store):
    store = make_store(*outlets())
    link(store)
    matrix = naming(store, "military forces")
    assert matrix["actor"] == ARMY
    assert matrix["outlets"] == ["Proletarian", "WSWS"]
    assert [(f["surface"], f["register"], f["counts"], f["total"]) for f in matrix["forms"]] == [
        ("patriotic forces", "favourable", {"Proletarian": 2}, 2),
        ("Syrian Arab Army", "neutral", {"Proletarian": 1, "WSWS": 1}, 2),
        ("Regime forces", "hostile", {"WSWS": 1}, 1),
    ]
    rebels = naming(store, OPP)["forms"]
    assert [(f["surface"], f["register"], f["counts"], f["scare_quotes"]) for f in rebels] == [
        ("moderates", "hostile", {"WSWS": 1}, {"WSWS": 1}),
        ("rebels", "hostile", {"Proletarian": 1}, {"Proletarian": 1}),
        ("rebels", "neutral", {"WSWS": 1}, {}),
    ]


def test_link_naming_lean_per_outlet_and_side(make_store):
    store = make_store(*outlets())
    link(store)
    assert lean(store) == [
        Lean("Proletarian", REBEL, -1.0, 0, 0, 1),
        Lean("Proletarian", GOV, 0.667, 2, 1, 0),
        Lean("WSWS", REBEL, -0.5, 0, 1, 1),
        Lean("WSWS", GOV, -0.5, 0, 1, 1),
    ]
    # (|-1 - -0.5| + |0.667 - -0.5|) / 2 over the rounded leans
    assert lean_distance(lean(store), min_mentions=1) == [
        {"a": "Proletarian", "b": "WSWS", "distance": 0.834, "sides": [REBEL, GOV]}
    ]
    # with the default floor of 3 mentions only the government side is compared, and WSWS
    # names it twice: no pair is left
    assert naming(store)["distances"] == []


def test_link_naming_unknown_actor_is_an_error(make_store):
    from palmyra.errors import StoreError

    store = make_store(*outlets())
    link(store)
    with pytest.raises(StoreError, match="no actor named 'Hezbollah'"):
        naming(store, "Hezbollah")
