"""``palmyra train``: fit the models Palmyra ships, from the repository's own data.

Thin like the other commands: it parses options, calls the training functions and
says where the model went. Exit codes: 0 trained, 2 with one line on a missing
corpus or a usage error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from palmyra.cli_support import PalmyraGroup, fail
from palmyra.errors import PalmyraError

train_app = typer.Typer(help="Train the models Palmyra ships (from the repo's data, on CPU).",
                        no_args_is_help=True, cls=PalmyraGroup)


@train_app.command("events")
def train_events(
    gold: Annotated[
        Path,
        typer.Option("--gold", metavar="DIR",
                     help="The gold corpus folder (its dev/ and train/ splits, recall/dev.jsonl,"
                          " train.jsonl to train6.jsonl, train8.jsonl and train10.jsonl are read;"
                          " the test splits and the held-out pools never are)."),
    ] = Path("gold"),
    out: Annotated[
        Path | None,
        typer.Option("--out", metavar="DIR",
                     help="Where to write the model (default: the package's own"
                          " models/event_sentences, which `analyze` uses)."),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: same seed, same model.")] = 13,
) -> None:
    """Train the event-sentence classifier on the dev data (3 seed members, minutes on 2 cores)."""
    import spacy

    from palmyra.extract.events.model import shipped_model_dir
    from palmyra.pipeline import SPACY_MODEL
    from palmyra.train.event_examples import training_examples
    from palmyra.train.event_model import save, train

    target = out or shipped_model_dir()
    try:
        examples = training_examples(gold, spacy.load(SPACY_MODEL))
    except PalmyraError as e:
        raise fail(str(e)) from None
    if not examples:
        raise fail(f"{gold}: no training examples (expected dev/*.gold.json and recall/*.jsonl)")
    typer.echo(f"training on {len(examples)} sentences "
               f"({sum(1 for e in examples if e.labels)} with an event), seed {seed} ...")
    save(train(examples, seed=seed), target, examples, seed)
    typer.echo(f"model written to {target}")


@train_app.command("techniques")
def train_techniques(
    ptc: Annotated[
        Path,
        typer.Option("--ptc", metavar="DIR",
                     help="The SemEval-2020 Task 11 PTC folder (its train/ split is read;"
                          " dev/ never is: `palmyra eval --ptc` scores on it)."),
    ],
    model: Annotated[
        Path | None,
        typer.Option("--model", metavar="OUT",
                     help="Where to write the model (default: palmyra/techniques in the user's"
                          " cache folder, where `analyze` looks; $PALMYRA_TECHNIQUES_MODEL"
                          " overrides it)."),
    ] = None,
    epochs: Annotated[int, typer.Option("--epochs", min=1,
                                        help="With --whole-lines: passes of the tagger over"
                                             " the data (the best on held-out training"
                                             " articles is kept).")
                      ] = 6,
    limit: Annotated[
        int | None,
        typer.Option("--limit", min=2, help="Train on the first N articles only (quick runs)."),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: same seed, same model.")] = 13,
    clauses: Annotated[bool, typer.Option(
        "--clauses/--whole-lines",
        help="Propose the clauses the clause classifier picks (default), or whole lines the"
             " sentence classifier is sure of (the model before; see README).")] = True,
) -> None:
    """Train the propaganda-technique tagger on PTC's train split (CPU; see README for time).

    PTC states no licence: the model is written to your cache folder (or OUT), never
    into the package; do not redistribute it.
    """
    from palmyra.techniques.model import default_model_dir
    from palmyra.train.technique_model import train

    target = model or default_model_dir()
    try:
        fitted = train(ptc, epochs=epochs, seed=seed, limit=limit, clauses=clauses,
                       log=typer.echo)
    except PalmyraError as e:
        raise fail(str(e)) from None
    fitted.save(target)
    typer.echo(f"model written to {target} ({fitted.meta['train_seconds']} s)")
