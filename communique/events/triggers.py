"""Event triggers: which words of a parse are event mentions, and how the lexicon codes them.

A trigger is a verb in the lexicon (refined by its particle and object), or an event
noun ("talks", "sanctions") or a noun made an event by a light verb ("express support").
The filters here drop words that only look like acts: purposes, predictions, offers,
standing claims, measures aimed at someone.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import Coding, Lexicon, verb_bases
from .modality import NEGATING_VERBS, is_negated

DIRECTIVE_VERBS = {"demand", "urge", "ask", "insist", "request", "call", "warn", "accuse", "propose", "suggest",
                   "recommend", "press"}
PERMISSIVE_VERBS = {"allow", "permit"}
HOSTILE_ACTS = {"PROTEST", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE"}


@dataclass
class Trigger:
    verb: Token  # the predicate whose arguments we read
    word: Token  # the trigger word (verb or event noun)
    coding: Coding
    specific: bool
    implicit: bool = False  # no event word of its own: "X said Y must drop barriers" is X's demand
    circumstance: bool = False  # a meeting that frames another clause ("agreed after talks in Beijing")


def triggers_at(tok: Token, lex: Lexicon) -> list[Trigger]:
    pos = tok.pos_
    if pos not in ("VERB", "NOUN", "PROPN"):
        return []  # most tokens: asked first, as this runs on every token of every text
    lemma = lex.verb_lemma(tok.lemma_.lower(), tok.text) if pos == "VERB" else tok.lemma_.lower()
    out = []
    if pos == "VERB":
        if non_factual(tok) or _light_verb_of_event_noun(tok, lex) or embedded_in_event(tok, lex) \
                or _aimed_measure(tok):
            return out
        if _stative_participle(tok) or _blocked_content(tok, lex) or _prediction(tok) is not None \
                or _noun_read_as_verb(tok):
            return out
        particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "agent") and not temporal(c)}
        particles |= _adverb_particles(tok)
        objects = {o.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")
                   for o in through_quantifier(c)}
        objects |= {o.lemma_.lower() for p in tok.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"}
        objects |= _titles_of_named_objects(tok)
        if lemma in NEGATING_VERBS:  # "declined to comment" is no refusal of anything (lexicon: decline comment)
            objects |= {c.lemma_.lower() for c in tok.children if c.dep_ == "xcomp"}
        # "Russian missiles hit Kyiv": the weapon as subject keys the verb as "hit with missiles" does
        objects |= {c.lemma_.lower() for c in tok.children if c.dep_ == "nsubj" and c.lemma_.lower() in lex.armed}
        objects |= {f"{m.lemma_.lower()} {o.lemma_.lower()}" for c in tok.children if c.dep_ == "dobj"
                    for o in through_quantifier(c) for m in o.children if m.dep_ in ("compound", "amod")}
        if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "agreements signed between X and Y"
            objects |= {o.lemma_.lower() for o in through_quantifier(tok.head)}
            objects |= {c.lemma_.lower() for c in tok.head.children if c.dep_ == "conj"}
        cameo = lex.verb(lemma, particles, objects)
        cameo = _particle_over_its_object(lex, lemma, particles, objects, cameo, tok)
        coding = lex.coding(cameo) if cameo and cameo != "---" else None
        if coding is not None and _promised_hostility(tok, lex):
            return out  # "pledged to attack": the attack, in the future, is the event (a threat)
        if coding is not None:
            specific = lex.verb(lemma, set(), set()) != cameo
            out.append(Trigger(tok, tok, coding, specific))
        elif _reported_obligation(tok, lex):
            out.append(Trigger(tok, tok, lex.coding(DEMAND_CAMEO), False, implicit=True))
        elif _intended(tok):
            out.append(Trigger(tok, tok, lex.coding(INTENT_CAMEO), False, implicit=True))
    else:
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
                out.append(Trigger(tok.head.head, tok, coding, True))  # "arrived in Amman on a visit"
                break
            frame = _circumstance_verb(tok, coding)
            if frame is not None:
                out.append(Trigger(frame, tok, coding, True, circumstance=True))
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
                out.append(Trigger(verb, tok, coding, True))
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
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in STANDING_CLAIMS | LEADING_VERBS:
        return True  # "the Beagle Channel, disputed by Argentina and Chile", "a delegation led by Rubio"
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in STATIVE_PARTICIPLES \
        and not any(c.dep_ == "agent" for c in verb.children)


STANDING_CLAIMS = {"dispute", "contest"}
LEADING_VERBS = {"lead", "head", "chair"}  # who leads a body named for what it does


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
                 for o in through_quantifier(c)}
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


def _has_between(tok: Token) -> bool:
    return any(p.dep_ == "prep" and p.lower_ in ("between", "among") for p in tok.children)


QUANTIFIERS = {"number", "series", "range", "set", "couple", "lot", "host", "dozen", "handful", "pair", "package",
               "round", "batch", "wave", "ton", "tonne", "kg", "kilogram", "barrel", "worth", "amount", "shipment",
               "consignment", "million", "billion", "thousand", "hundred",
               "day", "week", "month", "hour",  # "launched ten days of war games"
               "mission", "team",  # "received a mission of observers"
               "part", "portion", "bulk", "rest", "half", "most", "some"}  # "suspended part of its aid"


CALENDAR_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                  "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                  "sunday", "christmas", "easter", "ramadan", "eid"}


def temporal(prep: Token) -> bool:
    """"for two years", "on Monday": a time phrase, not a pattern's preposition (not a name
    spaCy took for a date: "the coup in Niger")."""
    return any(o.ent_type_ in ("DATE", "TIME") and (o.pos_ != "PROPN" or o.lower_ in CALENDAR_NAMES)
               for o in prep.children if o.dep_ == "pobj")


def through_quantifier(tok: Token) -> list[Token]:
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


def embedded_in_event(verb: Token, lex: Lexicon) -> bool:
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
        return bool(triggers_at(gov, lex)) or any(triggers_at(g, lex) for g in controlling_verbs(gov))
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


DIRECTIVE_NOUNS = {"demand", "call", "appeal", "request", "plea", "ultimatum", "condition", "insistence"}


def clause_top(verb: Token) -> Token:
    """The finite verb of a control chain: "agreed to resume ... at a summit" -> agreed."""
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    return verb


def controlling_verbs(tok: Token) -> list[Token]:
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
    if lemma in nt.light_verbs or lemma in LIGHT_VERBS:
        return True
    return any(b in nt.light_verbs for b in verb_bases(verb.lower_))  # "staged a coup": spaCy's lemma is "stag"


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


def non_factual(verb: Token) -> bool:
    """Purposes and topics, not events: "efforts to strengthen ties", "attention to strengthening ties"."""
    if verb.dep_ in ("pcomp", "xcomp") and verb.tag_ == "VBG" and verb.head.pos_ != "VERB":
        return True
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG":
        return True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return infinitive and verb.dep_ in ("acl", "advcl", "relcl")


DEONTIC = {"must", "should", "ought"}
DEMAND_CAMEO = "100"


def deontic_chain(verb: Token) -> list[Token] | None:
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
    chain = deontic_chain(verb)
    if chain is None or is_negated(verb):
        return False
    top = chain[-1]
    return top.dep_ == "ccomp" and top.head.pos_ == "VERB" and top.head.lemma_.lower() in lex.speech


RELATIVE_PRONOUNS = {"which", "who", "that"}
