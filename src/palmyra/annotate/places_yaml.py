"""Reading a profile's ``places.yaml``: new places, more names, and word lists.

The format is described in ``profiles/syria/PLACES.md``. The loader keeps each
mapping's line number so that every error reads ``places.yaml:LINE: reason``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import yaml

from palmyra.annotate.place_names import ARTICLES, PRECISIONS, Entry, normalise, words
from palmyra.errors import ProfileError
from palmyra.model import PlaceRef


@dataclass
class ProfilePlaces:
    """What ``places.yaml`` adds to the packaged gazetteer (field meanings: PLACES.md)."""

    entries: list[Entry]
    focus: tuple[str, ...]
    not_places: set[str]
    needs_context: set[str]
    verbatim: set[str]
    lead_words: set[str]


class _LineLoader(yaml.SafeLoader):
    """Safe loader that records each mapping's line, so errors can say ``file:line``."""


# The same loader over libyaml's parser where PyYAML has it (several times faster: every
# profile's places are read when --profile auto starts); a file it refuses is read again
# with the pure-Python one, so the error says what it always said.
class _FastLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """``_LineLoader`` on libyaml."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)
_FastLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)

# a place may set any PlaceRef field (country as an ISO code), plus these
_PLACE_FIELDS = frozenset(f.name for f in fields(PlaceRef)) | {"aliases", "population", "__line__"}


def read_places_yaml(path: Path, packaged: list[Entry]) -> ProfilePlaces:
    """Parse and validate ``places.yaml`` against the packaged entries.

    New places are appended; an entry given by ``geonameid`` is replaced by an
    extended copy. Every error names ``file:line`` and the reason.
    """
    try:
        text = path.read_text(encoding="utf-8")
        try:
            data = yaml.load(text, Loader=_FastLineLoader) or {}
        except yaml.YAMLError:
            data = yaml.load(text, Loader=_LineLoader) or {}
    except (OSError, yaml.YAMLError) as err:
        raise ProfileError(f"{path}: cannot read places: {err}") from err
    if not isinstance(data, dict):
        raise ProfileError(f"{path}:1: expected a mapping with a 'places' list")
    countries = {e.country_code: e for e in packaged if e.ref.precision == "country"}
    by_id = {e.ref.geonameid: i for i, e in enumerate(packaged)}
    entries = list(packaged)
    verbatim: set[str] = set()
    lead_words: set[str] = set()

    focus = tuple(str(c).upper() for c in data.get("focus_countries") or ())
    for code in focus:
        if code not in countries:
            raise ProfileError(f"{path}: focus_countries: unknown country code {code!r}")
    for item in data.get("places") or ():
        line = f"{path}:{item.get('__line__', '?') if isinstance(item, dict) else '?'}"
        if not isinstance(item, dict):
            raise ProfileError(f"{line}: a place must be a mapping")
        unknown = set(item) - _PLACE_FIELDS
        if unknown:
            raise ProfileError(f"{line}: unknown field(s) {', '.join(sorted(unknown))}")
        aliases = _str_list(item.get("aliases"), line, "aliases")
        verbatim.update(normalise(a) for a in (*aliases, item.get("name") or ""))
        lead_words.update(words(a)[0] for a in aliases if _lower_case_name(a))
        gid = item.get("geonameid")
        if gid is not None and gid in by_id:
            i = by_id[gid]
            entries[i] = _extend(entries[i], item, aliases, line)
        else:
            entries.append(_new_entry(item, aliases, line, countries))
    return ProfilePlaces(
        entries=entries,
        focus=focus,
        not_places=_keys(data, "not_places", path),
        needs_context=_keys(data, "needs_context", path),
        verbatim=verbatim - {""},
        lead_words=lead_words,
    )


def _keys(data: dict[str, Any], field_name: str, path: Path) -> set[str]:
    return {normalise(n) for n in _str_list(data.get(field_name), str(path), field_name)}


def _lower_case_name(alias: str) -> bool:
    """ "eastern Aleppo", "rural Damascus": lower case by design, not by an article."""
    parts = words(alias)
    return alias[:1].islower() and bool(parts) and parts[0] not in ARTICLES


def _str_list(value: object, where: str, field_name: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"{where}: {field_name} must be a list of strings")
    return value


def _extend(entry: Entry, item: dict[str, Any], aliases: list[str], line: str) -> Entry:
    """Rename a packaged entry and give it more names: profile aliases count as its own names."""
    name = item.get("name") or entry.ref.name
    precision = item.get("precision") or entry.ref.precision
    if precision not in PRECISIONS:
        raise ProfileError(f"{line}: precision must be one of {', '.join(PRECISIONS)}")
    return replace(
        entry,
        ref=replace(entry.ref, name=name, precision=precision),
        names=(name, *entry.names, *aliases),
        source="profile",
    )


def _new_entry(
    item: dict[str, Any], aliases: list[str], line: str, countries: dict[str, Entry]
) -> Entry:
    name = item.get("name")
    if not isinstance(name, str) or not name:
        raise ProfileError(f"{line}: a new place needs a name")
    code = str(item.get("country", "")).upper()
    if code not in countries:
        raise ProfileError(f"{line}: {name}: country must be a known ISO code, not {code!r}")
    precision = item.get("precision", "town")
    if precision not in PRECISIONS:
        raise ProfileError(f"{line}: {name}: precision must be one of {', '.join(PRECISIONS)}")
    try:
        lat, lon = float(item["lat"]), float(item["lon"])
    except (KeyError, TypeError, ValueError) as err:
        raise ProfileError(f"{line}: {name}: lat and lon must be numbers") from err
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ProfileError(f"{line}: {name}: lat/lon out of range")
    gid = item.get("geonameid")
    ref = PlaceRef(
        name=name,
        geonameid=int(gid) if gid is not None else None,
        lat=lat,
        lon=lon,
        admin1=item.get("admin1"),
        country=countries[code].ref.name,
        feature_code=item.get("feature_code"),
        precision=precision,
    )
    return Entry(
        ref=ref,
        country_code=code,
        population=int(item.get("population") or 0),
        theatre=True,
        names=(name, *aliases),
        source="profile",
    )


def count_places(profile_dir: Path | None) -> int:
    """How many places a profile folder's ``places.yaml`` lists (0 without one)."""
    path = Path(profile_dir) / "places.yaml" if profile_dir is not None else None
    if path is None or not path.is_file():
        return 0
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise ProfileError(f"{path}: cannot read places: {err}") from err
    places = data.get("places") if isinstance(data, dict) else None
    return len(places) if isinstance(places, list) else 0
