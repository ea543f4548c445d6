"""Named, versioned registries for the pluggable parts of Palmyra.

Annotators, extractors and exporters register under names such as
``"palmyra.places.v1"``; the pipeline config lists names, and stored facts
record the name that produced them. When a part's output changes it gets a new
version and the old one stays registered, so old configs reproduce old output.

This module imports no part: each part imports it to register itself, and
``palmyra.parts`` (the composition root) imports the built-in parts, so look
names up through ``palmyra.parts``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from palmyra.errors import PalmyraError

F = TypeVar("F", bound=Callable[..., Any])


class Registry(Generic[F]):
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, F] = {}

    def register(self, name: str) -> Callable[[F], F]:
        def add(func: F) -> F:
            if name in self._items and self._items[name] is not func:
                raise PalmyraError(f"{self.kind} {name!r} is registered twice")
            self._items[name] = func
            return func

        return add

    def get(self, name: str) -> F:
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items)) or "none"
            raise PalmyraError(f"unknown {self.kind} {name!r} (known: {known})") from None

    def names(self) -> list[str]:
        return sorted(self._items)


annotators: Registry = Registry("annotator")
extractors: Registry = Registry("extractor")
exporters: Registry = Registry("exporter")
