"""FA-KES texts for the analyze benchmarks: the train rows, and synthetic variants of them.

Speed is not tuning, but the train rows are preferred all the same. The synthetic
corpus makes every document distinct (a store keys documents by their text) by
swapping place and person names and redrawing numbers and dates, so that a
100,000-document corpus exercises the store and the linker as real news would.
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "data" / "fakes"
TOWNS = ("Idlib", "Aleppo", "Homs", "Hama", "Daraa", "Raqqa", "Manbij", "Palmyra", "Douma",
         "Deir ez-Zor", "Qamishli", "Latakia", "Tartus", "Afrin", "Jisr al-Shughur", "Saraqib")
NAMES = ("Ahmed Hassan", "Omar Khalil", "Rami Abdulrahman", "Lina Saleh", "Yusuf Darwish",
         "Maya Haddad", "Khaled Nasser", "Samir Aziz")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_TOWN = re.compile("|".join(re.escape(t) for t in TOWNS))
_NUMBER = re.compile(r"\b\d{1,3}\b")


def fakes_rows(folder: Path = FAKES, split: str = "train") -> list[dict[str, str]]:
    """FA-KES rows of one split (fakes.csv is latin-1)."""
    with open(folder / "splits.csv", encoding="utf-8", newline="") as fh:
        keep = {r["unit_id"] for r in csv.DictReader(fh) if r["split"] == split}
    with open(folder / "fakes.csv", encoding="latin-1", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["unit_id"] in keep and r["article_content"]]


def write_csv(rows: list[dict[str, str]], path: Path) -> Path:
    """Rows as a UTF-8 FA-KES-shaped CSV (palmyra analyze recognises the header)."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def synthetic(rows: list[dict[str, str]], n: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    """``n`` distinct (name, text) articles varied from ``rows``; deterministic per seed."""
    rnd = random.Random(seed)
    for i in range(n):
        row = rows[i % len(rows)]
        body = _TOWN.sub(lambda _m: rnd.choice(TOWNS), row["article_content"])
        body = _NUMBER.sub(lambda m: str(max(1, int(m.group()) + rnd.randint(-9, 9))), body)
        day, month, year = rnd.randint(1, 28), rnd.choice(MONTHS), rnd.randint(2012, 2018)
        head = (f"{row['article_title']}\n\n{day} {month} {year}\n\n"
                f"{rnd.choice(NAMES)} reported from {rnd.choice(TOWNS)} (dispatch {i}). ")
        yield f"article_{i:06d}.txt", head + body + "\n"


def write_synthetic(rows: list[dict[str, str]], n: int, folder: Path) -> Path:
    """The synthetic corpus as a folder of text files, 1,000 per subfolder."""
    for name, text in synthetic(rows, n):
        sub = folder / name[8:11]
        sub.mkdir(parents=True, exist_ok=True)
        (sub / name).write_text(text, encoding="utf-8")
    return folder
