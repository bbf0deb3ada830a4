"""The real delårsbokslut (seed 001): Vård- och omsorgsnämnden, januari–augusti 2025.

Transcribed from /work/shared/seeds/001_0e86ddd7acea40c5.txt: PDF line wraps joined, words
and punctuation as printed, every number exactly as printed (the seed's sums are off by one
here and there from rounding; that is kept).
"""

from __future__ import annotations

import copy

from .model import Block, Control, Delarsbokslut, Heading, InternalControl, Layout, Paragraph
from .tables import Goal, drift_table, report_blocks

SEED_DRIFT = {
    "Verksamhetens intäkter": [212282, 257782, 45500, 173150, 157278, 15872],
    "Personalkostnader": [-800967, -837439, -36472, -554392, -529486, -24906],
    "Lokalhyror": [-122042, -122082, -40, -78903, -73611, -5292],
    "Köp av tjänster": [-176999, -181762, -4763, -121233, -126028, 4796],
    "Övriga kostnader": [-89017, -93242, -4225, -62631, -61126, -1505],
    "Verksamhetens kostnader": [-1189024, -1234525, -45500, -817158, -790252, -26906],
    "Verksamhetens\nnettokostnader": [-976743, -976743, 0, -644008, -632974, -11034],
    "Kommunbidrag": [976743, 976743, 0, 651161, 644221, 6940],
    "Finansnetto": [None, None, 0, -2, -4, 3],
    "Årets resultat": [0, 0, 0, 7152, 11243, -4092],
}

SEED_INVEST = [
    ("Reinvestering", None, [-5800, -5800, 0, -2425, -2771, 346]),
    ("Inventarier", "Reinvestering", [-4200, -4050, -150, -1931, -2417, 486]),
    ("Maskiner", "Reinvestering", [0, -150, 150, -110, -86, -23]),
    ("Transportmedel", "Reinvestering", [-500, -500, 0, -34, 0, -34]),
    ("Vårdarhjälpmedel", "Reinvestering", [-350, -350, 0, -19, -193, 175]),
    ("Sängar", "Reinvestering", [-750, -750, 0, -331, -74, -258]),
    ("Totala utgifter", None, [-5800, -5800, 0, -2425, -2771, 346]),
]

SEED_TURNOVER = [
    ("Vård- och omsorgsförvaltningen", 8.3, 6.4, 1.9),
    ("Personlig assistans och stöd", 12.2, 6.4, 5.8),
    ("Hemtjänst", 9.0, 7.0, 2.0),
    ("LSS boende och arbete", 6.4, 3.9, 2.5),
    ("Äldreboende", 6.7, 6.2, 0.5),
    ("Myndighet och kommunal primärvård", 8.1, 6.9, 1.2),
    ("Avdelning verksamhetsstöd", 6.9, 13.2, -6.3),
]

SEED_SICK = [
    ("Kvinnor", 9.1, 8.7, 0.4),
    ("Män", 4.4, 5.0, -0.6),
    ("< 29 år", 5.9, 4.9, 1.0),
    ("30-49 år", 7.5, 8.2, -0.7),
    ("50 år >", 10.0, 9.3, 0.7),
    ("Dag 1-14", 3.5, 3.4, 0.1),
    ("Dag 15-59", 1.2, 1.2, 0.0),
    ("Dag 60 >", 3.5, 3.4, 0.1),
    ("Total sjukfrånvaro", 8.2, 8.0, 0.2),
]


VERKSAMHET = [
    "I budgeten som kommunfullmäktige antog [[D:den 6 november 2024, § 152]], framgår att "
    "Alingsås kommun har ett övergripande mål – Att bli Sveriges mest effektiva kommun. För "
    "att Alingsås ska nå detta mål behöver kommunen ha bättre resultat än andra liknande "
    "kommuner och samtidigt ha kostnader som inte överstiger kommunens referenskostnad, det "
    "vill säga den kostnad verksamheter förväntas ha utifrån sina förutsättningar. Att infria "
    "detta mål åligger samtliga nämnder, bolag och verksamheter och berör samtliga områden som "
    "kommunen ansvarar för. En förutsättning för att det ska kunna infrias är ett aktivt "
    "arbete med metoder för ständiga förbättringar utifrån respektive grunduppdrag.",
    "Målet att bli Sveriges mest effektiva kommun följs även upp genom den årliga "
    "genomlysningen, som respektive nämnd ansvarar för. I genomlysningen ska nämnden utvärdera "
    "hur nämndens verksamhet bidrar till kommunens mål, samt granska organisation, "
    "ansvarsområden och möjligheter att optimera förvaltningens arbete. I samband med "
    "årsbokslutet ska en deluppföljning genomföras.",
    "För att lyckas med arbetet att infria målet har förvaltningen under våren fortsatt den "
    "långsiktiga omställningen av arbetssätt och resurser mot ett mer förebyggande "
    "arbetssätt, ökad självständighet för brukare och ett professionellt förhållnings- och "
    "arbetssätt, i linje med intentionerna i den nya socialtjänstlagen.",
    "Förvaltningen arbetar aktivt med åtgärder inom flera områden för att skapa en mer "
    "hållbar och effektiv verksamhet som erbjuder rätt insats vid rätt tid för dem som får "
    "stöd. Exempel på åtgärder är översyn av myndighetsbeslut, effektivisering av processer "
    "och brukarflöden samt implementering av prestationsersättning. Dessutom arbetar "
    "förvaltningen med åtgärder inom områdena bemanningsekonomi, lokaler, digitalisering och "
    "samverkan mellan förvaltningar.",
    "Under första halvåret har en ny bemanningshandbok beslutats för att stärka arbetet med "
    "bemanningsekonomi. Breddinförandet av handboken är planerat till september, och "
    "utbildningar har påbörjats i maj och fortsätter till september.",
    "Förvaltningen har under våren beslutat om prioriteringar för år 2025/2026 gällande "
    "trygghetsskapande teknik och välfärdstekniska lösningar, i enlighet med nämndens "
    "digitala målbild och politiska inriktning ”Digitalt först”. Läkemedelsautomater kommer "
    "att införas inom hemtjänsten, följt av en översyn för införande i andra verksamheter. "
    "Planen är att implementeringen ska ske efter årsskiftet. Sensorteknik kommer att införas "
    "på Stadsskogen, Tuvegården och Hagagården, samt inom ett boende inom avdelning LSS boende "
    "och arbete med start under senhösten 2025 och därefter implementering.",
    "Fokus har också varit att etablera en tydlig struktur för systematiskt kvalitets- och "
    "förbättringsarbete. Nya arbetssätt har införts för att möjliggöra uppföljning av "
    "egenkontroll på alla nivåer, och arbete pågår för att förbättra introduktionen och "
    "utbildningen i systematiskt kvalitets- och förbättringsarbete för förvaltningens chefer.",
    "Den 1 september går avdelning verksamhetsstöd in i en förändrad organisation med "
    "förändrade arbetssätt. Vissa administrativa processer såsom exempelvis schemahantering "
    "och inköp och beställningar centraliseras, och andra får en tydligare hemvist, tex bildas "
    "en helt ny lokalenhet. Målet är att skapa en avdelning som stödjer verksamheterna genom "
    "helhetssyn, proaktivt stöd och samordning så att rätt funktion gör rätt saker på rätt "
    "sätt.",
    "I maj invigdes det nya äldreboendet i Stadsskogen, samtidigt avvecklades Brunnens "
    "äldreboende där hyreskontraktet för vård- och omsorgsförvaltningen upphör vid "
    "årsskiftet. Brunnens äldreboende kommer att omvandlas till seniorboende för personer över "
    "70 år med anvisningsrätt av Alingsåshem.",
    "Efter en tillsyn av Arbetsmiljöverket på ett av nämndens boende med särskild service, som "
    "ledde till vitesförelägganden, har en genomlysning av rutinerna för systematiskt "
    "arbetsmiljöarbete genomförts, både lokalt och på kommunövergripande nivå, under våren. "
    "Rutiner och checklistor för riskbedömning har justerats för att uppfylla "
    "Arbetsmiljöverkets krav. Utvecklingen av innehållet i OPUS, kommunens digitala stöd för "
    "systematisk arbetsmiljöarbete fortgår, för att säkerställa ett effektivt och "
    "ändamålsenligt stöd för kommunens chefer. Dessutom kommer de övergripande riktlinjerna "
    "för hot och våld att revideras under hösten.",
]

KOMMENTAR = [
    "Vård- och omsorgsförvaltningen prognostiserar i augusti ett resultat i balans vid årets "
    "slut. Prognosen är dock föremål för flera osäkerhetsfaktorer och kostnader som ännu inte "
    "är kända, vilka förväntas uppkomma under hösten.",
    "Prognos och utfall kan påverkas av att förvaltningscheferna för socialförvaltningen och "
    "vård- och omsorgsförvaltningen tillfälligt har enats om att dela kostnader för ärenden "
    "som befinner sig i gråzonen mellan nämndernas ansvarsområden. Detta sker i väntan på en "
    "mer djupgående analys och utredning av den nuvarande gränsdragningen. Denna "
    "överenskommelse är ännu inte helt klar och är inte inkluderad i den aktuella prognosen "
    "eller utfallet, vilket innebär att dess möjliga effekter inte har tagits med i den "
    "ekonomiska redovisningen.",
    "Förvaltningen genomgår en långsiktig omställning för att bedriva en mer effektiv omsorg, "
    "där målet är att tillhandahålla rätt insats vid rätt tidpunkt och till rätt kostnad. I "
    "detta arbete har flera nya resursfördelningsmodeller införts 2025, "
    "utförarverksamheterna arbetar aktivt med att anpassa arbetssätt och sina verksamheter "
    "efter dessa förändringar.",
    "Alla enheter som prognostiserar ett underskott är ålagda att ta fram handlingsplaner för "
    "att säkerställa ett utfall i balans. Förvaltningen har beaktat att omställningsprocessen "
    "för att anpassa verksamheterna till de nya resursfördelningsmodellerna kommer att kräva "
    "både tid och resurser. De resurser som är avsatta för att arbeta mer förebyggande och "
    "hälsofrämjande, samt för andra utvecklingsprojekt, kommer att användas för att täcka "
    "underskottet i utförarverksamheterna. Detta sker samtidigt som statsbidrag finansierar en "
    "del av utvecklingen framåt. Förvaltningen har ansökt om statsbidrag, de riktade bidragen "
    "innebär ofta kostnadsökningar, vilket gör att nettokostnaderna inte påverkas lika mycket "
    "som intäkterna. Statsbidragen ger nämnden möjlighet att satsa på åtgärder som på lång "
    "sikt kommer att leda till både effektiviseringar och ökad kvalitet inom flera områden.",
    "Sedan prognosen i maj har flera avdelningar rapporterat en försämrad ekonomisk prognos, "
    "främst på grund av ökade personalkostnader och något minskade volymer. Detta medför ett "
    "underskott i utförarverksamheten, samtidigt som ett större överskott i de centrala "
    "volymberäkningarna.",
]

PROGNOS = {
    "Verksamhetens intäkter": [
        "Verksamhetens intäkter prognostiseras att avvika positivt med 46 miljoner kronor. Denna "
        "avvikelse beror främst på riktade statsbidrag, vilka medför kostnadsökningar. Därför "
        "beräknas nettokostnaderna inte påverkas. Avvikelsen beror även på att flera ärenden "
        "inom personlig assistans har överförts till Försäkringskassan, vilket bland annat har "
        "resulterat i retroaktiv ersättning till förvaltningen. Hyresintäkterna från särskilt "
        "boende uppvisar också en positiv avvikelse, vilket kan förklaras av högre hyresnivåer "
        "på de nya särskilda boendena samt ett högre antal belagda platser.",
        "Avvikelsen är 12 miljoner kronor högre än i majprognosen. Detta beror både på att "
        "förvaltningen räknar med fler riktade statsbidrag, samt att intäkterna från personlig "
        "assistans prognostiseras att bli högre.",
    ],
    "Personalkostnader": [
        "Personalkostnaderna prognostiseras att avvika negativt med 36 miljoner kronor. Denna "
        "avvikelse förklaras främst av högre kostnader för utförarverksamheten än vad som "
        "budgeterats. Avvikelsen beror också på ökade personalkostnader för "
        "statsbidragsfinansierade satsningar.",
        "Avvikelsen är 2 miljoner kronor högre än i majprognosen, vilket framförallt kan "
        "förklaras av ökade kostnader inom avdelningen för äldreboende. De högre kostnaderna "
        "beror främst på flyttar inom avdelningen, flera ärenden som kräver extra resurser, "
        "samt omställning till nya arbetssätt.",
    ],
    "Lokalhyror": [
        "Lokalhyrorna prognostiseras i balans vid slutet av året. Inga större avvikelser från "
        "majprognosen.",
    ],
    "Köp av tjänster": [
        "Köp av tjänster prognostiseras att avvika negativt med 5 miljoner kronor. Avvikelsen "
        "förklaras främst av ett högre behov av köp av enskilda platser än vad som "
        "ursprungligen budgeterades. Den negativa avvikelsen beror även på ökade kostnader för "
        "städ- och renhållningstjänster samt inhyrd personal.",
        "Förvaltningscheferna för socialförvaltningen och vård- och omsorgsförvaltningen har "
        "initierat ett gemensamt uppdrag till båda organisationerna. Syftet är att genomföra en "
        "fördjupad analys och utredning kring hur kommunens samlade insatser för personer med "
        "funktionsnedsättning kan organiseras på ett mer effektivt sätt, med hänsyn till både "
        "brukarperspektivet och ett hållbart kommunekonomiskt ansvarstagande.",
        "Under utredningsperioden finns ett förslag om att ärenden som bedöms vara i gråzon "
        "mellan förvaltningarna ska fördelas lika mellan förvaltningarna. Denna "
        "kostnadsfördelning är för närvarande inte inkluderad i utfall eller prognos, men kan "
        "komma att påverka prognosen och årets resultat i efterhand.",
        "Det finns inga större avvikelser jämfört med majprognosen.",
    ],
    "Övriga kostnader": [
        "Övriga kostnader prognostiseras att avvika negativt med 4 miljoner kronor. Avvikelsen "
        "förklaras främst av ökade kostnader för läkemedel och sjukvårdsartiklar, samt "
        "prisökningar utöver index på övrigt förbrukningsmaterial.",
        "Det finns inga större avvikelser jämfört med majprognosen.",
    ],
}

UTFALL = {
    "Verksamhetens intäkter": [
        "Verksamhetens intäkter avviker positivt med 32 miljoner kronor. Avvikelsen förklaras "
        "främst av riktade statsbidrag, högre intäkter från Försäkringskassan och ökade "
        "hyresintäkter från särskilt boende.",
        "Intäkterna har ökat med 16 miljoner kronor jämfört med augusti 2024. Förändringen beror "
        "på fler tillgodoräknade statsbidrag, högre intäkter från Försäkringskassan och ökade "
        "hyresintäkter inom särskilt boende.",
    ],
    "Personalkostnader": [
        "Personalkostnaderna avviker negativt med 21 miljoner kronor. Avvikelsen förklaras "
        "främst av ökade personalkostnader i flera verksamheter.",
        "Jämfört med augusti 2024 har personalkostnaderna ökat med 25 miljoner kronor. Denna "
        "ökning beror framförallt på högre kostnader inom avdelningarna för äldreboende, "
        "myndighet och kommunal primärvård samt LSS-boende och arbete. Samtidigt har "
        "avdelningarna hemtjänst och personlig assistans och stöd lyckats minska sina "
        "personalkostnader.",
    ],
    "Lokalhyror": [
        "Lokalhyror avviker positivt med 2 miljoner kronor. Avvikelsen beror på att hyror för "
        "nya lokaler är budgeterade halvårsvis, men kommer att jämnas ut under året.",
        "Jämfört med augusti 2024 har lokalhyrorna ökat med 5 miljoner kronor. Ökningen "
        "förklaras främst av indexuppräkning samt nya lokaler på helår 2025 inom särskilt "
        "boende som förra året endast hade halvårshyra.",
    ],
    "Köp av tjänster": [
        "Köp av tjänster avviker negativt med 3 miljoner kronor. Denna avvikelse förklaras "
        "främst av utgifter för inhyrd personal inom personlig assistans samt ökade kostnader "
        "för tvätt och städ, inom hemtjänsten, som överstiger budget. Jämfört med samma period "
        "föregående år har köp av tjänster minskat med drygt 5 miljoner kronor, trots "
        "indexuppräkningar. Minskningen mellan åren avser framförallt köp av enskilda platser.",
    ],
    "Övriga kostnader": [
        "Övriga kostnader avviker negativt med 3 miljoner kronor. Avvikelsen förklaras av "
        "kostnadsökningar som täcks av ökade statsbidrag. Den negativa avvikelsen beror även på "
        "ökade kostnader för läkemedel och sjukvårdsartiklar, samt prisökningar utöver index på "
        "övrigt förbrukningsmaterial.",
        "Det finns ingen större skillnad mellan åren, vilket tyder på att de ökade kostnaderna "
        "delvis har motverkats av minskad konsumtion trots prisökningarna.",
    ],
}

PERSONAL = [
    "Den externa personalomsättningen fram till delåret 2025 har ökat jämfört med delåret "
    "2024. Den största ökningen observeras inom avdelningen personlig assistans och stöd, "
    "vilket delvis kan kopplas till det pågående omställningsarbetet och förändringar i "
    "arbetstidsavtalen, särskilt gällande regler för dygnsvila. Även inom avdelning "
    "hemtjänst, avdelning myndighet och kommunal primärvård och avdelning LSS boende och "
    "arbete ses en ökning i personalomsättningen. Inom avdelningen myndighet och kommunal "
    "primärvård har det faktiska antalet externa avgångar ökat från tio till tolv. Inom "
    "avdelningen verksamhetsstöd ses en procentuell minskning, det faktiska antalet "
    "avgångarna minskade från fem till tre. Vilket innebär att för båda dessa avdelningar "
    "tillsammans med avdelning äldreboende bedöms personalomsättningen ligga kvar på liknande "
    "nivåer som föregående år.",
    "Trots den ökade personalomsättningen har antalet tillsvidareanställda inom förvaltningen "
    "ökat med sex personer jämfört med samma period år 2024. Även antalet visstidsanställda "
    "månadsavlönade har ökat med 30 personer. Samtidigt har antalet timanställda minskat "
    "vilket beskrivs närmare under rubriken Arbetsmiljö.",
    "Rekryteringsläget för legitimerad personal, såsom sjuksköterskor, fysioterapeuter och "
    "arbetsterapeuter, har varit stabilt under perioden. Det kvarstår dock utmaningar när det "
    "gäller att rekrytera erfarna sökande. Den förväntade kompetensutmaningen kopplad till "
    "undersköterskor har hittills varit hanterbar. Antalet sökande till utannonserade "
    "tjänster har varit relativt högt och samtliga tjänster har kunnat tillsättas. En "
    "bidragande orsak till den hittills stabila kompetensförsörjningen inom äldreomsorgen är "
    "det statsbidragsfinansierade projektet Äldreomsorgslyftet. Fram till "
    "delårsuppföljningen har ytterligare cirka 20 medarbetare validerats till "
    "undersköterskor. Även implementeringen av Göteborgsregionens karriärvägsmodell för "
    "äldreomsorgen, som syftar till att stärka yrkets attraktivitet, har sannolikt varit en "
    "bidragande faktor. Differentieringen mellan olika befattningar har medfört en tydlig "
    "ökning av tillsvidareanställda biträden som utför serviceuppgifter, från 6 stycken år "
    "2024 till 22 stycken år 2025.",
    "Rekryteringen av sommarvikarier har fungerat bättre än under de senaste åren, vilket i "
    "första hand kan förklaras av beslutet om att 66 procent av ordinarie personal skulle "
    "vara i tjänst under hela sommaren. Detta ledde till ett minskat behov av vikarier och "
    "möjliggjorde en tidigare avslutning av sommarplaneringen för enheterna under våren. "
    "Inom äldreomsorgen har sommarbemanningen upplevts som både stabilare och tryggare "
    "jämfört med tidigare år, sett ur såväl ett arbetsmiljö- som brukarperspektiv. Utöver "
    "den högre andelen ordinarie personal i tjänst, har även implementeringen av "
    "Göteborgsregionens karriärvägsmodell för äldreomsorgen haft en positiv inverkan. För "
    "första gången gick samtliga enheter in i sommaren med en bemanning där outbildade "
    "sommarvikarier inte tilldelades några medicindelegeringar. Detta har bedömts fungera "
    "väl och tyder på att införandet av differentierad bemanning har haft en önskad effekt.",
    "Under år 2025 har antalet övertidstimmar ökat jämfört med samma period år 2024. I juli "
    "uppgick kostnadsökningen till cirka två miljoner kronor, exklusive sociala avgifter, "
    "jämfört med motsvarande period föregående år. Orsaken till ökningen är huvudsakligen "
    "förändringar i det nya avtalet om Allmänna bestämmelser (AB 25), där fyllnadstid har "
    "tagits bort för visstidsanställda och för timavlönade med schemalagd arbetstid. Detta "
    "innebär att dessa grupper nu har rätt till övertidsersättning för extrapass, även vid "
    "arbetad tid upp till 100 procent sysselsättningsgrad, vilket tidigare ersattes med "
    "fyllnadstid. Förändringen har lett till högre personalkostnader för samma mängd "
    "arbetstid.",
    "Inom funktionshinder har samtliga enheter nu påbörjat de första baskurserna i det "
    "nationella kompetensutvecklingsinitiativet Yrkesresan Funktionshinder. "
    "Utbildningspaketet omfattar flera steg och riktar sig till samtliga medarbetare inom "
    "verksamheten. Målsättningen är att hela utbildningen ska vara fullt implementerad senast "
    "år 2028.",
    "Under våren har förvaltningen även inlett det kommungemensamma arbetet med att stärka "
    "verksamheternas förmåga att arbeta systematiskt med ständiga förbättringar. Detta utgör "
    "en viktig del i den långsiktiga strategin för kompetensförsörjningen.",
]

GOAL_1 = "Nämndens arbetsmiljömål - Delaktighet och kunskap om målstyrning ska öka i verksamhet"
INDICATOR_1 = "Vi har mål som följs upp och utvärderas kontinuerligt, andel (%)"
GOAL_2 = "Nämndens arbetsmiljömål – Andelen timanställd personal ska minska."
INDICATOR_2 = "Arbetad tid utförd av visstidsanställda timavlönade, andel %."

GOAL_1_TEXT = [
    "Nämndens arbetsmiljömål för 2025 fokuserar fortsatt på att öka delaktigheten och "
    "kunskapen om målstyrning inom organisationen. Uppföljning sker i kommunens "
    "pulsmätningsverktyg. Under kvartal fyra 2024 svarade 75 procent positivt på frågan om de "
    "har mål på arbetsplatsen som följs upp och utvärderas kontinuerligt, en siffra som under "
    "kvartal två 2025 ökade till 78 procent. I kvartal två år 2024 var andelen som svarade "
    "positivt på frågan i pulsmätningen på 80 procent en ökning från 63 procent kvartal fyra "
    "år 2023. Resultatet visar att det har skett en ökning sedan nämnden antog "
    "arbetsmiljömålet, detta trots flera stora förändringar i samtliga verksamheter.",
    "Den operativa ledningsgruppen, bestående av förvaltningens avdelningschefer, har under "
    "våren arbetat aktivt med lokala projekt och förbättringsarbeten. Gemensamma mötesdagar "
    "och chefsdagar har fortsatt att vara viktiga forum för att diskutera kommunens mål, "
    "nämndens mål, förvaltningens fokusområden och prioriteringar vilket bidrar till ökat "
    "engagemang, delaktighet och kunskap bland förvaltningens enhetschefer och medarbetare.",
]

GOAL_2_TEXT = [
    "Förvaltningens andra arbetsmiljömål - att minska andelen arbetad tid utfört av "
    "timanställda från 16 till 12 procent, går i rätt riktning. Till och med juli 2025 var "
    "den ackumulerade siffran 13,3 procent jämfört med 15,8 procent samma period år 2024. Den "
    "jämförda siffran är utförd tid av timanställda till och med juli och arbetad tid av "
    "månadsavlönade till och med augusti. Eftersom en månad saknas i utfallet för "
    "timavlönade, redovisas inget värde vid delåret. Jämförelseanalysen utgår istället från "
    "motsvarande period föregående år och visar på en minskning i andelen arbetad tid utförd "
    "av timanställda.",
    "Minskningen kan främst kopplas till den ökade användningen av hemtjänstens resursteam som "
    "täcker större andel pass vid frånvaro och arbetstoppar istället för timanställda. Andel "
    "utförd tid av timanställda har minskat med motsvarande 12,4 heltidsarbetare inom "
    "avdelning hemtjänst, jämfört med år 2024. Även inom avdelningarna LSS boende och arbete "
    "och personlig assistans och stöd ses en minskning av andel timanställda med 6,6 "
    "respektive 4,4 heltidsarbetare. Avdelning särskilt boende har en oförändrad nivå "
    "jämfört med år 2024. En nyckel för att nå målsättningen är att resursteamets "
    "implementering inom särskilt boende går enligt plan under hösten.",
    "2025 genomförs pulsmätningen vid tre tillfällen, där två av dessa genomfördes under "
    "våren. Gällande resultaten för samtliga kategorier i pulsmätningen, utöver "
    "måluppföljning som redovisas ovan i nämndens arbetsmiljömål, ligger intervallet mellan "
    "2,7 till 3,4 (max 4,0). Detta innebär en marginell minskning, för förvaltningen, på tre "
    "av sju kategorier i jämförelse med kvartal fyra 2024. Under resten av året planeras "
    "fortsatta insatser för att stärka delaktighet och målkunskap, bland annat genom "
    "systematiska uppföljningar på enhetsnivå. Cheferna ansvarar framåt för att dialog sker "
    "med medarbetarna, där varje enhet arbetar vidare med resultatet för att bibehålla höga "
    "värden och förbättra de lägre riskfaktorerna. Förvaltningen arbetar vidare med "
    "utbildningsinsatser för chefer kopplat till utvecklande ledarskap (UL), samt indirekt "
    "ledarskap (IL). Gällande förvaltningens långsiktiga satsning på medarbetarskap, som "
    "startade år 2022, har alla enheter under 2025 som en prioriterad aktivitet att utföra "
    "den senaste workshopmodulen i det utvecklande medarbetarskapet (UM) i arbetslagen.",
]

SICK_TEXT = [
    "Den totala sjukfrånvaron inom vård- och omsorgsförvaltningen har ökat marginellt i "
    "jämförelse med samma period föregående år. År 2024 redovisade förvaltningen rekordlåga "
    "sjuktal för både korttidssjukfrånvaron och långtidssjukfrånvaron. Vid en jämförelse har "
    "äldreomsorgen ökat en dryg procentenhet medan funktionshinder har minskat en dryg "
    "procentenhet. Sjukfrånvaron för kvinnor har ökat med 0,4 procentenheter medan "
    "sjukfrånvaron för män minskade med 0,6 procentenheter. Det innebär att det kvarstår en "
    "betydande skillnad i sjukfrånvaro mellan kvinnor och män.",
    "Sjukfrånvaron bland yngre medarbetare (under 29 år) har ökat. En möjlig förklaring är "
    "att arbetsbelastningen upplevs som hög, vilket i sin tur kan bero på en otillräcklig "
    "introduktion. För att ge nyanställda bättre förutsättningar att möta de krav som ställs "
    "inom den allt mer komplexa verksamheten inom vård och omsorg, kommer förvaltningen "
    "framöver att satsa på att stärka introduktionen. Detta sker bland annat genom att "
    "erbjuda mentorskap och handledning.",
    "Förvaltningen kommer fortsätta med det friskfrämjande och förebyggande "
    "arbetsmiljöarbetet under 2025. Cheferna fortsätter att arbeta aktivt med omtankesamtal "
    "vid tidiga signaler på ohälsa för att kunna sätta in rätt åtgärder. Förvaltningens "
    "chefer arbetar vidare med insatser i samråd med HR-avdelningen och företagshälsovård "
    "vid långtidssjukskrivningar.",
]

INTERNAL_CONTROL = InternalControl(
    risk="Att nämnden inte har ett fungerande systematiskt kvalitetsarbete.",
    riskbeskrivning=(
        "Ett prioriterat utvecklingsområde för förvaltningen är att förvaltningens chefer och "
        "medarbetare har tillräcklig kunskap och kompetens och att det finns en struktur och "
        "organisation som säkerställer ett systematiskt kvalitets- och förbättringsarbete.\n"
        "Brister i det systematiska kvalitetsarbetet riskerar att leda till att avvikelser och "
        "händelser inte förhindras och förebyggs och att nödvändiga åtgärder och förändringar "
        "för att förbättra och utveckla verksamhetens kvalitet inte vidtas."
    ),
    riskvarde=9,
    controls=[
        Control(
            kontroll=(
                "Att förvaltningen har färdigställt strukturer och nya arbetssätt som möjliggör "
                "genomförande och uppföljning av egenkontroll på förvaltnings, avdelnings- och "
                "enhetsnivå."
            ),
            resultat=(
                "En rutin för egenkontroll har tagits fram och beslutades den 2 maj 2025.\n"
                "Samtliga chefer ansvarar för egenkontroll inom sina respektive ansvarsområde, "
                "vilket innebär systematisk uppföljning och utvärdering av verksamheten, samt "
                "kontroll av att den följer fastställda processer och rutiner. Utifrån "
                "identifierade risker skapas och följs avdelnings- och enhetsanpassade "
                "egenkontrollpunkter upp i beslutstödet Hypergene.\n"
                "Under våren har anvisningar för planering och uppföljning av "
                "egenkontrollplaner i beslutsstödet Hypergene upprättats.\n"
                "Utbildning i form av workshops för planering och uppföljning av "
                "egenkontroller i beslutstödet genomfördes för samtliga chefer avdelningsvis "
                "under perioden april – juni."
            ),
            bedomning=None,
            atgard=(
                "Kontinuerlig uppföljning och utvärdering av arbetet med egenkontroll kommer "
                "att genomföras inom det systematiska kvalitetsarbetet för att säkerställa ett "
                "effektivt och ändamålsenlig arbetssätt."
            ),
        ),
        Control(
            kontroll=(
                "Att verksamheterna analyserar och utvärderar sina resultat från egenkontroll, "
                "samt vidtar de förbättringar som bedöms nödvändiga för att säkra "
                "verksamhetens kvalitet."
            ),
            resultat=(
                "Granskningen av följsamheten till förvaltningens rutin för egenkontroll visar "
                "att samtliga avdelningar har upprättat egenkontroller. Vissa avdelningar har "
                "utvecklat kontroller på avdelningsnivå och fördelat dem till enhetsnivå, medan "
                "andra har upprättat kontroller direkt på enhetsnivå. Det framgår också att "
                "uppföljningen har dokumenterats i beslutstödet Hypergene i samband med "
                "delårsuppföljningen.\n"
                "Utöver utvecklingen av rutiner och strukturer för egenkontroll pågår ett "
                "arbete med att skapa en ”Rutin för systematisk analys av kvalitetsarbete”.\n"
                "Innehållet omfattar en beskrivning för att arbeta med strukturerad uppföljning "
                "och analys på olika nivåer i organisationen gällande avvikelser, "
                "egenkontroller samt synpunkter och klagomål. Rutinen inkluderar även "
                "metodstöd för analysmöten och relevanta frågeställningar för att säkerställa "
                "att viktiga områden belyses och att analysen leder till lärande och "
                "utveckling.\n"
                "Rutinen beräknas vara klar i september/oktober och strukturerade analysmöten "
                "planeras att införas under hösten 2025."
            ),
            bedomning=None,
            atgard=(
                "Arbetet med att skapa en rutin för systematisk analys av kvalitetsarbetet "
                "fortsätter under hösten och uppföljning av hur arbetet fortlöper kommer att "
                "ske i samband med årsbokslutet."
            ),
        ),
        Control(
            kontroll=(
                "Att förvaltningen har färdigställt strukturer och nya arbetssätt som "
                "säkerställer introduktion och kontinuerlig utbildning i systematiskt "
                "kvalitets- och förbättringsarbete för chefer och medarbetare"
            ),
            resultat=(
                "Framtagande av introduktionsmaterial pågår och beräknas färdigställas i "
                "september, med utbildning för enhetschefer och berörda funktioner under "
                "hösten 2025.\n"
                "Strukturer för kontinuerlig utbildning i systematiskt kvalitetsarbete planeras "
                "att utvecklas under hösten 2025, i enlighet med förvaltningens handlingsplan "
                "för systematiskt kvalitets- och förbättringsarbete.\n"
                "Förvaltningen kommer även att systematisera och samordna "
                "förvaltningsgemensam utbildning och introduktion i och med att avdelningen för "
                "verksamhetsstöd går in i sin nya organisation. Målet är att det ska finnas på "
                "plats till 2026"
            ),
            bedomning=None,
            atgard=(
                "Arbetet med att skapa strukturer och nya arbetssätt som säkerställer "
                "introduktion och kontinuerlig utbildning fortsätter under hösten och "
                "uppföljning av hur arbetet fortlöper kommer att ske i samband med "
                "årsbokslutet."
            ),
        ),
    ],
)


def line_sections(texts: dict[str, list[str]]) -> list[Block]:
    """Level-3 heading per drift line followed by its paragraphs."""
    blocks: list[Block] = []
    for label, paragraphs in texts.items():
        blocks.append(Heading(label, 3))
        blocks.extend(Paragraph(p) for p in paragraphs)
    return blocks


def seed_delarsbokslut(layout: Layout | None = None) -> Delarsbokslut:
    """The 2025 delårsbokslut as printed, with a title page the real PDF surely had."""
    blocks = report_blocks(
        2025,
        verksamhet=VERKSAMHET,
        drift=drift_table(2025, SEED_DRIFT),
        economy=[
            Heading("Kommentar", 2),
            *[Paragraph(p) for p in KOMMENTAR],
            Heading("Prognos och prognosförändring", 2),
            *line_sections(PROGNOS),
            Heading("Utfall för perioden", 2),
            *line_sections(UTFALL),
        ],
        investments=SEED_INVEST,
        investment_comment="Vård- och omsorgsnämnden prognostiserar med att de tilldelade "
        "medlen för investeringar kommer att användas under 2025.",
        turnover=SEED_TURNOVER,
        personal=PERSONAL,
        goals=[
            Goal(GOAL_1, INDICATOR_1, [80, 78, 75], GOAL_1_TEXT),
            Goal(GOAL_2, INDICATOR_2, [12, None, 16], GOAL_2_TEXT),
        ],
        sick=SEED_SICK,
        sick_text=SICK_TEXT,
        internal_controls=[INTERNAL_CONTROL],
    )
    return Delarsbokslut(
        kommun="Alingsås",
        kommun_official="Alingsås kommun",
        namnd="Vård- och omsorgsnämnden",
        year=2025,
        period="januari-augusti",
        title_lines=[
            "Vård- och omsorgsnämndens delårsbokslut 2025",
            "Januari–augusti 2025",
            "Alingsås kommun",
        ],
        running_header="Vård-och omsorgsnämndens delårsbokslut 2025",
        blocks=copy.deepcopy(blocks),
        layout=layout or Layout(),
    )
