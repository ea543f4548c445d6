"""Profiles and places.yaml read through libyaml give what the pure-Python parser gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from palmyra.annotate import places_yaml
from palmyra.annotate.gazetteer import _packaged_entries
from palmyra.errors import ProfileError
from palmyra.profiles import load as profile_load
from palmyra.profiles.load import load_shipped_profiles

pytestmark = pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML without libyaml")


def _pure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(profile_load.yaml, "CSafeLoader", None)
    monkeypatch.setattr(places_yaml, "_FastLineLoader", places_yaml._LineLoader)


def test_shipped_profiles_identical_with_and_without_libyaml(monkeypatch):
    fast = repr(load_shipped_profiles())
    _pure(monkeypatch)
    assert repr(load_shipped_profiles()) == fast  # a plain `null` stays no value, not 'null'


def test_places_yaml_identical_with_and_without_libyaml(monkeypatch):
    entries = list(_packaged_entries())
    path = Path(profile_load.__file__).parent / "syria" / "places.yaml"
    fast = places_yaml.read_places_yaml(path, entries)
    _pure(monkeypatch)
    assert places_yaml.read_places_yaml(path, entries) == fast


def test_broken_yaml_keeps_the_pure_parser_error(tmp_path):
    bad = tmp_path / "actors.yaml"
    bad.write_text("actors:\n  - name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"actors.yaml:\d+: not valid YAML"):
        profile_load._Yaml(bad, [])
