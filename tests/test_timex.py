"""Time expressions against a publication date (the full table comes with the time issue)."""

import pytest

CASES = [
    ("Sandu won the election on November 3.", "2024-11-06", "November 3", "2024-11-03"),
    ("The US elections in November 2024 were close.", "2024-11-28", "November 2024", "2024-11"),
    ("He arrived yesterday.", "2024-03-01", "yesterday", "2024-02-29"),
    ("They met last week.", "2025-06-03", "last week", "2025-05-26/2025-06-01"),
    ("In December, Hungary granted asylum to him.", "2025-06-03", "In December", "2024-12"),
    ("The deal was signed on 28 February 2023.", "2024-01-01", "28 February 2023", "2023-02-28"),
    ("The talks took place on Monday.", "2025-06-04", "Monday", "2025-06-02"),
    ("Wimbledon starts on June 30.", "2025-06-09", "June 30", "2025-06-30"),
    ("The war began two years ago.", "2024-02-24", "two years ago", "2022"),
    ("Trade grew earlier this year.", "2025-06-09", "earlier this year", "2025"),
]


@pytest.mark.parametrize("text,published,expression,value", CASES)
def test_calendar_expressions(extract, text, published, expression, value):
    times = {t.text: t.value for t in extract(text, published).times}
    assert times.get(expression) == value


def test_dateline_is_the_filing_date(extract):
    rec = extract("BAKU, Azerbaijan, November 28. Talks went on.", "2024-11-30")
    assert [(t.text, t.value, t.kind) for t in rec.times][0] == ("November 28", "2024-11-28", "dateline")


@pytest.mark.parametrize("text,published,value", [
    ("During the first presidency of Donald Trump, trade grew.", "2024-11-28", "2017-01-20/2021-01-20"),
    ("Trump's second presidential term may change that.", "2024-11-28", "2025-01-20/2029-01-20"),
    ("Under the Obama administration, ties improved.", "2020-01-01", "2009-01-20/2017-01-20"),
    ("Relations have improved since Aliyev came to power.", "2024-11-28", "2003-10-31/2024-11-28"),
    ("During Erdoğan's first term as prime minister, trade grew.", "2025-05-27", "2003-03-14/2014-08-28"),
])
def test_periods_from_terms_of_office(extract, text, published, value):
    assert value in {t.value for t in extract(text, published).times if t.kind == "period"}


def test_a_government_acting_is_not_a_period(extract):
    rec = extract("Polish Prime Minister Donald Tusk's government took office in December 2023.", "2025-06-03")
    assert not [t for t in rec.times if t.kind == "period"]
