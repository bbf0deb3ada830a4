"""Starting the reader process (worker.py), with nothing but the standard library.

Kept apart from worker.py so that `kommunkoll extract` can start its reader before it
imports anything else: the reader's warm-up (the extractors, the NLP pipeline) then runs
beside the command line's own imports instead of after them.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
from typing import Any

_PR_SET_PDEATHSIG = 1

try:  # looked up once here: after a fork in a threaded process, only a C call is safe
    _prctl: Any = ctypes.CDLL(None, use_errno=True).prctl
except (OSError, AttributeError):  # not Linux
    _prctl = None


def die_with_parent() -> None:
    """Ask the kernel to SIGKILL this process when the thread that started it ends (kept
    across exec). Linux only; elsewhere the parent's own shutdown stops its children."""
    if _prctl is not None:
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


SINGLE_THREADED = {
    # Fork-safety: numerical libraries must not start thread pools in the reader.
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


def spawn() -> subprocess.Popen[bytes]:
    """A new reader process; it dies with the thread that calls this."""
    return subprocess.Popen(
        [sys.executable, "-m", "kommunkoll.pipeline.worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, **SINGLE_THREADED},
        preexec_fn=die_with_parent,
    )


# The reader started first, and the environment it was started with.
_early: tuple[subprocess.Popen[bytes], dict[str, str]] | None = None


def start_early() -> None:
    """Start this command's reader now, from the main thread (which outlives every use of
    it); the first `Reader` of the process takes it. Unused, it ends with the command."""
    global _early
    if _early is None:
        _early = spawn(), dict(os.environ)


def take_early() -> subprocess.Popen[bytes] | None:
    """The reader `start_early` started, once, if it still runs and the command's
    environment is what it was started with (TESSDATA_PREFIX, say: what the reader sees);
    else None, and a reader started with another environment is stopped."""
    global _early
    if _early is None:
        return None
    (process, env), _early = _early, None
    if process.poll() is None and env == dict(os.environ):
        return process
    process.kill()
    process.wait()
    return None
