"""Variants for other nämnder (Socialnämnden, Kultur- och fritidsnämnden) and another
kommun (Lerum): own magnitudes, investment lines, avdelningar, answers, comments and
decision abbreviations. Each function returns (enkät context, report spec, layout).
"""

from __future__ import annotations

import random

from .enkat_variants import EnkatContext, seed_section4_texts
from .figures import (
    delar_utfall,
    drift_values,
    investment_values,
    percent_rows,
    previous_utfall,
    sick_rows,
)
from .model import Control, InternalControl, Layout
from .numbers import format_number
from .report_variants import Goal, ReportSpec

S4 = seed_section4_texts()
KF_2025 = "den 6 november 2024, § 152"


def _pct(v: float) -> str:
    return format_number(v, decimals=1)


def _alingsas_title(namnd: str, year: int) -> list[str]:
    return [
        "Alingsås kommun",
        "Revisorerna",
        f"Grundläggande granskning {year}",
        f"Frågor till {namnd}",
    ]


# --- Socialnämnden -----------------------------------------------------------------------

SN_LAYOUT = Layout(
    producer="reportlab",
    table_style="whitespace",
    mark_style="drawn",
    font="DejaVu Sans",
    features=[
        "whitespace-only tables (no rules)",
        "report: space thousands separator",
        "report: hyphen-minus",
        "enkät: marks: drawn boxes, the answer a drawn cross (vector lines, no text)",
        "enkät: answer columns in order Ja Nej Delvis Vet ej",
    ],
)


def socialnamnden() -> tuple[EnkatContext, ReportSpec, Layout]:
    rng = random.Random(3101)
    cur = delar_utfall(rng, 312000, 56000, (0.46, 0.05, 0.33))
    prev = previous_utfall(rng, cur, growth=0.06)
    drift = drift_values(rng, cur, prev, prognos_result=-12000, finans_budget=0)
    investments = investment_values(
        rng,
        [
            ("Reinvestering", "Inventarier", -900),
            ("Reinvestering", "IT-utrustning", -400),
            ("Reinvestering", "Fordon", -300),
        ],
    )
    units = [
        "Socialförvaltningen",
        "Barn och familj",
        "Vuxen",
        "Ekonomiskt bistånd",
        "Stöd och behandling",
        "Administration och utveckling",
    ]
    turnover = percent_rows(rng, units, 6, 16)
    sick = sick_rows(rng, 7.4)
    spec = ReportSpec(
        kommun="Alingsås",
        kommun_official="Alingsås kommun",
        namnd="Socialnämnden",
        forvaltning="Socialförvaltningen",
        year=2025,
        title_lines=[
            "Socialnämndens delårsbokslut 2025",
            "Januari–augusti 2025",
            "Alingsås kommun",
        ],
        running_header="Socialnämndens delårsbokslut 2025",
        verksamhet=[
            f"I budgeten som kommunfullmäktige antog [[D:{KF_2025}]], framgår att Alingsås "
            "kommun har ett övergripande mål – Att bli Sveriges mest effektiva kommun. "
            "Socialnämnden bidrar till målet genom tidiga och samordnade insatser för barn, "
            "unga och vuxna.",
            "Den nya socialtjänstlagen som träder i kraft den 1 juli 2025 ställer krav på ett "
            "mer förebyggande och lättillgängligt arbetssätt. Förvaltningen har under våren "
            "arbetat med att anpassa rutiner och organisation efter lagens intentioner.",
            "Antalet placeringar av barn och unga har minskat under perioden, samtidigt som "
            "kostnaderna för placeringar av vuxna med missbruk har ökat. Socialnämnden "
            "beslutade i april om en handlingsplan för att minska kostnaderna för externa "
            "placeringar [[D:SN § 38/2025]].",
        ],
        kommentar=[
            "Underskottet förklaras främst av höga kostnader för externa placeringar inom "
            "vuxenområdet. Handlingsplanen förväntas ge effekt under hösten men bedöms inte "
            "täcka hela underskottet."
        ],
        drift=drift,
        investments=investments,
        turnover=turnover,
        personal=[
            "Rekryteringen av socialsekreterare med erfarenhet är fortsatt en utmaning, "
            "särskilt inom barn och familj. Förvaltningen har under året infört en "
            "introduktionsmodell för nyanställda socialsekreterare."
        ],
        goals=[
            Goal(
                "Nämndens arbetsmiljömål - Arbetsbelastningen för socialsekreterare ska vara "
                "hållbar",
                "Andel medarbetare som upplever en rimlig arbetsbelastning, andel (%)",
                [70, 64, 61],
                [
                    "Resultatet har förbättrats jämfört med föregående år men ligger fortfarande "
                    "under målet. Arbetet med att minska antalet ärenden per handläggare "
                    "fortsätter."
                ],
            )
        ],
        sick=sick,
        sick_text=[
            "Förvaltningen har under året arbetat med tidiga insatser vid "
            "korttidssjukfrånvaro i samverkan med företagshälsovården."
        ],
        internal_controls=[
            InternalControl(
                risk="Att utredningar inom barn och familj inte slutförs inom lagstadgad tid.",
                riskbeskrivning=(
                    "Utredningar som drar ut på tiden innebär att barn inte får stöd i tid och "
                    "att nämnden inte följer socialtjänstlagen."
                ),
                riskvarde=12,
                controls=[
                    Control(
                        kontroll="Uppföljning av andelen utredningar som avslutats inom fyra "
                        "månader.",
                        resultat="Av 212 avslutade utredningar under perioden avslutades 188 "
                        "inom fyra månader, vilket motsvarar 89 procent.",
                        bedomning="Delvis godkänd",
                        atgard="Förvaltningen inför veckovis uppföljning av utredningstider på "
                        "enhetsnivå.",
                    ),
                    Control(
                        kontroll="Kontroll av att beslut om placering fattas av behörig delegat.",
                        resultat="Samtliga 25 granskade beslut var fattade i enlighet med "
                        "delegationsordningen.",
                        bedomning="Godkänd",
                        atgard="Kontrollen upprepas i samband med årsbokslutet.",
                    ),
                ],
            )
        ],
        seed=3101,
    )
    ctx = EnkatContext(
        kommun="Alingsås",
        kommun_official="Alingsås kommun",
        namnd="Socialnämnden",
        abbr="SN",
        forvaltning="socialförvaltningen",
        year=2025,
        title_lines=_alingsas_title("Socialnämnden", 2025),
        budget_decision="SN § 96/2024",
        genomlysning_date="den 17 juni 2025",
        genomlysning_decision="SN § 47/2025",
        action_area="vuxenområdet",
        action_decision="SN § 38/2025",
        ik_date="2024-12-11",
        ik_count=4,
        au_decision="2024-11-20 § 44",
        inriktningar=[
            "Tidiga insatser - stöd ska ges tidigt och nära den enskilde.",
            "Trygg uppväxt - barn och unga ska ha goda förutsättningar att växa upp under "
            "trygga förhållanden.",
            "Egen försörjning - fler ska gå från ekonomiskt bistånd till arbete eller studier.",
        ],
        answers={"1.3": "nej", "2.4": "delvis", "3.5": "delvis"},
        comments={
            "3.5": [
                "En uppföljningsrapport upprättas vid årsbokslutet. Vid delåret redovisas "
                "resultatet muntligt för nämnden."
            ]
        },
        followups=4,
        section4=[
            (
                "4.1",
                S4["4.1"],
                [
                    "Förvaltningen arbetar efter en kompetensförsörjningsplan med fokus på:",
                    "- Introduktionsprogram och mentorskap för nyanställda socialsekreterare.",
                    "- Samarbete med Göteborgs universitet kring verksamhetsförlagd utbildning.",
                    "- Karriärvägar med specialisttjänster inom barn och familj.",
                ],
            ),
            (
                "4.2",
                S4["4.2"],
                [
                    "Den externa personalomsättningen fram till delåret 2025 var "
                    f"{_pct(turnover[0][1])} procent, jämfört med {_pct(turnover[0][2])} "
                    "procent samma period 2024."
                ],
            ),
            (
                "4.3",
                S4["4.3"],
                [
                    "Vid rapporteringstillfället 2025-04-15, [[D:SN § 29/2025]] rapporterades "
                    "tre ej verkställda beslut enligt SoL, samtliga avseende kontaktperson. "
                    "Förvaltningen rekryterar fler uppdragstagare."
                ],
            ),
        ],
        risks=[
            "Kostnaderna för externa placeringar ökar och är svåra att påverka på kort sikt.",
            "Rekryteringen av erfarna socialsekreterare är en fortsatt utmaning.",
            "Den nya socialtjänstlagen kräver omställning av arbetssätt och organisation.",
            "Ökad psykisk ohälsa bland barn och unga ökar behovet av insatser.",
            "Fler hushåll med långvarigt ekonomiskt bistånd riskerar att öka kostnaderna.",
        ],
    )
    return ctx, spec, SN_LAYOUT


# --- Kultur- och fritidsnämnden ----------------------------------------------------------

KFN_LAYOUT = Layout(
    producer="libreoffice",
    table_style="ruled",
    thousands_sep="\u00a0",
    mark_style="x",
    mark_text="X",
    features=[
        "ruled tables (grid lines)",
        "report: no-break space thousands separator",
        "report: hyphen-minus",
        "report: Investeringar with two parents (Reinvestering, Nyinvestering)",
        "report: arbetsmiljömål with Inget värde",
        "enkät: marks: capital X",
        "enkät: answer columns in order Ja Nej Delvis Vet ej",
        "enkät: section 4 has two questions",
    ],
)


def kultur_och_fritid() -> tuple[EnkatContext, ReportSpec, Layout]:
    rng = random.Random(3102)
    cur = delar_utfall(rng, 158000, 29000, (0.41, 0.31, 0.11))
    prev = previous_utfall(rng, cur, growth=0.035)
    drift = drift_values(rng, cur, prev, prognos_result=2000, finans_budget=0)
    investments = investment_values(
        rng,
        [
            ("Reinvestering", "Inventarier", -600),
            ("Reinvestering", "Konst", -300),
            ("Reinvestering", "Idrottsutrustning", -1200),
            ("Nyinvestering", "Konstgräsplan Kristineholm", -4500),
            ("Nyinvestering", "Utrustning nytt bibliotek", -800),
        ],
    )
    units = [
        "Kultur- och fritidsförvaltningen",
        "Kultur",
        "Bibliotek",
        "Fritid och idrott",
        "Ungdom och fritidsgårdar",
        "Administration",
    ]
    turnover = percent_rows(rng, units, 3, 11)
    sick = sick_rows(rng, 5.6)
    name = "Kultur- och fritidsnämnden"
    spec = ReportSpec(
        kommun="Alingsås",
        kommun_official="Alingsås kommun",
        namnd=name,
        forvaltning="Kultur- och fritidsförvaltningen",
        year=2025,
        title_lines=[
            "Kultur- och fritidsnämndens delårsbokslut 2025",
            "Januari–augusti 2025",
            "Alingsås kommun",
        ],
        running_header="Kultur- och fritidsnämndens delårsbokslut 2025",
        verksamhet=[
            f"I budgeten som kommunfullmäktige antog [[D:{KF_2025}]], framgår att Alingsås "
            "kommun har ett övergripande mål – Att bli Sveriges mest effektiva kommun. Kultur- "
            "och fritidsnämnden bidrar genom att erbjuda attraktiva mötesplatser, ett rikt "
            "kulturliv och goda förutsättningar för idrott och friluftsliv.",
            "Under våren har arbetet med det nya biblioteket i stadskärnan gått in i "
            "projekteringsfasen. Kultur- och fritidsnämnden godkände förstudien "
            "[[D:KFN § 21/2025]].",
            "Besöksantalet på fritidsgårdarna har ökat med 12 procent jämfört med samma period "
            "föregående år, medan antalet utlån på biblioteken ligger på samma nivå.",
        ],
        kommentar=[
            "Överskottet beror främst på vakanser och lägre kostnader för föreningsbidrag än "
            "budgeterat."
        ],
        drift=drift,
        investments=investments,
        turnover=turnover,
        personal=[
            "Rekryteringsläget är i huvudsak stabilt. Svårast är det att rekrytera "
            "fritidsledare med rätt kompetens till kvällstjänstgöring."
        ],
        goals=[
            Goal(
                "Nämndens arbetsmiljömål - Medarbetarna ska uppleva en god psykosocial arbetsmiljö",
                "Andel medarbetare som upplever att de har en rimlig arbetsbelastning, andel (%)",
                [75, None, 71],
                [
                    "Pulsmätningen genomförs i september och därför redovisas inget värde vid "
                    "delåret."
                ],
            )
        ],
        sick=sick,
        sick_text=["Sjukfrånvaron är fortsatt låg jämfört med kommunen som helhet."],
        internal_controls=[
            InternalControl(
                risk="Att föreningsbidrag betalas ut på felaktiga grunder.",
                riskbeskrivning=(
                    "Felaktiga utbetalningar innebär ekonomisk skada för kommunen och "
                    "förtroendeskada för nämnden."
                ),
                riskvarde=8,
                controls=[
                    Control(
                        kontroll="Stickprovskontroll av 20 beviljade aktivitetsbidrag mot "
                        "närvarorapporter.",
                        resultat="Två av 20 ansökningar saknade fullständiga närvarorapporter. "
                        "Bidragen har reglerats.",
                        bedomning="Delvis godkänd",
                        atgard="Rutinen för granskning av närvarorapporter förtydligas och "
                        "kommuniceras till föreningarna.",
                    )
                ],
            )
        ],
        seed=3102,
    )
    ctx = EnkatContext(
        kommun="Alingsås",
        kommun_official="Alingsås kommun",
        namnd=name,
        abbr="KFN",
        forvaltning="kultur- och fritidsförvaltningen",
        year=2025,
        title_lines=_alingsas_title(name, 2025),
        budget_decision="KFN § 71/2024",
        genomlysning_date="den 10 juni 2025",
        genomlysning_decision="KFN § 33/2025",
        action_area="fritidsgårdarna",
        action_decision="KFN § 27/2025",
        ik_date="2024-12-09",
        ik_count=2,
        au_decision="2024-11-18 § 35",
        inriktningar=[
            "Kultur för alla - kulturutbudet ska nå fler invånare i hela kommunen.",
            "Aktiv fritid - fler barn och unga ska delta i föreningslivet.",
        ],
        answers={"1.3": "nej", "1.5": "delvis", "1.7": "nej"},
        comments={
            "1.7": [
                "Förvaltningen har ingen samlad verksamhetsplan. Nämndens beslutade åtgärder "
                "fördelas direkt till enheterna via beslutstödet Hypergene."
            ]
        },
        followups=3,
        section4=[
            (
                "4.1",
                S4["4.1"],
                [
                    "Förvaltningen arbetar med kompetensutveckling inom digital "
                    "biblioteksservice och ledarskap för fritidsledare."
                ],
            ),
            (
                "4.2",
                S4["4.2"],
                [
                    "Den externa personalomsättningen fram till delåret 2025 var "
                    f"{_pct(turnover[0][1])} procent, jämfört med {_pct(turnover[0][2])} "
                    "procent samma period 2024."
                ],
            ),
        ],
        risks=[
            "Eftersatt underhåll av idrottsanläggningar riskerar ökade kostnader och "
            "avstängningar.",
            "Minskat föreningsengagemang bland unga vuxna.",
            "Kostnadsökningar för det nya biblioteket kan tränga undan annan verksamhet.",
            "Svårigheter att rekrytera fritidsledare till kvällstjänstgöring.",
            "Ökade energikostnader för simhallen.",
        ],
    )
    return ctx, spec, KFN_LAYOUT


# --- Lerums kommun, Vård- och omsorgsnämnden ---------------------------------------------

LERUM_LAYOUT = Layout(
    producer="reportlab",
    table_style="ruled",
    minus="\u2212",
    mark_style="form",
    font="DejaVu Sans",
    split_table="investeringar",
    features=[
        "ruled tables (grid lines)",
        "another kommun (Lerums kommun)",
        "report: title says Delårsrapport, not delårsbokslut",
        "report: space thousands separator",
        "report: Unicode minus (U+2212)",
        "report: Investeringar continued on next page with repeated header",
        "enkät: marks: AcroForm checkboxes (answer only in the form field values)",
        "enkät: answer columns in order Ja Delvis Nej Vet ej",
    ],
)


def lerum_von() -> tuple[EnkatContext, ReportSpec, Layout]:
    rng = random.Random(3103)
    cur = delar_utfall(rng, 1018000, 188000, (0.66, 0.09, 0.15))
    prev = previous_utfall(rng, cur, growth=0.05)
    drift = drift_values(rng, cur, prev, prognos_result=-6000, finans_budget=0)
    investments = investment_values(
        rng,
        [
            ("Reinvestering", "Inventarier", -3500),
            ("Reinvestering", "Larm och trygghetsteknik", -1800),
            ("Reinvestering", "Möbler särskilt boende", -900),
            ("Reinvestering", "Hjälpmedel", -600),
            ("Reinvestering", "Fordon", -1200),
        ],
    )
    units = [
        "Vård- och omsorgsförvaltningen",
        "Hemtjänst",
        "Särskilt boende",
        "Funktionsstöd",
        "Hälso- och sjukvård",
        "Myndighet och stöd",
    ]
    turnover = percent_rows(rng, units, 5, 13)
    sick = sick_rows(rng, 8.8)
    total_sick = next(r for r in sick if r[0] == "Total sjukfrånvaro")
    name = "Vård- och omsorgsnämnden"
    spec = ReportSpec(
        kommun="Lerum",
        kommun_official="Lerums kommun",
        namnd=name,
        forvaltning="Vård- och omsorgsförvaltningen",
        year=2025,
        title_lines=[
            "Delårsrapport januari–augusti 2025",
            "Vård- och omsorgsnämnden",
            "Lerums kommun",
        ],
        running_header="Lerums kommun – Vård- och omsorgsnämndens delårsrapport 2025",
        verksamhet=[
            "Kommunfullmäktige antog [[D:den 27 november 2024, § 201]], Mål och budget "
            "2025–2027 för Lerums kommun. Vård- och omsorgsnämnden har utifrån denna fastställt "
            "sin verksamhetsplan [[D:VON § 97/2024]].",
            "Under perioden har efterfrågan på hemtjänst ökat, samtidigt som beläggningen på "
            "särskilt boende har varit fortsatt hög. Förvaltningen har öppnat ett nytt "
            "korttidsboende i Gråbo.",
            "Arbetet med att införa digital nattillsyn har fortsatt och omfattar nu cirka 140 "
            "brukare.",
        ],
        kommentar=[
            "Underskottet förklaras främst av ökade volymer inom hemtjänsten och höga "
            "kostnader för bemanningssjuksköterskor."
        ],
        drift=drift,
        investments=investments,
        turnover=turnover,
        personal=[
            "Bemanningen av sjuksköterskor har under sommaren delvis lösts med inhyrd "
            "personal. Förvaltningen har infört en ny lönemodell för specialistsjuksköterskor."
        ],
        goals=[
            Goal(
                "Nämndens arbetsmiljömål - Andelen timavlönade ska minska",
                "Arbetad tid av timavlönade, andel (%)",
                [10.0, 11.4, 12.6],
                ["Andelen har minskat sedan föregående år men målet är ännu inte nått."],
                decimals=1,
            ),
            Goal(
                "Nämndens arbetsmiljömål - Sjukfrånvaron ska minska",
                "Total sjukfrånvaro, andel (%)",
                [8.0, total_sick[1], total_sick[2]],
                ["Sjukfrånvaron redovisas närmare under rubriken Sjukfrånvaro."],
                decimals=1,
            ),
        ],
        sick=sick,
        sick_text=[
            "Förvaltningen har infört en rutin för tidig kontakt med företagshälsovården vid "
            "upprepad korttidsfrånvaro."
        ],
        internal_controls=[
            InternalControl(
                risk="Att hemtjänstens planerade tid inte motsvarar beviljad tid.",
                riskbeskrivning=(
                    "Om utförd tid avviker från beviljad tid får brukaren inte de insatser som "
                    "beslutats och ersättningen till utförarna blir felaktig."
                ),
                riskvarde=10,
                controls=[
                    Control(
                        kontroll="Jämförelse av beviljad och utförd tid för 30 brukare.",
                        resultat="I 24 av 30 ärenden avvek utförd tid mindre än tio procent "
                        "från beviljad tid.",
                        bedomning="Delvis godkänd",
                        atgard="Planeringen i hemtjänstens planeringssystem ses över under hösten.",
                    ),
                    Control(
                        kontroll="Kontroll av att biståndsbeslut omprövas inom ett år.",
                        resultat="Samtliga granskade beslut hade omprövats i tid.",
                        bedomning="Godkänd",
                        atgard="Kontrollen upprepas vid årsbokslutet.",
                    ),
                ],
            )
        ],
        seed=3103,
    )
    ctx = EnkatContext(
        kommun="Lerum",
        kommun_official="Lerums kommun",
        namnd=name,
        abbr="VON",
        forvaltning="vård- och omsorgsförvaltningen",
        year=2025,
        title_lines=[
            "Lerums kommun",
            "De förtroendevalda revisorerna",
            "Grundläggande granskning 2025",
            "Frågor till Vård- och omsorgsnämnden",
        ],
        budget_decision="VON § 97/2024",
        genomlysning_date="den 11 juni 2025",
        genomlysning_decision="VON § 49/2025",
        action_area="hemtjänsten",
        action_decision="VON § 55/2025",
        ik_date="2024-12-18",
        ik_count=5,
        au_decision="2024-11-26 § 12",
        inriktningar=[],
        answers={"1.2": "ja", "1.3": "ja", "1.5": "delvis", "2.4": "delvis", "3.6": None},
        texts={
            "1.1": "Lerums kommun har infört en ny modell för mål- och resultatstyrning, hur "
            "påverkar den nämndens styrning och uppföljning?",
        },
        comments={
            "1.1": [
                "Modellen innebär att nämnden beslutar om en verksamhetsplan med nämndmål och "
                "indikatorer som följs upp i delårsrapport och årsredovisning."
            ],
            "1.2": [
                "Vård- och omsorgsnämnden har i verksamhetsplan 2025 [[D:VON § 97/2024]] "
                "fastställt tre nämndmål kopplade till fullmäktiges mål:",
                "• Den enskilde ska uppleva trygghet och delaktighet.",
                "• Verksamheten ska vara kostnadseffektiv.",
                "• Medarbetarna ska ha en god arbetsmiljö.",
            ],
            "1.3": ["Varje nämndmål följs upp med två till tre indikatorer med målvärden."],
            "1.4": [
                "Måluppfyllelsen följs upp i delårsrapporten per april och augusti samt i "
                "årsredovisningen."
            ],
            "1.5": ["Förvaltningen redovisar orsaksanalys för indikatorer som inte når målvärdet."],
            "1.6": [
                "Nämnden beslutar om åtgärder i samband med uppföljningen [[D:VON § 62/2025]]."
            ],
            "1.8": [
                "Vid delåret bedöms ett av tre nämndmål vara uppfyllt och två delvis uppfyllda. "
                "Prognosen för helåret är att två mål uppfylls."
            ],
            "2.5": [
                "Se nämndens delårsrapport januari–augusti 2025, avsnittet Ekonomi.",
            ],
        },
        system="Stratsys",
        followups=4,
        columns=["Ja", "Delvis", "Nej", "Vet ej"],
        section4=[
            (
                "4.1",
                S4["4.1"],
                [
                    "Förvaltningen har en kompetensförsörjningsplan som följs upp årligen. Under "
                    "2025 prioriteras:",
                    "- Utbildning av undersköterskor till specialistundersköterskor.",
                    "- Ny lönemodell för specialistsjuksköterskor.",
                    "- Språkombud på samtliga särskilda boenden.",
                ],
            ),
            (
                "4.2",
                S4["4.2"],
                [
                    "Den externa personalomsättningen fram till delåret 2025 var "
                    f"{_pct(turnover[0][1])} procent, jämfört med {_pct(turnover[0][2])} "
                    "procent samma period 2024."
                ],
            ),
            (
                "4.3",
                S4["4.3"],
                [
                    "Vid rapporteringstillfället 2025-04-22, [[D:VON § 31/2025]] rapporterades "
                    "sju ej verkställda beslut om särskilt boende. Samtliga har erbjudits plats."
                ],
            ),
            (
                "4.4.",
                S4["4.4."],
                [
                    "Enkäten skickas till den äldre, som kan ta hjälp av en anhörig eller god "
                    "man. Personalen ska inte hjälpa till att fylla i enkäten."
                ],
            ),
        ],
        risks=[
            "Fler äldre med omfattande behov ökar efterfrågan på hemtjänst och särskilt boende.",
            "Beroendet av bemanningssjuksköterskor medför höga kostnader.",
            "Brist på platser i särskilt boende riskerar viten för ej verkställda beslut.",
            "Omställningen till god och nära vård kräver nya samarbetsformer med regionen.",
            "Välfärdsteknik införs långsammare än planerat.",
            "Höga sjuktal bland undersköterskor påverkar kontinuiteten för brukarna.",
        ],
    )
    return ctx, spec, LERUM_LAYOUT
