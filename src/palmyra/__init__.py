"""Palmyra: a provenance-linked record of what news articles claim about an armed conflict."""

__version__ = "0.1.0"
