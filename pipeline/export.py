"""Every table in long (tidy) form, one file per table: CSV, Excel or Parquet.

The tables are the analyst views (values, answers, answer_changes, findings) plus documents
and checks, each row carrying kommun, nämnd, year, document and provenance columns. Rows
stream from the database a chunk at a time into the file, so memory stays flat however
large the database; every chunk gets the same column types (`arrow_type`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
from sqlalchemy.engine import Engine

from kommunkoll.vocabulary import FORMAT_SPEC

from .queries import EXPORTS, stream

FORMATS = ("csv", "xlsx", "parquet")
CHUNK = 20_000

_INTEGERS = {"year", "document_year", "year_before", "page", "page_before", "pages", "position"}
_INTEGERS |= {"table_position", "line_position", "mark_page", "boxes"}
_FLOATS = {"number", "x0", "top", "x1", "bottom", "expected", "found", "riskvarde"}
_FLOATS |= {"mark_x0", "mark_top", "mark_x1", "mark_bottom"}
# Stored as JSON: written as JSON text in every format.
JSON_COLUMNS = ("entities", "controls", "other_marks", "flags", "fields")


# A question's number is text ("4.4."), a value's a number.
_TEXT = {
    "answers": {"number"},
    "answer_changes": {"number", "number_before"},
    "answer_details": {"number"},
}


def arrow_type(table: str, column: str) -> pa.DataType:
    """A column's type from its name, the same on SQLite and PostgreSQL and in every chunk."""
    if column in _TEXT.get(table, ()):
        return pa.string()
    if column == "id" or column.endswith("_id") or column.endswith("_id_before"):
        return pa.int64()
    if column in _INTEGERS:
        return pa.int64()
    if column in _FLOATS:
        return pa.float64()
    if column == "ok":
        return pa.bool_()
    if column == "ingested_at":
        return pa.timestamp("us", tz="UTC")
    return pa.string()


def batches(engine: Engine, name: str, chunk: int = CHUNK) -> Iterator[pa.RecordBatch]:
    """One export table as Arrow record batches (at least one, empty for an empty table).
    Each column goes to Arrow straight from the rows (no DataFrame between: a third of the
    time of a Parquet export at 800,000 values, and pandas is not loaded for it)."""
    for columns, rows in stream(engine, EXPORTS[name], chunk):
        schema = pa.schema([(c, arrow_type(name, c)) for c in columns])
        if not rows:
            yield pa.RecordBatch.from_pylist([], schema=schema)
            continue
        arrays = [
            # from_pandas: a NaN a database hands back is a null, as in every other column
            pa.array(_converted(column, values), type=field.type, from_pandas=True)
            for column, field, values in zip(columns, schema, zip(*rows, strict=True), strict=True)
        ]
        yield pa.RecordBatch.from_arrays(arrays, schema=schema)


def _converted(column: str, values: tuple) -> Sequence[object]:
    """A column's values as Arrow takes them: JSON as text, `ok` as a bool (SQLite says 0 or
    1), `ingested_at` as a time in UTC (SQLite hands back text, PostgreSQL a datetime)."""
    if column in JSON_COLUMNS:
        return [_json_text(v) for v in values]
    if column == "ok":
        return [None if v is None else bool(v) for v in values]
    if column == "ingested_at":
        return [_utc(v) for v in values]
    return values


def _utc(value: object) -> datetime | None:
    """A stored time in UTC: one without a zone was written in UTC (`models.schema._now`)."""
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _json_text(value: object) -> str | None:
    """A JSON column's value as JSON text: the same in every format and on both databases
    (SQLite hands back text, PostgreSQL parsed lists)."""
    return (
        value if value is None or isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    )


def check_format(fmt: str) -> None:
    """ValueError, in the words a user reads, for a format there is no writer for."""
    if fmt not in FORMATS:
        raise ValueError(FORMAT_SPEC.format(formats=", ".join(FORMATS), fmt=fmt))


def export(engine: Engine, out_dir: Path, fmt: str, chunk: int = CHUNK) -> list[Path]:
    """Write DIR/<table>.<fmt> for every table, `chunk` rows at a time; returns the files."""
    check_format(fmt)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in EXPORTS:
        path = out_dir / f"{name}.{fmt}"
        {"csv": _csv, "parquet": _parquet, "xlsx": _xlsx}[fmt](
            batches(engine, name, chunk), path, name
        )
        written.append(path)
    return written


def _parquet(chunks: Iterator[pa.RecordBatch], path: Path, _name: str) -> None:
    import pyarrow.parquet as pq

    first = next(chunks)
    with pq.ParquetWriter(path, first.schema) as writer:
        writer.write_batch(first)
        for batch in chunks:
            writer.write_batch(batch)


def _csv(chunks: Iterator[pa.RecordBatch], path: Path, _name: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        for i, batch in enumerate(chunks):
            frame = batch.to_pandas(types_mapper=_nullable)
            frame.to_csv(handle, index=False, header=i == 0)


def _nullable(kind: pa.DataType):  # type: ignore[no-untyped-def]
    """Integers stay integers beside a null (pandas would make 3 into 3.0)."""
    import pandas as pd

    return pd.Int64Dtype() if kind == pa.int64() else None


def _xlsx(chunks: Iterator[pa.RecordBatch], path: Path, name: str) -> None:
    """Excel holds at most 1,048,576 rows a sheet, so this one is built whole."""
    from .xlsx import frame_workbook

    frame = pa.Table.from_batches(list(chunks)).to_pandas(types_mapper=_nullable)
    for column in frame.select_dtypes(include=["datetimetz"]).columns:
        frame[column] = frame[column].dt.tz_localize(None)  # Excel has no time zones
    frame_workbook(frame, name, path)
