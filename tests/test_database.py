"""The Python API: communique.open(...), ingest, queries as records, Arrow and pandas."""

import sys

import pyarrow as pa
import pytest

import communique
from communique.export import EVENT_SCHEMA


def test_open_ingest_and_query(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text('{"id": "a1", "date": "2025-01-11", "text": "Japan and Vietnam signed an agreement."}\n'
                      '{"id": "a2", "date": "2025-01-12"}\n', encoding="utf-8")
    with communique.open(tmp_path / "x.duckdb") as db:
        summary = db.ingest(corpus)
        assert (summary.read, summary.new, summary.rejected) == (1, 1, 1)
        assert f"{corpus}:2: missing or non-text field(s): text" in [str(r) for r in summary.rejects]
        assert db.ingest([corpus]).already == 1
        events = db.events(actor="JPN")
        assert [e["event"] for e in events] and {a["country"] for e in events for a in e["actor"]} >= {"JPN"}
        assert db.stats()["documents"] == 1


def test_results_are_records_arrow_and_pandas(seeds_db):
    with communique.open(seeds_db, read_only=True) as db:
        events = db.events(actor="AZE", include_negated=True)
        records = list(events)
        assert {(e["event"], e["negated"], e["recipient"][0]["name"]) for e in records if e["recipient"]} >= {
            ("SUPPORT", False, "Donald Trump"), ("SUPPORT", True, "Maia Sandu")}
        table = events.to_arrow()
        assert isinstance(table, pa.Table) and table.schema.equals(EVENT_SCHEMA) and table.num_rows == len(events)
        df = events.to_pandas()
        assert list(df["id"]) == [e["id"] for e in records]
        series = db.dyad("AZE", "USA", by="year").to_pandas()
        assert series.set_index("period").loc["2024", "events"] == 3
        assert db.quotes(speaker="Aliyev").to_arrow().column("speaker").to_pylist()[0] == "Ilham Aliyev"
        assert db.network()["edges"][0]["source"] == "AZE"


def test_to_pandas_without_pandas_says_what_to_install(seeds_db, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with communique.open(seeds_db, read_only=True) as db:
        events = db.events()
        with pytest.raises(ImportError, match="pip install pandas"):
            events.to_pandas()
        assert events.to_arrow().num_rows == len(events)
