"""Direct, reported and partial quotes, their speakers and outlets."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.quotes import quote_marks


def _quotes(extract, text, published="2025-05-27"):
    return extract(text, published).quotes


def test_multi_paragraph_quote_with_mixed_marks_and_a_role_description(extract):
    text = ('Iran will not back down, analyst Reza Karimi told IRNA.\n\n'
            '"The talks failed. Tehran is ready to wait.\n\n'
            'Nobody should expect a deal soon,” the analyst said.')
    quotes = _quotes(extract, text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].text.startswith("The talks failed.") and direct[0].text.endswith("a deal soon,")
    assert direct[0].speaker.name == "Reza Karimi"
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert indirect[0].text == "Iran will not back down"
    assert indirect[0].outlet is not None and indirect[0].outlet.name.startswith("Islamic Republic News Agency")


def test_a_quote_split_by_its_cue_is_one_quote(extract):
    quotes = _quotes(extract, "“We will help,” Ukrainian Foreign Minister Andrii Sybiha said, “and soon.”")
    assert len(quotes) == 1
    assert quotes[0].text.startswith("We will help,") and quotes[0].text.endswith("and soon.")
    assert quotes[0].speaker.name == "Andrii Sybiha"


def test_according_to_and_reported_speech_and_unknown_speakers(extract):
    text = ("Japanese Prime Minister Shigeru Ishiba visited Manila. According to him, the region needs calm. "
            "Ishiba emphasized that Japan would keep its promises. It was stressed that the talks were frank.")
    quotes = {q.text: q for q in _quotes(extract, text, "2025-04-30")}
    assert quotes["the region needs calm"].speaker.name == "Shigeru Ishiba"
    assert quotes["Japan would keep its promises"].cue == "emphasized"
    assert quotes["the talks were frank"].speaker is None


def test_a_statement_speaks_for_its_author(extract):
    text = ('Ukraine\'s Foreign Ministry condemned the attack in a statement. '
            '"We call on our partners to act," the statement read.')
    quote = [q for q in _quotes(extract, text, "2025-05-26") if q.kind == "direct"][0]
    assert quote.speaker is not None and quote.speaker.country == "UKR"


def test_floating_quote_continues_the_previous_speaker(extract):
    text = ('"Our economies complement each other," Kazakh President Kassym-Jomart Tokayev said.\n\n'
            '"We will double trade by 2030 and open new routes across the Caspian Sea."')
    quotes = _quotes(extract, text, "2025-03-02")
    assert [q.speaker.name for q in quotes] == ["Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev"]


def test_apostrophes_are_not_quotes(extract):
    assert _quotes(extract, "President Trump’s visit to Azerbaijan’s capital was short.", "2025-05-01") == []


# -- malformed quotation marks never crash the extractor ----------------------


MARKS = ["“", "”", '"', "«", "»", "„", "‘", "’", "``", "''", "'", "don't", "Kyiv’s"]
PIECES = st.sampled_from(MARKS + ["he said", "Sandu", "the minister added", ",", ".", "\n\n", "We will", "never",
                                  "according to", "him", "it was stressed that", "told", "Reuters"])


@given(st.lists(PIECES, max_size=80).map(" ".join))
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_quotation_marks_are_handled(extract, text):
    rec = extract(text or " ", "2025-01-01")
    for q in rec.quotes:
        assert 0 <= q.start <= q.end <= len(text or " ")
        assert q.kind in ("direct", "indirect", "partial")


@given(st.lists(st.sampled_from(MARKS + ["a", " ", "\n"]), max_size=200).map("".join))
@settings(max_examples=150, deadline=None)
def test_mark_scanner_terminates_on_any_sequence(text):
    spans = quote_marks(text)
    assert all(0 <= s.open_at < s.start <= s.end < s.close_at <= len(text) for s in spans)


def test_nested_quote_is_one_quote_and_events_inside_keep_their_speaker(extract):
    text = ("“Japan signed an agreement with Vietnam, and our partners called it ‘historic’,” "
            "Japanese Prime Minister Shigeru Ishiba said.")
    rec = extract(text, "2025-01-11")
    direct = [q for q in rec.quotes if q.kind == "direct"]
    assert len(direct) == 1 and "‘historic’" in direct[0].text
    from communique.formats import records_to_gold

    events = records_to_gold(rec)["events"]
    assert events and events[0]["quote"]["speaker"]["name"] == "Shigeru Ishiba"


def test_reported_speech_leaves_the_wire_dateline_out(extract):
    rec = extract("ANKARA, May 2 (Reuters) - Turkey will host the next round of talks, Foreign Minister Hakan Fidan "
                  "said on Friday.", "2025-05-02")
    assert [q.text for q in rec.quotes] == ["Turkey will host the next round of talks"]
