"""Loading long-lived data (models, gazetteers, profiles) with the cyclic collector paused.

A load allocates hundreds of thousands of objects that all stay alive; each time the
allocations cross the collector's thresholds it walks every tracked object of the
process again, spaCy's and the gazetteers' included. Loading a run's pipeline triggered
six full collections that found nothing, about 1 s of CPU (``gc.callbacks``, 100 FA-KES
articles under ``--profile auto``). Paused, the load allocates the same objects and the
collector takes them into account at its next run.
"""

from __future__ import annotations

import atexit
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
                _freeze()
                gc.enable()

    return run


def _freeze() -> None:
    """Move every object the collector tracks to its permanent generation, out of reach of
    its later walks: what a load made stays alive for the run (so does any cycle that died
    while the collector was paused, and whatever else the process held: garbage bounded by the
    few, cached loads, not collected until exit), and the walks over it were
    most of what the collector cost (100 FA-KES articles under ``--profile auto``: 0.83 s of
    CPU in collections, 0.36 s with the loads frozen; ``gc.callbacks``). The objects go back
    to the collector at exit, so that the interpreter's last collection still frees them
    (extension modules report what it leaves behind as leaked)."""
    global _UNFREEZE_AT_EXIT
    gc.freeze()
    if not _UNFREEZE_AT_EXIT:
        atexit.register(gc.unfreeze)
        _UNFREEZE_AT_EXIT = True


_UNFREEZE_AT_EXIT = False  # whether ``gc.unfreeze`` is registered to run at exit
