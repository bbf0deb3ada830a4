"""A nämnd's årsredovisning: read like a delårsbokslut (the same tables and internkontroll),
but its outcome columns cover the whole year ("Bokslut 2025", "Utfall helår": measure
`bokslut`), which `compare figures` puts against the delårsbokslut's `utfall`."""

from __future__ import annotations

from collections.abc import Sequence

from kommunkoll.vocabulary import ARSREDOVISNING

from ..layout import Page
from . import delarsbokslut, title_score

KIND = ARSREDOVISNING
BOXES = False
read = delarsbokslut.read


def recognise(pages: Sequence[Page]) -> float:
    return title_score(pages, KIND)
