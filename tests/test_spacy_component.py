"""nlp.add_pipe("communique") adds events, quotes and actors to a Doc."""

from datetime import date

import spacy

from communique.nlp import DEFAULT_MODEL


def _seed(shared):
    return (shared / "seeds" / "002_2881ff98ad935c2a.txt").read_text(encoding="utf-8").split(" ", 3)[3]


def test_component_on_a_seed_text(shared):
    nlp = spacy.load(DEFAULT_MODEL)  # a pipeline of the user's own, not communique's cached one
    nlp.add_pipe("communique", config={"published": "2024-11-06"})
    doc = nlp(_seed(shared))
    found = {(e.type, e.negated, e.actors[0].name, e.recipients[0].name) for e in doc._.events if e.recipients}
    assert ("SUPPORT", False, "Ilham Aliyev", "Donald Trump") in found
    assert ("SUPPORT", True, "Ilham Aliyev", "Maia Sandu") in found
    sandu = next(e for e in doc._.events if e.negated)
    assert doc.char_span(sandu.evidence_start, sandu.evidence_end).text == sandu.evidence
    assert any(q.speaker and q.speaker.name == "Ilham Aliyev" for q in doc._.quotes)
    assert {"person:ilham aliyev", "person:donald trump"} <= {a.key for a in doc._.actors}


def test_published_date_from_the_doc_and_a_blank_pipeline(shared):
    nlp = spacy.blank("en")  # no parser: the component parses with communique's model
    nlp.add_pipe("communique")
    doc = nlp.make_doc("Azerbaijani President Ilham Aliyev did not congratulate Moldovan President Maia Sandu "
                       "on Sunday.")
    doc._.published = date(2024, 11, 6)
    doc = nlp.get_pipe("communique")(doc)
    assert [(e.type, e.negated, e.date) for e in doc._.events] == [("SUPPORT", True, "2024-11-03")]
