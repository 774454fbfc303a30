#!/usr/bin/env python3
"""Build communique/data/people_phoenix.csv (development script, not part of the product).

Historical persons with dated roles from PETRARCH's Phoenix actor dictionaries
(MIT licence, Copyright (c) 2014 Open Event Data Alliance):

  * Phoenix.Countries.actors.txt     (persons per country, mostly from CountryInfo.txt)
  * Phoenix.International.actors.txt (international organisations and their people)

Both are read from the reference folder given with --phoenix; the product never
reads them.  Output: one row per person per code line, in the columns of
people.csv.  Persons whose canonical name (case-insensitive, accents folded) is
already in communique/data/people.csv, or equals one of its aliases, are left
out so that curated rows win; Phoenix aliases that would shadow a curated name
or alias, or another Phoenix person's name, are dropped.

Dictionary format (TABARI/PETRARCH .actors):
  BILL_CLINTON_  # CountryInfo.txt     entry line (a comment may follow)
  +WILLIAM_JEFFERSON_CLINTON           synonym
  BORIS_N._YELTSIN                     a further un-'+'ed line before any code: synonym too
  \t[USAGOV 930120-010120]             code and date: YYMMDD or YYYYMMDD, '>' from,
  \t[USAELI]                           '<' until, 'A-B' range, nothing = undated
  JAVIER_DE_CUELLAR_ [IGOUNO 820101-911231] [ELI]   codes may also follow the name
Codes are a 3-letter country (or IGO + sub-codes) followed by 3-letter agent
codes; the first agent code is the sector (AFGGOVBUS -> AFG, GOV).  A sub-code
naming a territory that has its own row in countries.csv is taken as the
country (USAPRIGOV -> PRI).

Which entries are persons: the dictionaries mix countries, organisations,
offices ("PRESIDENT_OF_THE_UNITED_STATES_"), companies and persons.  An entry is
taken as a person if it has a code with a sector (bare country codes like [AFG]
are places; NGO and MNC codes have no country), its name is not an office
(OFFICE_WORDS) and has at least two words (but for MONONYMS such as SUHARTO),
and, unless the generator of the file marked it "# CountryInfo.txt" (those are
all persons), its name has no organisation word (ORG_WORDS, FUNCTION_WORDS).
Leading titles are cut (SHEIKH_, SIR_, PRINCE_).  Entries named by another
entry's synonym with a country in common are merged (K._ANNAN_ -> Kofi Annan).
Country codes must be in communique/data/countries.csv (KSV -> XKX and a few
more are mapped); rows with other codes (DDR, USR, YUG, AIA, ...) are skipped.

Usage:  python scripts/build_people_phoenix.py [--phoenix DIR] [--out PATH] [-v]
"""
from __future__ import annotations

import argparse
import calendar
import csv
import io
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "communique" / "data"
DEFAULT_OUT = DATA / "people_phoenix.csv"
DEFAULT_PHOENIX = Path("/work/shared/reference/phoenix")
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")

MAX_ALIASES = 6
MAX_ROWS = 40_000  # above this, keep only persons with a GOV, MIL, IGO or ELI row
CORE_SECTORS = {"GOV", "MIL", "ELI"}

# Phoenix agent code -> communique sector (as in scripts/build_roles.py)
SECTOR = {
    "GOV": "GOV", "MIL": "MIL", "PTY": "PTY", "OPP": "OPP", "REB": "REB", "CVL": "CVL",
    "MED": "MED", "EDU": "EDU", "BUS": "BUS", "NGO": "NGO", "JUD": "JUD", "LEG": "LEG",
    "COP": "COP", "ELI": "ELI", "CRM": "CRM", "LAB": "LAB", "REF": "REF",
    "HLH": "HLH", "AGR": "AGR", "SPY": "SPY", "UAF": "UAF",
    "REL": "REL", "CHR": "REL", "MUS": "REL", "BUD": "REL", "HIN": "REL", "JEW": "REL",
    "HRI": "NGO", "DEV": "GOV", "ENV": "CVL", "INS": "REB",
}
# sub-codes of IGO codes that name a sector (IGOBUSIMF -> BUS, IGOUNOHLHWHO -> HLH)
IGO_SUB_SECTORS = {"MIL", "BUS", "JUD", "LEG", "LAB", "REF", "HLH", "AGR", "MED", "EDU", "COP"}
ROLE = {"GOV": "official", "MIL": "military", "OPP": "opposition", "PTY": "party",
        "ELI": "elite", "REB": "rebel"}
# Phoenix country codes that are not ISO 3166 alpha-3 -> the code countries.csv uses
COUNTRY_FIX = {"KSV": "XKX", "KOS": "XKX", "IMY": "IMN", "SCG": "SRB", "TMP": "TLS",
               "ROM": "ROU", "ZAR": "COD", "ANT": "NLD"}

# words that make an entry name an office, not a person (PRESIDENT_OF_THE_UNITED_STATES_)
OFFICE_WORDS = {
    "PRESIDENT", "PRESIDENT-ELECT", "VICE-PRESIDENT", "MINISTER", "SECRETARY", "SECRETARY-GENERAL",
    "SEC.", "MIN.", "MR", "MR.", "MRS", "MRS.", "MS.", "DR.", "CHAIRMAN", "CHAIRWOMAN", "GOVERNOR",
    "GOV.", "AMBASSADOR", "SPOKESMAN", "SENATOR", "SEN.", "CONGRESSMAN", "REPRESENTATIVE",
    "ADMINISTRATION", "GOVERNMENT", "REGIME", "THE", "OF", "FORMER", "EX", "THEN", "ACTING",
    "PREMIER", "CHANCELLOR", "ATTORNEY",
}
# titles that are also personal names (Julie Bishop, John Major, Prince Johnson, Amir Peretz):
# they make an entry name a title only as its first word, and are then cut
LEADING_TITLES = {
    "SHEIKH", "SHEIK", "KING", "QUEEN", "PRINCE", "PRINCESS", "CROWN", "EMIR", "AMIR", "SULTAN",
    "SIR", "DAME", "LORD", "GENERAL", "GEN", "GEN.", "MAJOR", "COLONEL", "COL.", "CAPTAIN",
    "ADMIRAL", "MARSHAL", "CHIEF", "BISHOP", "ARCHBISHOP", "CARDINAL", "REVEREND", "REV.", "POPE",
    "JUDGE", "JUSTICE", "AYATOLLAH", "RATU", "TUANKU", "DR", "PRIME", "VICE", "EMPEROR",
    "HOJATOLISLAM", "HOJATOLESLAM", "MULLAH", "MAULANA", "DATUK", "DATO", "TUN", "BARON",
    "JONKHEER", "LYONPO", "VISCOUNT", "COUNT", "DUKE", "GRAND", "DATO'", "SERI", "HAJI", "HAJJI",
}
# further words that make a synonym a title form rather than a name (US_PRESIDENT_CLINTON)
ALIAS_TITLE_WORDS = OFFICE_WORDS | LEADING_TITLES | {
    "U.S.", "U.S", "US", "USA", "U.N.", "UN", "AMERICAN", "RUSSIAN", "SOVIET", "BRITISH",
    "LEADER", "HEAD", "COMMANDER", "PM", "VP", "DEPUTY", "LT", "LT.", "MAJ.", "ADM.", "CAPT.",
    "DICTATOR", "FOREIGN", "DEFENSE", "DEFENCE", "INTERIOR", "FINANCE", "MAYOR", "PRESIDENTIAL",
    "CANDIDATE", "OPPOSITION", "MAJESTY", "HIGHNESS", "HIS", "HER", "CZAR", "TSAR", "PARTY",
    "STATE", "OFFICIAL", "DIRECTOR", "ENVOY", "SECY", "MS", "PUNK", "ACTIVIST", "COLLECTIVE",
    "KANZLER", "BUNDESKANZLER", "PRESIDENTE", "PRÉSIDENT", "MONSIEUR", "HERR", "FRAU", "MADAME",
    "SENOR", "SEÑOR", "GOVENOR", "GENERALISSIMO", "STRONGMAN", "JUNTA", "LEADERSHIP", "CAMP", "ERA",
    "GOVERNMENT", "FAMILY", "SUPPORTERS", "LOYALISTS", "FORCES",
}
# words that make an entry without a "# CountryInfo.txt" mark a body, not a person
FUNCTION_WORDS = {"AND", "FOR", "ON", "IN", "OF", "THE", "UN",
                  "U.N.", "TO", "AT", "COUNTRIES", "PANEL", "CLIMATE", "AREA", "TRADE", "MARKET",
                  "CONTINGENT", "PEACEKEEPER", "ENVOY", "RESIDENT", "MONITOR", "MAYORS",
                  "PARLIAMENTARIANS", "CATHOLIC", "CHRISTIAN", "FRANCOPHONIE", "NEPAL", "ASEAN",
                  "OHCHR", "MONUC", "SAD", "EIGHT", "ACTION", "PEACE", "GLOBAL", "ASSEMBLEE"}
# mononymous persons kept (other one-word entry names are dropped: HUSSEIN_, ABDULLAH_ and
# ALBERT_ would capture every Hussein, Abdullah and Albert in a text)
MONONYMS = {"SUHARTO", "SUKARNO", "HIROHITO"}
# words that make an entry an organisation, body, place or group (not checked for the
# entries marked "# CountryInfo.txt": Maryan Street and William Duma are persons)
ORG_WORDS = {
    "ARMY", "ARMIES", "PARTY", "COUNCIL", "CONGRESS", "ASSEMBLY", "FORCES", "FORCE", "MINISTRY",
    "DEPARTMENT", "AGENCY", "BUREAU", "OFFICE", "COMMISSION", "COMMITTEE", "GOVERNMENT",
    "ADMINISTRATION", "MOVEMENT", "FRONT", "BRIGADE", "BRIGADES", "ALLIANCE", "COALITION",
    "DECLARATION", "UNION", "ORGANIZATION", "ORGANISATION", "ASSOCIATION", "FUND", "BANK",
    "PROGRAM", "PROGRAMME", "UNIVERSITY", "INSTITUTE", "SERVICE", "SERVICES", "COURT",
    "TRIBUNAL", "MISSION", "GROUP", "COMMUNITY", "FEDERATION", "CONFERENCE", "SECRETARIAT",
    "BODIES", "REPUBLIC", "KINGDOM", "ISLANDS", "OCEAN", "TEAM", "HOUSE", "PALACE", "STREET",
    "YARD", "HEADQUARTERS", "INTELLIGENCE", "SECURITY", "OBSERVATORY", "RIGHTS", "SYSTEM",
    "NATIONS", "CENTER", "CENTRE", "FOUNDATION", "RESERVE", "CABINET", "PARLIAMENT", "SENATE",
    "MILITARY", "POLICE", "GUARD", "GUARDS", "RIFLES", "LEAGUE", "AUTHORITY", "DIRECTORATE",
    "BOARD", "AFFAIRS", "TANK", "REGIME", "ORGANIZATIONS", "PROGRAMS", "NETWORK", "SOCIETY",
    "CORPORATION", "COMPANY", "INC", "INC.", "LTD", "CORP", "CORP.", "MONITORING", "CHAMBER",
    "COOPERATION", "DEVELOPMENT", "INTERNATIONAL", "NATIONAL", "REGIONAL", "EUROPEAN",
    "AFRICAN", "ARAB", "ISLAMIC", "UNITED", "STATES", "TROOPS", "CORPS", "MINISTERS",
    "OFFICIALS", "PEOPLES", "PEOPLE'S", "POLITBURO", "DIVISION", "COMMAND", "BATTALION",
    "REGIMENT", "MILITIA", "MILITIAS", "REBELS", "INSURGENTS", "EMBASSY", "CONSULATE",
    "KREMLIN", "DUMA", "PARLIAMENTARY", "PROJECT", "INITIATIVE", "PARTNERSHIP", "TREATY",
    # armed groups and other collectives (Jabhat al-Nusra, Shin Bet, Pussy Riot)
    "JABHAT", "JAISH", "JAYSH", "AHRAR", "KATIBAT", "KATAIB", "HARAKAT", "LIWA", "GHURABA",
    "TAWHID", "SUQOUR", "SARAYAT", "JUND", "FAILAQ", "HIZB", "JAMAAT", "JEMAAH", "ANSAR",
    "MUHAJIREEN", "MUHAJIRIN", "HEZBOLLAH", "HAMAS", "FATAH", "TALIBAN", "QAEDA", "AL-QAEDA",
    "SHABAAB", "AL-SHABAAB", "BOKO", "BET", "RIOT", "BAND", "CLUB", "TIMES", "NEWS", "PRESS",
}
# lower-case particles inside a name (not as its first word)
PARTICLES = {"BIN", "BINT", "IBN", "AL", "EL", "DE", "DA", "DEL", "DELLA", "DER", "DEN",
             "DOS", "DAS", "DO", "DU", "VAN", "VON", "Y", "UD", "UL", "ZU"}
ROMAN = re.compile(r"(?=[IVX])X{0,3}(IX|IV|V?I{0,3})")  # regnal numbers: Olav V, Carl XVI Gustaf

CODE_RE = re.compile(r"\[([^\]]*)\]")
BAD_CHARS = {"\x1a", "\ufffd"}


def fold(text: str) -> str:
    """Case- and accent-free form (the same as communique.kb.fold)."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'").strip()


def read_commented_csv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines))


# -- parsing the dictionaries --------------------------------------------------------------

class Entry:
    def __init__(self, raw: str, comment: str, source: str, line: int):
        self.raw = raw              # the entry line's phrase, e.g. BILL_CLINTON_
        self.comment = comment
        self.source = source
        self.line = line
        self.synonyms: list[str] = []
        self.plain: list[str] = []  # synonyms written without '+'
        self.codes: list[tuple[str, str, int]] = []   # (code, date text, line number)


def phrase(text: str) -> str:
    """A dictionary phrase in canonical form: upper case, words joined by '_', no trailing '_'."""
    text = "".join(c for c in text if c not in BAD_CHARS)
    text = "_".join(text.upper().split())
    return re.sub(r"_+", "_", text).strip("_")


def parse(path: Path, quirks: Counter) -> list[Entry]:
    entries: list[Entry] = []
    cur: Entry | None = None
    gap = True  # a blank line since the last line of the current entry
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        body, _, comment = line.partition("#")
        if not body.strip():
            if not line.strip():
                gap = True
            continue
        codes = CODE_RE.findall(body)
        text = CODE_RE.sub(" ", body).strip()
        if text.startswith("+"):
            if cur is not None:
                cur.synonyms.append(text[1:])
        elif text:
            if cur is not None and not cur.codes and not gap and not codes:
                cur.synonyms.append(text)       # un-'+'ed synonym line (BORIS_N._YELTSIN)
                cur.plain.append(text)
                quirks["synonym lines without '+'"] += 1
            else:
                cur = Entry(text, comment.strip(), path.name, n)
                entries.append(cur)
        if codes and cur is not None:
            for c in codes:
                parts = c.split(None, 1)
                if parts:
                    cur.codes.append((parts[0], parts[1].replace(" ", "") if len(parts) > 1 else "", n))
        gap = False
    return entries


# -- dates -------------------------------------------------------------------------------------

def iso(d: str, quirks: Counter) -> str | None:
    """YYMMDD or YYYYMMDD -> YYYY-MM-DD; None if it cannot be read."""
    if not d.isdigit() or len(d) not in (6, 8):
        quirks["unreadable dates (left empty)"] += 1
        return None
    if len(d) == 6:
        yy = int(d[:2])
        y = 1900 + yy if yy >= 30 else 2000 + yy
        m, dd = int(d[2:4]), int(d[4:])
    else:
        y, m, dd = int(d[:4]), int(d[4:6]), int(d[6:])
    if not 1 <= m <= 12:
        quirks["unreadable dates (left empty)"] += 1
        return None
    last = calendar.monthrange(y, m)[1]
    if not 1 <= dd <= last:
        quirks["impossible day of month (set to the month's last day)"] += 1
        dd = last
    return date(y, m, dd).isoformat()


def date_range(text: str, quirks: Counter) -> tuple[str, str]:
    if not text:
        return "", ""
    if text.startswith(">"):
        return iso(text[1:], quirks) or "", ""
    if text.startswith("<"):
        return "", iso(text[1:], quirks) or ""
    if "-" in text:
        a, _, b = text.partition("-")
        return iso(a, quirks) or "", iso(b, quirks) or ""
    quirks["single date without '>' (read as a start)"] += 1
    return iso(text, quirks) or "", ""


# -- codes ----------------------------------------------------------------------------------------

def read_code(code: str, countries: set[str], quirks: Counter) -> tuple[str, str] | None:
    """(country, sector) of a person's code, or None (country-only codes, NGO/MNC, unknown)."""
    code = code.upper()
    if len(code) % 3 or not code.isalpha():
        quirks["malformed codes skipped ([---], NGOCHRPRO214)"] += 1
        return None
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    head, rest = chunks[0], chunks[1:]
    if head == "IGO":
        sector = next((c for c in rest if c in IGO_SUB_SECTORS), "GOV")
        return "IGO", sector
    if head in SECTOR and not rest:
        return "", SECTOR[head]  # a bare agent code ([ELI]): the country comes from the entry
    country = COUNTRY_FIX.get(head, head)
    if country not in countries:
        if head not in ("MNC", "NGO") and rest:
            quirks[f"codes of countries not in countries.csv skipped: {head}"] += 1
        return None
    if rest and rest[0] not in SECTOR:
        sub = COUNTRY_FIX.get(rest[0], rest[0])
        if sub in countries and len(rest) > 1 and rest[1] in SECTOR:
            return sub, SECTOR[rest[1]]          # a territory: USAPRIGOV -> PRI
        if not (sub in countries and len(rest) == 1):   # DNKFRO is a place
            quirks["codes with a status instead of a sector skipped (ARMUNR, ESTOCC, ...)"] += 1
        return None
    if not rest:
        return None  # a place, not a person
    return country, SECTOR[rest[0]]


# -- names -----------------------------------------------------------------------------------------

def words(p: str) -> list[str]:
    return [w for w in p.split("_") if w]


def is_org(p: str, own: set[str] = frozenset()) -> bool:
    return any(w in ORG_WORDS and w not in own for w in words(p))


def cap(piece: str) -> str:
    if not piece:
        return piece
    if ROMAN.fullmatch(piece):
        return piece
    if "." in piece.rstrip("."):
        return ".".join(x.capitalize() for x in piece.split("."))   # R.K. -> R.K.
    if piece.startswith("MC") and len(piece) > 3:
        return "Mc" + piece[2:].capitalize()
    if "'" in piece:
        a, _, b = piece.partition("'")
        if len(a) == 1:
            return a + "'" + b.capitalize()           # O'Brien, D'Alema
        return piece.capitalize() if a else "'" + b.capitalize()
    return piece.capitalize()


def natural(p: str) -> str:
    """BASHAR_AL-ASSAD -> Bashar al-Assad; HAIDAR_AL_ABADI -> Haidar al-Abadi."""
    ws = words(p)
    out: list[str] = []
    i = 0
    while i < len(ws):
        w = ws[i]
        if out and w in ("AL", "EL") and i + 1 < len(ws):
            out.append(w.lower() + "-" + "-".join(cap(x) for x in ws[i + 1].split("-")))
            i += 2
            continue
        if out and w in PARTICLES and i + 1 < len(ws):
            out.append(w.lower())
        else:
            pieces = w.split("-")
            conv = [cap(x) for x in pieces]
            for k, x in enumerate(pieces[:-1]):
                if (out or k) and x in ("AL", "EL", "BIN", "IBN"):
                    conv[k] = x.lower()             # Bashar al-Assad, but Al-Sadr first
            out.append("-".join(conv))
        i += 1
    return " ".join(out)


def spaced_variant(p: str) -> str | None:
    """The form with a spaced particle when natural() joined one (Haidar Al Abadi)."""
    ws = words(p)
    if any(w in ("AL", "EL") for w in ws[1:-1]):
        return " ".join(cap(w) for w in ws)
    return None


def full_name_alias(p: str, name: str) -> bool:
    """A synonym that is a full name of the person (not a title form, not an initial alone)."""
    ws = words(p)
    own = set(words(name))
    if len(ws) < 2 or any(w in ALIAS_TITLE_WORDS and w not in own for w in ws):
        return False
    if any(w.startswith("EX-") for w in ws) or is_org(p, own):
        return False
    if any(c in BAD_CHARS for c in p) or not re.fullmatch(r"[\w.'-]+", p):
        return False
    if all(len(w.rstrip(".")) == 1 for w in ws[:-1]) and not all(w.endswith(".") for w in ws[:-1]):
        return False                                # K_ANNAN_ (initial without a dot)
    parts = {fold(x) for w in ws for x in w.split("-") if len(x) > 2}
    return bool(parts & {fold(x) for w in own for x in w.split("-") if len(x) > 2})


def clean_name(raw: str) -> str:
    """An entry line's phrase without notes: STANKO_TODOROV (ACTING_ , X_"NANDO"_ , X,_JR._"""
    raw = raw.replace("`", "'")
    raw = re.sub(r"\(.*", "", raw)              # (ACTING_ ...
    raw = re.sub(r'"[^"]*"', "", raw)            # quoted nicknames
    raw = re.sub(r",(?=[_ ]*JR\.?)", "", raw)      # WALTER_J._STOESSEL,_JR._
    if re.search(r",[_ ]*THEN", raw):
        return ""                                  # ANTHONY_CROSLAND,_THEN_DAVID_OWEN_
    raw = raw.split(",")[0]                        # JOHN_ROLAND_ROBINSON, BARON_MARTONMERE_
    return phrase(raw)


def canonical(e: Entry, quirks: Counter) -> str | None:
    """The entry's person name as a phrase, or None if the entry is not a person."""
    p = clean_name(e.raw)
    if p != phrase(e.raw):
        quirks["entry names with notes removed (ACTING, nicknames, commas)"] += 1
    marked = "countryinfo" in e.comment.lower()
    ws = words(p)
    if not ws or (not marked and (is_org(p) or any(w in FUNCTION_WORDS for w in ws[1:]))):
        return None
    if any(w in OFFICE_WORDS or w.startswith("EX-") for w in ws):
        # an office or a title form: use the first synonym that is a plain full name
        for s in e.synonyms:
            q = clean_name(s)
            if (len(words(q)) >= 2 and not is_org(q)
                    and not any(w in ALIAS_TITLE_WORDS or w.startswith("EX-") for w in words(q))):
                quirks["entry names with a title replaced by a synonym"] += 1
                return q
        return None
    if ws[0] in LEADING_TITLES:
        k = 0
        while k < len(ws) and ws[k] in LEADING_TITLES:
            k += 1
        if len(ws) - k >= 2:
            ws = ws[k:]                              # SHEIKH_JABER_AL-AHMAD -> Jaber al-Ahmad
        elif len(ws) - k == 1:
            ws = ws[k - 1:]                          # PRINCE_SOUPHANOUVONG stays
        else:
            return None
        quirks["entry names with a leading title cut"] += 1
        p = "_".join(ws)
    if len(ws) < 2 and p not in MONONYMS:
        quirks["one-word entry names skipped"] += 1
        return None
    if not re.fullmatch(r"[\w.'-]+", p):
        quirks["entry names with odd characters skipped"] += 1
        return None
    return p


def curated_twin(name: str, countries: set[str], curated_by_surname: dict) -> str | None:
    """The curated person this Phoenix name is another spelling of: same surname and country,
    and one name's words contained in the other's (Sayyed Ali Khamenei) or nearly the same
    letters (Andonios Samaras ~ Antonis Samaras, Abdullah Aripov ~ Abdulla Aripov)."""
    f = fold(name)
    for cname, ccountry in curated_by_surname.get(fold(name.split()[-1]), []):
        if ccountry not in countries:
            continue
        g = fold(cname)
        a, b = set(f.split()), set(g.split())
        if a <= b or b <= a or SequenceMatcher(None, f, g).ratio() >= 0.85:
            return cname
    return None


# -- main ------------------------------------------------------------------------------------------

HEADER = """\
# people_phoenix.csv: historical political leaders and officials (to about 2014), one row per
#   person per dated role code, generated from PETRARCH's Phoenix actor dictionaries.
# source: {SOURCE}
# licence: the data remain under the MIT licence, Copyright (c) 2014 Open Event Data Alliance.
# Columns as in people.csv. country: ISO 3166-1 alpha-3 (XKX Kosovo), or IGO for officials of
#   international organisations. sector: the Phoenix agent code (GOV office holders, ELI elites
#   and former office holders, MIL, OPP, PTY, REB, SPY, JUD, LEG, ...; IGO rows GOV unless the
#   Phoenix code names a sector such as BUS (IMF) or HLH (WHO)). role: the sector in words
#   (official, elite, military, opposition, party, rebel, else the lower-case code); Phoenix
#   does not say which office, so no row claims head_of_state. start/end: ISO dates, empty when
#   open or undated (Phoenix's undated rows are fallbacks, e.g. an ELI row for a whole life).
# Persons in people.csv are left out (curated rows win). Generated: edit the script, not this file.
"""
SOURCE = ("Phoenix.Countries.actors.txt and Phoenix.International.actors.txt (MIT, Open Event Data "
          "Alliance), converted by scripts/build_people_phoenix.py; coverage to about 2014; "
          "roles are sectors only")
FIELDS = ["name", "aliases", "country", "sector", "role", "start", "end", "scheduled_end", "source"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--phoenix", type=Path, default=DEFAULT_PHOENIX, help="folder of the Phoenix files")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("-v", "--verbose", action="store_true", help="list skipped entries and quirks")
    args = ap.parse_args()

    countries = {r["code"] for r in read_commented_csv(DATA / "countries.csv")}
    curated_names: set[str] = set()
    curated_forms: set[str] = set()
    curated_by_surname: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in read_commented_csv(DATA / "people.csv"):
        curated_by_surname[fold(r["name"].split()[-1])].append((r["name"], r["country"]))
        curated_names.add(fold(r["name"]))
        curated_forms.add(fold(r["name"]))
        curated_forms.update(fold(a) for a in r.get("aliases", "").split("|") if a.strip())

    quirks: Counter = Counter()
    counts: Counter = Counter()
    skipped: dict[str, list[str]] = defaultdict(list)

    # pass 1: the person entries, with their rows
    recs: list[dict] = []
    for fname in FILES:
        entries = parse(args.phoenix / fname, quirks)
        counts[f"{fname}: entries"] = len(entries)
        for e in entries:
            read = [(read_code(c, countries, quirks), d, ln) for c, d, ln in e.codes]
            person_codes = [(cs, d, ln) for cs, d, ln in read if cs is not None]
            if not person_codes:
                if e.codes and any(len(c) > 3 for c, _, _ in e.codes):
                    skipped["no usable person code"].append(f"{fname}:{e.line} {e.raw}")
                continue
            p = canonical(e, quirks)
            if p is None:
                skipped["not a person (name)"].append(f"{fname}:{e.line} {e.raw}")
                continue
            name = natural(p)
            synonyms = [natural(q) for q in (clean_name(s) for s in e.synonyms) if len(words(q)) >= 2]
            if fold(name) in curated_forms or any(fold(s) in curated_names for s in synonyms):
                counts["persons left out (in people.csv)"] += 1
                continue
            codes_in = {cs[0] for cs, _, _ in person_codes if cs[0]}
            twin = curated_twin(name, codes_in, curated_by_surname)
            if twin:
                counts["persons left out (a spelling of a person in people.csv)"] += 1
                skipped["spelling of a curated person"].append(f"{fname}:{e.line} {name} = {twin}")
                continue
            home = Counter(cs[0] for cs, _, _ in person_codes if cs[0]).most_common(1)
            out: list[tuple[str, str, str, str]] = []
            for (country, sector), d, ln in person_codes:
                if not country:
                    if not home:
                        quirks["bare agent codes ([NGO], [ELI]) in entries without a country (skipped)"] += 1
                        continue
                    country = home[0][0]
                    quirks["bare agent codes ([ELI]) given the entry's country"] += 1
                start, end = date_range(d, quirks)
                if start and end and start > end:
                    if d[:1].isdigit() and len(d.split("-")[0]) == 6 and int(start[:4]) >= 2000:
                        start = f"{int(start[:4]) - 100}{start[4:]}"   # a pre-1930 YYMMDD year
                        quirks["6-digit start years before 1930 (read as 19YY)"] += 1
                    if start > end:
                        quirks["rows with start after end (skipped)"] += 1
                        skipped["start after end"].append(f"{fname}:{ln} {e.raw} {d}")
                        continue
                out.append((country, sector, start, end))
            if not out:
                continue
            aliases = []
            variant = spaced_variant(p)
            if variant:
                aliases.append(variant)
            aliases += [natural(q) for q in map(phrase, e.synonyms) if q != p and full_name_alias(q, p)]
            recs.append({"name": name, "rows": out, "aliases": aliases, "synonyms": synonyms,
                         "countries": {r[0] for r in out}})

    # pass 2: an entry named by a synonym of another entry of the same country is the same
    # person (K._ANNAN_ and KOFI_ATTA_ANNAN_ are also entries of their own): merge them
    parent = list(range(len(recs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_name: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        by_name[fold(r["name"])].append(i)
    for i, r in enumerate(recs):
        for j in by_name[fold(r["name"])]:          # the same name twice (DEU and IGO rows)
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
        for s in r["synonyms"]:
            for j in by_name.get(fold(s), []):
                if j != i and recs[j]["countries"] & r["countries"]:
                    a, b = root(i), root(j)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
                        quirks["entries merged into another entry that lists them as a synonym"] += 1
    rows: dict[str, list[tuple[str, str, str, str]]] = {}
    alias_cands: dict[str, list[str]] = defaultdict(list)
    for i, r in enumerate(recs):
        name = recs[root(i)]["name"]
        out = rows.setdefault(name, [])
        for x in r["rows"]:
            if x not in out:
                out.append(x)                    # identical rows once
        if r["name"] != name and full_name_alias(phrase(r["name"]), phrase(name)):
            alias_cands[name].append(r["name"])
        alias_cands[name] += r["aliases"]

    total = sum(len(r) for r in rows.values())
    if total > MAX_ROWS:
        kept = {n: r for n, r in rows.items()
                if any(c == "IGO" or s in CORE_SECTORS for c, s, _, _ in r)}
        counts[f"{total} rows > {MAX_ROWS}: persons without a GOV, MIL, IGO or ELI row left out"] = \
            len(rows) - len(kept)
        rows = kept

    # aliases: no shadowing of curated forms or of another person's name
    names_folded = {fold(n) for n in rows}
    alias_owner: Counter = Counter()
    for n in rows:
        for a in set(fold(x) for x in alias_cands[n]):
            alias_owner[a] += 1
    aliases: dict[str, list[str]] = {}
    for n in rows:
        seen = {fold(n)}
        keep: list[str] = []
        for a in alias_cands[n]:
            f = fold(a)
            if f in seen:
                continue
            seen.add(f)
            if f in curated_forms or f in names_folded:
                quirks["aliases dropped: a curated form or another person's name"] += 1
                continue
            if alias_owner[f] > 1:
                quirks["aliases dropped: shared by several persons"] += 1
                continue
            keep.append(a)
        aliases[n] = keep[:MAX_ALIASES]

    buf = io.StringIO()
    buf.write(HEADER.replace("{SOURCE}", SOURCE))
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(FIELDS)
    n_rows = 0
    for n, rs in rows.items():
        al = "|".join(aliases[n])
        for country, sector, start, end in rs:
            w.writerow([n, al, country, sector, ROLE.get(sector, sector.lower()), start, end, "", "Phoenix"])
            n_rows += 1
    args.out.write_text(buf.getvalue(), encoding="utf-8")

    for k, v in counts.items():
        print(f"{k}: {v}")
    for k, v in skipped.items():
        print(f"skipped, {k}: {len(v)}")
    print(f"wrote {args.out}: {n_rows} rows, {len(rows)} persons, "
          f"{sum(1 for a in aliases.values() if a)} with aliases, {args.out.stat().st_size} bytes")
    by_sector = Counter(s for rs in rows.values() for _, s, _, _ in rs)
    print("rows by sector:", ", ".join(f"{s} {c}" for s, c in by_sector.most_common()))
    print("format quirks:")
    for k, v in sorted(quirks.items()):
        print(f"   {k}: {v}")
    if args.verbose:
        for k, v in skipped.items():
            print(f"-- skipped, {k}:")
            for x in v:
                print("   ", x)
    return 0


if __name__ == "__main__":
    sys.exit(main())
