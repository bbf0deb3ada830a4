"""Findings from page texts: decision references, the risks of a "Utmaningar och risker" list,
and sentences tagged risk or action, each with its page and the entities it mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..contract import Finding, FindingEntities
from .decisions import Phrase, find_references, text_lines
from .pipeline import classify, swedish
from .segment import Block, blocks, page_lines
from .tagging import sentence_tags

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

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
        if not name:
            continue
        if name == "percentages" and (start := _range_start(ent)) is not None:
            found.setdefault(name, []).append(start)  # "från 6,4 till 8,3 procent": both
        text = decision_text(ent.text) if name == "decisions" else clean(ent.text)
        found.setdefault(name, []).append(text)
    return FindingEntities(**found) if found else None


def _range_start(ent: Span) -> str | None:
    """The first figure of "från X till Y procent", which the unit after Y applies to."""
    doc, i = ent.doc, ent.start
    if i >= 2 and doc[i - 1].lower_ == "till" and doc[i - 2].like_num:
        return doc[i - 2].text
    return None


BATCH = 64  # blocks through spaCy at a time: the Docs of a long report are never all held


def find(pages: list[str], lines: Iterable[list[Phrase]] | None = None) -> list[Finding]:
    """All findings of a document, in reading order, from its per-page texts.

    Decision references come from `lines` (the document's lines as positioned phrases,
    furniture dropped) when given, else from the texts' lines: once per reference and page
    (decisions.py). A sentence's tags are the cue rules' and the small classifier's
    together: the rules are precise, the classifier (trained on the dev sentences) adds
    actions worded without cues. Blocks go through spaCy a batch at a time (a block's
    findings depend on it alone), so memory stays flat however many pages there are.
    """
    # The references first: `lines` may be the page model's last reader (extract.py lets
    # each page go as its phrases are made), so the page model is gone before spaCy runs.
    references = find_references(lines if lines is not None else text_lines(page_lines(pages)))
    document = blocks(pages)
    found: list[Finding] = []
    for start in range(0, len(document), BATCH):
        found.extend(_block_findings(document[start : start + BATCH]))
    found += [
        Finding(kind="decision", text=decision_text(r.text), page=r.page, **_boxes(r.boxes))
        for r in references
    ]
    return sorted(found, key=lambda f: f.page)


def _block_findings(document: list[Block]) -> list[Finding]:
    docs = list(swedish().pipe(b.text for b in document))
    sentences = [
        (i, sentence)
        for i, (block, doc) in enumerate(zip(document, docs, strict=True))
        if _tagged_by_sentence(block)
        for sentence in doc.sents
        if len(sentence) >= 4 and not sentence.text.strip().endswith("?")
    ]
    learned = classify([clean(s.text) for _, s in sentences])
    per_block: list[list[tuple[int, Finding]]] = [[] for _ in document]
    for (i, sentence), extra in zip(sentences, learned, strict=True):
        block = document[i]
        tags = sentence_tags(sentence, block.context, item=block.kind == "item") | extra
        for tag in sorted(tags):
            finding = Finding(
                kind=tag,  # type: ignore[arg-type]
                text=clean(sentence.text),
                page=block.page_at(sentence.start_char),
                entities=entities(sentence),
            )
            per_block[i].append((sentence.start_char, finding))
    for i, (block, doc) in enumerate(zip(document, docs, strict=True)):
        per_block[i].extend(_structural_findings(block, doc))
    return [f for found in per_block for _, f in sorted(found, key=lambda x: x[0])]


def _boxes(boxes: list[tuple[float, float, float, float]]) -> dict[str, object]:
    """Every box the reference was printed in on its page (one per line it spans), where
    the words' positions are known: text-only lines place words 1 unit wide."""
    return {"boxes": boxes} if any(b[2] - b[0] != 1.0 for b in boxes) else {}


def _tagged_by_sentence(block: Block) -> bool:
    if block.kind in UNTAGGED_KINDS or block.in_control_table:
        return False  # internkontroll tables are read cell by cell by the table extractor
    return not _is_risk_item(block)


def _is_risk_item(block: Block) -> bool:
    return block.kind == "item" and bool(block.number) and bool(RISK_LIST.search(block.context))


def _structural_findings(block: Block, doc: Doc) -> list[tuple[int, Finding]]:
    """Each item of an "Utmaningar och risker" list (decisions come from decisions.py)."""
    out = []
    if _is_risk_item(block):
        text = clean(block.text)
        risk = Finding(
            kind="risk", text=text, page=block.page, entities=entities(doc[:]), origin="list"
        )
        out.insert(0, (-1, risk))
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
