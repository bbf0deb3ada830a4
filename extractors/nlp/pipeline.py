"""The Swedish spaCy pipeline, built once per process from installed packages only.

No trained Swedish pipeline is published on the package registry (spaCy's sv_core_news_*
ship outside it), so this is `spacy.blank("sv")`: the Swedish tokenizer, a rule-based
sentencizer and the entity ruler. Nothing is downloaded. The cue rules need lemmas only to
ask whether a word is a form of a cue lemma; those forms come from spacy-lookups-data once,
into a small file (scripts/cue_forms.py), so no process loads the 660,000-form table.
spaCy itself is imported here, on the first findings of a process, never by commands that
do not read a PDF, and without its command line (`_import_spacy`).
"""

from __future__ import annotations

import importlib
import sys
import threading
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .rules import entity_patterns

if TYPE_CHECKING:
    from spacy.language import Language


_IMPORT = threading.Lock()
_CLI = ("spacy.cli", "spacy.cli.info")


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, imported with spaCy's command line when someone calls it."""
    return importlib.import_module("spacy.cli.info").info(*args, **kwargs)


def _import_spacy() -> ModuleType:
    """spaCy, without the command line its `__init__` imports only to offer `spacy.info`
    (spacy.cli pulls in typer, weasel, requests and httpx: a third of spaCy's import time,
    which a one-file `extract` waits for). Placeholders stand in for spacy.cli while spaCy
    is imported and are removed after, so a later `import spacy.cli` gets the real one."""
    with _IMPORT:
        if "spacy" in sys.modules:
            return sys.modules["spacy"]
        cli, info = ModuleType(_CLI[0]), ModuleType(_CLI[1])
        info.info = _info  # type: ignore[attr-defined]
        cli.info = info  # type: ignore[attr-defined]
        missing = [name for name in _CLI if name not in sys.modules]
        sys.modules.update({name: m for name, m in zip(_CLI, (cli, info), strict=True)})
        try:
            import spacy
        finally:
            for name in missing:
                sys.modules.pop(name, None)
        if getattr(spacy, "cli", None) is cli:
            del spacy.cli  # type: ignore[attr-defined]
        return spacy


@lru_cache(maxsize=1)
def swedish() -> Language:
    """The shared pipeline, built once per process."""
    spacy = _import_spacy()

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
    spacy = _import_spacy()

    return spacy.load(CLASSIFIER)


def classify(texts: list[str]) -> list[set[str]]:
    """The labels the classifier gives each text (score ≥ THRESHOLD)."""
    return [
        {label for label, score in doc.cats.items() if score >= THRESHOLD}
        for doc in classifier().pipe(texts)
    ]
