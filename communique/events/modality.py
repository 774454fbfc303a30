"""Negation and PLOVER's auxiliary modes (future, hypothetical) read off the parse."""

from __future__ import annotations

from spacy.tokens import Token

NEGATORS = {"not", "n't", "never", "no"}
NEGATING_VERBS = {"refuse", "fail", "decline", "deny", "reject", "avoid", "neglect", "cancel", "postpone"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
FUTURE_VERBS = {"plan", "intend", "expect", "schedule", "aim", "prepare", "agree", "promise", "pledge",
                "vow", "swear", "set", "going", "hope", "seek", "want", "determine", "decide",
                "determined", "ready", "willing", "eager", "committed", "keen", "poised", "prepared"}
HYPOTHETICAL_AUX = {"would", "could", "may", "might", "should", "can", "must", "'d"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "until", "once", "lest"}
REPORTING = {"say", "tell", "add", "state", "announce", "stress", "note", "insist", "claim", "report", "declare",
             "write", "warn", "confirm", "emphasize", "emphasise", "reiterate", "assure", "promise", "pledge"}


def _governors(verb: Token):
    """The verb and the verbs that govern it through control ("refused to meet")."""
    t = verb
    yield t
    while t.dep_ in ("xcomp", "conj", "acomp") and t.head.i != t.i:
        t = t.head  # "is prepared to lift": through the adjective to its copula
        yield t


def _reported(verb: Token) -> bool:
    """The clause is what someone said ("X said (that) ...")."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING and \
        not any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children)


def is_negated(verb: Token) -> bool:
    prev = None
    for v in _governors(verb):
        if any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("advmod", "det")) for c in v.children):
            if v.i == verb.i or verb.dep_ == "xcomp":
                return True
        if prev is not None and prev.dep_ == "xcomp" and v.lemma_.lower() in NEGATING_VERBS:
            return True  # "refused to meet", and the acts joined to it: "refused to go and meet"
        prev = v
    return False


def aux_modes(verb: Token) -> list[str]:
    modes = []
    chain = list(_governors(verb))
    aux = {c.lower_ for v in chain for c in v.children if c.dep_ in ("aux", "auxpass")}
    controlled = any(v.dep_ == "xcomp" for v in chain)
    if aux & FUTURE_AUX or (controlled and any(v.lemma_.lower() in FUTURE_VERBS for v in chain[1:])):
        modes.append("future")
    if any(c.dep_ == "mark" and c.lower_ in ("before", "after", "when") for c in verb.children) \
            and verb.tag_ in ("VBP", "VBZ") and "future" not in modes:
        modes.append("future")  # "must agree to changes before they demobilize": not done yet
    if "would" in aux and _reported(chain[-1]):
        aux = aux - {"would"}  # "he said Ankara would continue": future in the past, not a condition
        if "future" not in modes:
            modes.append("future")
    if aux & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
                                     for v in chain for c in v.children):
        modes.append("hypothetical")
    return modes
