"""Records -> the gold format of ``FORMAT.md`` (what ``extract`` prints and ``eval`` scores)."""

from __future__ import annotations

from .link import group, representative
from .model import Event, Records


def event_to_gold(e: Event) -> dict:
    return {
        "actor": [a.as_gold() for a in e.actors],
        "event": e.type,
        "mode": e.mode,
        "recipient": [r.as_gold() for r in e.recipients],
        "negated": e.negated,
        "aux": list(e.aux),
        "date": e.date,
        "date_end": e.date_end,
        "date_precision": e.date_precision,
        "evidence": e.evidence,
        "evidence_start": e.evidence_start,
        "evidence_end": e.evidence_end,
        "sentence_start": e.sentence_start,
        "sentence_end": e.sentence_end,
        "context": list(e.context),
        "cameo": e.cameo,
        "cameo_root": e.cameo_root,
        "plover_score": e.score,
        "quad": e.quad,
        "confidence": e.confidence,
    }


def records_to_gold(rec: Records) -> dict:
    """One document's predictions, one event per distinct event (mentions merged)."""
    events = []
    for mentions in group(rec.events):
        best = representative(mentions)
        out = event_to_gold(best)
        quoted = next((m for m in mentions if m.quote_index is not None), None)
        if quoted is not None:  # reported inside a quote: who reported it
            q = rec.quotes[quoted.quote_index]
            out["quote"] = {"start": q.start, "end": q.end, "kind": q.kind,
                            "speaker": q.speaker.as_gold() if q.speaker else None}
        out["mentions"] = [{"evidence": m.evidence, "evidence_start": m.evidence_start,
                            "evidence_end": m.evidence_end} for m in mentions]
        events.append(out)
    quotes = []
    for q in rec.quotes:
        quotes.append({
            "speaker": q.speaker.as_gold() if q.speaker else {"name": None, "country": None, "sector": []},
            "speaker_text": q.speaker_text, "kind": q.kind, "cue": q.cue,
            "outlet": q.outlet.as_gold() if q.outlet else None,
            "text": q.text, "start": q.start, "end": q.end,
        })
    actors = []
    for a in rec.actors:
        d = a.as_gold()
        d.update(kind=a.kind, role=a.role)
        actors.append(d)
    return {
        "id": rec.article.id,
        "published": rec.article.published.isoformat(),
        "actors": actors,
        "events": events,
        "quotes": quotes,
        "times": [{"text": t.text, "value": t.value, "kind": t.kind, "start": t.start, "end": t.end}
                  for t in rec.times],
    }
