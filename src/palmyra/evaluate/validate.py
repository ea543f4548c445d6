"""The gold validator: every gold file well-formed, and every quoted piece really in its article.

``gold.read_gold_file`` checks the shape (types, ACLED sub-types, dates and
precisions); this module adds what needs the article itself: each event's and
citation's ``evidence`` and each quote's ``text`` must be an exact substring of
the article file the gold names. A gold fact whose evidence is not in the text
cannot be checked by anyone, so the corpus is only as good as this check.

Run it on files or folders: ``python -m palmyra.evaluate.validate gold/`` (CI does),
or ``palmyra eval --gold DIR --check``. The article of ``X.txt.gold.json`` is
``X.txt`` beside it, else in a sibling split folder (``agreement/`` holds second
annotations of ``dev/`` articles), else in ``texts`` when given.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

from palmyra.evaluate.gold import GOLD_SUFFIX, GoldError, read_gold_file

SPLIT_FOLDERS = ("dev", "test", "train")


def gold_paths(paths: Iterable[Path]) -> list[Path]:
    """The gold files named, folders searched recursively, in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob("*" + GOLD_SUFFIX)))
        else:
            found.append(path)
    return found


def article_for(gold_path: Path, doc: str, texts: Path | None = None) -> Path | None:
    """Where the article a gold file describes lies, or ``None`` when it is nowhere."""
    candidates = [gold_path.parent / doc]
    candidates += [gold_path.parent.parent / split / doc for split in SPLIT_FOLDERS]
    if texts is not None:
        candidates.append(texts / doc)
    return next((c for c in candidates if c.is_file()), None)


def check_file(path: Path, texts: Path | None = None) -> list[str]:
    """Problems of one gold file, each ``FILE: field: reason``; empty when it is sound."""
    try:
        gold = read_gold_file(path)
    except GoldError as err:
        return [str(err)]
    article = article_for(path, gold["doc"], texts)
    if article is None:
        return [f"{path}: doc: no article file {gold['doc']!r} beside it or in {SPLIT_FOLDERS}"]
    text = article.read_text(encoding="utf-8")
    problems = []
    pieces = [("events", "evidence"), ("quotes", "text"), ("citations", "evidence")]
    for kind, key in pieces:
        for i, item in enumerate(gold[kind]):
            if item[key] not in text:
                problems.append(f"{path}: {kind}[{i}].{key}: not an exact substring of "
                                f"{article.name}: {item[key][:80]!r}")
    if gold["body_end"] is not None and gold["body_end"] > len(text):
        problems.append(f"{path}: body_end: {gold['body_end']} is past the end of the text "
                        f"({len(text)} characters)")
    return problems


def validate(paths: Iterable[Path], texts: Path | None = None) -> tuple[int, list[str]]:
    """(number of gold files checked, every problem found in them)."""
    files = gold_paths(paths)
    problems = [p for f in files for p in check_file(f, texts)]
    return len(files), problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m palmyra.evaluate.validate",
                                     description="Check gold files against the schema and "
                                                 "their articles.")
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("gold")],
                        help="gold files or folders (default: gold/)")
    parser.add_argument("--texts", type=Path, default=None,
                        help="folder of the articles, where they are not beside the gold")
    args = parser.parse_args(argv)
    count, problems = validate(args.paths, args.texts)
    for problem in problems:
        print(problem)
    if count == 0:
        print(f"no *{GOLD_SUFFIX} files in {', '.join(map(str, args.paths))}")
        return 1
    print(f"{count} gold file(s) checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
