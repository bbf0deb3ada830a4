"""Precision, recall and F1 of the `risk` and `action` tags on the hand-labelled sentences.

    .venv/bin/python benchmarks/nlp.py                 # the held-out part
    .venv/bin/python benchmarks/nlp.py --part dev      # the part the cue lexicons were tuned on
    .venv/bin/python benchmarks/nlp.py --misses 5      # and the worst misses

The sentences (tests/data/nlp/*.jsonl) are the segmenter's sentences from the two seed texts
(dev) and from the sample variants (held-out, minus any sentence also in dev), labelled by
hand; see tests/data/nlp/README.md for the labelling rules. Each is tagged the way the
extractor tags it: an item of an "Utmaningar och risker" list by structure, any other sentence
by its cues, with the question or heading it stands under as context.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from kommunkoll.extractors.nlp.findings import RISK_LIST, entities
from kommunkoll.extractors.nlp.pipeline import classify, swedish
from kommunkoll.extractors.nlp.tagging import sentence_tags

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "nlp"
TAGS = ("risk", "action")
ENTITY_KINDS = ("units", "amounts", "dates", "percentages", "decisions")


def load(part: str) -> list[dict]:
    path = DATA / f"{part}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def predict(rows: list[dict], use_classifier: bool = True) -> tuple[list[set[str]], float]:
    nlp = swedish()
    start = time.perf_counter()
    predicted = []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        if row["unit"] == "item" and RISK_LIST.search(row["context"]):
            predicted.append({"risk"})
        else:
            predicted.append(sentence_tags(doc[:], row["context"], item=row["unit"] == "item"))
    if use_classifier:
        learned = classify([r["text"] for r in rows])
        predicted = [p | extra for p, extra in zip(predicted, learned, strict=True)]
    return predicted, time.perf_counter() - start


def scores(rows: list[dict], predicted: list[set[str]], tag: str) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for row, tags in zip(rows, predicted, strict=True):
        truth = tag in row["labels"]
        tp += truth and tag in tags
        fp += (not truth) and tag in tags
        fn += truth and tag not in tags
    return tp, fp, fn


def report(rows: list[dict], predicted: list[set[str]], title: str) -> None:
    print(f"{title}: {len(rows)} sentences")
    print(f"  {'tag':<8}{'gold':>6}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}")
    for tag in TAGS:
        tp, fp, fn = scores(rows, predicted, tag)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {tag:<8}{tp + fn:>6}{tp:>5}{fp:>5}{fn:>5}{p:>8.3f}{r:>8.3f}{f1:>8.3f}")


def entity_report(rows: list[dict]) -> None:
    """Exact-match scores of the rule entities against the hand labels, per kind."""
    labelled = [r for r in rows if "entities" in r]
    if not labelled:
        return
    nlp = swedish()
    counts = {kind: [0, 0, 0] for kind in ENTITY_KINDS}
    for row, doc in zip(labelled, nlp.pipe(r["text"] for r in labelled), strict=True):
        found = entities(doc[:])
        got = found.model_dump() if found else {}
        for kind in ENTITY_KINDS:
            truth, mine = Counter(row["entities"].get(kind, [])), Counter(got.get(kind, []))
            tp = sum((truth & mine).values())
            counts[kind][0] += tp
            counts[kind][1] += sum(mine.values()) - tp
            counts[kind][2] += sum(truth.values()) - tp
    print(f"entities ({len(labelled)} sentences, exact text):")
    print(f"  {'kind':<12}{'gold':>6}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}")
    for kind, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {kind:<12}{tp + fn:>6}{tp:>5}{fp:>5}{fn:>5}{p:>8.3f}{r:>8.3f}{f1:>8.3f}")


def document_speed() -> None:
    """Findings per page over the sample PDFs' page texts (text extraction not counted)."""
    import pdfplumber

    from kommunkoll.extractors.extract import read_pages
    from kommunkoll.extractors.nlp import find

    documents = []
    for pdf_path in sorted((DATA.parent.parent.parent / "samples").glob("*.pdf")):
        with pdfplumber.open(pdf_path) as pdf:
            documents.append(read_pages(pdf, pdf_path.name).body_texts)
    pages = sum(len(d) for d in documents)
    start = time.perf_counter()
    found = sum(len(find(d)) for d in documents)
    seconds = time.perf_counter() - start
    print(
        f"documents: {len(documents)} samples, {pages} pages, {found} findings in "
        f"{seconds:.2f} s: {pages / seconds:.1f} pages/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["heldout", "dev"], default="heldout")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses per tag")
    args = parser.parse_args()
    rows = load(args.part)
    swedish(), classify([""])  # build the pipelines before timing
    predicted, seconds = predict(rows)
    report(rows, predicted, f"{args.part}, extractor (rules + structure + classifier)")
    rules, _ = predict(rows, use_classifier=False)
    report(rows, rules, f"{args.part}, rules and structure alone")
    learned = classify([r["text"] for r in rows])
    report(rows, learned, f"{args.part}, classifier alone (trained on dev)")
    prose = [i for i, r in enumerate(rows) if r["unit"] == "sentence"]
    report([rows[i] for i in prose], [predicted[i] for i in prose], f"{args.part}, outside lists")
    print(f"speed: {len(rows) / seconds:.0f} sentences/s ({seconds:.2f} s, tagging incl. spaCy)")
    entity_report(rows)
    document_speed()
    if args.misses:
        for tag in TAGS:
            print(f"misses for {tag} (fn = missed, fp = wrongly tagged):")
            shown = 0
            for row, tags in zip(rows, predicted, strict=True):
                truth, got = tag in row["labels"], tag in tags
                if truth != got and shown < args.misses:
                    print(f"  {'fn' if truth else 'fp'}: {row['text'][:150]}")
                    shown += 1


if __name__ == "__main__":
    main()
