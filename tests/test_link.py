from communique.link import group, same_event
from communique.model import Actor, Event

AZE, USA = Actor("country:AZE", "Azerbaijan", "AZE"), Actor("country:USA", "United States", "USA")


def _ev(actors, recipients, date, precision="day", trigger="met", etype="CONSULT"):
    return Event(etype, tuple(actors), tuple(recipients), 0, 5, "x", trigger, date=date, date_precision=precision)


def test_reciprocal_and_directed_mentions_are_one_event():
    assert same_event(_ev([AZE, USA], [], "2024-11-06"), _ev([AZE], [USA], "2024-11-06"))


def test_a_report_on_or_before_publication_overlaps_an_earlier_dated_one():
    assert same_event(_ev([AZE], [USA], "2024-11-28", "on_or_before"), _ev([AZE], [USA], "2024-11-06"))
    assert not same_event(_ev([AZE], [USA], "2024-11-28"), _ev([AZE], [USA], "2024-11-06"))


def test_vague_periods_need_the_same_wording():
    a = _ev([USA], [AZE], "2017-01-20", "interval", "signed")
    b = _ev([USA], [AZE], "2017-01-20", "interval", "support")
    a = Event(**{**a.__dict__, "date_end": "2021-01-20"})
    b = Event(**{**b.__dict__, "date_end": "2021-01-20"})
    assert not same_event(a, b)
    assert len(group([a, b, a])) == 2


def test_negation_and_type_separate_events():
    assert not same_event(_ev([AZE], [USA], "2024-11-06"),
                          Event(**{**_ev([AZE], [USA], "2024-11-06").__dict__, "negated": True}))
