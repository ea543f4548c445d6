"""Events: what happened, where, when and to whom, as ACLED-style records with evidence.

Triggers are found and typed, each gets its clause's date, place, actors, counts
and modality, and candidates merge into one event per occurrence (``extractor``).
"""

from palmyra.extract.events.extractor import events

__all__ = ["events"]
