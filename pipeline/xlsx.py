"""Excel workbooks of the comparisons: header row frozen, changes coloured, numbers as numbers.

Number formats are Excel's locale-neutral codes (grouping, decimals) so a Swedish Excel
shows "1 234 567" and "5,2"; negatives get a Unicode minus and percentages " %", as in the
reports themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .compare import AnswerMatrix, FigurePoint, answer_label, as_none

TKR_FORMAT = '#,##0;"\u2212"#,##0;0'
DECIMAL_FORMAT = '#,##0.0;"\u2212"#,##0.0;0.0'
PERCENT_FORMAT = '+0.0" %";"\u2212"0.0" %";0.0" %"'
CHANGED_FILL = PatternFill("solid", start_color="FFE699", end_color="FFE699")
UP_FILL = PatternFill("solid", start_color="E2EFDA", end_color="E2EFDA")
DOWN_FILL = PatternFill("solid", start_color="FCE4D6", end_color="FCE4D6")
HEADER_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def _header(sheet: Worksheet, names: Sequence[str], widths: Sequence[int]) -> None:
    sheet.append(list(names))
    for i, width in enumerate(widths, start=1):
        sheet.cell(row=1, column=i).font = HEADER_FONT
        sheet.cell(row=1, column=i).alignment = WRAP
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"


def answers_workbook(matrix: AnswerMatrix, changes: pd.DataFrame, path: Path) -> Path:
    """Sheet "Svar": the matrix (changed answers filled); sheet "Ändringar": both comments."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Svar"
    _header(
        sheet,
        ["Nr", "Fråga (senaste lydelse)", *(f"{c.namnd} {c.year}" for c in matrix.columns)],
        [6, 60, *(16 for _ in matrix.columns)],
    )
    for row in matrix.rows:
        sheet.append([row.number, row.question, *(cell.label for cell in row.cells)])
        excel_row = sheet.max_row
        sheet.cell(row=excel_row, column=2).alignment = WRAP
        for i, cell in enumerate(row.cells, start=3):
            if cell.changed:
                target = sheet.cell(row=excel_row, column=i)
                target.fill = CHANGED_FILL
                target.font = HEADER_FONT
    changed = book.create_sheet("Ändringar")
    _header(
        changed,
        [
            "Kommun",
            "Nämnd",
            "Nr",
            "Fråga",
            "År före",
            "Svar före",
            "Kommentar före",
            "År",
            "Svar",
            "Kommentar",
        ],
        [12, 26, 6, 50, 8, 10, 50, 8, 10, 50],
    )
    for r in changes.itertuples():
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
    book.save(path)
    return path


def figures_workbook(points: Sequence[FigurePoint], title: str, path: Path) -> Path:
    """One row per nämnd and year: value, change in the unit and in percent, source page."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Siffror"
    unit = points[0].unit if points else "tkr"
    _header(
        sheet,
        [
            "Kommun",
            "Nämnd",
            "År",
            f"Värde ({unit})",
            f"Förändring ({unit})",
            "Förändring %",
            "Dokument",
            "Sida",
        ],
        [12, 26, 8, 14, 16, 14, 48, 6],
    )
    number_format = TKR_FORMAT if unit == "tkr" else DECIMAL_FORMAT
    for p in points:
        sheet.append(
            [
                p.kommun,
                p.namnd,
                p.year,
                p.number,
                p.change,
                None if p.change_percent is None else round(p.change_percent, 4),
                p.filename,
                p.page,
            ]
        )
        row = sheet.max_row
        for column in (4, 5):
            sheet.cell(row=row, column=column).number_format = number_format
        sheet.cell(row=row, column=6).number_format = PERCENT_FORMAT
        if p.change:
            fill = UP_FILL if p.change > 0 else DOWN_FILL
            for column in (5, 6):
                sheet.cell(row=row, column=column).fill = fill
    book.properties.title = title
    book.save(path)
    return path


def frame_workbook(frame: pd.DataFrame, sheet_name: str, path: Path) -> Path:
    """A tidy table as a sheet: header frozen, numbers as numbers."""
    return rows_workbook(list(frame.columns), frame.itertuples(index=False), sheet_name, path)


def rows_workbook(
    columns: Sequence[str], rows: Iterable[Sequence[object]], sheet_name: str, path: Path
) -> Path:
    """Rows as a sheet, header frozen, numbers as numbers, written as they come (openpyxl's
    write-only mode), so a table of any length takes little memory."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name[:31])
    for i, name in enumerate(columns, start=1):
        width = max(8, min(40, len(str(name)) + 4))
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    header = []
    for name in columns:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font, cell.alignment = HEADER_FONT, WRAP
        header.append(cell)
    sheet.append(header)
    number = list(columns).index("number") if "number" in columns else None
    for row in rows:
        values = [_cell(v) for v in row]
        if number is not None:
            cell = WriteOnlyCell(sheet, value=values[number])
            cell.number_format = DECIMAL_FORMAT
            values[number] = cell
        sheet.append(values)
    book.save(path)
    return path


def _cell(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if isinstance(value, list | dict):
        import json

        return json.dumps(value, ensure_ascii=False)
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value
