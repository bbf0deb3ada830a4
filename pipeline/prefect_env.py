"""Prefect's defaults for kommunkoll, set before Prefect is first imported.

Without `PREFECT_API_URL` Prefect runs its own short-lived API server (SQLite under
`PREFECT_HOME`, default ~/.prefect) for the life of the command: nothing to start. Set
`PREFECT_API_URL=http://host:4200/api` to record the runs on a shared Prefect server instead.
Any of these can be overridden from the environment.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULTS = {
    # No telemetry leaves the machine.
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # The ephemeral server takes 3-10 s to start on a busy machine; give it room.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    # Results are returned in memory, never written to disk; the database is the record.
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    # Log lines go to the terminal only, not as API writes per task (cost per document).
    "PREFECT_LOGGING_TO_API_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    # The ephemeral server's SQLite answers "database is locked" under parallel task runs
    # unless it may wait.
    "PREFECT_SERVER_DATABASE_TIMEOUT": "60",
    "PREFECT_SERVER_DATABASE_CONNECTION_TIMEOUT": "60",
}


def configure() -> None:
    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)


@contextmanager
def prefect_api() -> Iterator[str]:
    """One Prefect API for the whole command, shared by every process it starts.

    With `PREFECT_API_URL` set, that server. Without it, Prefect's ephemeral server is started
    once here and its address put into the settings that task runners hand to worker
    processes and Dask workers, so they report to it rather than each starting a server of
    their own (which costs seconds and makes its SQLite answer "database is locked").
    """
    configure()
    from prefect.settings import PREFECT_API_URL, temporary_settings

    url = PREFECT_API_URL.value()
    if url:
        yield url
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start(timeout=int(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]))
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield server.api_url
    finally:
        del os.environ["PREFECT_API_URL"]
        server.stop()
