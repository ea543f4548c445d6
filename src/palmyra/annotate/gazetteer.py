"""The gazetteer: GeoNames places of the conflict theatre plus the profile's own places.

The packaged ``data/gazetteer.tsv.gz`` (built by ``scripts/build_gazetteer.py``)
holds countries, first-level divisions of the theatre, every populated place
GeoNames lists for Syria and its neighbours, and the world's larger cities. A
profile's ``places.yaml`` adds what GeoNames lacks (districts, villages, regions),
extends entries with aliases, and names words that are never places or need
context to be one (format: ``profiles/syria/PLACES.md``).

Every name is looked up by a *key* that irons out transliteration noise:
diacritics and ‘ayn/hamza marks go, hyphens and punctuation split words, a
leading "the" and Arabic articles followed by another word are dropped, so
"al-Bāb", "Al Bab" and "Bab" share a key, as do "Deir ez-Zor" and "Deir al-Zor".
What the key cannot bridge (Jableh/Jablah, Idleb/Idlib, Tartous/Tartus) the
fuzzy lookup does, over a consonant skeleton scored with rapidfuzz.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from palmyra.annotate.place_names import Entry, normalise, read_word_list, skeleton
from palmyra.annotate.places_yaml import read_places_yaml
from palmyra.disk_cache import cached, key_of
from palmyra.loading import without_gc
from palmyra.model import PlaceRef

PLACES_FILE = "places.yaml"
FUZZY_MIN_SCORE = 80.0  # rapidfuzz ratio between keys once their skeletons agree
FUZZY_TYPO_SCORE = 90.0  # ratio accepted without a skeleton match (plain typos)
FUZZY_MIN_LENGTH = 5  # keys shorter than this (letters) are never matched fuzzily
FUZZY_AREA_SCORE = 70.0  # ratio enough, skeletons agreeing, for a place where the text is
FUZZY_MIN_SKELETON = 3  # nor are keys whose skeleton is shorter: "Haas" -> "hs" says too little
# The nouns that end a site's name, and the words that may sit between the town and them
# ("Deir ez-Zor military airport", "Tabqa air base", "Aleppo international airport").
SITE_NOUNS = frozenset({"airport", "airbase", "base", "airfield"})
SITE_WORDS = SITE_NOUNS | {"air", "military", "army", "international"}
UNION_FUZZY_POPULATION = 15_000  # the union gazetteer matches only towns this big fuzzily


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry a key leads to, and whether the key is one of its own names."""

    entry: Entry
    primary: bool


@dataclass(eq=False)
class Gazetteer:
    """Places by normalised key, with the profile's additions and word lists.

    Build it with ``Gazetteer.load``; it is immutable after loading and shared
    by every document (and cached per profile folder).
    """

    entries: list[Entry]
    focus: tuple[str, ...] = ()  # ISO country codes the profile's conflict is about
    # Whether the focus is a profile's own: its places are named firmly by their own names,
    # anchor a longer name and are matched fuzzily. False for the union of all profiles'
    # (``load_union``): there the focus only breaks ties, a focus place needs a locative or
    # a list ("the town of Ras al-Ain": a Yemeni village called "Sana" must not turn the
    # Syrian agency SANA into a place), and only towns are matched fuzzily (eleven thousand
    # Ukrainian and Russian village names make "via the Internet" a village).
    strong_focus: bool = True
    not_places: frozenset[str] = frozenset()  # keys never tagged, even inside longer names
    needs_context: frozenset[str] = frozenset()  # keys that are also common words or names
    verbatim: frozenset[str] = frozenset()  # profile keys: matched as written, any case
    lead_words: frozenset[str] = frozenset()  # first words of lower-case profile names
    _index: dict[str, list[Candidate]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        stop = _stopwords()
        for entry in self.entries:
            seen: set[str] = set()
            for names, primary in ((entry.names, True), (entry.aliases, False)):
                for name in names:
                    key = _name_key(name)
                    if not key or key in seen or (key in stop and entry.source != "profile"):
                        continue
                    seen.add(key)
                    self._index.setdefault(key, []).append(Candidate(entry, primary))
        for key in self.not_places:
            self._index.pop(key, None)
        for cands in self._index.values():
            cands.sort(key=lambda c: (not c.primary, -c.entry.prior))

    @classmethod
    def load(cls, profile_dir: Path | None = None) -> Gazetteer:
        """The packaged gazetteer, extended by ``<profile_dir>/places.yaml`` when it exists.

        Cached per folder: every document of a run shares one instance.
        """
        return _load(str(Path(profile_dir).resolve()) if profile_dir is not None else None)

    @classmethod
    def load_union(cls, profile_dirs: Sequence[Path]) -> Gazetteer:
        """The packaged gazetteer extended by the ``places.yaml`` of every folder given.

        ``--profile auto`` tags an article's places with it before a profile is chosen,
        and keeps it for articles no profile covers. Every profile's places and word lists
        count, and the focus is every profile's: a name that Syria and Turkey share goes
        to the country of a war Palmyra knows (the focus breaks ties only, see
        ``strong_focus``).
        """
        return _load_union(tuple(str(Path(d).resolve()) for d in profile_dirs))

    # -- lookups -----------------------------------------------------------------

    def lookup(self, key: str) -> list[Candidate]:
        """Candidates of an already normalised key, best prior first."""
        return self._index.get(key, [])

    def candidates(self, name: str) -> list[PlaceRef]:
        """Places a name may denote, exact after normalisation, most likely first."""
        return [c.entry.ref for c in self.lookup(normalise(name))]

    def resolve(self, name: str) -> PlaceRef | None:
        """The likeliest place for a name standing alone (a table cell, a form field).

        Exact candidates first (own names before alternates, then population),
        else the best fuzzy match; running text goes through ``places`` instead,
        which also weighs the sentence and the document.
        """
        exact = self.candidates(name)
        if exact:
            return exact[0]
        close = self.fuzzy(name, limit=1)
        return close[0][0] if close else None

    def fuzzy(self, name: str, limit: int = 5) -> list[tuple[PlaceRef, float]]:
        """Places of the focus countries whose key is a transliteration variant of ``name``.

        Returns ``(place, score)`` pairs, best first; empty below the thresholds.
        """
        return [(c.entry.ref, score) for c, score in self.fuzzy_candidates(normalise(name), limit)]

    def fuzzy_candidates(self, key: str, limit: int = 5) -> list[tuple[Candidate, float]]:
        """Fuzzy matches of a normalised key (see ``fuzzy``)."""
        if (
            len(key.replace(" ", "")) < FUZZY_MIN_LENGTH
            or key in self.not_places
            or key in _stopwords()
        ):
            return []
        return list(_fuzzy(self, key, limit))

    def skeleton_candidates(self, key: str, min_score: float = FUZZY_AREA_SCORE
                            ) -> list[tuple[Candidate, float]]:
        """Places of fuzzy scope whose key shares ``key``'s skeleton, scored down to
        ``min_score``: looser than ``fuzzy_candidates``, for callers that narrow them to
        where the text puts the name ("Banish" in a report on Idlib is Binnish there)."""
        if not self.fuzzy_candidates(key):  # the same length, stopword and not-place gates
            return []
        compact = key.replace(" ", "")
        skel = skeleton(key)
        out: list[tuple[Candidate, float]] = []
        for k in self._fuzzy_keys[1].get(skel, []) if len(skel) >= FUZZY_MIN_SKELETON else ():
            score = fuzz.ratio(compact, k.replace(" ", ""))
            if score >= min_score:
                out.extend((c, score) for c in self.lookup(k) if self._fuzzy_scope(c.entry))
        return sorted(out, key=lambda cs: -cs[1])

    def transposed_candidates(self, key: str) -> list[Candidate]:
        """Places of fuzzy scope whose key is ``key`` with two neighbouring letters swapped
        ("Sabqa" for Saqba): a typing slip the skeleton cannot bridge, as it reorders the
        consonants. Keys shorter than ``FUZZY_MIN_LENGTH`` letters are never matched."""
        compact = key.replace(" ", "")
        if len(compact) < FUZZY_MIN_LENGTH or key in self.not_places or key in _stopwords():
            return []
        out: list[Candidate] = []
        for k in self._fuzzy_letters.get("".join(sorted(compact)), ()):
            other = k.replace(" ", "")
            diff = [n for n, (a, b) in enumerate(zip(compact, other, strict=True)) if a != b]
            if len(diff) == 2 and diff[1] == diff[0] + 1:
                out.extend(c for c in self.lookup(k) if self._fuzzy_scope(c.entry))
        return out

    def warm(self) -> None:
        """Build every lazy index now (before the gazetteer is pickled for the disk cache)."""
        for name, attr in vars(Gazetteer).items():
            if isinstance(attr, cached_property):
                getattr(self, name)

    def capital(self, country_code: str) -> Entry | None:
        """The country's capital (GeoNames PPLC; the most populous of several)."""
        return self._capitals.get(country_code)

    @cached_property
    def _capitals(self) -> dict[str, Entry]:
        out: dict[str, Entry] = {}
        for e in self.entries:
            best = out.get(e.country_code)
            if e.ref.feature_code == "PPLC" and (best is None or e.population > best.population):
                out[e.country_code] = e
        return out

    def admin1(self, country_code: str, name: str | None) -> Entry | None:
        """The first-level division ``name`` of a country, as an entry."""
        return self._admin1_index.get((country_code, normalise(name or "")))

    def is_prefix(self, key: str) -> bool:
        """Does some key (or not_places name) start with these whole words?

        The scan stops growing a token run as soon as this is false.
        """
        return key in self._prefixes

    def sites_of(self, town: Entry) -> list[Entry]:
        """The airports and bases the gazetteer names after this town ("Deir ez-Zor airport",
        "Tabqa airbase"): how a text naming the town in another spelling ("Deir Ezour military
        airport", "Tabaqa base") or by its site noun alone ("the airport in Deir al-Zor")
        reaches the facility's own entry."""
        out: list[Entry] = []
        for name in (*town.names, *town.aliases):
            for site in self._sites_by_town.get(_name_key(name), ()):
                if site is not town and site not in out:
                    out.append(site)
        return out

    # -- cached indexes ----------------------------------------------------------

    @cached_property
    def _sites_by_town(self) -> dict[str, list[Entry]]:
        """Site entries by their names less the trailing site words ("tabqa" for "Tabqa
        military airport"); only names that end in a site noun count."""
        out: dict[str, list[Entry]] = {}
        for e in self.entries:
            if e.source != "profile":
                continue
            for name in (*e.names, *e.aliases):
                words = _name_key(name).split(" ")
                if words[-1] not in SITE_NOUNS:
                    continue
                while words and words[-1] in SITE_WORDS:
                    words.pop()
                if words:
                    found = out.setdefault(" ".join(words), [])
                    if e not in found:
                        found.append(e)
        return out

    @cached_property
    def _prefixes(self) -> frozenset[str]:
        out = set()
        for key in (*self._index, *self.not_places):
            parts = key.split(" ")
            out.update(" ".join(parts[:n]) for n in range(1, len(parts) + 1))
        return frozenset(out)

    @cached_property
    def _admin1_index(self) -> dict[tuple[str, str], Entry]:
        out: dict[tuple[str, str], Entry] = {}
        for e in self.entries:
            if e.ref.precision == "admin1":
                for name in (*e.names, *e.aliases):
                    out.setdefault((e.country_code, normalise(name)), e)
        return out

    @cached_property
    def _fuzzy_letters(self) -> dict[str, list[str]]:
        """Keys in fuzzy scope by their sorted letters (``transposed_candidates``)."""
        out: dict[str, list[str]] = {}
        for k in self._fuzzy_keys[0]:
            out.setdefault("".join(sorted(k.replace(" ", ""))), []).append(k)
        return out

    def _fuzzy_scope(self, entry: Entry) -> bool:
        """Fuzzy matching covers the focus countries' places, or the theatre's without a focus;
        in the union of all profiles' places only their towns (15,000 people or more),
        divisions and the profiles' own places ("Deir Ezour" is Deir ez-Zor there too)."""
        if not self.strong_focus:
            return entry.country_code in self.focus and (
                entry.source == "profile"
                or entry.population >= UNION_FUZZY_POPULATION
                or entry.ref.precision == "admin1"
            )
        return entry.country_code in self.focus if self.focus else entry.theatre

    @cached_property
    def _fuzzy_keys(self) -> tuple[list[str], dict[str, list[str]]]:
        """Keys in fuzzy scope, and the same keys grouped by skeleton."""
        keys = [
            k
            for k, cands in self._index.items()
            if len(k.replace(" ", "")) >= FUZZY_MIN_LENGTH
            and k not in self.needs_context
            and any(self._fuzzy_scope(c.entry) for c in cands)
        ]
        by_skeleton: dict[str, list[str]] = {}
        for k in keys:
            by_skeleton.setdefault(skeleton(k), []).append(k)
        return keys, by_skeleton


@lru_cache(maxsize=4096)
def _fuzzy(gaz: Gazetteer, key: str, limit: int) -> tuple[tuple[Candidate, float], ...]:
    """Skeleton-blocked rapidfuzz lookup, then a plain-typo fallback; cached per key.

    The cache is keyed by the gazetteer instance, which ``_load`` keeps alive.
    """
    keys, by_skeleton = gaz._fuzzy_keys
    compact = key.replace(" ", "")
    scored: dict[str, float] = {}
    skel = skeleton(key)
    for k in by_skeleton.get(skel, []) if len(skel) >= FUZZY_MIN_SKELETON else ():
        score = fuzz.ratio(compact, k.replace(" ", ""))
        if score >= FUZZY_MIN_SCORE:
            scored[k] = score
    if not scored:
        for k, score, _ in process.extract(
            key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_TYPO_SCORE, limit=limit
        ):
            scored[k] = score
    scope = gaz._fuzzy_scope
    out: list[tuple[Candidate, float]] = []
    for k, score in sorted(scored.items(), key=lambda kv: -kv[1]):
        out.extend((c, score) for c in gaz.lookup(k) if scope(c.entry))
    return tuple(out[:limit])


def is_stopword(name: str) -> bool:
    """Is the name a weekday, month, demonym or other word that is never a place alone?"""
    return normalise(name) in _stopwords()


@cache
def _name_key(name: str) -> str:
    """``normalise`` of a gazetteer name, once per process: every gazetteer of a run (the
    union under ``--profile auto``, then each chosen profile's) keys the same names."""
    return normalise(name)


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(normalise(w) for w in read_word_list("place_stopwords.txt"))


# the modules whose code decides what a gazetteer holds (part of its disk cache key)
_BUILDERS = ("palmyra.annotate.gazetteer", "palmyra.annotate.place_names",
             "palmyra.annotate.places_yaml", "palmyra.resource_files", "palmyra.model")


def _from_disk_cache(name: str, profile_dirs: Sequence[str | None],
                     build: Callable[[], Gazetteer]) -> Gazetteer:
    """``build()``, or the same gazetteer from the disk cache (``palmyra.disk_cache``), its
    lazy indexes built before it is stored. The key covers the packaged gazetteer, every
    word list of the package, the ``places.yaml`` files read and the code that reads them."""
    package = resources.files("palmyra")
    inputs = [Path(str(package / "data" / "gazetteer.tsv.gz")),
              *sorted(Path(str(f)) for f in (package / "resources").iterdir() if f.is_file()),
              *(Path(d) / PLACES_FILE for d in profile_dirs if d is not None)]

    def built() -> Gazetteer:
        gaz = build()
        gaz.warm()
        return gaz

    which = repr(tuple(profile_dirs))
    key = key_of(inputs, _BUILDERS, extra=which)
    # one entry per set of profile folders: the name carries them, the key everything read
    name = f"{name}-{hashlib.sha256(which.encode()).hexdigest()[:12]}"
    return cached(name, key, built, by_fields=(Candidate, Entry))


@cache
@without_gc
def _load(profile_dir: str | None) -> Gazetteer:
    return _from_disk_cache("gazetteer", (profile_dir,), lambda: _build(profile_dir))


def _build(profile_dir: str | None) -> Gazetteer:
    entries = list(_packaged_entries())
    path = Path(profile_dir) / PLACES_FILE if profile_dir is not None else None
    if path is None or not path.is_file():
        return Gazetteer(sorted(entries, key=lambda e: -e.prior))
    profile = read_places_yaml(path, entries)
    return Gazetteer(
        sorted(profile.entries, key=lambda e: -e.prior),
        focus=profile.focus,
        not_places=frozenset(profile.not_places),
        needs_context=frozenset(profile.needs_context),
        verbatim=frozenset(profile.verbatim),
        lead_words=frozenset(profile.lead_words),
    )


@cache
@without_gc
def _load_union(profile_dirs: tuple[str, ...]) -> Gazetteer:
    return _from_disk_cache("gazetteer-union", profile_dirs, lambda: _build_union(profile_dirs))


def _build_union(profile_dirs: tuple[str, ...]) -> Gazetteer:
    entries = list(_packaged_entries())
    not_places: set[str] = set()
    needs_context: set[str] = set()
    verbatim: set[str] = set()
    lead_words: set[str] = set()
    focus: list[str] = []
    for folder in profile_dirs:
        path = Path(folder) / PLACES_FILE
        if not path.is_file():
            continue
        profile = read_places_yaml(path, entries)
        entries = profile.entries
        not_places |= profile.not_places
        needs_context |= profile.needs_context
        verbatim |= profile.verbatim
        lead_words |= profile.lead_words
        focus += [c for c in profile.focus if c not in focus]
    return Gazetteer(
        sorted(entries, key=lambda e: -e.prior),
        focus=tuple(focus),
        strong_focus=False,
        not_places=frozenset(not_places),
        needs_context=frozenset(needs_context),
        verbatim=frozenset(verbatim),
        lead_words=frozenset(lead_words),
    )


@cache
def _packaged_entries() -> tuple[Entry, ...]:
    raw = (resources.files("palmyra") / "data" / "gazetteer.tsv.gz").read_bytes()
    with gzip.open(io.BytesIO(raw), "rt", encoding="utf-8", newline="") as fh:
        return tuple(_entry_from_row(row) for row in csv.DictReader(fh, delimiter="\t"))


def _entry_from_row(row: dict[str, str]) -> Entry:
    ref = PlaceRef(
        name=row["name"],
        geonameid=int(row["geonameid"]),
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        admin1=row["admin1"] or None,
        country=row["country"],
        feature_code=row["feature_code"],
        precision=_precision(row["feature_code"]),
    )
    return Entry(
        ref=ref,
        country_code=row["country_code"],
        population=int(row["population"] or 0),
        theatre=row["tier"] == "theatre",
        names=tuple(n for n in row["names"].split("|") if n),
        aliases=tuple(a for a in row["aliases"].split("|") if a),
    )


def _precision(feature_code: str) -> str:
    """GeoNames feature code -> the precision levels of ``PlaceRef``."""
    if feature_code.startswith("PCL"):
        return "country"
    if feature_code == "ADM1":
        return "admin1"
    if feature_code == "ADM2":
        return "admin2"
    if feature_code == "PPLX":
        return "neighbourhood"
    return "town"
