"""spaCy's attribute ruler and rule lemmatizer as one component that gives the same tokens
in a fraction of the time.

In ``en_core_web_sm`` the two run after the parser: the attribute ruler's 179 patterns
(the tag map, morphology rules, a few lemma exceptions) set each token's POS, MORPH,
LEMMA and sometimes TAG or DEP, then the rule lemmatizer gives every token still without a
lemma one from its text, POS and morphology. Both are pure functions of a few token
values, yet each document paid for a ``Matcher`` pass over every pattern and a Python call
per token: 20% of the whole spaCy pass (100 FA-KES articles: 0.91 s and 0.85 s of CPU out
of 8.5 s). This component reads the same tables and gives the same tokens:

* A one-token pattern sees only the token's TAG, DEP, IS_SPACE and LOWER, so which of
  them match is a function of those four values. LOWER is reduced to what the patterns
  can tell apart (the word itself when a pattern names it, and the verdict of each regular
  expression), which keeps the cache small. On a miss the ruler's own ``Matcher`` (the
  one-token patterns only) is asked about that token, so no pattern semantics is written
  out again here.
* The few longer patterns ("gon na", "let 's", an expletive subject's "is") run in a
  ``Matcher`` of their own over the document, as the ruler's would.
* Every match's attributes are applied to its token in the ruler's order (by pattern,
  later patterns win), which gives each token's final values; only those are written.
* The lemmatizer then runs as before on each token left without a lemma, its answer
  cached by (text, POS, morphology), all that ``rule_lemmatize`` reads.
* The lemmatizer's word index per part of speech is a set, not a list: it is only
  asked whether a word is in it (``_indexed``).

Where a model's patterns read other token attributes or use another kind of predicate on
LOWER, or its lemmatizer is not the rule lemmatizer without overwrite, ``lean`` leaves
the pipeline as it is. ``tests/annotate/test_token_attributes.py`` compares every token's
POS, TAG, DEP, MORPH and LEMMA with the standard pipeline's on real articles.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "palmyra_token_attributes"
RULER, LEMMATIZER = "attribute_ruler", "lemmatizer"
# what a one-token pattern may read: the key of the match cache is made of these
KEYED = {"TAG", "DEP", "IS_SPACE", "LOWER"}
LOWER_PREDICATES = {"IN", "NOT_IN", "REGEX"}  # those LOWER's reduced value still decides
ANY = object()  # a LOWER no pattern names


class TokenAttributes:
    """The attribute ruler, then the lemmatizer, over one document (see the module)."""

    def __init__(self, ruler: Any, lemmatizer: Any) -> None:
        self.vocab = ruler.vocab
        self.lemmatizer = _indexed(lemmatizer)
        self.attrs = ruler.attrs  # pattern id -> {attribute id: value}, normalised
        self.single = Matcher(self.vocab, validate=False)
        self.multi = Matcher(self.vocab, validate=False)
        self.has_multi = False
        self.words: set[str] = set()
        regexes: list[str] = []
        for entry_id, entry in enumerate(ruler.patterns):
            one = all(len(p) == 1 for p in entry["patterns"]) and entry.get("index", 0) in (0, -1)
            (self.single if one else self.multi).add(str(entry_id), entry["patterns"])
            self.has_multi |= not one
            for spec in (s for p in entry["patterns"] if one for s in p):
                value = spec.get("LOWER")
                if isinstance(value, str):
                    self.words.add(value)
                elif isinstance(value, dict):
                    self.words.update(value.get("IN", ()), value.get("NOT_IN", ()))
                    if "REGEX" in value:
                        regexes.append(value["REGEX"])
        self.indices = list(ruler.indices)
        self.regexes = [re.compile(r) for r in dict.fromkeys(regexes)]
        self._matched: dict[tuple, tuple[int, ...]] = {}  # token key -> one-token pattern ids
        self._final: dict[tuple[int, ...], dict[int, int]] = {}  # pattern ids -> attributes
        self._lemmas: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma
        self._lowers: dict[int, tuple] = {}  # LOWER -> what the patterns tell of it

    @staticmethod
    def supports(ruler: Any, lemmatizer: Any) -> bool:
        """Whether the ruler's one-token patterns read only what the cache key holds and the
        lemmatizer only fills in missing lemmas by rule."""
        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
            return False
        for entry in ruler.patterns:
            if any(len(p) != 1 for p in entry["patterns"]):
                continue
            for spec in (s for p in entry["patterns"] for s in p):
                if not set(spec) <= KEYED:
                    return False
                lower = spec.get("LOWER")
                if isinstance(lower, dict) and not set(lower) <= LOWER_PREDICATES:
                    return False
                if lower is not None and not isinstance(lower, str | dict):
                    return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = self.vocab.strings
        rows = doc.to_array([TAG, DEP, IS_SPACE, LOWER]).tolist()
        extra: dict[int, list[tuple[int, int]]] = {}  # token -> (pattern id, start) of longer
        if self.has_multi:
            for match_id, start, end in self.multi(doc, allow_missing=True, as_spans=False):
                entry = int(strings[match_id])
                index = self.indices[entry]
                at = (start + index) if index >= 0 else (end + index)
                extra.setdefault(at, []).append((entry, start))
        lemmas, rule = self._lemmas, self.lemmatizer.rule_lemmatize
        for i, (tag, dep, space, lower) in enumerate(rows):
            key = (tag, dep, space, self._lower_key(lower))
            matched = self._matched.get(key)
            if matched is None:
                matched = self._matched[key] = self._match_one(doc, i)
            if i in extra:
                # the ruler sorts (pattern id, match id, start, end): within one pattern
                # every match sets the same values, so the pattern order alone decides
                matched = tuple(sorted({*matched, *(e for e, _ in extra[i])}))
            final = self._final.get(matched)
            if final is None:
                final = self._final[matched] = self._fold(matched)
            token = doc[i]
            if final:
                set_token_attrs(token, final)
            # the lemmatizer, after the ruler: a token's lemma reads only that token
            if token.lemma == 0:
                lemma_key = (token.orth, token.pos, token.morph.key)
                lemma = lemmas.get(lemma_key)
                if lemma is None:
                    token.lemma_ = rule(token)[0]
                    lemmas[lemma_key] = token.lemma
                else:
                    token.lemma = lemma
        return doc

    def _lower_key(self, lower: int) -> Any:
        """What the one-token patterns can tell of a LOWER value: the word where one of
        them names it, and each regular expression's verdict."""
        key = self._lowers.get(lower)
        if key is None:
            text = self.vocab.strings[lower]
            word = text if text in self.words else ANY
            key = self._lowers[lower] = (word, *(bool(r.search(text)) for r in self.regexes))
        return key

    def _match_one(self, doc: Doc, i: int) -> tuple[int, ...]:
        """The one-token patterns that match token ``i``, by the ruler's own matcher."""
        strings = self.vocab.strings
        found = self.single(doc[i:i + 1], allow_missing=True, as_spans=False)
        return tuple(sorted({int(strings[m]) for m, _s, _e in found}))

    def _fold(self, matched: tuple[int, ...]) -> dict[int, int]:
        final: dict[int, int] = {}
        for entry in matched:  # ascending: a later pattern's value wins
            final.update(self.attrs[entry])
        return final

def _indexed(lemmatizer: Any) -> Any:
    """The lemmatizer with each part of speech's word index as a set. ``rule_lemmatize``
    asks whether each form a suffix rule makes is a known word (``form in index``) of a
    list of up to 57,528 words (en_core_web_sm's nouns): a scan per rule that applies,
    most of the lemmatizer's time and 1.8% of a whole ``analyze`` job (py-spy, 100 FA-KES
    articles). Only membership is asked of the index, so a set gives the same lemmas.
    The lemmatizer is ``TokenAttributes``' alone once ``lean`` has taken it out of the
    pipeline; a table of another shape is left as it is."""
    table = lemmatizer.lookups.get_table("lemma_index", None)
    for pos, words in list(table.items()) if table is not None else ():
        if isinstance(words, list) and all(isinstance(w, str) for w in words):
            table[pos] = frozenset(words)
    return lemmatizer


@Language.factory(FACTORY)
def make_token_attributes(nlp: Language, name: str) -> TokenAttributes:
    return TokenAttributes(nlp.get_pipe(RULER), nlp.get_pipe(LEMMATIZER))


def lean(nlp: Language) -> Language:
    """``nlp`` with its attribute ruler and lemmatizer replaced by ``TokenAttributes``
    where it supports them (same tokens, less time); otherwise ``nlp`` unchanged."""
    names = nlp.pipe_names
    if RULER not in names or LEMMATIZER not in names:
        return nlp
    ruler, lemmatizer = nlp.get_pipe(RULER), nlp.get_pipe(LEMMATIZER)
    # the two must run one after the other, so that nothing between reads half their work
    if names.index(LEMMATIZER) != names.index(RULER) + 1 or not TokenAttributes.supports(
            ruler, lemmatizer):
        return nlp
    nlp.add_pipe(FACTORY, before=RULER)
    nlp.remove_pipe(RULER)
    nlp.remove_pipe(LEMMATIZER)
    return nlp
