"""Exact entities by rule: decision references, dates, amounts, percentages, organisational units.

The patterns run in spaCy's EntityRuler over tokens (lower-cased text and a few regexes on one
token), so "VON § 85/2024" split over two lines is still one match once lines are joined. Where
patterns overlap the longest wins, so the date inside "2024-11-05 § 53 punkt a" is part of the
decision reference, not a date of its own.

Decision spans follow samples/README.md: "VON § 85/2024" (a printed date before it is not
part of it), else a date, "§" and the paragraph with its qualifier ("2024-11-05 § 53 punkt a",
"den 6 november 2024, § 152"); a body abbreviation directly before an ISO date is kept
("KF 2024-11-06 § 152").
"""

from __future__ import annotations

from kommunkoll.vocabulary import KR, MNKR, NUMBER_WORDS, QUARTER_NUMBERS, TKR

SEASONS = ["våren", "sommaren", "hösten", "vintern"]
MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip

ISO_DATE = r"^(19|20)\d\d-[01]\d-[0-3]\d$"
YEAR = r"^(19|20)\d\d$"
DAY = r"^[0-3]?\d$"
ABBREVIATION = r"^[A-ZÅÄÖ]{2,6}$"  # VON, SN, KFN, KF, KS: a nämnd's or fullmäktige's short name
PARAGRAPH_YEAR = r"^\d{1,4}/(19|20)\d\d$"  # 85/2024
PARAGRAPH = r"^\d{1,4}$"
# "punkt a", "punkt 3"; the tokenizer keeps a sentence-final "a." as one token
QUALIFIER = r"^([a-zåäö]|\d{1,2})\.?$"

# Words for amounts; "tkr" and "mnkr" as printed, "kr" alone too.
CURRENCY_UNITS = [TKR, MNKR, "mkr", KR, "kronor", "miljarder", "mdkr"]
SCALE_WORDS = ["tusen", "miljon", "miljoner", "miljard", "miljarder"]
LEADING_NUMBER = r"^[-−–]?\d{1,3}([,.]\d+)?$"
NUMBER = r"^[-−–]?\d+([,.]\d+)?$"
THOUSANDS_GROUP = r"^\d{3}([,.]\d+)?$"

# Organisational units of a Swedish municipal administration, as they are named in running text.
UNIT_NAMES = [
    "hemtjänst", "hemtjänsten", "personlig assistans och stöd", "personlig assistans",
    "lss boende och arbete", "särskilt boende", "äldreboende", "myndighet och kommunal primärvård",
    "verksamhetsstöd", "funktionshinder", "äldreomsorg", "äldreomsorgen", "kommunal primärvård",
    "individ- och familjeomsorg", "individ- och familjeomsorgen", "vuxenområdet",
    "socialförvaltningen", "vård- och omsorgsförvaltningen", "barn och familj",
    "kultur- och fritidsförvaltningen", "fritidsgårdarna", "biblioteket", "daglig verksamhet",
]  # fmt: skip
UNIT_HEADS = ["avdelning", "avdelningen", "avdelningarna", "enhet", "enheten", "enheterna"]


def _lower_words(phrase: str) -> list[dict]:
    # The Swedish tokenizer keeps a compound's hyphen on its word: "vård-", "och", ...
    return [{"LOWER": word} for word in phrase.split()]


def _decision_patterns() -> list[dict]:
    abbreviated = [
        {"TEXT": {"REGEX": ABBREVIATION}},
        {"TEXT": "§"},
        {"TEXT": {"REGEX": PARAGRAPH_YEAR}},
    ]
    worded_date = [
        {"LOWER": "den"},
        {"TEXT": {"REGEX": DAY}},
        {"LOWER": {"IN": MONTHS}},
        {"TEXT": {"REGEX": YEAR}},
        {"TEXT": ",", "OP": "?"},
    ]
    iso_dates = [[{"TEXT": {"REGEX": ISO_DATE}}]]
    iso_dates.append([{"TEXT": {"REGEX": ABBREVIATION}}, *iso_dates[0]])
    paragraph = [{"TEXT": "§"}, {"TEXT": {"REGEX": PARAGRAPH}}]
    qualified = [*paragraph, {"LOWER": "punkt"}, {"TEXT": {"REGEX": QUALIFIER}}]
    patterns = [abbreviated]
    for date in [worded_date, *iso_dates]:
        patterns.append([*date, *paragraph])
        patterns.append([*date, *qualified])
    return [{"label": "DECISION", "pattern": p} for p in patterns]


def _date_patterns() -> list[dict]:
    day_month = [{"TEXT": {"REGEX": DAY}}, {"LOWER": {"IN": MONTHS}}]
    year = {"TEXT": {"REGEX": YEAR}}
    month_range = {"LOWER": {"REGEX": rf"^({'|'.join(MONTHS)})[–-]({'|'.join(MONTHS)})$"}}
    ordinals = ["första", "andra", "tredje", "fjärde"]
    numbers = [*QUARTER_NUMBERS, "1", "2", "3", "4"]
    return [
        {"label": "DATE", "pattern": [{"LOWER": {"IN": MONTHS}}]},
        {"label": "DATE", "pattern": [month_range, year]},
        {"label": "DATE", "pattern": [month_range]},
        {"label": "DATE", "pattern": [{"LOWER": {"IN": SEASONS}}, year]},
        {"label": "DATE", "pattern": [{"LOWER": "kvartal"}, {"LOWER": {"IN": numbers}}, year]},
        {"label": "DATE", "pattern": [{"LOWER": {"IN": ordinals}}, {"LOWER": "kvartalet"}, year]},
        {"label": "DATE", "pattern": [{"TEXT": {"REGEX": ISO_DATE}}]},
        {"label": "DATE", "pattern": [*day_month, {"TEXT": {"REGEX": YEAR}}]},
        {"label": "DATE", "pattern": day_month},
        {"label": "DATE", "pattern": [{"LOWER": {"IN": MONTHS}}, {"TEXT": {"REGEX": YEAR}}]},
    ]


def _amount_patterns() -> list[dict]:
    figures = [
        [{"TEXT": {"REGEX": LEADING_NUMBER}}, {"TEXT": {"REGEX": THOUSANDS_GROUP}, "OP": "*"}],
        [{"TEXT": {"REGEX": NUMBER}}],
        [{"LOWER": {"IN": list(NUMBER_WORDS)}}],
    ]
    patterns = []
    for figure in figures:
        patterns.append([*figure, {"LOWER": {"IN": CURRENCY_UNITS}}])
        patterns.append([*figure, {"LOWER": {"IN": SCALE_WORDS}}, {"LOWER": "kronor"}])
        # "drygt 5 miljoner kronor", "cirka två miljoner kronor": the hedge is kept.
        patterns.append(
            [{"LOWER": {"IN": ["cirka", "drygt", "knappt", "ca"]}}, *figure,
             {"LOWER": {"IN": SCALE_WORDS}}, {"LOWER": "kronor"}]
        )  # fmt: skip
    return [{"label": "MONEY", "pattern": p} for p in patterns]


def _percent_patterns() -> list[dict]:
    number = {"TEXT": {"REGEX": NUMBER}}
    return [
        {"label": "PERCENT", "pattern": [number, {"TEXT": "%"}]},
        {"label": "PERCENT", "pattern": [{"TEXT": {"REGEX": r"^[-−–]?\d+([,.]\d+)?%$"}}]},
        {"label": "PERCENT", "pattern": [number, {"LOWER": {"IN": ["procent", "procentenheter"]}}]},
    ]


def _unit_patterns() -> list[dict]:
    patterns = []
    for name in UNIT_NAMES:
        words = _lower_words(name)
        patterns.append({"label": "UNIT", "pattern": [{"LOWER": {"IN": UNIT_HEADS}}, *words]})
        patterns.append(
            {"label": "UNIT", "pattern": [{"LOWER": {"IN": UNIT_HEADS}}, {"LOWER": "för"}, *words]}
        )
        patterns.append({"label": "UNIT", "pattern": words})
    return patterns


def entity_patterns() -> list[dict]:
    """All EntityRuler patterns: DECISION, DATE, MONEY, PERCENT, UNIT."""
    return [
        *_decision_patterns(),
        *_date_patterns(),
        *_amount_patterns(),
        *_percent_patterns(),
        *_unit_patterns(),
    ]
