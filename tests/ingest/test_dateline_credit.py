"""A wire credit before a row's dateline: the text's date wins over the file's date column."""

from __future__ import annotations

import re

import pytest

from palmyra.ingest import build_document
from palmyra.ingest.records import RawRecord
from palmyra.model import SourceRef

TITLE = "Strikes kill 12 in Idlib Monitor"


@pytest.mark.parametrize(
    ("after_title", "published", "removed"),
    [
        ("AFP Saturday 24 Sep 2016 At least", "2016-09-24", "AFP Saturday 24 Sep 2016"),
        ("Saturday 24 Sep 2016 At least", "2016-09-24", "Saturday 24 Sep 2016"),
        ("UN officials said at least", "2016-09-06", None),  # capitals, but no date: column
    ],
)
def test_dateline_after_title_with_wire_credit(after_title, published, removed):
    text = f"{TITLE} {after_title} 12 people were killed on Saturday."
    record = RawRecord(SourceRef("/f.csv", "1"), text, "csv", title=TITLE, published_hint="9/6/16")
    doc = build_document(record)
    assert doc.published is not None and doc.published.value == published
    cut = [text[s.start : s.end] for s in doc.removed]
    assert (removed in cut) if removed else cut == []


@pytest.mark.parametrize(
    ("opening", "published"),
    [
        ("ADEN, March 14, 2021 (Reuters) - A drone struck a petrol station.", "2021-03-14"),
        ("SANAA, Yemen, Jan. 12, 2024 (AP) — Warplanes struck Sanaa.", "2024-01-12"),
        ("MOSCOW, February 17, 2024 /TASS/ - Troops took the town.", "2024-02-17"),
        ("KURSK, 9 Aug 2024 - RIA Novosti. Units repelled an incursion.", "2024-08-09"),
        ("KHARKIV, Ukraine, May 14 (Reuters) - Troops entered the town.", None),  # no year
        ("MOSCOW, May 21, 2023. /TASS/. The assault units took the city.", "2023-05-21"),
        ("SINGA / SENNAR - June 30, 2024 (Radio Dabanga) - Fighters took Singa.", "2024-06-30"),
        ("EL GENEINA (14 June 2023) - Militiamen attacked the market.", "2023-06-14"),
        ("Aleppo, March 14, 2021. Strikes hit the city.", None),  # a full stop, no agency
        ("Aleppo, March 14, 2021 was a day of strikes.", None),  # no agency and dash: prose
    ],
)
def test_a_wire_dateline_after_its_place_is_the_publication_date(opening, published):
    text = f"Strikes hit the city\n\n{opening} Nine were killed.\n"
    doc = build_document(RawRecord(SourceRef("/w.txt", None), text, "text"))
    assert (doc.published.value if doc.published else None) == published
    place = re.match(r"[A-Z][\w ]*?(?=,| / | \(| -)", opening).group()
    assert place in doc.clean.text  # the wire's place stays in the prose


@pytest.mark.parametrize(
    ("opening", "published"),
    [
        # the year from the latest full date the text writes
        ("KHARKIV, Ukraine, May 14 (Reuters) - Troops attacked, days after an offensive"
         " opened on May 10, 2024.", "2024-05-14"),
        # a day of writing early in January follows a late-December date: the next year
        ("PORT SUDAN, Jan 3 (SUNA) - The army said the strike of December 30, 2024 hit"
         " the depot.", "2025-01-03"),
        ("ADEN, 2 March (AFP) - Gunmen shot an imam, a year after the attack of"
         " 14 February 2018.", "2018-03-02"),
        # no full date anywhere: no year to take, no date
        ("KHARKIV, Ukraine, May 14 (Reuters) - Troops attacked on Tuesday.", None),
    ],
)
def test_a_yearless_wire_dateline_takes_the_year_of_the_texts_dates(opening, published):
    text = f"Strikes hit the city\n\n{opening} Nine were killed.\n"
    doc = build_document(RawRecord(SourceRef("/w.txt", None), text, "text"))
    assert (doc.published.value if doc.published else None) == published


# FA-KES openings (CC BY) whose date line stands after a standfirst, a credit or a site's
# section words, where no reader looked: five gold dev and seven gold train articles had no
# publication date, so their "on Saturday" went unresolved.
@pytest.mark.parametrize(
    ("title", "opening", "published", "removed"),
    [
        ("17 dead as Al-Qaeda attacks Syria Kurd town",
         "17 dead as Al-Qaeda attacks Syria Kurd town After Kurdish militia expelled jihadists"
         " in Ras al-Ain last month Al-Qaeda counters by killing 17 and sending residents pouring"
         " into Turkey AFP Saturday 17 Aug 2013 Al-Qaeda loyalists attacked a mainly Kurdish town",
         "2013-08-17", "Saturday 17 Aug 2013"),
        ("Russian Airstrikes Disrupt Last Remaining Ambulance Service in Rural Aleppo",
         "Print this page Tuesday 19 July 2016 16:45 Russian Airstrikes Disrupt Last Remaining"
         " Ambulance Service in Rural Aleppo. The",
         "2016-07-19", "Tuesday 19 July 2016 16:45"),
        ("Death Toll in Blast Targeting Evacuees From Besieged Towns in Aleppo Rises to 70",
         "Death Toll in Blast Targeting Evacuees From Besieged Towns in Aleppo Rises to 70"
         " REUTERS Social Media Website Middle East 1735 15.04.2017(updated 2033 15.04.2017) A"
         " source told Sputnik that a suicide",
         "2017-04-15", "15.04.2017"),
        ("ISIL Kills Crucifies 5 Syrians in Deir Ezzor",
         "ISIL Kills Crucifies 5 Syrians in Deir Ezzor Middle East Syria Security 31-08-2014 0742"
         " PM Militants of the so-called Islamic State",
         "2014-08-31", "31-08-2014"),
        # prose that writes a weekday's full date: the body's, not a date line
        ("Strikes hit the city", "Troops said on Saturday 17 Aug 2013 that the town fell",
         None, None),
        ("Strikes hit the city", "The town fell. AFP Saturday 17 Aug 2013 said more", None, None),
    ],
)
def test_a_date_line_after_a_standfirst_or_section_words(title, opening, published, removed):
    text = f"{title}\n\n{opening} Nine were killed.\n"
    doc = build_document(RawRecord(SourceRef("/w.txt", None), text, "text"))
    assert (doc.published.value if doc.published else None) == published
    cut = [text[s.start : s.end] for s in doc.removed]
    assert removed is None or any(c.startswith(removed) for c in cut)


def _outlets():
    from palmyra.profiles.load import load_shipped_profiles

    return [o for p in load_shipped_profiles() for o in p.outlets]


@pytest.mark.parametrize(
    ("opening", "outlet"),
    [
        # the wars dev reports' datelines (issue 13): plain text names its outlet nowhere else
        ("ADEN, Oct 9, 2019 (AFP) - Fighting flared.", "AFP"),
        ("KYIV, March 9, 2025 (Ukrainska Pravda) - Russian attacks killed nine.",
         "Ukrainska Pravda"),
        ("MOSCOW, October 9, 2024. /TASS/. Units of the Center group took the village.", "TASS"),
        ("Baghdad, August 26, 2016 (INA) - Units of the army retook the town.", "INA"),
        ("Sat 18 Apr 2020 TRIPOLI (Libya Observer) - Four civilians were killed.",
         "Libya Observer"),
        ("KYIV, Ukraine (AP) - Ukraine and Russia exchanged 190 prisoners.", "AP"),
        # a bare "Saba" is the government's agency (the Yemen profile's outlets say why)
        ("TAIZ, July 30, 2023 (Saba) - A child was killed.", "Saba (Aden)"),
        # the bracket holds the place or the date, not an agency
        ("May 12, 2023 (KHARTOUM) - The two sides signed a declaration.", None),
        ("EL GENEINA (14 June 2023) - Militiamen attacked the market.", None),
        # a source named in prose is no credit
        ("Nine people were killed in Idlib, the Syrian Observatory (SOHR) - a monitor - said.",
         None),
    ],
)
def test_the_agency_a_wire_dateline_credits_is_the_outlet(opening, outlet):
    text = f"Strikes hit the city\n\n{opening} Nine were killed.\n"
    doc = build_document(RawRecord(SourceRef("/w.txt", None), text, "text"), _outlets())
    if outlet == "AP":  # the profiles name the Associated Press either way
        assert doc.outlet in ("AP", "Associated Press")
    else:
        assert doc.outlet == outlet


def test_an_outlet_hint_wins_over_the_dateline_credit():
    text = "Strikes hit the city\n\nADEN, Oct 9, 2019 (AFP) - Fighting flared. Nine died.\n"
    record = RawRecord(SourceRef("/w.csv", "1"), text, "csv", outlet_hint="Reuters")
    assert build_document(record, _outlets()).outlet == "Reuters"
