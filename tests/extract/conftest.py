"""Fixtures for the extractor tests: the packaged profile and parsed invented texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from palmyra.context import DocContext
from palmyra.model import CleanText, DateValue, Document
from palmyra.profiles import Profile, load_profile


@pytest.fixture(scope="session")
def syria() -> Profile:
    profile = load_profile("syria")
    assert profile is not None
    return profile


@pytest.fixture
def read(nlp) -> Callable[..., tuple]:
    """Parse ``text`` as a document; ``keep`` lists the kept (original) ranges, as cleaning does.

    Returns ``(doc, ctx)``, ready for an extractor.
    """

    def make(
        text: str,
        profile: object = None,
        keep: list[tuple[int, int]] | None = None,
        published: str | None = None,
    ) -> tuple:
        clean = CleanText.from_segments(text, keep or [(0, len(text))])
        day = DateValue(published, "day", published, published) if published else None
        document = Document(
            id="t", text=text, sources=[], format="text", clean=clean, published=day
        )
        ctx = DocContext(document=document, profile=profile)  # type: ignore[arg-type]
        return nlp(clean.text), ctx

    return make
