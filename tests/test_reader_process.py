"""The reader `kommunkoll extract` starts before its own imports (launch.py), and when the
command may take it over."""

from __future__ import annotations

import pytest

from kommunkoll.pipeline import reader_process


def test_the_early_reader_is_taken_once() -> None:
    reader_process.start_early()
    process = reader_process.take_early()
    try:
        assert process is not None
        assert process.poll() is None
        assert reader_process.take_early() is None
    finally:
        assert process is not None
        process.kill()
        process.wait()


def test_a_reader_started_with_another_environment_is_stopped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A reader sees the environment it was started with: one changed after the early
    start (a variable the reader reads, such as TESSDATA_PREFIX) needs a new reader."""
    reader_process.start_early()
    assert reader_process._early is not None
    process = reader_process._early[0]
    monkeypatch.setenv("KOMMUNKOLL_TEST_CHANGED", "1")
    assert reader_process.take_early() is None
    assert process.returncode is not None
