"""The words random report templates are drawn from: several printed forms per meaning.

Each list holds forms real kommuner print for one measure, line or stub; `{y}` is the report
year, `{p}` the year before, and "\\n" a forced line break (a wrapped header). Headers
here always name their measure and year by meaning, so the ground truth of a column is
(measure, year) whichever form is printed.
"""

from __future__ import annotations

# Drift / Investeringar column keys (measure, year offset from the report year).
COLUMN_KEYS: dict[str, tuple[str, int]] = {
    "budget": ("budget", 0),
    "prognos": ("prognos", 0),
    "avvikelse": ("avvikelse", 0),
    "utfall": ("utfall", 0),
    "utfall_prev": ("utfall", -1),
    "differens": ("differens", 0),
}

HEADERS: dict[str, list[str]] = {
    "budget": ["Budget {y}", "Budget helår {y}", "Årsbudget {y}", "Budget\nhelår {y}"],
    "prognos": [
        "Prognos {y}",
        "Prognos helår {y}",
        "Helårsprognos {y}",
        "Prognos\nhelår\n{y}",
        "Prognos\naug {y}",
    ],
    "avvikelse": [
        "Avvikelse {y}",
        "Avvikelse mot budget",
        "Avv. prognos/budget {y}",
        "Avv.\nprognos/\nbudget {y}",
        "Budget-\navvikelse",
        "Avvikelse prognos/budget",
    ],
    "utfall": [
        "Utfall delår {y}",
        "Utfall jan–aug {y}",
        "Delårsbokslut {y}",
        "Delårs-\nbokslut\n{y}",
        "Utfall {y}",
        "Utfall\naug {y}",
    ],
    "utfall_prev": [
        "Utfall delår {p}",
        "Utfall jan–aug {p}",
        "Delårsbokslut {p}",
        "Delårs-\nbokslut\n{p}",
        "Utfall {p}",
        "Utfall\naug {p}",
    ],
    "differens": [
        "Förändring",
        "Förändring {p}–{y}",
        "Diff. utfall {p}/{y}",
        "Differens",
        "Förändring\nutfall",
    ],
}

# Drift's lines by role; the first form is the seed's.
LINES: dict[str, list[str]] = {
    "intakter": ["Verksamhetens intäkter", "Intäkter", "Summa intäkter"],
    "personal": ["Personalkostnader", "Personalkostnader"],
    "lokal": ["Lokalhyror", "Lokalkostnader", "Lokal- och hyreskostnader"],
    "tjanster": ["Köp av tjänster", "Köpta tjänster", "Köp av verksamhet"],
    "ovriga": ["Övriga kostnader", "Övriga verksamhetskostnader", "Övrigt"],
    "kostnader": ["Verksamhetens kostnader", "Summa kostnader", "Kostnader"],
    "netto": ["Verksamhetens nettokostnader", "Nettokostnad", "Nettokostnader"],
    "kommunbidrag": ["Kommunbidrag", "Budgetram", "Kommunbidrag/budgetram"],
    "finansnetto": ["Finansnetto", "Finansiella poster"],
    "resultat": ["Årets resultat", "Resultat", "Resultat efter finansnetto"],
}
DRIFT_ROLES = list(LINES)  # printed order
COST_ROLES = ["personal", "lokal", "tjanster", "ovriga"]
BOLD_ROLES = {"kostnader", "netto", "resultat"}

DRIFT_TITLES = ["Drift", "Driftredovisning", "Driftsredovisning", "Resultaträkning"]
INVEST_TITLES = ["Investeringar", "Investeringsredovisning", "Investeringsprojekt"]
STUBS = {
    "tkr": ["Belopp i tkr", "Belopp (tkr)", "Tkr", "tkr"],
    "mnkr": ["Belopp i mnkr", "Mnkr", "Belopp (mnkr)", "mnkr"],
}
TITLE_UNIT = {"tkr": "tkr", "mnkr": "mnkr"}  # "Drift, tkr" when the stub is blank

# Staff tables: (this year, last year, change) header forms.
STAFF_HEADERS: dict[str, tuple[str, str, str]] = {
    "years": ("{y}", "{p}", "Differens"),
    "forandring": ("{y}", "{p}", "Förändring"),
    "period": ("Jan–aug {y}", "Jan–aug {p}", "Förändring"),
    "delar": ("Delår {y}", "Delår {p}", "Diff."),
}
TURNOVER_TITLES = ["Personalomsättning", "Personalomsättning externt", "Extern personalomsättning"]
SICK_TITLES = ["Sjukfrånvaro", "Sjukfrånvaro (%)", "Sjukfrånvaro i procent av arbetstid"]
SICK_GROUP_TOTAL = "Total sjukfrånvaro"

PERCENT_FORMS = {"none": "", "tight": "%", "spaced": "\u00a0%"}

FONTS = ["DejaVu Sans", "DejaVu Serif", "Liberation Sans", "Liberation Serif", "Carlito"]

NAMNDER = [
    ("Vård- och omsorgsnämnden", "Vård- och omsorgsförvaltningen"),
    ("Socialnämnden", "Socialförvaltningen"),
    ("Kultur- och fritidsnämnden", "Kultur- och fritidsförvaltningen"),
    ("Barn- och utbildningsnämnden", "Barn- och utbildningsförvaltningen"),
    ("Tekniska nämnden", "Tekniska förvaltningen"),
    ("Miljö- och byggnadsnämnden", "Samhällsbyggnadsförvaltningen"),
]
AVDELNINGAR = [
    "Administration och utveckling",
    "Hemtjänst",
    "Särskilt boende",
    "Funktionsstöd",
    "Individ och familj",
    "Stöd och behandling",
    "Kost och lokalvård",
    "Fritid och förening",
    "Bibliotek och kultur",
    "Gata och park",
    "Bygglov och tillsyn",
]
INVEST_LINES = [
    "Inventarier",
    "IT-utrustning",
    "Fordon",
    "Larm och trygghetsteknik",
    "Möbler särskilt boende",
    "Hjälpmedel",
    "Maskiner",
    "Lekplatser",
    "Konstgräsplan",
    "Utrustning kök",
]
INVEST_PARENTS = ["Reinvestering", "Nyinvestering"]
INVEST_TOTALS = ["Totala utgifter", "Summa investeringar", "Totalt"]

# "Other" numeric tables (kind ovrigt): (title, unit, rows, column headers). A header names
# (measure, year offset) when it says so, else (None, year offset or None).
OVRIGT_VERKSAMHET_ROWS = AVDELNINGAR
NYCKELTAL_ROWS = [
    "Kostnad per invånare",
    "Kostnad per brukare i hemtjänst",
    "Kostnad per plats i särskilt boende",
    "Kostnad per elev",
    "Kostnad per besök",
]
MATT_ROWS = [
    "Andel nöjda brukare",
    "Andel medarbetare med heltid",
    "Andel ärenden inom tidsgräns",
    "Andel digitala ansökningar",
]
SUMMA = ["Summa", "Totalt", "Summa nämnden"]

PROSE = [
    "Nämnden har under perioden arbetat med att anpassa verksamheten till de ekonomiska "
    "förutsättningarna.",
    "Efterfrågan på insatser har ökat jämfört med samma period föregående år.",
    "Prognosen bygger på utfallet till och med augusti och kända förändringar under hösten.",
    "Arbetet med kompetensförsörjning fortsätter och flera rekryteringar har genomförts.",
    "Kostnaderna för köpta platser har minskat sedan årsskiftet.",
    "Förvaltningen följer utvecklingen månadsvis och rapporterar till nämnden.",
    "Investeringarna följer i stort sett plan, men vissa inköp har skjutits till nästa år.",
    "Sjukfrånvaron har utvecklats olika inom verksamheterna.",
]
FOOTNOTE_MARKS = ["*", "¹", "**"]
FOOTNOTES = [
    "Budget enligt nämndens beslut i december.",
    "Prognosen avser helår.",
    "Utfallet avser perioden januari–augusti.",
    "Exklusive interna poster.",
]
