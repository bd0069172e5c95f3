"""The scale data set's WOPs, their volunteers and the pages below them
(streets, calendar, buddy project, action pages, welcome pack)."""

from collections import defaultdict

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management.base import CommandError
from django.utils.text import slugify

from events.models import EventIndexPage
from home.demo import content
from home.demo.scale.common import (
    FIRST_NAMES,
    LAST_NAMES,
    STREET_STEMS,
    ScaleWop,
    batched_create,
    pages_bulk_add,
    spread,
)
from home.models import User
from neighbourhood.models import (
    BuddyProjectPage,
    CardActionPage,
    KeyFigure,
    NeighbourhoodPage,
    PostcodeArea,
    StreetContact,
    StreetPage,
    TileStock,
    TreatActionPage,
    TreatOption,
    VolunteerProfile,
    WaveTileActionPage,
)
from neighbourhood.scoping.access import wop_group
from welcome_pack.models import Present, WelcomePackPage

# Slugs of the WOPs a run makes start with this: how a second run knows.
SLUG_PREFIX = "schaal-"
# Every scale volunteer logs in with this password (printed by the command).
VOLUNTEER_PASSWORD = "schaal-vrijwilliger-2025"
WOP_NAMES = (
    "Bloemenbuurt", "Vogelwijk", "Rivierenbuurt", "Schildersbuurt", "Bomenwijk",
    "Havenkwartier", "Dorpskern", "Oude Dorp", "Molenwijk", "Parkzicht",
    "Zeeheldenbuurt", "Lindenhof", "Waterfront", "Middelwatering", "Kerkbuurt",
)  # fmt: skip
STREET_KINDS = ("straat", "laan", "weg", "hof", "plein", "singel", "kade", "pad")


def free_postcode_areas(*, count: int) -> list[str]:
    """``count`` 4-digit postcode areas no WOP covers yet, lowest first."""
    taken = set()
    for first, last in PostcodeArea.objects.values_list("first", "last"):
        taken.update(range(int(first[:4]), int(last[:4]) + 1))
    free = [str(area) for area in range(1000, 10000) if area not in taken]
    if len(free) < count:
        raise CommandError(
            f"Only {len(free)} postcode areas are still free; ask for fewer WOPs."
        )
    return free[:count]


def wops_create(*, index, count: int, run: int, now) -> list[ScaleWop]:
    """The WOPs through ``add_child``: their signal makes groups and collections."""
    wops = []
    for i, area in enumerate(free_postcode_areas(count=count)):
        name = WOP_NAMES[i % len(WOP_NAMES)]
        if i >= len(WOP_NAMES):
            name = f"{name} {i // len(WOP_NAMES) + 1}"
        page = NeighbourhoodPage(
            title=name,
            slug=f"{SLUG_PREFIX}{run}-{slugify(name)}",
            intro=f"Samen wonen in {name}: buren die elkaar kennen en helpen.",
            body=f"<p>{name} is een wijk met veel buren die iets voor elkaar doen.</p>",
            contact_name=f"WOP {name}",
            contact_phone="010-123 45 67",
            contact_email=f"wop-{run}-{i + 1}@example.org",
            contact_address="Buurthuis De Schakel, Kerkplein 1",
            contact_hours="Dinsdag en donderdag van 10.00 tot 12.00 uur.",
            first_published_at=now,
            last_published_at=now,
        )
        page.postcode_areas.add(PostcodeArea(first=f"{area}AA", last=f"{area}ZZ"))
        index.add_child(instance=page)
        wops.append(ScaleWop(page=page, area=area))
    return wops


def volunteers_create(*, wops: list[ScaleWop], run: int) -> None:
    """One volunteer per WOP, with a verified address and a known password
    (hashed once: hashing is slow on purpose)."""
    password = make_password(VOLUNTEER_PASSWORD)
    users = batched_create(
        User,
        [
            User(
                email=f"vrijwilliger-{run}-{i + 1}@example.org",
                first_name="Vrijwilliger",
                last_name=wop.page.title,
                password=password,
            )
            for i, wop in enumerate(wops)
        ],
    )
    memberships = []
    for wop, user in zip(wops, users, strict=True):
        wop.volunteer = user
        memberships.append(
            User.groups.through(user_id=user.pk, group_id=wop_group(wop.page).pk)
        )
    User.groups.through.objects.bulk_create(memberships)
    VolunteerProfile.objects.bulk_create(
        [
            VolunteerProfile(user=user, home_wop=wop.page)
            for wop, user in zip(wops, users, strict=True)
        ]
    )
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user=user, email=user.email, verified=True, primary=True)
            for user in users
        ]
    )


def wop_pages_create(*, wops: list[ScaleWop], streets: int, rng, now) -> None:
    """Per WOP: key figures, its streets (each with a contact), a calendar, a
    buddy project, the three action pages and a welcome pack with presents."""
    figures = batched_create(
        KeyFigure,
        [
            KeyFigure(
                wop=wop.page,
                name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                role=role,
                phone="06-12345678",
                reachable="Meestal 's middags thuis.",
            )
            for wop in wops
            for role in ("Sleutelfiguur", "Buurtconciërge", "Lief-en-leedpot")
        ],
    )
    figures_of = defaultdict(list)
    for figure in figures:
        figures_of[figure.wop_id].append(figure)
    TileStock.objects.bulk_create(
        [TileStock(wop=wop.page, quantity=rng.randint(0, 40)) for wop in wops]
    )
    contacts, treats, presents = [], [], []
    for wop, street_count in zip(wops, spread(streets, len(wops)), strict=True):
        keys = figures_of[wop.page.pk]
        street_pages = []
        for n in range(street_count):
            stem = STREET_STEMS[n % len(STREET_STEMS)]
            kind = STREET_KINDS[(n // len(STREET_STEMS)) % len(STREET_KINDS)]
            name = f"{stem}{kind}"
            rounds = n // (len(STREET_STEMS) * len(STREET_KINDS))
            title = name if not rounds else f"{name} {rounds + 1}"
            wop.streets.append(title)
            has_kitty = rng.random() < 0.2
            street_pages.append(
                StreetPage(
                    title=title,
                    slug=slugify(title),
                    streets=f"{title}, {rng.choice(STREET_STEMS)}hof",
                    intro=f"Wat er gebeurt in de {title} en bij wie u terechtkunt.",
                    body="<p>Buren drinken koffie en houden een oogje in het zeil.</p>",
                    has_kitty=has_kitty,
                    kitty_keeper=keys[2] if has_kitty else None,
                )
            )
        calendar = EventIndexPage(
            title=content.EVENT_INDEX_TITLE,
            slug=content.EVENT_INDEX_SLUG,
            intro=content.EVENT_INDEX_INTRO,
        )
        project = BuddyProjectPage(
            title="Maatjes in de wijk",
            slug="maatjes",
            intro="Een maatje om samen iets mee te doen, gewoon bij u in de buurt.",
            contact=keys[0],
        )
        treat_page = TreatActionPage(
            title="Traktatie voor een buur",
            slug="traktatie",
            intro="Trakteer een buur op iets lekkers.",
            monthly_limit=20,
        )
        welcome = WelcomePackPage(
            title=content.WELCOME_PACK_TITLE,
            slug=content.WELCOME_PACK_SLUG,
            intro="Nieuw in de wijk? Haal uw ontmoetingspakket op.",
        )
        pages_bulk_add(
            parent=wop.page,
            pages=[
                *street_pages,
                calendar,
                project,
                CardActionPage(
                    title="Kaartje sturen",
                    slug="kaartje",
                    intro="Stuur een buur een kaartje.",
                ),
                treat_page,
                WaveTileActionPage(
                    title="Zwaaitegel",
                    slug="zwaaitegel",
                    intro="Een zwaaitegel voor uw deur.",
                ),
                welcome,
            ],
            published_at=now,
        )
        wop.calendar, wop.project = calendar, project
        contacts += [
            StreetContact(page_id=street.pk, key_figure=keys[0], sort_order=0)
            for street in street_pages
        ]
        treats += [
            TreatOption(page_id=treat_page.pk, name=name, sort_order=i)
            for i, name in enumerate(
                ("Appeltaart", "Bloemen", "Koffie met wat lekkers")
            )
        ]
        presents += [
            Present(wop=wop.page, name=name, stock=rng.randint(0, 30))
            for name in ("Plantje", "Koffiebon", "Stadswandeling")
        ]
    batched_create(StreetContact, contacts)
    batched_create(TreatOption, treats)
    for present in batched_create(Present, presents):
        next(w for w in wops if w.page.pk == present.wop_id).presents.append(present)
