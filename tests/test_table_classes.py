"""One PDF per failure class of issue 11, built from a spec that is its ground truth; every
cell the reader returns is compared with the spec's (label, header, measure, year, value)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommunkoll.extractors import extract_pdf
from kommunkoll.vocabulary import MNKR, OVRIGT, PERSONALOMSATTNING, TKR

from .table_pdf import Spec, build

Y = 2025
DRIFT_KEYS = [
    ("budget", Y), ("prognos", Y), ("avvikelse", Y), ("utfall", Y), ("utfall", Y - 1),
    ("differens", Y),
]  # fmt: skip
DRIFT_HEADERS = [
    "Budget\nhelår 2025", "Prognos\n2025", "Avvikelse\nmot budget", "Utfall jan–\naug 2025",
    "Utfall jan–\naug 2024", "Förändring",
]  # fmt: skip
DRIFT_ROWS = [
    ("Verksamhetens intäkter", [212282, 257782, 45500, 173150, 157278, 15872]),
    ("Personalkostnader", [-500000, -510000, -10000, -330000, -320000, -10000]),
    ("Övriga kostnader", [-100000, -98000, 2000, -60000, -61000, 1000]),
    ("Summa kostnader", [-600000, -608000, -8000, -390000, -381000, -9000]),
    ("Nettokostnad", [-387718, -350218, 37500, -216850, -223722, 6872]),
    ("Budgetram", [387718, 387718, 0, 258479, 250000, 8479]),
    ("Finansnetto", [0, -2, None, -4, 3, None]),  # blank cells: the table goes on
    ("Resultat", [0, 37498, 37498, 41625, 26281, 15344]),
]


def drift(**changes: object) -> Spec:
    spec = Spec(
        "drift", "Driftredovisning", TKR, "Belopp (tkr)", list(DRIFT_HEADERS),
        list(DRIFT_KEYS), list(DRIFT_ROWS), bold={"Summa kostnader", "Resultat"},
    )  # fmt: skip
    for name, value in changes.items():
        setattr(spec, name, value)
    return spec


def _wrapped(rows: list) -> list:
    names = {"Verksamhetens intäkter": "Verksamhetens\nintäkter"}
    names["Summa kostnader"] = "Summa verksamhetens\nkostnader"
    return [(names.get(label, label), values) for label, values in rows]


def _mnkr(rows: list) -> list:
    return [(lb, [None if v is None else round(v / 1000, 1) for v in vs]) for lb, vs in rows]


CASES = {
    "blank_cells": [drift()],
    "label_wrapped_numbers_last": [drift(title="Drift", stub="Tkr", rows=_wrapped(DRIFT_ROWS))],
    "label_wrapped_numbers_first": [
        drift(rows=_wrapped(DRIFT_ROWS), numbers_on_last_line=False, rules=True)
    ],
    "other_vocabulary_mnkr": [
        drift(title="Resultaträkning", stub="Mnkr", unit=MNKR, decimals=1, rows=_mnkr(DRIFT_ROWS))
    ],
    "staff_headers_on_title_line": [
        Spec(
            PERSONALOMSATTNING,
            "Personalomsättning externt",
            "procent",
            "",
            ["2025", "2024", "Differens (%)"],
            [("utfall", Y), ("utfall", Y - 1), ("differens", Y)],
            [
                ("Undersköterskor och\nvårdbiträden", [8.3, 9.1, -0.8]),
                ("Sjuksköterskor", [12.0, 10.5, 1.5]),
                ("Totalt", [9.0, 9.6, -0.6]),
            ],
            decimals=1,
            title_carries_headers=True,
        )
    ],
    "ovrigt_unknown_headers": [
        Spec(
            OVRIGT,
            "Nyckeltal",
            None,
            "",  # type: ignore[arg-type]
            ["Antal\n2025", "Antal\n2024", "Kostnad per\nbrukare"],
            [(None, 2025), (None, 2024), (None, None)],
            [("Hemtjänst", [512, 498, 2300]), ("Särskilt boende", [301, 310, 5400])],
        )
    ],
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_cell_of_a_table_built_for_the_failure_class(tmp_path: Path, case: str) -> None:
    specs = CASES[case]
    extraction = extract_pdf(build(tmp_path / f"{case}.pdf", specs))
    got = [
        (r.label, c.header, c.measure, c.year, c.value)
        for t in extraction.tables
        for r in t.rows
        for c in r.cells
    ]
    assert got == [cell for spec in specs for cell in spec.truth()]
    assert [(t.kind, t.unit) for t in extraction.tables] == [(s.kind, s.unit) for s in specs]
    assert [w for w in extraction.warnings if "räknekontroll" in w] == []
