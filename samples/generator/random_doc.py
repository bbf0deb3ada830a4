"""A random `Layout` turned into what is printed, and the ground truth beside it.

Each table is built twice from the same numbers: the printed form (`PrintedTable`: texts in
printed order, wraps, splits, footnotes; what the three renderers draw) and the model
`Table` the expected JSON is written from (rows and cells in the contract's shape, so a
transposed table's truth has the groups as rows, as for any other sjukfrånvaro table).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import random_vocab as V
from .figures import Figures, FigureSpec, make_figures
from .model import Column, Delarsbokslut, Heading, Paragraph, Row, Table
from .model import Layout as ModelLayout
from .numbers import format_number
from .random_layout import Layout

SEED_LABEL = {  # Drift role -> the label figures.py keys its numbers by
    "intakter": "Verksamhetens intäkter",
    "personal": "Personalkostnader",
    "lokal": "Lokalhyror",
    "tjanster": "Köp av tjänster",
    "ovriga": "Övriga kostnader",
    "kostnader": "Verksamhetens kostnader",
    "netto": "Verksamhetens\nnettokostnader",
    "kommunbidrag": "Kommunbidrag",
    "finansnetto": "Finansnetto",
    "resultat": "Årets resultat",
}
KEYS = list(V.COLUMN_KEYS)  # figures.py's column order
MNKR_TOLERANCE = 0.1  # one unit of the last printed digit


@dataclass
class PrintedRow:
    label: str  # "\n" marks a forced wrap
    values: list[str]
    bold: bool = False
    indent: bool = False


@dataclass
class PrintedTable:
    """A numeric table as printed; `truth` is what the ground truth says it holds."""

    truth: Table
    title: str | None
    header: list[str]  # stub, then one header per column ("\n": printed line break)
    rows: list[PrintedRow]
    numbers_on: str = "first"  # the line of a wrapped label its numbers share
    title_in_header: bool = False  # the header row's stub cell is the title (bold)
    split_at: int | None = None  # a page break before this body row
    split_title: str | None = None  # printed after the break ("Drift (forts.)")
    split_header: bool = False  # header row repeated after the break
    footnotes: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # truth label -> Drift role


@dataclass
class RandomDoc:
    layout: Layout
    title_lines: list[str]
    running_header: str
    blocks: list[Heading | Paragraph | PrintedTable]

    def model(self) -> Delarsbokslut:
        """The document as the ground-truth writer (expected.py, locate.py) reads it."""
        blocks = [b.truth if isinstance(b, PrintedTable) else b for b in self.blocks]
        return Delarsbokslut(
            kommun=self.layout.kommun,
            kommun_official=f"{self.layout.kommun} kommun",
            namnd=self.layout.namnd,
            year=self.layout.year,
            period="januari-augusti",
            title_lines=self.title_lines,
            running_header=self.running_header,
            blocks=blocks,  # type: ignore[arg-type]
            layout=ModelLayout(producer="reportlab"),
        )

    @property
    def tables(self) -> list[PrintedTable]:
        return [b for b in self.blocks if isinstance(b, PrintedTable)]


# --- numbers ---------------------------------------------------------------------------


def figure_spec(layout: Layout) -> tuple[FigureSpec, random.Random]:
    rng = random.Random(f"numbers-{layout.seed}")
    kb = rng.randrange(80_000, 1_200_000, 1000)
    # Shares that leave Övriga kostnader a fifth or so of the costs: figures.py draws the
    # budget until Övriga lands near the delår's pace, which needs some room.
    intakter = round(kb * rng.uniform(0.06, 0.18), -3)
    shares = (rng.uniform(0.45, 0.55), rng.uniform(0.05, 0.08), rng.uniform(0.1, 0.2))
    parents = V.INVEST_PARENTS[: rng.randint(1, 2)]
    lines = rng.sample(V.INVEST_LINES, rng.randint(3, 6))
    investments: dict[str, list[tuple[str, int]]] = {p: [] for p in parents}
    for i, line in enumerate(lines):
        investments[parents[i % len(parents)]].append((line, -rng.randrange(100, 6000, 50)))
    units = [layout.forvaltning, *rng.sample(V.AVDELNINGAR, rng.randint(2, 5))]
    spec = FigureSpec(
        seed=rng.randrange(10**6),
        size=(kb, int(intakter), shares),
        growth=rng.uniform(0.01, 0.07),
        prognos_result=round(kb * rng.uniform(-0.02, 0.008), -2),
        finans_budget=None if layout.finansnetto == "blank" else -rng.randint(0, 6),
        investments=investments,
        units=units,
        turnover=(rng.uniform(3, 7), rng.uniform(9, 16)),
        sick=rng.uniform(6, 10),
    )
    return spec, rng


def _m(v: float | None) -> float | None:
    return None if v is None else round(v / 1000, 1)


def _settle(independent: float | None, exact: float) -> float:
    """A total in mnkr: its own rounding when that is within one printed unit of the sum
    of the printed parts (as real reports print), else the sum of the printed parts."""
    exact = round(exact, 1)
    if independent is not None and abs(independent - exact) <= MNKR_TOLERANCE + 1e-9:
        return independent
    return exact


def _z(v: float | None) -> float:
    return v or 0


def drift_numbers(f: Figures, layout: Layout) -> dict[str, list]:
    """Role -> six values in figures.py's column order, in the layout's unit."""
    d = {role: list(f.drift[SEED_LABEL[role]]) for role in V.DRIFT_ROLES}
    if layout.finansnetto == "absent":  # no Finansnetto line: the result leaves it out too
        for j in (0, 1, 3, 4):
            d["resultat"][j] -= _z(d["finansnetto"][j])
        r = d["resultat"]
        r[2], r[5] = r[1] - r[0], r[3] - r[4]
        del d["finansnetto"]
    if layout.finansnetto == "blank":
        d["finansnetto"][2] = None  # no budget, no prognos: no avvikelse printed either
    if layout.unit == "tkr":
        return d
    out = {role: [_m(v) for v in vals] for role, vals in d.items()}
    for j in (0, 1, 3, 4):
        kost = _settle(out["kostnader"][j], sum(_z(out[r][j]) for r in V.COST_ROLES))
        out["kostnader"][j] = kost
        out["netto"][j] = _settle(out["netto"][j], _z(out["intakter"][j]) + kost)
        fin = _z(out["finansnetto"][j]) if "finansnetto" in out else 0
        res = out["netto"][j] + _z(out["kommunbidrag"][j]) + fin
        out["resultat"][j] = _settle(out["resultat"][j], res)
    for vals in out.values():
        if vals[2] is not None:
            vals[2] = _settle(vals[2], _z(vals[1]) - _z(vals[0]))
        vals[5] = _settle(vals[5], _z(vals[3]) - _z(vals[4]))
    return out


def invest_numbers(f: Figures, layout: Layout) -> list[tuple[str, str | None, list]]:
    lines = [(label, parent, list(vals)) for label, parent, vals in f.investments]
    if layout.unit == "tkr":
        return lines
    out = [(label, parent, [_m(v) for v in vals]) for label, parent, vals in lines]
    parents = [label for label, parent, _ in out[:-1] if parent is None]
    by_label = {label: vals for label, _, vals in out}
    for j in (0, 1, 3, 4):
        for p in parents:
            kids = [vals[j] for _, parent, vals in out if parent == p]
            by_label[p][j] = _settle(by_label[p][j], sum(kids))
        total = out[-1][2]
        total[j] = _settle(total[j], sum(by_label[p][j] for p in parents))
    for _, _, vals in out:
        vals[2] = _settle(vals[2], vals[1] - vals[0])
        vals[5] = _settle(vals[5], vals[3] - vals[4])
    return out


# --- printing --------------------------------------------------------------------------


def fmt(v: float | None, layout: Layout, decimals: int, suffix: str = "") -> str:
    if v is None:
        return ""
    text = format_number(
        v, decimals=decimals, thousands_sep=layout.thousands_sep, minus=layout.minus
    )
    return text + suffix


def wrap(label: str) -> str:
    """The label broken at the space nearest its middle (a label printed on two lines)."""
    words = label.split(" ")
    if len(words) < 2:
        return label
    best = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(label) / 2))
    return " ".join(words[:best]) + "\n" + " ".join(words[best:])


def header_text(form: str, y: int) -> str:
    return form.format(y=y, p=y - 1)


def _split(pt: PrintedTable, layout: Layout, kind: str, rng: random.Random) -> None:
    if layout.split == "none" or layout.split_table != kind or len(pt.rows) < 3:
        return
    pt.split_at = rng.randint(max(1, len(pt.rows) // 3), len(pt.rows) - 1)
    name = pt.title or pt.header[0] or pt.truth.kind.capitalize()
    if layout.split in ("forts", "forts_repeat"):
        pt.split_title = f"{' '.join(name.split())} (forts.)"
    pt.split_header = layout.split in ("repeat", "forts_repeat")


def _footnote(pt: PrintedTable, layout: Layout, rng: random.Random) -> None:
    """A marker on one column header and its note under the table."""
    if not layout.footnotes or len(pt.header) < 2:
        return
    mark = rng.choice(V.FOOTNOTE_MARKS)
    i = rng.randrange(1, len(pt.header))
    pt.header[i] += mark
    pt.truth.columns[i - 1].header += mark
    pt.footnotes.append(f"{mark} {rng.choice(V.FOOTNOTES)}")


def money_table(
    kind: str,
    title: str,
    layout: Layout,
    rows: list[tuple[str, str | None, list, bool]],  # label, parent, 6 values, bold
    rng: random.Random,
    roles: dict[str, str] | None = None,
) -> PrintedTable:
    """Drift or Investeringar: the layout's columns, in its order, in its unit."""
    y = layout.year
    decimals = 1 if layout.unit == "mnkr" else 0
    idx = [KEYS.index(k) for k in layout.columns]
    heads = [header_text(layout.headers[k], y) for k in layout.columns]
    columns = [
        Column(h, V.COLUMN_KEYS[k][0], y + V.COLUMN_KEYS[k][1], decimals=decimals)
        for h, k in zip(heads, layout.columns, strict=True)
    ]
    stub = layout.stub
    shown_title = title if stub else f"{title}, {layout.unit}"
    wraps = _wrapped_labels([r[0] for r in rows], layout, rng, prefer=roles)
    printed, truth_rows = [], []
    for label, parent, vals, bold in rows:
        picked = [vals[i] for i in idx]
        text = wrap(label) if label in wraps else label
        printed.append(
            PrintedRow(
                text,
                [fmt(v, layout, decimals) for v in picked],
                bold=bold and layout.bold_totals,
                indent=parent is not None,
            )
        )
        truth_rows.append(Row(label, picked, parent=parent))
    truth = Table(kind, shown_title, layout.unit, stub, columns, truth_rows)
    pt = PrintedTable(
        truth,
        shown_title,
        [stub, *heads],
        printed,
        numbers_on=layout.label_wrap if layout.label_wrap != "none" else "first",
        roles={label: role for label, role in (roles or {}).items()},
    )
    _footnote(pt, layout, rng)
    _split(pt, layout, kind, rng)
    return pt


def _wrapped_labels(
    labels: list[str], layout: Layout, rng: random.Random, prefer: dict[str, str] | None = None
) -> set[str]:
    if layout.label_wrap == "none":
        return set()
    multi = [x for x in labels if " " in x and len(x) >= 12]
    if not multi:
        return set()
    first = [x for x in multi if prefer and prefer.get(x) == "netto"] or [rng.choice(multi)]
    out = {first[0]}
    if len(multi) > 2 and rng.random() < 0.5:
        out.add(rng.choice(multi))
    return out


def drift_table(f: Figures, layout: Layout, rng: random.Random) -> PrintedTable:
    values = drift_numbers(f, layout)
    roles = {layout.lines[r]: r for r in values}
    rows = [(layout.lines[r], None, values[r], r in V.BOLD_ROLES) for r in values]
    return money_table("drift", layout.drift_title, layout, rows, rng, roles)


def invest_table(f: Figures, layout: Layout, rng: random.Random) -> PrintedTable:
    lines = invest_numbers(f, layout)
    total = rng.choice(V.INVEST_TOTALS)
    rows = []
    for i, (label, parent, vals) in enumerate(lines):
        label = total if i == len(lines) - 1 else label
        rows.append((label, parent, vals, parent is None))
    return money_table("investeringar", layout.invest_title, layout, rows, rng)


def staff_columns(layout: Layout, suffix_last: str = "") -> list[Column]:
    y = layout.year
    a, b, d = (header_text(h, y) for h in V.STAFF_HEADERS[layout.staff_headers])
    return [
        Column(a, "utfall", y, decimals=1),
        Column(b, "utfall", y - 1, decimals=1),
        Column(d + suffix_last, "differens", y, decimals=1),
    ]


def turnover_table(f: Figures, layout: Layout, rng: random.Random) -> PrintedTable:
    pct = V.PERCENT_FORMS[layout.percent]
    if layout.staff_title_line:
        title, stub = None, rng.choice(["Personalomsättning externt", "Personalomsättning"])
        columns = staff_columns(layout, " (%)")
    else:
        title = rng.choice(V.TURNOVER_TITLES)
        stub = rng.choice(["Personalomsättning externt (%)", "Procent", "Enhet", ""])
        columns = staff_columns(layout)
    rows, truth = [], []
    wraps = _wrapped_labels([r[0] for r in f.turnover], layout, rng)
    for i, (label, a, b, d) in enumerate(f.turnover):
        text = wrap(label) if label in wraps or (i == 0 and layout.staff_title_line) else label
        vals = [a, b, d]
        rows.append(PrintedRow(text, [fmt(v, layout, 1, pct) for v in vals], bold=i == 0))
        truth.append(Row(label, vals))
    t = Table("personalomsattning", title, "procent", stub, columns, truth)
    numbers_on = layout.label_wrap if layout.label_wrap != "none" else "first"
    pt = PrintedTable(
        t, title, [stub, *(c.header for c in columns)], rows, numbers_on, layout.staff_title_line
    )
    if not layout.staff_title_line:
        _footnote(pt, layout, rng)
    return pt


def sick_table(f: Figures, layout: Layout, rng: random.Random) -> PrintedTable:
    pct = V.PERCENT_FORMS[layout.percent]
    title = rng.choice(V.SICK_TITLES)
    columns = staff_columns(layout)
    numbers_on = layout.label_wrap if layout.label_wrap != "none" else "first"
    if layout.transposed_sick:  # groups as columns, the years as rows
        groups = ["Totalt" if g == V.SICK_GROUP_TOTAL else g for g, *_ in f.sick]
        stub = rng.choice(["", "Procent", "År"])
        truth = Table(
            "sjukfranvaro",
            title,
            "procent",
            stub,
            columns,
            [Row(g, [a, b, d]) for g, (_, a, b, d) in zip(groups, f.sick, strict=True)],
        )
        rows = [
            PrintedRow(c.header, [fmt(r[i + 1], layout, 1, pct) for r in f.sick], bold=i == 0)
            for i, c in enumerate(columns)
        ]
        pt = PrintedTable(truth, title, [stub, *groups], rows, numbers_on)
    else:
        stub = rng.choice(["Sjukfrånvaro*", "Sjukfrånvaro", "Procent", ""])
        truth_rows, rows = [], []
        for label, a, b, d in f.sick:
            bold = label == V.SICK_GROUP_TOTAL and layout.bold_totals
            rows.append(PrintedRow(label, [fmt(v, layout, 1, pct) for v in (a, b, d)], bold))
            truth_rows.append(Row(label, [a, b, d]))
        truth = Table("sjukfranvaro", title, "procent", stub, columns, truth_rows)
        pt = PrintedTable(truth, title, [stub, *(c.header for c in columns)], rows, numbers_on)
        _footnote(pt, layout, rng)
    if stub.endswith("*"):
        pt.footnotes.append("* Sjukfrånvaro i procent av ordinarie arbetstid.")
    _split(pt, layout, "sjukfranvaro", rng)
    return pt


def extra_table(layout: Layout, rng: random.Random) -> PrintedTable:
    """A numeric table of no known kind (kind "ovrigt"): headers keep their printed text."""
    y, p = layout.year, layout.year - 1
    pct = V.PERCENT_FORMS[layout.percent]
    if layout.extra == "verksamhet":
        unit, decimals, suffix = layout.unit, 1 if layout.unit == "mnkr" else 0, ""
        title = rng.choice(["Nettokostnad per verksamhet", "Resultat per verksamhet"])
        stub = layout.stub or "Verksamhet"
        labels = rng.sample(V.AVDELNINGAR, rng.randint(3, 6))
        spec = [(f"Budget {y}", "budget", y), (f"Prognos {y}", "prognos", y)]
        spec.append(("Avvikelse", "avvikelse", y))
        data = []
        for _ in labels:
            b = -rng.randrange(4000, 150_000, 100)
            pr = b + rng.randrange(-6000, 4000, 100)
            data.append([b, pr, pr - b])
        if unit == "mnkr":
            data = [[_m(b), _m(pr), None] for b, pr, _ in data]
            for row in data:
                row[2] = round(row[1] - row[0], 1)
        total = [round(sum(r[j] for r in data), decimals) for j in range(3)]
        labels.append(rng.choice(V.SUMMA))
        data.append(total)
    elif layout.extra == "nyckeltal":
        unit, decimals, suffix = "kr", 0, ""
        title = rng.choice(["Nyckeltal", "Nyckeltal, kronor"])
        stub = rng.choice(["Kronor", "Kr", ""])
        labels = rng.sample(V.NYCKELTAL_ROWS, rng.randint(3, 5))
        spec = [(f"Utfall {y}", "utfall", y), (f"Utfall {p}", "utfall", p)]
        spec += [(f"Riket {p}", None, p), ("Jämförbara kommuner", None, None)]
        data = []
        for _ in labels:
            base = rng.randrange(2_000, 400_000, 10)
            data.append([round(base * rng.uniform(0.9, 1.1)) for _ in spec])
    else:
        unit, decimals, suffix = "procent", 1, pct
        title = rng.choice(["Verksamhetsmått", "Kvalitetsmått"])
        stub = rng.choice(["Procent", "Andel (%)", ""])
        labels = rng.sample(V.MATT_ROWS, rng.randint(3, 4))
        spec = [(f"Mål {y}", "mal", y), (f"Utfall {y}", "utfall", y), (f"Utfall {p}", "utfall", p)]
        spec += [("Kvinnor", None, None), ("Män", None, None)]
        data = [[round(rng.uniform(40, 99), 1) for _ in spec] for _ in labels]
        for row in data:
            if rng.random() < 0.25:
                row[rng.randrange(len(row))] = None  # a measure not reported: a blank cell
    columns = [Column(h, m, yr, decimals=decimals) for h, m, yr in spec]
    truth = Table(
        "ovrigt",
        title,
        unit,
        stub,
        columns,
        [Row(lb, v) for lb, v in zip(labels, data, strict=True)],
    )
    rows = [
        PrintedRow(
            lb,
            [fmt(v, layout, decimals, suffix) for v in vals],
            bold=i == len(labels) - 1 and layout.extra == "verksamhet" and layout.bold_totals,
        )
        for i, (lb, vals) in enumerate(zip(labels, data, strict=True))
    ]
    return PrintedTable(truth, title, [stub, *(h for h, _, _ in spec)], rows, "first")


# --- the document ----------------------------------------------------------------------


def title_lines(layout: Layout) -> list[str]:
    y, namnd, kommun = layout.year, layout.namnd, f"{layout.kommun} kommun"
    forms = [
        [f"Delårsbokslut {y}", namnd, kommun, f"Januari–augusti {y}"],
        [f"{namnd}s delårsbokslut {y}", f"Januari–augusti {y}", kommun],
        [f"Delårsrapport januari–augusti {y}", namnd, kommun],
    ]
    return forms[layout.title_form % len(forms)]


def build(layout: Layout) -> RandomDoc:
    """Everything the renderers print and the ground truth needs, from the layout alone."""
    spec, rng = figure_spec(layout)
    f = make_figures(spec)
    prose = list(V.PROSE)
    rng.shuffle(prose)

    def text(n: int) -> list[Paragraph]:
        return [Paragraph(prose.pop() if prose else V.PROSE[0]) for _ in range(n)]

    n = layout.prose
    blocks: list = [Heading("Verksamhet", 1), *text(n), Heading("Ekonomi", 1), *text(1)]
    blocks.append(drift_table(f, layout, rng))
    blocks += text(n)
    if layout.investments:
        blocks += [Heading("Investeringsverksamhet", 2), invest_table(f, layout, rng), *text(1)]
    blocks += [Heading("Personal", 1), turnover_table(f, layout, rng), *text(n)]
    blocks += [Heading("Hälsa och arbetsmiljö", 2), sick_table(f, layout, rng), *text(1)]
    if layout.extra:
        blocks += [Heading("Uppföljning av verksamheten", 1), extra_table(layout, rng), *text(1)]
    header = rng.choice(
        [
            f"{layout.namnd} – Delårsbokslut {layout.year}",
            f"{layout.kommun} kommun | Delårsrapport {layout.year}",
        ]
    )
    return RandomDoc(layout, title_lines(layout), header, blocks)
