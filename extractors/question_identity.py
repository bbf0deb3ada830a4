"""A question's identity from its wording, so comparisons line up the same question.

Auditors renumber and touch up their questions from year to year ("Följer nämnden/styrelsen
upp ..." becomes "Följer nämnden upp ..."; "för 2024" becomes "för 2025"). The number is
therefore no identity; the normalised wording is, and a similarity score tells a slightly
reworded question from a different one.

Identity is a function of the SET of wordings stored, never of the order they came in:
`group_wordings` clusters every stored wording at once (the store re-runs it whenever a
document arrives or leaves, pipeline/question_groups.py), and a group's key is the key of
its smallest wording. Pure: reading and writing the stored groups is the pipeline's job.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection, Hashable, Iterable, Mapping
from difflib import SequenceMatcher

# Above this, two wordings are the same question. In the sample corpus a reworded question
# scores 0.92 against its earlier wording, while different questions built on the same
# template ("Beslutar nämnden/styrelsen om åtgärder vid ...") reach at most 0.74.
SAME_QUESTION = 0.85


def normalise(text: str) -> str:
    """Case, accents, punctuation, years and other numbers aside; words in order."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = re.sub(r"\d+", " # ", folded)
    return " ".join(re.findall(r"[a-z#]+", folded))


def question_key(text: str) -> str:
    """A stable key from the normalised wording: equal wordings (any year) share it."""
    return hashlib.sha1(normalise(text).encode()).hexdigest()[:16]


def similarity(a: str, b: str) -> float:
    """0..1: how alike two wordings are after normalisation (difflib's ratio)."""
    na, nb = normalise(a), normalise(b)
    if na == nb:
        return 1.0
    return SequenceMatcher(None, na, nb, autojunk=False).ratio()


def best_match(text: str, known: Iterable[tuple[str, str]]) -> tuple[str, float] | None:
    """The (key, score) of the known (key, wording) most like `text`, if it is the same question."""
    best: tuple[str, float] | None = None
    for key, wording in known:
        score = similarity(text, wording)
        if score >= SAME_QUESTION and (best is None or score > best[1]):
            best = (key, score)
    return best


def _score(a: str, b: str) -> float:
    """`similarity` of two already normalised wordings, with difflib's cheap upper bounds first."""
    if a == b:
        return 1.0
    la, lb = len(a), len(b)
    if not la or not lb or 2 * min(la, lb) / (la + lb) < SAME_QUESTION:
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SAME_QUESTION or matcher.quick_ratio() < SAME_QUESTION:
        return 0.0
    return matcher.ratio()


# A wording asked twice in one questionnaire: its second occurrence is a wording of its own
# ("<wording> ~2"), so the two are never one question. "~" is never in a normalised wording.
OCCURRENCE = " ~"


def occurrence(wording: str, n: int) -> str:
    """The node for the n-th (1-based) occurrence of a normalised wording in one document."""
    return wording if n == 1 else f"{wording}{OCCURRENCE}{n}"


def _base(node: str) -> tuple[str, str]:
    wording, _, n = node.partition(OCCURRENCE)
    return wording, n


def node_key(node: str) -> str:
    """The key of one node: `question_key` of its wording, "-n" for a repeated occurrence."""
    wording, n = _base(node)
    key = question_key(wording)
    return f"{key}-{n}" if n else key


def links(new: Iterable[str], known: Iterable[str]) -> list[tuple[str, str, float]]:
    """(a, b, score) with a < b for every pair of nodes that may be the same question:
    each new node against every known node and every other new node."""
    new = sorted(set(new))
    pool = sorted(set(known) - set(new))
    found = []
    for i, a in enumerate(new):
        for b in pool + new[i + 1 :]:
            score = _score(_base(a)[0], _base(b)[0])
            if score >= SAME_QUESTION:
                found.append((min(a, b), max(a, b), score))
    return found


def group_wordings(
    documents: Mapping[str, Collection[Hashable]],
    scored: Iterable[tuple[str, str, float]],
) -> dict[str, str]:
    """Each node (normalised wording) → the smallest node of its question group.

    `documents` gives the documents each node occurs in; `scored` the pairs from `links`.
    Pairs are merged most similar first (ties by wording), unless the two groups share a
    document: two questions of one questionnaire are never one question. Depends only on
    the set of nodes, their documents and their scores: any ingest order gives one grouping.
    """
    parent = {node: node for node in documents}
    members: dict[str, set[Hashable]] = {node: set(docs) for node, docs in documents.items()}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b, _score_ab in sorted(scored, key=lambda link: (-link[2], link[0], link[1])):
        if a not in parent or b not in parent:
            continue
        ra, rb = root(a), root(b)
        if ra == rb or members[ra] & members[rb]:
            continue
        keep, gone = min(ra, rb), max(ra, rb)
        parent[gone] = keep
        members[keep] |= members.pop(gone)
    return {node: root(node) for node in documents}
