"""Scare quotes: a few quoted words that no one is said to have said, the writer's distancing.

They are found in the one reading of the quotation marks that also yields the
quotes (``palmyra.extract.quotes.extractor``, step 4), so the two never disagree
about which marks enclose a quotation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from palmyra import registry
from palmyra.extract.quotes.extractor import SCARE_QUOTES, reading
from palmyra.model import FrameSignal

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from palmyra.context import DocContext


@registry.extractors.register(SCARE_QUOTES)
def scare_quotes(doc: Doc, ctx: DocContext) -> list[FrameSignal]:
    """Short quoted phrases that no one is said to have said: the writer's distancing."""
    return reading(doc, ctx)[1]
