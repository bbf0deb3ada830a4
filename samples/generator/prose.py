"""Report prose generated from a variant's numbers, so text and tables agree.

The seed's economy text comments each drift line ("Personalkostnaderna prognostiseras att
avvika negativt med 36 miljoner kronor"); variants say the same kind of thing about their
own, generated numbers.
"""

from __future__ import annotations

import random

from .model import Block, Heading, Layout, Paragraph
from .numbers import format_number, mkr
from .tables import COST_ROWS

SUBJECT = {  # how the prose names each line
    "Verksamhetens intäkter": "Verksamhetens intäkter",
    "Personalkostnader": "Personalkostnaderna",
    "Lokalhyror": "Lokalhyrorna",
    "Köp av tjänster": "Köp av tjänster",
    "Övriga kostnader": "Övriga kostnader",
}

# (reasons for a positive avvikelse, reasons for a negative one), per line
REASONS = {
    "Verksamhetens intäkter": (
        [
            "Avvikelsen beror främst på riktade statsbidrag som inte var kända vid budgeteringen.",
            "Avvikelsen förklaras av högre ersättningar från Försäkringskassan och ökade "
            "avgiftsintäkter.",
        ],
        ["Avvikelsen förklaras av lägre avgiftsintäkter än budgeterat."],
    ),
    "Personalkostnader": (
        ["Avvikelsen förklaras främst av vakanser som inte har tillsatts."],
        [
            "Avvikelsen förklaras främst av ökade volymer och ett högre vikariebehov under "
            "sommaren.",
            "Avvikelsen beror till stor del på statsbidragsfinansierade satsningar som medför "
            "ökade kostnader.",
        ],
    ),
    "Lokalhyror": (
        ["Avvikelsen beror på att en lokal har sagts upp tidigare än planerat."],
        ["Avvikelsen förklaras av indexuppräkning av hyrorna."],
    ),
    "Köp av tjänster": (
        ["Avvikelsen förklaras av färre externa placeringar än budgeterat."],
        [
            "Avvikelsen förklaras främst av ett högre behov av externa placeringar.",
            "Avvikelsen beror på ökade kostnader för inhyrd personal.",
        ],
    ),
    "Övriga kostnader": (
        ["Avvikelsen förklaras av lägre kostnader för förbrukningsmaterial än budgeterat."],
        [
            "Avvikelsen förklaras främst av prisökningar utöver index på förbrukningsmaterial.",
            "Avvikelsen beror på ökade kostnader för drift av IT-system.",
        ],
    ),
}


def millions(tkr: float) -> str:
    """'1 miljon kronor', '36 miljoner kronor' (rounded from tkr)."""
    n = mkr(tkr)
    return f"{n} {'miljon' if n == 1 else 'miljoner'} kronor"


def prognosis_sentence(label: str, avvikelse: int) -> str:
    """'X prognostiseras att avvika positivt/negativt med N miljoner kronor.'"""
    subject = SUBJECT[label]
    if mkr(avvikelse) == 0:
        return f"{subject} prognostiseras i nivå med budget."
    direction = "positivt" if avvikelse > 0 else "negativt"
    return f"{subject} prognostiseras att avvika {direction} med {millions(avvikelse)}."


def change_sentence(label: str, differens: int, year: int) -> str:
    """How the line moved since the same period last year (costs are negative numbers)."""
    subject = SUBJECT[label][0].lower() + SUBJECT[label][1:]
    if mkr(differens) == 0:
        return f"Jämfört med augusti {year - 1} ligger {subject} på ungefär samma nivå."
    grew = differens > 0 if label == "Verksamhetens intäkter" else differens < 0
    verb = "ökat" if grew else "minskat"
    return f"Jämfört med augusti {year - 1} har {subject} {verb} med {millions(differens)}."


def result_phrase(result: int) -> str:
    if mkr(result) == 0:
        return "ett resultat i balans"
    kind = "ett överskott" if result > 0 else "ett underskott"
    return f"{kind} på {millions(result)}"


def economy_blocks(
    rng: random.Random,
    drift: dict[str, list],
    year: int,
    forvaltning: str,
    extra_comment: list[str],
) -> list[Block]:
    """Kommentar, Prognos och prognosförändring and Utfall för perioden for a drift table
    whose values are in the seed's column order (budget, prognos, avv, utfall, prev, diff)."""
    result = drift["Årets resultat"][1]
    blocks: list[Block] = [
        Heading("Kommentar", 2),
        Paragraph(
            f"{forvaltning} prognostiserar i augusti {result_phrase(result)} vid årets slut. "
            "Prognosen är dock föremål för osäkerhetsfaktorer som kan påverka utfallet under "
            "hösten."
        ),
        *[Paragraph(p) for p in extra_comment],
        Heading("Prognos och prognosförändring", 2),
    ]
    for label in ["Verksamhetens intäkter", *COST_ROWS]:
        text = prognosis_sentence(label, drift[label][2])
        if mkr(drift[label][2]):
            positive, negative = REASONS[label]
            text += " " + rng.choice(positive if drift[label][2] > 0 else negative)
        blocks += [Heading(label, 3), Paragraph(text)]
    blocks.append(Heading("Utfall för perioden", 2))
    for label in ["Verksamhetens intäkter", *COST_ROWS]:
        blocks += [Heading(label, 3), Paragraph(change_sentence(label, drift[label][5], year))]
    return blocks


def investment_comment(namnd: str, lines: list, year: int, layout: Layout) -> str:
    """Investeringar's Kommentar with the totals printed in the layout's number format."""
    total = lines[-1][2]

    def fmt(v: int) -> str:
        return format_number(abs(v), thousands_sep=layout.thousands_sep, minus=layout.minus)

    if total[1] == total[0]:
        return (
            f"{namnd} prognostiserar att de tilldelade medlen för investeringar, "
            f"{fmt(total[0])} tkr, kommer att användas under {year}."
        )
    return (
        f"{namnd} prognostiserar investeringsutgifter på {fmt(total[1])} tkr under {year}, "
        f"jämfört med en budget på {fmt(total[0])} tkr."
    )


def turnover_paragraph(rows: list[tuple], year: int) -> str:
    _, cur, prev, _ = rows[0]
    verb = "ökat" if cur > prev else "minskat" if cur < prev else "legat kvar"

    def pct(v: float) -> str:
        return format_number(v, decimals=1)

    return (
        f"Den externa personalomsättningen fram till delåret {year} har {verb} jämfört med "
        f"delåret {year - 1}, från {pct(prev)} till {pct(cur)} procent."
    )


def sick_paragraph(rows: list[tuple], forvaltning: str) -> str:
    by = {r[0]: r for r in rows}
    total, women, men = by["Total sjukfrånvaro"], by["Kvinnor"], by["Män"]

    def move(row: tuple) -> str:
        d = row[3]
        if d == 0:
            return "är oförändrad"
        verb = "ökat" if d > 0 else "minskat"
        return f"har {verb} med {format_number(abs(d), decimals=1)} procentenheter"

    return (
        f"Den totala sjukfrånvaron inom {forvaltning[0].lower() + forvaltning[1:]} "
        f"{move(total)} jämfört med samma period föregående år. Sjukfrånvaron för kvinnor "
        f"{move(women)} och för män {move(men)}."
    )
