"""The actor table (tests/data/actor_cases.tsv): expression + date -> name, country, sector.

Each row names one mention in a short text; the resolver must give the actor the row
expects (country, IGO code and, when given, name, compared as the gold format does).
Negative rows are words that look like countries but are not actors ("Atlanta, Georgia").
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from datetime import date
from functools import lru_cache
from pathlib import Path

from communique.actors import resolve_actors
from communique.evaluate import actor_matches
from communique.kb import load_kb
from communique.model import Article
from communique.nlp import parse
from communique.quotes import quote_marks

TABLE = Path(__file__).parent / "data" / "actor_cases.tsv"


def load_rows() -> list[dict]:
    lines = [line for line in TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _span(text: str, mention: str) -> tuple[int, int]:
    m = re.search(rf"(?<!\w){re.escape(mention)}(?!\w)", text, flags=re.IGNORECASE)
    assert m is not None, f"{mention!r} not in {text!r}"
    return m.start(), m.end()


@lru_cache(maxsize=1)
def resolved() -> list[tuple[dict, dict | None]]:
    """Each row with the actor the resolver gives the mention (None: no actor)."""
    rows, kb = load_rows(), load_kb()
    out = []
    for row, doc in zip(rows, parse([r["text"] for r in rows]), strict=True):
        article = Article("case", date.fromisoformat(row["published"]), row["text"])
        actors = resolve_actors(doc, article, kb, [(q.start, q.end) for q in quote_marks(row["text"])])
        start, end = _span(row["text"], row["mention"])
        hits = [m for m in actors.mentions if m.start < end and start < m.end]
        best = min(hits, key=lambda m: abs(m.start - start) + abs(m.end - end)) if hits else None
        got = None
        if best is not None:
            a = best.actor
            got = {"name": a.name, "country": a.country, "igo": a.igo, "sector": list(a.sector)}
        out.append((row, got))
    return out


def is_right(row: dict, got: dict | None) -> bool:
    if row["country"] == "-":
        return got is None or not got["country"]
    if got is None:
        return False
    gold = {"name": row["name"] or None, "country": row["country"], "igo": row["igo"] or None}
    return actor_matches(got, gold)


def test_actor_table_resolves_at_least_95_percent():
    results = resolved()
    assert len(results) >= 150
    per_family: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for row, got in results:
        ok = is_right(row, got)
        per_family[row["family"]][0] += ok
        per_family[row["family"]][1] += 1
        if not ok:
            misses.append(f"{row['family']}: {row['mention']!r} on {row['published']} -> {got}")
    right = sum(v[0] for v in per_family.values())
    score = right / len(results)
    report = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(per_family.items()))
    assert score >= 0.95, f"{right}/{len(results)} = {score:.3f} ({report})\n" + "\n".join(misses)


def test_actor_table_sectors_mostly_right():
    scored = [(row, got) for row, got in resolved() if row["sector"] and row["country"] != "-" and is_right(row, got)]
    right = sum(1 for row, got in scored if set(row["sector"].split("|")) & set(got["sector"]))
    assert right / len(scored) >= 0.85, f"sector {right}/{len(scored)}"


def test_time_aware_rows_change_only_with_the_date():
    rows = [r for r, _ in resolved() if r["family"] == "time_aware"]
    texts = defaultdict(set)
    for r in rows:
        texts[r["text"]].add((r["published"], r["name"], r["country"], r["sector"]))
    assert any(len(v) >= 2 for v in texts.values())  # the same text at several dates
