"""PLOVER coding from the parse: who did what to whom, negation, modality, no over-generation."""


def _events(extract, text, published="2025-06-20"):
    return [(e.type, tuple(a.name or a.country for a in e.actors), tuple(r.name or r.country for r in e.recipients),
             e.negated, e.aux, e.mode) for e in extract(text, published).events]


def test_negated_congratulation_is_kept_as_negated(extract):
    events = _events(extract, "Hungarian Prime Minister Viktor Orbán did not congratulate Romanian President "
                              "Nicușor Dan.", "2025-06-03")
    assert events == [("SUPPORT", ("Viktor Orbán",), ("Nicușor Dan",), True, (), None)]


def test_phone_call_is_consult_with_phone_mode(extract):
    events = _events(extract, "Turkish President Recep Tayyip Erdoğan telephoned Pakistani Prime Minister "
                              "Shehbaz Sharif on Friday.", "2025-05-27")
    assert ("CONSULT", ("Recep Tayyip Erdoğan",), ("Shehbaz Sharif",), False, (), "phone") in events


def test_reciprocal_and_passive(extract):
    events = _events(extract, "Japan and Indonesia signed an agreement on energy. "
                              "Indonesian President Prabowo Subianto was praised by Japanese Prime Minister "
                              "Shigeru Ishiba.", "2025-01-11")
    assert ("SUPPORT", ("Japan", "Indonesia"), (), False, (), None) in events
    assert ("SUPPORT", ("Shigeru Ishiba",), ("Prabowo Subianto",), False, (), None) in events


def test_future_meeting_is_agree_and_conditional_is_hypothetical(extract):
    events = _events(extract, "Uzbek President Shavkat Mirziyoyev will meet South Korean President "
                              "Lee Jae-myung in Seoul. If Russia attacks Poland, NATO would respond.")
    assert ("AGREE", ("Shavkat Mirziyoyev",), ("Lee Jae-myung",), False, ("future",), None) in events
    attacks = [e for e in events if e[0] == "ASSAULT"]
    assert attacks and all("hypothetical" in e[4] for e in attacks)


def test_congratulation_in_two_forms_is_one_event(extract):
    rec = extract("Kazakh President Kassym-Jomart Tokayev congratulated Polish President-elect Karol Nawrocki. "
                  "Tokayev also sent a congratulatory letter to Nawrocki.", "2025-06-03")
    from communique.link import group

    assert len(group(rec.events)) == 1 and len(rec.events) == 2


def test_sports_and_business_stories_have_no_events(extract):
    text = ("Carlos Alcaraz beat Jannik Sinner in the French Open final on Sunday, defeating him in five sets. "
            "Apple agreed to buy a start-up for $2 billion, the company said.")
    assert _events(extract, text, "2025-06-09") == []


def test_purpose_clauses_are_not_events(extract):
    events = _events(extract, "We will make joint efforts to strengthen relations between Japan and Vietnam.",
                     "2025-01-11")
    assert events == []


def test_reported_would_is_future_and_announced_boycott_is_a_threat(extract):
    events = _events(extract, "Palestinian leaders said they would boycott all official contact with the "
                              "United States. Turkish President Recep Tayyip Erdoğan said Ankara would continue "
                              "to support Pakistan.", "2025-05-27")
    assert ("THREATEN", ("PSE",), ("United States",), False, ("future",), None) in events
    assert any(t == "AGREE" and "future" in aux and "hypothetical" not in aux for t, *_, aux, _m in events)


def test_two_nationalities_on_one_group_noun_are_two_actors(extract):
    events = _events(extract, "Senior Hungarian and Romanian officials agreed on Wednesday that their countries "
                              "should cooperate.", "2000-01-05")
    assert [(t, sorted(a)) for t, a, *_ in events] == [("AGREE", ["HUN", "ROU"])]


def test_must_in_reported_speech_is_a_request_and_future_refusal_is_reject(extract):
    events = _events(extract, "Russia said on Tuesday that Sudan must return a helicopter. "
                              "Syria says it will not accept any more refugees.", "2000-01-04")
    assert ("REQUEST", ("Russia",), ("Sudan",), False, (), None) in events
    assert any(t == "REJECT" and a == ("Syria",) and not n for t, a, r, n, aux, m in events)


def test_resignation_is_retreat(extract):
    events = _events(extract, "Georgian President Eduard Shevardnadze resigned on Sunday.", "2003-11-24")
    assert [(t, m) for t, *_, m in events] == [("RETREAT", "resign")]


def test_distractor_sentences_yield_no_events(extract):
    """Sports, business, crime, weather and culture sentences of tests/data/event_sentences.jsonl."""
    import json
    from pathlib import Path

    rows = [json.loads(line) for line in (Path(__file__).parent / "data" / "event_sentences.jsonl").open()]
    distractors = [r for r in rows if r["events"] == []]
    assert len(distractors) >= 10
    assert [r["id"] for r in distractors if extract(r["text"], r["published"]).events] == []


def test_an_obligation_stated_of_another_party_is_a_request(extract):
    events = _events(extract, "Japan stressed that China should respect the status quo in the East China Sea. "
                              "The minister said we must stay calm.", "2015-06-01")
    assert events == [("REQUEST", ("Japan",), ("China",), False, (), None)]


def test_domestic_restrictions_fall_on_the_countrys_people(extract):
    events = _events(extract, "The government of Prime Minister Narendra Modi imposed a curfew on Monday. "
                              "The Thai army declared a state of emergency after the clashes.", "2015-06-01")
    assert [(t, a, r) for t, a, r, *_ in events] == [("COERCE", ("IND",), ("IND",)), ("COERCE", ("THA",), ("THA",))]


def test_calling_off_a_strike_concedes_and_withdrawing_observers_threatens(extract):
    events = _events(extract, "Transport workers in Nigeria called off their strike after talks with the government. "
                              "Russia will withdraw its observers from Georgia.", "2015-06-01")
    assert [(t, a, r, aux) for t, a, r, _n, aux, _m in events] == [
        ("CONCEDE", ("NGA",), (), ()), ("THREATEN", ("Russia",), ("Georgia",), ("future",))]


def test_towns_place_attacks_and_groups_but_are_never_parties(extract):
    events = _events(extract, "Syrian troops shelled the town of Rastan on Monday. Hundreds of students demonstrated "
                              "in Kirkuk against the new law. Putin met Erdogan in Sochi on Friday.", "2015-06-01")
    assert [(t, a, r) for t, a, r, *_ in events] == [
        ("ASSAULT", ("SYR",), ("SYR",)), ("PROTEST", ("IRQ",), ("IRQ",)),
        ("CONSULT", ("Vladimir Putin",), ("Recep Tayyip Erdoğan",))]


def test_a_bombing_near_a_town_is_an_unattributed_attack_there(extract):
    events = _events(extract, "A roadside bombing near the town of Fallujah killed two American soldiers.",
                     "2005-06-01")
    assert [(t, a, r) for t, a, r, *_ in events] == [("ASSAULT", ("IRQ",), ("USA",))]


def test_a_town_shared_by_two_countries_is_the_one_the_article_names(extract):
    libya = _events(extract, "Gunmen attacked a market in Hyderabad, the Indian police said.", "2015-06-01")
    lebanon = _events(extract, "Gunmen attacked a market in Hyderabad, the Pakistani police said.", "2015-06-01")
    assert libya and lebanon
    assert {r for *_, r, _n, _a, _m in libya} != {r for *_, r, _n, _a, _m in lebanon}


def test_a_mediator_acts_on_both_sides_and_joint_drills_are_cooperation(extract):
    events = _events(extract, "Qatar launched a mediation effort between Ethiopia and Eritrea. Russian and Chinese "
                              "warships launched ten days of war games in the Sea of Japan.", "2015-06-01")
    assert [(t, a, r) for t, a, r, *_ in events] == [
        ("CONSULT", ("Qatar",), ("Ethiopia", "Eritrea")), ("COOPERATE", ("RUS", "CHN"), ())]


def test_being_willing_to_act_is_an_intent_to_cooperate(extract):
    events = _events(extract, "Norway is willing to send equipment to Ukraine.", "2015-06-01")
    assert [(t, a, r) for t, a, r, *_ in events] == [("AGREE", ("Norway",), ("Ukraine",))]


def test_an_announced_resignation_stays_a_resignation(extract):
    events = _events(extract, "Britain's prime minister said he will resign in October.", "2016-06-24")
    assert [(t, a, aux) for t, a, _r, _n, aux, _m in events] == [("RETREAT", ("David Cameron",), ("future",))]


def test_kidnapping_up_to_a_number_and_a_device_outside_a_town(extract):
    events = _events(extract, "Taliban fighters kidnapped up to 12 Pakistani engineers. Two British soldiers were "
                              "killed by a roadside bomb outside of the Afghan city of Kandahar.", "2008-06-01")
    assert [(t, a, r) for t, a, r, *_ in events] == [
        ("ASSAULT", ("Taliban",), ("Pakistan",)), ("ASSAULT", ("AFG",), ("GBR",))]


def test_a_result_clause_is_part_of_the_attack(extract):
    events = _events(extract, "Syrian troops shelled the Turkish town of Akcakale, killing five people.", "2012-10-04")
    assert [(t, a, r) for t, a, r, *_ in events] == [("ASSAULT", ("SYR",), ("Turkey",))]
