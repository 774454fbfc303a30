#!/usr/bin/env python3
"""Build communique/data/roles.csv (development script, not part of the product).

Role nouns ("prime minister", "troops", "ministry") with the sector code an
actor described by them gets, whether the noun names one person, a group or
an institution, and whether it is a head-of-state or head-of-government title.

Inputs
  * Phoenix.agents.txt (MIT, Open Event Data Alliance): the CAMEO agents
    dictionary, role noun -> agent code ("MINISTER_ [~GOV]").  Read from the
    reference folder given with --phoenix; never read by the product.
  * the curated table ROLES below.  A sector written "~" is taken from
    Phoenix (the script fails if Phoenix lacks the term); an explicit sector
    is compared with Phoenix and every disagreement is printed, so the
    overrides stay deliberate.

Sector codes follow the brief given to communique (CAMEO-style): GOV MIL PTY
OPP REB CVL MED (media) EDU BUS NGO JUD LEG COP ELI IGO CRM LAB REF HLH
(health) AGR REL, plus two PLOVER codes kept because PLOVER lists them among
its most frequent: SPY (intelligence services) and UAF (unidentified armed
forces, "gunmen").  NB: PLOVER itself renamed CAMEO's MED (media) to JRN and
HLH (health) to MED; this file keeps the CAMEO meaning.

Usage:  python scripts/build_roles.py [--phoenix PATH] [--out PATH] [-v]
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "communique" / "data" / "roles.csv"
DEFAULT_PHOENIX = Path("/work/shared/reference/phoenix/Phoenix.agents.txt")

SECTORS = {
    "GOV", "MIL", "PTY", "OPP", "REB", "CVL", "MED", "EDU", "BUS", "NGO", "JUD", "LEG",
    "COP", "ELI", "IGO", "CRM", "LAB", "REF", "HLH", "AGR", "REL", "SPY", "UAF",
}
KINDS = {"person", "group", "org"}
HEAD_OF = {"", "state", "government", "either"}

# Phoenix agent code (first three letters) -> our sector
PHOENIX_SECTOR = {
    "GOV": "GOV", "MIL": "MIL", "PTY": "PTY", "OPP": "OPP", "REB": "REB", "CVL": "CVL",
    "MED": "MED", "EDU": "EDU", "BUS": "BUS", "NGO": "NGO", "JUD": "JUD", "LEG": "LEG",
    "COP": "COP", "ELI": "ELI", "IGO": "IGO", "CRM": "CRM", "LAB": "LAB", "REF": "REF",
    "HLH": "HLH", "AGR": "AGR", "SPY": "SPY", "UAF": "UAF",
    # religions and religious bodies
    "REL": "REL", "CHR": "REL", "MUS": "REL", "BUD": "REL", "HIN": "REL", "JEW": "REL",
    # human-rights bodies, development, environment, people in general
    "HRI": "NGO", "DEV": "GOV", "ENV": "CVL", "PPL": "CVL",
    # RAD (radical) and IMG are modifiers or country-level codes: no sector
}

# term ; sector ("~" = from Phoenix) ; kind ; head_of ; plural (a row of kind
# "group", or "org" for institutions, is added for it; "-" for none)
ROLES = r"""
# heads of state and government
president;~;person;state;presidents
president-elect;GOV;person;;presidents-elect
vice president;GOV;person;;vice presidents
vice-president;GOV;person;;vice-presidents
acting president;GOV;person;state;-
interim president;~;person;state;-
head of state;~;person;state;heads of state
king;~;person;state;kings
queen;GOV;person;state;queens
monarch;~;person;state;monarchs
emperor;~;person;state;-
emir;GOV;person;state;emirs
amir;GOV;person;state;-
sultan;GOV;person;state;-
grand duke;GOV;person;state;-
supreme leader;~;person;state;-
crown prince;~;person;;-
prince;~;person;;princes
prime minister;~;person;government;prime ministers
premier;~;person;government;premiers
chancellor;~;person;government;-
head of government;~;person;government;heads of government
taoiseach;GOV;person;government;-
acting prime minister;GOV;person;government;-
caretaker prime minister;GOV;person;government;-
interim prime minister;GOV;person;government;-
deputy prime minister;~;person;;deputy prime ministers
first deputy prime minister;GOV;person;;-
leader;GOV;person;either;leaders
world leaders;GOV;group;;-
ruler;~;person;either;rulers
dictator;~;person;either;dictators
# ministers and officials
minister;GOV;person;;ministers
foreign minister;GOV;person;;foreign ministers
foreign secretary;~;person;;-
secretary of state;~;person;;-
defense minister;GOV;person;;defense ministers
defence minister;GOV;person;;defence ministers
defense secretary;GOV;person;;-
defence secretary;GOV;person;;-
interior minister;GOV;person;;interior ministers
home secretary;GOV;person;;-
finance minister;GOV;person;;finance ministers
treasury secretary;~;person;;-
economy minister;GOV;person;;-
justice minister;GOV;person;;-
energy minister;GOV;person;;energy ministers
health minister;GOV;person;;health ministers
education minister;GOV;person;;-
trade minister;GOV;person;;trade ministers
agriculture minister;GOV;person;;-
deputy foreign minister;GOV;person;;-
deputy minister;GOV;person;;deputy ministers
attorney general;~;person;;-
governor;~;person;;governors
mayor;~;person;;mayors
official;GOV;person;;officials
government official;~;person;;government officials
senior official;GOV;person;;senior officials
state official;~;person;;-
spokesman;GOV;person;;spokesmen
spokeswoman;GOV;person;;spokeswomen
spokesperson;GOV;person;;spokespeople
press secretary;GOV;person;;-
adviser;GOV;person;;advisers
advisor;GOV;person;;advisors
aide;GOV;person;;aides
national security adviser;~;person;;-
national security advisor;~;person;;-
civil servant;~;person;;civil servants
bureaucrat;~;person;;bureaucrats
ambassador;~;person;;ambassadors
envoy;~;person;;envoys
special envoy;~;person;;-
diplomat;~;person;;diplomats
consul;~;person;;-
consul general;~;person;;-
negotiator;GOV;person;;negotiators
delegation;GOV;group;;delegations
authorities;GOV;group;;-
# government institutions
government;~;org;;governments
administration;~;org;;-
cabinet;~;org;;-
ministry;GOV;org;;ministries
foreign ministry;~;org;;-
defense ministry;GOV;org;;-
defence ministry;GOV;org;;-
interior ministry;GOV;org;;-
finance ministry;GOV;org;;-
justice ministry;GOV;org;;-
presidency;GOV;org;;-
presidential administration;GOV;org;;-
presidential office;GOV;org;;-
regime;~;org;;regimes
junta;~;org;;-
military junta;GOV;org;;-
embassy;~;org;;embassies
consulate;~;org;;consulates
central bank;~;org;;central banks
election commission;~;org;;-
electoral commission;~;org;;-
national security council;GOV;org;;-
state agency;GOV;org;;-
# legislature
parliament;~;org;;parliaments
legislature;~;org;;-
congress;~;org;;-
senate;~;org;;-
house of representatives;~;org;;-
house of commons;~;org;;-
national assembly;~;org;;-
upper house;~;org;;-
lower house;LEG;org;;-
lawmaker;~;person;;lawmakers
legislator;~;person;;legislators
parliamentarian;~;person;;parliamentarians
member of parliament;~;person;;members of parliament
mp;LEG;person;;mps
senator;~;person;;senators
congressman;LEG;person;;congressmen
congresswoman;LEG;person;;-
deputies;LEG;group;;-
speaker of parliament;~;person;;-
parliament speaker;LEG;person;;-
house speaker;~;person;;-
# parties and opposition
party;PTY;org;;parties
political party;~;org;;political parties
ruling party;PTY;org;;-
party leader;~;person;;party leaders
politician;~;person;;politicians
presidential candidate;~;person;;presidential candidates
candidate;PTY;person;;candidates
opposition;OPP;org;;-
opposition party;~;org;;opposition parties
opposition leader;~;person;;opposition leaders
opposition politician;OPP;person;;opposition politicians
opposition lawmaker;OPP;person;;opposition lawmakers
opposition activist;~;person;;opposition activists
opposition figure;OPP;person;;opposition figures
dissident;~;person;;dissidents
political prisoner;~;person;;political prisoners
exiled leader;~;person;;-
# former officials
former president;~;person;;former presidents
former prime minister;~;person;;former prime ministers
ex-president;ELI;person;;-
former minister;ELI;person;;former ministers
former official;ELI;person;;former officials
first lady;~;person;;-
# military and security
military;~;org;;militaries
army;~;org;;armies
navy;~;org;;navies
air force;~;org;;-
armed forces;~;org;;-
defense forces;MIL;org;;-
defence forces;MIL;org;;-
national guard;~;org;;-
coast guard;~;org;;-
special forces;MIL;group;;-
forces;MIL;group;;-
troops;MIL;group;;-
warship;MIL;group;;warships
gunboat;MIL;group;;gunboats
tanks;MIL;group;;-
warplanes;MIL;group;;-
fighter jets;MIL;group;;-
gunships;MIL;group;;-
helicopter gunships;MIL;group;;-
soldier;~;person;;soldiers
serviceman;MIL;person;;servicemen
sailor;MIL;person;;sailors
marines;~;group;;-
paratroopers;MIL;group;;-
general;MIL;person;;generals
admiral;~;person;;admirals
colonel;MIL;person;;colonels
commander;MIL;person;;commanders
military commander;MIL;person;;military commanders
army chief;~;person;;-
chief of general staff;MIL;person;;-
military officer;~;person;;military officers
military official;~;person;;military officials
military spokesman;MIL;person;;-
border guard;~;person;;border guards
paramilitary;~;group;;paramilitaries
peacekeeper;IGO;person;;peacekeepers
peacekeeping troops;~;group;;-
peacekeeping force;IGO;org;;-
police;~;org;;-
police officer;~;person;;police officers
policeman;COP;person;;policemen
police chief;COP;person;;-
riot police;~;group;;-
security forces;COP;group;;-
security officer;~;person;;security officers
gendarmerie;COP;org;;-
intelligence agency;SPY;org;;intelligence agencies
intelligence service;~;org;;intelligence services
intelligence officer;~;person;;intelligence officers
intelligence chief;~;person;;-
security service;SPY;org;;security services
secret police;~;org;;-
spy;~;person;;spies
# armed non-state actors and crime
rebel;~;person;;rebels
rebel group;~;org;;rebel groups
rebel leader;~;person;;rebel leaders
insurgent;~;person;;insurgents
militant;REB;person;;militants
militant group;REB;org;;militant groups
guerrilla;~;person;;guerrillas
separatist;~;person;;separatists
jihadist;REB;person;;jihadists
warlord;REB;person;;warlords
terrorist;~;person;;terrorists
terrorist group;~;org;;terrorist groups
gunman;~;person;;gunmen
armed group;~;org;;armed groups
armed men;~;group;;-
fighter;~;person;;fighters
militia;~;org;;militias
militiaman;~;person;;militiamen
mercenary;~;person;;mercenaries
suicide bomber;~;person;;suicide bombers
criminal;~;person;;criminals
gang;~;org;;gangs
smuggler;~;person;;smugglers
drug trafficker;~;person;;drug traffickers
cartel;~;org;;cartels
pirate;~;person;;pirates
kidnapper;~;person;;kidnappers
hacker;CRM;person;;hackers
# judiciary
judge;~;person;;judges
court;~;org;;courts
supreme court;~;org;;-
constitutional court;~;org;;-
high court;~;org;;-
appeals court;~;org;;-
tribunal;~;org;;tribunals
judiciary;~;org;;-
chief justice;~;person;;-
prosecutor;~;person;;prosecutors
prosecutor general;~;person;;-
public prosecutor;~;person;;-
lawyer;~;person;;lawyers
attorney;~;person;;attorneys
defense lawyer;~;person;;defense lawyers
# civilians, protest, refugees
civilian;~;person;;civilians
resident;~;person;;residents
villager;~;person;;villagers
citizen;~;person;;citizens
voter;~;person;;voters
protester;CVL;person;;protesters
protestor;CVL;person;;protestors
demonstrator;CVL;person;;demonstrators
activist;CVL;person;;activists
human rights activist;CVL;person;;human rights activists
rioter;CVL;person;;rioters
crowd;CVL;group;;crowds
hostage;CVL;person;;hostages
inhabitant;CVL;person;;inhabitants
people;CVL;group;;-
prisoner;CVL;person;;prisoners
detainee;CVL;person;;detainees
youth;CVL;person;;youths
landowner;CVL;person;;landowners
supporter;CVL;person;;supporters
nationalist;CVL;person;;nationalists
fundamentalist;REB;person;;fundamentalists
islamist;REB;person;;islamists
extremist;REB;person;;extremists
guerilla;REB;person;;guerillas
elder;CVL;person;;elders
faction;PTY;group;;factions
migrant;~;person;;migrants
settler;~;person;;settlers
tourist;~;person;;tourists
refugee;~;person;;refugees
asylum seeker;~;person;;asylum seekers
displaced people;~;group;;-
displaced person;~;person;;displaced persons
returnee;~;person;;returnees
# media
journalist;~;person;;journalists
reporter;~;person;;reporters
correspondent;~;person;;correspondents
editor;MED;person;;editors
editor-in-chief;MED;person;;-
columnist;~;person;;columnists
commentator;~;person;;commentators
blogger;~;person;;bloggers
photographer;MED;person;;photographers
media;~;org;;-
newspaper;~;org;;newspapers
news agency;~;org;;news agencies
broadcaster;MED;org;;broadcasters
television;~;org;;-
state media;MED;org;;-
state television;MED;org;;-
state news agency;MED;org;;-
# education and expertise
professor;~;person;;professors
academic;~;person;;academics
scholar;~;person;;scholars
researcher;EDU;person;;researchers
analyst;EDU;person;;analysts
political analyst;EDU;person;;political analysts
expert;EDU;person;;experts
political scientist;EDU;person;;political scientists
economist;~;person;;economists
historian;~;person;;historians
teacher;~;person;;teachers
student;~;person;;students
university;~;org;;universities
school;~;org;;schools
think tank;EDU;org;;think tanks
# business and labour
businessman;BUS;person;;businessmen
businesswoman;BUS;person;;businesswomen
business leader;~;person;;business leaders
executive;BUS;person;;executives
ceo;~;person;;ceos
entrepreneur;~;person;;entrepreneurs
investor;~;person;;investors
tycoon;~;person;;tycoons
oligarch;BUS;person;;oligarchs
company;~;org;;companies
firm;BUS;org;;firms
corporation;~;org;;corporations
bank;BUS;org;;banks
industry;~;org;;-
trader;~;person;;traders
farmer;~;person;;farmers
peasant;~;person;;peasants
fisherman;AGR;person;;fishermen
worker;~;person;;workers
employee;~;person;;employees
trade union;~;org;;trade unions
labor union;~;org;;labor unions
labour union;LAB;org;;labour unions
striker;LAB;person;;strikers
miner;LAB;person;;miners
# health
doctor;~;person;;doctors
nurse;~;person;;nurses
physician;~;person;;physicians
medic;~;person;;medics
health worker;HLH;person;;health workers
hospital;~;org;;hospitals
# NGOs and IGOs
ngo;~;org;;ngos
non-governmental organization;~;org;;non-governmental organizations
human rights group;~;org;;human rights groups
rights group;~;org;;rights groups
aid group;~;org;;aid groups
charity;NGO;org;;charities
aid worker;NGO;person;;aid workers
humanitarian worker;NGO;person;;humanitarian workers
secretary-general;IGO;person;;-
secretary general;IGO;person;;-
high commissioner;IGO;person;;-
special rapporteur;IGO;person;;-
emergency relief coordinator;IGO;person;;-
humanitarian coordinator;IGO;person;;humanitarian coordinators
coordinator;GOV;person;;coordinators
monitor;IGO;person;;monitors
inspector;IGO;person;;inspectors
# religion
cleric;~;person;;clerics
religious leader;~;person;;religious leaders
imam;~;person;;imams
mullah;~;person;;mullahs
ayatollah;REL;person;;ayatollahs
priest;~;person;;priests
bishop;~;person;;bishops
archbishop;~;person;;archbishops
patriarch;REL;person;;-
pope;REL;person;;-
rabbi;~;person;;rabbis
monk;~;person;;monks
church;REL;org;;churches
mosque;REL;org;;mosques
pilgrim;~;person;;pilgrims
"""


def parse_phoenix(path: Path) -> dict[str, str]:
    """term (lower case, spaces) -> Phoenix agent code, with substitutions expanded."""
    subs: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    with open(path, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            m = re.match(r"^(![A-Z]+!)\s*=\s*(.*)$", line)
            if m:
                subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
                continue
            m = re.search(r"\[([^\]]*)\]\s*$", line) or re.search(r"\[([^\]]*)\]", line)
            if not m:
                continue
            code = m.group(1).replace("~", "").strip()
            head = line[: m.start()]
            plurals = re.findall(r"\{([^}]*)\}", head)
            head = re.sub(r"\{[^}]*\}", "", head).strip()
            forms = [head] + [p for grp in plurals for p in grp.split(",") if p.strip()]
            for form in forms:
                for expanded in expand(form.strip(), subs):
                    term = expanded.replace("_", " ").strip().lower()
                    term = re.sub(r"\s+", " ", term)
                    if term:
                        out.setdefault(term, code)
    return out


def expand(form: str, subs: dict[str, list[str]]) -> list[str]:
    m = re.search(r"![A-Z]+!", form)
    if not m or m.group(0) not in subs:
        return [form]
    res = []
    for rep in subs[m.group(0)]:
        res += expand(form[: m.start()] + rep + form[m.end():], subs)
    return res


def phoenix_sector(code: str) -> str | None:
    return PHOENIX_SECTOR.get(code[:3]) if code else None


def lookup(term: str, ph: dict[str, str]) -> str | None:
    """Phoenix code for a term; PETRARCH adds regular plurals, so try the singular."""
    cands = [term]
    if term.endswith("ies"):
        cands.append(term[:-3] + "y")
    if term.endswith("s"):
        cands.append(term[:-1])
    if term.endswith("men"):
        cands.append(term[:-3] + "man")
    for c in cands:
        if c in ph:
            return ph[c]
    return None


def build(phoenix: Path, out_path: Path, verbose: bool) -> int:
    ph = parse_phoenix(phoenix)
    rows: list[tuple[str, str, str, str]] = []
    seen: set[str] = set()
    from_phoenix = overridden = 0
    disagreements = []
    for line in ROLES.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(";")]
        if len(parts) != 5:
            raise SystemExit(f"bad line: {line!r}")
        term, sector, kind, head_of, plural = parts
        code = lookup(term, ph)
        psec = phoenix_sector(code) if code else None
        if sector == "~":
            if not psec:
                raise SystemExit(f"{term!r}: sector '~' but Phoenix has no usable code ({code!r})")
            sector = psec
            from_phoenix += 1
        elif psec and psec != sector:
            overridden += 1
            disagreements.append(f"{term}: Phoenix {code} -> {psec}, curated {sector}")
        if sector not in SECTORS or kind not in KINDS or head_of not in HEAD_OF:
            raise SystemExit(f"bad values in {line!r}")
        for t, k, h in [(term, kind, head_of)] + (
            [] if plural == "-" else [(plural, "org" if kind == "org" else "group", "")]
        ):
            if t != t.lower():
                raise SystemExit(f"term not lower case: {t!r}")
            if t in seen:
                raise SystemExit(f"duplicate term {t!r}")
            seen.add(t)
            rows.append((t, sector, k, h))

    out_path.parent.mkdir(parents=True, exist_ok=True)
    with open(out_path, "w", encoding="utf-8", newline="") as fh:
        fh.write("# roles.csv: role nouns and the actor sector they imply (\"prime minister\" -> GOV).\n")
        fh.write("# term: lower-case noun or phrase, singular and plural as separate rows.\n")
        fh.write("# sector: CAMEO-style codes as used in communique: GOV MIL PTY OPP REB CVL MED(=media) EDU BUS NGO\n")
        fh.write("#   JUD LEG COP ELI IGO CRM LAB REF HLH(=health) AGR REL, plus PLOVER's SPY (intelligence) and\n")
        fh.write("#   UAF (unidentified armed forces, 'gunmen'). PLOVER renamed media to JRN and health to MED.\n")
        fh.write("# kind: person (one holder), group (plural/collective people), org (institution).\n")
        fh.write("# head_of: 'state' for head-of-state titles, 'government' for head-of-government titles.\n")
        fh.write("#   'president' is marked state although in presidential systems he also heads the government.\n")
        fh.write("#   'either' for words that name whoever leads, by either office ('the Uzbek leader', 'ruler').\n")
        fh.write("# sources: Phoenix.agents.txt (MIT, Copyright (c) 2014 Open Event Data Alliance), sectors\n")
        fh.write("#   taken from it where the curated table says so; curated by communique.\n")
        fh.write("# generated by scripts/build_roles.py: edit the script, not this file.\n")
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["term", "sector", "kind", "head_of"])
        w.writerows(rows)
    print(f"wrote {out_path}: {len(rows)} rows")
    print(f"{from_phoenix} entries took their sector from Phoenix; {overridden} differ from Phoenix on purpose")
    if verbose:
        for d in disagreements:
            print("  ", d)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--phoenix", type=Path, default=DEFAULT_PHOENIX)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("-v", action="store_true", help="list the entries that differ from Phoenix")
    a = ap.parse_args()
    return build(a.phoenix, a.out, a.v)


if __name__ == "__main__":
    sys.exit(main())
