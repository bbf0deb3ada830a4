"""Scanned pages into positioned words: render, deskew, Tesseract (Swedish), PDF points.

A page needs OCR when it has (almost) no text layer but images cover most of it. Such a
page is rendered from the PDF itself (pypdfium2, whatever images and masks it holds), turned
straight by the angle whose rows of ink line up best (scanners feed paper a little askew),
and read by Tesseract's Swedish model through tesserocr. Every word keeps Tesseract's
confidence and a box in PDF points of the straightened page, so the same readers run on it
as on a text PDF; the page's angle is kept so a box can be drawn on the page as scanned.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from kommunkoll.vocabulary import ERROR_REASONS

from .errors import ExtractionError
from .ocr_figures import reread_figures, reread_unsure
from .pixel_marks import pen_crosses

TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
)


@dataclass(frozen=True)
class OcrSettings:
    """Every tolerance of the OCR path in one place."""

    dpi: int = 250  # rendering resolution for Tesseract (benchmarks/ocr.py measures it)
    # Gaussian blur (pixels at 300 dpi) before Tesseract: smooths the jagged edges of a
    # black-and-white scan, which Tesseract reads worse than gray (measured on the samples).
    blur: float = 1.25
    lang: str = "swe"
    # A black-and-white scan of low resolution has its thin strokes broken where the
    # scanner's threshold fell on them (an "l" in pieces reads "i", "å" loses its ring):
    # below `close_dpi`, vertical gaps up to `close_gaps` scanner pixels are closed before
    # Tesseract reads the page. A finer scan's strokes hold (closing them there joins
    # letters: measured with benchmarks/ocr.py).
    close_dpi: float = 175.0
    close_gaps: float = 2.0
    max_skew: float = 3.0  # degrees: a scan turned further is read as it is
    skew_step: float = 0.05  # degrees: the finest angle the deskew tells apart
    # A page is scanned when it holds fewer printed characters than this and images cover
    # at least `image_cover` of it.
    text_chars: int = 20
    image_cover: float = 0.5
    # A row's height is at most this × its letters' tallest ink above the baseline.
    row_slack: float = 1.25
    # Rows whose height is within this share of the page's typical row are of one font
    # size: they all get the typical height.
    row_even: float = 0.2
    bold_stroke: float = 1.22  # × the page's typical stroke width: a bold word
    # A table's rules are erased before Tesseract, which reads a cell border beside a word
    # as a letter ("1", "I", "[", "L") and a rule under a line as part of its glyphs.
    rule_length: float = 60.0  # horizontal; a line of text is never that dense that long
    rule_height: float = 24.0  # vertical; two lines of text never stack that much ink
    rule_width: float = 2.0  # a rule is at most this thick: paper this far either side
    rule_density: float = 0.85  # share of the stretch that is ink on a rule...
    rule_paper: float = 0.35  # ...and at most this share beside it
    rule_edge: float = 0.5  # the rows of a rule's blurred edge: at least this share
    # Below this confidence (0–100) a value is stored but flagged for a person to confirm.
    min_confidence: float = 75.0
    # A table value printed unlike its column (no decimal comma where at least
    # `odd_figure_share` of the column's values, and `odd_figure_column` or more, print
    # one; or the other way round) is read no surer than this: OCR loses commas confidently.
    odd_figure_confidence: float = 50.0
    odd_figure_column: int = 3
    odd_figure_share: float = 0.75
    # A value a failed arithmetic check reads (a sum, avvikelse or differens that does not
    # add up) is read no surer than this: any of the check's cells may be the misread one.
    failed_check_confidence: float = 50.0
    # A table cell read blank whose box's middle (less `blank_band` of its height above and
    # below) has at least `blank_ink` × its height² dark pixels prints what OCR lost.
    blank_band: float = 0.2
    blank_ink: float = 0.05
    # A page whose words Tesseract trusts less than this on average is not read at all.
    unreadable_confidence: float = 30.0
    # A scanned enkät whose questions' marks stand beside their text (at least this share
    # of the questions with a mark near them) has no answer rows: a mark below a question
    # is a lost question's or a hand cross's stray stroke, never that question's answer.
    beside_layout: float = 0.75


SETTINGS = OcrSettings()


@dataclass
class OcrPage:
    """One scanned page as read: words in PDF points of the straightened page."""

    number: int
    width: float  # PDF points
    height: float
    skew: float  # degrees the scan was turned back by (counter-clockwise positive)
    dpi: int
    words: list[dict[str, Any]] = field(default_factory=list)  # text, x0, x1, top, bottom, conf
    image: np.ndarray | None = None  # the straightened page at `dpi`, rules erased (the marks)
    pens: list[Any] = field(default_factory=list)  # large pen crosses, erased from `image`

    @property
    def scale(self) -> float:
        """Pixels per PDF point."""
        return self.dpi / 72


def is_scanned(page: Any, settings: OcrSettings = SETTINGS) -> bool:
    """A page that is a picture of text: images over most of it and (almost) no text layer."""
    if len(page.chars) >= settings.text_chars:
        return False
    area = float(page.width) * float(page.height)
    if area <= 0:
        return False
    covered = 0.0
    for image in page.images:
        w = max(0.0, min(image["x1"], page.width) - max(image["x0"], 0))
        h = max(0.0, min(image["bottom"], page.height) - max(image["top"], 0))
        covered += w * h
    return covered / area >= settings.image_cover


def tessdata_dir() -> str:
    """Where Debian's Tesseract language data lives (TESSDATA_PREFIX wins)."""
    for folder in (os.environ.get("TESSDATA_PREFIX"), *TESSDATA_DIRS):
        if folder and (Path(folder) / f"{SETTINGS.lang}.traineddata").is_file():
            return folder
    raise ExtractionError("ocr_failed", ERROR_REASONS["ocr_language"])


@dataclass(frozen=True)
class ScanSource:
    """What the scanner made of the page: its largest image's resolution and depth."""

    dpi: float  # the image's pixels per inch on the page (0: no image)
    bilevel: bool  # one bit per pixel: black and white


def scan_source(pdf_bytes: bytes, index: int) -> ScanSource:
    """The resolution and depth of page `index`'s largest image, as the PDF states them."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf_bytes)
    try:
        page = document[index]
        best = (0, 0.0, False)
        for obj in page.get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
            meta = obj.get_metadata()
            area = meta.width * meta.height
            if area > best[0]:
                dpi = min(meta.horizontal_dpi, meta.vertical_dpi)
                best = (area, float(dpi), meta.bits_per_pixel == 1)
        page.close()
    finally:
        document.close()
    return ScanSource(best[1], best[2])


def render_page(pdf_bytes: bytes, index: int, dpi: int) -> np.ndarray:
    """Page `index` (0-based) as a grayscale image at `dpi`."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf_bytes)
    try:
        page = document[index]
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        image = np.array(bitmap.to_numpy(), copy=True)
        page.close()
    finally:
        document.close()
    if image.ndim == 3:  # some builds hand back BGR(A) even when asked for gray
        image = image[..., :3].mean(axis=2).astype(np.uint8)
    return image


def skew_angle(gray: np.ndarray, settings: OcrSettings = SETTINGS) -> float:
    """The angle (degrees) that makes the ink's rows sharpest: the text lines and rules of
    a page are horizontal, so their projection onto the vertical axis is peakiest when
    the page is straight. Coarse search over ±max_skew, then a fine one around the best."""
    import cv2

    scale = min(1.0, 2000 / max(gray.shape))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ys, xs = np.nonzero(small < 128)
    if len(xs) < 50:
        return 0.0
    if len(xs) > 200_000:
        pick = np.random.default_rng(0).choice(len(xs), 200_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    xs = xs - small.shape[1] / 2
    ys = ys.astype(np.float64)
    height = small.shape[0] + small.shape[1]

    def sharpness(angle: float) -> float:
        t = np.radians(angle)
        rows = np.round(ys * np.cos(t) - xs * np.sin(t)).astype(np.int64) + small.shape[1]
        counts = np.bincount(rows, minlength=height + small.shape[1])
        return float(np.dot(counts, counts))

    best = max(np.arange(-settings.max_skew, settings.max_skew + 1e-9, 0.25), key=sharpness)
    fine = np.arange(best - 0.25, best + 0.25 + 1e-9, settings.skew_step)
    return float(max(fine, key=sharpness))


def straighten(gray: np.ndarray, angle: float) -> np.ndarray:
    """The page turned by `angle` degrees about its centre, white where nothing was."""
    import cv2

    if abs(angle) < 1e-3:
        return gray
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(
        gray, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
        borderValue=255,
    )  # fmt: skip


@cache
def _api(lang: str, path: str) -> Any:
    """One Tesseract engine per process (loading the model costs ~0.2 s)."""
    import tesserocr

    return tesserocr.PyTessBaseAPI(path=path, lang=lang, psm=tesserocr.PSM.AUTO)


def ocr_words(gray: np.ndarray, dpi: int, settings: OcrSettings = SETTINGS) -> list[dict]:
    """Tesseract's words on a straightened page, in PDF points, each with its confidence
    and the height of its text line (what a text PDF calls the font size)."""
    import tesserocr
    from PIL import Image

    api = _api(settings.lang, tessdata_dir())
    api.SetImage(Image.fromarray(gray))
    api.SetSourceResolution(dpi)
    api.Recognize()
    k = 72 / dpi
    words: list[dict[str, Any]] = []
    iterator = api.GetIterator()
    level = tesserocr.RIL.WORD
    if iterator is None:
        return words
    row: tuple[float, float, float, float, float] | None = None  # baseline, its slope, sizes
    rows: list[list[tuple[dict[str, Any], float]]] = []  # each row's words and baselines
    while True:
        if iterator.IsAtBeginningOf(tesserocr.RIL.TEXTLINE):
            rows.append([])
            row = _row(iterator, tesserocr.RIL.TEXTLINE)
        try:
            text = iterator.GetUTF8Text(level)
        except RuntimeError:  # "No text returned": an empty page or an empty block
            text = None
        box = iterator.BoundingBox(level) if text else None
        if text and text.strip() and box:
            x0, y0, x1, y1 = box
            top, bottom = float(y0), float(y1)
            base = None
            if row is not None:  # the row's font box, not the ink's (specks, accents)
                bx, by, slope, ascent, descent = row
                base = by + slope * ((x0 + x1) / 2 - bx)
                top, bottom = base - ascent, base + descent
            word = {
                "text": text.strip(),
                "x0": x0 * k,
                "x1": x1 * k,
                "top": top * k,
                "bottom": bottom * k,
                "size": (bottom - top) * k,
                "fontname": "",
                "conf": round(float(iterator.Confidence(level)), 1),
                "ink": (x0 * k, y0 * k, x1 * k, y1 * k),  # where its pixels are
            }
            if base is not None:
                word["base"] = base * k  # its row's baseline at the word
            words.append(word)
            if base is not None and rows:
                rows[-1].append((word, base * k))
        if not iterator.Next(level):
            break
    api.Clear()
    for line in rows:
        _fit_row(line, settings)
    _even_rows(rows, settings)
    return words


def _even_rows(rows: list[list[tuple[dict[str, Any], float]]], settings: OcrSettings) -> None:
    """Rows of one font size as high as each other, as a PDF's font box is: Tesseract's
    height of each row varies with its letters (an "Å", no descender), and the gap
    between two rows is what tells a new paragraph from a wrapped line."""
    lines = [line for line in rows if line]
    if len(lines) < 3:
        return
    ascents = [line[0][1] - line[0][0]["top"] for line in lines]  # baseline - top
    ascent = float(np.median(ascents))
    descent = float(np.median([line[0][0]["bottom"] - line[0][1] for line in lines]))
    for line, own in zip(lines, ascents, strict=True):
        if abs(own / ascent - 1) > settings.row_even:
            continue  # another font size: a heading, a footnote
        for word, base in line:
            word["top"], word["bottom"] = base - ascent, base + descent
            word["size"] = ascent + descent


def _fit_row(line: list[tuple[dict[str, Any], float]], settings: OcrSettings) -> None:
    """A row Tesseract made of a line of text and the answer boxes beside it (taller than
    the letters) is as high as its letters: otherwise it reaches into the line above."""
    tallest = [
        base - word["ink"][1]
        for word, base in line
        if sum(ch.isalnum() for ch in word["text"]) >= 3 and word["conf"] >= 60
    ]
    if not tallest:
        return
    ascent = settings.row_slack * max(tallest)
    for word, base in line:
        if base - word["top"] > ascent:
            word["top"] = base - ascent
            word["size"] = word["bottom"] - word["top"]


def _row(iterator: Any, level: int) -> tuple[float, float, float, float, float] | None:
    """A text line's baseline (a point and its slope) and its ascent and descent in pixels."""
    baseline = iterator.Baseline(level)
    attrs = iterator.RowAttributes()
    if not baseline or not attrs:
        return None
    (bx0, by0), (bx1, by1) = baseline
    slope = (by1 - by0) / (bx1 - bx0) if bx1 != bx0 else 0.0
    ascent = float(attrs["row_height"])
    descent = max(0.0, -float(attrs["descenders"]))
    if ascent <= 0:
        return None
    return float(bx0), float(by0), slope, ascent, descent


def read_scanned_page(
    pdf_bytes: bytes, index: int, width: float, height: float, settings: OcrSettings = SETTINGS
) -> OcrPage:
    """Render, straighten and read one scanned page (0-based `index`)."""
    gray = render_page(pdf_bytes, index, settings.dpi)
    source = scan_source(pdf_bytes, index)
    angle = skew_angle(gray, settings)
    gray = straighten(gray, angle)
    scale = settings.dpi / 72
    clean = erase_rules(gray, scale, settings)  # what Tesseract and the answer marks see
    pens, inked = pen_crosses(clean, scale)  # a hand cross over the text is no text
    clean = clean if inked is None else inked
    page = OcrPage(index + 1, width, height, angle, settings.dpi, image=clean, pens=pens)
    words = ocr_words(
        _smooth(close_gaps(clean, source, settings), settings), settings.dpi, settings
    )
    page.words = reread_figures(words, gray, settings.dpi, tessdata_dir(), clean=clean)
    reread_unsure(page.words, gray, settings.dpi, tessdata_dir(), settings.lang)
    mark_bold(page.words, clean, page.scale, settings)
    return page


def erase_rules(gray: np.ndarray, scale: float, settings: OcrSettings = SETTINGS) -> np.ndarray:
    """The page with its table rules painted white. A rule is a long straight stretch that
    is nearly all ink (a scanned rule is ragged and broken by noise) with paper on both
    sides of it: a line of text, even bold, is never that dense that long, and a filled
    area (a shaded cell, a bar) has ink beside it."""
    import cv2

    ink = (gray < 160).astype(np.uint8)
    side = max(2, round(settings.rule_width * scale))
    found = np.zeros_like(ink)
    for length, axis in ((settings.rule_length, 0), (settings.rule_height, 1)):
        run = max(5, round(length * scale))
        along = (run, 1) if axis == 0 else (1, run)  # OpenCV's (width, height)
        density = cv2.blur(ink.astype(np.float32), along)
        paper = density <= settings.rule_paper
        centre = (
            (density >= settings.rule_density)
            & np.roll(paper, side, axis=axis)
            & np.roll(paper, -side, axis=axis)
        )
        # the rule's own rows (its blurred edges too): a descender crossing it keeps the
        # rest of its stroke
        own = density >= settings.rule_edge
        across = (1, 2 * side + 1) if axis == 0 else (2 * side + 1, 1)
        rows = cv2.dilate(centre.astype(np.uint8), np.ones(across[::-1], np.uint8)) & own
        found |= cv2.dilate(rows, np.ones(along[::-1], np.uint8)) & ink
    if not found.any():
        return gray
    out = gray.copy()
    out[cv2.dilate(found, np.ones((3, 3), np.uint8)).astype(bool)] = 255
    return out


def close_gaps(
    gray: np.ndarray, source: ScanSource, settings: OcrSettings = SETTINGS
) -> np.ndarray:
    """A coarse black-and-white scan with the gaps its threshold broke into thin vertical
    strokes closed (a closing of the ink along the vertical, the gap plus a pixel long;
    OpenCV's even kernel moves a stroke's ends by a pixel, which measured best);
    a gray scan, whose strokes fade instead of breaking, and a finer one as they are."""
    import cv2

    if not source.bilevel or not 0 < source.dpi < settings.close_dpi:
        return gray
    length = 1 + round(settings.close_gaps * settings.dpi / source.dpi)
    if length < 2:
        return gray
    return cv2.morphologyEx(gray, cv2.MORPH_OPEN, np.ones((length, 1), np.uint8))  # ink closed


def _smooth(gray: np.ndarray, settings: OcrSettings) -> np.ndarray:
    import cv2

    if settings.blur <= 0:
        return gray
    return cv2.GaussianBlur(gray, (0, 0), settings.blur * settings.dpi / 300)


def mark_bold(
    words: list[dict[str, Any]], gray: np.ndarray, scale: float, settings: OcrSettings = SETTINGS
) -> None:
    """Tesseract's LSTM model reports no fonts, but the questionnaire reader tells a bold
    question from its regular comment. A bold word's strokes are thicker: the mean distance
    of its ink to the paper (a distance transform) is well above the page's typical word."""
    import cv2

    ink = (gray < 128).astype(np.uint8)
    distance = cv2.distanceTransform(ink, cv2.DIST_L2, 3)
    widths = []
    for w in words:
        x0, top, x1, bottom = (round(v * scale) for v in w["ink"])
        patch = distance[top:bottom, x0:x1]
        values = patch[patch > 0]
        widths.append(float(values.mean()) if values.size >= 20 else None)
    known = sorted(v for v in widths if v is not None)
    if not known:
        return
    typical = known[len(known) // 2]
    for w, width in zip(words, widths, strict=True):
        if width is not None and width >= settings.bold_stroke * typical:
            w["fontname"] = "OCR-Bold"


def check_readable(pages: list[OcrPage], filename: str, settings: OcrSettings = SETTINGS) -> None:
    """A scan with no words, or words Tesseract itself does not trust, is `ocr_failed`."""
    words = [w for p in pages for w in p.words]
    if not words:
        reason = ERROR_REASONS["ocr_no_words"].format(pages=len(pages))
        raise ExtractionError("ocr_failed", reason, filename)
    mean = sum(w["conf"] for w in words) / len(words)
    if mean < settings.unreadable_confidence:
        reason = ERROR_REASONS["ocr_unreadable"].format(
            mean=mean, limit=settings.unreadable_confidence
        )
        raise ExtractionError("ocr_failed", reason, filename)
