"""Article text is hostile input: a count of days or years that leaves the calendar gives no
date, never an exception that stops the document (``date``/``timedelta`` raise beyond years
1 to 9999)."""

from __future__ import annotations

import pytest

from palmyra.annotate.dates import find_dates
from palmyra.model import DateValue

PUBLISHED = DateValue("2016-03-28", "day", "2016-03-28", "2016-03-28", "test")


@pytest.mark.parametrize(
    "text",
    [
        "Fighting over the past 1,000,000 days killed many.",
        "Fighting over the past 99999999999999 weeks killed many.",
        "The town fell 1,000,000 days ago.",
        "The town fell 3,000 years ago.",
    ],
)
def test_a_count_beyond_the_calendar_gives_no_date(text: str) -> None:
    assert find_dates(text, PUBLISHED) == []


def test_a_plausible_count_still_dates() -> None:
    found = find_dates("Fighting over the past two days killed many.", PUBLISHED)
    assert [dv.value for _, _, dv in found] == ["2016-03-26"]


def test_an_event_counted_back_beyond_the_calendar_keeps_its_own_date() -> None:
    from palmyra.api import analyze_text

    result = analyze_text("Title\n\nRebels shelled Aleppo on Monday. The raid comes 1,000,000 days"
                          " after jets hit a convoy in Idlib.", profile="syria")
    assert result.events  # analysed to the end: no OverflowError
