"""Dyad layout: one row per (actor country, recipient country, event), sorted, for fast time series.

``event_dyads`` is derived from ``events``, ``event_actors`` and ``actors`` and kept
sorted by (actor, recipient, day): DuckDB skips every row group whose min/max cannot
hold the dyad, so a series reads a few thousand rows, not the whole store (measured:
~10 ms over 10 million events, against ~1 s joining the normalised tables).
Ingests rebuild it at their end (with LAYOUT_ROW_GROUP_ROWS); ``series`` rebuilds it when the store has
changed since (or, on a read-only connection, answers from the normalised tables).
A country-less actor counts under its IGO code; an event without a recipient has
recipient NULL.
"""

from __future__ import annotations

from datetime import date

import duckdb

BUCKETS = ("day", "week", "month", "quarter", "year")
# Rows per row group of the layout, written whole at each rebuild: DuckDB's default. The store's
# writers append with smaller ones (store.ROW_GROUP_ROWS), which make a series read fifteen
# times as many row groups (measured over 2 million events, side by side on a busy machine: the
# busiest dyad 60-132 ms with 8,192 rows, 9-33 ms with these), so ingests rebuild it on a store
# reopened with these.
LAYOUT_ROW_GROUP_ROWS = 122_880

_ROWS = """
SELECT coalesce(a.country, a.igo) AS actor, coalesce(r.country, r.igo) AS recipient, e.date_first AS day,
       e.type, e.quad, e.negated, coalesce(list_contains(e.aux, 'hypothetical'), false) AS hypothetical, e.event_id
FROM events e
JOIN event_actors ea ON ea.event_id = e.event_id AND ea.side = 'actor'
JOIN actors a ON a.actor_key = ea.actor_key
LEFT JOIN event_actors er ON er.event_id = e.event_id AND er.side = 'recipient'
LEFT JOIN actors r ON r.actor_key = er.actor_key
"""
_STATE = "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_mentions)"
# DuckDB keeps the blocks the rebuild reads cached up to its memory limit (80% of the machine),
# so unbounded the rebuild's memory grew with the store: +153 MiB over 400,000 events. Under
# a limit it stays below it whatever the store's size (+59 MiB at 48 MB, measured with
# benchmarks/store_memory.py --rebuild; sorting the layout in ranges of actors did not help).
# Larger limits are the fallback for a rebuild that does not fit. One thread: each holds its own
# sort and write buffers (+156 MiB with two, +52 with one, rebuilding 400,000 events at the end of
# a long ingest). The store reopened for it merges none of the writers' small row groups
# (store._open), or its checkpoint would rewrite every table.
REBUILD_MEMORY = ("48MB", "256MB", None)


def refresh(con) -> None:
    """(Re)build ``event_dyads`` from the store's tables, sorted by actor, recipient and day."""
    con.execute("SET enable_progress_bar = false")  # DuckDB would draw one on the terminal for a big store
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    con.execute("SET threads = 1")  # each thread holds its own sort and write buffers (+100 MiB with two)
    try:
        for n, limit in enumerate(REBUILD_MEMORY, 1):
            con.execute(f"SET memory_limit = '{limit}'" if limit else "RESET memory_limit")
            try:
                _rebuild(con)
                break
            except duckdb.OutOfMemoryException:
                if n == len(REBUILD_MEMORY):
                    raise
            finally:
                con.execute("RESET memory_limit")  # the store never sets it: back to DuckDB's default
    finally:
        con.execute(f"SET threads = {int(threads)}")


def _rebuild(con) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"CREATE OR REPLACE TABLE event_dyads AS {_ROWS} ORDER BY actor, recipient, day, event_id")
        con.execute(f"CREATE OR REPLACE TABLE event_dyads_state AS SELECT * FROM ({_STATE}) s(events, mentions)")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def fresh(con) -> bool:
    """Whether ``event_dyads`` reflects the store as it is now."""
    try:
        built = con.execute("SELECT events, mentions FROM event_dyads_state").fetchone()
    except duckdb.CatalogException:  # no layout yet
        return False
    return built == con.execute(_STATE).fetchone()


def series(con, actor: str, recipient: str | None, by: str = "month", since: date | None = None,
           until: date | None = None, include_negated: bool = False,
           include_hypothetical: bool = False) -> list[tuple[date, int]]:
    """Events from ``actor`` to ``recipient`` (country or IGO codes) per ``by`` bucket, oldest first."""
    if by not in BUCKETS:
        raise ValueError(f"unknown bucket {by!r} (expected one of {', '.join(BUCKETS)})")
    if not fresh(con):
        try:
            refresh(con)
        except duckdb.Error:  # a read-only store: answer from the normalised tables
            return _series(con, f"({_ROWS})", actor, recipient, by, since, until, include_negated,
                           include_hypothetical)
    return _series(con, "event_dyads", actor, recipient, by, since, until, include_negated, include_hypothetical)


def _series(con, source, actor, recipient, by, since, until, include_negated, include_hypothetical):
    where, params = ["actor = ?", "recipient IS NOT DISTINCT FROM ?"], [actor.upper(), recipient and recipient.upper()]
    if since:
        where.append("day >= ?")
        params.append(since)
    if until:
        where.append("day <= ?")
        params.append(until)
    if not include_negated:
        where.append("NOT negated")
    if not include_hypothetical:
        where.append("NOT hypothetical")
    sql = (f"SELECT CAST(date_trunc('{by}', day) AS DATE) AS bucket, count(DISTINCT event_id) FROM {source} d "
           f"WHERE day IS NOT NULL AND {' AND '.join(where)} GROUP BY bucket ORDER BY bucket")
    return [(b, n) for b, n in con.execute(sql, params).fetchall()]
