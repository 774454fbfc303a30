"""Bounded work per document: capped sentences, long texts extracted in parts with offsets into the whole."""

import time
from datetime import date

from communique.bounds import MAX_SENTENCE_TOKENS, PART_CHARS, split_parts
from communique.formats import records_to_gold
from communique.model import Article
from communique.nlp import parse
from communique.pipeline import process
from communique.read import read_paths

from .conftest import SAMPLES


def test_parts_cover_the_text_in_order_and_cut_at_paragraph_breaks():
    text = ("A sentence of a paragraph. " * 30 + "\n\n") * 40
    parts = split_parts(text, 2_000)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:], strict=False))
    assert all(0 < e - s <= 2_000 for s, e in parts)
    assert all(text[s - 2:s] == "\n\n" for s, _ in parts[1:])
    assert split_parts("short", 2_000) == [(0, 5)]
    assert split_parts("x" * 5_000, 2_000) == [(0, 2_000), (2_000, 4_000), (4_000, 5_000)]  # no break at all


def test_run_on_sentences_are_capped_before_the_parser():
    doc = next(parse([" and ".join(["Aliyev met Erdogan in Ankara"] * 300)]))
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    ordinary = next(parse(["Aliyev met Erdogan in Ankara. Both leaders praised the talks."]))
    assert [s.text for s in ordinary.sents] == ["Aliyev met Erdogan in Ankara.", "Both leaders praised the talks."]


def test_a_long_article_is_extracted_in_parts_with_offsets_into_the_whole_text():
    articles = [a for a in read_paths([SAMPLES]) if isinstance(a, Article)]
    whole = "\n\n".join(a.text.strip() for a in articles) * 2
    assert len(whole) > PART_CHARS
    alone = [records_to_gold(r) for r in process(articles)]
    records = next(process([Article("long", articles[0].published, whole)]))
    for e in records.events:
        assert whole[e.evidence_start:e.evidence_end] == e.evidence
        if e.quote_index is not None:  # reported in a quote: the quote of its own part
            assert records.quotes[e.quote_index].start <= e.evidence_start <= records.quotes[e.quote_index].end
    joined = records_to_gold(records)
    for q in joined["quotes"]:
        assert q["text"] and 0 <= q["start"] < q["end"] <= len(whole)
    # every article's quotes are found, in both copies (in parts, not just the first)
    assert len(joined["quotes"]) >= 2 * sum(len(d["quotes"]) for d in alone) * 0.9
    last_part = split_parts(whole)[-1][0]
    assert any(e["evidence_start"] >= last_part for e in joined["events"])


def test_time_grows_with_length_not_with_its_square():
    run_on = " and ".join(["Aliyev met Erdogan in Ankara"] * 1_000)  # 32,000 characters, one "sentence"
    t0 = time.perf_counter()
    rec = next(process([Article("run-on", date(2025, 3, 14), run_on)]))
    assert time.perf_counter() - t0 < 30  # unbounded, 21,000 characters of this took 41 s
    assert rec.events and all(run_on[e.evidence_start:e.evidence_end] == e.evidence for e in rec.events)
