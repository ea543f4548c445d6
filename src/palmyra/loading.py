"""Loading long-lived data (models, gazetteers, profiles) with the cyclic collector paused.

A load allocates hundreds of thousands of objects that all stay alive; each time the
allocations cross the collector's thresholds it walks every tracked object of the
process again, spaCy's and the gazetteers' included. Loading a run's pipeline triggered
six full collections that found nothing, about 1 s of CPU (``gc.callbacks``, 100 FA-KES
articles under ``--profile auto``). Paused, the load allocates the same objects and the
collector takes them into account at its next run.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def without_gc(fn: Callable[P, R]) -> Callable[P, R]:
    """``fn`` run with the cyclic garbage collector paused (reference counting still
    frees what it drops); the collector is enabled again after, if it was before."""

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        was = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was:
                gc.enable()

    return run
