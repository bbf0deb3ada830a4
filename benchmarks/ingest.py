"""Ingest throughput: documents/min and pages/s through the real flow, and what the flow costs.

The samples are repeated to at least --documents files (each copy gets a PDF comment after
%%EOF, so its sha256 differs and it is stored as a new document), then ingested by the
Prefect flow with 1 and 2 worker processes into SQLite and into PostgreSQL (a throwaway
server, as the tests start it, unless --postgres URL is given).

"Extraction" is the time `extract_pdf` took inside the tasks of that very run (each task
measures it); everything else in the flow's wall time, times the processes working, is
outside extraction: Prefect (task runs, the API, process pools) and the database. Plain
`extract_pdf` in one process, without the flow, is reported for comparison. The Prefect API
server's start is reported apart: it is paid once per command, not per document.

    .venv/bin/python benchmarks/ingest.py [--documents 200] [--out benchmarks/ingest.json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus(folder: Path, documents: int) -> dict[str, Path]:
    """At least `documents` PDFs: the samples, then copies with one differing comment each."""
    samples = sorted((ROOT / "samples").glob("*.pdf"))
    made: dict[str, Path] = {}
    n = 0
    while len(made) < documents:
        for sample in samples:
            target = folder / f"{sample.stem}-{n:04d}.pdf"
            target.write_bytes(sample.read_bytes() + f"\n% benchmark copy {n}\n".encode())
            made[target.name] = sample
            n += 1
            if len(made) >= documents:
                break
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--postgres", help="A PostgreSQL server URL to create databases on.")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    # Stopped early, still stop the servers it started (the finally clauses below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="kommunkoll-bench-prefect-"))
    from kommunkoll.extractors import extract_pdf
    from kommunkoll.pipeline.flows import ingest_flow, task_runner
    from kommunkoll.pipeline.prefect_env import prefect_api

    work = Path(tempfile.mkdtemp(prefix="kommunkoll-bench-"))
    source = work / "corpus"
    source.mkdir()
    made = corpus(source, args.documents)
    first = extract_pdf(next(iter(source.iterdir())))  # a copy with a comment still reads
    assert first.source.pages >= 1

    timing: dict[Path, tuple[float, int]] = {}
    for sample in sorted(set(made.values())):
        start = time.perf_counter()
        pages = extract_pdf(sample).source.pages
        timing[sample] = (time.perf_counter() - start, pages)
    extraction = sum(timing[s][0] for s in made.values())
    pages = sum(timing[s][1] for s in made.values())
    print(
        f"{len(made)} documents, {pages} pages; plain extraction {extraction:.1f} s "
        f"({pages / extraction:.1f} pages/s)"
    )

    results = []
    server = None
    if "postgresql" in args.databases and not args.postgres:
        from tests.postgres import running_server

        server_cm = running_server()
        server = server_cm.__enter__()
    try:
        start = time.perf_counter()
        with prefect_api():
            api_start = time.perf_counter() - start
            print(f"Prefect API server start: {api_start:.1f} s (once per command)")
            for database in args.databases:
                for workers in args.workers:
                    inbox = work / f"inbox-{database}-{workers}"
                    shutil.copytree(source, inbox)
                    if database == "sqlite":
                        url = f"sqlite:///{work / f'{database}-{workers}.db'}"
                    elif args.postgres:
                        url = _new_database(args.postgres)
                    else:
                        url = server.new_database()  # type: ignore[union-attr]
                    run = ingest_flow.with_options(task_runner=task_runner(workers))
                    start = time.perf_counter()
                    outcome = run([str(inbox)], db=url)
                    wall = time.perf_counter() - start
                    assert len(outcome.stored) == len(made), outcome.quarantined[:3]
                    busy = min(workers, os.cpu_count() or 1)
                    # Extraction time as measured inside the tasks, in this very run.
                    inside = outcome.extract_seconds
                    outside = max(0.0, 1 - inside / (wall * busy))
                    row = {
                        "database": database,
                        "workers": workers,
                        "documents": len(made),
                        "pages": pages,
                        "seconds": round(wall, 2),
                        "documents_per_min": round(len(made) / wall * 60, 1),
                        "pages_per_s": round(pages / wall, 2),
                        "share_outside_extraction": round(outside, 3),
                        "extract_seconds_in_tasks": round(inside, 2),
                        "overhead_ms_per_document": round(
                            (wall * busy - inside) / len(made) * 1000, 1
                        ),
                    }
                    results.append(row)
                    print(
                        f"{database:10} workers={workers}: {wall:6.1f} s, "
                        f"{row['documents_per_min']:6.1f} documents/min, "
                        f"{row['pages_per_s']:5.2f} pages/s, outside extraction "
                        f"{outside:5.1%} ({row['overhead_ms_per_document']} ms/document)"
                    )
    finally:
        if server is not None:
            server_cm.__exit__(None, None, None)
        shutil.rmtree(work, ignore_errors=True)
    home = Path(os.environ["PREFECT_HOME"])
    state = sum(f.stat().st_size for f in home.glob("prefect.db*"))
    per_task = state / max(1, sum(r["documents"] for r in results))
    print(f"Prefect's own database: {state / 1e6:.1f} MB, {per_task / 1e3:.1f} KB per document")
    summary = {
        "machine_cpus": os.cpu_count(),
        "prefect_state_kb_per_document": round(per_task / 1e3, 1),
        "plain_extraction_seconds": round(extraction, 2),
        "plain_extraction_pages_per_s": round(pages / extraction, 2),
        "prefect_api_start_seconds": round(api_start, 2),
        "runs": results,
    }
    if args.out:
        args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")


def _new_database(server_url: str) -> str:
    import uuid

    from sqlalchemy import create_engine, text

    name = f"bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return server_url.rsplit("/", 1)[0] + f"/{name}"


if __name__ == "__main__":
    main()
