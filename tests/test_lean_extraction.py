"""Extraction does no work twice and loads nothing it does not use.

- The risk and action cues need only the word forms of eleven lemmas: the small data file
  holds exactly the forms spaCy's own lookup table (spacy-lookups-data) answers for.
- spaCy loads only where text is read: not for `--help`, `summary` or `compare`.
- An enkät whose first page is blank is parsed once, and reads as its ground truth says.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kommunkoll.extractors.nlp.tagging import ACTION_LEMMAS, RISK_LEMMAS, cue_forms

from .conftest import ROOT, expected_for, sample_pdfs


def _generator():  # type: ignore[no-untyped-def]
    """scripts/cue_forms.py, the script that writes the data file."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("cue_forms", ROOT / "scripts" / "cue_forms.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_cue_forms_file_is_what_the_script_writes() -> None:
    committed = json.loads((ROOT / "extractors" / "data" / "cue_forms.json").read_text("utf-8"))
    assert committed == _generator().cue_forms()


def test_cue_forms_answer_as_spacys_lookup_table_did() -> None:
    """Every form the table knows, and the cue lemmas themselves: `table.get(w, w) in cues`
    (what the rules asked of spaCy's lemmatizer) holds exactly for the forms in the file."""
    from spacy.lookups import load_lookups

    table = load_lookups("sv", ["lemma_lookup"]).get_table("lemma_lookup")
    words = set(_generator().lemma_table()) | RISK_LEMMAS | ACTION_LEMMAS
    assert len(words) > 600_000
    forms = cue_forms()
    for kind, cues in (("risk", RISK_LEMMAS), ("action", ACTION_LEMMAS)):
        matching = {w for w in words if table.get(w, w) in cues}
        assert matching == forms[kind]
    assert "riskerar" in forms["risk"] and "planerade" in forms["action"]


@pytest.mark.parametrize(
    "args", [["--help"], ["summary"], ["compare", "answers"], ["compare", "figures", "--help"]]
)
def test_commands_that_read_no_pdf_do_not_load_spacy(args: list[str], tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'k.db'}"
    extra = [] if "--help" in args else ["--db", db]
    program = (  # a reading command ends with os._exit (cli.main): look just before it too
        "import os, sys, runpy\n"
        f"sys.argv = ['kommunkoll', *{[*args, *extra]!r}]\n"
        "def loaded():\n"
        "    names = ('spacy', 'thinc', 'pdfplumber')\n"
        "    print('LOADED:', sorted(m for m in names if m in sys.modules), flush=True)\n"
        "end = os._exit\n"
        "os._exit = lambda code: (loaded(), end(code))\n"
        "try:\n    runpy.run_module('kommunkoll', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "loaded()"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert "LOADED: []" in result.stdout, result.stdout + result.stderr


def test_enkat_with_a_blank_cover_is_parsed_once(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    from kommunkoll.extractors import extract as extract_module

    [source] = [p for p in sample_pdfs() if p.name == "alingsas-von-2025-enkat.pdf"]
    document = pdfium.PdfDocument(str(source))
    width, height = document[0].get_size()
    document.new_page(width, height, index=0)  # a blank cover page
    covered = tmp_path / "med-tomt-forsattsblad.pdf"
    document.save(str(covered))
    pages = len(document)
    document.close()

    read: list[int] = []
    real = extract_module.read_page

    def counted(page, number, **kwargs):  # type: ignore[no-untyped-def]
        read.append(number)
        return real(page, number, **kwargs)

    monkeypatch.setattr(extract_module, "read_page", counted)
    extraction = extract_module.extract_pdf(covered)
    assert sorted(read) == list(range(1, pages + 1))  # each page once
    truth = expected_for(source)
    assert extraction.document.model_dump() == truth["document"]
    got = [(a.number, a.answer, a.page) for a in extraction.answers]
    assert got == [(t["number"], t["answer"], t["page"] + 1) for t in truth["answers"]]


def test_building_the_nlp_pipeline_imports_no_command_line() -> None:
    """spaCy's `__init__` imports spacy.cli (typer, weasel, requests) for `spacy.info` alone;
    the reader builds both pipelines without it, and a later `import spacy.cli` is real."""
    program = (
        "import sys\n"
        "from kommunkoll.extractors.nlp import pipeline\n"
        "pipeline.swedish(); pipeline.classifier()\n"
        "print('LOADED:', sorted(m for m in ('spacy.cli', 'typer', 'weasel') if m in sys.modules))"
        "\n"
        "import importlib\n"
        "real = importlib.import_module('spacy.cli.download')\n"
        "print('REAL:', real.__file__ is not None and callable(real.download))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120
    )
    assert "LOADED: []" in result.stdout and "REAL: True" in result.stdout, result.stderr
