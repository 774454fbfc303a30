"""The DuckDB store: schema, one transaction per batch, and the read queries.

Documents are keyed by the hash of their normalised text, so ingesting the same
text again adds nothing. Events are stored once with all their mentions: a new
mention joins a stored event when ``link.same_event`` says they are one.

DuckDB lets one process at a time open the file for writing, and none other while
it does. So a Store is opened for a query or a batch and closed again: readers and
the writer take turns, and opening waits (``wait`` seconds, ``COMMUNIQUE_LOCK_WAIT``,
default 30) while another process has the file, then raises StoreBusy.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb

from .link import PRECISION_RANK, event_id, group, group_key, interval, representative, same_event
from .model import Actor, Article, Event, Records

DEFAULT_DB = "communique.duckdb"
DEFAULT_WAIT = 30.0

# Only documents and actors have a key. The other tables grow with every document, and DuckDB
# holds a key's index in the writing process's memory (measured: ~1 KiB per document over all
# tables, against ~110 bytes for the documents' key), so a long ingest grew with the store. Their
# identity is kept by the writer instead: every row's key holds the hash of a document stored in
# the same transaction (repeats within a document are dropped before inserting; a new event id
# that another new event of the document has is refused), and ``communique check`` verifies
# every key is unique. Stores made with the keys of earlier versions keep them and work as before.
SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_hash VARCHAR PRIMARY KEY, doc_id VARCHAR, published DATE, title VARCHAR, url VARCHAR,
    source VARCHAR, origin VARCHAR, text VARCHAR, ingested_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS actors (
    actor_key VARCHAR PRIMARY KEY, name VARCHAR, country VARCHAR, igo VARCHAR, sector VARCHAR[],
    kind VARCHAR, role VARCHAR);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR, type VARCHAR, mode VARCHAR, negated BOOLEAN, aux VARCHAR[],
    context VARCHAR[], cameo VARCHAR, plover_score DOUBLE, quad INTEGER, date VARCHAR, date_end VARCHAR,
    date_precision VARCHAR, date_first DATE, date_last DATE, confidence DOUBLE, group_key VARCHAR,
    actor_keys VARCHAR[], recipient_keys VARCHAR[]);
CREATE TABLE IF NOT EXISTS event_mentions (
    event_id VARCHAR, doc_hash VARCHAR, evidence_start INTEGER, evidence_end INTEGER, evidence VARCHAR,
    trigger VARCHAR, quote_id VARCHAR, confidence DOUBLE, sentence_start INTEGER, sentence_end INTEGER);
CREATE TABLE IF NOT EXISTS event_actors (event_id VARCHAR, actor_key VARCHAR, side VARCHAR);
CREATE TABLE IF NOT EXISTS quotes (
    quote_id VARCHAR, doc_hash VARCHAR, kind VARCHAR, cue VARCHAR, speaker_key VARCHAR,
    speaker_text VARCHAR, outlet_key VARCHAR, addressee_key VARCHAR, start_char INTEGER, end_char INTEGER,
    text VARCHAR);
CREATE TABLE IF NOT EXISTS times (
    doc_hash VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR, value VARCHAR, kind VARCHAR);
"""
# Rows per row group in the file a writer appends to (DuckDB's default is 122,880). A checkpoint
# rewrites the row group that took the new rows whole, so its memory grows with that group's
# size: with DuckDB's default, over the first 122,880 documents (measured: ~60-130 MiB).
ROW_GROUP_ROWS = 8192
ALIAS = "store"  # the file's name in a writer's connection


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """``--db``, else ``COMMUNIQUE_DB``, else ``./communique.duckdb``."""
    return Path(explicit or os.environ.get("COMMUNIQUE_DB") or DEFAULT_DB)


class StoreBusy(RuntimeError):
    """Another process kept the store file open for longer than we waited."""


@dataclass
class BatchResult:
    new: int = 0
    already: int = 0
    events: int = 0
    quotes: int = 0
    updated: int = 0


def connect(path: Path, read_only: bool = False, wait: float | None = None,
            row_group_rows: int | None = None) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file, retrying while another process holds it, for up to ``wait`` seconds."""
    wait = float(os.environ.get("COMMUNIQUE_LOCK_WAIT", DEFAULT_WAIT)) if wait is None else wait
    deadline, pause = time.monotonic() + wait, 0.02
    while True:
        try:
            return _open(path, read_only, row_group_rows)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                pid = re.search(r"\(PID (\d+)\)", str(exc))
                holder = f"process {pid.group(1)}" if pid else "another process"
                raise StoreBusy(f"store {path} is in use by {holder} (waited {wait:g} s); an ingest holds it only "
                                "while it writes a batch, so a process that keeps it open is the cause") from exc
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


def _open(path: Path, read_only: bool, row_group_rows: int | None = None) -> duckdb.DuckDBPyConnection:
    if read_only:
        return duckdb.connect(str(path), read_only=True)
    con = duckdb.connect()  # the file attached as the default database, with ROW_GROUP_ROWS rows per row group
    try:
        quoted = str(path).replace("'", "''")
        con.execute(f"ATTACH '{quoted}' AS {ALIAS} (ROW_GROUP_SIZE {row_group_rows or ROW_GROUP_ROWS})")
        if (row_group_rows or ROW_GROUP_ROWS) > ROW_GROUP_ROWS:
            # A checkpoint merges small row groups up to the attached size: with larger ones it would
            # rewrite every table the writers appended in ROW_GROUP_ROWS (+150 MiB at 100,000 articles).
            con.execute("SET max_vacuum_tasks = 0")
        con.execute(f"USE {ALIAS}")
    except BaseException:
        con.close()
        raise
    return con


def _attached(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute(f"SELECT count(*) FROM duckdb_databases() WHERE database_name = '{ALIAS}'").fetchone()[0] > 0


class Store:
    """A DuckDB file holding documents, actors, events (with mentions), quotes and times.

    Open it for as long as a query or a batch takes (``with Store(db, read_only=True) as s:``)
    so that other processes get their turn.
    """

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False, wait: float | None = None,
                 row_group_rows: int | None = None):
        self.path = db_path(path)
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no store at {self.path} (run 'communique ingest' first)")
        self.con = connect(self.path, read_only, wait, row_group_rows)
        if not read_only:
            self.con.execute(f"BEGIN TRANSACTION; {SCHEMA} COMMIT;")  # all tables or none, even if killed
        elif not self.con.execute("SELECT 1 FROM information_schema.tables WHERE table_name = 'documents'").fetchone():
            self.con.close()
            raise FileNotFoundError(f"{self.path} holds no store yet (run 'communique ingest' first)")

    def close(self) -> None:
        self.con.close()

    def reconnect(self, row_group_rows: int | None = None) -> None:
        """Close and reopen the file: DuckDB then lets go of the cache memory it built up.

        ``row_group_rows``: rows per row group of the tables written until the next reopening
        (default ROW_GROUP_ROWS).
        """
        self.con.close()
        self.con = _open(self.path, read_only=False, row_group_rows=row_group_rows)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------
    def has_document(self, doc_hash: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE doc_hash = ?", [doc_hash]).fetchone() is not None

    def stored(self, hashes: Iterable[str]) -> dict[str, dict]:
        """Metadata of those of the documents that are stored, by hash."""
        cur = self.con.execute("SELECT doc_hash, doc_id, published, title, url, source FROM documents "
                               "WHERE doc_hash IN (SELECT unnest(?::VARCHAR[]))", [list(hashes)])
        keys = ["doc_id", "published", "title", "url", "source"]
        return {row[0]: dict(zip(keys, row[1:], strict=True)) for row in cur.fetchall()}

    def add_batch(self, batch: Iterable[Records], updates: Iterable[Article] = ()) -> BatchResult:
        """Store a batch in one transaction: all of it or, on error, none of it.

        ``updates`` are stored documents read again with other metadata (id, title, url,
        source): their rows take it, and nothing else changes.
        """
        result = BatchResult()
        self.con.execute("BEGIN TRANSACTION")
        try:
            for a in updates:
                self.update_metadata(a)
                result.updated += 1
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

    def update_metadata(self, a: Article) -> None:
        """A stored document read again with other metadata takes its id, origin and the title, url
        and source it has (the caller's transaction)."""
        self.con.execute(
            "UPDATE documents SET doc_id = ?, title = coalesce(?, title), url = coalesce(?, url), "
            "source = coalesce(?, source), origin = ? WHERE doc_hash = ?",
            [a.id, a.title, a.url, a.source, a.origin, a.doc_hash])

    def _add_records(self, rec: Records) -> None:
        a, h = rec.article, rec.article.doc_hash
        self.con.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [h, a.id, a.published, a.title, a.url, a.source, a.origin, a.text, datetime.now(UTC)])
        for actor in rec.actors:
            self._upsert_actor(actor)
        quote_ids: list[str] = []
        for q in rec.quotes:  # one statement found through two cues ('said ... continued'): the first wins
            qid = f"{h[:16]}:{q.start}"
            if qid not in quote_ids:
                self.con.execute("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 [qid, h, q.kind, q.cue, _key(q.speaker), q.speaker_text, _key(q.outlet),
                                  _key(q.addressee), q.start, q.end, q.text])
            quote_ids.append(qid)
        starts: set[int] = set()
        for t in rec.times:  # the first time at an offset wins
            if t.start not in starts:
                starts.add(t.start)
                self.con.execute("INSERT INTO times VALUES (?, ?, ?, ?, ?, ?)", [h, t.start, t.end, t.text, t.value,
                                                                                t.kind])
        new_ids: set[str] = set()
        stored: set[tuple[int, str]] = set()
        for mentions in group(rec.events):
            eid = self._event_for(representative(mentions), h, new_ids)
            for m in mentions:
                if (m.evidence_start, eid) in stored:  # the first mention at an offset wins
                    continue
                stored.add((m.evidence_start, eid))
                qid = quote_ids[m.quote_index] if m.quote_index is not None and m.quote_index < len(quote_ids) else None
                self.con.execute("INSERT INTO event_mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 [eid, h, m.evidence_start, m.evidence_end, m.evidence, m.trigger, qid, m.confidence,
                                  m.sentence_start, m.sentence_end])

    def _upsert_actor(self, a: Actor) -> None:
        self.con.execute("INSERT OR IGNORE INTO actors VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [a.key, a.name, a.country, a.igo, list(a.sector), a.kind, a.role])

    def _event_for(self, e: Event, doc_hash: str, new_ids: set[str]) -> str:
        """The id of the stored event this one is; a new event if none (its id added to ``new_ids``)."""
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
        eid = new_event_id(e, doc_hash, new_ids)
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
    def cursor(self) -> Store:
        """The same database on a DuckDB cursor of its own, for one thread or one request.

        A DuckDB connection must not be shared between threads; cursors of it may run side by side.
        """
        view = object.__new__(Store)
        view.path, view.con = self.path, self.con.cursor()
        if _attached(self.con):
            view.con.execute(f"USE {ALIAS}")  # a cursor starts in DuckDB's default database
        return view

    def stats(self) -> dict:
        row = self.con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
                               "(SELECT count(*) FROM quotes), (SELECT count(*) FROM actors)").fetchone()
        return dict(zip(("documents", "events", "quotes", "actors"), row, strict=True))

    def _actor_match(self, column: str) -> str:
        # an uncorrelated semi-join: planned once, cheaper than EXISTS per event
        return (f"e.event_id IN (SELECT ea.event_id FROM event_actors ea JOIN actors ac ON ac.actor_key = ea.actor_key "
                f"WHERE ea.side = '{column}' AND {ACTOR_MATCH})")

    def _event_filter(self, actor: str | None = None, recipient: str | None = None, type: str | None = None,
                      since: date | None = None, until: date | None = None, include_negated: bool = False,
                      include_hypothetical: bool = False, dyad: tuple[str, str] | None = None,
                      directed: bool = False, document: str | None = None) -> tuple[str, list]:
        """The WHERE clause (with its parameters) every event query shares."""
        where, params = [], []
        for value, side in ((actor, "actor"), (recipient, "recipient")):
            if value:
                where.append(self._actor_match(side))
                params += _match_params(value)
        if dyad:
            sql, dyad_params = _dyad_condition(*dyad, directed=directed)
            where.append(sql)
            params += dyad_params
        if type:
            where.append("e.type = ?")
            params.append(type.upper())
        if since:
            where.append("coalesce(e.date_last, e.date_first) >= ?")
            params.append(since)
        if until:
            where.append("e.date_first <= ?")
            params.append(until)
        if document:
            where.append("e.event_id IN (SELECT dm.event_id FROM event_mentions dm WHERE dm.doc_hash = ?)")
            params.append(document)
        if not include_negated:
            where.append("NOT e.negated")
        if not include_hypothetical:
            where.append("NOT list_contains(e.aux, 'hypothetical')")
        return (" WHERE " + " AND ".join(where) if where else ""), params

    def events(self, actor: str | None = None, recipient: str | None = None, type: str | None = None,
               since: date | None = None, until: date | None = None, include_negated: bool = False,
               include_hypothetical: bool = False, limit: int | None = None, offset: int = 0,
               dyad: tuple[str, str] | None = None, directed: bool = False,
               document: str | None = None) -> list[dict]:
        """Stored events in the gold format's event shape, with id and all mentions.

        ``dyad=("AZE", "USA")`` keeps events between the two sides (either way round, or a
        joint act of both when no recipient is named; only A to B with ``directed``).
        ``document`` is a ``doc_hash``: events with a mention in that document.
        """
        where, params = self._event_filter(actor, recipient, type, since, until, include_negated,
                                           include_hypothetical, dyad, directed, document)
        sql = "SELECT * FROM events e" + where + " ORDER BY e.date_first NULLS LAST, e.event_id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        cur = self.con.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return self._event_records([dict(zip(cols, r, strict=True)) for r in cur.fetchall()])

    def count_events(self, actor: str | None = None, recipient: str | None = None, type: str | None = None,
                     since: date | None = None, until: date | None = None, include_negated: bool = False,
                     include_hypothetical: bool = False, dyad: tuple[str, str] | None = None,
                     directed: bool = False, document: str | None = None) -> int:
        """How many events ``events`` would list with these filters and no limit."""
        where, params = self._event_filter(actor, recipient, type, since, until, include_negated,
                                           include_hypothetical, dyad, directed, document)
        return self.con.execute("SELECT count(*) FROM events e" + where, params).fetchone()[0]

    def event(self, event_id: str) -> dict | None:
        """One event by id, whatever its negation or modality; None if there is none."""
        cur = self.con.execute("SELECT * FROM events e WHERE e.event_id = ?", [event_id])
        cols = [c[0] for c in cur.description]
        rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
        return self._event_records(rows)[0] if rows else None

    def event_participants(self, **filters) -> list[dict]:
        """One row per (event, participant) for the filtered events: what series and networks count.

        Each row has ``event_id``, ``type``, ``quad``, ``score``, ``day`` (the day the event
        counts on: the start of its date, or the report date for an "on or before" date),
        ``side`` and the participant's ``key``, ``name``, ``country`` and ``igo``.
        """
        where, params = self._event_filter(**filters)
        sql = (f"SELECT e.event_id, e.type, e.quad, e.plover_score, {EVENT_DAY} AS day, ea.side, ac.actor_key, "
               "ac.name, ac.country, ac.igo FROM events e JOIN event_actors ea ON ea.event_id = e.event_id "
               "JOIN actors ac ON ac.actor_key = ea.actor_key" + where + " ORDER BY day, e.event_id, ea.side")
        keys = ["event_id", "type", "quad", "score", "day", "side", "key", "name", "country", "igo"]
        return [dict(zip(keys, r, strict=True)) for r in self.con.execute(sql, params).fetchall()]

    def _event_records(self, rows: list[dict]) -> list[dict]:
        """Event rows -> records, with three queries in all (not three per event)."""
        if not rows:
            return []
        ids = [r["event_id"] for r in rows]
        mentions: dict[str, list[dict]] = {i: [] for i in ids}
        for m in self.con.execute(
                "SELECT m.event_id, d.doc_id, m.doc_hash, m.evidence_start, m.evidence_end, m.evidence, m.quote_id, "
                "m.sentence_start, m.sentence_end, "
                "substr(d.text, m.sentence_start + 1, m.sentence_end - m.sentence_start) "
                "FROM event_mentions m JOIN documents d USING (doc_hash) "
                "WHERE list_contains(?::VARCHAR[], m.event_id) "
                "ORDER BY d.published, d.doc_id, m.evidence_start", [ids]).fetchall():
            mentions[m[0]].append({"document": m[1], "doc_hash": m[2], "evidence_start": m[3], "evidence_end": m[4],
                                   "evidence": m[5], "quote_id": m[6], "sentence_start": m[7], "sentence_end": m[8],
                                   "sentence": m[9]})
        keys = sorted({k for r in rows for k in (*r["actor_keys"], *r["recipient_keys"])})
        actors = {}
        for k, name, country, igo, sector, kind in self.con.execute(
                "SELECT actor_key, name, country, igo, sector, kind FROM actors "
                "WHERE list_contains(?::VARCHAR[], actor_key)", [keys]).fetchall():
            actors[k] = {"name": name, "country": country, "sector": list(sector or []), "kind": kind, "key": k,
                         "igo": igo}
        return [self._event_record(r, mentions[r["event_id"]], actors) for r in rows]

    @staticmethod
    def _event_record(r: dict, mentions: list[dict], actors: dict[str, dict]) -> dict:
        return {
            "id": r["event_id"], "event": r["type"], "mode": r["mode"],
            "actor": [dict(actors[k]) for k in r["actor_keys"] if k in actors],
            "recipient": [dict(actors[k]) for k in r["recipient_keys"] if k in actors],
            "negated": r["negated"], "aux": list(r["aux"] or []), "context": list(r["context"] or []),
            "date": r["date"], "date_end": r["date_end"], "date_precision": r["date_precision"],
            "cameo": r["cameo"], "cameo_root": r["cameo"][:2] if r["cameo"] else None,
            "plover_score": r["plover_score"], "quad": r["quad"],
            "confidence": r["confidence"],
            "evidence": mentions[0]["evidence"] if mentions else None,
            "mentions": mentions,
        }

    def _quote_filter(self, speaker: str | None, document: str | None) -> tuple[str, list]:
        where, params = [], []
        if speaker:
            where.append("(lower(s.name) LIKE ? OR s.country = ? OR lower(q.speaker_text) LIKE ? OR q.speaker_key = ?)")
            params += [f"%{speaker.lower()}%", speaker.upper(), f"%{speaker.lower()}%", speaker]
        if document:
            where.append("q.doc_hash = ?")
            params.append(document)
        return (" WHERE " + " AND ".join(where) if where else ""), params

    _QUOTES_FROM = (" FROM quotes q JOIN documents d USING (doc_hash) LEFT JOIN actors s ON s.actor_key = q.speaker_key"
                    " LEFT JOIN actors o ON o.actor_key = q.outlet_key")

    def quotes(self, speaker: str | None = None, limit: int | None = None, offset: int = 0,
               document: str | None = None) -> list[dict]:
        """Stored quotes in document order; ``speaker`` is a name, country code, description or key."""
        where, params = self._quote_filter(speaker, document)
        sql = ("SELECT q.quote_id, d.doc_id, q.kind, q.cue, q.speaker_key, s.name, s.country, q.speaker_text, "
               "o.name, q.start_char, q.end_char, q.text" + self._QUOTES_FROM + where +
               " ORDER BY d.published, d.doc_id, q.start_char")
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        keys = ["id", "document", "kind", "cue", "speaker_key", "speaker", "speaker_country", "speaker_text",
                "outlet", "start", "end", "text"]
        return [dict(zip(keys, r, strict=True)) for r in self.con.execute(sql, params).fetchall()]

    def count_quotes(self, speaker: str | None = None, document: str | None = None) -> int:
        where, params = self._quote_filter(speaker, document)
        return self.con.execute("SELECT count(*)" + self._QUOTES_FROM + where, params).fetchone()[0]

    def quote_speakers(self, limit: int | None = None) -> list[dict]:
        """Speakers with how many quotes they have, most quoted first (quotes without a speaker left out)."""
        sql = ("SELECT q.speaker_key, s.name, s.country, count(*) AS quotes, "
               "count(*) FILTER (WHERE q.kind = 'direct') AS direct FROM quotes q "
               "JOIN actors s ON s.actor_key = q.speaker_key GROUP BY ALL ORDER BY quotes DESC, q.speaker_key")
        params = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        keys = ["key", "name", "country", "quotes", "direct"]
        return [dict(zip(keys, r, strict=True)) for r in self.con.execute(sql, params).fetchall()]

    def actors(self, country: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict]:
        """Stored actors, most events first."""
        sql = ("SELECT a.actor_key, a.name, a.country, a.igo, a.sector, a.kind, a.role, "
               "(SELECT count(*) FROM event_actors ea WHERE ea.actor_key = a.actor_key) AS events "
               "FROM actors a")
        params = []
        if country:
            sql += " WHERE a.country = ?"
            params.append(country.upper())
        sql += " ORDER BY events DESC, a.actor_key"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        keys = ["key", "name", "country", "igo", "sector", "kind", "role", "events"]
        return [dict(zip(keys, r, strict=True)) for r in self.con.execute(sql, params).fetchall()]

    def count_actors(self, country: str | None = None) -> int:
        sql, params = "SELECT count(*) FROM actors a", []
        if country:
            sql += " WHERE a.country = ?"
            params.append(country.upper())
        return self.con.execute(sql, params).fetchone()[0]

    _DOCUMENT_COLUMNS = ("SELECT d.doc_hash, d.doc_id, d.published, d.title, d.url, d.source, d.origin, d.ingested_at, "
                         "(SELECT count(DISTINCT m.event_id) FROM event_mentions m WHERE m.doc_hash = d.doc_hash), "
                         "(SELECT count(*) FROM quotes q WHERE q.doc_hash = d.doc_hash)")
    _DOCUMENT_KEYS = ["doc_hash", "id", "published", "title", "url", "source", "origin", "ingested_at", "events",
                      "quotes"]

    def documents(self, limit: int | None = None, offset: int = 0) -> list[dict]:
        """Stored documents (without their text), newest first."""
        sql, params = self._DOCUMENT_COLUMNS + " FROM documents d ORDER BY d.published DESC, d.doc_id", []
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        return [dict(zip(self._DOCUMENT_KEYS, r, strict=True)) for r in self.con.execute(sql, params).fetchall()]

    def document_info(self, doc_hashes: list[str]) -> dict[str, dict]:
        """Documents by hash: id, title, url, source, publication and ingest time, and where the lead
        paragraph ends (a character offset; the whole text when it has one paragraph)."""
        rows = self.con.execute(
            "SELECT doc_hash, doc_id, title, url, source, published, ingested_at, "
            "coalesce(nullif(strpos(text, chr(10) || chr(10)), 0), length(text) + 1) - 1 "
            "FROM documents WHERE doc_hash IN (SELECT unnest(?::VARCHAR[]))", [list(doc_hashes)]).fetchall()
        keys = ["id", "title", "url", "source", "published", "ingested_at", "lead_end"]
        return {r[0]: dict(zip(keys, r[1:], strict=True)) for r in rows}

    def count_documents(self) -> int:
        return self.con.execute("SELECT count(*) FROM documents").fetchone()[0]

    def document(self, ident: str) -> dict | None:
        """One document by ``doc_hash`` or id, with its text, times, quotes and every event it mentions.

        Each event keeps only this document's mentions: their evidence and sentence spans are
        character offsets into ``text``.
        """
        sql = (self._DOCUMENT_COLUMNS + ", d.text FROM documents d WHERE d.doc_hash = ? OR d.doc_id = ? "
               "ORDER BY d.doc_hash = ? DESC, d.published LIMIT 1")
        row = self.con.execute(sql, [ident, ident, ident]).fetchone()
        if row is None:
            return None
        doc = dict(zip([*self._DOCUMENT_KEYS, "text"], row, strict=True))
        h = doc["doc_hash"]
        doc["events"] = self.events(document=h, include_negated=True, include_hypothetical=True)
        for e in doc["events"]:
            e["mentions"] = [m for m in e["mentions"] if m["doc_hash"] == h]
        doc["quotes"] = self.quotes(document=h)
        doc["times"] = [dict(zip(["start", "end", "text", "value", "kind"], r, strict=True)) for r in self.con.execute(
            "SELECT start_char, end_char, text, value, kind FROM times WHERE doc_hash = ? ORDER BY start_char",
            [h]).fetchall()]
        return doc


# One actor matches a filter value by country or IGO code, a piece of its name, or its key.
ACTOR_MATCH = "(ac.country = ? OR ac.igo = ? OR lower(ac.name) LIKE ? OR ac.actor_key = ?)"
# The day an event counts on in series and flat exports: its date's first day, or for an
# "on or before" date (a past-tense report) the report's date, not the window's start.
EVENT_DAY = "CASE WHEN e.date_precision = 'on_or_before' THEN e.date_last ELSE e.date_first END"


def _match_params(value: str) -> list:
    return [value.upper(), value.upper(), f"%{value.lower()}%", value]


def _dyad_condition(a: str, b: str, directed: bool = False) -> tuple[str, list]:
    """Events between A and B: A acts on B (or B on A), or both act together with no recipient."""
    match = "({t}.country = ? OR {t}.igo = ? OR lower({t}.name) LIKE ? OR {t}.actor_key = ?)"
    sides = "(x.side = 'actor' AND y.side = 'recipient')"
    if not directed:
        sides = (f"({sides} OR (x.side = 'recipient' AND y.side = 'actor') OR (x.side = 'actor' AND "
                 "y.side = 'actor' AND len(d.recipient_keys) = 0))")
    sql = ("e.event_id IN (SELECT x.event_id FROM event_actors x JOIN actors xa ON xa.actor_key = x.actor_key "
           "JOIN event_actors y ON y.event_id = x.event_id AND y.actor_key <> x.actor_key "
           "JOIN actors ya ON ya.actor_key = y.actor_key JOIN events d ON d.event_id = x.event_id "
           f"WHERE {match.format(t='xa')} AND {match.format(t='ya')} AND {sides})")
    return sql, _match_params(a) + _match_params(b)


def new_event_id(e: Event, doc_hash: str, taken: set[str]) -> str:
    """``link.event_id`` for a new event of the document, refused if another new event of it has it.

    The events table has no key (see SCHEMA): this is the check its key made.
    """
    eid = event_id(e, doc_hash)
    if eid in taken:
        raise ValueError(f"two new events of document {doc_hash} would share the id {eid} "
                         "(same evidence offset and participants, yet not the same event)")
    taken.add(eid)
    return eid


def _key(a: Actor | None) -> str | None:
    return a.key if a is not None else None


def _stub(key: str) -> Actor:
    return Actor(key, None, None)

