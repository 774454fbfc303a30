"""A bounded load test of the HTTP API on loopback: a fixed request rate for a fixed time.

Starts ``communique serve`` on 127.0.0.1 against a store of the seeds (built in a
temporary folder unless ``--db`` names one), then sends requests open-loop: request i
is due at start + i/rate whatever happened to the earlier ones, over a pool of
keep-alive connections. Latency runs from the moment a request was due to its last
byte, so a server that falls behind is charged for the wait (no coordinated omission).
The mix is what the web page asks for: events, a dyad series, the network, quotes,
actors, a document, the page itself; each is asked three times before the clock starts.

    python benchmarks/api_load.py                      # 200 req/s for 30 s
    python benchmarks/api_load.py --rate 300 --duration 10 --check
    python benchmarks/api_load.py --cache 0           # no answer cache: DuckDB on every request

Prints one JSON object: requests sent and completed, achieved rate, errors (non-2xx
or broken connections) and latency percentiles in milliseconds. ``--check`` exits 1
unless there were no errors, p99 < 100 ms and the achieved rate reached 95% of the target.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
MAX_DURATION = 120  # seconds: the test always stops by itself
MAX_RATE = 2000


def build_seeds_store(folder: Path) -> Path:
    import communique

    path = folder / "seeds.duckdb"
    with communique.open(path) as db:
        db.ingest([SEEDS])
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mix(doc_id: str) -> list[tuple[str, int]]:
    """(path, weight): what the page asks for, most often the events list."""
    return [
        ("/api/events?actor=AZE", 30), ("/api/events?limit=50", 10),
        ("/api/dyads?a=AZE&b=USA&by=month", 15), ("/api/network", 10),
        ("/api/quotes?speaker=Aliyev", 10), ("/api/actors", 10),
        (f"/api/documents/{doc_id}", 10), ("/", 5),
    ]


async def fetch(conn: tuple[asyncio.StreamReader, asyncio.StreamWriter], path: str) -> int:
    """One GET over a keep-alive HTTP/1.1 connection; returns the status after reading the whole body."""
    reader, writer = conn
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length, chunked = 0, False
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if chunked:
        while (size := int((await reader.readline()).strip(), 16)) > 0:
            await reader.readexactly(size + 2)
        await reader.readline()
    else:
        await reader.readexactly(length)
    return status


async def load(port: int, paths: list[str], rate: float, duration: float, connections: int) -> dict:
    pool: asyncio.Queue = asyncio.Queue()
    for _ in range(connections):
        pool.put_nowait(await asyncio.open_connection("127.0.0.1", port))
    # warm-up, not measured: each kind of request a few times, one at a time (first imports, first queries)
    conn = await pool.get()
    for path in dict.fromkeys(paths):
        for _ in range(3):
            await fetch(conn, path)
    pool.put_nowait(conn)
    latencies: list[float] = []
    errors: dict[str, int] = {}
    total = int(rate * duration)
    start = time.perf_counter() + 0.1

    async def one(i: int) -> None:
        due = start + i / rate
        conn = await pool.get()
        try:
            status = await fetch(conn, paths[i % len(paths)])
            if not 200 <= status < 300:
                errors[str(status)] = errors.get(str(status), 0) + 1
            pool.put_nowait(conn)
        except (OSError, ValueError, IndexError, asyncio.IncompleteReadError) as exc:
            errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
            conn[1].close()
            pool.put_nowait(await asyncio.open_connection("127.0.0.1", port))
        latencies.append(time.perf_counter() - due)

    tasks = []
    for i in range(total):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(i)))
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=duration + 30)
    elapsed = time.perf_counter() - start
    while not pool.empty():
        pool.get_nowait()[1].close()
    latencies.sort()

    def pct(p: float) -> float:
        return round(1000 * latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))], 2)

    return {"target_rate": rate, "duration_s": duration, "connections": connections, "sent": total,
            "completed": len(latencies), "achieved_rate": round(len(latencies) / elapsed, 1),
            "errors": sum(errors.values()), "error_kinds": errors,
            "latency_ms": {"p50": pct(50), "p90": pct(90), "p99": pct(99), "max": round(1000 * latencies[-1], 2)}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="store to serve (default: the seeds, ingested into a temporary folder)")
    ap.add_argument("--rate", type=float, default=200.0, help="requests per second")
    ap.add_argument("--duration", type=float, default=30.0, help="seconds of load")
    ap.add_argument("--connections", type=int, default=32, help="keep-alive connections in the pool")
    ap.add_argument("--cache", type=int, default=512, help="the server's --cache (0: every request queries DuckDB)")
    ap.add_argument("--check", action="store_true", help="exit 1 unless no errors and p99 < 100 ms")
    args = ap.parse_args()
    if not (0 < args.rate <= MAX_RATE and 0 < args.duration <= MAX_DURATION):
        ap.error(f"rate must be in (0, {MAX_RATE}] and duration in (0, {MAX_DURATION}] seconds")

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else build_seeds_store(Path(tmp))
        import communique

        with communique.open(db, read_only=True) as d:
            doc_id = d.store.documents(limit=1)[0]["id"]
        port = free_port()
        env = {k: v for k, v in os.environ.items() if k != "COMMUNIQUE_TOKEN"}  # read-only server
        server = subprocess.Popen([sys.executable, "-m", "communique.cli", "serve", "--db", str(db),
                                   "--host", "127.0.0.1", "--port", str(port), "--cache", str(args.cache)], env=env)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                        break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("the server did not start") from None
                    time.sleep(0.1)
            weighted = [p for p, w in mix(doc_id) for _ in range(w)]
            # interleave the mix so every second sees all kinds of request
            paths = [weighted[(i * 37) % len(weighted)] for i in range(len(weighted))]
            result = asyncio.run(load(port, paths, args.rate, args.duration, args.connections))
        finally:
            server.terminate()
            server.wait(timeout=10)
    result["server_cache"] = args.cache
    result["cores"] = os.cpu_count()
    print(json.dumps(result, indent=1))
    ok = (result["errors"] == 0 and result["latency_ms"]["p99"] < 100
          and result["achieved_rate"] >= 0.95 * args.rate)
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
