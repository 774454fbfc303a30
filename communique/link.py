"""Identity of events: the same event reported twice, in one article or in two.

Two event mentions are the same event when type, negation and participants agree
(a reciprocal mention "X and Y met" also matches "X met Y") and their dates can be
the same (their intervals overlap). Pure functions: the store calls them to merge
across documents, the pipeline's output uses them within one.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from .model import Event, value_interval

REPORT_WINDOW_DAYS = 31  # "on or before publication": how far back a past report may point
VAGUE_AFTER_DAYS = 62  # dates known only to a longer period do not identify an event


def participants(e: Event) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(a.key for a in e.actors), frozenset(r.key for r in e.recipients)


def group_key(e: Event) -> str:
    """Everything but the date: candidates for the same event share it."""
    actors, recipients = participants(e)
    sides = sorted(actors | recipients)
    return "|".join([e.type, str(e.negated), ",".join(sides)])


def interval(e: Event) -> tuple[date, date] | None:
    """The days an event may have happened on, from its date and precision."""
    first = value_interval(e.date)
    if first is None:
        return None
    last = value_interval(e.date_end) if e.date_end else first
    start, end = first[0], (last or first)[1]
    if e.date_precision == "on_or_before":
        start = end - timedelta(days=REPORT_WINDOW_DAYS)
    return start, end


def same_event(a: Event, b: Event) -> bool:
    if (a.type, a.negated) != (b.type, b.negated):
        return False
    pa, pb = participants(a), participants(b)
    if pa != pb:
        reciprocal = (not pa[1]) or (not pb[1])
        if not (reciprocal and pa[0] | pa[1] == pb[0] | pb[1]):
            return False
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return True
    vague = max((ia[1] - ia[0]).days, (ib[1] - ib[0]).days) > VAGUE_AFTER_DAYS
    if vague and a.trigger.lower() != b.trigger.lower():
        return False  # a whole presidency cannot tell two events apart; the same wording can
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def group(events: list[Event]) -> list[list[Event]]:
    """Events of one document grouped into distinct events, in order of first mention."""
    groups: list[list[Event]] = []
    # same_event needs the same group_key and looks only at a mention's signature, so each new mention
    # is compared with the distinct signatures of its key's groups: linear for a document that
    # repeats one event thousands of times, as the pairwise loop was not
    by_key: dict[str, list[tuple[list[Event], dict[tuple, Event]]]] = {}
    for e in events:
        sig = _signature(e)
        candidates = by_key.setdefault(group_key(e), [])
        for g, sigs in candidates:
            if sig in sigs or all(same_event(e, other) for other in sigs.values()):
                g.append(e)
                sigs.setdefault(sig, e)
                break
        else:
            groups.append([e])
            candidates.append((groups[-1], {sig: e}))
    return groups


def _signature(e: Event) -> tuple:
    """Everything ``same_event`` reads of a mention."""
    return e.type, e.negated, participants(e), interval(e), e.trigger.lower()


PRECISION_RANK = {"day": 0, "interval": 1, "month": 2, "year": 3, "on_or_before": 4, None: 5}


def representative(mentions: list[Event]) -> Event:
    """The mention that best stands for its event: most precise date, then most confident."""
    return min(mentions, key=lambda e: (PRECISION_RANK.get(e.date_precision, 5), -e.confidence, e.evidence_start))


def event_id(e: Event, doc_hash: str) -> str:
    """A stable id for a new event: first document, evidence offset and participants."""
    raw = f"{doc_hash}:{e.evidence_start}:{group_key(e)}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]
