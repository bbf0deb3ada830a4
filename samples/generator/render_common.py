"""What the two renderers print the same way: both must put the same strings on the page,
since the ground truth is computed once from the model, whichever renderer drew the PDF."""

from __future__ import annotations

import re

from .inline import plain
from .model import Layout, Table
from .numbers import format_cell

# A paragraph that starts with a list marker ("•", "-", "–", "1.", "1)") gets a hanging indent.
LIST_MARKER = re.compile(r"^(?:[•\u2013\-]|\d+[.)])\s")
RISK_PREFIX = "Identifierad risk: "  # internkontroll: the risk cell's two parts
DESCRIPTION_PREFIX = "Riskbeskrivning: "
BOX_GLYPHS = {"glyph": ("\u2612", "\u2610"), "check": ("\u2713", "")}  # (marked, unmarked)


def answer_key(column: str) -> str:
    """'Vet ej' -> 'vet_ej', the model's answer value for that column."""
    return re.sub(r"\s+", "_", column.strip().lower())


def mark_text(layout: Layout, marked: bool) -> str:
    """The text printed in one answer box for the text mark styles ("" prints nothing)."""
    if layout.mark_style == "x":
        return layout.mark_text if marked else ""
    if layout.mark_style in BOX_GLYPHS:
        on, off = BOX_GLYPHS[layout.mark_style]
        return on if marked else off
    raise ValueError(f"mark_style {layout.mark_style!r} prints no text")


def table_cells(t: Table, layout: Layout) -> tuple[bool, list[str], list[list[str]]]:
    """(has a label column, header texts, body texts) of a numeric table, as printed.

    Arbetsmiljömål tables print no label column at all: only the three numbers.
    """
    has_label = bool(t.label_header.strip()) or any(r.label.strip() for r in t.rows)
    header = ([plain(t.label_header)] if has_label else []) + [plain(c.header) for c in t.columns]
    body = [
        ([plain(r.label)] if has_label else [])
        + [format_cell(v, c, r, layout) for v, c in zip(r.values, t.columns, strict=True)]
        for r in t.rows
    ]
    return has_label, header, body
