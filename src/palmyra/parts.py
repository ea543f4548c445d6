"""The composition root: imports every built-in part, so each registers its versioned name.

Parts import only the (leaf) ``registry`` to register themselves; this module is
the one place that imports them all. Look names up through the registries it
exports (``parts.extractors.get("palmyra.quotes.v1")``), so the built-ins are
always there. A new built-in part is added to the imports below.
"""

import palmyra.annotate.actors  # noqa: F401
import palmyra.annotate.dates  # noqa: F401
import palmyra.annotate.numbers  # noqa: F401
import palmyra.annotate.places  # noqa: F401
import palmyra.annotate.unlisted_places  # noqa: F401
import palmyra.extract.citations  # noqa: F401
import palmyra.extract.events  # noqa: F401
import palmyra.extract.framing  # noqa: F401
import palmyra.extract.quotes  # noqa: F401
import palmyra.link.export  # noqa: F401
import palmyra.present.export  # noqa: F401
import palmyra.present.exports  # noqa: F401
from palmyra.registry import annotators, exporters, extractors

__all__ = ["annotators", "exporters", "extractors"]
