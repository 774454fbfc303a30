"""The command line, driven as a user would."""

import json

from typer.testing import CliRunner

from communique.cli import app

runner = CliRunner()


def test_ingest_query_and_stats(shared, tmp_path):
    db = str(tmp_path / "c.duckdb")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "date": "2024-01-01", "text": "ok text"}\nnot json\n', encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(shared / "seeds"), str(bad), "--db", db])
    assert result.exit_code == 3, result.output
    assert f"{bad}:2: malformed JSON" in result.output
    assert "read: 3  new: 3  already stored: 0  rejected: 1" in result.output

    again = runner.invoke(app, ["ingest", str(shared / "seeds"), "--db", db])
    assert again.exit_code == 0 and "new: 0  already stored: 2" in again.output

    out = runner.invoke(app, ["events", "--db", db, "--format", "json", "--include-negated", "--actor", "AZE"])
    events = json.loads(out.output)
    shape = {"id", "actor", "event", "mode", "recipient", "negated", "aux", "date", "mentions"}
    assert events and all(shape <= set(e) for e in events)
    assert any(e["negated"] and e["recipient"][0]["name"] == "Maia Sandu" for e in events)

    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).output)
    assert set(stats) == {"documents", "events", "quotes", "actors"} and stats["documents"] == 3

    quotes = runner.invoke(app, ["quotes", "--db", db, "--speaker", "Aliyev", "--format", "jsonl"])
    assert all(json.loads(line)["speaker"] == "Ilham Aliyev" for line in quotes.output.splitlines())


def test_extract_prints_one_gold_shaped_object_per_document(shared):
    result = runner.invoke(app, ["extract", str(shared / "seeds" / "002_2881ff98ad935c2a.txt")])
    doc = json.loads(result.output)
    assert doc["id"] == "002_2881ff98ad935c2a" and doc["published"] == "2024-11-06"
    text = (shared / "seeds" / "002_2881ff98ad935c2a.txt").read_text(encoding="utf-8")[17:]
    for e in doc["events"]:
        assert text[e["evidence_start"]:e["evidence_end"]] == e["evidence"]


def test_every_command_documents_an_example():
    for command in ("ingest", "events", "quotes", "actors", "stats", "extract", "eval", "check"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output and "communique " in result.output


def test_missing_store_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no store at" in result.output
