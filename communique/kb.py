"""The knowledge base: countries, organisations, people with dated roles, role nouns.

Everything is read from CSV files in ``communique/data`` (each names its sources and
licence in ``#`` header lines). Users extend or override it with a folder of files of
the same names, given by ``COMMUNIQUE_KB`` (several folders separated by ``:``);
their rows are read after the package's, so a user's row for the same key wins.
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, wraps
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
PHOENIX_UNTIL = date(2015, 1, 1)


def read_rows(name: str, folders: tuple[Path, ...] = ()) -> Iterator[dict[str, str]]:
    """Rows of a data file from the package, then from each user folder that has it."""
    sources = [DATA_DIR / name]
    # a user folder holds files named like ours; a user file stands for the table it is named after
    sources += [Path(f) if Path(f).name == name and Path(f).is_file() else Path(f) / name for f in folders]
    for src in sources:
        if not src.is_file():
            continue
        lines = [ln for ln in src.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
        for row in csv.DictReader(lines):
            yield {k.strip(): (v or "").strip() for k, v in row.items() if k}


def read_columns(name: str, columns: tuple[str, ...], folders: tuple[Path, ...] = ()) -> Iterator[list[str]]:
    """Like ``read_rows`` but only the named columns, as lists: for the large tables (cities)."""
    sources = [DATA_DIR / name]
    sources += [Path(f) if Path(f).name == name and Path(f).is_file() else Path(f) / name for f in folders]
    for src in sources:
        if not src.is_file():
            continue
        with src.open(encoding="utf-8", newline="") as f:
            rows = csv.reader(line for line in f if not line.startswith("#"))
            header = [h.strip() for h in next(rows, [])]
            at = [header.index(c) for c in columns]
            for row in rows:
                if len(row) == len(header):
                    yield [row[i].strip() for i in at]


def _one_edit(a: str, b: str) -> bool:
    """Whether two different words are one insertion, deletion, substitution or swap apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                   and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1:]


def split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()] if value else []


ARABIC_ARTICLE = re.compile(r"(?i)\s(?:al|el|ul)[- ](?=[A-Z])")


def fold(text: str) -> str:
    """Case- and accent-free form used for name lookups."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'").strip()


FAMILY_NAME_FIRST = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "KHM", "MNG"}
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def surname(name: str, country: str | None) -> str:
    """The family name: first in Chinese, Korean, Vietnamese names; else last, before Jr./III."""
    parts = [p for p in name.split() if p.lower().strip(",") not in NAME_SUFFIXES] or name.split()
    return parts[0] if country in FAMILY_NAME_FIRST and len(parts) > 1 else parts[-1]


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Organization:
    code: str
    name: str
    aliases: tuple[str, ...]
    country: str
    igo: str | None
    sector: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class PersonRole:
    name: str
    country: str
    sector: tuple[str, ...]
    role: str
    start: date | None
    end: date | None
    scheduled_end: date | None = None
    igo: str | None = None

    def active(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(frozen=True)
class RoleTerm:
    term: str
    sector: str
    kind: str
    head_of: str | None


MEMO_SIZE = 50_000  # answers kept per knowledge base: names recur across a corpus


def _remembered(method):
    """Keep a look-up's answers: the knowledge base is read-only, and the fuzzy look-ups
    (one letter off, a middle name left out) compare a name with thousands of keys."""
    name = method.__name__

    @wraps(method)
    def remembered(self, *args):
        key = (name, *args)
        found = self._memo.get(key, self._memo)
        if found is self._memo:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            found = self._memo[key] = method(self, *args)
        return found
    return remembered


class KnowledgeBase:
    """Indexed, read-only view of the data files."""

    def __init__(self, folders: tuple[Path, ...] = ()):
        self.countries: dict[str, Country] = {}
        self.country_forms: dict[str, str] = {}  # surface form -> code
        self.demonym_forms: dict[str, str] = {}
        self.capital_forms: dict[str, str] = {}
        self.regions = {r["name"]: r["country"] for r in read_rows("regions.csv", folders)}
        self.successions = {r["code"]: (date.fromisoformat(r["since"]), r["formerly"])
                            for r in read_rows("successions.csv", folders)}
        # town name -> (country, population), largest first
        self.cities: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for name, code, population in read_columns("cities.csv", ("name", "country", "population"), folders):
            self.cities[name].append((code, int(population or 0)))
        self.areas: dict[str, str] = {}  # regions known by name ("Crimea", "Darfur") -> country
        for name, code in read_columns("areas.csv", ("name", "country"), folders):
            self.cities[name].insert(0, (code, 10 ** 9))  # a region's name wins over a town's
            self.areas[name] = code
        self.orgs: dict[str, Organization] = {}
        self.org_forms: dict[str, str] = {}
        self.people: dict[str, list[PersonRole]] = defaultdict(list)
        self.person_forms: dict[str, str] = {}  # folded full name or alias -> canonical
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.roles: dict[str, RoleTerm] = {}
        self._surname_shapes: dict[tuple[str, int], list[str]] | None = None
        self._nation_shapes: dict[str, list[tuple[str, str, str]]] | None = None
        self._short_forms: dict[tuple[str, str], set[str]] | None = None
        self.curated: set[str] = set()  # people from the curated file, preferred over generated ones
        self._memo: dict[tuple, object] = {}
        self._load(folders)

    def city_country(self, name: str, named: set[str] = frozenset()) -> str | None:
        """The country of a town: of those with the name, one whose country the text names, else
        the most populous ("Tripoli" is Libya's unless the article is about Lebanon)."""
        towns = self.cities.get(name)
        if not towns:
            return None
        largest = towns[0][1]
        # a named country's town counts if it is not a village beside a city ("Donetsk" in a story
        # that names Russia is still Ukraine's city of a million, not the Russian town of 50,000)
        return next((c for c, pop in towns if c in named and pop * 10 >= largest), towns[0][0])

    def _load(self, folders: tuple[Path, ...]) -> None:
        for r in read_rows("countries.csv", folders):
            c = Country(r["code"], r["name"], tuple(split(r.get("names", ""))),
                        tuple(split(r.get("demonyms", ""))), tuple(split(r.get("capitals", ""))))
            self.countries[c.code] = c
            for form in (c.name, *c.names):
                self.country_forms[form] = c.code
            for form in c.demonyms:
                self.demonym_forms[form] = c.code
            for form in c.capitals:
                self.capital_forms[form] = c.code
        for r in read_rows("organizations.csv", folders):
            o = Organization(r["code"], r["name"], tuple(split(r.get("aliases", ""))), r.get("country", ""),
                             r.get("igo") or None, tuple(split(r.get("sector", ""))), r.get("kind", "organization"))
            self.orgs[o.code] = o
            for form in (o.name, *o.aliases):
                self.org_forms[form] = o.code
        for r in (*read_rows("people.csv", folders), *read_rows("people_phoenix.csv", folders)):
            generated = r.get("source") == "Phoenix"
            forms = [fold(f) for f in (r["name"], *split(r.get("aliases", "")))]
            if generated and (r["name"] in self.curated or any(self.person_forms.get(f) in self.curated
                                                               for f in forms)):
                continue  # curated rows win over the generated ones, also under another spelling
            if not generated:
                self.curated.add(r["name"])
            start, end = _date(r.get("start", "")), _date(r.get("end", ""))
            if generated and start and not end:
                end = PHOENIX_UNTIL  # the dictionary stops here: "from 2010" is not "still in office"
            p = PersonRole(r["name"], r["country"], tuple(split(r.get("sector", ""))), r.get("role", ""),
                           start, end, _date(r.get("scheduled_end", "")), r.get("igo") or None)
            self.people[p.name].append(p)
            for form in (p.name, *split(r.get("aliases", ""))):
                self.person_forms[fold(form)] = p.name
            self.surnames[fold(surname(p.name, p.country))].add(p.name)
        self._offices: dict[tuple[str, str], list[PersonRole]] = defaultdict(list)  # (country, role) -> rows
        for rows in self.people.values():
            rows.sort(key=lambda p: p.start or date.min)
            for p in rows:
                self._offices[(p.country, p.role)].append(p)
        for r in read_rows("roles.csv", folders):
            t = RoleTerm(r["term"].lower(), r.get("sector", ""), r.get("kind", ""), r.get("head_of") or None)
            self.roles[t.term] = t

    # -- people -------------------------------------------------------------
    def person(self, text: str) -> str | None:
        """Canonical name for a full name or alias, if known; the Arabic article may be spelt
        another way ("Omar El Bashir", "Omar el-Bashir" for Omar al-Bashir)."""
        found = self.person_forms.get(fold(text))
        if found is None and ARABIC_ARTICLE.search(text):
            found = self.person_forms.get(fold(ARABIC_ARTICLE.sub(" al-", text)))
        return found

    @_remembered
    def shortened(self, text: str, when: date) -> str | None:
        """The one known person a two-word name shortens by leaving out a middle name or the second
        surname ("Carlos Menem" for Carlos Saul Menem, "Alvaro Uribe" for Alvaro Uribe Velez), among
        those with a dated role within ten years of ``when``."""
        words = text.split()
        if len(words) != 2:
            return None
        if self._short_forms is None:  # built on first use
            index: dict[tuple[str, str], set[str]] = defaultdict(set)
            for name in self.people:
                parts = [fold(w) for w in name.split()]
                if len(parts) >= 3:
                    index[(parts[0], parts[-1])].add(name)
                    index[(parts[0], parts[1])].add(name)
            self._short_forms = index
        near = {n for n in self._short_forms.get((fold(words[0]), fold(words[1])), set())
                if any(p.start and p.start.year <= when.year + 10 and (p.end or date.max).year >= when.year - 10
                       for p in self.people[n])}
        found = self._prefer_curated(near)
        return next(iter(found)) if len(found) == 1 else None

    @_remembered
    def misspelt(self, text: str) -> str | None:
        """The one known person a full name misspells by one letter in the surname, with the same
        first name ("Francois Mitterand", "Abdelaziz Bouteflicka"): news copy is not always spelt right."""
        words = text.split()
        if len(words) < 2 or len(words[-1]) < 6:
            return None
        first, last = fold(words[0]), fold(words[-1])
        if self._surname_shapes is None:  # built on first use: (first letter, length) -> surnames
            self._surname_shapes = defaultdict(list)
            for key in self.surnames:
                self._surname_shapes[(key[:1], len(key))].append(key)
        keys = [k for n in (len(last) - 1, len(last), len(last) + 1) for k in self._surname_shapes[(last[:1], n)]]
        found = {name for key in keys if _one_edit(key, last) for name in self.surnames[key]
                 if fold(name.split()[0]) == first}
        return found.pop() if len(found) == 1 else None

    @_remembered
    def misspelt_country(self, word: str) -> tuple[str, str] | None:
        """("COUNTRY" or "DEMONYM", code) for the one country name or demonym of seven letters or
        more that a capitalised word misspells by one letter, keeping the first ("Ethopia",
        "Afganistan", "Phillippines"); None for a word the gazetteer knows as it is."""
        if len(word) < 7 or not word[:1].isupper() or word in self.country_forms or word in self.demonym_forms:
            return None
        if self._nation_shapes is None:  # built on first use: first letter -> (label, form, code)
            self._nation_shapes = defaultdict(list)
            for label, forms in (("COUNTRY", self.country_forms), ("DEMONYM", self.demonym_forms)):
                for form, code in forms.items():
                    if len(form) >= 7 and " " not in form:
                        self._nation_shapes[form[0]].append((label, form, code))
        found = {(label, code) for label, form, code in self._nation_shapes[word[0]] if _one_edit(form, word)}
        return found.pop() if len(found) == 1 else None

    def by_surname(self, surname: str, when: date | None = None) -> str | None:
        """The one known person with this surname (preferring one in office at ``when``)."""
        names = self._prefer_curated(self.surnames.get(fold(surname), set()))
        if len(names) == 1:
            return next(iter(names))
        if when is not None:
            active = [n for n in names if any(p.active(when) for p in self.people[n])]
            if len(active) == 1:
                return active[0]
            in_office = [n for n in active if any(p.active(when) and "GOV" in p.sector for p in self.people[n])]
            if len(in_office) == 1:
                return in_office[0]  # "Prime Minister Blair" in 2005, not the admiral then retired
        return None

    def in_office_by_surname(self, surname: str, when: date) -> str | None:
        """The one person of this surname who held an office on that date."""
        names = self._prefer_curated(self.surnames.get(fold(surname), set()))
        active = [n for n in names if any(p.active(when) and p.sector and "GOV" in p.sector for p in self.people[n])]
        return active[0] if len(active) == 1 else None

    def surname_country(self, name: str) -> str | None:
        """The country most known people of this surname belong to, if more than half do ("Bush")."""
        people = self.surnames.get(fold(name), set())
        counts: dict[str, int] = defaultdict(int)
        for n in people:
            counts[self.people[n][-1].country] += 1
        best = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))
        return best[0] if best[1] * 2 > len(people) else None

    def _prefer_curated(self, names: set[str]) -> set[str]:
        return (names & self.curated) or names

    def role_at(self, name: str, when: date) -> PersonRole | None:
        """The person's role on a date; else their latest role before it; else the first one."""
        rows = self.people.get(name, [])
        active = [p for p in rows if p.active(when)]
        if active:
            return active[-1]
        before = [p for p in rows if p.start and p.start <= when]
        return before[-1] if before else (rows[0] if rows else None)

    def office_terms(self, name: str,
                     roles: tuple[str, ...] = ("head_of_state", "head_of_government")) -> list[PersonRole]:
        """The person's terms in one of the given offices (the latest one held), oldest first."""
        terms = [p for p in self.people.get(name, []) if p.role in roles and p.start]
        latest_role = terms[-1].role if terms else None
        return [p for p in terms if p.role == latest_role]

    def holder(self, country: str, role: str, when: date) -> str | None:
        """Who held an office (``head_of_state`` ...) in a country on a date; of two rows that
        both say so (an open-ended term and a user's newer one), the later start."""
        held = [(p.start or date.min, p.name) for p in self._offices.get((country, role), ()) if p.active(when)]
        return max(held)[1] if held else None

    # -- places and organisations ---------------------------------------------
    def as_of(self, code: str, when: date) -> str:
        """The state a place or people belonged to at a date: "Juba" in 2000 is Sudan's."""
        since, formerly = self.successions.get(code, (None, None))
        return formerly if since is not None and when < since else code

    def country_name(self, code: str | None) -> str | None:
        c = self.countries.get(code or "")
        return c.name if c else None


def load_kb(extra: str | None = None) -> KnowledgeBase:
    """The knowledge base, loaded once per process (``COMMUNIQUE_KB`` adds user folders)."""
    return _load_kb(extra if extra is not None else os.environ.get("COMMUNIQUE_KB", ""))


@lru_cache(maxsize=4)
def _load_kb(spec: str) -> KnowledgeBase:
    return KnowledgeBase(tuple(Path(p) for p in spec.split(":") if p))
