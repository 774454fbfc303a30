"""Time expressions -> ISO values, anchored on the publication date.

Calendar expressions come from a small grammar (dates, months, years, weekdays,
relative days/weeks/months/years, datelines). Periods defined by a person's term of
office ("the first presidency of Barack Obama", "your new presidency", "the Obama
administration") are resolved through the knowledge base's dated roles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from .kb import KnowledgeBase, PersonRole
from .model import Actor, TimeRef

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
              "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
NUMBERS.update(a=1, an=1)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SCHEDULE_WORDS = {"schedule", "scheduled", "due", "set", "expect", "expected", "plan", "planned", "intend", "going",
                  "agree", "decide", "pledge", "promise", "vow", "aim", "hope", "want", "prepare"}
PERIOD_NOUNS = {"presidency", "term", "administration", "tenure", "premiership", "rule", "government", "reign",
                "mandate", "chancellorship"}
ACTOR_LIKE = {"administration", "government", "rule"}  # periods only after "under", "during", ...
TEMPORAL_PREPS = {"under", "during", "in", "throughout", "since", "before", "after", "until", "through"}
NEXT_WORDS = {"new", "next", "upcoming", "incoming", "coming", "forthcoming"}
PREV_WORDS = {"previous", "last", "former", "past", "prior", "earlier"}
CURRENT_WORDS = {"current", "present", "ongoing"}

_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])\.?"  # noqa: E501
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("mdy", re.compile(rf"\b{_MON}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?")),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR}\b)?")),
    ("my", re.compile(rf"\b(?:(?P<part>early|mid|late)[- ])?{_MON}\s+(?:of\s+)?{_YEAR}\b")),
    ("m", re.compile(rf"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ll]ate|[Ee]arly|[Mm]id-?|[Ee]nd of|[Ss]tart of)\s+{_MON}(?!\s*\d)(?!\s+of\s+\d)")),  # noqa: E501
    ("y", re.compile(rf"\b(?:(?:in|by|until|of|during|before|after|from)\s+(?:(?P<part>early|mid|late)[- ])?|(?P<part2>early|mid|late)[- ]){_YEAR}\b", re.I)),  # noqa: E501
    ("range_y", re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+(?P<y1>(?:19|20)\d\d)\s+(?:and|to|until|till|through)\s+(?P<y2>(?:19|20)\d\d)\b")),  # noqa: E501
    ("range_m", re.compile(r"\b(?:[Ff]rom|[Bb]etween)\s+(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:to|until|till|through|and)\s+(?P<m2>January|February|March|April|May|June|July|August|September|October|November|December)\b(?:\s+(?P<year>(?:19|20)\d\d))?")),  # noqa: E501
    ("half", re.compile(rf"\b(?:the\s+)?(?P<which>first|second)\s+half\s+of\s+{_YEAR}\b", re.I)),
    ("quarter", re.compile(rf"\b(?:the\s+)?(?P<which>first|second|third|fourth)\s+quarter\s+of\s+{_YEAR}\b", re.I)),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<cent>19|20)(?P<dec>\d)0s\b")),
    ("dmy_num", re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b")),
    ("duration", re.compile(r"\b(?:for|over|lasting)\s+(?:the\s+(?:past|last|next)\s+)?(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)\s+(?P<unit>hour|day|week|month|year|decade)s?\b", re.I)),  # noqa: E501
    ("duration_bare", re.compile(r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>hour|day|week|month|year|decade)s\b(?!\s+(?:ago|later|earlier|before|after|from))", re.I)),  # noqa: E501
    ("duration_adj", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-(?P<unit>hour|day|week|month|year|decade)\b", re.I)),  # noqa: E501
    ("rel_day", re.compile(r"\b(?P<word>(?:the\s+day\s+(?:before|after)\s+)?(?:yesterday|today|tomorrow|tonight))\b", re.I)),  # noqa: E501
    ("part_rel", re.compile(r"\b(?P<part>early|mid|late)[- ](?P<which>last|next|this)\s+year\b", re.I)),
    ("half_rel", re.compile(r"\b(?:the\s+)?(?P<which>first|second)\s+half\s+of\s+(?P<rel>last|next|this)\s+year\b", re.I)),  # noqa: E501
    ("quarter_rel", re.compile(r"\b(?:the\s+)?(?P<which>first|second|third|fourth)\s+quarter\s+of\s+(?P<rel>last|next|this)\s+year\b", re.I)),  # noqa: E501
    ("range_md", re.compile(r"\b(?:[Bb]etween\s+|[Ff]rom\s+)?(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<d1>[0-3]?\d)\s*(?:-|–|and|to|until)\s*(?:(?P<m2>January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?P<d2>[0-3]?\d)\b(?:,?\s+(?P<year>(?:19|20)\d\d))?")),  # noqa: E501
    ("range_dm", re.compile(r"\b(?:[Ff]rom\s+|[Bb]etween\s+)?(?P<d1>[0-3]?\d)\s+(?:to|and|-|–)\s+(?P<d2>[0-3]?\d)\s+(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December)\b(?:\s+(?P<year>(?:19|20)\d\d))?")),  # noqa: E501
    ("range_my", re.compile(r"\b(?:[Ff]rom|[Bb]etween)\s+(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<y1>(?:19|20)\d\d)\s+(?:to|and|until|through)\s+(?P<m2>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<y2>(?:19|20)\d\d)\b")),  # noqa: E501
    ("range_yy", re.compile(r"\b(?P<y1>(?:19|20)\d\d)\s*[-–]\s*(?P<y2>(?:19|20)\d\d)\b")),
    ("decade_short", re.compile(r"(?:\bthe\s+)?'(?P<dec>\d)0s\b")),
    ("rel_unit", re.compile(r"\b(?P<which>last|next|this|past|coming)\s+(?P<unit>week|month|year)\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),  # noqa: E501
    ("weekday", re.compile(r"\b(?:(?P<which>last|next|this)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),  # noqa: E501
    ("this_year", re.compile(r"\b(?P<part>earlier|later)\s+this\s+(?P<unit>year|month|week)\b", re.I)),
]


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNITS = ("hour", "day", "week", "month", "year", "decade")
# Words (lower case) of which every match of a pattern holds one from each group: a text
# without them is not scanned. 27 patterns over every text were half the time of this stage.
NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "iso": (("-",),), "mdy": (_MONTHS,), "dmy": (_MONTHS,), "my": (_MONTHS,), "m": (_MONTHS,),
    "range_y": (("between", "from"),), "range_m": (_MONTHS,), "half": (("half",),), "quarter": (("quarter",),),
    "decade": (("0s",),), "dmy_num": ((".",),), "duration": (("for", "over", "lasting"), _UNITS),
    "duration_bare": (_UNITS,), "duration_adj": (("-",), _UNITS),
    "rel_day": (("yesterday", "today", "tomorrow", "tonight"),), "part_rel": (("early", "mid", "late"), ("year",)),
    "half_rel": (("half",), ("year",)), "quarter_rel": (("quarter",), ("year",)), "range_md": (_MONTHS,),
    "range_dm": (_MONTHS,), "range_my": (_MONTHS,), "range_yy": (("-", "–"),), "decade_short": (("0s",),),
    "rel_unit": (("last", "next", "this", "past", "coming"), ("week", "month", "year")), "ago": (("ago",),),
    "weekday": (("day",),), "this_year": (("earlier", "later"), ("this",)),
}


def find_times(doc: Doc, published: date, kb: KnowledgeBase,
               person_at: Callable[[Token], Actor | None] = lambda t: None) -> list[TimeRef]:
    """All time expressions of a parsed text with their values."""
    text = doc.text
    found: list[TimeRef] = []
    dateline = _dateline(text, published)
    if dateline:
        found.append(dateline)
    lowered = text.lower()
    for kind, pattern in PATTERNS:
        if not all(any(w in lowered for w in words) for words in NEEDS.get(kind, ())):
            continue  # a word every match holds is missing: save the scan
        for m in pattern.finditer(text):
            if kind == "weekday" and _in_a_name(doc, m.start("wd")):
                continue  # "The Sunday Times", "Good Friday Agreement", "a Friday prayer leader"
            value = _calendar_value(kind, m, published, _is_future(doc, m.start()))
            if value:
                found.append(TimeRef(m.start(), m.end(), m.group(0), value,
                                     "duration" if kind.startswith("duration") else "date"))
    found += _bare_years(doc, found)
    found += _periods(doc, published, kb, person_at)
    found += _since_taking_office(doc, published, kb, person_at)
    return [_since(r, text, published) for r in _without_overlaps(found)]


def _in_a_name(doc: Doc, char: int) -> bool:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    tok = span[0] if span is not None else None
    if tok is None:
        return False
    if tok.ent_type_ in ("ORG", "WORK_OF_ART", "LAW", "EVENT", "FAC", "PERSON", "NORP"):
        return True
    return tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN") and \
        tok.head.lemma_.lower() not in ("morning", "afternoon", "evening", "night")


def _bare_years(doc: Doc, found: list[TimeRef]) -> list[TimeRef]:
    """"In 1991, ...", "the 2022 invasion": a year the parser reads as a date."""
    out = []
    for tok in doc:
        if len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) <= 2099 and \
                tok.ent_type_ == "DATE" and not any(r.start <= tok.idx < r.end for r in found) and \
                not _a_count_or_number(tok):
            out.append(TimeRef(tok.idx, tok.idx + 4, tok.text, tok.text, "date"))
    return out


def _a_count_or_number(tok: Token) -> bool:
    """"2000 soldiers", "Resolution 1973": a number, not a year."""
    if tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS"):
        return True
    prev = tok.nbor(-1) if tok.i > 0 else None
    return prev is not None and prev.is_title and prev.pos_ in ("NOUN", "PROPN") and not prev.is_sent_start


def _since(ref: TimeRef, text: str, published: date) -> TimeRef:
    """"since March", "since the 1990s": from the start of that time to publication."""
    if ref.kind not in ("date", "dateline") or ref.kind == "dateline":
        return ref
    before = text[max(0, ref.start - 6):ref.start]
    own = ref.text.lower().startswith("since ")
    if not own and before.lower() != "since ":
        return ref
    first = ref.value.split("/")[0]
    start = ref.start if own else ref.start - 6
    return TimeRef(start, ref.end, text[start:ref.end], f"{first}/{published.isoformat()}", "date")


def _without_overlaps(refs: list[TimeRef]) -> list[TimeRef]:
    kept: list[TimeRef] = []
    for r in sorted(refs, key=lambda r: (r.kind != "dateline", -(r.end - r.start), r.start)):
        if all(r.end <= k.start or r.start >= k.end for k in kept):
            kept.append(r)
    return sorted(kept, key=lambda r: r.start)


_PLACE = r"\A\s*[A-Z][A-Za-z .'-]{2,40},(?:\s*[A-Z][A-Za-z .'-]{2,40},)?\s*"
DATELINES = [re.compile(_PLACE + rf"{_MON}\s+{_DAY}\b"), re.compile(_PLACE + rf"{_DAY}\s+{_MON}")]
WEEKDAY_DATELINE = re.compile(_PLACE + r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _dateline(text: str, published: date) -> TimeRef | None:
    """"TASHKENT, June 20." -> the date the story was filed."""
    m = next((m for m in (p.match(text) for p in DATELINES) if m), None)
    if not m:
        w = WEEKDAY_DATELINE.match(text)
        if not w:
            return None
        delta = (published.weekday() - WEEKDAYS.index(w.group("wd").lower())) % 7
        return TimeRef(w.start("wd"), w.end(), w.group("wd"), (published - timedelta(days=delta)).isoformat(),
                       "dateline")
    value = _past_date(published, _month(m.group("mon")), int(m.group("day")), future=False)
    start = min(m.start("mon"), m.start("day"))
    return TimeRef(start, m.end(), text[start:m.end()], value, "dateline") if value else None


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBR.get(key[:4]) or MONTH_ABBR[key[:3]]


def _past_date(published: date, month: int, day: int, future: bool) -> str | None:
    """A year-less date: the latest one on or before publication (the next one if future)."""
    years = range(published.year, published.year + 9) if future else range(published.year, published.year - 9, -1)
    for year in years:
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if (d >= published) if future else (d <= published):
            return d.isoformat()
    return None


def _calendar_value(kind: str, m: re.Match, published: date, future: bool) -> str | None:
    g = m.groupdict()
    try:
        if kind == "iso":
            return date(int(g["year"]), int(g["m"]), int(g["day"])).isoformat()
        if kind in ("mdy", "dmy"):
            month, day = _month(g["mon"]), int(g["day"])
            if g.get("year"):
                return date(int(g["year"]), month, day).isoformat()
            return _past_date(published, month, day, future)
        if kind == "my":
            return f"{int(g['year']):04d}-{_month(g['mon']):02d}"
        if kind == "m":  # "In December": the latest December before publication (the next if future)
            month = _month(g["mon"])
            year = published.year + (1 if future and month < published.month else 0) \
                - (1 if not future and month > published.month else 0)
            return f"{year:04d}-{month:02d}"
        if kind == "y":
            part = (g.get("part") or g.get("part2") or "").lower()
            return _part_of_year(int(g["year"]), part) if part else g["year"]
        if kind == "range_y":
            return f"{g['y1']}/{g['y2']}" if g["y1"] <= g["y2"] else None
        if kind == "range_m":
            m1, m2 = _month(g["m1"]), _month(g["m2"])
            end_year = int(g["year"]) if g.get("year") else published.year - (m2 > published.month and not future)
            start_year = end_year - (m1 > m2)
            return f"{start_year:04d}-{m1:02d}/{end_year:04d}-{m2:02d}"
        if kind == "half":
            y = int(g["year"])
            return f"{y}-01/{y}-06" if g["which"].lower() == "first" else f"{y}-07/{y}-12"
        if kind == "quarter":
            y, q = int(g["year"]), ["first", "second", "third", "fourth"].index(g["which"].lower())
            return f"{y}-{3 * q + 1:02d}/{y}-{3 * q + 3:02d}"
        if kind == "decade":
            start = int(g["cent"]) * 100 + int(g["dec"]) * 10
            return f"{start}/{start + 9}"
        if kind == "dmy_num":
            return date(int(g["year"]), int(g["m"]), int(g["day"])).isoformat()
        if kind.startswith("duration"):
            n = g["n"].lower()
            count = NUMBERS.get(n) or int(n)
            unit = g["unit"].lower()
            if unit == "hour":
                return f"PT{count}H"
            if unit == "decade":
                return f"P{10 * count}Y"
            return f"P{count}{unit[0].upper()}"
        if kind in ("part_rel", "half_rel", "quarter_rel"):
            rel = (g.get("rel") or g.get("which")).lower()
            y = published.year + {"last": -1, "next": 1}.get(rel, 0)
            if kind == "part_rel":
                return _part_of_year(y, g["part"].lower())
            if kind == "half_rel":
                return f"{y}-01/{y}-06" if g["which"].lower() == "first" else f"{y}-07/{y}-12"
            q = ["first", "second", "third", "fourth"].index(g["which"].lower())
            return f"{y}-{3 * q + 1:02d}/{y}-{3 * q + 3:02d}"
        if kind in ("range_md", "range_dm"):
            m1 = _month(g["m1"])
            m2 = _month(g.get("m2") or g["m1"])
            end = (date(int(g["year"]), m2, int(g["d2"])).isoformat() if g.get("year")
                   else _past_date(published, m2, int(g["d2"]), future))
            if end is None:
                return None
            e = date.fromisoformat(end)
            start = date(e.year - (m1 > m2), m1, int(g["d1"]))
            return f"{start.isoformat()}/{end}" if start <= e else None
        if kind == "range_my":
            return f"{int(g['y1']):04d}-{_month(g['m1']):02d}/{int(g['y2']):04d}-{_month(g['m2']):02d}"
        if kind == "range_yy":
            return f"{g['y1']}/{g['y2']}" if g["y1"] < g["y2"] else None
        if kind == "decade_short":
            return f"19{g['dec']}0/19{g['dec']}9"
    except (ValueError, KeyError):
        return None
    if kind == "rel_day":
        word = " ".join(g["word"].lower().split())
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "the day before yesterday": -2,
                 "the day after tomorrow": 2}.get(word)
        if shift is None:
            return None
        return (published + timedelta(days=shift)).isoformat()
    if kind in ("rel_unit", "this_year"):
        which = (g.get("which") or "this").lower()
        step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
        return _unit_value(published, g["unit"].lower(), step)
    if kind == "ago":
        n = g["n"].lower()
        n = 1 if n in ("a", "an") else NUMBERS.get(n, None) or int(n)
        unit = g["unit"].lower()
        if unit == "day":
            return (published - timedelta(days=n)).isoformat()
        if unit == "week":
            return _unit_value(published - timedelta(weeks=n), "week", 0)
        if unit == "month":
            y, mo = divmod(published.year * 12 + published.month - 1 - n, 12)
            return f"{y:04d}-{mo + 1:02d}"
        return str(published.year - n)
    if kind == "weekday":
        target = WEEKDAYS.index(g["wd"].lower())
        which = (g.get("which") or "").lower()
        delta = (published.weekday() - target) % 7
        if which == "next" or (future and which != "last"):
            ahead = (target - published.weekday()) % 7
            if which == "next" and ahead == 0:
                ahead = 7
            return (published + timedelta(days=ahead)).isoformat()
        if which == "last" and delta == 0:
            delta = 7
        return (published - timedelta(days=delta)).isoformat()
    return None


def _part_of_year(year: int, part: str) -> str:
    """"early 2024" = Jan-Apr, "mid-2022" = May-Aug, "late 2023" = Sep-Dec."""
    first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
    return f"{year}-{first:02d}/{year}-{last:02d}"


def _unit_value(anchor: date, unit: str, step: int) -> str:
    if unit == "year":
        return str(anchor.year + step)
    if unit == "month":
        y, mo = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
        return f"{y:04d}-{mo + 1:02d}"
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"


def _is_future(doc: Doc, char: int) -> bool:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "conj", "advcl") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    if any(c.lower_ in ("will", "shall", "'ll") for v in chain for c in v.children):
        return True
    if any(v.lemma_.lower() in SCHEDULE_WORDS for v in chain[1:]):
        return True  # "is scheduled to visit", "are due to take effect"
    # a schedule in the present ("the tournament starts on June 30")
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


# -- periods defined by a term of office -------------------------------------

def _periods(doc: Doc, published: date, kb: KnowledgeBase, person_at) -> list[TimeRef]:
    out = []
    for tok in doc:
        if tok.lemma_.lower() not in PERIOD_NOUNS or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        holder, first = None, tok
        for c in tok.children:
            if c.dep_ in ("poss", "compound") and c.i < tok.i:
                holder = holder or person_at(c) or _person_in(c, person_at)
                first = min(first, _leftmost(c), key=lambda t: t.i)
        last = tok
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in prep.children:
                actor = person_at(obj) or _person_in(obj, person_at)
                if actor is not None:
                    holder, last = actor, max(obj.subtree, key=lambda t: t.i)
        if holder is None or not holder.name:
            continue
        if tok.lemma_.lower() in ACTOR_LIKE and not (tok.dep_ == "pobj" and tok.head.lower_ in TEMPORAL_PREPS):
            continue  # "Tusk's government took office": an actor, not a period
        words = {c.lower_ for c in tok.children if c.dep_ in ("amod", "nummod", "compound", "advmod")}
        office, last = _office(tok, kb, last)
        terms = kb.office_terms(holder.name, office) if office else _terms(kb, holder.name, tok.lemma_.lower())
        term = _pick_term(terms, words, published)
        if term is None:
            continue
        for c in tok.children:
            if c.dep_ in ("det", "amod", "nummod") and c.i < first.i:
                first = c
        end = term.end or term.scheduled_end
        value = f"{term.start.isoformat()}/{end.isoformat() if end else '..'}"
        span = doc[first.i:last.i + 1]
        while span and span[-1].tag_ == "POS":
            span = span[:-1]
        out.append(TimeRef(span.start_char, span.end_char, span.text, value, "period"))
    return out


def _office(noun: Token, kb: KnowledgeBase, last: Token) -> tuple[tuple[str, ...] | None, Token]:
    """"first term as prime minister" names the office whose terms count."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            words = [t for t in prep.subtree if t.i > prep.i]
            phrase = " ".join(t.lower_ for t in words)
            term = kb.roles.get(phrase) or (kb.roles.get(words[-1].lower_) if words else None)
            if term is not None and term.head_of:
                roles = {"state": ("head_of_state",), "government": ("head_of_government",)}.get(
                    term.head_of, ("head_of_state", "head_of_government"))  # "either": "as leader"
                return roles, max(words[-1], last, key=lambda t: t.i)
    return None, last


TAKING_OFFICE = {("come", "power"), ("take", "office"), ("take", "power"), ("assume", "office"),
                 ("assume", "power"), ("become", "president"), ("become", "prime minister"), ("become", "chancellor"),
                 ("become", "leader"), ("take", "over"), ("return", "power"), ("seize", "power")}


def _since_taking_office(doc: Doc, published: date, kb: KnowledgeBase, person_at) -> list[TimeRef]:
    """"since Aliyev came to power": from the start of the holder's unbroken time in office."""
    out = []
    for mark in (t for t in doc if t.lower_ == "since" and t.dep_ == "mark"):
        verb = mark.head
        words = {c.lemma_.lower() for c in verb.subtree if c.i > verb.i and c.pos_ in ("NOUN", "ADP", "PROPN")}
        words |= {" ".join(t.lower_ for t in c.subtree) for c in verb.children if c.dep_ in ("attr", "dobj")}
        if not any(v == verb.lemma_.lower() and w in words for v, w in TAKING_OFFICE):
            continue
        if any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree):
            continue  # "since Ishiba took office last month": the clause dates itself
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        holder = person_at(subj) if subj is not None else None
        terms = kb.office_terms(holder.name) if holder is not None and holder.name else []
        begun = [t for t in terms if t.start <= published]
        if not begun:
            continue
        start = begun[-1].start
        for earlier in reversed(begun[:-1]):  # consecutive terms are one tenure
            if earlier.end and (start - earlier.end).days <= 1:
                start = earlier.start
        end = max(verb.subtree, key=lambda t: t.i)
        span = doc[mark.i:end.i + 1]
        out.append(TimeRef(span.start_char, span.end_char, span.text, f"{start.isoformat()}/{published.isoformat()}",
                           "period"))
    return out


def _leftmost(tok: Token) -> Token:
    return min(tok.subtree, key=lambda t: t.i)


def _person_in(tok: Token, person_at) -> Actor | None:
    for t in tok.subtree:
        actor = person_at(t)
        if actor is not None and actor.kind == "person":
            return actor
    return None


def _terms(kb: KnowledgeBase, name: str, noun: str) -> list[PersonRole]:
    office = {"premiership": ("head_of_government",), "chancellorship": ("head_of_government",),
              "presidency": ("head_of_state",), "reign": ("head_of_state",)}.get(noun)
    return (kb.office_terms(name, office) if office else []) or kb.office_terms(name)


def _pick_term(terms: list[PersonRole], words: set[str], published: date) -> PersonRole | None:
    if not terms:
        return None
    for w, n in ORDINALS.items():
        if w in words:
            return terms[n - 1] if n <= len(terms) else None
    if words & NEXT_WORDS:
        return next((t for t in terms if t.start > published), None)
    if words & CURRENT_WORDS:
        return next((t for t in terms if t.active(published)), None)
    if words & PREV_WORDS:
        return next((t for t in reversed(terms) if t.end and t.end <= published), None)
    begun = [t for t in terms if t.start <= published]
    return begun[-1] if begun else terms[0]
