"""Engines: N local processes and a Dask cluster give the store one process gives."""

import json

import duckdb
from typer.testing import CliRunner

from communique.cli import app
from communique.engines.parts import read_part, write_part
from communique.model import Article
from communique.pipeline import process
from communique.read import read_paths

from .conftest import SAMPLES

runner = CliRunner()
TABLES = {
    "documents": "doc_hash, doc_id, published, text",
    "actors": "*",
    "events": "*",
    "event_actors": "*",
    "event_mentions": "*",
    "quotes": "*",
    "times": "*",
}


def ingest(corpus: list, db, *options) -> dict:
    result = runner.invoke(app, ["ingest", *map(str, corpus), "--db", str(db), *options])
    assert result.exit_code == 0, result.output
    return json.loads(runner.invoke(app, ["stats", "--db", str(db), "--json"]).output)


def contents(db) -> dict:
    """Every stored row (but the ingestion time), in a stable order."""
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: sorted(map(repr, con.execute(f"SELECT {cols} FROM {t}").fetchall())) for t, cols in TABLES.items()}


def test_two_local_workers_store_what_one_process_stores(shared, tmp_path, monkeypatch):
    monkeypatch.setattr("communique.engines.RECONNECT_EVERY", 3)  # reopen the store mid-run too
    corpus = [shared / "seeds", SAMPLES]
    one = ingest(corpus, tmp_path / "one.duckdb")
    two = ingest(corpus, tmp_path / "two.duckdb", "--workers", "2", "--batch-size", "2")
    assert one == two and one["documents"] == 7 and one["events"] > 20
    assert contents(tmp_path / "one.duckdb") == contents(tmp_path / "two.duckdb")


def test_dask_local_cluster_gives_the_local_engines_stats(shared, tmp_path):
    corpus = [shared / "seeds", SAMPLES]
    local = ingest(corpus, tmp_path / "local.duckdb")
    dask = ingest(corpus, tmp_path / "dask.duckdb", "--engine", "dask", "--workers", "2", "--batch-size", "3")
    assert dask == local
    assert contents(tmp_path / "dask.duckdb") == contents(tmp_path / "local.duckdb")
    assert not list((tmp_path / "dask.duckdb.parts").glob("*.parquet")), "loaded parts are removed"


def test_parts_read_back_exactly_what_was_written(tmp_path):
    articles = [a for a in read_paths([SAMPLES]) if isinstance(a, Article)]
    records = list(process(articles))
    assert read_part(write_part(records, tmp_path / "p.parquet")) == records
    assert not list(tmp_path.glob("*.tmp"))


def test_a_part_left_by_an_interrupted_run_is_loaded_once(shared, tmp_path):
    db, parts = tmp_path / "c.duckdb", tmp_path / "c.duckdb.parts"
    seeds = [a for a in read_paths([shared / "seeds"]) if isinstance(a, Article)]
    write_part(list(process(seeds)), parts / "part-crashed-0000000.parquet")
    result = runner.invoke(app, ["ingest", str(shared / "seeds"), "--db", str(db), "--engine", "dask",
                                 "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "new: 2  already stored: 2" in result.output  # from the part; the re-read seeds add nothing
    assert json.loads(runner.invoke(app, ["stats", "--db", str(db), "--json"]).output)["documents"] == 2


def test_bulk_loading_stores_every_row_the_row_path_stores(shared, tmp_path):
    """Batches that repeat documents and link events across documents and batches."""
    from communique.bulk import load_batch
    from communique.store import Store

    here = SAMPLES.parent.parent / "tests" / "data"
    articles = [a for a in read_paths([shared / "seeds", SAMPLES, here / "dated_corpus"]) if isinstance(a, Article)]
    records = list(process(articles))
    batches = [records[i:i + 5] for i in range(0, len(records), 5)] + [records[:3]]
    results = {}
    for name, store_batch in (("row", Store.add_batch), ("bulk", load_batch)):
        with Store(tmp_path / f"{name}.duckdb") as store:
            results[name] = [store_batch(store, b) for b in batches]
    assert results["row"] == results["bulk"]
    assert results["bulk"][-1].already == 3
    assert contents(tmp_path / "row.duckdb") == contents(tmp_path / "bulk.duckdb")


def test_a_statement_found_through_two_cues_does_not_stop_the_ingest(tmp_path):
    """'X said ... as strikes continued' gives two quotes at one offset; the first is stored."""
    text = ("Ukrainian President Volodymyr Zelensky said on Tuesday that Kyiv's partners must speed up deliveries "
            "of air defence systems before the coldest weeks of winter, as Russian strikes on the power grid "
            "continued.\n")
    corpus = tmp_path / "a.txt"
    corpus.write_text(" date 2024-12-03 " + text, encoding="utf-8")
    stats = ingest([corpus], tmp_path / "c.duckdb")
    assert stats["documents"] == 1 and stats["quotes"] >= 1


def test_scheduler_needs_the_dask_engine_and_a_reachable_address(shared, tmp_path):
    db = str(tmp_path / "c.duckdb")
    wrong = runner.invoke(app, ["ingest", str(shared / "seeds"), "--db", db, "--scheduler", "tcp://127.0.0.1:9"])
    assert wrong.exit_code == 2 and "--scheduler needs --engine dask" in wrong.output
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        gone = runner.invoke(app, ["ingest", str(shared / "seeds"), "--db", db, "--engine", "dask",
                                   "--scheduler", "tcp://127.0.0.1:9"])
    assert gone.exit_code == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in gone.output
