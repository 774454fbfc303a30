"""communique: dated news articles -> events (PLOVER), quotes and times, each tied to its sentence.

Python API::

    from communique import Article, extract_text
    records = extract_text("Orbán did not congratulate Dan.", "2025-06-03")

    import communique
    db = communique.open("x.duckdb")
    db.ingest(["articles/"])
    db.events(actor="AZE").to_pandas()
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING

from .model import Actor, Article, Event, Mention, Quote, Records, Reject, TimeRef

__version__ = "0.1.0"
__all__ = ["Actor", "Article", "Event", "Mention", "Quote", "Records", "Reject", "TimeRef", "extract_text", "open"]

if TYPE_CHECKING:
    from .database import Database


def extract_text(text: str, published: str | date, doc_id: str = "text") -> Records:
    """Run the whole pipeline on one text published on ``published`` (YYYY-MM-DD)."""
    from .pipeline import process_one

    when = date.fromisoformat(published) if isinstance(published, str) else published
    return process_one(Article(doc_id, when, text))


def open(path: str | os.PathLike | None = None, read_only: bool = False) -> Database:  # noqa: A001
    """Open (or create) a store and return a ``communique.database.Database`` over it.

    ``path`` defaults to ``$COMMUNIQUE_DB`` or ``./communique.duckdb``.
    """
    from .database import open_database

    return open_database(path, read_only)
