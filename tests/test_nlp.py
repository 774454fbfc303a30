"""The fast model pass must give every token exactly the annotations of spaCy's stock pipeline."""

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IS_SPACE, LEMMA, MORPH, NORM, ORTH, POS, SENT_START, TAG

from communique.model import Article
from communique.nlp import load_nlp, load_stock_nlp, parse
from communique.read import read_paths

from .conftest import ROOT, SAMPLES

COLUMNS = [ORTH, NORM, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START, IS_SPACE]


def test_fast_pass_replaces_the_attribute_ruler_and_lemmatizer():
    names = load_nlp().pipe_names
    assert "communique_fast_attributes" in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names


def test_every_token_matches_the_stock_pipeline():
    texts = [a.text for a in read_paths([SAMPLES, ROOT / "tests" / "data" / "quotes_corpus"]) if isinstance(a, Article)]
    texts += ["", "   ", "Ain't gonna happen, y'all.\n\nHe said: “We won’t.”  \t It's  O.K."]
    stock = load_stock_nlp()
    for text, fast, ref in zip(texts, parse(texts), stock.pipe(texts), strict=True):
        assert fast.text == ref.text == text
        assert (fast.to_array(COLUMNS) == ref.to_array(COLUMNS)).all(), text[:60]
        assert [t.lemma_ for t in fast] == [t.lemma_ for t in ref]
        assert [str(t.morph) for t in fast] == [str(t.morph) for t in ref]
        assert [(e.start, e.end, e.label_) for e in fast.ents] == [(e.start, e.end, e.label_) for e in ref.ents]
