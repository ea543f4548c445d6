"""Citations: the publications an article names as the source of what it reports.

Parenthetical references (``references``) and in-text attributions ("according
to Reuters"), merged into one citation per publication (``extractor``).
"""

from palmyra.extract.citations.extractor import citations

__all__ = ["citations"]
