"""When an event happened: a short ordered chain of date rules (STYLE rule 4).

1. ``clause``: a date mention in the trigger's clause, nearest first.
2. ``sentence``: the nearest date mention anywhere in the sentence (a date on
   the reporting verb, "announced last week that ... agreed", dates the event).
3. ``narrative``: the paragraph's last event date, when the narrative goes on.
4. ``publication``: the publication date, widened to the week before it for an
   event told as news, or to its month for an event only named by a noun
   ("the recapture of Palmyra"), which may lie further back.
5. no date.

Dates of a cited reference ("(Title, Outlet, 4 March 2017)") date the
reference, not the event, and are skipped, as are dates after the publication
date: an asserted past event cannot postdate the article, so such a date
belongs to a plan or a misreading. ``DateValue.rule`` names the rule that fired.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from spacy.tokens import Span, Token

from palmyra.extract.events_index import DocIndex, TokenMention
from palmyra.extract.events_triggers import Hit
from palmyra.model import DateValue

PUBLICATION_WEEK_DAYS = 6


def resolve_date(
    hit: Hit,
    clause: list[Token],
    sent: Span,
    index: DocIndex,
    previous: DateValue | None,
    reported: bool,
) -> DateValue | None:
    """The event's date, with the rule that found it recorded in ``DateValue.rule``.

    ``reported`` says whether a verb tells the event (as news: the week before
    publication) rather than a noun merely naming it (its month).
    """
    published = index.ctx.document.published
    for rule, tokens in (("clause", clause), ("sentence", sent)):
        dates = [tm for tm in index.mentions_in(tokens, "date") if tm.root.i not in index.cited]
        found = _nearest(hit, dates, published)
        if found is not None:
            return dataclasses.replace(found, rule=f"event:{rule}")
    if previous is not None:
        return dataclasses.replace(previous, rule="event:narrative")
    if published is not None:
        return _widened(published, "week" if reported else "month")
    return None


def is_explicit(value: DateValue | None) -> bool:
    """Whether the date was read off the event's own sentence (not inherited or defaulted)."""
    return value is not None and value.rule in ("event:clause", "event:sentence")


def _nearest(hit: Hit, dates: list[TokenMention], published: DateValue | None) -> DateValue | None:
    usable = [
        tm for tm in dates
        if isinstance(tm.mention.value, DateValue)
        and (published is None or tm.mention.value.start <= published.end)
    ]
    if not usable:
        return None
    best = min(usable, key=lambda tm: abs(tm.root.i - hit.token.i))
    return best.mention.value  # type: ignore[return-value]


def _widened(published: DateValue, precision: str) -> DateValue:
    if published.precision != "day":
        return dataclasses.replace(published, rule="event:publication")
    day = date.fromisoformat(published.start)
    end = date.fromisoformat(published.end)
    if precision == "week":
        start = day - timedelta(days=PUBLICATION_WEEK_DAYS)
        return DateValue(published.value, "week", start.isoformat(), end.isoformat(),
                         "event:publication")
    first = day.replace(day=1)
    return DateValue(first.isoformat()[:7], "month", first.isoformat(), end.isoformat(),
                     "event:publication")
