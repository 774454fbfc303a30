"""Exports for other tools: Parquet, CSV, JSON Lines, PLOVER JSON and a GDELT 2.0-style event table.

* ``parquet`` and ``jsonl`` hold the records ``Store.events`` / ``quotes`` / ``actors`` return
  (``communique events --format json``), so reading them back gives the store's records.
  The Parquet schema is ``SCHEMAS`` below; each field carries its description as metadata.
* ``csv`` is one flat row per record (lists joined with "; ").
* ``plover`` is one PLOVER record per line, as in the PLOVER manual's JSON table.
* ``gdelt`` is a tab-separated table with GDELT 2.0's 61 event columns, one row per
  actor-recipient pair, so code written for GDELT's export files reads it.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .kb import read_rows
from .model import value_interval
from .store import Store

FORMATS = ("parquet", "csv", "jsonl", "plover", "gdelt")
TABLES = ("events", "quotes", "actors")


def _f(name: str, type_: pa.DataType, description: str) -> pa.Field:
    return pa.field(name, type_, metadata={"description": description})


_ACTOR = pa.struct([
    _f("name", pa.string(), "canonical name"),
    _f("country", pa.string(), "ISO 3166 alpha-3 code, or IGO for an intergovernmental organisation"),
    _f("sector", pa.list_(pa.string()), "PLOVER sector codes (GOV, MIL, ...)"),
    _f("kind", pa.string(), "person | country | organization | group"),
    _f("key", pa.string(), "stable actor key (person:ilham aliyev, country:AZE)"),
    _f("igo", pa.string(), "IGO code (EU, UN) or null"),
])
_MENTION = pa.struct([
    _f("document", pa.string(), "document id"),
    _f("doc_hash", pa.string(), "document key: hash of its normalised text"),
    _f("evidence_start", pa.int32(), "character offset of the evidence clause in the document text"),
    _f("evidence_end", pa.int32(), "end offset of the evidence clause"),
    _f("evidence", pa.string(), "the clause the event was coded from"),
    _f("quote_id", pa.string(), "the quote the event was reported in, or null"),
    _f("sentence_start", pa.int32(), "character offset of the whole sentence"),
    _f("sentence_end", pa.int32(), "end offset of the whole sentence"),
    _f("sentence", pa.string(), "the whole sentence"),
])
EVENT_SCHEMA = pa.schema([
    _f("id", pa.string(), "event id"),
    _f("event", pa.string(), "PLOVER event type"),
    _f("mode", pa.string(), "PLOVER mode or null"),
    _f("actor", pa.list_(_ACTOR), "actors (initiators)"),
    _f("recipient", pa.list_(_ACTOR), "recipients (may be empty)"),
    _f("negated", pa.bool_(), "the text says the event did not happen"),
    _f("aux", pa.list_(pa.string()), "PLOVER auxiliary modes: historical, future, hypothetical"),
    _f("context", pa.list_(pa.string()), "PLOVER contexts"),
    _f("date", pa.string(), "ISO date, month or year (start of a period)"),
    _f("date_end", pa.string(), "end of a period, or null"),
    _f("date_precision", pa.string(), "day | month | year | interval | on_or_before"),
    _f("cameo", pa.string(), "CAMEO event code"),
    _f("cameo_root", pa.string(), "two-digit CAMEO root code"),
    _f("plover_score", pa.float64(), "PLOVER conflict-cooperation score, -10..10"),
    _f("quad", pa.int32(), "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"),
    _f("confidence", pa.float64(), "extraction confidence, 0..1"),
    _f("evidence", pa.string(), "evidence clause of the first mention"),
    _f("mentions", pa.list_(_MENTION), "every document span the event was read from"),
])
QUOTE_SCHEMA = pa.schema([
    _f("id", pa.string(), "quote id"),
    _f("document", pa.string(), "document id"),
    _f("kind", pa.string(), "direct | indirect | partial"),
    _f("cue", pa.string(), "speech verb or cue"),
    _f("speaker_key", pa.string(), "actor key of the speaker, or null"),
    _f("speaker", pa.string(), "speaker's name"),
    _f("speaker_country", pa.string(), "speaker's country code"),
    _f("speaker_text", pa.string(), "how the text names the speaker"),
    _f("outlet", pa.string(), "outlet the speaker told, or null"),
    _f("start", pa.int32(), "character offset of the quote in the document text"),
    _f("end", pa.int32(), "end offset of the quote"),
    _f("text", pa.string(), "the quoted text"),
])
ACTOR_SCHEMA = pa.schema([
    _f("key", pa.string(), "stable actor key"),
    _f("name", pa.string(), "canonical name"),
    _f("country", pa.string(), "ISO 3166 alpha-3 code, or IGO"),
    _f("igo", pa.string(), "IGO code or null"),
    _f("sector", pa.list_(pa.string()), "PLOVER sector codes"),
    _f("kind", pa.string(), "person | country | organization | group"),
    _f("role", pa.string(), "role or office, or null"),
    _f("events", pa.int64(), "number of events the actor takes part in"),
])
SCHEMAS = {"events": EVENT_SCHEMA, "quotes": QUOTE_SCHEMA, "actors": ACTOR_SCHEMA}

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]


def records(store: Store, what: str = "events", **filters) -> list[dict]:
    """The records of one table: events (with ``Store.events`` filters), quotes (``speaker``) or actors
    (``country``)."""
    if what == "events":
        return store.events(**filters)
    if what == "quotes":
        return store.quotes(**filters)
    if what == "actors":
        return store.actors(**filters)
    raise ValueError(f"table must be one of {', '.join(TABLES)}, not {what!r}")


def to_arrow(rows: list[dict], what: str | None = None) -> pa.Table:
    """Records as an Arrow table, with the documented schema of ``what`` when it is a table name."""
    schema = SCHEMAS.get(what or "")
    return pa.Table.from_pylist(rows, schema=schema) if schema is not None else pa.Table.from_pylist(rows)


def export(store: Store, fmt: str, out: str | os.PathLike, what: str = "events", **filters) -> int:
    """Write ``what`` (events, quotes, actors) in format ``fmt`` to ``out``; returns the rows written.

    ``plover`` and ``gdelt`` are event formats. ``filters`` are those of the store's query.
    """
    out = Path(out)
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt in ("plover", "gdelt") and what != "events":
        raise ValueError(f"{fmt} holds events only, not {what}")
    rows = records(store, what, **filters)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        pq.write_table(to_arrow(rows, what), out)
        return len(rows)
    if fmt == "jsonl":
        return _write_jsonl(rows, out)
    if fmt == "csv":
        return _write_csv([flat_event(r) for r in rows] if what == "events" else rows, out)
    if fmt == "plover":
        return _write_jsonl(list(plover_records(store, rows)), out)
    table = gdelt_rows(store, rows)
    _write_csv(table, out, delimiter="\t", columns=GDELT_COLUMNS)
    return len(table)


def _write_jsonl(rows: Iterable[dict], out: Path) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


def _write_csv(rows: list[dict], out: Path, delimiter: str = ",", columns: list[str] | None = None) -> int:
    columns = columns or (list(rows[0]) if rows else [])
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in columns])
    return len(rows)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def flat_event(e: dict) -> dict:
    """One event as a flat row: participants as parallel lists of keys, names and countries."""
    docs = list(dict.fromkeys(m["document"] for m in e["mentions"]))
    return {
        "id": e["id"], "date": e["date"], "date_end": e["date_end"], "date_precision": e["date_precision"],
        "event": e["event"], "mode": e["mode"], "negated": e["negated"], "aux": e["aux"], "context": e["context"],
        "cameo": e["cameo"], "cameo_root": e["cameo_root"], "plover_score": e["plover_score"], "quad": e["quad"],
        "confidence": e["confidence"],
        "actor_keys": [a["key"] for a in e["actor"]], "actor_names": [a["name"] or "" for a in e["actor"]],
        "actor_countries": [a["country"] or "" for a in e["actor"]],
        "recipient_keys": [a["key"] for a in e["recipient"]],
        "recipient_names": [a["name"] or "" for a in e["recipient"]],
        "recipient_countries": [a["country"] or "" for a in e["recipient"]],
        "evidence": e["evidence"], "mentions": len(e["mentions"]), "documents": docs,
    }


def event_days(e: dict) -> tuple[date | None, date | None]:
    """First and last day of an event record's date (the report day for an "on or before" date)."""
    first = value_interval(e["date"])
    last = value_interval(e["date_end"] or e["date"])
    return (first[0] if first else None), (last[1] if last else None)


# -- PLOVER ---------------------------------------------------------------

def _plover_entity(a: dict) -> dict:
    out = {"code": a["igo"] or a["country"], "sector": a["sector"][0] if a["sector"] else None,
           "entity_text": a["name"], "identifier_id": a["key"], "identifier_text": a["name"]}
    if len(a["sector"]) > 1:
        out["other_sector_codes"] = a["sector"][1:]
    return out


def plover_records(store: Store, events: list[dict]) -> Iterator[dict]:
    """Event records -> PLOVER JSON records (manual, table "PLOVER JSON").

    Auxiliary modes and negation go into ``context`` as the manual asks ("negation",
    "historical", "future", "hypothetical"); the text itself is not included (``text`` is
    only for providers holding the rights).
    """
    docs = store.document_info(sorted({m["doc_hash"] for e in events for m in e["mentions"]}))
    for e in events:
        first, last = event_days(e)
        m = e["mentions"][0] if e["mentions"] else None
        doc = docs.get(m["doc_hash"], {}) if m else {}
        rec = {
            "id": e["id"], "has_event": True,
            "date": first.isoformat() if first else None,
            "actor": [_plover_entity(a) for a in e["actor"]],
            "recipient": [_plover_entity(a) for a in e["recipient"]],
            "event": [e["event"]],
            "mode": [e["mode"]] if e["mode"] else [],
            "context": e["context"] + e["aux"] + (["negation"] if e["negated"] else []),
            "quad_code": e["quad"], "event_scale": e["plover_score"],
            "event_text": [x["evidence"] for x in e["mentions"]],
        }
        if last and last != first and e["date_precision"] != "on_or_before":
            rec["enddate"] = last.isoformat()
        if m:
            rec["text_info"] = {"start": m["evidence_start"], "end": m["evidence_end"]}
            rec["cite_info"] = {"corpus": doc.get("id"), "citation": m["doc_hash"], "url": doc.get("url"),
                                "title": doc.get("title"), "publication": doc.get("source"),
                                "coder": f"communique {__version__}", "codebook": "plover-2021"}
            if doc.get("ingested_at"):
                rec["coded_date"] = doc["ingested_at"].date().isoformat()
        rec["date_precision"] = e["date_precision"]  # a field of our own: PLOVER dates are days
        yield rec


# -- GDELT ----------------------------------------------------------------

@lru_cache(maxsize=1)
def _type_roots() -> dict[tuple[str, str], str]:
    """(PLOVER type, mode) -> CAMEO root, for events coded without a CAMEO code."""
    return {(r["plover"], r.get("mode", "")): r["cameo_root"] for r in read_rows("plover_types.csv")}


def _cameo(e: dict) -> str | None:
    if e["cameo"]:
        return e["cameo"]
    roots = _type_roots()
    root = roots.get((e["event"], e["mode"] or "")) or roots.get((e["event"], ""))
    return f"{root}0" if root else None


def _gdelt_actor(a: dict | None, n: int) -> dict:
    p = f"Actor{n}"
    if a is None:
        return {}
    country = None if a["igo"] else a["country"]
    sector = a["sector"][0] if a["sector"] else ""
    code = (f"IGO{a['igo']}" if a["igo"] else country or "") + sector
    types = [*a["sector"], "", "", ""][:3]
    return {f"{p}Code": code, f"{p}Name": (a["name"] or code).upper(), f"{p}CountryCode": country or "",
            f"{p}KnownGroupCode": a["igo"] or "", f"{p}Type1Code": types[0], f"{p}Type2Code": types[1],
            f"{p}Type3Code": types[2]}


def _pairs(e: dict) -> list[tuple[dict, dict | None]]:
    """Dyads as CAMEO coders wrote them: actor x recipient; co-actors with no recipient both ways."""
    if e["recipient"]:
        return [(a, r) for a in e["actor"] for r in e["recipient"]]
    if len(e["actor"]) > 1:
        return [(a, b) for a in e["actor"] for b in e["actor"] if a is not b]
    return [(a, None) for a in e["actor"]]


def _global_id(event_id: str, n: int) -> int:
    # A stable integer: GDELT code expects GLOBALEVENTID to be a number.
    return int(event_id[:12], 16) * 100 + n


def gdelt_rows(store: Store, events: list[dict]) -> list[dict]:
    """Event records -> GDELT 2.0 event rows (all 61 columns, geography and tone empty).

    GoldsteinScale is the PLOVER score (designed to splice with Goldstein series); SQLDATE
    is the event's day; IsRootEvent is 1 when the event is reported in its document's lead
    paragraph; SOURCEURL is the document's URL, else its id.
    """
    docs = store.document_info(sorted({m["doc_hash"] for e in events for m in e["mentions"]}))
    out = []
    for e in events:
        day, _ = event_days(e)
        cameo = _cameo(e)
        mentions = e["mentions"]
        first_doc = docs.get(mentions[0]["doc_hash"], {}) if mentions else {}
        added = min((docs[m["doc_hash"]]["ingested_at"] for m in mentions if m["doc_hash"] in docs), default=None)
        root = any(m["evidence_start"] is not None and docs.get(m["doc_hash"], {}).get("lead_end") is not None
                   and m["evidence_start"] < docs[m["doc_hash"]]["lead_end"] for m in mentions)
        for n, (a, r) in enumerate(_pairs(e)):
            row = dict.fromkeys(GDELT_COLUMNS, "")
            row.update({
                "GLOBALEVENTID": _global_id(e["id"], n),
                "SQLDATE": day.strftime("%Y%m%d") if day else "", "MonthYear": day.strftime("%Y%m") if day else "",
                "Year": day.year if day else "",
                "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365, 4) if day else "",
                "IsRootEvent": int(root), "EventCode": cameo or "", "EventBaseCode": (cameo or "")[:3],
                "EventRootCode": (cameo or "")[:2], "QuadClass": e["quad"] or "",
                "GoldsteinScale": e["plover_score"] if e["plover_score"] is not None else "",
                "NumMentions": len(mentions),
                "NumSources": len({docs.get(m["doc_hash"], {}).get("source") or m["doc_hash"] for m in mentions}),
                "NumArticles": len({m["doc_hash"] for m in mentions}),
                "DATEADDED": _utc(added).strftime("%Y%m%d%H%M%S") if added else "",
                "SOURCEURL": first_doc.get("url") or first_doc.get("id") or "",
            })
            row.update(_gdelt_actor(a, 1))
            row.update(_gdelt_actor(r, 2))
            out.append(row)
    return out


def _utc(t: datetime) -> datetime:
    return t if t.tzinfo is None else t.astimezone(UTC)
