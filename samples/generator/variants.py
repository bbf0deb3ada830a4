"""Every sample document: the two seeds and their variants, each with its layout.

A variant is data: a `FigureSpec` (seed, magnitudes, investment lines, avdelningar) that
`make_figures` turns into consistent numbers, and a function of those numbers giving the
enkät's and the report's text (`EnkatContext`, `ReportSpec`). Alingsås Vård- och
omsorgsnämnden 2024 and 2023 chain to the seed: a report's "Delårsbokslut <year-1>"
column (and the personalomsättning/sjukfrånvaro <year-1> columns) equal the next year's
report's previous-year column. Numbers come from random.Random(seed) so every run
produces the same documents.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from .arsredovisning_data import seed_arsredovisning
from .delarsbokslut_data import (
    GOAL_1,
    GOAL_2,
    INDICATOR_1,
    INDICATOR_2,
    SEED_DRIFT,
    SEED_INVEST,
    SEED_SICK,
    SEED_TURNOVER,
    seed_delarsbokslut,
)
from .enkat_data import seed_enkat
from .enkat_variants import EnkatContext, build_enkat, seed_section4_texts
from .figures import Figures, FigureSpec, make_figures
from .model import Control, Delarsbokslut, Enkat, InternalControl, Layout
from .numbers import format_number
from .report_variants import ReportSpec, build_report
from .tables import Goal, PercentRow


@dataclass
class Sample:
    name: str  # file stem in samples/
    doc: Enkat | Delarsbokslut


VON = "Vård- och omsorgsnämnden"
VON_FORV = "Vård- och omsorgsförvaltningen"
VON_UNITS = [label for label, *_ in SEED_TURNOVER]
VON_INVEST_LINES = [label for label, parent, _ in SEED_INVEST if parent == "Reinvestering"]
S4 = seed_section4_texts()
KF_2025 = "den 6 november 2024, § 152"
SEED_FIGURES = Figures(0, SEED_DRIFT, SEED_INVEST, SEED_TURNOVER, SEED_SICK)


def _fmt(v: int, layout: Layout) -> str:
    return format_number(v, thousands_sep=layout.thousands_sep, minus=layout.minus)


def _turnover_answer(turnover: list[PercentRow]) -> list[str]:
    """4.2 of a 2025 enkät: the förvaltning's personalomsättning as the report prints it."""
    this, last = (format_number(v, decimals=1) for v in turnover[0][1:3])
    return [
        f"Den externa personalomsättningen fram till delåret 2025 var {this} procent, "
        f"jämfört med {last} procent samma period 2024."
    ]


# --- layouts ----------------------------------------------------------------------------

LAYOUT_2025 = Layout(
    producer="libreoffice",
    table_style="whitespace",
    mark_style="x",
    features=[
        "faithful rendition of the real document (seed)",
        "whitespace-only tables (no rules)",
        "report: headers wrapped over 2–3 lines as in the seed",
        "report: space thousands separator",
        "report: hyphen-minus",
        "report: row label wrapped over two lines (Verksamhetens nettokostnader)",
        "enkät: marks: x",
        "enkät: answer columns in order Ja Nej Delvis Vet ej",
    ],
)
LAYOUT_2024 = Layout(
    producer="reportlab",
    table_style="ruled",
    thousands_sep="\u00a0",
    minus="\u2212",
    mark_style="glyph",
    font="DejaVu Sans",
    split_table="drift",
    features=[
        "ruled tables (grid lines)",
        "report: headers wrapped over 2–3 lines",
        "no-break space thousands separator",
        "Unicode minus (U+2212)",
        "report: Drift continued on next page with repeated header",
        "enkät: marks: ☒/☐ glyphs",
        "enkät: answer columns in order Ja Nej Delvis Vet ej",
        "enkät: 2.5 answered with budget figures in the comment",
    ],
)
LAYOUT_2023 = Layout(
    producer="libreoffice",
    table_style="whitespace",
    thousands_sep="\u2009",
    minus="\u2013",
    mark_style="check",
    features=[
        "whitespace-only tables (no rules)",
        "report: thin space thousands separator",
        "report: en dash minus",
        "report: Drift columns in order: Delårsbokslut 2023, Delårsbokslut 2022, Diff., "
        "Budget, Prognos, Avv.",
        "report: only one arbetsmiljömål",
        "enkät: marks: ✓",
        "enkät: answer columns in order Ja Nej Delvis Vet ej",
        "enkät: 1.1 is a different question (delegationsordning), 1.4 reworded, section 4 "
        "renumbered (no personalomsättning question; brukarenkät is 4.3)",
        "enkät: 3.6 answered (Ja)",
    ],
)


# --- Vård- och omsorgsnämnden 2024 --------------------------------------------------------


def _von_investments(*budgets: int) -> dict[str, list[tuple[str, int]]]:
    """The seed's Reinvestering lines, with another year's budgets."""
    return {"Reinvestering": list(zip(VON_INVEST_LINES, budgets, strict=True))}


VON_2024 = FigureSpec(
    seed=2024,
    growth=0.045,
    prognos_result=0,
    finans_budget=None,
    investments=_von_investments(-4000, -200, -500, -400, -700),
    units=VON_UNITS,
    turnover=(4, 12),
    sick=8.0,
)


def von_2024_report(f: Figures) -> ReportSpec:
    """The 2024 report; its "2024" columns are the seed's "2024" columns."""
    return ReportSpec(
        namnd=VON,
        forvaltning=VON_FORV,
        year=2024,
        verksamhet=[
            "I budgeten som kommunfullmäktige antog [[D:den 8 november 2023, § 187]], framgår "
            "att Alingsås kommun från och med 2024 har ett övergripande mål – Att bli Sveriges "
            "mest effektiva kommun. Målet följs upp genom den årliga genomlysningen, som "
            "respektive nämnd ansvarar för.",
            "Under våren har förvaltningen fortsatt arbetet med att ställa om mot ett mer "
            "förebyggande och hälsofrämjande arbetssätt. Nya resursfördelningsmodeller för "
            "hemtjänst och särskilt boende har tagits fram och ska införas från och med 2025.",
            "Vård- och omsorgsnämnden beslutade i juni om en handlingsplan för en budget i "
            "balans [[D:VON § 47/2024]]. Åtgärderna omfattar bland annat översyn av bemanning, "
            "minskade kostnader för inhyrd personal och en effektivare lokalanvändning.",
            "Byggnationen av det nya äldreboendet i Stadsskogen fortgår enligt plan och "
            "beräknas vara klar för inflyttning under våren 2025.",
        ],
        kommentar=[
            "Alla enheter som prognostiserar ett underskott är ålagda att ta fram "
            "handlingsplaner för att säkerställa ett utfall i balans.",
        ],
        figures=f,
        personal=[
            "Rekryteringsläget för legitimerad personal har varit ansträngt under perioden, "
            "främst när det gäller sjuksköterskor. Äldreomsorgslyftet har bidragit till att "
            "ytterligare medarbetare validerats till undersköterskor.",
            "Implementeringen av Göteborgsregionens karriärvägsmodell för äldreomsorgen har "
            "påbörjats under året.",
        ],
        goals=[
            Goal(
                GOAL_1,
                INDICATOR_1,
                [80, 80, 63],
                [
                    "Nämndens arbetsmiljömål för 2024 fokuserar på att öka delaktigheten och "
                    "kunskapen om målstyrning. I kvartal två 2024 svarade 80 procent positivt "
                    "på frågan, en ökning från 63 procent kvartal fyra 2023."
                ],
            ),
            Goal(
                GOAL_2,
                INDICATOR_2,
                [14.0, 15.8, 17.2],
                [
                    "Andelen arbetad tid utförd av timanställda har minskat jämfört med "
                    "föregående år. Resursteamet inom hemtjänsten har bidragit till "
                    "minskningen."
                ],
                decimals=1,
            ),
        ],
        sick_text=[
            "År 2024 redovisar förvaltningen låga sjuktal för både korttidssjukfrånvaron och "
            "långtidssjukfrånvaron."
        ],
        internal_controls=[
            InternalControl(
                risk="Att brukare inte får rätt läkemedel i rätt tid.",
                riskbeskrivning=(
                    "Brister i läkemedelshanteringen kan leda till vårdskador. Risken bedöms "
                    "som hög inom hemtjänsten där många brukare har delegerade läkemedel."
                ),
                riskvarde=12,
                controls=[
                    Control(
                        kontroll="Stickprovskontroll av signeringslistor för läkemedel inom "
                        "hemtjänst och särskilt boende.",
                        resultat="Kontroll av 120 signeringslistor visar att 94 procent var "
                        "korrekt signerade.\nAvvikelserna gällde främst vid behovsläkemedel.",
                        bedomning="Delvis godkänd",
                        atgard="Utbildning i läkemedelshantering genomförs för berörda "
                        "enheter under hösten 2024.",
                    )
                ],
            ),
            InternalControl(
                risk="Att förvaltningen inte har en ändamålsenlig bemanning.",
                riskbeskrivning=(
                    "En hög andel timavlönade försämrar kontinuiteten för brukarna och ökar "
                    "kostnaderna."
                ),
                riskvarde=9,
                controls=[
                    Control(
                        kontroll="Uppföljning av andelen arbetad tid av timavlönade per avdelning.",
                        resultat="Andelen har minskat inom hemtjänsten men ligger kvar på "
                        "samma nivå inom särskilt boende.",
                        bedomning=None,
                        atgard="Resursteamet utökas till särskilt boende under 2025.",
                    )
                ],
            ),
        ],
    )


VON_INRIKTNINGAR = [
    "Digitalt först - utveckla välfärdsteknik för ökad självständighet och delaktighet.",
    "Förebyggande och hälsofrämjande - Proaktivt arbete för ökad självständighet, ökat "
    "välbefinnande och god livskvalitet.",
]


def von_2024_enkat(f: Figures) -> EnkatContext:
    netto = f.drift["Verksamhetens\nnettokostnader"]
    lay = LAYOUT_2024
    return EnkatContext(
        namnd=VON,
        abbr="VON",
        forvaltning="vård- och omsorgsförvaltningen",
        year=2024,
        budget_decision="VON § 92/2023",
        genomlysning_date="den 13 juni 2024",
        genomlysning_decision="VON § 41/2024",
        action_area="hemtjänst och äldreboende",
        action_decision="VON § 47/2024",
        ik_date="2023-12-12",
        ik_count=3,
        au_decision="2023-11-07 § 58",
        inriktningar=VON_INRIKTNINGAR,
        answers={"1.3": "nej"},
        comments={
            "1.3": [
                "Kommunfullmäktige har beslutat att kommunen ska sträva efter att bli Sveriges "
                "mest effektiva kommun. För detta mål fastställs inga specifika målnivåer och "
                "nämnden har inte formulerat egna mätbara mål för 2024.",
            ],
            "2.5": [
                f"Budget helår: {_fmt(netto[0], lay)} tkr. Utfall delår: {_fmt(netto[3], lay)} "
                f"tkr. Prognos helår: {_fmt(netto[1], lay)} tkr. Avvikelse mot budget: "
                f"{_fmt(netto[2], lay)} tkr.",
            ],
        },
        section4=[
            (
                "4.1",
                S4["4.1"],
                [
                    "Förvaltningens kompetensförsörjningsplan revideras årligen. Under 2024 "
                    "har fokus legat på:",
                    "- Validering av outbildade vikarier till undersköterskor inom ramen för "
                    "äldreomsorgslyftet.",
                    "- Införande av Göteborgsregionens karriärvägsmodell för äldreomsorgen.",
                    "- Språkstärkande insatser för medarbetare med svenska som andraspråk.",
                ],
            ),
            (
                "4.2",
                S4["4.2"],
                [
                    "Den externa personalomsättningen under det första delåret 2024 var "
                    f"{format_number(f.turnover[0][1], decimals=1)} procent jämfört med "
                    f"{format_number(f.turnover[0][2], decimals=1)} procent delåret 2023.",
                ],
            ),
            (
                "4.3",
                S4["4.3"],
                [
                    "Vid rapporteringstillfället 2024-03-26, [[D:VON § 24/2024]] rapporterades "
                    "elva ej verkställda beslut enligt LSS, främst avseende bostad med "
                    "särskild service.",
                    "Enligt SoL rapporterades sex ej verkställda beslut om särskilt boende "
                    "[[D:VON § 25/2024]].",
                ],
            ),
            (
                "4.4.",
                S4["4.4."],
                [
                    "Undersökningen Vad tycker de äldre om äldreomsorgen 2023 genomfördes av "
                    "Socialstyrelsen. Den äldre får ta hjälp av en anhörig eller god man men "
                    "bör undvika att be personalen om hjälp.",
                ],
            ),
        ],
        risks=[
            "Den demografiska utvecklingen med fler äldre ökar behovet av vård och omsorg "
            "samtidigt som resurserna inte ökar i samma takt.",
            "Personal- och kompetensförsörjningen, särskilt av sjuksköterskor och "
            "undersköterskor, är en fortsatt stor utmaning.",
            "Nämnden saknar ändamålsenliga lokaler för delar av verksamheten, vilket riskerar "
            "ineffektiv drift och viteskostnader.",
            "Omställningen till en god och nära vård kräver nya arbetssätt och ett utökat "
            "samarbete med regionen.",
            "Införandet av välfärdsteknik går långsammare än planerat, vilket begränsar "
            "möjligheten till effektiviseringar.",
        ],
    )


# --- Vård- och omsorgsnämnden 2023 --------------------------------------------------------


VON_2023 = replace(
    VON_2024,
    seed=2023,
    growth=0.05,
    prognos_result=-9000,
    investments=_von_investments(-3800, -300, -400, -500, -800),
    sick=8.5,
)


def von_2023_report(f: Figures) -> ReportSpec:
    """The 2023 report; its "2023" columns are the 2024 report's "2023" columns."""
    return ReportSpec(
        namnd=VON,
        forvaltning=VON_FORV,
        year=2023,
        verksamhet=[
            "I budgeten som kommunfullmäktige antog [[D:den 23 november 2022, § 201]], "
            "fastställdes kommunens övergripande mål och nämndernas uppdrag för 2023. Vård- och "
            "omsorgsnämnden har utifrån dessa antagit tre nämndmål i budget 2023–2025 "
            "[[D:VON § 88/2022]].",
            "Under året har förvaltningen arbetat med att anpassa verksamheten efter ökade "
            "volymer inom hemtjänsten och ett fortsatt högt behov av platser på särskilt "
            "boende.",
            "Förvaltningen har påbörjat införandet av ett nytt verksamhetssystem för "
            "dokumentation inom vård och omsorg. Införandet beräknas vara klart under första "
            "kvartalet 2024.",
        ],
        kommentar=[
            "Underskottet förklaras främst av ökade kostnader för köp av externa platser och "
            "ett högre vikariebehov.",
            "Nämnden har gett förvaltningen i uppdrag att ta fram en handlingsplan för en "
            "budget i balans [[D:VON § 61/2023]].",
        ],
        figures=f,
        drift_order=[3, 4, 5, 0, 1, 2],
        personal=[
            "Bristen på sjuksköterskor har varit fortsatt påtaglig under perioden och flera "
            "tjänster har tillsatts med inhyrd personal."
        ],
        goals=[
            Goal(
                GOAL_1,
                INDICATOR_1,
                [70, 68, 61],
                [
                    "Arbetsmiljömålet antogs inför 2023. Uppföljning sker i kommunens "
                    "pulsmätningsverktyg."
                ],
            )
        ],
        sick_text=[
            "Förvaltningen fortsätter det förebyggande arbetsmiljöarbetet med tidiga insatser "
            "vid korttidssjukfrånvaro."
        ],
        internal_controls=[
            InternalControl(
                risk="Att beslut om insatser inte verkställs inom tre månader.",
                riskbeskrivning=(
                    "Ej verkställda beslut kan leda till att enskilda inte får det stöd de har "
                    "rätt till och till särskild avgift för kommunen."
                ),
                riskvarde=12,
                controls=[
                    Control(
                        kontroll="Kvartalsvis uppföljning av ej verkställda beslut enligt SoL "
                        "och LSS.",
                        resultat="Under första halvåret rapporterades 17 ej verkställda "
                        "beslut, varav 11 avser bostad med särskild service enligt LSS.",
                        bedomning=None,
                        atgard="Planeringen av nya bostäder med särskild service påskyndas i "
                        "samverkan med kommunstyrelsen.",
                    ),
                    Control(
                        kontroll="Kontroll av att erbjudanden om plats dokumenteras i akten.",
                        resultat="I 9 av 10 granskade ärenden fanns erbjudandet dokumenterat.",
                        bedomning=None,
                        atgard="Rutinen för dokumentation av erbjudanden förtydligas.",
                    ),
                ],
            )
        ],
    )


def von_2023_enkat(f: Figures) -> EnkatContext:
    return EnkatContext(
        namnd=VON,
        abbr="VON",
        forvaltning="vård- och omsorgsförvaltningen",
        year=2023,
        budget_decision="VON § 88/2022",
        genomlysning_date="",
        genomlysning_decision="",
        action_area="hemtjänst",
        action_decision="VON § 61/2023",
        ik_date="2022-12-13",
        ik_count=4,
        au_decision="2022-11-08 § 49",
        inriktningar=[],
        answers={"1.1": "ja", "1.2": "ja", "1.3": "ja", "1.7": "ja", "3.6": "ja"},
        texts={
            "1.1": "Har nämnden/styrelsen antagit en aktuell delegationsordning?",
            "1.4": "Följer nämnden upp hur måluppfyllelsen utvecklas under året?",
        },
        boxes={"1.1": True},
        comments={
            "1.1": [
                "Nämndens delegationsordning reviderades senast [[D:VON § 17/2023]] och ses "
                "över årligen."
            ],
            "1.2": [
                "Vård- och omsorgsnämnden har i budget 2023–2025 [[D:VON § 88/2022]] "
                "fastställt tre nämndmål kopplade till fullmäktiges övergripande mål:",
                "• Brukarna ska vara nöjda med insatsernas kvalitet.",
                "• Andelen heltidsanställda ska öka.",
                "• Nämnden ska bedriva en kostnadseffektiv verksamhet.",
            ],
            "1.3": ["Samtliga nämndmål har mätbara indikatorer med målvärden för 2023."],
            "1.4": ["Måluppfyllelsen följs upp i samband med delårs- och årsbokslut."],
            "1.5": [
                "Förvaltningen redovisar en analys av orsakerna när ett mål inte bedöms uppnås."
            ],
            "1.6": ["Nämnden beslutar om åtgärder i samband med delårs- och årsbokslut."],
            "1.8": [
                "Vid delåret bedöms ett av tre nämndmål uppnås helt och två delvis. Prognosen "
                "för helåret är att två av tre mål uppnås."
            ],
        },
        section4=[
            (
                "4.1",
                S4["4.1"],
                [
                    "Förvaltningen har tagit fram en strategisk kompetensförsörjningsplan för "
                    "2023–2025. Fokus under året har varit validering av vikarier till "
                    "undersköterskor och rekrytering av sjuksköterskor."
                ],
            ),
            (
                "4.2",
                S4["4.3"],
                [
                    "Vid rapporteringstillfället 2023-03-28, [[D:VON § 23/2023]] rapporterades "
                    "fjorton ej verkställda beslut enligt LSS och fem enligt SoL. Samtliga "
                    "individer har erbjudits insats men tackat nej."
                ],
            ),
            (
                "4.3",
                S4["4.4."],
                [
                    "Enkäten besvaras av den äldre själv, vid behov med hjälp av en anhörig "
                    "eller god man."
                ],
            ),
        ],
        risks=[
            "Antalet äldre ökar snabbare än resurserna, vilket ställer krav på nya arbetssätt.",
            "Bristen på sjuksköterskor och erfarna undersköterskor riskerar att påverka "
            "kvaliteten.",
            "Kostnaderna för externa placeringar ökar och är svåra att påverka på kort sikt.",
            "Nämnden saknar bostäder med särskild service för att verkställa beslut enligt "
            "LSS i tid.",
            "Införandet av nytt verksamhetssystem medför risk för störningar i "
            "dokumentationen under övergången.",
        ],
    )


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


SN = FigureSpec(
    seed=3101,
    size=(312000, 56000, (0.46, 0.05, 0.33)),
    growth=0.06,
    prognos_result=-12000,
    investments={
        "Reinvestering": [("Inventarier", -900), ("IT-utrustning", -400), ("Fordon", -300)]
    },
    units=[
        "Socialförvaltningen",
        "Barn och familj",
        "Vuxen",
        "Ekonomiskt bistånd",
        "Stöd och behandling",
        "Administration och utveckling",
    ],
    turnover=(6, 16),
    sick=7.4,
)


def socialnamnden_report(f: Figures) -> ReportSpec:
    return ReportSpec(
        namnd="Socialnämnden",
        forvaltning="Socialförvaltningen",
        year=2025,
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
        figures=f,
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
    )


def socialnamnden_enkat(f: Figures) -> EnkatContext:
    return EnkatContext(
        namnd="Socialnämnden",
        abbr="SN",
        forvaltning="socialförvaltningen",
        year=2025,
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
                _turnover_answer(f.turnover),
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


KFN = FigureSpec(
    seed=3102,
    size=(158000, 29000, (0.41, 0.31, 0.11)),
    growth=0.035,
    prognos_result=2000,
    investments={
        "Reinvestering": [
            ("Inventarier", -600),
            ("Konst", -300),
            ("Idrottsutrustning", -1200),
        ],
        "Nyinvestering": [
            ("Konstgräsplan Kristineholm", -4500),
            ("Utrustning nytt bibliotek", -800),
        ],
    },
    units=[
        "Kultur- och fritidsförvaltningen",
        "Kultur",
        "Bibliotek",
        "Fritid och idrott",
        "Ungdom och fritidsgårdar",
        "Administration",
    ],
    turnover=(3, 11),
    sick=5.6,
)


def kultur_och_fritid_report(f: Figures) -> ReportSpec:
    return ReportSpec(
        namnd="Kultur- och fritidsnämnden",
        forvaltning="Kultur- och fritidsförvaltningen",
        year=2025,
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
        figures=f,
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
    )


def kultur_och_fritid_enkat(f: Figures) -> EnkatContext:
    return EnkatContext(
        namnd="Kultur- och fritidsnämnden",
        abbr="KFN",
        forvaltning="kultur- och fritidsförvaltningen",
        year=2025,
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
                _turnover_answer(f.turnover),
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


LERUM = FigureSpec(
    seed=3103,
    size=(1018000, 188000, (0.66, 0.09, 0.15)),
    growth=0.05,
    prognos_result=-6000,
    investments={
        "Reinvestering": [
            ("Inventarier", -3500),
            ("Larm och trygghetsteknik", -1800),
            ("Möbler särskilt boende", -900),
            ("Hjälpmedel", -600),
            ("Fordon", -1200),
        ]
    },
    units=[
        "Vård- och omsorgsförvaltningen",
        "Hemtjänst",
        "Särskilt boende",
        "Funktionsstöd",
        "Hälso- och sjukvård",
        "Myndighet och stöd",
    ],
    turnover=(5, 13),
    sick=8.8,
)


def lerum_von_report(f: Figures) -> ReportSpec:
    total_sick = next(r for r in f.sick if r[0] == "Total sjukfrånvaro")
    return ReportSpec(
        kommun="Lerum",
        kommun_official="Lerums kommun",
        namnd=VON,
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
        figures=f,
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
    )


def lerum_von_enkat(f: Figures) -> EnkatContext:
    return EnkatContext(
        kommun="Lerum",
        kommun_official="Lerums kommun",
        namnd=VON,
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
                _turnover_answer(f.turnover),
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


# --- all samples -------------------------------------------------------------------------


def for_kind(layout: Layout, kind: str) -> Layout:
    """A copy of `layout` for one document kind: features prefixed "enkät: " or "report: "
    apply only to that kind (prefix dropped); unprefixed ones apply to both."""
    features = []
    for f in layout.features:
        prefix, _, rest = f.partition(": ")
        if prefix in ("enkät", "report"):
            if prefix == kind:
                features.append(rest)
        else:
            features.append(f)
    return Layout(**{**layout.__dict__, "features": features})


@dataclass
class Variant:
    """One enkät and delårsbokslut pair: its numbers, its texts (from those numbers) and
    its layout."""

    name: str  # file stem prefix in samples/
    numbers: FigureSpec
    enkat: Callable[[Figures], EnkatContext]
    report: Callable[[Figures], ReportSpec]
    layout: Layout
    chained: str | None = None  # the next year's report: its previous year is this one's


SEED = "alingsas-von-2025"
VARIANTS = [
    Variant("alingsas-von-2024", VON_2024, von_2024_enkat, von_2024_report, LAYOUT_2024, SEED),
    Variant(
        "alingsas-von-2023",
        VON_2023,
        von_2023_enkat,
        von_2023_report,
        LAYOUT_2023,
        "alingsas-von-2024",
    ),
    Variant(
        "alingsas-socialnamnden-2025",
        SN,
        socialnamnden_enkat,
        socialnamnden_report,
        SN_LAYOUT,
    ),
    Variant(
        "alingsas-kultur-och-fritidsnamnden-2025",
        KFN,
        kultur_och_fritid_enkat,
        kultur_och_fritid_report,
        KFN_LAYOUT,
    ),
    Variant("lerum-von-2025", LERUM, lerum_von_enkat, lerum_von_report, LERUM_LAYOUT),
]


def all_samples() -> list[Sample]:
    """Every sample, seeds first; names are the file stems under samples/."""
    samples = [
        Sample(f"{SEED}-enkat", seed_enkat(for_kind(LAYOUT_2025, "enkät"))),
        Sample(f"{SEED}-delarsbokslut", seed_delarsbokslut(for_kind(LAYOUT_2025, "report"))),
    ]
    figures = {SEED: SEED_FIGURES}
    for v in VARIANTS:
        later = figures[v.chained] if v.chained else None
        f = figures[v.name] = make_figures(v.numbers, later)
        enkat = build_enkat(v.enkat(f), for_kind(v.layout, "enkät"))
        report = build_report(v.report(f), for_kind(v.layout, "report"))
        samples += [Sample(f"{v.name}-enkat", enkat), Sample(f"{v.name}-delarsbokslut", report)]
    samples.append(Sample(f"{SEED}-arsredovisning", seed_arsredovisning()))
    return samples
