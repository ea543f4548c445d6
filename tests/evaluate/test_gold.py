"""Gold files: a folder is read in name order, and every malformed field is named."""

from __future__ import annotations

import copy
import json

import pytest

from palmyra.errors import InputError
from palmyra.evaluate.gold import GoldError, load_gold

from .records import gold_article, gold_event

GOOD = gold_article(
    "a.txt",
    notes="annotator notes are allowed",
    events=[gold_event()],
    quotes=[{"text": "We stay", "speaker": "Jane Roe", "span": [4, 11]}],
    citations=[{"outlet": "Reuters", "title": None, "date": "2017-02", "evidence": "Reuters"}],
)


def _write(folder, data, name="a.txt.gold.json"):
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_gold_loads_folder_in_name_order(tmp_path):
    _write(tmp_path, {**GOOD, "doc": "b.txt"}, "b.txt.gold.json")
    _write(tmp_path, GOOD)
    (tmp_path / "a.txt").write_text("the article itself is not a gold file")
    assert [g["doc"] for g in load_gold(tmp_path)] == ["a.txt", "b.txt"]


def test_gold_missing_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="absent: no such folder of gold files"):
        load_gold(tmp_path / "absent")


def test_gold_empty_folder_is_an_error(tmp_path):
    with pytest.raises(GoldError, match=r"no \*\.gold\.json files"):
        load_gold(tmp_path)


def _with(path: str, value):
    """GOOD with the field at ``path`` (``events.0.date``) set, or removed for ``...``."""
    data = copy.deepcopy(GOOD)
    *parents, last = path.split(".")
    target = data
    for key in parents:
        target = target[int(key) if key.isdigit() else key]
    key = int(last) if last.isdigit() else last
    if value is ...:
        del target[key]
    else:
        target[key] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ('{"doc": "a.txt",', "not valid JSON"),
        ("[]", "expected a JSON object, got list"),
        (_with("doc", "b.txt"), "doc: 'b.txt' does not match the file name"),
        (_with("title", 3), "title: expected str or null, got 3"),
        (_with("published", "28 March 2016"), "published: '28 March 2016' is not a day date"),
        (_with("published", "2016-02-30"), "published: '2016-02-30' is not a day date"),
        (_with("body_end", -1), "body_end: must not be negative"),
        (_with("body_end", "4957"), 'body_end: expected int or null, got "4957"'),
        (_with("events", {}), "events: expected list"),
        (_with("events.0", "strike"), r"events\[0\]: expected a JSON object"),
        (_with("events.0.date", ...), r"events\[0\]\.date: missing"),
        (_with("events.0.event_type", "Battle"), r"events\[0\]\.event_type: 'Battle' is not"),
        (_with("events.0.date_precision", "days"), r"events\[0\]\.date_precision: 'days'"),
        (_with("events.0.date", "2016-03"), r"events\[0\]\.date: '2016-03' is not a day date"),
        (_with("events.0.date", None), r"events\[0\]\.date_precision: date and date_precision"),
        (_with("events.0.fatalities", -2), r"events\[0\]\.fatalities: must not be negative"),
        (_with("events.0.fatalities", True), r"events\[0\]\.fatalities: expected int"),
        (_with("events.0.actor1", ["a", "b"]), r"events\[0\]\.actor1: expected str"),
        (_with("quotes.0.text", ""), r"quotes\[0\]\.text: must not be empty"),
        (_with("quotes.0.span", [11, 4]), r"quotes\[0\]\.span: expected \[start, end\)"),
        (_with("citations.0.outlet", None), r"citations\[0\]\.outlet: expected str, got null"),
        (_with("citations.0.date", "Feb 2017"), r"citations\[0\]\.date: 'Feb 2017' is not"),
    ],
)
def test_gold_malformed_field_names_file_and_field(tmp_path, data, message):
    path = _write(tmp_path, data)
    with pytest.raises(GoldError, match=message) as info:
        load_gold(tmp_path)
    assert str(info.value).startswith(f"{path}: ")


@pytest.mark.shared
def test_gold_shared_dev_files_are_valid(shared_dir):
    golds = load_gold(shared_dir / "gold" / "dev")
    assert len(golds) >= 2
    assert all(g["events"] for g in golds)
