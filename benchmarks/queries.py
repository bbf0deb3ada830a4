"""Queries at the scale of every kommun: each command's time and peak memory on 10,000 documents.

Builds a synthetic database on SQLite and on PostgreSQL (a throwaway server started as the
tests start it, unless --postgres URL is given): Sweden's 290 kommuner × nämnder × years,
a delårsbokslut and an enkät per nämnd and year. Each document is one of the samples' ground
truths with its figures scaled per nämnd and drifting per year, and answers drawn per
question that mostly stay from one year to the next, so `v_answer_changes` has real work;
some questions are worded for their kommun, as auditors add their own.
Rows go in with bulk inserts (COPY on PostgreSQL), through the real migrations' schema.

Each command then runs as the user runs it (`python -m kommunkoll ...` in a process of its
own) and is timed; its peak memory is the child's maximum resident set size.

    nice -n 10 .venv/bin/python benchmarks/queries.py [--documents 10000] [--timeout 300]
        [--databases sqlite postgresql] [--postgres URL] [--keep DIR] [--only COMMAND ...]
        [--repeat N]

With --repeat N each command runs N times and the median is printed, with the load
average at the time: wall time on a shared machine counts the waits for a core.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # for tests.postgres; kommunkoll itself comes from the install

NAMNDER = [
    "Vård- och omsorgsnämnden",
    "Socialnämnden",
    "Kultur- och fritidsnämnden",
    "Barn- och utbildningsnämnden",
    "Samhällsbyggnadsnämnden",
    "Tekniska nämnden",
    "Miljö- och hälsoskyddsnämnden",
    "Gymnasienämnden",
    "Byggnadsnämnden",
    "Kommunstyrelsen",
]
ANSWERS = ["ja", "nej", "delvis", "vet_ej", None]
ANSWER_WEIGHTS = [55, 15, 20, 5, 5]
KEEP_ANSWER = 0.85  # the chance a question keeps last year's answer
LOCAL_EVERY = 3  # every third question is worded for its kommun: ~2,400 question keys
BATCH = 20_000


def kommuner() -> list[str]:
    lines = (ROOT / "extractors" / "data" / "kommuner.txt").read_text("utf-8").splitlines()
    return [line.split("|")[0].strip() for line in lines if line.strip() and line[0] != "#"]


def templates() -> dict[str, list[dict]]:
    """The samples' ground truths by document kind."""
    found: dict[str, list[dict]] = {"delarsbokslut": [], "enkat": []}
    for path in sorted((ROOT / "samples").glob("*.expected.json")):
        truth = json.loads(path.read_text("utf-8"))
        if truth["document"]["kind"] in found:  # the two kinds a nämnd hands in each year
            found[truth["document"]["kind"]].append(truth)
    return found


def plan(documents: int) -> tuple[list[str], int, list[int]]:
    """Kommuner, nämnder per kommun and years giving at least `documents` (two per year)."""
    names = kommuner()
    years = [2021, 2022, 2023, 2024, 2025]
    per_year = 2 * len(names)
    namnder = min(len(NAMNDER), max(1, math.ceil(documents / per_year / 3)))
    count = max(1, math.ceil(documents / (per_year * namnder)))
    return names, namnder, years[-count:]


class Rows:
    """Rows per table with ids handed out in order, written out in batches."""

    def __init__(self, writer: Writer) -> None:
        self.writer = writer
        self.pending: dict[str, list[tuple]] = {}
        self.next_id: dict[str, int] = {}

    def add(self, table: str, row: tuple) -> int:
        new = self.next_id.get(table, 1)
        self.next_id[table] = new + 1
        rows = self.pending.setdefault(table, [])
        rows.append((new, *row))
        if len(rows) >= BATCH:
            self.flush()
        return new

    def flush(self) -> None:
        """Every pending row, parents first (foreign keys are checked per statement)."""
        for name in ORDER:
            if self.pending.get(name):
                self.writer.write(name, self.pending[name])
                self.pending[name] = []


COLUMNS = {
    "kommun": ("id", "name"),
    "namnd": ("id", "kommun_id", "name"),
    "question": ("id", "key", "text"),
    "document": (
        "id", "sha256", "filename", "kind", "namnd_id", "year", "period", "pages",
        "extractor_version", "path", "ingested_at",
    ),
    "report_table": ("id", "document_id", "position", "kind", "title", "page", "unit"),
    "line": ("id", "table_id", "position", "label", "parent_id"),
    "value": (
        "id", "line_id", "measure", "year", "number", "unit", "page", "x0", "top", "x1", "bottom",
    ),
    "answer": (
        "id", "document_id", "question_id", "number", "question_text", "answer", "comment", "page",
    ),
    "finding": ("id", "document_id", "position", "kind", "text", "page", "entities"),
    "check": ("id", "document_id", "table_id", "position", "name", "ok", "expected", "found"),
}  # fmt: skip
ORDER = list(COLUMNS)  # parents before children (foreign keys)


class Writer:
    """Bulk inserts: COPY on PostgreSQL, executemany on SQLite, in one transaction."""

    def __init__(self, connection) -> None:  # type: ignore[no-untyped-def]
        self.connection = connection
        self.dbapi = connection.connection.driver_connection
        self.postgres = connection.dialect.name == "postgresql"
        self.written: dict[str, int] = {}

    def write(self, table: str, rows: list[tuple]) -> None:
        columns = COLUMNS[table]
        self.written[table] = self.written.get(table, 0) + len(rows)
        names = ", ".join(columns)
        if self.postgres:
            with self.dbapi.cursor().copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" * len(columns))
            self.dbapi.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)


def build(url: str, documents: int, seed: int = 17) -> dict[str, int]:
    """The synthetic database at `url` (made through the migrations); rows per table."""
    from kommunkoll import EXTRACTOR_VERSION
    from kommunkoll.extractors.question_identity import question_key
    from kommunkoll.pipeline.db import make_engine, upgrade_schema

    rng = random.Random(seed)
    engine = make_engine(url)
    upgrade_schema(engine)
    kinds = templates()
    names, per_kommun, years = plan(documents)
    now: object = datetime.now(UTC)
    if not url.startswith("postgresql"):
        now = now.strftime("%Y-%m-%d %H:%M:%S.%f")  # type: ignore[attr-defined]  # as SQLAlchemy writes it
    with engine.begin() as connection:
        writer = Writer(connection)
        rows = Rows(writer)
        questions: dict[str, int] = {}
        for kommun in names:
            kommun_id = rows.add("kommun", (kommun,))
            for namnd in NAMNDER[:per_kommun]:
                namnd_id = rows.add("namnd", (kommun_id, namnd))
                scale = rng.lognormvariate(0, 0.6)
                report = rng.choice(kinds["delarsbokslut"])
                enkat = rng.choice(kinds["enkat"])
                answered: dict[str, str | None] = {}
                for year in years:
                    scale *= rng.uniform(0.97, 1.08)
                    for kind, truth in (("delarsbokslut", report), ("enkat", enkat)):
                        number = rows.next_id.get("document", 1)
                        document_id = rows.add(
                            "document",
                            (
                                f"{number:064x}",
                                f"{kommun}-{namnd}-{year}-{kind}.pdf",
                                kind,
                                namnd_id,
                                year,
                                truth["document"]["period"],
                                truth["source"]["pages"],
                                EXTRACTOR_VERSION,
                                None,
                                now,
                            ),
                        )
                        if kind == "delarsbokslut":
                            _tables(rows, rng, document_id, truth, year, scale)
                        else:
                            _answers(
                                rows, rng, document_id, truth, answered, questions, question_key,
                                kommun,
                            )  # fmt: skip
                        for position, finding in enumerate(truth["findings"]):
                            entities = json.dumps(finding.get("entities"), ensure_ascii=False)
                            rows.add(
                                "finding",
                                (document_id, position, finding["kind"], finding["text"],
                                 finding["page"], entities),
                            )  # fmt: skip
        rows.flush()
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    engine.dispose()
    return writer.written


def _tables(
    rows: Rows, rng: random.Random, document_id: int, truth: dict, year: int, scale: float
) -> None:
    shift = year - truth["document"]["year"]
    for position, table in enumerate(truth["tables"]):
        table_id = rows.add(
            "report_table",
            (document_id, position, table["kind"], table["title"], table["page"], table["unit"]),
        )
        by_label: dict[str, int] = {}
        for row_position, row in enumerate(table["rows"]):
            line_id = rows.add(
                "line", (table_id, row_position, row["label"], by_label.get(row.get("parent")))
            )
            by_label[row["label"]] = line_id
            top = 120.0 + 14 * row_position
            for i, cell in enumerate(row["cells"]):
                value = cell["value"]
                if value is not None:
                    factor = 1 if table["unit"] != "tkr" else scale * rng.uniform(0.95, 1.05)
                    value = round(value * factor, 1 if table["unit"] != "tkr" else None)
                x0 = 250.0 + 55 * i
                rows.add(
                    "value",
                    (line_id, cell["measure"], cell["year"] + shift, value, table["unit"],
                     cell.get("page") or table["page"], x0, top, x0 + 40, top + 9),
                )  # fmt: skip
        rows.add("check", (document_id, table_id, position, f"{table['kind']}: summa", True, 0, 0))


def _answers(
    rows: Rows,
    rng: random.Random,
    document_id: int,
    truth: dict,
    answered: dict,
    questions: dict,
    key_of,
    kommun: str,
) -> None:  # type: ignore[no-untyped-def]
    for i, answer in enumerate(truth["answers"]):
        wording = answer["question"]
        if (i + len(kommun)) % LOCAL_EVERY == 0:  # some questions are the kommun's own
            wording = f"{wording.rstrip('?')} i {kommun} kommun?"
        key = key_of(wording)
        if key not in questions:
            questions[key] = rows.add("question", (key, wording))
        if key not in answered or rng.random() > KEEP_ANSWER:
            answered[key] = rng.choices(ANSWERS, ANSWER_WEIGHTS)[0]
        rows.add(
            "answer",
            (document_id, questions[key], answer["number"], wording, answered[key],
             answer["comment"], answer["page"]),
        )  # fmt: skip


def commands(kommun: str, out: Path) -> list[tuple[str, list[str]]]:
    return [
        ("compare answers --kommun", ["compare", "answers", "--kommun", kommun]),
        (
            "compare answers --kommun --changes-only",
            ["compare", "answers", "--kommun", kommun, "--changes-only"],
        ),
        (
            "compare figures --table drift --line Personalkostnader",
            ["compare", "figures", "--table", "drift", "--line", "Personalkostnader"],
        ),
        ("export --format parquet", ["export", "--format", "parquet", "--out", str(out / "pq")]),
        ("export --format csv", ["export", "--format", "csv", "--out", str(out / "csv")]),
        ("summary", ["summary"]),
    ]


def run(
    args: list[str], url: str, timeout: float, cwd: Path
) -> tuple[float | None, float, float, int]:
    """Seconds (None: killed at the timeout), CPU seconds, peak MB and exit code of one
    command, run outside the source tree (so `python -m kommunkoll` is the installed
    package). The CPU seconds (user + system) say what the command costs on a shared,
    loaded machine, where the wall time also counts the waits for a core."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "kommunkoll", *args, "--db", url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=cwd,
        start_new_session=True,
    )
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            os.killpg(child.pid, signal.SIGKILL)
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = -9
            return None, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, -9
        time.sleep(0.01)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.stderr.write((child.stderr.read() if child.stderr else b"").decode()[-2000:])
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code


@contextmanager
def postgres_server(url: str | None) -> Iterator[str]:
    """A database URL on the given server, or on a throwaway one started here."""
    if url:
        yield url
        return
    from tests.postgres import running_server

    with running_server() as server:
        yield server.new_database()


def _filled(url: str, database: str, folder: Path, keep: Path | None) -> bool:
    """A database built by an earlier run, to reuse: the kept SQLite file, or a given
    PostgreSQL database that holds documents."""
    if database == "sqlite":
        return keep is not None and (folder / "queries.db").exists()
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table("document"):
                return False
            return bool(connection.execute(text("SELECT count(*) FROM document")).scalar())
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument(
        "--postgres",
        help="A PostgreSQL database URL: filled when empty, reused when it holds documents.",
    )
    parser.add_argument("--timeout", type=float, default=300.0, help="Seconds per command.")
    parser.add_argument(
        "--keep", type=Path, help="Build the SQLite file in DIR and keep it (reused when there)."
    )
    parser.add_argument(
        "--only", nargs="+", default=[], help="Run only the commands starting with these words."
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="Runs per command; the median is printed."
    )
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    import kommunkoll.pipeline

    print(f"kommunkoll from {Path(kommunkoll.pipeline.__file__).parent}")
    work = Path(tempfile.mkdtemp(prefix="kommunkoll-bench-queries-"))
    folder = args.keep or work
    folder.mkdir(parents=True, exist_ok=True)
    try:
        for database in args.databases:
            context = (
                postgres_server(args.postgres)
                if database == "postgresql"
                else nullcontext(f"sqlite:///{folder / 'queries.db'}")
            )
            with context as url:
                if _filled(url, database, folder, args.keep):
                    print(f"{database}: reusing {url}")
                else:
                    start = time.perf_counter()
                    written = build(url, args.documents)
                    print(
                        f"{database}: built in {time.perf_counter() - start:.1f} s: "
                        + ", ".join(f"{n:,} {t}" for t, n in written.items())
                    )
                kommun = kommuner()[100]
                for name, command in commands(kommun, work):
                    if args.only and not any(name.startswith(o) for o in args.only):
                        continue
                    runs = []
                    for _ in range(max(1, args.repeat)):
                        runs.append(run(command, url, args.timeout, work))
                        for sub in ("pq", "csv"):
                            shutil.rmtree(work / sub, ignore_errors=True)
                    finished = [r[0] for r in runs if r[0] is not None]
                    seconds = statistics.median(finished) if len(finished) == len(runs) else None
                    cpu = statistics.median(r[1] for r in runs)
                    peak = max(r[2] for r in runs)
                    code = next((r[3] for r in runs if r[3] != 0), 0)
                    took = (
                        f"{seconds:7.2f} s"
                        if seconds is not None
                        else f"> {args.timeout:.0f} s (killed)"
                    )
                    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
                    print(
                        f"{database:10} {name:56} {took:>18} {cpu:7.2f} s CPU {peak:6.0f} MB"
                        f"  exit {code}  load {load}"
                    )
                    sys.stdout.flush()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
