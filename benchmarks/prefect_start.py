"""Prefect's fixed cost per command: a one-file `ingest` against `extract` on the same file.

Each line is a whole command as a user runs it (a fresh process, median of --repeat runs),
so it includes imports, the reader process's warm-up, Prefect's API server and the flow's
bookkeeping. Wall time, and CPU time (user + system of the command and every process it
waited for: the reader, its own Prefect server), which says what a command costs on a
shared, loaded machine where the wall time also counts the waits for a core:

- `extract`: the file in the limited reader, no Prefect (the reference);
- `ingest`, Prefect's API server started by the command (the default), with Prefect's
  default of registering its block types on every start, and with kommunkoll's default
  (off); first run on an empty PREFECT_HOME (its migrations), then warm;
- `ingest` against a server that is already running: named by PREFECT_API_URL, or found at
  Prefect's local address (`prefect server start`, here on PREFECT_SERVER_API_PORT);
- `ingest` with a PREFECT_API_URL that does not answer (the fallback to its own server);
- `ingest` of a folder whose files are all stored already: no Prefect at all.

    .venv/bin/python benchmarks/prefect_start.py [--repeat 3] [--file samples/X.pdf]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one command."""
    start, cpu = time.perf_counter(), _cpu()
    done = subprocess.run(
        [sys.executable, "-m", "kommunkoll", *args], env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return elapsed, _cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--file",
        type=Path,
        default=ROOT / "samples" / "alingsas-kultur-och-fritidsnamnden-2025-delarsbokslut.pdf",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kommunkoll-prefect-start-"))
    base = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    base["COLUMNS"] = "200"
    results: dict[str, list[tuple[float, float]]] = {}
    counter = [0]

    def one_file_ingest(label: str, env: dict[str, str], fresh_home: bool = False) -> None:
        for _ in range(args.repeat):
            counter[0] += 1
            n = counter[0]
            inbox = work / f"inbox-{n}"
            inbox.mkdir()
            # A new sha256 each time, so the file is extracted and stored every run.
            (inbox / args.file.name).write_bytes(args.file.read_bytes() + f"\n% {n}\n".encode())
            home = work / (f"home-{n}" if fresh_home else "home")
            run_env = {"PREFECT_HOME": str(home), **env}
            db = f"sqlite:///{work / 'bench.db'}"
            results.setdefault(label, []).append(run(["ingest", str(inbox), "--db", db], run_env))

    try:
        for _ in range(args.repeat):
            results.setdefault("extract (no Prefect)", []).append(
                run(["extract", str(args.file), "--json"], base)
            )
        stock = {**base, "PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "true"}
        one_file_ingest("ingest, own server, first run (empty PREFECT_HOME)", base, True)
        run(["ingest", str(args.file), "--keep", "--db", f"sqlite:///{work / 'w.db'}"], base)
        one_file_ingest("ingest, own server, blocks registered (Prefect's default)", stock)
        one_file_ingest("ingest, own server (kommunkoll's defaults)", base)

        from urllib.parse import urlsplit

        from kommunkoll.pipeline.prefect_env import launch_api

        os.environ["PREFECT_HOME"] = str(work / "shared-home")
        server = launch_api()
        try:
            server.wait_ready(120)
            shared = {**base, "PREFECT_API_URL": server.url}
            one_file_ingest("ingest, running server (PREFECT_API_URL)", shared)
            found = {**base, "PREFECT_SERVER_API_PORT": str(urlsplit(server.url).port)}
            one_file_ingest("ingest, running server found (prefect server start)", found)
        finally:
            server.stop()
        closed = {**base, "PREFECT_API_URL": "http://127.0.0.1:9/api"}
        one_file_ingest("ingest, PREFECT_API_URL not answering: own server", closed)

        stored = work / "stored"
        stored.mkdir()
        for sample in sorted((ROOT / "samples").glob("*.pdf")):
            shutil.copy(sample, stored / sample.name)
        db = f"sqlite:///{work / 'stored.db'}"
        run(["ingest", str(stored), "--keep", "--db", db], {**base, "PREFECT_HOME": str(work)})
        for _ in range(args.repeat):
            results.setdefault("ingest, all 12 files already stored", []).append(
                run(["ingest", str(stored), "--keep", "--db", db], base)
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)

    wall = statistics.median(w for w, _ in results["extract (no Prefect)"])
    cpu = statistics.median(c for _, c in results["extract (no Prefect)"])
    print(f"{args.file.name}, median of {args.repeat} runs, 2-core machine")
    print(f"  {'':60} {'wall':>7}  {'× extract':>9}  {'CPU':>7}  {'× extract':>9}")
    for label, times in results.items():
        w = statistics.median(t for t, _ in times)
        c = statistics.median(t for _, t in times)
        print(f"  {label:60} {w:5.2f} s  {w / wall:8.2f}×  {c:5.2f} s  {c / cpu:8.2f}×")
    print(f"  load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
