"""A nämnd's årsredovisning: read like a delårsbokslut (the same tables and internkontroll),
but every outcome it prints covers the whole year: "Bokslut 2025" and "Utfall helår" read as
measure `bokslut` by their header, and so does a plain "Utfall 2025" or "2025" here, so that
`compare figures --measure utfall,bokslut` puts a delår against its whole year and a series
of `utfall` never mixes eight months with twelve."""

from __future__ import annotations

from collections.abc import Sequence

from kommunkoll.vocabulary import ARSREDOVISNING, BOKSLUT

from ..layout import Page
from . import Parts, delarsbokslut, title_score

KIND = ARSREDOVISNING
BOXES = False


def recognise(pages: Sequence[Page]) -> float:
    return title_score(pages, KIND)


def read(pages: Sequence[Page], year: int) -> Parts:
    return delarsbokslut.read(pages, year, outcome=BOKSLUT)
