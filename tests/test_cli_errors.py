"""Bad command lines and bad databases: one clear line on stderr, a non-zero exit, no
traceback, and nothing created by a mistyped path."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from rich.console import Console

from kommunkoll.vocabulary import ICON_FAILED, INGEST_SUMMARY

from . import truthdb
from .test_cli import kommunkoll

truth_db = truthdb.truth_db  # the session's ground-truth database, a fixture


def _one_line_error(result, *words: str) -> str:  # type: ignore[no-untyped-def]
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def not_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "notes.db"
    path.write_text("inte en databas\n" * 200, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["summary"],
        ["compare", "answers"],
        ["compare", "figures", "--table", "drift", "--line", "Personalkostnader"],
        ["export", "--out", "OUT"],
        ["serve", "--port", "1"],
        ["browse", "--port", "1"],
    ],
)
def test_a_read_command_on_a_missing_file_says_so_and_creates_nothing(
    tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "stavfel.db"
    args = [str(tmp_path / "out") if a == "OUT" else a for a in command]
    result = kommunkoll(*args, "--db", missing)
    _one_line_error(result, "finns inte", str(missing))
    assert not missing.exists()


@pytest.mark.parametrize("command", [["summary"], ["compare", "answers"], ["ingest", "INBOX"]])
def test_a_file_that_is_not_sqlite(tmp_path: Path, not_sqlite: Path, command: list[str]) -> None:
    (tmp_path / "inbox").mkdir()
    args = [str(tmp_path / "inbox") if a == "INBOX" else a for a in command]
    _one_line_error(kommunkoll(*args, "--db", not_sqlite), "ingen SQLite-databas")


def test_a_plain_path_is_a_sqlite_file(tmp_path: Path) -> None:
    result = kommunkoll("db", "upgrade", "--db", "k.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "k.db").stat().st_size > 0
    summary = kommunkoll("summary", "--db", "k.db", cwd=tmp_path)
    assert summary.returncode == 0, summary.stderr
    assert summary.stdout.startswith("0 dokument")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("foo://bar", ["okänd databastyp 'foo'"]),
        ("sqlite:////nonexistent-folder/k.db", ["mappen /nonexistent-folder finns inte"]),
        ("postgresql+psycopg://kommunkoll:hemligt@127.0.0.1:1/k", ["svarar inte"]),
    ],
)
def test_a_bad_database_url_is_one_line(url: str, words: list[str], tmp_path: Path) -> None:
    line = _one_line_error(kommunkoll("db", "upgrade", "--db", url, cwd=tmp_path), *words)
    assert "hemligt" not in line


def test_an_unknown_migration(tmp_path: Path) -> None:
    result = kommunkoll("db", "upgrade", "nope", "--db", tmp_path / "k.db")
    _one_line_error(result, "okänd migrering 'nope'")


@pytest.mark.parametrize(
    ("args", "word"),
    [
        (["serve", "--port", "70000"], "65535"),
        (["ingest", "INBOX", "--timeout", "-1"], "--timeout: ska vara större än 0, inte -1"),
        (["extract", "INBOX", "--timeout", "0"], "--timeout: ska vara större än 0, inte 0"),
        (["watch", "INBOX", "--interval", "0"], "--interval: ska vara större än 0, inte 0"),
        (["watch", "INBOX", "--settle", "-0.5"], "--settle: ska vara 0 eller större, inte -0.5"),
    ],
)
def test_bad_numbers_are_refused_before_anything_runs(
    tmp_path: Path, args: list[str], word: str
) -> None:
    (tmp_path / "inbox").mkdir()
    args = [str(tmp_path / "inbox") if a == "INBOX" else a for a in args]
    result = kommunkoll(*args, "--db", tmp_path / "k.db") if args[0] != "extract" else None
    result = result or kommunkoll(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert word in result.stderr
    assert not (tmp_path / "k.db").exists()


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["compare", "answers", "--years", "2025-"],
            "--years: år anges som 2025 eller 2023-2025, inte '2025-'",
        ),
        (
            ["compare", "figures", "--table", "drift", "--line", "Summa", "--years", "i år"],
            "--years: år anges som 2025 eller 2023-2025, inte 'i år'",
        ),
        (
            ["export", "--out", "OUT", "--format", "pdf"],
            "--format: formatet ska vara ett av csv, xlsx, parquet, inte 'pdf'",
        ),
    ],
)
def test_a_bad_option_value_is_one_swedish_line(
    tmp_path: Path, truth_db: str, args: list[str], line: str
) -> None:
    """What the person at the terminal reads is Swedish, one line, before anything is written."""
    out = tmp_path / "out"
    result = kommunkoll(*(str(out) if a == "OUT" else a for a in args), "--db", truth_db)
    assert result.returncode == 2
    assert _one_line_error(result) == f"{ICON_FAILED} {line}"
    assert result.stdout == ""
    assert not out.exists()


def test_serve_on_a_taken_port_fails_loudly(tmp_path: Path) -> None:
    kommunkoll("db", "upgrade", "--db", tmp_path / "k.db")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = kommunkoll("serve", "--db", tmp_path / "k.db", "--port", str(port))
    _one_line_error(result, f"porten {port}", "upptagen")


def test_extract_out_on_a_file_is_one_line(tmp_path: Path, good_pdf: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("en fil, ingen mapp", encoding="utf-8")
    _one_line_error(kommunkoll("extract", good_pdf, "--out", blocker), "--out", str(blocker))


def test_ingest_of_a_missing_folder(tmp_path: Path) -> None:
    result = kommunkoll("ingest", tmp_path / "saknas", "--db", tmp_path / "k.db")
    _one_line_error(result, "finns inte")


def test_two_inputs_with_one_name_both_survive(tmp_path: Path, good_pdf: Path) -> None:
    from .conftest import make_text_pdf

    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    lines = ["Alingsås kommun", "Socialnämndens delårsbokslut 2025", "Januari–augusti 2025"]
    make_text_pdf(first / "r.pdf", lines)
    (second / "r.pdf").write_bytes(good_pdf.read_bytes())
    out = tmp_path / "json"
    result = kommunkoll("extract", first / "r.pdf", second / "r.pdf", "--out", out)
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 2, written
    assert "r.json" in written
    other = next(name for name in written if name != "r.json")
    assert other.startswith("r-") and other.endswith(".json")
    namnds = {json.loads((out / name).read_text())["document"]["namnd"] for name in written}
    assert namnds == {"Socialnämnden", "Vård- och omsorgsnämnden"}


def test_untrusted_text_is_never_markup_nor_an_escape() -> None:
    """A reason quoting `[/…` raised MarkupError in watch; a name `[bold red]x.pdf` lost its
    brackets; ANSI escapes reached the terminal."""
    from kommunkoll.pipeline import cli
    from kommunkoll.pipeline.intake import Outcome

    console = Console(record=True, width=200, force_terminal=True)
    cli.err, saved = console, cli.err
    saved_out, cli.out = cli.out, console
    try:
        outcome = Outcome(
            quarantined=[
                ("[bold red]x.pdf", "broken", "damaged near [/Font 3 0 R]"),
                ("\x1b[31mröd\x1b[0m.pdf", "broken", "bell\x07 and\nnewline"),
            ]
        )
        cli._report(outcome, INGEST_SUMMARY)
    finally:
        cli.err, cli.out = saved, saved_out
    text = console.export_text()
    assert "✗ [bold red]x.pdf: damaged near [/Font 3 0 R] (broken)" in text
    assert "✗ röd.pdf: bell and newline (broken)" in text
    assert "\x07" not in text and "[31m" not in text
