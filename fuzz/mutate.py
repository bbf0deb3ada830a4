"""A mutation fuzzer for the whole extractor, run as the product runs it: in the limited worker.

Each mutant is a real PDF (a sample, or a hostile file) damaged one way: bytes flipped, cut
short (with or without a new %%EOF), an object deleted or duplicated, the xref table or a
/Length corrupted, an object turned into a reference to itself, an array nested deep. Every
mutant must end as an Extraction or an ExtractionError with a documented code; anything
else is a finding:

- `crash`: the reader's child died, or the reader was lost;
- `bug`: an unexpected exception inside an extractor (reason "oväntat fel i läsaren");
- `hang`: killed at the time-out (a mutant of a small file has no business taking that long);
- `memory`: the child's peak resident memory above the memory limit.

    .venv/bin/python fuzz/mutate.py --mutants 1000 --seed 1 [--workers 2] [--save fuzz/findings]

Mutants are drawn from `--seed`, so a run is repeatable; a finding's mutant is written to
`--save` to be committed to tests/hostile/ with a test once it is fixed.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OBJECT = re.compile(rb"\d+ \d+ obj\b.*?endobj", re.S)
LENGTH = re.compile(rb"/Length (\d+)")
XREF_ENTRY = re.compile(rb"\d{10} \d{5} [nf]")


def flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 64)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    cut = data[: rng.randrange(16, len(data))]
    return cut + b"\n%%EOF\n" if rng.random() < 0.7 else cut


def _objects(data: bytes) -> list[re.Match[bytes]]:
    return list(OBJECT.finditer(data))


def delete_object(data: bytes, rng: random.Random) -> bytes:
    found = _objects(data)
    if not found:
        return flip(data, rng)
    match = rng.choice(found)
    return data[: match.start()] + data[match.end() :]


def duplicate_object(data: bytes, rng: random.Random) -> bytes:
    found = _objects(data)
    if not found:
        return flip(data, rng)
    match, where = rng.choice(found), rng.choice(found)
    return data[: where.end()] + b"\n" + match.group(0) + data[where.end() :]


def corrupt_xref(data: bytes, rng: random.Random) -> bytes:
    entries = list(XREF_ENTRY.finditer(data))
    if not entries:
        return flip(data, rng)
    out = bytearray(data)
    for match in rng.sample(entries, k=min(len(entries), rng.randint(1, 8))):
        offset = b"%010d" % rng.randrange(0, len(data) * 2)
        out[match.start() : match.start() + 10] = offset
    return bytes(out)


def corrupt_length(data: bytes, rng: random.Random) -> bytes:
    lengths = list(LENGTH.finditer(data))
    if not lengths:
        return flip(data, rng)
    match = rng.choice(lengths)
    value = rng.choice([0, 1, int(match.group(1)) * 2, 10**12, -5, rng.randrange(10**6)])
    return data[: match.start(1)] + str(value).encode() + data[match.end(1) :]


def self_reference(data: bytes, rng: random.Random) -> bytes:
    found = _objects(data)
    if not found:
        return flip(data, rng)
    match = rng.choice(found)
    number = match.group(0).split(b" ", 1)[0]
    body = b"%s 0 obj\n%s 0 R\nendobj" % (number, number)
    return data[: match.start()] + body + data[match.end() :]


def nest(data: bytes, rng: random.Random) -> bytes:
    depth = rng.choice([100, 1000, 5000, 20000])
    nested = b"[" * depth + b"0" + b"]" * depth
    at = data.find(b"/MediaBox")
    if at < 0:
        return flip(data, rng)
    end = data.find(b"]", at)
    return data[: at + 9] + b" " + nested + data[end + 1 :]


MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "flip": flip,
    "truncate": truncate,
    "delete_object": delete_object,
    "duplicate_object": duplicate_object,
    "corrupt_xref": corrupt_xref,
    "corrupt_length": corrupt_length,
    "self_reference": self_reference,
    "nest": nest,
}


@dataclass
class Result:
    mutant: int
    mutation: str
    seed_file: str
    kind: str  # ok, error code, or a finding
    finding: str | None
    seconds: float
    memory: int
    reason: str = ""


def seeds() -> list[Path]:
    """The smaller half of the samples (a mutant of a long report mostly costs time) and the
    hostile files."""
    samples = sorted((ROOT / "samples").glob("*.pdf"), key=lambda p: p.stat().st_size)
    return samples[: max(1, len(samples) // 2)] + sorted((ROOT / "tests" / "hostile").glob("*.pdf"))


def run(mutants: int, seed: int, workers: int, timeout: float, save: Path | None) -> dict:
    from kommunkoll.extractors.errors import ErrorCode
    from kommunkoll.extractors.limits import Limits
    from kommunkoll.pipeline.worker import ReaderLost, shared_reader

    documented = set(get_args(ErrorCode))
    limits = Limits(timeout=timeout)
    rng = random.Random(seed)
    files = seeds()
    originals = {f: f.read_bytes() for f in files}
    plan = []
    for n in range(mutants):
        source = rng.choice(files)
        name = rng.choice(sorted(MUTATIONS))
        plan.append((n, source, name, MUTATIONS[name](originals[source], rng)))
    reader = shared_reader()
    reader.start()
    work = Path(tempfile.mkdtemp(prefix="kommunkoll-fuzz-"))

    def one(item: tuple[int, Path, str, bytes]) -> Result:
        n, source, name, data = item
        path = work / f"mutant-{n:05d}.pdf"
        path.write_bytes(data)
        start = time.monotonic()
        try:
            kind, value, stats = reader.submit(path, limits).result(timeout=timeout + 60)
        except (ReaderLost, TimeoutError) as exc:
            return Result(
                n, name, source.name, "lost", "crash", time.monotonic() - start, 0, str(exc)
            )
        finding, reason = None, ""
        if kind == "ok":
            label = "ok"
        else:
            label, reason = value
            if label == "timeout":
                finding = "hang"
            elif label not in documented or "oväntat fel i läsaren" in reason:
                finding = "bug"
            elif "läsaren kraschade" in reason or "utan svar" in reason:
                finding = "crash"
        if stats["memory"] > limits.memory:  # resident, the reader's shared pages included
            finding = finding or "memory"
        result = Result(
            n, name, source.name, label, finding, stats["seconds"], stats["memory"], reason
        )
        if finding and save is not None:
            save.mkdir(parents=True, exist_ok=True)
            (save / f"{finding}-{n:05d}-{name}.pdf").write_bytes(data)
        path.unlink()
        return result

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(one, plan))
    elapsed = time.monotonic() - start
    shutil.rmtree(work, ignore_errors=True)
    findings = [r for r in results if r.finding]
    return {
        "mutants": mutants,
        "seed": seed,
        "seconds": round(elapsed, 1),
        "outcomes": dict(Counter(r.kind for r in results).most_common()),
        "mutations": dict(Counter(r.mutation for r in results).most_common()),
        "findings": dict(Counter(r.finding for r in findings)),
        "finding_details": [
            {
                "mutant": r.mutant,
                "mutation": r.mutation,
                "seed_file": r.seed_file,
                "finding": r.finding,
                "reason": r.reason,
            }
            for r in findings
        ],
        "slowest_seconds": round(max((r.seconds for r in results), default=0.0), 2),
        "peak_memory_mb": round(max((r.memory for r in results), default=0) / 2**20, 1),
        "memory_limit_mb": round(limits.memory / 2**20, 1),
    }


def main() -> None:
    import json

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutants", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--save", type=Path)
    args = parser.parse_args()
    report = run(args.mutants, args.seed, args.workers, args.timeout, args.save)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    sys.exit(1 if report["findings"] else 0)


if __name__ == "__main__":
    main()
