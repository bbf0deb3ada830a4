"""Sentence tags `risk` and `action` from lemma cue lexicons and the document's structure.

A sentence is a risk when it names a threat, shortage, difficulty or uncertainty the nämnd
faces; an action when it states a measure decided, under way or planned. Cues are matched on
lower-cased lemmas from the lookup table and, because Swedish compounds freely
("kompetensutmaningen", "osäkerhetsfaktorer"), on the stems inside a word. Structure adds
what words cannot: a comment under a question that asks about åtgärder is read with the
weaker action cues too; a question itself is never tagged.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .pipeline import lemmas

# Stems found anywhere inside a word. Words that merely name the risk *process*
# (riskanalys, riskbedömning, riskvärde) are excluded below.
RISK_STEMS = ("risk", "utmaning", "osäkerhet", "svårighet", "brist", "sårbar")
RISK_EXCLUDED = re.compile(r"risk(-|analys|bedömning|värde|beskrivning|hantering|och$)")
RISK_LEMMAS = {"riskera", "saknas", "sakna", "underskott", "försämra", "försämrad", "hota", "hot"}
RISK_PHRASES = re.compile(
    r"\b(kan komma att påverka|svår[at]? att|inte (?:kan|har tillgång)|ökad[e]? kostnad|"
    r"kostnadsökning|ökar behovet|medför(?:a)? (?:risk|höga)|riskerar|ej verkställ)",
    re.IGNORECASE,
)
ACTION_LEMMAS = {
    "planera", "införa", "genomföra", "åtgärd", "handlingsplan", "översyn", "revidera",
    "påbörja", "initiera", "inleda", "implementera", "satsa", "utbilda", "rekrytera",
    "centralisera", "ta", "fortsätta", "stärka", "utveckla", "upprätta", "besluta",
}  # fmt: skip
ACTION_PHRASES = re.compile(
    r"\b(kommer (?:förvaltningen |nämnden )?(?:att )?(?:införa|införas|genomföra|genomföras|"
    r"revidera|revideras|satsa|ske|fortsätta|systematisera|användas|implementera)|"
    r"planeras|planerat?|är planerad|ska (?:införas|genomföras|tas fram|ses över)|pågår|"
    r"har påbörjat|har (?:beslutat|initierat|inlett|startat|infört|tagit fram)|"
    r"arbetar (?:vidare|aktivt)|fortsätter|handlingsplan|åtgärder? |ses över|"
    r"under hösten|framöver|beräknas)",
    re.IGNORECASE,
)
# weaker cues, counted only in a comment that answers a question about åtgärder
ACTION_WEAK = re.compile(
    r"\b(har (?:fått )?erbjud|följer (?:särskilt )?upp|rekryterar|beslutas|erbjuds|ta fram)",
    re.IGNORECASE,
)
ACTION_QUESTION = re.compile(r"åtgärd", re.IGNORECASE)


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
    if ACTION_PHRASES.search(text + " "):
        return True
    weak_cue = ACTION_WEAK.search(text) or any(lemma(t) in ACTION_LEMMAS for t in sentence)
    return bool(weak and weak_cue)


def sentence_tags(sentence: Span, context: str = "") -> set[str]:
    """The tags of one sentence; `context` is the question or heading its block stands under."""
    text = sentence.text.strip()
    if text.endswith("?") or len(sentence) < 4:
        return set()
    tags = set()
    if _has_risk(sentence):
        tags.add("risk")
    if _has_action(sentence, weak=bool(ACTION_QUESTION.search(context))):
        tags.add("action")
    return tags
