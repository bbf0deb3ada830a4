"""A command line the parser refuses: one Swedish line on stderr and exit 2, the typed name or
value kept as typed (never read as markup), never click's English box."""

from __future__ import annotations

import subprocess
import sys
import tempfile

import pytest

from kommunkoll.pipeline.errors import UserError
from kommunkoll.pipeline.prefect_env import ApiServer, PrefectDidNotStart

from .test_cli import kommunkoll

# The command as click names it in its hint: `kommunkoll` when installed, and so under -m.
PROG = "python -m kommunkoll"
ENGLISH = ("Invalid value", "No such", "Usage:", "Error", "Try '", "Missing", "Option")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["serve", "--port", "70000"],
            "--port: ska vara högst 65535, inte 70000 ({prog} serve --help visar hur)",
        ),
        (
            ["extract", "--timeout", "abc", "x.pdf"],
            "--timeout: ska vara ett tal, inte 'abc' ({prog} extract --help visar hur)",
        ),
        (
            ["ingest", "--workers", "0", "x"],
            "--workers: ska vara minst 1, inte 0 ({prog} ingest --help visar hur)",
        ),
        (
            ["extrct"],
            "okänt kommando 'extrct'; menade du extract eller export? ({prog} --help visar hur)",
        ),
        (
            ["--debug", "compare", "answer"],
            "okänt kommando 'answer'; menade du answers? ({prog} compare --help visar hur)",
        ),
        (
            ["extract", "--bogus"],
            "okänd flagga --bogus; menade du --out? ({prog} extract --help visar hur)",
        ),
        (["extract"], "argumentet files saknas ({prog} extract --help visar hur)"),
        (
            ["compare", "figures", "--line", "Summa"],
            "flaggan --table saknas ({prog} compare figures --help visar hur)",
        ),
        (
            ["db", "upgrade", "head", "0002"],
            "för många argument: 0002 ({prog} db upgrade --help visar hur)",
        ),
        (["summary", "--db"], "--db behöver ett värde"),
        (["extract", "--json=ja", "x.pdf"], "--json tar inget värde"),
        (["[bold]x"], "okänt kommando '[bold]x' ({prog} --help visar hur)"),
        (
            ["serve", "--port", "[red]x"],  # rich would have shown a red x
            "--port: ska vara ett heltal, inte '[red]x' ({prog} serve --help visar hur)",
        ),
    ],
)
def test_a_refused_command_line_is_one_swedish_line(args: list[str], line: str) -> None:
    result = kommunkoll(*args)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"✗ {line.format(prog=PROG)}"]
    assert result.stdout == ""
    for word in ENGLISH:
        assert word not in result.stderr


def test_a_group_without_its_command_still_prints_its_help() -> None:
    result = kommunkoll("db")
    assert result.returncode == 2
    assert result.stderr == ""
    assert "upgrade" in result.stdout


def test_a_server_that_never_answers_is_a_swedish_user_error() -> None:
    with pytest.raises(PrefectDidNotStart) as raised:
        ApiServer(None, "http://127.0.0.1:1/api").wait_ready(0)
    assert isinstance(raised.value, UserError)  # one line at the command line, exit 1
    assert raised.value.message == "Prefect-servern svarade inte inom 0 s"


def test_a_server_that_ends_at_start_is_quoted_in_swedish() -> None:
    output = tempfile.TemporaryFile()  # noqa: SIM115 (closed by ApiServer.stop)
    script = "import sys; print('[fel] porten upptagen'); sys.exit(3)"
    process = subprocess.Popen([sys.executable, "-c", script], stdout=output)
    server = ApiServer(process, "http://127.0.0.1:1/api", output)
    try:
        with pytest.raises(PrefectDidNotStart) as raised:
            server.wait_ready(300)  # ends as soon as the process has (refused at once before)
    finally:
        server.stop()
    assert raised.value.message == (
        "Prefect-servern avslutades när den startade (status 3): [fel] porten upptagen"
    )
