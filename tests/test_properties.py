"""Any text or bytes in, no exception out, in bounded time: the readers and every extraction stage."""

import json
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique import pipeline
from communique.model import Article, Reject
from communique.read import parse_corpus_text, read_file

WORDS = st.sampled_from(["Aliyev", "Trump", "said", "“", "”", '"', "did", "not", "congratulate", "the", "US",
                         "Azerbaijan", "on", "November", "3", ",", ".", "\n\n", "he", "According", "to", "him",
                         "between", "and", "signed", "last", "week", "Moldovan", "President", "'s", "’"])
NEWSLIKE = st.lists(WORDS, max_size=60).map(" ".join)
# run-on sentences and giant tokens: the inputs that made time per document unbounded
RUN_ON = st.tuples(st.integers(50, 400), st.sampled_from(["Aliyev met Trump and", '"Yes," he said', "x" * 97 + "."])) \
    .map(lambda t: " ".join([t[1]] * t[0]))
DATE_LINE = st.sampled_from([b"", b" date 2024-11-06 ", b"date 2024-13-45\n", b"\xef\xbb\xbf date 2024-11-06\n"])


def _check_items(items, max_chars):
    for item in items:
        assert isinstance(item, Article | Reject)
        if isinstance(item, Article):
            assert item.text.strip() and len(item.text) <= max_chars and "\x00" not in item.text
        else:
            assert item.reason and item.path


@given(st.text(max_size=300))
@settings(max_examples=60, deadline=None)
def test_corpus_text_reader_never_raises(text):
    assert isinstance(parse_corpus_text(text, "x", "x.txt"), Article | Reject)


@given(st.sampled_from([".txt", ".jsonl", ".csv"]), DATE_LINE, st.one_of(st.binary(max_size=600),
                                                                      st.text(max_size=300).map(str.encode)))
@settings(max_examples=150, deadline=None)
def test_file_reader_takes_any_bytes(suffix, head, body):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"in{suffix}"
        path.write_bytes(head + body)
        t0 = time.perf_counter()
        _check_items(list(read_file(path, max_doc_chars=500)), 500)
        assert time.perf_counter() - t0 < 2


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=40),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                       max_size=4), max_leaves=12)
ROWS = st.fixed_dictionaries({}, optional={"id": JSON_VALUES, "date": st.one_of(JSON_VALUES, st.dates().map(str)),
                                           "text": st.one_of(JSON_VALUES, st.text(max_size=200)),
                                           "title": JSON_VALUES})


@given(st.lists(st.one_of(ROWS.map(json.dumps), JSON_VALUES.map(json.dumps), st.text(max_size=60)), max_size=8))
@settings(max_examples=80, deadline=None)
def test_json_lines_reader_takes_any_rows(lines):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.jsonl"
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        _check_items(list(read_file(path)), 2_000_000)


@given(st.lists(st.lists(st.text(max_size=30), max_size=5), max_size=6))
@settings(max_examples=80, deadline=None)
def test_csv_reader_takes_any_cells(rows):
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf).writerows([["id", "date", "text"], *rows])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.csv"
        path.write_text(buf.getvalue(), encoding="utf-8", errors="surrogatepass")
        _check_items(list(read_file(path)), 2_000_000)


STAGES = ["quote_marks", "resolve_actors", "find_quotes", "find_times", "find_events", "parse"]


@pytest.fixture
def timed_stages(monkeypatch):
    """Every stage the pipeline calls, wrapped to record how long each call took."""
    spent: dict[str, list[float]] = {name: [] for name in STAGES}

    def wrap(name, fn):
        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            out = fn(*args, **kwargs)
            if name == "parse":
                out = list(out)
            spent[name].append(time.perf_counter() - t0)
            return iter(out) if name == "parse" else out
        return timed

    for name in STAGES:
        monkeypatch.setattr(pipeline, name, wrap(name, getattr(pipeline, name)))
    return spent


def _spans_inside(records, text):
    for e in records.events:
        assert 0 <= e.evidence_start <= e.evidence_end <= len(text)
        assert text[e.evidence_start:e.evidence_end] == e.evidence
        if e.sentence_start is not None:
            assert 0 <= e.sentence_start <= e.evidence_start and e.sentence_end <= len(text)
    for q in records.quotes:
        assert 0 <= q.start <= q.end <= len(text)
    for t in records.times:
        assert 0 <= t.start <= t.end <= len(text) and text[t.start:t.end] == t.text
    for m in records.mentions:
        assert 0 <= m.start <= m.end <= len(text)


@given(st.one_of(NEWSLIKE, st.text(max_size=200), RUN_ON))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_stage_takes_any_text_in_bounded_time(timed_stages, extract, text):
    for calls in timed_stages.values():
        calls.clear()
    t0 = time.perf_counter()
    rec = extract(text or " ", "2024-11-06")
    assert time.perf_counter() - t0 < 10
    assert all(calls for calls in timed_stages.values()), "every stage ran"
    assert max(max(calls) for calls in timed_stages.values()) < 5
    _spans_inside(rec, rec.article.text)
