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
MNKR = "mnkr"
KR = "kr"

UNITS: dict[str, Term] = _index(
    Term(TKR, "tkr", ("tkr", "tusental kronor", "tusentals kronor")),
    Term(PROCENT, "%", ("procent", "%")),
    Term(ANDEL, "andel", ("andel",)),
    Term(MNKR, "mnkr", ("mnkr", "mkr", "miljoner kronor", "miljontals kronor")),
    Term(KR, "kr", ("kr", "kronor")),
)
# Units a money table may print in its stub, title or header (the rest are shares).
MONEY_UNITS: tuple[str, ...] = (TKR, MNKR, KR)
# What a cell prints for no figure (casefolded): read as null, never as text.
NULL_TEXTS = frozenset({"", "inget värde", "inget varde", "saknas", "uppgift saknas"})

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
    Measure(AVVIKELSE, "Avvikelse", r"avv(?:\.|ik)|\bavv\b"),
    Measure(
        UTFALL,
        "Utfall",
        r"utfall|bokslut|delår|rapport|^\s*(?:jan\w*\s*[-–]\s*\w+\s*)?\d{4}\s*$|^\s*\d{4}\s*-\s*\d\d-\d\d",
    ),
    Measure(DIFFERENS, "Differens", r"\bdiff|förändring|skillnad"),
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

# Total lines as reports name them (casefolded, searched in a row's label): the arithmetic
# checks add the lines up against them. Drift: intäkter, then the cost lines, their sum and
# the nettokostnader ("Summa kostnader", "Nettokostnad"); Investeringar: the lines' total.
DRIFT_INCOME_ROW = r"^(?:verksamhetens |summa )?intäkter\b"
DRIFT_COSTS_ROW = r"^(?:verksamhetens |summa )?kostnader\b"
DRIFT_NET_ROW = r"^(?:verksamhetens )?nettokostnad(?:er)?\b"
INVESTMENT_TOTAL_ROW = r"^totala? (?:utgifter|investeringar)|^summa|^totalt"

# ---------------------------------------------------------------- table kinds
DRIFT = "drift"
INVESTERINGAR = "investeringar"
PERSONALOMSATTNING = "personalomsattning"
SJUKFRANVARO = "sjukfranvaro"
ARBETSMILJOMAL = "arbetsmiljomal"
OVRIGT = "ovrigt"  # any other numeric table: verksamhetsmått, nyckeltal, result per verksamhet


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
        title=r"^drifts?\b|drifts?redovisning|resultaträkning",
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
    TableKind(OVRIGT, "Övrig tabell", TKR),
)
# The tables a delårsbokslut is expected to print, by the headings that announce them: a
# heading naming one with no table read under it is a gap the completeness check reports.
KNOWN_TABLE_HEADINGS: str = (
    r"^(?:drift(?:s)?(?:redovisning)?|resultaträkning|investering(?:ar|sredovisning)?|"
    r"personalomsättning(?: externt)?|extern personalomsättning|sjukfrånvaro)\b"
)
# Lines a Drift table always prints: seen on a page but in no table read, they are a gap.
USUAL_TABLE_LINES: str = r"^(?:årets resultat|verksamhetens nettokostnader)\b"

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
# Read by OCR less surely than the threshold: kept, but a person must confirm it.
LOW_CONFIDENCE = "low_confidence"
ANSWER_FLAGS: dict[str, Term] = _index(
    Term(MULTIPLE_MARKS, "flera rutor markerade"),
    Term(ANSWER_UNREAD, "svaret kunde inte läsas"),
    Term(LOW_CONFIDENCE, "osäker OCR-läsning, bekräfta"),
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
MARK_SCAN = "scan"
MARK_KINDS: dict[str, Term] = _index(
    Term(MARK_TEXT, "tecken i texten"),  # an x or ✓ printed as text
    Term(MARK_GLYPH, "ruta som tecken"),  # a ☒ glyph
    Term(MARK_DRAWN, "ritad ruta"),  # a box drawn with lines, crossed or filled
    Term(MARK_FORM, "formulärfält"),  # a PDF form checkbox or radio button
    Term(MARK_SCAN, "markering i skannad bild"),  # a box or cross seen in a scan's pixels
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
# The extractor's check names (stored as written) in Swedish for the pages: phrase → Swedish.
CHECK_PHRASES: dict[str, str] = {
    "sum of the cost lines": "summan av kostnadsraderna",
    "sum of its sub-lines": "summan av underraderna",
    "sum of the investment lines": "summan av investeringsraderna",
}
CHECK_OK = "stämmer"
CHECK_FAILED = "stämmer inte"

# ---------------------------------------------------------------- errors and quarantine
# Why a file could not be read, for the person who dropped it in the inbox (by ErrorCode).
ERROR_REASONS: dict[str, str] = {
    "not_found": "filen finns inte",
    "folder": "detta är en mapp, inte en PDF-fil",
    "empty_file": "filen är tom (0 byte)",
    "not_pdf": "filen är ingen PDF-fil (den börjar som {kind}, inte med %PDF-)",
    "truncated": "PDF-filen är avkortad: den slutar efter {size} byte utan slutmarkeringen "
    "%%EOF; kopieringen eller nedladdningen avbröts troligen",
    "too_large": "filen är för stor ({size:.0f} MB; gränsen är {limit:.0f} MB)",
    "broken": "PDF-filen är skadad och kan inte läsas ({detail})",
    "page_broken": "sidan {page} är skadad och kan inte läsas ({detail})",
    "encrypted": "PDF-filen är lösenordsskyddad; spara en oskyddad kopia och försök igen",
    "no_pages": "PDF-filen har inga sidor",
    "too_many_pages": "PDF-filen har {count} sidor; gränsen är {limit}",
    "decompression_bomb": "PDF-filens innehåll packas upp till mer än {limit:.0f} MB "
    "(en dekomprimeringsbomb) och lästes inte",
    "no_text": "PDF-filens sidor innehåller ingen text",
    "image_only": "PDF-filen innehåller bara inskannade bilder ({images} på {pages} sidor) och "
    "ingen text, och OCR är avstängd (--no-ocr)",
    "ocr_page": "den inskannade sidan {page} kan inte läsas med OCR ({detail})",
    "ocr_language": "de inskannade sidorna kan inte läsas: Tesseracts svenska språkdata "
    "(Debianpaketet tesseract-ocr-swe) är inte installerade",
    "ocr_no_words": "OCR hittade ingen text på {pages} inskannad(e) sida(or): bilderna är "
    "tomma eller oläsliga",
    "ocr_unreadable": "OCR kunde inte läsa de inskannade sidorna: ordens medelsäkerhet är "
    "{mean:.0f} av 100 (under {limit:.0f}); skanningen är för dålig",
    "unrecognised": "texten är ingen av de typer som läses ({kinds}): ingen rubrik som "
    "'Delårsbokslut 2025' och inga svarskolumner Ja/Nej/Delvis/Vet ej",
    "unidentified": "ett {kind} där {missing} inte kunde läsas ur texten",
    "changed": "filen har ändrats sedan den lästes in",
    "timeout": "läsningen tog längre än {seconds:g} s och avbröts",
    "memory": "läsningen behövde mer minne än gränsen ({limit:.0f} MB) och avbröts",
    "reader_bug": "oväntat fel i läsaren: {detail}",
    "failed": "läsningen misslyckades: {detail}",
    "store_failed": "dokumentet kunde inte sparas: {detail}",
    "move_failed": "filen kunde inte flyttas: {detail}",
    "symlink": "symbolisk länk (till {target}) följs inte; lägg filen själv i inkorgen",
}
# Why the reader process lost a file (the file is then quarantined as broken).
READER_LOST: dict[str, str] = {
    "start": "läsarprocessen kunde inte starta: {detail}",
    "ended": "läsarprocessen avslutades (slutstatus {status})",
    "gone": "läsarprocessen finns inte längre: {detail}",
    "crashed": "läsaren kraschade på filen ({signal})",
    "silent": "läsaren avslutades utan svar (status {status})",
    "interrupted": "läsaren avbröts: {detail}",
}
# What the PDF reader says of a file it had to repair or could not resolve.
PDF_REPAIRED_WARNING = "PDF-läsaren reparerade filen, text kan saknas: {message}"
PDF_TOO_DEEP = "objekten är för djupt nästlade"
PDF_REFERENCE_CYCLE = "objekt {objid} hänvisar till sig självt"
# What an identity field is called where a reason names it ("kommun, år").
IDENTITY_FIELDS: dict[str, str] = {"kommun": "kommun", "namnd": "nämnd", "year": "år"}
ICON_OK = "✓"  # beside a stored file or a check that holds
ICON_FAILED = "✗"  # beside a quarantined file or a failed check
STATUS_OK = "ok"
STATUS_WARNING = "varning"
STATUS_QUARANTINED = "i karantän"
STATUS_FAILED = "fel"  # a document with a check that does not hold
# The completeness check's finding, for the pages a user reads ({n}: how many lines).
UNCAPTURED_LINES = "{n} rad(er) med siffror i PDF-filen lästes inte in i någon tabell"

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
    "restated": "Omräknat",
    "change_words": "Förändring i ord",
    "value_in": "Värde ({unit})",
    "change_in": "Förändring ({unit})",
}
# Sheets of the comparisons' workbooks.
SHEET_TITLES: dict[str, str] = {
    "answers": "Svar",
    "changes": "Ändringar",
    "comments": "Kommentarer",
    "figures": "Siffror",
}
# The rows of one extraction's summary in the terminal (`kommunkoll extract`).
EXTRACTION_LABELS: dict[str, str] = {
    "status": "status",
    "kind": "typ",
    **IDENTITY_FIELDS,  # kommun, nämnd, år
    "period": "period",
    "pages": "sidor",
    "tables": "tabeller / värden",
    "checks": "kontroller",
    "internal_controls": "internkontroller",
    "answers": "svar",
    "findings": "iakttagelser",
}
GAPS_NOT_READ = ": {n} rader lästes inte"  # after the status, when lines went unread


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
# What a run did, one line after its table: ingest and watch, then reprocess.
INGEST_SUMMARY = "lagrade {stored}, redan lagrade {skipped}, i karantän {failed}"
REPROCESS_SUMMARY = "omlästa {stored}, redan aktuella {skipped}, misslyckade {failed}"
WATCHING = "bevakar {inbox} (Ctrl-C avslutar)"
# PREFECT_API_URL names a server that does not answer: the command records its runs in its own.
PREFECT_UNREACHABLE = (
    "Prefect-servern {url} svarar inte; körningarna förs i stället i en egen Prefect-server "
    "för det här kommandot"
)
STOPPED = "avslutad"
SERVING = "{what} på http://{host}:{port}/ (Ctrl-C avslutar)"
SERVING_READ_ONLY = "{what} på http://{host}:{port}/ (skrivskyddad; Ctrl-C avslutar)"
EMPTY_DATABASE = "tom"
# Why reprocess could not re-read a stored document (its old rows stay).
STORED_FILE_GONE = "den lagrade filen finns inte längre ({path})"
STORED_FILE_CHANGED = "filen på den lagrade sökvägen har ändrats sedan den lästes in"
DOCUMENTS_IN_DATABASE = "{count} dokument i databasen"
# What a filter or a name given at the command line (or on a page) does not find.
FILTERED_KINDS: dict[str, str] = {
    "document": "dokument",
    ENKAT: "enkäter",
    DELARSBOKSLUT: "delårsrapporter",
}
FILTER_PROBLEMS: dict[str, str] = {
    "empty": "databasen har inga {what} (se `kommunkoll summary`)",
    "did_you_mean": "; menade du {names}?",
    "there_are": "; det finns: {names}",
    "no_kommun": "ingen kommun {kommun!r} i databasen{hint}",
    "in_kommun": " i {kommun}",
    "no_namnd": "ingen nämnd {namnd!r}{where} i databasen{hint}",
    "no_years": "inga {what} från {span}; databasen har {stored}",
}
# A table, line or measure named at the command line that is not stored.
UNKNOWN_NAMES: dict[str, str] = {"table": "tabellen", "line": "raden", "measure": "måttet"}
UNKNOWN_NAME = "{what} {name!r} finns inte{where}"
UNKNOWN_IN_TABLE = " i tabellen {table!r}"
UNKNOWN_FOR_LINE = " för {line!r}"
UNKNOWN_CLOSE = "; menade du: {names}?"
UNKNOWN_KNOWN = " ({count} finns: {names}{more})"
UNKNOWN_NONE_KNOWN = " (där finns inget)"
UNIT_NAMES = {PROCENT: "%"}
# Which way is good per table kind: a larger number in Drift (costs are negative, so a cost
# that grows is a smaller number), less sick leave and staff turnover; no judgement elsewhere.
HIGHER_IS_BETTER: dict[str, bool] = {
    DRIFT: True,
    SJUKFRANVARO: False,
    PERSONALOMSATTNING: False,
}


# ---------------------------------------------------------------- command line and database
# One line on stderr for a problem the person at the terminal can fix ({why}: the OS's words).
CANNOT_WRITE = "kan inte skriva {path}: {why}"
CANNOT_CREATE_FOLDER = "{option}: kan inte skapa mappen {folder}: {why}"
FOLDER_READ_ONLY = "{option}: mappen {folder} är skrivskyddad"
CANNOT_CREATE_INBOX = "kan inte skapa inkorgen {inbox}: {why}"
WATCH_GOES_ON = "(bevakningen fortsätter)"  # after a problem `watch` survives
PATH_NOT_FOUND = "{path} finns inte"
UNKNOWN_MIGRATION = "okänd migrering '{revision}' (ange head eller ett nummer som 0002)"
UNKNOWN_ADDRESS = "okänd adress {host}: {why}"
PORT_TAKEN = "porten {port} på {host} är upptagen ({why}); välj en annan med --port"
CANNOT_LISTEN = "kan inte lyssna på {host}:{port} (upptagen eller fel adress)"
UNEXPECTED_ERROR = "oväntat fel: {detail}"
DEBUG_HINT = "kör `kommunkoll --debug …` för detaljer"
# Why a database cannot be used ({shown}: its URL without the password; {detail}: the driver's).
DATABASE_PROBLEMS: dict[str, str] = {
    "missing": "databasen {path} finns inte",
    "missing_hint": " (ange rätt fil med --db, eller skapa den med `kommunkoll ingest` eller "
    "`kommunkoll db upgrade`)",
    "unknown_kind": "okänd databastyp '{scheme}' i {shown} (använd en filväg, sqlite:///fil.db "
    "eller postgresql+psycopg://användare@värd/databas)",
    "bad_url": "{shown} är ingen giltig databasadress ({detail})",
    "not_sqlite": "{path} är ingen SQLite-databas",
    "no_folder": "databasen {path} kan inte skapas: mappen {folder} finns inte",
    "cannot_open": "databasen {path} kan inte öppnas ({detail})",
    "not_answering": "databasen {shown} svarar inte ({detail})",
    "unusable": "databasen {shown} kan inte användas ({detail})",
}

# ---------------------------------------------------------------- web pages and Datasette
# What a page answers for a row that is not there (HTTP 404), and for a bug (HTTP 500).
NOT_FOUND: dict[str, str] = {
    "line": "ingen rad {id}",
    "document": "inget dokument {id}",
    "value": "inget värde {id}",
    "answer": "inget svar {id}",
    "finding": "ingen iakttagelse {id}",
    "pdf": "PDF-filen {filename} finns inte på {path}",
    "page": "{name} har {pages} sidor, inte {page}",
    "row": "Finns inte",
}
SERVER_ERROR = "Ett oväntat fel inträffade"
# What a reader should know before trusting a document's numbers (its page and the list).
DOCUMENT_WARNINGS: dict[str, str] = {
    "no_tables": "inga tabeller hittades",
    "no_answers": "inga svar hittades",
    "old_extractor": "läst av extraktor {version}, nu {current}: kör `kommunkoll reprocess`",
    "pdf_gone": "PDF-filen finns inte längre där den lagrades",
    "checks_failed": "{failed} kontroll(er) stämmer inte",
}
# The label of a box OCR read too unsurely, outlined on the page image.
UNSURE_ANSWER_BOX = "fråga {number}: säkerhet {confidence:.0f}"
UNSURE_VALUE_BOX = "{line} {measure} {year}: säkerhet {confidence:.0f}"
NO_VALUES_TO_DRAW = "Inga värden att rita."
# `kommunkoll browse`: Datasette's description of the database, its views and saved queries.
DATASETTE_DESCRIPTION = (
    "Kommunernas rapporter som tabeller. Börja med vyerna v_values, v_answers, "
    "v_answer_changes och v_findings, eller en sparad fråga nedan."
)
DATASETTE_VIEWS: dict[str, str] = {
    "v_values": (
        "Varje tabellvärde, en rad var: kommun, nämnd, rapportens år (document_year), tabell, "
        "rad (och överordnad rad), mått, kolumnens år, tal, enhet och var det står tryckt "
        "(sida, x0/top/x1/bottom i PDF-punkter från sidans övre vänstra hörn)."
    ),
    "v_answers": (
        "Varje enkätsvar: kommun, nämnd, år, frågans stabila nyckel och senaste lydelse, "
        "numret och lydelsen som tryckt, svaret (ja, nej, delvis, vet_ej eller tomt), "
        "kommentar och sida."
    ),
    "v_answer_changes": (
        "Svar som skiljer sig från samma nämnds svar på samma fråga närmast föregående år: "
        "båda åren, båda svaren och båda kommentarerna."
    ),
    "v_findings": (
        "Risker, åtgärder och beslut i texten, med sida och det som nämns "
        "(enheter, belopp, datum, beslutsparagrafer)."
    ),
}
DATASETTE_QUERIES: dict[str, str] = {
    "andrade_svar_i_ar": "Ändrade svar i år",
    "personalkostnader_per_namnd": (
        "Personalkostnader (utfall) per nämnd och år, senaste rapportens värde"
    ),
    "beslut_per_namnd": "Beslut per nämnd och år",
}
# Words a nämnd's abbreviation skips, and the compound endings that add a letter ("VON").
ABBREVIATION_SKIPS = ("och", "för", "i")
ABBREVIATION_TAILS = (("nämnden", "N"), ("nämnd", "N"), ("styrelsen", "S"))


# Column titles of the exports' xlsx form (CSV and Parquet keep the snake_case names).
EXPORT_TITLES: dict[str, str] = {
    "document_id": "Dokument-id",
    "value_id": "Värde-id",
    "answer_id": "Svar-id",
    "finding_id": "Iakttagelse-id",
    "check_id": "Kontroll-id",
    "namnd_id": "Nämnd-id",
    "kommun": "Kommun",
    "namnd": "Nämnd",
    "year": "År",
    "document_year": "Rapportens år",
    "document_kind": "Dokumenttyp",
    "kind": "Typ",
    "period": "Period",
    "pages": "Sidor",
    "filename": "Fil",
    "sha256": "SHA-256",
    "extractor_version": "Extraktorversion",
    "path": "Sökväg",
    "ingested_at": "Inläst",
    "table_kind": "Tabell",
    "table_title": "Tabellens rubrik",
    "table_position": "Tabellens ordning",
    "line": "Rad",
    "parent_line": "Överordnad rad",
    "line_position": "Radens ordning",
    "measure": "Mått",
    "number": "Tal",
    "unit": "Enhet",
    "page": "Sida",
    "x0": "x0 (pt)",
    "top": "topp (pt)",
    "x1": "x1 (pt)",
    "bottom": "botten (pt)",
    "question_key": "Frågans nyckel",
    "question": "Fråga (senaste lydelse)",
    "question_text": "Fråga (som tryckt)",
    "answer": "Svar",
    "comment": "Kommentar",
    "year_before": "År före",
    "number_before": "Nr före",
    "answer_before": "Svar före",
    "comment_before": "Kommentar före",
    "page_before": "Sida före",
    "document_id_before": "Dokument-id före",
    "answer_id_before": "Svar-id före",
    "position": "Ordning",
    "text": "Text",
    "entities": "Namngivet",
    "origin": "Ursprung",
    "name": "Kontroll",
    "ok": "Stämmer",
    "expected": "Väntat",
    "found": "Funnet",
    "header": "Kolumnrubrik (som tryckt)",
    "internal_control_id": "Internkontroll-id",
    "risk": "Risk",
    "riskbeskrivning": "Riskbeskrivning",
    "riskvarde": "Riskvärde",
    "controls": "Kontroller",
    "section": "Avsnitt",
    "boxes": "Svarsrutor",
    "mark_page": "Markeringens sida",
    "mark_x0": "Markering x0 (pt)",
    "mark_top": "Markering topp (pt)",
    "mark_x1": "Markering x1 (pt)",
    "mark_bottom": "Markering botten (pt)",
    "mark_column": "Markerad kolumn",
    "mark_kind": "Markeringens slag",
    "other_marks": "Fler markeringar",
    "flags": "Flaggor",
    "fields": "Fält",
    "ocr": "Läst med OCR",
    "confidence": "Säkerhet (OCR, 0–100)",
    "confidences": "Säkerhet per del (OCR)",
}


# The counts `kommunkoll summary` shows per document.
# `summary` of a database too large to list per document: a line per kommun.
SUMMARY_PER_KOMMUN = (
    "{documents} dokument från {kommuner} kommuner, en rad per kommun "
    "(dokumenten i en kommun: --kommun NAMN)"
)
KOMMUN_COLUMNS: dict[str, str] = {
    "namnder": "Nämnder",
    "documents": "Dokument",
    "years": "År",
    "warnings": "Med varning",
}
DOCUMENT_COLUMNS: dict[str, str] = {
    "pages": "Sidor",
    "tables": "Tabeller",
    "values": "Värden",
    "answers": "Svar",
    "findings": "Iakttagelser",
}

# ---------------------------------------------------------------- extraction warnings
# What an extraction warns of, for the person who reads the document's page or the CLI.
CHECK_FAILED_WARNING = (
    "räknekontrollen stämmer inte i {kind} (sida {page}): {check}: väntat {expected}, "
    "tryckt {found}"
)
GAP_WARNING = "fullständighet (sida {page}): {what}: {text!r}"
GAP_REASONS: dict[str, str] = {
    "heading_without_table": "en rubrik namnger en tabell men ingen sådan tabell lästes under den",
    "usual_line_not_read": "en rad som en sådan tabell alltid har lästes inte",
    "figures_not_read": "en rad med siffror hör inte till någon inläst tabell",
}
NO_QUESTIONS_WARNING = "inga numrerade frågor (n.m) hittades i enkäten"
MULTIPLE_MARKS_WARNING = (
    "fråga {number} (sida {page}) har {count} markerade svar ({answers}); svaret lämnas tomt"
)
ANSWER_UNREAD_WARNING = (
    "fråga {number} (sida {page}) har svarsrutor men inget svar kunde läsas; svaret lämnas tomt"
)
NO_ANSWER_HEADER_WARNING = (
    "markeringar hittades men ingen rubrikrad med svaren (Ja, Nej, Delvis, Vet ej): de "
    "markerade svaren går inte att skilja åt och lämnas tomma"
)
STRAY_MARK_WARNING = "en markering på sida {page} vid y={y:.0f} står inte vid någon fråga"
# A question the enkät evidently prints that was not read (a scan's number lost or garbled):
# what shows it, the line as read and its box, so a person can find it on the page.
QUESTION_NOT_READ_WARNING = (
    "en fråga lästes inte (sida {page}, ruta {box}): {what}: {text!r}; dess svar saknas"
)
QUESTION_NOT_READ_NUMBER = "raden står där frågornas nummer står, men numret kunde inte läsas"
QUESTION_NOT_READ_MARK = "en markerad svarsruta står vid raden, som ingen inläst fråga har"
QUESTION_NOT_READ_OPTIONS = "svarsalternativen står under fråga {after}, som redan har sina"
QUESTION_NOT_READ_FIRST = (
    "ett stycke som frågar något står före fråga {before}, den första som lästes"
)
QUESTION_NOT_READ_LAST = (
    "ett stycke som frågar något står efter fråga {after}, den sista som lästes"
)
QUESTION_NOT_READ_GAP = (
    "ett stycke som frågar något står mellan fråga {after} och {before}, där en fråga saknas"
)
OCR_PAGES_WARNING = (
    "sida {pages} är inskannade bilder och lästes med OCR (Tesseract, {lang}); värden under "
    "säkerheten {limit:.0f} är flaggade för en person att bekräfta"
)
OCR_ANSWER_WARNING = (
    "fråga {number} (sida {page}, ruta {box}) lästes med OCR med säkerheten {confidence:.0f} "
    "(under {limit:.0f}; {weak}): en person behöver bekräfta den"
)
OCR_CELL_WARNING = (
    "{kind} '{label}' {measure} {year} (sida {page}, ruta {box}) lästes med OCR som {text!r} "
    "med säkerheten {confidence:.0f} (under {limit:.0f}): en person behöver bekräfta den"
)
OCR_CHECKED_CELL_WARNING = (
    "{kind} '{label}' {measure} {year} (sida {page}, ruta {box}) lästes med OCR som {text!r} "
    "och ingår i en räknekontroll som inte stämmer (säkerheten {confidence:.0f}, under "
    "{limit:.0f}): en person behöver bekräfta den"
)
OCR_LABEL_WARNING = (
    "{kind}: radens namn '{label}' (sida {page}, ruta {box}) lästes med OCR med säkerheten "
    "{confidence:.0f} (under {limit:.0f}), och radens värden flaggas med det: en person "
    "behöver bekräfta namnet"
)
# What a search result is, by the kind of entry (findings by their own kind).
SEARCH_KINDS: dict[str, str] = {
    **{key: term.name for key, term in FINDING_KINDS.items()},
    "answer": "Enkätsvar",
    "line": "Tabellrad",
}
SEARCH_COLUMNS = ("Typ", "Text", "Kommun · nämnd år", "Dokument och sida")
SEARCH_NONE = "Inget matchar {query!r}."


def check_description(name: str) -> str:
    """A stored check name as a Swedish reader reads it: "Verksamhetens kostnader utfall/2025 =
    sum of the cost lines" → "Verksamhetens kostnader (Utfall 2025) = summan av
    kostnadsraderna"."""
    import re

    for phrase, swedish in CHECK_PHRASES.items():
        name = name.replace(phrase, swedish)

    def measure(match: re.Match[str]) -> str:
        known = MEASURES.get(match[1])
        return f"({known.name} {match[2]})" if known else match[0]

    return re.sub(r"\b([a-z_]+)/(\d{4})\b", measure, name)


def name_of(
    family: dict[str, Term] | dict[str, TableKind] | dict[str, Measure] | dict[str, DocumentKind],
    key: str,
) -> str:
    """The Swedish name of `key` in one family, or the key itself when it is not known
    (an unknown value keeps its stored text rather than disappearing)."""
    entry = family.get(key)
    return entry.name if entry is not None else key


# ---------------------------------------------------------------- option values
# An option's value a command cannot use: one line on stderr before anything runs.
BAD_OPTION = "{option}: {problem}"
YEARS_SPEC = "år anges som 2025 eller 2023-2025, inte {spec!r}"
FORMAT_SPEC = "formatet ska vara ett av {formats}, inte {fmt!r}"
NOT_POSITIVE = "ska vara större än 0, inte {value:g}"
NOT_NEGATIVE = "ska vara 0 eller större, inte {value:g}"
# `kommunkoll browse` given a database that is not a SQLite file ({shown}: its URL).
DATASETTE_SQLITE_ONLY = (
    "Datasette läser bara SQLite-filer; {shown} är ingen (använd en SQL-klient eller "
    "`kommunkoll export`)"
)

# ---------------------------------------------------------------- the internkontroll table
# An internkontroll table's printed headers (casefolded). The risk column is headed
# "Identifierad risk och riskbeskrivning", and each risk in it starts with those labels; the
# other columns by the column each heads. The table extractor reads the cells by them, and the
# NLP segmenter leaves a passage that prints them to it.
CONTROL_RISK = "identifierad risk"
CONTROL_DESCRIPTION = "riskbeskrivning"
CONTROL_HEADERS: dict[str, str] = {
    "riskvarde": "riskvärde",
    "kontroll": "kontroll",
    "resultat": "resultat",
    "bedomning": "bedömning",
    "atgard": "åtgärd",
}
# Every word a line of the header may consist of.
CONTROL_HEADER_WORDS = frozenset(
    {*CONTROL_RISK.split(), "och", CONTROL_DESCRIPTION, *CONTROL_HEADERS.values()}
)

# ---------------------------------------------------------------- numbers in words
# How a report's running text spells a number: a count ("tre kontroller"), an amount ("två
# miljoner kronor"), a quarter ("kvartal ett").
NUMBER_WORDS: dict[str, int] = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
    "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12,
    "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "hundra": 100,
}  # fmt: skip
# A quarter's number as a word: the counting form of one to four ("ett", not "en").
QUARTER_NUMBERS: tuple[str, ...] = tuple(
    word for word, n in NUMBER_WORDS.items() if n <= 4 and word != "en"
)

# ---------------------------------------------------------------- command lines click cannot parse
# What a command line the parser refuses gets instead of click's English box: one line
# ({name}, {option}, {value}, {args}: as typed), then the hint to the command's --help.
USAGE_ERRORS: dict[str, str] = {
    "no_such_command": "okänt kommando '{name}'{close}",
    "no_such_option": "okänd flagga {name}{close}",
    "close": "; menade du {names}?",
    "or": " eller ",
    "needs_value": "{option} behöver ett värde",
    "takes_no_value": "{option} tar inget värde",
    "missing_argument": "argumentet {name} saknas",
    "missing_option": "flaggan {option} saknas",
    "extra_arguments": "för många argument: {args}",
    "not_integer": "ska vara ett heltal, inte {value!r}",
    "not_number": "ska vara ett tal, inte {value!r}",
    "at_least": "ska vara minst {limit}, inte {value}",
    "at_most": "ska vara högst {limit}, inte {value}",
    "greater_than": "ska vara större än {limit}, inte {value}",
    "less_than": "ska vara mindre än {limit}, inte {value}",
    "bad_value": "ogiltigt värde {value!r}",
    "missing_command": "kommando saknas",
    "unparsed": "kommandoraden går inte att tolka ({detail})",
}
USAGE_HINT = "({command} --help visar hur)"
# Prefect's API server, started by the command for its runs, that never came up.
PREFECT_ENDED = "Prefect-servern avslutades när den startade (status {status}){said}"
PREFECT_NO_ANSWER = "Prefect-servern svarade inte inom {timeout:g} s"
