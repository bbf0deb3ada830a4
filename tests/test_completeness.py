"""No silent gap: the completeness check warns on every PDF built to miss something, on
none of the others; an ovrigt table goes through the store, export and the document page."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from kommunkoll.extractors import extract_pdf
from kommunkoll.pipeline.db import create_schema, make_engine
from kommunkoll.pipeline.export import export
from kommunkoll.pipeline.queries import document_counts
from kommunkoll.pipeline.store import store_extraction
from kommunkoll.pipeline.web.app import create_app
from kommunkoll.vocabulary import STATUS_OK, STATUS_WARNING

from .conftest import expected_for, sample_pdfs
from .table_pdf import build
from .test_table_classes import CASES

REPORTS = [p for p in sample_pdfs() if expected_for(p)["document"]["kind"] == "delarsbokslut"]


def _report(path: Path, lines: list[tuple[str, str, bool]]) -> Path:
    """A one-page delårsbokslut: (text, right-aligned figures, bold) per line."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(60, 790, "Delårsbokslut 2025")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(60, 772, "Alingsås kommun, Vård- och omsorgsnämnden, januari-augusti 2025")
    y = 740.0
    for text, figures, bold in lines:
        canvas.setFont("Helvetica-Bold" if bold else "Helvetica", 12 if bold else 10)
        canvas.drawString(60, y, text)
        for k, figure in enumerate(figures.split()[::-1]):
            canvas.drawRightString(480 - 70 * k, y, figure)
        y -= 30 if bold else 16
    canvas.showPage()
    canvas.save()
    return path


PROSE = "Nämnden har under perioden arbetat med att anpassa verksamheten."
MISSES = {
    "heading_without_table": (
        [("Investeringar", "", True), (PROSE, "", False)],
        [(1, "Investeringar", "heading_without_table")],
    ),
    "heading_over_another_kind": (
        [
            ("Sjukfrånvaro", "", True),
            ("", "Hemtjänst Boende", False),
            ("Antal brukare", "512 498", False),
            ("Antal besök", "301 310", False),
            ("Timmar", "20 30", False),
        ],
        [(1, "Sjukfrånvaro", "heading_without_table")],
    ),
    "usual_line_not_read": (
        [(PROSE, "", False), ("Årets resultat", "12,5", False), (PROSE, "", False)],
        [(1, "Årets resultat 12,5", "usual_line_not_read")],
    ),
    "figures_not_read": (
        [(PROSE, "", False), ("Antal platser i särskilt boende", "120 118", False)],
        [(1, "Antal platser i särskilt boende 120 118", "figures_not_read")],
    ),
}


@pytest.mark.parametrize("case", sorted(MISSES))
def test_a_pdf_built_to_miss_something_warns_and_is_varning(tmp_path: Path, case: str) -> None:
    lines, gaps = MISSES[case]
    extraction = extract_pdf(_report(tmp_path / f"{case}.pdf", lines))
    assert [(g.page, g.text, g.reason) for g in extraction.gaps] == gaps
    assert [w for w in extraction.warnings if w.startswith("fullständighet")] == [
        f"fullständighet (sida 1): {w}: {text!r}"
        for w, (_, text, _) in zip(
            [
                {
                    "heading_over_another_kind": "en rubrik namnger en tabell men ingen sådan "
                    "tabell lästes under den",
                    "heading_without_table": "en rubrik namnger en tabell men ingen sådan "
                    "tabell lästes under den",
                    "usual_line_not_read": "en rad som en sådan tabell alltid har lästes inte",
                    "figures_not_read": "en rad med siffror hör inte till någon inläst tabell",
                }[case]
            ],
            gaps,
            strict=True,
        )
    ]
    engine = make_engine(f"sqlite:///{tmp_path / 'k.db'}")
    create_schema(engine)
    store_extraction(engine, extraction)
    [row] = document_counts(engine)
    assert (row["uncaptured"], row["status"]) == (len(gaps), STATUS_WARNING)
    engine.dispose()


@pytest.mark.parametrize("pdf", REPORTS, ids=[p.name for p in REPORTS])
def test_no_gap_in_a_sample_that_reads_whole(pdf: Path) -> None:
    assert extract_pdf(pdf).gaps == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_gap_in_the_failure_class_pdfs(tmp_path: Path, case: str) -> None:
    assert extract_pdf(build(tmp_path / f"{case}.pdf", CASES[case])).gaps == []


def test_ovrigt_table_through_store_export_and_document_page(tmp_path: Path) -> None:
    extraction = extract_pdf(build(tmp_path / "ovrigt.pdf", CASES["ovrigt_unknown_headers"]))
    engine = make_engine(f"sqlite:///{tmp_path / 'k.db'}")
    create_schema(engine)
    document_id = store_extraction(engine, extraction)
    [row] = document_counts(engine)
    assert (row["tables"], row["values"], row["status"]) == (1, 6, STATUS_OK)
    [values] = export(engine, tmp_path / "out", "csv")[1:2]
    with values.open(encoding="utf-8") as handle:
        got = [
            (r["table_kind"], r["line"], r["header"], r["measure"], r["year"], r["number"])
            for r in csv.DictReader(handle)
        ]
    assert sorted(got) == sorted(
        ("ovrigt", label, header, "", year, f"{value}.0")
        for label, header, _, year_value, value in [
            (lb, h, m, y, v) for lb, h, m, y, v in CASES["ovrigt_unknown_headers"][0].truth()
        ]
        for year in [str(year_value) if year_value is not None else ""]
    )
    with TestClient(create_app(engine)) as client:
        page = client.get(f"/documents/{document_id}").text
    for heading in ("Antal 2025", "Antal 2024", "Kostnad per brukare", "Nyckeltal", "5 400"):
        assert heading in page.replace("\u00a0", " ")
    engine.dispose()
