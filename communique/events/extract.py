"""PLOVER events from the dependency parse: trigger, who did it, to whom, when, how sure.

Each word the trigger finder keeps (``triggers``) gets its sides (``participants``), and
then the rules here decide whether it is an event at all (sports, attempts, riot damage,
policing) and what kind: negation, future and hypothetical modes turn cooperation into
intent (AGREE) and hostile acts into threats, a demand reported as "Y must" is the
speaker's REQUEST, a material act with no named other side falls on the place it
happens in. Dates and evidence spans come from ``dating``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from ..actors import group_actor
from ..model import Actor, Event, Quote, TimeRef, value_interval
from .dating import episode_dates, event_date, evidence_span, paragraph_frames
from .lexicon import Lexicon
from .modality import REPORTING, aux_modes, is_negated
from .participants import SUBJECT_DEPS, ActorAt, collect, participants_of, places_of, subject_tokens
from .triggers import (
    DEMAND_CAMEO,
    HOSTILE_ACTS,
    Trigger,
    clause_top,
    controlling_verbs,
    deontic_chain,
    embedded_in_event,
    non_factual,
    triggers_at,
)

HISTORICAL_AFTER_DAYS = 90  # background: over a season before publication
DOMESTIC_CAMEO = ("172",)  # administrative sanctions (curfews, martial law, bans) fall on a state's own people
EASING_CAMEO = ("081",)  # and so does their easing ("lifted the state of emergency in West Darfur")
NON_STATE = {"IGO", "NGO", "IMG"}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
QUAD_OF = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2}


def find_events(doc: Doc, published: date, lexicon: Lexicon, actor_at: ActorAt,
                quotes: list[Quote] = (), times: list[TimeRef] = ()) -> list[Event]:
    """Every event mention of a parsed article, in text order."""
    frames = paragraph_frames(doc, times)
    events = []
    for tok in doc:
        for trig in triggers_at(tok, lexicon):
            ev = _event(doc, trig, published, lexicon, actor_at, quotes, times, frames)
            if ev is not None and not ev.recipients:
                ev = _answer_to_earlier_offer(ev, trig, events, lexicon)
            if ev is not None:
                events.append(ev)
    return episode_dates(_dedupe(events), times)


ANSWERED_NOUNS = {"invitation", "offer", "proposal"}
ANSWERING_VERBS = {"accept", "welcome", "reject", "decline", "refuse", "turn", "dismiss", "condemn", "denounce",
                   "criticize", "criticise", "praise", "hail", "deplore"}
DEFINITE = {"the", "this", "that", "these", "those"}


def _answer_to_earlier_offer(ev: Event, trig: Trigger, earlier: list[Event], lex: Lexicon) -> Event:
    """An answer to an act the text told before goes to whoever did it: "Mirziyoyev invited Lee
    to visit ... Lee accepted the invitation", "Russian missiles hit Kyiv. France condemned the
    attack", "the ICC issued a warrant for Putin ... Moscow rejected the warrant"."""
    verb = trig.verb
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                and any(d.dep_ == "det" and d.lower_ in DEFINITE for d in c.children)), None)
    if verb.lemma_.lower() not in ANSWERING_VERBS or obj is None:
        return ev
    noun = obj.lemma_.lower()
    mine, homes = {a.key for a in ev.actors}, {a.country for a in ev.actors}
    if noun in ANSWERED_NOUNS:  # an offer made to the one answering, whatever its words
        told = [o for o in earlier if mine & {r.key for r in o.recipients}]
    else:  # an act named by the same word, or by a noun of its type ("hit Kyiv" ... "the attack")
        kinds = {c.plover for c in (lex.coding(nt.cameo) for nt in lex.nouns.get(noun, [])) if c}
        told = [o for o in earlier if o.type in kinds
                or any(w.startswith(noun) for w in re.findall(r"[a-z]+", o.evidence.lower()))]
    done_to_me = [o for o in told if homes & {r.country for r in o.recipients}]
    source = (done_to_me or told or [None])[-1]
    others = [a for a in source.actors if a.key not in mine and a.country not in homes] if source else []
    return replace(ev, recipients=tuple(others)) if others else ev


POSSIBILITY_MODALS = {"could", "may", "might", "would", "can"}


def _modal_not_condition(verb: Token) -> bool:
    """The clause says its actor may act ("could impose"), not what happens if something else does."""
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in verb.children)


CONTEST_VERBS = {"beat", "defeat", "crush", "thrash", "rout", "overcome", "edge", "down", "hammer", "trounce",
                 "eliminate", "knock", "sink", "outplay", "attack", "fight", "clash", "battle", "face"}
SCORE = re.compile(r"\b\d{1,2}[-–]\d{1,2}\b")


def _sports(sent, lex: Lexicon) -> bool:
    return bool(SCORE.search(sent.text)) or any(t.lemma_.lower() in lex.sports for t in sent)


def _unattributed_attack(trig: Trigger, lex: Lexicon) -> bool:
    """An armed attack whose attacker the sentence does not name, on political victims."""
    if trig.coding.plover not in ("ASSAULT", "COERCE"):
        return False
    if trig.verb.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lemma_.lower() not in lex.armed
                                        for c in trig.verb.children):
        return False  # a named but unresolved subject ("a man killed his neighbour") is not unknown
    return any(t.lemma_.lower() in lex.armed for t in trig.word.sent)


def _arresting_state(trig: Trigger, recipients: list[Actor], actor_at: ActorAt) -> list[Actor]:
    """An arrest with no named agent is the police's of the country it happens in: the place
    named, else the one country the sentence is about (the detainee's)."""
    if all(r.kind == "country" for r in recipients):
        return []  # states are not arrested
    home = places_of(trig, actor_at, {"in", "at", "near", "inside"})
    if home:
        return [group_actor(home[0].country, "COP")]
    named = {a.country for t in trig.word.sent for a in actor_at(t)} - {None, "IGO", "NGO", "IMG"}
    if len(named) == 1 and named == {r.country for r in recipients}:
        return [group_actor(named.pop(), "COP")]
    return []


def _political(a: Actor) -> bool:
    """A state, an organisation or a person with a known public role (not a tennis player)."""
    if a.kind in ("country", "group"):
        return True
    return bool(set(a.sector) - {"BUS"}) or a.igo is not None


def _demanded(verb: Token, actor_at: ActorAt) -> list[Actor] | None:
    """The sayer of "Y must/should do Z" in reported speech, who thereby requests it."""
    chain = deontic_chain(verb)
    if chain is None:
        return None
    top = chain[-1]
    if top.dep_ == "ccomp" and top.head.pos_ == "VERB":
        sayer = collect(subject_tokens(top.head), actor_at)
    elif top.dep_ in ("acl", "ccomp") and top.head.pos_ == "NOUN":  # "a reminder to Iraq that it must"
        noun = top.head
        sayer = collect([c for c in noun.children if c.dep_ == "poss"], actor_at)
        if not sayer and noun.head.pos_ == "VERB" and noun.dep_ in ("dobj", "nsubjpass"):
            sayer = collect(subject_tokens(noun.head), actor_at)
    else:
        return None
    sayer = [a for a in sayer if a.country]
    return sayer or None


def _ultimatum(verb: Token, aux: list[str]) -> bool:
    """An act the actor will or would do unless another party acts is a threat (an ultimatum)."""
    return bool({"future", "hypothetical"} & set(aux)) and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        for c in verb.children)


EXCLUDING_VERBS = {("rule", "out")}


def _excluding(verb: Token) -> bool:
    """A verb that itself says its object will not happen ("ruled out military action")."""
    lemma = verb.lemma_.lower()
    return (lemma, "") in EXCLUDING_VERBS or any(
        (lemma, c.lower_) in EXCLUDING_VERBS for c in verb.children if c.dep_ == "prt")


def _conditional_threat(verb: Token, actor_at: ActorAt) -> list[Actor] | None:
    """"If Russia attacks a NATO ally, the whole alliance will respond, Stoltenberg said", "North Korea
    would face a decisive response if it conducted a nuclear test, officials said": a consequence
    announced for another's hostile act is the speaker's threat against that party."""
    if verb.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in verb.children):
        return None
    gov = verb.head
    if gov.pos_ not in ("VERB", "AUX") or not aux_modes(gov):
        return None
    top = clause_top(gov)
    if top.dep_ != "ccomp" or top.head.lemma_.lower() not in REPORTING:
        return None
    sayer = [a for a in collect(subject_tokens(top.head), actor_at) if a.country]
    return sayer or None


def _bilateral(word: Token) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in ("bilateral", "mutual") for c in word.children)


def _event(doc: Doc, trig: Trigger, published: date, lex: Lexicon, actor_at: ActorAt,
           quotes, times, frames) -> Event | None:
    actors, recipients = participants_of(trig, actor_at)
    actors = [a for a in actors if a.country]
    recipients = [r for r in recipients if r.country and r.key not in {a.key for a in actors}]
    if not actors and recipients and trig.coding.mode == "arrest":
        actors = _arresting_state(trig, recipients, actor_at)  # "the detention of Istanbul's mayor"
    if not actors and recipients and _unattributed_attack(trig, lex):
        # "three civilians were killed in a suicide bombing in Baghdad": the attacker is unknown
        # "a bombing near Samarra killed ...": the place can hang on the subject
        home = places_of(trig, actor_at, {"in", "near", "at", "outside", "inside", "around"}, ("dobj", "nsubj"))
        if not home:
            return None  # an attack with neither its author nor its place named
        actors = [group_actor(home[0].country, "UAF")]
        recipients = [r for r in recipients if r.key not in {a.key for a in actors}]
    elif not actors or not any(_political(a) for a in actors):
        return None  # sports, business and crime stories without political actors
    if trig.word.lemma_.lower() in CONTEST_VERBS and _sports(trig.word.sent, lex):
        return None  # "Spain beat Italy 1-0": teams, not states
    verb = trig.verb
    if verb.i != trig.word.i and not trig.circumstance and (non_factual(verb) or embedded_in_event(verb, lex)):
        return None
    if _restated_means(trig, lex) or _riot_detail(trig, lex) or _attempted_cooperation(trig):
        return None
    negated = is_negated(verb) or any(c.dep_ == "det" and c.lower_ == "no" for c in trig.word.children)
    if trig.coding.plover == "THREATEN" and _excluding(verb):
        negated = not negated  # "would not rule out a military option" keeps the threat open
    aux = aux_modes(verb) if verb.pos_ in ("VERB", "AUX") else []
    if trig.circumstance:  # the setting happened whatever the clause says was done or refused there
        negated = any(c.dep_ == "det" and c.lower_ == "no" for c in trig.word.children)
        aux = aux_modes(clause_top(verb))
    coding = trig.coding
    etype = coding.plover
    if negated and "future" in aux and QUAD_OF.get(etype) in (1, 2):
        etype, negated = "REJECT", False  # PLOVER: "will not accept refugees" is a refusal
    elif "future" in aux and QUAD_OF.get(etype) in (1, 2) and etype != "AGREE" and coding.mode != "resign":
        # (announcing one's resignation is the act itself: "X will resign" stays RETREAT)
        etype = "AGREE"  # PLOVER: intended cooperation (a planned meeting, a pledge of aid) is AGREE
    elif "future" in aux and etype in HOSTILE_ACTS and not negated:
        etype = "THREATEN"  # PLOVER: an announced hostile act ("will impose sanctions") is a threat
    elif "hypothetical" in aux and etype in HOSTILE_ACTS | {"ASSAULT"} and not negated and _modal_not_condition(verb):
        etype = "THREATEN"  # "the EU could impose new sanctions on Belarus": a threat, not a sanction
    if etype != "THREATEN" and not negated and _ultimatum(verb, aux):
        etype = "THREATEN"  # "will withdraw its force from Chad unless Oueddei arranged a ceasefire"
    if etype == "THREATEN" and coding.plover == "ASSAULT" and _readying(verb) \
            and any(set(a.sector) & ARMED_SECTORS for a in actors):
        etype, aux = "MOBILIZE", [m for m in aux if m != "future"]  # "the army prepared to resume shelling"
    if etype == "MOBILIZE" and len({a.country for a in actors}) > 1:
        etype = "COOPERATE"  # PLOVER: joint exercises are military cooperation ("French and Egyptian warships")
    demand = _demanded(verb, actor_at)
    if demand is not None:  # "X said Y must return the helicopter": X asks it of Y
        etype, aux = "REQUEST", [m for m in aux if m != "hypothetical"]
        actors, recipients = demand, actors
        recipients = [r for r in recipients if r.key not in {a.key for a in actors}]
    if trig.implicit and trig.coding.cameo == DEMAND_CAMEO and not (demand and recipients):
        return None  # "she said we must stay calm" asks nothing of another party
    threat = _conditional_threat(verb, actor_at) if coding.plover in HOSTILE_ACTS and not negated else None
    if threat is not None and actors and not {a.key for a in threat} & {a.key for a in actors}:
        etype, aux = "THREATEN", [m for m in aux if m not in ("hypothetical", "future")]
        actors, recipients = threat, actors  # the speaker threatens the one whose act is the condition
    start, end = evidence_span(Trigger(trig.word, trig.word, coding, True) if trig.circumstance else trig)
    quote_index = next((i for i, q in enumerate(quotes) if q.start <= trig.word.idx < q.end), None)
    if not recipients and QUAD_OF.get(etype) and not trig.circumstance:
        recipients = _partner_of_first_act(verb, actors, lex, actor_at)  # "met X and pledged support"
    if not recipients and _seizes_power(trig) and actors[0].country not in NON_STATE:
        # "the military seized power in Niger", "staged a coup": a coup is on the state's own government
        places = places_of(trig, actor_at)
        recipients = [group_actor(places[0].country if places else actors[0].country, "GOV")]
    if not recipients and (QUAD_OF.get(coding.plover) == 2 or coding.plover in HOSTILE_ACTS
                           or coding.mode == "visit" or etype == "THREATEN"):
        # material acts and visits with no named other side: the foreign place they happen in
        hostile = coding.plover in HOSTILE_ACTS or etype == "THREATEN"
        # a town is not its state: shelling it falls on its people; a visit to it is no visit to a state
        places = [p for p in places_of(trig, actor_at) if hostile or p.kind != "place"]
        recipients = [group_actor(p.country, "CVL") if p.kind == "place" else p
                      for p in places if p.country not in {a.country for a in actors}][:1]
        if not recipients and places and hostile and etype != "PROTEST":
            # a curfew, a crackdown or shelling at home falls on the country's own people
            recipients = [group_actor(places[0].country, "CVL")]
        if not recipients and etype == "PROTEST" and not any(set(a.sector) & STATE_SECTORS for a in actors):
            # a protest with no named target is addressed to the state it takes place in (PLOVER, ICEWS)
            home = places[0].country if places else actors[0].country
            if home and home not in NON_STATE:
                recipients = [group_actor(home, "GOV")]
    if not recipients and coding.cameo.startswith(DOMESTIC_CAMEO + EASING_CAMEO) \
            and actors[0].country not in NON_STATE:
        places = places_of(trig, actor_at)  # a curfew, martial law, or their lifting: on the place's people
        recipients = [group_actor(places[0].country if places else actors[0].country, "CVL")]
    if not recipients and quote_index is not None and _bilateral(trig.word):
        other = quotes[quote_index].addressee  # "our bilateral partnership", in a letter to X
        if other is not None and other.country and other.country not in {a.country for a in actors}:
            recipients = [other]
    if not recipients and etype in ("COERCE", "ASSAULT") and all(a.sector == ("COP",) for a in actors):
        return None  # "police arrested a man": policing; political arrests say whom (protesters, journalists)
    when = event_date(trig, times, frames, published)
    value, value_end, precision = when
    interval = value_interval(value_end or value) if value else None
    if interval and interval[1] < published - timedelta(days=HISTORICAL_AFTER_DAYS) and "historical" not in aux:
        aux = [*aux, "historical"]
    context = list(coding.context)
    for t in verb.sent:
        c = lex.contexts.get(t.lemma_.lower())
        if c and c not in context:
            context.append(c)
    return Event(
        type=etype, actors=tuple(actors), recipients=tuple(recipients),
        evidence_start=start, evidence_end=end, evidence=doc.text[start:end], trigger=trig.word.text,
        mode=coding.mode if etype == coding.plover else None, negated=negated, aux=tuple(aux),
        context=tuple(context), cameo=coding.cameo, score=coding.score, quad=coding.quad,
        date=value, date_end=value_end, date_precision=precision,
        confidence=_confidence(trig, actors, recipients, quote_index is not None), quote_index=quote_index,
        sentence_start=trig.word.sent.start_char,
        sentence_end=trig.word.sent.start_char + len(trig.word.sent.text.rstrip()),
    )


COUP_WORDS = {"coup", "putsch"}


def _seizes_power(trig: Trigger) -> bool:
    """"seized power", "grabbed power", "staged a coup"."""
    return trig.word.lemma_.lower() in COUP_WORDS or (
        trig.word.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() == "power" for c in trig.word.children))


def _partner_of_first_act(verb: Token, actors: list[Actor], lex: Lexicon, actor_at: ActorAt) -> list[Actor]:
    """"Kishida met Zelensky and pledged continued support": a cooperative act with no other side,
    joined to one that names it, is done to the same side."""
    if verb.dep_ != "conj" or verb.head.i == verb.i or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return []
    first = verb.head
    if not any(QUAD_OF.get(t.coding.plover) for t in triggers_at(first, lex)):
        return []
    mine = {a.key for a in actors}
    return [r for r in collect([c for c in first.children if c.dep_ == "dobj"], actor_at)
            if r.key not in mine and r.country]


def _restated_means(trig: Trigger, lex: Lexicon) -> bool:
    """"wounded two soldiers in a bomb attack": the noun restates the verb's own act (kept when the
    verb is denied: "did not strike Iran's oil facilities in its attack")."""
    word = trig.word
    if word.pos_ == "VERB" or trig.verb.i != word.i or word.dep_ != "pobj" \
            or word.head.lower_ not in ("in", "with", "by"):
        return False
    gov = word.head.head
    return gov.pos_ == "VERB" and not is_negated(gov) and \
        any(t.coding.plover == trig.coding.plover for t in triggers_at(gov, lex))


CONATIVE_VERBS = {"try", "attempt", "seek", "strive", "endeavour", "endeavor", "struggle"}
CONATIVE_NOUNS = {"attempt", "effort", "bid", "drive", "quest", "endeavour", "endeavor"}


def _attempted_cooperation(trig: Trigger) -> bool:
    """"a team trying to broker a peace pact", "attempts to resolve the crisis were deadlocked":
    cooperation only attempted has not happened (an attempted attack is an attack: CAMEO 185)."""
    verb = trig.verb
    if trig.coding.plover not in QUAD_OF or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    return (verb.dep_ == "xcomp" and head.lemma_.lower() in CONATIVE_VERBS) or \
        (verb.dep_ == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in CONATIVE_NOUNS)


READYING_WORDS = {"prepare", "ready", "gear", "poise", "prepared", "poised"}
ARMED_SECTORS = {"MIL", "REB", "COP", "UAF"}


def _readying(verb: Token) -> bool:
    """"prepared to resume shelling", "is poised to attack": forces making ready, short of force and
    of words (PLOVER: military moves short of the use of force are MOBILIZE, threats are verbal)."""
    for head in controlling_verbs(verb) or [verb.head]:
        if head.lemma_.lower() in READYING_WORDS or head.lower_ in READYING_WORDS:
            return True
    return False


def _riot_detail(trig: Trigger, lex: Lexicon) -> bool:
    """"prisoners rioted, setting fire to their mattresses and smashing furniture": damage done in
    a protest is how it went (PLOVER: destruction incidental to a riot is no ASSAULT of its own)."""
    verb = trig.verb
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if trig.coding.plover not in ("ASSAULT", "COERCE") or verb.dep_ != "advcl" or verb.tag_ != "VBG" \
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    return any(t.coding.plover == "PROTEST" for t in triggers_at(verb.head, lex))


def _confidence(trig: Trigger, actors: list[Actor], recipients: list[Actor], reported: bool) -> float:
    """Higher for specific lexicon matches and named actors; lower for reported or bare events."""
    score = 0.6 + (0.15 if trig.specific else 0.0)
    score += 0.1 if all(a.kind in ("person", "country", "organization") for a in actors) else 0.0
    score += 0.05 if recipients else -0.1
    score -= 0.1 if reported else 0.0
    return round(max(0.05, min(0.99, score)), 2)


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per clause: "paid a state visit" fires on the verb and the noun; keep the fuller one."""
    out: list[Event] = []
    for e in sorted(events, key=lambda e: (-(len(e.actors) + len(e.recipients)), -e.confidence)):
        if not any(_covered(e, o) for o in out):
            out.append(e)
    return sorted(out, key=lambda e: e.evidence_start)


def _covered(e: Event, o: Event) -> bool:
    overlap = e.evidence_start < o.evidence_end and o.evidence_start < e.evidence_end
    same = (e.type, e.negated) == (o.type, o.negated) and {a.key for a in e.actors} == {a.key for a in o.actors}
    if same and not e.recipients and o.recipients and e.sentence_start == o.sentence_start:
        return True  # "rebels shelled Juba, killing 20 people": the killing is the shelling's
    return overlap and same and {r.key for r in e.recipients} <= {r.key for r in o.recipients}
