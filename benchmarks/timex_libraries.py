"""Which time tagger to use: our grammar vs dateparser vs Microsoft Recognizers-Text.

All three read the same table (tests/data/timex_cases.tsv: sentence, publication date,
expression, expected value) and are scored the way `communique eval` scores times: a
prediction counts when its span overlaps the expression and its value is equal; a
negative case passes when nothing is found. Prints accuracy per family and overall.

    pip install -e '.[bench]'
    python benchmarks/timex_libraries.py
"""

from __future__ import annotations

import csv
import re
import sys
import time
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

TABLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "timex_cases.tsv"


def cases() -> list[dict]:
    lines = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def ours(text: str, published: date) -> list[tuple[int, int, str]]:
    from communique import extract_text

    return [(t.start, t.end, t.value) for t in extract_text(text, published).times]


def with_dateparser(text: str, published: date) -> list[tuple[int, int, str]]:
    from dateparser.search import search_dates

    base = datetime(published.year, published.month, published.day)
    found = search_dates(text, languages=["en"],
                         settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                                   "RETURN_TIME_AS_PERIOD": False}) or []
    out, pos = [], 0
    for s, value in found:
        start = text.find(s, pos)
        if start < 0:
            continue
        pos = start + len(s)
        out.append((start, start + len(s), value.date().isoformat()))
    return out


def with_recognizers(text: str, published: date) -> list[tuple[int, int, str]]:
    from ms_recognizers_date_time import Culture, recognize_datetime

    base = datetime(published.year, published.month, published.day)
    out = []
    for r in recognize_datetime(text, Culture.English, reference=base):
        values = (r.resolution or {}).get("values") or []
        if not values:
            continue
        v = values[-1]  # the last value is the past/latest reading
        if v.get("type") == "daterange" and v.get("start") and v.get("end"):
            end = date.fromisoformat(v["end"][:10]) - timedelta(days=1)  # exclusive end
            value = f"{v['start'][:10]}/{end.isoformat()}"
        elif v.get("type") == "duration":
            value = v.get("timex", "")
        else:
            value = (v.get("value") or v.get("timex") or "")[:10]
        out.append((r.start, r.end + 1, _compact(value)))
    return out


def _compact(value: str) -> str:
    """Recognizers gives whole months and years as day ranges; compare at the table's precision."""
    m = re.fullmatch(r"(\d{4})-(\d\d)-01/(\d{4})-(\d\d)-(\d\d)", value)
    if m:
        y1, m1, y2, m2, d2 = m.groups()
        last = (date(int(y2), int(m2) % 12 + 1, 1) if int(m2) < 12 else date(int(y2) + 1, 1, 1)) - timedelta(days=1)
        if int(d2) == last.day:
            if (y1, m1) == (y2, m2):
                return f"{y1}-{m1}"
            if m1 == "01" and m2 == "12" and y1 == y2:
                return y1
            return f"{y1}-{m1}/{y2}-{m2}"
    return value


def passes(case: dict, found: list[tuple[int, int, str]]) -> bool:
    if not case["expression"]:
        return not found
    start = case["text"].index(case["expression"])
    end = start + len(case["expression"])
    return any(s < end and start < e and v == case["value"] for s, e, v in found)


def main() -> None:
    rows = cases()
    taggers = {"communique grammar": ours, "dateparser 1.5.0": with_dateparser,
               "Recognizers-Text 1.0.1": with_recognizers}
    print(f"{len(rows)} cases from {TABLE.name}")
    for name, tagger in taggers.items():
        by_family: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        t0 = time.perf_counter()
        try:
            for c in rows:
                ok = passes(c, tagger(c["text"], date.fromisoformat(c["published"])))
                by_family[c["family"]][0] += ok
                by_family[c["family"]][1] += 1
        except ImportError as exc:
            print(f"{name}: not installed ({exc.name}); pip install -e '.[bench]'")
            continue
        took = time.perf_counter() - t0
        good = sum(v[0] for v in by_family.values())
        print(f"\n{name}: {good}/{len(rows)} = {good / len(rows):.3f}   ({took:.1f} s)")
        print("  " + "  ".join(f"{f} {v[0]}/{v[1]}" for f, v in sorted(by_family.items())))


if __name__ == "__main__":
    sys.exit(main())
