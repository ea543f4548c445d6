"""Request-side helpers shared by the page and API routes: the corpus and validated ids."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Request

from palmyra.present.web.corpus import Corpus

# Ids reach SQL only as bound parameters; the patterns keep junk (and paths) out of
# log lines and error pages too.
DOC_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"
CLUSTER_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$"

DocId = Annotated[str, Path(pattern=DOC_ID_PATTERN, description="A document id.")]
ClusterId = Annotated[
    str, Path(pattern=CLUSTER_ID_PATTERN, description="A cluster id, or `DOC.SEQ` for one event.")
]


def corpus(request: Request) -> Corpus:
    return request.app.state.corpus
