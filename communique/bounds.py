"""Bounds on the work one document can cost, whatever its text.

A run-on "sentence" of thousands of tokens or a 2 MB document would make every
per-sentence and per-document step of extraction slow (and the parser's memory
grow with the document). So sentences are capped at ``MAX_SENTENCE_TOKENS``
tokens before the parser sees them, and long texts are extracted in parts of at
most ``PART_CHARS`` characters cut at paragraph breaks: time grows linearly with
the length of a document, which the reader caps. Ordinary news articles are
shorter than both bounds and are parsed exactly as before.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

MAX_SENTENCE_TOKENS = 150
PART_CHARS = 20_000
SENTENCE_END = {".", "!", "?", ";"}
# where to cut a long text, best first: a paragraph break, a line break, a sentence end, any space
CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)]*\s+"), re.compile(r"\s+"))


@Language.component("cap_sentences")
def cap_sentences(doc: Doc) -> Doc:
    """Start a sentence after ``MAX_SENTENCE_TOKENS`` tokens without a sentence end or line break."""
    run = 0
    for tok in doc:
        if run >= MAX_SENTENCE_TOKENS:
            tok.is_sent_start = True  # the parser keeps boundaries set before it
            run = 0
        run += 1
        if tok.text in SENTENCE_END or "\n" in tok.text:
            run = 0
    return doc


def add_bounds(nlp: Language) -> Language:
    """Put ``cap_sentences`` before the parser (or whatever sets sentences) of a loaded pipeline."""
    first = next((n for n in ("parser", "senter", "sentencizer") if n in nlp.pipe_names), None)
    if first is not None and "cap_sentences" not in nlp.pipe_names:
        nlp.add_pipe("cap_sentences", before=first)
    return nlp


def split_parts(text: str, limit: int = PART_CHARS) -> list[tuple[int, int]]:
    """Character spans covering ``text`` in order, each at most ``limit`` long, cut at the best break."""
    spans, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = limit
        for pattern in CUTS:
            ends = [m.end() for m in pattern.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        spans.append((start, start + cut))
        start += cut
    spans.append((start, len(text)))
    return spans
