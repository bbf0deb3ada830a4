"""The real enkät (seed 000): Vård- och omsorgsnämnden's answers to the auditors, 2025.

Transcribed from /work/shared/seeds/000_8075c56e12117cbe.txt: PDF line wraps joined, words,
punctuation and typos kept as printed. Decision references are wrapped in [[D:...]] and the
5.1 challenges in [[R:...]] (see samples/README.md for the span rule).
"""

from __future__ import annotations

import copy

from .model import Enkat, Layout, Question, Section

ANSWER_COLUMNS = ["Ja", "Nej", "Delvis", "Vet ej"]

Q1_1_COMMENT = [
    "Den största förändringen i den nya styrmodellen gäller målet att bli Sveriges mest "
    "effektiva kommun. Planering och analys ska i huvudsak ske genom nämndens årliga "
    "genomlysning, som antas en gång per år. De möjliga utvecklingsförflyttningarna följs "
    "sedan upp i samband med nämndens årsbokslut.",
    "Övriga delar av styrningen fortsätter som tidigare. Budgeten följs upp inom ramen för den "
    "ordinarie uppföljningsprocessen, det vill säga genom ekonomiska rapporter samt delårs- "
    "och årsbokslut.",
    "Även den löpande systematiska kvalitetsstyrningen bedrivs vidare enligt tidigare "
    "arbetssätt. Nämndens systematiska kvalitetsarbete följs upp och redovisas till nämnden "
    "två gånger per år i rapporterna ”Redovisning av systematiskt kvalitetsarbete "
    "januari-juni samt i Vård- och omsorgsnämndens kvalitets- och "
    "patientsäkerhetsberättelse.",
    "Nämnden har i uppdrag att aktivt arbeta för en hållbar utveckling och att infria de 17 "
    "globala målen, som en integrerad del i sitt grunduppdrag. Arbete utifrån Agenda 2030 "
    "följs upp och redovisas i Vård- och omsorgsnämndens årsbokslut.",
    "Hållbarhetsaspekter integreras i verksamheternas kontinuerliga arbete med analyser av "
    "resultat och metoder för ständiga förbättringar. Ett prioriterat område för "
    "förvaltningen är utvecklingen av könsuppdelad statistik och jämställdhetsanalyser med "
    "fokus på skillnader mellan kvinnor och män i både upplevelsen av insatsernas kvalitet "
    "och i vilka insatser som erbjuds.",
    "Vidare genomförs flera olika insatser och aktiviteter inom nämnden som påverkar de "
    "globala målen i Agenda 2030 och främja en hållbar utveckling. Aktiviteterna omfattar "
    "bland annat arbete inom funktionsstöd för att stärka individers självständighet och "
    "möjliggöra boendekarriär och övergångar till den ordinarie arbetsmarknaden, vilket "
    "bidrar till god hälsa och välbefinnande, anständiga arbetsvillkor och minskad "
    "ojämlikhet. Fokus på personcentrering och att säkerställa individens delaktighet och "
    "inflytande, främjar både hälsa och välbefinnande och fredliga och inkluderande "
    "samhällen. Arbetet med heltid som norm spelar en viktig roll för att uppnå jämställdhet.",
    "För att främja hållbar konsumtion och produktion har nämnden infört plattformen Sajkla "
    "för cirkulation och renovering av möbler och nämnden arbetar med att minska matsvinn "
    'inom Vård- och omsorgsnämndens måltidsprogram. Satsningen "Alternativa sätt att ta sig '
    'fram" syftar till att byta ut fossildrivna fordon mot mer miljövänliga transportmedel '
    "såsom cyklar, elcyklar med mera, med särskilt avsatta investeringsmedel. Insatsen "
    "riktar sig mot alla verksamheter inom förvaltningen och omfattar en plan för både "
    "investering och reinvestering i cyklar, vilket främjar både ett friskare arbetsliv och "
    "en bättre miljö. Vidare pågår ett aktivt arbete med att säkerställa ändamålsenliga "
    "lokaler och behovet av boendeplatser, vilket stödjer långsiktig ekonomisk hållbarhet "
    "och de globala målen för hälsa och välbefinnande och hållbara städer och samhällen. "
    "Nämndens arbete med att utveckla effektiv ekonomistyrning och ökad digitalisering är "
    "också viktiga för att främja social och ekonomisk hållbarhet.",
]

SECTION_1 = Section(
    number="1",
    title="Verksamhetsstyrning och uppföljning",
    has_boxes=True,
    questions=[
        Question(
            "1.1",
            "Alingsås kommun antog en ny styrmodell 2024, hur påverkar den nämndens styrning "
            "och uppföljning?",
            has_boxes=False,
            answer=None,
            comment=Q1_1_COMMENT,
        ),
        Question(
            "1.2",
            "Har nämnden/styrelsen fastställt nämndspecifika mål kopplat till fullmäktiges "
            "övergripande mål?",
            has_boxes=True,
            answer="nej",
            comment=[
                "Det kommunövergripande målet om att bli Sveriges mest effektiva kommun bryts "
                "inte ned av nämnderna. Däremot ska varje nämnd analysera och bedöma hur den "
                "egna verksamheten kan bidra till att uppfylla målet.",
                "Utöver detta kan nämnden välja att peka ut särskilda prioriterade "
                "inriktningar. Dessa syftar till att på ett kortfattat och tydligt sätt visa "
                "för förvaltningen vad som är viktigt att förhålla sig till, samt hur arbetet "
                "bör inriktas för att uppnå den politiska viljan.",
                "Vård - och omsorgsnämnden har i budget 2025–2027 [[D:VON § 85/2024]] antagit "
                "två politiska inriktningar:",
                "• Digitalt först - utveckla välfärdsteknik för ökad självständighet och "
                "delaktighet.",
                "• Förebyggande och hälsofrämjande - Proaktivt arbete för ökad "
                "självständighet, ökat välbefinnande och god livskvalitet.",
            ],
        ),
        Question(
            "1.3",
            "Har nämnden/styrelsen formulerat målen så att de är mätbara?",
            has_boxes=True,
            answer="delvis",
            comment=[
                "Kommunfullmäktige har beslutat att kommunen ska sträva efter att bli Sveriges "
                "mest effektiva kommun. Inom ramen för nämndens genomlysning genomförs därför "
                "en analys av verksamhetens kvalitet utifrån relevanta nyckeltal. För detta "
                "mål fastställs dock inga specifika målnivåer.",
                "I nämndens genomlysning 2025 [[D:VON § 38/2025]] är nyckeltalen indelade i "
                "fyra kategorier: effektivitet, ekonomi, kvalitet och personal. Resultaten "
                "jämförs med strukturellt liknande kommuner, äldreomsorg och LSS, samt med "
                "Göteborgsregionens genomsnitt och kommungenomsnitt. För vissa nyckeltal är en "
                "direkt jämförelse inte möjlig. I dessa fall redovisas istället Alingsås "
                "kommuns resultat över tid.",
            ],
        ),
        Question(
            "1.4",
            "Följer nämnden/styrelsen upp hur måluppfyllelsen utvecklas under året?",
            has_boxes=True,
            answer="ja",
            comment=[
                "Genomlysningen används för att följa upp nämndens effektivitet och "
                "kompletteras med en uppföljning i samband med årsbokslutet. Utöver detta "
                "genomförs även systematiska kvalitetsuppföljningar.",
            ],
        ),
        Question(
            "1.5",
            "Vid eventuella avvikelser från måluppfyllelsen får nämnden/styrelsen en analys "
            "av orsaker till avvikelsen?",
            has_boxes=True,
            answer="ja",
            comment=[
                "Förvaltningen genomför en analys i samband med genomlysningen och rapporterar "
                "om det förekommer betydande kvalitetstapp som påverkar nämndens effektivitet.",
                "Utöver detta förekommer den löpande systematiska kvalitetsuppföljningen där "
                "avvikelser kan rapporteras.",
            ],
        ),
        Question(
            "1.6",
            "Beslutar nämnden/styrelsen om åtgärder vid brister i måluppfyllelsen?",
            has_boxes=True,
            answer="ja",
            comment=[
                "Nämnden kan, i samband med genomlysningen, besluta om möjliga förflyttningar. "
                "Därutöver har nämnden alltid möjlighet att ge förvaltningen särskilda uppdrag.",
            ],
        ),
        Question(
            "1.7",
            "Har en verksamhetsplan antagits?",
            has_boxes=True,
            answer=None,
            comment=[
                "Förvaltningens styrning mot att uppnå Alingsås kommuns mål sker genom att "
                "nämndens beslutade åtgärder i budgeten, arbetsmiljömål och "
                "internkontrollpunkter fördelas till berörda avdelningar och enheter. Detta "
                "sker via beslutstödet Hypergene, samt i chefs- och "
                "medarbetaröverenskommelserna.",
                "Planeringen på avdelnings- och enhetsnivå innefattar att beskriva de "
                "specifika aktiviteter som verksamheten planerar att genomföra i syfte att "
                "uppnå nå kommunens mål att bli Sveriges mest effektiva kommun samt nämndens "
                "arbetsmiljömål.",
                "Kvalitetsstyrningen sker också via beslutstödet, där egenkontroll av "
                "kvaliteten i grunduppdraget ingår.",
                "Regelbunden utbildning i beslutstödet erbjuds till alla chefer.",
            ],
        ),
        Question(
            "1.8",
            "Utfall och prognos måluppfyllelse Hur ser utfallet ut vid delåret vad avser "
            "måluppfyllelsen samt vad är prognosen för helåret? Vänligen ange utfall och "
            "prognos för respektive mål (1, 2, 3, 4 osv.)",
            has_boxes=False,
            answer=None,
            comment=[
                "Nämndens genomlysning för 2025, som används för att följa upp nämndens "
                "effektivitet och bedöma hur verksamheten bidrar till Alingsås mål, beslutades "
                "den 12 juni 2025 [[D:VON § 38/2025]]. Förutom jämförelseanalysen redovisas i "
                "genomlysningen en uppföljning av de åtgärder som beslutades i den föregående "
                "genomlysningen.",
            ],
        ),
    ],
)

SECTION_2 = Section(
    number="2",
    title="Ekonomistyrning och uppföljning",
    has_boxes=True,
    questions=[
        Question(
            "2.1",
            "Har nämnden/styrelsen fastställt en budget för aktuellt år?",
            has_boxes=True,
            answer="ja",
            comment=[
                "Anvisningen för nämndens budget och bolagsstyrelsernas måldokument är "
                "styrande för nämndernas arbete med mål och budget. Därutöver ska nämnden "
                "beakta bestämmelserna antagna i ekonomistyrningsprinciper. Vård- och "
                "omsorgsnämnden fastställde en budget i balans [[D:VON § 85/2024]].",
            ],
        ),
        Question(
            "2.2",
            "Följer nämnden/styrelsen upp det ekonomiska utfallet och upprättar prognoser "
            "tillräckligt under året?",
            has_boxes=True,
            answer="ja",
            comment=[
                "Nämnden följer upp ekonomin fem gånger per år och upprättar prognoser, i "
                "enlighet med Alingsås styrmodell.",
                "Utöver de obligatoriska uppföljningarna i styrmodellen i samband med det "
                "fördjupade månadsbokslutet och delårsbokslut har nämnden beslutat om "
                "ekonomisk uppföljning för månaderna mars, maj och oktober.",
                "Därutöver delges nämnden löpande statistik över verksamheten och informeras "
                "om det ekonomiska läget.",
            ],
        ),
        Question(
            "2.3",
            "Får nämnden/styrelsen en analys av orsaker vid eventuella avvikelser från budget?",
            has_boxes=True,
            answer="ja",
            comment=[
                "Vid varje uppföljning får nämnden en analys kring vilka faktorer som påverkar "
                "avvikelser från budget. Vid uppföljning analyseras volymer, utförarnas utfall, "
                "köp av externa placeringar och eventuella åtgärder",
            ],
        ),
        Question(
            "2.4",
            "Beslutar nämnden/styrelsen om åtgärder vid eventuella budgetavvikelser?",
            has_boxes=True,
            answer="ja",
            comment=[
                "För de verksamheter som inte har ett resultat i balans efterfrågar nämnden "
                "regelbundet handlingsplaner för att komma ner i kostnader. I dagsläget följs "
                "ekonomin separat upp inom avdelningarna personlig assistans och stöd "
                "[[D:VON § 33/2025]] och äldreboende [[D:VON § 14/2025]].",
            ],
        ),
        Question(
            "2.5",
            "Vänligen ange nämndens budget för helår, utfall delår och prognos helår samt ev. "
            "avvikelse fr budget.",
            has_boxes=False,
            answer=None,
            comment=[],
        ),
    ],
)

SECTION_3 = Section(
    number="3",
    title="Intern kontroll",
    has_boxes=True,
    questions=[
        Question(
            "3.1",
            "Finns det en fastställd internkontrollplan för 2025? Ange datum för nämndens "
            "beslut samt antal kontrollmål som ingår i internkontrollplanen.",
            has_boxes=True,
            answer="ja",
            comment=[
                "2024-12-17 [[D:VON § 85/2024]]. Internkontrollplanen för 2025 omfattar tre "
                "kontrollpunkter.",
            ],
            fields={"beslutsdatum": "2024-12-17", "antal_kontrollpunkter": 3},
        ),
        Question(
            "3.2",
            "Har en riskanalys genomförts inför val av kontrollmål i 2025 års internkontrollplan?",
            has_boxes=True,
            answer="ja",
            comment=[
                "I enlighet med Alingsås styrmodell ska nämnderna årligen i samband med budget "
                "upprätta en plan för internkontroll och ange vilka kontrollaktiviteter som "
                "ska genomföras. Urvalet sker med bakgrund från en risk- och "
                "väsentlighetsanalys.",
                "En risk- och väsentlighetsanalys genomfördes inför val av kontrollpunkter i "
                "2025 års internkontrollplan. Dokumenterad risk- och väsentlighetsanalys "
                "återfinns som bilaga 2 i vård- och omsorgsnämndens budget.",
                "Resultatet antogs tillsammans med nämndens internkontrollplan och fastställdes "
                "genom antagandet av vård- och omsorgsnämndens budget 2025–2027, "
                "[[D:VON § 85/2024]].",
            ],
        ),
        Question(
            "3.3",
            "Är nämnden/styrelsen delaktig i riskanalysen som ligger till grund för "
            "internkontrollplanen?",
            has_boxes=True,
            answer="ja",
            comment=[
                "Risk- och väsentlighetsanalysen som ligger till grund för internkontrollplan "
                "2024 genomfördes inom förvaltningen. Analysen behandlades därefter av "
                "förvaltningen och vård- och omsorgsnämndens utökade arbetsutskott tillsammans "
                "på vård- och omsorgsnämndens arbetsutskotts sammanträde "
                "[[D:2024-11-05 § 53 punkt a]].",
                "Resultatet antogs tillsammans med nämndens internkontrollplan vid "
                "fastställandet av vård- och omsorgsnämndens budget 2025–2027, "
                "[[D:VON § 85/2024]].",
            ],
        ),
        Question(
            "3.4",
            "Har uppföljning skett av internkontrollplanen för 2025?",
            has_boxes=True,
            answer="ja",
            comment=[
                "Resultatet från arbetet med intern kontroll 2025 rapporteras till nämnd två "
                "gånger per år i enlighet med uppföljningsanvisningar inom ramen för "
                "styrmodellen.",
            ],
        ),
        Question(
            "3.5",
            "Upprättas en genomförande-/uppföljningsrapport avseende resultatet av "
            "genomförda kontroller?",
            has_boxes=True,
            answer="ja",
            comment=[
                "Nämnden upprättar uppföljningsrapporter i enlighet med Alingsås kommuns "
                "styrmodell. Rapporterna innehåller en redogörelse av resultatet för "
                "genomförda kontroller, samt en beskrivning över åtgärder för att komma till "
                "rätta med eventuella avvikelser.",
            ],
        ),
        Question(
            "3.6",
            "Hur ofta sker rapportering av uppföljning/resultatet av den interna kontrollen "
            "till nämnden/styrelsen?",
            has_boxes=True,
            answer=None,
            comment=[
                "Resultatet från arbetet med intern kontroll följs upp och redovisas till "
                "nämnd två gånger per år, i enlighet med uppföljningsanvisningar inom ramen "
                "för styrmodellen. Vård- och omsorgsnämndens internkontrollplan 2025–2027 "
                "omfattar tre kontrollpunkter. Samtliga av dessa kontrollpunkter följs upp och "
                "redovisas till nämnd i samband med delårs- och årsbokslutet.",
            ],
        ),
        Question(
            "3.7",
            "Fattar nämnden/styrelsen beslut eller ges direktiv vid konstaterade "
            "avvikelser/brister?",
            has_boxes=True,
            answer="ja",
            comment=[
                "Åtgärder vid konstaterade avvikelser eller brister ingår som en del i "
                "uppföljningsrapporten för nämndens internkontrollplan och beslutas i samband "
                "med nämndens delårs- och årsbokslut.",
            ],
        ),
    ],
)

Q4_1_COMMENT = [
    "Nämnden genomför en mängd aktiviteter inom olika områden som en del av förvaltningens "
    "strategiska kompetensförsörjningsplan som revideras årligen, till exempel:",
    "- Implementering av karriärvägsmodell inom ramen för Göteborgsregionens (GR) FAVO (Fler "
    "anställda inom vård och omsorg) -projekt som slutförs i år. Innefattar differentiering "
    "av arbetsuppgifter och fyra renodlade roller, samt mentorskapsmodell för nyutbildade "
    "undersköterskor.",
    "- Validering av outbildade vikarier till undersköterskor, cirka 50 personer per år, som "
    "får studera på 50 procent av arbetstiden inom ramen för äldreomsorgslyftet. Även fem "
    "undersköterskor som får läsa specialistundersköterskeutbildning på 50 procent.",
    "- Resursteam inom hemtjänsten som under hösten växlar upp även inom särskilt boende. "
    "Syftar till en effektivare bemanningsplanering, att minska andelen timanställningar och "
    "ersätta med flexibel fulldelegerad personal, samt ett serviceteam som sköter städ, tvätt "
    "mm.",
    "- Språkstärkande insatser för språksvaga, bland annat genom språkombud och digitala "
    "språkutbildningar via språkapp. Vissa får även läsa svenska på Campus på arbetstid.",
    "- Införande av välfärdstekniska lösningar som ska bidra till att minska "
    "bemanningsbehovet. Fokus i år är införande av sensorteknik och läkemedelsautomater.",
    "- Inom funktionshinderområdet har verksamheten påbörjat arbetet med det nationella "
    "kompetenshöjande paketet ”Yrkesresan” för samtliga medarbetare, vilket kommer att pågå "
    "över flera år.",
    "- Även inom kommunal primärvård har verksamheten under året startat införande av "
    "Göteborgsregionens karriärvägsmodeller för både sjuksköterskor, arbetsterapeuter och "
    "fysioterapeuter.",
    "- För att förbättra schemaläggningen inom förvaltningen har bemanningshandboken "
    "reviderats och ett centralt expertstöd för schemaplanering kommer att införas i "
    "september 2025.",
    "- Det kommungemensamma arbetet med en metod för ständiga förbättringar är också under "
    "införande i förvaltningen. Arbetet ska främja en ”nytänkande” kultur där alla kan vara "
    "med och bidra till att nå kommunens mål - att bli Sveriges effektivaste kommun.",
    "- Förvaltningen arbetar även vidare med satsningen kring ett utvecklande medarbetarskap "
    "(UM), i syfte att stärka trivsel och engagemang bland alla medarbetare.",
    "- För att stärka chefsförsörjningen och ledarskapet utbildas förvaltningens chefer "
    "fortsatt i utvecklande ledarskap (UL), UGL, samt indirekt ledarskap (IL). Därtill deltar "
    "representanter från vård- och omsorgsförvaltningen i det kommungemensamma programmet "
    "för ”framtidens ledare”.",
    "I år testades en ny strategi för sommarbemanningen i förvaltningen med 66 procent "
    "grundbemanning på plats, vilket har underlättat planeringen och minskat vikariebehovet, "
    "samt förbättrat arbetsmiljön under semesterperioden för personalen.",
]

SECTION_4 = Section(
    number="4",
    title="Övriga frågor",
    has_boxes=False,
    questions=[
        Question(
            "4.1",
            "Vilket arbete och aktiviteter genomför nämnden för att säkerställa en strategisk "
            "kompetensförsörjning inom sina verksamheter?",
            has_boxes=False,
            answer=None,
            comment=Q4_1_COMMENT,
        ),
        Question(
            "4.2",
            "Hur ser personalomsättningen ut inom nämndens verksamheter?",
            has_boxes=False,
            answer=None,
            comment=[
                "Den externa personalomsättningen under det första delåret 2025 har ökat "
                "jämfört med delåret 2024, från 6,4 till 8,3 procent.",
                "Störst ökning ses inom avdelningen personlig assistans och stöd som gått från "
                "6,4 till 12,2 procent, vilket till viss del är en följd av pågående "
                "omställningsarbete och förändringar i arbetstidsavtalen med dygnsvilan.",
                "Personalomsättningen inom avdelning hemtjänst ökade från 7,0 till 9,0 procent "
                "och inom avdelning LSS boende och arbete från 3,9 till 6,4 procent.",
                "Avdelning särskilt boende låg på 6,7 procent, avdelning myndighet och "
                "kommunal primärvård på 8,1 procent och avdelning verksamhetsstöd på 6,9 "
                "procent vilket är ungefär samma nivåer som 2024.",
            ],
        ),
        Question(
            "4.3",
            "Gällande rapportering av ej verkställda beslut, vilka åtgärder planeras utifrån "
            "de beslut som ej är verkställda?",
            has_boxes=False,
            answer=None,
            comment=[
                "Vid rapporteringstillfälle 2025-03-27, [[D:VON § 22/2025]] av ej verkställda "
                "beslut enligt lag om stöd och service till vissa funktionshindrade (LSS) 2025 "
                "(innefattande kvartal ett) rapporterades totalt tretton beslut som ej "
                "verkställts inom tre månader från dagen för beslutet. Ett beslut för daglig "
                "verksamhet, fem beslut för kontaktperson, sex beslut för boende och ett "
                "beslut för stödfamilj. Gällande LSS boende har samtliga av dessa individer "
                "har fått erbjudande om placering på bostad med särskild service, men tackat "
                "nej vid ett eller två tillfällen.",
                "Vid rapporteringstillfället 2025-03-31, [[D:VON § 23/2025]]. av ej "
                "verkställda enligt socialtjänstlagen (SoL) 2025 (innefattande kvartal ett) "
                "rapporterades totalt fyra beslut om särskilt boende som ej verkställts inom "
                "tre månader från dagen för beslut. Samtliga individer har erbjudits plats och "
                "tackat nej en eller flera gånger.",
            ],
        ),
        Question(
            "4.4.",
            "Gällande brukarenkäten inom äldreomsorgen, vem eller vilka fyller i den?",
            has_boxes=False,
            answer=None,
            comment=[
                "Datainsamling och registrering av undersökningen Vad tycker de äldre om "
                "äldreomsorgen 2024 genomförs av Institutet för Kvalitetsindikatorer i "
                "Göteborg AB på uppdrag av Socialstyrelsen.",
                "Insamlingen genomfördes främst via postenkäter, men respondenterna kunde även "
                "svara via webb. I missivet informerades om att den äldre gärna får ta hjälp "
                "av till exempel en anhörig, vän eller god man för att svara på frågorna och "
                "att denne i så fall ska tänka på att svaren ska spegla den äldre personens "
                "uppfattning. Det rekommenderades också om att den svarande helst ska undvika "
                "att be personalen om hjälp med att svara på frågorna.",
                "I hemtjänsten svarade totalt 362 personer, vilket är en svarsfrekvens på 58 "
                "procent. Av de svarande angav 72 procent att de svarat helt själva eller "
                "tillsammans med någon, medan 28 procent av enkäterna besvarades enbart av "
                "någon annan.",
                "Inom särskilt boende svarade totalt 149 personer, vilket är en svarsfrekvens "
                "på 45 procent. Av de svarande angav 47 procent att de svarat helt själva "
                "eller tillsammans med någon, medan 53 procent av enkäterna besvarades enbart "
                "av någon annan.",
            ],
        ),
    ],
)

Q5_1_RISKS = [
    "Alingsås kommun, liksom hela den offentliga sektorn i Sverige, står inför en "
    "demografisk förändring där antalet äldre ökar och därmed behovet av vård och omsorg, "
    "samtidigt som resurserna kommer att vara mindre. Utmaningarna ställer krav på "
    "effektiviseringar och förändrade arbetssätt i alla verksamheter.",
    "Personal- och kompetensförsörjning är en stor utmaning inom vård- och omsorg. Framtida "
    "behovsökningar, en ökad konkurrens på arbetsmarknaden, ett ökat antal "
    "pensionsavgångar, samt en ökad personalomsättning förväntas medföra ett ökat "
    "rekryteringsbehov och svårigheter att tillgodose rätt kompetens i verksamheten.",
    "Nämnden ser fortsättningsvis ett ökat behov av att arbeta med förändrade arbetssätt "
    "genom införande av välfärdsteknik utifrån att effektivisera och utveckla verksamheten.",
    "En risk är att nämnden inte har tillgång till ändamålsenliga lokaler för den "
    "utförandeverksamhet som bedrivs. Bristande tillgång på lokaler riskera att leda till en "
    "ineffektiv drift av verksamheten, viteskostnader för kommunen samt att förvaltningens "
    "inte kan uppfylla gällande krav utifrån ett arbetsmiljöperspektiv.",
    "En fortsatt utmaning för nämnden är ställa om och skapa förutsättningar för den "
    'kommunala hälso- och sjukvården att kunna möta omställningen till en "God och Nära '
    'vård", samt att anpassa verksamheten till den nya socialtjänstlagen med fokus på '
    "förebyggande arbete, ökad tillgänglighet och kunskap.",
    "Nämnden ser ett tydligt behov av att fortsätta utvecklingen av ett strukturerat och "
    "systematiskt kvalitets- och förbättringsarbete för att säkerställa kvaliteten i "
    "grunduppdraget och möta ställda krav. En effektiv kvalitetsstyrning gör det möjligt att "
    "upptäcka brister och skapa en kultur av ständiga förbättringar.",
]

Q5_1_TEXT = (
    "Redogör för nämndens/styrelsens utmaningar och risker på kort och lång sikt (ange minst "
    "5 områden)"
)


def numbered_risks(risks: list[str]) -> list[str]:
    """'1. [[R:...]]' items: the number is printed, the finding is the item's text."""
    return [f"{i}. [[R:{text}]]" for i, text in enumerate(risks, start=1)]


SECTION_5 = Section(
    number="5",
    title="Utmaningar och risker",
    has_boxes=False,
    questions=[
        Question(
            "5.1",
            Q5_1_TEXT,
            has_boxes=False,
            answer=None,
            comment=numbered_risks(Q5_1_RISKS),
        ),
    ],
)


def seed_enkat(layout: Layout | None = None) -> Enkat:
    """The 2025 enkät as printed; a fresh object each call so variants can edit copies."""
    return Enkat(
        kommun="Alingsås",
        kommun_official="Alingsås kommun",
        namnd="Vård- och omsorgsnämnden",
        year=2025,
        title_lines=[
            "Alingsås kommun",
            "Revisorerna",
            "Grundläggande granskning 2025",
            "Frågor till Vård- och omsorgsnämnden",
        ],
        columns=list(ANSWER_COLUMNS),
        sections=copy.deepcopy([SECTION_1, SECTION_2, SECTION_3, SECTION_4, SECTION_5]),
        layout=layout or Layout(),
    )
