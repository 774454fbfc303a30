"""Bulk loading: a batch of records stored with a few set-wise statements instead of a few per row.

``load_batch(store, batch)`` stores exactly what ``Store.add_batch`` stores (tests
compare every row): the same duplicate rules (first seen wins for actors, times and
mentions), the same cross-document event linking in the same order, one transaction.
DuckDB pays about a millisecond per statement, so the row-at-a-time path costs tens
of milliseconds per article; here rows are gathered in Python and inserted as Arrow
tables, and the stored events a batch could join are fetched with one query.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from .link import PRECISION_RANK, group, group_key, interval, representative, same_event
from .model import Actor, Article, Event, Records
from .store import BatchResult, Store, new_event_id

COLUMNS = {
    "documents": ["doc_hash", "doc_id", "published", "title", "url", "source", "origin", "text", "ingested_at"],
    "actors": ["actor_key", "name", "country", "igo", "sector", "kind", "role"],
    "quotes": ["quote_id", "doc_hash", "kind", "cue", "speaker_key", "speaker_text", "outlet_key", "addressee_key",
               "start_char", "end_char", "text"],
    "times": ["doc_hash", "start_char", "end_char", "text", "value", "kind"],
    "events": ["event_id", "type", "mode", "negated", "aux", "context", "cameo", "plover_score", "quad", "date",
               "date_end", "date_precision", "date_first", "date_last", "confidence", "group_key", "actor_keys",
               "recipient_keys"],
    "event_actors": ["event_id", "actor_key", "side"],
    "event_mentions": ["event_id", "doc_hash", "evidence_start", "evidence_end", "evidence", "trigger", "quote_id",
                       "confidence", "sentence_start", "sentence_end"],
}
# Rows of these tables repeat within a batch (an actor in many documents, two quotes at one offset
# from one statement found through two cues, ...): the first of each key is kept, as in the row
# path. Of these tables only actors are keyed in the store (stored ones are kept: INSERT OR IGNORE);
# the other keys hold the hash of a document new in this batch, so no stored row can have them.
KEYS = {"actors": (0,), "times": (0, 1), "event_mentions": (1, 2, 0), "quotes": (0,)}


class _Stored:
    """An event as the store has it, enough to decide whether a new mention is the same event."""

    __slots__ = ("event_id", "event", "updated")

    def __init__(self, eid: str, event: Event):
        self.event_id, self.event, self.updated = eid, event, False


def load_batch(store: Store, batch: Iterable[Records], updates: Iterable[Article] = ()) -> BatchResult:
    """Store a batch in one transaction, as ``Store.add_batch`` would, with bulk statements.

    ``updates`` are stored documents read again with other metadata (``Store.add_batch``).
    """
    batch = list(batch)
    result = BatchResult()
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        for a in updates:
            store.update_metadata(a)
            result.updated += 1
        hashes = list(dict.fromkeys(r.article.doc_hash for r in batch))
        stored = {h for (h,) in con.execute(
            "SELECT doc_hash FROM documents WHERE doc_hash IN (SELECT unnest(?))", [hashes]).fetchall()}
        fresh, seen = [], set()
        for rec in batch:
            h = rec.article.doc_hash
            if h in seen or h in stored:
                result.already += 1
                continue
            seen.add(h)
            fresh.append(rec)
        rows = _Rows()
        candidates = _candidates(con, fresh)
        for rec in fresh:
            _add_records(rec, rows, candidates)
            result.new += 1
            result.events += len(group(rec.events))
            result.quotes += len({q.start for q in rec.quotes})
        rows.insert(con)
        _update_dates(con, candidates)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return result


class _Rows:
    def __init__(self):
        self.tables: dict[str, list[tuple]] = {t: [] for t in COLUMNS}
        self.event_ids: set[str] = set()  # of the batch's new events

    def add(self, table: str, row: tuple) -> None:
        self.tables[table].append(row)

    def insert(self, con) -> None:
        for table, rows in self.tables.items():
            if not rows:
                continue
            if table in KEYS:
                rows = _first_of_each_key(rows, KEYS[table])
            cols = COLUMNS[table]
            arrow = pa.table({c: [r[i] for r in rows] for i, c in enumerate(cols)})
            name = f"_bulk_{table}"
            con.register(name, arrow)
            try:
                verb = "INSERT OR IGNORE" if table == "actors" else "INSERT"
                con.execute(f"{verb} INTO {table} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM {name}")
            finally:
                with suppress(duckdb.Error):  # an aborted transaction refuses this too; keep the first error
                    con.unregister(name)


def _first_of_each_key(rows: list[tuple], key: tuple[int, ...]) -> list[tuple]:
    out: dict[tuple, tuple] = {}
    for r in rows:
        out.setdefault(tuple(r[i] for i in key), r)
    return list(out.values())


def _add_records(rec: Records, rows: _Rows, candidates: dict[str, list[_Stored]]) -> None:
    a, h = rec.article, rec.article.doc_hash
    rows.add("documents", (h, a.id, a.published, a.title, a.url, a.source, a.origin, a.text, datetime.now(UTC)))
    for actor in rec.actors:
        _actor(rows, actor)
    quote_ids = []
    for q in rec.quotes:
        qid = f"{h[:16]}:{q.start}"
        quote_ids.append(qid)
        rows.add("quotes", (qid, h, q.kind, q.cue, _key(q.speaker), q.speaker_text, _key(q.outlet),
                            _key(q.addressee), q.start, q.end, q.text))
    for t in rec.times:
        rows.add("times", (h, t.start, t.end, t.text, t.value, t.kind))
    for mentions in group(rec.events):
        eid = _event_for(representative(mentions), h, rows, candidates)
        for m in mentions:
            qid = quote_ids[m.quote_index] if m.quote_index is not None and m.quote_index < len(quote_ids) else None
            rows.add("event_mentions", (eid, h, m.evidence_start, m.evidence_end, m.evidence, m.trigger, qid,
                                        m.confidence, m.sentence_start, m.sentence_end))


def _actor(rows: _Rows, a: Actor) -> None:
    rows.add("actors", (a.key, a.name, a.country, a.igo, list(a.sector), a.kind, a.role))


def _candidates(con, records: list[Records]) -> dict[str, list[_Stored]]:
    """Stored events sharing a group key with any event of the batch, in the order they were stored."""
    keys = list({group_key(e) for rec in records for e in rec.events})
    out: dict[str, list[_Stored]] = {k: [] for k in keys}
    if not keys:
        return out
    rows = con.execute(
        "SELECT group_key, event_id, type, negated, actor_keys, recipient_keys, date, date_end, date_precision "
        "FROM events WHERE group_key IN (SELECT unnest(?)) ORDER BY rowid", [keys]).fetchall()
    for gk, eid, etype, neg, akeys, rkeys, d, d_end, prec in rows:
        out[gk].append(_Stored(eid, Event(etype, tuple(_stub(k) for k in akeys), tuple(_stub(k) for k in rkeys),
                                          0, 0, "", "", negated=neg, date=d, date_end=d_end, date_precision=prec)))
    return out


def _event_for(e: Event, doc_hash: str, rows: _Rows, candidates: dict[str, list[_Stored]]) -> str:
    """The id of the stored (or batch) event this one is; a new event if none (``Store._event_for``)."""
    gk = group_key(e)
    for c in candidates[gk]:
        if same_event(e, c.event):
            s = c.event
            if PRECISION_RANK.get(e.date_precision, 5) < PRECISION_RANK.get(s.date_precision, 5):
                c.event = Event(s.type, s.actors, s.recipients, 0, 0, "", "", negated=s.negated, date=e.date,
                                date_end=e.date_end, date_precision=e.date_precision)
                c.updated = True
            return c.event_id
    eid = new_event_id(e, doc_hash, rows.event_ids)
    span = interval(e)
    rows.add("events", (eid, e.type, e.mode, e.negated, list(e.aux), list(e.context), e.cameo, e.score, e.quad,
                        e.date, e.date_end, e.date_precision, span[0] if span else None, span[1] if span else None,
                        e.confidence, gk, [a.key for a in e.actors], [r.key for r in e.recipients]))
    for side, actors in (("actor", e.actors), ("recipient", e.recipients)):
        for a in actors:
            _actor(rows, a)
            rows.add("event_actors", (eid, a.key, side))
    new = _Stored(eid, Event(e.type, tuple(_stub(a.key) for a in e.actors), tuple(_stub(r.key) for r in e.recipients),
                             0, 0, "", "", negated=e.negated, date=e.date, date_end=e.date_end,
                             date_precision=e.date_precision))
    candidates[gk].append(new)
    return eid


def _update_dates(con, candidates: dict[str, list[_Stored]]) -> None:
    """Stored events whose date a more precise mention in this batch sharpened."""
    for group_ in candidates.values():
        for c in group_:
            if c.updated:
                e, span = c.event, interval(c.event)
                con.execute("UPDATE events SET date = ?, date_end = ?, date_precision = ?, date_first = ?, "
                            "date_last = ? WHERE event_id = ?", [e.date, e.date_end, e.date_precision,
                                                                 span[0] if span else None, span[1] if span else None,
                                                                 c.event_id])


def _key(a: Actor | None) -> str | None:
    return a.key if a is not None else None


def _stub(key: str) -> Actor:
    return Actor(key, None, None)
