"""Plain data shared by every stage: articles in, records out.

Nothing here imports anything from the package; every other module may import it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
AUX_MODES = ("historical", "future", "hypothetical")

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """NFC, unified whitespace: two files that differ only in spacing are one document."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def text_hash(text: str) -> str:
    """The document identity: a hash of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:32]


def value_interval(value: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO value covers: "2024-11" -> (Nov 1, Nov 30)."""
    if not value:
        return None
    if "/" in value:
        a, b = value.split("/", 1)
        first, last = value_interval(a), value_interval(b)
        return (first[0], last[1]) if first and last else None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            d = date(*parts)
            return d, d
        if len(parts) == 2:
            y, m = parts
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return date(y, m, 1), date.fromordinal(nxt.toordinal() - 1)
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


@dataclass(frozen=True)
class Article:
    """One dated news article as read from a corpus."""

    id: str
    published: date
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # file (and line) it came from

    @cached_property
    def doc_hash(self) -> str:
        return text_hash(self.text)

    def paragraphs(self) -> list[tuple[int, int]]:
        """Character spans of paragraphs (blank-line separated)."""
        spans, start = [], 0
        for m in re.finditer(r"\n[ \t]*\n\s*", self.text):
            if self.text[start:m.start()].strip():
                spans.append((start, m.start()))
            start = m.end()
        if self.text[start:].strip():
            spans.append((start, len(self.text.rstrip())))
        return spans


@dataclass(frozen=True)
class Reject:
    """An input that could not be read, with where and why."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Actor:
    """A canonical actor: a person, a country, an organisation or a collective.

    ``key`` is stable across documents ("person:viktor orbán", "country:HUN",
    "group:AZE:GOV"), so the store can deduplicate actors and link events.
    """

    key: str
    name: str | None
    country: str | None
    sector: tuple[str, ...] = ()
    kind: str = "person"  # person | country | organization | group
    role: str | None = None
    igo: str | None = None

    def as_gold(self) -> dict:
        out = {"name": self.name, "country": self.country, "sector": list(self.sector)}
        if self.igo:
            out["igo"] = self.igo
        return out


@dataclass(frozen=True)
class Mention:
    """A span of the text that refers to an actor, and how it was resolved."""

    start: int
    end: int
    text: str
    actor: Actor
    how: str  # kb | title | surname | role | pronoun | speaker | ...


@dataclass(frozen=True)
class TimeRef:
    """A time expression with its normalised value (ISO date, month, year or START/END)."""

    start: int
    end: int
    text: str
    value: str
    kind: str = "date"  # date | period | duration | dateline

    @property
    def interval(self) -> tuple[date, date] | None:
        return value_interval(self.value)


@dataclass(frozen=True)
class Quote:
    """An attributed statement: its content span, cue, speaker and outlet."""

    start: int
    end: int
    text: str
    kind: str  # direct | indirect | partial
    cue: str | None
    speaker: Actor | None
    speaker_text: str | None = None
    outlet: Actor | None = None
    addressee: Actor | None = None


@dataclass(frozen=True)
class Event:
    """A PLOVER event with the evidence span it was coded from."""

    type: str
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    evidence_start: int
    evidence_end: int
    evidence: str
    trigger: str
    mode: str | None = None
    negated: bool = False
    aux: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    cameo: str | None = None
    score: float | None = None
    quad: int | None = None
    date: str | None = None
    date_end: str | None = None
    date_precision: str | None = None  # day | month | year | interval | on_or_before
    confidence: float = 0.5
    quote_index: int | None = None  # the quote this event was reported in
    sentence_start: int | None = None  # the whole sentence around the evidence
    sentence_end: int | None = None

    @property
    def cameo_root(self) -> str | None:
        """The two-digit CAMEO root code GDELT users group by ("05" for 051)."""
        return self.cameo[:2] if self.cameo else None


@dataclass
class Records:
    """Everything extracted from one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)

    @property
    def actors(self) -> list[Actor]:
        seen: dict[str, Actor] = {}
        for m in self.mentions:
            seen.setdefault(m.actor.key, m.actor)
        for e in self.events:
            for a in (*e.actors, *e.recipients):
                seen.setdefault(a.key, a)
        for q in self.quotes:
            for a in (q.speaker, q.outlet):
                if a is not None:
                    seen.setdefault(a.key, a)
        return list(seen.values())
