"""``Article -> Records``: the one function every engine runs.

Stages in order: parse, actors, quotes, times, events, in-document linking. Each is
a plain function of its inputs; the model, knowledge base and lexicon are loaded
once per process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice, tee

from spacy.tokens import Doc, Token

from .actors import DocActors, country_actor, resolve_actors
from .events import find_events
from .events.lexicon import Lexicon, load_lexicon
from .kb import KnowledgeBase, load_kb
from .model import Actor, Article, Quote, Records
from .nlp import load_nlp, parse
from .quotes import find_quotes, quote_marks
from .timex import find_times

FIRST_PERSON = {"i", "me", "my", "mine", "myself"}
FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
SECOND_PERSON = {"you", "your", "yours", "yourself"}
PERSONAL = FIRST_PERSON | FIRST_PLURAL | SECOND_PERSON


def batched(items: Iterable, size: int) -> Iterator[tuple]:
    """Consecutive tuples of ``size`` items (the last may be shorter)."""
    it = iter(items)
    while chunk := tuple(islice(it, size)):
        yield chunk


def warm_up() -> None:
    """Load the model, knowledge base and lexicon now (a worker process calls this once at start)."""
    load_nlp(), load_kb(), load_lexicon()


def process(articles: Iterable[Article], batch_size: int = 32) -> Iterator[Records]:
    """Run the full pipeline over articles, parsing them in batches; streams, in input order.

    Only the batch being parsed is held, so memory does not grow with the input.
    """
    kb, lexicon = load_kb(), load_lexicon()
    for_text, for_extract = tee(articles)  # parse reads at most one batch ahead of extraction
    docs = parse((a.text for a in for_text), batch_size=batch_size)
    for article, doc in zip(for_extract, docs, strict=True):
        yield extract(article, doc, kb, lexicon)


def process_one(article: Article) -> Records:
    return next(process([article]))


def extract(article: Article, doc: Doc, kb: KnowledgeBase, lexicon: Lexicon) -> Records:
    """All records of one parsed article."""
    marked = quote_marks(doc.text)
    actors = resolve_actors(doc, article, kb, [(q.start, q.end) for q in marked])
    quotes = find_quotes(doc, actors, marked)
    actor_at = _actor_resolver(actors, quotes, kb)
    times = find_times(doc, article.published, kb, actor_at)

    def actors_at(tok: Token) -> list[Actor]:
        if tok.i in actors.plural:
            return actors.plural[tok.i]
        one = actor_at(tok)
        return [one] if one is not None else []

    events = find_events(doc, article.published, lexicon, actors_at, quotes, times)
    return Records(article, actors.mentions, events, quotes, times)


def _actor_resolver(actors: DocActors, quotes: list[Quote], kb: KnowledgeBase):
    """Token -> actor, with I/we/you inside a quote read as its speaker and addressee."""

    def quote_at(tok: Token) -> Quote | None:
        return next((q for q in quotes if q.start <= tok.idx < q.end), None)

    def actor_at(tok: Token) -> Actor | None:
        low = tok.lower_
        if tok.pos_ == "PRON" and low in PERSONAL:
            q = quote_at(tok)
            if q is None:
                return None
            if low in FIRST_PERSON:
                return q.speaker
            if low in SECOND_PERSON:
                return q.addressee
            if q.speaker is not None and q.speaker.country and "GOV" in q.speaker.sector:
                return country_actor(q.speaker.country, kb)  # "we" of a leader: the state
            return None
        m = actors.of_phrase(tok)
        return m.actor if m is not None else None

    return actor_at
