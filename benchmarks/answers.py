"""Questionnaire answers: how many are right over all samples, and what they cost per page.

    .venv/bin/python benchmarks/answers.py [--repeat N]

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="best of N timings per file")
    args = parser.parse_args()
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
