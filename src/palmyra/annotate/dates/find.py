"""Finding the dates of a text: candidates resolved in text order along the anchor cascade,
and the registered annotator that runs it over a parsed document."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from palmyra import registry
from palmyra.annotate.dates.anchor import _EMPTY, AnchorLike, _given_anchor, _State
from palmyra.annotate.dates.patterns import Keep, _core, _select
from palmyra.annotate.dates.relative import RelativeOffset, _offset
from palmyra.annotate.dates.words import _words
from palmyra.model import DateValue, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from palmyra.context import DocContext


RULE = "dates.v1"  # recorded on every mention; bump when the output changes

# Entity labels that, spanning more than a weak candidate, make it part of a name or title
# ("the Sunday Times", "Face the Nation").
_NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "PERSON", "FAC", "EVENT", "PRODUCT", "LAW"})


def find_dates(
    text: str,
    anchor: AnchorLike = None,
    *,
    fallback_anchor: bool = True,
    tolerance_days: int = 31,
    keep: Keep | None = None,
) -> list[tuple[int, int, DateValue]]:
    """Dates in ``text`` as ``(start, end, value)``, in text order.

    Args:
        text: the text to read; offsets index into it.
        anchor: the publication date; ``None`` lets the text supply one (module docstring).
        fallback_anchor: allow step 3 of the anchor cascade.
        tolerance_days: how far after the anchor a year-less date may fall and keep its year.
        keep: consulted for weak candidates (a lone weekday, month or "today") with their
            offsets; returning ``False`` drops the candidate.
    """
    hits = _select(text, keep)
    full = [dv for p, m in hits if p.full and (dv := _resolved(p, m, text, _EMPTY)) is not None]
    state = _State(
        given=_given_anchor(anchor),
        doc_latest=max((date.fromisoformat(dv.value) for dv in full), default=None)
        if fallback_anchor
        else None,
        tolerance=timedelta(days=tolerance_days),
    )
    out = []
    for pattern, m in hits:
        dv = _resolved(pattern, m, text, state)
        if dv is None:
            continue
        start, end = _core(m)
        out.append((start, end, dv))
        if pattern.full:
            day = date.fromisoformat(dv.value)
            state.text_latest = max(day, state.text_latest or day)
        if dv.precision in ("day", "week"):
            state.reference = dv
        if dv.precision in ("day", "month"):
            state.context = dv
    return out


def _resolved(pattern: Any, m: re.Match[str], text: str, state: Any) -> DateValue | None:
    """``pattern``'s date for ``m``, or ``None`` where the count it moves by leaves the calendar:
    article text is hostile input, and "over the past 1,000,000 days" or "3,000 years ago" is
    no date a report gives (``date`` and ``timedelta`` raise beyond years 1 to 9999)."""
    try:
        return pattern.resolve(m, text, state)
    except (OverflowError, ValueError):
        return None


@registry.annotators.register("palmyra.dates.v1")
def date_mentions(doc: Doc, ctx: DocContext) -> list[Mention]:
    """Date mentions of a document, anchored on its publication date.

    spaCy vetoes a weak candidate that its tagger reads as a verb ("may") or that
    sits inside a longer name or title entity ("the Sunday Times").
    """
    settings = ctx.settings
    text = doc.text  # spaCy rebuilds it from the tokens on every access
    return [
        Mention("date", text[s:e], ctx.span(s, e), dv, rule=RULE)
        for s, e, dv in find_dates(
            text,
            ctx.document.published,
            fallback_anchor=settings.get("dates.fallback_anchor", True),
            tolerance_days=settings.get("dates.tolerance_days", 31),
            keep=spacy_veto(doc),
        )
    ]


def relative_offsets(text: str, *, keep: Keep | None = None) -> list[RelativeOffset]:
    """Relative expressions whose value is a fixed offset from the day of writing, in text order.

    These are the expressions ``find_dates`` leaves out when it has no anchor
    ("last year", "two months ago", "yesterday", "May last year"); knowing
    their offset lets a caller infer the anchor from an event the text also
    dates absolutely (``palmyra.extract.events.anchor``). The candidates are
    ``find_dates``'s own, so a duration ("the past year") is still no date.
    Expressions whose distance from the day of writing depends on that day
    ("Tuesday", "last May", "last summer") and vague counts ("a few weeks
    ago") are left out.
    """
    out = []
    for pattern, m in _select(text, keep):
        found = _offset(pattern.name, m, text)
        if found is not None:
            out.append(RelativeOffset(*_core(m), *found))
    return out


def spacy_veto(doc: Doc) -> Keep:
    """The ``keep`` test for weak candidates that ``date_mentions`` applies, for another caller."""
    return lambda start, end: _spacy_keeps(doc, start, end)


def _spacy_keeps(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    tok = span[0]
    if tok.tag_ == "MD" or tok.tag_.startswith("VB"):
        return False
    if tok.ent_type_ not in _NAME_LABELS:
        return True
    first, last = tok.i, span[-1].i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    # a weekday closing the entity was run into the name before it ("in rebel shelling of
    # western Aleppo Saturday" is a WORK_OF_ART 'Aleppo Saturday'); "Bloody Sunday" and the
    # like are names by the weekday's own blockers (``words._is_name``)
    if last == span.end - 1 and span[-1].text in _words()["weekday"]:
        return True
    return first == span.start and last == span.end - 1
