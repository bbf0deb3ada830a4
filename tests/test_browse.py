"""`kommunkoll browse`: the Datasette invocation, and Datasette really serving a view read-only."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kommunkoll.pipeline.browse import VIEW_DOCS, datasette_command, sqlite_path

from . import truthdb
from .test_cli import kommunkoll

truth_db = truthdb.truth_db  # the session's ground-truth database, a fixture


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_invocation_serves_the_file_on_loopback_with_view_docs(tmp_path: Path) -> None:
    metadata = tmp_path / "m.json"
    command = datasette_command(tmp_path / "k.db", port=8123, metadata_file=metadata)
    assert command[:4] == [sys.executable, "-m", "datasette", "serve"]
    assert command[4] == str(tmp_path / "k.db")
    assert command[command.index("--host") + 1] == "127.0.0.1"
    assert command[command.index("--port") + 1] == "8123"
    assert command[command.index("--metadata") + 1] == str(metadata)
    tables = json.loads(metadata.read_text())["databases"]["k"]["tables"]
    assert (
        set(tables) == set(VIEW_DOCS) == {"v_values", "v_answers", "v_answer_changes", "v_findings"}
    )


def test_only_sqlite_can_be_browsed() -> None:
    assert sqlite_path("sqlite:////srv/k.db") == Path("/srv/k.db")
    with pytest.raises(ValueError, match="SQLite"):
        sqlite_path("postgresql+psycopg://u@h/db")
    result = kommunkoll("browse", "--db", "postgresql+psycopg://u@127.0.0.1:1/db")
    assert result.returncode == 1
    assert "SQLite" in result.stderr


@pytest.mark.slow
def test_datasette_serves_the_answer_changes_view_read_only(truth_db: str) -> None:
    path = sqlite_path(truth_db)
    port = _free_port()
    process = subprocess.Popen(  # the command as a user runs it: it becomes Datasette
        [sys.executable, "-m", "kommunkoll", "browse", "--db", truth_db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}/{path.stem}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"{base}/v_answer_changes.json?_shape=array", timeout=5)
                if response.status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert process.poll() is None, process.stderr.read().decode()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "datasette did not come up"
            time.sleep(0.3)
        rows = response.json()
        measurable = "Har nämnden/styrelsen formulerat målen så att de är mätbara?"
        [change] = [r for r in rows if r["question"] == measurable and r["year"] == 2025]
        before = truthdb.truth("alingsas-von-2024-enkat")["answers"]
        now = truthdb.truth("alingsas-von-2025-enkat")["answers"]
        assert change["answer_before"] == next(
            a["answer"] for a in before if a["question"] == measurable
        )
        assert change["answer"] == next(a["answer"] for a in now if a["question"] == measurable)
        # Read-only: a writing query is refused.
        refused = httpx.get(f"{base}.json", params={"sql": "DELETE FROM answer"}, timeout=5)
        assert refused.status_code == 400
        assert httpx.get(f"{base}/answer.json?_shape=array&_size=1", timeout=5).json()
        # The saved queries answer from the views: decisions per nämnd as the truth counts them.
        decisions = httpx.get(f"{base}/beslut_per_namnd.json?_shape=array", timeout=10).json()
        counted = {(r["kommun"], r["namnd"], r["year"]): r["beslut"] for r in decisions}
        expected: dict[tuple[str, str, int], int] = {}
        for _pdf, extraction in truthdb.located_truths():
            d = extraction.document
            n = sum(f.kind == "decision" for f in extraction.findings)
            if n:
                key = (d.kommun, d.namnd, d.year)
                expected[key] = expected.get(key, 0) + n
        assert counted == expected
        costs = httpx.get(
            f"{base}/personalkostnader_per_namnd.json?_shape=array", timeout=10
        ).json()
        assert len({(r["kommun"], r["namnd"], r["year"]) for r in costs}) == len(costs)
        changed = httpx.get(f"{base}/andrade_svar_i_ar.json?_shape=array", timeout=10).json()
        assert {r["year"] for r in changed} == {2025}
    finally:
        process.terminate()
        process.wait(timeout=20)
