"""Marks from pixels and the deskew, on images drawn here with a known truth.

Each test draws a page: answer boxes (empty, crossed, ticked, filled), a hand-drawn cross
with no box, table rules and a line of text, turned by a known angle and given noise and
blur, then asks the OCR path's pixel readers what they see.
"""

from __future__ import annotations

import math
import random

import cv2
import numpy as np
import pytest

from kommunkoll.extractors.ocr import skew_angle, straighten
from kommunkoll.extractors.pixel_marks import find_marks

DPI = 300
SCALE = DPI / 72  # pixels per point


def _page() -> np.ndarray:
    return np.full((round(842 * SCALE), round(595 * SCALE)), 255, np.uint8)


def _pt(x: float, y: float) -> tuple[int, int]:
    return round(x * SCALE), round(y * SCALE)


def _box(img: np.ndarray, x: float, y: float, size: float, mark: str) -> None:
    """A printed box at (x, y) points, `size` points wide, with `mark` in it."""
    cv2.rectangle(img, _pt(x, y), _pt(x + size, y + size), 0, max(2, round(0.8 * SCALE)))
    inset = size * 0.2
    if mark == "cross":
        cv2.line(img, _pt(x + inset, y + inset), _pt(x + size - inset, y + size - inset), 0, 4)
        cv2.line(img, _pt(x + inset, y + size - inset), _pt(x + size - inset, y + inset), 0, 4)
    elif mark == "tick":
        cv2.line(img, _pt(x + inset, y + size / 2), _pt(x + size / 2.5, y + size - inset), 0, 4)
        cv2.line(img, _pt(x + size / 2.5, y + size - inset), _pt(x + size - inset, y + inset), 0, 4)
    elif mark == "filled":
        cv2.rectangle(
            img, _pt(x + inset, y + inset), _pt(x + size - inset, y + size - inset), 0, -1
        )


def _hand_cross(img: np.ndarray, cx: float, cy: float, size: float, rng: random.Random) -> None:
    for sign in (1, -1):
        pts = []
        bend = rng.uniform(-0.1, 0.1) * size
        for k in range(11):
            t = k / 10
            x = cx - size / 2 + size * t
            y = cy - sign * size / 2 + sign * size * t + bend * math.sin(math.pi * t)
            pts.append(_pt(x, y))
        cv2.polylines(img, [np.array(pts, np.int32)], False, 20, 5)


def _scan(img: np.ndarray, angle: float, seed: int) -> np.ndarray:
    """Turn by `angle` degrees, blur and add noise: what a scanner hands back."""
    h, w = img.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    turned = cv2.warpAffine(img, matrix, (w, h), borderValue=255)
    blurred = cv2.GaussianBlur(turned, (5, 5), 1.0)
    noise = np.random.default_rng(seed).normal(0, 12, img.shape)
    return np.clip(blurred + noise, 0, 255).astype(np.uint8)


# (row y, column x, mark) in points; the truth of every box on the drawn page.
ROWS = [
    (200, [("empty", 400), ("cross", 440), ("empty", 480), ("empty", 520)]),
    (260, [("tick", 400), ("empty", 440), ("empty", 480), ("empty", 520)]),
    (320, [("empty", 400), ("empty", 440), ("filled", 480), ("empty", 520)]),
    (380, [("cross", 400), ("empty", 440), ("empty", 480), ("cross", 520)]),  # two marked
]


def _questionnaire(rng: random.Random) -> np.ndarray:
    img = _page()
    for y, boxes in ROWS:
        cv2.line(img, _pt(60, y - 12), _pt(560, y - 12), 0, 2)  # the table's rule above the row
        cv2.putText(
            img, "Har nämnden fastställt", _pt(70, y + 8), cv2.FONT_HERSHEY_SIMPLEX, 1.6, 0, 3
        )
        for mark, x in boxes:
            _box(img, x, y - 4, 10, mark)
    _hand_cross(img, 445, 447, 12, rng)  # a cross drawn by hand, no box under it
    cv2.line(img, _pt(390, 150), _pt(390, 480), 0, 2)  # a column rule through the zone
    return img


@pytest.mark.parametrize("angle", [0.0, 1.3, -1.8])
def test_boxes_and_marks_survive_rotation_noise_and_blur(angle: float) -> None:
    rng = random.Random(13)
    gray = _scan(_questionnaire(rng), angle, seed=13)
    gray = straighten(gray, skew_angle(gray))
    marks = find_marks(gray, SCALE, [], [(385.0, 150.0, 545.0, 480.0)])
    seen: dict[tuple[int, int], bool] = {}
    row_ys = [y for y, _ in ROWS] + [447]  # the boxed rows, then the hand-drawn cross
    for m in marks:
        cx, cy = m.box.centre
        row = min(range(len(row_ys)), key=lambda i: abs(row_ys[i] - cy))
        column = min(range(4), key=lambda i: abs(405 + 40 * i - cx))
        assert (row, column) not in seen, f"two marks at row {row}, column {column}"
        seen[(row, column)] = m.box.on
    expected = {
        (r, c): mark != "empty"
        for r, (_, boxes) in enumerate(ROWS)
        for c, (mark, _) in enumerate(boxes)
    }
    expected[(len(ROWS), 1)] = True  # the hand-drawn cross at x 445
    # Rotation about the page centre moves boxes a few points; the straightened page puts
    # them back, so every box is found where it was drawn, with the right state.
    assert seen == expected


@pytest.mark.parametrize("angle", [0.6, -1.2, 2.0, -2.9])
def test_skew_is_measured_within_a_tenth_of_a_degree(angle: float) -> None:
    img = _page()
    for k in range(30):
        y = 100 + 22 * k
        cv2.putText(
            img,
            "Budgeten foljs upp genom rapporter",
            _pt(60, y),
            cv2.FONT_HERSHEY_SIMPLEX,
            1.5,
            0,
            3,
        )
    gray = _scan(img, angle, seed=7)
    # The angle that turns the page straight again: the opposite of the scanner's.
    assert skew_angle(gray) == pytest.approx(-angle, abs=0.1)


def test_short_cell_borders_between_the_boxes_are_no_marks() -> None:
    """A question row shorter than the table's long rules: its cell borders between the
    answer columns are short straight pieces, and a scan leaves bits of the rule above."""
    rng = random.Random(21)
    img = _questionnaire(rng)
    for y, _ in ROWS:
        for x in (430, 470, 510):
            cv2.line(img, _pt(x, y - 12), _pt(x, y + 2), 0, 2)  # 14 points: under a rule's length
            for dx in (-3.5, 2.0):  # bits of a broken rule the rule removal left at its top
                cv2.line(img, _pt(x + dx, y - 10.5), _pt(x + dx + 1.5, y - 10.5), 0, 2)
    gray = _scan(img, 0.0, seed=21)
    marks = find_marks(gray, SCALE, [], [(385.0, 150.0, 545.0, 480.0)])
    on = sorted((round(m.box.centre[1]), round(m.box.centre[0])) for m in marks if m.box.on)
    drawn = [(y + 1, x + 5) for y, boxes in ROWS for mark, x in boxes if mark != "empty"]
    drawn.append((447, 445))  # the hand-drawn cross
    assert len(on) == len(drawn)
    for (y, x), (ty, tx) in zip(on, sorted(drawn), strict=True):
        assert abs(y - ty) <= 3 and abs(x - tx) <= 3


def test_table_rules_are_erased_before_ocr_and_the_text_is_kept() -> None:
    """Tesseract reads a cell border beside a word as a letter: the rules go, every letter
    (bold, with descenders touching the rule under it) stays."""
    from kommunkoll.extractors.ocr import erase_rules

    text = _page()
    for k, (weight, y) in enumerate([(3, 150), (5, 190), (3, 230)]):
        cv2.putText(
            text, f"Verksamhetsstyrning och uppfoljning {k}", _pt(70, y),
            cv2.FONT_HERSHEY_SIMPLEX, 1.6, 0, weight,
        )  # fmt: skip
    rules = _page()
    for y in (125, 196, 236):  # the rule under the second line touches its descenders
        cv2.line(rules, _pt(60, y), _pt(560, y), 0, 3)
    for x in (60, 390, 560):
        cv2.line(rules, _pt(x, 125), _pt(x, 236), 0, 3)
    gray = _scan(np.minimum(text, rules), 0.0, seed=5)
    erased = erase_rules(gray, SCALE) < 128
    rule_ink = (rules < 128) & (text > 128)
    text_ink = text < 128
    assert erased[rule_ink].mean() < 0.02  # the rules are gone...
    assert erased[text_ink].mean() > 0.95  # ...the letters are not
