"""The internkontroll table ("Uppföljning av internkontroll"): risks, their riskvärde, and
for each control its result, bedömning and åtgärd.

Its cells hold paragraphs of different lengths side by side, so page lines interleave the
columns; each column is therefore read on its own, from the header's column starts, into
paragraphs. A risk starts at "Identifierad risk:", a control at each paragraph of the
Kontroll column; results, bedömningar and åtgärder belong to the control row they start in.
The table may run on over the next page without its header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from kommunkoll.vocabulary import (
    CONTROL_DESCRIPTION,
    CONTROL_HEADER_WORDS,
    CONTROL_HEADERS,
    CONTROL_RISK,
)

from .contract import Control, Finding, InternalControl
from .layout import Line, group_lines, phrases
from .layout import Word as Token
from .numbers import parse_number

_IDENTIFIED, _RISK_WORD = CONTROL_RISK.split()
# The risk column's header words ("Identifierad", "risk", "riskbeskrivning") start the risk
# column; "Riskvärde" starts the next one.
_COLUMNS = (
    ("risk", re.compile(rf"^{_IDENTIFIED}|^(?!{CONTROL_HEADERS['riskvarde']}){_RISK_WORD}", re.I)),
    *((name, re.compile(f"^{word}", re.I)) for name, word in CONTROL_HEADERS.items()),
)
# Two headers of either pair on one line: the page has the table.
_HEADER_PAIRS = (
    {CONTROL_HEADERS["riskvarde"], CONTROL_HEADERS["kontroll"]},
    {CONTROL_HEADERS["resultat"], CONTROL_HEADERS["atgard"]},
)
_RISK = re.compile(rf"^\s*{CONTROL_RISK}\s*:\s*", re.I)
_DESCRIPTION = re.compile(rf"^\s*{CONTROL_DESCRIPTION}\s*:\s*", re.I)


@dataclass
class Paragraph:
    page: int
    top: float
    text: str

    @property
    def at(self) -> tuple[int, float]:
        return (self.page, self.top)


def _header(lines: Sequence[Line]) -> tuple[int, dict[str, float]] | None:
    """(index of the header's last line, column name → start x) if the page has the table."""
    for i, line in enumerate(lines):
        names = {t.text.casefold() for t in line.tokens}
        if not any(pair <= names for pair in _HEADER_PAIRS):
            continue
        block = [
            lines[k]
            for k in range(max(0, i - 2), min(len(lines), i + 3))
            if abs(lines[k].top - line.top) <= 2.6 * line.size
        ]
        starts: dict[str, float] = {}
        last = i
        for k, other in enumerate(block):
            for token in other.tokens:
                for name, pattern in _COLUMNS:
                    if pattern.match(token.text) and name not in starts:
                        starts[name] = token.x0
                    elif pattern.match(token.text) and name == "risk":
                        starts[name] = min(starts[name], token.x0)
            if all(t.text.casefold() in CONTROL_HEADER_WORDS for t in other.tokens):
                last = max(last, lines.index(block[k]))
        if {"risk", "kontroll", "resultat", "atgard"} <= starts.keys():
            return last, starts
    return None


def _column(x0: float, starts: Sequence[tuple[str, float]]) -> str:
    name = starts[0][0]
    for candidate, start in starts:
        if x0 >= start - 1.5:
            name = candidate
    return name


def _fits(line: Line, starts: Sequence[tuple[str, float]], size: float) -> bool:
    """No phrase of the line runs across a column start and none is set larger than the
    header: the line is inside the table (prose and headings after it are not)."""
    if line.size > 1.4 * size or line.tokens[0].x0 < starts[0][1] - 2:
        return False
    xs = [s for _, s in starts]
    for phrase in phrases(line.tokens):
        x0, x1 = phrase[0].x0, phrase[-1].x1
        if any(x0 + 2 < s < x1 - 1 for s in xs):
            return False
    return True


def _paragraphs(page: int, tokens: Sequence[Token]) -> list[Paragraph]:
    """One column's tokens into paragraphs: a wider gap or a line ended short starts anew."""
    lines = group_lines(tokens, page)
    if not lines:
        return []
    pitches = [b.top - a.top for a, b in pairwise(lines)]
    normal = min([*pitches, 1.3 * max(line.size for line in lines)])
    right = max(line.x1 for line in lines)
    paragraphs: list[Paragraph] = []
    for n, line in enumerate(lines):
        new = n == 0
        if n:
            prev = lines[n - 1]
            wide = line.top - prev.top > normal + 0.3 * line.size
            room = right - prev.x1
            short = (
                prev.text.rstrip()[-1:] in ".:!?"
                and room > (line.tokens[0].x1 - line.tokens[0].x0) + 0.5 * line.size
            )
            new = wide or short
        if new:
            paragraphs.append(Paragraph(page, line.top, line.text))
        else:
            paragraphs[-1].text += " " + line.text
    for p in paragraphs:
        p.text = " ".join(p.text.split())
    return paragraphs


def extract_internal_controls(
    pages: Sequence[Sequence[Line]],
) -> tuple[list[InternalControl], list[Finding]]:
    """Every internkontroll table of the document, and its risk and åtgärd findings."""
    columns: dict[str, list[Paragraph]] = {name: [] for name, _ in _COLUMNS}
    starts: list[tuple[str, float]] | None = None
    size = 0.0
    previous_page = -2
    for index, lines in enumerate(pages):
        found = _header(lines)
        if found is not None:
            last, start_map = found
            starts = sorted(start_map.items(), key=lambda kv: kv[1])
            size = lines[last].size
            body = lines[last + 1 :]
        elif starts is not None and index == previous_page + 1:
            body = list(lines)
        else:
            continue
        tokens: dict[str, list[Token]] = {name: [] for name, _ in starts}
        kept = 0
        bottom = body[0].top if body else 0.0
        for line in body:
            if not _fits(line, starts, size) or line.top - bottom > 5 * size:
                break
            bottom = line.bottom
            kept += 1
            for token in line.tokens:
                tokens[_column(token.x0, starts)].append(token)
        if not kept:
            starts = None if found is None else starts
            continue
        for name, column_tokens in tokens.items():
            columns[name].extend(_paragraphs(index + 1, column_tokens))
        previous_page = index
        if kept < len(body):
            starts = None  # the table ended on this page
    return _assemble(columns)


def _assemble(
    columns: dict[str, list[Paragraph]],
) -> tuple[list[InternalControl], list[Finding]]:
    risks: list[tuple[Paragraph, list[Paragraph]]] = []
    for paragraph in columns["risk"]:
        if _RISK.match(paragraph.text) or not risks:
            risks.append((paragraph, []))
        else:
            risks[-1][1].append(paragraph)
    controls = columns["kontroll"]
    result: list[InternalControl] = []
    findings: list[Finding] = []
    for n, (head, rest) in enumerate(risks):
        begin = (head.page, head.top - 3)
        end = (risks[n + 1][0].page, risks[n + 1][0].top - 3) if n + 1 < len(risks) else None
        mine = [c for c in controls if c.at >= begin and (end is None or c.at < end)]
        value = next(
            (p for p in columns["riskvarde"] if p.at >= begin and (end is None or p.at < end)),
            None,
        )
        description = [_DESCRIPTION.sub("", p.text) for p in rest]
        risk = InternalControl(
            risk=_RISK.sub("", head.text),
            riskbeskrivning="\n".join(description) or None,
            riskvarde=_number(value.text) if value else None,
            page=head.page,
            controls=[],
        )
        findings.append(
            Finding(kind="risk", text=risk.risk, page=head.page, origin="internkontroll")
        )
        for k, control in enumerate(mine):
            c_begin = (control.page, control.top - 3)
            c_end = (mine[k + 1].page, mine[k + 1].top - 3) if k + 1 < len(mine) else end

            def within(p: Paragraph, lo: tuple = c_begin, hi: tuple | None = c_end) -> bool:
                return p.at >= lo and (hi is None or p.at < hi)

            parts = {
                name: [p for p in columns[name] if within(p)]
                for name in ("resultat", "bedomning", "atgard")
            }
            atgard = "\n".join(p.text for p in parts["atgard"]) or None
            risk.controls.append(
                Control(
                    kontroll=control.text,
                    resultat="\n".join(p.text for p in parts["resultat"]) or None,
                    bedomning=" ".join(p.text for p in parts["bedomning"]) or None,
                    atgard=atgard,
                )
            )
            if atgard:
                page = parts["atgard"][0].page
                findings.append(
                    Finding(kind="action", text=atgard, page=page, origin="internkontroll")
                )
        result.append(risk)
    return result, findings


def _number(text: str) -> int | float | None:
    try:
        return parse_number(text.split()[0])
    except (ValueError, IndexError):
        return None
