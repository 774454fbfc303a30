"""Who did it, to whom: the actor and recipient sides of a trigger, read from the parse.

Actors come from the subject (or the passive agent, or a controlling/coordinated verb),
recipients from the object and the recipient prepositions, then from further down the
event's own phrases; "between X and Y" makes a reciprocal event.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..actors import PARTITIVES, RELATIONAL_NOUNS, group_actor
from ..model import Actor
from .triggers import DIRECTIVE_VERBS, RELATIVE_PRONOUNS, Trigger, temporal, through_quantifier

RECIPIENT_PREPS = {"to", "with", "for", "on", "against", "toward", "towards", "at", "upon", "from"}
DIRECT_PREPS = {"to", "with", "against", "toward", "towards"}  # still recipients when there is an object
OBJECT_CONTROL = {"invite", "urge", "ask", "call", "encourage", "persuade", "allow", "tell", "order", "press",
                  "request", "permit", "force", "help"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")

ActorAt = Callable[[Token], list[Actor]]  # a token's actors ("the two countries" are two)


def _circumstance_participants(trig: Trigger, actor_at: ActorAt) -> tuple[list[Actor], list[Actor]]:
    """The meeting's own sides ("a visit to Hanoi by Biden", "talks between X and Y"), else the
    clause's subject; a meeting needs two sides or one side and another it meets or visits."""
    word = trig.word
    between = _between(word, actor_at)
    if between:
        return between, []
    actors = collect([c for c in word.children if c.dep_ in ("poss", "compound", "amod", "nmod")], actor_at)
    actors = actors or _prep_objects(word, actor_at, {"by"}) or collect(subject_tokens(trig.verb), actor_at)
    mine = {a.key for a in actors}
    recipients = [r for r in _prep_objects(word, actor_at, {"to", "with"}) if r.key not in mine]
    if trig.coding.mode == "visit" and not recipients:
        recipients = [p for p in places_of(Trigger(word, word, trig.coding, True), actor_at)
                      if p.country not in {a.country for a in actors}][:1]
    if len(actors) < 2 and not recipients:
        return [], []
    return actors, recipients


RAISING_VERBS = {"expect", "schedule", "set", "slate", "due", "suppose", "report", "say", "believe", "think",
                 "understand", "know", "rumour", "rumor", "allege", "tip"}


PLACE_PREPS = {"in", "into", "on", "at", "from", "across", "inside", "over"}


def places_of(trig: Trigger, actor_at: ActorAt, preps: set[str] = PLACE_PREPS, deps=("dobj",)) -> list[Actor]:
    """Countries named as where an act happens ("in the Gaza Strip", "from the Bosnian town")."""
    heads = [trig.verb, trig.word, *(c for c in trig.verb.children if c.dep_ in deps)]
    if trig.verb.dep_ == "conj" and trig.verb.head.pos_ == "VERB":  # "crossed into its territory and dropped bombs"
        heads.append(trig.verb.head)
    for x in (c for c in trig.verb.children if c.dep_ == "xcomp"):  # "threatened to impose a curfew in X"
        heads += [x, *(c for c in x.children if c.dep_ == "dobj")]
    objects = [c for c in trig.verb.children if c.dep_ == "dobj"]
    found = [a for a in collect(objects, actor_at, places=True) if a.kind == "place"]  # "shelled Juba"
    for h in heads:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ in preps and not temporal(prep):
                found += _place_chain(prep, actor_at)
    return _unique(found)


def _place_chain(prep: Token, actor_at: ActorAt, depth: int = 0) -> list[Actor]:
    """"in the town of Cizre in southeastern Turkey": the country at the end of the chain."""
    found = []
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    objects += [o for p in prep.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                if o.dep_ == "pobj" and not objects]  # "outside of the city of Basra"
    for o in objects:
        here = [a for a in collect([o], actor_at, places=True) if a.kind in ("country", "place")] \
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
    owners = collect([c for c in place.children if c.dep_ == "poss"], actor_at)
    return [group_actor(a.country, "GOV") if a.kind != "country" else a for a in owners
            if a.country not in (None, "IGO", "NGO", "IMG")][:1]


MEDIATION_CAMEO = "045"


def participants_of(trig: Trigger, actor_at: ActorAt) -> tuple[list[Actor], list[Actor]]:
    if trig.circumstance:
        return _circumstance_participants(trig, actor_at)
    verb, word = trig.verb, trig.word
    between = _between(word, actor_at) or (_between(verb, actor_at) if verb.i != word.i else [])
    if verb.i == word.i and word.pos_ != "VERB":  # an event noun on its own
        actors = collect([c for c in word.children if c.dep_ in ("poss", "compound", "amod", "nmod")], actor_at)
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
    subj = subject_tokens(verb)
    actors = collect(subj, actor_at)
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")]
    if not objs:  # "donated and delivered goods to X"
        objs = [c for v in verb.conjuncts if v.i > verb.i and _shares_object(verb, v)
                for c in v.children if c.dep_ == "dobj"][:1]
    objs += [o for p in verb.children if p.dep_ == "prt" and p.lower_ == "up" for q in p.children
             if q.lower_ == "to" for o in q.children if o.dep_ == "pobj"]  # "kidnapped up to 16 advisers"
    passive_relcl = verb.dep_ == "relcl" and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if verb.dep_ == "relcl" and not subj and not passive_relcl:
        actors = collect([verb.head], actor_at)
    if verb.dep_ == "relcl" and not actors and any(s.lower_ in RELATIVE_PRONOUNS for s in subj) \
            and verb.tag_ not in ("VBZ", "VBP"):  # "Hamas, which advocates ...": a standing trait, not an act
        actors = collect(_antecedent(verb), actor_at)  # "Egypt, which signed a treaty with Israel"
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and not actors:  # "issued a declaration demanding that ..."
        actors = collect([verb.head], actor_at) or (
            collect(subject_tokens(verb.head.head), actor_at) if verb.head.head.pos_ == "VERB" else [])
    if not actors and word.i == verb.i:
        actors = _moved_forces(trig, actor_at)
    recipients = collect([q for o in objs if o.i != word.i for q in through_quantifier(o)], actor_at)
    if verb.dep_ == "relcl" and any(o.lower_ in RELATIVE_PRONOUNS | {"whom"} for o in objs):
        recipients += collect(_antecedent(verb), actor_at)  # "Gulen, whom it blames for the coup"
    if passive_relcl:  # "Gershkovich, who was detained in Yekaterinburg": he is the one detained
        recipients += collect([verb.head], actor_at)
    if any(c.dep_ == "agent" for c in verb.children) or not actors:  # "Y was praised by X", "Y was killed"
        recipients += collect([c for c in verb.children if c.dep_ == "nsubjpass" and c.i != word.i], actor_at)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not recipients and not _stranded_subject(verb):
        recipients = collect([verb.head], actor_at)  # "Nawrocki, backed by Law and Justice"
    recipients += _prep_objects(verb, actor_at, DIRECT_PREPS if recipients else RECIPIENT_PREPS)
    if word.i != verb.i:
        recipients += _prep_objects(word, actor_at)
        for c in word.children:
            if c.dep_ == "poss" and not actors:
                actors = collect([c], actor_at)
        actors = actors or _movers(trig, actor_at)
    if not [r for r in recipients if r.key not in {a.key for a in actors}]:  # not only "its sanctions"
        # "condemned a Russian attack", "shared evidence with the U.S.", "welcomed Reagan's statement":
        # the recipient is named inside the object's phrase
        for o in _unique_tokens([q for x in objs for q in (x, *through_quantifier(x))]):  # "worth of goods to X"
            recipients += _prep_objects(o, actor_at, DIRECT_PREPS | {"for", "on", "of", "from", "by", "among"})
            recipients += collect([c for c in o.children if c.dep_ in ("poss", "amod", "compound")
                                    and c.i != word.i], actor_at)
            recipients += collect([x for a in o.children if a.dep_ == "acl" and a.tag_ == "VBN"  # "a truce
                                   for g in a.children if g.dep_ == "agent"  # proposed by the United States"
                                   for x in g.children if x.dep_ == "pobj"], actor_at)
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
    doers = [r for r in _doer_of_the_move(verb, actor_at) if r.key not in mine]
    if doers:  # not the move's object ("asylum to X, a move Warsaw condemned")
        recipients = doers
    if not recipients and not (trig.coding.plover == "CONSULT" and len({a.country for a in actors}) > 1):
        # (a meeting of two sides is reciprocal: "the two men last met in Moscow when ... during
        # Obama's presidency" has no third party)
        recipients = _deep_recipients(trig, actors, actor_at)
    return actors, recipients


def _means_participants(noun: Token, actor_at: ActorAt) -> tuple[list[Actor], list[Actor]]:
    """"struck Iran's facilities in its retaliatory attack": an act named as the means of a verb
    is done by that verb's subject to its object."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "with", "by") or prep.head.pos_ != "VERB":
        return [], []
    verb = prep.head
    objs = [o for o in verb.children if o.dep_ == "dobj" and not o.lower_.endswith(("self", "selves"))]
    to = collect(objs, actor_at) or collect([c for o in objs for c in o.children if c.dep_ == "poss"], actor_at)
    return collect(subject_tokens(verb), actor_at), to


MOVEMENT_TYPES = {"RETREAT", "MOBILIZE"}


def _movers(trig: Trigger, actor_at: ActorAt) -> list[Actor]:
    """"the withdrawal of U.S. troops from Afghanistan", "the deployment of Russian troops": the
    forces that move are the actor of a movement noun."""
    if trig.coding.plover not in MOVEMENT_TYPES or trig.word.pos_ == "VERB":
        return []
    return [a for a in _prep_objects(trig.word, actor_at, {"of"}) if a.kind == "group"]


def _moved_forces(trig: Trigger, actor_at: ActorAt) -> list[Actor]:
    """"Russian troops were withdrawn from Syria", "fighters have been demobilized": forces moved by
    an unnamed hand are the actor of their own movement."""
    verb = trig.verb
    moved = trig.coding.plover == "MOBILIZE" or trig.coding.mode in ("withdraw", "disarm")  # not "released"
    if not moved or any(c.dep_ == "agent" for c in verb.children):
        return []
    return [a for a in collect([c for c in verb.children if c.dep_ == "nsubjpass"], actor_at) if a.kind == "group"]


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


MOVE_NOUNS = {"move", "decision", "step", "act", "action", "measure", "gesture"}


def _doer_of_the_move(verb: Token, actor_at: ActorAt) -> list[Actor]:
    """"Hungary granted asylum to X, a move Warsaw condemned": a reaction to "a move" that sums
    up the clause before is a reaction to whoever made it."""
    noun = verb.head
    if verb.dep_ not in ("acl", "relcl") or noun.lemma_.lower() not in MOVE_NOUNS \
            or noun.dep_ not in ("appos", "npadvmod", "attr") or noun.i < 2:
        return []
    clause = noun.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.pos_ not in ("VERB", "AUX") or clause.i > noun.i:
        return []
    return collect(subject_tokens(clause), actor_at)


def _deep_recipients(trig: Trigger, actors: list[Actor], actor_at: ActorAt) -> list[Actor]:
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
    if dep not in DEEP_EDGES or (dep == "prep" and (temporal(child) or child.lower_ == "according"
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
            found = collect([o for o in c.children if o.dep_ in ("dobj", "dative")], actor_at)
            found += _prep_objects(c, actor_at)
            for o in (o for o in c.children if o.dep_ == "dobj"):
                found += _prep_objects(o, actor_at, DIRECT_PREPS | {"for", "on"})
            if found:
                return _unique(found)
        if c.dep_ == "ccomp" and verb.lemma_.lower() in DIRECTIVE_VERBS:
            found = collect([s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")], actor_at)
            if found:
                return found
    return []


def subject_tokens(verb: Token) -> list[Token]:
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
        return subject_tokens(verb.head)  # "Syria is willing to withdraw": through the adjective
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


def collect(tokens: list[Token], actor_at: ActorAt, places: bool = False) -> list[Actor]:
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
    return collect(objs, actor_at)


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
            found = collect(objs, actor_at)
            if len(found) >= 2:
                return found
    return []
