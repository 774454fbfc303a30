"""``Article -> Records``: the one function every engine runs.

Stages in order: parse, actors, quotes, times, events, in-document linking. Each is
a plain function of its inputs; the model, knowledge base and lexicon are loaded
once per process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import fields, replace
from itertools import islice, tee

from spacy.tokens import Doc, Token

from .actors import DocActors, country_actor, place_actor, resolve_actors
from .bounds import split_parts
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

    Only the batch being parsed is held, so memory does not grow with the input. A text
    longer than ``bounds.PART_CHARS`` is extracted in parts cut at paragraph breaks and
    the records joined, so time and memory grow linearly with its length.
    """
    kb, lexicon = load_kb(), load_lexicon()
    jobs = ((a, split_parts(a.text)) for a in articles)
    for_text, for_extract = tee(jobs)  # parse reads at most one batch ahead of extraction
    docs = parse((a.text[s:e] for a, parts in for_text for s, e in parts), batch_size=batch_size)
    for article, parts in for_extract:
        if len(parts) == 1:
            yield extract(article, next(docs), kb, lexicon)
        else:
            yield _join(article, [(s, extract(replace(article, text=article.text[s:e]), next(docs), kb, lexicon))
                                  for s, e in parts])


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
        if one is None and tok.i in actors.places:
            return [place_actor(actors.places[tok.i])]
        return [one] if one is not None else []

    events = find_events(doc, article.published, lexicon, actors_at, quotes, times)
    return Records(article, actors.mentions, events, quotes, times)


def _join(article: Article, parts: list[tuple[int, Records]]) -> Records:
    """The records of an article's parts, offsets moved into the whole text."""
    out, quotes_before = Records(article), 0
    for offset, rec in parts:
        out.mentions += [_shift(m, offset) for m in rec.mentions]
        out.times += [_shift(t, offset) for t in rec.times]
        out.events += [_shift(e, offset, quote_index=None if e.quote_index is None else e.quote_index + quotes_before)
                       for e in rec.events]
        out.quotes += [_shift(q, offset) for q in rec.quotes]
        quotes_before += len(rec.quotes)
    return out


def _shift(record, offset: int, **changes):
    """A copy of a record with every character offset (``start``, ``end``, ``*_start``, ``*_end``) moved."""
    for f in fields(record):
        value = getattr(record, f.name)
        if (f.name in ("start", "end") or f.name.endswith(("_start", "_end"))) and type(value) is int:
            changes[f.name] = value + offset
    return replace(record, **changes)


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


HOW = {"kb": "a name in the knowledge base", "title": "a person the knowledge base does not know, placed by title",
       "surname": "a surname of a person named before (or the one office holder of that name)",
       "role": "a description of a person named before or of an office holder ('the head of state')",
       "group": "a collective placed by its nationality or place ('Hungarian officials')",
       "country": "a country name", "capital": "a capital or seat of power standing for its state",
       "demonym": "a nationality adjective standing for its state", "ner": "an organisation spaCy found",
       "pronoun": "a pronoun pointing back to a person"}


def explain_actors(text: str, published) -> list[dict]:
    """What each actor mention of ``text`` resolves to on date ``published``, and why."""
    kb = load_kb()
    article = Article("expression", published, text)
    doc = next(parse([text]))
    found = resolve_actors(doc, article, kb, [(q.start, q.end) for q in quote_marks(text)])
    out = []
    for m in found.mentions:
        a = m.actor
        role = kb.role_at(a.name, published) if a.kind == "person" and a.name else None
        out.append({"text": m.text, "name": a.name, "country": a.country, "sector": list(a.sector), "kind": a.kind,
                    "igo": a.igo, "role": a.role, "how": m.how, "why": HOW.get(m.how, m.how),
                    "office": None if role is None else {"role": role.role, "country": role.country,
                                                         "start": str(role.start) if role.start else None,
                                                         "end": str(role.end) if role.end else None}})
    return out

