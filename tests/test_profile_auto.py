"""``--profile auto``: each article coded with the profile of the war its places lie in.

The shipped profiles are replaced by the Syria profile and the small Yemen-like profile
in ``tests/fixtures/profiles/yemen``, so the tests do not depend on which other wars ship.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from palmyra import api
from palmyra.model import Document, Mention, PlaceRef, Span
from palmyra.profiles import load_profile
from palmyra.profiles.choose import choose_profile
from palmyra.store import queries
from palmyra.store.db import Store

FIXTURES = Path(__file__).parent / "fixtures" / "profiles"

SYRIA_TEXT = (
    "Regime forces shell eastern Aleppo\n\n"
    "ALEPPO, Syria - Syrian government forces shelled the rebel-held districts of Aleppo on"
    " Monday, killing five civilians, and rebels hit back with mortars near Idlib.\n"
)
YEMEN_TEXT = (
    "Fighting near Marib\n\n"
    "SANAA (Reuters) - Rebels shelled government positions in Marib on Sunday, killing three"
    " civilians, and rebels seized a village near Taiz, residents said. The Islamic State"
    " said it had bombed a checkpoint in Aden.\n"
)
# Canonical names only the Syria profile has: none may code a Yemen article.
SYRIA_ONLY = {a.canonical for a in load_profile("syria").actors} - {
    a.canonical for a in load_profile(FIXTURES / "yemen").actors
}


@pytest.fixture
def two_wars(monkeypatch):
    """The shipped profiles, as auto sees them: Syria and the Yemen-like test profile."""
    profiles = [load_profile("syria"), load_profile(FIXTURES / "yemen")]
    monkeypatch.setattr("palmyra.profiles.load.load_shipped_profiles", lambda: profiles)
    api._PIPELINES.clear()
    yield profiles
    api._PIPELINES.clear()


def _actors(facts) -> set[str]:
    return {m.value.canonical for m in facts.mentions if m.kind == "actor"}


def _event_actors(facts) -> set[str]:
    return {a for e in facts.events for a in (e.actor1, e.actor2) if a}


def test_profile_auto_codes_each_article_of_a_mixed_folder_with_its_own_profile(
    two_wars, tmp_path
):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "aleppo.txt").write_text(SYRIA_TEXT, encoding="utf-8")
    (folder / "marib.txt").write_text(YEMEN_TEXT, encoding="utf-8")
    store = tmp_path / "s.duckdb"
    summary = api.analyze([folder], store)
    assert summary.stored == 2 and not summary.failures
    with Store(store, read_only=True) as st:
        ids = {queries.resolve_document_id(st, name): name for name in ("aleppo.txt", "marib.txt")}
        profiles = {ids[i]: p for i, p in queries.document_profiles(st).items()}
        actors = {
            ids[i]: {m["value"]["canonical"] for m in queries.mentions_of(st, i)
                     if m["kind"] == "actor"}
            for i in ids
        }
        events = {
            ids[i]: {a for e in queries.facts_of(st, i, "events")
                     for a in (e["actor1"], e["actor2"]) if a}
            for i in ids
        }
    assert profiles == {"aleppo.txt": "syria", "marib.txt": "yemen"}
    assert {"Military Forces of Syria", "Civilians (Syria)"} <= actors["aleppo.txt"]
    assert {"Houthis", "Civilians (Yemen)", "Islamic State"} <= actors["marib.txt"]
    assert not (actors["marib.txt"] | events["marib.txt"]) & SYRIA_ONLY
    assert "Houthis" in events["marib.txt"]
    assert not actors["aleppo.txt"] & {"Houthis", "Civilians (Yemen)"}


def test_profile_auto_is_the_default_of_analyze_texts(two_wars):
    syria, yemen = api.analyze_texts([SYRIA_TEXT, YEMEN_TEXT])
    assert (syria.profile, yemen.profile) == ("syria", "yemen")
    assert "Opposition Rebels (Syria)" in _actors(syria)
    assert not (_actors(yemen) | _event_actors(yemen)) & SYRIA_ONLY


def test_profile_forced_or_none(two_wars):
    forced = api.analyze_texts([YEMEN_TEXT], profile="syria")[0]
    assert forced.profile == "syria"
    assert "Opposition Rebels (Syria)" in _actors(forced)  # forced: the user asked for it
    bare = api.analyze_texts([YEMEN_TEXT], profile=None)[0]
    assert bare.profile is None
    assert not _actors(bare) & SYRIA_ONLY
    assert "Civilians (Yemen)" in _actors(bare)  # the generic layer still codes civilians


def test_profile_auto_leaves_an_article_no_profile_covers_without_one(two_wars):
    facts = api.analyze_text(
        "Clashes in Tigray\n\nMEKELLE, Ethiopia - Ethiopian troops shelled the town of Adigrat"
        " on Monday and gunmen killed five villagers near Mekelle, residents said.\n"
    )
    assert facts.profile is None
    actors = _actors(facts)
    assert {"Military Forces of Ethiopia", "Unidentified Armed Group (Ethiopia)"} <= actors
    assert not actors & SYRIA_ONLY


# -- the choice, on places written for the test --------------------------------------


def _doc(title_len: int = 20, length: int = 2000) -> Document:
    return Document("d", "x" * length, [], "text", title="t", title_span=Span("d", 0, title_len),
                    body=Span("d", title_len + 2, length))


def _place(start: int, country: str, precision: str = "town", code: str = "PPL") -> Mention:
    ref = PlaceRef("p", None, None, None, None, country, code, precision)
    return Mention("place", "p", Span("d", start, start + 1), ref)


@pytest.fixture(scope="module")
def wars():
    return [load_profile("syria"), load_profile(FIXTURES / "yemen"),
            load_profile(FIXTURES / "ukraine")]


@pytest.mark.parametrize(
    ("places", "expected"),
    [
        # towns of one war's country
        ([(30, "Yemen"), (40, "Yemen"), (50, "Saudi Arabia")], "yemen"),
        # a Syria story filed from Moscow that names Russia often: the capital earns no
        # lead weight, country names count half, the Syrian towns win
        ([(25, "Russia", "town", "PPLC"), (30, "Syria", "town"), (40, "Russia", "country"),
          (50, "Russia", "country"), (60, "Russia", "country"), (70, "Syria", "town")], "syria"),
        # the title and the lead outweigh later passing mentions
        ([(5, "Ukraine"), (30, "Ukraine"), (60, "Syria"), (70, "Syria")], "ukraine"),
        # a war no profile covers, with a passing mention of Yemen: none
        ([(30, "Ethiopia"), (40, "Ethiopia"), (50, "Ethiopia"), (60, "Yemen")], None),
        # no place at all: none
        ([], None),
    ],
)
def test_profile_choice_weighs_the_places(wars, places, expected):
    choice = choose_profile(wars, [_place(*p) for p in places], _doc())
    assert choice.name == expected, choice.reason


def test_profile_choice_tie_goes_to_more_mentions(wars):
    # Syria: one town in the lead (1 + 2); Yemen: three country names (3 x 0.5)... and more
    places = [_place(30, "Syria"), _place(40, "Yemen", "country"), _place(50, "Yemen", "country"),
              _place(60, "Yemen", "country"), _place(70, "Yemen", "country"),
              _place(80, "Yemen", "country"), _place(90, "Yemen", "country")]
    choice = choose_profile(wars, places, _doc())
    assert choice.scores == {"syria": 3.0, "yemen": 3.0}
    assert choice.name == "yemen"  # 6 mentions against 1
    assert choice.countries == {"SY": 3.0, "YE": 3.0}
