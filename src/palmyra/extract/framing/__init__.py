"""Framing: signals of the outlet's own stance in its choice of words.

Loaded terms from the profile's vocabulary (``loaded_terms``) and scare quotes
(``scare_quotes``), both read outside quotations: the words are the writer's;
propaganda techniques (``techniques``) from a model the user trained on PTC.
"""

from palmyra.extract.framing.loaded_terms import loaded_terms
from palmyra.extract.framing.scare_quotes import scare_quotes
from palmyra.extract.framing.techniques import techniques

__all__ = ["loaded_terms", "scare_quotes", "techniques"]
