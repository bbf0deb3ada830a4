"""The Swedish spaCy pipeline, built once per process from installed packages only.

No trained Swedish pipeline is published on the package registry (spaCy's sv_core_news_*
ship outside it), so this is `spacy.blank("sv")`: the Swedish tokenizer, a rule-based
sentencizer and the entity ruler. Nothing is downloaded. The cue rules need lemmas only to
ask whether a word is a form of a cue lemma; those forms come from spacy-lookups-data once,
into a small file (scripts/cue_forms.py), so no process loads the 660,000-form table.
spaCy itself is imported here, on the first findings of a process, never by commands that
do not read a PDF.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .rules import entity_patterns

if TYPE_CHECKING:
    from spacy.language import Language


@lru_cache(maxsize=1)
def swedish() -> Language:
    """The shared pipeline, built once per process."""
    import spacy

    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    nlp.initialize()
    ruler.add_patterns(entity_patterns())  # type: ignore[attr-defined]
    return nlp


CLASSIFIER = Path(__file__).resolve().parent / "textcat"
THRESHOLD = 0.5


@lru_cache(maxsize=1)
def classifier() -> Language:
    """The small risk/action sentence classifier (scripts/train_textcat.py), read from disk."""
    import spacy

    return spacy.load(CLASSIFIER)


def classify(texts: list[str]) -> list[set[str]]:
    """The labels the classifier gives each text (score ≥ THRESHOLD)."""
    return [
        {label for label, score in doc.cats.items() if score >= THRESHOLD}
        for doc in classifier().pipe(texts)
    ]
