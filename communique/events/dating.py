"""When and where in the text: an event's evidence span and its date from the clause,
the paragraph's frame, the episode, or the story's own date.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from ..model import Event, TimeRef
from .triggers import Trigger


def episode_dates(events: list[Event], times: list[TimeRef]) -> list[Event]:
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


CLAUSE_EDGES = {"ccomp", "advcl", "parataxis", "mark"}  # of the predicate itself


def evidence_span(trig: Trigger) -> tuple[int, int]:
    """The event's clause core: subject, verb, objects; not relative clauses, reported content
    or fronted adverbials ("At the same time, ...")."""
    head = trig.verb
    sent = head.sent  # its bounds, once: Token.sent walks to the sentence start on every call
    skip = set()
    for t in head.subtree:
        if t.i in skip or t.i == head.i:
            continue
        fronted = t.head.i == head.i and t.dep_ in ("prep", "advmod", "npadvmod") and t.i < head.i and \
            any(s.dep_ in ("nsubj", "nsubjpass") and s.i > t.i for s in head.children)
        edge = t.head.i == head.i and t.dep_ in CLAUSE_EDGES
        if edge or t.dep_ == "relcl" or fronted or not sent.start <= t.i < sent.end:
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


def _clause_times(trig: Trigger, times: list[TimeRef]) -> list[TimeRef]:
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


def paragraph_frames(doc: Doc, times: list[TimeRef]) -> list[tuple[int, int, TimeRef]]:
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


def event_date(trig: Trigger, times: list[TimeRef], frames, published: date) -> tuple[str | None, str | None, str]:
    own = _clause_times(trig, times)
    verb = trig.verb
    if not own:
        own = _time_told_about(verb, times)
    clause = verb
    while not own and clause.dep_ in ("advcl", "relcl", "acl", "conj", "xcomp") and clause.head.i != clause.i:
        # "when X visited", "a move Warsaw condemned": the governing clause's date
        clause = clause.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        own = _clause_times(Trigger(clause, clause, trig.coding, False), times)
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


def _time_told_about(verb: Token, times: list[TimeRef]) -> list[TimeRef]:
    """"since 2014, when Russia annexed Crimea", "in March, when talks broke down": a "when"
    clause on a time is dated by it (by its start, after "since")."""
    if verb.dep_ != "relcl" or not any(c.lower_ == "when" for c in verb.children):
        return []
    at = verb.head.idx
    for r in times:
        if r.start <= at < r.end and r.kind == "date":
            if r.text.lower().startswith("since "):
                return [replace(r, value=r.value.split("/", 1)[0])]
            return [r]
    return []


def _as_date(value: str) -> tuple[str | None, str | None, str]:
    if "/" in value:
        a, b = value.split("/", 1)
        return a, (None if b == ".." else b), "interval"
    precision = {10: "day", 7: "month", 4: "year"}.get(len(value), "day")
    return value, None, precision
