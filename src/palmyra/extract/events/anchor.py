"""The day of writing of an undated article, inferred from an occurrence it reports twice.

With no publication date and no full date to stand in for one, the date
annotator resolves no relative expression, so "lost Palmyra to the Islamic
State last year" is undated, and so is every event told without a date of its
own. When the article also dates that same occurrence absolutely ("lost
Palmyra in May 2015"), the two reports fix the day of writing to the unit the
relative expression counts in: May 2015 plus one year is 2016.

Two reports are of the same occurrence by the merge stage's own test
(``merge.same_occurrence``: same sub-type, same place, actors that do
not contradict, same modality class). Every such pair must agree (their
anchors nest; the narrowest is kept), else nothing is inferred; a pair whose
absolute date is coarser than the relative unit ("in 2015" and "last month")
tells nothing. The anchor's rule is ``anchor:coreference``; ``dates``
uses it for a text without a publication date only.
"""

from __future__ import annotations

from datetime import date

from palmyra.annotate.dates import shift_period
from palmyra.extract.events.dates import is_explicit
from palmyra.extract.events.merge import Candidate, same_occurrence
from palmyra.model import DateValue

RULE = "anchor:coreference"


def infer_anchor(candidates: list[Candidate]) -> DateValue | None:
    """The day of writing that co-referring absolute and relative reports agree on, if any."""
    anchors: list[DateValue] = []
    for told in candidates:
        relative = told.relative
        if relative is None or told.date is not None or told.place is None:
            continue
        for dated in candidates:
            if dated.date is None or not is_explicit(dated.date) or dated.place is None:
                continue
            if not same_occurrence(dated, told):
                continue
            anchor = shift_period(dated.date, relative.unit, -relative.offset, RULE)
            if anchor is not None:
                anchors.append(anchor)
    return _agreed(anchors)


def _agreed(anchors: list[DateValue]) -> DateValue | None:
    """The narrowest anchor when it lies within every other one; None when any two disagree."""
    if not anchors:
        return None
    narrowest = min(anchors, key=_length)
    if all(a.start <= narrowest.start and narrowest.end <= a.end for a in anchors):
        return narrowest
    return None


def _length(value: DateValue) -> int:
    return (date.fromisoformat(value.end) - date.fromisoformat(value.start)).days
