"""The gazetteer: name keys, transliteration lookups, the packaged file and places.yaml."""

from __future__ import annotations

import csv
import gzip
from importlib import resources
from pathlib import Path

import pytest

import palmyra
from palmyra.annotate.gazetteer import Gazetteer
from palmyra.annotate.place_names import normalise, skeleton
from palmyra.errors import ProfileError

SYRIA = Path(palmyra.__file__).parent / "profiles" / "syria"
PACKAGED = resources.files("palmyra") / "data" / "gazetteer.tsv.gz"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load(SYRIA)


@pytest.mark.parametrize(
    "name,key",
    [
        ("al-Bāb", "bab"),
        ("Al Bab", "bab"),
        ("Deir ez-Zor", "deir zor"),
        ("Deir al-Zor", "deir zor"),
        ("Māri‘", "mari"),
        ("Mar'a", "mara"),
        ("the United States", "united states"),
        ("Ḩamāh", "hamah"),
        ("Ra’s al ‘Ayn", "ras ayn"),
        ("U.S.", "u s"),
    ],
)
def test_gazetteer_normalise(name, key):
    assert normalise(name) == key


def test_gazetteer_keeps_a_final_article_word():
    # "Homs as" must not key like "Homs": only an article that another word follows goes
    assert normalise("Homs as") == "homs as"


@pytest.mark.parametrize(
    "a,b",
    [
        ("jableh", "jablah"),
        ("tartous", "tartus"),
        ("qamishli", "kamishly"),
        ("idleb", "idlib"),
        ("deir ezzor", "deir zor"),
    ],
)
def test_gazetteer_skeleton_joins_transliterations(a, b):
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(
    "name,expected,country,admin1,precision",
    [
        ("Jableh", "Jableh", "Syria", "Latakia", "town"),
        ("Jablah", "Jableh", "Syria", "Latakia", "town"),
        ("Deir Ezzor", "Deir ez-Zor", "Syria", "Deir ez-Zor", "town"),
        ("Deir al-Zor", "Deir ez-Zor", "Syria", "Deir ez-Zor", "town"),
        ("Idleb", "Idlib", "Syria", "Idlib", "town"),
        ("Tartous", "Tartus", "Syria", "Tartus", "town"),
        ("Marea", "Marea", "Syria", "Aleppo", "town"),
        ("Mare'", "Marea", "Syria", "Aleppo", "town"),
        ("Mar'a", "Marea", "Syria", "Aleppo", "town"),
        ("Qamishli", "Qamishli", "Syria", "Hasakah", "town"),
        ("Raqqa", "Raqqa", "Syria", "Raqqa", "town"),
        ("Ar Raqqah", "Raqqa", "Syria", "Raqqa", "town"),
        ("Tadmur", "Palmyra", "Syria", "Homs", "town"),
        ("Halab", "Aleppo", "Syria", "Aleppo", "town"),
        ("Ayn al-Arab", "Kobani", "Syria", "Aleppo", "town"),
        ("al-Tabqa", "Tabqa", "Syria", "Raqqa", "town"),
        ("al-Bab", "al-Bab", "Syria", "Aleppo", "town"),
        ("Khan Sheikhoun", "Khan Shaykhun", "Syria", "Idlib", "town"),
        ("al-Waer", "Waer", "Syria", "Homs", "neighbourhood"),
        ("Eastern Ghouta", "Eastern Ghouta", "Syria", "Rif Dimashq", "region"),
        ("Kisik", "Kisik", "Iraq", "Nineveh", "town"),
        ("Qayyarah", "Qayyarah", "Iraq", "Nineveh", "town"),
        ("Sultan Abdullah", "Sultan Abdullah", "Iraq", "Nineveh", "town"),
        ("Nineveh", "Nineveh", "Iraq", "Nineveh", "admin1"),
        ("Anbar", "Anbar", "Iraq", "Anbar", "admin1"),
        ("Rif Dimashq", "Rif Dimashq", "Syria", "Rif Dimashq", "admin1"),
        ("Syria", "Syria", "Syria", None, "country"),
        ("Geneva", "Geneva", "Switzerland", "Geneva", "town"),
        ("Sochi", "Sochi", "Russia", "Krasnodar Krai", "town"),
    ],
)
def test_gazetteer_resolve_spellings(gaz, name, expected, country, admin1, precision):
    place = gaz.resolve(name)
    assert place is not None
    assert (place.name, place.country, place.admin1, place.precision) == (
        expected,
        country,
        admin1,
        precision,
    )


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Jabbleh", "Jableh"),
        ("Tartoos", "Tartus"),
        ("Deir Ezour", "Deir ez-Zor"),
        ("Salamyieh", "Salamiyah"),
        ("Hasake", "Hasakah"),
        ("Kafraya", "Kefraya"),
    ],
)
def test_gazetteer_fuzzy_transliterations(gaz, name, expected):
    assert gaz.candidates(name) == []
    (best, score), *_ = gaz.fuzzy(name)
    assert best.name == expected and score >= 80


@pytest.mark.parametrize(
    "name",
    [
        "Syrian",
        "Kurdish",
        "Assad",
        "Kerry",
        "Hezbollah",
        "Daesh",
        "Sunday",
        "March",
        "Haas",
        "Bashar",
    ],
)
def test_gazetteer_no_place_for_common_words_and_people(gaz, name):
    assert gaz.candidates(name) == [] and gaz.fuzzy(name) == []


def test_gazetteer_town_before_division_of_the_same_name(gaz):
    kinds = [(p.name, p.precision) for p in gaz.candidates("Homs")[:3]]
    assert kinds[0] == ("Homs", "town") and ("Homs", "admin1") in kinds


def test_gazetteer_iraq_and_syria_sinjar(gaz):
    assert {p.country for p in gaz.candidates("Sinjar")} == {"Iraq", "Syria"}


def test_gazetteer_hit_is_iraqi_and_needs_context(gaz):
    assert [p.country for p in gaz.candidates("Hit")] == ["Iraq"]
    assert normalise("Hit") in gaz.needs_context


def test_gazetteer_divisions_sit_at_their_seat(gaz):
    homs = next(p for p in gaz.candidates("Homs") if p.precision == "admin1")
    city = next(p for p in gaz.candidates("Homs") if p.precision == "town")
    assert (homs.lat, homs.lon) == (city.lat, city.lon)


def test_gazetteer_without_profile_has_no_profile_places():
    bare = Gazetteer.load(None)
    assert bare.candidates("Waer") == []
    assert bare.resolve("Aleppo").name == "Aleppo"
    assert Gazetteer.load(None) is bare  # loaded once per process


def test_gazetteer_packaged_file_is_small_and_complete():
    raw = PACKAGED.read_bytes()
    assert len(raw) < 5 * 1024 * 1024
    rows = list(csv.DictReader(gzip.decompress(raw).decode("utf-8").splitlines(), delimiter="\t"))
    assert list(rows[0]) == [
        "geonameid",
        "name",
        "names",
        "aliases",
        "lat",
        "lon",
        "feature_code",
        "country_code",
        "country",
        "admin1",
        "population",
        "tier",
    ]
    governorates = {
        r["name"] for r in rows if r["country_code"] == "SY" and r["feature_code"] == "ADM1"
    }
    assert governorates == {
        "Homs",
        "Aleppo",
        "Idlib",
        "Hama",
        "Raqqa",
        "Deir ez-Zor",
        "Hasakah",
        "Latakia",
        "Tartus",
        "Daraa",
        "Quneitra",
        "As-Suwayda",
        "Damascus",
        "Rif Dimashq",
    }
    for city in (
        "Geneva",
        "Moscow",
        "Washington",
        "Astana",
        "Ankara",
        "Tehran",
        "London",
        "Paris",
        "Vienna",
        "Riyadh",
        "Doha",
        "Sochi",
    ):
        assert any(r["name"] == city for r in rows), city


def write_profile(tmp_path: Path, text: str) -> Path:
    (tmp_path / "places.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_gazetteer_profile_adds_and_extends_places(tmp_path):
    folder = write_profile(
        tmp_path,
        """\
focus_countries: [SY]
places:
  - name: Testville
    aliases: [Test Ville]
    lat: 35.0
    lon: 38.0
    country: SY
    admin1: Homs
    precision: neighbourhood
  - geonameid: 163808
    aliases: [Palmyrah]
not_places: [Manbij]
needs_context: [Testville]
""",
    )
    gaz = Gazetteer.load(folder)
    (place,) = gaz.candidates("Test Ville")
    assert (place.name, place.country, place.precision, place.geonameid) == (
        "Testville",
        "Syria",
        "neighbourhood",
        None,
    )
    assert gaz.resolve("Palmyrah").geonameid == 163808
    assert gaz.candidates("Manbij") == []
    assert gaz.focus == ("SY",) and "testville" in gaz.needs_context


@pytest.mark.parametrize(
    "text,reason",
    [
        (
            "places:\n  - name: Nowhere\n    lat: 1\n    lon: 2\n    country: XX\n",
            "places.yaml:2: Nowhere: country must be a known ISO code",
        ),
        (
            "places:\n  - name: Nowhere\n    lat: north\n    lon: 2\n    country: SY\n",
            "places.yaml:2: Nowhere: lat and lon must be numbers",
        ),
        (
            "places:\n  - name: Nowhere\n    lat: 1\n    lon: 2\n    country: SY\n"
            "    precision: street\n",
            "places.yaml:2: Nowhere: precision must be one of",
        ),
        ("places:\n  - lat: 1\n    lon: 2\n", "places.yaml:2: a new place needs a name"),
        (
            "places:\n  - name: A\n    lat: 1\n    lon: 2\n    country: SY\n    colour: red\n",
            "places.yaml:2: unknown field(s) colour",
        ),
        ("focus_countries: [ZZ]\n", "focus_countries: unknown country code 'ZZ'"),
        ("not_places: Assad\n", "not_places must be a list of strings"),
        ("places: [\n", "cannot read places"),
    ],
)
def test_gazetteer_profile_errors_name_file_and_line(tmp_path, text, reason):
    folder = write_profile(tmp_path, text)
    with pytest.raises(ProfileError, match="places.yaml") as err:
        Gazetteer.load(folder)
    assert reason in str(err.value)
