"""Which Prefect API a command reports to: PREFECT_API_URL (environment or profile) when it
answers, else a local `prefect server start`, else a server of the command's own; real
servers and real `kommunkoll ingest` runs, their flow runs read back from the API."""

from __future__ import annotations

import shutil
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from kommunkoll.pipeline.prefect_env import answers, configured_url, local_url
from kommunkoll.vocabulary import PREFECT_UNREACHABLE

from .conftest import sample_pdfs
from .test_cli import command_env

SAMPLE = sample_pdfs()[0]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the probe goes


def _ingest(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLE, inbox / SAMPLE.name)
    return subprocess.run(
        [sys.executable, "-m", "kommunkoll", "ingest", str(inbox), "--db", str(tmp_path / "k.db")],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def _stored(tmp_path: Path) -> list[str]:
    with sqlite3.connect(tmp_path / "k.db") as connection:
        return [name for (name,) in connection.execute("SELECT filename FROM document")]


def _ingest_runs(url: str) -> int:
    """How many runs of the `ingest` flow completed on the server at `url`."""
    query = {
        "flows": {"name": {"any_": ["ingest"]}},
        "flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}},
    }
    return int(httpx.post(f"{url}/flow_runs/count", json=query, timeout=30).json())


def test_the_configured_url_comes_from_the_environment_or_the_active_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.delenv("PREFECT_PROFILE", raising=False)
    monkeypatch.delenv("PREFECT_PROFILES_PATH", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    assert configured_url() is None  # no profiles file
    (tmp_path / "profiles.toml").write_text(
        'active = "work"\n[profiles.work]\nPREFECT_API_URL = "http://prefect.example:4200/api"\n'
        '[profiles.other]\nPREFECT_API_URL = "http://other.example/api"\n',
        "utf-8",
    )
    assert configured_url() == "http://prefect.example:4200/api"
    monkeypatch.setenv("PREFECT_PROFILE", "other")
    assert configured_url() == "http://other.example/api"
    monkeypatch.setenv("PREFECT_API_URL", "http://env.example/api")
    assert configured_url() == "http://env.example/api"


def test_local_url_follows_prefects_server_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PREFECT_SERVER_API_HOST", raising=False)
    monkeypatch.delenv("PREFECT_SERVER_API_PORT", raising=False)
    assert local_url() == "http://127.0.0.1:4200/api"
    monkeypatch.setenv("PREFECT_SERVER_API_HOST", "0.0.0.0")
    monkeypatch.setenv("PREFECT_SERVER_API_PORT", "4321")
    assert local_url() == "http://127.0.0.1:4321/api"


def test_answers_tells_a_prefect_server_from_a_closed_port_and_another_server(
    prefect_api: str,
) -> None:
    assert answers(prefect_api)
    closed = f"http://127.0.0.1:{_closed_port()}/api"
    assert not answers(closed) and not answers(closed, prefect=False)
    # Something that is not Prefect's API: not taken for a local Prefect server, but a
    # configured URL there (one that wants a key, say) is not replaced by a fallback.
    other = f"{prefect_api.removesuffix('/api')}/no-such-api"
    assert not answers(other)
    assert answers(other, prefect=False)


@pytest.mark.slow
def test_ingest_reports_to_a_local_prefect_server_it_finds(
    prefect_api: str, tmp_path: Path
) -> None:
    """`prefect server start` is all a user does: the command finds it at Prefect's local
    address and the flow run is on that server (visible in its UI)."""
    before = _ingest_runs(prefect_api)
    env = {**command_env(), "PREFECT_SERVER_API_PORT": str(urlsplit(prefect_api).port)}
    result = _ingest(tmp_path, env)
    assert result.returncode == 0, result.stderr
    assert _stored(tmp_path) == [SAMPLE.name]
    assert _ingest_runs(prefect_api) == before + 1


@pytest.mark.slow
def test_ingest_falls_back_when_prefect_api_url_does_not_answer(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/api"
    env = {**command_env(), "PREFECT_API_URL": url}
    env["PREFECT_SERVER_API_PORT"] = str(_closed_port())  # no local server to find either
    result = _ingest(tmp_path, env)
    assert result.returncode == 0, result.stderr
    assert PREFECT_UNREACHABLE.format(url=url) in result.stderr
    assert _stored(tmp_path) == [SAMPLE.name]
