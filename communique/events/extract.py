"""PLOVER events from the dependency parse: trigger, who did it, to whom, when, how sure.

A trigger is a verb in the lexicon (refined by its particle and object), or an event
noun ("talks", "sanctions") or a noun made an event by a light verb ("express
support", "send a condolence letter"). Actors come from the subject (or the
passive agent, or a controlling/coordinated verb), recipients from the object and
the recipient prepositions; "between X and Y" makes a reciprocal event.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from ..actors import PARTITIVES, RELATIONAL_NOUNS, group_actor
from ..model import Actor, Event, Quote, TimeRef, value_interval
from .lexicon import Coding, Lexicon
from .modality import NEGATING_VERBS, REPORTING, aux_modes, is_negated

RECIPIENT_PREPS = {"to", "with", "for", "on", "against", "toward", "towards", "at", "upon", "from"}
DIRECT_PREPS = {"to", "with", "against", "toward", "towards"}  # still recipients when there is an object
DIRECTIVE_VERBS = {"demand", "urge", "ask", "insist", "request", "call", "warn", "accuse", "propose", "suggest",
                   "recommend", "press"}
PERMISSIVE_VERBS = {"allow", "permit"}
OBJECT_CONTROL = {"invite", "urge", "ask", "call", "encourage", "persuade", "allow", "tell", "order", "press",
                  "request", "permit", "force", "help"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
HISTORICAL_AFTER_DAYS = 90  # background: over a season before publication
HOSTILE_ACTS = {"PROTEST", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE"}
DOMESTIC_CAMEO = ("172",)  # administrative sanctions (curfews, martial law, bans) fall on a state's own people
EASING_CAMEO = ("081",)  # and so does their easing ("lifted the state of emergency in West Darfur")
NON_STATE = {"IGO", "NGO", "IMG"}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
QUAD_OF = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2}

ActorAt = Callable[[Token], list[Actor]]  # a token's actors ("the two countries" are two)


@dataclass
class _Trigger:
    verb: Token  # the predicate whose arguments we read
    word: Token  # the trigger word (verb or event noun)
    coding: Coding
    specific: bool
    implicit: bool = False  # no event word of its own: "X said Y must drop barriers" is X's demand
    circumstance: bool = False  # a meeting that frames another clause ("agreed after talks in Beijing")


def find_events(doc: Doc, published: date, lexicon: Lexicon, actor_at: ActorAt,
                quotes: list[Quote] = (), times: list[TimeRef] = ()) -> list[Event]:
    """Every event mention of a parsed article, in text order."""
    frames = _paragraph_frames(doc, times)
    events = []
    for tok in doc:
        for trig in _triggers(tok, lexicon):
            ev = _event(doc, trig, published, lexicon, actor_at, quotes, times, frames)
            if ev is not None:
                events.append(ev)
    return _episode_dates(_dedupe(events), times)


def _episode_dates(events: list[Event], times: list[TimeRef]) -> list[Event]:
    """A past event told without a date, right after a dated one with a shared participant,
    belongs to the same episode ("X phoned Y on Thursday. X thanked Y ...")."""
    out: list[Event] = []
    for e in events:
        if e.date_precision == "on_or_before":
            anchor = next((o for o in reversed(out) if o.date_precision == "day" and _dated_by_text(o, times)
                           and _same_parties(e, o)), None)
            if anchor is not None and e.date and anchor.date <= e.date:
                e = replace(e, date=anchor.date, date_precision="day")
        out.append(e)
    return out


def _same_parties(e: Event, o: Event) -> bool:
    """A shared participant, or the same two countries ("the two leaders" after "X met Y")."""
    sides_e, sides_o = (*e.actors, *e.recipients), (*o.actors, *o.recipients)
    if {a.key for a in sides_e} & {a.key for a in sides_o}:
        return True
    countries_e, countries_o = {a.country for a in sides_e}, {a.country for a in sides_o}
    return len(countries_e) >= 2 and countries_e == countries_o


def _dated_by_text(e: Event, times: list[TimeRef]) -> bool:
    return any(e.evidence_start <= t.start < e.evidence_end and t.kind == "date" for t in times)


def _triggers(tok: Token, lex: Lexicon) -> list[_Trigger]:
    lemma = tok.lemma_.lower()
    out = []
    if tok.pos_ == "VERB":
        if _non_factual(tok) or _light_verb_of_event_noun(tok, lex) or _embedded_in_event(tok, lex) \
                or _aimed_measure(tok):
            return out
        if _stative_participle(tok) or _blocked_content(tok, lex) or _prediction(tok) is not None \
                or _noun_read_as_verb(tok):
            return out
        particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "agent") and not _temporal(c)}
        particles |= _adverb_particles(tok)
        objects = {o.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")
                   for o in _through_quantifier(c)}
        objects |= {o.lemma_.lower() for p in tok.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"}
        objects |= _titles_of_named_objects(tok)
        objects |= {f"{m.lemma_.lower()} {o.lemma_.lower()}" for c in tok.children if c.dep_ == "dobj"
                    for o in _through_quantifier(c) for m in o.children if m.dep_ in ("compound", "amod")}
        if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "agreements signed between X and Y"
            objects |= {o.lemma_.lower() for o in _through_quantifier(tok.head)}
            objects |= {c.lemma_.lower() for c in tok.head.children if c.dep_ == "conj"}
        cameo = lex.verb(lemma, particles, objects)
        cameo = _particle_over_its_object(lex, lemma, particles, objects, cameo, tok)
        coding = lex.coding(cameo) if cameo and cameo != "---" else None
        if coding is not None and _promised_hostility(tok, lex):
            return out  # "pledged to attack": the attack, in the future, is the event (a threat)
        if coding is not None:
            specific = lex.verb(lemma, set(), set()) != cameo
            out.append(_Trigger(tok, tok, coding, specific))
        elif _reported_obligation(tok, lex):
            out.append(_Trigger(tok, tok, lex.coding(DEMAND_CAMEO), False, implicit=True))
        elif _intended(tok):
            out.append(_Trigger(tok, tok, lex.coding(INTENT_CAMEO), False, implicit=True))
    elif tok.pos_ in ("NOUN", "PROPN"):
        first = tok  # "launched artillery, mortar and rocket fire against X": the verb of the list's head
        while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ in ("NOUN", "PROPN"):
            first = first.head
        for nt in lex.nouns.get(_event_noun(tok, lex), []):
            verb = first.head if first.dep_ in ("dobj", "nsubjpass") else None
            if first.dep_ == "pobj" and first.head.lower_ == "in" and first.head.head.lemma_.lower() in ENGAGE_VERBS:
                verb = first.head.head  # "were engaged in ethnic cleansing"
            coding = lex.coding(nt.cameo)
            if verb is None and coding is not None and tok.dep_ == "pobj" and tok.head.lower_ in ("on", "for") \
                    and tok.head.head.lemma_.lower() in MOTION_VERBS:
                out.append(_Trigger(tok.head.head, tok, coding, True))  # "arrived in Amman on a visit"
                break
            frame = _circumstance_verb(tok, coding)
            if frame is not None:
                out.append(_Trigger(frame, tok, coding, True, circumstance=True))
                break
            if _proposed(tok):
                break  # "rejected an offer for direct talks": the talks did not take place
            verb = verb or _relative_light_verb(tok, nt)
            light = verb is not None and _is_light(verb, nt) and not _offered(verb, tok, lex)
            talks = coding is not None and coding.plover == "CONSULT" and _has_between(tok)
            happened = tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in OCCURRENCE_VERBS
            happened = happened or _agent_and_patient(tok, coding)
            if nt.light_verbs and not light and not talks and not happened:
                continue  # "talks between X and Y resumed" is an event even without a light verb
            if not light:
                verb = tok  # the noun is the event itself ("talks between X and Y", "condemned the attack")
            coding = lex.coding(nt.cameo)
            if coding is not None:
                out.append(_Trigger(verb, tok, coding, True))
            break
    return out


PROPOSAL_NOUNS = {"offer", "proposal", "plan", "invitation", "initiative", "bid", "idea", "suggestion", "push"}


def _proposed(noun: Token) -> bool:
    """"an offer for direct talks", "a proposal of a ceasefire": what is only put forward."""
    return noun.dep_ == "pobj" and noun.head.lower_ in ("for", "of") \
        and noun.head.head.lemma_.lower() in PROPOSAL_NOUNS | DIRECTIVE_NOUNS


def _noun_read_as_verb(tok: Token) -> bool:
    """"ending its fisheries dispute with X": a bare verb form hanging as an adverbial clause with
    no subject, auxiliary or conjunction, right after a noun, is a noun the parser misread."""
    return tok.tag_ == "VB" and tok.dep_ == "advcl" and tok.i > 0 and tok.doc[tok.i - 1].pos_ == "NOUN" \
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark", "neg", "dobj") for c in tok.children)


def _relative_light_verb(noun: Token, nt) -> Token | None:
    """"the embargo (that) the United States imposed on Cuba": the light verb of a relative clause
    whose object is the noun."""
    for c in noun.children:
        subj = [s for s in c.children if s.dep_ == "nsubj"]
        if c.dep_ == "relcl" and subj and not any(s.lower_ in RELATIVE_PRONOUNS for s in subj) and _is_light(c, nt) \
                and not any(o.dep_ == "dobj" and o.lower_ not in RELATIVE_PRONOUNS | {"whom"} for o in c.children):
            return c
    return None


def _agent_and_patient(noun: Token, coding: Coding | None) -> bool:
    """"Iraq's invasion of Kuwait", "Russia's blockade of the ports": a hostile act with its doer
    and its target is an event even without a light verb."""
    if noun.dep_ in ("dobj", "nsubjpass"):
        return False  # "condemned Iraq's invasion", "rescinded its annexation": the verb is the event
    return coding is not None and coding.plover in HOSTILE_ACTS \
        and any(c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME") for c in noun.children) \
        and any(p.dep_ == "prep" and p.lower_ == "of" and any(o.dep_ == "pobj" for o in p.children)
                for p in noun.children)


STATIVE_PARTICIPLES = {"oppose", "ally", "align", "affiliate", "link", "tie", "commit", "devote", "dedicate",
                       "relate", "connect", "loyal", "close"}


def _stative_participle(verb: Token) -> bool:
    """"demonstrators opposed to tax increases", "militias allied to Iran": a description, not an act."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in STANDING_CLAIMS:
        return True  # "the Beagle Channel, disputed by Argentina and Chile": a standing dispute
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in STATIVE_PARTICIPLES \
        and not any(c.dep_ == "agent" for c in verb.children)


STANDING_CLAIMS = {"dispute", "contest"}


def _blocked_content(verb: Token, lex: Lexicon) -> bool:
    """"blocked a statement criticising China", "vetoed a resolution condemning X": what a refused
    text would have said was never said."""
    doc_noun = verb.head
    if verb.dep_ != "acl" or doc_noun.dep_ != "dobj" or doc_noun.head.pos_ != "VERB":
        return False
    gov = doc_noun.head
    cameo = lex.verb(gov.lemma_.lower(), set(), {doc_noun.lemma_.lower()})
    coding = lex.coding(cameo) if cameo and cameo != "---" else None
    return coding is not None and coding.plover == "REJECT"


PREDICTION_MODALS = {"could", "may", "might", "can"}


def _prediction(verb: Token) -> Token | None:
    """"Russia could cut off gas supplies to Moldova, Gavrilita warned": a warning of what another
    party may do reports that party's possible act (coded on its own), not a threat of the speaker's.
    The clause warned of, else None."""
    if verb.lemma_.lower() not in ("warn", "caution"):
        return None
    for c in verb.children:
        subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        if c.dep_ == "ccomp" and subj and subj[0].pos_ != "PRON" and \
                any(a.dep_ == "aux" and a.lower_ in PREDICTION_MODALS for a in c.children):
            return c
    return None


CIRCUMSTANCE_PREPS = {"after", "during", "at", "following", "in", "on"}


def _circumstance_verb(tok: Token, coding: Coding | None) -> Token | None:
    """"agreed after three days of talks", "agreed at a summit", "Modi, on a visit to Moscow, invited":
    a meeting named as the setting of another clause; that clause's verb."""
    if coding is None or coding.plover != "CONSULT" or tok.dep_ != "pobj":
        return None
    prep = tok.head
    if prep.lower_ == "of" and prep.head.dep_ == "pobj" and \
            (prep.head.lemma_.lower() in QUANTIFIERS or prep.head.ent_type_ in ("DATE", "TIME")):
        prep = prep.head.head  # "after three days of talks", "after two rounds of talks"
    if prep.dep_ != "prep" or prep.lower_ not in CIRCUMSTANCE_PREPS or (prep.lower_ == "on" and coding.mode != "visit"):
        return None
    return prep.head if prep.head.pos_ in ("VERB", "AUX") else None


def _circumstance_participants(trig: _Trigger, actor_at: ActorAt) -> tuple[list[Actor], list[Actor]]:
    """The meeting's own sides ("a visit to Hanoi by Biden", "talks between X and Y"), else the
    clause's subject; a meeting needs two sides or one side and another it meets or visits."""
    word = trig.word
    between = _between(word, actor_at)
    if between:
        return between, []
    actors = _collect([c for c in word.children if c.dep_ in ("poss", "compound", "amod", "nmod")], actor_at)
    actors = actors or _prep_objects(word, actor_at, {"by"}) or _collect(_subject_tokens(trig.verb), actor_at)
    mine = {a.key for a in actors}
    recipients = [r for r in _prep_objects(word, actor_at, {"to", "with"}) if r.key not in mine]
    if trig.coding.mode == "visit" and not recipients:
        recipients = [p for p in _places(_Trigger(word, word, trig.coding, True), actor_at)
                      if p.country not in {a.country for a in actors}][:1]
    if len(actors) < 2 and not recipients:
        return [], []
    return actors, recipients


def _titles_of_named_objects(verb: Token) -> set[str]:
    """"welcomed Ukrainian President Volodymyr Zelensky": the title of a named object matches the
    lexicon's object rows as the bare noun would ("welcomed the president")."""
    return {c.lemma_.lower() for o in verb.children if o.dep_ in ("dobj", "nsubjpass") and o.pos_ == "PROPN"
            for c in o.children if c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN") and c.is_title}


PARTICLE_ADVERBS = {"back", "out", "off", "down", "up", "away", "ahead", "together", "forward", "aside", "apart",
                    "forth"}


def _adverb_particles(verb: Token) -> set[str]:
    """"pulled back": a particle the parser left as an adverb after the verb."""
    return {c.lower_ for c in verb.children if c.dep_ == "advmod" and c.i > verb.i and c.lower_ in PARTICLE_ADVERBS}


def _particle_over_its_object(lex: Lexicon, lemma: str, particles: set[str], objects: set[str], cameo: str | None,
                              tok: Token) -> str | None:
    """"call on our partners": the row for "call on" beats an object-only row ("call X a partner")
    matched through the preposition's own object."""
    via_prep = {o.lemma_.lower() for p in tok.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"}
    via_prep -= {o.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")
                 for o in _through_quantifier(c)}
    if not via_prep or any((lemma, p, o) in lex.verbs for p in particles for o in via_prep):
        return cameo
    if not any(lex.verbs.get((lemma, p, ""), "---") != "---" for p in particles):
        return cameo  # no particle row, or one that says "no event" ("opposed to" alone is a stance)
    return lex.verb(lemma, particles, objects - via_prep)


AIMING_VERBS = {"target", "aim", "hit"}
MEASURES = {"sanction", "package", "measure", "tariff", "embargo", "restriction", "ban", "law", "bill", "decree",
            "legislation", "policy", "campaign", "reform", "rule", "regulation", "probe", "investigation", "tax"}


def _aimed_measure(verb: Token) -> bool:
    """"sanctions targeting Russian banks", "the package, targeting 200 vessels", "the tariffs hit China":
    what a measure is aimed at, not an attack."""
    if verb.lemma_.lower() not in AIMING_VERBS:
        return False
    nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ in ("acl", "advcl", "relcl"):
        nouns.append(verb.head)
        nouns += [c for c in verb.head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    return any(n.lemma_.lower() in MEASURES for n in nouns)


# "the withdrawal was completed", "the sanctions took effect", "the detention triggered protests"
OCCURRENCE_VERBS = {"take", "complete", "begin", "start", "end", "trigger", "spark", "prompt", "provoke", "follow",
                    "happen", "occur", "come", "conclude", "finish", "welcome", "condemn", "criticize", "criticise",
                    "praise", "hail", "denounce", "draw", "leave", "kill", "cause"}
POSSIBILITY_MODALS = {"could", "may", "might", "would", "can"}


def _modal_not_condition(verb: Token) -> bool:
    """The clause says its actor may act ("could impose"), not what happens if something else does."""
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in verb.children)


def _has_between(tok: Token) -> bool:
    return any(p.dep_ == "prep" and p.lower_ in ("between", "among") for p in tok.children)


QUANTIFIERS = {"number", "series", "range", "set", "couple", "lot", "host", "dozen", "handful", "pair", "package",
               "round", "batch", "wave", "ton", "tonne", "kg", "kilogram", "barrel", "worth", "amount", "shipment",
               "consignment", "million", "billion", "thousand", "hundred",
               "day", "week", "month", "hour",  # "launched ten days of war games"
               "mission", "team",  # "received a mission of observers"
               "part", "portion", "bulk", "rest", "half", "most", "some"}  # "suspended part of its aid"


def _temporal(prep: Token) -> bool:
    """"for two years", "on Monday": a time phrase, not a pattern's preposition."""
    return any(o.ent_type_ in ("DATE", "TIME") for o in prep.children if o.dep_ == "pobj")


def _through_quantifier(tok: Token) -> list[Token]:
    """"a number of treaties and agreements" -> [treaties, agreements]."""
    if tok.lemma_.lower() in QUANTIFIERS:
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for o in p.children:
                    if o.dep_ == "pobj":
                        return [o, *(c for c in o.children if c.dep_ == "conj")]
    return [tok]


def _event_noun(tok: Token, lex: Lexicon) -> str:
    """The noun's lemma, a compound one ("phone call"), or what an adjective makes of it
    ("condolence letter" -> condolence)."""
    lemma = tok.lemma_.lower()
    for c in tok.children:
        of = next((o for o in c.children if o.dep_ == "pobj"), None) if c.dep_ == "prep" and c.lower_ == "of" else None
        if of is not None and f"{lemma} of {of.lemma_.lower()}" in lex.nouns:
            return f"{lemma} of {of.lemma_.lower()}"  # "a state of emergency"
        if c.dep_ in ("compound", "amod") and f"{c.lemma_.lower()} {lemma}" in lex.nouns:
            return f"{c.lemma_.lower()} {lemma}"
        if c.dep_ == "amod" and c.lemma_.lower() in lex.adjectives:
            return lex.adjectives[c.lemma_.lower()]
    return lemma


def _embedded_in_event(verb: Token, lex: Lexicon) -> bool:
    """"invited Lee to pay a visit", "agreed to meet", "demanded that Ankara provide": the governing
    verb is the event."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:  # "agreed to return ... and to launch talks"
        verb = verb.head
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in DIRECTIVE_VERBS and _prediction(verb.head) is None:
        return lex.verb(verb.head.lemma_.lower(), set(), set()) not in (None, "---")
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in PERMISSIVE_VERBS:
        return True  # "allowed UN planes to land and evacuate": the permission is the event
    if verb.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.lemma_.lower() in DIRECTIVE_NOUNS
                                    for c in verb.head.children):
        return True  # "reiterated its demand today that Israel ease restrictions" (the clause hung on the verb)
    if verb.dep_ in ("acl", "ccomp") and verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in DIRECTIVE_NOUNS:
        return True  # "its demand that Israel ease restrictions": the demand is the event
    if verb.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in verb.children):
        gov = verb.head  # "threatened to strike unless Israel rescinded": the condition is not an event
        return bool(_triggers(gov, lex)) or any(_triggers(g, lex) for g in _heads(gov))
    if verb.dep_ != "xcomp":
        return False
    gov = verb.head
    if gov.pos_ != "VERB" or gov.lemma_.lower() in NEGATING_VERBS:
        return False  # "refused to meet": the meeting is coded, negated (and the refusal too)
    if gov.lemma_.lower() in PROMISE_VERBS and _hostile(verb, lex):
        return False  # "vowed to attack Israel": the attack is coded, as a threat (future)
    particles = {c.lower_ for c in gov.children if c.dep_ in ("prt", "prep")}
    objects = {c.lemma_.lower() for c in gov.children if c.dep_ == "dobj"}
    return lex.verb(gov.lemma_.lower(), particles, objects) not in (None, "---")


PROMISE_VERBS = {"promise", "pledge", "vow", "swear"}


def _hostile(verb: Token, lex: Lexicon) -> bool:
    """The verb itself is coded as a hostile act ("attack", "fight", "impose sanctions")."""
    objects = {c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"}
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")}
    cameo = lex.verb(verb.lemma_.lower(), particles, objects)
    coding = lex.coding(cameo) if cameo and cameo != "---" else None
    return coding is not None and coding.plover in HOSTILE_ACTS | {"ASSAULT"}


def _promised_hostility(verb: Token, lex: Lexicon) -> bool:
    """"Iran pledged to attack Israel": a promise of a hostile act is that act announced, not an AGREE."""
    if verb.lemma_.lower() not in PROMISE_VERBS or any(c.dep_ == "dobj" for c in verb.children):
        return False
    return any(c.dep_ == "xcomp" and c.pos_ == "VERB" and _hostile(c, lex) for c in verb.children)


RAISING_VERBS = {"expect", "schedule", "set", "slate", "due", "suppose", "report", "say", "believe", "think",
                 "understand", "know", "rumour", "rumor", "allege", "tip"}
DIRECTIVE_NOUNS = {"demand", "call", "appeal", "request", "plea", "ultimatum", "condition", "insistence"}


def _clause_top(verb: Token) -> Token:
    """The finite verb of a control chain: "agreed to resume ... at a summit" -> agreed."""
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    return verb


def _heads(tok: Token) -> list[Token]:
    """The verbs governing ``tok`` through control ("threatened to launch")."""
    out = []
    while tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i:
        tok = tok.head
        out.append(tok)
    return out


ENGAGE_VERBS = {"engage", "participate"}
MOTION_VERBS = {"arrive", "travel", "go", "come", "fly", "leave", "head", "return", "set", "converge", "gather",
                "flock"}
LIGHT_VERBS = {"have", "hold", "make", "send", "give", "pay", "conduct", "carry", "take", "extend", "express",
               "offer", "convey", "deliver", "issue", "launch", "stage", "mount", "receive", "begin", "start",
               "impose", "provide", "continue", "resume", "join", "call", "organize", "organise", "go", "renew",
               "undertake", "lead", "engage", "participate"}


def _is_light(verb: Token, nt) -> bool:
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
        return False  # "called off the strike" undoes it (a lexicon row codes the verb)
    if lemma.startswith("re") and lemma[2:] in nt.light_verbs:
        return True  # "reimposed blockades"
    return lemma in nt.light_verbs or lemma in LIGHT_VERBS


def _light_verb_of_event_noun(verb: Token, lex: Lexicon) -> bool:
    """"send a condolence letter", "hold talks": the noun carries the event, not the verb."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            if _offered(verb, c, lex):
                continue
            if any(_is_light(verb, nt) for nt in lex.nouns.get(_event_noun(c, lex), [])):
                return True
    return False


OFFER_VERBS = {"offer", "promise", "pledge"}


def _offered(verb: Token, obj: Token, lex: Lexicon) -> bool:
    """"offered concessions" is an intent to yield (CAMEO 035), not the concession: an offer verb
    with its own lexicon row for the object keeps it."""
    lemma = verb.lemma_.lower()
    if lemma not in OFFER_VERBS:
        return False
    cameo = lex.verb(lemma, set(), {obj.lemma_.lower()})
    return bool(cameo) and cameo != "---" and cameo != lex.verb(lemma, set(), set())


def _non_factual(verb: Token) -> bool:
    """Purposes and topics, not events: "efforts to strengthen ties", "attention to strengthening ties"."""
    if verb.dep_ in ("pcomp", "xcomp") and verb.tag_ == "VBG" and verb.head.pos_ != "VERB":
        return True
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG":
        return True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return infinitive and verb.dep_ in ("acl", "advcl", "relcl")


CONTEST_VERBS = {"beat", "defeat", "crush", "thrash", "rout", "overcome", "edge", "down", "hammer", "trounce",
                 "eliminate", "knock", "sink", "outplay", "attack", "fight", "clash", "battle", "face"}
SCORE = re.compile(r"\b\d{1,2}[-–]\d{1,2}\b")


def _sports(sent, lex: Lexicon) -> bool:
    return bool(SCORE.search(sent.text)) or any(t.lemma_.lower() in lex.sports for t in sent)


def _unattributed_attack(trig: _Trigger, lex: Lexicon) -> bool:
    """An armed attack whose attacker the sentence does not name, on political victims."""
    if trig.coding.plover not in ("ASSAULT", "COERCE"):
        return False
    if trig.verb.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lemma_.lower() not in lex.armed
                                        for c in trig.verb.children):
        return False  # a named but unresolved subject ("a man killed his neighbour") is not unknown
    return any(t.lemma_.lower() in lex.armed for t in trig.word.sent)


def _arresting_state(trig: _Trigger, recipients: list[Actor], actor_at: ActorAt) -> list[Actor]:
    """An arrest with no named agent is the police's of the country it happens in: the place
    named, else the one country the sentence is about (the detainee's)."""
    if all(r.kind == "country" for r in recipients):
        return []  # states are not arrested
    home = _places(trig, actor_at, {"in", "at", "near", "inside"})
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


PLACE_PREPS = {"in", "into", "on", "at", "from", "across", "inside", "over"}


def _places(trig: _Trigger, actor_at: ActorAt, preps: set[str] = PLACE_PREPS, deps=("dobj",)) -> list[Actor]:
    """Countries named as where an act happens ("in the Gaza Strip", "from the Bosnian town")."""
    heads = [trig.verb, trig.word, *(c for c in trig.verb.children if c.dep_ in deps)]
    if trig.verb.dep_ == "conj" and trig.verb.head.pos_ == "VERB":  # "crossed into its territory and dropped bombs"
        heads.append(trig.verb.head)
    for x in (c for c in trig.verb.children if c.dep_ == "xcomp"):  # "threatened to impose a curfew in X"
        heads += [x, *(c for c in x.children if c.dep_ == "dobj")]
    objects = [c for c in trig.verb.children if c.dep_ == "dobj"]
    found = [a for a in _collect(objects, actor_at, places=True) if a.kind == "place"]  # "shelled Juba"
    for h in heads:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ in preps and not _temporal(prep):
                found += _place_chain(prep, actor_at)
    return _unique(found)


def _place_chain(prep: Token, actor_at: ActorAt, depth: int = 0) -> list[Actor]:
    """"in the town of Cizre in southeastern Turkey": the country at the end of the chain."""
    found = []
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    objects += [o for p in prep.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                if o.dep_ == "pobj" and not objects]  # "outside of the city of Basra"
    for o in objects:
        here = [a for a in _collect([o], actor_at, places=True) if a.kind in ("country", "place")] \
            or _territory_of(o, actor_at)
        if here:
            found += here
        elif depth < 3:
            for p in o.children:
                if p.dep_ == "prep" and p.lower_ in PLACE_PREPS | {"of"}:
                    found += _place_chain(p, actor_at, depth + 1)
    return found


TERRITORY_NOUNS = {"territory", "airspace", "waters", "soil", "border", "land", "coast"}


def _territory_of(place: Token, actor_at: ActorAt) -> list[Actor]:
    """"into its territory", "Pakistan's airspace": the possessor's state."""
    if place.lemma_.lower() not in TERRITORY_NOUNS:
        return []
    owners = _collect([c for c in place.children if c.dep_ == "poss"], actor_at)
    return [group_actor(a.country, "GOV") if a.kind != "country" else a for a in owners
            if a.country not in (None, "IGO", "NGO", "IMG")][:1]


DEONTIC = {"must", "should", "ought"}
MEDIATION_CAMEO = "045"
DEMAND_CAMEO = "100"


def _deontic_chain(verb: Token) -> list[Token] | None:
    """The verb and the predicates it complements, when one of them carries must/should/ought."""
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "acomp") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)  # "the US must be ready to mediate"
    if not any(c.dep_ == "aux" and c.lower_ in DEONTIC for v in chain for c in v.children):
        return None
    return chain


INTENT_CAMEO = "030"
INTENT_ADJECTIVES = {"willing", "ready", "prepared", "committed", "determined", "eager", "keen", "open"}


def _intended(verb: Token) -> bool:
    """"Norway is willing to send material to Saudi Arabia": an intent to cooperate (PLOVER AGREE)."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "to":  # "committed to opening up the economy"
        head = head.head
    elif verb.dep_ != "xcomp":
        return False
    return head.pos_ == "ADJ" and head.lower_ in INTENT_ADJECTIVES and not is_negated(head.head) \
        and not is_negated(head)


def _reported_obligation(verb: Token, lex: Lexicon) -> bool:
    """"Britain reiterated that Libya must hand over the suspects": a said obligation of someone."""
    chain = _deontic_chain(verb)
    if chain is None or is_negated(verb):
        return False
    top = chain[-1]
    return top.dep_ == "ccomp" and top.head.pos_ == "VERB" and top.head.lemma_.lower() in lex.speech


def _demanded(verb: Token, actor_at: ActorAt) -> list[Actor] | None:
    """The sayer of "Y must/should do Z" in reported speech, who thereby requests it."""
    chain = _deontic_chain(verb)
    if chain is None:
        return None
    top = chain[-1]
    if top.dep_ == "ccomp" and top.head.pos_ == "VERB":
        sayer = _collect(_subject_tokens(top.head), actor_at)
    elif top.dep_ in ("acl", "ccomp") and top.head.pos_ == "NOUN":  # "a reminder to Iraq that it must"
        noun = top.head
        sayer = _collect([c for c in noun.children if c.dep_ == "poss"], actor_at)
        if not sayer and noun.head.pos_ == "VERB" and noun.dep_ in ("dobj", "nsubjpass"):
            sayer = _collect(_subject_tokens(noun.head), actor_at)
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
    top = _clause_top(gov)
    if top.dep_ != "ccomp" or top.head.lemma_.lower() not in REPORTING:
        return None
    sayer = [a for a in _collect(_subject_tokens(top.head), actor_at) if a.country]
    return sayer or None


def _bilateral(word: Token) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in ("bilateral", "mutual") for c in word.children)


def _event(doc: Doc, trig: _Trigger, published: date, lex: Lexicon, actor_at: ActorAt,
           quotes, times, frames) -> Event | None:
    actors, recipients = _participants(trig, actor_at)
    actors = [a for a in actors if a.country]
    recipients = [r for r in recipients if r.country and r.key not in {a.key for a in actors}]
    if not actors and recipients and trig.coding.mode == "arrest":
        actors = _arresting_state(trig, recipients, actor_at)  # "the detention of Istanbul's mayor"
    if not actors and recipients and _unattributed_attack(trig, lex):
        # "three civilians were killed in a suicide bombing in Baghdad": the attacker is unknown
        # "a bombing near Samarra killed ...": the place can hang on the subject
        home = _places(trig, actor_at, {"in", "near", "at", "outside", "inside", "around"}, ("dobj", "nsubj"))
        if not home:
            return None  # an attack with neither its author nor its place named
        actors = [group_actor(home[0].country, "UAF")]
        recipients = [r for r in recipients if r.key not in {a.key for a in actors}]
    elif not actors or not any(_political(a) for a in actors):
        return None  # sports, business and crime stories without political actors
    if trig.word.lemma_.lower() in CONTEST_VERBS and _sports(trig.word.sent, lex):
        return None  # "Spain beat Italy 1-0": teams, not states
    verb = trig.verb
    if verb.i != trig.word.i and not trig.circumstance and (_non_factual(verb) or _embedded_in_event(verb, lex)):
        return None
    if _restated_means(trig, lex) or _riot_detail(trig, lex) or _attempted_cooperation(trig):
        return None
    negated = is_negated(verb) or any(c.dep_ == "det" and c.lower_ == "no" for c in trig.word.children)
    if trig.coding.plover == "THREATEN" and _excluding(verb):
        negated = not negated  # "would not rule out a military option" keeps the threat open
    aux = aux_modes(verb) if verb.pos_ in ("VERB", "AUX") else []
    if trig.circumstance:  # the setting happened whatever the clause says was done or refused there
        negated = any(c.dep_ == "det" and c.lower_ == "no" for c in trig.word.children)
        aux = aux_modes(_clause_top(verb))
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
    start, end = _evidence(_Trigger(trig.word, trig.word, coding, True) if trig.circumstance else trig)
    quote_index = next((i for i, q in enumerate(quotes) if q.start <= trig.word.idx < q.end), None)
    if not recipients and (QUAD_OF.get(coding.plover) == 2 or coding.plover in HOSTILE_ACTS
                           or coding.mode == "visit" or etype == "THREATEN"):
        # material acts and visits with no named other side: the foreign place they happen in
        hostile = coding.plover in HOSTILE_ACTS or etype == "THREATEN"
        # a town is not its state: shelling it falls on its people; a visit to it is no visit to a state
        places = [p for p in _places(trig, actor_at) if hostile or p.kind != "place"]
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
        places = _places(trig, actor_at)  # a curfew, martial law, or their lifting: on the place's people
        recipients = [group_actor(places[0].country if places else actors[0].country, "CVL")]
    if not recipients and quote_index is not None and _bilateral(trig.word):
        other = quotes[quote_index].addressee  # "our bilateral partnership", in a letter to X
        if other is not None and other.country and other.country not in {a.country for a in actors}:
            recipients = [other]
    if not recipients and etype in ("COERCE", "ASSAULT") and all(a.sector == ("COP",) for a in actors):
        return None  # "police arrested a man": policing; political arrests say whom (protesters, journalists)
    when = _date(trig, times, frames, published)
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


# -- participants -----------------------------------------------------------

def _participants(trig: _Trigger, actor_at: ActorAt) -> tuple[list[Actor], list[Actor]]:
    if trig.circumstance:
        return _circumstance_participants(trig, actor_at)
    verb, word = trig.verb, trig.word
    between = _between(word, actor_at) or (_between(verb, actor_at) if verb.i != word.i else [])
    if verb.i == word.i and word.pos_ != "VERB":  # an event noun on its own
        actors = _collect([c for c in word.children if c.dep_ in ("poss", "compound", "amod", "nmod")], actor_at)
        actors = actors or _prep_objects(word, actor_at, {"by"})  # "the signing of the accords by X and Y"
        actors = actors or _movers(trig, actor_at)
        recipients = _prep_objects(word, actor_at)
        if not recipients:  # "the detention of Istanbul's mayor": the one it was done to
            recipients = [r for r in _prep_objects(word, actor_at, {"of"}) if r.key not in {a.key for a in actors}]
        if not actors or not recipients:  # "wounded two soldiers in a bomb attack": the verb's act itself
            by, to = _means_participants(word, actor_at)
            actors = actors or by
            recipients = recipients or [r for r in to if r.key not in {a.key for a in actors}]
        return (between, []) if between else (actors, recipients)
    subj = _subject_tokens(verb)
    actors = _collect(subj, actor_at)
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")]
    if not objs:  # "donated and delivered goods to X"
        objs = [c for v in verb.conjuncts if v.i > verb.i and _shares_object(verb, v)
                for c in v.children if c.dep_ == "dobj"][:1]
    objs += [o for p in verb.children if p.dep_ == "prt" and p.lower_ == "up" for q in p.children
             if q.lower_ == "to" for o in q.children if o.dep_ == "pobj"]  # "kidnapped up to 16 advisers"
    passive_relcl = verb.dep_ == "relcl" and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if verb.dep_ == "relcl" and not subj and not passive_relcl:
        actors = _collect([verb.head], actor_at)
    if verb.dep_ == "relcl" and not actors and any(s.lower_ in RELATIVE_PRONOUNS for s in subj) \
            and verb.tag_ not in ("VBZ", "VBP"):  # "Hamas, which advocates ...": a standing trait, not an act
        actors = _collect(_antecedent(verb), actor_at)  # "Egypt, which signed a treaty with Israel"
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and not actors:  # "issued a declaration demanding that ..."
        actors = _collect([verb.head], actor_at) or (
            _collect(_subject_tokens(verb.head.head), actor_at) if verb.head.head.pos_ == "VERB" else [])
    if not actors and word.i == verb.i:
        actors = _moved_forces(trig, actor_at)
    recipients = _collect([q for o in objs if o.i != word.i for q in _through_quantifier(o)], actor_at)
    if verb.dep_ == "relcl" and any(o.lower_ in RELATIVE_PRONOUNS | {"whom"} for o in objs):
        recipients += _collect(_antecedent(verb), actor_at)  # "Gulen, whom it blames for the coup"
    if passive_relcl:  # "Gershkovich, who was detained in Yekaterinburg": he is the one detained
        recipients += _collect([verb.head], actor_at)
    if any(c.dep_ == "agent" for c in verb.children) or not actors:  # "Y was praised by X", "Y was killed"
        recipients += _collect([c for c in verb.children if c.dep_ == "nsubjpass" and c.i != word.i], actor_at)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not recipients and not _stranded_subject(verb):
        recipients = _collect([verb.head], actor_at)  # "Nawrocki, backed by Law and Justice"
    recipients += _prep_objects(verb, actor_at, DIRECT_PREPS if recipients else RECIPIENT_PREPS)
    if word.i != verb.i:
        recipients += _prep_objects(word, actor_at)
        for c in word.children:
            if c.dep_ == "poss" and not actors:
                actors = _collect([c], actor_at)
        actors = actors or _movers(trig, actor_at)
    if not [r for r in recipients if r.key not in {a.key for a in actors}]:  # not only "its sanctions"
        # "condemned a Russian attack", "shared evidence with the U.S.", "welcomed Reagan's statement":
        # the recipient is named inside the object's phrase
        for o in _unique_tokens([q for x in objs for q in (x, *_through_quantifier(x))]):  # "worth of goods to X"
            recipients += _prep_objects(o, actor_at, DIRECT_PREPS | {"for", "on", "of", "from", "by", "among"})
            recipients += _collect([c for c in o.children if c.dep_ in ("poss", "amod", "compound")
                                    and c.i != word.i], actor_at)
    if not recipients and word.i == verb.i:
        recipients = _complement_recipients(verb, actor_at)
    if between and trig.coding.cameo == MEDIATION_CAMEO and actors:
        return actors, [b for b in between if b.key not in {a.key for a in actors}]  # the sides it mediates
    if between:
        return actors + [b for b in between if b.key not in {a.key for a in actors}], []
    mine = {a.key for a in actors}
    # (one with no country is dropped anyway: "University Medical School" should not stop the search)
    recipients = [r for r in _unique(recipients) if r.key not in mine and not _own(r, actors, verb) and r.country]
    if trig.coding.plover == "ACCUSE":  # "complained to the UN over Israeli raids": the raids' authors
        target = _prep_objects(verb, actor_at, {"over", "about", "against"})
        if target:
            recipients = [t for t in target if t.key not in mine]
    if not recipients:
        recipients = _deep_recipients(trig, actors, actor_at)
    return actors, recipients


def _restated_means(trig: _Trigger, lex: Lexicon) -> bool:
    """"wounded two soldiers in a bomb attack": the noun restates the verb's own act (kept when the
    verb is denied: "did not strike Iran's oil facilities in its attack")."""
    word = trig.word
    if word.pos_ == "VERB" or trig.verb.i != word.i or word.dep_ != "pobj" \
            or word.head.lower_ not in ("in", "with", "by"):
        return False
    gov = word.head.head
    return gov.pos_ == "VERB" and not is_negated(gov) and \
        any(t.coding.plover == trig.coding.plover for t in _triggers(gov, lex))


CONATIVE_VERBS = {"try", "attempt", "seek", "strive", "endeavour", "endeavor", "struggle"}
CONATIVE_NOUNS = {"attempt", "effort", "bid", "drive", "quest", "endeavour", "endeavor"}


def _attempted_cooperation(trig: _Trigger) -> bool:
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
    for head in _heads(verb) or [verb.head]:
        if head.lemma_.lower() in READYING_WORDS or head.lower_ in READYING_WORDS:
            return True
    return False


def _riot_detail(trig: _Trigger, lex: Lexicon) -> bool:
    """"prisoners rioted, setting fire to their mattresses and smashing furniture": damage done in
    a protest is how it went (PLOVER: destruction incidental to a riot is no ASSAULT of its own)."""
    verb = trig.verb
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if trig.coding.plover not in ("ASSAULT", "COERCE") or verb.dep_ != "advcl" or verb.tag_ != "VBG" \
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    return any(t.coding.plover == "PROTEST" for t in _triggers(verb.head, lex))


def _means_participants(noun: Token, actor_at: ActorAt) -> tuple[list[Actor], list[Actor]]:
    """"struck Iran's facilities in its retaliatory attack": an act named as the means of a verb
    is done by that verb's subject to its object."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "with", "by") or prep.head.pos_ != "VERB":
        return [], []
    verb = prep.head
    objs = [o for o in verb.children if o.dep_ == "dobj" and not o.lower_.endswith(("self", "selves"))]
    to = _collect(objs, actor_at) or _collect([c for o in objs for c in o.children if c.dep_ == "poss"], actor_at)
    return _collect(_subject_tokens(verb), actor_at), to


MOVEMENT_TYPES = {"RETREAT", "MOBILIZE"}


def _movers(trig: _Trigger, actor_at: ActorAt) -> list[Actor]:
    """"the withdrawal of U.S. troops from Afghanistan", "the deployment of Russian troops": the
    forces that move are the actor of a movement noun."""
    if trig.coding.plover not in MOVEMENT_TYPES or trig.word.pos_ == "VERB":
        return []
    return [a for a in _prep_objects(trig.word, actor_at, {"of"}) if a.kind == "group"]


def _moved_forces(trig: _Trigger, actor_at: ActorAt) -> list[Actor]:
    """"Russian troops were withdrawn from Syria", "fighters have been demobilized": forces moved by
    an unnamed hand are the actor of their own movement."""
    verb = trig.verb
    moved = trig.coding.plover == "MOBILIZE" or trig.coding.mode in ("withdraw", "disarm")  # not "released"
    if not moved or any(c.dep_ == "agent" for c in verb.children):
        return []
    return [a for a in _collect([c for c in verb.children if c.dep_ == "nsubjpass"], actor_at) if a.kind == "group"]


RELATIVE_PRONOUNS = {"which", "who", "that"}


def _antecedent(relcl: Token) -> list[Token]:
    """What a relative clause is about: "X and Y, former enemies who fought" -> X (and Y)."""
    head = relcl.head
    if head.dep_ == "appos" and head.head.i != head.i:
        head = head.head
    while head.dep_ == "conj" and head.head.i != head.i:  # "Argentina and Britain, which fought"
        head = head.head
    return [head]


OWN_POSSESSIVES = {"its", "their", "his", "her", "our", "my"}


def _own(r: Actor, actors: list[Actor], verb: Token) -> bool:
    """"Syria will withdraw its troops": the actor's own forces are not the other side."""
    if r.kind != "group" or r.country not in {a.country for a in actors}:
        return False
    return any(c.dep_ == "dobj" and any(p.dep_ == "poss" and p.lower_ in OWN_POSSESSIVES for p in c.children)
               for c in verb.children)


def _own_possessed(tok: Token) -> bool:
    return any(p.dep_ == "poss" and p.lower_ in OWN_POSSESSIVES for p in tok.children)


# edges a target can sit behind: objects, their phrases, the complement and purpose clauses
DEEP_EDGES = {"dobj", "pobj", "prep", "xcomp", "ccomp", "poss", "amod", "compound", "conj", "dative", "attr",
              "oprd", "appos", "acl", "nsubj", "nsubjpass", "pcomp", "nmod", "advcl", "relcl"}
CONDITION_MARKS = {"if", "unless", "until"}
SAY_VERBS = {"say", "tell", "add", "state", "note", "report", "claim", "write"}
DEEP_LIMIT = 6


def _deep_recipients(trig: _Trigger, actors: list[Actor], actor_at: ActorAt) -> list[Actor]:
    """The other side named further down the event's own phrases: "threatened to launch an
    offensive in its war with Iraq", "rejected a call for its forces to be deployed in East Timor",
    "threatened to stop talks if the United States goes ahead". Nearest in the tree first."""
    mine = {a.key for a in actors}
    roots = [trig.verb] if trig.verb.i == trig.word.i else [trig.word, trig.verb]
    seen = {r.i for r in roots}
    frontier = [(r, 0) for r in roots]
    while frontier:
        nxt = []
        for tok, depth in frontier:
            for c in sorted(tok.children, key=lambda c: abs(c.i - tok.i)):
                if c.i in seen or not _deep_edge(tok, c, depth, roots, trig.coding.plover):
                    continue
                seen.add(c.i)
                found = [a for a in actor_at(c) if a.country and a.key not in mine]
                home = {x.country for x in actors}
                found = [a for a in found if not (a.kind == "country" and a.country in home)
                         and not (a.kind == "group" and a.country in home and _own_possessed(c))]
                if found:
                    return _unique(found + [a for x in _expand(c)[1:] for a in actor_at(x)
                                            if a.country and a.key not in mine])
                step = 0 if c.dep_ in ("prep", "conj") else 1  # hops between content words count
                if depth + step < DEEP_LIMIT:
                    nxt.append((c, depth + step))
        frontier = nxt
    return []


def _deep_edge(head: Token, child: Token, depth: int, roots: list[Token], etype: str = "") -> bool:
    dep = child.dep_
    if dep not in DEEP_EDGES or (dep == "prep" and (_temporal(child) or child.lower_ == "according"
                                                    or any(_helper(child, o) for o in child.children))):
        return False  # "according to Indian army sources" names a source, not the other side
    if dep == "poss" and (child.lower_ in OWN_POSSESSIVES or head.lemma_.lower() in RELATIONAL_NOUNS):
        return False  # "its troops": the actor's own; "Israel's ally": not Israel
    if head in roots and dep in ("nsubj", "nsubjpass"):
        return False  # the event's own subject is its actor
    if dep == "advcl":  # conditions and purposes name the target; other adverbials do not
        return any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children) or \
            any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children) or \
            (etype == "PROTEST" and head in roots and child.tag_ == "VBG")  # "rioted, demanding independence from X"
    if dep == "ccomp" and head in roots and head.lemma_.lower() in SAY_VERBS:
        return False  # "X said Y ..." is not X's event with Y
    return True


def _shares_object(verb: Token, conj: Token) -> bool:
    """"donated and personally delivered goods to X": the second verb's object is the first's too."""
    return not any(c.dep_ in ("dobj", "prep", "xcomp", "ccomp") for c in verb.children) \
        and any(c.dep_ == "dobj" for c in conj.children) and not any(c.dep_ in ("aux", "nsubj") for c in conj.children)


def _complement_recipients(verb: Token, actor_at: ActorAt) -> list[Actor]:
    """"offered to hand them over to Britain", "demanded that the US cancel": the other side
    is named in the clause the verb governs."""
    for c in verb.children:
        if c.dep_ == "xcomp":
            found = _collect([o for o in c.children if o.dep_ in ("dobj", "dative")], actor_at)
            found += _prep_objects(c, actor_at)
            for o in (o for o in c.children if o.dep_ == "dobj"):
                found += _prep_objects(o, actor_at, DIRECT_PREPS | {"for", "on"})
            if found:
                return _unique(found)
        if c.dep_ == "ccomp" and verb.lemma_.lower() in DIRECTIVE_VERBS:
            found = _collect([s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")], actor_at)
            if found:
                return found
    return []


def _subject_tokens(verb: Token) -> list[Token]:
    subj = [c for c in verb.children if c.dep_ in ("nsubj",)]
    # "The Red Cross operating in Iraq said": the parser made the participle the subject
    subj = [next((x for x in c.children if x.dep_ == "nsubj"), c) if c.tag_ == "VBG" else c for c in subj]
    agent = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if agent:
        return agent
    if subj:
        return subj
    if _stative_passive(verb):
        return [c for c in verb.children if c.dep_ == "nsubjpass"]  # "Israel is opposed to French mediation"
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return []
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in RAISING_VERBS:
        raised = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        if raised:
            return raised  # "Zelensky is expected to sign": Zelensky signs
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBJECT_CONTROL:
        obj = [c for c in verb.head.children if c.dep_ == "dobj"]
        if obj:
            return obj  # "invited Lee to visit": Lee visits
    if verb.dep_ == "conj" and verb.head.i != verb.i and not any(c.dep_ == "auxpass" for c in verb.children):
        patient = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        if patient:  # "X has been indicted by the court and will resign": X resigns
            return patient
    if verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and verb.head.i != verb.i:
        return _subject_tokens(verb.head)  # "Syria is willing to withdraw": through the adjective
    return _stranded_subject(verb)


FINITE_TAGS = {"VBD", "VBZ", "VBP"}


def _stranded_subject(verb: Token) -> list[Token]:
    """The subject of a predicate the parser left without one, where the parse shows it failed:
    "Doctors from two aid groups donated goods" read as one noun phrase (the verb an ``acl``
    with an object), or "With the signing of X, the government and SPLM/A have agreed" with
    the subject hung as a conjunct inside the fronted phrase."""
    root = verb.sent.root
    if verb.dep_ == "acl" and root.pos_ in ("NOUN", "PROPN") \
            and any(c.dep_ == "dobj" for v in [verb, *verb.conjuncts] for c in v.children):
        return [root]
    finite = verb.tag_ in FINITE_TAGS or any(c.dep_ == "aux" for c in verb.children)
    if verb.dep_ != "ROOT" or not finite:
        return []
    first = min([c.i for c in verb.children if c.i < verb.i and c.dep_ in ("aux", "advmod", "neg")] + [verb.i])
    if first <= verb.sent.start:
        return []
    tok = verb.doc[first - 1]
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "conj":
        return []
    fronted = max((t.i for t in verb.doc[verb.sent.start:tok.i] if t.is_punct and t.text == ","), default=None)
    if fronted is None:
        return []
    while tok.dep_ == "conj" and tok.head.i > fronted:
        tok = tok.head
    return [tok] if tok.i > fronted else []


STATIVE_PASSIVES = {"oppose": "to", "engage": "in"}  # "is opposed to", "were engaged in": the subject's doing


def _stative_passive(verb: Token) -> bool:
    prep = STATIVE_PASSIVES.get(verb.lemma_.lower())
    return prep is not None and verb.tag_ == "VBN" \
        and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in verb.children) \
        and any(c.dep_ in ("prep", "xcomp") and c.lower_ == prep or c.dep_ == "xcomp" for c in verb.children)


def _expand(tok: Token) -> list[Token]:
    """"X and Y" -> [X, Y]."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += _expand(c)
    out += _partitive_conjuncts(tok)
    return out


def _partitive_conjuncts(tok: Token) -> list[Token]:
    """"scores of Sierra Leonean and Liberian refugees": the conjuncts inside a partitive's "of" phrase."""
    if tok.lemma_.lower() not in PARTITIVES and not tok.like_num:
        return []
    return [c for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj" for c in o.children if c.dep_ == "conj" and c.pos_ == "NOUN"
            for c in _expand(c)]  # common nouns: "the leaders of Egypt and Sudan" is already a list


def _collect(tokens: list[Token], actor_at: ActorAt, places: bool = False) -> list[Actor]:
    """The actors of the phrases headed by ``tokens``; towns only when asked (they are places, not parties)."""
    found = []
    for t in tokens:
        for part in _expand(t):
            got = actor_at(part) or _affiliation(part, actor_at)
            if got and not any(a.sector for a in got):  # "the main Hutu rebel group, FDD": the name says more
                named = [a for c in part.children if c.dep_ == "appos" for a in actor_at(c)]
                got = named if any(a.sector for a in named) else got
            found += [a for a in got if places or a.kind != "place"]
    return _unique(found)


AFFILIATION_WORDS = {"affiliate", "affiliated", "belong", "loyal"}  # not "linked to", "allied with": others


def _affiliation(tok: Token, actor_at: ActorAt) -> list[Actor]:
    """"workers affiliated with the Serbian Workers' Union", "fighters loyal to X": members of X
    when nothing else says who they are."""
    for c in tok.children:
        if c.dep_ in ("acl", "amod") and (c.lemma_.lower() in AFFILIATION_WORDS or c.lower_ in AFFILIATION_WORDS):
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in ("with", "to"):
                    found = [a for o in p.children if o.dep_ == "pobj" for a in actor_at(o)]
                    if found:
                        return found
    return []


def _unique_tokens(tokens: list[Token]) -> list[Token]:
    return list({t.i: t for t in tokens}.values())


def _unique(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        if a.key not in seen:
            seen.add(a.key)
            out.append(a)
    return out


def _prep_objects(tok: Token, actor_at: ActorAt, preps: set[str] = RECIPIENT_PREPS) -> list[Actor]:
    objs = [o for p in tok.children if p.dep_ in ("prep", "dative") and p.lower_ in preps
            for o in [*(o for o in p.children if o.dep_ == "pobj"), *_stranded_object(p)] if not _helper(p, o)]
    return _collect(objs, actor_at)


def _stranded_object(prep: Token) -> list[Token]:
    """"granted asylum to five officers holed up in ...": the parser made the preposition's object the
    subject of the participle after it; that subject is the object."""
    if any(o.dep_ == "pobj" for o in prep.children):
        return []
    return [s for c in prep.head.children if c.dep_ in ("advcl", "ccomp", "acl") and c.tag_ in ("VBN", "VBG", "VBD")
            for s in c.children if s.dep_ == "nsubj" and s.left_edge.i == prep.i + 1]


HELP_NOUNS = {"help", "support", "backing", "assistance", "blessing", "approval", "consent", "aid", "participation"}


def _helper(prep: Token, obj: Token) -> bool:
    """"with Albania's help", "with the support of Turkey": an ally of the actor, not the other side."""
    return prep.lower_ == "with" and obj.lemma_.lower() in HELP_NOUNS


def _between(tok: Token, actor_at: ActorAt) -> list[Actor]:
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in ("between", "among", "amongst"):
            objs = [o for o in p.children if o.dep_ == "pobj"]
            found = _collect(objs, actor_at)
            if len(found) >= 2:
                return found
    return []


# -- evidence, dates, confidence ---------------------------------------------

CLAUSE_EDGES = {"ccomp", "advcl", "parataxis", "mark"}  # of the predicate itself


def _evidence(trig: _Trigger) -> tuple[int, int]:
    """The event's clause core: subject, verb, objects; not relative clauses, reported content
    or fronted adverbials ("At the same time, ...")."""
    head = trig.verb
    skip = set()
    for t in head.subtree:
        if t.i in skip or t.i == head.i:
            continue
        fronted = t.head.i == head.i and t.dep_ in ("prep", "advmod", "npadvmod") and t.i < head.i and \
            any(s.dep_ in ("nsubj", "nsubjpass") and s.i > t.i for s in head.children)
        edge = t.head.i == head.i and t.dep_ in CLAUSE_EDGES
        if edge or t.dep_ == "relcl" or fronted or t.sent != head.sent:
            skip.update(x.i for x in t.subtree)
    keep = {t.i for t in head.subtree} - skip
    lo = hi = head.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    while hi > lo and (head.doc[hi].is_punct or head.doc[hi].is_space):
        hi -= 1
    while lo < hi and (head.doc[lo].is_punct or head.doc[lo].is_space):
        lo += 1
    span = head.doc[lo:hi + 1]
    return span.start_char, span.end_char


def _clause_times(trig: _Trigger, times: list[TimeRef]) -> list[TimeRef]:
    verb = trig.verb
    sub = {t.i for t in verb.subtree}
    doc = verb.doc
    out = []
    for r in times:
        if r.kind == "duration" or r.text.lower().startswith("since "):
            continue  # "for two years" says how long, "the first talks since 2022" not when
        span = doc.char_span(r.start, r.end, alignment_mode="expand")
        if span is None or span.root.i not in sub:
            continue
        # a time inside a nested clause belongs to that clause
        t, nested = span.root, False
        while t.i != verb.i and t.head.i != t.i:
            if t.dep_ in ("ccomp", "advcl", "relcl", "acl", "xcomp") and t.i != verb.i:
                nested = True
                break
            t = t.head
        if not nested:
            out.append(r)
    return out


def _paragraph_frames(doc: Doc, times: list[TimeRef]) -> list[tuple[int, int, TimeRef]]:
    """Periods fronted at a sentence start ("During X, ...") frame the rest of their paragraph."""
    frames = []
    text = doc.text
    for r in times:
        if r.kind != "period":
            continue
        span = doc.char_span(r.start, r.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        before = text[sent.start_char:r.start].strip(" “\"'«")
        words = before.split()
        if words and words[0].lower() in ("during", "under", "in", "throughout") and len(words) <= 2:
            para_end = text.find("\n\n", r.end)
            frames.append((sent.start_char, para_end if para_end >= 0 else len(text), r))
    return frames


def _date(trig: _Trigger, times: list[TimeRef], frames, published: date) -> tuple[str | None, str | None, str]:
    own = _clause_times(trig, times)
    verb = trig.verb
    clause = verb
    while not own and clause.dep_ in ("advcl", "relcl", "acl", "conj", "xcomp") and clause.head.i != clause.i:
        # "when X visited", "a move Warsaw condemned": the governing clause's date
        clause = clause.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        own = _clause_times(_Trigger(clause, clause, trig.coding, False), times)
    if own:  # the most precise, then the nearest: "Under X, Washington signed ... in February 2020"
        r = min(own, key=lambda t: (t.kind == "period", "/" in t.value, abs(t.start - trig.word.idx)))
        return _as_date(r.value)
    pos = trig.word.idx
    for start, end, r in frames:
        if start <= pos < end:
            return _as_date(r.value)
    past = verb.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children)
    present_perfect = any(c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
    # the story's own date: its dateline ("KYIV, February 24."), else its publication
    filed = next((r.value for r in times if r.kind == "dateline"), published.isoformat())
    if present_perfect or not past:
        return filed, None, "day"
    return filed, None, "on_or_before"


def _as_date(value: str) -> tuple[str | None, str | None, str]:
    if "/" in value:
        a, b = value.split("/", 1)
        return a, (None if b == ".." else b), "interval"
    precision = {10: "day", 7: "month", 4: "year"}.get(len(value), "day")
    return value, None, precision


def _confidence(trig: _Trigger, actors: list[Actor], recipients: list[Actor], reported: bool) -> float:
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
