"""Prefect's defaults for kommunkoll, and the one Prefect API a command reports to.

Without `PREFECT_API_URL` a command starts Prefect's API server itself (SQLite under
`PREFECT_HOME`, default ~/.prefect) for its own life: nothing to start by hand. It is
started the way Prefect's ephemeral server is, with two differences: it dies with the
command even on SIGKILL (the parent-death signal), and `start_api` only launches it, so the
command goes on (hashing files, warming the reader, reading the first documents) while it
boots. Set `PREFECT_API_URL=http://host:4200/api` to record the runs on a server of your
own instead (`prefect server start`), which also saves its start-up on every command.
Any of these defaults can be overridden from the environment.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

DEFAULTS = {
    # No telemetry leaves the machine.
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # The API server takes 3-10 s to start on a busy machine; give it room.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    # Results are returned in memory, never written to disk; the database is the record.
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    # Log lines go to the terminal only, not as API writes per task (cost per document).
    "PREFECT_LOGGING_TO_API_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    # The server's SQLite answers "database is locked" under parallel task runs unless it
    # may wait.
    "PREFECT_SERVER_DATABASE_TIMEOUT": "60",
    "PREFECT_SERVER_DATABASE_CONNECTION_TIMEOUT": "60",
    # kommunkoll uses no Prefect blocks; registering their types costs a second a start.
    "PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false",
}


def configure() -> None:
    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)


@dataclass
class ApiServer:
    """Prefect's API server as a child of this command (dies with it)."""

    process: subprocess.Popen[bytes]
    url: str

    def wait_ready(self, timeout: float) -> None:
        import httpx

        deadline = time.monotonic() + timeout
        with httpx.Client() as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(
                        f"Prefect's API server ended at start (status {self.process.returncode})"
                    )
                try:
                    if client.get(f"{self.url}/health", timeout=2).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.05)
        raise RuntimeError(f"Prefect's API server did not answer within {timeout:g} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_api() -> ApiServer | None:
    """Launch the API server (None when PREFECT_API_URL names one); do not wait for it.

    Call from the command's main thread: the parent-death signal follows the thread that
    started the process.
    """
    configure()
    if os.environ.get("PREFECT_API_URL"):
        return None
    from importlib.util import find_spec

    from .worker import die_with_parent

    spec = find_spec("prefect")
    assert spec is not None and spec.submodule_search_locations
    port = _free_port()
    env = {
        **os.environ,
        "PREFECT_UI_ENABLED": "0",
        "PREFECT__SERVER_EPHEMERAL": "1",
        "PREFECT__SERVER_FINAL": "1",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--app-dir",
            os.path.dirname(next(iter(spec.submodule_search_locations))),
            "--factory",
            "prefect.server.api.server:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "error",
            "--lifespan",
            "on",
        ],
        env=env,
        stdin=subprocess.DEVNULL,
        preexec_fn=die_with_parent,
    )
    return ApiServer(process, f"http://127.0.0.1:{port}/api")


@contextmanager
def prefect_api(server: ApiServer | None = None) -> Iterator[str]:
    """One Prefect API for the whole command, shared by everything it runs.

    With `PREFECT_API_URL` set, that server. Without it, the server `start_api` launched
    (started here if not given), its address put into the environment and the settings
    that task runners hand to Dask workers, so they report to it rather than each starting
    a server of their own.
    """
    configure()
    from prefect.settings import PREFECT_API_URL, temporary_settings

    url = os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value()
    if url:
        yield url
        return
    server = server or start_api()
    assert server is not None
    try:
        server.wait_ready(float(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]))
        os.environ["PREFECT_API_URL"] = server.url
        with temporary_settings(updates={PREFECT_API_URL: server.url}):
            yield server.url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()
