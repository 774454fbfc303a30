"""Generate a benchmark corpus (JSON Lines) from the sentence shapes of the bundled articles.

Each article is a dateline and 1-4 paragraphs drawn from the real articles in
``samples/corpus`` and ``tests/data/*_corpus``, with country names swapped for other
countries' names, so texts differ while keeping real news syntax, quotes and cues.

    python benchmarks/corpus.py 10000 /tmp/bench/10k.jsonl    # one file
    python benchmarks/corpus.py 10000 /tmp/bench/10k          # a folder of files of 1,000
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SOURCES = [ROOT / "samples" / "corpus", DATA / "quotes_corpus", DATA / "dated_corpus"]
DATE_LINE = re.compile(r"\A\s*date\s+\d{4}-\d{2}-\d{2}\s*")
DATELINE = re.compile(  # "KYIV, December 3. ", "NEW DELHI, India, Sept 10 (Reuters) - ", "ANKARA — "
    r"\A[A-Z][A-Z .'-]+(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)*)*(?:, [A-Z][a-z]+\.? \d{1,2})?(?: \(\w+\))?\s*[.:—–-]+\s*")
COUNTRIES = ["Hungary", "Poland", "Romania", "Azerbaijan", "Armenia", "Georgia", "Moldova", "Ukraine", "Serbia",
             "Croatia", "Bulgaria", "Turkey", "Greece", "Kazakhstan", "Uzbekistan", "France", "Germany", "Italy",
             "Spain", "Japan", "India", "Brazil", "Kenya", "Egypt", "Jordan", "Israel", "Iran", "Iraq", "Canada"]
CAPITALS = ["BUDAPEST", "WARSAW", "BUCHAREST", "BAKU", "YEREVAN", "TBILISI", "KYIV", "BELGRADE", "ANKARA", "PARIS"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def paragraphs() -> list[str]:
    """Every self-contained paragraph of the bundled real articles (no dateline of their own)."""
    out = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            body = DATE_LINE.sub("", path.read_text(encoding="utf-8"))
            for para in re.split(r"\n\s*\n", body):
                para = DATELINE.sub("", " ".join(para.split()))  # one dateline per article, ours
                if para.count('"') % 2 or para.count("“") != para.count("”"):
                    continue  # a quote runs on into the next paragraph: keep shapes self-contained
                if len(para.split()) >= 8:
                    out.append(para)
    return out


def article(rng: random.Random, pool: list[str], n: int) -> dict:
    published = date(2024, 1, 1) + timedelta(days=rng.randrange(540))
    swap = dict(zip(rng.sample(COUNTRIES, 3), rng.sample(COUNTRIES, 3), strict=True))
    paras = []
    for p in rng.sample(pool, rng.randint(1, 4)):
        for old, new in swap.items():
            p = p.replace(old, new)
        paras.append(p)
    dateline = f"{rng.choice(CAPITALS)}, {MONTHS[published.month - 1]} {published.day}. "
    return {"id": f"bench-{n:07d}", "date": published.isoformat(), "text": dateline + "\n\n".join(paras)}


def write_corpus(count: int, path: Path, seed: int = 9, per_file: int = 1000) -> Path:
    """Write ``count`` generated articles, the same ones for the same seed.

    A ``.jsonl`` path gets them all; any other path is a folder of JSON Lines files of
    ``per_file`` articles each, as a desk's daily files would be (the reader holds one
    file at a time, so a single huge file would weigh on memory).
    """
    rng, pool = random.Random(seed), paragraphs()
    single = path.suffix == ".jsonl"
    (path.parent if single else path).mkdir(parents=True, exist_ok=True)
    fh = None
    for n in range(count):
        if fh is None or (not single and n % per_file == 0):
            if fh is not None:
                fh.close()
            fh = (path if single else path / f"part-{n // per_file:05d}.jsonl").open("w", encoding="utf-8")
        fh.write(json.dumps(article(rng, pool, n), ensure_ascii=False) + "\n")
    if fh is not None:
        fh.close()
    return path


if __name__ == "__main__":
    write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
