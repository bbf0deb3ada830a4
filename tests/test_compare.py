"""Comparisons, views, frames and exports on a database holding the samples' ground truth.

Expected values come from the ground-truth files: the VON enkät's 1.3 (nej in 2024, delvis
in 2025) and Drift's Personalkostnader (utfall 2024 and 2025, and the printed differens).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from kommunkoll import frames
from kommunkoll.pipeline.compare import answer_matrix, figure_series, parse_years
from kommunkoll.vocabulary import EXPORT_TITLES

from . import truthdb
from .conftest import ROOT
from .truthdb import build_truth_db, located_truths, truth

truth_db = truthdb.truth_db  # the session's ground-truth database, a fixture

VON = "Vård- och omsorgsnämnden"
MEASURABLE = "Har nämnden/styrelsen formulerat målen så att de är mätbara?"
LABELS = {"ja": "Ja", "nej": "Nej", "delvis": "Delvis", "vet_ej": "Vet ej", None: "–"}


def _answer(year: int, question: str) -> dict:
    [found] = [
        a for a in truth(f"alingsas-von-{year}-enkat")["answers"] if a["question"] == question
    ]
    return found


def _cell(year: int, line: str, measure: str, column_year: int) -> float:
    [table] = [
        t for t in truth(f"alingsas-von-{year}-delarsbokslut")["tables"] if t["kind"] == "drift"
    ]
    [row] = [r for r in table["rows"] if r["label"] == line]
    [cell] = [c for c in row["cells"] if (c["measure"], c["year"]) == (measure, column_year)]
    return cell["value"]


def kommunkoll(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "250", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "kommunkoll", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_known_change_is_in_the_ground_truth() -> None:
    """The fixture the tests below rely on: 1.3 changed between 2024 and 2025."""
    assert _answer(2024, MEASURABLE)["answer"] != _answer(2025, MEASURABLE)["answer"]


def test_views_are_tidy_on_sqlite_and_postgresql(database_url: str) -> None:
    engine = build_truth_db(database_url)
    extractions = [e for _, e in located_truths()]
    values = frames.values(engine)
    assert len(values) == sum(len(r.cells) for e in extractions for t in e.tables for r in t.rows)
    assert len(frames.answers(engine)) == sum(len(e.answers) for e in extractions)
    assert len(frames.findings(engine)) == sum(len(e.findings) for e in extractions)

    changes = frames.answer_changes(engine, kommun="Alingsås", namnd=VON, year=2025)
    [change] = changes[changes["number"] == "1.3"].itertuples()
    before, now = _answer(2024, MEASURABLE), _answer(2025, MEASURABLE)
    assert (change.year_before, change.answer_before, change.answer) == (
        2024,
        before["answer"],
        now["answer"],
    )
    assert (change.comment_before, change.comment) == (before["comment"], now["comment"])
    # 1.4 is ja in both years: not a change.
    assert "1.4" not in set(changes["number"])

    utfall = frames.values(engine, line="Personalkostnader", measure="utfall", year=2025)
    von = utfall[(utfall["namnd"] == VON) & (utfall["kommun"] == "Alingsås")]
    assert list(von["number"]) == [_cell(2025, "Personalkostnader", "utfall", 2025)]
    engine.dispose()


def test_answer_matrix_marks_the_change(truth_db: str) -> None:
    matrix = answer_matrix(frames.answers(truth_db), "Alingsås", VON, parse_years("2023-2025"))
    assert [c.year for c in matrix.columns] == [2023, 2024, 2025]
    [row] = [r for r in matrix.rows if r.question == MEASURABLE]
    labels = [c.label for c in row.cells]
    assert labels == [LABELS[_answer(y, MEASURABLE)["answer"]] for y in (2023, 2024, 2025)]
    assert [c.changed for c in row.cells] == [False, labels[1] != labels[0], True]
    # A question whose wording names the year (3.1 "... för 2025?") is one row, not three.
    [plan] = [r for r in matrix.rows if r.number == "3.1"]
    assert all(c.asked for c in plan.cells)


def test_compare_answers_changes_only(truth_db: str, tmp_path: Path) -> None:
    book = tmp_path / "svar.xlsx"
    result = kommunkoll(
        "compare", "answers", "--db", truth_db, "--kommun", "Alingsås", "--namnd", VON,
        "--years", "2025", "--changes-only", "--xlsx", str(book),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    before, now = _answer(2024, MEASURABLE), _answer(2025, MEASURABLE)
    assert f"2024: {LABELS[before['answer']]}" in result.stdout
    assert f"2025: {LABELS[now['answer']]}" in result.stdout
    assert "mätbara?" in result.stdout
    assert "2023:" not in result.stdout  # --years 2025: only changes into 2025

    workbook = load_workbook(book)
    matrix, changes = workbook["Svar"], workbook["Ändringar"]
    assert matrix.freeze_panes == "C2" and changes.freeze_panes == "A2"
    rows = [[c.value for c in r] for r in changes.iter_rows(min_row=2)]
    [row] = [r for r in rows if r[2] == "1.3"]
    assert row[4:] == [
        2024, LABELS[before["answer"]], before["comment"], 2025, LABELS[now["answer"]],
        now["comment"],
    ]  # fmt: skip
    [cells] = [r for r in matrix.iter_rows(min_row=2) if r[1].value == MEASURABLE]
    # The changed answer keeps the old one in the cell, its comment in the cell's note.
    assert cells[2].value == f"{LABELS[now['answer']]} (var {LABELS[before['answer']]})"
    assert cells[2].fill.fgColor.rgb.endswith("FFE699")
    assert cells[2].comment.text == now["comment"]
    [unchanged] = [r for r in matrix.iter_rows(min_row=2) if r[0].value == "2.1"]
    assert unchanged[2].fill.fgColor.rgb in (None, "00000000")


def test_compare_answers_matrix_in_the_terminal(truth_db: str) -> None:
    result = kommunkoll("compare", "answers", "--db", truth_db, "--namnd", VON)
    assert result.returncode == 0, result.stderr
    assert "Lerum" in result.stdout and "2023" in result.stdout
    before, now = _answer(2024, MEASURABLE), _answer(2025, MEASURABLE)
    # The changed answer, with the old one under it.
    assert re.search(
        rf"{LABELS[now['answer']]}\s.*\n.*\(var {LABELS[before['answer']]}\)", result.stdout
    )


def _swedish(value: float) -> str:
    text = f"{abs(value):,.0f}".replace(",", "\u00a0")
    return ("\u2212" if value < 0 else "+") + text


def test_compare_figures_with_change(truth_db: str, tmp_path: Path) -> None:
    now = _cell(2025, "Personalkostnader", "utfall", 2025)
    before = _cell(2024, "Personalkostnader", "utfall", 2024)
    printed_difference = _cell(2025, "Personalkostnader", "differens", 2025)
    assert now - before == printed_difference  # the report's own arithmetic agrees
    book = tmp_path / "figures.xlsx"
    result = kommunkoll(
        "compare", "figures", "--db", truth_db, "--table", "drift", "--line",
        "Personalkostnader", "--measure", "utfall", "--xlsx", str(book),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    # A cost (printed negative) that grows is an "ökning" of the cost and a positive percent.
    assert now < before < 0
    assert f"ökning {_swedish(now - before)[1:]}\u00a0tkr" in result.stdout
    percent = f"{abs((now - before) / before * 100):.1f}".replace(".", ",")
    assert f"+{percent}\u00a0%" in result.stdout
    assert f"−{percent}" not in result.stdout

    sheet = load_workbook(book).active
    assert sheet.freeze_panes == "C2"  # kommun and nämnd stay in view
    rows = {(r[0].value, r[1].value, r[2].value): r for r in sheet.iter_rows(min_row=2)}
    row = rows[("Alingsås", VON, 2025)]
    assert (row[3].value, row[4].value) == (now, now - before)
    assert row[5].value == pytest.approx((now - before) / abs(before) * 100, abs=1e-3)
    assert row[3].number_format.startswith("#,##0")
    assert row[4].fill.fgColor.rgb.endswith("FCE4D6")  # worse: the cost grew


def test_compare_figures_unknown_line_lists_the_known_ones(truth_db: str) -> None:
    result = kommunkoll("compare", "figures", "--db", truth_db, "--table", "drift", "--line", "x")
    assert result.returncode == 1
    assert "Personalkostnader" in result.stderr
    with pytest.raises(ValueError):
        figure_series(frames.values(truth_db), "drift", "Personalkostnader", "nonsense")


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
def test_export_writes_every_table_tidy(truth_db: str, tmp_path: Path, fmt: str) -> None:
    result = kommunkoll("export", "--db", truth_db, "--format", fmt, "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    names = {"documents", "values", "answers", "answer_changes", "findings", "checks"}
    names |= {"internal_controls", "answer_details"}
    assert {p.stem for p in tmp_path.iterdir()} == names
    path = tmp_path / f"values.{fmt}"
    read = {"csv": pd.read_csv, "parquet": pd.read_parquet, "xlsx": pd.read_excel}[fmt]
    values = read(path)
    if fmt == "xlsx":  # Swedish titles for people; the programs' names in CSV and Parquet
        assert "Kommun" in values.columns and "Rapportens år" in values.columns
        values = values.rename(columns={v: k for k, v in EXPORT_TITLES.items()})
    extractions = [e for _, e in located_truths()]
    assert len(values) == sum(len(r.cells) for e in extractions for t in e.tables for r in t.rows)
    for column in ("kommun", "namnd", "document_year", "filename", "sha256", "page", "x0"):
        assert column in values.columns
    hit = values[
        (values["namnd"] == VON)
        & (values["document_year"] == 2025)
        & (values["kommun"] == "Alingsås")
        & (values["table_kind"] == "drift")
        & (values["line"] == "Personalkostnader")
        & (values["measure"] == "utfall")
        & (values["year"] == 2024)
    ]
    assert list(hit["number"]) == [_cell(2025, "Personalkostnader", "utfall", 2024)]
    answers = read(tmp_path / f"answers.{fmt}")
    assert len(answers) == sum(len(e.answers) for e in extractions)
    controls = read(tmp_path / f"internal_controls.{fmt}")
    if fmt == "xlsx":
        controls = controls.rename(columns={v: k for k, v in EXPORT_TITLES.items()})
    assert len(controls) == sum(len(e.internal_controls) for e in extractions)
    assert set(controls["risk"]) == {c.risk for e in extractions for c in e.internal_controls}
    if fmt == "xlsx":
        assert load_workbook(path).active.freeze_panes == "A2"


def test_export_rejects_an_unknown_format(truth_db: str, tmp_path: Path) -> None:
    result = kommunkoll("export", "--db", truth_db, "--format", "pdf", "--out", str(tmp_path))
    assert result.returncode != 0
    assert "csv" in result.stderr


def test_frames_filter_by_lists_and_reject_unknown_views(truth_db: str) -> None:
    both = frames.answers(truth_db, kommun=["Alingsås", "Lerum"], year=2025)
    assert set(both["kommun"]) == {"Alingsås", "Lerum"}
    assert set(both["year"]) == {2025}
    with pytest.raises(ValueError, match="unknown view"):
        frames.read_view("answer; DROP TABLE answer", truth_db)
    with pytest.raises(ValueError, match="not a column"):
        frames.values(truth_db, **{"1=1 OR kommun": "x"})


def test_views_go_with_a_downgrade_and_come_back(tmp_path: Path) -> None:
    from sqlalchemy import inspect

    from kommunkoll.pipeline.db import make_engine, upgrade_schema

    engine = make_engine(f"sqlite:///{tmp_path / 'k.db'}")
    upgrade_schema(engine)
    assert set(frames.VIEWS) <= set(inspect(engine).get_view_names())
    from alembic import command

    from kommunkoll.pipeline.db import alembic_config

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    assert not set(frames.VIEWS) & set(inspect(engine).get_view_names())
    upgrade_schema(engine)
    assert set(frames.VIEWS) <= set(inspect(engine).get_view_names())
    engine.dispose()


def test_serve_and_browse_listen_on_loopback_by_default() -> None:
    for command in ("serve", "browse"):
        result = kommunkoll(command, "--help")
        assert result.returncode == 0, result.stderr
        assert "[default: 127.0.0.1]" in result.stdout


def test_question_key_ignores_the_year_in_the_wording() -> None:
    from kommunkoll.extractors.question_identity import question_key

    plans = {
        year: next(
            a["question"]
            for a in truth(f"alingsas-von-{year}-enkat")["answers"]
            if a["number"] == "3.1"
        )
        for year in (2023, 2024, 2025)
    }
    assert len(set(plans.values())) == 3  # printed with each year's own number
    assert len({question_key(q) for q in plans.values()}) == 1
    assert question_key(plans[2025]) != question_key(MEASURABLE)


def test_answers_workbook_can_be_handed_on(truth_db: str, tmp_path: Path) -> None:
    """Headers name kommun, nämnd and year (two VON columns of 2025 are told apart), comments
    in notes and on a sheet of their own, filter, frozen columns and print settings."""
    book = tmp_path / "svar.xlsx"
    result = kommunkoll(
        "compare", "answers", "--db", truth_db, "--namnd", VON, "--years", "2025",
        "--xlsx", str(book),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    workbook = load_workbook(book)
    sheet = workbook["Svar"]
    headers = [c.value for c in sheet[1]][2:]
    assert headers == [f"Alingsås\n{VON}\n2025", f"Lerum\n{VON}\n2025"]
    assert sheet.auto_filter.ref == sheet.dimensions
    assert sheet.freeze_panes == "C2"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1" and sheet.print_title_cols == "$A:$B"
    lerum = {a["number"]: a for a in truth("lerum-von-2025-enkat")["answers"]}
    comments = workbook["Kommentarer"]
    rows = [[c.value for c in r] for r in comments.iter_rows(min_row=2)]
    lerum_rows = [r for r in rows if r[0] == "Lerum"]
    assert len(lerum_rows) == len(lerum)
    for row in lerum_rows:
        assert row[6] == (lerum[row[3]]["comment"] or None)
        assert row[5] == LABELS[lerum[row[3]]["answer"]]


def test_export_xlsx_formats_tkr_as_integers(truth_db: str, tmp_path: Path) -> None:
    result = kommunkoll("export", "--db", truth_db, "--format", "xlsx", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(tmp_path / "values.xlsx").active
    titles = [c.value for c in sheet[1]]
    number, unit = titles.index("Tal"), titles.index("Enhet")
    formats = {(r[unit].value, r[number].number_format) for r in sheet.iter_rows(min_row=2)}
    assert ("tkr", '#,##0;"\u2212"#,##0;0') in formats
    assert {f for u, f in formats if u == "tkr"} == {'#,##0;"\u2212"#,##0;0'}
    assert sheet.auto_filter.ref == sheet.dimensions
    answers = load_workbook(tmp_path / "answers.xlsx").active
    assert "Nr" in [c.value for c in answers[1]] and "Kommentar" in [c.value for c in answers[1]]


def test_reading_commands_end_at_once_with_all_their_output(truth_db: str) -> None:
    """`compare` skips the interpreter's teardown (cli.main): its piped output must still
    come out whole, last row included, and a failing filter keeps its exit code."""
    expected = sorted(
        {
            (t["document"]["kommun"], t["document"]["namnd"], cell["year"])
            for path in sorted((ROOT / "samples").glob("*delarsbokslut.expected.json"))
            for t in [truth(path.name.removesuffix(".expected.json"))]
            for table in t["tables"]
            if table["kind"] == "drift"
            for row in table["rows"]
            if row["label"] == "Personalkostnader"
            for cell in row["cells"]
            if cell["measure"] == "utfall"
        }
    )  # a year two reports print is one row
    result = kommunkoll(
        "compare", "figures", "--db", truth_db, "--table", "drift", "--line", "Personalkostnader"
    )
    assert result.returncode == 0, result.stderr
    kommuner = "|".join(sorted({k for k, _, _ in expected}))
    shown = re.findall(rf"^ ({kommuner})\s{{2,}}(\S.*?)\s{{2,}}(\d{{4}})\s", result.stdout, re.M)
    assert [(k, n, int(y)) for k, n, y in shown] == expected

    unknown = kommunkoll("compare", "answers", "--db", truth_db, "--kommun", "Ingenstans")
    assert unknown.returncode == 1
    assert "Ingenstans" in unknown.stderr


def test_ending_at_once_flushes_and_keeps_the_exit_code() -> None:
    program = (
        "import sys; from kommunkoll.pipeline.cli import _end_now; "
        "sys.stdout.write('x' * 100_000); sys.stderr.write('y'); _end_now(int(sys.argv[1]))"
    )
    for code in (0, 3):
        done = subprocess.run(
            [sys.executable, "-c", program, str(code)], capture_output=True, text=True
        )
        assert (done.returncode, len(done.stdout), done.stderr) == (code, 100_000, "y")
    message = "import sys; from kommunkoll.pipeline.cli import _end_now; _end_now('fel')"
    done = subprocess.run([sys.executable, "-c", message], capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (1, "fel\n")


def _sample_truths() -> list[dict]:
    from .conftest import expected_for, sample_pdfs

    return [expected_for(p) for p in sample_pdfs()]


def test_summary_of_one_kommun_lists_its_documents_only(truth_db: str) -> None:
    lerum = sorted(
        t["source"]["filename"] for t in _sample_truths() if t["document"]["kommun"] == "Lerum"
    )
    result = kommunkoll("summary", "--db", truth_db, "--kommun", "lerum")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"{len(lerum)} dokument i databasen"
    listed = sorted(re.findall(r"\S+\.pdf", result.stdout))
    assert listed == lerum
    unknown = kommunkoll("summary", "--db", truth_db, "--kommun", "Ingenstans")
    assert unknown.returncode == 1
    assert "Ingenstans" in unknown.stderr


def test_a_line_per_kommun_counts_its_namnder_documents_and_years(truth_db: str) -> None:
    """What `summary` prints past SUMMARY_DOCUMENTS documents, from the same rows."""
    import io

    from rich.console import Console

    from kommunkoll.pipeline.db import make_engine
    from kommunkoll.pipeline.queries import document_counts
    from kommunkoll.pipeline.report import kommun_table

    engine = make_engine(truth_db)
    table = kommun_table(document_counts(engine))
    engine.dispose()
    shown = io.StringIO()
    Console(file=shown, width=200, no_color=True).print(table)
    expected = {}
    for t in _sample_truths():
        d = t["document"]
        namnder, counts, years = expected.setdefault(d["kommun"], (set(), [0, 0], set()))
        namnder.add(d["namnd"])
        counts[0] += 1
        counts[1] += bool(t.get("warnings") or t.get("uncaptured"))
        years.add(d["year"])
    lines = {
        m[0]: m[1:]
        for m in re.findall(
            r"^ (\S+)\s+(\d+)\s+(\d+)\s+(\d{4}(?:–\d{4})?)\s+(\d+)", shown.getvalue(), re.M
        )
    }
    assert lines == {
        kommun: (
            str(len(namnder)),
            str(counts[0]),
            f"{min(years)}–{max(years)}" if len(years) > 1 else str(min(years)),
            str(counts[1]),
        )
        for kommun, (namnder, counts, years) in expected.items()
    }


def test_past_summary_documents_the_closing_table_is_a_line_per_kommun(
    truth_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """ingest's, watch's and summary's table: per document up to SUMMARY_DOCUMENTS, past it
    a line per kommun (the samples' rows, repeated under other kommun names)."""
    from kommunkoll.pipeline import cli
    from kommunkoll.pipeline.db import make_engine
    from kommunkoll.pipeline.queries import document_counts
    from kommunkoll.vocabulary import SUMMARY_PER_KOMMUN

    engine = make_engine(truth_db)
    rows = document_counts(engine)
    engine.dispose()
    copies = cli.SUMMARY_DOCUMENTS // len(rows) + 1
    many = [{**r, "kommun": f"{r['kommun']} {i}"} for i in range(copies) for r in rows]
    cli.show_documents(rows)
    assert capsys.readouterr().out.splitlines()[0] == f"{len(rows)} dokument i databasen"
    cli.show_documents(many)
    kommuner = {r["kommun"] for r in many}
    shown = capsys.readouterr().out.splitlines()
    assert shown[0] == SUMMARY_PER_KOMMUN.format(documents=len(many), kommuner=len(kommuner))
    listed = [k for line in shown for k in kommuner if line.startswith(f" {k} ")]
    assert sorted(listed) == sorted(kommuner)  # each kommun on one line
