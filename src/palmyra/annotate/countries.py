"""Countries by ISO code: the names actor names use, and the words a text names them by.

Read once from ``resources/countries.tsv``: the generic actor layer turns
"Ethiopian troops" into "Military Forces of Ethiopia" through it, and the profile
validator checks a profile's ``countries`` against its codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from palmyra.annotate.place_names import normalise
from palmyra.errors import ProfileError
from palmyra.resource_files import tab_rows

COUNTRIES_FILE = "countries.tsv"
# How a state's own actors are named ("Military Forces of Syria"): what follows is the state
GOVERNMENT = "Government of "
FORCES = "Military Forces of "
POLICE = "Police Forces of "
STATE_PREFIXES = (GOVERNMENT, FORCES, POLICE)


def state_of(actor: str) -> str | None:
    """The state a state's actor belongs to ("Syria" for "Military Forces of Syria" and
    "Government of Syria": one side), or ``None`` for any other actor."""
    return next((actor.removeprefix(p) for p in STATE_PREFIXES if actor.startswith(p)), None)


@dataclass(frozen=True)
class Country:
    """One country: ``name`` as in "Military Forces of the United States"."""

    code: str
    name: str
    demonyms: tuple[str, ...] = ()
    other_names: tuple[str, ...] = ()

    @property
    def bare_name(self) -> str:
        """The name without a leading "the", as ACLED writes it in brackets: "Civilians (X)"."""
        return self.name.removeprefix("the ")

    def forces(self) -> str:
        return f"{FORCES}{self.name}"

    def police(self) -> str:
        return f"{POLICE}{self.name}"

    def civilians(self) -> str:
        return f"Civilians ({self.bare_name})"

    def unidentified(self) -> str:
        return f"Unidentified Armed Group ({self.bare_name})"


@cache
def countries() -> dict[str, Country]:
    """Every country of ``resources/countries.tsv`` by its ISO 3166-1 alpha-2 code."""
    out: dict[str, Country] = {}
    for line, (code, name, demonyms, other) in tab_rows(COUNTRIES_FILE, 4):
        if len(code) != 2 or not code.isalpha() or not code.isupper() or code in out:
            raise ProfileError(f"{COUNTRIES_FILE}:{line}: {code!r} is not a new ISO alpha-2 code")
        out[code] = Country(code, name, _split(demonyms), _split(other))
    return out


def _split(field: str) -> tuple[str, ...]:
    return () if field == "-" else tuple(p.strip() for p in field.split("|") if p.strip())


@cache
def _by_name() -> dict[str, str]:
    out: dict[str, str] = {}
    for c in countries().values():
        for name in (c.name, c.bare_name, *c.other_names):
            out.setdefault(normalise(name), c.code)
    return out


def code_of(name: str | None) -> str | None:
    """The ISO code of a country written by name ("Syria", "the United States"), or ``None``."""
    return _by_name().get(normalise(name)) if name else None


@cache
def _by_demonym() -> dict[str, str]:
    out: dict[str, str] = {}
    for c in countries().values():
        for d in c.demonyms:
            out.setdefault(d.casefold(), c.code)
    return out


def code_of_demonym(word: str) -> str | None:
    """The ISO code of a country's adjective ("Syrian" -> "SY"), or ``None``."""
    return _by_demonym().get(word.casefold())
