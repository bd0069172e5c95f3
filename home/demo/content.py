"""What the demo site says: four WOPs modelled on Capelle aan den IJssel.

Plain data, no database access; ``home.demo.build`` turns it into pages,
key figures and users. Names, addresses and phone numbers are made up.
Texts are Dutch at language level B1: short sentences, everyday words.
"""

from dataclasses import dataclass

ORGANISATION_NAME = "Verbuurzamen Capelle"
CONTACT_PHONE = "010-458 20 00"
CONTACT_EMAIL = "info@verbuurzamen.nl"
CONTACT_HOURS = "Maandag tot en met vrijdag van 9.00 tot 17.00 uur"

# A Capelle postcode no demo WOP covers, to show the "no WOP yet" message
# (Fascinatio, in this demo still without a WOP; 2908 is free as well).
UNCOVERED_POSTCODE = "2909 AB"


@dataclass(frozen=True)
class KeyFigureData:
    name: str
    role: str
    phone: str = ""
    email: str = ""
    reachable: str = ""


@dataclass(frozen=True)
class StreetData:
    title: str
    slug: str
    streets: str
    intro: str
    body: str
    contacts: tuple[str, ...] = ()  # names of the WOP's key figures


@dataclass(frozen=True)
class DemoUser:
    email: str
    password: str
    first_name: str
    last_name: str
    label: str  # who this is, in the command's output


@dataclass(frozen=True)
class WopData:
    title: str
    slug: str
    intro: str
    body: str
    contact_name: str
    contact_phone: str
    contact_email: str
    contact_address: str
    contact_hours: str
    # As an editor types them: a 4-digit area, or a (first, last) range.
    areas: tuple[str | tuple[str, str], ...]
    example_postcode: str
    key_figures: tuple[KeyFigureData, ...]
    streets: tuple[StreetData, ...]
    volunteer: DemoUser


@dataclass(frozen=True)
class StandardPageData:
    title: str
    slug: str
    intro: str
    body: str


HOME_TITLE = "Verbuurzamen in Capelle"
HOME_INTRO = (
    "Kent u uw buren al? Een groet, een kaartje of een kop koffie maakt verschil. "
    "Hier ziet u wat er in uw wijk gebeurt en hoe u meedoet."
)
HOME_BODY = """\
<h2>Wat is Verbuurzamen?</h2>
<p>Veel mensen in Capelle kennen hun buren nog niet. Ze wonen vlak bij \
elkaar, maar ze groeten elkaar niet. Verbuurzamen wil daar iets aan doen. Buren \
leren elkaar kennen met kleine, gewone dingen.</p>
<h2>Wat kunt u doen?</h2>
<ul>
<li>Een kaartje sturen naar een buur. Bijvoorbeeld een complimentenkaartje of een \
uitnodiging.</li>
<li>Samen iets lekkers eten, zoals een appeltaart.</li>
<li>Een zwaaitegel voor uw deur laten leggen. Dan weten voorbijgangers: hier mag \
je zwaaien en een praatje maken.</li>
<li>Een maatje vinden om samen iets te doen. Bijvoorbeeld schaken, wandelen of \
boodschappen doen.</li>
<li>Nieuw in de wijk? Vraag dan uw ontmoetingspakket aan.</li>
</ul>
<h2>Elke wijk kiest zelf</h2>
<p>In de wijken van Capelle werken bewoners samen in een wijkplatform \
(WOP, Wijk Overleg Platform). Zij kiezen zelf wat bij hun wijk past. Vul uw \
postcode in. Dan ziet u wat \
er bij u in de buurt te doen is.</p>
<h2>Geen computer?</h2>
<p>Dat is geen probleem. Bel ons op 010-458 20 00 of loop binnen bij het Huis \
van de Wijk. Een vrijwilliger helpt u graag. Die kan u ook aanmelden.</p>"""

INDEX_TITLE = "Wijken"
INDEX_SLUG = "wijken"
INDEX_INTRO = (
    "<p>Verbuurzamen werkt per wijk. In elke wijk kiezen de bewoners en "
    "vrijwilligers van het Wijk Overleg Platform (WOP) zelf wat ze doen. Kies "
    "hieronder uw wijk. Weet u niet welke wijk het is? Op de "
    '<a href="/">beginpagina</a> vindt u uw wijk met uw postcode.</p>'
)

VOLUNTEER_PASSWORD = "Zwaaitegel-Capelle-2026"

ADMIN = DemoUser(
    email="admin@verbuurzamen.nl",
    password="IJsselkade-Beheer-2026",
    first_name="Demo",
    last_name="Beheerder",
    label="admin (superuser)",
)
COORDINATOR = DemoUser(
    email="coordinator@verbuurzamen.nl",
    password="Koffie-met-de-buren-2026",
    first_name="Karin",
    last_name="Smit",
    label="coordinator (every WOP)",
)

WOPS = (
    WopData(
        title="Schollevaar",
        slug="schollevaar",
        intro=(
            "Schollevaar is een groene wijk met veel water en veel gezinnen. "
            "Buren maken hier graag een praatje bij de speeltuin of in het Huis "
            "van de Wijk."
        ),
        body="""\
<p>In Schollevaar wonen mensen uit veel verschillende landen. Niet iedereen kent \
zijn buren al. Daarom doen we kleine dingen samen.</p>
<h2>Wat doen we in Schollevaar?</h2>
<ul>
<li>Elke woensdag is er koffie-inloop in Huis van de Wijk De Pijler.</li>
<li>In een paar straten liggen zwaaitegels. Zwaai gerust terug!</li>
<li>Nieuwe bewoners krijgen een ontmoetingspakket met een smoelenboek.</li>
</ul>
<p>Heeft u een idee voor uw straat? Kom langs of bel ons. Wij denken graag \
mee.</p>""",
        contact_name="Wijkplatform (WOP) Schollevaar",
        contact_phone="010-458 31 20",
        contact_email="wop.schollevaar@verbuurzamen.nl",
        contact_address=(
            "Huis van de Wijk De Pijler, Kievitlaan 2, 2907 KA Capelle aan den IJssel"
        ),
        contact_hours="Dinsdag en donderdag van 10.00 tot 12.00 uur",
        areas=("2906", "2907"),
        example_postcode="2907 KA",
        key_figures=(
            KeyFigureData(
                name="Anouk de Vries",
                role="Buurtconciërge",
                phone="010-458 31 21",
                reachable="Op werkdagen in de wijk. U herkent haar aan de groene jas.",
            ),
            KeyFigureData(
                name="Mohamed El Amrani",
                role="Wijkagent",
                phone="0900-8844",
                reachable=(
                    "Spreekuur elke eerste dinsdag van de maand, 14.00 tot 15.00 uur "
                    "in De Pijler."
                ),
            ),
            KeyFigureData(
                name="Ingrid Bakker",
                role="Opbouwwerker Welzijn Capelle",
                phone="010-458 31 22",
                email="ingrid.bakker@verbuurzamen.nl",
                reachable="Woensdagochtend bij de koffie-inloop in De Pijler.",
            ),
            KeyFigureData(
                name="Joop Hoogendoorn",
                role="Vrijwilliger Huis van de Wijk",
                reachable="Donderdagmiddag bij het schaken in De Pijler.",
            ),
        ),
        streets=(
            StreetData(
                title="Dotterbloemstraat en Boterbloemstraat",
                slug="dotterbloemstraat",
                streets="Dotterbloemstraat, Boterbloemstraat",
                intro="Op woensdag koffie in de tuin van nummer 12.",
                body="""\
<p>Elke woensdag van 10.00 tot 11.30 uur staat de koffie klaar in de tuin van \
Dotterbloemstraat 12. Regent het? Dan gaan we naar binnen. Iedereen uit de \
straat is welkom, ook als u maar even blijft.</p>
<p>De straat heeft een lief-en-leedpot. Daarvan kopen we een bloemetje bij een \
geboorte, als iemand ziek is of bij een verhuizing. Wilt u iets bijdragen? Vraag \
het aan Anouk.</p>""",
                contacts=("Anouk de Vries",),
            ),
            StreetData(
                title="Reigerhof",
                slug="reigerhof",
                streets="Reigerhof, Zilverreigerpad",
                intro="Hier liggen de eerste zwaaitegels van Schollevaar.",
                body="""\
<p>Voor zes huizen in de Reigerhof ligt een zwaaitegel. De bewoners zwaaien \
graag terug en maken een praatje. Wilt u ook een zwaaitegel? Vraag er een aan \
bij het wijkplatform.</p>
<p>In de zomer is er een straatbarbecue op het grasveld. Iedereen neemt iets \
mee.</p>""",
                contacts=("Joop Hoogendoorn",),
            ),
            StreetData(
                title="Kievitlaan en Grutto",
                slug="kievitlaan",
                streets="Kievitlaan, Grutto, Tureluur",
                intro="Samen schaken op donderdagmiddag, voor jong en oud.",
                body="""\
<p>Joop schaakt elke donderdagmiddag in Huis van de Wijk De Pijler. Hij zoekt \
mensen uit de buurt om mee te spelen. U hoeft het spel niet goed te kennen. Joop \
legt het graag uit.</p>
<p>Kunt u niet zo goed lopen? Vraag dan naar de buurtbus. Die haalt u thuis \
op.</p>""",
                contacts=("Joop Hoogendoorn", "Ingrid Bakker"),
            ),
        ),
        volunteer=DemoUser(
            email="vrijwilliger.schollevaar@verbuurzamen.nl",
            password=VOLUNTEER_PASSWORD,
            first_name="Petra",
            last_name="Jansen",
            label="volunteer Schollevaar",
        ),
    ),
    WopData(
        title="Oostgaarde",
        slug="oostgaarde",
        intro=(
            "Oostgaarde ligt tussen het centrum en de Hollandsche IJssel. Er wonen "
            "veel ouderen, en er komen steeds meer nieuwe bewoners bij."
        ),
        body="""\
<p>In Oostgaarde staan flats, eengezinswoningen en seniorenwoningen. Veel mensen \
wonen hier al lang. Er komen ook veel nieuwe bewoners bij. Zo leren zij elkaar \
kennen:</p>
<ul>
<li>Op vrijdagmiddag is er een open tafel in Huis van de Wijk Oostgaarde. Voor \
een kleine prijs eet u samen met anderen.</li>
<li>In de flats aan de Koperwiek hangt elke maand een poster met alle \
activiteiten bij de lift.</li>
<li>Bij de supermarkt in het winkelcentrum hangt een prikbord van het wijkplatform.</li>
</ul>
<p>Wilt u een maatje om mee te wandelen of boodschappen te doen? Laat het ons \
weten.</p>""",
        contact_name="Wijkplatform (WOP) Oostgaarde",
        contact_phone="010-458 42 30",
        contact_email="wop.oostgaarde@verbuurzamen.nl",
        contact_address=(
            "Huis van de Wijk Oostgaarde, Koperwiek 50, 2903 PB Capelle aan den IJssel"
        ),
        contact_hours="Maandag, woensdag en vrijdag van 9.30 tot 12.00 uur",
        areas=(("2903 NA", "2903 ZZ"), "2904"),
        example_postcode="2903 PB",
        key_figures=(
            KeyFigureData(
                name="Fatma Yilmaz",
                role="Opbouwwerker Welzijn Capelle",
                phone="010-458 42 31",
                email="fatma.yilmaz@verbuurzamen.nl",
                reachable=(
                    "Maandag- en woensdagochtend in Huis van de Wijk Oostgaarde. "
                    "Spreekt ook Turks."
                ),
            ),
            KeyFigureData(
                name="Kees van Dam",
                role="Wijkagent",
                phone="0900-8844",
                reachable="Spreekuur op dinsdag van 13.00 tot 14.00 uur in het Huis "
                "van de Wijk.",
            ),
            KeyFigureData(
                name="Els de Graaf",
                role="Vrijwilliger open tafel",
                reachable="Vrijdagmiddag bij de open tafel in het Huis van de Wijk.",
            ),
        ),
        streets=(
            StreetData(
                title="Koperwiek en Kramsvogel",
                slug="koperwiek",
                streets="Koperwiek, Kramsvogel",
                intro="Elke maand een nieuwe poster bij de lift.",
                body="""\
<p>In de flats aan de Koperwiek wonen veel mensen alleen. Daarom hangt er elke \
maand een poster bij de lift. Daarop staat wat er die maand te doen is.</p>
<p>In december is er een portiekborrel. Buren nemen iets lekkers mee en maken \
kennis op de galerij.</p>""",
                contacts=("Fatma Yilmaz",),
            ),
            StreetData(
                title="Lijsterbes en Vlier",
                slug="lijsterbes",
                streets="Lijsterbesstraat, Vlierstraat",
                intro="Deze straten doen mee met de kaartjesactie.",
                body="""\
<p>Hier sturen buren elkaar een kaartje. Een complimentje, een verjaardagskaart \
of een uitnodiging om langs te komen. De kaartjes zijn gratis af te halen in het \
Huis van de Wijk.</p>
<p>Elke laatste zaterdag van de maand bakt Els een appeltaart. Die eten we samen \
op in de Vlierstraat.</p>""",
                contacts=("Els de Graaf", "Fatma Yilmaz"),
            ),
        ),
        volunteer=DemoUser(
            email="vrijwilliger.oostgaarde@verbuurzamen.nl",
            password=VOLUNTEER_PASSWORD,
            first_name="Ahmed",
            last_name="Benali",
            label="volunteer Oostgaarde",
        ),
    ),
    WopData(
        title="Middelwatering",
        slug="middelwatering",
        intro=(
            "Middelwatering is een van de oudste wijken van Capelle, rond het "
            "winkelcentrum Slotplein. Veel buren kennen elkaar al lang, maar niet "
            "iedereen doet mee."
        ),
        body="""\
<p>In Middelwatering wonen veel ouderen. Sommigen komen weinig buiten. Ook \
jongeren voelen zich soms alleen. Daarom doen we dingen voor jong en oud.</p>
<h2>Wat doen we in Middelwatering?</h2>
<ul>
<li>Op zaterdag staat het wijkplatform met een kraam op de markt op het Slotplein.</li>
<li>In de seniorenflat aan de Merelhoven is elke maandag een spelletjesmiddag.</li>
<li>Het jongerenwerk zoekt maatjes voor jongeren die weinig vrienden hebben.</li>
</ul>""",
        contact_name="Wijkplatform (WOP) Middelwatering",
        contact_phone="010-458 53 40",
        contact_email="wop.middelwatering@verbuurzamen.nl",
        contact_address=(
            "Huis van de Wijk Middelwatering, Slotlaan 20, 2902 AK Capelle aan den "
            "IJssel"
        ),
        contact_hours="Dinsdag tot en met vrijdag van 13.00 tot 16.00 uur",
        areas=("2902", ("2903 AA", "2903 MZ")),
        example_postcode="2902 AK",
        key_figures=(
            KeyFigureData(
                name="Ruud Verhoeven",
                role="Buurtconciërge",
                phone="010-458 53 41",
                reachable="Op werkdagen in de wijk. Bel hem gerust als er iets kapot "
                "is in de buurt.",
            ),
            KeyFigureData(
                name="Samira Bouzid",
                role="Jongerenwerker",
                phone="010-458 53 42",
                email="samira.bouzid@verbuurzamen.nl",
                reachable="Dinsdag- en donderdagavond in het jongerencentrum.",
            ),
            KeyFigureData(
                name="Wim Schouten",
                role="Vrijwilliger maatjesproject",
                reachable="Op afspraak. Bel het wijkplatform, dan belt Wim u terug.",
            ),
        ),
        streets=(
            StreetData(
                title="Slotplein en Slotlaan",
                slug="slotplein",
                streets="Slotplein, Slotlaan",
                intro="Op zaterdag staat het wijkplatform met een kraam op de markt.",
                body="""\
<p>Elke zaterdag van 10.00 tot 13.00 uur staat het wijkplatform op de markt. U kunt er \
een kaartje voor uw buren meenemen of een zwaaitegel aanvragen. Of gewoon een \
kop koffie drinken.</p>""",
                contacts=("Ruud Verhoeven",),
            ),
            StreetData(
                title="Merelhoven en Lijsterhoven",
                slug="merelhoven",
                streets="Merelhoven, Lijsterhoven",
                intro="Elke maandag een spelletjesmiddag in de recreatiezaal.",
                body="""\
<p>In de recreatiezaal van de seniorenflat spelen we elke maandagmiddag \
sjoelen, rummikub en klaverjassen. Buren van buiten de flat zijn ook welkom.</p>
<p>Zoekt u iemand om samen mee te wandelen of naar de markt te gaan? Wim helpt \
u een maatje te vinden.</p>""",
                contacts=("Wim Schouten",),
            ),
            StreetData(
                title="Valkenhoven",
                slug="valkenhoven",
                streets="Valkenhoven, Sperwerhoven",
                intro="Buurtvoetbal op het trapveldje, woensdag om 15.00 uur.",
                body="""\
<p>Elke woensdagmiddag is er buurtvoetbal op het trapveldje. Samira van het \
jongerenwerk is er altijd bij. Iedereen vanaf 10 jaar mag meedoen.</p>""",
                contacts=("Samira Bouzid",),
            ),
        ),
        volunteer=DemoUser(
            email="vrijwilliger.middelwatering@verbuurzamen.nl",
            password=VOLUNTEER_PASSWORD,
            first_name="Wilma",
            last_name="de Bruin",
            label="volunteer Middelwatering",
        ),
    ),
    WopData(
        title="'s-Gravenland",
        slug="s-gravenland",
        intro=(
            "'s-Gravenland is een rustige wijk met lanen, vijvers en veel groen. "
            "Er wonen veel gezinnen, en veel mensen die hier net zijn komen wonen."
        ),
        body="""\
<p>In 's-Gravenland wonen mensen vaak achter hun voordeur. Iedereen heeft het \
druk. Toch willen veel bewoners hun buren beter leren kennen. Wij helpen daarbij.\
</p>
<h2>Wat doen we in 's-Gravenland?</h2>
<ul>
<li>Nieuwe bewoners krijgen bezoek van een buur met een ontmoetingspakket.</li>
<li>Bij de speeltuin liggen zwaaitegels.</li>
<li>Elke eerste zondag van de maand wandelen we samen een rondje door de wijk.</li>
</ul>""",
        contact_name="Wijkplatform (WOP) 's-Gravenland",
        contact_phone="010-458 64 50",
        contact_email="wop.s-gravenland@verbuurzamen.nl",
        contact_address=(
            "Huis van de Wijk 's-Gravenland, Fazantlaan 4, 2905 AC Capelle aan den "
            "IJssel"
        ),
        contact_hours="Maandag en donderdag van 13.30 tot 16.30 uur",
        areas=("2901", "2905"),
        example_postcode="2905 AC",
        key_figures=(
            KeyFigureData(
                name="Priya Ramdin",
                role="Opbouwwerker Welzijn Capelle",
                phone="010-458 64 51",
                email="priya.ramdin@verbuurzamen.nl",
                reachable="Maandagmiddag in Huis van de Wijk 's-Gravenland.",
            ),
            KeyFigureData(
                name="Tom Kuipers",
                role="Wijkagent",
                phone="0900-8844",
                reachable="Spreekuur op donderdag van 14.00 tot 15.00 uur in het "
                "Huis van de Wijk.",
            ),
            KeyFigureData(
                name="Yasmina Haddou",
                role="Buurtconciërge",
                phone="010-458 64 52",
                reachable="Op werkdagen in de wijk, vaak bij de speeltuin.",
            ),
            KeyFigureData(
                name="Henk Verburg",
                role="Vrijwilliger Huis van de Wijk",
                reachable="Eerste zondag van de maand bij de buurtwandeling.",
            ),
        ),
        streets=(
            StreetData(
                title="'s-Gravenweg en Kerkweg",
                slug="s-gravenweg",
                streets="'s-Gravenweg, Kerkweg",
                intro="Nieuw in de straat? Dan brengen de buren een appeltaart.",
                body="""\
<p>Komt er iemand nieuw wonen? Dan bakt een van de buren een appeltaart. Die \
brengen we samen langs. Zo weet de nieuwe buur meteen bij wie hij kan \
aanbellen.</p>""",
                contacts=("Priya Ramdin",),
            ),
            StreetData(
                title="Fazantlaan en Patrijzenlaan",
                slug="fazantlaan",
                streets="Fazantlaan, Patrijzenlaan",
                intro="Zwaaitegels bij de speeltuin en een lief-en-leedpot.",
                body="""\
<p>Bij de speeltuin liggen vier zwaaitegels. Ouders en opa's en oma's maken er \
een praatje. De straat heeft ook een lief-en-leedpot voor een kaart of bloemen \
als het iemand tegenzit.</p>
<p>Elke eerste zondag van de maand start de buurtwandeling om 11.00 uur bij de \
speeltuin.</p>""",
                contacts=("Yasmina Haddou", "Henk Verburg"),
            ),
        ),
        volunteer=DemoUser(
            email="vrijwilliger.s-gravenland@verbuurzamen.nl",
            password=VOLUNTEER_PASSWORD,
            first_name="Sander",
            last_name="Mulder",
            label="volunteer 's-Gravenland",
        ),
    ),
)

PRIVACY = StandardPageData(
    title="Privacyverklaring",
    slug="privacy",
    intro=(
        "Op Verbuurzamen kunt u zich aanmelden voor activiteiten en acties in uw "
        "wijk. Daarvoor vragen wij soms uw gegevens. Hier leest u wat wij daarmee "
        "doen."
    ),
    body="""\
<p><b>Versie 1.0, vastgesteld op 1 november 2026.</b></p>
<h2>Wie zijn wij?</h2>
<p>Verbuurzamen Capelle is een samenwerking van bewoners, de Wijk Overleg \
Platforms (WOP's), Welzijn Capelle en de gemeente Capelle aan den IJssel. \
Verbuurzamen Capelle is verantwoordelijk voor de gegevens die u op deze website \
invult.</p>
<h2>Welke gegevens vragen wij?</h2>
<p>Wij vragen alleen wat nodig is voor wat u wilt doen. Bijvoorbeeld:</p>
<ul>
<li>uw naam;</li>
<li>uw adres en postcode, zodat wij weten bij welke wijk u hoort;</li>
<li>uw telefoonnummer of e-mailadres, zodat wij u kunnen bereiken;</li>
<li>bij een maatjesproject: wat u graag doet en wanneer u tijd heeft.</li>
</ul>
<p>Wij vragen niet naar uw gezondheid, uw geloof of uw afkomst.</p>
<h2>Waarom gebruiken wij uw gegevens?</h2>
<p>Wij gebruiken uw gegevens alleen als u daar toestemming voor geeft. Dat doet \
u als u een formulier invult, of als een vrijwilliger dat samen met u doet. Wij \
gebruiken uw gegevens om:</p>
<ul>
<li>uw aanmelding of aanvraag te regelen;</li>
<li>u in contact te brengen met een buur of een maatje;</li>
<li>u te laten weten of een activiteit doorgaat.</li>
</ul>
<p>Soms maken wij ons grote zorgen over iemand. Dan kunnen wij, na goed \
nadenken, zonder toestemming contact opnemen met bijvoorbeeld het wijkteam. Dat \
vertellen wij u dan altijd.</p>
<p>Elk jaar vertellen wij de gemeente hoeveel mensen hebben meegedaan. Dat zijn \
alleen aantallen. Uw naam staat daar niet bij.</p>
<h2>Wie ziet uw gegevens?</h2>
<p>Alleen de vrijwilligers van het WOP in uw wijk en de coördinatoren van \
Verbuurzamen. Vrijwilligers uit andere wijken zien uw gegevens niet. Wij \
verkopen uw gegevens nooit. Wij geven ze niet aan anderen, behalve als de wet \
dat verplicht.</p>
<h2>Hoe lang bewaren wij uw gegevens?</h2>
<p>Niet langer dan nodig. Is de activiteit of actie voorbij? Dan verwijderen wij \
uw gegevens binnen 6 maanden. Heeft u een maatje? Dan verwijderen wij uw \
gegevens uiterlijk 12 maanden nadat het maatjescontact is gestopt. Heeft u een \
account? Dan bewaren wij uw gegevens tot u het account opzegt.</p>
<h2>Uw rechten</h2>
<ul>
<li>U mag altijd vragen welke gegevens wij van u hebben.</li>
<li>U mag ons vragen fouten te verbeteren.</li>
<li>U mag ons vragen uw gegevens te verwijderen.</li>
<li>U mag uw toestemming altijd intrekken. Dat kan ook met de link in de \
bevestiging die u van ons kreeg.</li>
<li>U mag uw gegevens in een bestand van ons krijgen.</li>
</ul>
<p>Wij antwoorden binnen 4 weken. Bent u het niet eens met hoe wij met uw \
gegevens omgaan? Dan kunt u een klacht indienen bij de Autoriteit \
Persoonsgegevens.</p>
<h2>Beveiliging en cookies</h2>
<p>Wij beveiligen uw gegevens goed. Deze website gebruikt alleen cookies die \
nodig zijn om de website te laten werken, bijvoorbeeld om in te loggen. Wij \
gebruiken geen cookies om u te volgen.</p>
<h2>Vragen?</h2>
<p>Heeft u een vraag over uw gegevens? Mail naar privacy@verbuurzamen.nl of bel \
010-458 20 00, op werkdagen van 9.00 tot 17.00 uur. U kunt ook langskomen in het \
Huis van de Wijk.</p>""",
)

ACCESSIBILITY = StandardPageData(
    title="Toegankelijkheidsverklaring",
    slug="toegankelijkheid",
    intro=(
        "Iedereen moet deze website kunnen gebruiken. Ook als u slecht ziet, geen "
        "muis gebruikt of moeite heeft met lezen. Hier leest u hoe ver wij zijn."
    ),
    body=f"""\
<p><b>Verklaring opgesteld op 1 november 2026. Laatst gecontroleerd op 1 december \
2026.</b></p>
<h2>Aan welke regels houden wij ons?</h2>
<p>Verbuurzamen Capelle wil dat deze website voldoet aan de regels voor \
toegankelijkheid: WCAG 2.1 op niveau AA. Dat is de norm voor websites van de \
overheid in Nederland (de Europese norm EN 301 549).</p>
<h2>Wat hebben wij gedaan?</h2>
<ul>
<li>De teksten zijn geschreven in eenvoudig Nederlands (taalniveau B1).</li>
<li>De website is er ook in het Engels. Kies de taal bovenaan de pagina.</li>
<li>De letters zijn groot. Knoppen en links zijn groot genoeg om makkelijk aan \
te klikken.</li>
<li>Foto's hebben een beschrijving.</li>
<li>U kunt pagina's goed afdrukken, bijvoorbeeld een poster van een \
activiteit.</li>
</ul>
<h2>Hoe hebben wij dat getest?</h2>
<p>Wij hebben de pagina's voor bewoners zelf getest: de startpagina, de \
wijkpagina's, de agenda, de formulieren om u aan te melden en de pagina's om u \
af te melden. Wij hebben gekeken of u de website kunt gebruiken:</p>
<ul>
<li>met alleen een toetsenbord, zonder muis;</li>
<li>met een schermlezer (een programma dat de tekst voorleest), NVDA op een \
computer en VoiceOver op een telefoon;</li>
<li>zonder JavaScript;</li>
<li>met de tekst 200 % groter;</li>
<li>op een smal scherm van 320 pixels breed, zoals een kleine telefoon.</li>
</ul>
<h2>Wat werkt nog niet goed?</h2>
<ul>
<li>Vrijwilligers werken in een apart beheerdeel van de website. Dat beheerdeel \
is van Wagtail, het programma waarmee deze website is gemaakt. Wij hebben het \
beheerdeel niet zelf getest. Wagtail werkt er zelf aan om het beter \
toegankelijk te maken.</li>
<li>Sommige documenten (pdf) die vrijwilligers op de website zetten, zijn nog \
niet goed toegankelijk. Heeft u een document nodig in een andere vorm? Vraag \
het ons. Dan sturen wij het u op een andere manier.</li>
<li>Op een poster staat een QR-code. Die kan een schermlezer niet lezen. Het \
adres van de pagina staat daarom ook als tekst op de poster.</li>
<li>De website is er alleen in het Nederlands en het Engels. Spreekt u een \
andere taal? Een vrijwilliger in het Huis van de Wijk helpt u graag.</li>
</ul>
<h2>Status</h2>
<p>Deze website voldoet gedeeltelijk aan WCAG 2.1 niveau AA. Wij hebben de \
website zelf onderzocht. In 2027 laten wij de website onderzoeken door een \
onafhankelijk bureau.</p>
<h2>Werkt iets niet?</h2>
<p>Laat het ons weten. Mail naar {CONTACT_EMAIL} of bel {CONTACT_PHONE}, \
maandag tot en met vrijdag van 9.00 tot 17.00 uur. Wij antwoorden binnen 5 \
werkdagen. Bent u niet tevreden met ons antwoord? Dan kunt u een klacht \
indienen bij de gemeente Capelle aan den IJssel of bij de Nationale \
ombudsman.</p>
<h2 lang="en">In English</h2>
<p lang="en">We want everyone to be able to use this website, to the standard \
WCAG 2.1 level AA. We tested the pages for residents with a keyboard only, with \
a screen reader, without JavaScript, with text at 200 % and on a screen 320 \
pixels wide. The website meets the standard in part: the admin for volunteers \
is Wagtail's own and we did not test it, and some PDF documents are not yet \
accessible. Does something not work for you? E-mail {CONTACT_EMAIL} or call \
{CONTACT_PHONE}. We answer within 5 working days.</p>""",
)

ABOUT = StandardPageData(
    title="Over Verbuurzamen",
    slug="over",
    intro=(
        "Verbuurzamen hoort bij een plan van de gemeente Capelle aan den IJssel. "
        "Het doel: buren die elkaar nog niet kennen, leren elkaar kennen."
    ),
    body="""\
<h2>Waarom?</h2>
<p>Veel mensen in Capelle missen wel eens contact met anderen. Dat kan \
iedereen overkomen: jong en oud, alleen of met een gezin. Een groet van de buren \
helpt al. Daarom begint Verbuurzamen klein, in de straat.</p>
<h2>Wie doen er mee?</h2>
<p>De gemeente, Welzijn Capelle en Sportief Capelle begonnen samen een \
alliantie: een groep die zorgt dat mensen elkaar vaker ontmoeten. Nu doen ook \
zorgorganisaties, kerken, \
scholen, ondernemers en de woningcorporatie mee. In de wijken werken wij samen \
met het wijkplatform (WOP, Wijk Overleg Platform).</p>
<h2>Hoe werkt het?</h2>
<p>Elk wijkplatform kiest zelf welke acties bij de wijk passen. Bijvoorbeeld \
kaartjes voor \
de buren, zwaaitegels, een lief-en-leedpot of een ontmoetingspakket voor nieuwe \
bewoners. Vrijwilligers helpen bewoners die geen computer hebben. Zij kunnen u \
ook aanmelden via de telefoon of aan de deur.</p>
<h2>Vrijwilliger worden?</h2>
<p>Wilt u iets doen voor uw buurt? Bijvoorbeeld koffie schenken, kaartjes \
rondbrengen of maatje worden? Neem contact op met het wijkplatform in uw wijk. \
Wij zoeken \
altijd mensen die willen helpen.</p>""",
)

STANDARD_PAGES = (PRIVACY, ACCESSIBILITY, ABOUT)


# Buddy projects (maatjesprojecten), their partners, sign-ups and matches.
#
# Sign-ups are made-up people. E-mail addresses use example.com, so nothing
# can reach a real person even if the demo ever sent mail (it does not: the
# seed writes sign-ups directly, without the outbox).


@dataclass(frozen=True)
class PartnerData:
    name: str
    phone: str = ""
    email: str = ""
    website: str = ""


@dataclass(frozen=True)
class BuddyProjectData:
    title: str
    slug: str
    wop: str | None  # a WOP's slug; None: city-wide, under the home page
    intro: str
    body: str
    audiences: tuple[str, ...]  # Audience slugs (made by a migration)
    partner: str  # a PartnerData name
    contact: tuple[str, str]  # (WOP slug, key figure name)
    is_open: bool = True
    closed_message: str = ""


@dataclass(frozen=True)
class BuddySignupData:
    project: str  # a BuddyProjectData slug
    name: str
    role: str  # "seeker" or "buddy"
    street: str
    house_number: str
    postcode: str  # six characters, as stored: "2907KD"
    email: str = ""
    phone: str = ""
    contact_preference: str = "phone"
    interests: tuple[str, ...] = ()
    interests_other: str = ""
    availability: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("nl",)
    languages_other: str = ""
    meeting_needs: str = ""
    message: str = ""
    # Where the sign-up stands before any match: "new", "contacted" or
    # "withdrawn" (then anonymised). Matches below make "matched" and "ended".
    status: str = "new"
    # "online": filled in by the resident. "verbal" or "paper": registered on
    # their behalf by the volunteer of the sign-up's WOP.
    consent_method: str = "online"
    days_ago: int = 0  # when the sign-up came in


@dataclass(frozen=True)
class BuddyMatchData:
    project: str
    seeker: str
    buddy: str
    weeks_ago: int  # when the match started; follow-up is due six weeks later
    # A follow-up already recorded: (outcome, note); "ended" ends the match.
    follow_up: tuple[str, str] | None = None


WELZIJN = PartnerData(
    name="Welzijn Capelle",
    phone="010-458 20 10",
    email="maatjes@verbuurzamen.nl",
)
HUMANITAS = PartnerData(
    name="Humanitas Capelle",
    phone="010-458 20 20",
    email="humanitas.capelle@verbuurzamen.nl",
)
PARTNERS = (WELZIJN, HUMANITAS)

BUDDY_CONSENT_TEXT = (
    "Ik geef toestemming dat het WOP van mijn wijk en de coördinatoren van "
    "Verbuurzamen mijn gegevens gebruiken om een maatje voor mij te zoeken, of "
    "mij als maatje te koppelen. Zoals beschreven in de privacyverklaring."
)

BUDDY_PROJECTS = (
    BuddyProjectData(
        title="Maatje in Schollevaar",
        slug="maatje-in-schollevaar",
        wop="schollevaar",
        intro=(
            "Zoekt u iemand om mee te schaken, te wandelen of koffie mee te "
            "drinken? Of wilt u zelf maatje zijn voor een buur? Meld u aan. Wij "
            "zoeken een maatje bij u in de buurt."
        ),
        body="""\
<h2>Hoe werkt het?</h2>
<ol>
<li>U meldt zich aan. Dat kan hier, of bij een vrijwilliger in De Pijler.</li>
<li>Ingrid belt u voor een kennismaking. Zij vraagt wat u graag doet en wanneer \
u tijd heeft.</li>
<li>Wij zoeken een maatje dat bij u past. Het eerste gesprek doet u samen met \
Ingrid.</li>
<li>Na zes weken vragen wij hoe het gaat.</li>
</ol>
<h2>Wat doet een maatje?</h2>
<p>Een maatje komt ongeveer één keer per week, een uur of twee. U bepaalt samen \
wat u doet: een spelletje, een wandeling, samen boodschappen doen of gewoon \
praten.</p>
<p>Geen computer? Bel 010-458 31 20. Dan meldt een vrijwilliger u aan.</p>""",
        audiences=("everyone", "older-people"),
        partner=WELZIJN.name,
        contact=("schollevaar", "Ingrid Bakker"),
    ),
    BuddyProjectData(
        title="Samen op stap in Oostgaarde",
        slug="samen-op-stap",
        wop="oostgaarde",
        intro=(
            "Samen naar de markt, een rondje langs de IJssel of koffie in het Huis "
            "van de Wijk. Voor ouderen en mantelzorgers die er graag eens uit "
            "willen."
        ),
        body="""\
<p>Veel mensen in Oostgaarde komen weinig buiten. Soms omdat lopen moeilijk \
gaat. Soms omdat ze voor iemand zorgen en zelf nergens aan toekomen. Een maatje \
gaat met u op stap, in uw eigen tempo.</p>
<h2>Zorgt u voor iemand?</h2>
<p>Bent u mantelzorger? Dan gaat een maatje graag met u mee naar buiten. Zo \
heeft u even tijd voor uzelf. Fatma spreekt ook Turks.</p>
<h2>Maatje worden?</h2>
<p>Heeft u een paar uur per week over? Dan bent u welkom als maatje. U krijgt \
eerst een kennismakingsgesprek en een korte training.</p>""",
        audiences=("older-people", "carers"),
        partner=WELZIJN.name,
        contact=("oostgaarde", "Fatma Yilmaz"),
    ),
    BuddyProjectData(
        title="Taalmaatjes Middelwatering",
        slug="taalmaatjes",
        wop="middelwatering",
        intro=(
            "Nederlands leer je het best door het te praten. Een taalmaatje oefent "
            "elke week met u. Bij een kop koffie, in de bibliotheek of op de markt."
        ),
        body="""\
<p>Bent u nieuw in Nederland? Of woont u hier al langer, maar wilt u beter \
Nederlands spreken? Dan zoeken wij een taalmaatje voor u. U spreekt een uur per \
week af. U oefent met gewone dingen: een formulier invullen, de huisarts bellen, \
een praatje op de markt.</p>
<h2>Taalmaatje worden?</h2>
<p>U hoeft geen leraar te zijn. Geduld en tijd om te luisteren zijn genoeg. \
Humanitas geeft u een korte training.</p>""",
        audiences=("newcomers",),
        partner=HUMANITAS.name,
        contact=("middelwatering", "Wim Schouten"),
    ),
    BuddyProjectData(
        title="Koffiemaatjes 's-Gravenland",
        slug="koffiemaatjes",
        wop="s-gravenland",
        intro=(
            "Een vaste buur die één keer per week koffie komt drinken. Voor wie "
            "weinig bezoek krijgt en graag een praatje maakt."
        ),
        body="""\
<p>Een koffiemaatje komt één keer per week bij u thuis. U drinkt samen koffie en \
praat over van alles. Of u doet samen een spelletje.</p>
<p>Priya en Henk brengen u met elkaar in contact. Bij het eerste bezoek is een \
van hen erbij.</p>""",
        audiences=("older-people", "everyone"),
        partner=WELZIJN.name,
        contact=("s-gravenland", "Priya Ramdin"),
        is_open=False,
        closed_message=(
            "Er wachten nu meer mensen op een koffiemaatje dan er maatjes zijn. "
            "Daarom kunt u zich even niet aanmelden. Wilt u zelf koffiemaatje "
            "worden? Bel dan het wijkplatform: 010-458 64 50. Dan helpt u iemand "
            "die al wacht."
        ),
    ),
    BuddyProjectData(
        title="Jongerenmaatje Capelle",
        slug="jongerenmaatje",
        wop=None,
        intro=(
            "Voor jongeren van 12 tot 24 jaar. Voel je je soms alleen, op school of "
            "thuis? Een jongerenmaatje is iemand van net iets ouder. Jullie spreken "
            "af en doen samen iets leuks."
        ),
        body="""\
<h2>Hoe werkt het?</h2>
<ul>
<li>Je meldt je aan. Dat mag ook samen met je ouder, een docent of een \
jongerenwerker.</li>
<li>Samira van het jongerenwerk belt je voor een kennismaking.</li>
<li>Je krijgt een maatje van 18 tot 30 jaar. Jullie spreken een half jaar lang \
om de week af.</li>
<li>Wat jullie doen, kiezen jullie samen. Sporten, gamen, naar de film of een \
rondje lopen.</li>
</ul>
<p>Het is gratis. Wat je vertelt, blijft tussen jou en je maatje. Ben je jonger \
dan 16? Dan vragen we ook toestemming aan je ouder of verzorger.</p>
<h2>Maatje worden?</h2>
<p>Ben je tussen de 18 en 30 jaar? En wil je iets betekenen voor een jongere? \
Meld je dan aan als maatje.</p>""",
        audiences=("young-people",),
        partner=WELZIJN.name,
        contact=("middelwatering", "Samira Bouzid"),
    ),
    BuddyProjectData(
        title="Na het verlies",
        slug="na-het-verlies",
        wop=None,
        intro=(
            "Is uw partner overleden, of bent u gescheiden? Dan kan het thuis ineens "
            "stil zijn. Bij Na het verlies ontmoet u iemand die dat ook heeft "
            "meegemaakt."
        ),
        body="""\
<p>Een maatje van Humanitas heeft zelf ook een partner verloren, of is zelf \
gescheiden. U spreekt af wanneer het u uitkomt: bij u thuis, tijdens een \
wandeling of ergens in de stad. U hoeft niets. Praten mag, stil zijn ook.</p>
<p>Elke tweede donderdag van de maand is er een inloopochtend in Huis van de \
Wijk 's-Gravenland. Daar ontmoet u anderen die hetzelfde meemaken.</p>""",
        audiences=("widowed-divorced",),
        partner=HUMANITAS.name,
        contact=("s-gravenland", "Priya Ramdin"),
    ),
)

# The persona at the heart of the demo: not digital, registered by phone by
# the Schollevaar volunteer, waiting for a chess buddy. Truus (below) plays
# chess and has time on the same afternoons.
HANS = BuddySignupData(
    project="maatje-in-schollevaar",
    name="Hans Vermeulen",
    role="seeker",
    street="Tureluur",
    house_number="17",
    postcode="2907KD",
    phone="010-450 38 12",
    contact_preference="phone",
    interests=("chess",),
    availability=("tue_afternoon", "thu_afternoon", "sat_morning"),
    meeting_needs=(
        "Loopt met een rollator; liefst afspreken bij hem thuis of in het buurthuis."
    ),
    message=(
        "Meneer Vermeulen is 82. Zijn vrouw is vorig jaar overleden. Hij schaakte "
        "vroeger bij een club en wil graag weer een partijtje spelen. Heeft geen "
        "computer; liever bellen na 10 uur."
    ),
    consent_method="verbal",
    days_ago=2,
)

HANS_SUMMARY = "82, chess, rollator, phone only"

BUDDY_SIGNUPS = (
    # Schollevaar
    HANS,
    BuddySignupData(
        project="maatje-in-schollevaar",
        name="Truus van der Linden",
        role="buddy",
        street="Grutto",
        house_number="24",
        postcode="2907KG",
        email="truus.vanderlinden@example.com",
        phone="06-2184 7731",
        interests=("chess", "walking", "cooking"),
        availability=("tue_afternoon", "thu_afternoon", "thu_evening"),
        languages=("nl", "en"),
        message=(
            "Mijn kinderen zijn het huis uit. Nu heb ik tijd over en wil ik iets "
            "doen voor iemand in de buurt. Ik schaak een beetje."
        ),
        status="contacted",
        days_ago=12,
    ),
    BuddySignupData(
        project="maatje-in-schollevaar",
        name="Annie Groenewegen",
        role="seeker",
        street="Reigerhof",
        house_number="9",
        postcode="2906RB",
        phone="010-450 71 09",
        interests=("walking", "going_out"),
        availability=("mon_morning", "wed_morning", "fri_morning"),
        meeting_needs="Ziet slecht. Wandelt graag, maar niet alleen.",
        message="Mevrouw is 78 en woont alleen sinds haar zus is verhuisd.",
        status="contacted",
        consent_method="verbal",
        days_ago=70,
    ),
    BuddySignupData(
        project="maatje-in-schollevaar",
        name="Youssef Amrani",
        role="buddy",
        street="Dotterbloemstraat",
        house_number="31",
        postcode="2906DB",
        email="youssef.amrani@example.com",
        phone="06-2345 6789",
        contact_preference="email",
        interests=("walking", "going_out", "animals"),
        availability=("mon_morning", "fri_morning", "sat_morning"),
        languages=("nl", "ar"),
        message="Ik werk vier dagen. Op vrijdag ben ik vrij en wandel ik graag.",
        status="contacted",
        days_ago=65,
    ),
    # Oostgaarde
    BuddySignupData(
        project="samen-op-stap",
        name="Zeynep Aydın",
        role="seeker",
        street="Koperwiek",
        house_number="112",
        postcode="2903PC",
        phone="06-4123 8870",
        contact_preference="visit",
        interests=("walking", "cooking", "crafts"),
        availability=("wed_morning", "sat_morning"),
        languages=("tr", "nl"),
        meeting_needs=(
            "Zorgt thuis voor haar man. Kan weg als haar dochter er is: woensdag- "
            "en zaterdagochtend. Spreekt een beetje Nederlands; Turks gaat "
            "makkelijker."
        ),
        message=(
            "Mevrouw is 70. Ze wil graag naar de markt en thee drinken met iemand. "
            "Ze wil ook beter Nederlands leren. Formulier samen ingevuld bij de "
            "koffie-inloop."
        ),
        status="contacted",
        consent_method="paper",
        days_ago=90,
    ),
    BuddySignupData(
        project="samen-op-stap",
        name="Ayşe Kaya",
        role="buddy",
        street="Kramsvogel",
        house_number="8",
        postcode="2903PE",
        email="ayse.kaya@example.com",
        phone="06-1876 5432",
        interests=("walking", "cooking"),
        availability=("wed_morning", "sat_morning", "sat_afternoon"),
        languages=("nl", "tr"),
        message="Ik heb zelf voor mijn moeder gezorgd. Ik weet hoe zwaar dat is.",
        status="contacted",
        days_ago=80,
    ),
    BuddySignupData(
        project="samen-op-stap",
        name="Cor Willemsen",
        role="seeker",
        street="Lijsterbesstraat",
        house_number="5",
        postcode="2903PK",
        phone="010-451 22 80",
        interests=("going_out", "music"),
        availability=("tue_afternoon", "fri_afternoon"),
        meeting_needs="Gebruikt een rolstoel; het maatje moet kunnen duwen.",
        message="Meneer is 84 en houdt van het smartlappenkoor en de haven.",
        status="contacted",
        consent_method="paper",
        days_ago=200,
    ),
    BuddySignupData(
        project="samen-op-stap",
        name="Jeroen Smits",
        role="buddy",
        street="Vlierstraat",
        house_number="19",
        postcode="2904AV",
        email="jeroen.smits@example.com",
        phone="06-5012 3344",
        contact_preference="email",
        interests=("going_out", "music"),
        availability=("tue_afternoon", "sat_afternoon"),
        status="contacted",
        days_ago=190,
    ),
    BuddySignupData(
        project="samen-op-stap",
        name="Lisa Verhoef",
        role="buddy",
        street="Koperwiek",
        house_number="44",
        postcode="2903PB",
        email="lisa.verhoef@example.com",
        contact_preference="email",
        interests=("crafts",),
        availability=("thu_evening",),
        status="withdrawn",  # she found a job; withdrew and is anonymised
        days_ago=30,
    ),
    # Middelwatering
    BuddySignupData(
        project="taalmaatjes",
        name="Yonas Tesfay",
        role="seeker",
        street="Sperwerhoven",
        house_number="63",
        postcode="2903ME",
        email="yonas.tesfay@example.com",
        phone="06-3456 7812",
        interests=("language", "walking"),
        availability=("mon_evening", "wed_evening", "sat_afternoon"),
        languages=("ti", "en"),
        message=(
            "Ik ben 37 en woon twee jaar in Capelle. Ik volg een taalcursus (A2). "
            "Ik wil meer Nederlands praten met mensen uit de buurt. Overdag werk "
            "ik."
        ),
        days_ago=3,
    ),
    BuddySignupData(
        project="taalmaatjes",
        name="Marleen Bos",
        role="buddy",
        street="Slotlaan",
        house_number="88",
        postcode="2902AL",
        email="marleen.bos@example.com",
        phone="06-1290 4417",
        interests=("language", "walking", "going_out"),
        availability=("mon_evening", "wed_afternoon", "wed_evening"),
        languages=("nl", "en", "other"),
        languages_other="Frans",
        message="Ik was lerares op een basisschool. Ik help graag met Nederlands.",
        status="contacted",
        days_ago=20,
    ),
    BuddySignupData(
        project="taalmaatjes",
        name="Katarzyna Nowak",
        role="seeker",
        street="Valkenhoven",
        house_number="12",
        postcode="2903MB",
        email="katarzyna.nowak@example.com",
        contact_preference="email",
        interests=("language", "going_out", "music"),
        availability=("tue_evening", "sun_afternoon"),
        languages=("pl", "en"),
        message=(
            "Ik woon sinds vorig jaar in Capelle en werk in een magazijn. Ik wil "
            "Nederlands praten en mensen leren kennen."
        ),
        status="contacted",
        days_ago=25,
    ),
    # 's-Gravenland (project now closed; she signed up before)
    BuddySignupData(
        project="koffiemaatjes",
        name="Riet Jacobs",
        role="seeker",
        street="Patrijzenlaan",
        house_number="3",
        postcode="2905AE",
        phone="010-442 16 54",
        interests=("crafts", "music"),
        availability=("mon_afternoon", "thu_afternoon"),
        meeting_needs="Hoort slecht. Liefst bij haar thuis, in een rustige kamer.",
        message="Mevrouw is 85. Haar dochter woont in Groningen en komt niet vaak.",
        status="contacted",
        consent_method="verbal",
        days_ago=40,
    ),
    # City-wide: each sign-up goes to the WOP of its postcode.
    BuddySignupData(
        project="jongerenmaatje",
        name="Nick van den Berg",
        role="seeker",
        street="Valkenhoven",
        house_number="40",
        postcode="2903MC",
        email="nick.vandenberg@example.com",
        phone="06-4711 0923",
        contact_preference="email",
        interests=("music", "going_out"),
        interests_other="gamen, basketbal",
        availability=("wed_afternoon", "fri_evening", "sat_afternoon"),
        languages=("nl", "en"),
        message=(
            "Ik ben 16 en zit in 4 havo. Op school ken ik niet veel mensen en ik ben "
            "vaak thuis. Misschien is een maatje wel leuk."
        ),
        days_ago=1,
    ),
    BuddySignupData(
        project="jongerenmaatje",
        name="Daan Visser",
        role="buddy",
        street="Boterbloemstraat",
        house_number="7",
        postcode="2906BC",
        email="daan.visser@example.com",
        phone="06-3380 1256",
        contact_preference="email",
        interests=("music", "going_out", "walking"),
        interests_other="basketbal",
        availability=("wed_afternoon", "fri_evening", "sat_afternoon"),
        languages=("nl", "en"),
        message=(
            "Ik ben 22 en studeer in Rotterdam. Toen ik 15 was, had ik zelf een "
            "maatje. Dat heeft mij erg geholpen."
        ),
        status="contacted",
        days_ago=15,
    ),
    BuddySignupData(
        project="na-het-verlies",
        name="Marianne Koster",
        role="seeker",
        street="Fazantlaan",
        house_number="27",
        postcode="2905AD",
        email="marianne.koster@example.com",
        phone="010-442 90 31",
        interests=("walking", "gardening"),
        availability=("tue_morning", "thu_morning"),
        message=(
            "Mijn man is dit voorjaar overleden. De dagen zijn lang. Ik wil graag "
            "iemand spreken die weet hoe dat is."
        ),
        days_ago=5,
    ),
    # Added for the volunteers' dashboard: in every WOP something to do.
    # Oostgaarde: a new sign-up taken on the phone, and a pair matched seven
    # weeks ago whose follow-up is due.
    BuddySignupData(
        project="samen-op-stap",
        name="Gerrit Hoogendoorn",
        role="seeker",
        street="Vlierstraat",
        house_number="27",
        postcode="2904AD",
        phone="010-450 77 31",
        interests=("walking", "going_out"),
        availability=("tue_morning", "thu_morning"),
        meeting_needs="Loopt met een stok. Korte stukjes gaan goed.",
        message="Meneer is 79. Sinds zijn vrouw overleed komt hij weinig buiten.",
        consent_method="verbal",
        days_ago=1,
    ),
    BuddySignupData(
        project="samen-op-stap",
        name="Wil Bakker",
        role="seeker",
        street="Koperwiek",
        house_number="64",
        postcode="2903PD",
        phone="010-450 31 08",
        interests=("walking", "crafts"),
        availability=("mon_afternoon", "wed_afternoon"),
        status="contacted",
        consent_method="paper",
        days_ago=60,
    ),
    BuddySignupData(
        project="samen-op-stap",
        name="Mohamed El Idrissi",
        role="buddy",
        street="Kramsvogel",
        house_number="21",
        postcode="2903PE",
        email="mohamed.elidrissi@example.com",
        interests=("walking",),
        availability=("mon_afternoon", "wed_afternoon", "sat_morning"),
        languages=("nl", "ar"),
        status="contacted",
        days_ago=55,
    ),
    # Middelwatering: a language pair matched six weeks ago.
    BuddySignupData(
        project="taalmaatjes",
        name="Olena Kovalenko",
        role="seeker",
        street="Merelhoven",
        house_number="19",
        postcode="2903AK",
        email="olena.kovalenko@example.com",
        interests=("language", "cooking"),
        availability=("tue_evening", "thu_evening"),
        languages=("en", "other"),
        languages_other="Oekraïens",
        status="contacted",
        days_ago=58,
    ),
    BuddySignupData(
        project="taalmaatjes",
        name="Gerda Vos",
        role="buddy",
        street="Slotlaan",
        house_number="44",
        postcode="2902AL",
        phone="06-2233 4455",
        interests=("language", "cooking"),
        availability=("tue_evening",),
        status="contacted",
        days_ago=50,
    ),
    # 's-Gravenland: a pair from before the project closed, follow-up due.
    BuddySignupData(
        project="koffiemaatjes",
        name="Jan de Wit",
        role="seeker",
        street="Fazantlaan",
        house_number="12",
        postcode="2905AB",
        phone="010-442 50 19",
        interests=("music",),
        availability=("wed_morning",),
        status="contacted",
        consent_method="verbal",
        days_ago=70,
    ),
    BuddySignupData(
        project="koffiemaatjes",
        name="Bep van Rijn",
        role="buddy",
        street="Kerkweg",
        house_number="8",
        postcode="2905AD",
        phone="06-7788 9900",
        interests=("music", "crafts"),
        availability=("wed_morning", "fri_morning"),
        status="contacted",
        days_ago=65,
    ),
)

BUDDY_MATCHES = (
    # Started seven weeks ago: its six-week follow-up is overdue, so it shows
    # on the coordinator's dashboard.
    BuddyMatchData(
        project="maatje-in-schollevaar",
        seeker="Annie Groenewegen",
        buddy="Youssef Amrani",
        weeks_ago=7,
    ),
    # Followed up once: going well, next follow-up in six weeks.
    BuddyMatchData(
        project="samen-op-stap",
        seeker="Zeynep Aydın",
        buddy="Ayşe Kaya",
        weeks_ago=9,
        follow_up=(
            "going_well",
            "Zeynep en Ayşe gaan elke zaterdagochtend samen naar de markt op het "
            "Slotplein. Zeynep oefent haar Nederlands; Ayşe helpt in het Turks als "
            "dat nodig is. Allebei willen ze doorgaan.",
        ),
    ),
    # Ended after a good half year.
    BuddyMatchData(
        project="samen-op-stap",
        seeker="Cor Willemsen",
        buddy="Jeroen Smits",
        weeks_ago=26,
        follow_up=(
            "ended",
            "Meneer Willemsen is verhuisd naar een verpleeghuis in Rotterdam. "
            "Jeroen zoekt hem daar af en toe nog op.",
        ),
    ),
    # For the dashboards of Oostgaarde, Middelwatering and 's-Gravenland:
    # six weeks or more ago, never followed up, so the follow-up is due.
    BuddyMatchData(
        project="samen-op-stap",
        seeker="Wil Bakker",
        buddy="Mohamed El Idrissi",
        weeks_ago=7,
    ),
    BuddyMatchData(
        project="taalmaatjes",
        seeker="Olena Kovalenko",
        buddy="Gerda Vos",
        weeks_ago=6,
    ),
    BuddyMatchData(
        project="koffiemaatjes",
        seeker="Jan de Wit",
        buddy="Bep van Rijn",
        weeks_ago=8,
    ),
)


# Meeting activities: a calendar per WOP and a city-wide one.
#
# Dates are relative to the day the seed first runs: a repeating activity
# starts on the first day of that month and runs ``months`` months, a one-off
# is ``starts_in_days`` after that day. Once created, the seed leaves an
# activity's schedule alone, so a second run (on any day) changes nothing.

EVENT_INDEX_TITLE = "Activiteiten"
EVENT_INDEX_SLUG = "activiteiten"
EVENT_INDEX_INTRO = (
    "Wat is er te doen in de wijk? Kom gerust eens kijken. U hoeft niemand te "
    "kennen, en meestal hoeft u zich niet aan te melden."
)
CITY_CALENDAR_TITLE = "Agenda"
CITY_CALENDAR_SLUG = "agenda"
CITY_CALENDAR_INTRO = (
    "Alle activiteiten in de wijken van Capelle op een rij. Zoek op dag, op wijk "
    "of op wat u leuk vindt."
)


@dataclass(frozen=True)
class EventData:
    wop: str | None  # a WOP's slug; None: city-wide, on the "Agenda"
    title: str
    slug: str
    description: str
    place_name: str
    place_address: str
    start_time: str  # "10:00"
    end_time: str
    kind: str = "group"  # "group", "one_to_one" or "course"
    audiences: tuple[str, ...] = ("everyone",)  # Audience slugs
    organiser: str | None = None  # a PartnerData name
    cost: str | None = None  # euros, "3.50"; None: free
    wheelchair_access: bool = False
    hearing_loop: bool = False
    accessible_toilet: bool = False
    signup_required: bool = False
    capacity: int | None = None
    max_people_per_signup: int = 4
    repeat: str = "once"  # "once", "weekly" or "monthly"
    weekdays: tuple[int, ...] = ()  # weekly: 0 is Monday
    monthly_week: int | None = None  # monthly: 1 first ... -1 last
    monthly_weekday: int | None = None
    months: int = 3  # repeating: how many months, counting the first
    starts_in_days: int = 0  # one-off
    # A date it does not take place: the first date at least this many days
    # after the first run, with the reason.
    skip_after_days: int | None = None
    skip_reason: str = ""


PIJLER = ("Huis van de Wijk De Pijler", "Kievitlaan 2, 2907 KA Capelle aan den IJssel")
HVDW_OOSTGAARDE = (
    "Huis van de Wijk Oostgaarde",
    "Koperwiek 50, 2903 PB Capelle aan den IJssel",
)
HVDW_MIDDELWATERING = (
    "Huis van de Wijk Middelwatering",
    "Slotlaan 20, 2902 AK Capelle aan den IJssel",
)
HVDW_S_GRAVENLAND = (
    "Huis van de Wijk 's-Gravenland",
    "Fazantlaan 4, 2905 AC Capelle aan den IJssel",
)

# The activity with sign-up whose RSVPs the demo seeds.
MEAL = ("schollevaar", "samen-eten")

EVENTS = (
    # Schollevaar
    EventData(
        wop="schollevaar",
        title="Koffieochtend",
        slug="koffieochtend",
        description="""\
<p>Elke woensdagochtend staat de koffie klaar in De Pijler. Kom binnen voor een \
kop koffie of thee en een praatje. U hoeft niemand te kennen: een vrijwilliger \
ontvangt u en stelt u voor aan de anderen.</p>
<p>Ingrid van Welzijn Capelle is er ook. Bij haar kunt u terecht met vragen over \
de wijk.</p>""",
        place_name=PIJLER[0],
        place_address=PIJLER[1],
        start_time="10:00",
        end_time="11:30",
        audiences=("everyone", "older-people"),
        organiser=WELZIJN.name,
        wheelchair_access=True,
        hearing_loop=True,
        accessible_toilet=True,
        repeat="weekly",
        weekdays=(2,),
        skip_after_days=7,
        skip_reason="De Pijler is dicht: de grote schoonmaak.",
    ),
    EventData(
        wop="schollevaar",
        title="Samen eten",
        slug="samen-eten",
        description="""\
<p>Elke donderdag koken vrijwilligers een warme maaltijd in De Pijler. U eet \
samen met buren aan lange tafels. Er is altijd een vegetarische keuze, en het \
vlees is halal.</p>
<p>Meld u aan, want er zijn 12 plaatsen. Is het vol? Dan komt u op de \
wachtlijst. Meldt iemand zich af, dan krijgt u bericht.</p>""",
        place_name=PIJLER[0],
        place_address=PIJLER[1],
        start_time="17:30",
        end_time="19:30",
        audiences=("everyone", "older-people", "widowed-divorced"),
        organiser=HUMANITAS.name,
        cost="5.00",
        wheelchair_access=True,
        accessible_toilet=True,
        signup_required=True,
        capacity=12,
        max_people_per_signup=4,
        repeat="weekly",
        weekdays=(3,),
    ),
    EventData(
        wop="schollevaar",
        title="Taalcafé",
        slug="taalcafe",
        description="""\
<p>Wilt u beter Nederlands leren spreken? In het Taalcafé oefent u met buren \
en vrijwilligers. We praten over gewone dingen: de buurt, de school, het \
weer. Iedereen mag meedoen, welk niveau u ook heeft.</p>
<p>Kinderen mogen mee. Er is koffie, thee en iets lekkers.</p>""",
        place_name=PIJLER[0],
        place_address=PIJLER[1],
        start_time="19:00",
        end_time="20:30",
        kind="course",
        audiences=("newcomers",),
        organiser=HUMANITAS.name,
        wheelchair_access=True,
        repeat="weekly",
        weekdays=(1,),
    ),
    EventData(
        wop="schollevaar",
        title="Burenavond in De Pijler",
        slug="burenavond",
        description="""\
<p>Het wijkplatform nodigt alle buren uit voor een gezellige avond in De Pijler. \
Met een \
drankje, hapjes uit alle keukens van de wijk en muziek. Neem gerust iets \
lekkers mee om te delen, maar het hoeft niet.</p>
<p>Kom ook als u nog niemand kent. Bij de deur staat iemand van het wijkplatform die u \
wegwijs maakt.</p>""",
        place_name=PIJLER[0],
        place_address=PIJLER[1],
        start_time="19:30",
        end_time="22:00",
        audiences=("everyone", "families"),
        organiser=WELZIJN.name,
        wheelchair_access=True,
        hearing_loop=True,
        accessible_toilet=True,
        starts_in_days=9,
    ),
    # Oostgaarde
    EventData(
        wop="oostgaarde",
        title="Open tafel",
        slug="open-tafel",
        description="""\
<p>Op vrijdagmiddag eet u samen met anderen in het Huis van de Wijk. Els en \
haar team koken soep en een broodmaaltijd. Voor een kleine prijs, en u hoeft \
niet alleen te eten.</p>
<p>Meld u aan bij het Huis van de Wijk of hier op de site. Dan weten we hoeveel \
we moeten koken.</p>""",
        place_name=HVDW_OOSTGAARDE[0],
        place_address=HVDW_OOSTGAARDE[1],
        start_time="12:30",
        end_time="14:00",
        audiences=("older-people", "everyone"),
        organiser=WELZIJN.name,
        cost="3.50",
        wheelchair_access=True,
        hearing_loop=True,
        accessible_toilet=True,
        signup_required=True,
        capacity=20,
        max_people_per_signup=2,
        repeat="weekly",
        weekdays=(4,),
    ),
    EventData(
        wop="oostgaarde",
        title="Wandelgroep",
        slug="wandelgroep",
        description="""\
<p>Elke maandag lopen we samen een rondje van een uur langs de Hollandsche \
IJssel. Rustig tempo: met een rollator kunt u ook mee. Onderweg is er tijd \
voor een praatje en na afloop drinken we koffie.</p>""",
        place_name=HVDW_OOSTGAARDE[0],
        place_address=HVDW_OOSTGAARDE[1],
        start_time="10:00",
        end_time="11:00",
        audiences=("older-people", "everyone"),
        organiser=WELZIJN.name,
        wheelchair_access=True,
        repeat="weekly",
        weekdays=(0,),
    ),
    EventData(
        wop="oostgaarde",
        title="Appeltaart in de Vlierstraat",
        slug="appeltaart-vlierstraat",
        description="""\
<p>Elke laatste zaterdag van de maand bakt Els een appeltaart. We eten hem \
samen op, buiten in de Vlierstraat of bij slecht weer bij Els thuis. Iedereen \
uit de buurt is welkom.</p>""",
        place_name="Vlierstraat",
        place_address="Vlierstraat, 2903 Capelle aan den IJssel",
        start_time="15:00",
        end_time="16:30",
        audiences=("everyone",),
        repeat="monthly",
        monthly_week=-1,
        monthly_weekday=5,
    ),
    # Middelwatering
    EventData(
        wop="middelwatering",
        title="Schaakmiddag",
        slug="schaakmiddag",
        description="""\
<p>Elke eerste woensdag van de maand schaken we in het Huis van de Wijk. \
Beginners en oude rotten spelen door elkaar. Geen bord thuis? Wij hebben er \
genoeg.</p>
<p>Zoekt u iemand om vaker mee te schaken? Vraag het Wim. Hij helpt u een \
schaakmaatje te vinden.</p>""",
        place_name=HVDW_MIDDELWATERING[0],
        place_address=HVDW_MIDDELWATERING[1],
        start_time="14:00",
        end_time="16:30",
        audiences=("everyone", "older-people"),
        organiser=HUMANITAS.name,
        hearing_loop=True,
        accessible_toilet=True,
        repeat="monthly",
        monthly_week=1,
        monthly_weekday=2,
    ),
    EventData(
        wop="middelwatering",
        title="Jongerenavond",
        slug="jongerenavond",
        description="""\
<p>Voor jongeren van 12 tot 18 jaar. Chillen, gamen, tafeltennissen of gewoon \
praten. Samira van het jongerenwerk is er altijd. Neem gerust een vriend mee, \
of kom alleen: je bent welkom.</p>""",
        place_name="Jongerencentrum Middelwatering",
        place_address="Slotlaan 22, 2902 AK Capelle aan den IJssel",
        start_time="19:00",
        end_time="21:30",
        audiences=("young-people",),
        organiser=WELZIJN.name,
        wheelchair_access=True,
        repeat="weekly",
        weekdays=(1, 3),
    ),
    EventData(
        wop="middelwatering",
        title="Spelletjesmiddag",
        slug="spelletjesmiddag",
        description="""\
<p>In de recreatiezaal van de seniorenflat spelen we sjoelen, rummikub en \
klaverjassen. Buren van buiten de flat zijn ook welkom. Koffie en thee staan \
klaar.</p>""",
        place_name="Recreatiezaal seniorenflat Merelhoven",
        place_address="Merelhoven 100, 2902 Capelle aan den IJssel",
        start_time="14:00",
        end_time="16:30",
        audiences=("older-people",),
        wheelchair_access=True,
        accessible_toilet=True,
        repeat="weekly",
        weekdays=(0,),
    ),
    # 's-Gravenland
    EventData(
        wop="s-gravenland",
        title="Buurtwandeling",
        slug="buurtwandeling",
        description="""\
<p>Elke eerste zondag van de maand wandelen we samen een rondje door de wijk, \
langs de vijvers en de lanen. We starten om 11.00 uur bij de speeltuin aan de \
Fazantlaan. Henk loopt voorop. Na afloop is er koffie in het Huis van de \
Wijk.</p>""",
        place_name="Speeltuin Fazantlaan",
        place_address="Fazantlaan, 2905 Capelle aan den IJssel",
        start_time="11:00",
        end_time="12:30",
        audiences=("everyone", "families"),
        repeat="monthly",
        monthly_week=1,
        monthly_weekday=6,
    ),
    EventData(
        wop="s-gravenland",
        title="Koffie voor ouders",
        slug="koffie-voor-ouders",
        description="""\
<p>Na het brengen naar school: koffie met andere ouders en grootouders. De \
kleintjes spelen in de speelhoek. Nieuw in de wijk? Hier leert u snel andere \
ouders kennen.</p>""",
        place_name=HVDW_S_GRAVENLAND[0],
        place_address=HVDW_S_GRAVENLAND[1],
        start_time="08:45",
        end_time="10:00",
        audiences=("families", "newcomers"),
        organiser=WELZIJN.name,
        wheelchair_access=True,
        accessible_toilet=True,
        repeat="weekly",
        weekdays=(3,),
    ),
    EventData(
        wop="s-gravenland",
        title="Welkomstavond voor nieuwe bewoners",
        slug="welkomstavond",
        description="""\
<p>Woont u nog niet zo lang in 's-Gravenland? Kom kennismaken met buren, het \
wijkplatform en de mensen van het Huis van de Wijk. U hoort wat er in de wijk te doen \
is, en u krijgt uw ontmoetingspakket.</p>
<p>Meld u aan, dan weten we hoeveel koffie en hapjes we klaarzetten.</p>""",
        place_name=HVDW_S_GRAVENLAND[0],
        place_address=HVDW_S_GRAVENLAND[1],
        start_time="19:30",
        end_time="21:00",
        audiences=("newcomers", "families"),
        organiser=WELZIJN.name,
        wheelchair_access=True,
        hearing_loop=True,
        accessible_toilet=True,
        signup_required=True,
        capacity=30,
        starts_in_days=12,
    ),
    # One-off activities with sign-up a few days after the first run, so
    # each WOP's volunteer has sign-ups this week (see ``WEEK_RSVPS``).
    EventData(
        wop="oostgaarde",
        title="Burenlunch",
        slug="burenlunch",
        description="""\
<p>Soep, brood en een praatje met uw buren. Iedereen neemt iets kleins mee, \
of niets: er is genoeg.</p>
<p>Meld u aan, dan weten we hoeveel borden we neerzetten.</p>""",
        place_name=HVDW_OOSTGAARDE[0],
        place_address=HVDW_OOSTGAARDE[1],
        start_time="12:00",
        end_time="13:30",
        audiences=("everyone",),
        wheelchair_access=True,
        accessible_toilet=True,
        signup_required=True,
        capacity=16,
        starts_in_days=2,
    ),
    EventData(
        wop="middelwatering",
        title="Samen koken",
        slug="samen-koken",
        description="""\
<p>We koken samen een gerecht uit een van de landen van de deelnemers, en \
eten het daarna samen op.</p>""",
        place_name=HVDW_MIDDELWATERING[0],
        place_address=HVDW_MIDDELWATERING[1],
        start_time="17:00",
        end_time="19:30",
        audiences=("everyone", "newcomers"),
        cost="3.00",
        signup_required=True,
        capacity=10,
        starts_in_days=3,
    ),
    EventData(
        wop="s-gravenland",
        title="Burenborrel",
        slug="burenborrel",
        description="""\
<p>Een drankje en een hapje met de buren uit de wijk. Nieuw in de wijk? Dan \
bent u extra welkom.</p>""",
        place_name=HVDW_S_GRAVENLAND[0],
        place_address=HVDW_S_GRAVENLAND[1],
        start_time="16:00",
        end_time="18:00",
        audiences=("everyone",),
        wheelchair_access=True,
        signup_required=True,
        capacity=30,
        starts_in_days=1,
    ),
    # City-wide
    EventData(
        wop=None,
        title="Ontmoetingsmarkt: kom kennismaken",
        slug="ontmoetingsmarkt",
        description="""\
<p>Alle wijkplatforms, Welzijn Capelle, Humanitas en nog veel meer clubs staan met een \
kraam op het Stadsplein. Kom kijken wat er bij u in de buurt te doen is, meld \
u aan als maatje of haal een zwaaitegel op.</p>""",
        place_name="Stadsplein",
        place_address="Stadsplein, 2903 HA Capelle aan den IJssel",
        start_time="11:00",
        end_time="16:00",
        audiences=("everyone",),
        organiser=WELZIJN.name,
        wheelchair_access=True,
        accessible_toilet=True,
        starts_in_days=16,
    ),
)


@dataclass(frozen=True)
class RSVPData:
    name: str
    postcode: str  # six characters, as stored
    people: int = 1
    phone: str = ""
    email: str = ""
    # "online": by the resident; "verbal" or "paper": by the WOP's volunteer.
    consent_method: str = "online"
    # Cancels once everyone signed up, so the first on the waiting list who
    # fits moves up (without an e-mail address: to be called).
    cancels: bool = False


# The next "Samen eten" (12 places): full, with a waiting list. Bep cancels;
# Hans moves up and has to be called, Yonas (two people) does not fit.
MEAL_FULL_DATE = (
    RSVPData(
        name="Truus Verbeek",
        postcode="2907KB",
        email="truus.verbeek@example.com",
    ),
    RSVPData(
        name="Gerard en Ria Pronk",
        postcode="2906PA",
        people=2,
        phone="010-450 22 81",
        consent_method="verbal",
    ),
    RSVPData(
        name="Patricia Wolters",
        postcode="2907LD",
        people=3,
        email="patricia.wolters@example.com",
        phone="06-4120 9981",
    ),
    RSVPData(
        name="Zeynep Kaya",
        postcode="2906ZK",
        people=2,
        phone="06-3301 7745",
        consent_method="verbal",
    ),
    RSVPData(
        name="Bep Schouten",
        postcode="2907KD",
        phone="010-450 91 12",
        consent_method="paper",
        cancels=True,
    ),
    RSVPData(
        name="Mustafa Aydın",
        postcode="2906DB",
        email="mustafa.aydin@example.com",
    ),
    RSVPData(
        name="Joke en Wim Dekker",
        postcode="2906RA",
        people=2,
        email="joke.dekker@example.com",
    ),
    # The waiting list, in this order.
    RSVPData(
        name="Hans van Leeuwen",
        postcode="2907KG",
        phone="010-450 63 40",
        consent_method="verbal",
    ),
    RSVPData(
        name="Yonas Tesfay",
        postcode="2906TB",
        people=2,
        email="yonas.tesfay@example.com",
    ),
    RSVPData(
        name="Corrie Bos",
        postcode="2907KA",
        phone="010-450 17 55",
        consent_method="verbal",
    ),
)

# The "Samen eten" after that: a few places taken.
MEAL_NEXT_DATE = (
    RSVPData(
        name="Truus Verbeek",
        postcode="2907KB",
        email="truus.verbeek@example.com",
    ),
    RSVPData(
        name="Nel de Jong",
        postcode="2906NJ",
        phone="010-450 38 90",
        consent_method="verbal",
    ),
    RSVPData(
        name="Ahmed en Samira Rachidi",
        postcode="2907LB",
        people=2,
        email="ahmed.rachidi@example.com",
    ),
)


# Sign-ups this week for the one-off activities above, made once on their
# date: (WOP slug, activity slug) → who signed up.
WEEK_RSVPS = {
    ("oostgaarde", "burenlunch"): (
        RSVPData(
            name="Ria Pronk",
            postcode="2904AC",
            people=2,
            phone="010-450 66 12",
            consent_method="verbal",
        ),
        RSVPData(
            name="Samira Rachidi",
            postcode="2903PF",
            email="samira.rachidi@example.com",
        ),
    ),
    ("middelwatering", "samen-koken"): (
        RSVPData(
            name="Katarzyna Nowak",
            postcode="2903MB",
            email="katarzyna.nowak@example.com",
        ),
        RSVPData(
            name="Henk Smit",
            postcode="2902AM",
            phone="010-451 20 84",
            consent_method="paper",
        ),
    ),
    ("s-gravenland", "burenborrel"): (
        RSVPData(
            name="Anton Visser",
            postcode="2905AF",
            people=2,
            phone="010-442 33 71",
            consent_method="verbal",
        ),
    ),
}


# A change a volunteer made to a street page and sent to a coordinator for
# review (when the neighbourhood tree has a review workflow): (WOP slug,
# street slug, the page's body as the volunteer changed it).
REVIEW_DRAFT = (
    "schollevaar",
    "dotterbloemstraat",
    """\
<p>Elke woensdag van 10.00 tot 11.30 uur staat de koffie klaar in de tuin van \
Dotterbloemstraat 12. Regent het? Dan gaan we naar binnen. Iedereen uit de \
straat is welkom, ook als u maar even blijft.</p>
<p>Nieuw: op de eerste zaterdag van de maand ruimen we samen zwerfafval op. We \
beginnen om 10.00 uur bij nummer 12. Grijpers en zakken zijn er.</p>
<p>De straat heeft een lief-en-leedpot. Daarvan kopen we een bloemetje bij een \
geboorte, als iemand ziek is of bij een verhuizing. Wilt u iets bijdragen? Vraag \
het aan Anouk.</p>""",
)


# Neighbour actions: each WOP offers its own mix, with requests in every step.
#
# Requesters are made-up people, as above. The seed writes requests directly
# and takes their steps through the queue's service, so nobody is mailed: the
# one declined request has no e-mail address.


@dataclass(frozen=True)
class CardDesignData:
    name: str
    kind: str  # a CardKind value
    word: str  # drawn big on the front
    colour: str  # the front's background
    suggested_text: str = ""


@dataclass(frozen=True)
class ActionPageData:
    wop: str  # a WOP's slug
    kind: str  # "card", "treat" or "wave_tile"
    title: str
    slug: str
    intro: str
    body: str
    monthly_limit: int = 10  # treats only
    treats: tuple[tuple[str, str], ...] = ()  # (name, description)


@dataclass(frozen=True)
class ActionRequestData:
    wop: str
    kind: str
    status: str  # an ActionStatus value
    name: str = ""  # empty only for an anonymous card
    phone: str = ""
    email: str = ""
    # The requester's own address (a wave tile lies here).
    street: str = ""
    house_number: str = ""
    postcode: str = ""  # six characters, as stored
    card_design: str = ""  # a CardDesignData name
    message: str = ""
    anonymous: bool = False
    delivery: str = ""  # cards: "volunteer" or "self"
    recipient_street: str = ""
    recipient_house_number: str = ""
    recipient_postcode: str = ""
    treat: str = ""
    treat_for: str = ""
    decline_reason: str = ""
    consent_method: str = "online"
    days_ago: int = 0  # when the request came in
    handled_days_ago: int = 0  # done: when it was delivered or placed


ACTION_CONSENT_TEXT = (
    "Ik geef toestemming dat de vrijwilligers van het WOP mijn gegevens "
    "gebruiken om deze aanvraag uit te voeren. Zoals beschreven in de "
    "privacyverklaring."
)

CARD_DESIGNS = (
    CardDesignData(
        name="Bedankt!",
        kind="compliment",
        word="Bedankt!",
        colour="#f4a259",
        suggested_text="Dank je wel voor je hulp. Het was fijn!",
    ),
    CardDesignData(
        name="Welkom!",
        kind="welcome",
        word="Welkom!",
        colour="#5b8e7d",
        suggested_text="Welkom in de straat! Kom gerust een kopje koffie drinken.",
    ),
    CardDesignData(
        name="Beterschap",
        kind="get_well",
        word="Beterschap",
        colour="#8cb369",
        suggested_text="Veel beterschap! Kan ik iets voor je doen?",
    ),
    CardDesignData(
        name="Gefeliciteerd!",
        kind="birthday",
        word="Hoera!",
        colour="#bc4b51",
        suggested_text="Van harte gefeliciteerd met je verjaardag!",
    ),
)

CARD_BODY = """\
<p>Kies een kaart en schrijf er een paar woorden op. Een vrijwilliger uit \
de wijk brengt de kaart naar uw buur. U mag ook anoniem blijven: dan staat er \
‘Een buur’ onder.</p>
<p>Liever zelf brengen? Dan drukt u de kaart thuis af.</p>"""

TREAT_BODY = """\
<p>Kent u een buur die wel een opsteker kan gebruiken? Of wilt u samen met een \
buur iets lekkers eten? Vraag een traktatie aan. Een vrijwilliger brengt hem \
langs.</p>"""

TILE_BODY = """\
<p>Een zwaaitegel is een stoeptegel met een zwaaiend handje. Wie langsloopt, \
zwaait naar u. Zo maakt u makkelijk een praatje. Een vrijwilliger legt de \
tegel voor uw deur, gratis.</p>
<p>Er is één zwaaitegel per adres.</p>"""

TREATS = (
    ("Appeltaart", "Om samen op te eten"),
    ("Koekjes", "Een trommel zelfgebakken koekjes"),
    ("Bloemetje", "Een bosje bloemen van de markt"),
)

ACTION_PAGES = (
    ActionPageData(
        wop="schollevaar",
        kind="card",
        title="Stuur een kaartje",
        slug="kaartje",
        intro="Laat een buur weten dat u aan hem of haar denkt.",
        body=CARD_BODY,
    ),
    ActionPageData(
        wop="schollevaar",
        kind="wave_tile",
        title="Vraag een zwaaitegel aan",
        slug="zwaaitegel",
        intro="Een tegel voor uw deur die zegt: zwaai maar, ik zwaai terug.",
        body=TILE_BODY,
    ),
    ActionPageData(
        wop="oostgaarde",
        kind="treat",
        title="Trakteer een buur",
        slug="traktatie",
        intro="Een appeltaart of een bosje bloemen voor een buur.",
        body=TREAT_BODY,
        monthly_limit=3,
        treats=TREATS,
    ),
    ActionPageData(
        wop="oostgaarde",
        kind="card",
        title="Stuur een kaartje",
        slug="kaartje",
        intro="Een kaartje voor een buur: om te bedanken, te feliciteren of gewoon.",
        body=CARD_BODY,
    ),
    ActionPageData(
        wop="middelwatering",
        kind="wave_tile",
        title="Zwaaitegels in Middelwatering",
        slug="zwaaitegel",
        intro="Vraag een zwaaitegel aan voor uw eigen stoep.",
        body=TILE_BODY,
    ),
    ActionPageData(
        wop="s-gravenland",
        kind="treat",
        title="Iets lekkers voor een buur",
        slug="traktatie",
        intro="Wij brengen een traktatie naar een buur, of u eet hem samen op.",
        body=TREAT_BODY,
        monthly_limit=8,
        treats=TREATS[:2],
    ),
)

# Wave tiles in stock when the demo is first built; approving a request
# takes one.
TILE_STOCK = {"schollevaar": 10, "middelwatering": 6}

ACTION_REQUESTS = (
    # Schollevaar: cards and wave tiles.
    ActionRequestData(
        wop="schollevaar",
        kind="card",
        status="new",
        name="Truus Verbeek",
        email="truus.verbeek@example.com",
        card_design="Bedankt!",
        message="Lieve Annie, dank je wel voor de soep toen ik ziek was!",
        delivery="volunteer",
        recipient_street="Dotterbloemstraat",
        recipient_house_number="14",
        recipient_postcode="2907KB",
        days_ago=1,
    ),
    ActionRequestData(
        wop="schollevaar",
        kind="card",
        status="approved",
        anonymous=True,
        card_design="Beterschap",
        message="Veel beterschap! De hele straat denkt aan u.",
        delivery="volunteer",
        recipient_street="Reigerhof",
        recipient_house_number="8",
        recipient_postcode="2906RA",
        days_ago=3,
    ),
    ActionRequestData(
        wop="schollevaar",
        kind="card",
        status="approved",
        name="Patricia Wolters",
        email="patricia.wolters@example.com",
        card_design="Welkom!",
        message="Welkom in de Kievitlaan! Onze kinderen spelen graag buiten.",
        delivery="volunteer",
        recipient_street="Kievitlaan",
        recipient_house_number="31",
        recipient_postcode="2907KA",
        days_ago=2,
    ),
    ActionRequestData(
        wop="schollevaar",
        kind="card",
        status="printed",
        name="Nel de Jong",
        phone="010-450 38 90",
        card_design="Gefeliciteerd!",
        message="Gefeliciteerd met je 90ste, Bep!",
        delivery="volunteer",
        recipient_street="Boterbloemstraat",
        recipient_house_number="5",
        recipient_postcode="2907KD",
        consent_method="verbal",
        days_ago=5,
    ),
    ActionRequestData(
        wop="schollevaar",
        kind="card",
        status="done",
        name="Mustafa Aydın",
        email="mustafa.aydin@example.com",
        card_design="Welkom!",
        message="Welkom! Ik woon op nummer 7. Bel gerust aan.",
        delivery="self",
        recipient_street="Grutto",
        recipient_house_number="9",
        recipient_postcode="2906DB",
        days_ago=9,
    ),
    ActionRequestData(
        wop="schollevaar",
        kind="wave_tile",
        status="done",
        name="Joke Dekker",
        email="joke.dekker@example.com",
        street="Dotterbloemstraat",
        house_number="4",
        postcode="2907KB",
        days_ago=40,
        handled_days_ago=21,
    ),
    ActionRequestData(
        wop="schollevaar",
        kind="wave_tile",
        status="done",
        name="Gerard Pronk",
        phone="010-450 22 81",
        street="Dotterbloemstraat",
        house_number="9",
        postcode="2907KB",
        consent_method="verbal",
        days_ago=38,
        handled_days_ago=21,
    ),
    ActionRequestData(
        wop="schollevaar",
        kind="wave_tile",
        status="done",
        name="Corrie Bos",
        phone="010-450 17 55",
        street="Reigerhof",
        house_number="15",
        postcode="2906RA",
        days_ago=30,
        handled_days_ago=12,
    ),
    ActionRequestData(
        wop="schollevaar",
        kind="wave_tile",
        status="approved",
        name="Ahmed Rachidi",
        email="ahmed.rachidi@example.com",
        street="Kievitlaan",
        house_number="30",
        postcode="2907KA",
        days_ago=6,
    ),
    ActionRequestData(
        wop="schollevaar",
        kind="wave_tile",
        status="new",
        name="Wim Dekker",
        email="wim.dekker@example.com",
        street="Boterbloemstraat",
        house_number="22",
        postcode="2907KD",
        days_ago=1,
    ),
    ActionRequestData(
        wop="schollevaar",
        kind="wave_tile",
        status="declined",
        name="Hans van Leeuwen",
        phone="010-450 63 40",
        street="Zilverreigerpad",
        house_number="2",
        postcode="2906RB",
        decline_reason=(
            "Voor uw deur ligt een plantvak, geen stoep. Zullen we samen kijken "
            "naar een andere plek? Petra belt u."
        ),
        consent_method="verbal",
        days_ago=14,
    ),
    # Oostgaarde: treats and cards.
    ActionRequestData(
        wop="oostgaarde",
        kind="treat",
        status="new",
        name="Ria Pronk",
        email="ria.pronk@example.com",
        treat="Appeltaart",
        treat_for="together",
        recipient_street="Koperwiek",
        recipient_house_number="12",
        recipient_postcode="2903PB",
        days_ago=2,
    ),
    ActionRequestData(
        wop="oostgaarde",
        kind="treat",
        status="done",
        name="Samira Rachidi",
        email="samira.rachidi@example.com",
        treat="Bloemetje",
        treat_for="neighbour",
        recipient_street="Kramsvogel",
        recipient_house_number="3",
        recipient_postcode="2903PC",
        days_ago=10,
        handled_days_ago=7,
    ),
    ActionRequestData(
        wop="oostgaarde",
        kind="treat",
        status="waiting",
        name="Zeynep Kaya",
        phone="06-3301 7745",
        treat="Koekjes",
        treat_for="neighbour",
        recipient_street="Lijsterbesstraat",
        recipient_house_number="40",
        recipient_postcode="2903PD",
        consent_method="verbal",
        days_ago=1,
    ),
    ActionRequestData(
        wop="oostgaarde",
        kind="card",
        status="approved",
        name="Yonas Tesfay",
        email="yonas.tesfay@example.com",
        card_design="Bedankt!",
        message="Dank u voor de hulp met de taal. Yonas",
        delivery="volunteer",
        recipient_street="Vlierstraat",
        recipient_house_number="6",
        recipient_postcode="2903PE",
        days_ago=2,
    ),
    # Middelwatering: wave tiles.
    ActionRequestData(
        wop="middelwatering",
        kind="wave_tile",
        status="done",
        name="Kees van Dijk",
        phone="010-451 20 33",
        street="Slotplein",
        house_number="3",
        postcode="2902AK",
        days_ago=25,
        handled_days_ago=10,
    ),
    ActionRequestData(
        wop="middelwatering",
        kind="wave_tile",
        status="done",
        name="Fatma Yilmaz",
        email="fatma.yilmaz@example.com",
        street="Merelhoven",
        house_number="21",
        postcode="2903BC",
        days_ago=20,
        handled_days_ago=10,
    ),
    ActionRequestData(
        wop="middelwatering",
        kind="wave_tile",
        status="new",
        name="Henk Smit",
        phone="010-451 77 02",
        street="Valkenhoven",
        house_number="11",
        postcode="2903CD",
        days_ago=2,
    ),
    ActionRequestData(
        wop="middelwatering",
        kind="wave_tile",
        status="withdrawn",
        name="Els Mulder",
        email="els.mulder@example.com",
        street="Sperwerhoven",
        house_number="8",
        postcode="2903CE",
        days_ago=12,
    ),
    # 's-Gravenland: treats.
    ActionRequestData(
        wop="s-gravenland",
        kind="treat",
        status="approved",
        name="Truus Vermeulen",
        phone="010-452 11 90",
        treat="Appeltaart",
        treat_for="together",
        recipient_street="Kerkweg",
        recipient_house_number="17",
        recipient_postcode="2905AC",
        consent_method="paper",
        days_ago=4,
    ),
    ActionRequestData(
        wop="s-gravenland",
        kind="treat",
        status="new",
        name="Anton Visser",
        email="anton.visser@example.com",
        treat="Koekjes",
        treat_for="neighbour",
        recipient_street="Fazantlaan",
        recipient_house_number="2",
        recipient_postcode="2905AD",
        days_ago=1,
    ),
)


# Welcome packs ---------------------------------------------------------------


@dataclass(frozen=True)
class WelcomePackData:
    wop: str
    intro: str
    body: str
    # (name, stock before the demo claims took theirs)
    presents: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class WelcomeClaimData:
    wop: str
    status: str  # a ClaimStatus value
    name: str
    street: str
    house_number: str
    postcode: str  # six characters, as stored
    household_size: int
    phone: str = ""
    email: str = ""
    house_number_addition: str = ""
    preferred_language: str = "nl"
    present: str = ""  # a present's name in the claim's WOP
    interests: tuple[str, ...] = ()
    consent_method: str = "online"
    days_ago: int = 0  # when the claim came in
    moved_in_days_ago: int = 30
    handled_days_ago: int = 0  # delivered: when
    not_delivered_reason: str = ""


WELCOME_PACK_TITLE = "Welkomstpakket"
WELCOME_PACK_SLUG = "welkomstpakket"
WELCOME_CONSENT_TEXT = (
    "Ik geef toestemming dat de vrijwilligers van het WOP mijn gegevens "
    "gebruiken om het welkomstpakket te bezorgen. Zoals beschreven in de "
    "privacyverklaring."
)
WELCOME_PACK_BODY = """\
<p>In het pakket zit:</p>
<ul>
<li>een lijst met activiteiten in de wijk voor de komende weken;</li>
<li>het smoelenboek: de mensen in de wijk bij wie u terecht kunt;</li>
<li>een klein cadeautje dat u zelf kiest.</li>
</ul>
<p>Een vrijwilliger brengt het pakket binnen twee weken bij u thuis.</p>"""

COFFEE = "Tegoedbon koffie in het buurthuis"
SEEDS = "Bloemzaadjes"
MAP = "Kaart van de wijk"

WELCOME_PACKS = (
    WelcomePackData(
        wop="schollevaar",
        intro="Nieuw in Schollevaar? Welkom! Vraag ons ontmoetingspakket aan.",
        body=WELCOME_PACK_BODY,
        presents=((COFFEE, 12), (SEEDS, 8), (MAP, 5)),
    ),
    WelcomePackData(
        wop="oostgaarde",
        intro="Net verhuisd naar Oostgaarde? Wij brengen u een welkomstpakket.",
        body=WELCOME_PACK_BODY,
        # The seeds ran out here: the form shows them as "op".
        presents=((COFFEE, 6), (SEEDS, 0), (MAP, 4)),
    ),
    WelcomePackData(
        wop="middelwatering",
        intro="Welkom in Middelwatering! Maak kennis met uw buurt.",
        body=WELCOME_PACK_BODY,
        presents=((COFFEE, 10), (MAP, 10)),
    ),
    WelcomePackData(
        wop="s-gravenland",
        intro="Nieuw in ’s-Gravenland? Kies een cadeautje en wij komen langs.",
        body=WELCOME_PACK_BODY,
        presents=((SEEDS, 15), (MAP, 6)),
    ),
)

# Yonas-like: Eritrean newcomer learning Dutch, prefers Tigrinya.
WELCOME_YONAS = WelcomeClaimData(
    wop="schollevaar",
    status="new",
    name="Yonas Tesfamariam",
    street="Dotterbloemstraat",
    house_number="41",
    postcode="2906VB",
    household_size=1,
    phone="06-41 22 33 44",
    preferred_language="ti",
    present=MAP,
    interests=("buddy", "activities"),
    consent_method="verbal",
    days_ago=3,
    moved_in_days_ago=21,
)
# Patricia-like: single mother who just moved to Capelle.
WELCOME_PATRICIA = WelcomeClaimData(
    wop="schollevaar",
    status="packed",
    name="Patricia Koster",
    street="Reigerhof",
    house_number="7",
    house_number_addition="B",
    postcode="2907BK",
    household_size=2,
    email="patricia.koster@example.org",
    present=COFFEE,
    interests=("activities",),
    days_ago=6,
    moved_in_days_ago=35,
)

WELCOME_CLAIMS = (
    WELCOME_YONAS,
    WELCOME_PATRICIA,
    # Came in three weeks ago and still not brought: flagged "te laat".
    WelcomeClaimData(
        wop="schollevaar",
        status="new",
        name="Mehmet Yildiz",
        street="Kievitlaan",
        house_number="88",
        postcode="2907KC",
        household_size=4,
        phone="06-18 27 36 45",
        preferred_language="tr",
        present=SEEDS,
        days_ago=21,
        moved_in_days_ago=40,
    ),
    WelcomeClaimData(
        wop="oostgaarde",
        status="delivered",
        name="Ingrid Bos",
        street="Koperwiek",
        house_number="15",
        postcode="2904RA",
        household_size=2,
        phone="010-450 12 12",
        present=COFFEE,
        interests=("volunteering",),
        days_ago=12,
        moved_in_days_ago=50,
        handled_days_ago=4,
    ),
    WelcomeClaimData(
        wop="oostgaarde",
        status="not_delivered",
        name="Kevin de Graaf",
        street="Lijsterbes",
        house_number="203",
        postcode="2904AB",
        household_size=1,
        phone="06-55 44 33 22",
        present=MAP,
        days_ago=10,
        not_delivered_reason=(
            "Twee keer aangebeld, niemand thuis. Briefje in de bus gedaan."
        ),
    ),
    WelcomeClaimData(
        wop="middelwatering",
        status="delivered",
        name="Fam. Nguyen",
        street="Slotlaan",
        house_number="310",
        postcode="2902AK",
        household_size=5,
        phone="06-90 80 70 60",
        preferred_language="en",
        present=COFFEE,
        interests=("buddy",),
        consent_method="paper",
        days_ago=9,
        moved_in_days_ago=60,
        handled_days_ago=2,
    ),
    WelcomeClaimData(
        wop="s-gravenland",
        status="withdrawn",
        name="Sanne Vermeer",
        street="Kerklaan",
        house_number="5",
        postcode="2905AC",
        household_size=3,
        email="sanne.vermeer@example.org",
        present=SEEDS,
        days_ago=8,
    ),
    # Added for the volunteers' dashboard: in every WOP a pack to bring and
    # one that is late (not brought within two weeks).
    WelcomeClaimData(
        wop="oostgaarde",
        status="packed",
        name="Dewi Santoso",
        street="Kramsvogel",
        house_number="30",
        postcode="2903PG",
        household_size=3,
        email="dewi.santoso@example.com",
        present=COFFEE,
        days_ago=4,
        moved_in_days_ago=20,
        handled_days_ago=1,
    ),
    WelcomeClaimData(
        wop="oostgaarde",
        status="new",
        name="Familie Öztürk",
        street="Vlierstraat",
        house_number="9",
        postcode="2904AE",
        household_size=5,
        phone="06-31 42 53 64",
        preferred_language="tr",
        present=MAP,
        consent_method="verbal",
        days_ago=16,
        moved_in_days_ago=30,
    ),
    WelcomeClaimData(
        wop="middelwatering",
        status="new",
        name="Lotte Kramer",
        street="Merelhoven",
        house_number="3",
        postcode="2903AL",
        household_size=1,
        email="lotte.kramer@example.org",
        present=MAP,
        days_ago=2,
        moved_in_days_ago=10,
    ),
    WelcomeClaimData(
        wop="middelwatering",
        status="packed",
        name="Ahmad Karimi",
        street="Slotplein",
        house_number="17",
        postcode="2902AN",
        household_size=2,
        phone="06-12 21 34 43",
        preferred_language="en",
        present=COFFEE,
        consent_method="paper",
        days_ago=18,
        moved_in_days_ago=35,
        handled_days_ago=10,
    ),
    WelcomeClaimData(
        wop="s-gravenland",
        status="packed",
        name="Noor Jansen",
        street="Fazantlaan",
        house_number="40",
        postcode="2905AG",
        household_size=2,
        email="noor.jansen@example.org",
        present=SEEDS,
        days_ago=3,
        moved_in_days_ago=14,
        handled_days_ago=1,
    ),
    WelcomeClaimData(
        wop="s-gravenland",
        status="new",
        name="Familie Bakker",
        street="'s-Gravenweg",
        house_number="101",
        postcode="2905AH",
        household_size=4,
        phone="010-442 81 90",
        present=MAP,
        consent_method="verbal",
        days_ago=15,
        moved_in_days_ago=25,
    ),
)
