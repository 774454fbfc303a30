"""The ``communique`` command line: ingest, query, extract and evaluate."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .model import Article, Reject

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
                  help="Events, quotes and dates from dated news articles, each tied to its sentence.")
err = Console(stderr=True)

DbOption = Annotated[Path | None, typer.Option(
    "--db", help="DuckDB file (default: $COMMUNIQUE_DB or ./communique.duckdb).")]


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


def _open_store(db: Path | None, read_only: bool = True):
    from .store import Store

    try:
        return Store(db, read_only=read_only)
    except FileNotFoundError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2) from exc


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt corpus format, .jsonl, .csv).")],
    db: DbOption = None,
    default_date: Annotated[str | None, typer.Option(help="Date (YYYY-MM-DD) for texts without a date line.")] = None,
    batch_size: Annotated[int, typer.Option(help="Documents per parse batch and per transaction.")] = 32,
    workers: Annotated[int, typer.Option(min=1, help="Processes that run the pipeline (or Dask workers).")] = 1,
    engine: Annotated[Engine, typer.Option(help="local: this machine; dask: a Dask cluster.")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        help="Dask scheduler address (tcp://host:8786); default: a local cluster of --workers.")] = None,
) -> None:
    """Read articles, extract events, quotes and times, and store them (idempotent).

    Exit status 0 when every input was read, 3 when some were rejected (the rest is stored).

    Example:

        communique ingest samples/corpus --db demo.duckdb --workers 2
    """
    from .engines import ingest as run_engine
    from .read import read_paths
    from .store import Store

    if scheduler and engine != Engine.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    fallback = date.fromisoformat(default_date) if default_date else None
    counts = {"read": 0, "new": 0, "already stored": 0, "rejected": 0, "events": 0, "quotes": 0}
    store = Store(db)

    def articles() -> Iterator[Article]:
        """Articles as they are read, rejects reported; the engine skips (and counts) stored ones."""
        for item in read_paths(paths, fallback):
            if isinstance(item, Reject):
                counts["rejected"] += 1
                typer.echo(str(item), err=True)  # FILE:LINE: reason, never wrapped
                continue
            counts["read"] += 1
            yield item

    with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("ingest", total=None)
        try:
            for result in run_engine(articles(), store, engine, workers, scheduler, batch_size):
                counts["new"] += result.new
                counts["already stored"] += result.already
                counts["events"] += result.events
                counts["quotes"] += result.quotes
                progress.advance(task, result.new + result.already)
        except ConnectionError as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(2) from exc
    stats = store.stats()
    store.close()
    typer.echo("  ".join(f"{k}: {v}" for k, v in counts.items()))
    typer.echo(f"store {store.path}: " + ", ".join(f"{v} {k}" for k, v in stats.items()))
    raise typer.Exit(3 if counts["rejected"] else 0)


def _emit(rows: list[dict], fmt: Format, columns: list[str]) -> None:
    if fmt == Format.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
    elif fmt == Format.jsonl:
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False, default=str))
    elif fmt == Format.csv:
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in columns])
        typer.echo(buf.getvalue().rstrip("\n"))
    else:
        table = Table(*columns, show_lines=False)
        for r in rows:
            table.add_row(*[_short(_cell(r.get(c))) for c in columns])
        Console(width=200).print(table)


def _short(text: str, width: int = 90) -> str:
    """Tables show the start of long texts; csv/json/jsonl keep them whole."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return value.get("name") or value.get("country") or ""
    return str(value)


@app.command()
def events(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor code (UZB, UN) or name (Mirziyoyev).")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient code or name.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type (SUPPORT, CONSULT, ...).")] = None,
    since: Annotated[str | None, typer.Option(help="Only events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Only events on or before YYYY-MM-DD.")] = None,
    include_negated: Annotated[bool, typer.Option(help="Also list events the text says did not happen.")] = False,
    include_hypothetical: Annotated[bool, typer.Option(help="Also list hypothetical events.")] = False,
    format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
) -> None:
    """List stored events (negated and hypothetical ones only when asked).

    Example:

        communique events --actor HUN --type SUPPORT --include-negated --format json
    """
    with _open_store(db) as store:
        rows = store.events(actor, recipient, type, _date(since), _date(until), include_negated,
                            include_hypothetical, limit)
    if format == Format.table:
        for r in rows:
            r["actors"] = [a["name"] or a["country"] for a in r["actor"]]
            r["recipients"] = [a["name"] or a["country"] for a in r["recipient"]]
            r["documents"] = sorted({m["document"] for m in r["mentions"]})
    _emit(rows, format, ["date", "event", "mode", "actors", "recipients", "negated", "aux", "evidence", "documents"]
          if format == Format.table else ["id", "date", "date_end", "event", "mode", "actor", "recipient",
                                          "negated", "aux", "evidence"])


@app.command()
def quotes(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Speaker name, country code or description.")] = None,
    format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
    limit: Annotated[int | None, typer.Option(help="At most this many quotes.")] = None,
) -> None:
    """List stored quotes with their speakers.

    Example:

        communique quotes --speaker Mirziyoyev
    """
    with _open_store(db) as store:
        rows = store.quotes(speaker, limit)
    _emit(rows, format, ["document", "kind", "speaker", "speaker_country", "cue", "outlet", "text"])


@app.command()
def actors(
    db: DbOption = None,
    country: Annotated[str | None, typer.Option(help="Only actors of this country code.")] = None,
    format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
) -> None:
    """List stored actors, most active first.

    Example:

        communique actors --country UZB
    """
    with _open_store(db) as store:
        rows = store.actors(country)
    _emit(rows, format, ["key", "name", "country", "sector", "kind", "role", "events"])


@app.command()
def stats(db: DbOption = None,
          json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Count documents, events, quotes and actors in the store.

    Example:

        communique stats --json
    """
    with _open_store(db) as store:
        counts = store.stats()
    typer.echo(json.dumps(counts) if json_out else "  ".join(f"{k}: {v}" for k, v in counts.items()))


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to read.")],
    format: Annotated[ExtractFormat, typer.Option(
        "--format", help="jsonl: one object per document.")] = ExtractFormat.jsonl,
    default_date: Annotated[str | None, typer.Option(help="Date for texts without a date line.")] = None,
) -> None:
    """Extract without storing: one object per document in the gold format.

    Example:

        communique extract samples/corpus/101_1ec0cd508143eff1.txt --format jsonl
    """
    from .formats import records_to_gold
    from .pipeline import process
    from .read import read_paths

    fallback = date.fromisoformat(default_date) if default_date else None
    articles, rejected = [], 0
    for item in read_paths(paths, fallback):
        if isinstance(item, Reject):
            rejected += 1
            typer.echo(str(item), err=True)
        else:
            articles.append(item)
    out = [records_to_gold(r) for r in process(articles)]
    if format == ExtractFormat.json:
        typer.echo(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        for o in out:
            typer.echo(json.dumps(o, ensure_ascii=False))
    raise typer.Exit(3 if rejected else 0)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file (FORMAT.md).")],
    corpus: Annotated[Path | None, typer.Option(help="Folder of <id>.txt files for records without text.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score the pipeline against a gold file.

    Example:

        communique eval ../shared/gold/seeds.jsonl --corpus ../shared/seeds --json
    """
    from .evaluate import GoldError, evaluate

    try:
        result = evaluate(gold, corpus)
    except (GoldError, OSError) as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from exc
    if json_out:
        typer.echo(json.dumps(result))
        return
    table = Table("metric", "value")
    for k, v in result.items():
        if isinstance(v, dict):
            v = "  ".join(f"{kk}={vv}" for kk, vv in v.items())
        table.add_row(k, "n/a" if v is None else str(v))
    Console(width=120).print(table)


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a YYYY-MM-DD date") from exc


def main() -> None:
    app()


if __name__ == "__main__":
    main()
    sys.exit(0)
