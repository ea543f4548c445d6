"""Read the Propaganda Techniques Corpus (PTC, SemEval-2020 Task 11) as laid out by its organisers.

A split folder (``train/`` or ``dev/``) holds an ``*-articles/`` folder of
``article<ID>.txt`` files and the technique labels, either as one file for the
split (``*TC.labels``: ``ID<TAB>technique<TAB>start<TAB>end``) or as one file per
article in a ``*technique-classification/`` folder. Offsets are Python string
offsets into the file read with ``newline=""``. Span edges are stripped of white
space, as the organisers did for train (the dev gold we have was not).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from palmyra.errors import InputError

# The order of the organisers' propaganda-techniques-names file.
TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)

# Short column headings for tables of techniques per outlet.
SHORT_NAMES: dict[str, str] = {
    "Appeal_to_Authority": "authority",
    "Appeal_to_fear-prejudice": "fear",
    "Bandwagon,Reductio_ad_hitlerum": "bandwagon",
    "Black-and-White_Fallacy": "black-white",
    "Causal_Oversimplification": "causal",
    "Doubt": "doubt",
    "Exaggeration,Minimisation": "exaggeration",
    "Flag-Waving": "flag-waving",
    "Loaded_Language": "loaded",
    "Name_Calling,Labeling": "name-calling",
    "Repetition": "repetition",
    "Slogans": "slogans",
    "Thought-terminating_Cliches": "cliches",
    "Whataboutism,Straw_Men,Red_Herring": "whataboutism",
}


@dataclass(frozen=True)
class Labelled:
    """One annotated technique: ``text[start:end]`` uses ``technique``."""

    technique: str
    start: int
    end: int


@dataclass
class Article:
    id: str
    text: str
    labels: list[Labelled]


def read_split(ptc: Path, split: str, limit: int | None = None) -> list[Article]:
    """The articles of one split (``train`` or ``dev``) with their technique labels.

    Args:
        ptc: the PTC folder (holding ``train/`` and ``dev/``).
        split: the split's folder name.
        limit: read only the first ``limit`` articles by id (for quick runs and tests).

    Raises:
        InputError: the folder or its articles are missing, or a label line is malformed.
    """
    folder = Path(ptc) / split
    articles_dir = next(iter(sorted(folder.glob("*articles"))), None) if folder.is_dir() else None
    if articles_dir is None:
        raise InputError(str(folder), "no PTC split here (expected a *-articles/ folder)")
    files = sorted(articles_dir.glob("article*.txt"))[:limit]
    if not files:
        raise InputError(str(articles_dir), "no article*.txt files")
    articles = {}
    for f in files:
        with open(f, encoding="utf-8", newline="") as fh:
            articles[f.stem.removeprefix("article")] = Article(f.stem.removeprefix("article"),
                                                               fh.read(), [])
    for path, line_no, fields in _label_lines(folder):
        if len(fields) != 4 or fields[1] not in TECHNIQUES:
            raise InputError(f"{path}:{line_no}", "expected ID, one of the 14 techniques, start,"
                             " end separated by tabs")
        art = articles.get(fields[0])
        if art is None:
            continue
        label = _stripped(art.text, fields[1], int(fields[2]), int(fields[3]))
        if label is not None and label not in art.labels:
            art.labels.append(label)
    return list(articles.values())


def _label_lines(folder: Path):
    """``(file, line number, fields)`` of every technique label of a split."""
    combined = sorted(folder.glob("*TC.labels"))
    paths = combined or sorted(folder.glob("*technique-classification/*.labels"))
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                yield path, n, line.rstrip("\n").split("\t")


def _stripped(text: str, technique: str, start: int, end: int) -> Labelled | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Labelled(technique, start, end) if start < end else None
