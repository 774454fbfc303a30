"""communique: dated news articles -> events (PLOVER), quotes and times, each tied to its sentence.

Python API::

    from communique import Article, extract_text
    records = extract_text("Orbán did not congratulate Dan.", "2025-06-03")
"""

from __future__ import annotations

from datetime import date

from .model import Actor, Article, Event, Mention, Quote, Records, Reject, TimeRef

__version__ = "0.1.0"
__all__ = ["Actor", "Article", "Event", "Mention", "Quote", "Records", "Reject", "TimeRef", "extract_text"]


def extract_text(text: str, published: str | date, doc_id: str = "text") -> Records:
    """Run the whole pipeline on one text published on ``published`` (YYYY-MM-DD)."""
    from .pipeline import process_one

    when = date.fromisoformat(published) if isinstance(published, str) else published
    return process_one(Article(doc_id, when, text))
