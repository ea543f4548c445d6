"""CSV/TSV and JSONL readers: column mapping, FA-KES detection, per-row and per-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from palmyra.errors import InputError
from palmyra.ingest import ColumnMapping, RawRecord, iter_records

FAKES_HEADER = [
    "unit_id",
    "article_title",
    "article_content",
    "source",
    "date",
    "location",
    "label",
]
FAKES_ROWS = [
    [
        "1000001",
        "Rockets hit market in Jableh",
        "Mon 03 Apr 2017 Rockets hit market in Jableh. "
        "Rockets struck a crowded café in the coastal town on Monday the agency said.",
        "sana",
        "4/3/17",
        "lattakia",
        "1",
    ],
    [
        "1000002",
        "Strikes near Maarat",
        "12 February 2015 Strikes near Maarat killed nine people "
        "according to a monitor. The régime denied it.",
        "alaraby",
        "2/12/15",
        "idlib",
        "0",
    ],
]


def _csv(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue()


def test_tabular_fakes_latin1_detected(tmp_path: Path) -> None:
    path = tmp_path / "fakes.csv"
    path.write_bytes(_csv([FAKES_HEADER, *FAKES_ROWS]).encode("latin-1"))
    items = list(iter_records([path]))
    assert all(isinstance(i, RawRecord) for i in items)
    first, second = items
    assert first.source.row == "1000001" and first.source.name == "fakes.csv#1000001"
    assert first.text == FAKES_ROWS[0][2]
    assert "café" in first.text and "régime" in second.text
    assert (first.title, first.outlet_hint, first.published_hint) == (
        "Rockets hit market in Jableh",
        "sana",
        "4/3/17",
    )
    assert first.format == "csv"
    assert first.extra["row_number"] == 1
    assert first.extra["fields"] == {"location": "lattakia", "label": "1"}


def test_tabular_missing_text_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(_csv([["unit_id", "article_title", "a"], ["1", "T", "x"]]), encoding="utf-8")
    (err,) = list(iter_records([path]))
    assert err.reason == (
        "missing column 'article_content' (has: unit_id, article_title, a); "
        "pass a column mapping with --text-column"
    )


def test_tabular_no_text_column_guessable(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(_csv([["a", "b", "c"], ["1", "2", "3"]]), encoding="utf-8")
    (err,) = list(iter_records([path]))
    assert (
        err.reason
        == "missing column 'text' (has: a, b, c); pass a column mapping with --text-column"
    )


def test_tabular_explicit_mapping(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(
        _csv([["key", "story", "when"], ["k1", "Clashes near the dam.", "2016-05-02"]]), "utf-8"
    )
    mapping = ColumnMapping(id="key", text="story", date="when")
    (record,) = list(iter_records([path], columns=mapping))
    assert (record.source.row, record.text, record.published_hint) == (
        "k1",
        "Clashes near the dam.",
        "2016-05-02",
    )
    (err,) = list(iter_records([path], columns=ColumnMapping(text="body")))
    assert err.reason.startswith("missing column 'body' (has: key, story, when)")


@pytest.mark.parametrize(
    ("name", "delimiter"),
    [("a.tsv", "\t"), ("b.csv", ";"), ("c.csv", "|")],
)
def test_tabular_delimiters(tmp_path: Path, name: str, delimiter: str) -> None:
    path = tmp_path / name
    path.write_text(
        _csv([["title", "content"], ["Dam", "Clashes near the dam, officials said."]], delimiter)
    )
    (record,) = list(iter_records([path]))
    assert record.text == "Clashes near the dam, officials said."
    assert record.source.row == "1"


def test_tabular_bad_rows_do_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        "id,text\n1,First report.\n2,\n3,Third,extra\n4,Fourth report.\n", encoding="utf-8"
    )
    items = list(iter_records([path]))
    assert [str(i) if isinstance(i, InputError) else i.source.row for i in items] == [
        "1",
        f"{path}: row 2: empty 'text'",
        f"{path}: row 3: has 3 fields, the header has 2",
        "4",
    ]


def test_tabular_broken_quote_stops_with_error(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('id,text\n1,"Good row."\n2,"never closed\n', encoding="utf-8")
    items = list(iter_records([path]))
    assert isinstance(items[0], RawRecord)
    assert isinstance(items[1], InputError) and "malformed CSV" in items[1].reason


def test_tabular_header_only(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("id,text\n", encoding="utf-8")
    (err,) = list(iter_records([path]))
    assert err.reason == "no data rows under the header"


def test_tabular_jsonl_bad_lines_are_errors_others_come_out(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "a1",
                "title": "Dam attack",
                "text": "Fighters attacked the dam.",
                "url": "https://x.example/1",
            }
        ),
        "",
        '{"id": "a2", "text": "Truncated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a4", "story": "No text key here."}),
        json.dumps({"headline": "Raid", "content": "A raid was reported at dawn."}),
        json.dumps({"text": 42}),
        json.dumps({"text": "   "}),
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_records([path]))
    assert [str(i) if isinstance(i, InputError) else i.source.name for i in items] == [
        "dump.jsonl#a1",
        f"{path}: line 3: truncated or invalid JSON (Unterminated string starting at)",
        f"{path}: line 4: expected a JSON object, got list",
        f"{path}: line 5: missing field 'text' (has: id, story); "
        "pass a column mapping with --text-column",
        "dump.jsonl#6",
        f"{path}: line 7: field 'text' is not a string",
        f"{path}: line 8: empty 'text'",
    ]
    first, sixth = items[0], items[4]
    assert (first.title, first.url, first.format) == ("Dam attack", "https://x.example/1", "jsonl")
    assert (sixth.title, sixth.text) == ("Raid", "A raid was reported at dawn.")


def test_tabular_jsonl_missing_comma(tmp_path: Path) -> None:
    path = tmp_path / "d.ndjson"
    path.write_text('{"text": "ok"}\n{"text": "a" "b"}\n', encoding="utf-8")
    items = list(iter_records([path]))
    assert str(items[1]) == f"{path}: line 2: truncated or invalid JSON (Expecting ',' delimiter)"


def test_tabular_jsonl_limit_applies_per_line(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    long_line = json.dumps({"text": "x" * 500})
    path.write_text(
        f'{{"text": "short"}}\n{long_line}\n{{"text": "also short"}}\n', encoding="utf-8"
    )
    items = list(iter_records([path], max_bytes=100))
    assert [i.text if isinstance(i, RawRecord) else i.reason for i in items] == [
        "short",
        "line 2: record is over the 100 bytes limit; raise it with --max-mb",
        "also short",
    ]


def test_tabular_csv_is_streamed_with_the_limit_per_field(tmp_path: Path) -> None:
    """A CSV far over the size limit is read row by row; only an oversized field is refused."""
    path = tmp_path / "big.csv"
    rows = [["id", "text"]] + [[str(n), f"Report {n}: shelling hit the town."] for n in range(400)]
    path.write_text(_csv(rows), encoding="utf-8")
    items = list(iter_records([path], max_bytes=1000))
    assert len(items) == 400 and all(isinstance(i, RawRecord) for i in items)
    assert items[-1].text == "Report 399: shelling hit the town."

    path.write_text(_csv([["id", "text"], ["1", "ok"], ["2", "x" * 2000], ["3", "ok"]]))
    first, err = list(iter_records([path], max_bytes=1000))
    assert first.text == "ok"
    assert err.reason == "line 3: a field is over the 1000 bytes limit; raise it with --max-mb"


def test_tabular_streamed_csv_decodes_as_a_whole_file_would(tmp_path: Path) -> None:
    """The codec is chosen over the whole file, not its head: a byte cp1252 lacks, far down
    the file, makes it Latin-1 from the first row, exactly as decoding it whole does."""
    from palmyra.ingest.encoding import decode_bytes

    head = [["id", "text"]] + [[str(n), "Le général à Alep, “café”."] for n in range(3000)]
    data = _csv(head).encode("cp1252") + b'9999,"Fin\x81."\r\n'
    path = tmp_path / "legacy.csv"
    path.write_bytes(data)
    assert len(data) > 64 * 1024
    items = list(iter_records([path]))
    whole = list(csv.reader(io.StringIO(decode_bytes(data, str(path)), newline="")))
    assert [i.text for i in items] == [row[1] for row in whole[1:]]  # "“" as Latin-1's \x93
    assert items[0].text.startswith("Le général") and "\x93" in items[0].text
    assert items[-1].text == "Fin\x81." and len(items) == 3001
