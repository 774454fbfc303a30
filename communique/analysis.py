"""What analysts look at first: dyad time series, who engages whom, the most active actors, speakers.

Every interface (command line, HTTP API, web page, Python API) calls these functions, so
a number means the same everywhere. Negated and hypothetical events are left out unless
``include_negated`` / ``include_hypothetical`` ask for them, as in ``Store.events``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from .model import PLOVER_TYPES
from .store import Store

PERIODS = ("day", "week", "month", "year")
QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
LEVELS = ("country", "actor")
# Dense series longer than this are cut to their non-empty periods (a century by day is no chart).
MAX_FILLED_PERIODS = 5000


def period_start(day: date, by: str) -> date:
    """The first day of the day/week (Monday)/month/year holding ``day``."""
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "year":
        return day.replace(month=1, day=1)
    raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")


def period_label(start: date, by: str) -> str:
    """``2024-11-06``, ``2024-W45`` (ISO week), ``2024-11`` or ``2024``."""
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    return {"day": start.isoformat(), "month": start.strftime("%Y-%m"), "year": str(start.year)}[by]


def next_period(start: date, by: str) -> date:
    """The first day of the next period (``date.max`` past the calendar's end)."""
    try:
        if by == "day":
            return start + timedelta(days=1)
        if by == "week":
            return start + timedelta(days=7)
        if by == "month":
            return date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return date(start.year + 1, 1, 1)
    except (OverflowError, ValueError):
        return date.max


def _empty_row(start: date, by: str) -> dict:
    nxt = next_period(start, by)
    end = nxt - timedelta(days=1) if nxt != date.max else nxt
    row = {"period": period_label(start, by), "start": start.isoformat(), "end": end.isoformat(), "events": 0,
           "score": 0.0}
    row.update({name: 0 for name in QUADS.values()})
    row.update({t: 0 for t in PLOVER_TYPES})
    return row


def dyad_series(store: Store, a: str, b: str, by: str = "month", directed: bool = False, fill: bool = True,
                **filters) -> list[dict]:
    """Events between A and B per period: counts per quad class and PLOVER type, summed PLOVER score.

    ``a`` and ``b`` are codes, names or actor keys as in ``Store.events`` ("AZE", "Aliyev").
    An event counts once, in the period of its day (``Store.event_participants``); with
    ``fill`` the periods between the first and last event are listed even when empty.
    Other keyword arguments are ``Store.events`` filters (``type``, ``since``, ``until``,
    ``include_negated``, ``include_hypothetical``).
    """
    period_start(date.today(), by)  # rejects an unknown period before querying
    rows: dict[date, dict] = {}
    seen: set[str] = set()
    for p in store.event_participants(dyad=(a, b), directed=directed, **filters):
        if p["event_id"] in seen or p["day"] is None:
            continue
        seen.add(p["event_id"])
        start = period_start(p["day"], by)
        row = rows.setdefault(start, _empty_row(start, by))
        row["events"] += 1
        row["score"] = round(row["score"] + (p["score"] or 0.0), 2)
        if p["quad"] in QUADS:
            row[QUADS[p["quad"]]] += 1
        if p["type"] in row:
            row[p["type"]] += 1
    if fill and rows:
        start, last = min(rows), max(rows)
        filled: dict[date, dict] = {}
        while start <= last and len(filled) <= MAX_FILLED_PERIODS:
            filled[start] = rows.get(start) or _empty_row(start, by)
            if start == date.max:
                break
            start = next_period(start, by)
        if len(filled) <= MAX_FILLED_PERIODS:
            rows = filled
    return [rows[k] for k in sorted(rows)]


def _node(p: dict, level: str) -> tuple[str, str] | None:
    """(id, label) of a participant at the chosen level; None for an actor with no country."""
    if level == "country":
        code = p["igo"] or p["country"]
        return (code, code) if code else None
    return p["key"], p["name"] or p["key"].split(":", 1)[-1].replace(":", " ")


def network(store: Store, level: str = "country", min_weight: int = 1, **filters) -> dict:
    """Who engages whom: nodes and weighted edges, from each actor to each recipient of an event.

    An event with several actors and no recipient ("Azerbaijan and the US signed ...") links
    its actors to each other (``joint`` edges, listed once per pair). ``level`` is ``country``
    (country or IGO codes) or ``actor`` (each person, organisation, state). Edge ``weight``
    is the number of events, ``score`` their summed PLOVER score, ``types`` counts per type.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    events: dict[str, dict] = {}
    labels: dict[str, str] = {}
    for p in store.event_participants(**filters):
        e = events.setdefault(p["event_id"], {"type": p["type"], "score": p["score"] or 0.0,
                                              "actor": [], "recipient": []})
        node = _node(p, level)
        if node is None:
            continue
        if node[0] not in e[p["side"]]:
            e[p["side"]].append(node[0])
        if level == "country" and p["name"] and p["key"] in (f"country:{node[0]}", f"org:{node[0]}"):
            labels[node[0]] = p["name"]  # the country's or IGO's own name
        labels.setdefault(*node)
    edges: dict[tuple[str, str, bool], dict] = {}
    for e in events.values():
        if e["recipient"]:
            pairs = [(s, t, False) for s in e["actor"] for t in e["recipient"] if s != t]
        else:
            pairs = [(s, t, True) for i, s in enumerate(sorted(e["actor"])) for t in sorted(e["actor"])[i + 1:]]
        for pair in pairs:
            edge = edges.setdefault(pair, {"source": pair[0], "target": pair[1], "joint": pair[2], "weight": 0,
                                           "score": 0.0, "types": defaultdict(int)})
            edge["weight"] += 1
            edge["score"] = round(edge["score"] + e["score"], 2)
            edge["types"][e["type"]] += 1
    kept = sorted((e for e in edges.values() if e["weight"] >= min_weight),
                  key=lambda e: (-e["weight"], e["source"], e["target"]))
    weight: dict[str, int] = defaultdict(int)
    for e in kept:
        e["types"] = dict(sorted(e["types"].items()))
        weight[e["source"]] += e["weight"]
        weight[e["target"]] += e["weight"]
    nodes = [{"id": n, "label": labels[n], "events": w} for n, w in sorted(weight.items(), key=lambda x: (-x[1], x[0]))]
    return {"level": level, "nodes": nodes, "edges": kept}


def top_actors(store: Store, limit: int = 10, **filters) -> list[dict]:
    """The actors in most events (with these filters), with their counts as actor and as recipient."""
    counts: dict[str, dict] = {}
    for p in store.event_participants(**filters):
        row = counts.setdefault(p["key"], {"key": p["key"], "name": p["name"], "country": p["country"],
                                           "events": set(), "as_actor": 0, "as_recipient": 0, "score": 0.0})
        if p["event_id"] not in row["events"]:
            row["events"].add(p["event_id"])
            row["as_actor" if p["side"] == "actor" else "as_recipient"] += 1
            row["score"] = round(row["score"] + (p["score"] or 0.0), 2)
    for row in counts.values():
        row["events"] = len(row["events"])
    return sorted(counts.values(), key=lambda r: (-r["events"], r["key"]))[:limit]


def top_quotes(store: Store, speakers: int = 10, per_speaker: int = 3) -> list[dict]:
    """The most quoted speakers, each with their quote counts and up to ``per_speaker`` quotes:
    direct quotes first (the speaker's own words), longer ones before shorter."""
    out = []
    for s in store.quote_speakers(limit=speakers):
        quotes = [q for q in store.quotes(speaker=s["key"]) if q["speaker_key"] == s["key"]]
        quotes.sort(key=lambda q: (q["kind"] != "direct", -len(q["text"] or "")))
        out.append({**s, "top": quotes[:per_speaker]})
    return out
