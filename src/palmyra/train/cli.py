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
                     help="The gold corpus folder (its dev/ split, recall/dev.jsonl and"
                          " recall/train.jsonl are read; the test splits never are)."),
    ] = Path("gold"),
    out: Annotated[
        Path | None,
        typer.Option("--out", metavar="DIR",
                     help="Where to write the model (default: the package's own"
                          " models/event_sentences, which `analyze` uses)."),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: same seed, same model.")] = 13,
) -> None:
    """Train the event-sentence classifier on the dev data (about a minute on 2 cores)."""
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
