"""Direct, reported and partial quotes with their cue, speaker, outlet and addressee.

Direct quotes are found on the characters (every mark style, quotes running over
paragraphs); reported speech on the parse ("X said that ...", "according to X",
"As X stated, ..."). Speakers come from the actors stage; a quote with no cue of its
own continues the previous speaker, and a document ("the statement read") speaks
for its author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .actors import DocActors
from .kb import read_rows
from .model import Actor, Quote

OPENERS = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"', "``": "''"}
CLOSERS = {"”", "»", '"', "’", "''", "“"}
PARTIAL_MAX_WORDS = 6


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, str]:
    return {r["lemma"]: r["kind"] for r in read_rows("speech_verbs.csv")}


@lru_cache(maxsize=1)
def document_nouns() -> frozenset[str]:
    return frozenset(r["lemma"] for r in read_rows("document_nouns.csv"))


@dataclass
class _Marked:
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark)
    open_at: int
    close_at: int  # index after the closing mark


def find_quotes(doc: Doc, actors: DocActors, marked: list[_Marked] | None = None) -> list[Quote]:
    """Every attributed statement of a parsed article, in text order (``marked``: the
    spans of ``quote_marks``, when the caller already has them)."""
    marked = quote_marks(doc.text) if marked is None else marked
    inside = [(q.start, q.end) for q in marked]
    direct = _direct(doc, actors, marked)
    found, seen = [], set()
    for q in sorted(direct + _reported(doc, actors, inside, direct), key=lambda q: q.start):
        if q.start not in seen:  # one statement reached through two cues ("said ... as strikes continued")
            seen.add(q.start)
            found.append(q)
    return found


# -- direct quotes ----------------------------------------------------------

_MARK = re.compile("[`“«„\"‘']")


def quote_marks(text: str) -> list[_Marked]:
    """Spans between quotation marks; an unclosed quote runs on over paragraphs."""
    out: list[_Marked] = []
    i, n = 0, len(text)
    while i < n:
        candidate = _MARK.search(text, i)  # jump to the next mark: most characters are none
        if candidate is None:
            break
        i = candidate.start()
        opener = _opener_at(text, i)
        if opener is None:
            i += 1
            continue
        close = _find_close(text, i + len(opener), opener)
        if close is None:
            para_end = text.find("\n\n", i)
            i = (para_end if para_end > 0 else n)
            continue
        c_start, c_len = close
        if text[i + len(opener):c_start].strip():
            out.append(_Marked(i + len(opener), c_start, i, c_start + c_len))
        i = c_start + c_len
    return out


def _opener_at(text: str, i: int) -> str | None:
    ch = text[i]
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if text.startswith("``", i):
        return "``"
    if ch in "“«„":
        return ch
    if ch == '"' and (prev.isspace() or prev in "([—–-:,") and not nxt.isspace():
        return ch
    if ch in "‘'" and (prev.isspace() or prev in "([—–") and nxt.isalpha():
        return ch
    return None


def _find_close(text: str, j: int, opener: str) -> tuple[int, int] | None:
    n, i = len(text), j
    while j < n:
        ch = text[j]
        if text.startswith("''", j) and opener == "``":
            return j, 2
        nxt = text[j + 1] if j + 1 < n else " "
        if opener in "‘'":
            if ch in "’'" and not nxt.isalnum() and text[j - 1] not in " \n":
                return j, 1
            if text.startswith("\n\n", j) or j - i > 300:
                return None  # single marks never run over paragraphs: an apostrophe, not a quote
        elif ch in "”»" or (ch == '"' and (not nxt.isalnum())) or (ch == "“" and opener == "„"):
            return j, 1
        j += 1
    return None


def _direct(doc: Doc, actors: DocActors, marked: list[_Marked]) -> list[Quote]:
    quotes: list[Quote] = []
    prev: Quote | None = None
    i = 0
    while i < len(marked):
        q = marked[i]
        cue = _cue_after(doc, q) or _cue_before(doc, q)
        # "“A,” he said, “B.”" is one quote split by its cue
        if cue and i + 1 < len(marked) and _cue_between(doc, q, marked[i + 1], cue[0]):
            nxt = marked[i + 1]
            text = doc.text[q.start:q.end] + " " + doc.text[nxt.start:nxt.end]
            end, i = nxt.end, i + 1
        else:
            text, end = doc.text[q.start:q.end], q.end
        words = len(text.split())
        if cue is None:
            if words <= PARTIAL_MAX_WORDS and not _starts_paragraph(doc.text, q.open_at):
                quote = _partial(doc, actors, q, text)
            elif prev is not None and words > PARTIAL_MAX_WORDS:
                quote = Quote(q.start, end, text, "direct", prev.cue, prev.speaker, prev.speaker_text,
                              prev.outlet, prev.addressee)
            else:
                quote = None
        else:
            verb, speaker_tok = cue
            speaker, addressee = _speaker(doc, actors, speaker_tok, prev)
            # a few quoted words inside a sentence are a partial quote, whatever verb follows
            kind = "partial" if words <= PARTIAL_MAX_WORDS and not _starts_sentence(doc, q.open_at) else "direct"
            if kind == "partial" and speaker is None:
                partial = _partial(doc, actors, q, text)
                speaker = partial.speaker if partial else None
            quote = Quote(q.start, end, text, kind, verb.text, speaker,
                          _phrase(speaker_tok), _outlet(actors, verb), addressee or _addressee(actors, verb))
        if quote is not None:
            quotes.append(quote)
            if quote.kind == "direct":
                prev = quote
        i += 1
    return quotes


def _starts_sentence(doc: Doc, at: int) -> bool:
    before = doc.text[:at].rstrip(" \t")
    if not before or before.endswith(("\n", ".", "!", "?", ":", "—", "-")):
        return True
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return span is not None and span[0].is_sent_start


def _starts_paragraph(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t")
    return not before or before.endswith("\n")


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _cue_after(doc: Doc, q: _Marked) -> tuple[Token, Token | None] | None:
    """", the political scientist said." right after the closing mark."""
    text = doc.text
    stop = len(text)
    for sep in (". ", ".\n", "\n", "“", '"'):
        k = text.find(sep, q.close_at)
        if k >= 0:
            stop = min(stop, k + 1)
    return _speech_verb(_tokens_between(doc, q.close_at, stop))


def _cue_before(doc: Doc, q: _Marked) -> tuple[Token, Token | None] | None:
    """'X said: "..."' right before the opening mark, in the same sentence."""
    text = doc.text
    start = max(text.rfind(". ", 0, q.open_at), text.rfind("\n", 0, q.open_at), text.rfind("”", 0, q.open_at)) + 1
    window = text[start:q.open_at].rstrip()
    if not window or window[-1] not in ":,":
        return None
    return _speech_verb(_tokens_between(doc, start, q.open_at))


def _cue_between(doc: Doc, a: _Marked, b: _Marked, verb: Token) -> bool:
    gap = doc.text[a.close_at:b.open_at]
    return "\n" not in gap and len(gap.split()) <= 10 and a.close_at <= verb.idx < b.open_at


CUE_FORMS = {"said", "says", "read", "reads", "added", "adds", "told", "wrote", "writes", "stressed", "noted",
             "stated", "declared", "insisted", "argued", "explained", "warned", "continued", "concluded",
             "emphasized", "emphasised", "underlined", "recalled", "replied", "vowed"}


def _speech_verb(tokens: list[Token]) -> tuple[Token, Token | None] | None:
    verbs = speech_verbs()
    for t in tokens:
        if t.lemma_.lower() in verbs and t.pos_ in ("VERB", "AUX"):
            return t, _subject(t)
        if t.lower_ in CUE_FORMS and t.i > 0 and t.nbor(-1).pos_ in ("NOUN", "PROPN", "PRON"):
            return t, _subject(t) or t.nbor(-1)  # '..." the communique read' with "read" tagged a noun
    return None


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return _subject(verb.head)  # "rejected the accusations, saying that ..."
    if verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:
        return _subject(verb.head.head)  # "was quoted as saying"
    return None


def _phrase(tok: Token | None) -> str | None:
    if tok is None:
        return None
    toks = list(tok.subtree)
    return tok.doc[toks[0].i:toks[-1].i + 1].text


def _speaker(doc: Doc, actors: DocActors, subj: Token | None, prev: Quote | None) -> tuple[Actor | None, Actor | None]:
    """The actor a cue's subject refers to, and (for a document) its addressee."""
    if subj is None:
        return None, None
    if subj.lemma_.lower() in document_nouns():
        return _document_author(doc, actors, subj)
    m = actors.of_phrase(subj)
    if m is None:
        if subj.pos_ == "PRON" and prev is not None:
            return prev.speaker, None  # "he said" after a quote continues its speaker
        return _body_of(actors, subj), None
    return m.actor, None


def _body_of(actors: DocActors, subj: Token) -> Actor | None:
    """"the office of President X", "the press service of the Uzbek leader": X's state."""
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                m = actors.of_phrase(obj)
                if m is not None and m.actor.country:
                    if m.actor.kind == "person" and m.actor.country not in ("IGO", "NGO"):
                        return Actor(f"group:{m.actor.country}:GOV", None, m.actor.country, ("GOV",), "group")
                    return m.actor
    return None


def _document_author(doc: Doc, actors: DocActors, noun: Token) -> tuple[Actor | None, Actor | None]:
    """Who a document speaks for: its possessor or sender in an earlier mention."""
    lemma = noun.lemma_.lower()
    for t in reversed(doc[:noun.i + 1]):
        if t.lemma_.lower() != lemma and not (t.lemma_.lower() in document_nouns() and t.i == noun.i):
            continue
        author = None
        for c in t.children:
            if c.dep_ == "poss":
                m = actors.of_phrase(c)
                author = m.actor if m else None
        if author is None and t.dep_ in ("dobj", "pobj"):
            verb = next((a for a in t.ancestors if a.pos_ == "VERB"), None)
            subj = _subject(verb) if verb is not None else None
            m = actors.of_phrase(subj) if subj is not None else None
            author = m.actor if m else None
        if author is not None:
            return author, _to_whom(actors, t)
    # a statement with no named sender: the latest state body or organisation named before it
    for m in reversed([m for m in actors.mentions if m.end <= noun.idx]):
        if m.actor.kind in ("group", "organization") and m.actor.country and "GOV" in m.actor.sector:
            return m.actor, None
    return None, None


def _to_whom(actors: DocActors, tok: Token) -> Actor | None:
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            for obj in prep.children:
                m = actors.of_phrase(obj)
                if m is not None:
                    return m.actor
    return None


def _told(actors: DocActors, verb: Token) -> list[Actor]:
    """Who a statement was told to ("told Anadolu", "told Lee")."""
    found = (actors.of_phrase(c) for c in verb.children if c.dep_ in ("dobj", "dative", "iobj"))
    return [m.actor for m in found if m is not None]


def _outlet(actors: DocActors, verb: Token) -> Actor | None:
    """The medium a statement was given to: a news organisation."""
    return next((a for a in _told(actors, verb) if "MED" in a.sector or a.kind == "organization"), None)


def _addressee(actors: DocActors, verb: Token) -> Actor | None:
    """The person a statement was addressed to."""
    return next((a for a in _told(actors, verb) if a.kind == "person"), None) or _to_whom(actors, verb)


def _partial(doc: Doc, actors: DocActors, q: _Marked, text: str) -> Quote | None:
    """A few quoted words in a narrative sentence belong to the one it is about."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.sent.root
    subj = _subject(root)
    m = actors.of_phrase(subj) if subj is not None else None
    if m is None or m.actor.kind != "person":
        # a misparsed subject: the nearest person named before the main verb
        before = [actors.by_token[t.i] for t in span.sent if t.i < root.i and t.i in actors.by_token
                  and not (q.open_at <= t.idx < q.close_at)]
        m = next((b for b in reversed(before) if b.actor.kind == "person"), None)
    if m is None:
        return None
    return Quote(q.start, q.end, text, "partial", root.text, m.actor, m.text)


# -- reported speech --------------------------------------------------------

def _reported(doc: Doc, actors: DocActors, inside: list[tuple[int, int]], direct: list[Quote]) -> list[Quote]:
    out: list[Quote] = []

    def previous(at: int) -> Quote | None:
        earlier = [q for q in (*direct, *out) if q.end <= at and q.speaker is not None]
        return max(earlier, key=lambda q: q.end) if earlier else None

    def in_direct(tok: Token) -> bool:
        return any(a <= tok.idx < b for a, b in inside)

    verbs = speech_verbs()
    for tok in doc:
        if in_direct(tok):
            continue
        if tok.lemma_.lower() in verbs and tok.pos_ == "VERB":
            content = next((c for c in tok.children if c.dep_ in ("ccomp",)), None)
            if content is None:
                content = _fronted_clause(tok)
            if content is None:
                continue
            span = _clause_span(content)
            if span is not None and span.start_char < actors.head_end:  # "KYIV, March 11 (Reuters) - Ukraine ..."
                rest = [t for t in span if t.idx >= actors.head_end]
                span = doc[rest[0].i:span.end] if len(rest) >= 3 else None
            if span is None or any(a <= span.start_char < b for a, b in inside):
                continue  # the clause starts inside a direct quote: that quote has it
            subj = _subject(tok)
            speaker = None
            if subj is not None and subj.lower_ not in ("it", "this", "there"):
                speaker, _ = _speaker(doc, actors, subj, previous(tok.idx))
            out.append(Quote(span.start_char, span.end_char, span.text, "indirect", _cue_text(tok),
                             speaker, _phrase(subj), _outlet(actors, tok), _addressee(actors, tok)))
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            q = _according_to(doc, actors, tok, previous(tok.idx))
            if q is not None and not in_direct(doc[tok.i]):
                out.append(q)
    return out


def _cue_text(verb: Token) -> str:
    aux = [c for c in verb.children if c.dep_ == "auxpass"]
    subj = _subject(verb)
    if aux and subj is not None and subj.lower_ == "it":
        return f"{subj.text} {aux[0].text} {verb.text}"
    return verb.text


def _fronted_clause(verb: Token) -> Token | None:
    """Where the content is when the verb has no clause of its own: "As X stated, CLAUSE";
    "CLAUSE, he argued, CLAUSE" (a parenthetical cue); "told a meeting that CLAUSE"."""
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return verb.head
    if verb.dep_ == "parataxis" and any(c.dep_ == "nsubj" for c in verb.children):
        return verb.head
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "prep", "dative")):
        for t in obj.subtree:  # the parser hung the "that" clause on the object
            if t.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
                return t
    return None


def _clause_span(head: Token) -> Span | None:
    toks = [t for t in head.subtree if not _is_cue_part(t, head)]
    toks = [t for t in toks if not (t.dep_ == "mark" and t.head == head and t.lower_ in ("that", "whether"))]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    if len(toks) < 3:
        return None
    return head.doc[toks[0].i:toks[-1].i + 1]


def _is_cue_part(tok: Token, head: Token) -> bool:
    """Tokens of the cue inside the content: "As X stated ...", ", he argued,"."""
    t = tok
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ in ("advcl", "parataxis") and t.lemma_.lower() in speech_verbs() and t.head.i == head.i:
            return True
        t = t.head
    return False


def _according_to(doc: Doc, actors: DocActors, tok: Token, prev: Quote | None) -> Quote | None:
    to = doc[tok.i + 1]
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    sent = tok.sent
    after = max(obj.subtree, key=lambda t: t.i).i + 1
    toks = [t for t in sent if t.i >= after and not t.is_punct or (t.i > after and t.is_punct)]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    if len(toks) < 3:
        return None
    span = doc[toks[0].i:toks[-1].i + 1]
    speaker, _ = _speaker(doc, actors, obj, prev)
    return Quote(span.start_char, span.end_char, span.text, "indirect", "according to", speaker, _phrase(obj))
