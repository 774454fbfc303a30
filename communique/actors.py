"""Mentions -> canonical actors, with titles, appositions and in-document coreference.

One left-to-right sweep over the document: each mention is resolved against the
knowledge base (time-aware, at the publication date) and against what the text
said before it (surnames, role descriptions such as "the head of state", pronouns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .kb import KnowledgeBase, fold, surname
from .model import Actor, Article, Mention
from .nlp import load_nlp

WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
STATE_PRONOUNS = {"it", "its", "itself"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                  "herself": "f"}
TITLE_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "king": "m", "prince": "m", "mrs": "f", "mrs.": "f", "ms": "f",
                "ms.": "f", "madam": "f", "queen": "f", "princess": "f", "lady": "f", "dame": "f"}
SUBJ_OBJ = ("nsubj", "nsubjpass", "dobj", "pobj")
PLURAL_PRONOUNS = {"they", "them", "their", "themselves"}
LOCATIVE_PREPS = {"in", "throughout", "across", "from", "inside"}
# "thousands of X", "a group of X", "members of X": the phrase is X
PARTITIVES = {"thousand", "hundred", "dozen", "million", "ten", "score", "group", "number", "member", "some",
              "many", "most", "all", "majority", "part", "handful", "couple", "third", "half", "one", "two",
              "delegation", "team", "contingent", "batch", "band", "crowd", "section", "faction", "wing", "unit",
              "leader", "leadership", "representative", "head", "chief", "official", "several", "few", "each"}
# "opposition groups", "army circles": a role noun before one of these names a group of that sector
COLLECTIVE_HEADS = {"group", "circle", "rank", "camp", "bloc", "figure", "element", "member", "source",
                    "representative", "quarter"}
RELATIONAL_NOUNS = {"ally", "partner", "rival", "enemy", "foe", "neighbour", "neighbor", "proxy", "client",
                    "adversary", "opponent", "counterpart", "critic", "backer", "sponsor", "patron"}
# what is done to these is done to the people they are for: "attacked a camp for Congolese refugees"
FACILITIES = {"camp", "office", "home", "house", "headquarters", "compound", "residence", "embassy", "consulate",
              "mission", "school", "hospital", "clinic", "property", "building", "base"}
NP_INNER = ("compound", "poss", "appos", "nmod", "amod", "flat")
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
TITLE_WORDS = {"mr", "mrs", "ms", "dr", "sir", "madam", "mr.", "mrs.", "ms.", "dr.", "former", "then", "acting",
               "incumbent", "outgoing", "newly", "elected", "-", "then-", "deputy", "vice", "chief", "senior",
               "junior", "assistant", "interim", "caretaker", "top", "new", "longtime", "veteran", "ex", "ex-"}
HEAD_OF_ROLES = {"state": ("head_of_state", "president_elect"), "government": ("head_of_government",)}
LEADER_ROLES = {"head_of_state", "head_of_government", "president_elect"}
PERSON_PAIR_HEADS = {"leader", "man", "woman", "president", "minister", "premier", "counterpart",
                     "head", "chancellor"}
PAIR_HEADS = {"country", "nation", "state", "side", "government", "leader", "party", "neighbour", "neighbor",
              "capital", "president", "minister", "ally"}
DATELINE = re.compile(r"\A\s*([A-Z][A-Z .'-]{2,40}),(?:\s*([A-Z][A-Za-z .'-]{2,40}),)?\s*"
                      r"(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+\.?)\b")


@dataclass
class DocActors:
    """The actors of one document: mentions in text order and a token index."""

    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    dateline_country: str | None = None
    main_country: str | None = None  # the country the text names most, for people with no other cue
    roles: dict[str, str] = field(default_factory=dict)  # actor key -> role words seen in text
    plural: dict[int, list[Actor]] = field(default_factory=dict)  # "the two countries" -> both
    head_end: int = 0  # where a wire dateline ends
    unplaced: dict[int, str] = field(default_factory=dict)  # "demonstrators" with no country: token -> sector
    places: dict[int, str] = field(default_factory=dict)  # tokens of towns ("Samarra") -> their country

    def add(self, span: Span, actor: Actor, how: str) -> Mention:
        m = Mention(span.start_char, span.end_char, span.text, actor, how)
        self.mentions.append(m)
        for t in span:
            self.by_token[t.i] = m
        return m

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def of_phrase(self, head: Token) -> Mention | None:
        """The mention a noun phrase refers to: its head's, else the nearest inside it."""
        m = self.at(head)
        if m is not None:
            return m
        if head.dep_ == "appos" and head.head.i in self.by_token:
            return self.at(head.head)  # "Nawrocki, a historian backed by ..."
        if head.idx < self.head_end:  # the parser made the dateline the subject's head
            after = [self.by_token[t.i] for t in head.sent if t.idx >= self.head_end and t.i in self.by_token]
            return next((m for m in after if m.actor.kind == "person"), after[0] if after else None)
        if head.lemma_.lower() in RELATIONAL_NOUNS:
            return None  # "Israel's militia ally", "Russia's neighbours": someone else than Israel, Russia
        # look only inside the noun phrase proper: modifiers, not clauses or prepositions
        frontier = [head]
        while frontier:
            nxt = [c for t in frontier for c in t.children if c.dep_ in NP_INNER or _leader_of(t, c)]
            found = [c for c in nxt if c.i in self.by_token]
            if found:
                return self.at(min(found, key=lambda t: abs(t.i - head.i)))
            frontier = nxt
        if head.lemma_.lower() in FACILITIES:  # "a camp for Congolese refugees", "the offices of the party"
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "for")):
                for obj in (o for o in prep.children if o.dep_ == "pobj"):
                    return self.of_phrase(obj)
        if head.lemma_.lower() in PARTITIVES or head.like_num:
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
                for obj in (o for o in prep.children if o.dep_ == "pobj"):
                    return self.of_phrase(obj)  # "thousands of Nigerians", "members of the union"
        return None


def _leader_of(modifier: Token, child: Token) -> bool:
    """"the US-led war", "a Saudi-led coalition": the one named before "-led" leads the thing."""
    return modifier.lower_ == "led" and modifier.dep_ == "amod" and child.dep_ in ("npadvmod", "compound", "amod") \
        and child.i < modifier.i


@lru_cache(maxsize=4)
def _matchers(kb: KnowledgeBase) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Exact-case gazetteer of names, and a lower-case matcher of role terms."""
    nlp = load_nlp()
    names = PhraseMatcher(nlp.vocab, attr="ORTH")
    groups = {
        "COUNTRY": kb.country_forms, "DEMONYM": kb.demonym_forms, "CAPITAL": kb.capital_forms,
        "ORG": kb.org_forms, "PERSON": {canon: canon for canon in kb.curated},
    }
    for label, forms in groups.items():
        for form, value in forms.items():
            variants = {form, form.upper()} if form.istitle() and len(form) > 4 else {form}
            if form.startswith("the "):
                variants.add("The" + form[3:])  # "The Kremlin said" at a sentence start
            names.add(f"{label}|{value}", [nlp.make_doc(v) for v in variants])
    # generated historical people (thousands) are found through the NER spans and kb.person()
    aliases = {}
    for folded, canon in kb.person_forms.items():
        if canon in kb.curated:
            aliases.setdefault(canon, set()).add(folded)
    for canon, forms in aliases.items():
        names.add(f"PERSON|{canon}", [nlp.make_doc(f.title()) for f in forms])
    roles = PhraseMatcher(nlp.vocab, attr="LOWER")
    for term in kb.roles:
        roles.add(term, [nlp.make_doc(term)])
    return names, roles


def resolve_actors(doc: Doc, article: Article, kb: KnowledgeBase,
                   quoted: list[tuple[int, int]] = ()) -> DocActors:
    """Find and resolve every actor mention of a parsed article.

    ``quoted`` are the character spans inside quotation marks: a pronoun outside them
    does not refer back to a person only named inside someone's quote.
    """
    out = DocActors(dateline_country=dateline_country(article.text, kb))
    names, role_matcher = _matchers(kb)
    role_spans = {s.start: s for s in _longest(
        [Span(doc, s, e, label=doc.vocab.strings[k]) for k, s, e in role_matcher(doc)])}
    person_roles = {t.i for s in role_spans.values() if kb.roles[s.text.lower()].kind == "person" for t in s}
    spans = _name_spans(doc, names, person_roles, kb.regions, kb.roles)
    spans.update(_misspelt_nations(doc, spans, kb))
    out.main_country = _main_country([s for s in spans.values() if s.label_.split("|")[0] in PLACE_LABELS])
    out.places = _towns(doc, spans, kb, article.published)
    sweep = _Sweep(doc, article.published, kb, out, role_spans, quoted)
    head_end = out.head_end = dateline_end(article.text)
    i = 0
    while i < len(doc) and doc[i].idx < head_end:  # "NEW DELHI, India, Sept 10 (Reuters) -" names no actor
        i += 1
    while i < len(doc):
        if i in spans:
            span = spans[i]
            sweep.name(span)
            i = span.end
            continue
        tok = doc[i]
        if i in role_spans and role_spans[i].end - 1 not in out.by_token:
            consumed = sweep.role_phrase(role_spans[i])
            if consumed:
                i = consumed
                continue
        if tok.lemma_.lower() in PERSON_PAIR_HEADS and tok.pos_ == "NOUN" and _is_pair(tok):
            pair = sweep.last_two_persons(i) or sweep.last_two_countries(i)  # "the two leaders", "the two men"
            if pair:
                out.plural[i] = pair
        elif tok.lemma_.lower() in PAIR_HEADS and tok.pos_ == "NOUN" and _is_pair(tok):
            pair = sweep.last_two_countries(i)
            if pair:
                out.plural[i] = pair
        if tok.lower_ in PERSON_PRONOUNS and tok.pos_ == "PRON":
            sweep.pronoun(tok)
        elif tok.lower_ in STATE_PRONOUNS and tok.pos_ == "PRON":
            sweep.state_pronoun(tok)
        elif tok.lower_ in PLURAL_PRONOUNS and tok.pos_ == "PRON":
            sweep.plural_pronoun(tok)
        elif tok.lower_ == "country" and i not in out.by_token and _bare_definite(tok):
            sweep.definite_state(tok)
        elif i in out.by_token and out.by_token[i].how == "demonym" and tok.dep_ in SUBJ_OBJ \
                and any(c.lower_ == "the" for c in tok.children) and tok.tag_ in ("NN", "NNP", "JJ"):
            actor = sweep.person_of_country(out.by_token[i].actor.country)  # "the Italian said"
            if actor is not None:
                out.add(doc[i - 1:i + 1], actor, "role")
        elif tok.pos_ == "PROPN" and tok.text in sweep.surnames and i not in out.by_token:
            sweep.again(doc[i:i + 1], sweep.surnames[tok.text])
        elif tok.pos_ == "PROPN" and i not in out.by_token and tok.ent_type_ in ("", "PERSON", "ORG", "NORP") \
                and not (tok.is_sent_start and tok.ent_type_ != "PERSON"):  # "Young Algerians ..."
            canon = kb.in_office_by_surname(tok.text, article.published)
            if canon:  # "Orbán did not ...": the one office holder of that name
                sweep.person(doc[i:i + 1], canon, "surname")
        i += 1
    sweep.resolve_deferred()
    _governments_of_people(doc, out, kb, role_spans)
    _place_groups(doc, out)
    _conjoined_groups(doc, out, kb)
    for tok in doc:  # "Militants loyal to X said they ...": groups placed only now are antecedents too
        if tok.lower_ in PLURAL_PRONOUNS and tok.pos_ == "PRON" and tok.i not in out.by_token \
                and tok.i not in out.plural:
            sweep.plural_pronoun(tok)
    _flagged_vessels(doc, out)
    for tok in doc:  # a headline's "Carney" before the story introduces "Mark Carney"
        if tok.i not in out.by_token and tok.is_title and tok.text in sweep.surnames and tok.idx >= head_end:
            out.add(doc[tok.i:tok.i + 1], sweep.surnames[tok.text], "surname")
    out.mentions.sort(key=lambda m: m.start)
    return out


DATELINE_SPAN = re.compile(
    r"\A\s*[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,40}?)?"
    r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]+day))?"
    r"\.?\s*(?:\([^)]{1,40}\)\s*)?(?:[-—–]\s+|(?<=\d)\.\s+|(?<=day)\.\s+)")
PLACE_LABELS = {"COUNTRY", "DEMONYM", "CAPITAL"}


def dateline_end(text: str) -> int:
    """Where a wire dateline ("BAKU, Azerbaijan, November 28. ", "CANBERRA — ") ends, else 0."""
    m = DATELINE_SPAN.match(text)
    return m.end() if m else 0


def _main_country(places: list[Span]) -> str | None:
    """The country named most often (names, demonyms, capitals), if one stands out."""
    counts: dict[str, int] = {}
    for s in places:
        code = s.label_.split("|", 1)[1]
        counts[code] = counts.get(code, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def dateline_country(text: str, kb: KnowledgeBase) -> str | None:
    """Country of a wire dateline ("ASTANA, Kazakhstan, March 2.")."""
    m = DATELINE.match(text)
    if not m:
        return None
    for part in (m.group(2), m.group(1)):
        if not part:
            continue
        part = part.strip()
        for form in (part, part.title()):
            code = kb.country_forms.get(form) or kb.capital_forms.get(form)
            if code:
                return code
    return None


def _longest(spans: list[Span]) -> list[Span]:
    chosen, taken = [], set()
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not taken.intersection(range(s.start, s.end)):
            chosen.append(s)
            taken.update(range(s.start, s.end))
    return sorted(chosen, key=lambda s: s.start)


def _name_spans(doc: Doc, names: PhraseMatcher, person_roles: set[int],
                regions: dict[str, str], roles) -> dict[int, Span]:
    """Gazetteer matches first, then the rest of spaCy's PERSON/ORG entities.

    An entity the gazetteer covers in part keeps its uncovered tail ("Warsaw Mayor Rafał
    Trzaskowski" -> a person after the capital and the title); a person's title inside an
    ORG entity makes it a person (the small model often labels titled names ORG).
    """
    found = [Span(doc, s, e, label=doc.vocab.strings[k]) for k, s, e in names(doc)]
    found = [s for s in found if not _is_lowercase_word(s)]
    matched = {t.i for s in found for t in s}
    found = [s for s in found if not _place_in_a_name(s, matched, person_roles, regions, roles)
             and not _stance(s)]
    found = [_regnal(s, person_roles) for s in found]
    covered = {t.i for s in found for t in s}
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        start = max([ent.start] + [i + 1 for i in range(ent.start, ent.end) if i in covered])
        titled = False
        while start < ent.end and (doc[start].is_punct or doc[start].lower_ in TITLE_WORDS
                                   or doc[start].tag_ == "POS" or start in person_roles):
            titled = titled or start in person_roles
            start += 1
        end = ent.end
        of = next((k for k in range(start, end) if doc[k].lower_ in ("of", "from")), None)
        if titled and of is not None:
            end = of  # "economist Mamadou Ndiaye of Cheikh Anta Diop University"
        while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
            end -= 1
        titled = titled or (start - 1) in person_roles  # "economist Rodrigo Elizalde" tagged ORG
        if end > start and all(t.pos_ == "PROPN" or (t.text == "-" and start < t.i < end - 1)  # "Zia-Ul-Haq"
                               for t in doc[start:end]):
            label = "PERSON" if titled and end - start <= 4 else ent.label_
            found.append(Span(doc, start, end, label=f"NER|{label}"))
    covered = {t.i for s in found for t in s}
    for i in sorted(person_roles):
        j = i + 1
        if j in person_roles or j in covered or j >= len(doc):
            continue
        k = j
        words = 0
        while k < len(doc) and words < 5 and (doc[k].pos_ == "PROPN" or (doc[k].text == "-" and k + 1 < len(doc)
                                                                           and doc[k + 1].pos_ == "PROPN")):
            words += doc[k].text != "-"
            k += 1
        if k - j >= 2 or (k - j == 1 and doc[j].ent_type_ == "PERSON"):
            found.append(Span(doc, j, k, label="NER|PERSON"))  # "activist Jean-Robert Pierre"
    return {s.start: s for s in _longest(found)}


def _misspelt_nations(doc: Doc, spans: dict[int, Span], kb: KnowledgeBase) -> dict[int, Span]:
    """Country names and demonyms misspelt by one letter ("Ethopia", "Afganistan"): proper nouns
    no other name, person or organisation covers, and no town the gazetteer knows."""
    covered = {t.i for s in spans.values() if len(s) > 1 or not s.label_.startswith("NER|") for t in s}
    found = {}
    for t in doc:
        part_of_a_name = t.ent_type_ in ("PERSON", "ORG") and (t.ent_iob_ == "I" or (
            t.i + 1 < len(doc) and doc[t.i + 1].ent_iob_ == "I"))  # "Camboda" alone may be tagged ORG
        if t.pos_ != "PROPN" or t.i in covered or part_of_a_name or t.ent_type_ == "PERSON" \
                or t.text in kb.cities or kb.person(t.text) is not None:
            continue
        hit = kb.misspelt_country(t.text)
        if hit:
            found[t.i] = Span(doc, t.i, t.i + 1, label=f"{hit[0]}|{hit[1]}")
    return found


def _stance(span: Span) -> bool:
    """"an anti-Syria journalist", "pro-Russian separatists": a stance, not a nationality."""
    doc, i = span.doc, span.start
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("anti", "pro")


REGNAL = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})")


def _regnal(span: Span, person_roles: set[int]) -> Span:
    """"King Abdullah II" is not "King Abdullah": a known name followed by a regnal number is
    another person, looked up with the number."""
    doc = span.doc
    if not span.label_.startswith("PERSON|") or span.end >= len(doc) or not REGNAL.fullmatch(doc[span.end].text):
        return span
    start = span.start
    while start < span.end and (start in person_roles or doc[start].lower_ in TITLE_WORDS):
        start += 1
    return Span(doc, start, span.end + 1, label="NER|PERSON")


def _place_in_a_name(span: Span, matched: set[int], person_roles: set[int], regions: dict[str, str],
                     roles) -> bool:
    """A country or capital word that is part of another name: a person's ("Chad Johnson",
    "Denzel Washington"), a place's ("Jamaica Plain"), or a town with its state ("Moscow, Idaho",
    "Atlanta, Georgia")."""
    kind = span.label_.split("|")[0]
    if kind not in ("COUNTRY", "CAPITAL", "ORG") or (kind == "ORG" and len(span) > 1):
        return False  # one-word organisation aliases too: "Total" in "the Total Independence of Angola"
    doc = span.doc

    def plain_name(i: int) -> bool:  # a capitalised word that is no title, role or other known name
        t = doc[i]
        return t.pos_ == "PROPN" and t.is_title and i not in matched and i not in person_roles \
            and t.lower_ not in TITLE_WORDS and t.text not in regions and t.ent_type_ not in ("DATE", "TIME") \
            and t.lower_ not in roles and t.lower_ not in WEEKDAYS
    if span.end < len(doc) and plain_name(span.end):
        return True
    if kind == "ORG" and _inside_a_longer_name(span):
        return True  # "Labour" and "Congress" in "the Nigeria Labour Congress"
    if span.text == "America" and span.start > 0 and doc[span.start - 1].text in AMERICAS:
        return True  # "South America", "Latin America": the continent
    if span.start > 0 and plain_name(span.start - 1) and doc[span.start - 1].ent_iob_ != "O" \
            and span[0].ent_iob_ == "I" and doc[span.start - 1].ent_type_ in ("PERSON", "ORG"):
        return True
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in WATERS \
            and doc[span.start - 2].is_title:
        return True  # "the Sea of Japan", "the Gulf of Mexico": a body of water
    after = doc[span.end:span.end + 4].text
    if after.startswith(", ") and any(after.startswith(f", {r}") and not after.startswith(f", {r}'s") for r in regions):
        return True
    before = doc[span.start - 2:span.start] if span.start >= 2 else None
    return span.text in regions and before is not None and before[1].text == "," and before[0].is_title \
        and before[0].pos_ == "PROPN"


def _inside_a_longer_name(span: Span) -> bool:
    """A one-word name after the first word of a longer organisation's name, which spaCy saw whole."""
    tok = span[0]
    if tok.ent_type_ != "ORG" or tok.ent_iob_ != "I":
        return False
    start = tok.i
    while start > 0 and tok.doc[start].ent_iob_ == "I":
        start -= 1
    first = start + 1 if tok.doc[start].lower_ == "the" else start
    return tok.i > first


SECURITY_SECTORS = {"COP", "MIL"}  # "police fired tear gas" in a story about one country: its police
AMERICAS = {"South", "North", "Latin", "Central"}


def _is_lowercase_word(span: Span) -> bool:
    # "Chad" must not match "chad"; sentence-initial capitals are handled by ORTH matching.
    return span.text.islower()


class _Sweep:
    """State of the left-to-right resolution over one document."""

    def __init__(self, doc: Doc, when: date, kb: KnowledgeBase, out: DocActors, role_spans: dict[int, Span],
                 quoted=()):
        self.doc, self.when, self.kb, self.out, self.role_spans = doc, when, kb, out, role_spans
        self.quoted = list(quoted)
        self.groups: list[tuple[int, Actor, str]] = []  # (token, actor, role term) of collectives
        self.surnames: dict[str, Actor] = {}
        self.persons: list[tuple[int, Actor, str | None]] = []  # (token, actor, role term)
        self.deferred: list[Token] = []  # cataphoric pronouns, resolved after the sweep
        self.gender: dict[str, str] = {}  # actor key -> "m"/"f", learnt from titles and resolved pronouns

    # -- names -----------------------------------------------------------
    def name(self, span: Span) -> None:
        kind, _, value = span.label_.partition("|")
        kb = self.kb
        if kind in ("COUNTRY", "CAPITAL", "DEMONYM"):
            value = kb.as_of(value, self.when)  # "Juba" before South Sudan's independence is Sudan's
        if kind == "COUNTRY" or kind == "CAPITAL":
            actor = country_actor(value, kb)
            self.out.add(span, actor, kind.lower())
        elif kind == "DEMONYM":
            people = span.root.tag_ in ("NNPS", "NNS") and span.root.dep_ not in ("amod", "compound")
            home = self._residence(span) if people else None
            if people and (home or any(c.lower_ == "ethnic" for c in span.root.children)):
                # "Bosnian Serbs", "ethnic Albanians in south Serbia": a community where it lives
                if home:
                    self.out.add(span, group_actor(home, "CVL"), "group")
                return
            if people and not any(c.dep_ == "det" and c.lower_ == "the" for c in span.root.children):
                self.out.add(span, group_actor(value, "CVL"), "group")  # "Young Algerians blocked roads"
                return
            self.out.add(span, country_actor(value, kb), "demonym")
        elif kind == "ORG":
            org = kb.orgs[value]
            country = org.country if org.country not in ("", None) else None
            actor = Actor(f"org:{org.code}", org.name, country, org.sector, "organization", org.kind, org.igo)
            self.out.add(span, actor, "kb")
        elif kind == "PERSON":
            self.person(span, value, "kb")
        elif value == "PERSON" and len(span) == 1 and span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN" \
                and span.text not in self.surnames and kb.person(span.text) is None \
                and fold(span.text) not in kb.surnames \
                and not any(r.end == span.start for r in self.role_spans.values()):
            return  # "a Karen guerrilla stronghold": a people's or a place's name modifying a noun, no person
        elif value == "PERSON" or (value == "ORG" and self._looks_like_person(span)):
            canon = kb.person(span.text) or (kb.by_surname(span.text, self.when) if len(span) == 1 else None)
            if len(span) == 1 and span.text in self.surnames:
                self.again(span, self.surnames[span.text])
            elif canon or (canon := kb.shortened(span.text, self.when) or kb.misspelt(span.text)):
                self.person(span, canon, "kb")
            else:
                self.person(span, None, "title")
        elif value == "ORG":
            self.organization(span)

    def _residence(self, span: Span) -> str | None:
        """The country a community lives in: an adjective before it, or "in/of <country>"."""
        head = span.root
        for c in head.children:
            m = self.out.at(c)
            if c.dep_ in ("amod", "compound") and c.i < span.start and m is not None and m.actor.kind == "country":
                return m.actor.country
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "from"):
                for t in prep.subtree:
                    code = self.kb.country_forms.get(t.text)
                    if code:
                        return code
        if head.dep_ in ("nsubj", "dobj") and head.head.pos_ == "VERB":
            for prep in head.head.children:  # "ethnic Albanians demonstrated in Serbia"
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    code = next((self.kb.country_forms[o.text] for o in prep.children
                                 if o.dep_ == "pobj" and o.text in self.kb.country_forms), None)
                    if code:
                        return code
        return None

    @staticmethod
    def _ethnic(head: Token) -> bool:
        """"ethnic Albanian guerrillas", "ethnic Serb civilians": a community named by its kin nation."""
        return any(t.lower_ == "ethnic" for t in head.subtree if t.i < head.i)

    def _community_home(self, head: Token) -> str | None:
        """Where a community named by its kin nation lives: "in X" on the noun, on a participle after
        it ("guerrillas operating in Macedonia"), or on the verb it is the subject of."""
        holders = [head, *(c for c in head.children if c.dep_ == "acl")]
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ == "VERB":
            holders.append(head.head)
        for h in holders:
            for prep in h.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "inside", "throughout", "across"):
                    code = next((self.kb.country_forms[o.text] for o in prep.children
                                 if o.dep_ == "pobj" and o.text in self.kb.country_forms), None)
                    if code:
                        return code
        return None

    def _looks_like_person(self, span: Span) -> bool:
        # The small model often labels a known surname ORG ("Orbán's").
        return len(span) == 1 and (span.text in self.surnames or self.kb.by_surname(span.text, self.when) is not None)

    def person(self, span: Span, canon: str | None, how: str) -> None:
        role_term, title_country, title_igo = self._title(span)
        if canon and title_country and title_country != "IGO" and len(span) == 1:
            held = self.kb.role_at(canon, self.when)
            if held is not None and held.country not in (title_country, "IGO"):
                canon = None  # "King Hassan of Morocco" is not the Somali Hassan the KB knows
        if canon:
            role = self.kb.role_at(canon, self.when)
            country = role.country if role else title_country
            sector = role.sector if role else ()
            igo = (role.igo if role else None) or (title_igo if country == "IGO" else None)
            if title_country == "IGO" and country != "IGO":  # "U.N. mediator Diego Cordovez": for the UN
                term = self.kb.roles.get(role_term or "")
                country, igo, sector = "IGO", title_igo, (term.sector,) if term and term.sector else sector
            actor = Actor(f"person:{fold(canon)}", canon, country, sector, "person",
                          role.role if role else role_term, igo)
        else:
            name = span.text
            sector_term = self.kb.roles.get(role_term or "")
            country = title_country or self.out.dateline_country or \
                self.kb.surname_country(surname(name, None)) or self.out.main_country
            sector = (sector_term.sector,) if sector_term and sector_term.sector else self._member_sector(span)
            actor = Actor(f"person:{fold(name)}", name, country, sector, "person", role_term,
                          title_igo if country == "IGO" else None)
        if len(span) == 1 and span.text in self.surnames:
            actor = self.surnames[span.text]
        self.out.add(span, actor, how)
        cue = _title_gender(self.doc, span, role_term)
        if cue:
            self.gender.setdefault(actor.key, cue)
        if role_term:
            self.out.roles.setdefault(actor.key, role_term)
        if actor.name:
            self.surnames.setdefault(surname(actor.name, actor.country), actor)
        self.persons.append((span.root.i, actor, role_term or self.out.roles.get(actor.key)))

    def again(self, span: Span, actor: Actor) -> None:
        """A person named again by surname ("Mrs May"): the title tells the gender."""
        start = span.start  # "Mr López Obrador": the rest of the name stands between title and surname
        while start > 0 and self.doc[start - 1].pos_ == "PROPN" and actor.name \
                and self.doc[start - 1].text in actor.name.split():
            start -= 1
        span = self.doc[start:span.end]
        self.out.add(span, actor, "surname")
        cue = _title_gender(self.doc, span, None)
        if cue:
            self.gender.setdefault(actor.key, cue)
        self.persons.append((span.root.i, actor, self.out.roles.get(actor.key)))

    def organization(self, span: Span) -> None:
        """An organisation the KB does not know; "Ukraine's Foreign Ministry" is the state's."""
        country = None
        for t in (*span, *(c for c in span.root.children if c.dep_ in ("poss", "amod", "compound"))):
            m = self.out.at(t)
            code = (m.actor.country if m and m.actor.kind == "country" else None) or \
                self.kb.demonym_forms.get(t.text) or self.kb.country_forms.get(t.text)
            country = country or code
        term = self.kb.roles.get(span.text.lower()) or self.kb.roles.get(span.root.lemma_.lower())
        if term is not None and term.kind in ("org", "group") and country:
            actor = group_actor(country, term.sector)
            self.out.add(span, actor, "group")
            self.groups.append((span.start, actor, span.text.lower()))
            return
        self.out.add(span, Actor(f"org:{fold(span.text)}", span.text, country, (), "organization"), "ner")

    def _title(self, span: Span) -> tuple[str | None, str | None, str | None]:
        """Role words and country given before a name ("EU foreign policy chief Kaja Kallas"),
        in apposition to it, or by "of <country>" ("Jannik Sinner of Italy")."""
        doc, role, country, igo = self.doc, None, None, None
        head = span.root
        sent = span.sent  # its bounds, once: Token.sent walks to the sentence start on every call
        left = sorted((t for t in head.subtree if sent.start <= t.i < span.start), key=lambda t: t.i)
        role_tokens = {t.i for s in self.role_spans.values() if self.kb.roles[s.text.lower()].kind == "person"
                       for t in s}
        i = span.start - 1
        while i >= sent.start and (doc[i] in left or doc[i].lower_ in TITLE_WORDS or i in role_tokens
                                   or (self.out.at(doc[i]) is not None and self.out.at(doc[i]).how == "demonym")):
            i -= 1
        for tok in doc[i + 1:span.start]:
            m = self.out.at(tok)
            if m is not None and m.actor.country and m.actor.kind in ("country", "organization"):
                country = country or m.actor.country
                igo = igo or m.actor.igo
        roles = [s for s in self.role_spans.values() if i + 1 <= s.start and s.end <= span.start]
        if roles:
            role = roles[-1].text.lower()
        for child in head.children:
            if child.dep_ == "appos":
                for s in self.role_spans.values():
                    if s.root == child or child in s:
                        role = role or s.text.lower()
                for t in child.subtree:
                    code = self.kb.demonym_forms.get(t.text) or self.kb.country_forms.get(t.text)
                    country = country or code
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                for obj in child.children:
                    country = country or self.kb.country_forms.get(obj.text)
        if head.dep_ == "appos":  # "another Mexican economist, Lucía Ferrer,"
            for s in self.role_spans.values():
                if head.head in s:
                    role = role or s.text.lower()
            for c in head.head.children:
                m = self.out.at(c) if c.dep_ in ("amod", "compound", "poss") else None
                if m is not None and m.actor.kind == "country":
                    country = country or m.actor.country
        return role, country, igo

    # -- descriptions and pronouns ----------------------------------------
    def role_phrase(self, span: Span) -> int | None:
        """"the head of state", "the Uzbek leader", "the ministry", "Hungarian officials" ..."""
        text = span.text.lower()
        term = self.kb.roles.get(text)
        if term is None:
            return None
        root = span.root
        if root.dep_ == "compound" and root.head.i == span.end and root.head.lemma_.lower() in COLLECTIVE_HEADS:
            # "opposition groups in Zimbabwe", "army circles": the collective takes the role's sector
            span, term = self.doc[span.start:span.end + 1], replace(term, kind="group")
        nxt = self.doc[span.end] if span.end < len(self.doc) else None
        if nxt is not None and (nxt.pos_ == "PROPN" or nxt.ent_type_ == "PERSON"):
            return None  # a title before a name: handled with the name
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in span.root.children):
            return None  # "another Mexican economist, Lucía Ferrer,": the name carries it
        first = span[0]
        left = self.doc[first.i - 1] if first.i > 0 else None
        country = None
        led = [x for c in span.root.children if c.lower_ == "led" for x in c.children]  # "Vietnamese-led forces"
        led += [x for c in span.root.children if c.dep_ == "compound" for x in c.children
                if x.dep_ == "amod"]  # "Turkish Kurd refugees"
        for t in (left, *(c for c in span.root.children if c.dep_ in ("amod", "compound", "poss")), *led):
            m = self.out.at(t) if t is not None else None
            if m and m.actor.kind == "country":
                country = m.actor.country
        of_country = self._of_country(span.root)
        country = country or of_country
        kin = country if country and self._ethnic(span.root) else None
        if kin:
            country = self._community_home(span.root) or country  # "ethnic Albanian guerrillas in Macedonia"
        if not country and (term.kind == "group" or span.root.tag_ == "NNS"):
            country = self._located(span.root)  # "students throughout Indonesia", "demonstrators in Baghdad"
        definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
                       for c in span.root.children)
        definite = definite or any(c.dep_ == "poss" and self.out.at(c) is not None
                                   and self.out.at(c).actor.kind == "country" for c in span.root.children)
        if term.kind == "person":
            actor = self._antecedent(term, country) if definite else None
            if actor is not None:
                self.out.add(self._with_det(span), actor, "role")
                return span.end
            holder_role = HEAD_OF_ROLES.get(term.head_of or "", (None,))[0]
            if holder_role and (country or self.out.dateline_country) and (definite or of_country):
                name = self.kb.holder(country or self.out.dateline_country, holder_role, self.when)
                if name:
                    self.person(self._with_det(span), name, "role")
                    return span.end
            if country and (definite or of_country or left is not None and self.out.at(left)):
                # "the president of Armenia" when the KB does not know who: that state's office
                self.out.add(self._with_det(span), group_actor(country, term.sector), "group")
                return span.end
            return None
        if country:
            actor = group_actor(country, term.sector)
            self.out.add(self._with_det(span), actor, "group")
            self.groups.append((span.start, actor, text))
            others = (self._conjoined_countries(span.root) | set(self._of_countries(span.root))) - {country, kin}
            if others:  # "Hungarian and Romanian officials" are two sides
                self.out.plural[span.root.i] = [actor, *(group_actor(c, term.sector) for c in sorted(others))]
            return span.end
        if definite:
            actor = next((a for _, a, t in reversed(self.groups) if t == text or t.endswith(" " + text)), None)
            if actor is not None:
                self.out.add(self._with_det(span), actor, "role")
                return span.end
        if term.sector and (term.kind == "group" or term.sector in SECURITY_SECTORS):
            self.out.unplaced[span.root.i] = term.sector  # placed later by the event around it
        return None

    def _conjoined_countries(self, head: Token) -> set[str]:
        found = set()
        for c in head.children:
            if c.dep_ in ("amod", "compound"):
                for t in (c, *(x for x in c.children if x.dep_ == "conj")):
                    m = self.out.at(t)
                    code = m.actor.country if m and m.actor.kind == "country" else self.kb.demonym_forms.get(t.text)
                    if code:
                        found.add(code)
        return found

    def last_two_countries(self, before: int) -> list[Actor] | None:
        """"the two countries", "both sides": the two countries the text has made most of so far."""
        counts: dict[str, list[int]] = {}
        for m in self.out.mentions:
            c = m.actor.country
            if m.end <= self.doc[before].idx and c and c not in ("IGO", "NGO", "IMG"):
                counts.setdefault(c, [0, 0])
                counts[c][0] += 1
                counts[c][1] = m.end
        ranked = sorted(counts, key=lambda c: (counts[c][0], counts[c][1]), reverse=True)[:2]
        if len(ranked) < 2:
            return None
        return [country_actor(c, self.kb) for c in sorted(ranked, key=lambda c: counts[c][1])]

    def last_two_persons(self, before: int) -> list[Actor] | None:
        """The two people of different countries named last before a token ("the two leaders");
        office holders first: after a summit, "the two men" are its principals, not someone quoted."""
        named = sorted((p for p in self.persons if p[0] < before), key=lambda p: p[0], reverse=True)
        for officials_only in (True, False):
            chosen: list[Actor] = []
            for _, a, _ in named:
                if officials_only and "GOV" not in a.sector:
                    continue
                if a.country and all(a.key != c.key and a.country != c.country for c in chosen):
                    chosen.append(a)
                if len(chosen) == 2:
                    return chosen[::-1]
        return None

    def _with_det(self, span: Span) -> Span:
        """The whole description: "the Uzbek leader", not just "leader"."""
        mods = [c.i for c in span.root.children if c.dep_ in ("det", "amod", "compound", "poss", "nummod")
                and c.i < span.start]
        start = min([span.start, *mods])
        return self.doc[start:span.end]

    def _of_country(self, head: Token) -> str | None:
        """"the president of Armenia", "leaders of Romania's new government"."""
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    code = self.kb.country_forms.get(obj.text)
                    if code:
                        return code
                    m = self.out.of_phrase(obj)
                    if m is not None and m.actor.kind in ("country", "group"):
                        return m.actor.country
                    for t in (obj, *(c for c in obj.children if c.dep_ == "compound")):
                        if t.i in self.out.places:  # "the government of Sindh province"
                            return self.out.places[t.i]
        return None

    def _member_sector(self, span: Span) -> tuple[str, ...]:
        """"A member of the Syrian parliament, Mohammed Mamoun": the body's sector."""
        head = span.root
        if head.dep_ != "appos":
            return ()
        for prep in (c for c in head.head.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                m = self.out.of_phrase(obj)
                if m is not None and m.actor.kind in ("group", "organization") and m.actor.sector:
                    return m.actor.sector
        return ()

    def _located(self, head: Token) -> str | None:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS:
                for obj in (o for o in prep.children if o.dep_ == "pobj"):
                    start = min([obj.i, *(c.i for c in obj.children if c.dep_ in ("compound", "amod"))])
                    if obj.i in self.out.places:  # "demonstrators in Kirkuk"
                        return self.out.places[obj.i]
                    for form in (obj.text, self.doc[start:obj.i + 1].text):
                        code = self.kb.country_forms.get(form) or self.kb.capital_forms.get(form)
                        if code:
                            return code
                    for c in obj.children:  # "doctors from two American aid groups"
                        if c.dep_ in ("amod", "compound") and c.text in self.kb.demonym_forms:
                            return self.kb.demonym_forms[c.text]
        return None

    def _of_countries(self, head: Token) -> list[str]:
        """"the leaders of Brazil, India, China and South Africa": every country listed."""
        codes = []
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                for t in (obj, *(x for x in obj.subtree if x.dep_ == "conj")):
                    start = min([t.i, *(c.i for c in t.children if c.dep_ == "compound")])
                    code = self.kb.country_forms.get(self.doc[start:t.i + 1].text)
                    if code and code not in codes:
                        codes.append(code)
        return codes

    def person_of_country(self, country: str | None) -> Actor | None:
        return next((a for _, a, _ in reversed(self.persons) if a.country == country), None)

    def _antecedent(self, term, country: str | None = None) -> Actor | None:
        """The latest person a description fits: same role words, else same office or field."""
        wanted = HEAD_OF_ROLES.get(term.head_of or "", ())
        candidates = [(a, r) for _, a, r in reversed(self.persons) if country is None or a.country == country]
        for actor, role_term in candidates:  # the same words first: "the king" after "King Salman", not the
            if role_term and (role_term == term.term or role_term.endswith(" " + term.term)):
                return actor  # president named since
            if actor.role and actor.role.replace("_", "-") == term.term:
                return actor  # "the president-elect": the KB's office on that date
        for actor, _ in candidates:
            if wanted and actor.role in wanted[:1]:
                return actor
        for actor, role_term in candidates:
            if term.sector and term.sector != "GOV" and term.sector in actor.sector:
                return actor  # "the expert" after "political scientist X"
            # the office the KB gives, else the title the text gave ("Brazilian President Cardoso")
            led = [t for t in (self.kb.roles.get(actor.role or ""), self.kb.roles.get(role_term or "")) if t]
            if country and term.sector == "GOV" and term.head_of == "either" and \
                    (actor.role in LEADER_ROLES or any(t.head_of for t in led)):
                return actor  # "the Uzbek leader", "the Fijian leader" after "Fijian Prime Minister X"
        return None

    def pronoun(self, tok: Token) -> None:
        if self._cataphoric(tok):
            self.deferred.append(tok)
            return
        actor = self.pronoun_antecedent(tok)
        if actor is not None:
            self.out.add(self.doc[tok.i:tok.i + 1], actor, "pronoun")
            self.gender.setdefault(actor.key, PRONOUN_GENDER.get(tok.lower_, ""))

    def state_pronoun(self, tok: Token) -> None:
        """"Hungary said it would ...": "it" is the latest state or organisation, in this or the last sentence."""
        if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            return
        inside = self._quote_of(tok)
        first = tok.sent.start if tok.sent.start == 0 else self.doc[tok.sent.start - 1].sent.start
        candidates = []
        for m in reversed([m for m in self.out.mentions if m.end <= tok.idx]):
            if m.start < self.doc[first].idx:
                break
            quoted = any(a <= m.start < b for a, b in self.quoted)
            if m.actor.kind in ("country", "organization", "group") and m.actor.country and \
                    (inside is not None or not quoted):
                candidates.append(m)
        m = _subject_first(self.doc, candidates)
        if m is not None:
            self.out.add(self.doc[tok.i:tok.i + 1], m.actor, "pronoun")

    def definite_state(self, tok: Token) -> None:
        """"Kuwait marked the anniversary of Iraq's invasion of the country": the latest state
        that is a clause's subject, in this or the last sentence, else the latest state."""
        first = tok.sent.start if tok.sent.start == 0 else self.doc[tok.sent.start - 1].sent.start
        inside = self._quote_of(tok)
        states = [m for m in reversed(self.out.mentions) if m.end <= tok.idx and m.start >= self.doc[first].idx
                  and m.actor.kind == "country"
                  and (inside is not None or not any(a <= m.start < b for a, b in self.quoted))]
        m = _subject_first(self.doc, states)
        if m is not None:
            det = next((c for c in tok.children if c.dep_ == "det"), tok)
            self.out.add(self.doc[min(det.i, tok.i):tok.i + 1], m.actor, "role")

    def plural_pronoun(self, tok: Token) -> None:
        """"Palestinian leaders said they would ...": the latest collective, or pair, nearby."""
        if self._quote_of(tok) is not None:
            return  # inside a quote "they" is too often someone the speaker talks about
        first = tok.sent.start if tok.sent.start == 0 else self.doc[tok.sent.start - 1].sent.start
        for i in range(tok.i - 1, first - 1, -1):
            if i in self.out.plural:
                self.out.plural[tok.i] = self.out.plural[i]
                return
            m = self.out.by_token.get(i)
            if m is not None and m.actor.kind == "group" and m.how != "pronoun":
                self.out.add(self.doc[tok.i:tok.i + 1], m.actor, "pronoun")
                return

    def _cataphoric(self, tok: Token) -> bool:
        """"In his speech, X said ...": a possessive in a fronted phrase points ahead."""
        sent = tok.sent
        if tok.lower_ not in ("his", "her") or sent[0].pos_ != "ADP":
            return False
        comma = next((t for t in sent if t.text == ","), None)
        return comma is not None and tok.i < comma.i

    def resolve_deferred(self) -> None:
        for tok in self.deferred:
            comma = next(t for t in tok.sent if t.text == ",")
            ahead = next((self.out.by_token[t.i] for t in tok.sent
                          if t.i > comma.i and t.i in self.out.by_token
                          and self.out.by_token[t.i].actor.kind == "person"), None)
            actor = ahead.actor if ahead is not None else self.pronoun_antecedent(tok)
            if actor is not None:
                self.out.add(self.doc[tok.i:tok.i + 1], actor, "pronoun")
        self.out.mentions.sort(key=lambda m: m.start)

    def _quote_of(self, tok: Token) -> int | None:
        return next((k for k, (a, b) in enumerate(self.quoted) if a <= tok.idx < b), None)

    def pronoun_antecedent(self, tok: Token) -> Actor | None:
        inside = self._quote_of(tok)
        wanted = PRONOUN_GENDER.get(tok.lower_)
        persons = [(i, a) for i, a, _ in sorted(self.persons, key=lambda p: p[0]) if i < tok.i
                   and (inside is not None or self._quote_of(self.doc[i]) is None)
                   and self.gender.get(a.key, wanted) in (wanted, "")]
        if not persons:
            return None
        sent = tok.sent
        subj = _clause_subject(tok)
        subj_actor = self.out.at(subj).actor if subj is not None and self.out.at(subj) else None
        if tok.dep_ in ("dobj", "pobj", "dative", "iobj") and subj_actor is not None:
            for _, a in reversed(persons):
                if a.key != subj_actor.key:
                    return a
        if tok.lower_ in ("his", "her") and tok.i < sent.root.i:
            main_subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if main_subj is not None and main_subj.i > tok.i:
                ahead = self._person_at(main_subj)
                if ahead is not None:
                    return ahead
        if tok.dep_ in ("nsubj", "nsubjpass"):
            here = [(i, a) for i, a in persons if sent.start <= i < sent.end]
            if here:  # "According to analyst X, ..., she warned": the person of this sentence
                subj = [(i, a) for i, a in here if self.doc[i].dep_ in ("nsubj", "nsubjpass")]
                return (subj or here)[-1][1]
            for i, a in reversed(persons):
                t = self.doc[i]
                if not sent.start <= i < sent.end and t.dep_ in ("nsubj", "nsubjpass"):
                    return a
        return persons[-1][1]

    def _person_at(self, tok: Token) -> Actor | None:
        canon = self.kb.person(" ".join(t.text for t in tok.subtree if t.pos_ == "PROPN"))
        if canon:
            role = self.kb.role_at(canon, self.when)
            return Actor(f"person:{fold(canon)}", canon, role.country if role else None,
                         role.sector if role else (), "person", role.role if role else None)
        if tok.text in self.surnames:
            return self.surnames[tok.text]
        return None


def _bare_definite(tok: Token) -> bool:
    """"the country", not "the Baltic country" or "a country"."""
    kids = [c for c in tok.children if c.dep_ in ("det", "amod", "compound", "nummod", "poss")]
    return tok.tag_ == "NN" and len(kids) == 1 and kids[0].lower_ == "the"


def _subject_first(doc: Doc, mentions: list[Mention]) -> Mention | None:
    """"it"/"its": the latest singular state or body that is a clause's subject ("Turkey asked the
    United States to extradite Gulen, whom it blames"), else the latest singular one; never one
    inside a plural phrase ("Indian warplanes crossed into its territory")."""
    singular = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = head = span.root
        while head.dep_ in ("amod", "compound") and head.head.i != head.i:
            head = head.head  # "Indian" in "Indian warplanes": the phrase's head
        if head.tag_ in ("NNS", "NNPS") and (m.actor.kind != "country" or head.i != root.i):
            continue  # "the United States" is one state
        singular.append((m, root))
    subject = next((m for m, r in singular if r.dep_ in ("nsubj", "nsubjpass")
                    or (r.dep_ == "poss" and r.head.dep_ in ("nsubj", "nsubjpass"))), None)
    return subject or (singular[0][0] if singular else None)


def _title_gender(doc: Doc, span: Span, role_term: str | None) -> str | None:
    """"Mrs", "Queen", "spokeswoman": what the text itself says."""
    if role_term and role_term.endswith("woman"):
        return "f"
    if role_term and role_term.endswith("man"):
        return "m"
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    return TITLE_GENDER.get(prev)


def _is_pair(tok: Token) -> bool:
    """"the two countries", "both sides", "the sides"."""
    mods = {c.lower_ for c in tok.children if c.dep_ in ("nummod", "det", "predet")}
    return bool(mods & {"two", "both"}) or (tok.tag_ == "NNS" and tok.lemma_ == "side" and "the" in mods)


def _clause_subject(tok: Token) -> Token | None:
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    if verb.dep_ == "conj":
        for c in verb.head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
    return None


def _conjoined_groups(doc: Doc, out: DocActors, kb: KnowledgeBase) -> None:
    """"Jordanian and Egyptian military aircraft": one phrase, two sides."""
    for m in list(out.mentions):
        a = m.actor
        if a.kind != "group":
            continue
        head = doc.char_span(m.start, m.end, alignment_mode="expand")
        if head is None:
            continue
        head = head.root
        if head.dep_ in ("amod", "compound") and head.head.pos_ in ("NOUN", "PROPN") \
                and head.head.i not in out.by_token:
            head = head.head  # "Jordanian and Egyptian military aircraft": the group word is a modifier
        if head.i in out.plural:
            continue
        countries = []
        for c in head.children:
            if c.dep_ in ("amod", "compound", "nmod"):
                for t in (c, *(x for x in c.subtree if x.dep_ == "conj")):
                    tm = out.at(t)
                    code = (tm.actor.country if tm is not None and tm.actor.kind == "country" else None) or \
                        kb.demonym_forms.get(t.text) or kb.country_forms.get(t.text)
                    if code and code not in countries:
                        countries.append(code)
        if len(countries) >= 2:
            sector = a.sector[0] if a.sector else ""
            out.plural[head.i] = [group_actor(c, sector) for c in countries]


REGIME_NOUNS = {"government", "administration", "regime", "cabinet", "junta"}


def _governments_of_people(doc: Doc, out: DocActors, kb: KnowledgeBase, role_spans: dict[int, Span]) -> None:
    """"the Bush administration", "the government of President Prosper Avril": the named leader's state."""
    for span in role_spans.values():
        head = span.root
        if head.lemma_.lower() not in REGIME_NOUNS or span.end - 1 in out.by_token or head.i in out.by_token:
            continue
        people = [c for c in head.children if c.dep_ in ("compound", "poss")]
        people += [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                   if o.dep_ == "pobj"]
        found = [out.at(t) for t in people if out.at(t) is not None and out.at(t).actor.kind == "person"]
        if found and found[0].actor.country:
            term = kb.roles[span.text.lower()]  # the head word only: "Bush" stays the person's mention
            out.add(doc[head.i:head.i + 1], group_actor(found[0].actor.country, term.sector), "group")


def _place_groups(doc: Doc, out: DocActors) -> None:
    """"police opened fire on demonstrators" in a sentence about one country only: they are its
    demonstrators. With two countries in the sentence the group stays unresolved."""
    for i, sector in out.unplaced.items():
        if i in out.by_token or any(c.i in out.by_token for c in doc[i].children if c.dep_ in NP_INNER):
            continue  # "Pacific Islands Forum leaders" belong to the forum
        sent = doc[i].sent
        countries = {m.actor.country for m in out.mentions if sent.start_char <= m.start < sent.end_char
                     and m.actor.country not in (None, "IGO", "NGO", "IMG")}
        countries |= {code for t, code in out.places.items() if sent.start <= t < sent.end}
        of = [out.of_phrase(o) for p in doc[i].children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj" and not any(c.dep_ == "conj" for c in o.children)]
        of_countries = {m.actor.country for m in of if m is not None and m.actor.kind in ("country", "group")}
        if len(of_countries) == 1:  # "Druze inhabitants of the Syrian Golan Heights"
            countries = of_countries
        if len(countries) > 1:  # "prisoners rioted at a jail in Dili": where they acted
            countries = {c for c in [_acting_place(doc[i], out)] if c}
        if len(countries) == 1:
            head = doc[i]
            start = min([i, *(c.i for c in head.children if c.dep_ in ("det", "amod", "compound", "nummod"))])
            out.add(doc[start:i + 1], group_actor(countries.pop(), sector), "group")


TOWN_LABELS = {"GPE", "LOC", "FAC"}
NATION_LABELS = {"COUNTRY", "DEMONYM"}
WATERS = {"sea", "gulf", "bay", "strait", "straits", "lake", "ocean"}
TOWN_NOUNS = {"town", "city", "village", "port", "capital", "district", "enclave", "suburb", "province", "region"}


def _towns(doc: Doc, spans: dict[int, Span], kb: KnowledgeBase, when: date) -> dict[int, str]:
    """Towns the gazetteer knows, where no other name was matched: spaCy's places, and its
    "persons" and "organisations" that stand where a place does ("a market in Hyderabad").
    Such spans are taken out of ``spans``: they are no unknown actor."""
    found = {}
    named = {s.label_.partition("|")[2] for s in spans.values() if s.label_.split("|")[0] in NATION_LABELS}
    for start, span in list(spans.items()):
        kind, _, code = span.label_.partition("|")
        town = next((c for c, _ in kb.cities.get(span.text, []) if c != code and c in named), None) \
            if kind == "CAPITAL" and code not in named else None
        if town:  # "Tripoli" in an article about Lebanon: the Lebanese town, not Libya's government
            found.update({t.i: town for t in span})
            del spans[start]
    taken = {t.i for s in spans.values() if not s.label_.startswith("NER|") for t in s}
    candidates = [e for e in doc.ents if e.label_ in TOWN_LABELS]
    candidates += [s for s in spans.values() if s.label_.startswith("NER|") and s.text in kb.cities
                   and kb.person(s.text) is None and (_locative(s) or s.text in kb.areas)]  # "annexed Crimea"
    for ent in doc.ents:
        if ent.label_ not in TOWN_LABELS and _after_town_noun(ent):
            candidates.append(ent)  # "the town of Samarra", whatever NER says
    for ent in candidates:
        if any(t.i in taken for t in ent):
            continue
        text = ent.text[4:] if ent.text.startswith(("the ", "The ")) else ent.text
        code = kb.regions.get(text) or kb.city_country(text, named)  # "protesters in Texas"
        if code:
            code = kb.as_of(code, when)
            for t in ent:
                found[t.i] = code
            if ent.start in spans and spans[ent.start].label_.startswith("NER|"):
                del spans[ent.start]
    return found


PLACE_PREPOSITIONS = {"in", "near", "at", "outside", "inside", "around", "from", "into", "across", "toward",
                      "towards", "through", "throughout", "to"}


def _locative(span: Span) -> bool:
    head = span.root
    return (head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS) or _after_town_noun(span)


def _after_town_noun(span: Span) -> bool:
    doc, i = span.doc, span.start
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lemma_.lower() in TOWN_NOUNS


def place_actor(code: str) -> Actor:
    """Where something happens, not who does it: used only to place events and groups."""
    return Actor(f"place:{code}", None, code, (), "place")


ACTING_PREPS = {"in", "at", "inside", "across"}


def _acting_place(tok: Token, out: DocActors) -> str | None:
    """The country of "in/at X" on the verb a subject acts through, following "at a jail in X"."""
    if any(c.dep_ in ("amod", "compound") for c in tok.children):
        return None  # "Gulf Arab leaders met in Riyadh" are not Saudi
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in PARTITIVES:
        tok = tok.head.head  # "thousands of people blocked streets"
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    heads = [tok.head, *(c for c in tok.head.children if c.dep_ == "dobj")]  # "blocked streets in Hong Kong"
    frontier = [p for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in ACTING_PREPS]
    for _ in range(3):
        objects = [o for p in frontier for o in p.children if o.dep_ == "pobj"]
        for o in objects:
            m = out.at(o)
            if m is not None and m.actor.kind == "country":
                return m.actor.country
            if o.i in out.places:
                return out.places[o.i]
        frontier = [p for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ in ("in", "of")]
    return None


def _flagged_vessels(doc: Doc, out: DocActors) -> None:
    """"the Greek-flagged oil tanker Sounion": a merchant ship is its flag state's business."""
    for tok in doc:
        if tok.lower_ != "flagged" or tok.dep_ != "amod" or tok.head.i in out.by_token:
            continue
        flag = next((out.at(c) for c in tok.children if out.at(c) is not None and out.at(c).actor.kind == "country"),
                    None)
        if flag is not None:
            head = tok.head
            start = min([tok.i, *(c.i for c in head.children if c.dep_ in ("det", "amod", "compound") and c.i < head.i),
                         *(c.i for c in tok.children)])
            out.add(doc[start:head.i + 1], group_actor(flag.actor.country, "BUS"), "group")


def country_actor(code: str, kb: KnowledgeBase) -> Actor:
    """A country acting as a whole is its government (PLOVER's convention)."""
    return Actor(f"country:{code}", kb.country_name(code) or code, code, ("GOV",), "country")


def group_actor(code: str, sector: str) -> Actor:
    """An unnamed collective of a country and sector ("Hungarian officials")."""
    sectors = (sector,) if sector else ()
    return Actor(f"group:{code}:{sector}", None, code, sectors, "group")
