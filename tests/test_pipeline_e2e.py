"""The pipeline as it is run: killed mid-batch, watching a folder, spread over a Dask cluster."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kommunkoll.extractors import extract_pdf
from kommunkoll.pipeline import inbox as box
from kommunkoll.pipeline.db import create_schema, make_engine
from kommunkoll.pipeline.store import sha256_of, snapshot, store_extraction
from kommunkoll.vocabulary import WATCHING

from .conftest import sample_pdfs
from .test_cli import command_env, kommunkoll

SAMPLES = sample_pdfs()


def _variant(source: Path, target: Path, n: int) -> Path:
    """A copy whose bytes (so sha256) differ: a PDF comment after %%EOF, which readers skip."""
    target.write_bytes(source.read_bytes() + f"\n% kommunkoll test copy {n}\n".encode())
    return target


def _reference(pdfs: list[Path], url: str) -> list[dict[str, object]]:
    """What the database must hold for these files, stored directly without the flow."""
    engine = make_engine(url)
    create_schema(engine)
    for pdf in pdfs:
        store_extraction(engine, extract_pdf(pdf))
    result = snapshot(engine)
    engine.dispose()
    return result


def _snapshot(url: str) -> list[dict[str, object]]:
    engine = make_engine(url)
    result = snapshot(engine)
    engine.dispose()
    return result


def _start(*args: str | Path, log: Path) -> subprocess.Popen[bytes]:
    handle = log.open("wb")
    return subprocess.Popen(
        [sys.executable, "-m", "kommunkoll", *map(str, args)],
        stdout=handle,
        stderr=subprocess.STDOUT,
        env=command_env(),
    )


def _processes() -> dict[int, tuple[int, str]]:
    """Every process: pid → (parent pid, start time), read from /proc."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[int(stat.parent.name)] = (int(fields[1]), fields[19])
    return found


def descendants(pid: int) -> dict[int, str]:
    """The processes `pid` started, and theirs: pid → start time (to tell a reused pid)."""
    table = _processes()
    found: dict[int, str] = {}
    todo = [pid]
    while todo:
        parent = todo.pop()
        for child, (ppid, start) in table.items():
            if ppid == parent and child not in found:
                found[child] = start
                todo.append(child)
    return found


def alive(processes: dict[int, str]) -> list[int]:
    table = _processes()
    return [pid for pid, start in processes.items() if pid in table and table[pid][1] == start]


def _wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {seconds:g} s for {what}")
        time.sleep(0.1)


@pytest.mark.slow
def test_sigkill_mid_batch_loses_nothing_and_the_next_run_finishes(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    pdfs = [shutil.copy(p, inbox / p.name) for p in SAMPLES]
    pdfs += [_variant(p, inbox / f"{p.stem}-copy.pdf", i) for i, p in enumerate(SAMPLES)]
    originals = {sha256_of(Path(p)) for p in pdfs}
    reference = _reference([Path(p) for p in pdfs], f"sqlite:///{tmp_path / 'reference.db'}")
    url = f"sqlite:///{tmp_path / 'k.db'}"

    processed = inbox / box.PROCESSED
    run = _start("ingest", inbox, "--db", url, log=tmp_path / "first.log")
    _wait_for(lambda: processed.exists() and len(list(processed.iterdir())) >= 3, 180, "3 files")
    helpers = descendants(run.pid)  # Prefect's API server, the reader and its children
    assert helpers, "ingest runs its reader and Prefect's server as child processes"
    run.send_signal(signal.SIGKILL)
    assert run.wait(30) == -signal.SIGKILL
    _wait_for(lambda: not alive(helpers), 30, "the killed ingest's processes to end")
    moved = {p.name for p in processed.iterdir()}
    assert 3 <= len(moved) < len(pdfs), "the kill must land mid-batch"

    # No file lost: each is waiting in the inbox or in processed/, byte for byte.
    files = box.waiting_pdfs(inbox) + sorted(processed.iterdir())
    assert sorted(sha256_of(f) for f in files) == sorted(originals)
    # No document half-stored: each stored one is whole, and every moved file is stored.
    stored = _snapshot(url)
    by_sha = {d["sha256"]: d for d in reference}
    assert all(d == by_sha[d["sha256"]] for d in stored)
    assert {sha256_of(processed / n) for n in moved} <= {d["sha256"] for d in stored}

    again = kommunkoll("ingest", inbox, "--db", url, cwd=tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr
    assert box.waiting_pdfs(inbox) == []
    assert sorted(p.name for p in processed.iterdir()) == sorted(Path(p).name for p in pdfs)
    assert _snapshot(url) == reference


@pytest.mark.slow
def test_watch_waits_for_a_slow_copy_then_ingests_it(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    url = f"sqlite:///{tmp_path / 'k.db'}"
    log = tmp_path / "watch.log"
    watcher = _start("watch", inbox, "--db", url, "--settle", "1", "--interval", "0.2", log=log)
    try:
        started = WATCHING.split("{")[0].strip().encode()  # "bevakar", however wrapped
        _wait_for(lambda: started in log.read_bytes(), 120, "the watcher to start")
        source = SAMPLES[0].read_bytes()
        arriving = inbox / "arriving.pdf"
        with arriving.open("wb") as handle:  # four pieces, each pause longer than --settle
            for i in range(4):
                handle.write(source[i * len(source) // 4 : (i + 1) * len(source) // 4])
                handle.flush()
                time.sleep(2.0)
                assert not (inbox / box.QUARANTINE).exists(), log.read_text()
        done = inbox / box.PROCESSED / "arriving.pdf"
        _wait_for(done.exists, 120, "the copied file to be ingested")
    finally:
        watcher.send_signal(signal.SIGTERM)
        watcher.wait(60)
    assert watcher.returncode == 0, log.read_text()
    [document] = _snapshot(url)
    assert document["sha256"] == sha256_of(SAMPLES[0])
    assert document["pages"] == extract_pdf(SAMPLES[0]).source.pages


@pytest.mark.slow
def test_dask_cluster_stores_what_one_process_stores(tmp_path: Path, postgres) -> None:  # type: ignore[no-untyped-def]
    from distributed import LocalCluster

    chosen = SAMPLES[:6]
    inboxes = {}
    for name in ("dask", "local"):
        inboxes[name] = tmp_path / name
        inboxes[name].mkdir()
        for p in chosen:
            shutil.copy(p, inboxes[name] / p.name)
    urls = {name: postgres.new_database() for name in inboxes}

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        spread = kommunkoll(
            "ingest", inboxes["dask"], "--db", urls["dask"], "--dask", cluster.scheduler_address
        )
        ran = {name for name in cluster.scheduler.task_prefixes}
        workers = len(cluster.scheduler.workers)
    assert spread.returncode == 0, spread.stdout + spread.stderr
    assert workers == 2
    assert any("extract" in name for name in ran), ran

    local = kommunkoll("ingest", inboxes["local"], "--db", urls["local"])
    assert local.returncode == 0, local.stdout + local.stderr
    assert len(_snapshot(urls["dask"])) == len(chosen)
    assert _snapshot(urls["dask"]) == _snapshot(urls["local"])


@pytest.mark.slow
def test_worker_processes_store_what_one_process_stores(tmp_path: Path, postgres) -> None:  # type: ignore[no-untyped-def]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    chosen = [Path(shutil.copy(p, inbox / p.name)) for p in SAMPLES[:6]]
    reference = _reference(chosen, f"sqlite:///{tmp_path / 'reference.db'}")
    url = postgres.new_database()
    result = kommunkoll("ingest", inbox, "--db", url, "--workers", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"lagrade {len(chosen)}, redan lagrade 0, i karantän 0" in result.stdout
    assert _snapshot(url) == reference
