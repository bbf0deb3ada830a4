"""Scanned copies of some samples: what a signed questionnaire looks like back from a scanner.

Each page of a sample is rendered to a grayscale image (150–200 dpi), its printed marks are
optionally replaced by hand-drawn crosses, the page is turned by 0.5–2°, blurred and given
noise, and the images are wrapped back into an image-only PDF under samples/scanned/, with
the original's expected JSON beside it (only `source` changes: file name, hash). Everything
is drawn from one seed per file, so a second run gives byte-identical PDFs.

    .venv/bin/python samples/scan.py            # every scan below
    .venv/bin/python samples/scan.py NAME...    # only these (stems of the scanned files)
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import random
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parent
OUT = HERE / "scanned"


def drawn_condition(seed: int, enkat_form: str | None = None) -> dict:
    """The scan conditions of a random layout's seed (its own random stream, apart from the
    layout's): what benchmarks/ocr.py --random and the tests' scanned reports scan with."""
    rng = random.Random(f"ocr-scan-{seed}")
    angle = round(rng.uniform(0.3, 2.0), 2)
    return {
        "dpi": rng.randint(150, 300),
        "angle": (angle, angle),
        "noise": round(rng.uniform(2.0, 30.0), 1),
        "blur": round(rng.uniform(0.3, 1.0), 2),
        "bilevel": rng.random() < 0.5,
        "quality": rng.randint(35, 85),
        # crosses drawn by hand where a form has boxes or columns to cross
        "hand_marks": enkat_form in ("columns", "shaded") and rng.random() < 0.5,
    }


@dataclass(frozen=True)
class Scan:
    """One scanned copy: which sample, how it was scanned."""

    original: str  # the sample's file stem
    seed: int
    dpi: int
    hand_marks: bool = False  # printed marks replaced by hand-drawn crosses
    noise: float = 10.0  # standard deviation of the gray noise (0–255)
    blur: float = 0.7  # Gaussian blur radius in pixels
    quality: int = 60  # JPEG quality (gray pages)
    bilevel: bool = False  # thresholded to black and white, as office scanners save by default
    angle: tuple[float, float] = (0.5, 2.0)  # degrees each page is turned, either way

    @property
    def stem(self) -> str:
        return f"{self.original}-scan"


SCANS = [
    Scan(
        "alingsas-kultur-och-fritidsnamnden-2025-enkat",
        seed=1301,
        dpi=200,
        hand_marks=True,
        bilevel=True,
        noise=30.0,
    ),
    Scan("alingsas-von-2024-enkat", seed=1302, dpi=160, noise=4.0, quality=35),
    Scan("alingsas-socialnamnden-2025-enkat", seed=1303, dpi=150, bilevel=True, noise=30.0),
    Scan("alingsas-socialnamnden-2025-delarsbokslut", seed=1304, dpi=200, bilevel=True, noise=30.0),
]


def _mark_boxes(pdf: Path) -> dict[int, list[tuple[float, float, float, float]]]:
    """Where the original prints its marks, per page (from the text PDF itself), so a
    hand-drawn cross can take each one's place."""
    from kommunkoll.extractors import extract_pdf

    boxes: dict[int, list[tuple[float, float, float, float]]] = {}
    for answer in extract_pdf(pdf).answers:
        for mark in answer.marks:
            boxes.setdefault(mark.page, []).append(tuple(mark.bbox))  # type: ignore[arg-type]
    return boxes


def _hand_cross(draw: ImageDraw.ImageDraw, cx: float, cy: float, size: float, rng: random.Random):
    """Two slightly curved, uneven strokes crossing near the centre, as a pen draws them."""
    width = max(2, round(size / 6))
    for sign in (1, -1):
        half = size * rng.uniform(0.45, 0.6)
        x0, y0 = cx - half + rng.uniform(-2, 2), cy - sign * half + rng.uniform(-2, 2)
        x1, y1 = cx + half + rng.uniform(-2, 2), cy + sign * half + rng.uniform(-2, 2)
        bend = rng.uniform(-0.12, 0.12) * size
        points = []
        for k in range(13):
            t = k / 12
            x = x0 + (x1 - x0) * t - bend * math.sin(math.pi * t) * sign
            y = y0 + (y1 - y0) * t + bend * math.sin(math.pi * t)
            points.append((x, y))
        draw.line(points, fill=rng.randint(10, 60), width=width, joint="curve")


def _page_image(page: pdfium.PdfPage, scan: Scan, marks, rng: random.Random) -> Image.Image:
    scale = scan.dpi / 72
    image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
    if scan.hand_marks:
        draw = ImageDraw.Draw(image)
        for x0, top, x1, bottom in marks:
            pad = 1.0
            corners = [(x0 - pad) * scale, (top - pad) * scale]
            corners += [(x1 + pad) * scale, (bottom + pad) * scale]
            draw.rectangle(corners, fill=255)
            size = max(x1 - x0, bottom - top, 7.0) * scale * rng.uniform(1.0, 1.3)
            _hand_cross(draw, (x0 + x1) / 2 * scale, (top + bottom) / 2 * scale, size, rng)
    angle = rng.uniform(*scan.angle) * rng.choice((-1, 1))
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(scan.blur))
    pixels = np.asarray(image, dtype=np.float32)
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0, scan.noise, pixels.shape)
    specks = np.random.default_rng(rng.randrange(2**32)).random(pixels.shape) < 0.0004
    pixels = np.clip(pixels + noise, 0, 255)
    pixels[specks] = 40
    return Image.fromarray(pixels.astype(np.uint8), "L")


def _encoded(image: Image.Image, scan: Scan) -> tuple[bytes, str, int]:
    """(stream, PDF filter, bits per component): 1-bit Flate or grayscale JPEG."""
    if scan.bilevel:
        bits = np.asarray(image) >= 128  # 1 = white, as /DeviceGray with 1 bit reads it
        return zlib.compress(np.packbits(bits, axis=1).tobytes(), 9), "/FlateDecode", 1
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=scan.quality, optimize=True)
    return buffer.getvalue(), "/DCTDecode", 8


Encoded = tuple[bytes, str, int, int, int]  # stream, filter, bits, width, height


def image_pdf(pages: list[Encoded], sizes: list[tuple[float, float]]) -> bytes:
    """An image-only PDF: each page one gray or 1-bit image filling the page, nothing else
    (written by hand, so the bytes depend on the images alone: no dates, no producer)."""
    objects: list[bytes] = []
    kids = []
    for (stream, filter_, bits, w, h), (pw, ph) in zip(pages, sizes, strict=True):
        n = len(objects) + 3
        content = f"q {pw:.2f} 0 0 {ph:.2f} 0 0 cm /Im0 Do Q".encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pw:.2f} {ph:.2f}] "
            f"/Resources << /XObject << /Im0 {n + 1} 0 R >> >> /Contents {n + 2} 0 R >>".encode()
        )
        objects.append(
            f"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray "
            f"/BitsPerComponent {bits} /Filter {filter_} /Length {len(stream)} >>\n"
            "stream\n".encode()
            + stream
            + b"\nendstream"
        )
        objects.append(
            f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"
        )
        kids.append(f"{n} 0 R")
    head = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    head.append(f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode())
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(head + objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R >>\n".encode())
    out.write(f"startxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def scan_pdf(original: Path, scan: Scan) -> bytes:
    """The image-only PDF of `original` scanned as `scan` says (its seed decides all)."""
    rng = random.Random(scan.seed)
    marks = _mark_boxes(original) if scan.hand_marks else {}
    pdf = pdfium.PdfDocument(original)
    pages, sizes = [], []
    for index in range(len(pdf)):
        page = pdf[index]
        image = _page_image(page, scan, marks.get(index + 1, []), rng)
        pages.append((*_encoded(image, scan), image.width, image.height))
        sizes.append((page.get_width(), page.get_height()))
        page.close()
    pdf.close()
    return image_pdf(pages, sizes)


def make(scan: Scan) -> Path:
    data = scan_pdf(HERE / f"{scan.original}.pdf", scan)
    OUT.mkdir(exist_ok=True)
    target = OUT / f"{scan.stem}.pdf"
    target.write_bytes(data)
    expected = json.loads((HERE / f"{scan.original}.expected.json").read_text(encoding="utf-8"))
    expected["source"].update(filename=target.name, sha256=hashlib.sha256(data).hexdigest())
    expected["scan"] = {
        "original": f"{scan.original}.pdf",
        "seed": scan.seed,
        "dpi": scan.dpi,
        "hand_marks": scan.hand_marks,
        "bilevel": scan.bilevel,
    }
    (OUT / f"{scan.stem}.expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return target


def main(names: list[str]) -> None:
    for scan in SCANS:
        if not names or scan.stem in names:
            path = make(scan)
            print(f"{path.relative_to(HERE)}: {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main(sys.argv[1:])
