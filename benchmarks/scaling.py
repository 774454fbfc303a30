"""``communique ingest`` at growing corpus sizes and worker counts: throughput and peak memory.

Each run is a fresh ``communique ingest`` process on a generated corpus (see
corpus.py) into a new store. Memory is the resident set of the whole process tree
(the ingest process and its workers), sampled every 0.2 s; the peak is printed.
Tokens are counted with the model's tokenizer, as the parser sees them.

    python benchmarks/scaling.py --sizes 1000 10000 --workers 1 2
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

from communique.model import Article  # noqa: E402
from communique.nlp import load_stock_nlp  # noqa: E402
from communique.read import read_paths  # noqa: E402

COMMUNIQUE = Path(sys.executable).with_name("communique")


def count_tokens(path: Path) -> int:
    """Tokens of a corpus, remembered beside it (``<corpus>.tokens``): 100k articles take minutes."""
    memo = path.with_name(path.name + ".tokens")
    if memo.exists() and memo.stat().st_mtime >= path.stat().st_mtime:
        return int(memo.read_text())
    tokenizer = load_stock_nlp().tokenizer
    tokens = sum(len(tokenizer(a.text)) for a in read_paths([path]) if isinstance(a, Article))
    memo.write_text(str(tokens))
    return tokens


def tree_rss(proc: psutil.Process) -> tuple[int, int]:
    """(bytes resident in the process and all its descendants, bytes in the largest one)."""
    sizes = []
    for p in [proc, *proc.children(recursive=True)]:
        try:
            sizes.append(p.memory_info().rss)
        except psutil.Error:
            pass
    return sum(sizes), max(sizes, default=0)


def run_ingest(corpus: Path, db: Path, *options: str) -> dict:
    start = time.perf_counter()
    proc = subprocess.Popen([str(COMMUNIQUE), "ingest", str(corpus), "--db", str(db), *options],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watched, peak, peak_one, peak_at, timeline = psutil.Process(proc.pid), 0, 0, 0.0, []
    while proc.poll() is None:
        total, one = tree_rss(watched)
        if total > peak:
            peak, peak_at = total, time.perf_counter() - start
        peak_one = max(peak_one, one)
        timeline.append((time.perf_counter() - start, total))
        time.sleep(0.2)
    out, err = proc.communicate()
    if proc.returncode not in (0, 3):
        raise SystemExit(f"ingest failed ({proc.returncode}):\n{err[-2000:]}")
    return {"seconds": time.perf_counter() - start, "peak": peak, "peak_one": peak_one, "peak_at": peak_at,
            "summary": out.strip().splitlines()[0], "timeline": timeline}


def timeline_line(timeline: list[tuple[float, int]], seconds: float) -> str:
    """Resident memory at each tenth of the run and over its last two seconds: where the peak comes."""
    if not timeline:
        return ""
    tenths = [max((r for t, r in timeline if k * seconds / 10 <= t < (k + 1) * seconds / 10), default=0)
              for k in range(10)]
    last = [r for t, r in timeline if t >= seconds - 2]
    return ("    MiB per tenth of the run: " + " ".join(f"{r / 2**20:.0f}" for r in tenths)
            + "; last 2 s: " + " ".join(f"{r / 2**20:.0f}" for r in last))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--engine", default="local")
    ap.add_argument("--keep", type=Path, help="keep generated corpora in this folder (and reuse them)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        for size in args.sizes:
            corpus = folder / f"corpus-{size}"
            if not corpus.exists():
                write_corpus(size, corpus)
            tokens = count_tokens(corpus)
            base = None
            for workers in args.workers:
                load = os.getloadavg()
                db = Path(tmp) / f"store-{size}-{workers}.duckdb"
                r = run_ingest(corpus, db, "--workers", str(workers), "--engine", args.engine)
                base = base or r["seconds"]
                speedup = f"  x{base / r['seconds']:.2f} vs {args.workers[0]}" if workers != args.workers[0] else ""
                print(f"{size:>7} articles {workers} worker(s) [{args.engine}] load {load[0]:.2f}/{load[1]:.2f}: "
                      f"{r['seconds']:7.1f}s  {size / r['seconds']:6.1f} articles/s  {tokens / r['seconds']:7.0f} "
                      f"tokens/s  peak {r['peak'] / 2**20:5.0f} MiB"
                      f" at {100 * r['peak_at'] / r['seconds']:.0f}% of the run"
                      f" (largest process {r['peak_one'] / 2**20:.0f} MiB)"
                      f"{speedup}", flush=True)
                print(timeline_line(r["timeline"], r["seconds"]), flush=True)
                for p in db.parent.glob(db.name + "*"):
                    p.unlink() if p.is_file() else None


if __name__ == "__main__":
    main()
