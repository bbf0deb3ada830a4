"""Every sample document: the two seeds and their variants, each with its layout.

Alingsås Vård- och omsorgsnämnden 2024 and 2023 chain to the seed: a report's
"Delårsbokslut <year-1>" column (and the personalomsättning/sjukfrånvaro <year-1>
columns) equal the previous year's report's current-year column. Numbers come from
random.Random(seed) so every run produces the same documents.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .columns import DRIFT_ROWS
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
from .figures import (
    drift_values,
    investment_values,
    percent_rows,
    previous_utfall,
    sick_rows,
)
from .model import Control, Delarsbokslut, Enkat, InternalControl, Layout
from .numbers import format_number
from .report_variants import Goal, ReportSpec, build_report
from .variants_other import kultur_och_fritid, lerum_von, socialnamnden


@dataclass
class Sample:
    name: str  # file stem in samples/
    doc: Enkat | Delarsbokslut


VON = "Vård- och omsorgsnämnden"
VON_FORV = "Vård- och omsorgsförvaltningen"
VON_UNITS = [label for label, *_ in SEED_TURNOVER]
S4 = seed_section4_texts()

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


def _fmt(v: int, layout: Layout) -> str:
    return format_number(v, thousands_sep=layout.thousands_sep, minus=layout.minus)


# --- Vård- och omsorgsnämnden 2024 --------------------------------------------------------


def von_2024_report() -> tuple[ReportSpec, dict]:
    """The 2024 report; its "2024" columns are the seed's "2024" columns."""
    rng = random.Random(2024)
    cur = {row: SEED_DRIFT[row][4] for row in DRIFT_ROWS}
    prev = previous_utfall(rng, cur, growth=0.045)
    drift = drift_values(rng, cur, prev, prognos_result=0, finans_budget=None)
    invest_cur = {label: vals[4] for label, _, vals in SEED_INVEST}
    investments = investment_values(
        rng,
        [
            ("Reinvestering", "Inventarier", -4000),
            ("Reinvestering", "Maskiner", -200),
            ("Reinvestering", "Transportmedel", -500),
            ("Reinvestering", "Vårdarhjälpmedel", -400),
            ("Reinvestering", "Sängar", -700),
        ],
        cur=invest_cur,
    )
    turnover = percent_rows(rng, VON_UNITS, 4, 12, cur={r[0]: r[2] for r in SEED_TURNOVER})
    sick = sick_rows(rng, 8.0, cur={r[0]: r[2] for r in SEED_SICK})
    spec = ReportSpec(
        kommun="Alingsås",
        kommun_official="Alingsås kommun",
        namnd=VON,
        forvaltning=VON_FORV,
        year=2024,
        title_lines=[
            "Vård- och omsorgsnämndens delårsbokslut 2024",
            "Januari–augusti 2024",
            "Alingsås kommun",
        ],
        running_header="Vård- och omsorgsnämndens delårsbokslut 2024",
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
        drift=drift,
        investments=investments,
        turnover=turnover,
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
        sick=sick,
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
        seed=2024,
    )
    return spec, {"drift": drift, "investments": investments, "turnover": turnover, "sick": sick}


VON_INRIKTNINGAR = [
    "Digitalt först - utveckla välfärdsteknik för ökad självständighet och delaktighet.",
    "Förebyggande och hälsofrämjande - Proaktivt arbete för ökad självständighet, ökat "
    "välbefinnande och god livskvalitet.",
]


def von_2024_enkat(figures: dict) -> EnkatContext:
    drift, turnover = figures["drift"], figures["turnover"]
    netto = drift["Verksamhetens\nnettokostnader"]
    lay = LAYOUT_2024
    return EnkatContext(
        kommun="Alingsås",
        kommun_official="Alingsås kommun",
        namnd=VON,
        abbr="VON",
        forvaltning="vård- och omsorgsförvaltningen",
        year=2024,
        title_lines=[
            "Alingsås kommun",
            "Revisorerna",
            "Grundläggande granskning 2024",
            "Frågor till Vård- och omsorgsnämnden",
        ],
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
                    f"{format_number(turnover[0][1], decimals=1)} procent jämfört med "
                    f"{format_number(turnover[0][2], decimals=1)} procent delåret 2023.",
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


def von_2023_report(prev_figures: dict) -> ReportSpec:
    """The 2023 report; its "2023" columns are the 2024 report's "2023" columns."""
    rng = random.Random(2023)
    cur = {row: prev_figures["drift"][row][4] for row in DRIFT_ROWS}
    prev = previous_utfall(rng, cur, growth=0.05)
    drift = drift_values(rng, cur, prev, prognos_result=-9000, finans_budget=None)
    investments = investment_values(
        rng,
        [
            ("Reinvestering", "Inventarier", -3800),
            ("Reinvestering", "Maskiner", -300),
            ("Reinvestering", "Transportmedel", -400),
            ("Reinvestering", "Vårdarhjälpmedel", -500),
            ("Reinvestering", "Sängar", -800),
        ],
        cur={label: vals[4] for label, _, vals in prev_figures["investments"]},
    )
    turnover = percent_rows(
        rng, VON_UNITS, 4, 12, cur={r[0]: r[2] for r in prev_figures["turnover"]}
    )
    sick = sick_rows(rng, 8.5, cur={r[0]: r[2] for r in prev_figures["sick"]})
    return ReportSpec(
        kommun="Alingsås",
        kommun_official="Alingsås kommun",
        namnd=VON,
        forvaltning=VON_FORV,
        year=2023,
        title_lines=[
            "Vård- och omsorgsnämndens delårsbokslut 2023",
            "Januari–augusti 2023",
            "Alingsås kommun",
        ],
        running_header="Vård- och omsorgsnämndens delårsbokslut 2023",
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
        drift=drift,
        drift_order=[3, 4, 5, 0, 1, 2],
        investments=investments,
        turnover=turnover,
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
        sick=sick,
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
        seed=2023,
    )


def von_2023_enkat() -> EnkatContext:
    return EnkatContext(
        kommun="Alingsås",
        kommun_official="Alingsås kommun",
        namnd=VON,
        abbr="VON",
        forvaltning="vård- och omsorgsförvaltningen",
        year=2023,
        title_lines=[
            "Alingsås kommun",
            "Revisorerna",
            "Grundläggande granskning 2023",
            "Frågor till Vård- och omsorgsnämnden",
        ],
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


def all_samples() -> list[Sample]:
    """Every sample, seeds first; names are the file stems under samples/."""
    spec_2024, figures_2024 = von_2024_report()
    groups = [
        ("alingsas-von-2025", seed_enkat, seed_delarsbokslut, LAYOUT_2025),
        (
            "alingsas-von-2024",
            lambda lay: build_enkat(von_2024_enkat(figures_2024), lay),
            lambda lay: build_report(spec_2024, lay),
            LAYOUT_2024,
        ),
        (
            "alingsas-von-2023",
            lambda lay: build_enkat(von_2023_enkat(), lay),
            lambda lay: build_report(von_2023_report(figures_2024), lay),
            LAYOUT_2023,
        ),
    ]
    for name, make in (
        ("alingsas-socialnamnden-2025", socialnamnden),
        ("alingsas-kultur-och-fritidsnamnden-2025", kultur_och_fritid),
        ("lerum-von-2025", lerum_von),
    ):
        ctx, spec, layout = make()
        groups.append(
            (
                name,
                lambda lay, ctx=ctx: build_enkat(ctx, lay),
                lambda lay, spec=spec: build_report(spec, lay),
                layout,
            )
        )
    samples = []
    for name, enkat, report, layout in groups:
        samples.append(Sample(f"{name}-enkat", enkat(for_kind(layout, "enkät"))))
        samples.append(Sample(f"{name}-delarsbokslut", report(for_kind(layout, "report"))))
    return samples
