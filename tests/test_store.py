"""The store: idempotent ingest, cross-document linking, queries."""

from communique.model import Article
from communique.pipeline import process
from communique.read import read_paths
from communique.store import Store


def _ingest(store, paths):
    articles = [a for a in read_paths(paths) if isinstance(a, Article)]
    return store.add_batch(process(articles))


def test_seed_congratulation_is_one_event_with_mentions_in_both_articles(shared, tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        first = _ingest(store, [shared / "seeds"])
        assert first.new == 2
        events = store.events(actor="Aliyev", recipient="USA", type="SUPPORT")
        docs = {m["document"] for e in events for m in e["mentions"]}
        assert len(events) == 1 and docs == {"000_15f1d204e912976c", "002_2881ff98ad935c2a"}
        negated = store.events(recipient="MDA", include_negated=True)
        assert [e["negated"] for e in negated] == [True]
        assert store.events(recipient="MDA") == []


def test_ingest_is_idempotent(shared, tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        _ingest(store, [shared / "seeds"])
        before = store.stats()
        again = _ingest(store, [shared / "seeds"])
        assert (again.new, again.already) == (0, 2)
        assert store.stats() == before


def test_a_failed_batch_leaves_nothing_behind(tmp_path):
    path = tmp_path / "s.duckdb"

    class Boom(Exception):
        pass

    def records():
        from communique import extract_text

        yield extract_text("Japan and Vietnam signed an agreement.", "2025-01-11")
        raise Boom

    with Store(path) as store:
        try:
            store.add_batch(records())
        except Boom:
            pass
        assert store.stats() == {"documents": 0, "events": 0, "quotes": 0, "actors": 0}


# The schema of stores made before the big tables lost their keys (see store.SCHEMA).
KEYED_SCHEMA = """
CREATE TABLE documents (doc_hash VARCHAR PRIMARY KEY, doc_id VARCHAR, published DATE, title VARCHAR, url VARCHAR,
    source VARCHAR, origin VARCHAR, text VARCHAR, ingested_at TIMESTAMP);
CREATE TABLE events (event_id VARCHAR PRIMARY KEY, type VARCHAR, mode VARCHAR, negated BOOLEAN, aux VARCHAR[],
    context VARCHAR[], cameo VARCHAR, plover_score DOUBLE, quad INTEGER, date VARCHAR, date_end VARCHAR,
    date_precision VARCHAR, date_first DATE, date_last DATE, confidence DOUBLE, group_key VARCHAR,
    actor_keys VARCHAR[], recipient_keys VARCHAR[]);
CREATE TABLE event_mentions (event_id VARCHAR, doc_hash VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
    evidence VARCHAR, trigger VARCHAR, quote_id VARCHAR, confidence DOUBLE, sentence_start INTEGER,
    sentence_end INTEGER, PRIMARY KEY (doc_hash, evidence_start, event_id));
CREATE TABLE quotes (quote_id VARCHAR PRIMARY KEY, doc_hash VARCHAR, kind VARCHAR, cue VARCHAR,
    speaker_key VARCHAR, speaker_text VARCHAR, outlet_key VARCHAR, addressee_key VARCHAR, start_char INTEGER,
    end_char INTEGER, text VARCHAR);
CREATE TABLE times (doc_hash VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR, value VARCHAR,
    kind VARCHAR, PRIMARY KEY (doc_hash, start_char));
CREATE INDEX events_group ON events (group_key);
"""


def test_a_store_made_with_keys_takes_the_same_rows(shared, tmp_path):
    import duckdb

    from communique.ingest import ingest

    from .test_engines import contents

    with duckdb.connect(str(tmp_path / "keyed.duckdb")) as con:
        con.execute(KEYED_SCHEMA)
    for name in ("keyed", "new"):
        for _ in range(2):  # the second time adds nothing
            ingest([shared / "seeds"], tmp_path / f"{name}.duckdb")
    assert contents(tmp_path / "keyed.duckdb") == contents(tmp_path / "new.duckdb")


def test_two_new_events_of_a_document_may_not_share_an_id(extract):
    import pytest

    from communique.store import new_event_id

    rec = extract("Japan and Vietnam signed an agreement.", "2025-01-11")
    taken: set[str] = set()
    new_event_id(rec.events[0], rec.article.doc_hash, taken)
    with pytest.raises(ValueError, match="would share the id"):
        new_event_id(rec.events[0], rec.article.doc_hash, taken)


def test_the_texts_a_run_has_read_are_remembered_across_merges():
    import hashlib

    from communique.ingest import SeenTexts

    hashes = [hashlib.sha256(str(i).encode()).hexdigest()[:32] for i in range(300)]
    seen = SeenTexts(merge_every=7)
    for h in hashes[:150] + hashes[:150]:
        seen.add(h)
    assert len(seen) == 150
    assert all(h in seen for h in hashes[:150]) and not any(h in seen for h in hashes[150:])
