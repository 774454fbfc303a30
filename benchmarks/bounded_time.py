"""Seconds per document for ordinary and hostile texts of a given length (README, "Bounded time").

News (the sample articles repeated), one giant token, a run-on sentence, thousands of
short sentences that are all events, thousands of short quotes. Each is extracted
once by the whole pipeline, then grouped into events as the store does.

    python benchmarks/bounded_time.py 100000
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from communique.link import group
from communique.model import Article
from communique.pipeline import process

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "corpus"


def texts(n: int) -> dict[str, str]:
    news = "\n\n".join(p.read_text(encoding="utf-8")[17:].strip() for p in sorted(SAMPLES.glob("*.txt")))
    out = {
        "news": (news + "\n\n") * (n // len(news) + 1),
        "giant token": "a.b-c/d" * (n // 7 + 1),
        "run-on sentence": " and ".join(["Aliyev met Trump"] * (n // 21 + 1)),
        "short event sentences": " ".join(["Aliyev met Trump."] * (n // 18 + 1)),
        "short quotes": " ".join(['"Hello," he said.'] * (n // 18 + 1)),
    }
    return {k: v[:n] for k, v in out.items()}


def main(n: int) -> None:
    next(process([Article("warm-up", date(2024, 11, 6), "Warm up.")]))
    for name, text in texts(n).items():
        t0 = time.perf_counter()
        rec = next(process([Article(name, date(2024, 11, 6), text)]))
        extract = time.perf_counter() - t0
        t0 = time.perf_counter()
        events = group(rec.events)
        print(f"{name:22} {len(text):9,} chars  extract {extract:6.1f} s  group {time.perf_counter() - t0:5.1f} s  "
              f"mentions {len(rec.events):5}  events {len(events):5}  quotes {len(rec.quotes):5}", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
