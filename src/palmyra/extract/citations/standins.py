"""Fold a generic name of a state's media into the named state outlet cited beside it.

Stories write "SANA said …" and a sentence later "state media said …" of the same report;
the gold codes one citation, of the named outlet (gold/notes/annotator-L.md 26,
annotator-Q.md 17). Which generic names stand for which outlets is profile data: an
outlet's ``stands_for`` in outlets.yaml ("Syrian state media" stands for SANA, Syrian
state television and Al-Ikhbariya). Mentions kept apart by more than a few sentences are
separate reports in the gold, so the fold only reaches ``SENTENCE_REACH`` sentences.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from palmyra.extract.outlets import OutletMention
from palmyra.model import Outlet

if TYPE_CHECKING:
    from spacy.tokens import Doc

SENTENCE_REACH = 3  # sentences either way within which "state media" is the named outlet
# A nationality or country word before the generic name, and how many letters of the
# outlet's country it must open with to be the same country ("Syrian" for Syria,
# "Ukrainian" for Ukraine, "Iraqi" for Iraq but not Iran).
_COUNTRY_ENTITIES = frozenset({"NORP", "GPE"})
_STEM = 5


def stand_ins(outlets: Sequence[Outlet]) -> frozenset[str]:
    """The generic names among ``outlets``: descriptions of a state's media, which never
    credit a wire story ("… schoolchildren state media AFP Thursday 27 Oct 2016", a
    header's keywords before the agency it credits)."""
    return frozenset(o.name for o in outlets if o.stands_for)


class _Cited(Protocol):
    @property
    def start(self) -> int: ...  # cleaned offset, as the outlet mentions'
    @property
    def outlet(self) -> str | None: ...


C = TypeVar("C", bound=_Cited)


def fold_stand_ins(found: list[C], doc: Doc, outlets: Sequence[Outlet],
                   mentions: Sequence[OutletMention]) -> list[C]:
    """``found`` without the generic citations that a cited named outlet, mentioned within
    ``SENTENCE_REACH`` sentences of them, stands behind."""
    stands_for = {o.name: frozenset(o.stands_for) for o in outlets if o.stands_for}
    if not stands_for:
        return found
    countries = {o.name: o.country for o in outlets if o.stands_for}
    cited = {c.outlet for c in found}
    starts = [s.start_char for s in doc.sents]
    token_starts = [t.idx for t in doc]

    def sentence(pos: int) -> int:
        return bisect_right(starts, pos)

    def foreign(c: C) -> bool:
        """Whether another country's name or people qualify the generic name ("Iranian
        state media"): that is another state's report, never the named outlet's."""
        i = bisect_right(token_starts, c.start) - 1
        country = (countries.get(c.outlet or "") or "").lower()
        if i < 0 or not country:
            return False
        word = doc[i] if doc[i].idx < c.start else (doc[i - 1] if i > 0 else None)
        return (word is not None and word.ent_type_ in _COUNTRY_ENTITIES
                and not word.lower_.startswith(country[:_STEM]))

    def folded(c: C) -> bool:
        named = stands_for.get(c.outlet or "", frozenset()) & cited
        if not named or foreign(c):
            return False
        at = sentence(c.start)
        return any(m.name in named and abs(sentence(m.start) - at) <= SENTENCE_REACH
                   for m in mentions)

    return [c for c in found if not folded(c)]
