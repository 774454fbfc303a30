"""Memory of the storing side alone, as the store grows: synthetic rows, no parsing.

Each document brings rows shaped like the pipeline's (a ~600-character text, 3 quotes,
4 times, 4 events with their mentions and actor links, actors from a pool of 2,000),
inserted in batches of 32 as ``bulk.load_batch`` inserts them, the store reopened every
``engines.RECONNECT_EVERY`` documents. Printed every 10,000 documents: this process's
resident set, its peak so far, and DuckDB's own account of its memory by tag.

``--keyed`` makes the store as versions before this one did (a primary key on every
table, two secondary indexes, DuckDB's default 122,880-row row groups), to compare.

    python benchmarks/store_memory.py 100000
    python benchmarks/store_memory.py 100000 --keyed
    python benchmarks/store_memory.py 100000 --rebuild   # and the dyad layout's rebuild at the end
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import psutil
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from test_store import KEYED_SCHEMA  # noqa: E402

from communique import dyads  # noqa: E402
from communique.engines import RECONNECT_EVERY  # noqa: E402
from communique.store import Store  # noqa: E402

WORDS = "the president said on monday that talks with the neighbouring country would continue next week".split()


def rows(rng: random.Random, first: int, count: int) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {t: [] for t in ("documents", "quotes", "times", "events", "event_actors",
                                                    "event_mentions", "actors")}
    for n in range(first, first + count):
        d = hashlib.sha256(str(n).encode()).hexdigest()[:32]
        text = " ".join(rng.choice(WORDS) for _ in range(110))
        out["documents"].append((d, f"bench-{n}", None, None, None, None, "bench", text, None))
        for q in range(3):
            out["quotes"].append((f"{d[:16]}:{q * 50}", d, "direct", "said", f"person:{rng.randrange(2000)}", "he",
                                  None, None, q * 50, q * 50 + 40, text[:40]))
        for t in range(4):
            out["times"].append((d, t * 30, t * 30 + 6, "Monday", f"2024-11-0{t + 1}", "date"))
        for e in range(4):
            eid = hashlib.sha256(f"{d}:{e}".encode()).hexdigest()[:20]
            a, r = f"person:{rng.randrange(2000)}", f"country:{rng.randrange(200)}"
            out["events"].append((eid, "CONSULT", None, False, [], [], "040", 1.0, 1, "2024-11-01", None, "day",
                                  None, None, 0.9, f"CONSULT|False|{a},{r}", [a], [r]))
            out["event_actors"] += [(eid, a, "actor"), (eid, r, "recipient")]
            out["event_mentions"].append((eid, d, e * 40, e * 40 + 30, text[:30], "said", None, 0.9, 0, 100))
            out["actors"] += [(a, a, None, None, ["GOV"], "person", None), (r, r, None, None, ["GOV"], "country", None)]
    out["actors"] = list(dict((r[0], r) for r in out["actors"]).values())
    return out


def insert(con, batch: dict[str, list[tuple]]) -> None:
    con.execute("BEGIN TRANSACTION")
    for table, rs in batch.items():
        cols = [c for (c,) in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                          "ORDER BY ordinal_position", [table]).fetchall()]
        con.register("_bulk", pa.table({c: [r[i] for r in rs] for i, c in enumerate(cols)}))
        verb = "INSERT OR IGNORE" if table == "actors" else "INSERT"
        con.execute(f"{verb} INTO {table} SELECT {', '.join(cols)} FROM _bulk")
        con.unregister("_bulk")
    con.execute("COMMIT")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("documents", type=int, nargs="?", default=100000)
    ap.add_argument("--keyed", action="store_true", help="the schema and row groups of earlier versions")
    ap.add_argument("--rebuild", action="store_true",
                    help="then rebuild the dyad layout as an ingest's end does, and print its peak")
    args = ap.parse_args()
    rng, me = random.Random(9), psutil.Process()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.duckdb"

        def open_store():
            if not args.keyed:
                return Store(db)
            store = object.__new__(Store)
            store.path, store.con = db, duckdb.connect(str(db))
            return store

        if args.keyed:
            with duckdb.connect(str(db)) as con:
                con.execute(KEYED_SCHEMA + "CREATE TABLE actors (actor_key VARCHAR PRIMARY KEY, name VARCHAR, "
                            "country VARCHAR, igo VARCHAR, sector VARCHAR[], kind VARCHAR, role VARCHAR);"
                            "CREATE TABLE event_actors (event_id VARCHAR, actor_key VARCHAR, side VARCHAR);"
                            "CREATE INDEX event_actors_actor ON event_actors (actor_key);")
        store, stored, since, peak, start = open_store(), 0, 0, 0, time.perf_counter()
        print(f"{'keyed' if args.keyed else 'this version'}; load {os.getloadavg()[0]:.2f}", flush=True)
        while stored < args.documents:
            insert(store.con, rows(rng, stored, 32))
            stored, since = stored + 32, since + 32
            if since >= RECONNECT_EVERY:
                store.close()
                store, since = open_store(), 0
            peak = max(peak, me.memory_info().rss)
            if stored % 10000 < 32:
                tags = store.con.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory() "
                                         "WHERE memory_usage_bytes > 0 ORDER BY tag").fetchall()
                print(f"{stored:>8} documents  RSS {me.memory_info().rss / 2**20:5.0f} MiB  peak {peak / 2**20:5.0f} "
                      f"MiB  DuckDB: {', '.join(f'{t} {b / 2**20:.0f}' for t, b in tags)} MiB  "
                      f"{time.perf_counter() - start:5.0f} s", flush=True)
        store.close()
        if args.rebuild:
            rebuild_peak(db, me)


def rebuild_peak(db: Path, me: psutil.Process) -> None:
    """Rebuild the dyad layout as ``ingest`` does at its end, closing included (its checkpoint
    writes the layout); print the resident set it adds."""
    before, peak, done = me.memory_info().rss, [0], threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], me.memory_info().rss)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    start = time.perf_counter()
    with Store(db, row_group_rows=dyads.LAYOUT_ROW_GROUP_ROWS) as store:
        dyads.refresh(store.con)
        rows_ = store.con.execute("SELECT count(*) FROM event_dyads").fetchone()[0]
    done.set()
    sampler.join()
    print(f"dyad layout rebuild (open, rebuild, close): {rows_} rows, RSS {before / 2**20:.0f} -> peak "
          f"{peak[0] / 2**20:.0f} MiB (+{(peak[0] - before) / 2**20:.0f}), {time.perf_counter() - start:.1f} s",
          flush=True)

if __name__ == "__main__":
    main()
