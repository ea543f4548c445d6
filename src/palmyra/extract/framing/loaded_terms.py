"""Loaded terms: the profile's framing vocabulary, found in the article's own voice.

"liberated", "imperialist-backed", "barrel bombs" frame one side of the war
favourably or with hostility; the profile lists them with the side they frame
and why (``loaded_terms.yaml``). Words inside a quotation are the speaker's,
not the outlet's, so they are left out: the framing signal is the outlet's own
choice of words.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from palmyra import registry
from palmyra.context import DocContext
from palmyra.model import FrameSignal
from palmyra.profiles import LoadedTerm, Profile

NAME = "palmyra.loaded_terms.v1"

_matchers: WeakKeyDictionary[Profile, dict[int, tuple[Vocab, PhraseMatcher, list[LoadedTerm]]]]
_matchers = WeakKeyDictionary()


def _matcher(profile: Profile, vocab: Vocab) -> tuple[PhraseMatcher, list[LoadedTerm]]:
    """One phrase matcher per profile and vocabulary, built on first use."""
    per_vocab = _matchers.setdefault(profile, {})
    if id(vocab) not in per_vocab:
        matcher = PhraseMatcher(vocab, attr="LOWER")
        terms = list(profile.loaded_terms)
        for i, term in enumerate(terms):
            matcher.add(str(i), [Doc(vocab, words=_words(term.text))])
        per_vocab[id(vocab)] = (vocab, matcher, terms)
    _, matcher, terms = per_vocab[id(vocab)]
    return matcher, terms


def _words(text: str) -> list[str]:
    """Split a term as spaCy's English tokenizer splits it around hyphens."""
    words: list[str] = []
    for chunk in text.split():
        parts = chunk.split("-")
        for k, part in enumerate(parts):
            if k:
                words.append("-")
            if part:
                words.append(part)
    return words


@registry.extractors.register(NAME)
def loaded_terms(doc: Doc, ctx: DocContext) -> list[FrameSignal]:
    """Each loaded term of the profile used in the article's own voice."""
    if ctx.profile is None or not ctx.profile.loaded_terms:
        return []
    matcher, terms = _matcher(ctx.profile, doc.vocab)
    quoted = [q.span for q in (ctx.facts.quotes if ctx.facts else []) if q.direct]
    out = []
    for match_id, start, end in matcher(doc):
        term = terms[int(doc.vocab.strings[match_id])]
        span = ctx.span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        if any(q.start <= span.start and span.end <= q.end for q in quoted):
            continue
        out.append(
            FrameSignal(
                ctx.document.id, span, "loaded_term", register=term.register,
                extractor=NAME, side=term.target, reason=term.reason,
            )
        )
    return out
