"""The store's invariants, each a query for the rows that break it.

``communique check`` runs them all: no orphans (every mention, quote, time and
actor link points to rows that exist), counts consistent (keys unique, every event
mentioned, participant lists matching their link rows), every offset inside its
document and every evidence the very text at its offsets, every document stored
under the hash of its text.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import PLOVER_TYPES, text_hash
from .store import Store

EXAMPLES = 3

# name -> a query for the rows that break the invariant (first column: what to show)
CHECKS: dict[str, str] = {
    "document keys are unique":
        "SELECT doc_hash FROM documents GROUP BY doc_hash HAVING count(*) > 1",
    "event ids are unique":
        "SELECT event_id FROM events GROUP BY event_id HAVING count(*) > 1",
    "actor keys are unique":
        "SELECT actor_key FROM actors GROUP BY actor_key HAVING count(*) > 1",
    # the writer keeps these (see store.SCHEMA: the tables have no keys, to keep memory flat)
    "quote ids are unique":
        "SELECT quote_id FROM quotes GROUP BY quote_id HAVING count(*) > 1",
    "mentions are unique per document, offset and event":
        "SELECT event_id || ' in ' || doc_hash || ' at ' || evidence_start FROM event_mentions GROUP BY ALL "
        "HAVING count(*) > 1",
    "times are unique per document and offset":
        "SELECT doc_hash || ' ' || start_char FROM times GROUP BY doc_hash, start_char HAVING count(*) > 1",
    "mentions belong to stored documents":
        "SELECT m.event_id || ' in ' || m.doc_hash FROM event_mentions m ANTI JOIN documents d USING (doc_hash)",
    "mentions belong to stored events":
        "SELECT m.event_id FROM event_mentions m ANTI JOIN events e USING (event_id)",
    "every event has a mention":
        "SELECT e.event_id FROM events e ANTI JOIN event_mentions m USING (event_id)",
    "evidence offsets lie inside the document":
        "SELECT m.event_id || ' ' || m.evidence_start || '-' || m.evidence_end || ' of ' || length(d.text) "
        "FROM event_mentions m JOIN documents d USING (doc_hash) "
        "WHERE NOT (0 <= m.evidence_start AND m.evidence_start <= m.evidence_end "
        "AND m.evidence_end <= length(d.text))",
    "evidence is the document's text at its offsets":
        "SELECT m.event_id || ' ' || m.evidence_start FROM event_mentions m JOIN documents d USING (doc_hash) "
        "WHERE substr(d.text, m.evidence_start + 1, m.evidence_end - m.evidence_start) IS DISTINCT FROM m.evidence",
    "sentences lie inside the document and hold their evidence":
        "SELECT m.event_id || ' ' || m.sentence_start || '-' || m.sentence_end FROM event_mentions m "
        "JOIN documents d USING (doc_hash) WHERE m.sentence_start IS NOT NULL AND NOT (0 <= m.sentence_start "
        "AND m.sentence_start <= m.evidence_start AND m.sentence_end <= length(d.text))",
    "mention quotes are stored quotes of the same document":
        "SELECT m.event_id || ' ' || m.quote_id FROM event_mentions m LEFT JOIN quotes q USING (quote_id) "
        "WHERE m.quote_id IS NOT NULL AND q.doc_hash IS DISTINCT FROM m.doc_hash",
    "quotes belong to stored documents":
        "SELECT q.quote_id FROM quotes q ANTI JOIN documents d USING (doc_hash)",
    "quote offsets lie inside the document":
        "SELECT q.quote_id FROM quotes q JOIN documents d USING (doc_hash) "
        "WHERE NOT (0 <= q.start_char AND q.start_char <= q.end_char AND q.end_char <= length(d.text))",
    "quote speakers, outlets and addressees are stored actors":
        "SELECT q.quote_id || ' ' || k FROM (SELECT quote_id, unnest([speaker_key, outlet_key, addressee_key]) AS k "
        "FROM quotes) q WHERE k IS NOT NULL AND k NOT IN (SELECT actor_key FROM actors)",
    "times belong to stored documents":
        "SELECT t.doc_hash || ' ' || t.start_char FROM times t ANTI JOIN documents d USING (doc_hash)",
    "times are the document's text at their offsets":
        "SELECT t.doc_hash || ' ' || t.start_char FROM times t JOIN documents d USING (doc_hash) "
        "WHERE NOT (0 <= t.start_char AND t.start_char <= t.end_char AND t.end_char <= length(d.text)) "
        "OR substr(d.text, t.start_char + 1, t.end_char - t.start_char) IS DISTINCT FROM t.text",
    "event participants are stored actors":
        "SELECT e.event_id || ' ' || k FROM (SELECT event_id, unnest(list_concat(actor_keys, recipient_keys)) AS k "
        "FROM events) e WHERE k NOT IN (SELECT actor_key FROM actors)",
    "event actor links match the events' participants":
        "SELECT coalesce(a.event_id, b.event_id) || ' ' || coalesce(a.actor_key, b.actor_key) FROM "
        "(SELECT DISTINCT event_id, actor_key, side FROM event_actors) a FULL JOIN "
        "(SELECT event_id, unnest(actor_keys) AS actor_key, 'actor' AS side FROM events UNION "
        " SELECT event_id, unnest(recipient_keys), 'recipient' FROM events) b "
        "ON a.event_id = b.event_id AND a.actor_key = b.actor_key AND a.side = b.side "
        "WHERE a.event_id IS NULL OR b.event_id IS NULL",
    "event actor links are not repeated":
        "SELECT event_id || ' ' || actor_key FROM event_actors GROUP BY ALL HAVING count(*) > 1",
    "events have a PLOVER type and an ordered date interval":
        "SELECT event_id || ' ' || type FROM events WHERE type NOT IN ({types}) OR date_first > date_last",
}


@dataclass
class Problem:
    check: str
    count: int
    examples: list[str]

    def __str__(self) -> str:
        return f"{self.check}: {self.count} row(s) break it, e.g. {', '.join(self.examples)}"


def check_store(store: Store) -> tuple[list[str], list[Problem]]:
    """The names of the checks run and the problems found (none for a sound store)."""
    types = ", ".join(f"'{t}'" for t in PLOVER_TYPES)
    problems = []
    for name, sql in CHECKS.items():
        sql = sql.replace("{types}", types)
        count = store.con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]
        if count:
            examples = [str(r[0]) for r in store.con.execute(f"{sql} LIMIT {EXAMPLES}").fetchall()]
            problems.append(Problem(name, count, examples))
    names = [*CHECKS, "documents are stored under the hash of their text"]
    wrong, cur = [], store.con.execute("SELECT doc_hash, text FROM documents")
    while rows := cur.fetchmany(1000):
        wrong += [h for h, text in rows if text_hash(text) != h]
    if wrong:
        problems.append(Problem(names[-1], len(wrong), wrong[:EXAMPLES]))
    return names, problems
