"""The Swedish spaCy pipeline, built once per process from installed packages only.

No trained Swedish pipeline is published on the package registry (spaCy's sv_core_news_*
ship outside it), so this is `spacy.blank("sv")`: the Swedish tokenizer, a rule-based
sentencizer and the lookup lemmatizer whose table comes from spacy-lookups-data. Nothing is
downloaded: the lemma table is read from the installed package.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.lookups import Table

from .rules import entity_patterns


@lru_cache(maxsize=1)
def swedish() -> Language:
    """The shared pipeline; building it reads the lemma table (~0.5 s), so do it once."""
    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    nlp.initialize()
    ruler.add_patterns(entity_patterns())  # type: ignore[attr-defined]
    return nlp


@lru_cache(maxsize=1)
def lemmas() -> Table:
    """The lookup lemmatizer's table (keyed by word), for lemmas of lower-cased words."""
    lemmatizer = swedish().get_pipe("lemmatizer")
    return lemmatizer.lookups.get_table("lemma_lookup")  # type: ignore[attr-defined]


CLASSIFIER = Path(__file__).resolve().parent / "textcat"
THRESHOLD = 0.5


@lru_cache(maxsize=1)
def classifier() -> Language:
    """The small risk/action sentence classifier (scripts/train_textcat.py), read from disk."""
    return spacy.load(CLASSIFIER)


def classify(texts: list[str]) -> list[set[str]]:
    """The labels the classifier gives each text (score ≥ THRESHOLD)."""
    return [
        {label for label, score in doc.cats.items() if score >= THRESHOLD}
        for doc in classifier().pipe(texts)
    ]
