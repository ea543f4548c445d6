"""FA-KES agreement: reading the file, the main event, governorates, dates, actors, duplicates."""

from __future__ import annotations

from datetime import date

import pytest

from palmyra.errors import InputError
from palmyra.evaluate.fakes import (
    FakesRow,
    agreement,
    fakes_actor,
    fakes_cause,
    load_fakes,
    main_event,
    same_governorate,
    score_fakes,
    title_numbers,
)

from .records import pred_event, record

HEADER = ("unit_id,article_title,article_content,source,date,location,actor,cause_of_death,"
          "nb_children,nb_civilians,nb_noncivilians,nb_women,label\n")


def _row(unit, when, place, actor="unknown", civilians=0, others=0):
    return (f'{unit},A title,"Body, with \x95\x81 bytes",sana,{when},{place},{actor},shelling,'
            f"0,{civilians},{others},0,1\n")


def _csv(tmp_path, *rows, header=HEADER):
    path = tmp_path / "fakes.csv"
    path.write_bytes((header + "".join(rows)).encode("latin-1"))
    return path


def _truth(**fields):
    base = {"unit_id": "1", "date": date(2016, 11, 18), "location": "aleppo",
            "actor": "unknown", "killed": 5}
    return FakesRow(**{**base, **fields})


def test_fakes_load_groups_duplicate_unit_ids(tmp_path):
    path = _csv(
        tmp_path,
        _row(1926479049, "11/18/16", "damascus", "armed opposition groups", 1),
        _row(1926479049, "11/18/2016", "aleppo", "armed opposition groups", 5),
        _row(1914947530, "4/5/17", "idlib",
             "the organization of the islamic state in iraq and the levant - isis", 70, 4),
    )
    rows = load_fakes(path)
    assert [(r.location, r.date, r.killed) for r in rows["1926479049"]] == [
        ("damascus", date(2016, 11, 18), 1), ("aleppo", date(2016, 11, 18), 5),
    ]
    assert rows["1914947530"] == [
        FakesRow("1914947530", date(2017, 4, 5), "idlib", "ISIS", 74, "shelling")]


def test_fakes_load_zenodo_file_without_crowd_columns(tmp_path):
    path = _csv(tmp_path, '7,T,"text",sana,4/5/2017,idlib,1\n',
                header="unit_id,article_title,article_content,source,date,location,labels\n")
    assert load_fakes(path)["7"] == [FakesRow("7", date(2017, 4, 5), "idlib", None, None)]


@pytest.mark.parametrize(
    ("header", "rows", "message"),
    [
        (HEADER, [_row(5, "18/11/2016", "aleppo")], r"row 1 \(unit_id 5\): date: '18/11/2016'"),
        (HEADER, [_row(5, "2016-11-18", "aleppo")], "cannot read '2016-11-18' as m/d/yy"),
        (HEADER, [_row(5, "1/1/16", "aleppo"), _row(6, "1/1/16", "aleppo", civilians="ten")],
         r"row 2 \(unit_id 6\): nb_civilians: 'ten' is not a count"),
        ("unit_id,title,text\n", [], "not a FA-KES file: no column date, location"),
    ],
)
def test_fakes_load_errors_name_the_row(tmp_path, header, rows, message):
    with pytest.raises(InputError, match=message):
        load_fakes(_csv(tmp_path, *rows, header=header))


def test_fakes_load_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such FA-KES file"):
        load_fakes(tmp_path / "absent.csv")


@pytest.mark.parametrize(
    ("events", "chosen"),
    [
        ([], None),
        ([pred_event(location="Mosul", country="Iraq")], None),
        ([pred_event(location="Mosul", country="Iraq"), pred_event(location="Homs")], "Homs"),
        ([pred_event(location="Homs", modality="planned"), pred_event(location="Hama")], "Hama"),
        ([pred_event(location="Homs", modality="attributed")], "Homs"),
        ([pred_event(location="Homs"), pred_event(location="Hama", fatalities=3)], "Hama"),
        ([pred_event(location="Homs", fatalities=0), pred_event(location="Hama")], "Homs"),
        # text order comes from the evidence spans, not the list order
        ([pred_event(location="Homs", spans=[[90, 99]]),
          pred_event(location="Hama", spans=[[10, 20]])], "Hama"),
        ([pred_event(location="Homs", fatalities=2, spans=[[90, 99]]),
          pred_event(location="Hama", fatalities=9, spans=[[10, 20]])], "Hama"),
    ],
)
def test_fakes_main_event_choice(events, chosen):
    event = main_event(events)
    assert (event["location"] if event else None) == chosen


@pytest.mark.parametrize(
    ("events", "chosen"),
    [
        # the toll the headline gives wins over an earlier toll
        ([pred_event(location="Homs", fatalities=3, spans=[[10, 20]]),
          pred_event(location="Hama", fatalities=22, spans=[[90, 99]])], "Hama"),
        # the news (within two days of publication) wins over the back story
        ([pred_event(location="Homs", fatalities=200, date="2013-08", date_precision="month",
                     spans=[[10, 20]]),
          pred_event(location="Hama", spans=[[90, 99]])], "Hama"),
        ([pred_event(location="Homs", fatalities=5, date="2016-03-20", spans=[[10, 20]]),
          pred_event(location="Hama", fatalities=5, date="2016-03-27", spans=[[90, 99]])],
         "Hama"),
        # of equals, one resolved to its governorate wins over a country-level one
        ([pred_event(location="Syria", admin1=None, fatalities=5, spans=[[10, 20]]),
          pred_event(location="Hass", admin1="Idlib", fatalities=5, spans=[[90, 99]])], "Hass"),
    ],
)
def test_fakes_main_event_headline_news_and_governorate(events, chosen):
    event = main_event(events, title="Air strikes kill Twenty-Two, 22 in Syria",
                       published="2016-03-28")
    assert event is not None and event["location"] == chosen


def test_fakes_main_event_unplaced_but_with_the_headline_toll():
    """An event the extractor failed to place is still the article's when it carries the
    headline's toll; placed in Syria it would win, and without that toll it never counts."""
    unplaced = pred_event(location=None, admin1=None, country=None, fatalities=22,
                          spans=[[10, 20]])
    other = pred_event(location="Homs", admin1="Homs", fatalities=3, spans=[[90, 99]])
    title = "22 dead in heavy US raids on IS Syria stronghold"
    chosen = main_event([unplaced, other], title=title, published="2016-03-28")
    assert chosen is not None and chosen["fatalities"] == 22
    assert agreement(chosen, [_truth(killed=22)])["place"] is False
    placed = pred_event(location="Raqqa", admin1="Raqqa", fatalities=22, spans=[[50, 60]])
    assert main_event([unplaced, placed], title=title)["location"] == "Raqqa"
    assert main_event([dict(unplaced, fatalities=5), other], title=title)["location"] == "Homs"
    assert main_event([dict(unplaced, fatalities=None)], title=title) is None


def test_fakes_title_numbers():
    assert title_numbers("Ten civilians killed, 1,300 hurt in 2 raids") == {10, 1300, 2}
    assert title_numbers(None) == set()


@pytest.mark.parametrize(
    ("ours", "theirs", "same"),
    [
        ("Deir ez-Zor", "deir ezzor", True),
        ("Al-Hasakah", "hasakeh", True),
        ("Latakia", "lattakia", True),
        ("Tartus", "tartous", True),
        ("Ar-Raqqah", "raqqa", True),
        ("Quneitra", "quneitra", True),
        ("Damascus", "damascus", True),
        ("Dimashq", "damascus", True),  # the gazetteer's admin1 name
        ("Rif-dimashq", "damascus", True),  # FA-KES has no Rif Dimashq
        ("Rural Damascus", "damascus", True),
        ("Damascus", "daraa", False),
        ("Homs", "hama", False),
        (None, "aleppo", False),
    ],
)
def test_fakes_governorate_spellings(ours, theirs, same):
    assert same_governorate(ours, theirs) is same


@pytest.mark.parametrize(
    ("canonical", "value"),
    [
        ("Military Forces of Syria", "syrian government or russian troops"),
        ("Military Forces of Russia", "syrian government or russian troops"),
        ("Islamic State", "ISIS"),
        ("Military Forces of the United States", "international coalition forces"),
        ("Syrian Democratic Forces", "self administration forces"),
        ("Jabhat al-Nusra", "al-nusra front"),
        ("Hayat Tahrir al-Sham", "al-nusra front"),
        ("Free Syrian Army", "armed opposition groups"),
        (None, "unknown"),
        ("Unidentified Armed Group (Syria)", "unknown"),  # the generic layer's "gunmen"
        # a state of the anti-IS coalition is the coalition's; Iran's militias fight for the
        # government; a side outside the seven is what the crowd's form left: "unknown"
        ("Military Forces of Turkey", "international coalition forces"),
        ("Military Forces of Jordan", "international coalition forces"),
        ("Iranian militias", "syrian government or russian troops"),
        ("Military Forces of Israel", "unknown"),
        # the coalition against IS is no IS; the opposition's coalition is no coalition force
        ("Global Coalition Against Daesh", "international coalition forces"),
        ("Syrian National Coalition", "armed opposition groups"),
        ("People's Protection Units", "self administration forces"),
        ("Hezbollah", "syrian government or russian troops"),
        ("Military Forces of Iran", "syrian government or russian troops"),
    ],
)
def test_fakes_actor_mapping(canonical, value):
    assert fakes_actor(canonical) == value


@pytest.mark.parametrize(
    ("event", "right"),
    [
        ({"date": "2016-11-17"}, True),
        ({"date": "2016-11-19"}, True),
        ({"date": "2016-11-16"}, False),
        ({"date": "2016-11-21", "date_precision": "week"}, False),
        ({"date": "2016-11-19", "date_precision": "week"}, True),
        ({"date": "2016-11", "date_precision": "month"}, False),
        ({"date": None, "date_precision": None}, False),
    ],
)
def test_fakes_date_within_one_day(event, right):
    assert agreement(pred_event(**event), [_truth()])["date"] is right


@pytest.mark.parametrize(
    ("fatalities", "exact", "close"),
    [(100, True, True), (110, False, True), (90, False, True), (111, False, False),
     (None, False, False)],
)
def test_fakes_casualties_exact_and_within_ten_percent(fatalities, exact, close):
    result = agreement(pred_event(fatalities=fatalities), [_truth(killed=100)])
    assert (result["fatalities_exact"], result["fatalities_within_10pct"]) == (exact, close)


def test_fakes_none_fatalities_agree_with_zero():
    result = agreement(pred_event(fatalities=None), [_truth(killed=0)])
    assert result["fatalities_exact"] and result["fatalities_within_10pct"]


def test_fakes_duplicate_rows_any_one_agrees():
    rows = [_truth(location=p, killed=k, actor=a) for p, k, a in
            [("damascus", 1, "unknown"), ("aleppo", 5, "ISIS"), ("homs", 3, "unknown")]]
    event = pred_event(admin1="Homs", location="Homs", fatalities=5, actor1="Islamic State",
                       date="2016-11-18")
    assert agreement(event, rows) == {
        "place": True, "date": True, "actor": True,
        "fatalities_exact": True, "fatalities_within_10pct": True,
    }


def test_fakes_leaves_out_fields_the_file_lacks():
    assert set(agreement(pred_event(), [_truth(actor=None, killed=None)])) == {"place", "date"}


def test_fakes_score_coverage_apart_from_accuracy(tmp_path):
    rows = load_fakes(_csv(
        tmp_path,
        _row(11, "3/27/16", "homs", "syrian government or russian troops", 10, 2),
        _row(12, "3/27/16", "aleppo"),
        _row(12, "3/27/16", "idlib"),
        _row(13, "3/27/16", "raqqa"),
    ))
    records = [
        # right place, date and actor; 12 dead
        record("fakes.csv#11", events=[pred_event(
            location="Tadmur", admin1="Homs", actor1="Military Forces of Syria", fatalities=12)]),
        # the Zenodo copy of row 12: wrong place (Hama), a day late
        record("FA-KES-Dataset.csv#12", events=[pred_event(
            location="Hama", admin1="Hama", date="2016-03-28", fatalities=3)]),
        # no event in Syria: counts for coverage only
        record("fakes.csv#13", events=[pred_event(location="Mosul", country="Iraq")]),
        record("other.txt", events=[pred_event()]),  # not a FA-KES article
        record("fakes.csv#99", events=[pred_event()]),  # not a unit id of this file
    ]
    result = score_fakes(rows, records)
    assert (result["rows"], result["unit_ids"]) == (4, 3)
    assert (result["articles"], result["with_main_event"], result["coverage"]) == (3, 2, 2 / 3)
    assert {k: (v["correct"], v["total"]) for k, v in result["accuracy"].items()} == {
        "place": (1, 2), "date": (2, 2), "actor": (1, 2), "cause": (2, 2),
        "fatalities_exact": (1, 2), "fatalities_within_10pct": (1, 2),
    }


@pytest.mark.parametrize(
    ("sub_type", "evidence", "cause"),
    [
        ("Air/drone strike", "Jets struck Douma", "shelling"),
        ("Shelling/artillery/missile attack", "mortar shells hit", "shelling"),
        ("Suicide bomb", "a suicide bomber blew himself up", "explosion"),
        ("Chemical weapon", "a gas attack", "chemical and toxic gases"),
        ("Air/drone strike", "helicopters dropped chlorine barrels", "chemical and toxic gases"),
        ("Air/drone strike", "jets bombed the market", "shelling"),  # the sub-type names it
        ("Armed clash", "clashes broke out", "unknown"),  # no weapon named: the crowd's unknown
        ("Armed clash", "a sniper opened fire on the checkpoint", "shooting"),
        ("Attack", "IS executed 33 young men", "execution"),
        ("Attack", "terrorists fired mortar shells at the neighbourhood", "shelling"),
        ("Attack", "gunmen stormed the village", "shooting"),
        ("Non-state actor overtakes territory", "IS seized the town", "unknown"),
    ],
)
def test_fakes_cause_of_death_from_the_sub_type(sub_type, evidence, cause):
    event = pred_event(sub_event_type=sub_type, evidence=evidence)
    assert fakes_cause(event) == cause
    truth = [FakesRow("1", date(2016, 3, 27), "aleppo", None, None, cause)]
    assert agreement(event, truth)["cause"] is True


@pytest.mark.parametrize(
    ("sub_type", "evidence", "title", "cause"),
    [
        # the clause names no means: the headline's means is the article's event's
        ("Armed clash", "fighting erupted near the air base",
         "Rebel shelling kills four civilians in Damascus", "shelling"),
        ("Attack", "regime forces killed 10 children of alleged rebels",
         "Syria forces execute 10 children of alleged rebels Monitor", "execution"),
        ("Air/drone strike", "a helicopter hit the town of Saraqeb",
         "Toxic gas dropped on Syrian town", "chemical and toxic gases"),
        # the evidence's own means wins over the headline's
        ("Attack", "gunmen opened fire on a checkpoint", "Car bomb kills 12 in Homs",
         "shooting"),
        # a headline naming no means leaves the sub-type's default
        ("Armed clash", "clashes raged in the old city", "Dozens dead in Aleppo", "unknown"),
    ],
)
def test_fakes_cause_of_death_from_the_headline(sub_type, evidence, title, cause):
    event = pred_event(sub_event_type=sub_type, evidence=evidence)
    assert fakes_cause(event, title) == cause
    truth = [FakesRow("1", date(2016, 3, 27), "aleppo", None, None, cause)]
    assert agreement(event, truth, title)["cause"] is True
