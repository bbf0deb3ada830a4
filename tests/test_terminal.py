"""`compare` in a terminal: fits the width (no line longer, no word cut), says in Swedish what
matched nothing, exits 1 when a filter names what the database does not hold.

Expected answers and figures come from the samples' ground truth (tests/truthdb.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from . import truthdb
from .conftest import ROOT

truth_db = truthdb.truth_db

VON = "Vård- och omsorgsnämnden"
LABELS = {"ja": "Ja", "nej": "Nej", "delvis": "Delvis", "vet_ej": "Vet ej", None: "–"}


def run(*args: str, columns: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "kommunkoll", *args],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )  # fmt: skip


def _words_of_questions() -> set[str]:
    return {
        word
        for stem in ("alingsas-von-2025-enkat", "lerum-von-2025-enkat")
        for a in truthdb.truth(stem)["answers"]
        for word in a["question"].split()
        if len(word) < 20
    }


@pytest.mark.parametrize("columns", [80, 140])
def test_matrix_fits_the_terminal(truth_db: str, columns: int) -> None:
    result = run("compare", "answers", "--db", truth_db, columns=columns)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    printed = set(result.stdout.split())
    # Every word of the questions is printed whole (a cut word would be missing).
    short_questions = [
        a["question"]
        for a in truthdb.truth("alingsas-von-2025-enkat")["answers"]
        if len(a["question"]) <= 120
    ]
    for question in short_questions:
        for word in question.split():
            assert word in printed, (word, question)
    # No word cut with an ellipsis (a shortened question ends " …", between words).
    assert not re.search(r"\w…", result.stdout)


def test_matrix_at_80_columns_comes_in_parts_with_a_legend(truth_db: str) -> None:
    result = run("compare", "answers", "--db", truth_db, columns=80)
    assert "--xlsx" in result.stdout
    assert "del 1 av 2" in result.stdout and "del 2 av 2" in result.stdout
    assert f"VON = {VON}" in result.stdout
    # The change 1.3 nej → delvis (VON Alingsås 2024 → 2025) is shown with the old answer.
    before = next(
        a for a in truthdb.truth("alingsas-von-2024-enkat")["answers"] if a["number"] == "1.3"
    )
    now = next(
        a for a in truthdb.truth("alingsas-von-2025-enkat")["answers"] if a["number"] == "1.3"
    )
    assert f"(var {LABELS[before['answer']]})" in result.stdout
    assert LABELS[now["answer"]] in result.stdout


def test_matrix_at_140_columns_names_the_namnder(truth_db: str) -> None:
    result = run("compare", "answers", "--db", truth_db, "--namnd", VON, columns=140)
    assert result.returncode == 0, result.stderr
    assert "omsorgsnämnden" in result.stdout and "del 1 av" not in result.stdout
    header = result.stdout.split("───")[0]
    assert header.count("Alingsås") == 3 and header.count("Lerum") == 1


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--kommun", "Göteborg"), "ingen kommun 'Göteborg'"),
        (("--namnd", "Vård och omsorgsnämnden"), f"menade du {VON}"),
        (("--years", "2019"), "inga enkäter från 2019"),
        (("--kommun", "Lerum", "--namnd", "Socialnämnden"), "ingen nämnd 'Socialnämnden' i Lerum"),
    ],
)
def test_a_filter_naming_nothing_stored_exits_1(
    truth_db: str, args: tuple[str, ...], said: str
) -> None:
    result = run("compare", "answers", "--db", truth_db, *args, columns=80)
    assert result.returncode == 1
    assert said in result.stderr
    assert "Traceback" not in result.stderr


def test_no_changes_is_said_in_swedish(truth_db: str) -> None:
    result = run(
        "compare", "answers", "--db", truth_db, "--kommun", "Lerum", "--changes-only",
        columns=80,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Inga ändrade svar (Lerum)." in result.stderr


@pytest.mark.parametrize("columns", [80, 140])
def test_figures_fit_the_terminal(truth_db: str, columns: int) -> None:
    result = run(
        "compare", "figures", "--db", truth_db, "--table", "sjukfranvaro", "--line",
        "Total sjukfrånvaro", columns=columns,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= columns
    assert "procentenheter" in result.stdout


@pytest.mark.parametrize("columns", [200, 132, 90, 60])
def test_figure_rows_laid_out_at_once_are_what_rich_prints(truth_db: str, columns: int) -> None:
    """The rows after the first, laid out directly, give the characters and colours rich's
    own table gives, at widths where every cell fits and where names are abbreviated or
    cells wrap (then rich lays out every row)."""
    import io

    from rich.console import Console

    from kommunkoll.pipeline import queries
    from kommunkoll.pipeline.compare import figure_series
    from kommunkoll.pipeline.db import make_engine
    from kommunkoll.pipeline.report import LaidOut, figure_table

    engine = make_engine(truth_db)
    rows = queries.figure_rows(engine, "drift", "Personalkostnader", "utfall,budget")
    engine.dispose()
    points = figure_series(rows, "drift", "Personalkostnader", "utfall,budget")
    assert len(points) == 16  # the ground truth: 8 nämnd-years, utfall and budget

    def printed(at_once: bool, terminal: bool) -> str:
        console = Console(
            file=io.StringIO(), width=columns, force_terminal=terminal,
            color_system="standard" if terminal else None,
        )  # fmt: skip
        for shown in figure_table(points, "drift · Personalkostnader", columns, at_once):
            # as the CLI prints: what is laid out already is not cropped again
            console.print(shown, crop=not (at_once and isinstance(shown, LaidOut)))
        return console.file.getvalue()  # type: ignore[attr-defined]

    for terminal in (False, True):
        reference = printed(False, terminal)
        assert printed(True, terminal) == reference
    worse = sum(p.better is False for p in points)
    assert worse == 8  # the ground truth's costs grew: change and % in red
    assert "\x1b[31m" in reference  # the colours were compared too


def test_narrow_characters_are_one_cell_as_rich_measures_them() -> None:
    """Every character the fast width takes as one cell is one cell to rich; others (wide,
    zero-width, combining) are measured by rich."""
    from rich.cells import cell_len

    from kommunkoll.pipeline.report import _NARROW, cell_width

    narrow = [chr(c) for c in range(0x20, 0x2213) if _NARROW.fullmatch(chr(c))]
    assert len(narrow) == 95 + 608 + 24 + 47 + 1  # the ranges, spelled out
    assert [c for c in narrow if cell_len(c) != 1] == []
    for text in ("−1 024 496 tkr", "Vård- och omsorgsnämnden", "日本", "e\u0301", "a\u200bb"):
        assert cell_width(text) == cell_len(text)


@pytest.mark.parametrize("width", [40, 80])
def test_plain_lines_print_as_a_text_of_them(width: int) -> None:
    """Notes laid out line by line print the characters one Text of them prints: lines that
    fit as they are, a long one wrapped, a tab expanded, a control code dropped."""
    import io

    from rich.console import Console
    from rich.text import Text

    from kommunkoll.pipeline.report import _Plain

    lines = [
        "* Vård- och omsorgsnämnden (Åre) 2024: omräknat; 2023 års rapport: −211 090 tkr",
        "* kort",
        "* med\ttabb och \x1b[31mstyrkod",
        "",
        "* 日本 " * 12,
    ]

    def printed(renderable: object, crop: bool) -> str:
        console = Console(file=io.StringIO(), width=width)
        console.print(renderable, crop=crop)
        return console.file.getvalue()  # type: ignore[attr-defined]

    reference = printed(Text("\n".join(lines)), crop=True)
    assert printed(_Plain(lines), crop=False) == reference
    assert max(map(len, reference.splitlines())) <= width
