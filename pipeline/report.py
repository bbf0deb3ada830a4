"""Rich renderings for the terminal: what a person reads after a command."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from kommunkoll.vocabulary import (
    ABBREVIATION_SKIPS,
    ABBREVIATION_TAILS,
    CHECK_FAILED,
    CHECK_OK,
    COLUMNS,
    DOCUMENT_COLUMNS,
    DOCUMENT_KINDS,
    EXTRACTION_LABELS,
    GAPS_NOT_READ,
    MEASURES,
    STATUS_OK,
    STATUS_WARNING,
    name_of,
)

from .safe_text import markup

if TYPE_CHECKING:  # pandas, the comparisons and the contract load only when used
    from kommunkoll.extractors import Extraction

    from .compare import AnswerMatrix, FigurePoint


# Characters rich measures one cell wide (tests/test_terminal.py holds every one to rich's
# own measure): Latin letters, Swedish ones, spaces, dashes, the minus sign. A text of only
# these is as wide as it is long, so thousands of figures are measured at `len`'s speed.
_NARROW = re.compile("[\x20-\x7e\xa0-\u02ff\u2010-\u2027\u2030-\u205e\u2212]*")


def cell_width(text: str) -> int:
    """The cells `text` takes in a terminal, as rich's `cell_len` counts them."""
    return len(text) if _NARROW.fullmatch(text) else cell_len(text)


def escape(text: object) -> str:
    """Untrusted text (PDF text, file names) shown as written: never rich markup, never a
    terminal escape; its own line breaks kept."""
    return markup(text, one_line=False)


def extraction_summary(extraction: Extraction) -> Table:
    doc = extraction.document
    values = sum(len(row.cells) for table in extraction.tables for row in table.rows)
    checks = [check for table in extraction.tables for check in table.checks]
    failed = sum(1 for check in checks if not check.ok)
    table = Table(title=escape(extraction.source.filename), show_header=False, title_justify="left")
    status = STATUS_WARNING if extraction.warnings or extraction.gaps else STATUS_OK
    gaps = GAPS_NOT_READ.format(n=len(extraction.gaps)) if extraction.gaps else ""
    for key, value in (
        ("status", status + gaps),
        ("kind", name_of(DOCUMENT_KINDS, doc.kind)),
        ("kommun", doc.kommun),
        ("namnd", doc.namnd),
        ("year", str(doc.year)),
        ("period", doc.period or "–"),
        ("pages", str(extraction.source.pages)),
        ("tables", f"{len(extraction.tables)} / {values}"),
        ("checks", f"{len(checks) - failed} {CHECK_OK}, {failed} {CHECK_FAILED}"),
        ("internal_controls", str(len(extraction.internal_controls))),
        ("answers", str(len(extraction.answers))),
        ("findings", str(len(extraction.findings))),
    ):
        table.add_row(EXTRACTION_LABELS[key], escape(value))
    for warning in extraction.warnings:
        table.add_row(f"[yellow]{STATUS_WARNING}[/yellow]", escape(warning))
    return table


def kommun_table(rows: Sequence[dict[str, object]]) -> Table:
    """A line per kommun (`document_counts` rows): its nämnder, documents, years and the
    documents with a warning; what a database of every kommun holds, in a screenful per
    hundred kommuner rather than a table per nämnd."""
    from kommunkoll.vocabulary import KOMMUN_COLUMNS, STATUS_WARNING

    per: dict[object, list[dict[str, object]]] = {}
    for row in rows:
        per.setdefault(row["kommun"], []).append(row)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(COLUMNS["kommun"])
    for name in ("namnder", "documents"):
        table.add_column(KOMMUN_COLUMNS[name], justify="right")
    table.add_column(KOMMUN_COLUMNS["years"])
    table.add_column(KOMMUN_COLUMNS["warnings"], justify="right")
    for kommun in sorted(per, key=lambda k: str(k)):
        members = per[kommun]
        years = sorted({int(str(r["year"])) for r in members})
        span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        table.add_row(
            escape(str(kommun)),
            str(len({r["namnd"] for r in members})),
            str(len(members)),
            span,
            str(sum(r.get("status") == STATUS_WARNING for r in members)),
        )
    return table


def document_tables(rows: Sequence[dict[str, object]]) -> list[Table]:
    """One table per kommun and nämnd: how a revisor thinks of the documents."""
    groups: dict[tuple[object, object], list[dict[str, object]]] = {}
    for row in rows:
        groups.setdefault((row["kommun"], row["namnd"]), []).append(row)
    tables = []
    for (kommun, namnd), members in groups.items():
        table = Table(
            title=escape(f"{kommun} · {namnd}"),
            title_justify="left",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
        )
        table.add_column(COLUMNS["year"])
        table.add_column(COLUMNS["kind"])
        for name in ("pages", "tables", "values", "answers", "findings"):
            table.add_column(DOCUMENT_COLUMNS[name], justify="right")
        table.add_column(COLUMNS["status"])
        table.add_column(COLUMNS["file"], overflow="fold")
        for row in members:
            table.add_row(
                str(row["year"]),
                name_of(DOCUMENT_KINDS, str(row["kind"])).lower(),
                *(str(row[k]) for k in ("pages", "tables", "values", "answers", "findings")),
                str(row.get("status", STATUS_OK)),
                escape(str(row["filename"])),
            )
        tables.append(table)
    return tables


def answer_matrix_tables(matrix: AnswerMatrix, width: int) -> list[RenderableType]:
    """The matrix fitted to `width` columns without cutting a word.

    Tried in turn: full nämnd names over each column; abbreviated names (VON) with a
    legend; then the columns split into parts, a nämnd's years kept together, each part with
    the question column again. Rich's own measurement of a table's narrowest rendering (every
    column as wide as its longest word) decides what fits.
    """
    from rich.console import Console

    from kommunkoll.vocabulary import MATRIX_PART, MATRIX_TITLE, MATRIX_TOO_WIDE

    console = Console(width=width)
    title = MATRIX_TITLE.format(questions=len(matrix.rows), changes=matrix.changes)
    every = list(range(len(matrix.columns)))
    for short in (False, True):
        table = _matrix_table(matrix, every, short, title, width)
        if _fits(console, table, width):
            return [table, *_legend(matrix, every, short)]
    parts = _parts(matrix, width, console)
    shown: list[RenderableType] = [
        Text(MATRIX_TOO_WIDE.format(parts=len(parts)), style="dim"),
    ]
    for i, part in enumerate(parts, start=1):
        heading = f"{title} · " + MATRIX_PART.format(part=i, parts=len(parts))
        shown += [_matrix_table(matrix, part, True, heading, width), *_legend(matrix, part, True)]
    return shown


def _fits(console: Console, table: Table, width: int) -> bool:
    """Whether rich can render `table` in `width` with no column narrower than its longest
    word (measured unconstrained, as a fixed width would shrink the columns first)."""
    from rich.measure import Measurement

    table.width = None
    wide = console.options.update_width(100_000)
    return Measurement.get(console, wide, table).minimum <= width


def _parts(matrix: AnswerMatrix, width: int, console: Console) -> list[list[int]]:
    """Columns in groups that fit, breaking between nämnder where one can."""
    groups: list[list[int]] = []
    for i, column in enumerate(matrix.columns):
        previous = matrix.columns[i - 1] if i else None
        if previous and (previous.kommun, previous.namnd) == (column.kommun, column.namnd):
            groups[-1].append(i)
        else:
            groups.append([i])
    parts: list[list[int]] = []
    for group in groups:
        for index in group:
            if (
                parts
                and _fits(
                    console, _matrix_table(matrix, [*parts[-1], index], True, "", width), width
                )
                and (
                    index != group[0]
                    or _fits(
                        console, _matrix_table(matrix, [*parts[-1], *group], True, "", width), width
                    )
                )
            ):
                parts[-1].append(index)
            else:
                parts.append([index])
    return parts


def abbreviation(namnd: str) -> str:
    """ "Vård- och omsorgsnämnden" → "VON": an initial per word (not "och"), and N or S for a
    compound ending in nämnden or styrelsen, as kommuner abbreviate their nämnder."""
    letters = []
    for word in namnd.replace("-", "- ").split():
        bare = word.strip("-,.").casefold()
        if not bare or bare in ABBREVIATION_SKIPS:
            continue
        letters.append(bare[0].upper())
        for tail, letter in ABBREVIATION_TAILS:
            if bare.endswith(tail) and bare != tail:
                letters.append(letter)
                break
    return "".join(letters) or namnd


def _matrix_table(
    matrix: AnswerMatrix, columns: list[int], short: bool, title: str, width: int
) -> Table:
    """Answer columns fixed at their longest word, so only the question column wraps."""
    from kommunkoll.vocabulary import ANSWER_WAS, COLUMN_NUMBER, COLUMN_QUESTION

    from .compare import answer_label

    table = Table(
        title=title or None, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False,
        collapse_padding=True,
    )  # fmt: skip
    table.add_column(COLUMN_NUMBER, no_wrap=True)
    table.add_column(COLUMN_QUESTION, min_width=16)
    rows = [r for r in matrix.rows if any(r.cells[i].asked for i in columns)]
    texts: dict[int, list[str]] = {}
    for i in columns:
        texts[i] = []
        for row in rows:
            cell = row.cells[i]
            was = ANSWER_WAS.format(answer=answer_label(cell.before))
            texts[i].append(f"{cell.label}\n({was})" if cell.changed else cell.label)
    for i in columns:
        c = matrix.columns[i]
        header = f"{abbreviation(c.namnd) if short else c.namnd}\n{c.kommun}\n{c.year}"
        lines = [line for text in texts[i] for line in text.splitlines()]
        fixed = max(_longest_word([header]), min(12, max(map(len, lines), default=0)), 6)
        table.add_column(escape(header), justify="center", width=fixed)
    for n, row in enumerate(rows):
        cells = []
        for i in columns:
            label, _, was = texts[i][n].partition("\n")
            cells.append(
                f"[bold yellow]{escape(label)}[/]\n[dim]{escape(was)}[/]" if was else escape(label)
            )
        table.add_row(escape(row.number), escape(_short(row.question)), *cells)
    return table


def _allot(console: Console, table: Table, width: int) -> None:
    """Fix every column's width so the table fits `width` and no column is narrower than its
    longest word: the widest columns give way first (rich's own squeeze ignores words)."""
    from rich.measure import Measurement

    wide = console.options.update_width(100_000)
    measured = [table._measure_column(console, wide, c) for c in table.columns]
    lows = [m.minimum for m in measured]
    widths = [m.maximum for m in measured]
    total = Measurement.get(console, wide, table).maximum
    while total > width:
        pairs = enumerate(zip(widths, lows, strict=True))
        slack = [(w - low, i) for i, (w, low) in pairs if w > low]
        if not slack:
            break
        _, i = max(slack)
        widths[i] -= 1
        total -= 1
    for i, (column, allotted) in enumerate(zip(table.columns, widths, strict=True)):
        column.width = max(1, allotted - table._get_padding_width(i))


def _longest_word(texts: list[str]) -> int:
    return max((len(word) for text in texts for word in text.split()), default=0)


def _short(question: str, limit: int = 120) -> str:
    """The wording up to `limit` characters, cut between words ("…" says it goes on)."""
    if len(question) <= limit:
        return question
    return question[: question.rfind(" ", 0, limit)].rstrip(" ,;:") + " …"


def _legend(matrix: AnswerMatrix, columns: list[int], short: bool) -> list[RenderableType]:
    if not short:
        return []
    names = {(matrix.columns[i].namnd) for i in columns}
    return [Text(", ".join(f"{abbreviation(n)} = {n}" for n in sorted(names)), style="dim")]


def answer_changes_table(changes: Sequence[Any]) -> Table:
    from kommunkoll.vocabulary import CHANGES_COLUMNS, CHANGES_TITLE

    from .compare import answer_label, as_none

    table = Table(
        title=CHANGES_TITLE.format(changes=len(changes)), title_justify="left", show_lines=True
    )
    for name in CHANGES_COLUMNS:
        table.add_column(name)
    for r in changes:
        table.add_row(
            escape(f"{r.kommun}\n{r.namnd}"),
            escape(str(r.number)),
            escape(str(r.question)),
            f"[bold]{r.year_before}: {answer_label(as_none(r.answer_before))}[/]\n"
            + escape(str(r.comment_before)),
            f"[bold yellow]{r.year}: {answer_label(as_none(r.answer))}[/]\n"
            + escape(str(r.comment)),
        )
    return table


def figure_table(
    points: Sequence[FigurePoint], title: str, width: int = 10_000, at_once: bool = True
) -> list[RenderableType]:
    """Value, change in words (ökning/minskning of a cost, procentenheter of a rate) coloured
    by whether it is good for that line, and restated years flagged with both printings.
    Nämnder are abbreviated (with a legend) when their names would not fit `width`.

    Thousands of rows (every nämnd in the country) are measured from their plain text, as
    rich measures a Text, and when every cell fits its column on one line the rows after
    the first are laid out directly (`_Rows`): the same characters and colours rich prints,
    in a fraction of a second instead of half a minute. `at_once=False` lets rich lay out
    every row (the reference the tests compare with).
    """
    from rich.text import Span

    from kommunkoll.vocabulary import FIGURE_COLUMNS, RESTATED, RESTATED_NOTE, SOURCE, UNIT_NAMES

    from .compare import change_amount, change_percent_text, restatement_note, swedish_number

    several = len({p.measure for p in points}) > 1  # e.g. a delår's utfall and its bokslut
    notes: list[str] = []
    cells: list[list[tuple[str, str]]] = []  # per row: (plain text, style) of each cell
    for p in points:
        style = {True: "green", False: "red", None: ""}[p.better]
        unit = UNIT_NAMES.get(p.unit, p.unit)
        value = f"{swedish_number(p.number, _decimals(p.unit))}\u00a0{unit}"
        if p.restated:
            value += " *"
            notes.append(f"* {p.namnd} ({p.kommun}) {p.year}: {RESTATED}; {restatement_note(p)}")
        cells.append(
            [
                (p.kommun, ""),
                (p.namnd, ""),
                (f"{p.year} {name_of(MEASURES, p.measure)}" if several else str(p.year), ""),
                (value, ""),
                (change_amount(p), style),
                (change_percent_text(p), style),
                (SOURCE.format(year=p.document_year, page=p.page), ""),
            ]
        )
    justify = ["right" if 3 <= i <= 5 else "left" for i in range(len(FIGURE_COLUMNS))]
    for short in (False, True):
        shown_cells = [
            [(abbreviation(c[0]), c[1]) if short and i == 1 else c for i, c in enumerate(row)]
            for row in cells
        ]
        columns = [
            [name, *(row[i][0] for row in shown_cells)] for i, name in enumerate(FIGURE_COLUMNS)
        ]
        measured = _plain_measure(columns)
        if sum(low for low, _ in measured) + _extra_width(len(columns)) <= width:
            break
    widths = _allotted(measured, width, len(columns))

    def row_texts(row: list[tuple[str, str]]) -> list[Text]:
        return [Text(t, spans=[Span(0, len(t), style)] if style and t else []) for t, style in row]

    table = Table(title=escape(title), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for name, how, allotted in zip(FIGURE_COLUMNS, justify, widths, strict=True):
        table.add_column(name, justify=how, width=allotted)  # type: ignore[arg-type]
    one_line = (
        all(
            max(map(cell_width, set(column[1:])), default=0) <= w
            for column, w in zip(columns, widths, strict=True)
        )
        # every line within the width: contents, their paddings, the dividers and edges
        and sum(widths) + 2 * (len(widths) - 1) + _extra_width(len(widths)) <= width
    )
    rest: list[list[tuple[str, str]]] = []
    if at_once and one_line and len(shown_cells) > 1:
        rest = shown_cells[1:]
        shown_cells = shown_cells[:1]
    for row in shown_cells:
        table.add_row(*row_texts(row))
    shown: list[RenderableType] = [_Rows(table, rest, widths, justify) if rest else table]
    if short:
        names = sorted({p.namnd for p in points})
        shown.append(Text(", ".join(f"{abbreviation(n)} = {n}" for n in names), style="dim"))
    if notes:
        shown += [_Plain(notes), Text(RESTATED_NOTE, style="dim")]
    return shown


class LaidOut:
    """A renderable whose lines fit the width it is printed in by construction: print it with
    `crop=False`, as rich's cropping measures every character of every line again."""


# What rich's Text would change in a line (tabs, control codes): such a line goes through Text.
_NOT_PLAIN = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class _Plain(LaidOut):
    """Lines of plain text printed as a Text of them prints them: a line that fits the width
    as it is, a longer one (or one with a tab or control code) wrapped by rich."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: Any) -> Any:
        from rich.segment import Segment

        width = options.max_width
        for line in self.lines:
            if _NOT_PLAIN.search(line) is None and cell_width(line) <= width:
                yield Segment(line)
                yield Segment.line()
            else:
                yield from console.render(Text(line), options)


def _plain_measure(columns: list[list[str]]) -> list[tuple[int, int]]:
    """Each column's narrowest and widest rendering (header and cells, with the cell
    padding of a table with pad_edge off), as rich measures a Text: its longest word, its
    longest line."""
    last = len(columns) - 1
    measured = []
    for i, texts in enumerate(columns):
        pad = (i > 0) + (i < last)
        low = high = 0
        for t in set(texts):  # names repeat on every row: each is measured once
            words = t.split()
            lines = t.splitlines()
            widest = max(map(cell_width, lines)) if lines else 0
            high = max(high, widest)
            low = max(low, max(map(cell_width, words)) if words else widest)
        measured.append((low + pad, high + pad))
    return measured


def _extra_width(columns: int) -> int:
    """The edges and dividers of a boxed table (SIMPLE_HEAD: spaces)."""
    return 2 + columns - 1


def _allotted(measured: list[tuple[int, int]], width: int, count: int) -> list[int]:
    """`_allot` from measurements: the widest columns give way first, none below its
    longest word; the content width of each column."""
    lows = [low for low, _ in measured]
    widths = [high for _, high in measured]
    total = sum(widths) + _extra_width(count)
    while total > width:
        slack = [
            (w - low, i) for i, (w, low) in enumerate(zip(widths, lows, strict=True)) if w > low
        ]
        if not slack:
            break
        _, i = max(slack)
        widths[i] -= 1
        total -= 1
    last = count - 1
    return [max(1, w - ((i > 0) + (i < last))) for i, w in enumerate(widths)]


class _Rows(LaidOut):
    """A SIMPLE_HEAD table whose first row rich renders, then the other rows (each cell on
    one line within its column) laid out as rich lays them out: an edge space, cells
    justified in their widths with a padding space and a divider between, an edge space."""

    def __init__(
        self, table: Table, rows: list[list[tuple[str, str]]], widths: list[int], justify: list[str]
    ) -> None:
        self.table, self.rows, self.widths, self.justify = table, rows, widths, justify

    def __rich_console__(self, console: Console, options: Any) -> Any:
        from rich.segment import Segment
        from rich.style import Style

        lines = list(
            Segment.split_and_crop_lines(
                console.render(self.table, options), options.max_width, pad=False
            )
        )
        for line in lines[:-1]:  # the title, header and first row (each with its newline)
            yield from line
        styles: dict[str, Style] = {}
        widths: dict[str, int] = {}
        last = len(self.widths) - 1
        colourless = console.no_color or console.color_system is None  # piped: a line a segment
        for row in self.rows:
            plain = [" "]  # the edge; unstyled text is gathered into one segment
            for i, ((text, style), w, how) in enumerate(
                zip(row, self.widths, self.justify, strict=True)
            ):
                if i:
                    plain.append("  ")  # the divider and the cell's left padding
                width = widths.get(text)
                if width is None:
                    width = widths[text] = cell_width(text)
                fill = " " * (w - width)
                if how == "right":
                    plain.append(fill)
                if style and not colourless:
                    yield Segment("".join(plain))
                    yield Segment(
                        text,
                        styles.get(style) or styles.setdefault(style, console.get_style(style)),
                    )
                    plain = []
                else:
                    plain.append(text)
                if how != "right":
                    plain.append(fill)
                if i < last:
                    plain.append(" ")  # the cell's right padding
            plain.append(" \n")  # the edge
            yield Segment("".join(plain))
        yield from lines[-1]  # the foot


def _decimals(unit: str) -> int:
    return 0 if unit == "tkr" else 1
