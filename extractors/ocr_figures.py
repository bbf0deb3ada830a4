"""The figures of a scanned table row read again, as figures, and their minus signs seen.

Tesseract reads a page of prose well but a row of table figures badly: its Swedish model
takes "%" for a digit ("7,9%" → "7,94"), a thin minus glued to the first digit vanishes
("-4 617" → "4617"), a minus becomes ":" or is dropped with the whole cell. A row of
figures (a line whose words from its first figure on are mostly figures) is therefore read
a second time: the strip from just left of its first figure to the page's right text edge,
enlarged, by a model that knows "%" well, told that only digits, signs, the decimal comma
and "%" can occur there. A minus the second reading still misses is found in the pixels: a
short, thin, horizontal stroke at the digits' middle height just left of a number.

Words that are not figures (a header's "budget", "2024/2025") keep their first reading.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from .layout import SETTINGS as LAYOUT
from .layout import Word, group_lines, phrases


@dataclass(frozen=True)
class FigureSettings:
    """Tolerances of the second reading (measured with benchmarks/ocr.py)."""

    lang: str = "eng"  # reads "%" and the minus sign of figures better than "swe"
    label_lang: str = "swe"  # a row's label is Swedish text
    # A row's label is read in these ways (upscale, blur, thinning) besides the first
    # reading; the text most readings agree on wins (then the most confident).
    label_variants: tuple[tuple[float, float, int], ...] = ((2, 1.5, 0), (2, 1.0, 3), (3, 1.0, 3))
    whitelist: str = "0123456789-,% "
    upscale: float = 2.0  # the strip enlarged: small figures read better
    blur: float = 1.5  # pixels of the enlarged strip: smooths a black-and-white scan
    lead: float = 0.6  # × font size left of the first figure: a sign the first reading lost
    trail: float = 0.4  # × font size beyond the page's right text edge
    pad: float = 0.15  # × font size above and below the line
    ink_pad: float = 0.05  # × font size around the row's ink, read again when `pad` gave nothing
    overlap: float = 0.5  # points a second reading may reach into the label before it
    # A minus sign in the pixels, as shares of the digits' height: its stroke lies between
    # `band` from the digits' top, is at most `thickness` thick, at least `length` long,
    # and ends no further than `reach` before the digits.
    band: tuple[float, float] = (0.35, 0.72)
    thickness: float = 0.25
    length: float = 0.18
    reach: float = 0.45
    # A second reading's box is cut to the ink in the middle of its row (less `ink_band`
    # of its height above and below): a reading Tesseract is unsure of may claim the paper
    # beside its digits, up to the next column. One whose box lost more than `blank_lead`
    # × size on its left (a sign is narrower than half of that) read its sign from paper,
    # so its sign is looked for in the pixels instead.
    ink_band: float = 0.3
    blank_lead: float = 1.0
    # A word Tesseract is less sure of than this is read once more on its own, enlarged;
    # the more confident reading wins.
    unsure: float = 75.0
    # Letters and digits a word alone (no word a word space away) needs to be read once
    # more: a shorter one is a speck or a mark in an answer box.
    unsure_chars: int = 3


FIGURE_SETTINGS = FigureSettings()
INK_LEVEL = 128  # a gray pixel darker than this is ink

# A figure as a first OCR reading may print it: a sign or what OCR makes of one (with
# noise: "=++-144"), then
# digits with commas, dots, colons, a "%", or a letter OCR put for a digit or a "%".
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_FIGURE = re.compile(r"^(?:[-−–—:;~=+«]{0,4}|[>»][-−–—])\d[\w,.:;%”“\"'’°]*$")
# A cell's rule OCR glued to its figure ("[0]", "|-862"): no part of the figure.
_RULE_EDGES = "|¦[]{}"
# What OCR makes of a "%" set apart from its figure ("5,4 N", "7,9 Yo", "-0,6 ”"): a word
# of one or two letters or quote marks, a word space after a figure with a decimal comma.
_PERCENT_READ = re.compile(r"^(?:[A-Za-z]{1,2}|[%”“\"'’°]{1,2}[.,:;]?)$")
_DECIMAL = re.compile(r"\d,\d")


def is_figure(text: str) -> bool:
    """A first reading that stands for a figure: mostly digits, no letter-word, no range
    ("1-14") or year pair ("2024/2025"). A quote mark is what OCR may make of a "%"
    ("8,4”0"), an em dash of a minus ("—1454"); a rule glued on is no part of it."""
    text = text.strip(_RULE_EDGES)
    if not _FIGURE.match(text):
        return False
    return 2 * sum(ch.isdigit() for ch in text) >= len(text.strip("-−–—:;~=+>»%”“\"'’°"))


def percent_read(text: str, before: str) -> bool:
    """A word OCR read for the "%" after the figure `before` (see `_PERCENT_READ`)."""
    return bool(_PERCENT_READ.match(text)) and is_figure(before) and bool(_DECIMAL.search(before))


def _junk(text: str) -> bool:
    """What OCR makes of a rule or a speck between two figures: no letter, no digit."""
    return not any(ch.isalnum() for ch in text)


@cache
def line_reader(lang: str, path: str, whitelist: str, block: bool = False) -> Any:
    """One engine per process for a second reading (a single text line, or a block), here
    and for scan_pages' second reading of a question number."""
    import tesserocr

    psm = tesserocr.PSM.SINGLE_BLOCK if block else tesserocr.PSM.SINGLE_LINE
    api = tesserocr.PyTessBaseAPI(path=path, lang=lang, psm=psm)
    if whitelist:
        api.SetVariable("tessedit_char_whitelist", whitelist)
    return api


def enlarged(
    patch: np.ndarray, settings: FigureSettings, border: int = 10, variant: tuple = ()
) -> Any:
    """The patch enlarged and smoothed; a `variant` (upscale, blur, thinning) instead of
    the settings' own. Thinning (a grey dilation) parts glyphs a scan let touch ("IT")."""
    import cv2
    from PIL import Image

    up, blur, thin = variant or (settings.upscale, settings.blur, 0)
    big = cv2.resize(patch, None, fx=up, fy=up, interpolation=cv2.INTER_CUBIC)
    if thin:
        big = cv2.dilate(big, np.ones((thin, thin), np.uint8))
    if blur > 0:
        big = cv2.GaussianBlur(big, (0, 0), blur)
    big = cv2.copyMakeBorder(big, border, border, border, border, cv2.BORDER_CONSTANT, value=255)
    return Image.fromarray(big)


def word_image(
    word: dict[str, Any],
    gray: np.ndarray,
    scale: float,
    settings: FigureSettings = FIGURE_SETTINGS,
    right: float | None = None,
) -> Any:
    """The word's ink on the page, padded (`pad`, reaching right no further than `right`)
    and enlarged for a second reading; None where that is no pixel."""
    pad = settings.pad * word["size"]
    x0, _, x1, _ = word["ink"]
    x1 = x1 + pad if right is None else min(x1 + pad, right)
    box = (x0 - pad, word["top"] - pad, x1, word["bottom"] + pad)
    px = [max(0, round(v * scale)) for v in box]
    patch = gray[px[1] : px[3], px[0] : px[2]]
    return None if patch.size == 0 else enlarged(patch, settings)


def read_image(api: Any, image: Any, dpi: int, settings: FigureSettings) -> tuple[str, float]:
    """A second reading's text and mean confidence, by `api` (`line_reader`)."""
    api.SetImage(image)
    api.SetSourceResolution(round(dpi * settings.upscale))
    text = api.GetUTF8Text().strip()
    conf = float(api.MeanTextConf())
    api.Clear()
    return text, conf


def reread_unsure(
    words: list[dict[str, Any]],
    gray: np.ndarray,
    dpi: int,
    tessdata: str,
    lang: str,
    settings: FigureSettings = FIGURE_SETTINGS,
) -> None:
    """Every word (in a phrase, or of at least `unsure_chars` letters and digits) read with
    less than `unsure` confidence, read again on its own and enlarged (a figure as a figure); the
    more confident reading is kept."""
    scale = dpi / 72
    in_phrase = _in_phrase(words)
    for w in words:
        if w["conf"] >= settings.unsure or w.get("reread"):
            continue
        if sum(ch.isalnum() for ch in w["text"]) < settings.unsure_chars and id(w) not in in_phrase:
            continue  # a speck, a mark alone in an answer box: what the answer marks judge
        figure = is_figure(w["text"])
        if figure:
            apis = [line_reader(settings.lang, tessdata, settings.whitelist)]
        elif all(ch.isalpha() for ch in w["text"]):
            apis = [line_reader(lang, tessdata, "")]
        else:  # "(%)", "§ 12": the figures' model knows their signs better
            apis = [line_reader(lang, tessdata, ""), line_reader(settings.lang, tessdata, "")]
        image = word_image(w, gray, scale, settings)
        if image is None:
            continue
        best = (w["text"], w["conf"])
        for api in apis:
            text, conf = read_image(api, image, dpi, settings)
            if not text or " " in text or figure != is_figure(text):
                continue
            # Swedish reads a "%" as digits ("(%)" → "(20)"), confidently: a "%" only the
            # figures' model sees is believed.
            percent = "%" in text and "%" not in best[0]
            if conf > best[1] or percent:
                best = (text, round(conf, 1))
        w["text"], w["conf"] = best


def _in_phrase(words: list[dict[str, Any]]) -> set[int]:
    """The words (by id) a word space from a neighbour on their line: part of a phrase."""
    wrapped = [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], w["size"]) for w in words]
    back = {id(v): words[i] for i, v in enumerate(wrapped)}
    near: set[int] = set()
    for line in group_lines(wrapped):
        for part in phrases(line.words):
            if len(part) > 1:
                near.update(id(back[id(v)]) for v in part)
    return near


def _figures_only(texts: list[str]) -> bool:
    """A phrase of figures, and the junk and "%" readings between them."""
    return all(
        is_figure(text) or _junk(text) or (k > 0 and percent_read(text, texts[k - 1]))
        for k, text in enumerate(texts)
    )


def figure_rows(words: list[dict[str, Any]]) -> list[tuple[list[dict], list[dict]]]:
    """The lines of a page that end in a row of figures: (the words before, the figures
    and the junk between them), when there are at least two figures. The row's label is
    every phrase (words a word space apart) up to the last one holding a word that is no
    figure: "Dag 60 >" is a label, "Kvinnor | 7,9% | 8,5%" a label and two figures."""
    wrapped = [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], w["size"]) for w in words]
    back = {id(v): words[i] for i, v in enumerate(wrapped)}
    rows = []
    for line in group_lines(wrapped):
        parts = phrases(line.words)
        start = len(parts)
        while start > 0 and _figures_only([w.text for w in parts[start - 1]]):
            start -= 1
        if start == 0 and len(parts) >= 3 and len(parts[0]) == 1 and _YEAR.match(parts[0][0].text):
            start = 1  # "2026 | 8,9% | 4,2% ...": a year naming the row (a transposed table)
        before = [back[id(w)] for part in parts[:start] for w in part]
        tail = [back[id(w)] for part in parts[start:] for w in part]
        if sum(is_figure(w["text"]) for w in tail) >= 2:
            rows.append((before, tail))
    return rows


def reread_figures(
    words: list[dict[str, Any]],
    gray: np.ndarray,
    dpi: int,
    tessdata: str,
    settings: FigureSettings = FIGURE_SETTINGS,
    clean: np.ndarray | None = None,
) -> list[dict[str, Any]]:
    """The page's words with every row of figures read again (see the module's doc);
    `clean` is the page with its rules erased, where a reading's box is fitted to its ink."""
    if not words:
        return words
    right = max(w["x1"] for w in words)
    out = list(words)
    for before, tail in figure_rows(words):
        label = _reread_label(before, gray, dpi / 72, tessdata, settings)
        if label:
            gone = {id(w) for w in before}
            out = [w for w in out if id(w) not in gone] + label
            before = label
        new = _reread_row(before, tail, gray, dpi / 72, right, tessdata, settings, clean)
        accepted = [w for w in new if _acceptable(w, before, tail, settings)]
        for w in accepted:
            _keep_comma(w, [t for t in tail if is_figure(t["text"]) and _overlap(w, t) > 0])
        replaced = {
            id(old)
            for k, old in enumerate(tail)
            if _junk(old["text"])
            or (k > 0 and percent_read(old["text"], tail[k - 1]["text"]))
            or any(_overlap(old, w) > 0 for w in accepted)
        }
        out = [w for w in out if id(w) not in replaced] + accepted
        for w in [*accepted, *(t for t in tail if id(t) not in replaced)]:
            if is_figure(w["text"]):
                w["text"] = w["text"].strip(_RULE_EDGES)
            w["text"] = _SIGN_READ.sub("-", w["text"])
    return out


# What OCR makes of a figure's minus sign: doubled ("--22 628"), with noise ("=++-144",
# "=-101 492"), or as a mark like it ("«357,3", ":302,5"); a figure prints one "-" there.
_SIGN_READ = re.compile(r"^(?:[-−–—=~«:;+>»]*[-−–—][-−–—=~«:;+]*|[=~«:;])(?=\d)")


def _reread_label(
    before: list[dict[str, Any]],
    gray: np.ndarray,
    scale: float,
    tessdata: str,
    settings: FigureSettings,
) -> list[dict[str, Any]]:
    """A row's label read again, enlarged, as a block: a label printed on two lines beside
    its figures ("Verksamhetens / nettokostnader") comes back as its two lines, where the
    first reading made one line of garbage of it. Read in several ways: the text most
    readings agree on wins; [] when that is the first reading."""
    if not before:
        return []
    size = max(w["size"] for w in before)
    pad = settings.pad * size
    x0 = min(w["ink"][0] for w in before) - pad
    x1 = max(w["ink"][2] for w in before) + pad
    y0 = min(min(w["ink"][1], w["top"]) for w in before) - pad
    y1 = max(max(w["ink"][3], w["bottom"]) for w in before) + pad
    px = [max(0, round(v * scale)) for v in (x0, y0, x1, y1)]
    patch = gray[px[1] : px[3], px[0] : px[2]]
    if patch.size == 0:
        return []
    readings = [before] + [
        _read_block(patch, px, scale, tessdata, settings, variant)
        for variant in settings.label_variants
    ]
    readings = [r for r in readings if r]
    votes: dict[str, list[list[dict[str, Any]]]] = {}
    for reading in readings:
        votes.setdefault(" ".join(w["text"] for w in reading), []).append(reading)

    def support(text: str) -> tuple[int, float]:
        group = votes[text]
        return len(group), max(sum(w["conf"] for w in r) / len(r) for r in group)

    winner = votes[max(votes, key=support)]
    best = max(winner, key=lambda r: sum(w["conf"] for w in r) / len(r))
    return [] if best is before else best


def _read_block(
    patch: np.ndarray,
    px: list[int],
    scale: float,
    tessdata: str,
    settings: FigureSettings,
    variant: tuple[float, float, int],
) -> list[dict[str, Any]]:
    """The words of a patch (at pixels `px` of the page) read as a block, in PDF points."""
    import tesserocr

    border, up = 10, variant[0]
    api = line_reader(settings.label_lang, tessdata, "", True)
    api.SetImage(enlarged(patch, settings, border, variant))
    api.SetSourceResolution(round(72 * scale * up))
    api.Recognize()
    k = 1 / (scale * up)
    ox, oy = px[0] / scale, px[1] / scale
    found: list[dict[str, Any]] = []
    iterator = api.GetIterator()
    line_box = None
    while iterator is not None:
        if iterator.IsAtBeginningOf(tesserocr.RIL.TEXTLINE):
            line_box = iterator.BoundingBox(tesserocr.RIL.TEXTLINE)
        try:
            text = (iterator.GetUTF8Text(tesserocr.RIL.WORD) or "").strip()
        except RuntimeError:
            text = ""
        box = iterator.BoundingBox(tesserocr.RIL.WORD) if text else None
        if text and box and line_box:
            bx0, by0, bx1, by1 = ((v - border) * k for v in box)
            top, bottom = ((v - border) * k for v in (line_box[1], line_box[3]))
            found.append(
                {
                    "text": text,
                    "x0": ox + bx0,
                    "x1": ox + bx1,
                    "top": oy + top,
                    "bottom": oy + bottom,
                    "size": bottom - top,
                    "fontname": "",
                    "conf": round(float(iterator.Confidence(tesserocr.RIL.WORD)), 1),
                    "ink": (ox + bx0, oy + by0, ox + bx1, oy + by1),
                    "reread": True,
                }
            )
        if not iterator.Next(tesserocr.RIL.WORD):
            break
    api.Clear()
    return found


def _keep_comma(word: dict[str, Any], first: list[dict[str, Any]]) -> None:
    """The decimal comma the first reading saw and the second lost ("9,42" and "94%" are
    "9,4%"): the two readings agree on the digits, only one saw the comma."""
    if len(first) != 1 or "," in word["text"] or "," not in first[0]["text"]:
        return
    sign = word["text"][:1] if word["text"][:1] == "-" else ""
    digits = word["text"][len(sign) :].rstrip("%")
    whole, _, _ = first[0]["text"].lstrip("-−–:;~=+").partition(",")
    seen = re.sub(r"\D", "", first[0]["text"])
    if (
        digits.isdigit()
        and whole.isdigit()
        and len(digits) > len(whole)
        and seen.startswith(digits)
    ):
        pct = "%" if word["text"].endswith("%") else ""
        word["text"] = f"{sign}{digits[: len(whole)]},{digits[len(whole) :]}{pct}"


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> float:
    return min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])


def _acceptable(
    word: dict[str, Any], before: list[dict], tail: list[dict], settings: FigureSettings
) -> bool:
    """A second reading that stays clear of the label and does not join two cells the
    first reading kept apart."""
    if any(_overlap(word, b) > settings.overlap for b in before):
        return False
    over = sorted(
        (t for t in tail if is_figure(t["text"]) and _overlap(word, t) > 0), key=lambda t: t["x0"]
    )
    gap = LAYOUT.phrase_gap * word["size"]
    return all(b["x0"] - a["x1"] <= gap for a, b in itertools.pairwise(over))


def _reread_row(
    before: list[dict[str, Any]],
    row: list[dict[str, Any]],
    gray: np.ndarray,
    scale: float,
    right: float,
    tessdata: str,
    settings: FigureSettings,
    clean: np.ndarray | None = None,
) -> list[dict[str, Any]]:
    """The strip of the row's figures read as figures, in PDF points. Read again cut to
    the row's own ink when it gives nothing: where rows stand close, the tops of the next
    row's glyphs in the strip's margin can make Tesseract read no line at all."""
    first = row[0]
    size = max(w["size"] for w in row)
    top = min(w["top"] for w in row)
    bottom = max(w["bottom"] for w in row)
    x0 = max(0.0, first["x0"] - settings.lead * size, *(b["x1"] + 1 for b in before))
    x1 = max(right, row[-1]["x1"]) + settings.trail * size
    y0, y1 = max(0.0, top - settings.pad * size), bottom + settings.pad * size
    found = _read_strip((x0, y0, x1, y1), (top, bottom, size), gray, scale, tessdata, settings)
    if not found and all(w.get("ink") for w in row):
        ink_top = min(w["ink"][1] for w in row) - settings.ink_pad * size
        ink_bottom = max(w["ink"][3] for w in row) + settings.ink_pad * size
        if ink_top > y0 or ink_bottom < y1:
            box = (x0, max(y0, ink_top), x1, min(y1, ink_bottom))
            found = _read_strip(box, (top, bottom, size), gray, scale, tessdata, settings)
    for word in found:
        _fit_ink(word, gray if clean is None else clean, scale, settings)
    found = _join_decimals([w for w in found if w["text"]])
    _restore_minus(found, gray, scale, settings)
    return found


def _read_strip(
    box: tuple[float, float, float, float],
    line: tuple[float, float, float],
    gray: np.ndarray,
    scale: float,
    tessdata: str,
    settings: FigureSettings,
) -> list[dict[str, Any]]:
    """The words of a strip of the page (`box`, PDF points) read as figures, each given
    the row's `line` (top, bottom, size)."""
    import tesserocr

    x0, y0, x1, y1 = box
    top, bottom, size = line
    px0, py0 = round(x0 * scale), round(y0 * scale)
    strip = gray[py0 : round(y1 * scale), px0 : round(x1 * scale)]
    if strip.size == 0:
        return []
    up, border = settings.upscale, 10
    api = line_reader(settings.lang, tessdata, settings.whitelist)
    api.SetImage(enlarged(strip, settings, border))
    api.SetSourceResolution(round(72 * scale * up))
    api.Recognize()
    iterator = api.GetIterator()
    level = tesserocr.RIL.WORD
    found: list[dict[str, Any]] = []
    if iterator is None:
        api.Clear()
        return []
    k = 1 / (scale * up)
    while True:
        try:
            text = (iterator.GetUTF8Text(level) or "").strip()
        except RuntimeError:
            text = ""
        bounds = iterator.BoundingBox(level) if text else None
        if text and bounds:
            bx0, by0, bx1, by1 = (v - border for v in bounds)
            ink = (x0 + bx0 * k, y0 + by0 * k, x0 + bx1 * k, y0 + by1 * k)
            found.append(
                {
                    "text": text,
                    "x0": ink[0],
                    "x1": ink[2],
                    "top": top,
                    "bottom": bottom,
                    "size": size,
                    "fontname": "",
                    "conf": round(float(iterator.Confidence(level)), 1),
                    "ink": ink,
                    "reread": True,  # read a second time: no speck, however unsure
                }
            )
        if not iterator.Next(level):
            break
    api.Clear()
    return found


def _join_decimals(words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A figure the reading split after its decimal comma ("8," and "3%" of "8,3%"), its
    parts closer than a word space: one word again."""
    out: list[dict[str, Any]] = []
    for w in words:
        last = out[-1] if out else None
        if (
            last is not None
            and last["text"].endswith(",")
            and last["text"][:-1][-1:].isdigit()
            and w["text"][:1].isdigit()
            and w["x0"] - last["x1"] <= LAYOUT.phrase_gap * w["size"]
        ):
            ink = (
                last["ink"][0],
                min(last["ink"][1], w["ink"][1]),
                w["ink"][2],
                max(last["ink"][3], w["ink"][3]),
            )
            out[-1] = {
                **last,
                "text": last["text"] + w["text"],
                "x1": w["x1"],
                "ink": ink,
                "conf": min(last["conf"], w["conf"]),
            }
            continue
        out.append(w)
    return out


def ink_in(
    image: np.ndarray, scale: float, bbox: tuple[float, float, float, float], band: float
) -> np.ndarray:
    """The ink (True) in a box of PDF points on a page image of `scale` pixels per point,
    less `band` of the box's height above and below: the middle of a row, where the rows
    above and below do not reach."""
    x0, top, x1, bottom = bbox
    height = bottom - top
    rows = round((top + band * height) * scale), round((bottom - band * height) * scale)
    patch = image[max(0, rows[0]) : rows[1], max(0, round(x0 * scale)) : round(x1 * scale)]
    return patch < INK_LEVEL


def _fit_ink(
    word: dict[str, Any], gray: np.ndarray, scale: float, settings: FigureSettings
) -> None:
    """The word's box cut to the ink it covers: Tesseract's box of a reading it is unsure
    of may reach over the paper to the next column ("35 381" boxed up to the figures right
    of it), which would join two columns in the table. A reading that printed a minus sign
    where its box held only paper loses it; `_restore_minus` puts back one the pixels show."""
    x0, y0, x1, y1 = word["ink"]
    band = ink_in(gray, scale, (x0, word["top"], x1, word["bottom"]), settings.ink_band)
    columns = np.flatnonzero(band.any(axis=0)) if band.size else np.array([])
    if columns.size == 0:
        word["text"] = ""  # read from paper or an erased rule: no figure there
        return
    left = max(0, round(x0 * scale))
    ink0 = (left + int(columns[0])) / scale
    ink1 = (left + int(columns[-1]) + 1) / scale
    if ink0 - x0 > settings.blank_lead * word["size"]:
        word["text"] = word["text"].lstrip("-")
    word["x0"], word["x1"] = max(x0, ink0), min(x1, ink1)
    word["ink"] = (word["x0"], y0, word["x1"], y1)


def _restore_minus(
    words: list[dict[str, Any]], gray: np.ndarray, scale: float, settings: FigureSettings
) -> None:
    """A "-" before each number whose minus sign the pixels show and the reading lost."""
    previous: dict[str, Any] | None = None
    for w in words:
        head = w["text"][:1].isdigit()
        continues = (
            previous is not None
            and previous["text"][-1:].isdigit()
            and w["x0"] - previous["x1"] <= LAYOUT.number_gap * w["size"]
            and re.fullmatch(r"\d{3}(?:,\d+)?%?", w["text"])
        )
        if head and not continues and has_minus(gray, w["ink"], scale, settings):
            w["text"] = "-" + w["text"]
        previous = w


def has_minus(
    gray: np.ndarray,
    ink: tuple[float, float, float, float],
    scale: float,
    settings: FigureSettings = FIGURE_SETTINGS,
) -> bool:
    """A short horizontal stroke at the digits' middle height, just left of (or glued to)
    the digits whose ink box (PDF points) is `ink`: a minus sign."""
    x0, top, _, bottom = (round(v * scale) for v in ink)
    h = bottom - top
    if h < 6:
        return False
    left = max(0, x0 - round(settings.reach * h) - round(settings.length * h))
    patch = gray[top:bottom, left : x0 + round(0.35 * h)] < INK_LEVEL
    lo, hi = round(settings.band[0] * h), round(settings.band[1] * h)
    run, best_end, best = 0, -1, 0
    for col in range(patch.shape[1]):
        rows = np.flatnonzero(patch[:, col])
        dash = (
            rows.size > 0
            and rows[0] >= lo
            and rows[-1] <= hi
            and rows[-1] - rows[0] + 1 <= settings.thickness * h
        )
        if dash:
            run += 1
            if run > best:
                best, best_end = run, col
        else:
            run = 0
    if best < settings.length * h:
        return False
    start = best_end - best + 1
    return start == 0 or not patch[:, start - 1].any()
