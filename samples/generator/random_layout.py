"""A delårsbokslut template drawn at random from a seed: what differs between kommuner.

`draw(seed)` returns a `Layout`; every field is one way real reports differ (wording, column
order, unit, rules, wraps, splits, fonts, producer). Keyword arguments force fields, so a
test can ask for one feature (`draw(7, rules="tabs", label_wrap="last")`) while the rest of
the draw stays what the seed gives: every field is drawn first, then overridden.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, fields

from . import random_vocab as V

PRODUCERS = ("reportlab", "libreoffice", "chromium")
RULES = ("grid", "horizontal", "none", "tabs")
SPLITS = ("none", "repeat", "forts", "forts_repeat", "bare")
SEPARATOR_NAMES = {" ": "space", "\u00a0": "nbsp", "\u2009": "thin", "": "none"}
MINUS_NAMES = {"-": "hyphen", "\u2212": "u2212", "\u2013": "endash"}


@dataclass
class Layout:
    """One report template and the seed of its numbers."""

    seed: int
    producer: str = "reportlab"
    year: int = 2025
    kommun: str = "Alingsås"
    namnd: str = "Vård- och omsorgsnämnden"
    forvaltning: str = "Vård- och omsorgsförvaltningen"
    title_form: int = 0
    unit: str = "tkr"  # tkr, or mnkr printed with one decimal
    thousands_sep: str = " "  # " ", no-break, thin, or "" (none)
    minus: str = "-"  # "-", U+2212, U+2013
    rules: str = "grid"  # grid, horizontal, none, tabs (whitespace-aligned, no table object)
    font: str = "DejaVu Sans"
    font_size: float = 8.5
    drift_title: str = "Drift"
    stub: str = "Belopp i tkr"  # "" prints the unit in the title instead ("Drift, tkr")
    columns: list[str] = field(default_factory=list)  # Drift's column keys, printed order
    headers: dict[str, str] = field(default_factory=dict)  # key -> header form ("{y}")
    lines: dict[str, str] = field(default_factory=dict)  # Drift role -> printed label
    finansnetto: str = "full"  # full, blank (no budget/prognos), absent
    label_wrap: str = "none"  # none, first (numbers on the first line), last
    footnotes: bool = False
    bold_totals: bool = True
    investments: bool = True
    invest_title: str = "Investeringar"
    split: str = "none"  # how a table continues over a page break
    split_table: str = "drift"  # drift, investeringar, sjukfranvaro
    staff_headers: str = "years"  # a key of STAFF_HEADERS
    staff_title_line: bool = False  # "Personalomsättning externt 2025 2024 Differens (%)"
    percent: str = "none"  # "", "%", " %" after staff percentages (a key of PERCENT_FORMS)
    transposed_sick: bool = False  # sjukfrånvaro with its groups as columns
    extra: str | None = None  # an ovrigt table: verksamhet, nyckeltal, matt
    prose: int = 2  # paragraphs between sections
    name: str | None = None  # file stem; default random-<seed>-<producer>

    @property
    def features(self) -> list[str]:
        """The layout's notable traits, named for the benchmark's per-feature figures."""
        out = [f"producer:{self.producer}", f"rules:{self.rules}", f"unit:{self.unit}"]
        out.append("thousands:" + SEPARATOR_NAMES[self.thousands_sep])
        out.append("minus:" + MINUS_NAMES[self.minus])
        if self.label_wrap != "none":
            out.append(f"label_wrap:{self.label_wrap}")
        if any("\n" in self.headers[k] for k in self.columns):
            out.append("header_wrap")
        if self.finansnetto != "full":
            out.append(f"finansnetto:{self.finansnetto}")
        if self.columns != list(V.COLUMN_KEYS):
            out.append("column_order" if len(self.columns) == 6 else "column_subset")
        seed_forms = {k: V.HEADERS[k][0] for k in V.HEADERS}
        if any(self.headers[k] != seed_forms[k] for k in self.columns):
            out.append("header_vocabulary")
        if any(self.lines[r] != V.LINES[r][0] for r in self.lines):
            out.append("line_vocabulary")
        if self.stub not in ("Belopp i tkr",):
            out.append("stub:" + (self.stub or "blank"))
        if self.split != "none":
            out.append(f"split:{self.split}:{self.split_table}")
        if self.staff_title_line:
            out.append("staff_title_line")
        if self.transposed_sick:
            out.append("transposed_sick")
        out.append(f"staff_headers:{self.staff_headers}")
        out.append(f"percent:{self.percent}")
        if self.footnotes:
            out.append("footnotes")
        if not self.bold_totals:
            out.append("no_bold")
        if self.extra:
            out.append(f"ovrigt:{self.extra}")
        out.append("font:" + self.font.replace(" ", "_"))
        return out


KOMMUNER = [
    "Alingsås",
    "Lerum",
    "Borås",
    "Kungälv",
    "Mölndal",
    "Vänersborg",
    "Skövde",
    "Ljungby",
    "Gävle",
    "Östersund",
    "Härnösand",
    "Ystad",
]


def draw(seed: int, **force: object) -> Layout:
    """The template for `seed`; keyword arguments override drawn fields by name."""
    rng = random.Random(f"layout-{seed}")
    c = rng.choice
    namnd, forvaltning = c(V.NAMNDER)
    columns = list(V.COLUMN_KEYS)
    shape = rng.random()
    if shape < 0.35:
        rng.shuffle(columns)
    elif shape < 0.6:  # a subset, in the seed's order
        keep = rng.sample(columns, rng.randint(3, 5))
        columns = [k for k in columns if k in keep]
    unit = c(["tkr", "tkr", "mnkr"])
    wrap_headers = rng.random() < 0.4
    headers = {}
    for key, forms in V.HEADERS.items():
        forms_here = forms if wrap_headers else [f for f in forms if "\n" not in f]
        headers[key] = c(forms_here)
    stub = c([*V.STUBS[unit], ""])
    layout = Layout(
        seed=seed,
        producer=c(PRODUCERS),
        year=c([2023, 2024, 2025, 2026]),
        kommun=c(KOMMUNER),
        namnd=namnd,
        forvaltning=forvaltning,
        title_form=rng.randrange(3),
        unit=unit,
        thousands_sep=c([" ", " ", "\u00a0", "\u2009", ""]),
        minus=c(["-", "-", "\u2212", "\u2013"]),
        rules=c(RULES),
        font=c(V.FONTS),
        font_size=c([8.0, 8.5, 9.0, 9.5]),
        drift_title=c(V.DRIFT_TITLES),
        stub=stub,
        columns=columns,
        headers=headers,
        lines={
            role: c(forms) if rng.random() < 0.4 else forms[0] for role, forms in V.LINES.items()
        },
        finansnetto=c(["full", "blank", "blank", "absent"]),
        label_wrap=c(["none", "first", "last", "last"]),
        footnotes=rng.random() < 0.3,
        bold_totals=rng.random() < 0.7,
        investments=rng.random() < 0.8,
        invest_title=c(V.INVEST_TITLES),
        split=c(["none", "none", "repeat", "forts", "forts_repeat", "bare"]),
        split_table=c(["drift", "investeringar", "sjukfranvaro"]),
        staff_headers=c(list(V.STAFF_HEADERS)),
        staff_title_line=rng.random() < 0.35,
        percent=c(list(V.PERCENT_FORMS)),
        transposed_sick=rng.random() < 0.25,
        extra=c([None, None, "verksamhet", "nyckeltal", "matt"]),
        prose=rng.randint(1, 3),
    )
    names = {f.name for f in fields(Layout)}
    for key, value in force.items():
        if key not in names:
            raise TypeError(f"Layout has no field {key!r}")
        current = getattr(layout, key)
        if isinstance(current, dict) and isinstance(value, dict):  # forms for some keys only
            current.update(value)
        else:
            setattr(layout, key, value)
    if layout.unit not in V.STUBS:
        raise ValueError(f"unit must be tkr or mnkr, got {layout.unit!r}")
    if "stub" not in force and layout.stub and layout.stub not in V.STUBS[layout.unit]:
        layout.stub = V.STUBS[layout.unit][0]  # a forced unit keeps its stub truthful
    if layout.split_table == "investeringar" and not layout.investments:
        layout.investments = True
    return layout
