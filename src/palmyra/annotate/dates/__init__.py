"""Temporal expressions, found with patterns and resolved against the article's date.

News prose dates events mostly relative to publication ("Sunday", "last week",
"on 2 March", "the 23rd"), and general date parsers resolve those against
today's date or not at all. So the expressions are recognised here with
patterns built from ``resources/temporal_words.tsv`` and resolved by explicit
rules; today's date is never used and dateparser is not needed (every absolute
form the patterns accept is unambiguous). spaCy's DATE entities are not used to
find dates; spaCy only vetoes weak candidates (``date_mentions``).

Anchor cascade, tried in order for each expression that needs one:

1. the ``anchor`` given (the publication date);
2. without one, the latest explicit full date ("27 February 2017") earlier in the
   text, since articles cite sources dated shortly before they appear;
3. with ``fallback_anchor``, the latest explicit full date anywhere in the text,
   for relative expressions that come before the first full date;
4. otherwise the expression is left out: no anchor means no guess. Those
   that are a fixed offset from the day of writing ("last year" = year -1)
   are still listed, with their offset, by ``relative_offsets``: the event
   extractor can infer the anchor from an occurrence the text also dates
   absolutely (``palmyra.extract.events.anchor``).

An inferred anchor (2, 3), or a published date coarser than a day, only
approximates the day of writing, so a value that depends on the anchor's day
("Sunday", "yesterday", "last week") is widened one step (day -> week,
week -> month); a value that takes only the year from the anchor ("on 2 March",
"in April") keeps its precision. The rule name records the source: ``@text``
for 2, ``@doc`` for 3, nothing for the published date.

Conventions:
- Past by default: a year-less date takes the anchor's year unless that puts it
  more than ``tolerance_days`` after the anchor (then the year before); a bare
  month takes the anchor's year unless it starts after the anchor. A future cue
  (``future_cue`` words such as "will", "could" in the few words before) flips
  the search forward.
- Weeks run Monday to Sunday; a week's ``value`` is its Thursday (gold:
  "last week" in the article of Monday 28 March 2016 is 2016-03-24).
- "mid-November" is month precision with the range 11-20 (early 1-10, late
  21-end); a season is northern meteorological, its ``value`` the middle month
  ("the summer of 2015" is 2015-07, June to August), as ``palmyra.evaluate``
  reads it; "the 1990s" is year precision with ``value`` "1990" and the decade
  as its range (the model has no decade precision).
- "days later", "the next day" count from the last resolved day or week in the
  text; "the 23rd" takes its month from the last resolved day or month, else
  the anchor's, and is never after the anchor.
- Durations ("for 60 days", "five-year-old war", "the past year") are not
  dates and are not returned, except a span of hours, days or weeks running up to the
  anchor ("over the past two days", "in recent days", "at the weekend"), dated on its
  first day at week precision (weeks beyond two: the month it starts in); the
  patterns that need it recognise the others only to keep them from being read as
  dates. ``numbers.find_numbers`` gives their
  counts a time unit ("60 days" -> 60, unit "day").
"""

from palmyra.annotate.dates.find import (
    RULE,
    date_mentions,
    find_dates,
    relative_offsets,
    spacy_veto,
)
from palmyra.annotate.dates.relative import RelativeOffset, shift_period

__all__ = [
    "RULE",
    "RelativeOffset",
    "date_mentions",
    "find_dates",
    "relative_offsets",
    "shift_period",
    "spacy_veto",
]
