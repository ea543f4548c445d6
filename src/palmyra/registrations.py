"""Imports every built-in part so that it registers itself; imported once by ``registry``."""

import palmyra.present.export  # noqa: F401
import palmyra.extract.events  # noqa: F401
