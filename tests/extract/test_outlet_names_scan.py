"""The outlet names' scan tried only where a name may begin finds what the plain regex
finds: the same spans, names and possessive "s", on real articles and on names written
beside hyphens, apostrophes and other words."""

from __future__ import annotations

import csv
from pathlib import Path

from palmyra.extract.outlets import _profile_names
from palmyra.profiles.load import load_shipped_profiles

DEMO_CSV = Path(__file__).resolve().parents[2] / "demo" / "fakes-demo.csv"


def _found(matches) -> list[tuple[tuple[int, int], str, str | None]]:
    return [(m.span(), m.group("name"), m.group("s")) for m in matches]


def test_the_scan_finds_what_the_regex_finds_for_every_shipped_profile() -> None:
    with DEMO_CSV.open(encoding="utf-8", newline="") as fh:
        texts = [r["article_content"] for r in csv.DictReader(fh)]
    texts += [
        "SANAs correspondent said, and sana reported; al-Manar's crew and Al-Manar’s too.",
        "the ex-SANA man, SANA-run site, xSANA, SANA_x and (SANA) said",
        "Reuters/AFP, REUTERS and reuters' report; the Associated Press's reporter",
    ]
    profiles = [p for p in load_shipped_profiles() if p.outlets]
    assert profiles
    for profile in profiles:
        names = _profile_names(tuple(profile.outlets))
        assert names.pattern is not None and names.starts is not None
        found = [_found(names.finditer(t)) for t in texts]
        assert found == [_found(names.pattern.finditer(t)) for t in texts], profile.name
        assert any(found)
