"""A big, realistic data set for performance work (``manage.py seed_scale``).

Thousands of pages made one ``add_child`` at a time take hours: each is a
handful of queries plus signals. Here the WOPs are made the ordinary way, so
their groups, permissions and collections come from the same signal as on the
site; everything below them (streets, calendars, action pages, activities) is
inserted in bulk with treebeard paths computed here (``pages_bulk_add``). The
activities' dates come from the events app's own recurrence function, and the
submissions are bulk-inserted: nobody is mailed, nothing is logged.

The content is drawn from ``random.Random(seed)``: the same seed gives the
same data set, counted from today. Private tokens stay random (they are keys).
"""

import random
import time as clock
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site

from events.forms import rsvp_consent_purpose
from events.models import (
    EventException,
    EventIndexPage,
    EventKind,
    EventOccurrence,
    EventPage,
    EventRSVP,
    RSVPStatus,
    occurrence_bounds,
)
from events.recurrence import occurrence_dates
from home.demo import content
from home.demo.build.actions import card_design_upsert
from neighbourhood.models import (
    AVAILABILITY_CHOICES,
    ActionKind,
    ActionRequest,
    ActionStatus,
    Audience,
    BuddyMatch,
    BuddyProjectPage,
    BuddySignup,
    BuddySignupStatus,
    CardActionPage,
    CardDesign,
    ConsentMethod,
    Interest,
    KeyFigure,
    Language,
    NeighbourhoodIndexPage,
    NeighbourhoodPage,
    PostcodeArea,
    StreetContact,
    StreetPage,
    TileStock,
    TreatActionPage,
    TreatOption,
    User,
    WaveTileActionPage,
)
from neighbourhood.models.buddies import FOLLOW_UP_AFTER
from neighbourhood.scoping.access import wop_group
from neighbourhood.submissions.services import consent_record
from neighbourhood.wops.postcodes import address_key
from welcome_pack.models import (
    ClaimStatus,
    FurtherInterest,
    Present,
    WelcomePackClaim,
    WelcomePackPage,
)

# Slugs of the WOPs a run makes start with this: how a second run knows.
SLUG_PREFIX = "schaal-"
# Every scale volunteer logs in with this password (printed by the command).
VOLUNTEER_PASSWORD = "schaal-vrijwilliger-2025"
# How far back submissions and activities go.
HISTORY_DAYS = 730
BATCH_SIZE = 2000

WOP_NAMES = (
    "Bloemenbuurt", "Vogelwijk", "Rivierenbuurt", "Schildersbuurt", "Bomenwijk",
    "Havenkwartier", "Dorpskern", "Oude Dorp", "Molenwijk", "Parkzicht",
    "Zeeheldenbuurt", "Lindenhof", "Waterfront", "Middelwatering", "Kerkbuurt",
)  # fmt: skip
STREET_STEMS = (
    "Eiken", "Beuken", "Linden", "Rozen", "Tulpen", "Merel", "Lijster", "Zwaluw",
    "Maas", "Waal", "Rijn", "IJssel", "Rembrandt", "Vermeer", "Molen", "Haven",
    "Kerk", "School", "Dijk", "Polder", "Weide", "Zon", "Ster", "Berken",
)  # fmt: skip
STREET_KINDS = ("straat", "laan", "weg", "hof", "plein", "singel", "kade", "pad")
ACTIVITIES = (
    "Koffieochtend", "Samen eten", "Wandelgroep", "Taalcafé", "Breiclub",
    "Repair Café", "Spelletjesmiddag", "Buurtmoestuin", "Schaakclub",
    "Muziekmiddag", "Computerspreekuur", "Kookclub", "Buurtbingo", "Yoga op de stoel",
)  # fmt: skip
PLACES = (
    "Buurthuis De Schakel", "Wijkcentrum Het Anker", "Bibliotheek", "De Ontmoeting",
    "Kerkzaal", "Speeltuingebouw", "Huiskamer van de wijk",
)  # fmt: skip
FIRST_NAMES = (
    "Hans", "Ria", "Fatima", "Mohamed", "Anja", "Kees", "Sanne", "Ahmet", "Joke",
    "Piet", "Ewa", "Tesfay", "Noor", "Daan", "Emma", "Lucas", "Yasmin", "Wim",
)  # fmt: skip
LAST_NAMES = (
    "de Vries", "Jansen", "Bakker", "Visser", "Smit", "El Amrani", "Yılmaz",
    "Kowalska", "Tesfamariam", "de Jong", "van Dijk", "Mulder", "Bos", "Peters",
)  # fmt: skip
# Dutch postcodes never use these letter pairs.
_BAD_LETTERS = {"SA", "SD", "SS"}
POSTCODE_LETTERS = tuple(
    pair
    for a in "ABCDEFGHJKLMNPRSTVWXZ"
    for b in "ABCDEFGHJKLMNPRSTVWXZ"
    if (pair := a + b) not in _BAD_LETTERS
)
HOUSES_PER_POSTCODE = 60

# Shares of the submissions per kind, and of the activities per repeat.
SUBMISSION_SHARES = (("rsvp", 35), ("buddy", 20), ("action", 30), ("claim", 15))
ANONYMISED_SHARE = 0.05


@dataclass(frozen=True)
class ScaleOptions:
    wops: int = 50
    streets: int = 1000
    events: int = 20000
    submissions: int = 100000
    seed: int = 1
    force: bool = False


@dataclass
class ScaleSummary:
    """What was made, and how long each step took (seconds)."""

    counts: dict[str, int] = field(default_factory=dict)
    timings: list[tuple[str, float]] = field(default_factory=list)
    volunteers: list[tuple[str, str]] = field(default_factory=list)  # (WOP, e-mail)
    urls: dict[str, str] = field(default_factory=dict)
    run: int = 1

    @property
    def total_seconds(self) -> float:
        return sum(seconds for _label, seconds in self.timings)


# Pages in bulk


def pages_bulk_add(*, parent: Page, pages: list[Page], published_at) -> list[Page]:
    """Insert ``pages`` (unsaved specific pages with title and slug) as the
    last children of ``parent``, live, in a few queries.

    Django cannot ``bulk_create`` a multi-table model, so the ``Page`` rows go
    first and then each page type's own rows with their ``page_ptr_id``. The
    paths follow treebeard's rules (as ``add_child`` would make them), so
    ``Page.find_problems()`` stays empty. No revision is made: a page without
    one is served as it is stored, as after ``add_child``.
    """
    if not pages:
        return []
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    start = Page._str2int(last.path[-Page.steplen :]) if last else 0
    depth = parent.depth + 1
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    rows = []
    for offset, page in enumerate(pages, start=1):
        page.path = Page._get_path(parent.path, depth, start + offset)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = published_at
        page.content_type = ContentType.objects.get_for_model(type(page))
        rows.append(Page(**{f.attname: getattr(page, f.attname) for f in page_fields}))
    Page.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    by_model = defaultdict(list)
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        by_model[type(page)].append(page)
    for model, group in by_model.items():
        # Every page type here extends Page directly: one table of its own.
        assert model._meta.get_parent_list() == [Page], model
        fields = model._meta.local_concrete_fields
        size = max(1, connection.ops.bulk_batch_size(fields, group))
        size = min(size, BATCH_SIZE)
        for i in range(0, len(group), size):
            model._base_manager._insert(group[i : i + size], fields=fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


# Helpers


@contextmanager
def _step(summary: ScaleSummary, label: str):
    """Time what runs inside, as one line of the summary."""
    started = clock.perf_counter()
    yield
    summary.timings.append((label, clock.perf_counter() - started))


def _batched_create(model, objs: list) -> list:
    return model.objects.bulk_create(objs, batch_size=BATCH_SIZE)


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


def _spread(total: int, over: int) -> list[int]:
    """``total`` split over ``over`` parts as evenly as whole numbers go."""
    return [total // over + (1 if i < total % over else 0) for i in range(over)]


@dataclass
class _Wop:
    page: NeighbourhoodPage
    area: str
    volunteer: User | None = None
    streets: list[str] = field(default_factory=list)
    calendar: EventIndexPage | None = None
    project: BuddyProjectPage | None = None
    presents: list[Present] = field(default_factory=list)
    next_house: int = 0

    def new_address(self) -> tuple[str, str]:
        """A postcode in this WOP's area and a house number, never used before
        in this run (claims and wave tiles allow one per address)."""
        n = self.next_house
        self.next_house += 1
        letters = POSTCODE_LETTERS[(n // HOUSES_PER_POSTCODE) % len(POSTCODE_LETTERS)]
        block = n // (HOUSES_PER_POSTCODE * len(POSTCODE_LETTERS))
        number = n % HOUSES_PER_POSTCODE + 1 + block * HOUSES_PER_POSTCODE
        return f"{self.area}{letters}", str(number)


# The builder


@transaction.atomic
def scale_build(options: ScaleOptions) -> ScaleSummary:
    """Create the scale data set; refuses a second one unless ``force``."""
    if options.wops < 1:
        raise CommandError("Ask for at least one WOP.")
    existing_runs = NeighbourhoodPage.objects.filter(
        slug__startswith=SLUG_PREFIX
    ).values_list("slug", flat=True)
    runs = {slug[len(SLUG_PREFIX) :].split("-", 1)[0] for slug in existing_runs}
    if runs and not options.force:
        raise CommandError(
            "This database already has a scale data set; run with --force to "
            "add another one beside it."
        )
    run = max((int(r) for r in runs if r.isdigit()), default=0) + 1
    rng = random.Random(options.seed)
    summary = ScaleSummary(run=run)
    now = timezone.now()
    today = timezone.localdate()

    with _step(summary, "WOPs, groups and collections"):
        home = Site.objects.get(is_default_site=True).root_page
        index = NeighbourhoodIndexPage.objects.first() or home.add_child(
            instance=NeighbourhoodIndexPage(title="Wijken", slug="wijken")
        )
        city_calendar = EventIndexPage.objects.child_of(home).first()
        if city_calendar is None:
            city_calendar = home.add_child(
                instance=EventIndexPage(
                    title=content.CITY_CALENDAR_TITLE,
                    slug=content.CITY_CALENDAR_SLUG,
                    intro=content.CITY_CALENDAR_INTRO,
                )
            )
        wops = _wops_create(index=index, count=options.wops, run=run, now=now)
    with _step(summary, "volunteers"):
        _volunteers_create(wops=wops, run=run)
        summary.volunteers = [(w.page.title, w.volunteer.email) for w in wops]
    with _step(summary, "streets, calendars and action pages"):
        _wop_pages_create(wops=wops, streets=options.streets, rng=rng, now=now)
    with _step(summary, "activities"):
        events = _events_create(
            wops=wops,
            city_calendar=city_calendar,
            count=options.events,
            rng=rng,
            today=today,
            now=now,
        )
    with _step(summary, "activity dates"):
        occurrences = _occurrences_create(events=events)
    with _step(summary, "submissions"):
        made = _submissions_create(
            wops=wops,
            events=events,
            occurrences=occurrences,
            count=options.submissions,
            rng=rng,
            now=now,
        )
    with _step(summary, "statistics for the query planner"):
        # Bulk inserts leave the planner without statistics until autovacuum
        # comes round; a site that grew over years has them.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    summary.counts = {
        "WOPs": len(wops),
        "street pages": options.streets,
        "activities": len(events),
        "activity dates": len(occurrences),
        **made,
    }
    first = wops[0]
    summary.urls = {
        "WOP": first.page.url,
        "calendar": first.calendar.url,
        "city calendar": city_calendar.url,
    }
    return summary


def _wops_create(*, index, count: int, run: int, now) -> list[_Wop]:
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
        wops.append(_Wop(page=page, area=area))
    return wops


def _volunteers_create(*, wops: list[_Wop], run: int) -> None:
    """One volunteer per WOP, with a verified address and a known password
    (hashed once: hashing is slow on purpose)."""
    password = make_password(VOLUNTEER_PASSWORD)
    users = _batched_create(
        User,
        [
            User(
                email=f"vrijwilliger-{run}-{i + 1}@example.org",
                first_name="Vrijwilliger",
                last_name=wop.page.title,
                password=password,
                home_wop=wop.page,
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
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user=user, email=user.email, verified=True, primary=True)
            for user in users
        ]
    )


def _wop_pages_create(*, wops: list[_Wop], streets: int, rng, now) -> None:
    """Per WOP: key figures, its streets (each with a contact), a calendar, a
    buddy project, the three action pages and a welcome pack with presents."""
    figures = _batched_create(
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
    for wop, street_count in zip(wops, _spread(streets, len(wops)), strict=True):
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
    _batched_create(StreetContact, contacts)
    _batched_create(TreatOption, treats)
    for present in _batched_create(Present, presents):
        next(w for w in wops if w.page.pk == present.wop_id).presents.append(present)


def _schedule(*, rng, today: date) -> dict:
    """A one-off (half), weekly or monthly activity from two years back to
    half a year ahead."""
    start = today + timedelta(days=rng.randint(-HISTORY_DAYS, 180))
    starts_at = rng.choice((time(10), time(14), time(19, 30)))
    fields = {
        "start_date": start,
        "start_time": starts_at,
        "end_time": time(starts_at.hour + 2, starts_at.minute),
        "weekdays": [],
        "monthly_week": None,
        "monthly_weekday": None,
        "repeat_until": None,
    }
    roll = rng.random()
    if roll < 0.5:
        return fields | {"repeat": "once"}
    if roll < 0.85:
        days = rng.sample(range(7), 1 if rng.random() < 0.8 else 2)
        return fields | {
            "repeat": "weekly",
            "weekdays": sorted(days),
            "repeat_until": start + timedelta(weeks=rng.randint(4, 26)),
        }
    return fields | {
        "repeat": "monthly",
        "monthly_week": rng.choice((1, 2, 3, 4, -1)),
        "monthly_weekday": rng.randrange(7),
        "repeat_until": start + timedelta(days=30 * rng.randint(3, 12)),
    }


def _events_create(
    *, wops: list[_Wop], city_calendar, count: int, rng, today: date, now
) -> list[EventPage]:
    """``count`` activities: one in fifty on the city-wide calendar, the rest
    spread over the WOPs' calendars. Some take sign-ups, with a capacity."""
    city_count = count // 50
    per_calendar = [(city_calendar, None, city_count)] + [
        (wop.calendar, wop.page, n)
        for wop, n in zip(wops, _spread(count - city_count, len(wops)), strict=True)
    ]
    audiences = list(Audience.objects.values_list("pk", flat=True))
    kinds = list(EventKind.values)
    events, exceptions, audience_rows = [], [], []
    serial = 0
    for calendar, wop, n in per_calendar:
        made = []
        for _ in range(n):
            serial += 1
            activity = rng.choice(ACTIVITIES)
            place = rng.choice(PLACES)
            signup = rng.random() < 0.4
            event = EventPage(
                title=f"{activity} in {place}",
                slug=f"{slugify(activity)}-{serial}",
                description=f"<p>{activity}: iedereen is welkom, u hoeft niets mee "
                "te nemen.</p>",
                place_name=place,
                place_address=f"{rng.choice(STREET_STEMS)}straat {rng.randint(1, 80)}",
                wheelchair_access=rng.random() < 0.7,
                hearing_loop=rng.random() < 0.3,
                accessible_toilet=rng.random() < 0.5,
                kind=rng.choice(kinds),
                cost=Decimal("2.50") if rng.random() < 0.3 else None,
                signup_required=signup,
                capacity=rng.choice((12, 20, 40)) if signup else None,
                **_schedule(rng=rng, today=today),
            )
            event.scale_wop = wop
            made.append(event)
        pages_bulk_add(parent=calendar, pages=made, published_at=now)
        events += made
    for event in events:
        if audiences and rng.random() < 0.5:
            for audience in rng.sample(audiences, min(2, len(audiences))):
                audience_rows.append(
                    EventPage.audiences.through(
                        eventpage_id=event.pk, audience_id=audience
                    )
                )
        if event.repeat != "once" and rng.random() < 0.1:
            dates = occurrence_dates(event, exclude_exceptions=False)
            event.scale_skipped = rng.choice(dates)
            exceptions.append(
                EventException(
                    page_id=event.pk, date=event.scale_skipped, reason="Vakantie"
                )
            )
    _batched_create(EventException, exceptions)
    EventPage.audiences.through.objects.bulk_create(
        audience_rows, batch_size=BATCH_SIZE
    )
    return events


def _occurrences_create(*, events: list[EventPage]) -> list[EventOccurrence]:
    """Each activity's dates, as ``event_occurrences_sync`` stores them on
    publishing: an exception date is kept, marked cancelled."""
    rows = []
    for event in events:
        skipped = getattr(event, "scale_skipped", None)
        for day in occurrence_dates(event, exclude_exceptions=False):
            starts_at, ends_at = occurrence_bounds(event, day)
            rows.append(
                EventOccurrence(
                    event_id=event.pk,
                    wop=event.scale_wop,
                    date=day,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    is_cancelled=day == skipped,
                )
            )
    return _batched_create(EventOccurrence, rows)


def _kind_counts(total: int) -> dict[str, int]:
    whole = sum(share for _kind, share in SUBMISSION_SHARES)
    counts = {kind: total * share // whole for kind, share in SUBMISSION_SHARES}
    counts["rsvp"] += total - sum(counts.values())
    return counts


def _person(rng, *, n: int, wop: _Wop, created_at, method=None) -> dict:
    """A resident's contact fields and consent, in ``wop``'s area."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    postcode, number = wop.new_address()
    email = (
        f"{slugify(first)}.{slugify(last)}.{n}@example.org"
        if rng.random() < 0.6
        else ""
    )
    phone = (
        f"06-{rng.randint(10000000, 99999999)}"
        if not email or rng.random() < 0.5
        else ""
    )
    method = (
        method
        or rng.choices(
            (ConsentMethod.ONLINE, ConsentMethod.VERBAL, ConsentMethod.PAPER), (8, 1, 1)
        )[0]
    )
    return {
        "wop": wop.page,
        "created_at": created_at,
        "name": f"{first} {last}",
        "email": email,
        "phone": phone,
        "street": rng.choice(wop.streets) if wop.streets else "Kerkstraat",
        "house_number": number,
        "postcode": postcode,
        "contact_preference": "email" if email else "phone",
        "consent_at": created_at,
        "consent_method": method,
        "registered_by": wop.volunteer if method != ConsentMethod.ONLINE else None,
    }


def _anonymise(submission, *, at) -> None:
    """What ``submission_anonymise`` leaves: no person, the 4-digit area."""
    for name in submission.personal_fields:
        value = getattr(submission, name)
        setattr(submission, name, [] if isinstance(value, list) else "")
    submission.postcode = submission.postcode[:4]
    submission.withdrawn_at = submission.anonymised_at = at
    submission.status = submission.withdrawn_status


def _submissions_create(
    *,
    wops: list[_Wop],
    events: list[EventPage],
    occurrences: list[EventOccurrence],
    count: int,
    rng,
    now,
) -> dict[str, int]:
    """``count`` submissions over the four kinds, the WOPs and the last two
    years, statuses mixed, one in twenty withdrawn and anonymised."""
    counts = _kind_counts(count)
    version = consent_record(text="")["consent_privacy_version"]
    designs = list(CardDesign.objects.filter(is_offered=True)) or [
        card_design_upsert(data=data) for data in content.CARD_DESIGNS
    ]
    serial = 0

    def came_in():
        return now - timedelta(seconds=rng.randint(0, HISTORY_DAYS * 86400))

    def person(wop, created_at, **kw):
        nonlocal serial
        serial += 1
        return _person(rng, n=serial, wop=wop, created_at=created_at, **kw)

    def later(created_at, days):
        return min(now, created_at + timedelta(days=rng.randint(1, days)))

    wop_of = {w.page.pk: w for w in wops}

    # Buddy sign-ups, and matches between the matched ones of a project.
    signups = []
    buddy_statuses = (
        (BuddySignupStatus.NEW, 30),
        (BuddySignupStatus.CONTACTED, 25),
        (BuddySignupStatus.MATCHED, 30),
        (BuddySignupStatus.ENDED, 15),
    )
    for _ in range(counts["buddy"]):
        wop = rng.choice(wops)
        created_at = came_in()
        signup = BuddySignup(
            **person(wop, created_at),
            project=wop.project,
            role=rng.choice(("seeker", "buddy")),
            interests=rng.sample(Interest.values, rng.randint(1, 3)),
            availability=rng.sample(
                [code for code, _label in AVAILABILITY_CHOICES], rng.randint(1, 4)
            ),
            languages=["nl"] + rng.sample(Language.values[1:-1], rng.randint(0, 1)),
            status=rng.choices(*zip(*buddy_statuses, strict=True))[0],
            consent_text=str(content.BUDDY_CONSENT_TEXT),
            consent_privacy_version=version,
        )
        if rng.random() < ANONYMISED_SHARE:
            _anonymise(signup, at=later(created_at, 60))
        signups.append(signup)
    signups = _batched_create(BuddySignup, signups)
    waiting = defaultdict(lambda: {"seeker": [], "buddy": []})
    for signup in signups:
        if signup.status == BuddySignupStatus.MATCHED:
            waiting[signup.wop_id][signup.role].append(signup)
    matches = []
    for wop_id, roles in waiting.items():
        for seeker, buddy in zip(roles["seeker"], roles["buddy"], strict=False):
            started = max(seeker.created_at, buddy.created_at).date() + timedelta(7)
            started = min(started, now.date())
            matches.append(
                BuddyMatch(
                    wop_id=wop_id,
                    seeker=seeker,
                    buddy=buddy,
                    started_on=started,
                    follow_up_on=started + FOLLOW_UP_AFTER,
                    created_by=wop_of[wop_id].volunteer,
                )
            )
    _batched_create(BuddyMatch, matches)

    # Neighbour actions.
    requests = []
    action_statuses = (
        (ActionStatus.NEW, 20),
        (ActionStatus.WAITING, 5),
        (ActionStatus.APPROVED, 15),
        (ActionStatus.PRINTED, 10),
        (ActionStatus.DONE, 40),
        (ActionStatus.DECLINED, 10),
    )
    for _ in range(counts["action"]):
        wop = rng.choice(wops)
        created_at = came_in()
        kind = rng.choice(ActionKind.values)
        fields = person(wop, created_at)
        status = rng.choices(*zip(*action_statuses, strict=True))[0]
        extra = {}
        if kind in (ActionKind.CARD, ActionKind.TREAT):
            postcode, number = wop.new_address()
            extra = {
                "recipient_street": rng.choice(wop.streets) if wop.streets else "",
                "recipient_house_number": number,
                "recipient_postcode": postcode,
            }
        if kind == ActionKind.CARD:
            extra |= {
                "card_design": rng.choice(designs),
                "message": "Fijn dat u onze buur bent!",
                "anonymous": rng.random() < 0.2,
                "delivery": rng.choice(("volunteer", "self")),
            }
            if extra["delivery"] == "self":
                status = ActionStatus.DONE
        elif kind == ActionKind.TREAT:
            extra |= {
                "treat": "Appeltaart",
                "treat_for": rng.choice(("neighbour", "together")),
            }
        else:
            extra["address_key"] = address_key(
                fields["postcode"], fields["house_number"]
            )
        request = ActionRequest(
            **fields,
            **extra,
            kind=kind,
            status=status,
            handled_on=(
                later(created_at, 21).date() if status == ActionStatus.DONE else None
            ),
            decline_reason=(
                "Dit adres valt buiten de wijk."
                if status == ActionStatus.DECLINED
                else ""
            ),
            consent_text=str(content.ACTION_CONSENT_TEXT),
            consent_privacy_version=version,
        )
        if rng.random() < ANONYMISED_SHARE:
            _anonymise(request, at=later(created_at, 30))
        requests.append(request)
    _batched_create(ActionRequest, requests)

    # Welcome-pack claims: one per address.
    claims = []
    claim_statuses = (
        (ClaimStatus.NEW, 15),
        (ClaimStatus.PACKED, 10),
        (ClaimStatus.DELIVERED, 70),
        (ClaimStatus.NOT_DELIVERED, 5),
    )
    for _ in range(counts["claim"]):
        wop = rng.choice(wops)
        created_at = came_in()
        fields = person(wop, created_at)
        addition = "A" if rng.random() < 0.1 else ""
        status = rng.choices(*zip(*claim_statuses, strict=True))[0]
        delivered = status == ClaimStatus.DELIVERED
        claim = WelcomePackClaim(
            **fields,
            house_number_addition=addition,
            moved_in_on=created_at.date() - timedelta(days=rng.randint(0, 60)),
            household_size=rng.randint(1, 5),
            preferred_language=rng.choice(Language.values),
            present=rng.choice(wop.presents) if rng.random() < 0.8 else None,
            interests=rng.sample(FurtherInterest.values, rng.randint(0, 2)),
            status=status,
            delivered_on=later(created_at, 14).date() if delivered else None,
            delivered_by=wop.volunteer if delivered else None,
            not_delivered_reason=(
                "Niemand thuis, drie keer geprobeerd."
                if status == ClaimStatus.NOT_DELIVERED
                else ""
            ),
            address_key=address_key(
                fields["postcode"], f"{fields['house_number']}{addition}"
            ),
            consent_text=str(content.WELCOME_CONSENT_TEXT),
            consent_privacy_version=version,
        )
        if rng.random() < ANONYMISED_SHARE:
            _anonymise(claim, at=later(created_at, 90))
        claims.append(claim)
    _batched_create(WelcomePackClaim, claims)

    # RSVPs, for dates of activities that take sign-ups (any date when none
    # does); a city-wide activity's RSVP goes to a random WOP.
    event_ids = {event.pk for event in events if event.signup_required}
    open_dates = [o for o in occurrences if o.event_id in event_ids] or occurrences
    titles = {event.pk: event.title for event in events}
    rsvps = []
    earliest = now - timedelta(days=HISTORY_DAYS)
    for _ in range(counts["rsvp"] if open_dates else 0):
        occurrence = rng.choice(open_dates)
        wop = wop_of[occurrence.wop_id] if occurrence.wop_id else rng.choice(wops)
        created_at = min(now, occurrence.starts_at) - timedelta(
            seconds=rng.randint(3600, 30 * 86400)
        )
        created_at = max(created_at, earliest)
        status = rng.choices(
            (RSVPStatus.CONFIRMED, RSVPStatus.WAITING, RSVPStatus.CANCELLED),
            (85, 5, 10),
        )[0]
        past = occurrence.ends_at < now
        rsvp = EventRSVP(
            **person(wop, created_at),
            occurrence=occurrence,
            people=rng.choices((1, 2, 3), (6, 3, 1))[0],
            status=status,
            attended=(
                rng.random() < 0.85 if past and status == RSVPStatus.CONFIRMED else None
            ),
            consent_text=str(rsvp_consent_purpose(titles[occurrence.event_id])),
            consent_privacy_version=version,
        )
        if rng.random() < ANONYMISED_SHARE:
            _anonymise(rsvp, at=later(created_at, 30))
        rsvps.append(rsvp)
    _batched_create(EventRSVP, rsvps)
    return {
        "buddy sign-ups": len(signups),
        "buddy matches": len(matches),
        "action requests": len(requests),
        "welcome-pack claims": len(claims),
        "RSVPs": len(rsvps),
    }
