"""End to end: the founding seeds, a written article set on other countries, PLOVER's gold records."""

from communique.evaluate import evaluate

from .conftest import SAMPLE_GOLD, SAMPLES


def test_seed_gold_meets_the_pipeline_targets(shared):
    r = evaluate(shared / "gold" / "seeds.jsonl", shared / "seeds")
    assert r["events"]["f1"] >= 0.9
    assert r["negation_accuracy"] == 1.0
    assert r["quotes"]["f1"] >= 0.8
    assert r["attribution_accuracy"] >= 0.9
    assert r["times"]["accuracy"] == 1.0


def test_rules_carry_over_to_articles_about_other_countries():
    """Written for this test: Hungary/Poland/Romania, Uzbekistan/Korea, Turkey/Pakistan, Ukraine/Russia, tennis."""
    r = evaluate(SAMPLE_GOLD, SAMPLES)
    assert r["events"]["f1"] >= 0.5
    assert r["negation_accuracy"] == 1.0
    assert r["quotes"]["f1"] >= 0.85
    assert r["attribution_accuracy"] >= 0.85
    assert r["times"]["accuracy"] >= 0.9


def test_withheld_congratulation_phone_call_and_analyst_quotes_in_written_articles():
    from communique.formats import records_to_gold
    from communique.model import Article
    from communique.pipeline import process
    from communique.read import read_paths

    docs = {a.id[:3]: a for a in read_paths([SAMPLES]) if isinstance(a, Article)}
    out = {d["id"][:3]: d for d in map(records_to_gold, process([docs["101"], docs["102"], docs["103"]]))}
    names = lambda side: [a["name"] for a in side]  # noqa: E731
    withheld = [e for e in out["101"]["events"] if e["negated"]]
    assert [(e["event"], names(e["actor"]), names(e["recipient"])) for e in withheld] == \
        [("SUPPORT", ["Viktor Orbán"], ["Nicușor Dan"])]
    call = [e for e in out["102"]["events"] if e["event"] == "CONSULT" and e["date"] == "2025-06-19"]
    assert [(names(e["actor"]), names(e["recipient"])) for e in call] == [(["Shavkat Mirziyoyev"], ["Lee Jae-myung"])]
    analyst = [q for q in out["103"]["quotes"] if q["speaker"]["name"] == "Murat Erkan"]
    assert {q["cue"] for q in analyst} >= {"told", "said", "according to", "added"}
    assert any(q["outlet"] and q["outlet"]["name"].startswith("Anadolu") for q in analyst)


def test_plover_gold_records_all_run(shared):
    r = evaluate(shared / "gold" / "plover_gsr.jsonl")
    assert r["documents"] == 322
    assert r["events"]["tp"] + r["events"]["fn"] >= 300


def test_quotes_in_many_house_styles():
    """28 written articles: wire, broadsheet, broadcast, press release, ``TeX'' marks, guillemets, headlines."""
    here = SAMPLE_GOLD.parent
    r = evaluate(here / "quotes_gold.jsonl", here / "quotes_corpus")
    assert r["documents"] >= 25
    assert r["quotes_direct_f1"] >= 0.9
    assert r["quotes_indirect_f1"] >= 0.75
    assert r["attribution_accuracy"] >= 0.9


def test_dates_in_written_articles():
    """23 dated articles: every time expression and every event's date labelled."""
    here = SAMPLE_GOLD.parent
    r = evaluate(here / "dated_gold.jsonl", here / "dated_corpus")
    assert r["documents"] >= 20
    assert r["times"]["accuracy"] >= 0.9
    assert r["date_accuracy"] >= 0.85
