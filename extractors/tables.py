"""The delårsbokslut's tables, assembled from regrouped words (see benchmarks/tables.py for why
this and not camelot or pdfplumber's table finder).

A table is found from its body, not its rules: a run of lines ending in two or more values
(numbers or "Inget värde"), whose value tokens stack into columns. The lines just above the
body that sit over those columns are its (possibly wrapped) header; each column's header text
maps to (measure, year) by meaning (`headers.measure_of`). The line above the header names the
table; labels left of the columns name the rows. Ruled and whitespace tables read the same,
because only text positions are used. A table whose continuation starts the next page (header
repeated or not) is joined to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from kommunkoll.vocabulary import (
    ARBETSMILJOMAL,
    INVESTERINGAR,
    KR,
    MNKR,
    MONEY_UNITS,
    OVRIGT,
    PROCENT,
    TABLE_KINDS,
    TKR,
)

from .compact import compact
from .contract import Cell, Row, Table
from .headers import is_header_word, measure_of, year_of
from .layout import SETTINGS, Line, phrases
from .layout import Word as Token
from .numbers import is_number, parse_number
from .ocr_figures import is_figure, percent_read

_YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")
_KIND_WORDS = tuple(
    (kind.key, re.compile(kind.title, re.I)) for kind in TABLE_KINDS.values() if kind.title
)
_KIND_PATTERN = dict(_KIND_WORDS)
_CONTINUED = re.compile(r"\(?\bforts(?:\.|ättning)", re.I)
_PRINTED_UNITS = (  # the most specific first: "mnkr" before "kr"
    (MNKR, re.compile(r"\bmn?kr\b|miljon\w* kronor", re.I)),
    (TKR, re.compile(r"\btkr\b|tusent\w* kronor", re.I)),
    (KR, re.compile(r"\bkr\b|\bkronor\b", re.I)),
    (PROCENT, re.compile(r"%|\bprocent\b", re.I)),
)


@dataclass
class Column:
    x0: float
    x1: float
    header: list[Token] = field(default_factory=list)
    key: tuple[str | None, int | None] | None = None  # (measure, year); measure None: unknown
    text: str | None = None  # the header as printed, whitespace collapsed


@dataclass
class Candidate:
    """One page's part of a table: body lines, header, columns and what names it."""

    page: int
    lines: list[Line]
    columns: list[Column]
    label_edge: float  # tokens whose centre is left of this are labels
    label_left: float = 0.0  # where the labels start
    header_lines: list[Line] = field(default_factory=list)
    above: list[Line] = field(default_factory=list)  # the lines above the header, nearest last
    first_on_page: bool = False
    last_on_page: bool = False
    lead: list[Line] = field(default_factory=list)  # the page's lines above the table
    transposed: bool = False  # read with its groups as columns (rows from `_transposed`)
    single: set[int] = field(default_factory=set)  # ids of rows with one figure ("Finansnetto -1")

    def is_row(self, line: Line) -> bool:
        """A body line that is a row (not a wrapped label): figures in two columns or more,
        or one figure under a column of the rows around it."""
        return id(line) in self.single or is_data_row(line)


# A figure as OCR may misread it: digits with a letter or two among them, a decimal point,
# semicolon or more for the comma ("-L6" for "-1,6", "-888B,9", "1.6", "0;6", "-0,.1").
_MISREAD_FIGURE = re.compile(r"[-−–+]?[\dA-Za-z]*\d[\dA-Za-z]*(?:[.,;]+[\dA-Za-z]+)?%?")


def misread_figure(token: Token) -> bool:
    """An OCR'd word that is no number but a figure misread: it stands as a table's cell
    (value null, as read, confidence 0), never as part of the row's label. Besides letters
    for digits, what OCR makes of a figure's signs: an em dash for its minus ("—1454"), a
    quote mark or a stray comma for its "%" ("8,4”0", "3,2,"), a rule glued on ("[0]")."""
    if token.conf is None or token.is_value:
        return False
    if not (_MISREAD_FIGURE.fullmatch(token.text) or is_figure(token.text)):
        return False
    year = _YEAR_ONLY.match(re.sub(r"\W", "", token.text))
    return sum(c.isalpha() for c in token.text) <= 2 and not year


def _value_of(token: Token) -> float | int | None:
    if misread_figure(token):
        return None
    try:
        return parse_number(token.text)
    except ValueError:  # OCR's: a "%" for a digit group, two pieces of a misread figure
        if token.conf is None:
            raise
        return None


def _lost_digits(tokens: Sequence[Token], k: int) -> bool:
    """An OCR'd "%" alone before a figure, after none with a decimal comma ("3 665 % 673"
    of "3 665  96 673"): digits OCR read as a "%", a cell misread (value null, flagged)."""
    token, after = tokens[k], tokens[k + 1] if k + 1 < len(tokens) else None
    return token.conf is not None and token.text == "%" and after is not None and after.is_value


_SPECK = re.compile(r"^[-−–—_|¦\[\]{}~=.,:;]+$")  # a rule, a speck or a sign gone astray


def _between_figures(tokens: Sequence[Token], k: int) -> bool:
    """An OCR'd word among a row's figures that is none: a speck or piece of a rule between
    two figures ("-112550 - -104952"), or what OCR read for the "%" after the figure before
    it ("5,4 N", "-0,6 ”"). Part of no cell, and no end of the row's label."""
    token = tokens[k]
    if token.conf is None or k == 0:
        return False
    if percent_read(token.text, tokens[k - 1].text):
        return True
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    return (
        bool(_SPECK.match(token.text))
        and after is not None
        and (after.is_value or misread_figure(after))
    )


def value_tail(line: Line) -> tuple[list[Token], list[Token]]:
    """Split a line into its label tokens and the values that end it (less what OCR read
    among the figures that is none: `_between_figures`)."""
    tokens = list(line.tokens)
    cut = len(tokens)
    skipped: set[int] = set()
    while cut > 0:
        k = cut - 1
        before = tokens[k - 1] if k > 0 else None
        after_figure = before is not None and (before.is_value or misread_figure(before))
        if after_figure and _between_figures(tokens, k):
            skipped.add(k)
        elif not (tokens[k].is_value or misread_figure(tokens[k]) or _lost_digits(tokens, k)):
            break
        cut = k
    if cut == 0 and len(tokens) >= 3 and _YEAR_ONLY.match(tokens[0].text):
        cut = 1  # "2024 7,0 4,1 ...": a year naming the row (a table printed transposed)
    elif 0 < cut < len(tokens) - 1 and _YEAR_ONLY.match(tokens[cut].text):
        gap = tokens[cut].x0 - tokens[cut - 1].x1
        if gap <= SETTINGS.phrase_gap * tokens[cut].size:
            cut += 1  # "Delår 2024 7,5 ...": the year set close after a word names the row
    if not skipped:
        return tokens[:cut], tokens[cut:]
    return tokens[:cut], [t for k, t in enumerate(tokens[cut:], start=cut) if k not in skipped]


def is_data_row(line: Line) -> bool:
    label, values = value_tail(line)
    if not values:
        return False
    if all(_YEAR_ONLY.match(v.text) for v in values):
        return False  # "2025 2024 2023": a wrapped header line of years
    return len(values) >= 2 or not label


def _columns(value_tokens: Sequence[Token]) -> list[Column]:
    """Stack value boxes into columns: boxes that overlap horizontally share a column."""
    columns: list[Column] = []
    for token in sorted(value_tokens, key=lambda t: t.x0):
        if columns and token.x0 <= columns[-1].x1 + 0.5:
            columns[-1].x1 = max(columns[-1].x1, token.x1)
        else:
            columns.append(Column(token.x0, token.x1))
    return columns


def _column_of(x: float, columns: Sequence[Column]) -> int:
    """The column a point belongs to: split at the middle of the gaps between columns."""
    for i in range(len(columns) - 1):
        if x < (columns[i].x1 + columns[i + 1].x0) / 2:
            return i
    return len(columns) - 1


def find_candidates(page_number: int, lines: Sequence[Line]) -> list[Candidate]:
    """The table bodies on one page, each with its header lines and what stands above it."""
    candidates: list[Candidate] = []
    i = 0
    while i < len(lines):
        if not is_data_row(lines[i]):
            i += 1
            continue
        start = i
        body = [lines[i]]
        single: set[int] = set()
        values = list(value_tail(lines[i])[1])
        j = i + 1
        pending: list[Line] = []
        while j < len(lines):
            line = lines[j]
            gap = line.top - (pending[-1] if pending else body[-1]).bottom
            if gap > 1.6 * line.size:
                break
            columns = _columns(values)
            vals = value_tail(line)[1]
            one = len(vals) == 1 and not is_data_row(line) and _under_one(vals[0], columns)
            if is_data_row(line) or one:
                if not _aligned(vals, columns):
                    break
                if one:
                    single.add(id(line))
                body.extend(pending)
                pending = []
                body.append(line)
                values.extend(vals)
            elif columns and line.x1 < columns[0].x0 and len(pending) < 2:
                pending.append(line)  # a label line: wrapped label or its continuation
            else:
                break
            j += 1
        # A label-only line right after the last row belongs to it when it continues it.
        for line in pending:
            if line.text[:1].islower():
                body.append(line)
            else:
                break
        columns = _columns(values)
        labels = [t for line in body for t in value_tail(line)[0] if not _misread(t, columns)]
        label_right = max((t.x1 for t in labels), default=None)
        label_edge = (label_right + columns[0].x0) / 2 if label_right is not None else -1.0
        label_left = min((t.x0 for t in labels), default=-1.0)
        candidate = Candidate(page_number, body, columns, label_edge, label_left, single=single)
        own = len(body)
        _attach_header(candidate, lines, start)
        # Body lines are contiguous from `start`; nothing close below means the page ends it.
        candidate.last_on_page = all(
            lines[k].top > body[-1].bottom + 6 * body[-1].size
            for k in range(start + own, len(lines))
        )
        if len(columns) >= 2 or candidate.header_lines:
            candidates.append(candidate)
        i = max(j, i + 1)
    return candidates


def _misread(token: Token, columns: Sequence[Column]) -> bool:
    """An OCR'd word standing among the figures, its middle right of where the first column
    starts, that reads as no figure ("§" for a "4", "BLI" for "81,1", "EE" half over the
    first column): a figure misread, not a label reaching over the columns, so it must not
    move the labels' edge (which would take the columns' headers for the table's title)."""
    return token.conf is not None and bool(columns) and token.center >= columns[0].x0


def _under_one(value: Token, columns: Sequence[Column]) -> bool:
    """A lone figure standing under exactly one column (its right edge aligned, as figures
    are set), never in the labels' space left of the first column."""
    if len(columns) < 2:
        return False
    under = [c for c in columns if value.x0 <= c.x1 + 2 and value.x1 >= c.x0 - 2]
    return len(under) == 1 and abs(value.x1 - under[0].x1) <= 2


def _aligned(values: Sequence[Token], columns: Sequence[Column]) -> bool:
    """Every value of a new row falls under a column the body already has (or near one),
    or in a gap between them: a column the rows above left blank ("59,0 %  –  90,5 %"), as
    long as most of the row stands under the columns already seen, or the row fills every
    column seen so far."""
    if not columns:
        return True
    under = [any(v.x0 <= c.x1 + 2 and v.x1 >= c.x0 - 2 for c in columns) for v in values]
    if all(under) or (sum(under) >= 2 and 2 * sum(under) >= len(values)):
        return True
    # rows above with blank cells ("Finansnetto 0,0 0,0" opening a page): a fuller row that
    # has a value under every column seen so far goes on with them
    return len(columns) >= 2 and all(
        any(v.x0 <= c.x1 + 2 and v.x1 >= c.x0 - 2 for v in values) for c in columns
    )


def _attach_header(candidate: Candidate, lines: Sequence[Line], start: int) -> None:
    """Walk up from the body: lines over the columns, close together, are the header."""
    columns = candidate.columns
    below = candidate.lines[0]
    k = start - 1
    # A first label wrapped with its numbers on its last line ("Verksamhetens" / "intäkter
    # 212 282 ..."): label-only lines right above the body, when a header stands above them.
    wrapped: list[Line] = []
    while k >= 0 and len(wrapped) < 2 and columns:
        line = lines[k]
        if _apart(line, below, 1.8) or line.x1 >= columns[0].x0 or _CONTINUED.search(line.text):
            break
        wrapped.insert(0, line)
        below = line
        k -= 1
    header: list[Line] = []
    while k >= 0:
        line = lines[k]
        limit = (3.0 if not header else 1.8) * max(line.size, below.size)
        if _apart(line, below, limit / max(line.size, below.size)):
            break
        if header and _printed(line, below) and abs(line.size - below.size) > 1.0:
            break  # a title set larger over the header ("Investeringsprojekt, tkr")
        if not _is_header_line(line, candidate, stacked=bool(header)):
            break
        header.insert(0, line)
        below = line
        k -= 1
    opens_page = (k < 0 or (k == 0 and bool(_CONTINUED.search(lines[0].text)))) and all(
        # a last line going on from the page before (under a "(forts.)" title or none)
        abs(w.size - candidate.lines[0].size) <= 0.5 and not _CONTINUED.search(w.text)
        for w in wrapped
    )
    if wrapped and not header and not opens_page:  # no header: no part of the table
        k += len(wrapped)
        wrapped = []
    candidate.lines[:0] = wrapped
    candidate.first_on_page = k < 0
    candidate.lead = list(lines[: k + 1])
    candidate.header_lines = header
    candidate.above = list(lines[max(0, k - 5) : k + 1])
    for line in header:
        _blank_last_columns(line, candidate)
    for line in header:
        for phrase in phrases(line.tokens):
            tokens = _over_columns(phrase, candidate)
            if not tokens:
                continue
            x0, x1 = tokens[0].x0, tokens[-1].x1
            under = [i for i, c in enumerate(columns) if c.x0 < x1 and c.x1 > x0]
            for token in tokens:
                # A phrase over exactly one column is that column's header, however wide.
                index = under[0] if len(under) == 1 else _column_of(token.center, columns)
                columns[index].header.append(token)


def _blank_last_columns(line: Line, candidate: Candidate) -> None:
    """A header phrase right of the last column, beside one over it on the same line
    ("Kvinnor  Män" over rows that leave Män blank): a column of its own, blank in every
    row, not a second header of the last."""
    columns = candidate.columns
    heads = [p for p in phrases(line.tokens) if _over_columns(p, candidate)]
    for phrase in heads:
        last = columns[-1]
        x0, x1 = phrase[0].x0, phrase[-1].x1
        if x0 <= last.x1 + 0.5 * phrase[0].size:
            continue
        beside = [p for p in heads if p is not phrase and p[0].x0 < last.x1 and p[-1].x1 > last.x0]
        if beside and len(phrase) <= 3:
            columns.append(Column(x0, x1))


def _apart(line: Line, below: Line, sizes: float) -> bool:
    """The line stands too far above `below` to belong with it; a page break between them
    is no distance (a header printed at the foot of the page before its table)."""
    return line.page == below.page and below.top - line.top > sizes * max(line.size, below.size)


def _header_from_page_before(candidate: Candidate, tail: Sequence[Line]) -> None:
    """A table opening its page without a header (or with only its last lines), whose
    header (and title) ended the page before: attach those lines, or leave it as it was."""
    if not candidate.first_on_page or not tail:
        return
    cut = next((i for i, line in enumerate(candidate.lines) if candidate.is_row(line)), 0)
    old_header = list(candidate.header_lines)
    saved = (list(candidate.lines), candidate.lead, candidate.above, old_header)
    headers = [list(c.header) for c in candidate.columns]
    head = candidate.lines[:cut]
    del candidate.lines[:cut]
    for column in candidate.columns:
        column.header = []
    lines = [*tail, *old_header, *head]  # a header wrapped over the break: its top before
    _attach_header(candidate, lines, len(lines))
    if len(candidate.header_lines) <= len(old_header):
        candidate.lines, candidate.lead, candidate.above, candidate.header_lines = saved
        candidate.first_on_page = True
        for column, header in zip(candidate.columns, headers, strict=True):
            column.header = header


def _title_from_page_before(candidate: Candidate, tail: Sequence[Line]) -> None:
    """A table whose header opens its page, its title ("Sjukfrånvaro") the last line of the
    page before: that line names it, as a title right above it would."""
    if not candidate.first_on_page or candidate.above or not tail:
        return
    line = tail[-1]
    words = line.text.split()
    heading = 0 < len(words) <= 8 and not line.text.rstrip().endswith((".", ",", ":", ";"))
    if heading and not value_tail(line)[1]:
        candidate.above = [line]


def _is_header_line(line: Line, candidate: Candidate, stacked: bool = False) -> bool:
    """A line over the columns that prints header words; above a header line (`stacked`),
    a line whose every phrase stands over a column is a wrapped header whatever it says."""
    if is_data_row(line):
        return False
    if _CONTINUED.search(line.text) and not _column_aligned(line, candidate):
        return False  # "Investeringar, mnkr (forts.)": the title over a continued table
    columns = candidate.columns
    reach = columns[0].x0 - 0.5 * line.size if columns else candidate.label_edge
    over_columns = [
        t for t in line.tokens if t.center >= candidate.label_edge and t.x1 > reach
    ]  # "Drift, tkr": a title whose unit ends left of the first column heads none
    if not over_columns:
        return False
    if not any(is_header_word(t.text, t.conf is not None) for t in line.tokens) and not (
        (stacked and len(over_columns) == len(line.tokens))
        or _column_aligned(line, candidate)
        or (stacked and _printed(line) and _column_aligned(line, candidate, beside_title=True))
    ):
        return False
    separators = [
        (a.x1 + b.x0) / 2 for a, b in zip(candidate.columns, candidate.columns[1:], strict=False)
    ]
    if candidate.label_edge > 0:
        separators.append(candidate.label_edge)
    # OCR's specks are no words, and bridge no gap between two phrases ("2024 -— Delår")
    for phrase in phrases([t for t in line.tokens if not _label_speck(t)]):
        x0, x1 = phrase[0].x0, phrase[-1].x1
        if any(x0 < s < x1 for s in separators) and len(phrase) > 3:
            return False  # a phrase running across columns is prose, not a header
    return True


def _printed(*lines: Line) -> bool:
    """Lines of a text layer, not read by OCR: only their sizes are the fonts' and their
    gaps the typesetter's (OCR estimates a size from each word's ink, so a 1 pt difference
    or a phrase split by a wide gap says nothing of a scan)."""
    return all(w.conf is None for line in lines for w in line.words)


def _column_aligned(line: Line, candidate: Candidate, beside_title: bool = False) -> bool:
    """Short phrases each over one column of their own, two columns or more: a header row of
    names ("Kvinnor Män < 29 år ..."), whatever words it uses. `beside_title`: one such
    phrase or more, the rest of the line left of the columns (a header's top line wrapped
    up beside the title that carries it: "Personalomsättning   Jan–aug")."""
    columns = candidate.columns
    heads = [p for p in phrases(line.tokens) if _over_columns(p, candidate)]
    if beside_title:
        rest = [p for p in phrases(line.tokens) if p not in heads]
        if not heads or not columns or any(p[-1].x1 >= columns[0].x0 for p in rest):
            return False
    elif len(heads) < 2 or len(heads) < len(phrases(line.tokens)) - 1:
        return False
    used: set[int] = set()
    for phrase in heads:
        if len(phrase) > 3:
            return False
        x0, x1 = phrase[0].x0, phrase[-1].x1
        under = [i for i, c in enumerate(columns) if c.x0 < x1 + 1 and c.x1 > x0 - 1]
        if len(under) != 1 or under[0] in used:
            return False
        used.add(under[0])
    return True


def _headers_lost(candidate: Candidate) -> bool:
    """A scanned table whose columns with no header at all stand beside two or more whose
    headers name measures: OCR lost those headers (the paper holds none of a text PDF's
    headerless columns), so the table keeps the kind the others name and those columns no
    measure."""
    scanned = not _printed(*candidate.header_lines)
    return scanned and sum(1 for c in candidate.columns if c.key and c.key[0]) >= 2


def _kind_of(candidate: Candidate, title: str | None) -> str | None:
    keys = {c.key[0] for c in candidate.columns if c.key}
    for kind in TABLE_KINDS.values():
        if kind.measures and keys & kind.measures:
            return kind.key
    label_head = " ".join(
        t.text for line in candidate.header_lines for t in line.tokens
        if t.center < candidate.label_edge
    )  # fmt: skip
    for text in (label_head, title or ""):
        for kind, pattern in _KIND_WORDS:
            if pattern.search(text):
                return kind
    labels = " ".join(" ".join(t.text for t in value_tail(line)[0]) for line in candidate.lines)
    for kind in TABLE_KINDS.values():
        if kind.rows and re.search(kind.rows, labels, re.I):
            return kind.key
    return None


def _title_line(candidate: Candidate) -> Line | None:
    if not candidate.above:
        return None
    line = candidate.above[-1]
    top = (candidate.header_lines or candidate.lines)[0].top
    if top - line.bottom > 3 * line.size:
        return None
    return line


def _arbetsmiljo_names(candidate: Candidate) -> tuple[str | None, str | None]:
    """(title, row label): the goal line(s) and the indicator printed above the header."""
    above = candidate.above
    for n in range(len(above) - 1, -1, -1):
        text = above[n].text
        match = re.match(r"\s*indikator\s*:?\s*", text, re.I)
        if not match:
            continue
        label = " ".join([text[match.end() :], *(line.text for line in above[n + 1 :])])
        goal: list[Line] = []
        m = n - 1
        while m >= 0:
            line = above[m]
            below = above[m + 1]
            if below.top - line.bottom > 1.2 * line.size:
                break
            if goal and (
                line.tokens[0].fontname != goal[0].tokens[0].fontname
                or abs(line.size - goal[0].size) > 0.5
            ):
                break
            goal.insert(0, line)
            m -= 1
        title = " ".join(line.text for line in goal) or None
        return title, " ".join(label.split())
    title_line = _title_line(candidate)
    return None, (title_line.text if title_line else None)


def build_tables(
    pages: Sequence[Sequence[Line]], report_year: int
) -> list[tuple[Table, Candidate]]:
    """Every table of a document, continuations joined, as contract tables."""
    found: list[tuple[Table, Candidate]] = []
    tail: list[Line] = []  # the page before's last lines that are no part of a table
    done = 0  # the tables finished: all before the last, which may still go on
    for page_index, lines in enumerate(pages):
        for table, _ in found[done:-1]:
            _finish(table)  # early: a long report holds them all
        done = max(done, len(found) - 1)
        if found and lines and _label_goes_on(found[-1][1], page_index + 1, lines[0]):
            row = found[-1][0].rows[-1]
            row.label = f"{row.label} {lines[0].text}"
            lines = lines[1:]
        candidates = find_candidates(page_index + 1, lines)
        if candidates:
            _header_from_page_before(candidates[0], tail)
            _title_from_page_before(candidates[0], tail)
        used = {id(li) for c in candidates for li in (*c.header_lines, *c.lines)}
        n = len(lines)
        while n > 0 and id(lines[n - 1]) not in used:
            n -= 1
        tail = list(lines[n:])[-6:]
        for candidate in candidates:
            _name_columns(candidate, report_year)
            previous = found[-1] if found else None
            if previous and _continues(previous[1], candidate):
                if not previous[1].transposed:
                    _append_rows(previous[0], previous[1], candidate)
                elif not _continue_transposed(previous[0], previous[1], candidate, report_year):
                    continue
                previous[1].last_on_page = candidate.last_on_page
                previous[1].page = candidate.page
                continue
            if not candidate.header_lines and not _numeric_block(candidate):
                continue  # a line or two of figures in the text, no table
            title_line = _title_line(candidate)
            title = title_line.text if title_line else None
            lost = _headers_lost(candidate)
            known = all(
                c.key and c.key[0] for c in candidate.columns if not (lost and c.text is None)
            )
            if not known and (rows := _transposed(candidate, report_year)) is not None:
                kind = _kind_of(candidate, title)
                if kind is not None and kind != ARBETSMILJOMAL:
                    candidate.transposed = True
                    table = Table(
                        kind=kind,  # type: ignore[arg-type]
                        title=title if _KIND_PATTERN[kind].search(title or "") else None,
                        page=candidate.page,
                        unit=_unit(kind, candidate, title),  # type: ignore[arg-type]
                        rows=rows,
                    )
                    found.append((table, candidate))
                    continue
            kind = _kind_of(candidate, title) if known else None
            if kind is None:
                kind = OVRIGT  # every column keeps its printed header; measure where it says
                label_head = _label_head(candidate)
                if title is None or label_head:
                    title = label_head or title
            if kind == ARBETSMILJOMAL:
                title, label = _arbetsmiljo_names(candidate)
            else:
                label = None
                pattern = _KIND_PATTERN.get(kind)
                if title and pattern is not None and not pattern.search(title):
                    title = None  # a section heading that does not name the table
            table = Table(
                kind=kind,  # type: ignore[arg-type]
                title=title,
                page=candidate.page,
                unit=_unit(kind, candidate, title),  # type: ignore[arg-type]
                rows=[],
            )
            _append_rows(table, candidate, candidate, default_label=label)
            if table.rows:
                found.append((table, candidate))
    for table, _ in found[done:]:
        _finish(table)
    return found


def _finish(table: Table) -> None:
    """A table nothing adds to any more: its sub-lines' parents set, the assembly-only
    attributes dropped, and made compact (compact.py) once, here: after it only checks are
    added to it (report_tables.py), and they are made compact where they are made."""
    if table.kind == INVESTERINGAR:
        _set_parents(table)
    strip_internal(table)
    compact([table])


def _label_goes_on(previous: Candidate, page: int, line: Line) -> bool:
    """The next page opens with the last row's label wrapped after its figures ("Stöd och
    12,2 ..." / "behandling"): a lower-case word or two in the label column, where the
    labels start, and no sentence's end."""
    if previous.transposed or previous.page != page - 1 or not previous.last_on_page:
        return False
    if not previous.columns or value_tail(line)[1] or not line.text[:1].islower():
        return False
    x0 = previous.lines[-1].x0
    return (
        line.x1 < previous.columns[0].x0
        and abs(line.x0 - x0) <= 0.5 * line.size
        and not line.text.rstrip().endswith((".", ":", "!", "?"))
    )


def _continue_transposed(
    table: Table, owner: Candidate, candidate: Candidate, report_year: int
) -> bool:
    """A transposed table's rows (its measures) going on at the next page's top: read again
    with them, so each group's row gets its cells from both pages. False (nothing changed)
    when the whole no longer reads as one transposed table."""
    own, single = len(owner.lines), set(owner.single)
    owner.lines.extend(candidate.lines)
    owner.single |= candidate.single
    rows = _transposed(owner, report_year)
    if rows is None:
        del owner.lines[own:]
        owner.single = single
        return False
    table.rows = rows
    return True


def _transposed(candidate: Candidate, report_year: int) -> list[Row] | None:
    """A table printed with its groups as columns and its measures as rows ("Kvinnor Män
    < 29 år ..." over rows "2024", "2023", "Förändring"): one row per group. None unless
    every row's label names a distinct (measure, year) and every other column has a header."""
    columns = candidate.columns
    first_page = candidate.lines[0].page
    lines = [line for line in candidate.lines if candidate.is_row(line)]
    keyed: list[tuple[str, tuple[str, int], list[Token], int]] = []
    firsts = [
        next((v for v in value_tail(line)[1] if _column_of(v.center, columns) == 0), None)
        for line in lines
    ]
    # A headless first column of years ("Jan–aug" / "2024 7,0 ..."): part of the row labels.
    year_column = (
        not columns[0].text
        and any(firsts)
        and all(t is None or _YEAR_ONLY.match(t.text) for t in firsts)
    )
    prefix: list[str] = []
    for line in candidate.lines:
        if not candidate.is_row(line):
            prefix.append(line.text)  # a row label wrapped, its figures on its last line
            continue
        label_tokens, values = value_tail(line)
        if year_column and values and _column_of(values[0].center, columns) == 0:
            label_tokens, values = label_tokens + values[:1], values[1:]
        label = " ".join([*prefix, *(t.text for t in label_tokens)])
        prefix = []
        key = measure_of(label, report_year) if label else None
        if key is None:
            return None
        keyed.append((label, key, values, line.page))
    groups = [i for i, c in enumerate(columns) if c.text and not (year_column and i == 0)]
    if len({k for _, k, _, _ in keyed}) != len(keyed) or len(groups) < 2:
        return None
    if any(not columns[i].text for i in range(1 if year_column else 0, len(columns))):
        return None
    rows: list[Row] = []
    for i in groups:
        column = columns[i]
        cells = []
        for label, (measure, year), values, page in keyed:
            token = next((v for v in values if _column_of(v.center, columns) == i), None)
            cells.append(
                Cell(
                    measure=measure,  # type: ignore[arg-type]
                    year=year,
                    value=_value_of(token) if token else None,
                    bbox=token.bbox if token else None,
                    page=page,
                    text=token.text if token else "",
                    header=label,
                )
            )
        top = min(t.top for t in column.header)
        row = Row(
            label=re.sub(r"(\d)- (\d)", r"\1-\2", column.text or ""),  # "Dag 1-" / "14"
            cells=cells,
            page=first_page,
            bbox=_box(
                column.x0,
                top,
                column.x1,
                max(line.bottom for line in lines if line.page == first_page),
            ),
        )
        _set_label_confidence(row, [column.header])
        rows.append(row)
    return rows


def _name_columns(candidate: Candidate, report_year: int) -> None:
    """Each column's printed header, and the (measure, year) it names; a header that names
    no known measure keeps its text with measure None (and the year it prints, if any)."""
    seen: set[tuple[str | None, int | None]] = set()
    for column in candidate.columns:
        tokens = column.header  # line by line, top down (over a page break too), as printed
        printed = [t for t in tokens if not _label_speck(t)]
        text = " ".join(" ".join(t.text for t in printed).split()) or None
        column.text = text
        if text is None:
            column.key = None
            continue
        key = measure_of(text, report_year, ocr=any(t.conf is not None for t in tokens))
        if key is None or key in seen:  # the same measure twice: keep both, name neither
            key = (None, year_of(text))
        seen.add(key)
        column.key = key


def _numeric_block(candidate: Candidate) -> bool:
    """A table printed without a header: several rows, each with values in two columns."""
    rows = [line for line in candidate.lines if candidate.is_row(line)]
    return len(rows) >= 3 and len(candidate.columns) >= 2


def _over_columns(phrase: Sequence[Token], candidate: Candidate) -> list[Token]:
    """The tokens of a header phrase that head columns. A phrase reaching over the columns
    that does not start at the labels' left edge ("Avv. prognos/budget", centred wider than
    its column) heads them whole; a stub or title at the left edge keeps its own words."""
    over = [t for t in phrase if t.center >= candidate.label_edge]
    if over and phrase[0].x0 > candidate.label_left + 2 * phrase[0].size:
        return list(phrase)
    if candidate.columns:  # "Personalomsättning externt (%)": a title's unit left of the figures
        reach = candidate.columns[0].x0 - 0.5 * phrase[0].size
        over = [t for t in over if t.x1 > reach]
    return over


def _label_head(candidate: Candidate) -> str | None:
    """The text of the header lines over the labels (stub or title)."""
    words = [
        t.text
        for line in candidate.header_lines
        for phrase in phrases(line.tokens)
        for t in phrase
        if t not in _over_columns(phrase, candidate)
    ]
    return " ".join(" ".join(words).split()) or None


def _unit(kind: str, candidate: Candidate, title: str | None) -> str | None:
    """The unit the stub, title or header prints, else the kind's own."""
    texts = [" ".join(line.text for line in candidate.header_lines), title or ""]
    printed = next(
        (unit for text in texts for unit, pattern in _PRINTED_UNITS if pattern.search(text)),
        None,
    )
    entry = TABLE_KINDS[kind]
    if entry.unit in MONEY_UNITS and kind != OVRIGT:
        return printed if printed in MONEY_UNITS else entry.unit
    if kind == OVRIGT:
        if printed is None and any(
            "%" in c.text for row in candidate.lines for c in value_tail(row)[1]
        ):
            return PROCENT
        return printed
    return TKR if printed == TKR else entry.unit


def _continues(previous: Candidate, candidate: Candidate) -> bool:
    """The next page's first table goes on with the last one: nothing between, and the same
    header or, without one, each column under its own one of the table's."""
    if candidate.page != previous.page + 1 or not previous.last_on_page:
        return False
    if not (candidate.first_on_page or _continued_title(candidate) or _head_only(candidate)):
        return False
    if candidate.header_lines:
        keys = [c.key for c in candidate.columns]
        return keys == [c.key for c in previous.columns]
    if len(candidate.columns) > len(previous.columns):
        return False
    # each column under its own one of the table's (fewer: the rows here leave some blank)
    under = [
        [i for i, theirs in enumerate(previous.columns) if _overlap(mine, theirs)]
        for mine in candidate.columns
    ]
    if any(len(u) != 1 for u in under) or len({u[0] for u in under}) != len(under):
        return False
    candidate.columns = [
        Column(c.x0, c.x1, key=c.key, text=c.text) for c in previous.columns
    ]  # the table's columns, so each value goes to its own by position
    return True


def _overlap(a: Column, b: Column) -> bool:
    return not (a.x1 < b.x0 - 2 or a.x0 > b.x1 + 2)


def _head_only(candidate: Candidate) -> bool:
    """A scanned page whose only line above the table is a running head OCR misread (so
    the page model did not know it for furniture: "Delarsbokslut" for "Delårsbokslut"):
    one line, standing apart from the header as no title does."""
    lone_line = len(candidate.lead) == 1 and _title_line(candidate) is None
    return lone_line and not _printed(*candidate.lines)


def _continued_title(candidate: Candidate) -> bool:
    """Only a "(forts.)" title stands above the table on its page: the last one goes on."""
    return len(candidate.lead) == 1 and bool(_CONTINUED.search(candidate.lead[0].text))


def _append_rows(
    table: Table, owner: Candidate, candidate: Candidate, default_label: str | None = None
) -> None:
    """Rows of one body: wrapped labels joined, every column a cell (empty ones null)."""
    columns = candidate.columns
    named = owner.columns if owner is not candidate else columns
    keys = [c.key for c in named]
    headers = [c.text for c in named]
    prefix: list[Token] = []
    pieces: list[list[Token]] = []  # the label's printed lines, their tokens
    limit = max((t.x1 for li in candidate.lines for t in value_tail(li)[0]), default=0.0)
    last: Row | None = None
    for line in candidate.lines:
        label_tokens, values = value_tail(line)
        if not candidate.is_row(line):
            if last is not None and line.text[:1].islower() and not prefix:
                last.label = _join_label([line.tokens], limit, last.label, pieces[-1])
                pieces.append(list(line.tokens))
                _set_label_confidence(last, pieces)
                last.label_x0 = min(last.label_x0, line.x0)  # type: ignore[attr-defined]
                if last.bbox is not None and last.page == candidate.page:
                    x0, top, x1, _ = last.bbox  # the row's box spans its wrapped label
                    last.bbox = (round(min(x0, line.x0), 2), top, x1, round(line.bottom, 2))
            else:
                pieces = [] if not prefix else pieces
                prefix.extend(line.tokens)
                pieces.append(list(line.tokens))
            continue
        words = prefix + label_tokens
        pieces = [*(pieces if prefix else []), list(label_tokens)]
        label = _join_label(pieces, limit) or default_label or ""
        label = re.sub(r"(\S)/ (?=\S)", r"\1/", label)  # "Kommunbidrag/" wrapped: one word
        row_top = min([line.top, *(t.top for t in words)])
        row_bottom = max([line.bottom, *(t.bottom for t in words)])
        by_column: dict[int, Token] = {}
        for value in values:
            index = _column_of(value.center, columns)
            held = by_column.get(index)
            by_column[index] = value if held is None else _one_figure(held, value)
        cells = []
        for index, (column, key) in enumerate(zip(columns, keys, strict=True)):
            token = by_column.get(index)
            measure, year = key or (None, None)
            header = headers[index]
            if token is None:
                cells.append(
                    Cell(
                        measure=measure,  # type: ignore[arg-type]
                        year=year,
                        value=None,
                        bbox=_box(column.x0, row_top, column.x1, row_bottom),
                        page=candidate.page,
                        text="",
                        header=header,
                    )
                )
                continue
            cells.append(
                Cell(
                    measure=measure,  # type: ignore[arg-type]
                    year=year,
                    value=_value_of(token),
                    bbox=token.bbox,
                    page=candidate.page,
                    text=token.text,
                    header=header,
                )
            )
        row = Row(
            label=label,
            cells=cells,
            page=candidate.page,
            bbox=_box(min([line.x0, *(t.x0 for t in words)]), row_top, line.x1, row_bottom),
        )
        row.label_x0 = words[0].x0 if words else line.x0  # type: ignore[attr-defined]
        _set_label_confidence(row, pieces)
        table.rows.append(row)
        last = row
        prefix = []


def _one_figure(held: Token, value: Token) -> Token:
    """Two values in one column of a row: OCR's estimate of the gap split one printed
    number ("-31" and "861" of "-31 861") wider than a word space, so they are that number
    when they read as one; else the later one, boxed over both (so a person confirming it
    sees both, and its confidence is the less sure one's), unless either reads as no number
    ("%" and "673" of "96 673"): then both as read, a figure misread (value null, flagged).
    A text PDF's figures were grouped by their real gaps: the later one, as always."""
    if held.conf is None or value.conf is None:
        return value
    joined = f"{held.text} {value.text}"
    misread = _value_of(held) is None or _value_of(value) is None
    text = joined if is_number(joined) or misread else value.text
    return Token(
        text,
        held.x0,
        value.x1,
        min(held.top, value.top),
        max(held.bottom, value.bottom),
        max(held.size, value.size),
        value.fontname,
        conf=min(held.conf, value.conf),
    )


_VOWEL = re.compile(r"[aeiouyåäöéü]", re.I)
_LABEL_SPECK = re.compile(r"[.,:;=~_|¦«»—]+|[-−–—]{2,}")  # a printed "-" alone may be text


def _label_speck(token: Token) -> bool:
    """An OCR'd word of a label or header that is only a speck or a piece of a rule ("="
    before "30-49 år", "." before "Män"): no part of what it names."""
    return token.conf is not None and bool(_LABEL_SPECK.fullmatch(token.text))


def _box(x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float]:
    """A cell's or row's box as the JSON gives it: to a hundredth of a point."""
    return (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))


def _set_label_confidence(row: Row, pieces: Sequence[Sequence[Token]]) -> None:
    """An OCR'd row's `label_confidence`: the least sure word of its printed label (specks
    left out, as from the label). A value is found by its row's name, so a value under a
    name OCR is unsure of is flagged too (ocr_confidence.flag_cells). Printed rows have none."""
    printed = [t for piece in pieces for t in piece if not _label_speck(t)]
    confs = [t.conf for t in printed if t.conf is not None]
    if confs:
        row.label_confidence = round(min(confs), 1)  # type: ignore[attr-defined]


def _join_label(
    pieces: Sequence[Sequence[Token]],
    limit: float,
    head: str = "",
    before: Sequence[Token] = (),
) -> str:
    """A wrapped label's lines as one text (after `head`, the label so far, whose last line
    is `before`). A word too long for the label column is broken where the column ends
    ("trygghetstekni" / "k"): a line of one word reaching the widest label's right edge,
    and a piece after it that no word can be (no vowel), go together without a space."""
    text = head
    for piece in pieces:
        piece = [t for t in piece if not _label_speck(t)]
        if not piece:
            continue
        broken = (
            bool(text)
            and len(before) == 1
            and before[0].x1 >= limit - 0.6 * before[0].size
            and not _VOWEL.search(piece[0].text)
        )
        text = f"{text}{'' if broken else ' '}{' '.join(t.text for t in piece)}"
        before = piece
    return " ".join(text.split())


def _set_parents(table: Table) -> None:
    """Investment sub-lines are indented under their parent; the total is not."""
    stack: list[Row] = []
    for row in table.rows:
        x0 = row.label_x0  # type: ignore[attr-defined]
        while stack and stack[-1].label_x0 >= x0 - 2:  # type: ignore[attr-defined]
            stack.pop()
        if stack:
            row.parent = stack[-1].label  # type: ignore[attr-defined]
        stack.append(row)


def strip_internal(table: Table) -> Table:
    """Drop the assembly-only attributes before the table leaves the extractor (from the
    fields set too, so the row can share its class's set: compact.py)."""
    for row in table.rows:
        if "label_x0" in (row.model_extra or {}):
            del row.model_extra["label_x0"]  # type: ignore[index]
            row.__pydantic_fields_set__.discard("label_x0")
    return table
