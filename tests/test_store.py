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
