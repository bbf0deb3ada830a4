"""Every read the CLI, the web pages, the exports and `kommunkoll.frames` make, written once.

Filters go into SQL, so a command reads the rows it shows and no more, whatever the size of
the database. Names match case-insensitively as Python folds them (`str.casefold`: "ÅRE"
is "Åre", which SQL's `lower()` does not know on SQLite): a kommun or nämnd name is looked
up in the small kommun and nämnd tables and becomes `namnd_id IN (...)`; a line label is
looked up among the distinct labels (an index) and becomes `line IN (...)`. Table kinds and
measures are the contract's lower-case words, so a folded value compares with `=`.

Reads that hand over a whole table (the exports) come as chunks of rows from a streaming
cursor, so memory stays flat with the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection, Engine, Result, Row

from kommunkoll.vocabulary import (
    STATUS_OK,
    STATUS_WARNING,
    UNKNOWN_FOR_LINE,
    UNKNOWN_IN_TABLE,
    UTFALL,
)

if TYPE_CHECKING:  # the ORM (SQLModel, pydantic) loads only for the document pages
    import pandas as pd
    from sqlmodel import Session

    from kommunkoll.models import Answer, Check, Finding, IngestError, Value

VIEWS = (
    "v_values",
    "v_answers",
    "v_answer_changes",
    "v_findings",
    "v_internal_controls",
    "v_answer_details",
)

ORDER = {
    "v_values": "kommun, namnd, document_year, table_position, line_position, measure, year",
    "v_answers": "kommun, namnd, year, number",
    "v_answer_changes": "kommun, namnd, year, number",
    "v_findings": "kommun, namnd, year, document_id, position",
    "v_internal_controls": "kommun, namnd, year, document_id, position",
    "v_answer_details": "kommun, namnd, year, document_id, answer_id",
}

# Filters that match the contract's lower-case words (folded, then `=`).
_FOLDED = ("table_kind", "measure", "kind", "document_kind")

Years = tuple[int, int] | None


def engine_for(db: str | Engine | None = None) -> Engine:
    """An engine on an up-to-date schema (the views come with the migrations)."""
    if isinstance(db, Engine):
        return db
    from .db import make_engine, upgrade_schema

    engine = make_engine(db)
    upgrade_schema(engine)
    return engine


def _folded(value: str | Iterable[str]) -> set[str]:
    values = [value] if isinstance(value, str) else list(value)
    return {str(v).strip().casefold() for v in values}


def namnd_ids(
    connection: Connection,
    kommun: str | Iterable[str] | None = None,
    namnd: str | Iterable[str] | None = None,
) -> list[int] | None:
    """The nämnder (ids) of these kommuner and with these names, case aside; None: all."""
    if kommun is None and namnd is None:
        return None
    kommuner = None if kommun is None else _folded(kommun)
    names = None if namnd is None else _folded(namnd)
    rows = connection.execute(
        text("SELECT n.id, k.name, n.name FROM namnd n JOIN kommun k ON k.id = n.kommun_id")
    )
    return [
        id_
        for id_, k, n in rows
        if (kommuner is None or k.casefold() in kommuner)
        and (names is None or n.casefold() in names)
    ]


def line_labels(connection: Connection, line: str | Iterable[str]) -> list[str]:
    """The stored spellings of these line labels, case and outer spaces aside."""
    wanted = _folded(line)
    rows = connection.execute(text("SELECT DISTINCT label FROM line"))
    return sorted(label for (label,) in rows if label.strip().casefold() in wanted)


@dataclass
class Where:
    """A WHERE clause built from filters, with its bound (and list-expanding) parameters."""

    clauses: list[str]
    params: dict[str, Any]
    expanding: list[str]

    def add(self, column: str, value: Any) -> None:
        name = f"p{len(self.params)}"
        if isinstance(value, list | tuple | set | frozenset):
            self.clauses.append(f"{column} IN :{name}")
            self.params[name] = list(value)
            self.expanding.append(name)
        else:
            self.clauses.append(f"{column} = :{name}")
            self.params[name] = value

    def between(self, column: str, years: Years) -> None:
        if years is not None:
            first, last = f"p{len(self.params)}", f"p{len(self.params) + 1}"
            self.clauses.append(f"{column} BETWEEN :{first} AND :{last}")
            self.params[first], self.params[last] = years

    def query(self, sql: str, order: str | None = None, limit: int | None = None):  # type: ignore[no-untyped-def]
        """`sql` with the clauses; ordered after the filters are applied: SQLite, told to
        order a view's join by the kommun name, may loop over kommuner outside the view's
        window (0.6 s instead of 20 ms at 10,000 documents; ordered by nämnd, 7 s), so the
        filtered rows are materialised first (SQLite ≥ 3.35, PostgreSQL ≥ 12)."""
        where = f" WHERE {' AND '.join(self.clauses)}" if self.clauses else ""
        if order:
            sql = f"WITH r AS MATERIALIZED ({sql}{where}) SELECT * FROM r ORDER BY {order}"
            where = ""
        statement = text(sql + where + (f" LIMIT {int(limit)}" if limit else ""))
        if self.expanding:
            statement = statement.bindparams(
                *(bindparam(n, expanding=True) for n in self.expanding)
            )
        return statement


def view_where(connection: Connection, view: str, filters: dict[str, Any]) -> Where:
    """Filters on a view's columns as SQL: a scalar is `=`, a list `IN`; `kommun` and `namnd`
    match names case-insensitively (through `namnd_id`), as does `line` on v_values;
    `years=(first, last)` keeps the view's `year` within them."""
    where = Where([], {}, [])
    given = {c: v for c, v in filters.items() if v is not None}
    for column in given:
        if not column.isidentifier():
            raise ValueError(f"not a column name: {column!r}")
    if "kommun" in given or "namnd" in given:
        ids = namnd_ids(connection, given.pop("kommun", None), given.pop("namnd", None))
        where.add("namnd_id", ids)
    where.between("year", given.pop("years", None))
    if view == "v_values" and "line" in given:
        where.add("line", line_labels(connection, given.pop("line")))
    for column, value in sorted(given.items()):
        if column in _FOLDED:
            folded = sorted(_folded(value))
            value = folded[0] if isinstance(value, str) else folded
        where.add(column, value)
    return where


def view_rows(view: str, engine: Engine, columns: str = "*", **filters: Any) -> list[Row]:
    """Rows of one view (its `columns`), filtered in SQL and in the view's order; a filter's
    value may be a scalar or a list (IN). Plain rows: a command that shows them needs no
    pandas (half a second to import)."""
    with engine.connect() as connection:
        return list(_select(connection, view, columns, filters))


def _select(connection: Connection, view: str, columns: str, filters: dict[str, Any]) -> Result:
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; one of {', '.join(VIEWS)}")
    where = view_where(connection, view, filters)
    return connection.execute(
        where.query(f"SELECT {columns} FROM {view}", ORDER[view]), where.params
    )


def read_view(view: str, db: str | Engine | None = None, **filters: Any) -> pd.DataFrame:
    """Rows of one view as a DataFrame (`view_rows`)."""
    import pandas as pd

    engine = engine_for(db)
    try:
        with engine.connect() as connection:
            result = _select(connection, view, "*", filters)
            columns = list(result.keys())
            return pd.DataFrame.from_records(result.fetchall(), columns=columns, coerce_float=True)
    finally:
        if not isinstance(db, Engine):
            engine.dispose()


def values(db: str | Engine | None = None, **filters: Any) -> pd.DataFrame:
    """Every table value with its line, measure, column year, unit, page and bbox. A column
    year may be null (an ovrigt table's header that prints none): it stays an integer."""
    frame = read_view("v_values", db, **filters)
    if "year" in frame.columns:
        frame["year"] = frame["year"].astype("Int64")
    return frame


def answers(db: str | Engine | None = None, **filters: Any) -> pd.DataFrame:
    """Every enkät answer with its question's stable key and latest wording."""
    return read_view("v_answers", db, **filters)


def answer_changes(db: str | Engine | None = None, **filters: Any) -> pd.DataFrame:
    """Answers that differ from the nämnd's answer the year before, with both comments."""
    return read_view("v_answer_changes", db, **filters)


def findings(db: str | Engine | None = None, **filters: Any) -> pd.DataFrame:
    """Risks, actions and decisions with their page."""
    return read_view("v_findings", db, **filters)


def internal_controls(db: str | Engine | None = None, **filters: Any) -> pd.DataFrame:
    """The internkontroll's identified risks (riskvärde, page) with their controls (JSON)."""
    return read_view("v_internal_controls", db, **filters)


def answer_details(db: str | Engine | None = None, **filters: Any) -> pd.DataFrame:
    """Each answer's provenance: section, question box, boxes seen, the marked box with its
    column and kind, any further marks (JSON), flags and fields."""
    return read_view("v_answer_details", db, **filters)


# --- comparisons -------------------------------------------------------------------------


def matrix_answers(
    engine: Engine, kommun: str | None = None, namnd: str | None = None, years: Years = None
) -> list[Row]:
    """The answers an answers matrix shows, and the earlier years' answers of the same
    nämnder it judges changes against (a change may come from before the first year shown)."""
    span = None if years is None else (0, years[1])
    return view_rows("v_answers", engine, kommun=kommun, namnd=namnd, years=span)


def scoped_answer_changes(
    engine: Engine, kommun: str | None = None, namnd: str | None = None, years: Years = None
) -> list[Row]:
    """The changes into the years shown, of these kommuner and nämnder."""
    return view_rows("v_answer_changes", engine, kommun=kommun, namnd=namnd, years=years)


# The v_values columns a figure series reads (`compare.figure_series`).
FIGURE_COLUMNS = (
    "value_id, kommun, namnd, document_year, table_kind, table_position, line, line_position, "
    "measure, year, number, unit, "
    "page, document_id, filename, namnd_id"
)


def figure_rows(
    engine: Engine,
    table: str,
    line: str,
    measure: str | Sequence[str] = UTFALL,
    kommun: str | None = None,
    namnd: str | None = None,
    years: Years = None,
) -> list[Row]:
    """One line's values in one kind of table, with every earlier year (for the change);
    raises UnknownLine (listing what there is) when the table has no such line or measure."""
    from .compare import _unknown

    span = None if years is None else (0, years[1])
    wanted = [m.strip() for m in measure.split(",")] if isinstance(measure, str) else list(measure)
    chosen = view_rows(
        "v_values", engine, FIGURE_COLUMNS, table_kind=table, line=line, measure=wanted,
        kommun=kommun, namnd=namnd, years=span,
    )  # fmt: skip
    if {m.casefold() for m in wanted} <= {r.measure.casefold() for r in chosen if r.measure}:
        return chosen
    with engine.connect() as connection:
        tables = [k for (k,) in connection.execute(
            text("SELECT DISTINCT kind FROM report_table ORDER BY kind")
        )]  # fmt: skip
        kind = next((t for t in tables if t.casefold() == table.casefold()), None)
        if kind is None:
            raise _unknown("table", table, tables)
        labels = line_labels(connection, line)
        if not labels or not _has_line(connection, kind, labels):
            known = sorted(table_lines(connection, kind))
            raise _unknown("line", line, known, UNKNOWN_IN_TABLE.format(table=table))
        measures = line_measures(connection, kind, line)
    for one in wanted:
        if one.casefold() not in {m.casefold() for m in measures}:
            raise _unknown("measure", one, measures, UNKNOWN_FOR_LINE.format(line=line))
    return chosen  # the line and measure exist, but not for these kommuner, nämnder or years


def figure_values(engine: Engine, *args: Any, **filters: Any) -> pd.DataFrame:
    """`figure_rows` (same arguments) as a DataFrame."""
    import pandas as pd

    rows = figure_rows(engine, *args, **filters)
    columns = [c.strip() for c in FIGURE_COLUMNS.split(",")]
    return pd.DataFrame.from_records(rows, columns=columns, coerce_float=True)


def _has_line(connection: Connection, kind: str, labels: list[str]) -> bool:
    where = view_where(connection, "v_values", {"table_kind": kind, "line": labels})
    found = connection.execute(where.query("SELECT 1 FROM v_values", limit=1), where.params)
    return found.first() is not None


def table_lines(connection: Connection, kind: str) -> list[str]:
    """The line labels of one kind of table in printed order: each at the first place
    (table, then line position) any document prints it."""
    rows = connection.execute(
        text(
            "SELECT l.label, t.position, MIN(l.position) FROM line l "
            "JOIN report_table t ON t.id = l.table_id WHERE t.kind = :kind "
            "GROUP BY l.label, t.position"
        ),
        {"kind": kind},
    )
    first: dict[str, tuple[int, int]] = {}
    for label, table_position, line_position in rows:
        place = (table_position, line_position)
        first[label] = min(first.get(label, place), place)
    return sorted(first, key=lambda label: (first[label], label))


def line_measures(connection: Connection, kind: str, line: str) -> list[str]:
    """The measures one line of one kind of table has, sorted."""
    labels = line_labels(connection, line)
    if not labels:
        return []
    where = view_where(connection, "v_values", {"table_kind": kind, "line": labels})
    found = connection.execute(
        where.query("SELECT DISTINCT measure FROM v_values", "measure"), where.params
    )
    return [measure for (measure,) in found]


def trend_choices(engine: Engine, table: str, line: str) -> dict[str, list[str]]:
    """What the trends page offers: table kinds, that table's lines, that line's measures,
    and the kommuner with values."""
    with engine.connect() as connection:
        tables = [k for (k,) in connection.execute(
            text("SELECT DISTINCT kind FROM report_table ORDER BY kind")
        )]  # fmt: skip
        lines = table_lines(connection, table)
        chosen = line if line in lines else (lines[0] if lines else "")
        kommuner = [k for (k,) in connection.execute(text(
            "SELECT k.name FROM kommun k WHERE EXISTS (SELECT 1 FROM namnd n "
            "JOIN document d ON d.namnd_id = n.id JOIN report_table t ON t.document_id = d.id "
            "WHERE n.kommun_id = k.id) ORDER BY k.name"
        ))]  # fmt: skip
        measures = line_measures(connection, table, chosen) if chosen else []
    return {"tables": tables, "lines": lines, "line": chosen, "measures": measures,
            "kommuner": kommuner}  # fmt: skip


@dataclass(frozen=True)
class Known:
    """What a filter may name: the kommuner, nämnder and document years stored."""

    kommuner: list[str]
    namnder: list[tuple[str, str]]  # (kommun, nämnd)
    years: list[int]


def known(engine: Engine, kind: str | None = None) -> Known:
    """Names and years of stored documents (of one kind, e.g. "enkat", when given): the
    nämnder that have such a document (an index on document.namnd_id), and the years,
    rather than every document joined to its names (five times slower at 10,000)."""
    of_kind = " AND d.kind = :kind" if kind else ""
    params = {"kind": kind} if kind else {}
    with engine.connect() as connection:
        pairs = connection.execute(
            text(
                "SELECT k.name, n.name FROM namnd n JOIN kommun k ON k.id = n.kommun_id "
                f"WHERE EXISTS (SELECT 1 FROM document d WHERE d.namnd_id = n.id{of_kind})"
            ),
            params,
        ).all()
        years = connection.execute(
            text(f"SELECT DISTINCT d.year FROM document d WHERE 1 = 1{of_kind}"), params
        ).all()
    return Known(
        kommuner=sorted({k for k, _ in pairs}),
        namnder=sorted({(k, n) for k, n in pairs}),
        years=sorted({int(y) for (y,) in years}),
    )


def answer_choices(engine: Engine) -> dict[str, list]:
    """What the answers page offers: the kommuner, nämnder and years that have answers."""
    with_answers = (
        "FROM document d JOIN namnd n ON n.id = d.namnd_id JOIN kommun k ON k.id = n.kommun_id "
        "WHERE EXISTS (SELECT 1 FROM answer a WHERE a.document_id = d.id)"
    )
    with engine.connect() as connection:
        return {
            name: [v for (v,) in connection.execute(
                text(f"SELECT DISTINCT {column} {with_answers} ORDER BY {column}")
            )]
            for name, column in (("kommuner", "k.name"), ("namnder", "n.name"),
                                 ("years", "d.year"))
        }  # fmt: skip


# --- documents ---------------------------------------------------------------------------


def documents(session: Session, document_id: int | None = None) -> list[tuple]:
    """(Document, Namnd, Kommun) of every document (or of one), ordered as a revisor reads."""
    from sqlmodel import select

    from kommunkoll.models import Document, Kommun, Namnd

    query = (
        select(Document, Namnd, Kommun)
        .join(Namnd, Document.namnd_id == Namnd.id)
        .join(Kommun, Namnd.kommun_id == Kommun.id)
    )
    if document_id is not None:
        query = query.where(Document.id == document_id)
    return list(session.exec(query.order_by(Kommun.name, Namnd.name, Document.year, Document.kind)))


COUNTS = ("tables", "values", "answers", "findings", "failed")


def counts(session: Session) -> dict[str, dict[int, int]]:
    """Per document id: how many tables, values, answers, findings and failed checks."""
    from sqlmodel import func, select

    from kommunkoll.models import Answer, Check, Finding, Line, ReportTable, Value

    queries = {
        "tables": select(ReportTable.document_id, func.count()).group_by(ReportTable.document_id),
        "values": select(ReportTable.document_id, func.count(Value.id))
        .join(Line, Line.table_id == ReportTable.id)
        .join(Value, Value.line_id == Line.id)
        .group_by(ReportTable.document_id),
        "answers": select(Answer.document_id, func.count()).group_by(Answer.document_id),
        "findings": select(Finding.document_id, func.count()).group_by(Finding.document_id),
        "failed": select(Check.document_id, func.count())
        .where(Check.ok == False)  # noqa: E712  (SQL, not Python)
        .group_by(Check.document_id),
    }
    return {name: dict(session.exec(query).all()) for name, query in queries.items()}


_COUNTED = {
    "tables": "SELECT document_id, count(*) FROM report_table GROUP BY document_id",
    "values": "SELECT t.document_id, count(v.id) FROM report_table t "
    "JOIN line l ON l.table_id = t.id JOIN value v ON v.line_id = l.id GROUP BY t.document_id",
    "answers": "SELECT document_id, count(*) FROM answer GROUP BY document_id",
    "findings": "SELECT document_id, count(*) FROM finding GROUP BY document_id",
}


def document_counts(engine: Engine) -> list[dict[str, object]]:
    """Per stored document: what it is and how many tables, values, answers, findings it has.
    Plain SQL, no ORM: a command that only counts need not build the SQLModel classes."""
    import json

    with engine.connect() as connection:
        count = {name: dict(connection.execute(text(sql)).all()) for name, sql in _COUNTED.items()}
        rows = connection.execute(
            text(
                "SELECT d.id, d.filename, d.kind, k.name, n.name, d.year, d.period, d.pages, "
                "d.uncaptured, d.warnings FROM document d JOIN namnd n ON n.id = d.namnd_id "
                "JOIN kommun k ON k.id = n.kommun_id ORDER BY k.name, n.name, d.year, d.kind, d.id"
            )
        ).all()
    found = []
    for id_, filename, kind, kommun, namnd, year, period, pages, uncaptured, warnings in rows:
        if isinstance(warnings, str):  # SQLite hands JSON over as its text
            warnings = json.loads(warnings)
        found.append(
            {
                "filename": filename,
                "kind": kind,
                "kommun": kommun,
                "namnd": namnd,
                "year": year,
                "period": period,
                "pages": pages,
                **{name: count[name].get(id_, 0) for name in _COUNTED},
                "uncaptured": uncaptured or 0,
                "warnings": len(warnings or ()),
                "status": STATUS_WARNING if uncaptured or warnings else STATUS_OK,
            }
        )
    return found


def ingest_errors(session: Session) -> list[IngestError]:
    """The files in quarantine, latest first."""
    from sqlmodel import select

    from kommunkoll.models import IngestError

    return list(session.exec(select(IngestError).order_by(IngestError.at.desc())).all())


@dataclass
class DocumentContents:
    """One document's tables (lines with their values by column: (measure, year), or
    (None, year, printed header) where the header names no measure), answers, findings and
    checks."""

    tables: list[dict[str, object]]
    answers: list[Answer]
    findings: list[Finding]
    checks: list[Check]


def document_contents(session: Session, document_id: int) -> DocumentContents:
    from sqlmodel import select

    from kommunkoll.models import Answer, Check, Finding, Line, ReportTable, Value

    tables = []
    for table in session.exec(
        select(ReportTable)
        .where(ReportTable.document_id == document_id)
        .order_by(ReportTable.position)
    ).all():
        lines = session.exec(
            select(Line).where(Line.table_id == table.id).order_by(Line.position)
        ).all()
        found = session.exec(
            select(Value).where(Value.line_id.in_([line.id for line in lines])).order_by(Value.id)
        ).all()
        by_line: dict[int, dict[tuple, Value]] = defaultdict(dict)
        columns: list[tuple] = []
        for v in found:
            # A header naming no known measure (an ovrigt table) is a column of its own.
            key = (v.measure, v.year) if v.measure else (None, v.year, v.header)
            by_line[v.line_id][key] = v
            if key not in columns:
                columns.append(key)
        checks = session.exec(select(Check).where(Check.table_id == table.id)).all()
        tables.append(
            {"table": table, "columns": columns, "checks": checks,
             "rows": [(line, by_line.get(line.id, {})) for line in lines]}
        )  # fmt: skip
    return DocumentContents(
        tables=tables,
        answers=list(session.exec(select(Answer).where(Answer.document_id == document_id))),
        findings=list(session.exec(
            select(Finding).where(Finding.document_id == document_id).order_by(Finding.position)
        )),
        checks=list(session.exec(
            select(Check).where(Check.document_id == document_id).order_by(Check.position)
        )),
    )  # fmt: skip


def value_in_context(session: Session, value_id: int) -> tuple | None:
    """(Value, Line, ReportTable, Document) of one value, or None."""
    from sqlmodel import select

    from kommunkoll.models import Document, Line, ReportTable, Value

    return session.exec(
        select(Value, Line, ReportTable, Document)
        .join(Line, Value.line_id == Line.id)
        .join(ReportTable, Line.table_id == ReportTable.id)
        .join(Document, ReportTable.document_id == Document.id)
        .where(Value.id == value_id)
    ).first()


# --- exports -----------------------------------------------------------------------------

_DOCUMENTS = """
SELECT d.id AS document_id, k.name AS kommun, n.name AS namnd, d.year AS year, d.kind AS kind,
       d.period AS period, d.pages AS pages, d.filename AS filename, d.sha256 AS sha256,
       d.extractor_version AS extractor_version, d.path AS path, d.ingested_at AS ingested_at
FROM document d JOIN namnd n ON n.id = d.namnd_id JOIN kommun k ON k.id = n.kommun_id
ORDER BY k.name, n.name, d.year, d.kind, d.id
"""

_CHECKS = """
SELECT c.id AS check_id, k.name AS kommun, n.name AS namnd, d.year AS year,
       t.kind AS table_kind, c.name AS name, c.ok AS ok, c.expected AS expected,
       c.found AS found, d.id AS document_id, d.filename AS filename, d.sha256 AS sha256,
       d.extractor_version AS extractor_version
FROM "check" c JOIN document d ON d.id = c.document_id
LEFT JOIN report_table t ON t.id = c.table_id
JOIN namnd n ON n.id = d.namnd_id JOIN kommun k ON k.id = n.kommun_id
ORDER BY k.name, n.name, d.year, d.id, c.position
"""

EXPORTS = {
    "documents": _DOCUMENTS,
    "values": f"SELECT * FROM v_values ORDER BY {ORDER['v_values']}",
    "answers": f"SELECT * FROM v_answers ORDER BY {ORDER['v_answers']}",
    "answer_changes": f"SELECT * FROM v_answer_changes ORDER BY {ORDER['v_answer_changes']}",
    "findings": f"SELECT * FROM v_findings ORDER BY {ORDER['v_findings']}",
    "internal_controls": f"SELECT * FROM v_internal_controls ORDER BY "
    f"{ORDER['v_internal_controls']}",
    "answer_details": f"SELECT * FROM v_answer_details ORDER BY {ORDER['v_answer_details']}",
    "checks": _CHECKS,
}


def stream(engine: Engine, sql: str, chunk: int = 20_000) -> Iterator[tuple[list[str], list]]:
    """(column names, rows) a chunk at a time from a server-side cursor, at least once (the
    names of an empty table too): memory stays the size of a chunk however many rows."""
    with engine.connect().execution_options(stream_results=True) as connection:
        result = connection.execute(text(sql))
        columns = list(result.keys())
        rows = result.fetchmany(chunk)
        yield columns, rows
        while rows := result.fetchmany(chunk):
            yield columns, rows
