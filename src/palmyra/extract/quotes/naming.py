"""Turn the phrase that names a speaker into one canonical name.

The gold names a speaker the way the profile and the annotate stage do ("John
Kerry" for "Mr Kerry", "Military Forces of Syria" for "the Syrian military",
"Los Angeles Times" for "the *Times*"), so the name is taken, in this order, from:

1. what the phrase's head is: a pronoun is resolved to a person or organisation
   named shortly before; "the paper" to the outlet named before;
2. the names inside the phrase, ranked by how they hang on the head (the head
   itself, then its appositions and compounds: "UN envoy Staffan de Mistura",
   "the Mayor of London, Boris Johnson"; never a possessor: "Syria's envoy X"),
   persons before outlets before actors; each name comes from the annotate stage's
   mentions when they cover it, else from a profile outlet, else from spaCy's
   entities, a person's short form resolved to the full name used elsewhere; a role
   whose holder the parse lost ("the mayor, Karim Nassar") takes the name after it;
3. the words of the phrase itself ("Syrian general"), when nothing names it; the
   caller decides whether any noun may do or only a role or speaker noun.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from palmyra.annotate.names import name_key, name_words, titles
from palmyra.extract.lexicon import speaker_nouns
from palmyra.extract.outlets import Outlets
from palmyra.extract.positions import Bounds
from palmyra.model import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from palmyra.context import DocContext

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"it", "they", "them"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NAME_DEPS = frozenset({"appos", "compound", "flat", "nmod"})
_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "cc", "conj"})
_LOOKBACK_SENTENCES = 3
# "the director of MSF, Isabelle Defourny", "a statement by the Russian Defence Ministry"
_ROLE_PREPOSITIONS = frozenset({"of", "by"})
# Ranked kinds of name, best first.
_KIND_ORDER = {"person": 0, "outlet": 1, "actor": 2, "org": 3, "place": 4}
_ENTITY_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "NORP": "place"}


@dataclass(frozen=True)
class Speaker:
    """A canonical speaker name and the tokens ``[start, end)`` that name it in the text."""

    name: str
    start: int
    end: int
    kind: str  # person | outlet | actor | org | place | other


@dataclass(frozen=True)
class _Name:
    start: int  # token range
    end: int
    name: str
    kind: str
    # A one-word spaCy PERSON that no full name explains: often a place ("Palmyra") or
    # a channel ("al-Mayadeen"), so never taken as what "he" or "she" stands for.
    lone: bool = False


class Namer:
    """Names the speakers of one document; remembers them for later pronouns.

    Args:
        region: for each token, the quotation (or reference) it sits in, as made by
            ``quotes``; a pronoun refers only to names written in the same one.
        bounds: the document's sentence bounds (``positions.sentence_bounds``).
    """

    def __init__(
        self, doc: Doc, ctx: DocContext, outlets: Outlets, region: list[int], bounds: Bounds
    ) -> None:
        self.doc = doc
        self.bounds = bounds
        self.outlets = outlets
        self.region = region
        starts = [ctx.span(t.idx, t.idx + len(t)).start for t in doc]
        names = [_Name(*r, n, k) for r, n, k in _mention_names(ctx, starts)]
        covered = {i for n in names for i in range(n.start, n.end)}
        names += [
            n for n in self._entity_names() if not covered.intersection(range(n.start, n.end))
        ]
        for m in outlets.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and not covered.intersection(range(span.start, span.end)):
                names.append(_Name(span.start, span.end, m.name, "outlet"))
        names += [  # "the article", so that a later "it" can stand for its outlet
            _Name(t.i, t.i + 1, m.name, "outlet") for t in doc if (m := outlets.referred(t))
        ]
        self.names = sorted(names, key=lambda n: (n.start, -n.end))
        self._name_starts = [n.start for n in self.names]
        self.spoken: list[tuple[int, Speaker]] = []  # (token index, speaker) in text order

    def name(self, head: Token, any_noun: bool = True) -> Speaker | None:
        """The canonical speaker a phrase names, ``head`` being its head token.

        Args:
            any_noun: whether any noun may name the speaker by its own words (step 3
                of the module docstring) or only a role or speaker noun ("a Syrian
                general", "a military source": person_titles.txt, speaker_nouns.txt);
                off where a cue is as often said of a thing as of a speaker ("according
                to the preferred narrative", "its failure has confirmed").
        """
        if head.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
            found = self._pronoun(head)
        else:
            found = self._outlet_reference(head) or self._best_name(head)
            role = head.lemma_.lower() in titles()
            if found is None and role:
                found = self._name_beside(head)
            if found is None and (any_noun or role or head.lemma_.lower() in speaker_nouns()):
                found = _surface(head)
        if found is not None:
            self.spoken.append((head.i, found))
        return found

    def _outlet_reference(self, head: Token) -> Speaker | None:
        m = self.outlets.referred(head)
        return Speaker(m.name, head.i, head.i + 1, "outlet") if m else None

    def _best_name(self, head: Token) -> Speaker | None:
        phrase = _phrase(head)
        lo = bisect_left(self._name_starts, phrase[0])
        hi = bisect_right(self._name_starts, phrase[1] - 1)
        ranked = []
        for n in self.names[max(0, lo - 3) : hi]:
            if n.end <= phrase[0] or n.start >= phrase[1]:
                continue
            rank = _rank(head, self.doc[n.start : n.end])
            if rank > 1 or rank == 1 and n.kind in ("actor", "person"):  # not "Syrian" alone
                ranked.append(((-rank, _KIND_ORDER.get(n.kind, 9), n.start), n))
        if not ranked:
            return None
        best = min(ranked, key=lambda r: r[0])[1]
        return Speaker(best.name, best.start, best.end, best.kind)

    def _name_beside(self, role: Token) -> Speaker | None:
        """A person's name written right after a role, where the parse lost the apposition.

        "According to the mayor, Karim Nassar, …" is often parsed with the name
        hanging elsewhere; a name that follows the role word, at most after a comma, is
        still the role's holder.
        """
        after = role.i + 1
        if after < len(self.doc) and self.doc[after].text == ",":
            after += 1
        i = bisect_left(self._name_starts, after)
        for n in self.names[i : i + 2]:
            if n.start == after and n.kind == "person":
                return Speaker(n.name, n.start, n.end, n.kind)
        return None

    def _pronoun(self, pronoun: Token) -> Speaker | None:
        """The person (he, she) or group (it, they) named last before ``pronoun``.

        Subjects win over other names in the same sentence, as "Kerry met Lavrov.
        He said" means Kerry. "It said" goes on with the organisation quoted last when
        it spoke in the last few sentences: news text names many places and groups
        between two statements of the same monitor or ministry. Without any name in
        the last few sentences, the last speaker of the same kind is taken.
        """
        want_person = pronoun.lower_ in _PERSON_PRONOUNS
        sents = _previous_sentences(self.bounds, pronoun.i, _LOOKBACK_SENTENCES)
        if not want_person:
            recent = self._last_spoken(want_person, since=sents[-1][0])
            if recent is not None:
                return Speaker(recent.name, pronoun.i, pronoun.i + 1, recent.kind)
        for sent_start, sent_end in sents:
            end = min(sent_end, pronoun.i)
            lo = bisect_left(self._name_starts, sent_start)
            hi = bisect_left(self._name_starts, end)
            cands = [
                n
                for n in self.names[lo:hi]
                if (n.kind == "person") == want_person
                and self.region[n.start] == self.region[pronoun.i]
                and not n.lone
            ]
            if cands:
                subjects = [n for n in cands if _is_subject(self.doc[n.start : n.end])]
                best = (subjects or cands)[-1]
                return Speaker(best.name, pronoun.i, pronoun.i + 1, best.kind)
        spoken = self._last_spoken(want_person)
        if spoken is not None:
            return Speaker(spoken.name, pronoun.i, pronoun.i + 1, spoken.kind)
        return None

    def _last_spoken(self, person: bool, since: int = 0) -> Speaker | None:
        """The last speaker of that kind whose words were reported at token ``since`` or later.

        A speaker named only by a common noun ("one activist in Douma") may be
        either: "He added" after "the activist told Reuters" is the activist.
        """
        for at, spoken in reversed(self.spoken):
            if at < since:
                return None
            if spoken.kind == "other" or (spoken.kind == "person") == person:
                return spoken
        return None

    def _entity_names(self) -> list[_Name]:
        """spaCy's names, a person's short form ("Kerry") lengthened to its full name.

        Full names come from PERSON entities and from proper-noun entities of two or
        three words under another label, since the small model tags many unfamiliar
        person names as places or organisations ("Karim Nassar" as GPE).
        """
        fulls: dict[str, list[tuple[int, str]]] = {}  # surname key -> [(token start, name)]
        out = []
        for ent in self.doc.ents:
            kind = _ENTITY_KINDS.get(ent.label_)
            if kind is None or any(t.is_quote for t in ent):
                continue
            text = _untitled(_clean(ent.text)) if kind == "person" else _clean(ent.text)
            key = name_key(text)
            if key and _full_name_like(ent, text, kind):
                fulls.setdefault(key, []).append((ent.start, " ".join(text.split())))
            out.append((ent, kind, text, key))
        names = []
        for ent, kind, text, key in out:
            short = kind in ("person", "org") and key and len(name_words(text)) < 2
            full = _full_name(fulls.get(key, []), ent.start) if short else None
            if full is not None:
                names.append(_Name(ent.start, ent.end, full, "person"))
            else:
                lone = kind == "person" and len(name_words(text)) < 2
                names.append(_Name(ent.start, ent.end, text, kind, lone))
        return names


def _full_name_like(ent, text: str, kind: str) -> bool:
    words = len(name_words(text))
    if kind == "person":
        return words >= 2
    return 2 <= words <= 3 and all(t.pos_ == "PROPN" for t in ent)


def _mention_names(ctx: DocContext, starts: list[int]):
    """Annotate-stage person and actor mentions as token ranges with canonical names."""
    for m in ctx.mentions:
        if m.kind not in ("person", "actor") or not isinstance(m.value, ActorRef):
            continue
        lo = bisect_left(starts, m.span.start)
        hi = bisect_left(starts, m.span.end)
        if hi > lo:
            yield (lo, hi), m.value.canonical, "person" if m.kind == "person" else "actor"


def _full_name(fulls: list[tuple[int, str]], at: int) -> str | None:
    """The latest full name before token ``at``, else the first after it (text order)."""
    i = bisect_left(fulls, (at, ""))
    if i > 0:
        return fulls[i - 1][1]
    return fulls[0][1] if fulls else None


def _phrase(head: Token) -> tuple[int, int]:
    """Token range of the noun phrase around ``head``, without its clauses and conjuncts.

    Appositions stay ("the operations director of MSF, Isabelle Defourny") because
    they often carry the name itself.
    """
    cut = set()
    for child in head.children:
        if child.dep_ in _CUT_DEPS:
            cut.update(t.i for t in child.subtree)
    kept = [t.i for t in head.subtree if t.i not in cut]
    return min(kept), max(kept) + 1


def _rank(head: Token, name_tokens) -> int:
    """How a name hangs on the phrase's head: 3 is the head, 2 an apposition or compound of
    it, 1 another modifier or an "of"/"by" phrase ("director of MSF, Isabelle
    Defourny", where the parser hangs the name on MSF; "a statement by the ministry"),
    0 a possessor or anything else.
    """
    if any(t.i == head.i for t in name_tokens):
        return 3
    best = 0
    for t in name_tokens:
        node, via_of = t, False
        while node.head.i != node.i and node.i != head.i:
            if node.dep_ in ("poss", "case"):
                break
            if node.dep_ == "pobj":
                if node.head.lower_ not in _ROLE_PREPOSITIONS:
                    break
                via_of = True
            if node.head.i == head.i:
                direct = 2 if node.dep_ in _NAME_DEPS else 1
                best = max(best, 1 if via_of else direct)
                break
            node = node.head
    return best


def _is_subject(tokens) -> bool:
    root = tokens.root
    if root.dep_ in _SUBJECTS:
        return True
    return root.dep_ in ("appos", "compound") and root.head.dep_ in _SUBJECTS


def _previous_sentences(bounds: Bounds, i: int, n: int) -> list[tuple[int, int]]:
    """Token ranges of the sentence of token ``i`` and the ``n`` before it, nearest first."""
    out = [bounds[i]]
    while len(out) <= n and out[-1][0] > 0:
        out.append(bounds[out[-1][0] - 1])
    return out


def _surface(head: Token) -> Speaker | None:
    """The phrase's own words when no name covers it: "a Syrian general" -> "Syrian general"."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    words = [c for c in head.lefts if c.dep_ in ("amod", "compound")] + [head]
    kind = "person" if head.lemma_.lower() in titles() else "other"  # a role is a person
    return Speaker(_clean(" ".join(w.text for w in words)), words[0].i, head.i + 1, kind)


def _untitled(name: str) -> str:
    """A person's name without the titles written before it ("Major-General Igor X")."""
    words = name.split()
    while len(words) > 1 and all(p.lower().rstrip(".") in titles() for p in words[0].split("-")):
        words = words[1:]
    return " ".join(words)


def _clean(text: str) -> str:
    """A name without emphasis marks, a leading "the" or a trailing possessive."""
    text = " ".join(text.replace("*", " ").replace("_", " ").split())
    if text.lower().startswith("the "):
        text = text[4:]
    for suffix in ("’s", "'s"):
        text = text.removesuffix(suffix)
    return text
