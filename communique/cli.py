"""The ``communique`` command line: ingest, query, extract and evaluate."""

from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .model import Reject

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
                  help="Events, quotes and dates from dated news articles, each tied to its sentence.")
err = Console(stderr=True)

DbOption = Annotated[Path | None, typer.Option(
    "--db", help="DuckDB file (default: $COMMUNIQUE_DB or ./communique.duckdb).")]


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


def _open_store(db: Path | None, read_only: bool = True):
    from .store import Store, StoreBusy

    try:
        return Store(db, read_only=read_only)
    except (FileNotFoundError, StoreBusy) as exc:
        typer.echo(f"error: {exc}", err=True)  # not wrapped: it names a path
        raise typer.Exit(2) from exc


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt corpus format, .jsonl, .csv).")],
    db: DbOption = None,
    default_date: Annotated[str | None, typer.Option(
        help="Date (YYYY-MM-DD) for texts without a date line and rows without a date.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per parse batch and per transaction.")] = 32,
    rejects: Annotated[Path | None, typer.Option(
        help="Also write the rejected inputs to this file, one JSON object a line (file, line, reason).")] = None,
    encoding: Annotated[str | None, typer.Option(
        help="Encoding to try for texts that are not UTF-8, before guessing one (e.g. cp1252).")] = None,
    max_doc_chars: Annotated[int, typer.Option(
        min=1, help="Longest document text accepted, in characters; longer ones are rejected, never cut.")]
    = 2_000_000,
) -> None:
    """Read articles, extract events, quotes and times, and store them (idempotent).

    Every document is stored once (by the hash of its text); a stored text read again
    with another id, title, url or source updates just those. Rejected inputs are named
    FILE:LINE: reason on stderr. One ingest at a time per store; queries keep working.

    Exit status 0 when every input was read, 3 when some were rejected (the rest is
    stored), 4 when another ingest is writing to the store.

    Example:

        communique ingest samples/corpus --db demo.duckdb --rejects rejects.jsonl
    """
    from .ingest import ingest as run
    from .lock import StoreLocked
    from .store import StoreBusy, db_path

    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise typer.BadParameter(f"unknown encoding {encoding!r}", param_hint="--encoding") from exc
    fallback = _date(default_date, "--default-date")
    try:
        reject_file = rejects.open("w", encoding="utf-8") if rejects else None
    except OSError as exc:
        raise typer.BadParameter(f"cannot write {rejects}: {exc.strerror}", param_hint="--rejects") from exc

    def on_reject(r: Reject) -> None:
        typer.echo(str(r), err=True)  # FILE:LINE: reason, never wrapped
        if reject_file is not None:
            reject_file.write(json.dumps({"file": r.path, "line": r.line, "reason": r.reason}, ensure_ascii=False)
                              + "\n")
            reject_file.flush()

    try:
        with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True, disable=not err.is_terminal) as progress:
            task = progress.add_task("ingest", total=None)
            counts = run(paths, db, default_date=fallback, encoding=encoding, max_doc_chars=max_doc_chars,
                         batch_size=batch_size, on_reject=on_reject,
                         on_note=lambda n: typer.echo(f"note: {n}", err=True),
                         on_batch=lambda n: progress.advance(task, n))
    except (StoreLocked, StoreBusy) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(4) from exc
    finally:
        if reject_file is not None:
            reject_file.close()
    typer.echo(counts.summary())
    typer.echo(f"store {db_path(db)}: " + ", ".join(f"{v} {k}" for k, v in counts.stats.items()))
    raise typer.Exit(3 if counts.rejected else 0)


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


@app.command()
def check(db: DbOption = None) -> None:
    """Verify the store's invariants: no orphans, consistent counts, evidence inside its document.

    Exit status 0 when every check holds, 1 when one does not (each is named with examples).

    Example:

        communique check --db demo/communique.duckdb
    """
    from .check import check_store

    with _open_store(db) as store:
        names, problems = check_store(store)
        counts = store.stats()
    for p in problems:
        typer.echo(f"FAIL {p}")
    if problems:
        typer.echo(f"{len(problems)} of {len(names)} checks failed")
        raise typer.Exit(1)
    typer.echo(f"ok: {len(names)} checks hold on " + ", ".join(f"{v} {k}" for k, v in counts.items()))


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

    fallback = _date(default_date, "--default-date")
    articles, rejected = [], 0
    for item in read_paths(paths, fallback, on_note=lambda n: typer.echo(f"note: {n}", err=True)):
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


def _date(value: str | None, option: str | None = None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a YYYY-MM-DD date", param_hint=option) from exc


def main() -> None:
    app()


if __name__ == "__main__":
    main()
    sys.exit(0)
