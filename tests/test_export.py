"""Exports read back equal to the store; the GDELT-style table has GDELT 2.0's columns."""

import csv
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.export import EVENT_SCHEMA, GDELT_COLUMNS, export
from communique.store import Store

ALL = {"include_negated": True, "include_hypothetical": True}


@pytest.fixture()
def store(seeds_db):
    with Store(seeds_db, read_only=True) as s:
        yield s


def test_parquet_reads_back_equal_to_the_store(store, tmp_path):
    out = tmp_path / "events.parquet"
    assert export(store, "parquet", out, **ALL) == 7
    table = pq.read_table(out)
    assert table.schema.equals(EVENT_SCHEMA)
    assert table.schema.field("quad").metadata[b"description"].startswith(b"1 verbal cooperation")
    assert table.to_pylist() == store.events(**ALL)
    for what in ("quotes", "actors"):
        export(store, "parquet", tmp_path / f"{what}.parquet", what)
        assert pq.read_table(tmp_path / f"{what}.parquet").to_pylist() == getattr(store, what)()


def test_jsonl_reads_back_equal_to_the_store(store, tmp_path):
    out = tmp_path / "events.jsonl"
    export(store, "jsonl", out, **ALL)
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == store.events(**ALL)


def test_csv_is_one_flat_row_per_event(store, tmp_path):
    out = tmp_path / "events.csv"
    export(store, "csv", out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == len(store.events()) == 6  # the negated one left out by default
    congrats = next(r for r in rows if r["event"] == "SUPPORT" and r["recipient_names"] == "Donald Trump")
    assert congrats["actor_countries"] == "AZE" and congrats["documents"].count(";") == 1


def test_plover_records_follow_the_manual(store, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    export(store, "plover", out, **ALL)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for r in records:
        assert {"id", "date", "actor", "event"} <= set(r)  # the manual's required fields
        assert len(r["date"]) == 10 and isinstance(r["event"], list) and r["quad_code"] in (1, 2, 3, 4)
        assert all("code" in a for a in r["actor"] + r["recipient"])
    sandu = next(r for r in records if r["recipient"] and r["recipient"][0]["entity_text"] == "Maia Sandu")
    assert "negation" in sandu["context"] and sandu["event"] == ["SUPPORT"]
    term = next(r for r in records if r.get("enddate"))
    assert (term["date"], term["enddate"]) == ("2017-01-20", "2021-01-20") and "historical" in term["context"]


def test_gdelt_table_loads_with_gdelt_column_names(store, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    export(store, "gdelt", out)
    df = pd.read_csv(out, sep="\t", dtype={"EventCode": str, "EventBaseCode": str, "EventRootCode": str})
    assert list(df.columns) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    assert df["GLOBALEVENTID"].is_unique
    row = df[(df.Actor1Name == "ILHAM ALIYEV") & (df.EventRootCode == "05")].iloc[0]
    assert (row.Actor1CountryCode, row.Actor2CountryCode, row.Actor1Code) == ("AZE", "USA", "AZEGOV")
    assert (row.SQLDATE, row.MonthYear, row.Year, row.QuadClass, row.GoldsteinScale) == (20241106, 202411, 2024, 1, 5.0)
    assert (row.NumArticles, row.IsRootEvent) == (2, 1)  # both seed articles report it, one in its lead
    joint = df[(df.Actor1CountryCode == "USA") & (df.Actor2CountryCode == "AZE") & (df.EventCode == "057")]
    assert len(joint) == 1  # "signed between the US and Azerbaijan": a row each way round
    assert len(df[(df.Actor1CountryCode == "AZE") & (df.EventCode == "057")]) == 1


def test_export_command_and_bad_combinations(seeds_db, tmp_path):
    runner = CliRunner()
    out = tmp_path / "e.parquet"
    result = runner.invoke(app, ["export", "--db", str(seeds_db), "--format", "parquet", "--out", str(out),
                                 "--actor", "AZE", "--include-negated"])
    assert result.exit_code == 0 and "rows ->" in result.output
    assert {r["event"] for r in pq.read_table(out).to_pylist()} == {"SUPPORT", "CONSULT", "AGREE"}
    bad = runner.invoke(app, ["export", "--db", str(seeds_db), "--format", "gdelt", "--what", "quotes",
                              "--out", str(tmp_path / "q.tsv")])
    assert bad.exit_code == 2 and "gdelt holds events only" in bad.output
