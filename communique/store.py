"""The DuckDB store: schema, one transaction per batch, and the read queries.

Documents are keyed by the hash of their normalised text, so ingesting the same
text again adds nothing. Events are stored once with all their mentions: a new
mention joins a stored event when ``link.same_event`` says they are one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb

from .link import PRECISION_RANK, event_id, group, group_key, interval, representative, same_event
from .model import Actor, Event, Records

DEFAULT_DB = "communique.duckdb"

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_hash VARCHAR PRIMARY KEY, doc_id VARCHAR, published DATE, title VARCHAR, url VARCHAR,
    source VARCHAR, origin VARCHAR, text VARCHAR, ingested_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS actors (
    actor_key VARCHAR PRIMARY KEY, name VARCHAR, country VARCHAR, igo VARCHAR, sector VARCHAR[],
    kind VARCHAR, role VARCHAR);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, type VARCHAR, mode VARCHAR, negated BOOLEAN, aux VARCHAR[],
    context VARCHAR[], cameo VARCHAR, plover_score DOUBLE, quad INTEGER, date VARCHAR, date_end VARCHAR,
    date_precision VARCHAR, date_first DATE, date_last DATE, confidence DOUBLE, group_key VARCHAR,
    actor_keys VARCHAR[], recipient_keys VARCHAR[]);
CREATE TABLE IF NOT EXISTS event_mentions (
    event_id VARCHAR, doc_hash VARCHAR, evidence_start INTEGER, evidence_end INTEGER, evidence VARCHAR,
    trigger VARCHAR, quote_id VARCHAR, confidence DOUBLE, sentence_start INTEGER, sentence_end INTEGER,
    PRIMARY KEY (doc_hash, evidence_start, event_id));
CREATE TABLE IF NOT EXISTS event_actors (event_id VARCHAR, actor_key VARCHAR, side VARCHAR);
CREATE TABLE IF NOT EXISTS quotes (
    quote_id VARCHAR PRIMARY KEY, doc_hash VARCHAR, kind VARCHAR, cue VARCHAR, speaker_key VARCHAR,
    speaker_text VARCHAR, outlet_key VARCHAR, addressee_key VARCHAR, start_char INTEGER, end_char INTEGER,
    text VARCHAR);
CREATE TABLE IF NOT EXISTS times (
    doc_hash VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR, value VARCHAR, kind VARCHAR,
    PRIMARY KEY (doc_hash, start_char));
CREATE INDEX IF NOT EXISTS events_group ON events (group_key);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors (actor_key);
"""


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """``--db``, else ``COMMUNIQUE_DB``, else ``./communique.duckdb``."""
    return Path(explicit or os.environ.get("COMMUNIQUE_DB") or DEFAULT_DB)


@dataclass
class BatchResult:
    new: int = 0
    already: int = 0
    events: int = 0
    quotes: int = 0


class Store:
    """A DuckDB file holding documents, actors, events (with mentions), quotes and times."""

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False):
        self.path = db_path(path)
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no store at {self.path} (run 'communique ingest' first)")
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        if not read_only:
            self.con.execute(SCHEMA)

    def close(self) -> None:
        self.con.close()

    def reconnect(self) -> None:
        """Close and reopen the file: DuckDB then lets go of the index and cache memory it built up,
        so a long bulk load stays flat in memory (indexes are read back from the file as needed)."""
        self.con.close()
        self.con = duckdb.connect(str(self.path))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------
    def has_document(self, doc_hash: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE doc_hash = ?", [doc_hash]).fetchone() is not None

    def add_batch(self, batch: Iterable[Records]) -> BatchResult:
        """Store a batch in one transaction: all of it or, on error, none of it."""
        result = BatchResult()
        self.con.execute("BEGIN TRANSACTION")
        try:
            seen: set[str] = set()
            for rec in batch:
                h = rec.article.doc_hash
                if h in seen or self.has_document(h):
                    result.already += 1
                    continue
                seen.add(h)
                self._add_records(rec)
                result.new += 1
                result.events += len(group(rec.events))
                result.quotes += len(rec.quotes)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return result

    def _add_records(self, rec: Records) -> None:
        a, h = rec.article, rec.article.doc_hash
        self.con.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [h, a.id, a.published, a.title, a.url, a.source, a.origin, a.text, datetime.now(UTC)])
        for actor in rec.actors:
            self._upsert_actor(actor)
        quote_ids = []
        for q in rec.quotes:
            qid = f"{h[:16]}:{q.start}"
            quote_ids.append(qid)
            self.con.execute(
                "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [qid, h, q.kind, q.cue, _key(q.speaker), q.speaker_text, _key(q.outlet), _key(q.addressee),
                 q.start, q.end, q.text])
        for t in rec.times:
            self.con.execute("INSERT OR IGNORE INTO times VALUES (?, ?, ?, ?, ?, ?)",
                             [h, t.start, t.end, t.text, t.value, t.kind])
        for mentions in group(rec.events):
            eid = self._event_for(representative(mentions), h)
            for m in mentions:
                qid = quote_ids[m.quote_index] if m.quote_index is not None and m.quote_index < len(quote_ids) else None
                self.con.execute("INSERT OR IGNORE INTO event_mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 [eid, h, m.evidence_start, m.evidence_end, m.evidence, m.trigger, qid, m.confidence,
                                  m.sentence_start, m.sentence_end])

    def _upsert_actor(self, a: Actor) -> None:
        self.con.execute("INSERT OR IGNORE INTO actors VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [a.key, a.name, a.country, a.igo, list(a.sector), a.kind, a.role])

    def _event_for(self, e: Event, doc_hash: str) -> str:
        """The id of the stored event this one is; a new event if none."""
        gk = group_key(e)
        rows = self.con.execute(
            "SELECT event_id, type, negated, actor_keys, recipient_keys, date, date_end, date_precision "
            "FROM events WHERE group_key = ?", [gk]).fetchall()
        for eid, etype, neg, akeys, rkeys, d, d_end, prec in rows:
            stored = Event(etype, tuple(_stub(k) for k in akeys), tuple(_stub(k) for k in rkeys), 0, 0, "", "",
                           negated=neg, date=d, date_end=d_end, date_precision=prec)
            if same_event(e, stored):
                if PRECISION_RANK.get(e.date_precision, 5) < PRECISION_RANK.get(prec, 5):
                    span = interval(e)
                    self.con.execute(
                        "UPDATE events SET date = ?, date_end = ?, date_precision = ?, date_first = ?, date_last = ? "
                        "WHERE event_id = ?", [e.date, e.date_end, e.date_precision,
                                               span[0] if span else None, span[1] if span else None, eid])
                return eid
        eid = event_id(e, doc_hash)
        span = interval(e)
        self.con.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [eid, e.type, e.mode, e.negated, list(e.aux), list(e.context), e.cameo, e.score, e.quad, e.date,
             e.date_end, e.date_precision, span[0] if span else None, span[1] if span else None, e.confidence, gk,
             [a.key for a in e.actors], [r.key for r in e.recipients]])
        for side, actors in (("actor", e.actors), ("recipient", e.recipients)):
            for a in actors:
                self._upsert_actor(a)
                self.con.execute("INSERT INTO event_actors VALUES (?, ?, ?)", [eid, a.key, side])
        return eid

    # -- reading ---------------------------------------------------------
    def stats(self) -> dict:
        one = lambda sql: self.con.execute(sql).fetchone()[0]  # noqa: E731
        return {"documents": one("SELECT count(*) FROM documents"), "events": one("SELECT count(*) FROM events"),
                "quotes": one("SELECT count(*) FROM quotes"), "actors": one("SELECT count(*) FROM actors")}

    def _actor_match(self, column: str) -> str:
        return (f"EXISTS (SELECT 1 FROM event_actors ea JOIN actors ac ON ac.actor_key = ea.actor_key "
                f"WHERE ea.event_id = e.event_id AND ea.side = '{column}' AND "
                f"(ac.country = ? OR ac.igo = ? OR lower(ac.name) LIKE ? OR ac.actor_key = ?))")

    def events(self, actor: str | None = None, recipient: str | None = None, type: str | None = None,
               since: date | None = None, until: date | None = None, include_negated: bool = False,
               include_hypothetical: bool = False, limit: int | None = None, offset: int = 0) -> list[dict]:
        """Stored events in the gold format's event shape, with id and all mentions."""
        where, params = [], []
        for value, side in ((actor, "actor"), (recipient, "recipient")):
            if value:
                where.append(self._actor_match(side))
                params += [value.upper(), value.upper(), f"%{value.lower()}%", value]
        if type:
            where.append("e.type = ?")
            params.append(type.upper())
        if since:
            where.append("coalesce(e.date_last, e.date_first) >= ?")
            params.append(since)
        if until:
            where.append("e.date_first <= ?")
            params.append(until)
        if not include_negated:
            where.append("NOT e.negated")
        if not include_hypothetical:
            where.append("NOT list_contains(e.aux, 'hypothetical')")
        sql = "SELECT * FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY e.date_first NULLS LAST, e.event_id"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        cur = self.con.execute(sql, params)
        cols = [c[0] for c in cur.description]
        rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
        return [self._event_record(r) for r in rows]

    def _actors(self, keys: list[str]) -> list[dict]:
        out = []
        for k in keys:
            row = self.con.execute("SELECT name, country, igo, sector, kind FROM actors WHERE actor_key = ?",
                                   [k]).fetchone()
            if row:
                d = {"name": row[0], "country": row[1], "sector": list(row[3] or []), "kind": row[4], "key": k}
                if row[2]:
                    d["igo"] = row[2]
                out.append(d)
        return out

    def _event_record(self, r: dict) -> dict:
        mentions = self.con.execute(
            "SELECT d.doc_id, m.doc_hash, m.evidence_start, m.evidence_end, m.evidence, m.quote_id, "
            "m.sentence_start, m.sentence_end, substr(d.text, m.sentence_start + 1, m.sentence_end - m.sentence_start) "
            "FROM event_mentions m JOIN documents d USING (doc_hash) WHERE m.event_id = ? "
            "ORDER BY d.published, d.doc_id, m.evidence_start", [r["event_id"]]).fetchall()
        return {
            "id": r["event_id"], "event": r["type"], "mode": r["mode"],
            "actor": self._actors(r["actor_keys"]), "recipient": self._actors(r["recipient_keys"]),
            "negated": r["negated"], "aux": list(r["aux"] or []), "context": list(r["context"] or []),
            "date": r["date"], "date_end": r["date_end"], "date_precision": r["date_precision"],
            "cameo": r["cameo"], "cameo_root": r["cameo"][:2] if r["cameo"] else None,
            "plover_score": r["plover_score"], "quad": r["quad"],
            "confidence": r["confidence"],
            "evidence": mentions[0][4] if mentions else None,
            "mentions": [{"document": m[0], "doc_hash": m[1], "evidence_start": m[2], "evidence_end": m[3],
                          "evidence": m[4], "quote_id": m[5], "sentence_start": m[6], "sentence_end": m[7],
                          "sentence": m[8]} for m in mentions],
        }

    def quotes(self, speaker: str | None = None, limit: int | None = None) -> list[dict]:
        sql = ("SELECT q.quote_id, d.doc_id, q.kind, q.cue, q.speaker_key, s.name, s.country, q.speaker_text, "
               "o.name, q.start_char, q.end_char, q.text FROM quotes q JOIN documents d USING (doc_hash) "
               "LEFT JOIN actors s ON s.actor_key = q.speaker_key LEFT JOIN actors o ON o.actor_key = q.outlet_key")
        params = []
        if speaker:
            sql += " WHERE lower(s.name) LIKE ? OR s.country = ? OR lower(q.speaker_text) LIKE ?"
            params = [f"%{speaker.lower()}%", speaker.upper(), f"%{speaker.lower()}%"]
        sql += " ORDER BY d.published, d.doc_id, q.start_char"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        keys = ["id", "document", "kind", "cue", "speaker_key", "speaker", "speaker_country", "speaker_text",
                "outlet", "start", "end", "text"]
        return [dict(zip(keys, r, strict=True)) for r in self.con.execute(sql, params).fetchall()]

    def actors(self, country: str | None = None) -> list[dict]:
        sql = ("SELECT a.actor_key, a.name, a.country, a.igo, a.sector, a.kind, a.role, "
               "(SELECT count(*) FROM event_actors ea WHERE ea.actor_key = a.actor_key) AS events "
               "FROM actors a")
        params = []
        if country:
            sql += " WHERE a.country = ?"
            params.append(country.upper())
        sql += " ORDER BY events DESC, a.actor_key"
        keys = ["key", "name", "country", "igo", "sector", "kind", "role", "events"]
        return [dict(zip(keys, r, strict=True)) for r in self.con.execute(sql, params).fetchall()]


def _key(a: Actor | None) -> str | None:
    return a.key if a is not None else None


def _stub(key: str) -> Actor:
    return Actor(key, None, None)

