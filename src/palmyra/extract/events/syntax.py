"""Small questions about the dependency parse that every event step asks.

Which verb reports a trigger, which tokens make up its clause, and whether that
clause is told in the past: answered from the spaCy parse alone, so the other
event modules stay free of tree-walking details.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import Literal

from spacy.tokens import Doc, Span, Token

Tense = Literal["past", "present", "none"]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
# Children that open a clause of their own: evidence for one trigger stops there
# when the child clause reports another trigger.
SUBCLAUSE_DEPS = frozenset({"advcl", "ccomp", "conj", "parataxis", "relcl", "acl", "xcomp"})
# Verb forms that borrow their tense from the verb they hang from ("..., advancing on").
BORROWING_DEPS = frozenset({"advcl", "conj", "xcomp", "acl", "pcomp", "relcl"})
_EDGE_POS = frozenset({"PUNCT", "CCONJ", "SCONJ"})
_SENTENCE_END = frozenset({".", "!", "?", "…", ":", ";"})
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]"})


def sentences(doc: Doc) -> Iterator[Span]:
    """Sentences as the extractor reads them: spaCy's, re-joined and split at line breaks.

    The small parser often ends a sentence before a trailing date ("... (ISIS)" |
    "Sunday, advancing on") and runs one across a paragraph break; here a
    sentence ends only at final punctuation that spaCy also ends one at, or at
    a line break.
    """
    # The event steps ask for the same document's sentences again and again (each place
    # looks at the sentences after its own), and the batch's model pass (``prepare``) read
    # every document's before: the last few documents' are kept.
    last = _LAST.get(id(doc))  # one read: another thread may change the dict
    if last is None or last[0] is not doc:
        last = (doc, tuple(_sentences(doc)))
        _LAST[id(doc)] = last
        while len(_LAST) > _KEPT:
            with contextlib.suppress(KeyError, StopIteration, RuntimeError):
                del _LAST[next(iter(_LAST))]  # the oldest
    return iter(last[1])


# Documents by id, with their sentences; holding each document keeps ``is`` safe. A batch
# (``Pipeline.process``, 32 documents by default) fits; no more are held, so the previous
# batch's documents are let go as the next is read (a larger batch recomputes some).
_KEPT = 32
_LAST: dict[int, tuple[Doc, tuple[Span, ...]]] = {}


def _sentences(doc: Doc) -> Iterator[Span]:
    start = 0
    for tok in doc:
        hard = "\n" in tok.text or "\n" in tok.whitespace_
        if hard or (tok.is_sent_end and _final(doc, start, tok.i)):
            if any(not t.is_space for t in doc[start : tok.i + 1]):
                yield doc[start : tok.i + 1]
            start = tok.i + 1
    if start < len(doc) and any(not t.is_space for t in doc[start:]):
        yield doc[start:]


def _final(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start..end`` end with final punctuation (closing quotes aside)."""
    i = end
    while i > start and doc[i].text in _CLOSERS:
        i -= 1
    return doc[i].text in _SENTENCE_END


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def clause_verb(token: Token) -> Token:
    """The nearest verb at or above ``token``, or the sentence root when there is none."""
    t = token
    while not is_verb(t) and t.head.i != t.i:
        t = t.head
    return t


def ancestors_in_sentence(token: Token) -> Iterable[Token]:
    """``token``'s heads up to the sentence root, nearest first."""
    t = token
    while t.head.i != t.i:
        t = t.head
        yield t


def clause_tokens(anchor: Token, others: set[int]) -> list[Token]:
    """The anchor's subtree without child clauses that report another trigger (``others``)."""
    cut: set[int] = set()
    for child in anchor.children:
        if child.dep_ in SUBCLAUSE_DEPS and any(t.i in others for t in child.subtree):
            cut.update(t.i for t in child.subtree)
    return [t for t in anchor.subtree if t.i not in cut]


def trim(tokens: list[Token]) -> tuple[int, int]:
    """Token range ``[start, end)`` of ``tokens``, trimmed of edge punctuation and conjunctions."""
    ordered = sorted(tokens, key=lambda t: t.i)
    while len(ordered) > 1 and ordered[0].pos_ in _EDGE_POS:
        ordered.pop(0)
    while len(ordered) > 1 and ordered[-1].pos_ in _EDGE_POS:
        ordered.pop()
    return ordered[0].i, ordered[-1].i + 1


def auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def acts_on(verb: Token) -> bool:
    """Whether a verb acts on someone: it has a direct object or is passive ("police
    dispersed the crowd", "the marchers were dispersed"), not "the crowd dispersed
    peacefully", where those who act are those it tells of."""
    return any(c.dep_ == "dobj" for c in verb.children) or is_passive(verb)


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    # Reduced relatives: "the city, taken from Daesh by the SDF".
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")


def tense(verb: Token, past_form: bool = False) -> Tense:
    """Past (simple, perfect, passive past), present, or none (an infinitive or a noun).

    ``past_form`` marks an irregular past form that the small tagger often reads
    as present ("retook" tagged VBP).
    """
    auxes = auxiliaries(verb)
    if any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes):
        return "past"
    if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if past_form or verb.tag_ in ("VBD", "VBN"):
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.dep_ in BORROWING_DEPS and verb.head.i != verb.i and is_verb(verb.head):
        return tense(verb.head)
    return "none"


# Dependents that open another clause or name a doer: a trigger's own phrase stops there.
_OWN_STOPS = frozenset({"relcl", "advcl", "ccomp", "parataxis", "conj", "nsubj", "nsubjpass"})


def own_phrase(trigger: Token) -> list[Token]:
    """The trigger's phrase without the clauses hanging in it ("mortar rounds containing
    chlorine", not "the airfield from which a chemical attack was launched"); a compound
    trigger ("mortar rounds") speaks for the noun it modifies."""
    top = trigger.head if trigger.dep_ == "compound" else trigger
    words, todo = [], [top]
    while todo:
        t = todo.pop()
        words.append(t)
        todo += [c for c in t.children if c.dep_ not in _OWN_STOPS]
    return words


def present_relative(verb: Token) -> bool:
    """A relative clause in the simple present says what a group is or does as a rule, not
    what it did: "the Sudan Shield Forces, which fight alongside the army", "a militia that
    controls the crossing"; the dated sentence it sits in dates the main clause only."""
    return (verb.dep_ == "relcl" and verb.tag_ in ("VBP", "VBZ")
            and verb.head.pos_ in ("NOUN", "PROPN") and not auxiliaries(verb))
