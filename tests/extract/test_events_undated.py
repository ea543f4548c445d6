"""An undated article's events take the month of its latest explicit full date.

Invented texts: an article without a publication date cites a report of
12 December 2015 and then tells an assault on a town without a date of its
own; it was written on or after that day, so the assault is coded 2015-12.
"""

from __future__ import annotations

from events_fixtures import (  # noqa: F401  (fixtures are found by name in this module)
    Extract,
    extract_fixture,
    syria_with_gazetteer_fixture,
)

from palmyra.model import Event

CONTEXT = ("Government envoys met rebel leaders in Geneva on 3 November 2015, and a monitor"
           " counted the displaced again on 12 December 2015.")
ASSAULT = "Hundreds of Islamic State fighters renewed their assault upon the town of Qaryatayn."
GENERIC = "Islamic State fighters usually attack the town of Qaryatayn at night."
PARTICIPLE = ("Islamic State fighters watched the town of Qaryatayn, previously captured by"
              " the army.")


def _clashes(events: list[Event]) -> list[Event]:
    return [e for e in events if e.sub_event_type == "Armed clash"]


def test_undated_article_dates_the_assault_by_its_latest_full_date(extract: Extract) -> None:
    _, events = extract(f"{CONTEXT}\n\n{ASSAULT}", published=None)
    (assault,) = _clashes(events)
    assert assault.date is not None
    assert (assault.date.value, assault.date.precision, assault.date.rule) == (
        "2015-12", "month", "event:text-anchor")
    assert (assault.date.start, assault.date.end) == ("2015-12-01", "2015-12-31")


def test_published_article_keeps_the_publication_rule(extract: Extract) -> None:
    _, events = extract(f"{CONTEXT}\n\n{ASSAULT}", published="2016-01-20")
    (assault,) = _clashes(events)
    assert assault.date is not None
    assert assault.date.rule == "event:publication"


def test_generic_statement_stays_without_event(extract: Extract) -> None:
    _, events = extract(f"{CONTEXT}\n\n{GENERIC}", published=None)
    assert _clashes(events) == []


def test_participle_naming_an_occurrence_is_not_dated_by_the_text(extract: Extract) -> None:
    _, events = extract(f"{CONTEXT}\n\n{PARTICIPLE}", published=None)
    assert all(e.date is None or e.date.rule != "event:text-anchor" for e in events)


def test_undated_article_without_a_full_date_stays_undated(extract: Extract) -> None:
    _, events = extract(ASSAULT, published=None)
    assert _clashes(events) and all(e.date is None for e in _clashes(events))
