"""Where the time of `communique extract` goes, stage by stage (prints figures).

Usage: python benchmarks/stage_share.py [CORPUS ...]  (folders or files in any format `ingest` reads;
       default: samples/corpus and the quote set)

Runs the same pipeline as `communique extract` (spaCy parse, actors, quotes, times,
events) over the corpus several times and reports each stage's share of the total, and
the one-off start-up costs (knowledge base, phrase matchers, spaCy model).
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(dirs: list[str]) -> None:
    t0 = time.perf_counter()
    from communique.kb import load_kb
    kb = load_kb()
    t_kb = time.perf_counter() - t0
    from communique import actors as actors_mod
    from communique import pipeline
    from communique.events import find_events
    from communique.events.lexicon import load_lexicon
    from communique.nlp import load_nlp, parse
    from communique.quotes import find_quotes, quote_marks
    from communique.read import read_paths
    from communique.timex import find_times
    t1 = time.perf_counter()
    load_nlp()
    t_nlp = time.perf_counter() - t1
    t2 = time.perf_counter()
    actors_mod._matchers(kb)
    t_match = time.perf_counter() - t2
    lexicon = load_lexicon()

    articles = [a for a in read_paths(dirs) if hasattr(a, "text")]
    chars = sum(len(a.text) for a in articles)
    spent: dict[str, float] = defaultdict(float)
    rounds = 3
    for _ in range(rounds):
        t = time.perf_counter()
        docs = list(parse([a.text for a in articles]))
        spent["spaCy parse"] += time.perf_counter() - t
        for art, doc in zip(articles, docs, strict=True):
            t = time.perf_counter()
            marked = quote_marks(doc.text)
            res = actors_mod.resolve_actors(doc, art, kb, [(q.start, q.end) for q in marked])
            spent["actors"] += time.perf_counter() - t
            t = time.perf_counter()
            quotes = find_quotes(doc, res, marked)
            spent["quotes"] += time.perf_counter() - t
            actor_at = pipeline._actor_resolver(res, quotes, kb)
            t = time.perf_counter()
            times = find_times(doc, art.published, kb, actor_at)
            spent["times"] += time.perf_counter() - t

            def actors_at(tok, res=res, actor_at=actor_at):
                if tok.i in res.plural:
                    return res.plural[tok.i]
                one = actor_at(tok)
                return [one] if one is not None else []
            t = time.perf_counter()
            find_events(doc, art.published, lexicon, actors_at, quotes, times)
            spent["events"] += time.perf_counter() - t
    total = sum(spent.values())
    print(f"corpus: {len(articles)} articles, {chars:,} characters, {rounds} rounds")
    print(f"start-up: knowledge base {t_kb:.2f} s, phrase matchers {t_match:.2f} s, spaCy model {t_nlp:.2f} s")
    for stage, s in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:12s} {s / rounds:7.3f} s/round  {100 * s / total:5.1f} %")
    print(f"  {'total':12s} {total / rounds:7.3f} s/round  ({len(articles) * rounds / total:.1f} articles/s)")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(ROOT / "samples" / "corpus"), str(ROOT / "tests" / "data" / "quotes_corpus")])
