"""The product's domain words, spelled once: kinds, measures, units, answers, marks, and the
Swedish a user reads for each.

Every other module (the contract's Literals, the header and table readers, answer marks, the
NLP's segmenter, the terminal, Excel and web pages) imports its words from here, so adding a
table kind, a measure or a mark glyph is one entry in this file, and a test
(`tests/test_vocabulary.py`) fails when a product module spells one of these values itself.

Structure: each family is a handful of `KEY = "key"` constants (what code compares against and
the database stores), a frozen dataclass per entry (its Swedish `name`, the printed `words`
that mean it and what else the readers need), and a dict from key to entry, in contract order.
Pure data: the standard library only, so the extractors can import it at no cost.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar


class _Keyed(Protocol):
    @property
    def key(self) -> str: ...


_T = TypeVar("_T", bound=_Keyed)


def _index(*entries: _T) -> dict[str, _T]:
    index = {entry.key: entry for entry in entries}
    assert len(index) == len(entries), "a key is spelled twice"
    return index


@dataclass(frozen=True)
class Term:
    """A stored value, its Swedish display name and the printed words that mean it."""

    key: str
    name: str
    words: tuple[str, ...] = ()  # casefolded, whitespace collapsed


# ---------------------------------------------------------------- document kinds
DELARSBOKSLUT = "delarsbokslut"
ENKAT = "enkat"
ARSREDOVISNING = "arsredovisning"


@dataclass(frozen=True)
class DocumentKind:
    """A kind of document. `title` is a regex that names the kind on a title page (the year
    printed beside it is the report year); `period` says whether the document covers part
    of a year (januari-augusti) rather than a whole one; `holds` what its reader reads
    ("tables" or "answers"), so a document without any is flagged."""

    key: str
    name: str
    title: str
    period: bool = False
    holds: str = "tables"


DOCUMENT_KINDS: dict[str, DocumentKind] = _index(
    DocumentKind(
        DELARSBOKSLUT,
        "Delårsbokslut",
        r"delårs(?:-\s*)?(?:bokslut|rapport|uppföljning)",
        period=True,
    ),
    DocumentKind(
        ENKAT,
        "Enkät",
        r"grundläggande granskning|revisorernas? (?:frågor|enkät)|enkät|frågor till",
        holds="answers",
    ),
    DocumentKind(
        ARSREDOVISNING,
        "Årsredovisning",
        r"(?<![\w-])(?:årsredovisning|årsbokslut|verksamhetsberättelse)",
    ),
)

# ---------------------------------------------------------------- units
TKR = "tkr"
PROCENT = "procent"
ANDEL = "andel"

UNITS: dict[str, Term] = _index(
    Term(TKR, "tkr", ("tkr", "tusental kronor")),
    Term(PROCENT, "%", ("procent", "%")),
    Term(ANDEL, "andel", ("andel",)),
)

# ---------------------------------------------------------------- measures
BUDGET = "budget"
PROGNOS = "prognos"
AVVIKELSE = "avvikelse"
UTFALL = "utfall"
BOKSLUT = "bokslut"  # the whole year's outcome, as an årsredovisning prints it
DIFFERENS = "differens"
MAL = "mal"
PRELIMINART_UTFALL = "preliminart_utfall"


@dataclass(frozen=True)
class Measure:
    """A column's measure. `header` is a regex searched in the column's normalised header
    (`headers.normalise_header`); the first measure of MEASURE_HEADER_ORDER that matches wins."""

    key: str
    name: str
    header: str


MEASURES: dict[str, Measure] = _index(
    Measure(BUDGET, "Budget", r"budget"),
    Measure(PROGNOS, "Prognos", r"prognos"),
    Measure(AVVIKELSE, "Avvikelse", r"\bavv"),
    Measure(UTFALL, "Utfall", r"utfall|bokslut|delår|rapport|^\s*\d{4}\s*$"),
    Measure(DIFFERENS, "Differens", r"\bdiff"),
    Measure(MAL, "Mål", r"(?<!\w)mål(?!\w)"),
    Measure(PRELIMINART_UTFALL, "Prel. utfall", r"preliminär"),
    # "Bokslut 2025", "Utfall helår", "Årsbokslut"; never "Delårs(-) bokslut".
    Measure(
        BOKSLUT,
        "Bokslut",
        r"(?<!delårs)(?<!delårs )(?<!delårs-)bokslut|utfall helår|helårsutfall",
    ),
)
# "Avv. prognos/budget" names prognos and budget but is avvikelse; "Preliminärt utfall" is not
# utfall: the most specific words are tried first.
MEASURE_HEADER_ORDER: tuple[str, ...] = (
    AVVIKELSE, DIFFERENS, PRELIMINART_UTFALL, MAL, PROGNOS, BUDGET, BOKSLUT, UTFALL,
)  # fmt: skip
# Measures that compare two others rather than state an amount (not summed by the checks).
DIFFERENCE_MEASURES: frozenset[str] = frozenset({AVVIKELSE, DIFFERENS})

# ---------------------------------------------------------------- table kinds
DRIFT = "drift"
INVESTERINGAR = "investeringar"
PERSONALOMSATTNING = "personalomsattning"
SJUKFRANVARO = "sjukfranvaro"
ARBETSMILJOMAL = "arbetsmiljomal"


@dataclass(frozen=True)
class TableKind:
    """A kind of report table and how a reader recognises it.

    `title` is a regex over the table's title (or the header above its labels) that names the
    kind; `rows` a regex over its row labels, for a table printed without such a title;
    `measures` the columns that alone make a table this kind. `unit` is the unit when the
    header does not print one; `fixed_unit` says the header cannot change it.
    """

    key: str
    name: str
    unit: str
    title: str = ""
    rows: str = ""
    measures: frozenset[str] = frozenset()
    fixed_unit: bool = False


TABLE_KINDS: dict[str, TableKind] = _index(
    TableKind(
        DRIFT,
        "Drift",
        TKR,
        title=r"^drift\b|driftredovisning|resultaträkning",
        rows=r"verksamhetens (?:netto)?kostnader|årets resultat",
        fixed_unit=True,
    ),
    TableKind(
        INVESTERINGAR,
        "Investeringar",
        TKR,
        title=r"investering",
        rows=r"investering|totala utgifter",
        fixed_unit=True,
    ),
    TableKind(PERSONALOMSATTNING, "Personalomsättning", PROCENT, title=r"personalomsättning"),
    TableKind(SJUKFRANVARO, "Sjukfrånvaro", PROCENT, title=r"sjukfrånvaro"),
    TableKind(
        ARBETSMILJOMAL, "Arbetsmiljömål", ANDEL, measures=frozenset({MAL, PRELIMINART_UTFALL})
    ),
)

# ---------------------------------------------------------------- answers
JA = "ja"
NEJ = "nej"
DELVIS = "delvis"
VET_EJ = "vet_ej"

ANSWERS: dict[str, Term] = _index(
    Term(JA, "Ja", ("ja",)),
    Term(NEJ, "Nej", ("nej",)),
    Term(DELVIS, "Delvis", ("delvis",)),
    Term(VET_EJ, "Vet ej", ("vet ej", "vet inte")),
)
# A printed answer-column header word (casefolded) → the answer it stands for.
ANSWER_WORDS: dict[str, str] = {word: a.key for a in ANSWERS.values() for word in a.words}
NO_ANSWER = "–"  # shown where a question was asked but no box is marked
# The header of a single answer column in which the answer is typed as a word, and the label
# an answer is written after under the question ("Svar: Ja").
ANSWER_COLUMN_HEADERS = frozenset({"svar"})
ANSWER_LABELS = frozenset({"svar:", "svar"})
# First words of a wrapped "Vet ej" / "Vet inte" header and what may follow them.
VET_WORDS = ("vet", frozenset({"ej", "inte"}))

# Answer flags: problems with one answer (the answer is then left null).
MULTIPLE_MARKS = "multiple_marks"
ANSWER_UNREAD = "answer_unread"
ANSWER_FLAGS: dict[str, Term] = _index(
    Term(MULTIPLE_MARKS, "flera rutor markerade"),
    Term(ANSWER_UNREAD, "svaret kunde inte läsas"),
)

# ---------------------------------------------------------------- marks
# Characters that mark an answer when placed in its column, and the empty-box glyphs.
LETTER_MARKS = frozenset("xX")  # a mark only when the letter stands alone
TICKS = frozenset("✗✘✓✔")
ON_GLYPHS = frozenset("☒☑■▣✅")
OFF_GLYPHS = frozenset("☐□")
MARK_GLYPHS = TICKS | ON_GLYPHS | OFF_GLYPHS  # every mark character but the letters


def character_class(chars: Iterable[str]) -> str:
    """A regex character class body for `chars` (sorted, so the pattern is stable)."""
    return "".join(sorted(f"\\{c}" if c in "\\]^-" else c for c in chars))


MARK_TEXT = "text"
MARK_GLYPH = "glyph"
MARK_DRAWN = "drawn"
MARK_FORM = "form"
MARK_KINDS: dict[str, Term] = _index(
    Term(MARK_TEXT, "tecken i texten"),  # an x or ✓ printed as text
    Term(MARK_GLYPH, "ruta som tecken"),  # a ☒ glyph
    Term(MARK_DRAWN, "ritad ruta"),  # a box drawn with lines, crossed or filled
    Term(MARK_FORM, "formulärfält"),  # a PDF form checkbox or radio button
)

# ---------------------------------------------------------------- findings
RISK = "risk"
ACTION = "action"
DECISION = "decision"
FINDING_KINDS: dict[str, Term] = _index(
    Term(RISK, "Risk"),
    Term(ACTION, "Åtgärd"),
    Term(DECISION, "Beslut"),
)

ORIGIN_TEXT = "text"
ORIGIN_LIST = "list"
ORIGIN_INTERNKONTROLL = "internkontroll"
FINDING_ORIGINS: dict[str, Term] = _index(
    Term(ORIGIN_TEXT, "löptext"),
    Term(ORIGIN_LIST, "lista över risker"),
    Term(ORIGIN_INTERNKONTROLL, "internkontroll"),
)

# ---------------------------------------------------------------- checks
# What each arithmetic check asserts, in Swedish ({total}, {first}, {second} are row labels).
CHECK_RULES: dict[str, str] = {
    "cost_lines": "{total} = summan av kostnadsraderna",
    "net": "{total} = {first} + {second}",
    "sub_lines": "{total} = summan av underraderna",
    "investment_lines": "{total} = summan av investeringsraderna",
    "avvikelse": "avvikelse = {first} − {second}",
    "differens": "differens = {first} − {second}",
}
CHECK_OK = "stämmer"
CHECK_FAILED = "stämmer inte"

# ---------------------------------------------------------------- errors and quarantine
# Why a file could not be read, for the person who dropped it in the inbox (by ErrorCode).
ERROR_REASONS: dict[str, str] = {
    "not_found": "filen finns inte",
    "empty_file": "filen är tom (0 byte)",
    "not_pdf": "filen är ingen PDF",
    "truncated": "PDF-filen är avkortad: slutet saknas (kopieringen avbröts troligen)",
    "broken": "PDF-filen är skadad och kan inte läsas",
    "encrypted": "PDF-filen är lösenordsskyddad; spara en oskyddad kopia och försök igen",
    "no_pages": "PDF-filen har inga sidor",
    "no_text": "PDF-filens sidor innehåller ingen text",
    "image_only": "PDF-filen innehåller bara inskannade bilder och behöver OCR",
    "unrecognised": "texten är varken ett delårsbokslut, en årsredovisning eller en revisorsenkät",
    "changed": "filen har ändrats sedan den lästes in",
    "timeout": "läsningen tog för lång tid och avbröts",
}
ICON_OK = "✓"  # beside a stored file or a check that holds
ICON_FAILED = "✗"  # beside a quarantined file or a failed check
STATUS_OK = "ok"
STATUS_WARNING = "varning"
STATUS_QUARANTINED = "i karantän"

# ---------------------------------------------------------------- column titles
# Column titles of tables a user reads (Excel sheets, web tables, terminal).
COLUMNS: dict[str, str] = {
    "kommun": "Kommun",
    "namnd": "Nämnd",
    "year": "År",
    "kind": "Typ",
    "period": "Period",
    "number": "Nr",
    "question": "Fråga",
    "answer": "Svar",
    "comment": "Kommentar",
    "table": "Tabell",
    "row": "Rad",
    "measure": "Mått",
    "unit": "Enhet",
    "value": "Värde",
    "change": "Förändring",
    "change_percent": "Förändring %",
    "document": "Dokument",
    "file": "Fil",
    "page": "Sida",
    "pages": "Sidor",
    "finding": "Iakttagelse",
    "origin": "Ursprung",
    "reason": "Orsak",
    "status": "Status",
}


# ---------------------------------------------------------------- comparison surfaces
# What the terminal, Excel and web pages say about comparisons (compare answers/figures).
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
NO_ANSWERS = "Inga enkätsvar matchar{filters}."
NO_CHANGES = "Inga ändrade svar{filters}."
NO_FIGURES = "Inga värden matchar{filters}."
UNIT_NAMES = {PROCENT: "%"}
# Which way is good per table kind: a larger number in Drift (costs are negative, so a cost
# that grows is a smaller number), less sick leave and staff turnover; no judgement elsewhere.
HIGHER_IS_BETTER: dict[str, bool] = {
    DRIFT: True,
    SJUKFRANVARO: False,
    PERSONALOMSATTNING: False,
}


def name_of(
    family: dict[str, Term] | dict[str, TableKind] | dict[str, Measure] | dict[str, DocumentKind],
    key: str,
) -> str:
    """The Swedish name of `key` in one family, or the key itself when it is not known
    (an unknown value keeps its stored text rather than disappearing)."""
    entry = family.get(key)
    return entry.name if entry is not None else key
