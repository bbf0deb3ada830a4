"""Prefect's defaults for kommunkoll, and the one Prefect API a command reports to.

Which API, in order:
1. `PREFECT_API_URL` (the environment, or the active Prefect profile): a server of your own.
   When it does not answer, the command says so and falls back to 3.
2. A Prefect server answering at Prefect's own local address (`prefect server start`, or
   `prefect server start --background` once for every later command; its
   `PREFECT_SERVER_API_HOST`/`PORT`, default 127.0.0.1:4200).
3. Prefect's API server started by the command itself (SQLite under `PREFECT_HOME`, default
   ~/.prefect) for its own life: nothing to start by hand, at the cost of its start-up
   (3-4 s of CPU, mostly importing the server). It is started the way Prefect's ephemeral
   server is, with two differences: it dies with the command even on SIGKILL (the
   parent-death signal), and `start_api` only launches it, so the command goes on (hashing
   files, warming the reader, reading the first documents) while it boots.
With 1 or 2 the runs are also visible in that server's UI. Any of these defaults can be
overridden from the environment.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .errors import UserError

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


# Seconds a configured or local server has to answer its health check.
ANSWER_TIMEOUT = 3.0


class PrefectDidNotStart(UserError, RuntimeError):
    """The API server launched for the command's runs never answered: one Swedish line at the
    command line (with what the server printed), not an unexpected error; still a
    RuntimeError to code that waits for a server itself."""


@dataclass
class ApiServer:
    """Prefect's API server as a child of this command (dies with it), or (process None) one
    that was running already: a local `prefect server start`.

    `output`: where the launched server writes what it prints, so a server stopped
    mid-write prints nothing into the command's terminal, and a server that fails to start
    can be quoted."""

    process: subprocess.Popen[bytes] | None
    url: str
    output: IO[bytes] | None = None

    def last_words(self, limit: int = 600) -> str:
        """The end of what the launched server printed, on one line."""
        if self.output is None:
            return ""
        self.output.flush()
        self.output.seek(0)
        text = self.output.read().decode("utf-8", "replace")
        return " ".join(text.split())[-limit:]

    def wait_ready(self, timeout: float) -> None:
        import httpx

        from kommunkoll.vocabulary import PREFECT_ENDED, PREFECT_NO_ANSWER

        deadline = time.monotonic() + timeout
        with httpx.Client() as client:
            while time.monotonic() < deadline:
                if self.process is not None and self.process.poll() is not None:
                    said = self.last_words()
                    raise PrefectDidNotStart(
                        PREFECT_ENDED.format(
                            status=self.process.returncode, said=f": {said}" if said else ""
                        )
                    )
                try:
                    if client.get(f"{self.url}/health", timeout=2).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.05)
        raise PrefectDidNotStart(PREFECT_NO_ANSWER.format(timeout=timeout))

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.output is not None:
            self.output.close()


def profile_setting(name: str) -> str | None:
    """A Prefect setting as the user chose it: the environment, or else the active profile of
    `PREFECT_HOME`'s profiles.toml; read without importing Prefect (a second and a half)."""
    if os.environ.get(name):
        return os.environ[name]
    import tomllib

    home = Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()
    path = Path(os.environ.get("PREFECT_PROFILES_PATH") or home / "profiles.toml").expanduser()
    try:
        profiles = tomllib.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active", "ephemeral")
    chosen = profiles.get("profiles", {}).get(active, {})
    return str(chosen.get(name) or "") or None


def configured_url() -> str | None:
    """`PREFECT_API_URL` as the user chose it (environment or active profile)."""
    return profile_setting("PREFECT_API_URL")


# Prefect's flow-run heartbeat, under its name and its legacy one. Its default (an event
# every 180 s, for a worker to notice a crashed run) opens an events connection at the
# start of every flow run; kommunkoll's flows run in the command that watches them, so a
# crash is seen by the user and the heartbeat is off unless the user asked for it.
HEARTBEAT_SETTINGS = ("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "PREFECT_RUNNER_HEARTBEAT_FREQUENCY")


def heartbeats_chosen() -> bool:
    """Whether the user set the flow-run heartbeat (environment or active profile)."""
    return any(profile_setting(name) for name in HEARTBEAT_SETTINGS)


@contextmanager
def kommunkoll_settings(url: str | None = None) -> Iterator[None]:
    """Prefect's settings for a kommunkoll command: the API at `url` (when given), and no
    flow-run heartbeat unless the user chose one."""
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
        temporary_settings,
    )

    updates: dict[Any, Any] = {}
    if url is not None:
        updates[PREFECT_API_URL] = url
    if not heartbeats_chosen():
        updates[PREFECT_FLOWS_HEARTBEAT_FREQUENCY] = None
    with temporary_settings(updates=updates):
        yield


def local_url() -> str:
    """Where `prefect server start` serves its API by default (Prefect's own settings)."""
    host = os.environ.get("PREFECT_SERVER_API_HOST") or "127.0.0.1"
    if host in ("0.0.0.0", "::"):
        host = "127.0.0.1"
    port = os.environ.get("PREFECT_SERVER_API_PORT") or "4200"
    return f"http://{host}:{port}/api"


def answers(url: str, timeout: float = ANSWER_TIMEOUT, prefect: bool = True) -> bool:
    """Whether a Prefect API answers its health check at `url` (a closed port costs no
    import and no wait: it is refused at once). `prefect=False`: whether anything answers
    there at all, as a configured server that wants a key (Prefect Cloud) may refuse the
    check itself: only a server that cannot be reached is worth a fallback."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if parts.hostname in ("127.0.0.1", "localhost", "::1"):
        try:
            socket.create_connection((parts.hostname, port), timeout=timeout).close()
        except OSError:
            return False
    import httpx

    try:
        response = httpx.get(f"{url.rstrip('/')}/health", timeout=timeout)
    except httpx.HTTPError:
        return False
    return not prefect or (response.status_code == 200 and response.text.strip() == "true")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_api() -> ApiServer | None:
    """The API server this command reports to: None when PREFECT_API_URL names one (checked
    by `prefect_api`), a local `prefect server start` that answers, or else Prefect's API
    server launched here, not waited for.

    Call from the command's main thread: the parent-death signal follows the thread that
    started the process.
    """
    configure()
    if configured_url():
        return None
    if answers(local_url()):
        return ApiServer(None, local_url())
    return launch_api()


def launch_api() -> ApiServer:
    """Prefect's API server as a child of this command, on a free port; not waited for."""
    configure()
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
    output = tempfile.TemporaryFile()  # noqa: SIM115 (closed by ApiServer.stop)
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
        stdout=output,
        stderr=subprocess.STDOUT,
        preexec_fn=die_with_parent,
    )
    return ApiServer(process, f"http://127.0.0.1:{port}/api", output)


def _warn(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextmanager
def prefect_api(
    server: ApiServer | None = None, warn: Callable[[str], None] = _warn
) -> Iterator[str]:
    """One Prefect API for the whole command, shared by everything it runs.

    With `PREFECT_API_URL` set, that server when it answers (`warn` says when it does not,
    and the command falls back to a server of its own). Otherwise the server `start_api`
    found or launched (found or launched here if not given), its address put into the
    environment and the settings that task runners hand to Dask workers, so they report to
    it rather than each starting a server of their own.
    """
    from kommunkoll.vocabulary import PREFECT_UNREACHABLE

    configure()
    if server is None:
        from prefect.settings import PREFECT_API_URL

        url = os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value()
        if url and answers(url, prefect=False):
            with kommunkoll_settings():
                yield url
            return
        if url:
            warn(PREFECT_UNREACHABLE.format(url=url))
        server = (None if url else start_api()) or launch_api()
    before = os.environ.get("PREFECT_API_URL")
    try:
        server.wait_ready(float(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]))
        os.environ["PREFECT_API_URL"] = server.url
        with kommunkoll_settings(server.url):
            yield server.url
    finally:
        if before is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = before
        server.stop()
