"""Swedish words the comparison surfaces print (terminal, web, Excel), spelled once.

Waiting to move into `kommunkoll/vocabulary.py` when that lands.
"""

from __future__ import annotations

CHANGE_UP = "ökning"
CHANGE_DOWN = "minskning"
CHANGE_NONE = "oförändrad"
POINTS = "procentenheter"  # a rate's change
REPORT_OF_YEAR = "{year} års rapport"
RESTATED = "omräknat"
RESTATED_NOTE = (
    "* omräknat: en senare rapport anger årets värde annorlunda än en tidigare; "
    "senaste rapportens värde visas"
)

MATRIX_TITLE = "{questions} frågor, {changes} ändrade svar"
MATRIX_PART = "del {part} av {parts}"
MATRIX_TOO_WIDE = (
    "Alla kolumner ryms inte i terminalens bredd: tabellen visas i {parts} delar "
    "(--xlsx FIL ger allt i ett kalkylblad)."
)
ANSWER_WAS = "var {answer}"
COLUMN_NUMBER = "Nr"
COLUMN_QUESTION = "Fråga (senaste lydelse)"
CHANGES_TITLE = "{changes} ändrade svar"
CHANGES_COLUMNS = ("Kommun / nämnd", "Nr", "Fråga", "Före", "Nu")
FIGURE_COLUMNS = ("Kommun", "Nämnd", "År", "Värde", "Förändring", "%", "Källa")
SOURCE = "rapport {year} s.\u00a0{page}"
UNIT_NAMES = {"procent": "%"}
NO_ANSWERS = "Inga enkätsvar matchar{filters}."
NO_CHANGES = "Inga ändrade svar{filters}."
NO_FIGURES = "Inga värden matchar{filters}."
