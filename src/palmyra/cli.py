"""The ``palmyra`` command: thin Typer wrappers over ``palmyra.api``.

Each command parses its options, calls one library function, prints a summary
and turns a ``PalmyraError`` into a one-line message. Exit codes: 0 all went
well, 1 some inputs failed (the run still stored the rest), 2 usage, profile or
store errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from palmyra.cli_support import PalmyraGroup, StoreOpt, fail, print_listing
from palmyra.errors import PalmyraError
from palmyra.evaluate.cli import eval_command
from palmyra.link.cli_commands import (
    compare_command,
    events_command,
    link_command,
    naming_command,
    sources_command,
)
from palmyra.present.cli_commands import report, serve
from palmyra.store.db import DEFAULT_STORE
from palmyra.train.cli import train_app

app = typer.Typer(
    name="palmyra",
    help=(
        "Turn news articles about an armed conflict into a provenance-linked record of what"
        " they claim (events, quotes, citations, naming), and line the outlets up.\n\n"
        "Start with `palmyra analyze FOLDER`, then `palmyra events`, `palmyra show DOC --facts`"
        " or `palmyra serve` (the web UI)."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    cls=PalmyraGroup,
)
out = Console()
err = Console(stderr=True)

FOLDER_FORMATS = frozenset({"parquet"})  # binary, one file per table: written to a folder

@app.command()
def analyze(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files or folders (read recursively): .txt, .text, .md, .html, .htm,"
            " .jsonl, .ndjson, .csv, .tsv (FA-KES's CSV works as is), .warc, .warc.gz;"
            " a file without a suffix is sniffed (text, HTML or WARC); or article URLs"
            " (http:// or https://).",
            show_default=False,
        ),
    ] = None,
    store: StoreOpt = Path(DEFAULT_STORE),
    feed: Annotated[
        list[str] | None,
        typer.Option(
            "--feed",
            help="An RSS/Atom feed, a sitemap, or a page that advertises a feed: read every"
                 " article it lists (repeatable). Articles already stored are not fetched.",
            show_default=False,
        ),
    ] = None,
    fetch_delay: Annotated[
        float, typer.Option(min=0, help="Least seconds between two requests to one site.")
    ] = 1.0,
    fetch_retries: Annotated[
        int, typer.Option(min=0, max=10, help="Further tries of a request that failed.")
    ] = 2,
    allow_private_hosts: Annotated[
        bool,
        typer.Option(
            "--allow-private-hosts",
            help="Fetch from this machine and private networks too (an intranet site).",
        ),
    ] = False,
    profile: Annotated[
        str,
        typer.Option(
            help="Conflict profile: `auto` (each article gets the shipped profile of the war"
            " its places lie in, or none), a shipped name (`syria`: `palmyra profiles` lists"
            " them) or a folder, forced on every article, or `none`."
        ),
    ] = "auto",
    outlet: Annotated[
        str | None,
        typer.Option(
            help="Outlet of documents whose text and metadata name none, e.g. 'EA WorldView'."
        ),
    ] = None,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Documents per batch and per commit.")
    ] = 32,
    max_mb: Annotated[
        float,
        typer.Option(
            min=0.001,
            help="Refuse input files larger than this (MB); in JSONL, CSV and WARC, records.",
        ),
    ] = 50,
    id_column: Annotated[
        str | None, typer.Option(help="CSV/JSONL: column holding a record id.")
    ] = None,
    text_column: Annotated[
        str | None, typer.Option(help="CSV/JSONL: column holding the article text.")
    ] = None,
    title_column: Annotated[
        str | None, typer.Option(help="CSV/JSONL: column holding the title.")
    ] = None,
    date_column: Annotated[
        str | None, typer.Option(help="CSV/JSONL: column holding the publication date.")
    ] = None,
    outlet_column: Annotated[
        str | None, typer.Option(help="CSV/JSONL: column holding the outlet.")
    ] = None,
    url_column: Annotated[
        str | None, typer.Option(help="CSV/JSONL: column holding the URL.")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Worker processes, each loading spaCy once (default: one per core;"
            " 1 runs in this process). With --engine ray: the size of the actor pool.",
        ),
    ] = None,
    engine: Annotated[
        str,
        typer.Option(help="`local` (this machine's cores) or `ray` (Ray Data, local or a"
                     " cluster; needs `pip install 'palmyra[ray]'`)."),
    ] = "local",
    ray_address: Annotated[
        str | None,
        typer.Option(help="With --engine ray: the address of an existing Ray cluster"
                     " (default: start a local Ray)."),
    ] = None,
    parquet_out: Annotated[
        Path | None,
        typer.Option(help="Write the facts as Parquet (a folder per store table) into this"
                     " folder instead of the store, for your own warehouse."),
    ] = None,
) -> None:
    """Read articles, clean them, extract their facts and store them (the main job).

    Re-running is safe: documents already in the store are skipped, and a run that was
    interrupted picks up where it stopped. Bad inputs get one line each and the rest go on.
    """
    from palmyra import api
    from palmyra.ingest import ColumnMapping
    from palmyra.ingest.web import Fetcher

    if not paths and not feed:
        raise fail("give files, folders or URLs to read, or --feed URL")
    columns = None
    if any((id_column, text_column, title_column, date_column, outlet_column, url_column)):
        columns = ColumnMapping(
            id=id_column,
            text=text_column,
            title=title_column,
            date=date_column,
            outlet=outlet_column,
            url=url_column,
        )
    from palmyra.engines.local import default_workers
    from palmyra.ingest.sources import count_hint

    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]analyze[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("docs"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TextColumn("[dim]{task.description}"),
        console=err,
        transient=True,
        # Without a terminal there is no bar (logs get one line per commit instead).
        disable=not err.is_terminal,
    ) as bar:
        # A feed lists an unknown number of pages; an article URL is one record.
        known_total = err.is_terminal and not feed
        task = bar.add_task("", total=count_hint(paths or []) if known_total else None,
                            rate="")

        def on_progress(name: str, done: int) -> None:
            speed = bar.tasks[task].speed
            bar.update(task, completed=done, description=name[-40:],
                       rate=f"{speed:.1f}/s" if speed else "")

        try:
            summary = api.analyze(
                paths or [],
                store,
                feeds=feed or [],
                fetcher=Fetcher(delay=fetch_delay, retries=fetch_retries,
                                allow_private=allow_private_hosts),
                profile=None if profile == "none" else profile,
                columns=columns,
                outlet=outlet,
                batch_size=batch_size,
                max_bytes=int(max_mb * 1024 * 1024),
                progress=on_progress,
                on_commit=None
                if err.is_terminal
                else lambda n: err.print(
                    f"analyze: {n} document(s) stored so far", highlight=False
                ),
                on_failure=lambda f: bar.console.print(
                    f"[red]✗[/] {escape(str(f))}", highlight=False, soft_wrap=True
                ),
                workers=workers or default_workers(),
                engine=engine,
                ray_address=ray_address,
                parquet_out=parquet_out,
            )
        except PalmyraError as e:
            raise fail(e) from None
    if parquet_out is not None:
        out.print(f"[green]✓[/] {summary.stored} document(s) written as Parquet to"
                  f" [bold]{parquet_out}[/] ({len(summary.failures)} input(s) failed).")
        for note in summary.notes:
            err.print(f"[dim]note: {escape(note)}[/]")
        raise typer.Exit(summary.exit_code)
    out.print(
        f"[green]✓[/] {summary.stored} new document(s) stored, {summary.already} already present,"
        f" {len(summary.failures)} input(s) failed."
    )
    if summary.link is not None:
        out.print(
            f"[green]✓[/] linked {summary.link.documents} document(s):"
            f" {summary.link.clusters} event cluster(s) in the store."
        )
    out.print(
        f"Results are in [bold]{summary.store}[/]. Next: `palmyra docs`, `palmyra events`,"
        " `palmyra show DOC --facts`, `palmyra export --format jsonl`.",
        highlight=False,
        soft_wrap=True,
    )
    for note in summary.notes:
        err.print(f"[dim]note: {escape(note)}[/]")
    if summary.failures:
        err.print(f"[yellow]{len(summary.failures)} input(s) failed: see the lines above.[/]")
    raise typer.Exit(summary.exit_code)


@app.command()
def docs(
    store: StoreOpt = Path(DEFAULT_STORE),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the stored documents: title, outlet, date, length, comments, sources, and the
    conflict profile that coded each."""
    from palmyra.store import queries
    from palmyra.store.db import Store

    try:
        with Store(store, read_only=True) as st:
            rows = queries.list_documents(st)
            profiles = queries.document_profiles(st)
    except PalmyraError as e:
        raise fail(e) from None
    if as_json:
        rows = [{**r, "profile": profiles.get(r["id"])} for r in rows]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n")
        return
    # On a screen a 10-character prefix is enough for `show`; in a file, the whole id.
    id_width = 10 if out.is_terminal else None
    table = Table(title=f"{len(rows)} documents in {store}")
    table.add_column("id", no_wrap=True, style="dim", min_width=10)
    table.add_column("title", min_width=20, max_width=50, overflow="ellipsis", no_wrap=True)
    table.add_column("outlet", min_width=10, max_width=24, overflow="ellipsis", no_wrap=True)
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("chars", justify="right", no_wrap=True, min_width=7)
    table.add_column("comments", no_wrap=True, min_width=8)
    table.add_column("source", min_width=12, max_width=28, overflow="ellipsis", no_wrap=True)
    table.add_column("profile", max_width=12, overflow="ellipsis", no_wrap=True)
    for r in rows:
        table.add_row(
            r["id"][:id_width],
            r["title"] or "—",
            r["outlet"] or "—",
            r["published"] or "—",
            f"{r['length']:,}",
            "yes" if r["comments"] else "no",
            r["sources"] or "",
            profiles.get(r["id"]) or "—",
        )
    print_listing(out, table)


@app.command()
def show(
    doc: Annotated[
        str,
        typer.Argument(help="A document id, an unambiguous id prefix, or its source file name."),
    ],
    store: StoreOpt = Path(DEFAULT_STORE),
    annotations: Annotated[
        bool, typer.Option("--annotations", "-a", help="Mark actors, places, dates and numbers.")
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print JSON instead: the annotations; with --facts the events, quotes and"
                 " citations (as in the JSONL export, every modality); with --candidates"
                 " the candidates.",
        ),
    ] = False,
    facts: Annotated[
        bool,
        typer.Option(
            "--facts", "-f",
            help="Print each event, quote, citation and technique with its evidence."
        ),
    ] = False,
    candidates: Annotated[
        bool,
        typer.Option(
            "--candidates", "-c",
            help="Re-read the document and list every event candidate with why it was kept,"
                 " merged or dropped (with --json: as objects).",
        ),
    ] = False,
) -> None:
    """Show one document's text: body, removed furniture and reader comments marked.

    With --facts, print its extracted events, quotes and citations instead, each with
    the words it came from highlighted in the surrounding text. With --candidates, why
    each event candidate was kept, merged or dropped.
    """
    from palmyra.present import terminal
    from palmyra.store import queries
    from palmyra.store.db import Store

    try:
        with Store(store, read_only=True) as st:
            doc_id = queries.resolve_document_id(st, doc)
            document = queries.load_document(st, doc_id)
            mentions = queries.mentions_of(st, doc_id) if (annotations or as_json) else []
            stored = {k: queries.facts_of(st, doc_id, k)
                      for k in ("events", "quotes", "citations", "techniques")}
    except PalmyraError as e:
        raise fail(e) from None
    if candidates:
        from palmyra.api import trace_events

        rows = trace_events(document, _stored_profile(store, doc_id))
        if as_json:
            sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        else:
            terminal.print_candidates(out, rows)
        return
    if facts:
        if as_json:  # the facts as the JSONL export writes them, evidence text included
            from palmyra.present.export import citation_record, event_record, quote_record

            records = {
                "events": [event_record(e, document.text) for e in stored["events"]],
                "quotes": [quote_record(q, document.text) for q in stored["quotes"]],
                "citations": [citation_record(c, document.text) for c in stored["citations"]],
            }
            sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
        else:
            terminal.print_facts(out, document, stored)
        return
    if as_json:
        sys.stdout.write(json.dumps(mentions, ensure_ascii=False, indent=1) + "\n")
        return
    terminal.print_document(out, document, mentions if annotations else None)


def _stored_profile(store: Path, doc_id: str) -> str:
    """The shipped profile that coded a stored document, to read it again the same way;
    ``auto`` when none is recorded or it is not shipped (a folder given by path)."""
    from palmyra.profiles.load import shipped_profile_names
    from palmyra.store import queries
    from palmyra.store.db import Store

    with Store(store, read_only=True) as st:
        name = queries.document_profiles(st).get(doc_id)
    return name if name in shipped_profile_names() else "auto"


@app.command()
def export(
    store: StoreOpt = Path(DEFAULT_STORE),
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="jsonl, csv (ACLED-style events), geojson, clusters, parquet."
        ),
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
    ] = None,
) -> None:
    """Write the store out: documents with their facts (jsonl, the gold-schema shape), an
    ACLED-style events table (csv), events as map points (geojson), event clusters (clusters)
    or every table as Parquet files in a folder (parquet, needs --output DIR)."""
    from palmyra import parts
    from palmyra.store.db import Store

    try:
        exporter = parts.exporters.get(fmt)
        with Store(store, read_only=True) as st:
            if fmt in FOLDER_FORMATS:
                if output is None:
                    raise PalmyraError(
                        f"--format {fmt} writes one file per table: give --output DIR"
                    )
                n = exporter(st, output)
            elif output is None:
                n = exporter(st, sys.stdout)
            else:
                with open(output, "w", encoding="utf-8") as fh:
                    n = exporter(st, fh)
    except PalmyraError as e:
        raise fail(e) from None
    if output is not None:
        err.print(f"wrote {n} record(s) to {output}")


profiles_app = typer.Typer(
    help="The conflict profiles: list the shipped ones, or check a profile folder.",
    invoke_without_command=True,
    no_args_is_help=False,
)


@profiles_app.callback()
def profiles(ctx: typer.Context) -> None:
    """List the shipped conflict profiles: title, countries, and how many actors, aliases,
    persons, outlets, places and loaded terms each has. `--profile auto` chooses among them
    per article; `palmyra profiles check FOLDER` validates one you wrote."""
    if ctx.invoked_subcommand is not None:
        return
    from palmyra import api

    try:
        rows = api.list_profiles()
    except PalmyraError as e:
        raise fail(e) from None
    table = Table(title=f"{len(rows)} shipped profile(s)", box=None, pad_edge=False,
                  collapse_padding=True)
    table.add_column("name", no_wrap=True, min_width=7)
    table.add_column("title", min_width=10)
    table.add_column("countries", min_width=9)
    for col in ("actors", "aliases", "persons", "outlets", "places", "terms"):
        table.add_column(col, justify="right", no_wrap=True, min_width=len(col))
    for r in rows:
        table.add_row(
            r.name, r.title or "—", " ".join(r.countries), str(r.actors), str(r.aliases),
            str(r.persons), str(r.outlets), str(r.places), str(r.loaded_terms),
        )
    out.print(table)


@profiles_app.command("check")
def profiles_check(
    path: Annotated[
        Path, typer.Argument(help="A profile folder (or a shipped profile's name) to validate.")
    ],
) -> None:
    """Validate a profile folder: profile.yaml, actors.yaml, outlets.yaml, loaded_terms.yaml
    and places.yaml. Every problem is printed as FILE:LINE: reason; exit 1 if there are any."""
    from palmyra import api

    summary, problems = api.check_profile(path)
    for problem in problems:
        typer.echo(problem)
    if problems:
        err.print(f"[red]✗[/] {len(problems)} problem(s) in {escape(str(path))}", highlight=False)
        raise typer.Exit(1)
    assert summary is not None
    out.print(
        f"[green]✓[/] {escape(summary.name)}: {escape(summary.title or '')} —"
        f" countries {' '.join(summary.countries)}; {summary.actors} actors,"
        f" {summary.aliases} aliases, {summary.persons} persons, {summary.outlets} outlets,"
        f" {summary.places} places, {summary.loaded_terms} loaded terms",
        highlight=False,
        soft_wrap=True,
    )


app.add_typer(profiles_app, name="profiles")
app.command("eval")(eval_command)
app.add_typer(train_app, name="train")
app.command("events")(events_command)
app.command("compare")(compare_command)
app.command("naming")(naming_command)
app.command("sources")(sources_command)
app.command("link")(link_command)
app.command("serve")(serve)
app.command("report")(report)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
