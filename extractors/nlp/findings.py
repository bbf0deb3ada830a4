"""Findings from page texts: decision references, the risks of a "Utmaningar och risker" list,
and sentences tagged risk or action, each with its page and the entities it mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Span

from ..contract import Finding, FindingEntities
from .pipeline import swedish
from .segment import Block, blocks
from .tagging import sentence_tags

RISK_LIST = re.compile(r"utmaningar och risker|risker och utmaningar", re.IGNORECASE)
UNTAGGED_KINDS = ("table", "heading", "question", "section")
ENTITY_FIELDS = {"UNIT": "units", "MONEY": "amounts", "DATE": "dates", "PERCENT": "percentages"}


def clean(text: str) -> str:
    """Whitespace collapsed: a line break inside a span is a space in the finding."""
    return " ".join(text.split())


def decision_text(text: str) -> str:
    """A reference as printed: punctuation that follows it is not part of it."""
    return clean(text).rstrip(".,;:")


def entities(span: Span) -> FindingEntities | None:
    found: dict[str, list[str]] = {}
    for ent in span.ents:
        name = "decisions" if ent.label_ == "DECISION" else ENTITY_FIELDS.get(ent.label_)
        if name:
            text = decision_text(ent.text) if name == "decisions" else clean(ent.text)
            found.setdefault(name, []).append(text)
    return FindingEntities(**found) if found else None


def _block_findings(block: Block, doc) -> list[tuple[int, Finding]]:
    out = []
    for ent in doc.ents:
        if ent.label_ == "DECISION":
            page = block.page_at(ent.start_char)
            decision = Finding(kind="decision", text=decision_text(ent.text), page=page)
            out.append((ent.start_char, decision))
    if block.kind in UNTAGGED_KINDS or block.in_control_table:
        return out  # internkontroll tables are read cell by cell by the table extractor
    if block.kind == "item" and block.number and RISK_LIST.search(block.context):
        text = clean(block.text)
        risk = Finding(kind="risk", text=text, page=block.page, entities=entities(doc[:]))
        return [(0, risk), *out]
    for sentence in doc.sents:
        for tag in sorted(sentence_tags(sentence, block.context)):
            finding = Finding(
                kind=tag,
                text=clean(sentence.text),
                page=block.page_at(sentence.start_char),
                entities=entities(sentence),
            )
            out.append((sentence.start_char, finding))
    return out


def find(pages: list[str]) -> list[Finding]:
    """All findings of a document, in reading order, from its per-page texts."""
    document = blocks(pages)
    nlp = swedish()
    out: list[Finding] = []
    for block, doc in zip(document, nlp.pipe(b.text for b in document), strict=True):
        out.extend(f for _, f in sorted(_block_findings(block, doc), key=lambda x: x[0]))
    return out


def _key(finding: Finding) -> tuple[str, str, int]:
    return finding.kind, clean(finding.text).casefold().rstrip(".,;: "), finding.page


def merge(*groups: Iterable[Finding]) -> list[Finding]:
    """Findings from several extractors as one list, each finding once.

    Two findings are the same when kind, normalised text and page agree. A text printed
    twice on a page (one decision cited twice) stays twice: each group contributes the
    occurrences the earlier ones lack. Order: by page, then earlier groups first.
    """
    merged: list[Finding] = []
    seen: Counter[tuple[str, str, int]] = Counter()
    for group in groups:
        mine: Counter[tuple[str, str, int]] = Counter()
        for finding in group:
            key = _key(finding)
            mine[key] += 1
            if mine[key] > seen[key]:
                merged.append(finding)
        for key, count in mine.items():
            seen[key] = max(seen[key], count)
    return sorted(merged, key=lambda f: f.page)
