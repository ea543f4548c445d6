"""An undated article's day of writing, inferred from an occurrence it tells twice.

Invented texts: one report dates a loss absolutely ("in May 2015"), another
tells the same loss relative to the day of writing ("last year"); the article
was therefore written in 2016, and its undated events take that year.
"""

from __future__ import annotations

from events_fixtures import (  # noqa: F401  (fixtures are found by name in this module)
    Extract,
    extract_fixture,
    syria_with_gazetteer_fixture,
)

from palmyra.model import Event

LOST = "Government troops lost Palmyra to Islamic State fighters in May 2015."
LOST_AGAIN = "Make no mistake: it was the government that lost Palmyra to Islamic State last year."
RECAPTURE = "Analysts on the radio discussed the recapture of Palmyra by pro-government forces."


def _regains(events: list[Event]) -> list[Event]:
    return [e for e in events if e.sub_event_type == "Government regains territory"
            and e.modality in ("asserted", "attributed")]


def test_anchor_from_coreferring_reports_dates_the_recapture(extract: Extract) -> None:
    _, events = extract(f"{RECAPTURE}\n\n{LOST}\n\n{LOST_AGAIN}", published=None)
    (recapture,) = _regains(events)
    assert recapture.date is not None
    assert (recapture.date.value, recapture.date.precision) == ("2016", "year")
    assert recapture.date.rule == "event:anchor"
    # the two tellings of the loss stay one event, dated by its absolute report
    losses = [e for e in events if e.sub_event_type == "Non-state actor overtakes territory"]
    assert len(losses) == 1
    assert losses[0].date is not None and losses[0].date.value == "2015-05"


def test_anchor_resolves_other_relative_expressions(extract: Extract) -> None:
    body = f"{LOST}\n\n{LOST_AGAIN}\n\nRebels shelled the city of Aleppo two years ago."
    _, events = extract(body, published=None)
    (shelling,) = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling.date is not None
    assert (shelling.date.value, shelling.date.precision, shelling.date.rule) == (
        "2014", "year", "event:relative")


def test_disagreeing_coreferences_infer_nothing(extract: Extract) -> None:
    # "last year" fits a loss in May 2015 (written 2016) and one in 2014 (written 2015)
    body = (f"{RECAPTURE}\n\n{LOST}\n\nGovernment troops had lost Palmyra to Islamic State"
            f" fighters in 2014 too.\n\n{LOST_AGAIN}")
    _, events = extract(body, published=None)
    assert [e.date for e in _regains(events)] == [None]  # kept, and no date is inferred
    assert all(e.date is None or e.date.rule not in ("event:anchor", "event:relative")
               for e in events)


def test_no_coreference_infers_nothing(extract: Extract) -> None:
    _, events = extract(f"{RECAPTURE}\n\n{LOST}", published=None)
    assert [e.date for e in _regains(events)] == [None]  # kept, and no date is inferred


def test_publication_date_leaves_dating_unchanged(extract: Extract) -> None:
    _, events = extract(f"{RECAPTURE}\n\n{LOST}\n\n{LOST_AGAIN}", published="2017-01-10")
    (recapture,) = _regains(events)
    assert recapture.date is not None
    assert recapture.date.rule == "event:publication"
    assert all(e.date is None or e.date.rule not in ("event:anchor", "event:relative")
               for e in events)
