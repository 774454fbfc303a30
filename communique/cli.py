"""The ``communique`` command line: ingest, query, extract and evaluate."""

from __future__ import annotations

import codecs
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


@app.callback()
def _options(
    kb_extra: Annotated[list[Path] | None, typer.Option(
        "--kb-extra", help="A knowledge-base file named like a data table (people.csv, verbs.csv, ...) or a folder "
        "of them; its rows add to or override the package's. Repeatable; $COMMUNIQUE_KB does the same.")] = None,
) -> None:
    """Events, quotes and dates from dated news articles, each tied to its sentence."""
    if kb_extra:
        import os

        for path in kb_extra:
            if not path.exists():
                raise typer.BadParameter(f"{path} does not exist", param_hint="--kb-extra")
        current = os.environ.get("COMMUNIQUE_KB", "")
        os.environ["COMMUNIQUE_KB"] = ":".join([*(str(p) for p in kb_extra), *([current] if current else [])])


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
    workers: Annotated[int, typer.Option(min=1, help="Processes that run the pipeline (or Dask workers).")] = 1,
    engine: Annotated[Engine, typer.Option(help="local: this machine; dask: a Dask cluster.")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        help="Dask scheduler address (tcp://host:8786); default: a local cluster of --workers.")] = None,
) -> None:
    """Read articles, extract events, quotes and times, and store them (idempotent).

    Every document is stored once (by the hash of its text); a stored text read again
    with another id, title, url or source updates just those. Rejected inputs are named
    FILE:LINE: reason on stderr. One ingest at a time per store; queries keep working.

    Exit status 0 when every input was read, 3 when some were rejected (the rest is
    stored), 4 when another ingest is writing to the store.

    Example:

        communique ingest samples/corpus --db demo.duckdb --rejects rejects.jsonl --workers 2
    """
    from .ingest import ingest as run
    from .lock import StoreLocked
    from .store import StoreBusy, db_path

    if scheduler and engine != Engine.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
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
            options = {"default_date": fallback, "encoding": encoding, "max_doc_chars": max_doc_chars,
                       "batch_size": batch_size, "on_reject": on_reject,
                       "on_note": lambda n: typer.echo(f"note: {n}", err=True),
                       "on_batch": lambda n: progress.advance(task, n)}
            if engine == Engine.local and workers == 1:
                counts = run(paths, db, **options)
            else:
                counts = _ingest_on_engine(paths, db, engine.value, workers, scheduler, **options)
    except (StoreLocked, StoreBusy) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(4) from exc
    except ConnectionError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from exc
    finally:
        if reject_file is not None:
            reject_file.close()
    typer.echo(counts.summary())
    typer.echo(f"store {db_path(db)}: " + ", ".join(f"{v} {k}" for k, v in counts.stats.items()))
    raise typer.Exit(3 if counts.rejected else 0)


def _ingest_on_engine(paths, db, engine: str, workers: int, scheduler: str | None, *, default_date, encoding,
                      max_doc_chars, batch_size, on_reject, on_note, on_batch):
    """``--workers N`` / ``--engine dask``: the engines run the pipeline; one writer, the store kept open."""
    from .engines import ingest as run_engine
    from .ingest import IngestSummary
    from .lock import WriterLock
    from .read import read_paths
    from .store import Store, db_path

    counts = IngestSummary()

    def articles() -> Iterator[Article]:
        for item in read_paths(paths, default_date, encoding=encoding, max_doc_chars=max_doc_chars, on_note=on_note):
            if isinstance(item, Reject):
                counts.rejected += 1
                on_reject(item)
                continue
            counts.read += 1
            yield item

    with WriterLock(db_path(db)), Store(db) as store:
        for result in run_engine(articles(), store, engine, workers, scheduler, batch_size):
            counts.new += result.new
            counts.already += result.already
            counts.events += result.events
            counts.quotes += result.quotes
            on_batch(result.new + result.already)
        counts.stats = store.stats()
    return counts


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


actors_app = typer.Typer(rich_markup_mode=None, no_args_is_help=False)
app.add_typer(actors_app, name="actors")


@actors_app.callback(invoke_without_command=True)
def actors(
    ctx: typer.Context,
    db: DbOption = None,
    country: Annotated[str | None, typer.Option(help="Only actors of this country code.")] = None,
    format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
) -> None:
    """List stored actors, most active first; `actors resolve` explains one expression.

    Example:

        communique actors --country UZB

        communique actors resolve "President Trump" --date 2019-05-01
    """
    if ctx.invoked_subcommand is not None:
        return
    with _open_store(db) as store:
        rows = store.actors(country)
    _emit(rows, format, ["key", "name", "country", "sector", "kind", "role", "events"])


@actors_app.command("resolve")
def actors_resolve(
    expression: Annotated[str, typer.Argument(help="Words or a sentence, e.g. 'President Trump'.")],
    on: Annotated[str, typer.Option("--date", help="The article date the roles are read at (YYYY-MM-DD).")],
    format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
) -> None:
    """Show what an expression resolves to on a date, and why (which rule, which office).

    Example:

        communique actors resolve "President Trump" --date 2022-06-01
    """
    from .pipeline import explain_actors

    rows = explain_actors(expression, _date(on))
    if not rows:
        err.print(f"no actor found in {expression!r}")
        raise typer.Exit(1)
    if format in (Format.table, Format.csv):
        for r in rows:
            o = r.pop("office")
            r["office"] = f"{o['role']} {o['country']} {o['start'] or '…'}–{o['end'] or ''}" if o else ""
    _emit(rows, format, ["text", "name", "country", "sector", "kind", "office", "why"])


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


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="One side: a code (AZE), name (Aliyev) or actor key.")],
    b: Annotated[str, typer.Argument(help="The other side.")],
    db: DbOption = None,
    by: Annotated[Period, typer.Option(help="Period of each row.")] = Period.month,
    directed: Annotated[bool, typer.Option(help="Only A acting on B (default: both ways and joint acts).")] = False,
    type: Annotated[str | None, typer.Option("--type", help="Only this PLOVER type.")] = None,
    since: Annotated[str | None, typer.Option(help="Only events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Only events on or before YYYY-MM-DD.")] = None,
    include_negated: Annotated[bool, typer.Option(help="Also count negated events.")] = False,
    include_hypothetical: Annotated[bool, typer.Option(help="Also count hypothetical events.")] = False,
    format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
) -> None:
    """Events between two sides per period: counts per quad class and PLOVER type, summed PLOVER score.

    Example:

        communique dyad AZE USA --by month --format csv
    """
    from .analysis import QUADS, dyad_series

    with _open_store(db) as store:
        rows = dyad_series(store, a, b, by.value, directed, type=type, since=_date(since), until=_date(until),
                           include_negated=include_negated, include_hypothetical=include_hypothetical)
    columns = ["period", "events", "score", *QUADS.values()]
    if format != Format.table:
        columns += [t for t in rows[0] if t.isupper()] if rows else []
    _emit(rows, format, columns)


class Level(StrEnum):
    country = "country"
    actor = "actor"


@app.command()
def network(
    db: DbOption = None,
    level: Annotated[Level, typer.Option(help="Nodes are countries (and IGOs) or single actors.")] = Level.country,
    min_weight: Annotated[int, typer.Option(help="Only pairs with at least this many events.", min=1)] = 1,
    type: Annotated[str | None, typer.Option("--type", help="Only this PLOVER type.")] = None,
    since: Annotated[str | None, typer.Option(help="Only events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Only events on or before YYYY-MM-DD.")] = None,
    include_negated: Annotated[bool, typer.Option(help="Also count negated events.")] = False,
    include_hypothetical: Annotated[bool, typer.Option(help="Also count hypothetical events.")] = False,
    format: Annotated[Format, typer.Option("--format", help="Output format (json: nodes and edges).")] = Format.table,
) -> None:
    """Who engages whom: one row per source -> target pair, weighted by events.

    Example:

        communique network --level country --format csv
    """
    from .analysis import network as build

    with _open_store(db) as store:
        net = build(store, level.value, min_weight, type=type, since=_date(since), until=_date(until),
                    include_negated=include_negated, include_hypothetical=include_hypothetical)
    if format == Format.json:
        typer.echo(json.dumps(net, ensure_ascii=False, indent=1))
        return
    labels = {n["id"]: n["label"] for n in net["nodes"]}
    rows = [{**e, "source_name": labels[e["source"]], "target_name": labels[e["target"]],
             "types": [f"{k} {v}" for k, v in e["types"].items()]} for e in net["edges"]]
    _emit(rows, format, ["source", "target", "joint", "weight", "score", "types", "source_name", "target_name"])


@app.command()
def speakers(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="How many speakers.", min=1)] = 10,
    per_speaker: Annotated[int, typer.Option(help="Quotes shown per speaker.", min=0)] = 3,
    format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
) -> None:
    """The most quoted speakers and their top quotes (direct quotes first).

    Example:

        communique speakers --limit 5 --per-speaker 2
    """
    from .analysis import top_quotes

    with _open_store(db) as store:
        rows = top_quotes(store, limit, per_speaker)
    if format in (Format.json, Format.jsonl):
        _emit(rows, format, [])
        return
    flat = [{"speaker": s["name"] or s["key"], "country": s["country"], "quotes": s["quotes"], "direct": s["direct"],
             "kind": q["kind"], "text": q["text"]} for s in rows for q in s["top"] or [{"kind": None, "text": None}]]
    _emit(flat, format, ["speaker", "country", "quotes", "direct", "kind", "text"])


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    plover = "plover"
    gdelt = "gdelt"


class Table_(StrEnum):
    events = "events"
    quotes = "quotes"
    actors = "actors"


@app.command("export")
def export_(
    format: Annotated[ExportFormat, typer.Option("--format", help="parquet, csv, jsonl, plover (PLOVER JSON lines) "
                                                 "or gdelt (GDELT 2.0 event table, tab-separated).")],
    out: Annotated[Path, typer.Option("--out", help="File to write.")],
    db: DbOption = None,
    what: Annotated[Table_, typer.Option(help="Table to export (plover and gdelt: events only).")] = Table_.events,
    actor: Annotated[str | None, typer.Option(help="Only events with this actor (code or name).")] = None,
    recipient: Annotated[str | None, typer.Option(help="Only events with this recipient.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Only this PLOVER type.")] = None,
    since: Annotated[str | None, typer.Option(help="Only events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Only events on or before YYYY-MM-DD.")] = None,
    include_negated: Annotated[bool, typer.Option(help="Also export negated events.")] = False,
    include_hypothetical: Annotated[bool, typer.Option(help="Also export hypothetical events.")] = False,
) -> None:
    """Write events (or quotes, actors) for other tools: Parquet, CSV, JSON Lines, PLOVER, GDELT-style.

    Example:

        communique export --format parquet --out events.parquet --include-negated
    """
    from .export import export as write

    filters: dict = {}
    if what == Table_.events:
        filters = {"actor": actor, "recipient": recipient, "type": type, "since": _date(since),
                   "until": _date(until), "include_negated": include_negated,
                   "include_hypothetical": include_hypothetical}
    with _open_store(db) as store:
        try:
            n = write(store, format.value, out, what.value, **filters)
        except (ValueError, OSError) as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(2) from exc
    typer.echo(f"{n} rows -> {out}")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    cache: Annotated[int, typer.Option(help="API answers kept in memory (0: none).", min=0)] = 512,
) -> None:
    """Serve the HTTP API and the web page (POST /api/documents only with $COMMUNIQUE_TOKEN set).

    Without COMMUNIQUE_TOKEN the store is opened read-only per request, so an ingest can run beside it.

    Example:

        communique serve --db demo/communique.duckdb --port 8000
    """
    import uvicorn

    from .api import create_app

    try:
        application = create_app(db, cache_size=cache)
    except (FileNotFoundError, OSError) as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from exc
    uvicorn.run(application, host=host, port=port, log_level="warning")


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
