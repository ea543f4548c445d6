"""Propaganda techniques in the article's text, from a model the user trained on PTC.

The model (``palmyra.techniques``; made by ``palmyra train techniques``) lives in
the user's cache folder or the folder named by the ``techniques_model`` setting;
PTC states no licence, so none ships with Palmyra. Without one this extractor
finds nothing, and ``palmyra analyze`` says once how to train it. The tagger
reads the cleaned text (no spaCy parse: its own small tokenizer and CNN), so
reader comments and removed furniture are never tagged.
"""

from __future__ import annotations

from spacy.tokens import Doc

from palmyra import registry
from palmyra.context import DocContext
from palmyra.model import Technique
from palmyra.techniques.model import find_model

NAME = "palmyra.techniques.v1"
SETTING = "techniques_model"  # a model folder; default: techniques.model.default_model_dir()


@registry.extractors.register(NAME)
def techniques(doc: Doc, ctx: DocContext) -> list[Technique]:
    """Each span of the cleaned text that uses a technique, with the likeliest one."""
    model = find_model(ctx.settings.get(SETTING))
    if model is None or not doc.text.strip():
        return []
    doc_id = ctx.document.id
    return [Technique(doc_id, ctx.span(t.start, t.end), t.label, round(t.score, 4),
                      round(t.span_score, 4), NAME)
            for t in model.tag(doc.text)]
