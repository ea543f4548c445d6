"""Quotes: direct quotations and reported speech, each with the speaker it is attributed to.

Quotation marks are paired (``palmyra.extract.quotemarks``), tied to a speaker
(``speakers``), the speaker phrase named canonically (``naming``), and reported
clauses read beside them (``reported``).
"""

from palmyra.extract.quotes.extractor import quotes

__all__ = ["quotes"]
