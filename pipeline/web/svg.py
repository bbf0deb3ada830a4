"""Trend charts drawn on the server as plain SVG: no chart library, nothing from a network."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

from kommunkoll.vocabulary import NO_VALUES_TO_DRAW, UNITS, name_of

COLOURS = ("#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#16a085", "#7f8c8d")


def nice_step(rough: float) -> float:
    """A round step (1, 2 or 5 times a power of ten) at least `rough`, for readable ticks."""
    if rough <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(rough))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= rough)


def _nice(value: float, decimals: int = 0) -> str:
    text = f"{abs(value):,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    return ("\u2212" if value < 0 else "") + text


def line_chart(
    series: Mapping[str, Sequence[tuple[int, float | None]]],
    unit: str,
    width: int = 760,
    height: int = 360,
) -> str:
    """One line per series over the years; each point carries its value in a <title>."""
    points = [(x, y) for s in series.values() for x, y in s if y is not None]
    if not points:
        return f'<p class="empty">{NO_VALUES_TO_DRAW}</p>'
    left, right, top, bottom = 90, 20, 28, 40
    legend_top = height
    height += 18 * len(series) + 10
    years = sorted({x for x, _ in points})
    low, high = min(y for _, y in points), max(y for _, y in points)
    low, high = min(low, 0) if low >= 0 else low, max(high, 0) if high <= 0 else high
    step = nice_step((high - low) / 4)
    low, high = math.floor(low / step) * step, math.ceil(high / step) * step
    span = (high - low) or 1.0
    decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0

    def sx(year: int) -> float:
        if len(years) == 1:
            return left + (width - left - right) / 2
        return left + (years.index(year)) / (len(years) - 1) * (width - left - right)

    def sy(value: float) -> float:
        return top + (high - value) / span * (legend_top - top - bottom)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="Trend ({escape(unit)})">'
    ]
    for i in range(round(span / step) + 1):
        value = low + step * i
        y = sy(value)
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="tick">'
            f"{_nice(value, decimals)}</text>"
        )
    parts.append(
        f'<text x="{left - 6}" y="{top - 6}" text-anchor="end" class="axis-unit">'
        f"{escape(name_of(UNITS, unit))}</text>"
    )
    for year in years:
        parts.append(
            f'<text x="{sx(year):.1f}" y="{legend_top - bottom + 20}" text-anchor="middle" '
            f'class="tick">{year}</text>'
        )
    for i, (name, values) in enumerate(series.items()):
        colour = COLOURS[i % len(COLOURS)]
        known = [(x, y) for x, y in values if y is not None]
        path = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in known)
        parts.append(
            f'<g class="series" data-name="{escape(name)}"><polyline points="{path}" '
            f'fill="none" stroke="{colour}" stroke-width="2.5"/>'
        )
        for x, y in known:
            parts.append(
                f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="4" fill="{colour}" '
                f'data-year="{x}" data-value="{y:g}"><title>{escape(name)} {x}: '
                f"{_nice(y, 1 if unit != 'tkr' else 0)} {escape(unit)}</title></circle>"
            )
        y = legend_top + 18 * i
        parts.append(
            f'<rect x="{left}" y="{y}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{left + 18}" y="{y + 11}" class="legend">{escape(name)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
