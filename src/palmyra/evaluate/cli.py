"""The ``palmyra eval`` command; ``palmyra.cli`` registers ``eval_command`` on the main app.

Thin like the other commands: it parses options, calls ``evaluate_gold`` and/or
``evaluate_fakes`` and prints tables or JSON. Exit codes: 0 when the scores were
computed (however low), 2 with a one-line message on a usage error, a missing or
malformed gold folder or FA-KES file, or a store that cannot be read.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress

from palmyra.cli_support import fail
from palmyra.errors import PalmyraError
from palmyra.store.db import DEFAULT_STORE, Store


def eval_command(
    gold: Annotated[
        Path | None,
        typer.Option("--gold", metavar="DIR",
                     help="Folder of *.gold.json files (gold/SCHEMA.md), or the corpus folder"
                          " with --split: precision, recall and F1 per kind and sub-type,"
                          " field accuracy, and every miss and false alarm with its evidence."),
    ] = None,
    split: Annotated[
        str | None,
        typer.Option("--split", metavar="dev|test|train",
                     help="Score one split of the corpus (DIR/dev, DIR/test or DIR/train)."
                          " Tune on dev and train; score test only to report."),
    ] = None,
    fakes: Annotated[
        Path | None,
        typer.Option("--fakes", metavar="PATH",
                     help="A FA-KES CSV (fakes.csv): compare the main event of each stored FA-KES"
                          " article with the crowd's place, date, actor and casualties."),
    ] = None,
    recall: Annotated[
        Path | None,
        typer.Option("--recall", metavar="FILE",
                     help="A recall file of short reports (gold/recall/dev.jsonl): does each"
                          " report's event come out, with its sub-type, and do non-conflict"
                          " reports stay empty?"),
    ] = None,
    store: Annotated[
        Path | None,
        typer.Option("--store", metavar="FILE",
                     help="The store holding the analysed articles. Without it, gold articles"
                          " that lie beside their gold files are analysed afresh into a"
                          " temporary store (the README's way), else the default store is read."),
    ] = None,
    against: Annotated[
        Path | None,
        typer.Option("--against", metavar="DIR",
                     help="Score a second, independent annotation of the same articles"
                          " (gold/agreement) against the gold instead of Palmyra's output:"
                          " the annotators' agreement, the human ceiling."),
    ] = None,
    ptc: Annotated[
        Path | None,
        typer.Option("--ptc", metavar="DIR",
                     help="The SemEval-2020 Task 11 PTC folder: score the propaganda-technique"
                          " model on its dev split (SI F1 by character overlap, TC micro-F1 on"
                          " the gold spans). Runs on its own, without --gold/--fakes/--recall."),
    ] = None,
    model: Annotated[
        Path | None,
        typer.Option("--model", metavar="DIR",
                     help="With --ptc: the technique model folder (default: the one"
                          " `palmyra train techniques` wrote to the cache folder)."),
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Only validate the gold files (schema, ACLED sub-types,"
                                     " dates, evidence and quotes found in the article)."),
    ] = False,
    errors: Annotated[
        bool,
        typer.Option("--errors/--no-errors", help="List every miss and false alarm."),
    ] = True,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print one JSON object ({\"gold\": ..., \"fakes\": ...})"
                                    " instead of tables."),
    ] = False,
) -> None:
    """Score Palmyra against gold annotations and/or FA-KES.

    `palmyra eval --gold gold --split dev` analyses the dev articles and prints what was
    missed and what was found wrongly, then the scores. With --store, the store's
    analysis is scored instead (gold articles missing from it count as missed).
    """
    from palmyra.evaluate.api import (
        evaluate_agreement,
        evaluate_fakes,
        evaluate_gold,
        gold_folder,
    )

    if ptc is not None:
        if gold is not None or fakes is not None or recall is not None:
            raise fail("--ptc scores the technique model on its own: leave out --gold, --fakes"
                       " and --recall")
        _eval_ptc(ptc, model, as_json)
        return
    if model is not None:
        raise fail("--model names a technique model: give --ptc DIR too")
    if gold is None and fakes is None and recall is None:
        raise fail("nothing to score: give --gold DIR, --fakes PATH, --recall FILE or --ptc DIR")
    if split is not None and split not in SPLITS:
        raise fail(f"--split must be one of {', '.join(SPLITS)}, not {split!r}")
    results: dict[str, dict[str, Any]] = {}
    try:
        folder = gold_folder(gold, split) if gold is not None else None
        if check:
            _check(folder, fakes)
            return
        if recall is not None:
            from palmyra.evaluate.recall import evaluate_recall

            results["recall"] = evaluate_recall(recall)
            if gold is None and fakes is None:
                _print(results, as_json, errors, key="recall")
                return
        if against is not None:
            if folder is None:
                raise fail("--against compares two annotations: give --gold DIR too")
            results["agreement"] = evaluate_agreement(folder, against)
            _print(results, as_json, errors, key="agreement")
            return
        with _scored_store(folder, store) as st:
            if folder is not None:
                results["gold"] = evaluate_gold(st, folder)
            if fakes is not None:
                results["fakes"] = evaluate_fakes(st, fakes)
    except PalmyraError as e:
        raise fail(str(e)) from None
    _print(results, as_json, errors)


def _print(results: dict[str, dict[str, Any]], as_json: bool, errors: bool,
           key: str = "gold") -> None:
    from palmyra.evaluate.report import print_results

    if as_json:
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
        return
    console = Console()
    if "recall" in results:
        from palmyra.evaluate.report import print_recall

        print_recall(console, results["recall"], errors=errors)
    if key in results or "fakes" in results:
        print_results(console, results.get(key), results.get("fakes"), errors=errors)


SPLITS = ("dev", "test", "train")


def _eval_ptc(ptc: Path, model: Path | None, as_json: bool) -> None:
    """Score the technique model on PTC dev; JSON is one flat object (``si_f1``, ...)."""
    from palmyra.evaluate.ptc import evaluate_ptc

    try:
        result = evaluate_ptc(ptc, model)
    except PalmyraError as e:
        raise fail(str(e)) from None
    if as_json:
        sys.stdout.write(json.dumps(result, indent=1) + "\n")
        return
    typer.echo(f"PTC {result['split']} ({result['articles']} articles, model {result['model']})")
    typer.echo(f"SI  P {result['si_precision']:.3f}  R {result['si_recall']:.3f}"
               f"  F1 {result['si_f1']:.3f}  ({result['predicted_spans']} spans proposed)")
    typer.echo(f"TC  micro-F1 {result['tc_micro_f1']:.3f}  (majority class:"
               f" {result['tc_majority_f1']:.3f}; {result['gold_spans']} gold spans)")
    for name, s in result["tc_per_technique"].items():
        typer.echo(f"  {name:<36} F1 {s['f1']:.3f}  P {s['precision']:.3f}"
                   f"  R {s['recall']:.3f}  gold {s['gold']}")


def _check(folder: Path | None, fakes: Path | None) -> None:
    """Validate the gold folder; exit 1 naming each problem."""
    from palmyra.evaluate.validate import validate

    if folder is None:
        raise fail("--check validates gold files: give --gold DIR")
    count, problems = validate([folder])
    for problem in problems:
        typer.echo(problem)
    typer.echo(f"{count} gold file(s) checked, {len(problems)} problem(s)")
    if problems or not count:
        raise typer.Exit(1)


@contextmanager
def _scored_store(folder: Path | None, store: Path | None) -> Iterator[Store]:
    """The store to score: the one named; else a fresh analysis of the gold's own articles
    in a temporary store; else the default store."""
    from palmyra.api import analyze
    from palmyra.evaluate.api import gold_articles

    articles, outlets = gold_articles(folder) if store is None and folder else ([], {})
    if not articles:
        with Store(store or Path(DEFAULT_STORE), read_only=True) as st:
            yield st
        return
    with tempfile.TemporaryDirectory(prefix="palmyra-eval-") as tmp:
        path = Path(tmp) / "gold.duckdb"
        with Progress(transient=True, console=Console(stderr=True)) as bar:
            task = bar.add_task(f"analysing {len(articles)} gold article(s)", total=len(articles))
            summary = analyze(articles, path, outlet_by_source=outlets,
                              progress=lambda _name, seen: bar.update(task, completed=seen))
        _warn_failures(summary.failures, len(articles))
        with Store(path, read_only=True) as st:
            yield st


def _warn_failures(failures: Sequence[Any], total: int) -> None:
    """A gold article the pipeline failed on counts as missed; say so, loudly, on stderr,
    so that a crash is never read as low recall."""
    if not failures:
        return
    err = Console(stderr=True)
    err.print(f"[bold red]warning:[/] {len(failures)} of {total} gold article(s) failed to"
              " analyse and count as missed; fix the error below before reading the scores")
    for failure in failures[:10]:
        err.print(f"  {failure}", markup=False, highlight=False)
