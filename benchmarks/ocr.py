"""OCR of the scanned samples: seconds per page, peak memory, and quality against the truth.

    .venv/bin/python benchmarks/ocr.py               # every scan in samples/scanned/
    .venv/bin/python benchmarks/ocr.py --wrappers    # also tesserocr vs pytesseract, one page each

Each document is extracted in a fresh process (so the peak resident memory is its own, and
Tesseract's model load is counted once per document, as in a worker). Quality is measured
against the scan's expected JSON (its original's ground truth): answers equal, token
Jaccard of comments and questions, and for a delårsbokslut the share of table cells whose
value equals the truth (by table, row label, measure and year), with the misses listed.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ROOT / "samples" / "scanned"


def tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def jaccard(a: str, b: str) -> float:
    ta, tb = tokens(a), tokens(b)
    return 1.0 if not ta and not tb else len(ta & tb) / len(ta | tb)


def cell_matches(got: dict, truth: dict) -> tuple[int, int, list[str]]:
    """(cells equal, cells in the truth, the misses) by table kind, row label, measure, year."""

    def cells(doc: dict) -> dict[tuple, object]:
        out = {}
        for t in doc["tables"]:
            for r in t["rows"]:
                label = " ".join(r["label"].split())
                for c in r["cells"]:
                    out[(t["kind"], label, c["measure"], c["year"])] = c["value"]
        return out

    g, e = cells(got), cells(truth)
    misses = [
        f"{k}: {g.get(k, 'missing')!r} ≠ {v!r}" for k, v in e.items() if g.get(k, "missing") != v
    ]
    return len(e) - len(misses), len(e), misses


def _child(pdf: str) -> None:
    """Run in a fresh process: extract one scan, print the figures as one JSON line."""
    import resource

    from kommunkoll.extractors import extract_pdf

    start = time.perf_counter()
    extraction = extract_pdf(pdf)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MiB (Linux: KiB)
    print(json.dumps({"seconds": seconds, "peak_mib": peak, "got": extraction.model_dump()}))


def measure(pdf: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(pdf)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout  # fmt: skip
    result = json.loads(out.strip().splitlines()[-1])
    truth = json.loads(pdf.with_name(f"{pdf.stem}.expected.json").read_text(encoding="utf-8"))
    got = result["got"]
    row = {
        "file": pdf.name,
        "pages": truth["source"]["pages"],
        "seconds": round(result["seconds"], 2),
        "s_per_page": round(result["seconds"] / truth["source"]["pages"], 2),
        "peak_mib": round(result["peak_mib"]),
    }
    if truth["document"]["kind"] == "enkat":
        by_number = {a["number"]: a for a in got["answers"]}
        pairs = [(by_number.get(t["number"]), t) for t in truth["answers"]]
        row["answers_equal"] = sum(1 for a, t in pairs if a and a["answer"] == t["answer"])
        row["answers"] = len(truth["answers"])
        found = [(a, t) for a, t in pairs if a]
        row["comment_jaccard"] = round(
            sum(jaccard(a["comment"], t["comment"]) for a, t in found) / max(1, len(found)), 3
        )
        row["question_jaccard"] = round(
            sum(jaccard(a["question"], t["question"]) for a, t in found) / max(1, len(found)), 3
        )
        row["wrong"] = [t["number"] for a, t in pairs if not a or a["answer"] != t["answer"]]
    else:
        equal, total, misses = cell_matches(got, truth)
        row["cells_equal"], row["cells"] = equal, total
        row["cells_share"] = round(equal / max(1, total), 4)
        row["misses"] = misses
    return row


def wrappers(pdf: Path, index: int = 0) -> list[dict]:
    """tesserocr (the API, one loaded model) against pytesseract (a tesseract process per
    call) on the same straightened page: seconds and token recall against the original."""
    from collections import Counter

    import pdfplumber

    from kommunkoll.extractors import ocr

    truth = json.loads(pdf.with_name(f"{pdf.stem}.expected.json").read_text(encoding="utf-8"))
    original = ROOT / "samples" / truth["scan"]["original"]
    with pdfplumber.open(original) as doc:
        expected = Counter(re.findall(r"\w+", (doc.pages[index].extract_text() or "").casefold()))
    gray = ocr.render_page(pdf.read_bytes(), index, ocr.SETTINGS.dpi)
    gray = ocr._smooth(ocr.straighten(gray, ocr.skew_angle(gray)), ocr.SETTINGS)

    def recall(text: str) -> float:
        got = Counter(re.findall(r"\w+", text.casefold()))
        return round(sum((got & expected).values()) / max(1, sum(expected.values())), 3)

    rows = []
    ocr.ocr_words(gray, ocr.SETTINGS.dpi)  # the model loaded once, as in a worker
    start = time.perf_counter()
    words = ocr.ocr_words(gray, ocr.SETTINGS.dpi)
    rows.append(
        {
            "wrapper": "tesserocr",
            "seconds": round(time.perf_counter() - start, 2),
            "recall": recall(" ".join(w["text"] for w in words)),
        }
    )
    try:
        import pytesseract
        from PIL import Image
    except ImportError:
        rows.append({"wrapper": "pytesseract", "skipped": "not installed"})
        return rows
    start = time.perf_counter()
    text = pytesseract.image_to_string(
        Image.fromarray(gray), lang="swe", config=f"--dpi {ocr.SETTINGS.dpi}"
    )
    rows.append(
        {
            "wrapper": "pytesseract",
            "seconds": round(time.perf_counter() - start, 2),
            "recall": recall(text),
        }
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--wrappers", action="store_true", help="compare OCR wrappers too")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    files = args.files or sorted(SCANNED.glob("*.pdf"))
    for pdf in files:
        row = measure(pdf)
        misses = row.pop("misses", [])
        print(json.dumps(row, ensure_ascii=False))
        for miss in misses:
            print("   miss", miss)
        if args.wrappers:
            for w in wrappers(pdf):
                print("   ", json.dumps(w))


if __name__ == "__main__":
    main()
