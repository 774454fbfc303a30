"""Dyad time series over generated events: the sorted dyad layout against the normalised tables.

Events are generated straight into a store's tables with SQL (not through the
pipeline): 200 countries with a skewed (cubic) choice of actor and recipient, so a
few dyads are large (the busiest holds ~3% of events) and most are small; dates over
ten years. Each series is run 5 times; the median is printed.

    python benchmarks/dyad_query.py 10000000
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from communique import dyads
from communique.store import Store

TYPES = "['CONSULT', 'SUPPORT', 'ACCUSE', 'ASSAULT', 'AGREE', 'REQUEST', 'PROTEST', 'COERCE']"
COUNTRY = "'C' || lpad(CAST(floor(200 * pow((hash(i * {k}) % 1000000) / 1e6, 3)) AS INTEGER)::VARCHAR, 3, '0')"


def generate(con, n: int) -> None:
    con.execute("SET enable_progress_bar = false")
    con.execute("INSERT INTO actors SELECT 'country:C' || lpad(CAST(i AS VARCHAR), 3, '0'), "
                "'C' || lpad(CAST(i AS VARCHAR), 3, '0'), 'C' || lpad(CAST(i AS VARCHAR), 3, '0'), NULL, ['GOV'], "
                "'country', NULL FROM range(200) t(i)")
    con.execute(f"""
        INSERT INTO events
        SELECT 'e' || i, {TYPES}[CAST(1 + hash(i) % 8 AS BIGINT)], NULL, hash(i * 7) % 10 = 0,
               CASE WHEN hash(i * 13) % 20 = 0 THEN ['hypothetical'] ELSE [] END, [], NULL, 0.0, 1,
               CAST(d AS VARCHAR), NULL, 'day', d, d, 0.5, NULL, ['country:' || a], ['country:' || r]
        FROM (SELECT i, DATE '2015-01-01' + CAST(hash(i * 3) % 3650 AS INTEGER) AS d,
                     {COUNTRY.format(k=5)} AS a, {COUNTRY.format(k=11)} AS r
              FROM range({n}) t(i))""")
    con.execute("INSERT INTO event_actors SELECT event_id, actor_keys[1], 'actor' FROM events")
    con.execute("INSERT INTO event_actors SELECT event_id, recipient_keys[1], 'recipient' FROM events")


def median_ms(fn, runs: int = 5) -> tuple[float, object, float]:
    """Median wall milliseconds, the last result, and median CPU milliseconds (all threads; a busy
    machine stretches wall time, not CPU time)."""
    times, cpu, out = [], [], None
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(times) * 1000, out, statistics.median(cpu) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("events", type=int, nargs="?", default=10_000_000)
    ap.add_argument("--skip-join", action="store_true", help="do not time the normalised-table query")
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}; {args.events:,} events")
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "dyads.duckdb") as store:
        con = store.con
        t = time.perf_counter()
        generate(con, args.events)
        print(f"generated in {time.perf_counter() - t:.1f}s")
        store.reconnect(dyads.LAYOUT_ROW_GROUP_ROWS)  # as an ingest rebuilds it
        con = store.con
        t = time.perf_counter()
        dyads.refresh(con)
        print(f"dyad layout built in {time.perf_counter() - t:.1f}s")
        busiest = con.execute("SELECT actor, recipient, count(*) FROM event_dyads GROUP BY ALL "
                              "ORDER BY 3 DESC LIMIT 1").fetchone()
        for actor, recipient in [busiest[:2], ("C040", "C003"), ("C150", "C120")]:
            for by in ("month", "day"):
                ms, rows, cpu = median_ms(lambda a=actor, r=recipient, b=by: dyads.series(con, a, r, by=b))
                total = sum(n for _, n in rows)
                print(f"  {actor}->{recipient} by {by:5}: {len(rows):5} buckets, {total:7,} events, "
                      f"median {ms:6.1f} ms (layout; CPU {cpu:.1f} ms)")
            if not args.skip_join:
                ms, _, _ = median_ms(lambda a=actor, r=recipient: dyads._series(
                    con, f"({dyads._ROWS})", a, r, "month", None, None, False, False), runs=3)
                print(f"  {actor}->{recipient} by month: median {ms:6.1f} ms (normalised tables, no layout)")


if __name__ == "__main__":
    main()
