"""The event lexicon: verb and noun triggers -> CAMEO code -> PLOVER type, mode, context, score.

All of it is data in ``communique/data`` (converted from PETRARCH's CAMEO dictionary
and the PLOVER CAMEO mapping); users add rows through ``COMMUNIQUE_KB`` folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..kb import read_rows, split


@dataclass(frozen=True)
class Coding:
    cameo: str
    plover: str
    mode: str | None
    context: tuple[str, ...]
    score: float | None
    quad: int | None


@dataclass(frozen=True)
class NounTrigger:
    lemma: str
    particles: tuple[str, ...]
    cameo: str
    light_verbs: tuple[str, ...]


class Lexicon:
    def __init__(self, folders: tuple[Path, ...] = ()):
        self.verbs: dict[tuple[str, str, str], str] = {}
        for r in read_rows("verbs.csv", folders):
            self.verbs[(r["lemma"].lower(), r.get("particle", "").lower(), r.get("object", "").lower())] = r["cameo"]
        self.verb_lemmas = {k[0] for k in self.verbs}
        self.nouns: dict[str, list[NounTrigger]] = {}
        for r in read_rows("nouns.csv", folders):
            t = NounTrigger(r["lemma"].lower(), tuple(split(r.get("particle", ""))), r["cameo"],
                            tuple(split(r.get("light_verbs", ""))))
            self.nouns.setdefault(t.lemma, []).append(t)
        self.adjectives = {r["lemma"]: r["noun"] for r in read_rows("event_adjectives.csv", folders)}
        self.contexts = {r["lemma"]: r["context"] for r in read_rows("contexts.csv", folders)}
        self.sports = {r["lemma"] for r in read_rows("sports_cues.csv", folders)}
        self.armed = {r["lemma"] for r in read_rows("armed_violence_cues.csv", folders)}
        self.speech = {r["lemma"] for r in read_rows("speech_verbs.csv", folders)}
        scores: dict[tuple[str, str], tuple[float | None, int | None]] = {}
        for r in read_rows("plover_types.csv", folders):
            score = float(r["score"]) if r.get("score") else None
            quad = int(r["quad"]) if r.get("quad") else None
            scores[(r["plover"], r.get("mode", ""))] = (score, quad)
        self.codings: dict[str, Coding] = {}
        for r in read_rows("cameo_plover.csv", folders):
            if not r.get("plover"):
                continue
            mode = r.get("mode") or None
            score, quad = scores.get((r["plover"], mode or ""), scores.get((r["plover"], ""), (None, None)))
            self.codings[r["cameo"]] = Coding(r["cameo"], r["plover"], mode,
                                              tuple(c.strip() for c in split(r.get("context", "").replace(";", "|"))),
                                              score, quad)

    def coding(self, cameo: str) -> Coding | None:
        """PLOVER coding of a CAMEO code, falling back to its parent codes."""
        code = cameo
        while code:
            if code in self.codings:
                return self.codings[code]
            code = code[:-1]
        return None

    def verb_lemma(self, lemma: str, word: str) -> str:
        """``lemma``, or when the lexicon has no such verb the inflected ``word``'s base that it has:
        spaCy's rule lemmatizer makes "staged" "stag" (it strips "-ed" first)."""
        if lemma in self.verb_lemmas:
            return lemma
        return next((b for b in verb_bases(word.lower()) if b in self.verb_lemmas), lemma)

    def verb(self, lemma: str, particles: set[str], objects: set[str]) -> str | None:
        """Most specific CAMEO code: lemma+particle+object > lemma+object > lemma+particle > lemma."""
        if lemma not in self.verb_lemmas:
            base = lemma[2:].lstrip("-")
            if lemma.startswith("re") and base in self.verb_lemmas:
                return self.verb(base, particles, objects)  # "reimpose", "reopen": as the base verb
            return None
        objects = sorted(objects, key=lambda o: (-o.count(" "), o))  # "peacekeeping force" before "force"
        for p in sorted(particles):
            for o in objects:
                if (lemma, p, o) in self.verbs:
                    return self.verbs[(lemma, p, o)]
        for o in objects:
            if (lemma, "", o) in self.verbs:
                return self.verbs[(lemma, "", o)]
        for p in sorted(particles):
            if (lemma, p, "") in self.verbs:
                return self.verbs[(lemma, p, "")]
        return self.verbs.get((lemma, "", ""))


def verb_bases(word: str) -> list[str]:
    """Candidate base forms of an inflected verb, most likely first."""
    out = []
    for suffix, ends in (("ied", ("y",)), ("ies", ("y",)), ("ed", ("e", "")), ("ing", ("e", "")), ("es", ("e", "")),
                         ("s", ("",))):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[:-len(suffix)]
            out += [stem + e for e in ends]
            if suffix in ("ed", "ing") and len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "stopped", "shelling"
    return out


def load_lexicon(extra: str | None = None) -> Lexicon:
    """Loaded once per process and per set of user folders (``COMMUNIQUE_KB``)."""
    return _load_lexicon(extra if extra is not None else os.environ.get("COMMUNIQUE_KB", ""))


@lru_cache(maxsize=4)
def _load_lexicon(spec: str) -> Lexicon:
    return Lexicon(tuple(Path(p) for p in spec.split(":") if p))
