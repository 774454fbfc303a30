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
    for command in ("ingest", "events", "quotes", "actors", "stats", "extract", "eval", "check", "dyad", "network",
                    "speakers", "export", "serve", "actors resolve"):
        result = runner.invoke(app, [*command.split(), "--help"])
        assert result.exit_code == 0 and "Example:" in result.output and "communique " in result.output


def test_missing_store_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no store at" in result.output


def test_dyad_and_network_commands(seeds_db):
    rows = json.loads(runner.invoke(app, ["dyad", "AZE", "USA", "--db", str(seeds_db), "--by", "year",
                                          "--format", "json"]).output)
    assert {r["period"]: r["events"] for r in rows}["2024"] == 3 and rows[-1]["SUPPORT"] == 1
    table = runner.invoke(app, ["dyad", "Aliyev", "Sandu", "--db", str(seeds_db), "--include-negated"])
    assert table.exit_code == 0 and "2024-11" in table.output
    edges = runner.invoke(app, ["network", "--db", str(seeds_db), "--format", "csv"]).output.splitlines()
    assert edges[0].startswith("source,target,joint,weight") and "AZE,USA,False,3" in edges[1]
    speakers = runner.invoke(app, ["speakers", "--db", str(seeds_db), "--limit", "1", "--format", "json"])
    assert json.loads(speakers.output)[0]["name"] == "Azer Garayev"


def test_actors_resolve_reads_roles_at_the_date():
    def resolve(date):
        out = runner.invoke(app, ["actors", "resolve", "President Trump", "--date", date, "--format", "json"])
        assert out.exit_code == 0, out.output
        (trump,) = json.loads(out.output)
        return trump["country"], trump["sector"], trump["office"]["role"]

    assert resolve("2019-05-01") == ("USA", ["GOV"], "head_of_state")
    assert resolve("2022-06-01") == ("USA", ["ELI"], "former_head_of_state")
    assert resolve("2024-11-06") == ("USA", ["GOV"], "president_elect")


def test_kb_extra_adds_a_person_without_touching_code(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_KB", "")  # the option sets it for the rest of the process
    people = tmp_path / "people.csv"
    people.write_text("name,aliases,country,igo,sector,role,start,end,scheduled_end,source\n"
                      "Aroha Ngata,,NZL,,GOV,head_of_government,2030-01-01,,,a newsroom's own list\n", encoding="utf-8")
    args = ["actors", "resolve", "Prime Minister Ngata met reporters.", "--date", "2031-05-01", "--format", "json"]
    without = json.loads(runner.invoke(app, args).output)
    assert without[0]["country"] is None  # unknown to the package's knowledge base
    with_extra = json.loads(runner.invoke(app, ["--kb-extra", str(people), *args]).output)
    assert with_extra[0]["name"] == "Aroha Ngata" and with_extra[0]["country"] == "NZL"
