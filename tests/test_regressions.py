"""One test over every regression fixture: tests/regressions/<slug>.pdf read as its
<slug>.expected.json says (written from the PDF's own drawing spec, see make.py): an
enkät's answers, or a delårsbokslut's every table cell (with nothing left to warn about).
With `--regen`, the fixtures are drawn and written again first, from the spec only."""

from __future__ import annotations

import json

import pytest

from kommunkoll.extractors import extract_pdf

from .regressions import make

SLUGS = sorted(make.CASES)
TABLE_SLUGS = sorted(make.TABLE_CASES)


def test_every_fixture_is_there_with_its_expected_file() -> None:
    pdfs = {p.name.removesuffix(".pdf") for p in make.HERE.glob("*.pdf")}
    expected = {p.name.removesuffix(".expected.json") for p in make.HERE.glob("*.expected.json")}
    assert pdfs == expected == {*SLUGS, *TABLE_SLUGS}


@pytest.mark.parametrize("slug", SLUGS)
def test_regression(slug: str, regen: bool) -> None:
    if regen:
        make.write(slug)
    expected = json.loads(make.expected_path(slug).read_text(encoding="utf-8"))
    answers = extract_pdf(make.pdf_path(slug)).answers
    fields = ("number", "question", "answer", "comment", "flags")
    got = [{name: getattr(a, name) for name in fields} for a in answers]
    assert got == expected["answers"], expected["why"]


def _cells(tables: list[dict]) -> list[tuple]:
    return sorted(
        (t["kind"], r["label"], c["header"], c["measure"], c["year"], c["value"])
        for t in tables
        for r in t["rows"]
        for c in r["cells"]
    )


@pytest.mark.parametrize("slug", TABLE_SLUGS)
def test_table_regression(slug: str, regen: bool) -> None:
    if regen:
        make.write(slug)
    expected = json.loads(make.expected_path(slug).read_text(encoding="utf-8"))
    got = extract_pdf(make.pdf_path(slug)).model_dump()
    assert _cells(got["tables"]) == _cells(expected["tables"]), expected["why"]
    assert got["gaps"] == [], expected["why"]
