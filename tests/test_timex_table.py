"""Table-driven time expressions (tests/data/timex_cases.tsv): scored like `eval` scores times,
a prediction counts when its span overlaps the expression and its value is equal."""

import csv
from pathlib import Path

import pytest

TABLE = Path(__file__).parent / "data" / "timex_cases.tsv"


def load_cases() -> list[dict]:
    lines = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def passes(case: dict, extract) -> bool:
    rec = extract(case["text"], case["published"])
    if not case["expression"]:  # a negative case: nothing in it is a time
        return not rec.times
    start = case["text"].index(case["expression"])
    end = start + len(case["expression"])
    return any(t.start < end and start < t.end and t.value == case["value"] for t in rec.times)


def test_table_is_large_and_covers_every_family():
    cases = load_cases()
    assert len(cases) >= 150
    assert {c["family"] for c in cases} >= {"absolute", "month", "year", "weekday", "relative_day", "relative_unit",
                                            "ago", "part_of_period", "range", "duration", "dateline", "tricky"}


def test_table_passes_at_95_percent(extract):
    cases = load_cases()
    failed = [c for c in cases if not passes(c, extract)]
    rate = 1 - len(failed) / len(cases)
    report = "\n".join(f"{c['family']}: {c['text']!r} @ {c['published']} -> {c['value']}" for c in failed)
    assert rate >= 0.95, f"{rate:.3f} of {len(cases)} cases pass; failing:\n{report}"


@pytest.mark.parametrize("family", ["negative"])
def test_negative_cases_yield_no_times(extract, family):
    cases = [c for c in load_cases() if c["family"] == family]
    assert cases and all(passes(c, extract) for c in cases)


def test_every_match_of_a_pattern_holds_the_words_its_scan_needs():
    """find_times skips a pattern when the text lacks a word every match holds (timex.NEEDS):
    a wrong entry would lose times silently, so every match in the table must hold them."""
    from communique.timex import NEEDS, PATTERNS
    seen = set()
    for case in load_cases():
        for kind, pattern in PATTERNS:
            for m in pattern.finditer(case["text"]):
                seen.add(kind)
                low = m.group(0).lower()
                assert all(any(w in low for w in words) for words in NEEDS.get(kind, ())), (kind, m.group(0))
    assert len(seen) >= 20  # the table exercises most patterns
