"""Any text in, no exception out, in bounded time."""

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.read import parse_corpus_text

WORDS = st.sampled_from(["Aliyev", "Trump", "said", "“", "”", '"', "did", "not", "congratulate", "the", "US",
                         "Azerbaijan", "on", "November", "3", ",", ".", "\n\n", "he", "According", "to", "him",
                         "between", "and", "signed", "last", "week", "Moldovan", "President", "'s", "’"])


@given(st.text(max_size=300))
@settings(max_examples=60, deadline=None)
def test_reader_never_raises(text):
    parse_corpus_text(text, "x", "x.txt")


@given(st.one_of(st.lists(WORDS, max_size=60).map(" ".join), st.text(max_size=200)))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_pipeline_never_raises_and_is_fast(extract, text):
    t0 = time.perf_counter()
    rec = extract(text or " ", "2024-11-06")
    assert time.perf_counter() - t0 < 5
    for e in rec.events:
        assert 0 <= e.evidence_start <= e.evidence_end <= len(rec.article.text)
    for q in rec.quotes:
        assert 0 <= q.start <= q.end <= len(rec.article.text)
