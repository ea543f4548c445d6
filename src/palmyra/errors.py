"""Errors Palmyra raises. Library code raises these; only the CLI prints them.

Each message names the file (or thing) at fault and the reason, so that the
one line a user sees tells them what to fix.
"""

from __future__ import annotations


class PalmyraError(Exception):
    """Base class: ``str(err)`` is the one-line message shown to the user."""


class InputError(PalmyraError):
    """An input file or record cannot be read as an article."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class ProfileError(PalmyraError):
    """A conflict-profile file is missing or has an invalid entry (``file:line: reason``)."""


class StoreError(PalmyraError):
    """The DuckDB store cannot be opened, is of an unknown schema version, or lacks a record."""
