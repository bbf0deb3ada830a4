"""Excel workbooks of the comparisons: header row frozen, changes coloured, numbers as numbers.

Number formats are Excel's locale-neutral codes (grouping, decimals) so a Swedish Excel
shows "1 234 567" and "5,2"; negatives get a Unicode minus and percentages " %", as in the
reports themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kommunkoll.vocabulary import COLUMN_QUESTION, COLUMNS, EXPORT_TITLES, SHEET_TITLES, TKR

from .compare import (
    AnswerMatrix,
    FigurePoint,
    answer_label,
    as_none,
    change_amount,
    change_percent_text,
    restatement_note,
)

TKR_FORMAT = '#,##0;"\u2212"#,##0;0'
DECIMAL_FORMAT = '#,##0.0;"\u2212"#,##0.0;0.0'
PERCENT_FORMAT = '+0.0" %";"\u2212"0.0" %";0.0" %"'
CHANGED_FILL = PatternFill("solid", start_color="FFE699", end_color="FFE699")
UP_FILL = PatternFill("solid", start_color="E2EFDA", end_color="E2EFDA")
DOWN_FILL = PatternFill("solid", start_color="FCE4D6", end_color="FCE4D6")
HEADER_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def _header(
    sheet: Worksheet, names: Sequence[str], widths: Sequence[int], freeze: str = "A2"
) -> None:
    sheet.append(list(names))
    for i, width in enumerate(widths, start=1):
        sheet.cell(row=1, column=i).font = HEADER_FONT
        sheet.cell(row=1, column=i).alignment = WRAP
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = freeze


def _for_print(sheet: Worksheet, title_columns: str | None = None) -> None:
    """Ready to hand on: a filter on the header, landscape, one page wide, the header row
    (and the question columns) repeated on every printed page."""
    sheet.auto_filter.ref = sheet.dimensions
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    if title_columns:
        sheet.print_title_cols = title_columns


def answers_workbook(matrix: AnswerMatrix, changes: Sequence[Any], path: Path) -> Path:
    """Sheet "Svar": the matrix (changed answers filled); sheet "Ändringar": both comments."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLES["answers"]
    _header(
        sheet,
        [
            COLUMNS["number"],
            COLUMN_QUESTION,
            *(f"{c.kommun}\n{c.namnd}\n{c.year}" for c in matrix.columns),
        ],
        [6, 60, *(18 for _ in matrix.columns)],
        freeze="C2",
    )
    sheet.row_dimensions[1].height = 48
    for row in matrix.rows:
        sheet.append([row.number, row.question, *(_answer_text(cell) for cell in row.cells)])
        excel_row = sheet.max_row
        sheet.cell(row=excel_row, column=2).alignment = WRAP
        for i, cell in enumerate(row.cells, start=3):
            target = sheet.cell(row=excel_row, column=i)
            if cell.comment:
                note = Comment(cell.comment, "kommunkoll")
                note.width, note.height = 360, 160
                target.comment = note
            if cell.changed:
                target.fill = CHANGED_FILL
                target.font = HEADER_FONT
    _for_print(sheet, "A:B")
    _comments_sheet(book, matrix)
    changed = book.create_sheet(SHEET_TITLES["changes"])
    _header(
        changed,
        [
            COLUMNS["kommun"],
            COLUMNS["namnd"],
            COLUMNS["number"],
            COLUMNS["question"],
            EXPORT_TITLES["year_before"],
            EXPORT_TITLES["answer_before"],
            EXPORT_TITLES["comment_before"],
            COLUMNS["year"],
            COLUMNS["answer"],
            COLUMNS["comment"],
        ],
        [12, 26, 6, 50, 8, 10, 50, 8, 10, 50],
    )
    for r in changes:
        changed.append(
            [
                r.kommun,
                r.namnd,
                r.number,
                r.question,
                int(r.year_before),
                answer_label(as_none(r.answer_before)),
                r.comment_before,
                int(r.year),
                answer_label(as_none(r.answer)),
                r.comment,
            ]
        )
        for column in (4, 7, 10):
            changed.cell(row=changed.max_row, column=column).alignment = WRAP
        changed.cell(row=changed.max_row, column=9).fill = CHANGED_FILL
    _for_print(changed, "A:C")
    book.save(path)
    return path


def _answer_text(cell: object) -> str:
    """The answer, and for a changed one the old answer beside it: "Delvis (var Nej)"."""
    from kommunkoll.vocabulary import ANSWER_WAS

    label = cell.label  # type: ignore[attr-defined]
    if cell.changed:  # type: ignore[attr-defined]
        return f"{label} ({ANSWER_WAS.format(answer=answer_label(cell.before))})"  # type: ignore[attr-defined]
    return label


def _comments_sheet(book: Workbook, matrix: AnswerMatrix) -> None:
    """Sheet "Kommentarer": one row per answer with its comment beside it, for printing
    (cell notes do not print)."""
    sheet = book.create_sheet(SHEET_TITLES["comments"])
    keys = ("kommun", "namnd", "year", "number", "question", "answer", "comment", "page")
    _header(
        sheet,
        [COLUMNS[key] for key in keys],
        [12, 26, 8, 6, 50, 16, 70, 6],
        freeze="C2",
    )
    for column_index, column in enumerate(matrix.columns):
        for row in matrix.rows:
            cell = row.cells[column_index]
            if not cell.asked:
                continue
            sheet.append(
                [column.kommun, column.namnd, column.year, row.number, row.question,
                 _answer_text(cell), cell.comment, cell.page]
            )  # fmt: skip
            for i in (5, 7):
                sheet.cell(row=sheet.max_row, column=i).alignment = WRAP
            if cell.changed:
                sheet.cell(row=sheet.max_row, column=6).fill = CHANGED_FILL
    _for_print(sheet, "A:B")


def figures_workbook(points: Sequence[FigurePoint], title: str, path: Path) -> Path:
    """One row per nämnd and year: value, change in the unit and in percent (coloured by
    whether it is good for the line), the change in words, restatements, source page."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLES["figures"]
    unit = points[0].unit if points else TKR
    _header(
        sheet,
        [
            COLUMNS["kommun"],
            COLUMNS["namnd"],
            COLUMNS["year"],
            COLUMNS["value_in"].format(unit=unit),
            COLUMNS["change_in"].format(unit=unit),
            COLUMNS["change_percent"],
            COLUMNS["change_words"],
            COLUMNS["restated"],
            COLUMNS["document"],
            COLUMNS["page"],
        ],
        [12, 26, 8, 14, 16, 14, 30, 40, 48, 6],
        freeze="C2",
    )
    number_format = TKR_FORMAT if unit == TKR else DECIMAL_FORMAT
    for p in points:
        sheet.append(
            [
                p.kommun,
                p.namnd,
                p.year,
                p.number,
                p.change,
                None if p.change_percent is None else round(p.change_percent, 4),
                f"{change_amount(p)} ({change_percent_text(p)})",
                restatement_note(p) or None,
                p.filename,
                p.page,
            ]
        )
        row = sheet.max_row
        for column in (4, 5):
            sheet.cell(row=row, column=column).number_format = number_format
        sheet.cell(row=row, column=6).number_format = PERCENT_FORMAT
        if p.better is not None:
            fill = UP_FILL if p.better else DOWN_FILL
            for column in (5, 6, 7):
                sheet.cell(row=row, column=column).fill = fill
        if p.restated:
            sheet.cell(row=row, column=8).fill = CHANGED_FILL
    _for_print(sheet, "A:C")
    book.properties.title = title
    book.save(path)
    return path


def frame_workbook(frame: pd.DataFrame, sheet_name: str, path: Path) -> Path:
    """A tidy table as a sheet: Swedish column titles (CSV and Parquet keep the snake_case
    names for programs), header frozen, numbers as numbers, whole tkr as integers."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name[:31]
    question_numbers = "unit" not in frame.columns  # answers: "number" is the question's
    titles = [
        COLUMNS["number"]
        if question_numbers and c == "number"
        else EXPORT_TITLES.get(str(c), str(c))
        for c in frame.columns
    ]
    _header(sheet, titles, [max(8, min(40, len(t) + 4)) for t in titles])
    for row in frame.itertuples(index=False):
        sheet.append([_cell(v) for v in row])
    columns = list(frame.columns)
    if "number" in columns and "unit" in columns:
        number = columns.index("number") + 1
        units = list(frame["unit"])
        for unit, (cell,) in zip(
            units, sheet.iter_rows(min_row=2, min_col=number, max_col=number), strict=True
        ):
            cell.number_format = TKR_FORMAT if unit == TKR else DECIMAL_FORMAT
    _for_print(sheet)
    book.save(path)
    return path


def _cell(value: object) -> object:
    if value is None or value is pd.NA:  # pd.NA: a null in a nullable integer column
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if isinstance(value, list | dict):
        import json

        return json.dumps(value, ensure_ascii=False)
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value
