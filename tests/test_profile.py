"""The conflict profile: the packaged Syria profile, folders, validation with file:line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from palmyra.errors import ProfileError
from palmyra.profiles import FIELDS, load_profile, load_word_list
from palmyra.profiles.load import check_profile, shipped_profile_names

SYRIA = Path(__file__).resolve().parents[1] / "src" / "palmyra" / "profiles" / "syria"
FAKES_CODES = [  # the 15 source codes of the FA-KES data set
    *("ahram", "manar", "alalam", "alaraby", "dailysabah", "sana", "sputnik", "etilaf"),
    *("trt", "jordantimes", "reuters", "arabiya", "nna", "asharqalawsat", "tass"),
]

ACTORS_HEAD = """\
sides:
  gov: the government
  rebels: the armed opposition
actors:
  - canonical: Army of Ruritania
    kind: state_forces
    side: gov
    aliases:
      - {text: Royal Army, register: neutral, reason: official name}
      - {text: the tyrant's army, register: hostile, reason: personalises the state}
"""


def write_profile(folder: Path, actors: str, **others: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "actors.yaml").write_text(actors, "utf-8")
    for stem, text in others.items():
        (folder / f"{stem}.yaml").write_text(text, "utf-8")
    return folder


@pytest.fixture(scope="module")
def syria():
    return load_profile("syria")


def test_profile_load_packaged_syria(syria):
    assert syria.name == "syria" and syria.path is not None and syria.path.is_dir()
    army = syria.actor("Military Forces of Syria")
    assert army.kind == "state_forces" and army.side == "syrian_government"
    registers = {a.text: a.register for a in army.aliases}
    assert registers["Syrian Arab Army"] == "neutral"
    assert registers["patriotic forces"] == "favourable"
    daesh = next(a for a in syria.actor("Islamic State").aliases if a.text == "Daesh")
    assert daesh.register == "hostile" and daesh.reason
    assert syria.person("Bashar al-Assad").affiliation == "Government of Syria"
    terrorists = next(d for d in syria.descriptors if d.text == "terrorists")
    assert terrorists.default == "Opposition Rebels (Syria)"


@pytest.mark.parametrize(
    "canonical",
    [
        "Military Forces of Syria",
        "Government of Syria",
        "Islamic State",
        "Military Forces of Russia",
        "Military Forces of the United States",
        "Syrian Democratic Forces",
        "High Negotiations Committee",
        "United Nations",
        "Civilians (Syria)",
    ],
)
def test_profile_syria_has_gold_actor(syria, canonical):
    assert syria.actor(canonical) is not None


def test_profile_syria_outlets(syria):
    aliases = {a for o in syria.outlets for a in (o.name, *o.aliases)}
    assert set(FAKES_CODES) <= aliases
    wsws = next(o for o in syria.outlets if o.name == "World Socialist Web Site")
    assert "wsws.org" in wsws.domains and any("To contact the WSWS" in f for f in wsws.furniture)


def test_profile_syria_loaded_terms(syria):
    terms = {t.text: t for t in syria.loaded_terms}
    assert terms["liberated"].register == "favourable"
    assert terms["liberated"].target == "syrian_government"
    assert terms["barrel bombs"].register == "hostile"


def test_profile_none_means_no_profile():
    assert load_profile(None) is None


@pytest.mark.parametrize("as_path", [True, False])
def test_profile_load_folder(tmp_path, as_path):
    folder = shutil.copytree(SYRIA, tmp_path / "copy")
    profile = load_profile(folder if as_path else str(folder))
    assert profile.path == folder and profile.name == "copy"
    assert len(profile.actors) == len(load_profile("syria").actors)


def test_profile_folder_wins_over_packaged_name(tmp_path, monkeypatch):
    write_profile(tmp_path / "syria", ACTORS_HEAD)
    monkeypatch.chdir(tmp_path)
    assert [a.canonical for a in load_profile("syria").actors] == ["Army of Ruritania"]


def test_profile_only_actors_file_is_required(tmp_path):
    profile = load_profile(write_profile(tmp_path / "p", ACTORS_HEAD))
    assert profile.outlets == [] and profile.loaded_terms == [] and profile.persons == []


@pytest.mark.parametrize("name", ["ruritania", "no/such/folder"])
def test_profile_unknown_name(name):
    with pytest.raises(ProfileError, match="no such profile folder or packaged profile"):
        load_profile(name)


def test_profile_missing_actors_file(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(ProfileError, match=r"actors\.yaml: missing"):
        load_profile(tmp_path / "empty")


@pytest.mark.parametrize(
    "extra,line,reason",
    [
        ("      - {text: rebels, register: nice}\n", 11, "unknown register 'nice'"),
        ("      - {text: ROYAL ARMY}\n      - {text: royal army}\n", 12, "listed twice (line 9)"),
        ("      - {text: Royal Army}\n", 11, "'Royal Army' listed twice (line 9)"),
        ("      - {text: brutes, register: hostile}\n", 11, "give a one-line 'reason'"),
        ("      - {txt: brutes}\n", 11, "unknown key 'txt'"),
        ("  - kind: armed_group\n", 11, "missing 'canonical'"),
        ("  - {canonical: X, kind: gang}\n", 11, "unknown kind 'gang'"),
        ("  - {canonical: X, kind: armed_group, side: rebles}\n", 11, "'rebles' is not declared"),
        (
            "  - {canonical: Free Ruritania, kind: armed_group, aliases: [Royal Army]}\n",
            11,
            "'Royal Army' already names 'Army of Ruritania' (line 9)",
        ),
        (
            "descriptors:\n  - {text: bandits, register: hostile, reason: r, default: Nobody}\n",
            12,
            "default 'Nobody' is not a canonical actor",
        ),
        (
            "persons:\n  - {name: Jan Novak, affiliation: Nobody}\n",
            12,
            "affiliation 'Nobody' is not a canonical actor",
        ),
        ("      - {text: [unclosed\n", 12, "not valid YAML"),  # reported where the file ends
    ],
)
def test_profile_actors_error_names_file_and_line(tmp_path, extra, line, reason):
    folder = write_profile(tmp_path / "p", ACTORS_HEAD + extra)
    with pytest.raises(ProfileError) as err:
        load_profile(folder)
    assert f"{folder / 'actors.yaml'}:{line}: " in str(err.value)
    assert reason in str(err.value)


def test_profile_reports_every_bad_entry(tmp_path):
    bad = "      - {text: a, register: nice}\n      - {text: b, register: rude}\n"
    folder = write_profile(tmp_path / "p", ACTORS_HEAD + bad)
    with pytest.raises(ProfileError) as err:
        load_profile(folder)
    lines = str(err.value).splitlines()
    assert [re.search(r":(\d+): ", x).group(1) for x in lines] == ["11", "12"]


@pytest.mark.parametrize(
    "stem,text,line,reason",
    [
        (
            "outlets",
            "outlets:\n  - {name: Daily A, aliases: [DA]}\n  - {name: Daily B, aliases: [DA]}\n",
            3,
            "'DA' already names outlet 'Daily A' (line 2)",
        ),
        ("outlets", "outlets:\n  - {name: A, domains: [https://a.com]}\n", 2, "not a lower-case"),
        ("outlets", "outlets:\n  - {aliases: [A]}\n", 2, "missing 'name'"),
        ("outlets", "outlets:\n  - {name: A}\n  - {name: B, stands_for: [C]}\n", 3,
         "stands_for 'C' is not an outlet of this file"),
        (
            "loaded_terms",
            "terms:\n  - {text: freed, register: favourable, target: govt}\n",
            2,
            "target 'govt' is not a side",
        ),
        ("loaded_terms", "terms:\n  - {text: freed}\n", 2, "missing 'register'"),
    ],
)
def test_profile_other_files_error_names_file_and_line(tmp_path, stem, text, line, reason):
    folder = write_profile(tmp_path / "p", ACTORS_HEAD, **{stem: text})
    with pytest.raises(ProfileError) as err:
        load_profile(folder)
    assert f"{folder / (stem + '.yaml')}:{line}: " in str(err.value)
    assert reason in str(err.value)


def test_profile_scalars_stay_text(tmp_path):
    """A plain NO or on is a name in a word list, not YAML 1.1's boolean."""
    extra = "      - NO\n      - 'on'\n"
    profile = load_profile(write_profile(tmp_path / "p", ACTORS_HEAD + extra))
    texts = [a.text for a in profile.actor("Army of Ruritania").aliases]
    assert texts[-2:] == ["NO", "on"]


def test_profile_fields_documented():
    readme = (SYRIA / "README.md").read_text("utf-8")
    missing = {f for fields in FIELDS.values() for f in fields if f"`{f}`" not in readme}
    assert not missing


def test_profile_word_list():
    assert "warplanes" in load_word_list("force_nouns")
    with pytest.raises(ProfileError, match=r"resources/no_such_list\.txt"):
        load_word_list("no_such_list")


# -- profile.yaml and the validator (palmyra profiles check) ---------------------------

META = "name: p\ntitle: The Ruritanian war\ncountries: [YE, SD]\n"


def test_profile_meta_is_read(tmp_path):
    profile = load_profile(write_profile(tmp_path / "p", ACTORS_HEAD, profile=META))
    assert (profile.title, profile.countries) == ("The Ruritanian war", ("YE", "SD"))
    assert check_profile(tmp_path / "p") == []


def test_profile_syria_meta(syria):
    assert syria.countries == ("SY",) and syria.title


@pytest.mark.parametrize("name", shipped_profile_names())
def test_profile_every_shipped_profile_passes_the_validator(name):
    """The contract with whoever writes a profile: profile.yaml and every file valid."""
    assert check_profile(name) == []
    profile = load_profile(name)
    assert profile.name == name and profile.title and profile.countries


@pytest.mark.parametrize(
    "text,line,reason",
    [
        ("name: q\ntitle: T\ncountries: [YE]\n", 1, "name 'q' is not the folder's name 'p'"),
        ("name: p\ntitle: T\ncountries: [YE, XX]\n", 3, "'XX' is not an ISO 3166-1 alpha-2"),
        ("name: p\ntitle: T\ncountries: [ye]\n", 3, "'ye' is not an ISO 3166-1 alpha-2"),
        ("name: p\ntitle: T\ncountries: [YE, YE]\n", 3, "country 'YE' listed twice"),
        ("name: p\ntitle: T\ncountries: []\n", 3, "countries must list at least one"),
        ("name: p\ntitle: T\ncountries:\n", 3, "countries must list at least one"),
        ("name: p\ntitle: T\ncountries: YE\n", 3, "expected a list"),
        ("name: p\ntitle: \ncountries: [YE]\n", 2, "title must not be empty"),
        ("name: p\ncountries: [YE]\n", 1, "missing 'title'"),
        ("name: p\ntitle: T\n", 1, "missing 'countries'"),
        ("name: p\ntitle: T\ncountries: [YE]\ncountry: [SD]\n", 4, "unknown key 'country'"),
        ("", 1, "empty file"),
        ("name: p\ntitle: [unclosed\n", 3, "not valid YAML"),
    ],
)
def test_profile_validator_rejects_a_bad_profile_yaml(tmp_path, text, line, reason):
    folder = write_profile(tmp_path / "p", ACTORS_HEAD, profile=text)
    problems = check_profile(folder)
    assert any(
        p.startswith(f"{folder / 'profile.yaml'}:{line}: ") and reason in p for p in problems
    ), problems


def test_profile_validator_needs_profile_yaml_and_reports_every_file(tmp_path):
    folder = write_profile(
        tmp_path / "p", ACTORS_HEAD + "      - {text: a, register: nice}\n",
        places="places:\n  - {name: Nowhere, lat: 1, lon: 2, country: XX}\n",
    )
    problems = check_profile(folder)
    assert problems[0].startswith(f"{folder / 'profile.yaml'}:1: missing")
    assert any(p.startswith(f"{folder / 'actors.yaml'}:11: ") for p in problems)
    assert any(p.startswith(f"{folder / 'places.yaml'}:2: ") for p in problems)
    # loading it by path still works without profile.yaml: only the validator insists
    write_profile(folder, ACTORS_HEAD)
    assert load_profile(folder).countries == ()


def test_profile_copy_used_by_path_keeps_the_old_name(tmp_path):
    folder = shutil.copytree(SYRIA, tmp_path / "copy")
    assert load_profile(folder).countries == ("SY",)  # used by path: fine
    assert any("name 'syria' is not the folder's name 'copy'" in p for p in check_profile(folder))


GOVERNMENT_FORCES = ACTORS_HEAD + """\
  - canonical: Unity Cabinet
    kind: government
    side: gov
    forces: FORCES
    aliases:
      - {text: unity cabinet, register: neutral}
"""


def test_profile_government_forces_name_a_canonical_actor(tmp_path):
    profile = load_profile(write_profile(
        tmp_path / "ok", GOVERNMENT_FORCES.replace("FORCES", "Army of Ruritania")))
    assert profile.actor("Unity Cabinet").forces == "Army of Ruritania"
    with pytest.raises(ProfileError, match="forces 'Royal Guard' is not a canonical actor"):
        load_profile(write_profile(tmp_path / "bad",
                                   GOVERNMENT_FORCES.replace("FORCES", "Royal Guard")))
