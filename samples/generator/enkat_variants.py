"""Enkäter for other years, nämnder and kommuner, built on the seed's question wording.

The questions are the seed's (the auditors reuse them year after year, changing only the
year); the answers and comments are the nämnd's own. `EnkatContext` carries what differs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .enkat_data import ANSWER_COLUMNS, numbered_risks, seed_enkat
from .model import Enkat, Layout, Question, Section

COUNT = {0: "inga", 1: "en", 2: "två", 3: "tre", 4: "fyra", 5: "fem", 6: "sex", 7: "sju"}

DEFAULT_ANSWERS: dict[str, str | None] = {
    "1.2": "nej",
    "1.3": "delvis",
    "1.4": "ja",
    "1.5": "ja",
    "1.6": "ja",
    "1.7": "ja",
    "2.1": "ja",
    "2.2": "ja",
    "2.3": "ja",
    "2.4": "ja",
    "3.1": "ja",
    "3.2": "ja",
    "3.3": "ja",
    "3.4": "ja",
    "3.5": "ja",
    "3.6": None,
    "3.7": "ja",
}


@dataclass(kw_only=True)
class EnkatContext:
    """What one nämnd's enkät says, beyond the shared question wording; the title lines
    default to the Alingsås revisorer's."""

    kommun: str = "Alingsås"
    kommun_official: str = "Alingsås kommun"
    namnd: str  # "Socialnämnden"
    abbr: str  # "SN"
    forvaltning: str  # "socialförvaltningen" (mid-sentence form)
    year: int
    title_lines: list[str] = field(default_factory=list)
    budget_decision: str  # "SN § 98/2024": the budget that holds the internkontrollplan
    genomlysning_date: str  # "den 11 juni 2025"
    genomlysning_decision: str  # "SN § 41/2025"
    action_area: str  # 2.4: where the nämnd follows up handlingsplaner
    action_decision: str
    ik_date: str  # "2024-12-10"
    ik_count: int
    au_decision: str  # 3.3: the arbetsutskott's date + § ("2024-11-12 § 61")
    inriktningar: list[str]
    section4: list[tuple[str, str, list[str]]]  # (number as printed, question, comment)
    risks: list[str]
    answers: dict[str, str | None] = field(default_factory=dict)
    comments: dict[str, list[str]] = field(default_factory=dict)  # overrides by number
    texts: dict[str, str] = field(default_factory=dict)  # question wording overrides
    boxes: dict[str, bool] = field(default_factory=dict)  # has_boxes overrides
    system: str = "Hypergene"
    followups: int = 5
    columns: list[str] = field(default_factory=lambda: list(ANSWER_COLUMNS))

    def __post_init__(self) -> None:
        if not self.title_lines:
            self.title_lines = [
                self.kommun_official,
                "Revisorerna",
                f"Grundläggande granskning {self.year}",
                f"Frågor till {self.namnd}",
            ]


def default_comments(c: EnkatContext) -> dict[str, list[str]]:
    """Short, plausible comments for sections 1–3, with the nämnd's decision references."""
    y, n = c.year, c.namnd
    low = n[0].lower() + n[1:]
    forv = c.forvaltning[0].upper() + c.forvaltning[1:]
    return {
        "1.1": [
            f"Styrmodellen innebär att {low} följer upp kommunens övergripande mål genom den "
            "årliga genomlysningen, som antas en gång per år. De utvecklingsförflyttningar som "
            "genomlysningen pekar ut följs upp i samband med årsbokslutet.",
            "Budgeten följs liksom tidigare upp genom ekonomiska rapporter samt delårs- och "
            "årsbokslut.",
        ],
        "1.2": [
            "Det kommunövergripande målet bryts inte ned av nämnderna. Däremot analyserar "
            f"{low} hur den egna verksamheten kan bidra till att uppfylla målet.",
            f"{n} har i budget {y}–{y + 2} [[D:{c.budget_decision}]] antagit "
            f"{COUNT[len(c.inriktningar)]} politiska inriktningar:",
            *[f"• {x}" for x in c.inriktningar],
        ],
        "1.3": [
            f"I nämndens genomlysning {y} [[D:{c.genomlysning_decision}]] följs nyckeltal inom "
            "effektivitet, ekonomi, kvalitet och personal. Resultaten jämförs med liknande "
            "kommuner och med Göteborgsregionens genomsnitt.",
            "För målet att bli Sveriges mest effektiva kommun fastställs inga specifika målnivåer.",
        ],
        "1.4": [
            "Genomlysningen används för att följa upp nämndens effektivitet och kompletteras "
            "med en uppföljning i samband med årsbokslutet.",
        ],
        "1.5": [
            f"{forv} analyserar orsakerna till avvikelser i samband med genomlysningen och i "
            "den löpande kvalitetsuppföljningen.",
        ],
        "1.6": [
            "Nämnden kan i samband med genomlysningen besluta om förflyttningar och ge "
            "förvaltningen särskilda uppdrag.",
        ],
        "1.7": [
            "Nämndens beslutade åtgärder, arbetsmiljömål och internkontrollpunkter fördelas "
            f"till berörda avdelningar och enheter via beslutstödet {c.system}.",
        ],
        "1.8": [
            f"Nämndens genomlysning för {y} beslutades {c.genomlysning_date} "
            f"[[D:{c.genomlysning_decision}]]. I genomlysningen redovisas även en uppföljning "
            "av de åtgärder som beslutades föregående år.",
        ],
        "2.1": [f"{n} fastställde en budget i balans [[D:{c.budget_decision}]]."],
        "2.2": [
            f"Nämnden följer upp ekonomin {COUNT[c.followups]} gånger per år och upprättar "
            "prognoser i enlighet med kommunens styrmodell.",
        ],
        "2.3": [
            "Vid varje uppföljning får nämnden en analys av vilka faktorer som påverkar "
            "avvikelser från budget.",
        ],
        "2.4": [
            "Verksamheter som inte har ett resultat i balans ska ta fram handlingsplaner. "
            f"Nämnden följer särskilt upp handlingsplanerna inom {c.action_area} "
            f"[[D:{c.action_decision}]].",
        ],
        "2.5": [],
        "3.1": [
            f"{c.ik_date} [[D:{c.budget_decision}]]. Internkontrollplanen för {y} omfattar "
            f"{COUNT[c.ik_count]} kontrollpunkter.",
        ],
        "3.2": [
            "En risk- och väsentlighetsanalys genomfördes inför val av kontrollpunkter i "
            f"{y} års internkontrollplan och fastställdes genom nämndens budget {y}–{y + 2}, "
            f"[[D:{c.budget_decision}]].",
        ],
        "3.3": [
            "Risk- och väsentlighetsanalysen behandlades av nämndens arbetsutskott "
            f"[[D:{c.au_decision}]].",
        ],
        "3.4": [
            f"Resultatet av den interna kontrollen {y} rapporteras till nämnden i samband med "
            "delårs- och årsbokslut.",
        ],
        "3.5": [
            "Uppföljningsrapporten redogör för resultatet av genomförda kontroller och för "
            "åtgärder vid avvikelser.",
        ],
        "3.6": [
            "Resultatet redovisas för nämnden två gånger per år, i samband med delårs- och "
            "årsbokslutet.",
        ],
        "3.7": [
            "Åtgärder vid konstaterade brister beslutas i samband med nämndens delårs- och "
            "årsbokslut.",
        ],
    }


def question_texts(year: int) -> dict[str, str]:
    """The seed's wording of sections 1–3, with the enkät's own year where it appears."""
    texts = {q.number: q.text for s in seed_enkat().sections[:3] for q in s.questions}
    for number in ("3.1", "3.2", "3.4"):
        texts[number] = texts[number].replace("2025", str(year))
    return texts


def build_enkat(c: EnkatContext, layout: Layout) -> Enkat:
    """An enkät in the seed's structure: sections 1–3 boxed, 4–5 open."""
    seed = seed_enkat()
    texts = question_texts(c.year) | c.texts
    comments = default_comments(c) | c.comments
    answers = DEFAULT_ANSWERS | c.answers
    sections: list[Section] = []
    for s in seed.sections[:3]:
        questions = []
        for q in s.questions:
            boxed = c.boxes.get(q.number, q.has_boxes)
            questions.append(
                Question(
                    q.number,
                    texts[q.number],
                    has_boxes=boxed,
                    answer=answers.get(q.number) if boxed else None,
                    comment=list(comments.get(q.number, [])),
                )
            )
        sections.append(Section(s.number, s.title, s.has_boxes, questions))
    ik = next(q for q in sections[2].questions if q.number == "3.1")
    ik.fields = {"beslutsdatum": c.ik_date, "antal_kontrollpunkter": c.ik_count}
    sections.append(
        Section(
            "4",
            "Övriga frågor",
            False,
            [Question(num, text, False, None, list(com)) for num, text, com in c.section4],
        )
    )
    sections.append(
        Section(
            "5",
            "Utmaningar och risker",
            False,
            [
                Question(
                    "5.1", seed.sections[4].questions[0].text, False, None, numbered_risks(c.risks)
                )
            ],
        )
    )
    return Enkat(
        kommun=c.kommun,
        kommun_official=c.kommun_official,
        namnd=c.namnd,
        year=c.year,
        title_lines=list(c.title_lines),
        columns=list(c.columns),
        sections=sections,
        layout=layout,
    )


def seed_section4_texts() -> dict[str, str]:
    """Section 4 wording of the seed, by printed number."""
    return {q.number: q.text for q in seed_enkat().sections[3].questions}
