"""The ``palmyra eval`` command; ``palmyra.cli`` registers ``eval_command`` on the main app.

Thin like the other commands: it parses options, calls ``evaluate_gold`` and/or
``evaluate_fakes`` and prints tables or JSON. Exit codes: 0 when the scores were
computed (however low), 2 with a one-line message on a usage error, a missing or
malformed gold folder or FA-KES file, or a store that cannot be read.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from palmyra.cli_support import StoreOpt, fail
from palmyra.errors import PalmyraError
from palmyra.store.db import DEFAULT_STORE


def eval_command(
    gold: Annotated[
        Path | None,
        typer.Option("--gold", metavar="DIR",
                     help="Folder of *.gold.json files (shared/gold/SCHEMA.md): report precision,"
                          " recall and F1 per kind, and field and metadata accuracy."),
    ] = None,
    fakes: Annotated[
        Path | None,
        typer.Option("--fakes", metavar="PATH",
                     help="A FA-KES CSV (fakes.csv): compare the main event of each stored FA-KES"
                          " article with the crowd's place, date, actor and casualties."),
    ] = None,
    store: StoreOpt = Path(DEFAULT_STORE),
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print one JSON object ({\"gold\": ..., \"fakes\": ...})"
                                    " instead of tables."),
    ] = False,
) -> None:
    """Score what the store holds against gold annotations and/or FA-KES.

    Run `palmyra analyze` on the annotated articles first; gold articles missing
    from the store count as missed.
    """
    from palmyra.evaluate.api import evaluate_fakes, evaluate_gold
    from palmyra.evaluate.report import print_results
    from palmyra.store.db import Store

    if gold is None and fakes is None:
        raise fail("nothing to score: give --gold DIR, --fakes PATH or both")
    results: dict[str, dict[str, Any]] = {}
    try:
        with Store(store, read_only=True) as st:
            if gold is not None:
                results["gold"] = evaluate_gold(st, gold)
            if fakes is not None:
                results["fakes"] = evaluate_fakes(st, fakes)
    except PalmyraError as e:
        raise fail(str(e)) from None
    if as_json:
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
        return
    print_results(Console(), results.get("gold"), results.get("fakes"))
