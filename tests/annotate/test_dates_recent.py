"""Spans that run up to the day of writing ("over the past two days", "in recent days", "at
the weekend"): the gold dates what happened over them on the first day, week precision
(gold/GUIDE.md, Dates); they were read as durations, so the event took the paragraph's last
date or the publication's. The sentences are FA-KES's (CC BY)."""

from __future__ import annotations

from datetime import date

import pytest

from palmyra.annotate.dates import find_dates


@pytest.mark.parametrize(
    ("text", "published", "words", "value", "precision"),
    [
        ("Head of the Hama Media center said that the retreat of rebel forces and the consequent"
         " advances of the regime over the past two days were caused by chemical gases.",
         date(2017, 4, 2), "over the past two days", "2017-03-31", "week"),
        ("Also Syrian army have repelled 7 waves of powerful terrorist attacks in the"
         " Southwestern parts of Aleppo in the last 10 days killing over 2200 militants.",
         date(2016, 8, 13), "in the last 10 days", "2016-08-03", "week"),
        ("Aerial bombardment had intensified over the past 48 hours in a bid to cut rebel"
         " supply lines.", date(2015, 7, 20), "over the past 48 hours", "2015-07-18", "week"),
        ("A number of shells from the rebel enclave have hit government-held Damascus in the"
         " past two weeks.", date(2017, 11, 27), "in the past two weeks", "2017-11-13", "week"),
        ("At least 72 civilians including 15 children have been killed and over 325 wounded in"
         " the bombing on Idlib over the past few days.", date(2016, 6, 2),
         "over the past few days", "2016-06-02", "week"),
        ("Hundreds of people fled a southern district of the town where there have been fierce"
         " clashes in recent days.", date(2016, 7, 5), "in recent days", "2016-07-05", "week"),
        # wars dev (Ukrinform): "the past day" is the day before, as "the past 24 hours"
        ("In the Pokrovsk axis, the defence forces repelled 24 attacks by the invaders near"
         " Chasiv Yar and Bohdanivka over the past day.", date(2024, 4, 17), "over the past day",
         "2024-04-16", "day"),
        # a Tuesday's weekend is the Saturday and Sunday before it
        ("Meanwhile the headquarters of Daesh militants inside Manbij was captured as SDF forces"
         " pushed into the western part of the town over the weekend.", date(2016, 7, 19),
         "over the weekend", "2016-07-16", "week"),
        # weeks: the month (GUIDE: "in recent weeks" is the report's month)
        ("Islamic State has swept across northern Iraq in recent weeks.", date(2014, 8, 17),
         "in recent weeks", "2014-08", "month"),
        ("The hardline Sunni militants have gained ground in Syria over the past five weeks.",
         date(2014, 7, 18), "over the past five weeks", "2014-06", "month"),
    ],
)
def test_a_span_up_to_the_report_is_dated_on_its_first_day(text, published, words, value,
                                                           precision):
    got = {text[s:e]: dv for s, e, dv in find_dates(text, published)}
    assert (got[words].value, got[words].precision) == (value, precision)


@pytest.mark.parametrize(
    "text",
    ["Over the past year the front barely moved.", "Rebels held the town for 60 days.",
     "In the last six years the city was besieged twice."],
)
def test_longer_spans_and_bare_durations_stay_no_date(text):
    assert find_dates(text, date(2016, 3, 28)) == []
