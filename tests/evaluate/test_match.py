"""Matching rules (gold/SCHEMA.md "Matching") and the micro-averaged scores built on them."""

from __future__ import annotations

import pytest

from palmyra.evaluate.dates import interval
from palmyra.evaluate.match import assign, match
from palmyra.evaluate.places import place_similarity
from palmyra.evaluate.score import score_gold

from .records import gold_article, gold_event, pred_event, record


def _kinds(golds, records):
    return score_gold(golds, records)["kinds"]


@pytest.mark.parametrize(
    ("pred", "gold", "matched"),
    [
        ({}, {}, True),
        ({"sub_event_type": "Shelling/artillery/missile attack"}, {}, False),
        ({"event_type": "Battles"}, {}, True),  # the sub-type decides, the type is a field
        ({"location": "Mar'a"}, {"location": "Marea"}, True),
        ({"location": "Deir Ezzor"}, {"location": "Deir ez-Zor"}, True),
        ({"location": "Tadmur"}, {"location": "Palmyra"}, True),
        ({"location": "ar-Raqqah"}, {"location": "Raqqa"}, True),
        ({"location": "Homs"}, {"location": "Hama"}, False),
        ({"location": "Baghdad"}, {"location": "al-Baghdadi"}, False),
        ({"location": None}, {"location": "Marea"}, False),
        ({"location": "Mar'a", "geonameid": 170000}, {"location": "Marea"}, True),
        ({"geonameid": 1}, {"geonameid": 2}, False),
        # day vs month: the day must lie in the month
        ({"date": "2016-03", "date_precision": "month"}, {}, True),
        ({"date": "2016-04", "date_precision": "month"}, {}, False),
        # week = the 7-day window centred on its day
        ({"date": "2016-03-24", "date_precision": "week"}, {}, True),
        ({"date": "2016-03-30", "date_precision": "week"}, {}, True),
        ({"date": "2016-03-23", "date_precision": "week"}, {}, False),
        ({"date": "2016-03-21", "date_precision": "week"},
         {"date": "2016-03-27", "date_precision": "week"}, True),
        ({"date": "2016-03-20", "date_precision": "week"},
         {"date": "2016-03-27", "date_precision": "week"}, False),
        ({"date": "2016", "date_precision": "year"}, {}, True),
        ({"date": "2015", "date_precision": "year"}, {}, False),
        ({"date": "2016-03-26"}, {}, False),
        # an undated side does not block a match (the date field is then wrong)
        ({"date": None, "date_precision": None}, {}, True),
        ({}, {"date": None, "date_precision": None}, True),
    ],
)
def test_match_events_rules(pred, gold, matched):
    pairs = match([pred_event(**pred)], [gold_event(**gold)], "events")
    assert pairs == ([(0, 0)] if matched else [])


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Marea", "Mar'a", True),
        ("Deir ez-Zor", "Deir Ezzor", True),
        ("Palmyra", "Tadmor", True),
        ("Aleppo", "Halab", True),
        ("Manbij", "Menbij", True),
        ("Khan Shaykhun", "Khan Sheikhoun", True),
        ("Jisr al-Shughur", "Jisr ash-Shugur", True),  # fuzzy, long names only
        ("Idlib province", "Idlib", True),
        ("Ḥamāh", "Hama", True),
        ("Manbij", "Marea", False),
        ("Damascus", "Daraa", False),
        ("Hit", "Homs", False),
        # the article glued to its noun (Orient News, FA-KES): the same place
        ("Khan Alsibil", "Khan al-Sabil", True),
        ("Maaret Alnouman", "Maarat al-Numan", True),
        ("Alzorba", "al-Zirbah", True),
        ("Qibtan Aljabal", "Qabtan al-Jabal", True),
        # ... but no word merely starting with "al" loses it
        ("Aleppo", "Eppo", False),
        ("Albu Kamal", "Bu Kamal", False),
        ("Alsibil", "Khan al-Sabil", False),
    ],
)
def test_places_spelling_variants(a, b, same):
    assert (place_similarity(a, b) > 0) is same


@pytest.mark.parametrize(
    ("value", "precision", "days"),
    [
        ("2016-03-27", "day", ("2016-03-27", "2016-03-27")),
        ("2016-03-27", "week", ("2016-03-24", "2016-03-30")),
        ("2016-02", "month", ("2016-02-01", "2016-02-29")),
        ("2016-01", "season", ("2015-12-01", "2016-02-29")),
        ("2016", "year", ("2016-01-01", "2016-12-31")),
        ("2017-02", None, ("2017-02-01", "2017-02-28")),
    ],
)
def test_dates_interval(value, precision, days):
    start, end = interval(value, precision)
    assert (start.isoformat(), end.isoformat()) == days


def test_match_two_predictions_for_one_gold_event_is_one_tp_one_fp():
    gold = [gold_article("a.txt", events=[gold_event()])]
    pred = [record("a.txt", events=[pred_event(), pred_event(location="Mar'a")])]
    assert _kinds(gold, pred)["events"] == {
        "tp": 1, "fp": 1, "fn": 0, "precision": 0.5, "recall": 1.0, "f1": 2 / 3,
    }


def test_match_keeps_the_better_place_for_a_prediction():
    golds = [gold_event(location="Manbij"), gold_event(location="Marea")]
    assert match([pred_event(location="Mar'a")], golds, "events") == [(0, 1)]


def test_match_assign_is_maximum_not_greedy():
    # greedy would give gold 1 to prediction 0 (its best) and leave prediction 1 unmatched
    assert assign([[0.9, 0.95], [0.0, 0.5]]) == [(0, 0), (1, 1)]


def test_match_skips_events_the_gold_cannot_hold():
    gold = [gold_article("a.txt", events=[gold_event()])]
    pred = [record("a.txt", events=[pred_event(), pred_event(modality="planned"),
                                    pred_event(modality="hypothetical")])]
    assert _kinds(gold, pred)["events"]["fp"] == 0


def test_match_event_fields_scored_over_matched_pairs():
    gold = [gold_article("a.txt", events=[
        gold_event(),
        gold_event(location="Manbij", fatalities=12, actor2="Islamic State"),
    ])]
    pred = [record("a.txt", events=[
        pred_event(date="2016-03", date_precision="month"),  # matches; date field wrong
        pred_event(location="Menbij", fatalities=12, actor2="islamic  state"),
        pred_event(location="Aleppo"),  # unmatched: not in the field scores
    ])]
    fields = score_gold(gold, pred)["fields"]["events"]
    assert {name: (f["correct"], f["total"]) for name, f in fields.items()} == {
        "event_type": (2, 2), "sub_event_type": (2, 2), "date": (1, 2), "location": (2, 2),
        "actor1": (2, 2), "actor2": (2, 2), "fatalities": (2, 2), "injured": (2, 2),
    }


@pytest.mark.parametrize(
    ("pred", "gold", "matched"),
    [
        # text overlap: the gold has 10 characters, half is 5
        ({"text": "abcde and more"}, {"text": "abcdefghij"}, True),
        ({"text": "abcd and more"}, {"text": "abcdefghij"}, False),
        ({"text": "He said: abcdefghij, twice"}, {"text": "abcdefghij"}, True),
        ({"text": "abcdefghij"}, {"text": "abcdefghij\n\n"}, True),
        # offsets when both sides have spans: gold [10, 20)
        ({"text": "x", "span": [15, 30]}, {"text": "y", "span": [10, 20]}, True),
        ({"text": "x", "span": [16, 30]}, {"text": "y", "span": [10, 20]}, False),
        ({"text": "abcdefghij", "span": [0, 10]}, {"text": "abcdefghij"}, True),
    ],
)
def test_match_quotes_overlap_at_least_half_the_gold(pred, gold, matched):
    pairs = match([{"speaker": None, **pred}], [{"speaker": None, **gold}], "quotes")
    assert pairs == ([(0, 0)] if matched else [])


SPLIT = ("We will not leave the city", "until the last fighter is gone")


def test_match_split_quote_as_one_prediction_finds_one_half():
    gold = [gold_article("a.txt", quotes=[{"text": t, "speaker": "Jane Roe"} for t in SPLIT])]
    joined = f"{SPLIT[0]}, she said, {SPLIT[1]}"
    pred = [record("a.txt", quotes=[{"text": joined, "speaker": "Jane Roe", "direct": True}])]
    assert _kinds(gold, pred)["quotes"] == {
        "tp": 1, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.5, "f1": 2 / 3,
    }


def test_match_split_quote_as_two_predictions_finds_both_and_scores_speakers():
    gold = [gold_article("a.txt", quotes=[{"text": t, "speaker": "Jane Roe"} for t in SPLIT])]
    pred = [record("a.txt", quotes=[
        {"text": SPLIT[1], "speaker": "jane roe", "direct": True},  # exact name: wrong
        {"text": SPLIT[0], "speaker": "Jane Roe", "direct": True},
        {"text": "the city", "speaker": None, "direct": False},  # indirect: not scored
    ])]
    result = score_gold(gold, pred)
    assert result["kinds"]["quotes"]["f1"] == 1.0
    assert result["fields"]["quotes"]["speaker"] == {"correct": 1, "total": 2, "accuracy": 0.5}


@pytest.mark.parametrize(
    ("pred", "gold", "matched"),
    [
        ({"outlet": "reuters", "date": "2017-02-27"}, {"outlet": "Reuters", "date": "2017-02-27"},
         True),
        ({"outlet": "Reuters", "date": "2017-02-26"}, {"outlet": "Reuters", "date": "2017-02-27"},
         False),
        ({"outlet": "Reuters", "date": "2017-02"}, {"outlet": "Reuters", "date": "2017-02-27"},
         True),
        ({"outlet": "Reuters", "date": None}, {"outlet": "Reuters", "date": "2017-02-27"}, False),
        ({"outlet": "Reuters", "date": "2011-01-01"}, {"outlet": "Reuters", "date": None}, True),
        ({"outlet": "Guardian", "date": None}, {"outlet": "The Guardian", "date": None}, True),
        ({"outlet": "AP", "date": None}, {"outlet": "Reuters", "date": None}, False),
        ({"outlet": None, "date": None}, {"outlet": "Reuters", "date": None}, False),
    ],
)
def test_match_citations_on_outlet_and_gold_date(pred, gold, matched):
    pairs = match([{"title": None, **pred}], [{"title": None, "evidence": "", **gold}],
                  "citations")
    assert pairs == ([(0, 0)] if matched else [])


def test_score_micro_averages_over_articles():
    # a: 1 gold, 1 right prediction. b: 3 gold, 1 wrong prediction.
    # Micro: tp 1, fp 1, fn 3 -> P 1/2, R 1/4, F1 2/6. (Macro would give R (1 + 0)/2.)
    golds = [
        gold_article("a.txt", events=[gold_event()]),
        gold_article("b.txt", events=[gold_event(location=p) for p in ("Homs", "Hama", "Idlib")]),
    ]
    records = [
        record("a.txt", events=[pred_event()]),
        record("b.txt", events=[pred_event(location="Daraa")]),
        record("other.txt", events=[pred_event()]),  # no gold file: not scored
    ]
    result = score_gold(golds, records)
    assert result["kinds"]["events"] == {
        "tp": 1, "fp": 1, "fn": 3, "precision": 0.5, "recall": 0.25, "f1": 1 / 3,
    }
    assert [a["events"] for a in result["articles"]] == [
        {"tp": 1, "fp": 0, "fn": 0}, {"tp": 0, "fp": 1, "fn": 3},
    ]


def test_score_empty_kind_has_no_ratio_rather_than_a_made_up_one():
    result = score_gold([gold_article("a.txt")], [record("a.txt")])
    assert result["kinds"]["citations"] == {
        "tp": 0, "fp": 0, "fn": 0, "precision": None, "recall": None, "f1": None,
    }
    assert result["fields"]["events"]["date"]["accuracy"] is None


def test_score_missing_article_counts_as_missed():
    golds = [gold_article("a.txt", events=[gold_event()]), gold_article("b.txt")]
    result = score_gold(golds, [record("b.txt")])
    assert result["missing"] == ["a.txt"]
    assert result["kinds"]["events"]["fn"] == 1
    assert result["metadata"]["title"] == {"correct": 1, "total": 2, "accuracy": 0.5}


def test_score_joins_records_by_any_source_name():
    gold = [gold_article("copy.txt", events=[gold_event()])]
    pred = [record("first.txt", sources=["first.txt", "copy.txt"], events=[pred_event()])]
    assert _kinds(gold, pred)["events"]["tp"] == 1


@pytest.mark.parametrize(
    ("pred", "right"),
    [
        ({}, {"title", "outlet", "author", "published", "body_end"}),
        ({"title": "JETS  strike Marea", "outlet": "the example news"},
         {"title", "outlet", "author", "published", "body_end"}),
        ({"title": "Jets strike Marea again", "author": "A. Writer", "published": "2016-03"},
         {"outlet", "body_end"}),
        ({"body_end": 1200}, {"title", "outlet", "author", "published", "body_end"}),
        ({"body_end": 1201}, {"title", "outlet", "author", "published"}),
        ({"body_end": None}, {"title", "outlet", "author", "published"}),
    ],
)
def test_score_metadata_fields(pred, right):
    gold = gold_article("a.txt", body_end=1000) if "body_end" in pred else gold_article("a.txt")
    metadata = score_gold([gold], [record("a.txt", **pred)])["metadata"]
    assert {name for name, acc in metadata.items() if acc["correct"]} == right


def test_place_names_scored_on_the_shared_normaliser() -> None:
    """The scoring's names go through the gazetteer's normaliser, with its own folds on top."""
    from palmyra.annotate.place_names import words
    from palmyra.evaluate.places import place_tokens, skeleton

    assert place_tokens("Deir ez-Zor Governorate") == [w for w in words("Deir ez-Zor") if w != "ez"]
    assert skeleton("Idlib") == skeleton("Edleb") and skeleton("Kobani") == skeleton("Kobane")
    assert skeleton("Hasakah") == skeleton("Hasakeh") == skeleton("Hasaka")
    assert skeleton("al-Baghdadi") != skeleton("Baghdad")
    assert skeleton("As-Suwayda") != skeleton("Shaddadi")  # the gazetteer's folds would join them
