"""Conflict profiles: loading and validating them; each profile's data is a folder here.

A profile (``syria/``) is a folder of YAML files with everything specific to one
war: actors, outlets, loaded terms, places. ``load`` reads and validates one,
reporting every bad entry as ``FILE:LINE: reason``; a packaged profile is named
by its folder, any other by its path.
"""

from palmyra.profiles.load import (
    FIELDS,
    ActorEntry,
    Alias,
    Descriptor,
    LoadedTerm,
    PersonEntry,
    Profile,
    is_acronym,
    load_profile,
    load_word_list,
)

__all__ = [
    "FIELDS",
    "ActorEntry",
    "Alias",
    "Descriptor",
    "LoadedTerm",
    "PersonEntry",
    "Profile",
    "is_acronym",
    "load_profile",
    "load_word_list",
]
