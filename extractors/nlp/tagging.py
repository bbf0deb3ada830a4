"""Sentence tags `risk` and `action` from lemma cue lexicons and the document's structure.

A sentence is a risk when it names a threat, shortage, difficulty or uncertainty the nämnd
faces; an action when it states a measure decided, under way or planned. Cues are matched on
lower-cased words whose lemma is a cue lemma (the forms, from spacy-lookups-data's lookup
table, are in data/cue_forms.json, written by scripts/cue_forms.py) and, because Swedish
compounds freely
("kompetensutmaningen", "osäkerhetsfaktorer"), on stems inside a word. Structure adds what
words cannot: under a question that asks about åtgärder or the nämnd's work, weaker action
cues count and list items are actions; a question itself is never tagged.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Stems found anywhere inside a word; words that name the risk *process* are excluded.
RISK_STEMS = ("risk", "utmaning", "osäkerhet", "svårighet", "brist", "sårbar", "otillräcklig")
RISK_EXCLUDED = re.compile(r"risk(-|analys|bedömning|värde|beskrivning|hantering|faktor|och$)")
RISK_LEMMAS = {"riskera", "underskott", "försämra", "försämrad", "hota"}
RISK_PHRASES = re.compile(
    r"\b(kan (?:komma att )?påverkas?|svår[at]? att|inte (?:kan|har tillgång)|saknar|"
    r"ökar behovet|medför(?:a)? (?:risk|höga)|kommer att kräva|ännu inte (?:helt )?klar)",
    re.IGNORECASE,
)
# A measure introduced, decided, begun, planned or carried on, as Swedish reports word it.
ACTION_PHRASES = re.compile(
    r"\b(kommer (?:\w+ )?(?:även |också )?att (?!vara\b|påverka|leda|kräva|bli\b|innebära)\w+|"
    r"planeras|planerat?|är planerad|planen är|ska (?:införas|genomföras|tas fram|ses över)|"
    r"pågår|påbörja(?:t|ts|de)|startat|inlett|initierat|infört|införts|införas|införs|införande|"
    r"implementering|beslutat om|beslutats|har tagit fram|har tagits fram|fortgår|"
    r"tas fram|ta fram handlingsplan|handlingsplan|"
    r"arbet(?:ar|at) (?:även |också )?(?:vidare|aktivt)|"
    r"med åtgärder|åtgärderna omfattar|exempel på åtgärder|fortsätter (?!som tidigare)|"
    r"fortsatt (?:den|arbetet)|satsningen|revideras|reviderats|justerats|centraliseras|"
    r"omvandlas|testades|etablera|utbildas|validering|ses över|framöver|"
    r"beräknas (?:vara )?(?:klar|färdig))",
    re.IGNORECASE,
)
# weaker cues, counted only in a comment that answers a question about åtgärder
ACTION_WEAK = re.compile(
    r"\b(har (?:fått )?erbjud|följ(?:er|s) (?:\w+ )?upp|rekryterar|beslutas|erbjuds|insatser)",
    re.IGNORECASE,
)
ACTION_LEMMAS = {"planera", "införa", "genomföra", "översyn", "revidera", "implementera"}
ACTION_QUESTION = re.compile(r"åtgärd|aktivitet|vilket arbete", re.IGNORECASE)


@lru_cache(maxsize=1)
def cue_forms() -> dict[str, frozenset[str]]:
    """cue kind ("risk", "action") → the lower-cased word forms whose lemma is its cue."""
    data = json.loads(
        (files("kommunkoll.extractors") / "data" / "cue_forms.json").read_text("utf-8")
    )
    return {kind: frozenset(forms) for kind, forms in data["forms"].items()}


def is_cue(token: Token, kind: str) -> bool:
    """The lower-cased word's lookup lemma is one of the `kind` cue lemmas (the lookup
    misses capitalised sentence starts, hence lower case)."""
    return token.lower_ in cue_forms()[kind]


def _has_risk(sentence: Span) -> bool:
    for token in sentence:
        word = token.lower_
        if is_cue(token, "risk"):
            return True
        if any(stem in word for stem in RISK_STEMS) and not RISK_EXCLUDED.search(word):
            return True
    return bool(RISK_PHRASES.search(sentence.text))


def _has_action(sentence: Span, weak: bool) -> bool:
    text = sentence.text
    if ACTION_PHRASES.search(text):
        return True
    weak_cue = ACTION_WEAK.search(text) or any(is_cue(t, "action") for t in sentence)
    return bool(weak and weak_cue)


def asks_about_actions(context: str) -> bool:
    """Whether a question asks what the nämnd does or plans: its answers are actions."""
    return bool(ACTION_QUESTION.search(context)) and context.rstrip().endswith("?")


def sentence_tags(sentence: Span, context: str = "", item: bool = False) -> set[str]:
    """The tags of one sentence; `context` is the question or heading its block stands under,
    `item` whether the sentence is in a list item."""
    text = sentence.text.strip()
    if text.endswith("?") or len(sentence) < 4:
        return set()
    tags = set()
    if _has_risk(sentence):
        tags.add("risk")
    about_actions = asks_about_actions(context)
    if (item and about_actions) or _has_action(sentence, weak=about_actions):
        tags.add("action")
    return tags
