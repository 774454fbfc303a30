"""Throughput of ``communique extract`` against bare spaCy ``nlp.pipe`` on the same texts, in one run.

Both run in this process on the same generated articles, one after the other, with the
model already loaded: parsing is our floor, so the ratio is the figure that matters.
Articles/s and tokens/s use wall time; CPU seconds are printed too, as the machine is
shared (a busy neighbour slows wall time but not CPU time).

    python benchmarks/throughput.py 1000 [--repeat 2]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

from communique.formats import records_to_gold  # noqa: E402
from communique.model import Article  # noqa: E402
from communique.nlp import load_nlp  # noqa: E402
from communique.nlp import load_stock_nlp as stock_nlp  # noqa: E402
from communique.pipeline import process  # noqa: E402
from communique.read import read_paths  # noqa: E402


def timed(fn) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, out


@lru_cache(maxsize=1)
def load_stock_nlp():
    """spaCy's model as ``spacy.load`` gives it: the baseline."""
    return stock_nlp()


def bare_spacy(texts: list[str]) -> int:
    return sum(len(doc) for doc in load_stock_nlp().pipe(texts, batch_size=32))


def extract(articles: list[Article]) -> int:
    """What ``communique extract`` does per document: pipeline, gold format, one JSON line."""
    out = 0
    for rec in process(articles):
        out += len(json.dumps(records_to_gold(rec), ensure_ascii=False))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("count", type=int, nargs="?", default=1000)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}; {args.count} articles")
    with tempfile.TemporaryDirectory() as tmp:
        path = write_corpus(args.count, Path(tmp) / "corpus.jsonl")
        articles = [a for a in read_paths([path]) if isinstance(a, Article)]
    texts = [a.text for a in articles]
    load_nlp()
    tokens = bare_spacy(texts[:20]) + extract(articles[:20])  # warm up
    for run in range(args.repeat):
        w_s, c_s, tokens = timed(lambda: bare_spacy(texts))
        w_e, c_e, _ = timed(lambda: extract(articles))
        n = len(articles)
        print(f"run {run + 1}: {tokens} tokens")
        for name, wall, cpu in (("bare spaCy", w_s, c_s), ("extract", w_e, c_e)):
            print(f"  {name:10}  {n / wall:8.1f} articles/s {tokens / wall:9.0f} tokens/s"
                  f"  (wall {wall:.1f}s, cpu {cpu:.1f}s)")
        print(f"  ratio extract/spaCy: wall {w_s / w_e:.2f}  cpu {c_s / c_e:.2f}")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
