"""Imports every built-in part so that it registers itself; imported once by ``registry``."""

import palmyra.annotate.actors  # noqa: F401
import palmyra.annotate.dates  # noqa: F401
import palmyra.annotate.numbers  # noqa: F401
import palmyra.annotate.places  # noqa: F401
import palmyra.extract.citations  # noqa: F401
import palmyra.extract.events  # noqa: F401
import palmyra.extract.loaded_terms  # noqa: F401
import palmyra.extract.quotes  # noqa: F401
import palmyra.link.export  # noqa: F401
import palmyra.present.export  # noqa: F401
import palmyra.present.exports  # noqa: F401
