"""`kommunkoll extract` as a person runs it: real processes, real files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kommunkoll.extractors.contract import Extraction


def kommunkoll(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kommunkoll", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,  # a busy machine: Prefect alone may take 20 s to start
        env=command_env(),
    )


def command_env() -> dict[str, str]:
    """The environment a person's shell has: wide enough that rich does not cut file names at
    80 columns, and without the API address of the Prefect server this test session started,
    so each command starts its own as it does for a user."""
    env = {**os.environ, "COLUMNS": "250"}
    env.pop("PREFECT_API_URL", None)
    return env


def test_extract_json_prints_the_contract(good_pdf: Path) -> None:
    result = kommunkoll("extract", good_pdf, "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    extraction = Extraction.model_validate(payload)
    assert extraction.schema_version == 1
    assert extraction.source.filename == "good.pdf"
    assert extraction.source.pages == 3
    assert payload["document"] == {
        "kind": "delarsbokslut",
        "kommun": "Alingsås",
        "namnd": "Vård- och omsorgsnämnden",
        "year": 2025,
        "period": "januari-augusti",
    }


def test_out_dir_goes_on_past_bad_files(
    tmp_path: Path, good_pdf: Path, bad_files: dict[str, Path]
) -> None:
    out = tmp_path / "out"
    bad = [bad_files["truncated"], bad_files["encrypted"], bad_files["image_only"]]
    result = kommunkoll("extract", bad[0], good_pdf, *bad[1:], "--out", out)
    assert result.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == ["good.json"]
    written = json.loads((out / "good.json").read_text(encoding="utf-8"))
    assert written["document"]["namnd"] == "Vård- och omsorgsnämnden"
    for path in bad:
        assert path.name in result.stderr
    assert "truncated" in result.stderr
    assert "PDF-filen är lösenordsskyddad" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_each_bad_kind_exits_nonzero_without_traceback(bad_files: dict[str, Path]) -> None:
    result = kommunkoll("extract", *bad_files.values(), "--json", "--no-ocr")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == len(bad_files)
    for code in bad_files:
        assert f"({code})" in result.stderr
    assert "Traceback" not in result.stderr


def test_schema_command_matches_committed_file() -> None:
    committed = Path(__file__).resolve().parent.parent / "schema" / "extraction.schema.json"
    result = kommunkoll("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout) == json.loads(committed.read_text(encoding="utf-8"))


def test_default_timeout_is_the_readers() -> None:
    """The CLI writes the default out (so `--help` loads no reader); it is Limits'."""
    from kommunkoll.extractors.limits import Limits
    from kommunkoll.pipeline.cli import DEFAULT_TIMEOUT

    assert Limits().timeout == DEFAULT_TIMEOUT
