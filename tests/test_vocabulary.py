"""Domain words are spelled once, in kommunkoll/vocabulary.py.

The scan reads every product module (kommunkoll/, extractors/, models/, pipeline/, their
templates) except vocabulary.py itself and the Alembic migrations (history: a migration must
keep the words it was written with). It fails on:
- a string literal (docstrings and description=/help= texts aside) equal to a document kind,
  table kind or answer value, as stored ("vet_ej") or as shown ("Vet ej"), compared casefolded;
- any mark glyph (☒ ✓ ■ ...) in a string literal or template;
- a family of such values spelled as a collection: a tuple/list/set/dict holding two or more
  measure keys.
Comments and docstrings may name words freely; code must import them.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kommunkoll import vocabulary as v
from kommunkoll.extractors import contract
from kommunkoll.extractors.answer_marks import mark_glyph
from kommunkoll.extractors.headers import measure_of
from kommunkoll.extractors.nlp.segment import MARKS_ONLY

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = ("kommunkoll", "extractors", "models", "pipeline")
SKIP = {ROOT / "kommunkoll" / "vocabulary.py"}


def _product_files(suffix: str) -> list[Path]:
    files = []
    for top in PRODUCT:
        for path in sorted((ROOT / top).rglob(f"*{suffix}")):
            if "migrations" in path.parts or path in SKIP:
                continue
            files.append(path)
    return files


def _documentation(tree: ast.AST) -> set[int]:
    """Docstrings and `description=`/`help=` texts: prose about the words, not code using them."""
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
        if isinstance(node, ast.keyword) and node.arg in ("description", "help"):
            ids.update(id(c) for c in ast.walk(node.value) if isinstance(c, ast.Constant))
    return ids


SPELLED = {
    word.casefold(): family
    for family, entries in (
        ("document kind", v.DOCUMENT_KINDS),
        ("table kind", v.TABLE_KINDS),
        ("answer value", v.ANSWERS),
    )
    for entry in entries.values()
    for word in (entry.key, entry.name)
}
GLYPHS = re.compile(f"[{v.character_class(v.MARK_GLYPHS)}]")


def _offences(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    skip = _documentation(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = node.value
            family = SPELLED.get(text.strip().casefold())
            if family:
                found.append(f"{path.relative_to(root)}:{node.lineno}: {family} {text!r}")
            if GLYPHS.search(text):
                found.append(f"{path.relative_to(root)}:{node.lineno}: mark glyph in {text!r}")
        if isinstance(node, ast.Tuple | ast.List | ast.Set | ast.Dict):
            items = node.keys if isinstance(node, ast.Dict) else node.elts
            measures = {
                i.value for i in items if isinstance(i, ast.Constant) and i.value in v.MEASURES
            }
            if len(measures) >= 2:
                found.append(f"{path.relative_to(root)}:{node.lineno}: measures {sorted(measures)}")
    return found


def test_the_scan_sees_the_product() -> None:
    names = {p.name for p in _product_files(".py")}
    assert {"contract.py", "tables.py", "answer_marks.py", "app.py", "segment.py"} <= names


def test_no_module_outside_the_vocabulary_spells_a_domain_word() -> None:
    offences = [o for path in _product_files(".py") for o in _offences(path)]
    assert offences == []


def test_no_template_spells_a_mark_glyph() -> None:
    offences = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in _product_files(".html")
        for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if GLYPHS.search(line)
    ]
    assert offences == []


def test_the_scan_catches_a_spelled_word(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        '"""Doc: vet_ej ☒ is fine here."""\n'
        'X = "vet_ej"\nY = f"{X} ☒"\nZ = ("budget", "prognos")\nW = "Drift"\n'
    )
    found = sorted(o.split(": ", 1)[1] for o in _offences(bad, root=tmp_path))
    assert found == [
        "answer value 'vet_ej'",
        "mark glyph in ' ☒'",
        "measures ['budget', 'prognos']",
        "table kind 'Drift'",
    ]


def test_contract_literals_are_the_vocabulary() -> None:
    fields = contract.Table.model_fields
    assert fields["kind"].annotation.__args__ == tuple(v.TABLE_KINDS)
    assert contract.Answer.model_fields["answer"].annotation.__args__[0].__args__ == tuple(
        v.ANSWERS
    )
    measure = contract.Cell.model_fields["measure"].annotation  # a Literal, or null
    assert measure.__args__[0].__args__ == tuple(v.MEASURES)
    assert measure.__args__[1] is type(None)


def test_every_measure_is_tried_for_headers() -> None:
    assert sorted(v.MEASURE_HEADER_ORDER) == sorted(v.MEASURES)
    assert measure_of("Avv. prognos/ budget 2025", 2025) == (v.AVVIKELSE, 2025)
    assert measure_of("Preliminärt utfall", 2025) == (v.PRELIMINART_UTFALL, 2025)
    assert measure_of("Delårs- bokslut 2024", 2025) == (v.UTFALL, 2024)


@pytest.mark.parametrize("glyph", sorted(v.MARK_GLYPHS))
def test_every_mark_glyph_is_a_mark_for_answers_and_for_the_text(glyph: str) -> None:
    """answer_marks and the NLP segmenter read the same glyph set (they once drifted)."""
    assert mark_glyph({"text": glyph}) in ("on", "off", "tick")
    assert MARKS_ONLY.match(f"{glyph} x {glyph}")


# ---------------------------------------------------------------- Swedish in one place
SWEDISH = re.compile("[åäöÅÄÖ]")
SWEDISH_SCAN = ("kommunkoll", "extractors", "pipeline")
# Modules whose Swedish literals are parsing logic, not text a user reads: patterns and word
# lists matched against the reports' own text. Each still holds some (the list cannot go
# stale); a message added to one of them is the one thing this scan misses.
PARSING_SWEDISH: dict[str, str] = {
    "extractors/headers.py": "the header words a column title may consist of",
    "extractors/identify.py": "the nämnd-name pattern read from a title page",
    "extractors/nlp/decisions.py": "decision-paragraph patterns (§, punkt, abbreviations)",
    "extractors/nlp/rules.py": "the NLP lexicon: seasons, ordinals, units, organisations",
    "extractors/nlp/segment.py": "heading patterns and the words a heading cannot end in",
    "extractors/nlp/tagging.py": "risk, action and decision cue words",
    "extractors/tables.py": "the 'forts.' continuation pattern and the vowels of a word",
}


def _swedish_literals(path: Path, root: Path = ROOT) -> list[str]:
    """`file:line: 'literal'` for every string constant with å, ä or ö that is not a docstring
    or a description=/help= text (--help stays English, and may name a nämnd)."""
    tree = ast.parse(path.read_text("utf-8"))
    skip = _documentation(tree)
    return [
        f"{path.relative_to(root)}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and SWEDISH.search(node.value)
    ]


def _swedish_scanned() -> list[Path]:
    return [
        path
        for top in SWEDISH_SCAN
        for path in sorted((ROOT / top).rglob("*.py"))
        if path not in SKIP and path.relative_to(ROOT).as_posix() not in PARSING_SWEDISH
    ]


def test_swedish_a_user_reads_lives_in_the_vocabulary() -> None:
    offences = [o for path in _swedish_scanned() for o in _swedish_literals(path)]
    assert offences == []


def test_the_swedish_scan_sees_the_product() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in _swedish_scanned()}
    assert {"pipeline/cli.py", "pipeline/web/app.py", "extractors/pdf.py"} <= names
    assert "kommunkoll/vocabulary.py" not in names


@pytest.mark.parametrize("module", sorted(PARSING_SWEDISH))
def test_each_parsing_exception_still_parses_swedish(module: str) -> None:
    assert _swedish_literals(ROOT / module) != []


def test_the_swedish_scan_names_file_line_and_literal(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        '"""Docstrings may say nämnd."""\n'
        "import typer\n"
        'HELP = typer.Option(help="Only this nämnd.")\n'
        "# a comment may say år\n"
        'X = f"databasen {1} är tom"\n'
        'Y = "plain English"\n'
    )
    assert _swedish_literals(bad, root=tmp_path) == ["bad.py:5: ' är tom'"]
