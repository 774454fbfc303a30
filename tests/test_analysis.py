"""Dyad series, networks, top actors and speakers on the seed store."""

from datetime import date

import pytest

from communique.analysis import (
    dyad_series,
    network,
    next_period,
    period_label,
    period_start,
    top_actors,
    top_quotes,
)
from communique.store import Store


@pytest.fixture()
def store(seeds_db):
    with Store(seeds_db, read_only=True) as s:
        yield s


def test_periods_start_on_monday_first_of_month_and_new_year():
    day = date(2024, 11, 6)  # a Wednesday
    assert period_start(day, "week") == date(2024, 11, 4)
    assert period_label(period_start(day, "week"), "week") == "2024-W45"
    assert period_label(period_start(day, "month"), "month") == "2024-11"
    assert period_label(period_start(day, "year"), "year") == "2024"
    with pytest.raises(ValueError, match="period must be one of"):
        period_start(day, "fortnight")
    assert next_period(date(2024, 12, 1), "month") == date(2025, 1, 1)
    assert next_period(date(9999, 12, 1), "month") == date.max  # the calendar's end is no crash


def test_azerbaijan_us_series_by_month(store):
    rows = dyad_series(store, "AZE", "USA", by="month")
    by_period = {r["period"]: r for r in rows}
    november = by_period["2024-11"]
    # Aliyev congratulates and phones Trump; Azerbaijan will deepen the partnership (future, still counted)
    assert (november["SUPPORT"], november["CONSULT"], november["AGREE"]) == (1, 1, 1)
    assert november["verbal_cooperation"] == november["events"] == 3
    assert november["score"] == 5.0 + 1.5 + 5.0
    assert (november["start"], november["end"]) == ("2024-11-01", "2024-11-30")
    # the first Trump presidency (US support, the treaties signed between the two) counts at its start
    assert by_period["2017-01"]["events"] == 3
    # every month in between is listed, empty ones with zeros
    assert len(rows) == 7 * 12 + 11 and all(r["events"] == 0 for r in rows[1:-1])
    assert dyad_series(store, "AZE", "USA", by="month", fill=False)[0]["period"] == "2017-01"


def test_negated_events_count_only_when_asked(store):
    assert dyad_series(store, "Aliyev", "Sandu") == []
    rows = dyad_series(store, "Aliyev", "Sandu", include_negated=True)
    assert [(r["period"], r["SUPPORT"], r["score"]) for r in rows] == [("2024-11", 1, 5.0)]


def test_directed_series_keeps_one_direction(store):
    aze_to_usa = sum(r["events"] for r in dyad_series(store, "AZE", "USA", directed=True))
    usa_to_aze = sum(r["events"] for r in dyad_series(store, "USA", "AZE", directed=True))
    both = sum(r["events"] for r in dyad_series(store, "AZE", "USA"))
    assert (aze_to_usa, usa_to_aze) == (3, 2)
    assert both == aze_to_usa + usa_to_aze + 1  # + the joint act ("signed between the US and Azerbaijan")


def test_network_links_actors_to_recipients_and_joint_actors(store):
    net = network(store)
    edges = {(e["source"], e["target"], e["joint"]): e for e in net["edges"]}
    assert edges[("AZE", "USA", False)]["types"] == {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1}
    assert edges[("USA", "AZE", False)]["weight"] == 2
    assert edges[("AZE", "USA", True)]["weight"] == 1
    assert {n["id"]: n["label"] for n in net["nodes"]} == {"AZE": "Azerbaijan", "USA": "United States"}
    assert "MDA" not in {n["id"] for n in net["nodes"]}
    assert "MDA" in {n["id"] for n in network(store, include_negated=True)["nodes"]}
    people = network(store, level="actor")
    assert ("person:ilham aliyev", "person:donald trump") in {(e["source"], e["target"]) for e in people["edges"]}
    with pytest.raises(ValueError):
        network(store, level="planet")


def test_top_actors_and_speakers(store):
    top = {a["key"]: a for a in top_actors(store, limit=20)}
    assert top["person:ilham aliyev"]["as_actor"] == 2  # congratulated and phoned Trump
    assert top["person:donald trump"]["as_recipient"] == 3
    speakers = top_quotes(store, speakers=2, per_speaker=2)
    assert {s["name"] for s in speakers} == {"Ilham Aliyev", "Azer Garayev"}
    for s in speakers:
        assert len(s["top"]) == 2 and all(q["speaker_key"] == s["key"] for q in s["top"])
        assert s["top"][0]["kind"] == "direct"
