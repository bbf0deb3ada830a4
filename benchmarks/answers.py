"""Questionnaire answers: how many are right over all samples, and what they cost per page.

    .venv/bin/python benchmarks/answers.py [--repeat N]
    .venv/bin/python benchmarks/answers.py --random N --seed S [--out DIR]

With --random: N random enkäter (samples/generator/random_enkat.py, seeds S..S+N-1) are
drawn, printed by their producer and read; per answer form and producer it prints answer
accuracy (the answer value, null included, of every drawn question, and the answer_unread
flag where, and only where, the drawn answer cannot be read), the mean comment
token-Jaccard (casefolded whitespace tokens; both empty counts 1) and the share of questions
whose wording and instruction are each exactly the drawn ones (whitespace collapsed). A
question not found scores 0 on all three. Tune on seeds below 1000; quote seeds from 1000
on, unseen.

An answer is right when number, question, answer, page and fields equal the ground truth
and the comment equals it after whitespace normalisation. Time is the whole `extract_pdf`
per page, against plain pdfplumber `extract_words` on the same pages (the floor any
word-based reader pays).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import pdfplumber

from kommunkoll.extractors import extract_pdf

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _squash(text: str) -> str:
    return " ".join(text.split())


def right(got: dict, truth: dict) -> bool:
    return (
        all(got.get(k) == truth[k] for k in ("number", "question", "answer", "page"))
        and _squash(got["comment"]) == _squash(truth["comment"])
        and got.get("fields", {}) == truth.get("fields", {})
    )


def plain_words(pdf: Path) -> None:
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            page.extract_words()
            page.close()


def _tokens(text: str) -> set[str]:
    return set(text.casefold().split())


def jaccard(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    return 1.0 if not ta and not tb else len(ta & tb) / len(ta | tb)


def score(pdf: Path, truth: dict) -> list[tuple[bool, float, bool]]:
    """(answer right, comment Jaccard, question and instruction right) for every drawn
    question of one random enkät."""
    try:
        answers = extract_pdf(pdf).answers
    except Exception as exc:  # a benchmark reports a failure and goes on
        print(f"  {pdf.name}: {exc}")
        answers = []
    got = {a.number.rstrip("."): a for a in answers}
    out = []
    for t in truth["answers"]:
        a = got.get(t["number"].rstrip("."))
        if a is None:
            out.append((False, 0.0, False))
        else:
            worded = _squash(a.question) == _squash(t["question"]) and _squash(
                a.instruction
            ) == _squash(t.get("instruction", ""))
            unread = ("answer_unread" in a.flags) == ("answer_unread" in t.get("flags", []))
            right_answer = a.answer == t["answer"] and unread
            out.append((right_answer, jaccard(a.comment, t["comment"]), worded))
    return out


def random_benchmark(n: int, seed: int, out: Path | None) -> None:
    import sys
    import tempfile
    from collections import defaultdict

    sys.path.insert(0, str(SAMPLES))
    from generator.random_enkat import make

    with tempfile.TemporaryDirectory() as tmp:
        where = out or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        draws = make(list(range(seed, seed + n)), where)
        made = time.perf_counter() - start
        cells: dict[tuple[str, str], list[tuple[bool, float, bool]]] = defaultdict(list)
        start = time.perf_counter()
        for d in draws:
            truth = json.loads((where / f"{d.name}.expected.json").read_text("utf-8"))
            found = score(where / f"{d.name}.pdf", truth)
            cells[d.form, d.producer] += found
            bad = [
                t["number"] for t, (ok, *_) in zip(truth["answers"], found, strict=True) if not ok
            ]
            if bad:
                print(f"  {d.name}: wrong answers {', '.join(bad)}")
            worded = [t["number"] for t, f in zip(truth["answers"], found, strict=True) if not f[2]]
            if worded:
                print(f"  {d.name}: wrong wording {', '.join(worded)}")
        read = time.perf_counter() - start
    print(f"seeds {seed}..{seed + n - 1}: made in {made:.0f} s, read in {read:.0f} s")
    print(
        f"{'form':10} {'producer':12} {'questions':>9} {'answers':>8} {'comments':>9} "
        f"{'wording':>8}"
    )
    everything = [x for found in cells.values() for x in found]
    for (form, producer), found in [*sorted(cells.items()), (("all", ""), everything)]:
        accuracy = sum(ok for ok, _, _ in found) / len(found)
        comments = sum(j for _, j, _ in found) / len(found)
        worded = sum(w for _, _, w in found) / len(found)
        print(
            f"{form:10} {producer:12} {len(found):>9} {accuracy:>8.3f} {comments:>9.3f} "
            f"{worded:>8.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="best of N timings per file")
    parser.add_argument("--random", type=int, default=0, help="read N random enkäter")
    parser.add_argument("--seed", type=int, default=0, help="first seed of --random")
    parser.add_argument("--out", type=Path, help="keep the random enkäter in this folder")
    args = parser.parse_args()
    if args.random:
        random_benchmark(args.random, args.seed, args.out)
        return
    total = ok = pages = 0
    ours = plain = 0.0
    print(f"{'sample':52} {'right':>7} {'pages':>5} {'ms/page':>8} {'plain':>7} {'ratio':>6}")
    for pdf in sorted(SAMPLES.glob("*-enkat.pdf")):
        truth = json.loads(pdf.with_name(pdf.stem + ".expected.json").read_text("utf-8"))
        times, extraction = [], None
        for _ in range(args.repeat):
            start = time.perf_counter()
            extraction = extract_pdf(pdf)
            times.append(time.perf_counter() - start)
        base = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            plain_words(pdf)
            base.append(time.perf_counter() - start)
        assert extraction is not None
        got = {a.number: a.model_dump() for a in extraction.answers}
        hits = sum(right(got.get(t["number"], {"comment": ""}), t) for t in truth["answers"])
        n = extraction.source.pages
        total += len(truth["answers"])
        ok += hits
        pages += n
        ours += min(times)
        plain += min(base)
        print(
            f"{pdf.name:52} {hits:>3}/{len(truth['answers']):<3} {n:>5} "
            f"{1000 * min(times) / n:>8.1f} {1000 * min(base) / n:>7.1f} "
            f"{min(times) / min(base):>6.2f}"
        )
    print(
        f"{'all questionnaires':52} {ok:>3}/{total:<3} {pages:>5} {1000 * ours / pages:>8.1f} "
        f"{1000 * plain / pages:>7.1f} {ours / plain:>6.2f}"
    )
    print(
        f"answers right: {ok}/{total} ({100 * ok / total:.1f}%); "
        f"{pages / ours:.1f} pages/s (plain extract_words: {pages / plain:.1f} pages/s)"
    )


if __name__ == "__main__":
    main()
