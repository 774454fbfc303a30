"""The HTTP API on a store of the seeds, driven as a client would."""

import json
import shutil

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from communique.api import create_app
from communique.cli import app as cli


@pytest.fixture(scope="module")
def client(seeds_db):
    with TestClient(create_app(seeds_db, token="")) as c:  # no token: read-only, POST refused
        yield c


def test_events_for_azerbaijan_include_the_congratulation_and_the_negated_one(client, seeds_db):
    page = client.get("/api/events", params={"actor": "AZE"}).json()
    seen = {(e["event"], e["negated"], e["recipient"][0]["name"]) for e in page["items"] if e["recipient"]}
    assert ("SUPPORT", False, "Donald Trump") in seen and ("SUPPORT", True, "Maia Sandu") in seen
    cli_json = CliRunner().invoke(cli, ["events", "--db", str(seeds_db), "--actor", "AZE", "--include-negated",
                                        "--include-hypothetical", "--format", "json"]).output
    assert page["items"] == json.loads(cli_json)  # the same records as the command line
    counted = client.get("/api/events", params={"actor": "AZE", "include_negated": "false"}).json()
    assert not any(e["negated"] for e in counted["items"]) and counted["total"] == page["total"] - 1


def test_pagination(client):
    everything = client.get("/api/events").json()
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == everything["total"] == 7 and len(first["items"]) == 2
    assert first["items"] + second["items"] == everything["items"][:4]
    assert client.get("/api/events", params={"offset": 100}).json()["items"] == []


def test_dyad_network_speakers_actors(client):
    dyad = client.get("/api/dyads", params={"a": "AZE", "b": "USA", "by": "year"}).json()
    assert {r["period"]: r["events"] for r in dyad["series"]}["2024"] == 3
    events = client.get("/api/events", params={"dyad": "AZE,USA", "since": "2024-11-01", "until": "2024-11-30"})
    assert {e["event"] for e in events.json()["items"]} == {"SUPPORT", "CONSULT", "AGREE"}
    net = client.get("/api/network").json()
    assert ("AZE", "USA") in {(e["source"], e["target"]) for e in net["edges"]}
    speakers = client.get("/api/speakers", params={"limit": 2}).json()
    assert {s["name"] for s in speakers} == {"Ilham Aliyev", "Azer Garayev"}
    actors = client.get("/api/actors", params={"country": "aze"}).json()
    assert "person:ilham aliyev" in {a["key"] for a in actors["items"]}
    assert client.get("/api/actors/top").json()[0]["events"] >= 3
    quotes = client.get("/api/quotes", params={"speaker": "Aliyev", "limit": 3}).json()
    assert quotes["total"] == 5 and len(quotes["items"]) == 3


def test_document_carries_evidence_and_quote_spans(client):
    docs = client.get("/api/documents").json()
    assert docs["total"] == 2
    doc = client.get(f"/api/documents/{docs['items'][0]['id']}").json()
    text = doc["text"]
    assert doc["events"] and doc["quotes"]
    for e in doc["events"]:
        for m in e["mentions"]:
            assert text[m["evidence_start"]:m["evidence_end"]] == m["evidence"]
            assert m["evidence"] in text[m["sentence_start"]:m["sentence_end"]]
    for q in doc["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
    assert client.get(f"/api/documents/{doc['doc_hash']}").json()["id"] == doc["id"]
    event = client.get(f"/api/events/{doc['events'][0]['id']}").json()
    assert event["id"] == doc["events"][0]["id"]


HOSTILE = [
    "/api/events?limit=-1", "/api/events?limit=abc", "/api/events?limit=100000", "/api/events?offset=1e30",
    "/api/events?offset=99999999999999999999999", "/api/events?since=2024-13-01", "/api/events?since=yesterday",
    "/api/events?since=2025-01-01&until=2024-01-01", "/api/events?type=BOMBARD", "/api/events?actor=",
    "/api/events?actor=%00", "/api/events?actor=a%0Ab", "/api/events?actor=" + "x" * 1000,
    "/api/events?dyad=AZE", "/api/events?dyad=AZE,USA,RUS", "/api/events?include_negated=maybe",
    "/api/dyads?a=AZE", "/api/dyads?a=AZE&b=USA&by=fortnight", "/api/network?level=planet",
    "/api/network?min_weight=0", "/api/actors?country=A%27%3B--", "/api/speakers?limit=0",
    "/api/events/nope", "/api/documents/nope", "/api/documents/..%2F..%2Fetc%2Fpasswd", "/api/nothing",
    "/static/..%2F..%2Fapi.py", "/api/quotes?limit=1001",
]


@pytest.mark.parametrize("url", HOSTILE)
def test_hostile_requests_are_4xx_with_a_message(client, url):
    response = client.get(url)
    assert 400 <= response.status_code < 500, (url, response.status_code, response.text)
    assert response.json()["detail"]


def test_sql_in_a_parameter_is_only_text(client):
    for value in ["' OR 1=1 --", "AZE'); DROP TABLE events; --", "%", "_"]:
        response = client.get("/api/events", params={"actor": value})
        assert response.status_code == 200
    assert client.get("/api/stats").json()["events"] == 7


TEXTS = st.text(min_size=1, max_size=60)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(["/api/events", "/api/quotes", "/api/actors", "/api/dyads", "/api/network",
                             "/api/actors/top", "/api/speakers", "/api/documents"]),
       params=st.dictionaries(st.sampled_from(["actor", "recipient", "speaker", "country", "type", "since", "until",
                                               "a", "b", "by", "dyad", "level", "limit", "offset", "min_weight",
                                               "include_negated", "per_speaker"]), TEXTS, max_size=5))
def test_random_query_strings_never_fail_the_server(client, path, params):
    response = client.get(path, params=params)
    assert response.status_code < 500, (path, params, response.text)


def test_ingest_needs_the_token(client, seeds_db, tmp_path):
    doc = {"id": "n1", "date": "2025-01-11", "text": "Japan and Vietnam signed an agreement in Hanoi."}
    assert client.post("/api/documents", json=doc).status_code == 401
    assert client.post("/api/documents", json={"garbage": 1}).status_code == 401  # refused before the body
    refused = client.post("/api/documents", json=doc, headers={"Authorization": "Bearer guess"})
    assert refused.status_code == 403 and "without COMMUNIQUE_TOKEN" in refused.json()["detail"]

    db = tmp_path / "w.duckdb"
    shutil.copy(seeds_db, db)
    with TestClient(create_app(db, token="s3cret")) as writer:
        before = writer.get("/api/stats").json()
        assert writer.get("/api/stats").headers["x-cache"] == "hit"
        assert writer.post("/api/documents", json=doc, headers={"Authorization": "Bearer wrong"}).status_code == 403
        auth = {"Authorization": "Bearer s3cret"}
        for body in ({**doc, "date": "2025-02-30"}, {**doc, "text": "   "}, {**doc, "id": 7}, [doc],
                     {"documents": [doc] * 101}, {"documents": []}):
            bad = writer.post("/api/documents", json=body, headers=auth)
            assert bad.status_code == 422 and bad.json()["detail"], body
        garbled = writer.post("/api/documents", content=b"{not json",
                              headers={**auth, "content-type": "application/json"})
        assert garbled.status_code == 422
        added = writer.post("/api/documents", json={"documents": [doc]}, headers=auth)
        assert added.status_code == 201 and added.json()["new"] == 1
        assert writer.post("/api/documents", json=doc, headers=auth).json()["already_stored"] == 1
        assert writer.get("/api/events", params={"actor": "JPN"}).json()["total"] >= 1
        after = writer.get("/api/stats")  # the write emptied the cache
        assert "x-cache" not in after.headers and after.json()["documents"] == before["documents"] + 1


def test_openapi_and_the_page_are_served_without_a_cdn(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/quotes", "/api/actors", "/api/documents", "/api/dyads", "/api/network"} <= set(
        spec["paths"])
    page = client.get("/").text
    assert '<script src="/vendor/plotly.min.js">' in page and "http" not in page.split("<body>")[0]
    js = client.get("/vendor/plotly.min.js")
    assert js.status_code == 200 and "plotly.js" in js.text[:200]
    assert client.get("/static/app.js").status_code == 200


def test_a_running_server_does_not_block_an_ingest_and_sees_its_documents(seeds_db, tmp_path, shared):
    import subprocess
    import sys

    db = tmp_path / "live.duckdb"
    shutil.copy(seeds_db, db)
    corpus = tmp_path / "more"
    corpus.mkdir()
    (corpus / "n1.txt").write_text(" date 2025-01-11 Japan and Vietnam signed an agreement in Hanoi.\n",
                                   encoding="utf-8")
    with TestClient(create_app(db, token="")) as reader:
        assert reader.get("/api/stats").json()["documents"] == 2
        assert reader.get("/api/stats").headers["x-cache"] == "hit"
        done = subprocess.run([sys.executable, "-m", "communique.cli", "ingest", str(corpus), "--db", str(db)],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        after = reader.get("/api/stats")  # the store changed on disk: the cached answer is gone
        assert "x-cache" not in after.headers and after.json()["documents"] == 3
