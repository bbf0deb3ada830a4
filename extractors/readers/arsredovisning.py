"""A nämnd's årsredovisning: read like a delårsbokslut (the same tables and internkontroll),
but its outcome columns cover the whole year ("Bokslut 2025", "Utfall helår": measure
`bokslut`), which `compare figures` puts against the delårsbokslut's `utfall`."""

from __future__ import annotations

from kommunkoll.vocabulary import ARSREDOVISNING

from ..pages import Pages
from . import delarsbokslut, title_score

KIND = ARSREDOVISNING
page_data = delarsbokslut.page_data
read = delarsbokslut.read


def recognise(pages: Pages) -> float:
    return title_score(pages, KIND)
