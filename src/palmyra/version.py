"""Palmyra's version, in a module of its own.

``palmyra/__init__.py`` exposes the Python API (``palmyra.analyze_text``), which reaches
the pipeline; the pipeline stamps its output with the version. Keeping the version here
lets both read it without the package and the pipeline importing each other.
"""

__version__ = "0.1.0"
