"""Which Prefect API a command reports to: PREFECT_API_URL (environment or profile) when it
answers, else a local `prefect server start`, else a server of the command's own; real
servers and real `kommunkoll ingest` runs, their flow runs read back from the API."""

from __future__ import annotations

import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from kommunkoll.extractors.limits import Limits
from kommunkoll.pipeline.prefect_env import answers, configured_url, local_url
from kommunkoll.vocabulary import PREFECT_UNREACHABLE

from .conftest import sample_pdfs
from .test_cli import command_env

SAMPLE = sample_pdfs()[0]
DEFAULT_TIMEOUT = Limits().timeout


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


def _task_runs(url: str, flow_run: str, expected: int) -> list[tuple[str, str]]:
    """The (name, state) of the flow run's task runs, once there are `expected` of them:
    the server records task runs from the events the command sends, a moment after they
    arrive."""
    query = {"flow_runs": {"id": {"any_": [flow_run]}}}
    deadline = time.monotonic() + 60
    while True:
        runs = httpx.post(f"{url}/task_runs/filter", json=query, timeout=30).json()
        found = sorted((r["name"].split("-")[0], r["state_type"]) for r in runs)
        if len(found) >= expected or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


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


HEARTBEAT = """
from kommunkoll.pipeline.prefect_env import kommunkoll_settings
from prefect.settings import get_current_settings
before = get_current_settings().flows.heartbeat_frequency
with kommunkoll_settings():
    print(before, get_current_settings().flows.heartbeat_frequency)
"""


def _heartbeat(tmp_path: Path, profile: str = "", **env: str) -> str:
    """Prefect's flow-run heartbeat outside and inside kommunkoll's settings, in a fresh
    process whose Prefect reads the environment and the profile given."""
    (tmp_path / "profiles.toml").write_text(
        f'active = "work"\n[profiles.work]\n{profile}\n', "utf-8"
    )
    clean = {k: v for k, v in command_env().items() if "HEARTBEAT" not in k}
    run = subprocess.run(
        [sys.executable, "-c", HEARTBEAT],
        capture_output=True,
        text=True,
        timeout=120,
        env={**clean, "PREFECT_HOME": str(tmp_path), "PREFECT_PROFILE": "work", **env},
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


def test_flow_runs_send_no_heartbeat_unless_the_user_chose_one(tmp_path: Path) -> None:
    """The heartbeat (an events connection per flow run) is off for kommunkoll's flows, which
    run in the command that watches them; a frequency the user set, in the environment or
    the active profile, under Prefect's name or its legacy one, stands."""
    assert _heartbeat(tmp_path) == "180 None"  # Prefect's default, then kommunkoll's
    assert _heartbeat(tmp_path, "PREFECT_FLOWS_HEARTBEAT_FREQUENCY = 60") == "60 60"
    assert _heartbeat(tmp_path, PREFECT_FLOWS_HEARTBEAT_FREQUENCY="90") == "90 90"
    assert _heartbeat(tmp_path, PREFECT_RUNNER_HEARTBEAT_FREQUENCY="120") == "120 120"


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
    # The parameters reach the server as JSON (kommunkoll encodes them with pydantic, not
    # FastAPI): the file, the options given, and the limits the reader ran under.
    latest = httpx.post(
        f"{prefect_api}/flow_runs/filter",
        json={"flows": {"name": {"any_": ["ingest"]}}, "sort": "START_TIME_DESC", "limit": 1},
        timeout=30,
    ).json()[0]
    # Each document's task run and its end reach the server too, although the command ends
    # without tearing the interpreter down (cli.py).
    assert _task_runs(prefect_api, latest["id"], expected=1) == [("extract", "COMPLETED")]
    latest = latest["parameters"]
    assert latest["paths"] == [str(tmp_path / "inbox" / SAMPLE.name)]
    assert latest["keep"] is False
    assert latest["db"] == str(tmp_path / "k.db")
    assert latest["limits"]["timeout"] == DEFAULT_TIMEOUT
    assert latest["limits"]["ocr"] is True


@pytest.mark.slow
def test_ingest_falls_back_when_prefect_api_url_does_not_answer(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/api"
    env = {**command_env(), "PREFECT_API_URL": url}
    env["PREFECT_SERVER_API_PORT"] = str(_closed_port())  # no local server to find either
    result = _ingest(tmp_path, env)
    assert result.returncode == 0, result.stderr
    assert PREFECT_UNREACHABLE.format(url=url) in result.stderr
    assert _stored(tmp_path) == [SAMPLE.name]
