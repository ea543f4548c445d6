"""The test corpus of the engine tests: the bundled FA-KES demo (48 articles) plus two
articles written for the tests, 50 documents in all, as one CSV."""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo" / "fakes-demo.csv"

EXTRA = (
    ("Shelling near Maarat al-Numan",
     "Three civilians were killed on Tuesday when shells hit a market in Maarat al-Numan,"
     " the Syrian Observatory for Human Rights said. \"The market was full,\" a resident told"
     " reporters."),
    ("Convoy reaches Madaya",
     "An aid convoy reached the besieged town of Madaya on 11 January 2016, the Red Cross"
     " said, after months without food deliveries."),
)


def write_corpus(path: Path, reverse: bool = False) -> Path:
    """The 50 articles as a FA-KES-shaped CSV at ``path`` (rows reversed on request)."""
    with open(DEMO, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    header = list(rows[0])
    for i, (title, text) in enumerate(EXTRA):
        row = dict.fromkeys(header, "")
        row.update(unit_id=f"900000000{i}", article_title=title, article_content=text,
                   source="SOHR", date=rows[0]["date"])
        rows.append(row)
    if reverse:
        rows.reverse()
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header)
        writer.writeheader()
        writer.writerows(rows)
    return path
