"""Build the sample corpus: every sample's PDF and its `.expected.json`, plus manifest.json.

Run from the repository root: `.venv/bin/python samples/generate.py`. Deterministic: the
numbers come from seeded generators and reportlab writes with invariant=1, so running it
twice gives the same expected JSON (and byte-identical reportlab PDFs).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent
sys.path.insert(0, str(SAMPLES))

from generator import expected, render_reportlab, stable  # noqa: E402
from generator.model import Delarsbokslut, Enkat  # noqa: E402
from generator.variants import all_samples  # noqa: E402

Renderer = Callable[[Enkat | Delarsbokslut, Path], None]


def libreoffice_renderer() -> Renderer | None:
    """render_docx.render if that module is there and importable, else None."""
    try:
        module = importlib.import_module("generator.render_docx")
    except ImportError as exc:
        print(f"warning: LibreOffice renderer unavailable ({exc}); using reportlab instead")
        return None
    return module.render


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only these samples (file stems)")
    args = parser.parse_args()

    docx_render = libreoffice_renderer()
    manifest = []
    problems = 0
    for sample in all_samples():
        if args.names and sample.name not in args.names:
            continue
        doc = sample.doc
        pdf = SAMPLES / f"{sample.name}.pdf"
        producer = doc.layout.producer
        if producer == "libreoffice" and docx_render is None:
            producer = "reportlab"
        render = docx_render if producer == "libreoffice" else render_reportlab.render
        render(doc, pdf)
        if producer == "libreoffice":  # reportlab is byte-stable already (invariant=1)
            stable.stabilize(pdf, f"{doc.year}0930120000")
        warnings = expected.write(doc, pdf)
        for w in warnings:
            print(f"warning: {sample.name}: {w}")
        problems += len(warnings)
        manifest.append(
            {
                "pdf": pdf.name,
                "expected": f"{sample.name}.expected.json",
                "kind": expected.kind_of(doc),
                "kommun": doc.kommun,
                "namnd": doc.namnd,
                "year": doc.year,
                "producer": producer,
                "features": list(doc.layout.features),
            }
        )
        print(f"{pdf.name}: {producer}, {pdf.stat().st_size // 1024} KB")
    if not args.names:
        out = SAMPLES / "manifest.json"
        text = json.dumps({"samples": manifest}, ensure_ascii=False, indent=2) + "\n"
        out.write_text(text, encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
