"""Write `<name>.expected.json`: the extraction contract's output for one sample.

Built from the same model object the PDF was rendered from, so the numbers, labels,
answers and findings are exactly what was printed; pages are read back from the PDF
(locate.py) because only the renderer knows where the page breaks fell.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .arsredovisning_data import Arsredovisning
from .inline import collapse, plain
from .locate import Located, locate, page_count
from .model import Delarsbokslut, Enkat, InternalControlTable, Table
from .tables import INDICATOR_PREFIX

SCHEMA_VERSION = 1


def _value(v: float | int | None, decimals: int) -> float | int | None:
    if v is None:
        return None
    return round(float(v), decimals) if decimals else int(v)


def _indicator(t: Table) -> str:
    """An arbetsmiljömål row has no printed label: its label is the lead's indicator."""
    for line in t.lead:
        if line.startswith(INDICATOR_PREFIX):
            return line[len(INDICATOR_PREFIX) :]
    return ""


def table_json(t: Table, page: int) -> dict:
    """One Table block in the contract's shape (cells in printed column order)."""
    rows = []
    for row in t.rows:
        cells = [
            {"measure": c.measure, "year": c.year, "value": _value(v, c.decimals)}
            for c, v in zip(t.columns, row.values, strict=True)
        ]
        label = row.label or _indicator(t)
        entry: dict = {"label": collapse(plain(label)), "cells": cells}
        if row.parent:
            entry["parent"] = row.parent
        rows.append(entry)
    title = collapse(plain(t.title)) if t.title else None
    return {"kind": t.kind, "title": title, "page": page, "unit": t.unit, "rows": rows}


def internal_controls_json(ic: InternalControlTable, page_of_risk: dict[str, int]) -> list[dict]:
    """The internkontroll follow-up, structured (beyond the contract's minimum)."""
    return [
        {
            "risk": plain(item.risk),
            "riskbeskrivning": plain(item.riskbeskrivning),
            "riskvarde": item.riskvarde,
            "page": page_of_risk.get(plain(item.risk)),
            "controls": [
                {
                    "kontroll": plain(c.kontroll),
                    "resultat": plain(c.resultat),
                    "bedomning": plain(c.bedomning) if c.bedomning else None,
                    "atgard": plain(c.atgard),
                }
                for c in item.controls
            ],
        }
        for item in ic.items
    ]


def kind_of(doc: Enkat | Delarsbokslut) -> str:
    """The contract's document kind of a sample (an Arsredovisning is drawn as a report)."""
    if isinstance(doc, Arsredovisning):
        return "arsredovisning"
    return "delarsbokslut" if isinstance(doc, Delarsbokslut) else "enkat"


def once_per_page(findings: list[dict]) -> list[dict]:
    """A decision reference cited several times on one page is one finding (the first)."""
    seen: set[tuple[str, int]] = set()
    out = []
    for f in findings:
        if f["kind"] == "decision":
            if (f["text"], f["page"]) in seen:
                continue
            seen.add((f["text"], f["page"]))
        out.append(f)
    return out


def build(doc: Enkat | Delarsbokslut, pdf: Path) -> tuple[dict, list[str]]:
    """The expected JSON for `doc` rendered as `pdf`, and any location warnings."""
    found: Located = locate(doc, pdf)
    is_report = isinstance(doc, Delarsbokslut)
    result: dict = {
        "schema_version": SCHEMA_VERSION,
        "source": {
            "filename": pdf.name,
            "sha256": hashlib.sha256(pdf.read_bytes()).hexdigest(),
            "pages": page_count(pdf),
        },
        "document": {
            "kind": kind_of(doc),
            "kommun": doc.kommun,
            "namnd": doc.namnd,
            "year": doc.year,
            "period": (doc.period or None) if is_report else None,
        },
        "tables": [],
        "answers": [],
        "findings": once_per_page(found.findings),
    }
    if is_report:
        tables = [b for b in doc.blocks if isinstance(b, Table)]
        result["tables"] = [table_json(t, found.pages[("table", i)]) for i, t in enumerate(tables)]
        risk_pages = {f["text"]: f["page"] for f in found.findings if f["kind"] == "risk"}
        result["internal_controls"] = [
            entry
            for b in doc.blocks
            if isinstance(b, InternalControlTable)
            for entry in internal_controls_json(b, risk_pages)
        ]
    else:
        for section in doc.sections:
            for q in section.questions:
                answer: dict = {
                    "number": q.number,
                    "question": collapse(plain(q.text)),
                    "answer": q.answer if q.has_boxes else None,
                    "comment": "\n".join(plain(p) for p in q.comment),
                    "page": found.pages[("question", q.number)],
                }
                if q.fields:
                    answer["fields"] = dict(q.fields)
                result["answers"].append(answer)
    return result, found.warnings


def write(doc: Enkat | Delarsbokslut, pdf: Path) -> list[str]:
    """Write `<pdf stem>.expected.json` next to `pdf`; returns location warnings."""
    data, warnings = build(doc, pdf)
    out = pdf.with_name(pdf.stem + ".expected.json")
    out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return warnings
