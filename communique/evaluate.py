"""Scoring against gold files, by the rules of the gold format (FORMAT.md).

``evaluate(gold_path, corpus_dir)`` runs the full pipeline on every gold record's
text and returns the figures ``communique eval --json`` prints.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

from .formats import records_to_gold
from .model import Article, Reject, value_interval
from .pipeline import process
from .read import parse_corpus_text

HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "president", "prime", "minister", "king", "queen", "sheikh",
              "general", "gen", "prof", "professor"}
QUOTE_CHARS = re.compile(r"[\"“”„«»‘’`']")


class GoldError(ValueError):
    """A gold file that cannot be read (the message names the file and line)."""


def load_gold(path: Path, corpus: Path | None) -> tuple[list[dict], list[Article]]:
    records, articles = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{n}: malformed JSON: {exc.msg}") from exc
        published = date.fromisoformat(rec["published"])
        if rec.get("text") is not None:
            art = Article(rec["id"], published, rec["text"], origin=f"{path}:{n}")
        else:
            if corpus is None:
                raise GoldError(f"{path}:{n}: record {rec['id']} has no text; pass --corpus DIR")
            file = corpus / f"{rec['id']}.txt"
            item = parse_corpus_text(file.read_text(encoding="utf-8"), rec["id"], str(file), published)
            if isinstance(item, Reject):
                raise GoldError(str(item))
            art = Article(item.id, published, item.text, origin=str(file))
        records.append(rec)
        articles.append(art)
    return records, articles


def evaluate(gold_path: Path, corpus: Path | None = None) -> dict:
    t0 = time.perf_counter()
    gold, articles = load_gold(Path(gold_path), Path(corpus) if corpus else None)
    preds = [records_to_gold(r) for r in process(articles)]
    result = score(gold, preds, articles)
    result["seconds"] = round(time.perf_counter() - t0, 2)
    return result


# -- matching ---------------------------------------------------------------

def norm_name(name: str) -> list[str]:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")
    words = [w.strip(".,") for w in re.split(r"[\s-]+", s) if w.strip(".,")]
    return [w for w in words if w not in HONORIFICS]


def actor_matches(pred: dict, gold: dict) -> bool:
    if pred.get("country") != gold.get("country"):
        return False
    if gold.get("country") == "IGO" and gold.get("igo") and pred.get("igo") != gold.get("igo"):
        return False
    if gold.get("name") is None:
        return True
    if not pred.get("name"):
        return False
    p, g = norm_name(pred["name"]), norm_name(gold["name"])
    return p == g or (len(p) == 1 and p[0] in g) or (len(g) == 1 and g[0] in p)


def _side_matched(gold_side: list[dict], pred_side: list[dict]) -> bool:
    return all(any(actor_matches(p, g) for p in pred_side) for g in gold_side)


def dyad_matches(pred: dict, gold: dict) -> bool:
    ga, gr, pa, pr = gold["actor"], gold.get("recipient") or [], pred["actor"], pred.get("recipient") or []
    if _side_matched(ga, pa) and _side_matched(gr, pr):
        return True
    if not gr and len(ga) > 1:  # reciprocal gold: pairs in either direction
        return _side_matched(ga, pa + pr) and bool(pa) and any(_side_matched([g], pa) for g in ga)
    if not pr and len(pa) > 1:  # directed gold, reciprocal prediction
        return _side_matched(ga + gr, pa)
    return False


def type_matches(pred: dict, gold: dict) -> bool:
    return pred["event"] == gold["event"] or pred["event"] in (gold.get("alt_events") or [])


def _max_matching(gold: list[dict], preds: list[dict], ok: Callable[[dict, dict], bool],
                  prefer: Callable[[dict, dict], bool] | None = None) -> dict[int, int]:
    """Gold index -> prediction index; required gold events are matched first. Among equally
    good candidates a date-compatible prediction (then one ``prefer`` likes) is tried first
    (the counts do not change)."""
    match_pred: dict[int, int] = {}

    def candidates(g: int) -> list[int]:
        dated = "date" in gold[g] and gold[g].get("date")
        return sorted(range(len(preds)), key=lambda p: (bool(dated) and not date_ok(preds[p], gold[g]),
                                                        prefer is not None and not prefer(preds[p], gold[g])))

    def augment(g: int, seen: set[int]) -> bool:
        for p in candidates(g):
            if p in seen or not ok(preds[p], gold[g]):
                continue
            seen.add(p)
            if p not in match_pred or augment(match_pred[p], seen):
                match_pred[p] = g
                return True
        return False

    order = sorted(range(len(gold)), key=lambda i: bool(gold[i].get("optional")))
    for g in order:
        if gold[g].get("optional"):
            free = [p for p in range(len(preds)) if p not in match_pred and ok(preds[p], gold[g])]
            if free:
                match_pred[free[0]] = g
        else:
            augment(g, set())
    return {g: p for p, g in match_pred.items()}


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _count(gold: list[dict], preds: list[dict], matching: dict[int, int]) -> tuple[int, int, int]:
    required = {i for i, g in enumerate(gold) if not g.get("optional")}
    tp = sum(1 for g in matching if g in required)
    used = set(matching.values())
    fp = len(preds) - len(used)
    fn = len(required) - tp
    return tp, fp, fn


def date_ok(pred: dict, gold: dict) -> bool:
    if not pred.get("date"):
        return False
    p = value_interval(pred["date"])
    g = value_interval(gold["date"] + (f"/{gold['date_end']}" if gold.get("date_end") else ""))
    return p is not None and g is not None and g[0] <= p[0] <= g[1]


def _norm_quote(s: str) -> str:
    return " ".join(QUOTE_CHARS.sub("", s).split()).lower()


def quote_span_ok(pred: dict, gold: dict) -> bool:
    return _norm_quote(gold["starts"]) in _norm_quote(pred.get("text") or "")


def quote_speaker_ok(pred: dict, gold: dict) -> bool:
    sp = gold.get("speaker") or {}
    if sp.get("name") is None and sp.get("country") is None:
        return True
    return actor_matches(pred.get("speaker") or {}, sp)


# -- scoring ----------------------------------------------------------------

def score(gold: list[dict], preds: list[dict], articles: list[Article]) -> dict:
    totals = {k: [0, 0, 0] for k in ("events", "type", "dyad", "quotes", "direct", "indirect")}
    acc = {k: [0, 0] for k in ("mode", "negation", "date", "sector", "attribution", "times")}
    scored = {"events": False, "quotes": False, "times": False, "dates": False}

    def add(key, counts):
        for i, v in enumerate(counts):
            totals[key][i] += v

    for g, p, art in zip(gold, preds, articles, strict=True):
        if "events" in g:
            scored["events"] = True
            ge, pe = g["events"], p["events"]
            full = _max_matching(ge, pe, lambda a, b: type_matches(a, b) and dyad_matches(a, b)
                                 and a["negated"] == b["negated"])
            add("events", _count(ge, pe, full))
            add("type", _count(ge, pe, _max_matching(ge, pe, lambda a, b: type_matches(a, b)
                                                       and a["negated"] == b["negated"])))
            add("dyad", _count(ge, pe, _max_matching(ge, pe, dyad_matches)))
            for gi, pi in full.items():
                gev, pev = ge[gi], pe[pi]
                acc["mode"][0] += pev.get("mode") == gev.get("mode")
                acc["mode"][1] += 1
                if gev.get("date"):
                    scored["dates"] = True
                    acc["date"][0] += date_ok(pev, gev)
                    acc["date"][1] += 1
                for gside, pside in (("actor", "actor"), ("recipient", "recipient")):
                    for ga in gev.get(gside) or []:
                        if not ga.get("sector"):
                            continue
                        match = next((a for a in (pev.get(pside) or []) + (pev.get("actor") or [])
                                      if actor_matches(a, ga)), None)
                        acc["sector"][0] += bool(match and set(match.get("sector") or []) & set(ga["sector"]))
                        acc["sector"][1] += 1
            neg = _max_matching(ge, pe, lambda a, b: type_matches(a, b) and dyad_matches(a, b),
                                prefer=lambda a, b: a["negated"] == b["negated"])  # which pair, not how many
            for gi, pi in neg.items():
                acc["negation"][0] += ge[gi]["negated"] == pe[pi]["negated"]
                acc["negation"][1] += 1
        if "quotes" in g:
            scored["quotes"] = True
            gq, pq = g["quotes"], p["quotes"]
            add("quotes", _count(gq, pq, _max_matching(gq, pq, lambda a, b: quote_span_ok(a, b)
                                                        and quote_speaker_ok(a, b))))
            for kind in ("direct", "indirect"):
                gk = [q for q in gq if q["kind"] == kind]
                pk = [q for q in pq if q["kind"] == kind]
                add(kind, _count(gk, pk, _max_matching(gk, pk, lambda a, b: quote_span_ok(a, b)
                                                         and quote_speaker_ok(a, b))))
            spans = _max_matching(gq, pq, quote_span_ok)
            for gi, pi in spans.items():
                if gq[gi].get("optional"):
                    continue
                acc["attribution"][0] += quote_speaker_ok(pq[pi], gq[gi])
                acc["attribution"][1] += 1
        if "times" in g:
            scored["times"] = True
            for gt in g["times"]:
                acc["times"][0] += any(_time_ok(pt, gt, art.text) for pt in p["times"])
                acc["times"][1] += 1
    ratio = {k: (round(v[0] / v[1], 4) if v[1] else None) for k, v in acc.items()}
    times_correct, times_total = acc["times"]
    return {
        "documents": len(gold),
        "events": _prf(*totals["events"]) if scored["events"] else None,
        "events_type_f1": _prf(*totals["type"])["f1"] if scored["events"] else None,
        "events_dyad_f1": _prf(*totals["dyad"])["f1"] if scored["events"] else None,
        "negation_accuracy": ratio["negation"] if scored["events"] else None,
        "mode_accuracy": ratio["mode"] if scored["events"] else None,
        "date_accuracy": ratio["date"] if scored["dates"] else None,
        "sector_accuracy": ratio["sector"] if scored["events"] else None,
        "quotes": _prf(*totals["quotes"]) if scored["quotes"] else None,
        "quotes_direct_f1": _prf(*totals["direct"])["f1"] if scored["quotes"] else None,
        "quotes_indirect_f1": _prf(*totals["indirect"])["f1"] if scored["quotes"] else None,
        "attribution_accuracy": ratio["attribution"] if scored["quotes"] else None,
        "times": ({"accuracy": round(times_correct / times_total, 4) if times_total else None,
                   "correct": times_correct, "total": times_total} if scored["times"] else None),
    }


def _time_ok(pred: dict, gold: dict, text: str) -> bool:
    if pred.get("value") != gold.get("value"):
        return False
    start = text.find(gold["text"])
    while start >= 0:
        end = start + len(gold["text"])
        if pred["start"] < end and start < pred["end"]:
            return True
        start = text.find(gold["text"], start + 1)
    return False
