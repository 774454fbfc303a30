"""The Python API over a store: ``communique.open(path)`` returns a ``Database``.

    import communique
    db = communique.open("x.duckdb")
    db.ingest(["articles/"])
    db.events(actor="AZE").to_pandas()

Query methods return a ``Result``: iterate it for dict records, or take ``to_arrow()``
(always available) or ``to_pandas()`` (needs pandas installed).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from . import analysis
from .export import export, to_arrow
from .ingest import IngestSummary, ingest_paths
from .lock import WriterLock
from .store import Store

if TYPE_CHECKING:
    import pandas
    import pyarrow


class Result:
    """A list of dict records with Arrow and pandas views."""

    def __init__(self, rows: list[dict], table: str | None = None):
        self.rows = rows
        self.table = table  # events | quotes | actors: picks the documented Arrow schema

    def __iter__(self) -> Iterator[dict]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: int) -> dict:
        return self.rows[i]

    def __repr__(self) -> str:
        return f"<Result {self.table or 'rows'}: {len(self.rows)}>"

    def to_list(self) -> list[dict]:
        return list(self.rows)

    def to_arrow(self) -> pyarrow.Table:
        """An Arrow table; events, quotes and actors have the schema ``communique.export.SCHEMAS`` documents."""
        return to_arrow(self.rows, self.table)

    def to_pandas(self) -> pandas.DataFrame:
        """A pandas DataFrame (``pip install pandas`` first)."""
        try:
            import pandas  # noqa: F401
        except ImportError as exc:
            raise ImportError("Result.to_pandas() needs pandas: pip install pandas "
                              "(or use to_arrow(), which needs nothing more)") from exc
        return self.to_arrow().to_pandas()


class Database:
    """A communique store: ingest articles, query events, quotes and actors, analyse, export."""

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False):
        self.store = Store(path, read_only=read_only)

    @property
    def path(self) -> str:
        return str(self.store.path)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<communique.Database {self.path}>"

    def ingest(self, paths: str | os.PathLike | Iterable[str | os.PathLike], default_date: date | str | None = None,
               batch_size: int = 32) -> IngestSummary:
        """Read files or folders (``.txt`` corpus format, ``.jsonl``, ``.csv``), extract and store them.

        Already stored texts are skipped; unreadable inputs are listed in ``summary.rejects``.
        """
        if isinstance(paths, str | os.PathLike):
            paths = [paths]
        if isinstance(default_date, str):
            default_date = date.fromisoformat(default_date)
        with WriterLock(self.store.path):  # one writer per store, as for `communique ingest`
            return ingest_paths(self.store, paths, default_date, batch_size)

    def stats(self) -> dict[str, int]:
        """Counts of documents, events, quotes and actors."""
        return self.store.stats()

    def events(self, actor: str | None = None, recipient: str | None = None, type: str | None = None,
               since: date | str | None = None, until: date | str | None = None, include_negated: bool = False,
               include_hypothetical: bool = False, limit: int | None = None, offset: int = 0,
               dyad: tuple[str, str] | None = None) -> Result:
        """Events as ``communique events --format json`` prints them (negated/hypothetical only when asked).

        ``actor``/``recipient`` take a code ("AZE", "UN") or a name ("Aliyev"); dates are ISO strings or dates.
        """
        return Result(self.store.events(actor, recipient, type, _day(since), _day(until), include_negated,
                                        include_hypothetical, limit, offset, dyad=dyad), "events")

    def quotes(self, speaker: str | None = None, limit: int | None = None, offset: int = 0) -> Result:
        """Quotes with their speakers; ``speaker`` is a name, country code or description."""
        return Result(self.store.quotes(speaker, limit, offset), "quotes")

    def actors(self, country: str | None = None, limit: int | None = None, offset: int = 0) -> Result:
        """Actors, most events first."""
        return Result(self.store.actors(country, limit, offset), "actors")

    def document(self, ident: str) -> dict[str, Any] | None:
        """One document (by id or hash) with its text and the spans of its events, quotes and times."""
        return self.store.document(ident)

    def dyad(self, a: str, b: str, by: str = "month", **filters: Any) -> Result:
        """Events between A and B per period (see ``communique.analysis.dyad_series``)."""
        return Result(analysis.dyad_series(self.store, a, b, by, **_days(filters)))

    def network(self, level: str = "country", **filters: Any) -> dict:
        """Who engages whom: ``{"nodes": [...], "edges": [...]}`` (see ``communique.analysis.network``)."""
        return analysis.network(self.store, level, **_days(filters))

    def top_actors(self, limit: int = 10, **filters: Any) -> Result:
        return Result(analysis.top_actors(self.store, limit, **_days(filters)))

    def speakers(self, limit: int = 10, per_speaker: int = 3) -> Result:
        """The most quoted speakers with their top quotes."""
        return Result(analysis.top_quotes(self.store, limit, per_speaker))

    def export(self, fmt: str, out: str | os.PathLike, what: str = "events", **filters: Any) -> int:
        """Write parquet, csv, jsonl, plover or gdelt (see ``communique.export``); returns rows written."""
        return export(self.store, fmt, out, what, **_days(filters))


def open_database(path: str | os.PathLike | None = None, read_only: bool = False) -> Database:
    """Open (or create) a store; ``read_only`` lets several processes read one file."""
    return Database(path, read_only)


def _day(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _days(filters: dict) -> dict:
    return {k: _day(v) if k in ("since", "until") else v for k, v in filters.items()}
