"""Sentence tags `risk` and `action` from lemma cue lexicons and the document's structure.

A sentence is a risk when it names a threat, shortage, difficulty or uncertainty the nämnd
faces; an action when it states a measure decided, under way or planned. Cues are matched on
lower-cased lemmas from the lookup table and, because Swedish compounds freely
("kompetensutmaningen", "osäkerhetsfaktorer"), on stems inside a word. Structure adds what
words cannot: under a question that asks about åtgärder or the nämnd's work, weaker action
cues count and list items are actions; a question itself is never tagged.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .pipeline import lemmas

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


def lemma(token: Token) -> str:
    """The lookup lemma of the lower-cased word: the table misses capitalised sentence starts."""
    return lemmas().get(token.lower_, token.lower_)


def _has_risk(sentence: Span) -> bool:
    for token in sentence:
        word = token.lower_
        if lemma(token) in RISK_LEMMAS:
            return True
        if any(stem in word for stem in RISK_STEMS) and not RISK_EXCLUDED.search(word):
            return True
    return bool(RISK_PHRASES.search(sentence.text))


def _has_action(sentence: Span, weak: bool) -> bool:
    text = sentence.text
    if ACTION_PHRASES.search(text):
        return True
    weak_cue = ACTION_WEAK.search(text) or any(lemma(t) in ACTION_LEMMAS for t in sentence)
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
